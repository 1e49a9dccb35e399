import tensorflow as tf

try:
    from tensorflow import op_scope
except ImportError:
    from tensorflow import name_scope as op_scope


def star_args(args):
    with tf.op_scope(*args):
        pass


def reference():
    factory = tf.variable_op_scope
    return factory


def two_ways(x):
    with op_scope([x], "n"):
        pass


def too_many(x):
    with tf.op_scope([x], "n", "D", "extra"):
        pass


def twice(x):
    with tf.op_scope([x], "n", values=[x]):
        pass


def fine(x):
    with tf.op_scope([x], "n"):
        pass
