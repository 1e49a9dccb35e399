import tensorflow
from tensorflow.compat.v1 import get_variable, name_scope
from tensorflow.python.framework import ops
from tensorflow.python.ops import variable_scope as vs

with name_scope("imported"):
    a = get_variable("a", [1])
with ops.name_scope("ops_path"):
    b = vs.get_variable("b", [1])
with tensorflow.compat.v1.name_scope("spelled"):
    c = tensorflow.compat.v1.get_variable("c", [1])
