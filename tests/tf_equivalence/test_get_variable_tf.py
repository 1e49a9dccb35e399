"""--wrap-get-variable in real TensorFlow: only the flagged variables change names, and
checkpoints follow them through the checkpoint map.

Each program runs as written and as wrapped. The wrapped graph must equal the original graph
with exactly the expected variables renamed (their initializer, assign and read ops move with
them); every other op, `tf.Variable`, scope string and shared variable keeps its name.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from migrate_scopes import migrate_source
from migrate_scopes.migrate.result import MigrationOptions, MigrationResult

from .harness import GraphRecord, assert_same_graph, deprecated_scopes_forbidden, run_program
from .programs import program_paths
from .test_seed_examples import DEPRECATED_FORMS, NAME_SCOPE, SHARING, STATED, VARIABLE_SCOPE

WRAP = MigrationOptions(wrap_get_variable=True)
HEADER = "import tensorflow.compat.v1 as tf\n\nOUT = []\n"
REPO = Path(__file__).resolve().parents[2]


def wrap(source: str) -> MigrationResult:
    result = migrate_source(source, WRAP)
    again = migrate_source(result.code, WRAP)
    assert again.code == result.code, "wrapping is not idempotent"
    refused = {(f.line, f.col) for f in result.findings if f.code == "MS204"}
    still = {(f.line, f.col) for f in again.findings if f.code == "MS201"}
    assert still <= refused, "wrapped calls are still reported"
    return result


def static_map(result: MigrationResult) -> dict[str, str]:
    return {r.old: r.new for r in result.renames if r.old is not None and r.new is not None}


def _renamed(name: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        if name == old or name.startswith((old + "/", old + ":")):
            return new + name[len(old) :]
    return name


def renamed(record: GraphRecord, mapping: dict[str, str]) -> GraphRecord:
    """The record the original program would give if exactly these variables had new names."""
    ops = tuple(
        (_renamed(name, mapping), kind, tuple(_renamed(i, mapping) for i in inputs))
        for name, kind, inputs in record.ops
    )
    return GraphRecord(
        ops,
        tuple(_renamed(v, mapping) for v in record.global_variables),
        tuple(_renamed(v, mapping) for v in record.trainable_variables),
        tuple(_renamed_repr(item, mapping) for item in record.out),
        record.sharing,  # a rename never changes which calls share a variable
    )


def _renamed_repr(item: str, mapping: dict[str, str]) -> str:
    """OUT holds reprs: a quoted tensor or variable name is renamed like the graph's names."""
    if len(item) > 1 and item[0] == item[-1] == "'":
        return repr(_renamed(item[1:-1], mapping))
    described = re.fullmatch(r"(\w+)\('(.*)'\)", item)  # a variable or tensor: `RefVariable('w:0')`
    if described:
        return f"{described[1]}({_renamed(described[2], mapping)!r})"
    return item


def assert_only_renamed(source: str, expected: dict[str, str]) -> MigrationResult:
    """Run `source` and its wrapped form; only the `expected` variables may differ."""
    original = run_program(source)
    result = wrap(source)
    assert result.changed
    with deprecated_scopes_forbidden():
        migrated = run_program(result.code)
    for old, new in expected.items():
        assert f"{old}:0" in original.global_variables, f"{old} is not a variable of the original"
        assert f"{new}:0" in migrated.global_variables, f"{new} is not a variable of the wrapped program"
    assert_same_graph(renamed(original, expected), migrated)
    return result


# -- the seed's examples ----------------------------------------------------------------------------
SEED_WRAPPED = ("'my_scope/var1:0'", "'my_scope/var2:0'", "'my_scope/Add:0'")


@pytest.mark.parametrize("source", [NAME_SCOPE, DEPRECATED_FORMS["name_scope"]], ids=["name_scope", "op_scope"])
def test_seed_first_example_gets_the_variable_scope_names(tf: ModuleType, source: str) -> None:
    assert run_program(source).out == STATED["name_scope"]
    result = assert_only_renamed(source, {"var1": "my_scope/var1"})
    with deprecated_scopes_forbidden():
        assert run_program(result.code).out == SEED_WRAPPED == STATED["variable_scope"]
    assert static_map(result) == {"var1": "my_scope/var1"}


