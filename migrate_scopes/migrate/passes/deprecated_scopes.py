"""op_scope -> name_scope and variable_op_scope -> variable_scope, rebinding arguments.

What it rewrites and reports, with examples: `migrate.rules.deprecated_scopes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from migrate_scopes.migrate.ast_calls import SimpleCall, simple_call
from migrate_scopes.migrate.cst_calls import (
    bind_call,
    code_for,
    parse_call,
    realign,
    rearrange_args,
    rename_callee,
)
from migrate_scopes.migrate.lazy_import import lazy_module
from migrate_scopes.migrate.model import Call, ImportBinding, Reference, Resolution, Span, Status
from migrate_scopes.migrate.passes import PassContext, PassOutput
from migrate_scopes.migrate.rebind import PlacedArg, Refusal, plan_rebind
from migrate_scopes.migrate.rules.deprecated_scopes import (
    MS003,
    MS102,
    MS103,
    MS105,
    MS106,
    MS107,
    MS108,
    REWRITES,
)
from migrate_scopes.migrate.source_text import Edit, replace_with
from migrate_scopes.migrate.tensorflow_api import DEPRECATED_SCOPES, VARIABLE_OP_SCOPE, DeprecatedScope

if TYPE_CHECKING:
    import libcst as cst
else:
    cst = lazy_module("libcst")  # loaded by the first call read with libcst


@dataclass
class _Planned:
    call: Call
    scope: DeprecatedScope
    node: cst.Call | SimpleCall  # the call's text, read
    plan: list[PlacedArg]  # its arguments' new order


def _signature_hint(scope: DeprecatedScope) -> str:
    return f"{scope.new}({', '.join(scope.new_params[:3])}, ...)"


def _rebind_plan(call: Call, scope: DeprecatedScope) -> list[PlacedArg] | Refusal:
    return plan_rebind(call.args, scope.old_params, scope.new_params, scope.old, scope.required)


def _plan(
    ctx: PassContext, call: Call, scope: DeprecatedScope
) -> tuple[cst.Call | SimpleCall, list[PlacedArg]] | Refusal:
    simple = _simple(ctx, call, scope, ctx.segment(call.span))
    if simple is not None:
        plan = _rebind_plan(call, scope)
        return plan if isinstance(plan, Refusal) else (simple, plan)
    node = ctx.parsed_call(call.span)
    if node is None:
        return Refusal.of(MS106, "unreadable", old=scope.old)
    plan = _rebind_plan(call, scope)
    return plan if isinstance(plan, Refusal) else (node, plan)


def _simple(ctx: PassContext, call: Call, scope: DeprecatedScope, text: str) -> SimpleCall | None:
    """The call as text to rearrange, when libcst would do nothing more (see ast_calls)."""
    if not ctx.analysis.calls_as_written or call.is_decorator:
        return None
    if scope is VARIABLE_OP_SCOPE and not call.entered_at_once:
        return None  # `_context_refusal` reads its `values` with libcst
    return simple_call(text, call)


def _call_rewriter(
    new_callee: str,
    column: int | None,
    original: str,
    parsed: cst.Call | SimpleCall,
    plan: list[PlacedArg],
):
    """`column`: where the call starts on its line, when it is plain spaces before it.
    `parsed` is `original` (the call's text before any edit inside it) already read, and
    `plan` its arguments' new order. An edit inside an argument (a nested call rewritten)
    leaves every argument's kind, keyword and effect as they were: the plan still holds."""

    def rewrite(text: str) -> str:
        if isinstance(parsed, SimpleCall) and text == original:
            return parsed.rearranged(plan, new_callee)
        node = parsed if text == original and isinstance(parsed, cst.Call) else parse_call(text)
        assert len(node.args) == len(plan), "an edit inside the call moved no argument"
        new = rearrange_args(node, plan).with_changes(func=rename_callee(node.func, new_callee))
        if column is not None and ("\n" in text or "\r" in text):  # else no line to realign
            head = code_for(node.func, text) + code_for(node.whitespace_after_func, text)
            new_head = code_for(new.func, text) + code_for(new.whitespace_after_func, text)
            if "\n" not in head and "\r" not in head:
                new = realign(new, column + len(head), len(new_head) - len(head))
        return code_for(new, text)

    return rewrite


def _plain_column(ctx: PassContext, span: Span) -> int | None:
    """Column of `span` on its line, or None when tabs make columns ambiguous."""
    line_start = ctx.source.line_starts[span.line - 1]
    return None if ctx.source.has_tab(line_start, span.start) else span.start - line_start


def _report_reference(out: PassOutput, ref: Reference, scope: DeprecatedScope) -> None:
    if ref.resolution.status is Status.MIXED:
        _report_mixed(out, ref.span, ref.resolution, scope)
        return
    out.find(ref.span, MS102, "reference", old=scope.old, signature=_signature_hint(scope))


def _mixed(resolution: Resolution, scope: DeprecatedScope) -> Refusal:
    if resolution.other_function:
        other = MS103.message("other_function", function=resolution.other_function)
    else:
        other = MS103.message("other_unknown")
    where = MS103.message("where", line=resolution.other_line) if resolution.other_line else ""
    hinted = resolution.imports_only and resolution.other_function == scope.new
    return Refusal.of(
        MS103, "bound_twice", old=scope.old, other=other, where=where, signature=_signature_hint(scope),
        hint=MS103.message("hint") if hinted else "",
    )


def _report_mixed(out: PassOutput, span: Span, resolution: Resolution, scope: DeprecatedScope) -> None:
    out.refuse(span, _mixed(resolution, scope))


def _why_not_rewritten(
    ctx: PassContext, call: Call, scope: DeprecatedScope
) -> tuple[Span, Refusal] | tuple[cst.Call | SimpleCall, list[PlacedArg]]:
    """Where and why this call must stay as it is; else its read text and new argument order."""
    if call.resolution.status is Status.MIXED:
        return call.func, _mixed(call.resolution, scope)
    if call.callee_is_name and call.resolution.assigned:
        return call.func, Refusal.of(MS102, "assigned", old=scope.old, signature=_signature_hint(scope))
    plan = _plan(ctx, call, scope)
    if isinstance(plan, Refusal):
        return call.span, plan
    refusal = _context_refusal(plan[0], call, scope)
    return (call.span, refusal) if refusal is not None else plan


def _values_argument(node: cst.Call, scope: DeprecatedScope) -> cst.BaseExpression | None:
    index = bind_call(node, scope.old_params).bound.get("values")
    return node.args[index].value if index is not None else None


def _holds_no_tensor(values: cst.BaseExpression | None) -> bool:
    """`values` certainly gives TensorFlow no graph: missing, None, or an empty literal."""
    if values is None or (isinstance(values, cst.Name) and values.value == "None"):
        return True
    return isinstance(values, (cst.List, cst.Tuple)) and not values.elements


def _context_refusal(node: cst.Call | SimpleCall, call: Call, scope: DeprecatedScope) -> Refusal | None:
    """Uses where the new function does not behave like the old one (checked in real TF)."""
    if call.is_decorator:
        # The old functions are generator context managers, which can decorate; the
        # new ones are classes whose instances are not callable.
        return Refusal.of(MS108, "decorator", old=scope.old, new=scope.new)
    if scope is VARIABLE_OP_SCOPE and not call.entered_at_once:
        # variable_scope(...) takes its graph from `values`, or else binds the default
        # graph when it is created; variable_op_scope(...) when it is entered.
        assert isinstance(node, cst.Call), "read by libcst (see _simple)"
        if _holds_no_tensor(_values_argument(node, scope)):
            return Refusal.of(MS108, "entered_later", signature=_signature_hint(scope))
    return None


def run(ctx: PassContext) -> PassOutput:
    out = PassOutput()
    analysis = ctx.analysis
    planned: list[_Planned] = []
    blocked: set[int] = set()  # id() of calls and references that stay as they are

    for ref in analysis.references:
        scope = DEPRECATED_SCOPES.get(ref.resolution.function or "")
        if scope is not None:
            _report_reference(out, ref, scope)
            blocked.add(id(ref))
    for ref in analysis.unresolved:
        scope = DEPRECATED_SCOPES.get(ref.resolution.function or "")
        if scope is not None:
            root = ctx.segment(ref.span).partition(".")[0].strip()
            out.find(ref.span, MS107, "unbound", root=root, old=scope.old, signature=_signature_hint(scope))
    retargeted = _version_dependent_imports(ctx)
    reaches_retargeted: dict[int, bool] = {}  # per shared tuple of bindings
    for call in analysis.calls:
        scope = DEPRECATED_SCOPES.get(call.resolution.function or "")
        if scope is None:
            continue
        bindings = call.resolution.imports
        if id(bindings) not in reaches_retargeted:
            reaches_retargeted[id(bindings)] = any(binding in retargeted for binding in bindings)
        if reaches_retargeted[id(bindings)]:
            out.retargeted[call.span.start] = scope.new
            continue
        refused = _why_not_rewritten(ctx, call, scope)
        if isinstance(refused[1], Refusal):
            span, refusal = refused
            out.refuse(span, refusal)
            blocked.add(id(call))
            continue
        planned.append(_Planned(call, scope, *refused))

    imports = _ImportPlan(ctx, out, blocked, retargeted)
    for item in planned:
        call, scope = item.call, item.scope
        if call.callee_is_name:
            new_callee = imports.callee_for(call, scope)
            if new_callee is None:
                continue
        else:
            new_callee = scope.new
        column = _plain_column(ctx, call.span)
        rewriter = _call_rewriter(new_callee, column, ctx.segment(call.span), item.node, item.plan)
        out.edits.append(Edit(call.span.start, call.span.end, rewriter))
        out.retargeted[call.span.start] = scope.new
        out.rewrote(call.span, REWRITES[scope.old], "rebound", old=scope.old, new=new_callee)
    imports.emit()
    return out


def _binds_alike(ctx: PassContext, call: Call, scope: DeprecatedScope) -> bool:
    """Whether this call does the same under the old and the new function: keywords only,
    each one both functions take with the same meaning, in a context where they behave alike."""
    node = ctx.parsed_call(call.span)
    if node is None:
        return False
    shared = set(scope.old_params) & set(scope.new_params)
    if any(arg.keyword is None or arg.keyword not in shared for arg in call.args):
        return False
    plan = _rebind_plan(call, scope)
    return not isinstance(plan, Refusal) and _context_refusal(node, call, scope) is None


def _version_dependent_imports(ctx: PassContext) -> set[ImportBinding]:
    """Imports of a deprecated function that can become imports of its replacement as they are.

    `if new_tf: from tensorflow import name_scope as op_scope / else: from tensorflow import
    op_scope` binds one name to either function. When every use of that name is a call that
    binds alike under both, importing the replacement in both branches changes nothing the
    calls do; the calls stay as they are. A name the module exports keeps what it exports.
    """
    analysis = ctx.analysis
    # Uses reaching the same bindings share their tuple: judge each use once, then each
    # binding once per group, so N imports of a name used N times cost N, not N * N.
    groups: dict[int, tuple[tuple[ImportBinding, ...], bool]] = {}  # id -> (bindings, every use alike)
    for use in [*analysis.calls, *analysis.references]:
        resolution = use.resolution
        if not resolution.imports:
            continue
        scope = DEPRECATED_SCOPES.get(resolution.function or "")
        bindings, all_alike = groups.get(id(resolution.imports), (resolution.imports, True))
        alike = (
            all_alike
            and scope is not None
            and isinstance(use, Call)
            and resolution.status is Status.MIXED
            and resolution.imports_only
            and resolution.other_function == scope.new
            and _binds_alike(ctx, use, scope)
        )
        groups[id(bindings)] = (bindings, alike)
    safe: dict[ImportBinding, bool] = {}
    for bindings, alike in groups.values():
        for binding in bindings:
            if binding.name in DEPRECATED_SCOPES:
                safe[binding] = safe.get(binding, True) and alike and not _exported(analysis, binding)
    return {binding for binding, alike in safe.items() if alike}


def _exported(analysis, binding: ImportBinding) -> bool:
    """Bound at module level under a name the module lists in `__all__`."""
    return binding.scope_id == 0 and binding.local_name in analysis.exported_names


class _Refused(Enum):
    MIXED = "mixed"  # the bindings would need different new names
    CONFLICT = "conflict"  # the new name is taken by something else


class _ImportPlan:
    """What happens to each `from M import op_scope [as x]` binding."""

    def __init__(
        self, ctx: PassContext, out: PassOutput, blocked: set[int], retargeted: set[ImportBinding]
    ) -> None:
        self.ctx = ctx
        self.out = out
        analysis = ctx.analysis
        # Uses resolving to the same bindings share one tuple (see analysis._resolve): group
        # them, so a name imported N times and called N times costs N, not N * N.
        groups: dict[int, tuple[tuple[ImportBinding, ...], bool]] = {}  # id -> (bindings, any use blocked)
        for use in [*analysis.calls, *analysis.references]:
            bindings = use.resolution.imports
            if bindings:
                _bindings, any_blocked = groups.get(id(bindings), (bindings, False))
                groups[id(bindings)] = (bindings, any_blocked or id(use) in blocked)
        blocked_bindings: dict[ImportBinding, bool] = {}
        for bindings, any_blocked in groups.values():
            for binding in bindings:
                blocked_bindings[binding] = blocked_bindings.get(binding, False) or any_blocked
        #: Bindings whose every use is rewritten: the old name can go (unless the
        #: module exports it through `__all__`: its importers still get it).
        self.fully_migrated = {
            binding
            for binding, any_blocked in blocked_bindings.items()
            if binding.name in DEPRECATED_SCOPES
            and not any_blocked
            and not _exported(analysis, binding)
        }
        #: The callee name (or why there is none) per group of bindings and new name.
        self._callees: dict[tuple[int, str], str | _Refused] = {}
        self.renamed: set[ImportBinding] = set()  # old alias becomes the new name
        self.removed: set[ImportBinding] = set()  # old alias goes: the new name is there already
        self.added: set[ImportBinding] = set()  # new name imported beside the old one
        #: The new function imported under the old local name (`name_scope as op_scope`).
        self.retargeted = retargeted

    def _already_imported(self, binding: ImportBinding, new: str, local: str) -> bool:
        return (binding.scope_id, new, local) in self.imported

    @cached_property
    def imported(self) -> set[tuple[int, str, str]]:
        """(scope id, name, local name) of every import binding, looked up once per call."""
        return {(other.scope_id, other.name, other.local_name) for other in self.ctx.analysis.imports}

    def _new_local(self, binding: ImportBinding, scope: DeprecatedScope) -> str:
        if binding in self.fully_migrated and binding.asname:
            return binding.asname
        return scope.new

    def callee_for(self, call: Call, scope: DeprecatedScope) -> str | None:
        bindings = call.resolution.imports
        if not bindings:  # star import: the module brings the new name too
            if self._taken(scope.new):
                self._conflict(call, scope)
                return None
            return scope.new
        key = (id(bindings), scope.new)
        if key not in self._callees:
            self._callees[key] = self._callee_for_bindings(bindings, scope)
        callee = self._callees[key]
        if callee is _Refused.MIXED:
            _report_mixed(self.out, call.func, call.resolution, scope)
            return None
        if callee is _Refused.CONFLICT:
            self._conflict(call, scope)
            return None
        return callee

    def _callee_for_bindings(self, bindings: tuple[ImportBinding, ...], scope: DeprecatedScope) -> str | _Refused:
        locals_ = {self._new_local(b, scope) for b in bindings}
        if len(locals_) != 1:
            return _Refused.MIXED
        local = locals_.pop()
        if local == scope.new and self._taken(scope.new):
            return _Refused.CONFLICT
        for binding in bindings:
            if self._already_imported(binding, scope.new, local):
                if binding in self.fully_migrated:
                    self.removed.add(binding)
            elif binding in self.fully_migrated:
                self.renamed.add(binding)
            else:
                self.added.add(binding)
        return local

    def _taken(self, name: str) -> bool:
        """Whether `name` means something else somewhere in the file: bound to it, or used
        unbound (from an unknown `*` import, say), so importing TensorFlow's would shadow it."""
        return name in self.ctx.analysis.non_tensorflow_names or name in self._unresolved_names

    @cached_property
    def _unresolved_names(self) -> set[str | None]:
        """Functions named by unbound names, found once for all calls."""
        return {ref.resolution.function for ref in self.ctx.analysis.unresolved if ref.callee_is_name}

    def _conflict(self, call: Call, scope: DeprecatedScope) -> None:
        self.out.find(call.func, MS105, "taken", new=scope.new, signature=_signature_hint(scope))

    def emit(self) -> None:
        by_statement: dict[int, list[ImportBinding]] = {}
        for binding in self.renamed | self.removed | self.added | self.retargeted:
            by_statement.setdefault(binding.statement.start, []).append(binding)
        for bindings in by_statement.values():
            self._emit_statement(bindings)

    def _emit_statement(self, bindings: list[ImportBinding]) -> None:
        statement = bindings[0].statement
        text = self.ctx.segment(statement)
        try:
            node = cst.parse_statement(text)
        except cst.ParserSyntaxError:
            return  # cannot happen for an import `ast` read; leave it rather than guess
        import_from = node.body[0]  # type: ignore[union-attr]
        assert isinstance(import_from, cst.ImportFrom) and not isinstance(import_from.names, cst.ImportStar)
        names = list(import_from.names)
        if any(not _is_alias_of(names, b) for b in bindings):
            return  # `ast` and libcst disagree on this statement: leave it rather than guess
        # Each binding is one position in the statement; positions shift only when an
        # alias is removed, so those go last, from the right.
        added: set[str] = set()
        for binding in bindings:
            new = DEPRECATED_SCOPES[binding.name].new
            index = binding.alias_index
            if binding in self.retargeted:
                local = cst.AsName(name=cst.Name(binding.local_name))
                names[index] = names[index].with_changes(name=cst.Name(new), asname=local)
            elif binding in self.renamed:
                names[index] = names[index].with_changes(name=cst.Name(new))
            elif binding in self.added:
                added.add(new)
        for binding in sorted(bindings, key=lambda b: -b.alias_index):
            if binding in self.removed and binding not in self.retargeted:
                names = _remove_alias(names, binding.alias_index)
        for new in sorted(added):
            names = _add_alias(names, new)
        old_names = ", ".join(sorted({b.name for b in bindings}))
        self.out.rewrote(statement, MS003, "updated", is_call=False, names=old_names)
        if not names:
            self.out.edits.append(self._delete(bindings[0]))
            return
        new_text = code_for(import_from.with_changes(names=names), text)
        self.out.edits.append(Edit(statement.start, statement.end, replace_with(new_text)))

    def _delete(self, binding: ImportBinding) -> Edit:
        statement = binding.statement
        if binding.alone_in_block or not binding.owns_lines:
            return Edit(statement.start, statement.end, replace_with("pass"))
        source = self.ctx.source
        start = source.line_starts[statement.line - 1]
        end_line = source.position(statement.end)[0]
        end = source.line_starts[end_line] if end_line < len(source.line_starts) else len(source.text)
        return Edit(start, end, replace_with(""))


def _is_alias_of(names: list[cst.ImportAlias], binding: ImportBinding) -> bool:
    """Whether the binding's position in the statement holds the name it imports."""
    if binding.alias_index >= len(names):
        return False
    alias = names[binding.alias_index]
    asname = alias.asname.name.value if alias.asname is not None else None  # type: ignore[union-attr]
    return alias.name.value == binding.name and asname == binding.asname  # type: ignore[union-attr]


def _remove_alias(names: list[cst.ImportAlias], index: int) -> list[cst.ImportAlias]:
    removed = names[index]
    rest = names[:index] + names[index + 1 :]
    if rest and index == len(names) - 1:
        # The new last alias takes over what followed the removed one (no comma, or a trailing one).
        rest[-1] = rest[-1].with_changes(comma=removed.comma)
    return rest


def _add_alias(names: list[cst.ImportAlias], new: str) -> list[cst.ImportAlias]:
    if any(a.name.value == new and a.asname is None for a in names):  # type: ignore[union-attr]
        return names
    last = names[-1]
    if isinstance(last.comma, cst.Comma):  # trailing comma, parenthesised layout: keep it
        return [*names, cst.ImportAlias(name=cst.Name(new), comma=last.comma)]
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [*names[:-1], last.with_changes(comma=comma), cst.ImportAlias(name=cst.Name(new))]
