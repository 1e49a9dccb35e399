"""Rules of the reuse pass (`migrate.passes.positional_reuse`).

Up to r0.10, `variable_scope(name_or_scope, reuse=None, initializer=None, ...)`; from
r0.11 the second positional slot is `default_name`, so `tf.variable_scope("rnn", True)`
silently stops sharing variables.
"""

from __future__ import annotations

from migrate_scopes.migrate.rules import LINT, Rule, example

PASS = "reuse"

MS301 = Rule(
    "MS301", LINT, PASS,
    "r0.10's positional `reuse` (`True`/`False`) rewritten to `reuse=`; also a finding: code written for "
    "r0.11 or later never reused there",
    "check that the variables exist before that scope",
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

RULES = (MS301, MS302)
