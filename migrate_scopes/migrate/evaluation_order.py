"""Which argument expressions may have effects: the evaluation-order rules, in one place.

Rebinding may move arguments; two whose evaluations could interact must keep their order
(`rebind.keeps_evaluation_order`). The analysis classifies each argument of every call
it records, on the `ast` node it has anyway (`Call.args`), and every pass reads that.
"""

from __future__ import annotations

import ast

from migrate_scopes.migrate.model import Effect


def effect_of(node: ast.expr) -> Effect:
    """How evaluating `node` can interact with evaluating other arguments (`:=` aside:
    see `Effect.BINDS`, decided from the argument's text)."""
    if isinstance(node, (ast.Constant, ast.Lambda)):  # numbers, strings, None/True/False, ...
        return Effect.CONSTANT
    if isinstance(node, ast.Name):
        return Effect.NAME
    if isinstance(node, ast.JoinedStr):  # f-strings: the expressions in them (not format specs)
        parts = [value.value for value in node.values if isinstance(value, ast.FormattedValue)]
        return max((effect_of(part) for part in parts), default=Effect.CONSTANT)
    if isinstance(node, ast.Attribute):
        return max(Effect.READ, effect_of(node.value))
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return max((effect_of(_element(e)) for e in node.elts), default=Effect.CONSTANT)
    if isinstance(node, ast.Dict):
        values = [v for k, v in zip(node.keys, node.values) for v in ((v,) if k is None else (k, v))]
        return max((effect_of(v) for v in values), default=Effect.CONSTANT)
    if isinstance(node, ast.UnaryOp) and effect_of(node.operand) is Effect.CONSTANT:
        return Effect.CONSTANT
    if isinstance(node, ast.BinOp):
        left, right = effect_of(node.left), effect_of(node.right)
        if left is Effect.CONSTANT and right is Effect.CONSTANT:
            return Effect.CONSTANT
        if _is_string(node.left) and isinstance(node.op, (ast.Mod, ast.Add)):
            return max(left, right)  # "%s_h" % scope, "prefix_" + name: string building
        return Effect.EFFECT  # operators on tensors create ops
    if isinstance(node, ast.BoolOp):
        return max(effect_of(value) for value in node.values)
    if isinstance(node, ast.IfExp):
        return max(effect_of(node.test), effect_of(node.body), effect_of(node.orelse))
    return Effect.EFFECT  # calls, subscripts (slicing a tensor creates ops), comparisons, ...


def argument_effect(value: ast.expr, value_text: str | None) -> Effect:
    """`effect_of(value)`, or BINDS when the argument's text (None: known to hold no `:=`)
    has a `:=` and reading it is not constant: it may rebind a name another one reads."""
    effect = effect_of(value)
    if value_text is not None and effect >= Effect.NAME and ":=" in value_text:
        return Effect.BINDS
    return effect


def _element(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Starred) else node


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))
