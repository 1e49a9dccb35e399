"""A module that re-exports op_scope through `__all__`: the exported names stay defined."""
from tensorflow import op_scope
from tensorflow import variable_op_scope as var_scope

__all__ = ["op_scope", "layer"]
__all__ += ["var_scope"]


def layer(x, name=None):
    with op_scope([x], name, "Layer"):
        with var_scope([x], None, "Vars"):
            return x
