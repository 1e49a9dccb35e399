"""Line breaks inside a call stay where they were: every later line keeps its number."""
import tensorflow as tf

with tf.name_scope('n', \

                   values=[x]):
    pass

with tf.name_scope('n',

                   values=[x]):
    pass

with tf.name_scope(name, \
                   "Default", \
                   [x]):
    pass

with tf.name_scope(
    name,

    "Default",
    [x],
):
    pass

with tf.name_scope(
    # the name
    name,

    values=[x],  # the tensors
):
    pass

with tf.variable_scope(\
scope, "Default", \
[x], reuse=True \
):
    pass

with tf.name_scope(name
                   ,
                   values=[x]):
    pass
LAST_LINE = 45
