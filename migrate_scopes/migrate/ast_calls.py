"""Rebinding a one-line call as text, from the `ast` tree the analysis already has.

Most calls are one line of plain arguments (`tf.op_scope([x], name, "F")`). For those,
what libcst would do (see `cst_calls.rearrange_args`) is exactly this: keep each separator
where it stands and move each argument's text to its new place, adding `keyword=` where a
positional argument becomes a keyword. So no libcst parse is needed. A call with a line
break (comments, alignment), parentheses around an argument, `*args`/`**kwargs`, `:=` or
non-ASCII text goes to libcst instead (`simple_call` returns None).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from migrate_scopes.migrate.rebind import ArgInfo, ArgKind, Effect, PlacedArg

_FIRST_GAP = re.compile(r"[ \t\f]*\([ \t\f]*")  # callee to first argument
_BETWEEN = re.compile(r"[ \t\f]*,[ \t\f]*")
_LAST = re.compile(r"[ \t\f]*(?:,[ \t\f]*)?")  # last argument to `)`
_EQUAL = re.compile(r"[ \t\f]*=[ \t\f]*")


@dataclass(frozen=True)
class SimpleCall:
    """A one-line call whose arguments can move as text."""

    head: str  # the callee up to the name that changes (`tf.`), empty for a bare name
    gap: str  # from the callee's end to the first argument: `(` and spaces
    args: tuple[str, ...]  # each argument's text (`[x]`, `reuse=None`)
    keywords: tuple[str | None, ...]
    separators: tuple[str, ...]  # after each argument, up to the next one or `)`
    equal: str  # `=` as the call's first keyword argument spells it
    infos: tuple[ArgInfo, ...]

    def rearranged(self, plan: list[PlacedArg], new_name: str) -> str:
        pieces = [self.head, new_name, self.gap]
        for position, placed in enumerate(plan):
            text = self.args[placed.source]
            if placed.keyword is not None and self.keywords[placed.source] is None:
                text = placed.keyword + self.equal + text
            pieces += [text, self.separators[position]]
        return "".join(pieces) + ")"


def simple_call(text: str, node: ast.Call) -> SimpleCall | None:
    """`text` (the source of `node`) as a SimpleCall, or None when libcst must do it."""
    if "\n" in text or "\r" in text or ":=" in text or not text.isascii():
        return None
    if any(isinstance(arg, ast.Starred) for arg in node.args) or any(k.arg is None for k in node.keywords):
        return None
    items: list[ast.expr | ast.keyword] = [*node.args, *node.keywords]  # source order without stars
    if not items or not text.endswith(")"):
        return None
    origin = node.col_offset

    def start(item: ast.AST) -> int:
        return item.col_offset - origin  # type: ignore[attr-defined]

    def end(item: ast.AST) -> int:
        return item.end_col_offset - origin  # type: ignore[attr-defined]

    func = node.func
    func_text = text[: end(func)]
    if isinstance(func, ast.Attribute) and func_text.endswith("." + func.attr):
        head = func_text[: -len(func.attr)]
    elif isinstance(func, ast.Name) and func_text == func.id:
        head = ""
    else:
        return None
    gap = text[end(func) : start(items[0])]
    bounds = [start(item) for item in items[1:]] + [len(text) - 1]
    separators = tuple(text[end(item) : bound] for item, bound in zip(items, bounds))
    if not _FIRST_GAP.fullmatch(gap) or not _LAST.fullmatch(separators[-1]):
        return None
    if not all(_BETWEEN.fullmatch(separator) for separator in separators[:-1]):
        return None
    equal = "="
    keywords = [item for item in items if isinstance(item, ast.keyword)]
    if keywords:
        first = keywords[0]
        equal = text[start(first) + len(first.arg or "") : start(first.value)]
        if not _EQUAL.fullmatch(equal):
            return None
    infos = tuple(
        ArgInfo(ArgKind.KEYWORD, item.arg, effect_of(item.value))
        if isinstance(item, ast.keyword)
        else ArgInfo(ArgKind.POSITIONAL, None, effect_of(item))
        for item in items
    )
    return SimpleCall(
        head=head,
        gap=gap,
        args=tuple(text[start(item) : end(item)] for item in items),
        keywords=tuple(item.arg if isinstance(item, ast.keyword) else None for item in items),
        separators=separators,
        equal=equal,
        infos=infos,
    )


def effect_of(node: ast.expr) -> Effect:
    """`cst_calls.effect_of` for an `ast` expression (the same answer for the same text)."""
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


def _element(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Starred) else node


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))
