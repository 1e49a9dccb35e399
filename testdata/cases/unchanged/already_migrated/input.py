"""Code already on the new APIs: a second run must find nothing to do."""
import tensorflow.compat.v1 as tf
from tensorflow.python.framework import ops
from tensorflow.python.ops import variable_scope as vs


def dense(x, units, scope=None, reuse=None):
    with tf.variable_scope(scope, "Dense", [x], reuse=reuse):
        w = tf.get_variable("w", [x.shape[-1], units])
        return tf.matmul(x, w)


def norm(x, name=None):
    with ops.name_scope(name, "Norm", [x]) as scope:
        return tf.identity(x, name=scope)


def shared(x):
    with vs.variable_scope("shared", reuse=tf.AUTO_REUSE):
        return tf.get_variable("v", [1]) + x
