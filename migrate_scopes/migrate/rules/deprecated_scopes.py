"""Rules of the scopes pass (`migrate.passes.deprecated_scopes`, and `migrate.rebind`).

`op_scope(values, name, default_name=None)` becomes `name_scope(name, default_name,
values)` and `variable_op_scope(values, name_or_scope, default_name=None, ...)` becomes
`variable_scope(name_or_scope, default_name, values, ...)`, on every access path;
`from M import op_scope` imports follow. What cannot be rewritten safely is reported
(MS1xx), not guessed.
"""

from __future__ import annotations

from migrate_scopes.migrate.rules import MANUAL, REWRITE, Rule, example

PASS = "scopes"
#: The message of a rewritten call (MS001, MS002).
_REBOUND = "{old}() -> {new}(), arguments rebound"

MS001 = Rule(
    "MS001", REWRITE, PASS, "`op_scope(values, name, default_name)` rewritten to `name_scope(name, default_name, values)`",
    rewritten="`op_scope`",
    messages={
        "rebound": _REBOUND,
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x, y], name, "Loss") as scope:
                pass
            with tf.op_scope([x], name):
                pass
            """,
            line=2,
            output="""
            import tensorflow as tf
            with tf.name_scope(name, "Loss", [x, y]) as scope:
                pass
            with tf.name_scope(name, values=[x]):
                pass
            """,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.name_scope(name, "Loss", [x, y]):
                pass
            """
        ),
        example(  # another library's op_scope
            """
            from mylib import op_scope
            with op_scope([x], name):
                pass
            """
        ),
    ),
)
MS002 = Rule(
    "MS002", REWRITE, PASS,
    "`variable_op_scope(values, name_or_scope, default_name, ...)` rewritten to "
    "`variable_scope(name_or_scope, default_name, values, ...)`",
    rewritten="`variable_op_scope`",
    messages={
        "rebound": _REBOUND,
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_op_scope([inputs], scope, "Conv", reuse=reuse):
                pass
            """,
            line=2,
            output="""
            import tensorflow as tf
            with tf.variable_scope(scope, "Conv", [inputs], reuse=reuse):
                pass
            """,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope(scope, "Conv", [inputs], reuse=reuse):
                pass
            """
        ),
    ),
)
MS003 = Rule(
    "MS003", REWRITE, PASS, "an import of `op_scope` or `variable_op_scope` updated",
    rewritten="an import",
    messages={
        "updated": "import of {names} updated",
    },
    invalid=(
        example(
            """
            from tensorflow import op_scope
            with op_scope([x], name):
                pass
            """,
            line=1,
            output="""
            from tensorflow import name_scope
            with name_scope(name, values=[x]):
                pass
            """,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], name):
                pass
            """
        ),
    ),
)
MS101 = Rule(
    "MS101", MANUAL, PASS, "call with `*args`: which parameter each argument binds is unknown", "rewrite by hand",
    messages={
        "star": (
            "{function}() is called with *args, so which parameter each argument binds is unknown; "
            "rewrite the call by hand"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope(*args):
                pass
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope(values=[x], **kwargs):
                pass
            """
        ),
    ),
)
MS102 = Rule(
    "MS102", MANUAL, PASS,
    "`op_scope` used without calling it (`f = tf.op_scope`), or called through such a name",
    "replace by hand; the argument order differs",
    messages={
        "reference": (
            "{old} is used without being called, so its arguments cannot be rebound; replace it by "
            "hand with {signature} (the argument order differs)"
        ),
        "assigned": (
            "this calls TensorFlow's {old} through a name assigned from it; migrate the assignment "
            "and its calls together by hand to {signature}"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            f = tf.op_scope
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            f = tf.name_scope
            """
        ),
    ),
)
MS103 = Rule(
    "MS103", MANUAL, PASS,
    "name bound both to TensorFlow's function and to something else (e.g. a version-dependent import)",
    "migrate by hand",
    messages={
        "bound_twice": (
            "this name is bound both to TensorFlow's {old} and to {other}{where}; migrate it by hand "
            "to {signature}{hint}"
        ),
        "other_function": "TensorFlow's {function}",
        "other_unknown": "something else",
        "where": " (line {line})",
        "hint": (
            " (its imports are migrated when every use of the name is a call whose keywords both "
            "functions take)"
        ),
    },
    invalid=(
        example(
            """
            try:
                from tensorflow import name_scope as op_scope
            except ImportError:
                from tensorflow import op_scope
            with op_scope([x], "norm"):
                pass
            """,
            line=5,
        ),
    ),
    valid=(
        example(  # keywords that both functions take: the import is migrated instead
            """
            try:
                from tensorflow import name_scope as op_scope
            except ImportError:
                from tensorflow import op_scope
            with op_scope(values=[x], name="norm"):
                pass
            """
        ),
    ),
)
MS104 = Rule(
    "MS104", MANUAL, PASS,
    "call that does not fit the signature (too many arguments, an argument given twice or missing): "
    "it fails today, and rebinding could make it silently work",
    "fix the call",
    messages={
        "too_many": (
            "{function}() takes at most {most} positional arguments but {given} are given; fix the "
            "call by hand"
        ),
        "twice": "{function}() gets argument {param!r} twice; fix the call by hand",
        "missing": "{function}() is missing its required argument {param!r}; fix the call by hand",
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], name, "A", "B"):
                pass
            """,
            line=2,
        ),
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], name, name="other"):
                pass
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], name, "A"):
                pass
            """
        ),
    ),
)
MS105 = Rule(
    "MS105", MANUAL, PASS, "the new name (`name_scope`) is already bound to something else in the file",
    "migrate by hand",
    messages={
        "taken": (
            "cannot call {new} here: that name is already bound to something else in this file; "
            "migrate this call by hand to {signature}"
        ),
    },
    invalid=(
        example(
            """
            from tensorflow import op_scope
            from mylib import name_scope
            with op_scope([x], "norm"):
                pass
            """,
            line=3,
        ),
    ),
    valid=(
        example(
            """
            from tensorflow import op_scope, name_scope
            with op_scope([x], "norm"):
                pass
            """
        ),
    ),
)
MS106 = Rule(
    "MS106", MANUAL, PASS, "the call's text cannot be read on its own (Python 2 syntax inside it)", "rewrite by hand",
    messages={
        "unreadable": (
            "cannot read this {old}() call on its own (Python 2 syntax inside its arguments?); "
            "rewrite it by hand"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([`x`], "norm"):
                pass
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([repr(x)], "norm"):
                print "x"
            """
        ),
    ),
)
MS107 = Rule(
    "MS107", MANUAL, PASS, "the module or name it is reached through is not defined or imported in the file",
    "check whose it is; migrate by hand",
    messages={
        "unbound": (
            "{root!r} is not defined or imported by name in this file (a `*` import may bring it), "
            "so this {old} cannot be told apart from another library's; if it is TensorFlow's, "
            "migrate it by hand to {signature}"
        ),
    },
    invalid=(
        example(
            """
            with tf.op_scope([x], "norm"):
                pass
            """,
            line=1,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], "norm"):
                pass
            """
        ),
    ),
)
MS108 = Rule(
    "MS108", MANUAL, PASS,
    "a use where the new function behaves differently (checked in real TensorFlow): `@op_scope(...)` as a "
    "decorator (`name_scope` objects cannot decorate), a `variable_op_scope(...)` stored and entered later "
    "(`variable_scope` binds the default graph when created)",
    "rewrite by hand",
    messages={
        "decorator": (
            "{old}(...) is used as a decorator, which {new}(...) cannot be; move the scope into the "
            "function body (`with {new}(...):`) by hand"
        ),
        "entered_later": (
            "this variable_op_scope(...) with no tensors in `values` is entered later, not where it "
            "is created; variable_scope(...) would bind the default graph when created instead of "
            "when entered. If the graph cannot change in between, rewrite it by hand to {signature}"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            @tf.op_scope([], "norm")
            def norm(x):
                return x
            """,
            line=2,
        ),
        example(
            """
            import tensorflow as tf
            scope = tf.variable_op_scope([], "block")
            with scope:
                pass
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            scope = tf.variable_op_scope([x], "block")
            with scope:
                pass
            """
        ),
    ),
)

RULES = (MS001, MS002, MS003, MS101, MS102, MS103, MS104, MS105, MS106, MS107, MS108)
#: The rewrite of each deprecated function.
REWRITES = {"op_scope": MS001, "variable_op_scope": MS002}
