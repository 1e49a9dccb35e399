from tensorflow import op_scope


def f(x, name=None):
    with op_scope([x], name, "F"):
        pass


SCOPE_FACTORY = op_scope
