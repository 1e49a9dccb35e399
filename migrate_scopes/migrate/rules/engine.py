"""Rules that no pass emits: the front ends' notes on how a text was read (each front
end's `notes(analysis)`, which the engine adds to the passes' findings)."""

from __future__ import annotations

from migrate_scopes.migrate.rules import INFO, Rule, example

MS401 = Rule(
    "MS401", INFO, None,
    "the file was read as Python 2 (it is not valid Python 3); the output stays Python 2",
    messages={
        "python2": "read as Python 2 (not valid Python 3); output stays Python 2",
    },
    invalid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], "norm"):
                print "x"
            """,
            line=1,
        ),
    ),
    valid=(
        example(
            """
            import tensorflow as tf
            with tf.op_scope([x], "norm"):
                print("x")
            """
        ),
    ),
)

RULES = (MS401,)
