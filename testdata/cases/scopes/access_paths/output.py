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
    with tensorflow.name_scope(name, "Bare", [x]):
        pass
    with tf.name_scope(name, "Alias", [x]):
        pass
    with tf.compat.v1.name_scope(name, "CompatSpelledOut", [x]):
        pass
    with tf1.name_scope(name, "CompatAlias", [x]):
        pass
    with tensorflow.compat.v1.variable_scope(name, "CompatBare", [x]):
        pass
    with ops.name_scope(name, "Ops", [x]):
        pass
    with vs.variable_scope(name, "Vs", [x]):
        pass
    with standard_ops.variable_scope(name, "StandardOps", [x]):
        pass
    with framework_lib.name_scope(name, "FrameworkLib", [x]):
        pass
    with compat.v1.name_scope(name, "CompatModule", [x]):
        pass
