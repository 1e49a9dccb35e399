from tensorflow.python.framework import ops
from tensorflow.python.framework.ops import op_scope

exec "import math" in globals()


def guarded(x, name=None):
    try:
        with op_scope([x], name, "Guarded"):
            return ops.convert_to_tensor(x)
    except ValueError, e:
        raise TypeError, "bad input: %s" % e
    except (KeyError, IndexError), e:
        raise RuntimeError, str(e), None


def spelled_out(x):
    with ops.op_scope([x], "spelled"):
        exec "y = 1"
        return x
