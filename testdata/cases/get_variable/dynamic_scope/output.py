import tensorflow.compat.v1 as tf


def layer(x, name=None):
    """The usual layer pattern: the scope string names the output op."""
    with tf.name_scope(name, "Layer", [x]) as scope:
        w = tf.get_variable("w", [1])
        return tf.identity(x * w, name=scope)


def layer_without_as(x, name=None):
    with tf.name_scope(name, "Layer", [x]):
        w = tf.get_variable("w", [1])
        return x * w


def op_scope_layer(x, name=None):
    with tf.name_scope(name, "OpLayer", [x]):
        w = tf.get_variable(name="w_" + str(len(x.shape)), shape=[1])
        return x * w


def default_only(x):
    with tf.name_scope(None, "Default", [x]) as s:
        return x * tf.get_variable("w", [1])
