import tensorflow as tf


def layer(x, scope):
    with tf.variable_scope(scope, True, tf.constant_initializer(0.5),
                           None,  # no regularizer
                           dtype=tf.float32):
        return tf.get_variable("w", [1])


def layer2(x, scope):
    with tf.variable_scope(scope, False, initializer = tf.zeros_initializer()):
        return tf.get_variable("w", [1])
