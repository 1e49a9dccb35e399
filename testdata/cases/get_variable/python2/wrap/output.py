import tensorflow as tf

with tf.name_scope("py2"):
    v = tf.get_variable("py2/v", [1])
    print "made", v.name
