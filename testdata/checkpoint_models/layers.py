"""Layers in a module of their own, called by the models under several variable scopes."""

import tensorflow.compat.v1 as tf


def dense(x, units, name=None):
    # The name scope is named at run time: --wrap-get-variable leaves these alone (MS204).
    with tf.name_scope(name, "Dense", [x]):
        kernel = tf.get_variable("kernel", [x.shape[-1], units])
        bias = tf.get_variable("bias", [units])
        return tf.matmul(x, kernel) + bias


def projection(x):
    # No name, a default: the variable gets the written default, "Projection/matrix".
    with tf.name_scope(None, "Projection", [x]):
        return tf.matmul(x, tf.get_variable("matrix", [x.shape[-1], x.shape[-1]]))


def norm(x):
    with tf.op_scope([x], "norm"):
        scale = tf.get_variable("scale", [x.shape[-1]])
        offset = tf.get_variable("offset", [x.shape[-1]])
        return x * scale + offset
