"""Rules of the get_variable pass (`migrate.passes.get_variable`).

`get_variable` ignores name scopes: under `with tf.name_scope("my_scope"):`,
`tf.get_variable("var1", ...)` is named `var1:0` while the ops beside it get `my_scope/`.
Always reported (MS201); with `--wrap-get-variable` the name argument gets the scope's
literal name as a prefix (MS202), and what cannot be prefixed safely is refused (MS204).
"""

from __future__ import annotations

from migrate_scopes.migrate.rules import LINT, REWRITE, Rule, example

PASS = "get-variable"

_UNDER_NAME_SCOPE = """
    import tensorflow as tf
    with tf.name_scope("my_scope"):
        v1 = tf.get_variable("var1", [1])
"""

MS201 = Rule(
    "MS201", LINT, PASS,
    "`get_variable` whose nearest enclosing TensorFlow scope in the same function is a name scope, "
    "which does not prefix it",
    "open a `variable_scope` there, or let `--wrap-get-variable` prefix the name",
    messages={
        "not_prefixed": (
            "get_variable({var}) is not prefixed by {function} {scope} (get_variable ignores name "
            "scopes; use variable_scope, or --wrap-get-variable to add the prefix)"
        ),
        "default_name": "default name {literal}",
        "name_with_default": "{name} (default {literal})",
    },
    invalid=(example(_UNDER_NAME_SCOPE, line=3),),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("my_scope"):
                v1 = tf.get_variable("var1", [1])
            with tf.name_scope("foo"):
                with tf.variable_scope("var_scope"):
                    v = tf.get_variable("var", [1])
            with tf.name_scope("my_scope"):
                v1 = tf.get_variable("my_scope/var1", [1])
            """
        ),
    ),
)
MS202 = Rule(
    "MS202", REWRITE, PASS,
    "`get_variable` name prefixed with the name scope's literal name (`--wrap-get-variable`)",
    rewritten="a `get_variable` prefixed",
    messages={
        "renamed": "get_variable renamed: {description} (prefixed by {function} {scope})",
        "rename": "{old} -> {new}",
        "in_caller_scope": "{rename}, relative to the variable scope this function is called in",
        "at_run_time": "{rename}{caller}, known only at run time",
        "caller": " (relative to the caller's variable scope)",
        "unknown_scope": "<variable scope>/",
        "run_time_name": "<{label}>",
    },
    invalid=(
        example(
            _UNDER_NAME_SCOPE,
            line=3,
            output="""
            import tensorflow as tf
            with tf.name_scope("my_scope"):
                v1 = tf.get_variable("my_scope/var1", [1])
            """,
            wrap_get_variable=True,
        ),
        example(
            """
            import tensorflow as tf
            with tf.name_scope(None, "Layer", [x]):
                w = tf.get_variable("w", [1])
            """,
            line=3,
            output="""
            import tensorflow as tf
            with tf.name_scope(None, "Layer", [x]):
                w = tf.get_variable("Layer/w", [1])
            """,
            wrap_get_variable=True,
        ),
    ),
    valid=(example(_UNDER_NAME_SCOPE),),  # only on request
)
MS203 = Rule(
    "MS203", LINT, PASS,
    "a variable renamed by `--wrap-get-variable` whose name is known only at run time",
    "map it by hand in code that restores old checkpoints (see `--checkpoint-map`)",
    messages={
        "run_time": (
            "get_variable({var}) is renamed to a name known only at run time ({pattern}); the "
            "checkpoint map records it as a rule, which migrate_scopes.checkpoint.assignment_map "
            "applies"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.name_scope("my_scope"):
                v = tf.get_variable(NAME, [1])
            """,
            line=3,
            wrap_get_variable=True,
        ),
    ),
    valid=(example(_UNDER_NAME_SCOPE, wrap_get_variable=True),),
)
MS204 = Rule(
    "MS204", LINT, PASS,
    "`get_variable` that `--wrap-get-variable` cannot prefix safely (a scope name chosen at run time, "
    "a name in `*args`/`**kwargs`, a scope re-entered by absolute name, wraps that would split or merge variables)",
    "open a `variable_scope` there, or give the variable a fixed prefix by hand",
    messages={
        "unsafe": "cannot prefix this get_variable call safely: {reason}",
        "no_name_argument": "its name argument cannot be found (*args/**kwargs or unreadable); prefix it by hand",
        "absolute": (
            "the name scope {scope} re-enters an existing scope by absolute name; choose the "
            "variable's name by hand"
        ),
        "run_time_scope": (
            "the name scope's name, {scope}, is chosen at run time, and calls that share this "
            "variable today (reuse=True, tf.AUTO_REUSE) would open different names and get different "
            "variables; prefix it with a fixed name by hand"
        ),
        "pairing": "{why}; rename by hand",
        "split": (
            "the get_variable at {line}:{col} in the same variable scope passes the same name, so "
            "both return one variable today (or the second fails without reuse); prefixing them "
            "differently would split it"
        ),
        "merge": (
            "its new name, {new}, is also the name of the get_variable at {line}:{col} in the same "
            "variable scope: two variables would become one"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            def layer(x, name):
                with tf.name_scope(name, "Layer", [x]):
                    return tf.get_variable("w", [1])
            """,
            line=4,
            wrap_get_variable=True,
        ),
    ),
    valid=(example(_UNDER_NAME_SCOPE, wrap_get_variable=True),),
)

RULES = (MS201, MS202, MS203, MS204)
