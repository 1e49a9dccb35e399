"""Compat helpers that import by TensorFlow's version; every call passes keywords both take."""
import tensorflow as tf


def tensorflow_minor():
    return int(tf.__version__.split(".")[1])


if tensorflow_minor() >= 11:
    from tensorflow import name_scope as op_scope
else:
    from tensorflow import name_scope as op_scope

try:
    from tensorflow import variable_scope as variable_op_scope
except ImportError:
    from tensorflow import variable_scope as variable_op_scope

try:
    from tensorflow.python.framework.ops import name_scope as scoped
except ImportError:  # removed
    from tensorflow.python.framework.ops import name_scope as scoped


def zero_first(t, name=None):
    with op_scope(values=[t], name=name, default_name="zero_first") as name:
        return tf.identity(t, name=name)


def noisy(t, stddev=1e-3, name=None):
    with op_scope(values=[t, stddev], name=name,
                  default_name="noisy") as name:
        return t + stddev


def layer(t, scope=None, reuse=None):
    with variable_op_scope(values=[t], name_or_scope=scope, default_name="layer", reuse=reuse):
        return t


with scoped(name="top", values=[]):
    pass


def conv(incoming, scope=None, name="Conv", reuse=False):
    # The same choice made by calling: the fallback is rewritten like any call.
    try:
        vscope = tf.variable_scope(scope, default_name=name, values=[incoming],
                                   reuse=reuse)
    except Exception:
        vscope = tf.variable_scope(scope, name, [incoming], reuse=reuse)

    with vscope as scope:
        return scope.name
