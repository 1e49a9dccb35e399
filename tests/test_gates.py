"""Gates that gate: --check in CI and pre-commit, acknowledged lints, GitHub annotations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli_support import OP_SCOPE_SRC, UNTOUCHED_SRC, run_cli, text

HAND_WORK_SRC = "import tensorflow as tf\nf = tf.op_scope\n"  # MS102: reported, not rewritten
LINT_SRC = (
    "import tensorflow as tf\n"
    "with tf.name_scope('s'):\n"
    "    a = tf.get_variable('a', [1])\n"
    "    b = tf.get_variable('b', [1])  # noqa: MS201\n"
    "    c = tf.get_variable('c', [1])  # noqa\n"
    "    d = tf.get_variable('d', [1])  # noqa: E501\n"
    "    e = tf.get_variable('e', [1])  # NOQA:MS302,MS201\n"
)


def codes_at(stderr: bytes) -> list[tuple[int, str]]:
    return [(int(m[0]), m[1]) for m in re.findall(r"^\S+?:(\d+):\d+: (MS\d+) ", text(stderr), re.M)]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a.py").write_text(OP_SCOPE_SRC)
    (tmp_path / "b.py").write_text(UNTOUCHED_SRC)
    (tmp_path / "c.py").write_text(OP_SCOPE_SRC)
    return tmp_path


def test_check_and_in_place_runs_name_each_changed_file(tree: Path) -> None:
    check = run_cli("--check", ".", cwd=tree)
    assert check.returncode == 1
    assert [line for line in text(check.stderr).splitlines() if "migrate" in line] == [
        "would migrate a.py", "would migrate c.py"]
    write = run_cli(".", cwd=tree)
    assert write.returncode == 0
    assert [line for line in text(write.stderr).splitlines() if "migrate" in line] == ["migrated a.py", "migrated c.py"]


def test_quiet_does_not_name_files(tree: Path) -> None:
    proc = run_cli("--check", "-q", ".", cwd=tree)
    assert proc.returncode == 1
    assert proc.stderr == b""


def test_check_with_diff_prints_the_diff_and_exits_1(tree: Path) -> None:
    proc = run_cli("--check", "--diff", ".", cwd=tree)
    assert proc.returncode == 1, text(proc.stderr)
    assert proc.stdout == run_cli("--diff", ".", cwd=tree).stdout
    assert re.findall(rb"^diff --git a/(\S+)", proc.stdout, re.M) == [b"a.py", b"c.py"]
    assert (tree / "a.py").read_text() == OP_SCOPE_SRC
    assert "would migrate a.py" in text(proc.stderr)


def test_stdin_check_with_diff(tree: Path) -> None:
    proc = run_cli("--check", "--diff", "-", "--stdin-filename", "m.py", stdin=OP_SCOPE_SRC.encode())
    assert proc.returncode == 1
    assert b"+    with tf.name_scope(name, \"F\", [x]):" in proc.stdout


def test_check_fails_while_a_deprecated_call_is_left_for_hand_work(tmp_path: Path) -> None:
    (tmp_path / "hand.py").write_text(HAND_WORK_SRC)
    check = run_cli("--check", ".", cwd=tmp_path)
    assert check.returncode == 1, text(check.stderr)
    assert "hand.py:2:5: MS102 " in text(check.stderr)
    assert "1 left for hand work" in text(check.stderr)
    # An in-place run has done what it can: not a failure.
    assert run_cli(".", cwd=tmp_path).returncode == 0


def test_lints_alone_do_not_fail_check(tmp_path: Path) -> None:
    (tmp_path / "lint.py").write_text(LINT_SRC)
    proc = run_cli("--check", ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)


def test_noqa_silences_the_finding_on_its_line(tmp_path: Path) -> None:
    (tmp_path / "lint.py").write_text(LINT_SRC)
    proc = run_cli("--check", ".", cwd=tmp_path)
    # a: nothing on its line; d: a noqa for another code.
    assert codes_at(proc.stderr) == [(3, "MS201"), (6, "MS201")]


def test_a_bare_noqa_does_not_hide_a_deprecated_call(tmp_path: Path) -> None:
    (tmp_path / "bare.py").write_text("import tensorflow as tf\nf = tf.op_scope  # noqa\n")
    (tmp_path / "named.py").write_text("import tensorflow as tf\nf = tf.op_scope  # noqa: MS102\n")
    proc = run_cli("--check", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert re.findall(r"^(\S+):2:5: MS102", text(proc.stderr), re.M) == ["bare.py"]
    (tmp_path / "bare.py").unlink()
    assert run_cli("--check", ".", cwd=tmp_path).returncode == 0


def test_noqa_on_the_line_the_finding_names_in_a_multi_line_call(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "import tensorflow as tf\n"
        "with tf.name_scope('s'):\n"
        "    a = tf.get_variable(  # noqa: MS201\n"
        "        'a', [1])\n"
        "    b = tf.get_variable(\n"
        "        'b', [1])  # noqa: MS201\n"
    )
    assert codes_at(run_cli(".", cwd=tmp_path).stderr) == [(5, "MS201")]


def test_noqa_in_a_notebook_cell(tmp_path: Path) -> None:
    import json

    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": src}
             for src in (["import tensorflow as tf\n"],
                         ["with tf.name_scope('s'):\n", "    a = tf.get_variable('a', [1])  # noqa: MS201\n",
                          "    b = tf.get_variable('b', [1])\n"])]
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    err = text(run_cli(".", cwd=tmp_path).stderr)
    assert re.findall(r"^nb\.ipynb:cell (\d+):(\d+):\d+: (MS\d+)", err, re.M) == [("2", "3", "MS201")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--ignore", "MS201"], []),
        (["--ignore", "ms2"], []),  # a prefix, in any case
        (["--select", "MS3"], []),
        (["--select", "MS2", "--ignore", "MS201"], []),
        (["--select", "MS201", "--ignore", "MS2"], [(3, "MS201"), (6, "MS201")]),  # the more specific wins
        (["--select", "MS1,MS201"], [(3, "MS201"), (6, "MS201")]),
    ],
)
def test_select_and_ignore_on_the_command_line(tmp_path: Path, args: list[str], expected: list) -> None:
    (tmp_path / "lint.py").write_text(LINT_SRC)
    proc = run_cli(*args, ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert codes_at(proc.stderr) == expected


def test_select_and_ignore_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "lint.py").write_text(LINT_SRC)
    (tmp_path / "hand.py").write_text(HAND_WORK_SRC)
    (tmp_path / "pyproject.toml").write_text('[tool.migrate-scopes]\nignore = ["MS201"]\n')
    proc = run_cli("--check", ".", cwd=tmp_path)
    assert codes_at(proc.stderr) == [(2, "MS102")] and proc.returncode == 1
    # An ignored deprecated call is acknowledged: it no longer fails the gate.
    (tmp_path / "pyproject.toml").write_text('[tool.migrate-scopes]\nignore = ["MS201", "MS102"]\n')
    proc = run_cli("--check", ".", cwd=tmp_path)
    assert codes_at(proc.stderr) == [] and proc.returncode == 0, text(proc.stderr)
    # --ignore adds to the configuration's list; --select replaces its select.
    (tmp_path / "pyproject.toml").write_text('[tool.migrate-scopes]\nselect = ["MS1"]\n')
    assert codes_at(run_cli(".", cwd=tmp_path).stderr) == [(2, "MS102")]
    assert codes_at(run_cli("--select", "MS201", ".", cwd=tmp_path).stderr) == [(3, "MS201"), (6, "MS201")]
    assert codes_at(run_cli("--ignore", "MS102", ".", cwd=tmp_path).stderr) == []


@pytest.mark.parametrize("where", ["cli", "config"])
def test_an_unknown_code_is_a_usage_error_naming_it(tmp_path: Path, where: str) -> None:
    (tmp_path / "lint.py").write_text(LINT_SRC)
    if where == "config":
        (tmp_path / "pyproject.toml").write_text('[tool.migrate-scopes]\nselect = ["MS201", "XX9"]\n')
    proc = run_cli(*(["--ignore", "MS201,XX9"] if where == "cli" else []), ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "XX9" in text(proc.stderr) and "Traceback" not in text(proc.stderr)
    assert (tmp_path / "lint.py").read_text() == LINT_SRC


PYTHON2_SRC = "import tensorflow as tf\nprint 'hello'\nwith tf.op_scope([x], 'n'):\n    pass\n"


def test_github_annotations_by_kind_and_for_pending_rewrites(tmp_path: Path) -> None:
    (tmp_path / "py2.py").write_text(PYTHON2_SRC)
    (tmp_path / "hand.py").write_text(HAND_WORK_SRC)
    (tmp_path / "lint.py").write_text(LINT_SRC)
    proc = run_cli("--output-format", "github", "--check", ".", cwd=tmp_path)
    assert proc.returncode == 1
    lines = text(proc.stderr).splitlines()
    annotations = [re.match(r"::(\w+) file=([^,]+),line=(\d+),col=\d+,title=(MS\d+)::", line) for line in lines]
    found = [(m[1], m[2], int(m[3]), m[4]) for m in annotations if m]
    assert found == [
        ("error", "hand.py", 2, "MS102"),  # fails --check
        ("warning", "lint.py", 3, "MS201"),
        ("warning", "lint.py", 6, "MS201"),
        ("error", "py2.py", 3, "MS001"),  # the pending rewrite that fails --check
        ("notice", "py2.py", 1, "MS401"),  # information only
    ]
    assert any("would be rewritten: op_scope() -> name_scope()" in line for line in lines)


def test_an_in_place_run_annotates_no_rewrite(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = run_cli("--output-format", "github", ".", cwd=tmp_path)
    assert proc.returncode == 0
    assert "::" not in text(proc.stderr)
