import tensorflow as tf


class Block(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        with tf.name_scope("block"):
            self.w = tf.Variable(tf.ones([3]), name="w")

    @tf.function
    def __call__(self, x):
        with tf.name_scope(self.name):
            return x * self.w
