import tensorflow as tf


class Model(object):
    def __init__(self, reuse=False):
        self.reuse_vars = reuse

    def build(self, x, reuse, step):
        with tf.variable_scope("a", reuse):
            pass
        with tf.variable_scope("b", self.reuse_vars, tf.ones_initializer()):
            pass
        with tf.variable_scope("c", step > 0):
            pass
        with tf.variable_scope("d", not self.first):
            pass
        with tf.variable_scope("e", True, reuse=True):
            pass
