import tensorflow as tf


def three_positional(x, name=None):
    with tf.name_scope(name, "ThreePositional", [x]) as scope:
        return tf.identity(x, name=scope)


def two_positional(x, name):
    with tf.name_scope(name, values=[x]):
        return tf.identity(x)


def keywords_only(x, name=None):
    with tf.name_scope(values=[x], name=name, default_name="KeywordsOnly"):
        return tf.identity(x)


def mixed(x, name=None):
    with tf.name_scope(name, default_name="Mixed", values=[x]):
        return tf.identity(x)


def keyword_name(x, name=None):
    with tf.name_scope(name=name, values=[x]):
        return tf.identity(x)


def double_star(x, **scope_kwargs):
    with tf.name_scope(values=[x], **scope_kwargs):
        return tf.identity(x)


def none_default(x):
    with tf.name_scope(None, "NoneName", [x, x]):
        return tf.identity(x)
