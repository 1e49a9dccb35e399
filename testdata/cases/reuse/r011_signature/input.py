# r0.11's signatures: name_scope(name, default_name, values) and variable_scope(values=...)
# did not exist in r0.10. The op_scope call is migrated; the positional True is left alone.
import tensorflow as tf


def block(x, name=None):
    with tf.op_scope([x], name, "Block"):
        with tf.variable_scope("inner", True):
            return tf.get_variable("w", [1])


def head(x, name=None):
    with tf.name_scope(name, "Head", [x]):
        return x


def tail(x):
    with tf.variable_scope("tail", values=[x]):
        return x
