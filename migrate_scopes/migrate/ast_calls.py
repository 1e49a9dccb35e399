"""Rebinding a one-line call as text, from the argument positions the analysis recorded.

Most calls are one line of plain arguments (`tf.op_scope([x], name, "F")`). For those,
what libcst would do (see `cst_calls.rearrange_args`) is exactly this: keep each separator
where it stands and move each argument's text to its new place, adding `keyword=` where a
positional argument becomes a keyword. So no libcst parse is needed. A call with a line
break (comments, alignment), parentheses around an argument, `*args`/`**kwargs`, `:=` or
non-ASCII text goes to libcst instead (`simple_call` returns None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from migrate_scopes.migrate.model import ArgKind, Call
from migrate_scopes.migrate.rebind import PlacedArg

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

    def rearranged(self, plan: list[PlacedArg], new_name: str) -> str:
        pieces = [self.head, new_name, self.gap]
        for position, placed in enumerate(plan):
            text = self.args[placed.source]
            if placed.keyword is not None and self.keywords[placed.source] is None:
                text = placed.keyword + self.equal + text
            pieces += [text, self.separators[position]]
        return "".join(pieces) + ")"


def simple_call(text: str, call: Call) -> SimpleCall | None:
    """`text` (the source of `call`) as a SimpleCall, or None when libcst must do it."""
    if "\n" in text or "\r" in text or ":=" in text or not text.isascii():
        return None
    items = call.args
    if not items or not text.endswith(")"):
        return None
    if any(item.kind is ArgKind.STAR or item.kind is ArgKind.DOUBLE_STAR for item in items):
        return None
    origin = call.span.start
    func_end = call.func.end - origin
    func_text = text[:func_end]
    if call.callee_is_name:
        if call.func.start != origin:  # `(op_scope)(...)`
            return None
        head = ""
    else:
        before, dot, name = func_text.rpartition(".")
        if not dot or not name.isidentifier():  # `tf. op_scope`
            return None
        head = before + dot
    gap = text[func_end : items[0].start - origin]
    bounds = [item.start - origin for item in items[1:]] + [len(text) - 1]
    separators = tuple(text[item.end - origin : bound] for item, bound in zip(items, bounds))
    if not _FIRST_GAP.fullmatch(gap) or not _LAST.fullmatch(separators[-1]):
        return None
    if not all(_BETWEEN.fullmatch(separator) for separator in separators[:-1]):
        return None
    equal = "="
    keywords = [item for item in items if item.keyword is not None]
    if keywords:
        first = keywords[0]
        equal = text[first.start - origin + len(first.keyword or "") : first.value_start - origin]
        if not _EQUAL.fullmatch(equal):
            return None
    return SimpleCall(
        head=head,
        gap=gap,
        args=tuple(text[item.start - origin : item.end - origin] for item in items),
        keywords=tuple(item.keyword for item in items),
        separators=separators,
        equal=equal,
    )