@pytest.mark.parametrize(
    "source", [VARIABLE_SCOPE, SHARING, DEPRECATED_FORMS["sharing"]], ids=["variable_scope", "sharing", "sharing_deprecated"]
)
def test_seed_second_and_third_examples_keep_their_names(tf: ModuleType, source: str) -> None:
    result = wrap(source)
    assert not result.renames and not [f for f in result.findings if f.code.startswith("MS2")]
    with deprecated_scopes_forbidden():
        record = run_program(result.code)  # the third example asserts `v1 == v` itself
    expected = STATED["variable_scope"] if source is VARIABLE_SCOPE else STATED["sharing"]
    assert record.out == expected


# -- only the flagged variables move ---------------------------------------------------------------
NESTED = HEADER + '''
with tf.variable_scope("model"):
    with tf.name_scope("a"):
        with tf.name_scope("b"):
            w = tf.get_variable("w", [1])
            t = tf.Variable(2.0, name="t")
        x = tf.get_variable("x", [1])
        y = tf.add(w, x)
    with tf.variable_scope("v"), tf.name_scope("n") as scope:
        z = tf.get_variable("z", [1])
        out = tf.identity(z * t, name=scope)
    with tf.name_scope("foo"):
        with tf.variable_scope("var_scope"):
            shared = tf.get_variable("shared", [1])
    with tf.name_scope("bar"):
        with tf.variable_scope("var_scope", reuse=True):
            shared_again = tf.get_variable("shared", [1])
assert shared_again == shared
OUT.extend([w.name, x.name, z.name, t.name, y.name, out.name, scope, type(scope).__name__])
'''


def test_nested_scopes_only_flagged_variables_move(tf: ModuleType) -> None:
    expected = {"model/w": "model/b/w", "model/x": "model/a/x", "model/v/z": "model/v/n/z"}
    result = assert_only_renamed(NESTED, expected)
    assert static_map(result) == expected
    with deprecated_scopes_forbidden():
        out = run_program(result.code).out
    assert out[:3] == ("'model/b/w:0'", "'model/a/x:0'", "'model/v/n/z:0'")
    assert out[-2:] == ("'model/v/n/'", "'str'")  # the `as` name keeps its value and type


DYNAMIC = HEADER + '''
def layer(x, name=None):
    with tf.name_scope(name, "Layer", [x]) as scope:
        w = tf.get_variable("w", [1])
        OUT.extend([scope, type(scope).__name__])
        return tf.identity(x * w, name=scope)


def layer_without_as(x, name=None):
    with tf.op_scope([x], name, "Plain"):
        return x * tf.get_variable("v" + "_" + str(1), [1])


x = tf.constant([1.0], name="x")
with tf.variable_scope("first"):
    y = layer(x)
with tf.variable_scope("second"):
    y = layer(y, name="named")
with tf.name_scope("outer"):
    with tf.variable_scope("third"):
        y = layer_without_as(layer(y))
OUT.append(y.name)
'''


def test_scope_names_chosen_at_run_time_are_left_alone(tf: ModuleType) -> None:
    result = wrap(DYNAMIC)
    assert [f.line for f in result.findings if f.code == "MS204"] == [7, 14]
    assert not result.renames
    original = run_program(DYNAMIC)
    with deprecated_scopes_forbidden():
        assert_same_graph(original, run_program(result.code))


# The example: a layer whose name scope is named at run time, called twice where its
# variable is shared. TensorFlow opens Block, then Block_1, so a prefix taken from the opened
# name (what earlier versions wrote) gives two variables.
TIED = HEADER + '''
def block(x, name=None):
    with tf.name_scope(name, "Block", [x]) as scope:
        w = tf.get_variable("w", [4, 4])
        return tf.matmul(x, w)


x = tf.zeros([1, 4])
with tf.variable_scope("tied", reuse=tf.AUTO_REUSE):
    y = block(x)
    y = block(y)
OUT.append([v.name for v in tf.global_variables()])
'''
OPENED_NAME_PREFIX = 'tf.get_variable("/".join(scope.split("/")[-2:]) + "w", [4, 4])'


