import tensorflow as tf
from tensorflow.python.ops.variable_scope import variable_op_scope as vos


def pair_op(x, (lo, hi), name=None):
    with vos([x, lo, hi], name, "PairOp"):
        return tf.clip_by_value(x, lo, hi)


scale = lambda (a, b): a * b
async = True
