"""Line breaks inside a call stay where they were: every later line keeps its number."""
import tensorflow as tf

with tf.op_scope([x], \

                 'n'):
    pass

with tf.op_scope([x],

                 'n'):
    pass

with tf.op_scope([x], \
                 name, \
                 "Default"):
    pass

with tf.op_scope(
    [x],

    name,
    "Default",
):
    pass

with tf.op_scope(
    [x],  # the tensors

    # the name
    name,
):
    pass

with tf.variable_op_scope(\
[x], scope, \
"Default", reuse=True \
):
    pass

with tf.op_scope([x]
                 ,
                 name):
    pass
LAST_LINE = 45
