import tensorflow as tf

print "start"


def f(x, name):
    with tf.op_scope([x], `name`):
        pass
    with tf.op_scope([x], name):
        pass
