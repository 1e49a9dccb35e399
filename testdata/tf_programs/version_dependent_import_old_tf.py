"""A version-dependent import, as compat helpers wrote it, taking its old-TensorFlow branch.

The version is fixed at 0.10 here, so the deprecated functions are imported (and, in the
`try` form, found); after migration the same branches import their replacements.
"""
# covers: import:version-dependent call:keyword try-except

import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
OUT = []
TENSORFLOW_VERSION = "0.10.0"  # what the helper would read on TensorFlow before r0.11

if int(TENSORFLOW_VERSION.split(".")[1]) >= 11:
    from tensorflow.compat.v1 import name_scope as op_scope
else:  # taken here
    from tensorflow.compat.v1 import op_scope

try:  # the first import succeeds where the deprecated function exists
    from tensorflow.compat.v1 import variable_op_scope as var_scope
except ImportError:
    from tensorflow.compat.v1 import variable_scope as var_scope


def add_noise(t, stddev=1e-3, name=None):
    with op_scope(values=[t, stddev], name=name, default_name="add_noise") as name:
        OUT.append(name)
        t = tf.convert_to_tensor(t, name="t")
        return tf.add(t, tf.random_normal(tf.shape(t), stddev=stddev, seed=1), name=name)


def layer(t, scope=None):
    with var_scope(name_or_scope=scope, default_name="layer", values=[t]) as vs:
        OUT.append(vs)
        return t * tf.get_variable("scale", [], initializer=tf.ones_initializer())


x = tf.constant([1.0, 2.0], name="x")
y = add_noise(x)
z = add_noise(y, name="again")
OUT.extend([y, z, layer(z), layer(z, scope="top"), layer(z)])
