import tensorflow as tf


class Softmax(object):
    def __init__(self, name):
        self.name = name

    def build(self, inputs, name, dim, size):
        # The scope's own name argument and a slash: what variable_scope(name) would give.
        with tf.name_scope(name):
            w = tf.get_variable(name + '/w', [dim, size])
            b = tf.get_variable(name + "/" + "b", [size])
            g = tf.get_variable(f"{name}/g", [size])
            h = tf.get_variable("%s/h" % name, [size])
            u = tf.get_variable(name + '_u', [size])
        with tf.name_scope(self.name):
            v = tf.get_variable(self.name + '/v', [size])
        return w, b, g, h, u, v
