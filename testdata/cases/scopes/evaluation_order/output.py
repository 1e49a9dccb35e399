import tensorflow as tf


def scope_name():
    tf.constant(0.0, name="made_by_name")
    return "Named"


# Both arguments create ops: their order must not change.
with tf.name_scope(values=[tf.constant(1.0, name="a")], name=scope_name(), default_name="Default"):
    pass

# Only the values create ops; a plain name can move past them.
name = "n"
with tf.name_scope(name, "Default", [tf.constant(1.0, name="b")]):
    pass

# An attribute read could be changed by the call in the values.
with tf.name_scope(values=[make_tensor()], name=config.scope_name):
    pass

# Literals move freely.
with tf.variable_scope("literal", "Default", [tf.zeros([1])], reuse=None):
    pass
