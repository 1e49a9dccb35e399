from tensorflow import op_scope, name_scope


def f(x, name=None):
    with name_scope(name, "F", [x]):
        pass


SCOPE_FACTORY = op_scope
