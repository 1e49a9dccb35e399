"""Layers called twice where their variables are shared: tf.AUTO_REUSE and reuse=True; a partitioned variable."""

import tensorflow.compat.v1 as tf

import layers

x = tf.zeros([2, 4], name="x")
with tf.variable_scope("tied", reuse=tf.AUTO_REUSE):
    y = layers.norm(layers.projection(layers.dense(x, 4)))
    y = layers.norm(layers.projection(layers.dense(y, 4, name="again")))
with tf.variable_scope("shared"):
    z = layers.projection(layers.norm(x))
with tf.variable_scope("shared", reuse=True):
    z = layers.projection(layers.norm(z))
with tf.variable_scope("top"):
    with tf.name_scope("out"):
        out = tf.matmul(y + z, tf.get_variable("weights", [4, 1]))
with tf.variable_scope("sharded", partitioner=tf.fixed_size_partitioner(2)):
    with tf.name_scope("embedding"):
        table = tf.get_variable("table", [6, 4])
