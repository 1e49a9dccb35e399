"""Run TF 1.x-style programs in real TensorFlow and compare the graphs they build.

A program is Python source text. It runs in a fresh `tf.Graph()` (graph mode through
`tensorflow.compat.v1`), and what it built is recorded: every operation (name, type, inputs),
every global and trainable variable, which `get_variable` calls returned the same variable, and
whatever the program appended to a module-level list named `OUT` (scope strings, tensors,
variable scopes). A correct migration changes none of it.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

# Set before TensorFlow is first imported: its C++ and oneDNN start-up logs are noise here.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "3")

DEPRECATED = ("op_scope", "variable_op_scope")

# Modules through which user code reaches the deprecated functions (TENSORFLOW_FACTS.md). They are
# imported before patching so that a later `from M import op_scope` cannot see the real function.
_ACCESS_MODULES = (
    "tensorflow.python.framework.ops",
    "tensorflow.python.framework.framework_lib",
    "tensorflow.python.ops.variable_scope",
    "tensorflow.python.ops.standard_ops",
    "tensorflow.compat.v1",
)


class TensorFlowMissing(RuntimeError):
    """TensorFlow cannot be imported."""


class DeprecatedScopeCalled(AssertionError):
    """A migrated program still called op_scope or variable_op_scope."""


_tf: ModuleType | None = None


def load_tf() -> ModuleType:
    """Import `tensorflow.compat.v1` once per process, in graph mode, with quiet logging."""
    global _tf
    if _tf is None:
        try:
            import tensorflow.compat.v1 as tf
        except ImportError as exc:  # pragma: no cover - exercised only without TF
            raise TensorFlowMissing(f"tensorflow cannot be imported: {exc}") from exc
        tf.get_logger().setLevel("ERROR")
        tf.disable_v2_behavior()
        for name in _ACCESS_MODULES:
            importlib.import_module(name)
        _tf = tf
    return _tf


@dataclass(frozen=True)
class GraphRecord:
    """What one program run built, in creation order."""

    ops: tuple[tuple[str, str, tuple[str, ...]], ...]
    global_variables: tuple[str, ...]
    trainable_variables: tuple[str, ...]
    out: tuple[str, ...]
    #: For each get_variable call in the order they ran, the number of the variable it returned
    #: (variables numbered by first return): equal tuples mean the same variables, shared alike.
    sharing: tuple[int, ...] = ()

    @property
    def op_names(self) -> list[str]:
        return [name for name, _, _ in self.ops]


def _describe(value: Any) -> str:
    """A stable text for something a program put in OUT: names, not object identities."""
    tf = load_tf()
    if isinstance(value, tf.VariableScope):
        original = value.original_name_scope
        return f"VariableScope(name={value.name!r}, original_name_scope={original!r})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_describe(item) for item in value) + "]"
    if type(value).__module__.startswith("tensorflow") and hasattr(value, "name"):
        # Tensors, variables, operations (and lazy wrappers): their repr holds addresses.
        return f"{type(value).__name__}({value.name!r})"
    return repr(value)


def _numbered(returned: list[Any]) -> tuple[int, ...]:
    numbers: dict[int, int] = {}
    return tuple(numbers.setdefault(id(variable), len(numbers)) for variable in returned)


def _record(graph: Any, namespace: dict[str, Any], returned: list[Any]) -> GraphRecord:
    tf = load_tf()
    ops = tuple(
        (op.name, op.type, tuple(t.name for t in op.inputs)) for op in graph.get_operations()
    )
    with graph.as_default():
        global_vars = tuple(v.name for v in tf.global_variables())
        trainable = tuple(v.name for v in tf.trainable_variables())
    out = tuple(_describe(item) for item in namespace.get("OUT", ()))
    return GraphRecord(ops, global_vars, trainable, out, _numbered(returned))


def run_program(source: str, filename: str = "<program>") -> GraphRecord:
    """Execute `source` as a module in a fresh graph and record what it built."""
    tf = load_tf()
    code = compile(source, filename, "exec")
    namespace: dict[str, Any] = {"__name__": "__tf_program__", "__file__": filename}
    graph = tf.Graph()
    returned: list[Any] = []  # what each get_variable call returned (kept alive: ids stay unique)

    def record(getter: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        returned.append(getter(*args, **kwargs))
        return returned[-1]

    with graph.as_default():
        # A custom getter on the root variable scope sees every get_variable call of this graph
        # (nested scopes inherit it) and changes nothing: it returns what TensorFlow returned.
        tf.get_variable_scope().set_custom_getter(record)
        exec(code, namespace)  # noqa: S102 - running the program is the point
    return _record(graph, namespace, returned)


def _raiser(name: str) -> Any:
    def deprecated_called(*args: Any, **kwargs: Any) -> Any:
        raise DeprecatedScopeCalled(f"migrated program still calls {name}")

    deprecated_called.__name__ = name
    return deprecated_called


def _deprecated_bindings() -> list[tuple[Any, str, Any]]:
    """Every (module, attribute, function) in TensorFlow bound to a deprecated function."""
    load_tf()
    from tensorflow.python.framework import ops
    from tensorflow.python.ops import variable_scope

    real = {id(f): f for f in (ops.op_scope, variable_scope.variable_op_scope)}
    bindings = []
    for mod_name, module in list(sys.modules.items()):
        if module is None or not mod_name.startswith("tensorflow"):
            continue
        for attr in DEPRECATED:
            # __dict__, not getattr: a lazy module must not be loaded by looking.
            value = vars(module).get(attr)
            if value is not None and id(value) in real:
                bindings.append((module, attr, value))
    return bindings


@contextlib.contextmanager
def deprecated_scopes_forbidden() -> Iterator[None]:
    """Make every TensorFlow binding of op_scope / variable_op_scope raise while active.

    The real attributes of TensorFlow's modules are swapped, so whichever access path a program
    uses, a remaining call fails; TensorFlow's behaviour is otherwise untouched.
    """
    bindings = _deprecated_bindings()
    try:
        for module, attr, _ in bindings:
            setattr(module, attr, _raiser(attr))
        yield
    finally:
        for module, attr, original in bindings:
            setattr(module, attr, original)


# Line markers a program may carry (as comments, which the migration keeps on their line).
NOT_TENSORFLOW = "# not tensorflow"  # calls a user-defined op_scope: must stay
MAY_STAY = "# may stay with a finding"  # a rewrite may be unsafe: left as is with a finding, or
# rewritten; either way the graph must not change


def _marked_lines(source: str, marker: str) -> list[int]:
    return [i for i, line in enumerate(source.splitlines(), 1) if marker in line]


def _imported_aliases(tree: ast.AST) -> dict[str, str]:
    """Local names bound by `from M import op_scope as alias` (and variable_op_scope)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in DEPRECATED:
                    aliases[alias.asname or alias.name] = alias.name
    return aliases


