import tensorflow as tf


def conv_op(x, name, n_out):
    """The name is built from the scope string, which already holds the full prefix."""
    with tf.name_scope(name) as scope:
        kernel = tf.get_variable(scope + "w", shape=[3, 3, 1, n_out])
        return tf.nn.conv2d(x, kernel, (1, 1, 1, 1), padding="SAME", name=scope)


def fc_op(x, n_out):
    with tf.name_scope("fc") as scope:
        w = tf.get_variable(name=scope + 'w', shape=[4, n_out])
        b = tf.get_variable("%sb" % scope, shape=[n_out])
        g = tf.get_variable(f"{scope}g", shape=[n_out])
        return tf.matmul(x, w) * g + b


def outer_string(x):
    with tf.name_scope("block") as block:
        with tf.name_scope("inner"):
            return x * tf.get_variable(block + "scale", [1])


def scope_string_not_first(x):
    with tf.name_scope("fc2") as scope:
        return x * tf.get_variable("fc2/" + ("w" + scope), [1])
