"""Exit status that a fleet engine (one run per repository) can act on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import OP_SCOPE_DST, OP_SCOPE_SRC, assert_no_traceback, run_cli, text

LINT_ONLY_BROKEN = "import tensorflow as tf\nx = tf.get_variable('v' [1]\n"  # names no deprecated scope
SCOPE_BROKEN = "import tensorflow as tf\nwith tf.variable_op_scope([x], 'n'\n"


@pytest.mark.parametrize(
    "data",
    [LINT_ONLY_BROKEN.encode(), b"\xff\xfe import tensorflow as tf\nx = tf.get_variable(1)\n"],
    ids=["syntax-error", "undecodable"],
)
def test_a_file_read_only_for_the_lint_that_cannot_be_read_is_a_warning(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "lint_only.py").write_bytes(data)
    (tmp_path / "model.py").write_text(OP_SCOPE_SRC)
    report = tmp_path.parent / f"{tmp_path.name}.json"
    proc = run_cli("--report", str(report), ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert (tmp_path / "model.py").read_text() == OP_SCOPE_DST
    lines = text(proc.stderr).splitlines()
    assert [line for line in lines if line.startswith("lint_only.py: ")] == [
        line for line in lines if line.startswith("lint_only.py: warning: not linted: cannot ")]
    assert any(line.startswith("lint_only.py: warning: not linted: cannot ") for line in lines)
    assert "0 errors, 1 file not linted" in text(proc.stderr)
    entry = {Path(f["path"]).name: f for f in json.loads(report.read_text())["files"]}["lint_only.py"]
    assert entry["status"] == "unchanged" and entry["warning"].startswith("not linted: cannot ")
    assert run_cli("--check", ".", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    "data", [SCOPE_BROKEN.encode(), b"\xff\xfe import tensorflow as tf\nwith tf.op_scope([x], 'n'):\n  pass\n"],
    ids=["syntax-error", "undecodable"],
)
def test_a_file_that_names_a_deprecated_scope_and_cannot_be_read_stays_an_error(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "broken.py").write_bytes(data)
    proc = run_cli(".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "broken.py: error: cannot " in text(proc.stderr)


@pytest.mark.parametrize("option", ["--report", "--checkpoint-map"])
@pytest.mark.parametrize("where", ["missing-dir", "a-directory"])
def test_an_output_path_that_cannot_be_written_is_found_before_any_file_is_touched(
    tmp_path: Path, option: str, where: str
) -> None:
    (tmp_path / "model.py").write_text(OP_SCOPE_SRC)
    (tmp_path / "out").mkdir()
    target = tmp_path / ("missing" if where == "missing-dir" else "") / "out"
    proc = run_cli(option, str(target), ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert_no_traceback(proc)
    assert "bug" not in text(proc.stderr)
    lines = text(proc.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"migrate-scopes: error: cannot write {option} {target}: ")
    assert (tmp_path / "model.py").read_text() == OP_SCOPE_SRC


def test_an_empty_selection_says_so_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("no Python here\n")
    proc = run_cli(".", cwd=tmp_path)
    assert proc.returncode == 0
    assert text(proc.stderr).splitlines()[0] == "migrate-scopes: warning: no Python files found under ."
    excluded = run_cli("--check", "--exclude", "*.py", "a", "b", cwd=_two_dirs(tmp_path))
    assert excluded.returncode == 0
    assert "migrate-scopes: warning: no Python files found under a, b" in text(excluded.stderr)
    assert "no Python files" not in text(run_cli("-q", ".", cwd=tmp_path).stderr)


def _two_dirs(root: Path) -> Path:
    for name in ("a", "b"):
        (root / name).mkdir()
        (root / name / "m.py").write_text(OP_SCOPE_SRC)
    return root