def test_a_prefix_from_the_opened_name_would_split_a_shared_variable(tf: ModuleType) -> None:
    original = run_program(TIED)
    assert original.global_variables == ("tied/w:0",) and original.sharing == (0, 0)
    split = run_program(TIED.replace('tf.get_variable("w", [4, 4])', OPENED_NAME_PREFIX))
    assert split.global_variables == ("tied/Block/w:0", "tied/Block_1/w:0") and split.sharing == (0, 1)
    result = wrap(TIED)
    assert result.code == TIED and [f.code for f in result.findings] == ["MS201", "MS204"]


# A name built from the scope string (`with tf.name_scope(name) as scope:` then
# `get_variable(scope + "w")`, a widely copied VGG layer) already carries the full name the
# scope opened: there is nothing to report, and a prefix would double it. So does the scope's
# own name argument and a slash (`name + "/w"`), as `variable_scope(name)` would name it.
SCOPE_STRING = HEADER + '''
def conv(x, name):
    with tf.name_scope(name) as scope:
        return x * tf.get_variable(scope + "w", [1])


def fc(x):
    with tf.name_scope("fc") as scope:
        return x * tf.get_variable("%sw" % scope, [1]) + tf.get_variable(f"{scope}b", [1])


def dense(x, name):
    with tf.name_scope(name):
        return x * tf.get_variable(name + "/w", [1])


def dense_in_variable_scope(x, name):
    with tf.variable_scope(name):
        return x * tf.get_variable("w", [1])


x = tf.constant([1.0])
with tf.name_scope("net"):
    y = dense_in_variable_scope(dense(fc(conv(conv(x, "conv1"), "conv2")), "dense"), "dense2")
'''


def test_names_built_from_the_scope_string_are_left_alone(tf: ModuleType) -> None:
    original = run_program(SCOPE_STRING)
    assert original.global_variables == (
        "net/conv1/w:0", "net/conv2/w:0", "net/fc/w:0", "net/fc/b:0", "dense/w:0", "dense2/w:0"
    )
    doubled = run_program(SCOPE_STRING.replace('("%sw" % scope', '("fc/" + ("%sw" % scope)'))
    assert doubled.global_variables[2] == "fc/net/fc/w:0"  # what a prefix would have made of it
    result = wrap(SCOPE_STRING)
    assert result.code == SCOPE_STRING and not result.findings


# Functions called several times where variables are shared: reuse=True, tf.AUTO_REUSE, loops,
# a scope opened again by its literal name, and a default-only name scope (uniquified when
# opened again, but the written default keeps one variable).
SHARED_ACROSS_CALLS = HEADER + '''
def dense(x, name=None):
    with tf.name_scope(name, "Dense", [x]):
        return tf.matmul(x, tf.get_variable("kernel", [4, 4]))


def default_only(x):
    with tf.name_scope(None, "Proj", [x]):
        return x + tf.get_variable("bias", [4])


def literal(x):
    with tf.name_scope("lit"):
        return x * tf.get_variable("scale", [4])


def step(x, name=None):
    return literal(default_only(dense(x, name)))


x = tf.zeros([1, 4])
with tf.variable_scope("auto", reuse=tf.AUTO_REUSE):
    for t in range(3):
        x = step(x, name="step_%d" % t)
    x = step(step(x))
with tf.variable_scope("rnn"):
    x = step(x)
for t in range(2):
    with tf.variable_scope("rnn", reuse=True):
        x = step(x, name="again")
with tf.variable_scope("rnn") as vs:
    vs.reuse_variables()
    x = step(step(x))
with tf.variable_scope("fresh"):
    x = step(x)
    with tf.variable_scope("inner"):
        x = step(x)
OUT.append(x.name)
'''


def test_functions_called_several_times_keep_their_sharing(tf: ModuleType) -> None:
    original = run_program(SHARED_ACROSS_CALLS)
    assert len(original.sharing) == 3 * 12 and len(set(original.sharing)) == 3 * 4
    expected = {
        f"{scope}/{old}": f"{scope}/{new}"
        for scope in ("auto", "rnn", "fresh", "fresh/inner")
        for old, new in (("bias", "Proj/bias"), ("scale", "lit/scale"))
    }
    result = assert_only_renamed(SHARED_ACROSS_CALLS, expected)  # sharing compared too
    assert [f.line for f in result.findings if f.code == "MS204"] == [7]  # dense(): name at run time


