"""A version-dependent import, as compat helpers wrote it, on a TensorFlow that has name_scope.

The helper picks the function by TensorFlow's version; every call passes keywords only, so it
binds alike under both. Migration imports the replacement in both branches and leaves the calls.
"""
# covers: import:version-dependent call:keyword

import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
OUT = []


def tensorflow_minor_version():
    return int(tf.__version__.split(".")[1])


if tensorflow_minor_version() >= 11:  # taken here: TensorFlow 2.x
    from tensorflow.compat.v1 import name_scope as op_scope
    from tensorflow.compat.v1 import variable_scope as variable_op_scope
else:
    from tensorflow.compat.v1 import op_scope
    from tensorflow.compat.v1 import variable_op_scope


def zero_first_row(t, name=None):
    with op_scope(values=[t], name=name, default_name="zero_first_row") as name:
        t = tf.convert_to_tensor(t, name="t")
        OUT.append(name)
        return tf.concat([tf.zeros([1, 2]), t[1:]], 0, name=name)


def dense(t, scope=None, reuse=None):
    with variable_op_scope(values=[t], name_or_scope=scope, default_name="dense", reuse=reuse) as vs:
        OUT.append(vs)
        w = tf.get_variable("w", [2, 2])
        return tf.matmul(t, w)


x = tf.ones([3, 2], name="x")
a = zero_first_row(x)
b = zero_first_row(a, name="named")
c = dense(b, scope="layer")
d = dense(c, scope="layer", reuse=True)
e = dense(d)
OUT.extend([a, b, c, d, e])
