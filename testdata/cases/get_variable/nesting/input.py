import tensorflow.compat.v1 as tf

with tf.variable_scope("model"):
    with tf.name_scope("a"):
        with tf.name_scope("b"):
            w = tf.get_variable("w", [1])
        x = tf.get_variable("x", [1])
    with tf.variable_scope("v"), tf.name_scope("n"):
        y = tf.get_variable("y", [1])

with tf.variable_scope(tf.get_variable_scope()):
    with tf.name_scope("dyn_vs"):
        z = tf.get_variable("z", [1])


def block(inputs):
    with tf.variable_scope("blk"):
        with tf.name_scope("inner"):
            return inputs * tf.get_variable("k", [1])


class Model:
    with tf.name_scope("cls"):
        c = tf.get_variable("c", [1])
