from tensorflow import op_scope, zeros
from tensorflow.python.ops.variable_scope import variable_op_scope as vos
from tensorflow.compat.v1 import (
    op_scope as scope_alias,  # aliased, every use rewritten
    variable_scope,
)


def f(x, name=None):
    with op_scope([x], name, "F"):
        pass
    with vos([x], name, "G"):
        pass
    with scope_alias([x], name, "H"):
        pass
    return zeros([1]), variable_scope
