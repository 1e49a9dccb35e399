import tensorflow as tf


def conv(inputs, scope=None, reuse=None):
    with tf.variable_op_scope([inputs], scope, "Conv", reuse=reuse):
        return tf.get_variable("w", [3])


def with_initializer(inputs, scope):
    init = tf.constant_initializer(0.5)
    with tf.variable_op_scope([inputs], scope, "Init", init) as vs:
        return tf.get_variable("w", [1]), vs


def all_tail_positional(inputs, scope, init, reg, device, part, getter, reuse, dtype):
    with tf.variable_op_scope([inputs], scope, None, init, reg, device, part, getter, reuse, dtype):
        pass


def two_positional_tail_keyword(inputs, scope):
    with tf.variable_op_scope([inputs], scope, initializer=tf.zeros_initializer()):
        pass


def keywords(inputs):
    with tf.variable_op_scope(values=[inputs], name_or_scope=None, default_name="Kw", reuse=True):
        pass
