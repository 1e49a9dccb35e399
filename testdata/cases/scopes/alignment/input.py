from tensorflow.python.framework import ops
from tensorflow.python.ops import variable_scope as vs


def lookup(params, dimension, values, name=None):
  with ops.op_scope([params, dimension, values], name, "hashed_embedding_lookup",
                    ) as scope:
    return scope


def layer(inputs, scope=None):
  with vs.variable_op_scope([inputs], scope, "fully_connected",
                            reuse=True,
                            # aligned comment
                            initializer=None):
    x = ops.op_scope([inputs],
        scope)  # a hanging indent stays where it is
  doc = """
                    string contents stay"""
  return x, doc
