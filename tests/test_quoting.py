"""File names with newlines or terminal escapes: one output line per message, diffs git applies."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cli_support import OP_SCOPE_DST, OP_SCOPE_SRC, git_init, run_cli, text
from migrate_scopes.output import quote_path

#: A call left for hand work (MS101) besides one that is rewritten, so every kind of line shows.
SOURCE = OP_SCOPE_SRC + "\ndef g(*args):\n    with tf.op_scope(*args):\n        pass\n"

NASTY_NAMES = ["new\nline.py", "esc\x1b[2J\x1b[31mred.py", 'quote"back\\slash.py', "tab\there.py",
               "bidi\u202eyp.txt.py", os.fsdecode(b"latin\xe9.py")]


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("plain.py", "plain.py"),
        ("caf\u00e9 with space.py", "caf\u00e9 with space.py"),  # readable as it is
        ("a\nb.py", '"a\\nb.py"'),
        ("\x1b[31m.py", '"\\033[31m.py"'),
        ('q"\\.py', '"q\\"\\\\.py"'),
        ("csi\u009b.py", '"csi\\302\\233.py"'),  # a C1 control: a terminal escape too
        (os.fsdecode(b"latin\xe9.py"), '"latin\\351.py"'),  # not UTF-8: the raw byte
    ],
)
def test_quote_path_is_gits_c_style(name: str, quoted: str) -> None:
    assert quote_path(name) == quoted


def _git_unquoted_names(repo: Path) -> set[str]:
    out = subprocess.run(["git", "-c", "core.quotePath=false", "ls-files", "-z"], cwd=repo,
                         capture_output=True, check=True).stdout
    return {os.fsdecode(n) for n in out.split(b"\0") if n}


def test_every_line_stays_whole_and_git_applies_the_diff(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git_init(repo)
    for name in NASTY_NAMES:
        (repo / name).write_text(SOURCE)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    assert _git_unquoted_names(repo) == set(NASTY_NAMES)

    diff = run_cli("--diff", ".", cwd=repo)
    assert diff.returncode == 0, text(diff.stderr)
    err_lines = text(diff.stderr).splitlines()
    # Per file: one MS101 finding line; then the summary. Nothing else, nothing split.
    assert len(err_lines) == len(NASTY_NAMES) + 1, err_lines
    for name in NASTY_NAMES:
        quoted = quote_path(name)
        assert quoted != name
        assert sum(line.startswith(f"{quoted}:8:10: MS101 ") for line in err_lines) == 1, (quoted, err_lines)
    assert "\x1b" not in text(diff.stderr) + text(diff.stdout)

    check = subprocess.run(["git", "apply", "--check", "-v", "-"], cwd=repo, input=diff.stdout,
                           capture_output=True)
    assert check.returncode == 0, text(check.stderr)
    subprocess.run(["git", "apply", "-"], cwd=repo, input=diff.stdout, check=True)
    for name in NASTY_NAMES:
        assert (repo / name).read_text() == SOURCE.replace(OP_SCOPE_SRC, OP_SCOPE_DST), repr(name)


def test_errors_name_such_files_on_one_line(tmp_path: Path) -> None:
    name = "bad\nname.py"
    (tmp_path / name).write_bytes(OP_SCOPE_SRC.encode() + b"def (:\n")
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 2
    lines = text(proc.stderr).splitlines()
    assert lines[0].startswith(quote_path(str(tmp_path / name)) + ": error: cannot parse"), lines
    assert len(lines) == 2  # the error and the summary


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_in_place_runs_and_annotations_keep_such_names_on_one_line(tmp_path: Path, output_format: str) -> None:
    # The in-place run names each file it migrated, and an unparsable file that names no
    # deprecated scope gets a warning: both lines carry the name, quoted.
    for name in NASTY_NAMES:
        (tmp_path / name).write_text(SOURCE)
    unparsable = "warn\x1b[31m.py"
    (tmp_path / unparsable).write_text("import tensorflow as tf\nx = tf.get_variable('v' [1]\n")
    proc = run_cli("--output-format", output_format, ".", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    err = text(proc.stderr)
    assert "\x1b" not in err and "\u202e" not in err
    lines = err.splitlines()
    # Per file a migrated line and its MS101 line; the warning; the summary.
    assert len(lines) == 2 * len(NASTY_NAMES) + 2, lines
    for name in NASTY_NAMES:
        quoted = quote_path(name)
        assert f"migrated {quoted}" in lines
        if output_format == "text":
            assert sum(line.startswith(f"{quoted}:8:10: MS101 ") for line in lines) == 1, lines
        else:
            assert sum(line.startswith(f"::warning file={quoted.replace(':', '%3A')},line=8,col=10,") for line in lines) == 1
    assert any(quote_path(unparsable) in line and "warning" in line for line in lines), lines


def test_messages_that_quote_source_text_cannot_drive_the_terminal() -> None:
    from migrate_scopes.migrate.result import Finding
    from migrate_scopes.report.format import Style, format_finding, github_annotation

    finding = Finding(line=1, col=0, code="MS201", message="name 'a\x1b[2Jb\u202e' is computed")
    assert format_finding("f.py", finding, Style()) == "f.py:1:0: MS201 name 'a\\033[2Jb\\342\\200\\256' is computed"
    assert github_annotation("warning", "f.py", "two\nlines\x07") == "::warning file=f.py::two%0Alines\\a"
