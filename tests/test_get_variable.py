"""The get-variable pass: its golden cases (testdata/cases/get_variable/) and its details.

Each case there holds the input, the default run's output and findings, and a `wrap/`
variant with `wrap-get-variable = true`; test_golden.py checks them all. Here: what only
this pass promises of them.
"""

from __future__ import annotations

import pytest

from golden import GoldenCase, golden_cases
from migrate_scopes import migrate_source
from migrate_scopes.migrate.result import MigrationOptions, MigrationResult

CASES = [case for case in golden_cases("get_variable") if case.options == MigrationOptions()]
WRAP = MigrationOptions(wrap_get_variable=True)
ONLY_THIS_PASS = MigrationOptions(passes=frozenset({"get-variable"}))


def codes(result: MigrationResult) -> list[str]:
    return [f"{f.line}:{f.col}: {f.code}" for f in result.findings if f.code.startswith("MS2")]


def codes_of(result: MigrationResult, code: str) -> list[tuple[int, int]]:
    return [(f.line, f.col) for f in result.findings if f.code == code]


def test_there_are_golden_cases() -> None:
    names = {case.input_path.parent.name for case in CASES}
    assert {"seed_name_scope", "seed_variable_scope", "seed_sharing", "seed_op_scope"} <= names
    wrapped = {c.id for c in golden_cases("get_variable") if c.options == WRAP}
    assert wrapped == {f"{case.id}/wrap" for case in CASES}, "every case has its wrap variant"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_golden_lint_alone_never_edits(case: GoldenCase) -> None:
    result = migrate_source(case.source, ONLY_THIS_PASS)
    assert result.code == case.source
    assert codes(result) == codes(case.run())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_golden_idempotent(case: GoldenCase) -> None:
    """A second run changes nothing; MS201 remains only where wrapping was refused."""
    first = migrate_source(case.source, WRAP)
    second = migrate_source(first.code, WRAP)
    assert second.code == first.code
    assert not second.renames
    assert set(codes_of(second, "MS201")) <= set(codes_of(first, "MS204"))
    assert codes_of(migrate_source(first.code), "MS201") == codes_of(second, "MS201")


# -- details ---------------------------------------------------------------------------------
SEED = '''import tensorflow as tf

with tf.name_scope("my_scope"):
    v1 = tf.get_variable("var1", [1], dtype=tf.float32)
'''


def test_lint_message_names_both_literals() -> None:
    [finding] = migrate_source(SEED).findings
    assert (finding.line, finding.col, finding.code) == (4, 10, "MS201")
    assert finding.message.startswith('get_variable("var1") is not prefixed by name_scope "my_scope"')


def test_lint_reports_in_a_file_needing_no_other_change() -> None:
    result = migrate_source(SEED)
    assert not result.changed
    assert codes(result) == ["4:10: MS201"]


def test_lint_message_for_dynamic_names() -> None:
    source = '''import tensorflow as tf
def f(x, name=None, var="w"):
    with tf.name_scope(name, "Layer", [x]):
        return tf.get_variable(var, [1])
'''
    [finding] = migrate_source(source).findings
    assert finding.message.startswith('get_variable(var) is not prefixed by name_scope name (default "Layer")')


def test_wrap_records_static_rename() -> None:
    result = migrate_source(SEED, WRAP)
    [rename] = result.renames
    assert (rename.line, rename.col, rename.old, rename.new) == (4, 10, "var1", "my_scope/var1")
    assert [(r.code, r.message) for r in result.rewrites] == [
        ("MS202", 'get_variable renamed: var1 -> my_scope/var1 (prefixed by name_scope "my_scope")')
    ]
    assert not result.findings  # the pitfall is fixed: nothing left to report


def test_wrap_under_literal_variable_scopes_gives_full_names() -> None:
    source = '''import tensorflow as tf
with tf.variable_scope("model"):
    with tf.variable_op_scope([], "block"):
        with tf.op_scope([], "ops"):
            w = tf.get_variable("w", [1])
'''
    [rename] = migrate_source(source, WRAP).renames
    assert (rename.old, rename.new) == ("model/block/w", "model/block/ops/w")


