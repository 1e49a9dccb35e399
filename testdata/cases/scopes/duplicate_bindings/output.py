"""A name bound more than once: every binding is followed, on one line as across lines."""
from tensorflow import name_scope as scope, name_scope as scope
from tensorflow import variable_scope
from tensorflow import variable_scope


def f(x, name=None):
    with scope(name, "F", [x]):
        with variable_scope(None, "V", [x]):
            pass
