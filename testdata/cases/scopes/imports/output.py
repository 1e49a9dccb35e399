from tensorflow import name_scope, zeros
from tensorflow.python.ops.variable_scope import variable_scope as vos
from tensorflow.compat.v1 import (
    name_scope as scope_alias,  # aliased, every use rewritten
    variable_scope,
)


def f(x, name=None):
    with name_scope(name, "F", [x]):
        pass
    with vos(name, "G", [x]):
        pass
    with scope_alias(name, "H", [x]):
        pass
    return zeros([1]), variable_scope
