import tensorflow as tf
from somewhere import variable_scope


def block(x, name=None):
    # r0.11 style: the second argument is default_name
    with tf.variable_scope(name, "Block", [x]):
        pass
    with tf.variable_scope(name, None):
        pass
    with tf.variable_scope(name, default_name):
        pass
    with tf.variable_scope("kw", reuse=True):
        pass
    with variable_scope("not tensorflow's", True):
        pass
    with tf.variable_scope(name, "Block", [x], None, None, None, None, None, True):
        pass
