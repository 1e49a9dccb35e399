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

MS001 = Rule(
    "MS001", REWRITE, PASS, "`op_scope(values, name, default_name)` rewritten to `name_scope(name, default_name, values)`",
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
