"""A module that re-exports op_scope through `__all__`: the exported names stay defined."""
from tensorflow import op_scope, name_scope
from tensorflow import variable_op_scope as var_scope, variable_scope

__all__ = ["op_scope", "layer"]
__all__ += ["var_scope"]


def layer(x, name=None):
    with name_scope(name, "Layer", [x]):
        with variable_scope(None, "Vars", [x]):
            return x
