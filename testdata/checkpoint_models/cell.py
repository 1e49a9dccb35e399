"""A class whose __call__ opens a variable scope and name scopes; each instance shares its variables."""

import tensorflow.compat.v1 as tf


class Cell:
    def __init__(self, units, name="cell"):
        self.units = units
        self.name = name

    def __call__(self, x, state):
        with tf.variable_scope(self.name, reuse=tf.AUTO_REUSE):
            joined = tf.concat([x, state], 1)
            with tf.name_scope("gates"):
                w = tf.get_variable("w", [joined.shape[-1], self.units])
            with tf.name_scope("candidate"):
                u = tf.get_variable("u", [joined.shape[-1], self.units])
                b = tf.get_variable("b", [self.units])
            gate = tf.sigmoid(tf.matmul(joined, w))
            return gate * state + (1 - gate) * tf.tanh(tf.matmul(joined, u) + b)


x = tf.zeros([2, 3], name="x")
state = tf.zeros([2, 4], name="state")
cell, other = Cell(4), Cell(4, name="other")
for _ in range(3):
    state = cell(x, state)
state = other(x, cell(x, state))
