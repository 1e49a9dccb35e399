"""Nothing here is TensorFlow's op_scope: every line stays as it is."""
import tensorflow as tf
import mylib as tf2
from mylib import op_scope as lib_op_scope


def op_scope(values, name):
    return (values, name)


class Layer:
    def op_scope(self, values, name):
        return values

    def build(self, x):
        return self.op_scope([x], "self")


def shadowed_parameter(tf, x):
    with tf.op_scope([x], "param"):
        pass


def shadowed_local(x):
    ops = make_ops()
    with ops.op_scope([x], "local"):
        pass


op_scope([1], "user defined")
tf2.op_scope([1], "other library")
lib_op_scope([1], "other library")
tf.nn.op_scope([1], "not a path TensorFlow exported")
print("tf.op_scope([x], name) in a string")  # tf.op_scope([x], name) in a comment