def _imported_as_other(tree: ast.AST) -> set[str]:
    """Local names bound by `from M import f as NAME` where `f` is not a deprecated function."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name not in DEPRECATED
    }


def _call_sites(source: str) -> list[tuple[int, int, str]]:
    """(line, column, name) of calls whose callee is spelled op_scope / variable_op_scope (unless
    that name is only ever imported as another function), or is a name imported as one of them."""
    tree = ast.parse(source)
    other = _imported_as_other(tree)
    names = {name: name for name in DEPRECATED if name not in other} | _imported_aliases(tree)
    exempt = set(_marked_lines(source, NOT_TENSORFLOW))
    sites = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.lineno in exempt:
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in DEPRECATED:
            sites.append((node.lineno, node.col_offset + 1, func.attr))
        elif isinstance(func, ast.Name) and func.id in names:
            sites.append((node.lineno, node.col_offset + 1, names[func.id]))
    return sorted(sites)


def deprecated_calls(source: str) -> list[str]:
    """Calls in `source` spelled op_scope / variable_op_scope, as `line:col name`.

    Static, so it also sees calls on branches the run did not take. Lines marked
    `# not tensorflow` (a user-defined op_scope, which must stay) are not counted.
    """
    return [f"{line}:{col} {name}" for line, col, name in _call_sites(source)]


def _kept_with_findings(source: str, code: str, findings: list[Any]) -> list[int]:
    """Lines (of `code`) marked MAY_STAY whose deprecated call was kept; each needs a finding.

    Marked lines are matched by order, so the findings' lines refer to the original source.
    """
    original_marks, migrated_marks = _marked_lines(source, MAY_STAY), _marked_lines(code, MAY_STAY)
    assert len(original_marks) == len(migrated_marks), "migration dropped a marker comment"
    kept_lines = {line for line, _, _ in _call_sites(code)} & set(migrated_marks)
    finding_lines = {f.line for f in findings}
    for original_line, migrated_line in zip(original_marks, migrated_marks):
        if migrated_line in kept_lines:
            assert original_line in finding_lines, f"line {original_line} kept without a finding"
    return sorted(kept_lines)


def assert_same_graph(original: GraphRecord, migrated: GraphRecord) -> None:
    """Fail with a readable difference when the two runs built different things."""
    for field in ("ops", "global_variables", "trainable_variables", "out", "sharing"):
        before, after = getattr(original, field), getattr(migrated, field)
        if before != after:
            raise AssertionError(f"{field} differ:\n{_diff(before, after)}")


def _diff(before: tuple[Any, ...], after: tuple[Any, ...]) -> str:
    import difflib

    lines = difflib.unified_diff(
        [str(x) for x in before], [str(x) for x in after], "original", "migrated", lineterm=""
    )
    return "\n".join(lines)


@dataclass(frozen=True)
class Equivalence:
    """The outcome of one proven migration, for further assertions by the caller."""

    original: GraphRecord
    migrated: GraphRecord
    migrated_code: str
    findings: tuple[Any, ...]


def migrate(source: str) -> Any:
    from migrate_scopes import migrate_source

    return migrate_source(source)


def check_equivalence(
    source: str, filename: str = "<program>", migrate_fn: Callable[[str], Any] | None = None
) -> Equivalence:
    """Migrate `source`, then prove in TensorFlow that the result builds the same graph.

    Asserts: the source uses a deprecated API (it runs and builds something), the migration
    changes it, no deprecated call is left (statically and at run time) except on lines marked
    MAY_STAY that carry a finding, the graphs are identical, and migrating again changes nothing.
    """
    original = run_program(source, filename)
    assert original.ops, "program built no operation: nothing to compare"
    migrate_fn = migrate_fn or migrate
    result = migrate_fn(source)
    code = result.code
    kept = _kept_with_findings(source, code, result.findings)
    all_kept = all(line in kept for line, _, _ in _call_sites(code))
    assert result.changed or all_kept, "migration changed nothing although deprecated calls remain"
    leftover = [call for call in deprecated_calls(code) if int(call.split(":")[0]) not in kept]
    assert not leftover, f"deprecated calls remain after migration: {leftover}\n{code}"
    # Calls kept on purpose must still work; otherwise any remaining call must fail loudly.
    guard = contextlib.nullcontext() if kept else deprecated_scopes_forbidden()
    with guard:
        migrated = run_program(code, f"{filename} (migrated)")
    assert_same_graph(original, migrated)
    again = migrate_fn(code)
    assert again.code == code, "migration is not idempotent"
    return Equivalence(original, migrated, code, tuple(result.findings))
