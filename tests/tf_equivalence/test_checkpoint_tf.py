"""Old checkpoints restore exactly into models migrated with --wrap-get-variable, in real TensorFlow.

The models under testdata/checkpoint_models are laid out the way real code is: layers in a
module of their own called under several variable scopes, a class whose __call__ opens a
variable scope and name scopes, name scopes named at run time (given and defaulted), layers
called twice under tf.AUTO_REUSE and reuse=True. Each is built as written and saved with
distinct random values; the real CLI migrates a copy of the whole tree and writes the map;
the migrated model is built in a fresh graph and restored through `assignment_map`.

Which old variable each new one comes from is not taken from the map: both builds create
their variables in the same order, and a custom getter on the root variable scope records
which variable every get_variable call returned.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from migrate_scopes.checkpoint import CheckpointMapError, assignment_map

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "testdata" / "checkpoint_models"
MAIN_PROGRAMS = ("encoder_decoder", "cell", "tied")
LIBRARY = ("layers",)


@dataclass
class Built:
    variables: list[Any]  # tf.global_variables(), in creation order
    returned: list[str]  # the variable each get_variable call returned, in call order

    @property
    def names(self) -> list[str]:
        return [v.op.name for v in self.variables]

    @property
    def sharing(self) -> list[int]:  # for each get_variable call, the number of the variable it returned
        first: dict[str, int] = {}
        return [first.setdefault(name, len(first)) for name in self.returned]


def build(tf: ModuleType, directory: Path, program: str) -> Built:
    """Run `program` from `directory` in the current (fresh) default graph, as `python program.py` would."""
    returned: list[str] = []

    def record(getter: Any, *args: Any, **kwargs: Any) -> Any:
        variable = getter(*args, **kwargs)
        returned.append(variable.name)  # a partitioned variable has a name but no op
        return variable

    tf.get_variable_scope().set_custom_getter(record)
    sys.path.insert(0, str(directory))
    try:
        source = (directory / f"{program}.py").read_text(encoding="utf-8")
        exec(compile(source, str(directory / f"{program}.py"), "exec"), {"__name__": "__main__"})  # noqa: S102
    finally:
        sys.path.remove(str(directory))
        for name in LIBRARY:  # the next build imports its own copy
            sys.modules.pop(name, None)
    return Built(list(tf.global_variables()), returned)


def _whole(name: str) -> str:
    """The checkpoint entry of a variable: a partitioned one is saved whole, its parts as slices."""
    head, _, last = name.rpartition("/")
    return head if last.startswith("part_") else name


@dataclass(frozen=True)
class Migrated:
    original: Path
    migrated: Path
    map_file: Path
    stderr: str


@pytest.fixture(scope="module")
def migrated_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Migrated]:
    root = tmp_path_factory.mktemp("models")
    original, migrated = root / "original", root / "migrated"
    shutil.copytree(MODELS, original)
    shutil.copytree(MODELS, migrated)
    map_file = root / "checkpoint_map.json"
    command = [sys.executable, "-m", "migrate_scopes", "--wrap-get-variable", "--checkpoint-map", str(map_file), str(migrated)]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    yield Migrated(original, migrated, map_file, completed.stderr)


def save_original(tf: ModuleType, tree: Migrated, program: str, checkpoint: Path) -> tuple[Built, dict[str, Any]]:
    import numpy as np

    rng = np.random.default_rng(len(program))
    with tf.Graph().as_default():
        built = build(tf, tree.original, program)
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            for variable in built.variables:  # values no initializer would give, distinct per variable
                value = rng.normal(size=variable.shape.as_list()).astype(variable.dtype.base_dtype.as_numpy_dtype)
                variable.load(value, session)
            saved = {v.op.name: session.run(v) for v in built.variables}
            tf.train.Saver().save(session, str(checkpoint))
    return built, saved


@pytest.mark.parametrize("program", MAIN_PROGRAMS)
def test_old_checkpoint_restores_exactly_into_the_migrated_model(
    tf: ModuleType, migrated_tree: Migrated, program: str, tmp_path: Path
) -> None:
    import numpy as np

    assert (migrated_tree.migrated / f"{program}.py").read_text() != (MODELS / f"{program}.py").read_text()
    checkpoint = tmp_path / "ckpt" / program
    original, saved = save_original(tf, migrated_tree, program, checkpoint)

    with tf.Graph().as_default():
        migrated = build(tf, migrated_tree.migrated, program)
        assert len(migrated.variables) == len(original.variables)
        assert migrated.sharing == original.sharing  # no variable split, none merged
        comes_from = dict(zip(migrated.names, original.names))
        whole = {_whole(new): _whole(old) for new, old in comes_from.items()}
        assert all(whole[new.removesuffix(":0")] == old.removesuffix(":0")
                   for new, old in zip(migrated.returned, original.returned))
        assert any(new != old for new, old in comes_from.items()), "nothing renamed: nothing proven"

        mapping = assignment_map(str(checkpoint), str(migrated_tree.map_file))
        filled = {v.op.name: old for old, value in mapping.items() for v in (value if isinstance(value, list) else [value])}
        assert filled == {new: _whole(old) for new, old in comes_from.items()}
        if program == "tied":  # the partitioned variable is restored whole into its parts
            assert [v.op.name for v in mapping["sharded/table"]] == [f"sharded/embedding/table/part_{i}" for i in (0, 1)]
        tf.train.init_from_checkpoint(str(checkpoint), mapping)
        with tf.Session() as session:
            session.run(tf.global_variables_initializer())
            for variable in migrated.variables:
                old = comes_from[variable.op.name]
                np.testing.assert_array_equal(session.run(variable), saved[old], err_msg=f"{variable.op.name} <- {old}")


def test_the_migration_renamed_what_it_could_and_refused_run_time_names(migrated_tree: Migrated) -> None:
    layers = (migrated_tree.migrated / "layers.py").read_text()
    assert 'tf.get_variable("Projection/matrix"' in layers and 'tf.get_variable("norm/scale"' in layers
    assert 'tf.get_variable("kernel"' in layers  # dense(): named at run time, left alone
    assert migrated_tree.stderr.count("MS204") == 2


def test_a_variable_the_checkpoint_cannot_fill_is_named(tf: ModuleType, migrated_tree: Migrated, tmp_path: Path) -> None:
    checkpoint = tmp_path / "ckpt" / "tied"
    save_original(tf, migrated_tree, "tied", checkpoint)
    with tf.Graph().as_default():
        build(tf, migrated_tree.migrated, "cell")  # another model: nothing of it is in the checkpoint
        with pytest.raises(CheckpointMapError, match=r"cell/gates/w: no entry .*cell/w \(rule \*/w -> \*/gates/w"):
            assignment_map(str(checkpoint), str(migrated_tree.map_file))
