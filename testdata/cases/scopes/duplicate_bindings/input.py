"""A name bound more than once: every binding is followed, on one line as across lines."""
from tensorflow import op_scope as scope, op_scope as scope
from tensorflow import variable_op_scope
from tensorflow import variable_op_scope


def f(x, name=None):
    with scope([x], name, "F"):
        with variable_op_scope([x], None, "V"):
            pass
