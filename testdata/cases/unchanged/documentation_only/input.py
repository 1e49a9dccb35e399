"""Migration notes.

Old code called ``tf.op_scope(values, name, default_name)`` and
``tf.variable_op_scope(values, name_or_scope, default_name)``; see the
r0.11 release notes. Nothing here is code.
"""

# with tf.op_scope([x], name, "Foo"):  -- kept as a comment
EXAMPLE = "with tf.variable_op_scope([x], scope, 'Conv'):"
HELP = f"tf.op_scope is deprecated: {EXAMPLE!r}"
