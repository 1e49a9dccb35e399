"""Scope helpers of other libraries, and attribute names that only look alike."""
import prettytensor as pt
from mylib.scopes import op_scope, variable_op_scope


def build(x, config, graph):
    with pt.op_scope([x], "pt"):
        pass
    with op_scope([x], "mine"), variable_op_scope([x], "mine_too"):
        pass
    with config.op_scope([x], "attribute"):
        pass
    with graph.name_scope("graph_method"):
        pass
    return x.variable_op_scope
