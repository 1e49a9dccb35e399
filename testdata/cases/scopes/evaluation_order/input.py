import tensorflow as tf


def scope_name():
    tf.constant(0.0, name="made_by_name")
    return "Named"


# Both arguments create ops: their order must not change.
with tf.op_scope([tf.constant(1.0, name="a")], scope_name(), "Default"):
    pass

# Only the values create ops; a plain name can move past them.
name = "n"
with tf.op_scope([tf.constant(1.0, name="b")], name, "Default"):
    pass

# An attribute read could be changed by the call in the values.
with tf.op_scope([make_tensor()], config.scope_name):
    pass

# Literals move freely.
with tf.variable_op_scope([tf.zeros([1])], "literal", "Default", reuse=None):
    pass
