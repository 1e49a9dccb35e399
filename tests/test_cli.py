"""The `migrate-scopes` command, through the real console entry point."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

from cli_support import (
    OP_SCOPE_DST,
    OP_SCOPE_SRC,
    SYNTAX_ERROR_SRC,
    UNTOUCHED_SRC,
    assert_no_traceback,
    git_init,
    run_cli,
    text,
)

SUMMARY = re.compile(
    r"(\d+) files? scanned, (\d+) (?:changed|would change), (\d+) calls? (?:rewritten|to rewrite), "
    r"(\d+) findings?, (?:\d+ variables? renamed, )?(\d+) errors?"
)


def summary(stderr: bytes) -> tuple[int, ...]:
    match = SUMMARY.search(text(stderr))
    assert match, text(stderr)
    return tuple(int(g) for g in match.groups())


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "model.py").write_text(OP_SCOPE_SRC)
    (tmp_path / "pkg" / "util.py").write_text(UNTOUCHED_SRC)
    return tmp_path


def test_rewrites_in_place_and_reports_on_stderr_only(tree: Path) -> None:
    proc = run_cli(str(tree))
    assert proc.returncode == 0, text(proc.stderr)
    assert proc.stdout == b""
    assert (tree / "pkg" / "model.py").read_text() == OP_SCOPE_DST
    assert (tree / "pkg" / "util.py").read_text() == UNTOUCHED_SRC
    assert summary(proc.stderr) == (2, 1, 1, 0, 0)


def test_second_run_changes_nothing(tree: Path) -> None:
    assert run_cli(str(tree)).returncode == 0
    proc = run_cli("--check", str(tree))
    assert proc.returncode == 0
    assert summary(proc.stderr)[1] == 0


@pytest.mark.parametrize("mode", [0o640, 0o755, 0o600])  # 0o444: refused (test_fs_safety)
def test_write_keeps_permissions(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "m.py"
    target.write_text(OP_SCOPE_SRC)
    target.chmod(mode)
    proc = run_cli(str(target))
    assert proc.returncode == 0, text(proc.stderr)
    assert target.read_text() == OP_SCOPE_DST
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["m.py"]  # no temporary left behind


def test_check_exits_1_and_writes_nothing(tree: Path) -> None:
    proc = run_cli("--check", str(tree))
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert (tree / "pkg" / "model.py").read_text() == OP_SCOPE_SRC
    assert "would change" in text(proc.stderr)


def test_check_exits_0_when_nothing_to_do(tmp_path: Path) -> None:
    (tmp_path / "u.py").write_text(UNTOUCHED_SRC)
    assert run_cli("--check", str(tmp_path)).returncode == 0


def test_empty_directory_is_fine(tmp_path: Path) -> None:
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 0
    assert summary(proc.stderr) == (0, 0, 0, 0, 0)


def _git_apply(repo: Path, patch: bytes, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "apply", *extra, "-"], cwd=repo, input=patch, capture_output=True)


@pytest.mark.parametrize(
    "source",
    [
        OP_SCOPE_SRC,
        OP_SCOPE_SRC.replace("\n", "\r\n"),
        OP_SCOPE_SRC.rstrip("\n"),  # no newline at end of file, change on the last line
        OP_SCOPE_SRC.replace("\n", "\r\n").rstrip("\r\n"),
        "\ufeff# -*- coding: utf-8 -*-\n" + OP_SCOPE_SRC + "s = '\u00e9\x0c\u2028'\n",
    ],
    ids=["lf", "crlf", "no-final-newline", "crlf-no-final-newline", "bom-odd-line-breaks"],
)
def test_diff_applies_with_git_and_writes_nothing(tmp_path: Path, source: str) -> None:
    git_init(tmp_path)
    target = tmp_path / "sub dir" / "model.py"
    target.parent.mkdir()
    target.write_bytes(source.encode("utf-8"))
    proc = run_cli("--diff", ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert target.read_bytes() == source.encode("utf-8")
    assert proc.stdout.startswith(b"diff --git a/sub dir/model.py b/sub dir/model.py\n")
    check = _git_apply(tmp_path, proc.stdout, "--check")
    assert check.returncode == 0, text(check.stderr)
    # Applying the diff gives exactly what an in-place run writes.
    assert _git_apply(tmp_path, proc.stdout).returncode == 0
    via_diff = target.read_bytes()
    target.write_bytes(source.encode("utf-8"))
    assert run_cli(str(target)).returncode == 0
    assert via_diff == target.read_bytes() != source.encode("utf-8")


def test_bad_file_is_named_left_alone_and_others_still_migrate(tree: Path) -> None:
    bad = tree / "pkg" / "broken.py"
    bad.write_text(SYNTAX_ERROR_SRC)
    proc = run_cli(str(tree))
    assert proc.returncode == 2
    assert_no_traceback(proc)
    assert bad.read_text() == SYNTAX_ERROR_SRC
    assert (tree / "pkg" / "model.py").read_text() == OP_SCOPE_DST
    assert re.search(r"broken\.py: error: .*line 2", text(proc.stderr)), text(proc.stderr)
    assert summary(proc.stderr)[-1] == 1


def test_missing_path_is_an_error_but_others_run(tree: Path) -> None:
    proc = run_cli(str(tree / "nope.py"), str(tree))
    assert proc.returncode == 2
    assert "nope.py: error: no such file or directory" in text(proc.stderr)
    assert (tree / "pkg" / "model.py").read_text() == OP_SCOPE_DST


@pytest.mark.parametrize(
    "args", [["--bogus", "."], [], ["-j", "0", "."], ["-", "."], ["--passes", "nope", "."]]
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert_no_traceback(proc)


def test_quiet_prints_findings_and_errors_only(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text(OP_SCOPE_SRC)
    (tmp_path / "bad.py").write_text(SYNTAX_ERROR_SRC)
    (tmp_path / "finding.py").write_text("import tensorflow as tf\nf = tf.op_scope\n")
    proc = run_cli("-q", str(tmp_path))
    lines = text(proc.stderr).splitlines()
    assert proc.returncode == 2
    assert any("bad.py: error:" in line for line in lines)
    assert any(re.match(r".*finding\.py:2:5: MS\d+ ", line) for line in lines), lines
    assert not SUMMARY.search(text(proc.stderr))
    assert len(lines) == 2


def test_findings_use_path_line_col_code(tmp_path: Path) -> None:
    target = tmp_path / "f.py"
    target.write_text("import tensorflow as tf\nf = tf.op_scope\n")
    proc = run_cli("--check", str(target))
    assert proc.returncode == 1  # a deprecated use is left for hand work
    assert re.search(rf"^{re.escape(str(target))}:2:5: [A-Z]+\d+ \S", text(proc.stderr), re.M), text(proc.stderr)
    assert summary(proc.stderr)[3] == 1


def test_stdin_to_stdout(tmp_path: Path) -> None:
    proc = run_cli("-", stdin=OP_SCOPE_SRC.replace("\n", "\r\n").encode())
    assert proc.returncode == 0, text(proc.stderr)
    assert proc.stdout == OP_SCOPE_DST.replace("\n", "\r\n").encode()


def test_stdin_error_echoes_input_unchanged(tmp_path: Path) -> None:
    proc = run_cli("-", "--stdin-filename", "x.py", stdin=SYNTAX_ERROR_SRC.encode())
    assert proc.returncode == 2
    assert proc.stdout == SYNTAX_ERROR_SRC.encode()
    assert "x.py: error:" in text(proc.stderr)
    assert_no_traceback(proc)


def test_stdin_check_and_diff(tmp_path: Path) -> None:
    assert run_cli("--check", "-", stdin=OP_SCOPE_SRC.encode()).returncode == 1
    proc = run_cli("--diff", "-", "--stdin-filename", "m.py", stdin=OP_SCOPE_SRC.encode())
    assert proc.returncode == 0
    assert b"+    with tf.name_scope(name, \"F\", [x]):" in proc.stdout


def test_help_documents_options_and_exit_codes() -> None:
    proc = run_cli("--help", env={"COLUMNS": "200"})
    assert proc.returncode == 0
    out = text(proc.stdout)
    for word in ["--diff", "--check", "--jobs", "--exclude", "--wrap-get-variable", "--checkpoint-map",
                 "--report", "--output-format", "--color", "--quiet", "NO_COLOR", "Exit status", "0", "1", "2"]:
        assert word in out, word
    assert "variable names" in out.lower()


def test_never_executes_the_migrated_code(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    target = tmp_path / "evil.py"
    target.write_text(
        "import tensorflow as tf\n"
        f"open({str(marker)!r}, 'w').close()\n"
        "with tf.op_scope([x], 'n'):\n    pass\n"
    )
    (tmp_path / "conftest.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    assert run_cli(str(tmp_path)).returncode == 0
    assert not marker.exists()
    assert "tf.name_scope('n', values=[x])" in target.read_text()


def test_many_files_parallel_output_is_sorted_and_matches_serial(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"d{i % 7}").mkdir(exist_ok=True)
        (tmp_path / f"d{i % 7}" / f"m{i:02}.py").write_text(OP_SCOPE_SRC if i % 3 else UNTOUCHED_SRC)
    serial = run_cli("--diff", "-j1", ".", cwd=tmp_path)
    parallel = run_cli("--diff", "-j4", ".", cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout
    names = re.findall(rb"^diff --git a/(\S+)", serial.stdout, re.M)
    assert len(names) == 40 and names == sorted(names)


def test_json_report(tree: Path) -> None:
    (tree / "pkg" / "bad.py").write_text(SYNTAX_ERROR_SRC)
    (tree / "pkg" / "finding.py").write_text("import tensorflow as tf\nf = tf.op_scope\n")
    report = tree / "report.json"
    proc = run_cli("--report", str(report), str(tree / "pkg"))
    assert proc.returncode == 2
    data = json.loads(report.read_text())
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["model.py"]["status"] == "changed"
    assert by_name["model.py"]["rewrites"][0]["line"] == 4
    assert set(by_name["model.py"]["rewrites"][0]) >= {"line", "col", "code", "message"}
    assert by_name["util.py"]["status"] == "unchanged"
    assert by_name["bad.py"]["status"] == "error" and by_name["bad.py"]["error"]
    finding = by_name["finding.py"]["findings"][0]
    assert (finding["line"], finding["col"]) == (2, 5) and finding["code"]
    assert data["totals"]["scanned"] == 4 and data["totals"]["errors"] == 1
    assert data["totals"]["changed"] == 1 and data["totals"]["findings"] == 1


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "finding.py").write_text("import tensorflow as tf\nf = tf.op_scope\n")
    (tmp_path / "bad.py").write_text(SYNTAX_ERROR_SRC)
    proc = run_cli("--output-format", "github", "--check", ".", cwd=tmp_path)
    err = text(proc.stderr)
    # What makes --check fail is an error there; without --check, a warning.
    assert re.search(r"^::error file=finding\.py,line=2,col=5,title=MS102::\S", err, re.M), err
    err = text(run_cli("--output-format", "github", "--diff", ".", cwd=tmp_path).stderr)
    assert re.search(r"^::warning file=finding\.py,line=2,col=5,title=MS102::\S", err, re.M), err
    assert re.search(r"^::error file=bad\.py::", err, re.M), err


def test_color_flag_and_no_color(tree: Path) -> None:
    plain = run_cli("--diff", str(tree))
    assert b"\x1b[" not in plain.stdout + plain.stderr  # not a terminal: no colour
    forced = run_cli("--diff", "--color", str(tree))
    assert b"\x1b[32m+" in forced.stdout
    assert run_cli("--diff", "--no-color", str(tree), env={"NO_COLOR": "1"}).stdout == plain.stdout


def test_no_color_env_disables_color_on_a_terminal(tree: Path) -> None:
    import pty

    def run_on_pty(env: dict[str, str]) -> bytes:
        pid, fd = pty.fork()
        if pid == 0:  # child: stdout and stderr are the terminal
            os.environ.pop("NO_COLOR", None)
            os.environ.update(env)
            os.execvp("migrate-scopes", ["migrate-scopes", "--diff", str(tree)])
        out = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.waitpid(pid, 0)
        return out

    assert b"\x1b[" in run_on_pty({})
    assert b"\x1b[" not in run_on_pty({"NO_COLOR": "1"})


def test_checkpoint_map_lists_renamed_variables(tmp_path: Path) -> None:
    target = tmp_path / "m.py"
    target.write_text(
        "import tensorflow as tf\n"
        "with tf.name_scope('my_scope'):\n"
        "    v1 = tf.get_variable('var1', [1])\n"
    )
    mapping = tmp_path / "map.json"
    proc = run_cli("--wrap-get-variable", "--checkpoint-map", str(mapping), str(target))
    assert proc.returncode == 0, text(proc.stderr)
    assert json.loads(mapping.read_text()) == {"var1": "my_scope/var1"}
    assert "var1 -> my_scope/var1" in text(proc.stderr)
    assert "not in" not in text(proc.stderr)


def test_checkpoint_map_records_renames_in_functions_as_rules(tmp_path: Path) -> None:
    target = tmp_path / "m.py"
    target.write_text(
        "import tensorflow as tf\n"
        "with tf.name_scope('top'):\n"
        "    v = tf.get_variable('v', [1])\n"
        "def layer():\n"
        "    with tf.name_scope('dense'):\n"
        "        return tf.get_variable('kernel', [1])\n"
    )
    mapping = tmp_path / "map.json"
    proc = run_cli("--wrap-get-variable", "--checkpoint-map", str(mapping), str(target))
    assert proc.returncode == 0, text(proc.stderr)
    assert json.loads(mapping.read_text()) == {
        "v": "top/v",
        "$rules": [{"old": "*/kernel", "new": "*/dense/kernel", "at": [f"{target}:6:16"]}],
    }


def test_notebooks_are_found_and_migrated(tmp_path: Path) -> None:
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": OP_SCOPE_SRC.splitlines(keepends=True)}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook, indent=1) + "\n")
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 0, text(proc.stderr)
    migrated = json.loads(path.read_text())
    assert "".join(migrated["cells"][0]["source"]) == OP_SCOPE_DST


def test_explicit_file_with_other_extension_is_processed(tmp_path: Path) -> None:
    script = tmp_path / "train"
    script.write_text(OP_SCOPE_SRC)
    assert run_cli(str(tmp_path)).returncode == 0
    assert script.read_text() == OP_SCOPE_SRC  # not found by the walk
    assert run_cli(str(script)).returncode == 0
    assert script.read_text() == OP_SCOPE_DST


def test_python_m_entry_point(tmp_path: Path) -> None:
    import sys

    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = subprocess.run([sys.executable, "-m", "migrate_scopes", "--check", str(tmp_path)], capture_output=True)
    assert proc.returncode == 1


def test_notebook_diffs_are_per_cell_and_each_starts_on_its_own_line(tmp_path: Path) -> None:
    for name in ("a.ipynb", "b.ipynb"):
        cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                "source": OP_SCOPE_SRC.rstrip("\n").splitlines(keepends=True)}
        notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (tmp_path / name).write_text(json.dumps(notebook, indent=1) + "\n")
    proc = run_cli("--diff", "--diff-notebooks", "cells", ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    out = text(proc.stdout)
    assert re.findall(r"^--- a/(\S+)", out, re.M) == ["a.ipynb", "b.ipynb"]
    assert out.count('+    with tf.name_scope(name, "F", [x]):') == 2
    assert out.endswith("\n")
