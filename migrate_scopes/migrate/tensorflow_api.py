"""The one place that knows which names are TensorFlow's.

Every other module asks here whether a fully qualified name (as imports spell it,
e.g. ``tensorflow.compat.v1.op_scope``) is a TensorFlow function, and how a
deprecated scope function maps onto its replacement. The facts behind every table,
with the TensorFlow sources they were read from: TENSORFLOW_FACTS.md beside this file.
"""

from __future__ import annotations

from dataclasses import dataclass

# Parameters after the first three are the same, in the same order, on both sides
# from r0.11 on (use_resource from 1.1, constraint from 1.4).
_VARIABLE_SCOPE_TAIL = (
    "initializer",
    "regularizer",
    "caching_device",
    "partitioner",
    "custom_getter",
    "reuse",
    "dtype",
    "use_resource",
    "constraint",
)


@dataclass(frozen=True)
class DeprecatedScope:
    """A deprecated scope function and the call that replaces it."""

    old: str
    new: str
    old_params: tuple[str, ...]
    new_params: tuple[str, ...]
    #: Parameters of the old function without a default: a call missing one fails.
    required: tuple[str, ...]


OP_SCOPE = DeprecatedScope(
    old="op_scope",
    new="name_scope",
    old_params=("values", "name", "default_name"),
    new_params=("name", "default_name", "values"),
    required=("values", "name"),
)
VARIABLE_OP_SCOPE = DeprecatedScope(
    old="variable_op_scope",
    new="variable_scope",
    old_params=("values", "name_or_scope", "default_name", *_VARIABLE_SCOPE_TAIL),
    new_params=("name_or_scope", "default_name", "values", *_VARIABLE_SCOPE_TAIL),
    required=("values", "name_or_scope"),
)
DEPRECATED_SCOPES = {scope.old: scope for scope in (OP_SCOPE, VARIABLE_OP_SCOPE)}

#: Each scope function's parameters, in order (r0.11 and later).
SCOPE_PARAMETERS: dict[str, tuple[str, ...]] = {
    **{scope.old: scope.old_params for scope in DEPRECATED_SCOPES.values()},
    **{scope.new: scope.new_params for scope in DEPRECATED_SCOPES.values()},
}
#: r0.10's variable_scope after `name_or_scope`: its second positional slot was `reuse`.
R010_VARIABLE_SCOPE_TAIL = (
    "reuse",
    "initializer",
    "regularizer",
    "caching_device",
    "partitioner",
    "custom_getter",
    "dtype",
)

#: Keywords that r0.10's scope functions did not take, by function, with the release that
#: added each: a call passing one was written for r0.11 or later (TENSORFLOW_FACTS.md).
NEWER_SCOPE_KEYWORDS: dict[str, dict[str, str]] = {
    "name_scope": {"default_name": "r0.11", "values": "r0.11"},
    "variable_scope": {
        "default_name": "r0.11",
        "values": "r0.11",
        "use_resource": "1.1",
        "constraint": "1.4",
        "auxiliary_name_scope": "1.5",
    },
    "variable_op_scope": {"use_resource": "1.1", "constraint": "1.4"},
}
#: r0.10's module-level name_scope took `name` only; from r0.11 `(name, default_name, values)`.
NAME_SCOPE_R010_POSITIONAL = 1
NAME_SCOPE_WIDENED = "r0.11"

# Names that r0.10 did not have, under `tensorflow.`, with the release that added each
# (TENSORFLOW_FACTS.md). Not `tf.compat.v1`: tf_upgrade_v2 writes it into code of every
# release, so it says nothing of the release the code was written for.
NEWER_NAMES = {
    "global_variables_initializer": "r0.12",
    "global_variables": "r0.12",
    "summary.FileWriter": "r0.12",
    "summary.scalar": "r0.12",
    "summary.histogram": "r0.12",
    "AUTO_REUSE": "1.4",
    "keras": "1.4",
}
#: Qualified name -> (how the docs spell it, release that added it).
_NEWER_API: dict[str, tuple[str, str]] = {
    f"{module}.{path}": (f"tf.{path}", release)
    for module in ("tensorflow", "tensorflow.compat.v1")
    for path, release in NEWER_NAMES.items()
}
#: The last part of each of those names: an attribute worth resolving for them.
NEWER_API_ATTRIBUTES = frozenset(path.rpartition(".")[2] for path in NEWER_NAMES)


