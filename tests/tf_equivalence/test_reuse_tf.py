"""r0.10's positional reuse, in real TensorFlow: the rewritten call shares variables as meant.

An r0.10 program passes reuse (and the initializer) positionally. On r0.11 and later the
same call binds default_name (and values) instead, so reuse is silently off. The meaning
the author had is the keyword form; the migrated program must build exactly what that
keyword form builds, and the unmigrated one demonstrably does not.
"""

from __future__ import annotations

import pytest

from migrate_scopes import migrate_source
from migrate_scopes.migrate.tensorflow_api import NEWER_NAMES, NEWER_SCOPE_KEYWORDS

from .harness import assert_same_graph, run_program

HEADER = "import tensorflow.compat.v1 as tf\n\nOUT = []\n"

# The r0.10 author's program: the second call means reuse=True.
POSITIONAL_REUSE = HEADER + '''
def cell(x):
    return x * tf.get_variable("w", [1], initializer=tf.ones_initializer())

x = tf.constant([2.0])
with tf.variable_scope("rnn"):
    first = cell(x)
with tf.variable_scope("rnn", True):
    second = cell(first)
OUT.extend([first, second])
'''
MEANT_REUSE = POSITIONAL_REUSE.replace('tf.variable_scope("rnn", True)', 'tf.variable_scope("rnn", reuse=True)')

# r0.10's third positional argument was the initializer (from r0.11 it is values).
POSITIONAL_TAIL = HEADER + '''
with tf.variable_scope("layer", False, tf.constant_initializer(0.5)):
    w = tf.get_variable("w", [2])
with tf.variable_scope("layer", True, None) as scope:
    again = tf.get_variable("w", [2])
OUT.extend([w, again, scope, again is w])
'''
MEANT_TAIL = POSITIONAL_TAIL.replace(
    'tf.variable_scope("layer", False, tf.constant_initializer(0.5))',
    'tf.variable_scope("layer", reuse=False, initializer=tf.constant_initializer(0.5))',
).replace('tf.variable_scope("layer", True, None)', 'tf.variable_scope("layer", reuse=True, initializer=None)')


def _initial_value(tf, source: str, name: str) -> list[float]:
    graph = tf.Graph()
    namespace: dict = {}
    with graph.as_default():
        exec(compile(source, "<program>", "exec"), namespace)  # noqa: S102
        with tf.Session(graph=graph) as session:
            session.run(tf.global_variables_initializer())
            variable = next(v for v in tf.global_variables() if v.name == name)
            return session.run(variable).tolist()


def test_positional_reuse_is_silently_off_without_migration() -> None:
    with pytest.raises(ValueError, match="already exists"):
        run_program(POSITIONAL_REUSE)


def test_migrated_call_shares_the_variable() -> None:
    result = migrate_source(POSITIONAL_REUSE)
    assert result.code == MEANT_REUSE
    migrated, meant = run_program(result.code), run_program(MEANT_REUSE)
    assert_same_graph(meant, migrated)
    assert migrated.global_variables == ("rnn/w:0",)


def test_migrated_tail_keeps_the_initializer(tf) -> None:
    result = migrate_source(POSITIONAL_TAIL)
    assert result.code == MEANT_TAIL
    migrated = run_program(result.code)
    assert_same_graph(run_program(MEANT_TAIL), migrated)
    assert migrated.global_variables == ("layer/w:0",)
    assert migrated.out[-1] == "True"  # the reused scope returned the same variable
    assert _initial_value(tf, result.code, "layer/w:0") == [0.5, 0.5]


def test_unmigrated_tail_breaks(tf) -> None:
    # On r0.11+ the initializer lands in `values` (and False in default_name).
    source = HEADER + 'with tf.variable_scope("layer", False, tf.constant_initializer(0.5)):\n' \
        '    w = tf.get_variable("w", [2])\n'
    with pytest.raises(TypeError, match="not iterable"):
        _initial_value(tf, source, "layer/w:0")


# Written for r0.11 or later (as the CS224n code for TF 1.0 was): the positional True is
# default_name, ignored, and each scope creates its own variable. tf.global_variables_initializer
# (r0.12) shows which release the author had.
WRITTEN_FOR_R011 = HEADER + '''
def cell(x, scope):
    with tf.variable_scope(scope, True):
        return x * tf.get_variable("w", [1], initializer=tf.ones_initializer())

x = tf.constant([2.0])
first = cell(x, "layer1")
second = cell(first, "layer2")
init = tf.global_variables_initializer()
OUT.extend([first, second])
'''


def test_code_written_for_r011_builds_the_same_graph_after_migration() -> None:
    result = migrate_source(WRITTEN_FOR_R011)
    assert [finding.code for finding in result.findings] == ["MS303"]
    assert "tf.global_variables_initializer (r0.12)" in result.findings[0].message
    original, migrated = run_program(WRITTEN_FOR_R011), run_program(result.code)
    assert_same_graph(original, migrated)
    assert migrated.global_variables == ("layer1/w:0", "layer2/w:0")


def test_r010_reading_breaks_code_written_for_r011() -> None:
    """Why MS303 does not rewrite: r0.10's reading, reuse=True, makes the first fetch fail."""
    as_r010 = WRITTEN_FOR_R011.replace("tf.variable_scope(scope, True)", "tf.variable_scope(scope, reuse=True)")
    assert as_r010 != WRITTEN_FOR_R011
    with pytest.raises(ValueError, match="does not exist"):
        run_program(as_r010)


def test_the_evidence_exists_in_tensorflow(tf) -> None:
    """Every name and keyword counted as evidence of r0.11 or later is in TensorFlow."""
    import inspect

    for path in NEWER_NAMES:
        value = tf
        for part in path.split("."):
            value = getattr(value, part)
    for function, keywords in NEWER_SCOPE_KEYWORDS.items():
        target = getattr(tf, function)
        signature = inspect.signature(target.__init__ if inspect.isclass(target) else target)
        assert set(keywords) <= set(signature.parameters), function
