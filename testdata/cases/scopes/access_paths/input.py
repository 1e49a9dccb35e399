import tensorflow
import tensorflow as tf
import tensorflow.compat.v1 as tf1
import tensorflow.compat.v1
from tensorflow.python.framework import ops
from tensorflow.python.ops import variable_scope as vs
from tensorflow.python.ops import standard_ops
from tensorflow.python.framework import framework_lib
from tensorflow import compat


def paths(x, name=None):
    with tensorflow.op_scope([x], name, "Bare"):
        pass
    with tf.op_scope([x], name, "Alias"):
        pass
    with tf.compat.v1.op_scope([x], name, "CompatSpelledOut"):
        pass
    with tf1.op_scope([x], name, "CompatAlias"):
        pass
    with tensorflow.compat.v1.variable_op_scope([x], name, "CompatBare"):
        pass
    with ops.op_scope([x], name, "Ops"):
        pass
    with vs.variable_op_scope([x], name, "Vs"):
        pass
    with standard_ops.variable_op_scope([x], name, "StandardOps"):
        pass
    with framework_lib.op_scope([x], name, "FrameworkLib"):
        pass
    with compat.v1.op_scope([x], name, "CompatModule"):
        pass