def newer_api(qualified_name: str) -> tuple[str, str] | None:
    """`"tensorflow.global_variables_initializer"` -> `("tf.global_variables_initializer",
    "r0.12")`: a TensorFlow name r0.10 did not have (or one inside it, such as
    `tensorflow.keras.layers`), and the release that added it."""
    name = qualified_name
    while (found := _NEWER_API.get(name)) is None and "." in name:
        name = name.rpartition(".")[0]
    return found


# Module paths through which user code reached each function. A module listed for a
# deprecated function also exports its replacement, so `M.op_scope` -> `M.name_scope`.
_TF = ("tensorflow", "tensorflow.compat.v1", "tensorflow.python")
_FRAMEWORK = ("tensorflow.python.framework.ops", "tensorflow.python.framework.framework_lib")
_VARIABLE_SCOPE_MODULES = ("tensorflow.python.ops.variable_scope", "tensorflow.python.ops.standard_ops")
#: Functions whose result, called without arguments, is a TensorFlow Graph (`tf.Graph()`,
#: `tf.get_default_graph()`). The analysis spells such a result as a module path with the
#: part CALL_RESULT (`tensorflow.Graph.()`), so `g.name_scope` resolves like `tf.name_scope`:
#: `Graph.name_scope(name)` opens the same name scope, which get_variable ignores alike.
GRAPH_FACTORIES = frozenset({"Graph", "get_default_graph"})
CALL_RESULT = "()"
_GRAPHS = tuple(f"{module}.{factory}.{CALL_RESULT}" for module in _TF + _FRAMEWORK for factory in sorted(GRAPH_FACTORIES))

_MODULES_BY_FUNCTION: dict[str, frozenset[str]] = {
    "op_scope": frozenset(_TF + _FRAMEWORK),
    "name_scope": frozenset(_TF + _FRAMEWORK + ("tensorflow.compat.v2",) + _GRAPHS),
    "variable_op_scope": frozenset(_TF + _VARIABLE_SCOPE_MODULES),
    "variable_scope": frozenset(_TF + _VARIABLE_SCOPE_MODULES),
    "get_variable": frozenset(_TF + _VARIABLE_SCOPE_MODULES),
    # Read to know that `variable_scope(tf.get_variable_scope(), ...)` adds nothing to the path.
    "get_variable_scope": frozenset(_TF + _VARIABLE_SCOPE_MODULES),
}

#: Function names worth resolving at all (attribute names and imported names).
RELEVANT_FUNCTIONS = frozenset(_MODULES_BY_FUNCTION)
NAME_SCOPES = frozenset({"op_scope", "name_scope"})
VARIABLE_SCOPES = frozenset({"variable_op_scope", "variable_scope"})


def tensorflow_function(qualified_name: str) -> str | None:
    """`"tensorflow.compat.v1.op_scope"` -> `"op_scope"`; None if not a TF function we know."""
    module, _, function = qualified_name.rpartition(".")
    modules = _MODULES_BY_FUNCTION.get(function)
    if modules is not None and module in modules:
        return function
    return None


def is_tensorflow_module(qualified_name: str) -> bool:
    """Whether a star import from this module may bring in the functions we know."""
    return any(qualified_name in modules for modules in _MODULES_BY_FUNCTION.values())


# Byte patterns for the pre-filter: a file holding none of them cannot contain
# anything to rewrite or report, so it is never parsed.
_PREFILTER_PATTERNS = (b"op_scope", b"get_variable", b"variable_scope")


def may_contain_scope_code(data: bytes) -> bool:
    return any(pattern in data for pattern in _PREFILTER_PATTERNS)
