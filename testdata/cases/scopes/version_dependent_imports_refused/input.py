"""Version-dependent imports whose calls would bind differently: reported, left as they are."""
import tensorflow as tf

if int(tf.__version__.split(".")[1]) >= 11:
    from tensorflow import name_scope as op_scope
    from tensorflow import variable_scope as variable_op_scope
else:
    from tensorflow import op_scope
    from tensorflow import variable_op_scope


def positional(t, name=None):
    with op_scope(values=[t], name=name, default_name="a"):  # alike, but the name has other uses
        pass
    with op_scope([t], name, "b"):  # op_scope(values, name) vs name_scope(name, default_name)
        pass


def layer(t, scope=None, **kwargs):
    with variable_op_scope(values=[t], name_or_scope=scope, **kwargs):  # may hold anything
        pass


def scope_factory():
    return op_scope  # not a call