REUSE = HEADER + '''
def block(x):
    with tf.name_scope("blk"):
        return x * tf.get_variable("k", [1])


x = tf.constant([1.0], name="x")
with tf.variable_scope("model"):
    y1 = block(x)
with tf.variable_scope("model", reuse=True):
    y2 = block(x)

with tf.variable_scope("m"):
    with tf.name_scope("s"):
        v = tf.get_variable("v", [1])
with tf.variable_scope("m", reuse=True):
    with tf.name_scope("s"):
        v_again = tf.get_variable("v", [1])
assert v_again == v

with tf.variable_scope("auto", reuse=tf.AUTO_REUSE):
    for _ in range(2):
        with tf.name_scope("s"):  # opens auto/s, then auto/s_1: the literal keeps one variable
            u = tf.get_variable("u", [1])
OUT.extend([y1.name, y2.name, v.name, v_again.name, u.name])
'''


# `variable_scope(tf.get_variable_scope(), reuse=True)` re-enters the current variable scope:
# the usual way to fetch a variable again by name. Prefixing only the call that creates it
# would make the fetch fail; the one under a plain re-entered scope is still prefixed.
REENTERED = HEADER + '''
with tf.name_scope("output"):
    W = tf.get_variable("W", [3])
with tf.variable_scope(tf.get_variable_scope(), reuse=True):
    W_again = tf.get_variable("W")
with tf.variable_scope(tf.get_variable_scope()):
    with tf.name_scope("head"):
        h = tf.get_variable("h", [3])
assert W_again is W
'''


def test_the_current_variable_scope_re_entered_adds_nothing(tf: ModuleType) -> None:
    result = assert_only_renamed(REENTERED, {"h": "head/h"})
    assert [f.code for f in result.findings] == ["MS201", "MS204", "MS203"]


def test_reuse_through_enclosing_variable_scopes_keeps_working(tf: ModuleType) -> None:
    expected = {"model/k": "model/blk/k", "m/v": "m/s/v", "auto/u": "auto/s/u"}
    result = assert_only_renamed(REUSE, expected)
    with deprecated_scopes_forbidden():
        record = run_program(result.code)
    assert record.global_variables == ("model/blk/k:0", "m/s/v:0", "auto/s/u:0")
    assert static_map(result) == {"m/v": "m/s/v", "auto/u": "auto/s/u"}  # block() is relative


