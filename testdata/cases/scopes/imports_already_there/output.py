from tensorflow import name_scope
from tensorflow.python.ops.variable_scope import variable_scope


def f(x, name=None):
    with name_scope(name, "F", [x]), name_scope("other"):
        pass
    with variable_scope(name, "G", [x]), variable_scope("v"):
        pass
