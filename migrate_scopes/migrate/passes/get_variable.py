"""get_variable under a name_scope: report the pitfall, and prefix the name on request.

`get_variable` ignores name scopes: under `with tf.name_scope("my_scope"):`,
`tf.get_variable("var1", ...)` is named `var1:0`, while the ops and `tf.Variable`s next to
it are prefixed (`my_scope/...`). Only a variable scope prefixes a `get_variable` name.
Every TensorFlow `get_variable` call whose nearest enclosing TensorFlow scope `with` in the
same function is a `name_scope` (or `op_scope`, which is one) is reported (MS201). A name
scope whose name is `None` or `""` resets the name scope instead of opening one: it
prefixes nothing, so the variable is as unprefixed as the ops beside it and nothing is
reported. A name that already starts with the scope's name (`"my_scope/var1"`) is fine, and
so is one built from the scope string an enclosing `with name_scope(...) as scope` bound
(`scope + "var1"`): it carries the full name the scope opened; and so is the scope's own name
argument and a slash (`name_scope(name)` with `name + "/var1"`).

With `wrap_get_variable` (`--wrap-get-variable`), each reported variable gets the name
scope's name as a prefix, as if that scope had been a variable scope, by prefixing the
name argument of the call: `tf.get_variable("my_scope/var1", ...)`. Nothing else changes:
the `with` statement, the ops and `tf.Variable`s created beside the call, `get_variable`
calls inside nested variable scopes, the value and type of an `as` target, reuse through
enclosing variable scopes (the full name is still `<variable scope>/<prefix>/<name>`, which
is what `variable_scope(prefix)` would have produced, initializer ops included).
The prefix is always text written in the source, never the name a scope opened at run
time, so a variable shared today stays shared: TensorFlow uniquifies name scopes
(`name_scope("s")` entered twice opens `s` and `s_1`), but a get_variable name is what the
call passes, so the literal `"s/var1"` names one variable however often the block runs
(`reuse=True`, `tf.AUTO_REUSE`, loops). A scope with no name and a literal default name
(`name_scope(None, "Layer", [x])`) is prefixed with that default name, for the same reason.
A name chosen at run time (`name_scope(name, "Layer", [x])`) is refused (MS204): calls
under one reusing variable scope that share a variable today would open different names
(`Layer`, `Layer_1`, or whatever each caller passes) and split it. A dynamic variable name
becomes `"my_scope/" + name`.

The output uses no API newer than `get_variable` itself, so it runs on every TensorFlow
version that has `get_variable` (0.x, 1.x, and `tf.compat.v1` in 2.x).

Every renamed variable is a rewrite (MS202) and a `VariableRename`: with old and new full
names when they are known statically (module-level code whose enclosing variable scopes all
have literal names), else with a pattern pair: `*/` stands for the variable scope the code
runs in (in a function: the caller's), `{name}` for a variable name computed at run time
(MS203 as well when a full name is known only at run time). What cannot be prefixed
safely is reported (MS204) and left as it is: a name argument hidden in `*args`/`**kwargs`,
a scope re-entered by absolute name (`"a/b/"`), a scope name chosen at run time, and
calls in one function under the same literal variable scopes whose wraps would not pair old
and new names one to one (a variable split: two calls passing one name get different
prefixes; or two merged: a new name that another call passes).

Examples that must be reported, rewritten, or left alone: `migrate.rules.get_variable`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from migrate_scopes.migrate.cst_calls import bind_call, code_for, parse_call
from migrate_scopes.migrate.lazy_import import lazy_module
from migrate_scopes.migrate.model import Call, Status, WithItem
from migrate_scopes.migrate.passes import PassContext, PassOutput
from migrate_scopes.migrate.rules.get_variable import MS201, MS202, MS203, MS204
from migrate_scopes.migrate.result import ANY_SCOPE, RUN_TIME_NAME, VariableRename
from migrate_scopes.migrate.source_text import Edit
from migrate_scopes.migrate.tensorflow_api import NAME_SCOPES, SCOPE_PARAMETERS, VARIABLE_SCOPES

if TYPE_CHECKING:
    import libcst as cst
else:
    cst = lazy_module("libcst")  # loaded by the first call read with libcst


_LABEL_WIDTH = 40
#: get_variable(name, shape=None, ...): only its first parameter is read here.
_GET_VARIABLE_NAME = ("name",)


class _Unknown(Enum):
    """An argument that may be passed but cannot be seen (`*args`, `**kwargs`)."""

    UNKNOWN = "unknown"


UNKNOWN = _Unknown.UNKNOWN


class Kind(Enum):
    LITERAL = "literal"  # a string literal naming a new scope
    DEFAULT = "default"  # no name (None) and a literal default name: the default is written
    RESET = "reset"  # None or "": the name scope is reset, nothing is prefixed
    ABSOLUTE = "absolute"  # "a/b/": an existing name scope re-entered
    #: `vs.original_name_scope`: the name scope a variable scope opened, re-entered; its
    #: variables and ops already share that prefix.
    VARIABLE_SCOPES_OWN = "variable scope's own"
    DYNAMIC = "dynamic"  # known only at run time


@dataclass(frozen=True)
class ScopeName:
    kind: Kind
    value: str | None  # the literal, for LITERAL, DEFAULT and ABSOLUTE
    label: str  # how messages show it: `"my_scope"` or `name (default "Layer")`
    quote: str  # quote character of the literal, for text we generate beside it


@dataclass(frozen=True)
class VarName:
    value: str | None  # the literal name, when it is one
    label: str  # `"var1"` or the expression's source


# -- reading arguments ----------------------------------------------------------------
def _bind_args(call: cst.Call, params: tuple[str, ...]) -> dict[str, cst.BaseExpression | _Unknown]:
    """Parameter -> argument expression; UNKNOWN where a star argument may supply it."""
    binding = bind_call(call, params)
    bound: dict[str, cst.BaseExpression | _Unknown] = {}
    for param in params:
        if param in binding.bound:
            bound[param] = call.args[binding.bound[param]].value
        elif not binding.certain(param):
            bound[param] = UNKNOWN
    return bound


def _string_value(node: cst.BaseExpression) -> str | None:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        return value
    return None


def _is_none(node: cst.BaseExpression | _Unknown | None) -> bool:
    return node is None or (isinstance(node, cst.Name) and node.value == "None")


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _source(node: cst.BaseExpression) -> str:
    text = " ".join(code_for(node, "").split())
    return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 3] + "..."


def _quote_of(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        return node.value.lstrip("rRuUbBfF")[0]
    return '"'


def classify_scope_name(call: cst.Call, function: str) -> ScopeName:
    """What the name scope opened by `call` (a name_scope/op_scope call) is named."""
    bound = _bind_args(call, SCOPE_PARAMETERS[function])
    name, default = bound.get("name"), bound.get("default_name")
    if name is UNKNOWN or name is None:
        return ScopeName(Kind.DYNAMIC, None, f"{function}(...)", '"')
    if isinstance(name, cst.Attribute) and name.attr.value == "original_name_scope":
        return ScopeName(Kind.VARIABLE_SCOPES_OWN, None, _source(name), '"')
    literal = _string_value(name)
    if literal is not None:
        quote = _quote_of(name)
        if literal == "":
            return ScopeName(Kind.RESET, literal, '""', quote)
        kind = Kind.ABSOLUTE if literal.endswith("/") else Kind.LITERAL
        return ScopeName(kind, literal, _quoted(literal), quote)
    default_literal = _string_value(default) if default not in (None, UNKNOWN) else None
    if _is_none(name) and (default is None or _is_none(default)):
        return ScopeName(Kind.RESET, None, "None", '"')
    if _is_none(name) and default_literal == "":
        return ScopeName(Kind.RESET, None, "None", '"')
    if _is_none(name) and default_literal is not None:
        kind = Kind.ABSOLUTE if default_literal.endswith("/") else Kind.DEFAULT
        label = MS201.message("default_name", literal=_quoted(default_literal))
        return ScopeName(kind, default_literal, label, _quote_of(default))
    label = _source(name)
    if default_literal is not None:
        label = MS201.message("name_with_default", name=label, literal=_quoted(default_literal))
    return ScopeName(Kind.DYNAMIC, None, label, '"')


def variable_scope_component(call: cst.Call, function: str) -> str | None:
    """The literal name a variable_scope call adds to the variable scope, else None."""
    node = _bind_args(call, SCOPE_PARAMETERS[function]).get("name_or_scope")
    if node is None or node is UNKNOWN:
        return None
    value = _string_value(node)
    return value if value and not value.endswith("/") else None


def name_arg_index(call: cst.Call) -> int | None:
    """Index of the argument holding get_variable's `name`; None when it cannot be seen."""
    return bind_call(call, _GET_VARIABLE_NAME).bound.get("name")


