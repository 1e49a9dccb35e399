"""The layers module called under several variable scopes, nested and not."""

import tensorflow.compat.v1 as tf

import layers


def encode(x):
    with tf.variable_scope("encoder"):
        return layers.norm(layers.projection(layers.dense(x, 4, name="enc")))


def decode(h):
    with tf.variable_scope("decoder"):
        h = layers.norm(layers.dense(h, 4))
        with tf.variable_scope("inner"):
            return layers.norm(layers.projection(h))


x = tf.zeros([2, 4], name="x")
output = decode(encode(x))
with tf.name_scope("head"):
    logits = tf.matmul(output, tf.get_variable("logits", [4, 2]))
steps = tf.Variable(0.0, name="steps", trainable=False)
