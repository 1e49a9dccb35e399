"""Small things users hit: -h, a missing PATH, --report -, FORCE_COLOR, config keys, a closed pipe."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cli_support import EXE, OP_SCOPE_DST, OP_SCOPE_SRC, assert_no_traceback, run_cli, text


def test_h_is_help() -> None:
    short, long = run_cli("-h"), run_cli("--help")
    assert short.returncode == long.returncode == 0
    assert short.stdout == long.stdout and b"Exit status" in short.stdout


def test_no_path_prints_the_usage_and_one_error_line() -> None:
    proc = run_cli()
    assert proc.returncode == 2 and proc.stdout == b""
    lines = text(proc.stderr).strip().splitlines()
    assert lines[0].startswith("Usage: migrate-scopes ") and lines[-1] == "error: missing PATH"
    assert len(lines) <= 3


def test_report_dash_writes_the_json_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = run_cli("--check", "--report", "-", ".", cwd=tmp_path)
    assert proc.returncode == 1, text(proc.stderr)
    data = json.loads(proc.stdout)
    assert data["mode"] == "check" and data["files"][0]["status"] == "changed"
    assert not (tmp_path / "-").exists()
    assert (tmp_path / "m.py").read_text() == OP_SCOPE_SRC
    proc = run_cli("--report", "-", ".", cwd=tmp_path)  # in place: stdout carries only the report
    assert json.loads(proc.stdout)["totals"]["changed"] == 1
    assert (tmp_path / "m.py").read_text() == OP_SCOPE_DST and not (tmp_path / "-").exists()


def test_report_dash_with_stdin_check(tmp_path: Path) -> None:
    proc = run_cli("--check", "--report", "-", "-", stdin=OP_SCOPE_SRC.encode(), cwd=tmp_path)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["files"][0]["status"] == "changed"


@pytest.mark.parametrize("args", [["--diff", "."], ["--check", "--diff", "."], ["-"]])
def test_report_dash_is_refused_where_stdout_is_taken(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = run_cli("--report", "-", *args, cwd=tmp_path, stdin=OP_SCOPE_SRC.encode())
    assert proc.returncode == 2 and proc.stdout == b""
    assert "--report -" in text(proc.stderr)
    assert_no_traceback(proc)
    assert (tmp_path / "m.py").read_text() == OP_SCOPE_SRC


@pytest.mark.parametrize(
    ("env", "args", "colour"),
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "0"}, [], True),  # force-color.org: any non-empty value
        ({"FORCE_COLOR": ""}, [], False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),  # NO_COLOR wins
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),  # a flag wins over both
        ({"NO_COLOR": "1"}, ["--color"], True),
    ],
)
def test_force_color_and_no_color(tmp_path: Path, env: dict[str, str], args: list[str], colour: bool) -> None:
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC + "g = tf.op_scope\n")  # a diff and a finding
    proc = run_cli("--diff", *args, ".", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    assert (b"\x1b[32m+" in proc.stdout) is colour
    assert (b"\x1b[" in proc.stderr) is colour


@pytest.mark.parametrize("key", ["wrap_get_variable", "wrap-get-variable"])
def test_config_keys_with_underscores_are_read_like_dashes(tmp_path: Path, key: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.migrate-scopes]\n{key} = true\n")
    (tmp_path / "m.py").write_text("import tensorflow as tf\nwith tf.name_scope('s'):\n    v = tf.get_variable('v', [1])\n")
    proc = run_cli(".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert "tf.get_variable('s/v', [1])" in (tmp_path / "m.py").read_text()


@pytest.mark.parametrize(
    ("table", "named"),
    [("wrap_get_variable = true\nwrap-get-variable = false\n", "wrap-get-variable twice"),
     ("wrap_get_variables = true\n", "wrap_get_variables")],
)
def test_config_key_errors_name_the_key(tmp_path: Path, table: str, named: str) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.migrate-scopes]\n" + table)
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = run_cli(".", cwd=tmp_path)
    assert proc.returncode == 2 and named in text(proc.stderr)
    assert_no_traceback(proc)
    assert (tmp_path / "m.py").read_text() == OP_SCOPE_SRC


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    body = "import tensorflow as tf\n" + "".join(
        f"\ndef f{k}(x, name=None):\n    with tf.op_scope([x], name, 'F{k}'):\n        return x\n" for k in range(20))
    for i in range(100):  # far more diff than a pipe buffers
        (tmp_path / f"m{i:03}.py").write_text(body)
    assert EXE
    proc = subprocess.Popen([EXE, "--diff", "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout and proc.stdout.readline().startswith(b"diff --git ")
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read() if proc.stderr else b""
    # 128 + SIGPIPE, what a shell reports for `cat big | head -1`; never 1 (--check's "would change")
    assert proc.wait(timeout=120) == 141
    assert b"Traceback" not in stderr and b"internal error" not in stderr and b"Broken pipe" not in stderr, stderr