def _var_name(node: cst.BaseExpression) -> VarName:
    value = _string_value(node)
    if value is not None:
        return VarName(value, _quoted(value))
    return VarName(None, _source(node))


# -- already prefixed ---------------------------------------------------------------------
def _leftmost(node: cst.BaseExpression) -> cst.BaseExpression:
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and not node.lpar:
        node = node.left
    return node


def _leading_text(node: cst.BaseExpression) -> str | None:
    node = _leftmost(node)
    value = _string_value(node)
    if value is not None:
        return value
    if isinstance(node, cst.ConcatenatedString):
        return _leading_text(node.left)
    if isinstance(node, cst.FormattedString) and node.parts and isinstance(node.parts[0], cst.FormattedStringText):
        return node.parts[0].value
    return None


def dynamic_prefix(target: str) -> str:
    """The run-time prefix earlier versions wrote for the scope string bound to `target`.

    Recognised, never written: it split shared variables (the opened name is uniquified).
    """
    return f'"/".join({target}.split("/")[-2:])'


def _same_expression(node: cst.BaseExpression, source: str) -> bool:
    try:
        return ast.dump(ast.parse(code_for(node, ""), mode="eval")) == ast.dump(ast.parse(source, mode="eval"))
    except SyntaxError:
        return False


def already_prefixed(name: cst.BaseExpression, scope: ScopeName, target: str | None) -> bool:
    """Whether the name argument already carries the scope's prefix (our output, or the user's)."""
    if scope.kind in (Kind.LITERAL, Kind.DEFAULT):
        leading = _leading_text(name)
        return leading is not None and leading.startswith(f"{scope.value}/")
    if scope.kind is Kind.DYNAMIC and target is not None:
        return _same_expression(_leftmost(name), dynamic_prefix(target))
    return False


