import tensorflow.compat.v1 as tf


def get_variable(name, shape):  # not TensorFlow's
    return name


with tf.name_scope("s"):
    mine = get_variable("mine", [1])
    with tf.variable_scope("vs"):
        v = tf.get_variable("v", [1])
    prefixed = tf.get_variable("s/prefixed", [1])
    concat = tf.get_variable("s/" + "concat", [1])
    made = lambda: tf.get_variable("in_lambda", [1])

    def helper():
        return tf.get_variable("in_def", [1])

with tf.name_scope(None):
    reset = tf.get_variable("reset", [1])
with tf.name_scope(""):
    empty = tf.get_variable("empty", [1])
with tf.name_scope("", "Ignored"):
    empty_with_default = tf.get_variable("empty_with_default", [1])
with tf.name_scope(None, None, []):
    reset_values = tf.get_variable("reset_values", [1])
with tf.name_scope("n"), tf.variable_scope("v2"):
    inner_variable_scope = tf.get_variable("x", [1])
with tf.variable_scope("vop", values=[]):
    under_variable_op_scope = tf.get_variable("y", [1])
top = tf.get_variable("top", [1])