@pytest.mark.parametrize("path", program_paths(), ids=[p.stem for p in program_paths()])
def test_every_equivalence_program_keeps_its_variables_when_wrapped(tf: ModuleType, path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    original = run_program(source, path.name)
    migrated = run_program(wrap(source).code, path.name)
    assert len(migrated.global_variables) == len(original.global_variables)
    assert migrated.sharing == original.sharing
    # Variables are created in the same order, so the lists pair each with its new name.
    moved = {old[:-2]: new[:-2] for old, new in zip(original.global_variables, migrated.global_variables) if old != new}
    assert_same_graph(renamed(original, moved), migrated)


# Calls in one variable scope whose wraps would split a variable (a and b share m/w today) or
# merge two (c is m/s/x; d would become m/s/x too): refused. e and f share m/y and stay shared.
PAIRED = HEADER + '''
with tf.variable_scope("m", reuse=tf.AUTO_REUSE):
    a = tf.get_variable("w", [1])
    with tf.name_scope("s"):
        b = tf.get_variable("w", [1])
    c = tf.get_variable("s/x", [1])
    with tf.name_scope("s"):
        d = tf.get_variable("x", [1])
    with tf.name_scope("t"):
        e = tf.get_variable("y", [1])
    with tf.name_scope("t"):
        f = tf.get_variable("y", [1])
OUT.extend([v.name for v in (a, b, c, d, e, f)])
'''


def test_wraps_that_would_split_or_merge_a_variable_are_refused(tf: ModuleType) -> None:
    original = run_program(PAIRED)
    assert original.sharing == (0, 0, 1, 2, 3, 3)
    every_call_wrapped = PAIRED.replace('b = tf.get_variable("w"', 'b = tf.get_variable("s/w"').replace(
        'd = tf.get_variable("x"', 'd = tf.get_variable("s/x"')
    assert run_program(every_call_wrapped).sharing == (0, 1, 2, 2, 3, 3)  # one split, one merge
    result = assert_only_renamed(PAIRED, {"m/y": "m/t/y"})
    assert [f.line for f in result.findings if f.code == "MS204"] == [8, 11]


# -- checkpoints follow the map ---------------------------------------------------------------------
CHECKPOINTED = '''import tensorflow.compat.v1 as tf

with tf.variable_scope("model"):
    with tf.op_scope([], "dense"):
        kernel = tf.get_variable("kernel", [3, 2])
        bias = tf.get_variable("bias", [2])
        count = tf.Variable(7.0, name="count")
    with tf.name_scope("head"):
        out = tf.get_variable("out", [2, 1])
    kept = tf.get_variable("kept", [4])
with tf.name_scope("top"):
    step = tf.get_variable("step", [], initializer=tf.zeros_initializer())
'''


def _build(source: str, tf: ModuleType) -> dict:
    namespace: dict = {}
    exec(compile(source, "<checkpointed>", "exec"), namespace)  # noqa: S102 - running it is the point
    return {v.op.name: v for v in tf.global_variables()}


def restore_with_map(tf: ModuleType, checkpoint: str, renamed_map: dict[str, str]) -> None:
    """The README's snippet: restore an old checkpoint into the migrated model."""
    new_to_old = {new: old for old, new in renamed_map.items()}
    # Variables, not names: init_from_checkpoint finds only get_variable variables by name.
    assignment_map = {new_to_old.get(v.op.name, v.op.name): v for v in tf.global_variables()}
    tf.train.init_from_checkpoint(checkpoint, assignment_map)


def test_checkpoint_restores_through_the_cli_map(tf: ModuleType, tmp_path: Path) -> None:
    import numpy as np

    program = tmp_path / "model.py"
    program.write_text(CHECKPOINTED, encoding="utf-8")
    with tf.Graph().as_default():
        variables = _build(CHECKPOINTED, tf)
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            for variable in variables.values():  # values no initializer would reproduce
                shape = variable.shape.as_list()
                session.run(variable.assign(np.random.default_rng(0).normal(size=shape).astype("float32")))
            saved = {name: session.run(v) for name, v in variables.items()}
            checkpoint = tf.train.Saver().save(session, str(tmp_path / "ckpt" / "model"))

    map_file = tmp_path / "checkpoint_map.json"
    command = [sys.executable, "-m", "migrate_scopes", "--wrap-get-variable", "--checkpoint-map", str(map_file), str(program)]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    renamed_map = json.loads(map_file.read_text(encoding="utf-8"))
    assert renamed_map == {
        "model/kernel": "model/dense/kernel",
        "model/bias": "model/dense/bias",
        "model/out": "model/head/out",
        "step": "top/step",
    }
    migrated = program.read_text(encoding="utf-8")
    assert migrated == migrate_source(CHECKPOINTED, WRAP).code

    with tf.Graph().as_default():
        variables = _build(migrated, tf)
        restore_with_map(tf, checkpoint, renamed_map)
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            restored = {name: session.run(v) for name, v in variables.items()}
    assert sorted(restored) == sorted(renamed_map.get(name, name) for name in saved)
    for old_name, value in saved.items():
        np.testing.assert_array_equal(restored[renamed_map.get(old_name, old_name)], value, err_msg=old_name)


# -- Graph.name_scope ------------------------------------------------------------------------------
GRAPH_NAME_SCOPE = HEADER + '''
graph = tf.get_default_graph()
with graph.name_scope("block"):
    w = tf.get_variable("w", [1])
    y = tf.identity(w, name="y")
with tf.get_default_graph().name_scope("head"):
    b = tf.get_variable("b", [1])
OUT.extend([w.name, y.name, b.name])
'''


def test_graph_name_scope_is_ignored_by_get_variable_as_name_scope_is(tf: ModuleType) -> None:
    # The lint's premise, in real TensorFlow: the op is prefixed, the variables are not.
    assert run_program(GRAPH_NAME_SCOPE).out == ("'w:0'", "'block/y:0'", "'b:0'")
    assert [(f.line, f.code) for f in migrate_source(GRAPH_NAME_SCOPE).findings] == [(7, "MS201"), (10, "MS201")]
    result = assert_only_renamed(GRAPH_NAME_SCOPE, {"w": "block/w", "b": "head/b"})
    assert static_map(result) == {"w": "block/w", "b": "head/b"}