def _head_and_rest(name: cst.BaseExpression) -> tuple[cst.BaseExpression, str | None] | None:
    """The value a string-building name starts with, and the literal text right after it
    (`scope + "w"`, `f"{scope}w"`, `"%sw" % scope`: `scope` and `"w"`; None: not literal)."""
    operands: list[cst.BaseExpression] = []
    node = name
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and not node.lpar:
        operands.insert(0, node.right)
        node = node.left
    if not isinstance(node, (cst.FormattedString, cst.BinaryOperation)):
        rest = _leading_text(operands[0]) if operands else ""
        return node, rest
    if isinstance(node, cst.FormattedString):
        parts = node.parts
        if not parts or not isinstance(parts[0], cst.FormattedStringExpression):
            return None
        follows = parts[1] if len(parts) > 1 else None
        rest = follows.value if isinstance(follows, cst.FormattedStringText) else ("" if follows is None else None)
        return parts[0].expression, rest
    template = _string_value(node.left) if isinstance(node.operator, cst.Modulo) else None
    if template is None or not template.startswith("%s"):
        return None
    values = node.right
    first = values.elements[0].value if isinstance(values, cst.Tuple) and values.elements else values
    return first, template[2:]


def built_from_scope_string(name: cst.BaseExpression, scope_strings: frozenset[str]) -> bool:
    """Whether the name starts with a name scope's string (`scope + "w"`, `f"{scope}w"`,
    `"%sw" % scope`): the user prefixed it already, with the full name the scope opened."""
    built = _head_and_rest(name)
    return built is not None and isinstance(built[0], cst.Name) and built[0].value in scope_strings


