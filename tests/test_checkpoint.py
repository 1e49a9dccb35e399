"""The checkpoint map's rules and the restore helper's matching (real TensorFlow: tests/tf_equivalence)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from migrate_scopes.checkpoint import CheckpointMapError, RenameMap, Rule, Stored, match
from migrate_scopes.migrate.result import VariableRename
from migrate_scopes.report.checkpoint_map import CheckpointMap

REPO = Path(__file__).resolve().parent.parent
W = Stored((4, 4), "float32")


@pytest.mark.parametrize(
    ("rule", "name", "old"),
    [
        (Rule("*/w", "*/Block/w"), "enc/Block/w", ["enc/w"]),
        (Rule("*/w", "*/Block/w"), "Block/w", ["w"]),  # the root variable scope
        (Rule("*/w", "*/Block/w"), "a/b/Block/w", ["a/b/w"]),
        (Rule("*/w", "*/Block/w"), "enc/Block/w2", []),
        (Rule("*/w", "*/Block/w"), "encBlock/w", []),
        (Rule("*/inner/w", "*/inner/s/w"), "m/inner/s/w", ["m/inner/w"]),
        (Rule("m/{name}", "m/s/{name}"), "m/s/v_1", ["m/v_1"]),
        (Rule("m/{name}", "m/s/{name}"), "x/m/s/v_1", []),  # anchored at the root
        (Rule("*/{name}", "*/s/{name}"), "a/s/s/v", ["a/s/v"]),  # two splits, one old name
    ],
)
def test_rules_give_the_old_names(rule: Rule, name: str, old: list[str]) -> None:
    assert sorted(set(rule.old_names(name))) == sorted(set(old))


def test_map_file_round_trip_keeps_the_static_part_at_the_top_level() -> None:
    ckpt = CheckpointMap()
    ckpt.add("m.py", [
        VariableRename(3, 9, "v", "top/v", "v -> top/v"),
        VariableRename(6, 16, None, None, "...", old_pattern="*/w", new_pattern="*/Block/w"),
        VariableRename(9, 16, None, None, "...", old_pattern="*/w", new_pattern="*/Block/w", cell=2),
    ])
    content = ckpt.as_json()
    assert content == {"v": "top/v", "$rules": [{"old": "*/w", "new": "*/Block/w", "at": ["m.py:6:16", "m.py:cell 2:9:16"]}]}
    renames = RenameMap.from_json(content)
    assert renames.static == {"v": "top/v"} and renames.rules == (Rule("*/w", "*/Block/w", ("m.py:6:16", "m.py:cell 2:9:16")),)


def test_a_map_of_module_level_renames_is_the_plain_old_to_new_object() -> None:
    ckpt = CheckpointMap()
    ckpt.add("m.py", [VariableRename(3, 9, "b", "s/b", "b -> s/b"), VariableRename(4, 9, "a", "s/a", "a -> s/a")])
    assert ckpt.text() == '{\n  "a": "s/a",\n  "b": "s/b"\n}\n'


RULES = RenameMap({"top": "s/top"}, (Rule("*/w", "*/Block/w", ("layers.py:5:13",)),))


def test_each_variable_is_found_under_its_own_or_its_old_name() -> None:
    stored = {"enc/w": W, "dec/w": W, "enc/b": Stored((4,), "float32"), "top": Stored((), "int64")}
    wanted = {"enc/Block/w": W, "dec/Block/w": W, "enc/b": Stored((4,), "float32"), "s/top": Stored((), "int64")}
    assert match(wanted, stored, RULES) == {"enc/Block/w": "enc/w", "dec/Block/w": "dec/w", "enc/b": "enc/b", "s/top": "top"}


def test_no_match_names_the_variable_and_what_was_tried() -> None:
    with pytest.raises(CheckpointMapError) as error:
        match({"enc/Block/w": W}, {"dec/w": W}, RULES)
    assert "enc/Block/w: no entry of the checkpoint matches; tried enc/Block/w (its own name), " \
           "enc/w (rule */w -> */Block/w from layers.py:5:13)" in str(error.value)


def test_two_candidates_are_an_error_not_a_guess() -> None:
    with pytest.raises(CheckpointMapError, match=r"enc/Block/w: more than one entry .*enc/Block/w \(its own name\), enc/w"):
        match({"enc/Block/w": W}, {"enc/w": W, "enc/Block/w": W}, RULES)


def test_an_old_name_another_variable_has_as_its_own_is_that_variables() -> None:
    stored = {"enc/w": W, "enc/Block/w": W}  # a real variable scope Block beside a plain w
    assert match({"enc/Block/w": W, "enc/w": W}, stored, RULES) == {"enc/Block/w": "enc/Block/w", "enc/w": "enc/w"}
    assert match({"enc/Block/w": W}, stored, RULES, claimed=["enc/w"]) == {"enc/Block/w": "enc/Block/w"}


def test_a_split_variable_is_an_error() -> None:
    # One old variable, two new ones: the entry cannot fill both.
    renames = RenameMap({}, (Rule("*/w", "*/Block/w"), Rule("*/w", "*/Dense/w")))
    with pytest.raises(CheckpointMapError, match="enc/w: the checkpoint entry would fill both enc/Block/w and enc/Dense/w"):
        match({"enc/Block/w": W, "enc/Dense/w": W}, {"enc/w": W}, renames)


def test_shape_and_dtype_are_checked() -> None:
    with pytest.raises(CheckpointMapError, match=r"enc/Block/w: the checkpoint's enc/w .* shape \[4, 3\] .* shape \[4, 4\]"):
        match({"enc/Block/w": W}, {"enc/w": Stored((4, 3), "float32")}, RULES)
    with pytest.raises(CheckpointMapError, match="dtype float64"):
        match({"enc/Block/w": W}, {"enc/w": Stored((4, 4), "float64")}, RULES)


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(CheckpointMapError) as error:
        match({"a": W, "b": W}, {}, RULES)
    assert str(error.value).count("no entry") == 2


@pytest.mark.parametrize("content", [[], {"a": 1}, {"$rules": [{"old": "*/w"}]}])
def test_a_malformed_map_is_a_clear_error(content: object) -> None:
    with pytest.raises(CheckpointMapError, match="the checkpoint map"):
        RenameMap.from_json(content)


def test_importing_migrate_scopes_does_not_import_tensorflow() -> None:
    code = (
        "import sys, migrate_scopes, migrate_scopes.checkpoint, migrate_scopes.cli.run; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'tensorflow'))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
