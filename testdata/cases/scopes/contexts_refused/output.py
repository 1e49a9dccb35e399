import tensorflow.compat.v1 as tf


@tf.op_scope([x], "decorated")
def double(t):
    return tf.add(t, t)


stored_names = tf.name_scope("stored_names", values=[])
stored_vars = tf.variable_op_scope([], "stored_vars")
entered = tf.variable_scope("entered", values=[x]).__enter__()