def test_wrap_in_function_is_relative_to_the_callers_variable_scope() -> None:
    source = '''import tensorflow as tf
def block(x):
    with tf.variable_scope("blk"):
        with tf.name_scope("inner"):
            return x * tf.get_variable("k", [1])
'''
    result = migrate_source(source, WRAP)
    [rename] = result.renames
    assert rename.old is None and rename.new is None
    assert (rename.old_pattern, rename.new_pattern) == ("*/blk/k", "*/blk/inner/k")
    assert "blk/k -> blk/inner/k" in rename.description and "relative" in rename.description
    assert not codes_of(result, "MS203")


def test_wrap_refuses_a_scope_name_chosen_at_run_time() -> None:
    # Calls sharing `w` under one reusing variable scope would open Layer, Layer_1 (or the
    # names their callers pass): any run-time prefix would split the variable.
    source = '''import tensorflow as tf
def layer(x, name=None):
    with tf.name_scope(name, "Layer", [x]) as scope:
        return tf.identity(x * tf.get_variable("w", [1]), name=scope)
'''
    result = migrate_source(source, WRAP)
    assert result.code == source and not result.renames
    [refused] = [f for f in result.findings if f.code == "MS204"]
    assert (refused.line, refused.col) == (4, 32)
    assert 'name (default "Layer")' in refused.message and "tf.AUTO_REUSE" in refused.message


def test_wrap_uses_the_written_default_name_when_no_name_is_given() -> None:
    source = '''import tensorflow as tf
def layer(x):
    with tf.op_scope([x], None, 'Dense'):
        return x * tf.get_variable("w", [1])
'''
    result = migrate_source(source, WRAP)
    assert "with tf.name_scope(None, 'Dense', [x]):" in result.code
    assert 'tf.get_variable("Dense/w", [1])' in result.code
    [rename] = result.renames
    assert (rename.old_pattern, rename.new_pattern) == ("*/w", "*/Dense/w")


@pytest.mark.parametrize(
    ("source", "patterns"),
    [
        ('with tf.variable_scope("m"):\n    with tf.name_scope("s"):\n        v = tf.get_variable(N, [1])\n',
         ("m/{name}", "m/s/{name}")),
        ('def f():\n    with tf.variable_scope("m"):\n        with tf.name_scope("s"):\n'
         '            return tf.get_variable(N, [1])\n', ("*/m/{name}", "*/m/s/{name}")),
        ('def f(vs):\n    with tf.variable_scope("a"), tf.variable_scope(vs), tf.variable_scope("b"):\n'
         '        with tf.name_scope("s"):\n            return tf.get_variable("w", [1])\n', ("*/b/w", "*/b/s/w")),
        ('with tf.variable_scope(tf.get_variable_scope()):\n    with tf.name_scope("s"):\n'
         '        v = tf.get_variable("w", [1])\n', ("*/w", "*/s/w")),
    ],
    ids=["module-dynamic-name", "function-dynamic-name", "run-time-variable-scope", "module-scope-object"],
)
def test_wrap_records_renames_it_cannot_name_fully_as_patterns(source: str, patterns: tuple[str, str]) -> None:
    [rename] = migrate_source("import tensorflow as tf\n" + source, WRAP).renames
    assert rename.old is None and rename.new is None
    assert (rename.old_pattern, rename.new_pattern) == patterns


def test_nearest_variable_scope_is_fine() -> None:
    source = '''import tensorflow as tf
with tf.name_scope("a"):
    with tf.variable_scope("b"):
        v = tf.get_variable("v", [1])
'''
    result = migrate_source(source, WRAP)
    assert not result.findings and not result.renames and not result.changed


def test_name_bound_two_ways_is_not_judged() -> None:
    source = '''try:
    from tensorflow import name_scope
except ImportError:
    from mylib import name_scope
import tensorflow as tf
with name_scope("s"):
    v = tf.get_variable("v", [1])
'''
    assert not codes(migrate_source(source, WRAP))


def test_wrap_off_by_default() -> None:
    assert migrate_source(SEED).code == SEED


def test_reentered_original_name_scope_is_not_a_pitfall() -> None:
    # The name scope a variable scope opened, re-entered: variables and ops already agree.
    source = (
        "import tensorflow as tf\n"
        'with tf.variable_scope("v") as vs:\n'
        "    with tf.name_scope(vs.original_name_scope):\n"
        '        w = tf.get_variable("w", [1])\n'
    )
    for wrap in (False, True):
        result = migrate_source(source, MigrationOptions(wrap_get_variable=wrap))
        assert result.code == source and not result.findings