def _is_read(node: cst.BaseExpression) -> bool:
    """A name or an attribute of one (`name`, `self.name`): the same value wherever it is read."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def prefixed_with_scope_argument(name: cst.BaseExpression, scope_name: cst.BaseExpression | None) -> bool:
    """Whether the name is the scope's own name argument and a slash (`name_scope(name)` with
    `name + "/w"`): it is prefixed with the name the scope was given."""
    built = _head_and_rest(name)
    if scope_name is None or built is None or built[1] is None or not built[1].startswith("/"):
        return False
    head = built[0]
    return _is_read(head) and _is_read(scope_name) and code_for(head, "") == code_for(scope_name, "")


def _scope_name_argument(scope_node: cst.Call | None, function: str) -> cst.BaseExpression | None:
    if scope_node is None:
        return None
    name = _bind_args(scope_node, SCOPE_PARAMETERS[function]).get("name")
    return None if name is UNKNOWN else name  # type: ignore[return-value]


def _scope_strings(ctx: PassContext, call: Call) -> frozenset[str]:
    """Names bound by `as` to the string of an enclosing TensorFlow name scope."""
    return frozenset(
        item.target
        for item in call.enclosing_withs
        if item.target_is_name
        and item.target is not None
        and ctx.analysis.calls[item.call_index].resolution.status is Status.TENSORFLOW
        and ctx.analysis.calls[item.call_index].resolution.function in NAME_SCOPES
    )


# -- rewriting the name argument --------------------------------------------------------------
@dataclass(frozen=True)
class Prefix:
    literal: str  # "my_scope/": the scope's name as written, and a slash
    quote: str = '"'  # the quote character of the written name


def _insert_after_quote(string: cst.SimpleString, text: str) -> cst.SimpleString:
    value = string.value
    opening = len(value) - len(value.lstrip("rRuUbBfF"))
    quote = value[opening : opening + 3] if value[opening : opening + 3] in ('"""', "'''") else value[opening]
    cut = opening + len(quote)
    return string.with_changes(value=value[:cut] + text + value[cut:])


def _parenthesized(node: cst.BaseExpression) -> cst.BaseExpression:
    # Expressions that need no parentheses as the right operand of `+`.
    atoms = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
    if isinstance(node, atoms) or node.lpar:
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _safe_in_literal(text: str) -> bool:
    # TensorFlow scope names are [A-Za-z0-9_.\-/]: nothing that needs escaping or braces.
    return re.fullmatch(r"[A-Za-z0-9_.\-/]*", text) is not None


def prefixed_name(name: cst.BaseExpression, prefix: Prefix) -> cst.BaseExpression:
    if _safe_in_literal(prefix.literal):
        if isinstance(name, cst.SimpleString):
            return _insert_after_quote(name, prefix.literal)
        if isinstance(name, cst.ConcatenatedString) and not name.lpar:
            return name.with_changes(left=prefixed_name(name.left, prefix))  # type: ignore[arg-type]
        if isinstance(name, cst.FormattedString):
            return name.with_changes(parts=[cst.FormattedStringText(prefix.literal), *name.parts])
    left = cst.SimpleString(prefix.quote + prefix.literal + prefix.quote)
    return cst.BinaryOperation(left=left, operator=cst.Add(), right=_parenthesized(name))


def _call_rewriter(prefix: Prefix, original: str, parsed: cst.Call):
    """`parsed` is `original` (the call's text before any edit inside it) already read."""

    def rewrite(text: str) -> str:
        node = parsed if text == original else parse_call(text)
        index = name_arg_index(node)
        assert index is not None, "checked before the edit was made"
        args = list(node.args)
        args[index] = args[index].with_changes(value=prefixed_name(args[index].value, prefix))
        return code_for(node.with_changes(args=args), text)

    return rewrite


# -- the pass ------------------------------------------------------------------------------------
@dataclass
class _Flagged:
    call: Call  # the get_variable call
    node: cst.Call
    name_index: int | None
    var: VarName
    item: WithItem  # the nearest enclosing scope's with item (a name scope)
    scope_call: Call
    scope_function: str
    scope: ScopeName


