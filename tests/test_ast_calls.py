"""The text-only rebinding of one-line calls gives exactly what libcst gives."""

from __future__ import annotations

import ast

from hypothesis import given, settings
from hypothesis import strategies as st

from migrate_scopes.migrate.analysis import analyse
from migrate_scopes.migrate.ast_calls import simple_call
from migrate_scopes.migrate.cst_calls import _kind, code_for, parse_call, rearrange_args, rename_callee
from migrate_scopes.migrate.rebind import Refusal, plan_rebind
from migrate_scopes.migrate.tensorflow_api import DEPRECATED_SCOPES

VALUES = [
    "[x]", "x", '"n"', "'n'", "None", "True", "f(x)", "a.b", "a.b.c", "x[0]", "-1", "-x", "not x",
    '"%s_h" % name', '"p_" + name', "1 + 2", "x + y", 'f"{x}"', 'f"a{b!r:>{w}}"', '"a" "b"', "b'x'",
    "(a, b)", "()", "[]", "{}", "{k: v}", "{**d}", "[*xs]", "{1, y}", "lambda: 1", "x if y else z",
    "a and b", "a or f()", "x == y", "...", "1j", "2.5", "[i for i in y]", "(x)",
]
_IMPORTS = "import tensorflow as tf\nfrom tensorflow import op_scope, variable_op_scope\n"
KEYWORDS = ["name", "values", "default_name", "name_or_scope", "reuse", "initializer", "dtype"]
SEPARATORS = [", ", ",", " , ", ",  "]


@st.composite
def calls(draw: st.DrawFn) -> str:
    function = draw(st.sampled_from(["op_scope", "variable_op_scope"]))
    callee = draw(st.sampled_from([f"tf.{function}", f"tf.compat.v1.{function}", function, f"tf .{function}"]))
    positional = draw(st.lists(st.sampled_from(VALUES), max_size=4))
    keywords = draw(st.lists(st.sampled_from(KEYWORDS), max_size=3, unique=True))
    equal = draw(st.sampled_from(["=", " = ", "= "]))
    args = positional + [f"{k}{equal if i == 0 else '='}{draw(st.sampled_from(VALUES))}" for i, k in enumerate(keywords)]
    separators = [draw(st.sampled_from(SEPARATORS)) for _ in args[1:]]
    inside = args[0] if args else ""
    for separator, arg in zip(separators, args[1:]):
        inside += separator + arg
    trailing = draw(st.sampled_from(["", ",", " ", ", "])) if args else ""
    opening = draw(st.sampled_from(["(", "( ", " ("]))
    return f"{callee}{opening}{inside}{trailing})"


def _compare(text: str) -> bool:
    """Whether the text path was taken; asserts it agrees with libcst."""
    source = _IMPORTS + text + "\n"
    [call] = [c for c in analyse(source, ast.parse(source)).calls if c.span.start == len(_IMPORTS)]
    assert source[call.span.start : call.span.end] == text
    simple = simple_call(text, call)
    if simple is None:
        return False
    cst_node = parse_call(text)
    # The analysis reads each argument as libcst does (its effect is classified once, there).
    assert [(a.kind, a.keyword) for a in call.args] == [
        (_kind(a), a.keyword.value if a.keyword is not None else None) for a in cst_node.args
    ]
    scope = DEPRECATED_SCOPES[call.resolution.function or ""]
    plan = plan_rebind(call.args, scope.old_params, scope.new_params, scope.old, scope.required)
    if isinstance(plan, Refusal):
        return True
    expected = code_for(rearrange_args(cst_node, plan).with_changes(func=rename_callee(cst_node.func, scope.new)), text)
    assert simple.rearranged(plan, scope.new) == expected
    return True


@given(calls())
@settings(max_examples=400, deadline=None)
def test_text_rebinding_matches_libcst(text: str) -> None:
    _compare(text)


def test_text_rebinding_is_taken_for_plain_calls_and_not_for_the_rest() -> None:
    assert _compare('tf.op_scope([x], name, "F")')
    assert _compare("tf.variable_op_scope([x], scope, 'V', reuse=None)")
    assert _compare("op_scope(values=[x], name='n')")
    for text in [
        "tf.op_scope([x],\n    name)",  # a line break: comments and alignment are libcst's
        "tf.op_scope(*args)",
        "tf.op_scope([x], **kwargs)",
        "tf.op_scope(([x]), name)",  # parentheses around an argument
        "(tf.op_scope)([x], name)",
        "tf.op_scope([x], name=(n))",
        "tf.op_scope([y := x], 'n')",
        "tf.op_scope([x], 'né')",
    ]:
        assert not _compare(text), text
