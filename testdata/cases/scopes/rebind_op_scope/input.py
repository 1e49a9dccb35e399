import tensorflow as tf


def three_positional(x, name=None):
    with tf.op_scope([x], name, "ThreePositional") as scope:
        return tf.identity(x, name=scope)


def two_positional(x, name):
    with tf.op_scope([x], name):
        return tf.identity(x)


def keywords_only(x, name=None):
    with tf.op_scope(values=[x], name=name, default_name="KeywordsOnly"):
        return tf.identity(x)


def mixed(x, name=None):
    with tf.op_scope([x], name, default_name="Mixed"):
        return tf.identity(x)


def keyword_name(x, name=None):
    with tf.op_scope([x], name=name):
        return tf.identity(x)


def double_star(x, **scope_kwargs):
    with tf.op_scope([x], **scope_kwargs):
        return tf.identity(x)


def none_default(x):
    with tf.op_scope([x, x], None, "NoneName"):
        return tf.identity(x)