def _nearest_scope(ctx: PassContext, call: Call) -> WithItem | None:
    for item in reversed(call.enclosing_withs):
        if ctx.analysis.calls[item.call_index].resolution.function in NAME_SCOPES | VARIABLE_SCOPES:
            return item
    return None


def _parse(ctx: PassContext, call: Call) -> cst.Call | None:
    return ctx.parsed_call(call.span)


def _flag(ctx: PassContext, call: Call) -> _Flagged | None:
    """The get_variable call, if its nearest scope is a name scope that does not prefix it."""
    if call.resolution.status is not Status.TENSORFLOW or call.resolution.function != "get_variable":
        return None
    item = _nearest_scope(ctx, call)
    if item is None:
        return None
    scope_call = ctx.analysis.calls[item.call_index]
    function = scope_call.resolution.function or ""
    if scope_call.resolution.status is not Status.TENSORFLOW or function not in NAME_SCOPES:
        return None  # a variable scope prefixes it; a name bound two ways is not ours to judge
    scope_node = _parse(ctx, scope_call)
    scope = (
        classify_scope_name(scope_node, function)
        if scope_node is not None
        else ScopeName(Kind.DYNAMIC, None, f"{function}(...)", '"')
    )
    if scope.kind in (Kind.RESET, Kind.VARIABLE_SCOPES_OWN):
        return None  # the variable is where its ops are: nothing to report
    node = _parse(ctx, call)
    if node is None:
        return _Flagged(call, cst.Call(func=cst.Name("get_variable")), None, VarName(None, "..."), item, scope_call, function, scope)
    index = name_arg_index(node)
    var = _var_name(node.args[index].value) if index is not None else VarName(None, "...")
    target = item.target if item.target_is_name else None
    if index is not None and already_prefixed(node.args[index].value, scope, target):
        return None
    if index is not None and built_from_scope_string(node.args[index].value, _scope_strings(ctx, call)):
        return None
    if index is not None and prefixed_with_scope_argument(
        node.args[index].value, _scope_name_argument(scope_node, function)
    ):
        return None
    return _Flagged(call, node, index, var, item, scope_call, function, scope)


def _report(out: PassOutput, flagged: _Flagged) -> None:
    """MS201: the variable is not prefixed by its name scope."""
    var, function, scope = flagged.var.label, flagged.scope_function, flagged.scope.label
    out.find(flagged.call.func, MS201, "not_prefixed", var=var, function=function, scope=scope)


def run(ctx: PassContext) -> PassOutput:
    out = PassOutput()
    flagged = [f for f in (_flag(ctx, call) for call in ctx.analysis.calls) if f is not None]
    if not ctx.options.wrap_get_variable:
        for item in flagged:
            _report(out, item)
        return out
    merging = _merges(ctx, flagged) if flagged else {}
    for item in flagged:
        _wrap(ctx, out, item, merging.get(item.call.span.start))
    return out


@dataclass
class _Named:
    """A get_variable call with a literal name under variable scopes with literal names."""

    call: Call
    where: tuple[int | None, tuple[str, ...]]  # function (Call.function_id), variable scope path
    old: str
    new: str | None  # the name it would pass when wrapped


def _prefix_of(flagged: _Flagged) -> str | None:
    if flagged.name_index is None or flagged.scope.kind not in (Kind.LITERAL, Kind.DEFAULT):
        return None
    return flagged.scope.value


