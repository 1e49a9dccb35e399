# Written for TensorFlow 1.0 (tf.summary.scalar is r0.12): the positional True and False
# are default_name, which TensorFlow ignores when a name is given; the scopes never reused.
import tensorflow as tf
from tensorflow.python.ops import variable_scope as vs


def linear(x, size, scope=None):
    with vs.variable_scope(scope or "linear", True):
        w = tf.get_variable("w", [x.get_shape()[1], size])
        return tf.matmul(x, w)


def cell(x, scope):
    with tf.variable_scope(scope, False):
        return linear(x, 4)


def summaries(loss):
    tf.summary.scalar("loss", loss)
