"""The harness itself can fail: wrong migrations, leftover calls and graph changes are caught."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

import pytest

from .harness import (
    DeprecatedScopeCalled,
    assert_same_graph,
    check_equivalence,
    deprecated_calls,
    deprecated_scopes_forbidden,
    run_program,
)

PROGRAM = '''
import tensorflow.compat.v1 as tf
OUT = []
x = tf.constant(1.0, name="x")
with tf.op_scope([x], "s", "D") as s:
    y = tf.add(x, x)
    OUT.append(s)
'''

# Every access path of TENSORFLOW_FACTS.md that exists in TensorFlow 2.x, as an expression.
ACCESS_PATHS = {
    "compat-v1-alias": ("import tensorflow.compat.v1 as m", "m.op_scope"),
    "tf-compat-v1": ("import tensorflow as m", "m.compat.v1.variable_op_scope"),
    "bare": ("import tensorflow", "tensorflow.compat.v1.op_scope"),
    "ops": ("from tensorflow.python.framework import ops", "ops.op_scope"),
    "framework-lib": (
        "from tensorflow.python.framework import framework_lib", "framework_lib.op_scope"
    ),
    "vs": ("from tensorflow.python.ops import variable_scope as vs", "vs.variable_op_scope"),
    "standard-ops": (
        "from tensorflow.python.ops import standard_ops", "standard_ops.variable_op_scope"
    ),
    "from-compat": ("from tensorflow.compat.v1 import op_scope as f", "f"),
    "from-ops": ("from tensorflow.python.framework.ops import op_scope", "op_scope"),
    "v2-compat-v1": ("import tensorflow as m", "m.compat.v2.compat.v1.op_scope"),
}


def _call_path(import_line: str, expr: str) -> str:
    return f"{import_line}\nwith {expr}([], 'p'):\n    pass\n"


def _fake_result(code: str, source: str) -> SimpleNamespace:
    return SimpleNamespace(code=code, changed=code != source, findings=[])


@pytest.mark.parametrize("path", sorted(ACCESS_PATHS))
def test_every_access_path_raises_while_forbidden(path: str) -> None:
    program = _call_path(*ACCESS_PATHS[path])
    with deprecated_scopes_forbidden(), pytest.raises(DeprecatedScopeCalled):
        run_program(program)
    run_program(program)  # restored afterwards


def test_modern_apis_work_while_forbidden(tf: ModuleType) -> None:
    program = PROGRAM.replace('tf.op_scope([x], "s", "D")', 'tf.name_scope("s", "D", [x])')
    with deprecated_scopes_forbidden():
        assert run_program(program).out == ("'s/'",)


def test_run_program_records_names_in_creation_order() -> None:
    record = run_program(PROGRAM)
    assert record.op_names == ["x", "s/Add"]
    assert record.ops[1] == ("s/Add", "AddV2", ("x:0", "x:0"))
    assert record.out == ("'s/'",)


def test_each_run_uses_a_fresh_graph() -> None:
    assert run_program(PROGRAM) == run_program(PROGRAM)


def test_graph_difference_is_reported() -> None:
    other = run_program(PROGRAM.replace('"s", "D"', '"t", "D"'))
    with pytest.raises(AssertionError, match=r"(?s)ops differ.*-\('s/Add'.*\+\('t/Add'"):
        assert_same_graph(run_program(PROGRAM), other)


def test_plain_rename_is_caught() -> None:
    # What generic codemods do: rename, keep the old argument order. It fails at run time.
    def rename(source: str) -> SimpleNamespace:
        return _fake_result(source.replace("op_scope", "name_scope"), source)

    with pytest.raises((TypeError, ValueError, AssertionError)):
        check_equivalence(PROGRAM, migrate_fn=rename)


def test_swapped_name_and_default_name_is_caught() -> None:
    def swap(source: str) -> SimpleNamespace:
        swapped = source.replace('tf.op_scope([x], "s", "D")', 'tf.name_scope("D", "s", [x])')
        return _fake_result(swapped, source)

    with pytest.raises(AssertionError, match="differ"):
        check_equivalence(PROGRAM, migrate_fn=swap)


def test_reordered_side_effects_are_caught() -> None:
    call = 'tf.op_scope([tf.constant(2.0, name="v")], mk("s"))'
    helper = "def mk(n):\n    tf.constant(0.0, name='n')\n    return n\n"
    program = PROGRAM.replace('tf.op_scope([x], "s", "D")', call)
    program = program.replace("OUT = []\n", "OUT = []\n" + helper)

    def reorder(source: str) -> SimpleNamespace:
        return _fake_result(
            source.replace('tf.op_scope([tf.constant(2.0, name="v")], mk("s"))',
                           'tf.name_scope(mk("s"), values=[tf.constant(2.0, name="v")])'),
            source,
        )

    with pytest.raises(AssertionError, match="ops differ"):
        check_equivalence(program, migrate_fn=reorder)


def test_leftover_call_on_untaken_branch_is_caught() -> None:
    def keep_one(source: str) -> SimpleNamespace:
        migrated = source.replace('tf.op_scope([x], "s", "D")', 'tf.name_scope("s", "D", [x])')
        return _fake_result(migrated + "if False:\n    tf.op_scope([], 'dead')\n", source)

    with pytest.raises(AssertionError, match="deprecated calls remain"):
        check_equivalence(PROGRAM, migrate_fn=keep_one)


def test_unchanged_source_is_caught() -> None:
    with pytest.raises(AssertionError, match="changed nothing"):
        check_equivalence(PROGRAM, migrate_fn=lambda s: _fake_result(s, s))


def test_static_check_sees_calls_not_comments_or_strings() -> None:
    source = (
        "# tf.op_scope([x], 'n')\n"
        "doc = 'tf.variable_op_scope([x], n)'\n"
        "ref = tf.op_scope\n"
        "with tf.compat.v1.variable_op_scope([x], 'n'):\n"
        "    op_scope([], 'm')\n"
        "    self.op_scope([], 'mine')  # not tensorflow\n"
        "from tensorflow.compat.v1 import variable_op_scope as vos\n"
        "vos([], 'aliased')\n"
    )
    expected = ["4:6 variable_op_scope", "5:5 op_scope", "8:1 variable_op_scope"]
    assert deprecated_calls(source) == expected


def test_program_assertions_propagate() -> None:
    with pytest.raises(AssertionError, match="from the program"):
        run_program(PROGRAM + "assert False, 'from the program'\n")



MAY_STAY_PROGRAM = PROGRAM + (
    'with tf.op_scope([x], "kept"):  # may stay with a finding\n    z = tf.identity(x)\n'
)


def _migrate_all_but_kept(findings: list[SimpleNamespace]):
    def migrate(source: str) -> SimpleNamespace:
        code = source.replace('tf.op_scope([x], "s", "D")', 'tf.name_scope("s", "D", [x])')
        return SimpleNamespace(code=code, changed=code != source, findings=findings)

    return migrate


def test_call_kept_with_a_finding_is_accepted() -> None:
    kept_line = MAY_STAY_PROGRAM.count("\n", 0, MAY_STAY_PROGRAM.index("kept")) + 1
    finding = SimpleNamespace(line=kept_line)
    outcome = check_equivalence(MAY_STAY_PROGRAM, migrate_fn=_migrate_all_but_kept([finding]))
    assert outcome.migrated.op_names[-1] == "kept/Identity"


def test_call_kept_without_a_finding_is_caught() -> None:
    with pytest.raises(AssertionError, match="kept without a finding"):
        check_equivalence(MAY_STAY_PROGRAM, migrate_fn=_migrate_all_but_kept([]))