def _merges(ctx: PassContext, flagged: list[_Flagged]) -> dict[int, str]:
    """Wraps that would split a variable or merge two: get_variable call start -> why.

    In one function under the same literal variable scopes (there the variable scope is surely
    the same), old and new names must pair one to one. Across functions it shows when restoring.
    """
    wrapped = {f.call.span.start: f for f in flagged if _prefix_of(f) is not None}
    named: list[_Named] = []
    for call in ctx.analysis.calls:
        if call.resolution.status is not Status.TENSORFLOW or call.resolution.function != "get_variable":
            continue
        item = wrapped.get(call.span.start)
        node = item.node if item is not None else _parse(ctx, call)
        index = name_arg_index(node) if node is not None else None
        name = _string_value(node.args[index].value) if node is not None and index is not None else None
        path = _variable_scope_path(ctx, call, relative=True)
        if name is None or None in path:
            continue
        new = f"{_prefix_of(item)}/{name}" if item is not None else None
        named.append(_Named(call, (call.function_id, tuple(path)), name, new))  # type: ignore[arg-type]
    refused: dict[int, str] = {}

    def final(entry: _Named) -> str:
        return entry.old if entry.new is None or entry.call.span.start in refused else entry.new

    def refuse(group: list[_Named], differs, why: str) -> list[_Named]:
        """Refuse every wrap in `group`; returns the entries refused now."""
        other = next(entry.call for entry in group[1:] if differs(entry, group[0]))
        now = []
        for entry in group:
            start = entry.call.span.start
            if entry.new is not None and start not in refused:
                peer = other if entry.call is not other else group[0].call
                refused[start] = why.format(line=peer.span.line, col=peer.span.col, new=entry.new)
                now.append(entry)
        return now

    # Rounds until nothing more is refused: a refused wrap keeps its old name, which may meet
    # another wrap's new one. Each round looks at every group by old name, then every group by
    # final name (as it stood when the round began), in order of their first entry; a group no
    # refusal touched since it was last looked at holds as it did then, so only the groups of
    # the entries refused in a round are looked at in the next (a chain of refusals is not
    # paid for again by every other name in the file).
    by_old: dict[tuple, list[_Named]] = {}
    by_final: dict[tuple, dict[int, _Named]] = {}  # members by their index in `named`
    for index, entry in enumerate(named):
        by_old.setdefault((entry.where, entry.old), []).append(entry)
        by_final.setdefault((entry.where, final(entry)), {})[index] = entry
    old_order = {key: position for position, key in enumerate(by_old)}
    indexes = {id(entry): index for index, entry in enumerate(named)}
    old_keys, final_keys = list(by_old), list(by_final)
    while old_keys or final_keys:
        now: list[_Named] = []
        for key in old_keys:
            group = by_old[key]
            if len({final(entry) for entry in group}) > 1:
                now += refuse(group, lambda a, b: final(a) != final(b), SPLIT_REASON)
        for key in final_keys:
            group = [member for _index, member in sorted(by_final[key].items())]
            if len({entry.old for entry in group}) > 1:
                now += refuse(group, lambda a, b: a.old != b.old, MERGE_REASON)
        for entry in now:  # its final name is its old one from the next round on
            index = indexes[id(entry)]
            del by_final[entry.where, entry.new][index]
            by_final.setdefault((entry.where, entry.old), {})[index] = entry
        old_keys = sorted({(entry.where, entry.old) for entry in now}, key=old_order.__getitem__)
        touched = {(entry.where, name) for entry in now for name in (entry.old, entry.new)}
        final_keys = sorted((key for key in touched if by_final[key]), key=lambda key: min(by_final[key]))
    return refused


#: Why wraps cannot pair old and new names one to one (`str.format` templates of MS204).
SPLIT_REASON = MS204.messages["split"]
MERGE_REASON = MS204.messages["merge"]


def _refuse(out: PassOutput, flagged: _Flagged, reason: str) -> None:
    _report(out, flagged)
    out.find(flagged.call.func, MS204, "unsafe", reason=reason)


def _wrap(ctx: PassContext, out: PassOutput, flagged: _Flagged, pairing: str | None) -> None:
    scope = flagged.scope
    if flagged.name_index is None:
        _refuse(out, flagged, MS204.message("no_name_argument"))
        return
    if scope.kind is Kind.ABSOLUTE:
        _refuse(out, flagged, MS204.message("absolute", scope=scope.label))
        return
    if scope.kind is Kind.DYNAMIC:
        # The opened name is uniquified (Layer, Layer_1) and a passed name differs per caller: either
        # prefix would split a variable that calls under one reusing variable scope share today.
        _refuse(out, flagged, MS204.message("run_time_scope", scope=scope.label))
        return
    assert scope.value is not None
    if pairing is not None:
        _refuse(out, flagged, MS204.message("pairing", why=pairing))
        return
    prefix = Prefix(literal=scope.value + "/", quote=scope.quote)
    rewriter = _call_rewriter(prefix, ctx.segment(flagged.call.span), flagged.node)
    out.edits.append(Edit(flagged.call.span.start, flagged.call.span.end, rewriter))
    _report_rename(ctx, out, flagged)


