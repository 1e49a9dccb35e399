"""Rewrite one call expression with libcst, keeping its layout and comments.

The call's source text is parsed on its own (`parse_expression`), so the cost is
proportional to the call, not the file. Argument *slots* (line breaks,
indentation, commas) stay where they are; each argument moves with its own
comments: the comment at the end of its line and the comment lines above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from migrate_scopes.migrate.lazy_import import lazy_module
from migrate_scopes.migrate.rebind import ArgInfo, ArgKind, Binding, PlacedArg, bind

if TYPE_CHECKING:
    import libcst as cst
else:
    cst = lazy_module("libcst")  # loaded by the first call read with libcst


def _kind(arg: cst.Arg) -> ArgKind:
    if arg.star == "*":
        return ArgKind.STAR
    if arg.star == "**":
        return ArgKind.DOUBLE_STAR
    return ArgKind.KEYWORD if arg.keyword is not None else ArgKind.POSITIONAL


def bind_call(call: cst.Call, params: tuple[str, ...]) -> Binding:
    """Which of `params` each argument of `call` fills (see `rebind.bind`)."""
    return bind([ArgInfo(_kind(a), a.keyword.value if a.keyword is not None else None) for a in call.args], params)


# -- layout -----------------------------------------------------------------------
@dataclass
class _Comments:
    trailing: cst.TrailingWhitespace | None  # `# ...` at the end of the argument's line
    above: tuple[cst.EmptyLine, ...]  # comment lines just above the argument


def _trailing(ws: cst.BaseParenthesizableWhitespace | cst.MaybeSentinel) -> cst.TrailingWhitespace | None:
    if isinstance(ws, cst.ParenthesizedWhitespace) and ws.first_line.comment is not None:
        return ws.first_line
    return None


def _split_lines(ws: cst.BaseParenthesizableWhitespace) -> tuple[tuple[cst.EmptyLine, ...], tuple[cst.EmptyLine, ...]]:
    """The lines of a separator: (those that stay in it, the comment lines just above the
    argument after it, which move with that argument). Blank lines stay where they are,
    so the call keeps its line count."""
    if not isinstance(ws, cst.ParenthesizedWhitespace):
        return (), ()
    lines = tuple(ws.empty_lines)
    start = len(lines)
    while start > 0 and lines[start - 1].comment is not None:
        start -= 1
    return lines[:start], lines[start:]


def _above(ws: cst.BaseParenthesizableWhitespace) -> tuple[cst.EmptyLine, ...]:
    return _split_lines(ws)[1]


def _with_comments(
    ws: cst.BaseParenthesizableWhitespace,
    trailing: cst.TrailingWhitespace | None,
    above: tuple[cst.EmptyLine, ...] | None,
    template: cst.ParenthesizedWhitespace | None,
) -> cst.BaseParenthesizableWhitespace:
    """`ws` carrying these comments (None for `above` = leave its comment lines alone)."""
    if isinstance(ws, cst.ParenthesizedWhitespace):
        if trailing is not None:
            first_line = trailing
        elif ws.first_line.comment is None:
            first_line = ws.first_line  # keeps what ends the line, e.g. a backslash
        else:  # its comment moved away with its argument
            first_line = cst.TrailingWhitespace(newline=ws.first_line.newline)
        empty_lines = ws.empty_lines if above is None else (*_split_lines(ws)[0], *above)
        return ws.with_changes(first_line=first_line, empty_lines=empty_lines)
    if trailing is None and not above:
        return ws
    # A comment needs a line end: break the line like the call does elsewhere.
    assert template is not None, "a call with comments has a line break"
    return template.with_changes(
        first_line=trailing or cst.TrailingWhitespace(newline=template.first_line.newline),
        empty_lines=above or (),
    )


def _tail_whitespace(arg: cst.Arg) -> cst.BaseParenthesizableWhitespace:
    """What follows an argument: after its comma if it has one, else before `)`."""
    return arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else arg.whitespace_after_arg


def _template(call: cst.Call) -> cst.ParenthesizedWhitespace | None:
    candidates: list[object] = [a.comma.whitespace_after for a in call.args if isinstance(a.comma, cst.Comma)]
    candidates.append(call.whitespace_before_args)
    for ws in candidates:
        if isinstance(ws, cst.ParenthesizedWhitespace):
            return ws
    return None


def rearrange_args(call: cst.Call, plan: list[PlacedArg]) -> cst.Call:
    args = list(call.args)
    n = len(args)
    if n == 0:
        return call
    last = n - 1
    # Separators: before_args, comma_0 .. comma_{n-2}, then the last arg's own tail.
    comments = [
        _Comments(
            trailing=_trailing(_tail_whitespace(args[i])),
            above=_above(call.whitespace_before_args if i == 0 else args[i - 1].comma.whitespace_after),
        )
        for i in range(n)
    ]
    template = _template(call)
    keyword_equal = next(
        (a.equal for a in args if a.keyword is not None and isinstance(a.equal, cst.AssignEqual)),
        cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )

    new_args: list[cst.Arg] = []
    for position, placed in enumerate(plan):
        original = args[placed.source]
        slot = args[position]
        moved = comments[placed.source]
        value_part = original
        if placed.keyword is not None and original.keyword is None:
            value_part = original.with_changes(keyword=cst.Name(placed.keyword), equal=keyword_equal)
        if position < last:
            comma = slot.comma
            assert isinstance(comma, cst.Comma)
            above_next = comments[plan[position + 1].source].above
            comma = comma.with_changes(
                whitespace_after=_with_comments(comma.whitespace_after, moved.trailing, above_next, template)
            )
            whitespace_after_arg = slot.whitespace_after_arg
        elif isinstance(slot.comma, cst.Comma):  # a trailing comma: the comment goes after it
            comma = slot.comma.with_changes(
                whitespace_after=_with_comments(slot.comma.whitespace_after, moved.trailing, None, template)
            )
            whitespace_after_arg = slot.whitespace_after_arg
        else:
            comma = slot.comma
            whitespace_after_arg = _with_comments(slot.whitespace_after_arg, moved.trailing, None, template)
        new_args.append(
            value_part.with_changes(comma=comma, whitespace_after_arg=whitespace_after_arg)
        )
    before_args = _with_comments(call.whitespace_before_args, None, comments[plan[0].source].above, template)
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        # The comment right after `(` belongs to the opening, not to an argument.
        before_args = before_args.with_changes(first_line=call.whitespace_before_args.first_line)
    return call.with_changes(args=new_args, whitespace_before_args=before_args)


def rename_callee(func: cst.BaseExpression, new_name: str) -> cst.BaseExpression:
    if isinstance(func, cst.Attribute):
        return func.with_changes(attr=cst.Name(new_name))
    if isinstance(func, cst.Name):
        return func.with_changes(value=new_name)
    raise ValueError("callee is neither a name nor an attribute")


@cache
def _realigner() -> type[cst.CSTTransformer]:
    """The transformer class, made when first needed (its base is libcst's)."""

    class _Realign(cst.CSTTransformer):
        """Move lines aligned at or past a column (`min_width` spaces) by `delta` spaces."""

        def __init__(self, min_width: int, delta: int) -> None:
            super().__init__()
            self.min_width = min_width
            self.delta = delta

        def _moved(self, whitespace: cst.SimpleWhitespace) -> cst.SimpleWhitespace:
            value = whitespace.value
            if value.strip(" ") or len(value) < self.min_width:  # tabs, or a hanging indent
                return whitespace
            return cst.SimpleWhitespace(" " * (len(value) + self.delta))

        def leave_ParenthesizedWhitespace(
            self, original: cst.ParenthesizedWhitespace, updated: cst.ParenthesizedWhitespace
        ) -> cst.ParenthesizedWhitespace:
            return updated.with_changes(last_line=self._moved(updated.last_line))

        def leave_EmptyLine(self, original: cst.EmptyLine, updated: cst.EmptyLine) -> cst.EmptyLine:
            return updated.with_changes(whitespace=self._moved(updated.whitespace))

        def leave_SimpleWhitespace(
            self, original: cst.SimpleWhitespace, updated: cst.SimpleWhitespace
        ) -> cst.SimpleWhitespace:
            """A line continued by a backslash: its next line's indentation is in here."""
            ends = list(_NEWLINE.finditer(updated.value))
            if not ends:
                return updated
            cut = ends[-1].end()
            moved = self._moved(cst.SimpleWhitespace(updated.value[cut:]))
            return cst.SimpleWhitespace(updated.value[:cut] + moved.value)

    return _Realign


def realign(call: cst.Call, opening_column: int, delta: int) -> cst.Call:
    """Keep continuation lines aligned with the call's `(` after its callee changed length.

    `opening_column` is the 0-based column the `(` had; lines of the call indented past
    it (aligned to the bracket, the style of most 2016 TensorFlow code) move by `delta`.
    Hanging indents, tabs and string contents are left alone.
    """
    if delta == 0:
        return call
    return call.visit(_realigner()(opening_column + 1, delta))  # type: ignore[return-value]


_NEWLINE = re.compile(r"\r\n|\r|\n")


def parse_call(text: str) -> cst.Call:
    """Parse the source text of one call expression (may span lines)."""
    expression = cst.parse_expression(text)
    if not isinstance(expression, cst.Call):
        raise ValueError("not a call expression")
    return expression


def code_for(node: cst.CSTNode, original_text: str) -> str:
    """Source text for `node`, with the line ends the original text used."""
    match = _NEWLINE.search(original_text)
    module = cst.Module(body=[], default_newline=match.group() if match else "\n")
    return module.code_for_node(node)
