"""Rules of the reuse pass (`migrate.passes.positional_reuse`).

Up to r0.10, `variable_scope(name_or_scope, reuse=None, initializer=None, ...)`; from
r0.11 the second positional slot is `default_name`, so `tf.variable_scope("rnn", True)`
silently stops sharing variables. Code that shows it was written for r0.11 or later
meant `default_name` there (MS303).
"""

from __future__ import annotations

from migrate_scopes.migrate.rules import LINT, Rule, example

PASS = "reuse"

MS301 = Rule(
    "MS301", LINT, PASS,
    "r0.10's positional `reuse` (`True`/`False`) rewritten to `reuse=`; also a finding: code written for "
    "r0.11 or later never reused there",
    "check that the variables exist before that scope",
    rewritten="a positional `reuse`",
    messages={
        "rewritten": (
            "variable_scope(name, {flag}) -> variable_scope(name, reuse={flag}){later}: r0.10's "
            "positional reuse; from r0.11 that slot is default_name and reuse would be silently off"
        ),
        "later": " (and later positional arguments by their r0.10 keywords)",
        "false": (
            "rewritten to reuse=False as r0.10 meant it; reuse behaves as before in every TensorFlow "
            "version (False, like None, inherits the enclosing scope's reuse)"
        ),
        "true": (
            "rewritten to reuse={flag} as r0.10 meant it; if this code was written for TensorFlow "
            "r0.11 or later, {flag} was an ignored default_name and the scope did not reuse: check "
            "that the variables exist before this scope"
        ),
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", True):
                pass
            """,
            line=2,
            output="""
            import tensorflow as tf
            with tf.variable_scope("rnn", reuse=True):
                pass
            """,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", "RNN"):
                pass
            """
        ),
    ),
)
MS302 = Rule(
    "MS302", LINT, PASS,
    "an argument in `variable_scope`'s second positional slot that looks like r0.10's `reuse` "
    "(`reuse`, `self.reuse`, `i > 0`); left alone",
    "pass it as `reuse=` if it is one",
    messages={
        "blocked": (
            "variable_scope's second positional argument {flag} is r0.10's reuse, but {blocker}; "
            "pass it by hand as reuse={flag}"
        ),
        "too_many": "it has {count} positional arguments, more than r0.10's variable_scope took",
        "star": "*args follows them, so which parameter each argument binds is unknown",
        "twice": "{params} would be given twice",
        "likely": (
            "variable_scope's second positional argument `{flag}` looks like r0.10's reuse flag, but "
            "from r0.11 that slot is default_name, ignored when a name is given, so variables are "
            "not shared; if it is reuse, write reuse={flag}{third}"
        ),
        "third": "; then the third positional argument was r0.10's initializer (from r0.11 it is values)",
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", reuse):
                pass
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", reuse=reuse):
                pass
            """
        ),
    ),
)

MS303 = Rule(
    "MS303", LINT, PASS,
    "`True`/`False` in `variable_scope`'s second positional slot of code written for r0.11 or later "
    "(it uses an API r0.10 did not have, such as `tf.global_variables_initializer` or "
    "`name_scope(name, default_name, values)`): there it is `default_name`, not r0.10's `reuse`; left alone",
    "if reuse was meant, pass it as `reuse=`",
    messages={
        "default_name": (
            "variable_scope's second positional argument {flag} fills default_name, which TensorFlow "
            "ignores when a name is given: it does not set reuse; left as it is, because this code "
            "was written for TensorFlow r0.11 or later: {evidence}; if reuse was meant, write reuse={flag}"
        ),
        "uses": "it uses {name} ({release})",
        "keyword": "it passes {keyword}= to {function} ({release})",
        "name_scope": "it passes name_scope a default_name or values ({release})",
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", True):
                pass
            init = tf.global_variables_initializer()
            """,
            line=2,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.variable_scope("rnn", reuse=True):
                pass
            init = tf.global_variables_initializer()
            """
        ),
    ),
)

RULES = (MS301, MS302, MS303)