def _variable_scope_path(ctx: PassContext, call: Call, relative: bool = False) -> list[str | None]:
    """Names the enclosing variable scopes in this function add, outermost first; None where
    a name is not a literal (a VariableScope object, a run-time or uniquified name).

    `relative`: for comparing calls with each other, the current scope re-entered
    (`variable_scope(tf.get_variable_scope(), reuse=True)`) adds nothing; which scope that
    is stays unknown, so it is None for naming a variable."""
    path: list[str | None] = []
    for item in call.enclosing_withs:
        scope_call = ctx.analysis.calls[item.call_index]
        function = scope_call.resolution.function or ""
        if function not in VARIABLE_SCOPES:
            continue
        node = _parse(ctx, scope_call) if scope_call.resolution.status is Status.TENSORFLOW else None
        if relative and node is not None and _reenters_current_scope(ctx, scope_call, node, function):
            continue
        path.append(variable_scope_component(node, function) if node is not None else None)
    return path


def _reenters_current_scope(ctx: PassContext, scope_call: Call, node: cst.Call, function: str) -> bool:
    """Whether the scope's name_or_scope is a call of TensorFlow's get_variable_scope()."""
    index = bind_call(node, SCOPE_PARAMETERS[function]).bound.get("name_or_scope")
    if index is None or index >= len(scope_call.args) or not isinstance(node.args[index].value, cst.Call):
        return False
    argument = scope_call.args[index]
    inner = ctx.tensorflow_calls_of("get_variable_scope").get(argument.value_start)
    return inner is not None and inner.span.end == argument.end  # the call itself, not `...().x`


def _report_rename(ctx: PassContext, out: PassOutput, flagged: _Flagged) -> None:
    call, scope, var = flagged.call, flagged.scope, flagged.var
    assert scope.value is not None
    path = _variable_scope_path(ctx, call)
    in_function = call.function_id is not None
    by = {"function": flagged.scope_function, "scope": scope.label}
    if not in_function and None not in path and var.value is not None:
        where = "".join(f"{component}/" for component in path)
        old, new = f"{where}{var.value}", f"{where}{scope.value}/{var.value}"
        description = MS202.message("rename", old=old, new=new)
        out.rewrote(call.func, MS202, "renamed", description=description, **by)
        out.renames.append(VariableRename(call.span.line, call.span.col, old, new, description))
        return
    # A pattern relative to the innermost variable scope whose name is not written here (the
    # caller's, or one named at run time): get_variable's full name is that scope's + "/" + name.
    relative = in_function or None in path
    tail = path[len(path) - path[::-1].index(None):] if None in path else path
    where = "".join(f"{component}/" for component in tail)
    name = var.value if var.value is not None else RUN_TIME_NAME
    anchor = ANY_SCOPE if relative else ""
    old_pattern, new_pattern = f"{anchor}{where}{name}", f"{anchor}{where}{scope.value}/{name}"
    shown_name = var.value if var.value is not None else MS202.message("run_time_name", label=var.label)
    shown_where = (MS202.message("unknown_scope") if None in path else "") + where
    shown = MS202.message("rename", old=f"{shown_where}{shown_name}", new=f"{shown_where}{scope.value}/{shown_name}")
    dynamic = var.value is None or None in path
    if not dynamic:
        description = MS202.message("in_caller_scope", rename=shown)
    else:
        caller = MS202.message("caller") if in_function else ""
        description = MS202.message("at_run_time", rename=shown, caller=caller)
    out.rewrote(call.func, MS202, "renamed", description=description, **by)
    out.renames.append(
        VariableRename(call.span.line, call.span.col, None, None, description,
                       old_pattern=old_pattern, new_pattern=new_pattern)
    )
    if dynamic:
        out.find(call.func, MS203, "run_time", var=var.label, pattern=new_pattern)
