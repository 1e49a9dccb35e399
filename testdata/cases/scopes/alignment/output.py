from tensorflow.python.framework import ops
from tensorflow.python.ops import variable_scope as vs


def lookup(params, dimension, values, name=None):
  with ops.name_scope(name, "hashed_embedding_lookup", [params, dimension, values],
                      ) as scope:
    return scope


def layer(inputs, scope=None):
  with vs.variable_scope(scope, "fully_connected", [inputs],
                         reuse=True,
                         # aligned comment
                         initializer=None):
    x = ops.name_scope(scope,
        values=[inputs])  # a hanging indent stays where it is
  doc = """
                    string contents stay"""
  return x, doc
