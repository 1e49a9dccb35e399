"""r0.10's positional `reuse` argument of variable_scope.

Up to r0.10, `variable_scope(name_or_scope, reuse=None,
initializer=None, regularizer=None, caching_device=None, partitioner=None,
custom_getter=None, dtype=None)`; from r0.11 the second positional slot is
`default_name`, which is ignored when a name is given, and the third is `values`.
So `tf.variable_scope("rnn", True)` silently stops sharing variables.

- MS301 (rewritten): the second positional argument is certainly reuse, a `True`
  or `False` literal. Every positional argument after the first is passed by its
  r0.10 keyword, in place, so nothing is evaluated in another order::

      tf.variable_scope("rnn", True)              -> tf.variable_scope("rnn", reuse=True)
      vs.variable_scope(s, False, init)           -> vs.variable_scope(s, reuse=False, initializer=init)

- MS302 (reported, left as it is): it is certainly reuse but cannot be spelled
  with keywords (`*args`, a keyword given twice), or it is likely reuse but not certain: a name or attribute
  mentioning reuse (`reuse`, `self.reuse_vars`), or a boolean expression
  (`i > 0`, `not first`).

- MS303 (reported, left as it is): a `True` or `False` there in code written for r0.11 or
  later, as an API r0.10 did not have shows (`tf.global_variables_initializer`,
  `name_scope(name, default_name, values)`, `variable_scope(..., values=...)`: the lists are in
  `tensorflow_api`). Its author meant r0.11's `default_name`, which TensorFlow ignores when a
  name is given, so the scope never reused: `reuse=True` would make its first `get_variable`
  fail. The evidence is looked for in the whole program the engine migrates (every unit of
  the file), and only when a call needs it.

Anything else in that slot (a string, `None`, another name) is read as r0.11's
`default_name` and left alone. Calls of variable_op_scope are not seen here: the
analysis names them variable_op_scope, and the scopes pass rewrites them. The rules, with
examples: `migrate.rules.positional_reuse`.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from migrate_scopes.migrate.cst_calls import bind_call, code_for, parse_call
from migrate_scopes.migrate.lazy_import import lazy_module
from migrate_scopes.migrate.model import Analysis, ArgKind, Call, Status
from migrate_scopes.migrate.passes import PassContext, PassOutput
from migrate_scopes.migrate.rebind import bind
from migrate_scopes.migrate.rules.positional_reuse import MS301, MS302, MS303
from migrate_scopes.migrate.source_text import Edit
from migrate_scopes.migrate.tensorflow_api import (
    NAME_SCOPE_R010_POSITIONAL,
    NAME_SCOPE_WIDENED,
    NEWER_SCOPE_KEYWORDS,
    R010_VARIABLE_SCOPE_TAIL,
)

if TYPE_CHECKING:
    import libcst as cst
else:
    cst = lazy_module("libcst")  # loaded by the first call read with libcst

FUNCTION = "variable_scope"
R010_PARAMS = R010_VARIABLE_SCOPE_TAIL
_CERTAIN = frozenset({"True", "False"})


#: r0.10's variable_scope, in order.
_R010_SIGNATURE = ("name_or_scope", *R010_PARAMS)


def _positional(node: cst.Call) -> list[cst.Arg]:
    """Positional arguments before any `*args`."""
    return [node.args[index] for index in bind_call(node, _R010_SIGNATURE).positional]


def _is_certain(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Name) and value.value in _CERTAIN


def _mentions_reuse(value: cst.BaseExpression) -> bool:
    return any("reuse" in name.value.lower() for name in _names(value))


def _names(value: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.append(node)

    value.visit(_Collect())
    return found


def _is_likely(value: cst.BaseExpression) -> bool:
    if isinstance(value, (cst.Name, cst.Attribute)):
        return _mentions_reuse(value)
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not):
        return True
    if isinstance(value, cst.Comparison):
        return True
    if isinstance(value, cst.BooleanOperation):
        return _is_likely(value.left) or _is_likely(value.right) or _is_certain(value.left) or _is_certain(value.right)
    return False


def _keyword_call(node: cst.Call) -> cst.Call:
    """`f(a, b, c)` -> `f(a, reuse=b, initializer=c)`: same places, same layout."""
    equal = next(
        (a.equal for a in node.args if a.keyword is not None and isinstance(a.equal, cst.AssignEqual)),
        cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )
    count = len(_positional(node))
    args = [
        arg.with_changes(keyword=cst.Name(R010_PARAMS[index - 1]), equal=equal) if 1 <= index < count else arg
        for index, arg in enumerate(node.args)
    ]
    return node.with_changes(args=args)


def _rewriter(original: str, parsed: cst.Call):
    """`parsed` is `original` (the call's text before any edit inside it) already read."""

    def rewrite(text: str) -> str:
        node = parsed if text == original else parse_call(text)
        return code_for(_keyword_call(node), text)

    return rewrite


def _blocker(node: cst.Call) -> str | None:
    """Why the r0.10 reading cannot be spelled with keywords, or None."""
    binding = bind_call(node, _R010_SIGNATURE)
    if len(binding.positional) > len(_R010_SIGNATURE):
        return MS302.message("too_many", count=len(binding.positional))
    if binding.star:
        return MS302.message("star")
    # name_or_scope stays positional: given twice, the call fails before and after alike.
    twice = sorted(param for param in binding.twice if param != _R010_SIGNATURE[0])
    if twice:
        return MS302.message("twice", params=", ".join(twice))
    return None


def _nothing_in_second_slot(ctx: PassContext, call: Call) -> bool:
    """Whether the call surely passes nothing `_check` would act on in r0.10's `reuse` slot:
    no second positional argument, or there neither True/False nor what `_is_likely` looks
    for (`variable_scope(scope, "Name", [x])`, `variable_scope(None, prefix + name)`).
    Decided from the analysis's arguments, without reading the call with libcst."""
    positional = bind(call.args, _R010_SIGNATURE).positional
    if len(positional) < 2:
        return True
    second = call.args[positional[1]]
    text = ctx.text[second.value_start : second.end]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an invalid escape in the string is the user's business
            value = ast.parse(text, mode="eval").body
    except Exception:  # noqa: BLE001 - text only a front end can read: the call is read in full below
        return False
    if isinstance(value, ast.Constant):
        return not isinstance(value.value, bool)
    if isinstance(value, (ast.Name, ast.Attribute)):
        return "reuse" not in text.lower()  # every name in it is in its text
    if isinstance(value, ast.UnaryOp):
        return not isinstance(value.op, ast.Not)
    return not isinstance(value, (ast.Compare, ast.BoolOp))


def _newer_scope_call(call: Call) -> tuple[int, str] | None:
    """Where the call shows r0.11 or later, and how (an MS303 evidence message), or None."""
    function = call.resolution.function
    keywords = NEWER_SCOPE_KEYWORDS.get(function or "")
    if keywords is None or call.resolution.status is not Status.TENSORFLOW:
        return None
    for arg in call.args:
        if arg.keyword in keywords:
            release = keywords[arg.keyword]
            return call.span.start, MS303.message("keyword", keyword=arg.keyword, function=function, release=release)
    if function == "name_scope":
        positional = sum(1 for arg in call.args if arg.kind is ArgKind.POSITIONAL)
        if positional > NAME_SCOPE_R010_POSITIONAL:
            return call.span.start, MS303.message("name_scope", release=NAME_SCOPE_WIDENED)
    return None


def r011_evidence(analysis: Analysis) -> str | None:
    """The first sign, in source order, that the program was written for TensorFlow r0.11 or
    later (an MS303 evidence message), or None: what the one walk recorded, nothing re-read."""
    signs = [
        (use.span.start, MS303.message("uses", name=use.name, release=use.release)) for use in analysis.newer_api
    ]
    signs += [sign for call in analysis.calls if (sign := _newer_scope_call(call)) is not None]
    return min(signs)[1] if signs else None


def _check(ctx: PassContext, out: PassOutput, call: Call, evidence: Callable[[], str | None]) -> None:
    if _nothing_in_second_slot(ctx, call):
        return  # the common case
    text = ctx.segment(call.span)
    node = ctx.parsed_call(call.span)
    if node is None:
        return  # e.g. syntax a front end masked inside the call: nothing to read
    positional = _positional(node)
    if len(positional) < 2:
        return
    second = positional[1].value
    shown = code_for(second, text)
    if _is_certain(second):
        written_for = evidence()
        if written_for is not None:
            out.find(call.span, MS303, "default_name", flag=shown, evidence=written_for)
            return
        blocker = _blocker(node)
        if blocker is None:
            out.edits.append(Edit(call.span.start, call.span.end, _rewriter(text, node)))
            later = MS301.message("later") if len(positional) > 2 else ""
            out.rewrote(call.span, MS301, "rewritten", flag=shown, later=later)
            # Visible on stderr too: code written for r0.11+ never reused here, and may
            # rely on that (it then creates the variables this call will now look up).
            out.find(call.span, MS301, _rewritten_message(second), flag=shown)
            return
        out.find(call.span, MS302, "blocked", flag=shown, blocker=blocker)
        return
    if _is_likely(second):
        third = MS302.message("third") if len(positional) > 2 else ""
        out.find(call.span, MS302, "likely", flag=shown, third=third)


def run(ctx: PassContext) -> PassOutput:
    out = PassOutput()
    found: list[str | None] = []

    def evidence() -> str | None:  # looked for once, and only if a call needs it
        if not found:
            found.append(r011_evidence(ctx.analysis))
        return found[0]

    for call in ctx.analysis.calls:
        if call.resolution.function == FUNCTION and call.resolution.status is Status.TENSORFLOW:
            _check(ctx, out, call, evidence)
    return out


def _rewritten_message(flag: cst.BaseExpression) -> str:
    """Which MS301 message a rewritten flag gets."""
    if isinstance(flag, cst.Name) and flag.value == "False":
        # r0.10 and r0.11+ both compute `reuse or parent.reuse`: False inherits, like None.
        return "false"
    return "true"
