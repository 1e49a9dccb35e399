from tensorflow import op_scope
from tensorflow import name_scope
from tensorflow.python.ops.variable_scope import variable_op_scope, variable_scope


def f(x, name=None):
    with op_scope([x], name, "F"), name_scope("other"):
        pass
    with variable_op_scope([x], name, "G"), variable_scope("v"):
        pass
