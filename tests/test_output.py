"""Unified diffs that git applies: newline conventions, missing final newline."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrate_scopes import migrate_source
from migrate_scopes.migrate.source_text import Edit, apply_edits_with_changes, replace_with
from migrate_scopes.output import colorize_diff, unified_diff
from migrate_scopes.output.diff import NO_NEWLINE, split_lines


def test_split_lines_only_on_newline() -> None:
    assert split_lines("a\r\nb\x0cc\u2028d\re\nf") == ["a\r\n", "b\x0cc\u2028d\re\n", "f"]
    assert split_lines("") == []
    assert split_lines("a\n") == ["a\n"]


def test_unchanged_text_gives_no_diff() -> None:
    assert unified_diff("a\n", "a\n", "x.py") == ""


def test_missing_final_newline_is_marked() -> None:
    diff = unified_diff("a\nb", "a\nc", "x.py")
    assert diff.endswith("-b\n" + NO_NEWLINE + "+c\n" + NO_NEWLINE)
    assert diff.startswith("diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ ")


def test_colorize_keeps_the_text() -> None:
    diff = unified_diff("a\nb\n", "a\nc\n", "x.py")
    colored = colorize_diff(diff)
    assert "\x1b[31m-b\x1b[0m\n" in colored
    assert colored.replace("\x1b[32m", "").replace("\x1b[31m", "").replace("\x1b[36m", "") \
        .replace("\x1b[1m", "").replace("\x1b[0m", "") == diff


LINES = st.lists(st.sampled_from(["a", "b", "c\r", "", " x", "\x0c", "é"]), max_size=12)


@given(old=LINES, new=LINES, old_end=st.booleans(), new_end=st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_git_apply_reproduces_the_new_text(tmp_path: Path, old: list[str], new: list[str],
                                           old_end: bool, new_end: bool) -> None:
    old_text = "\n".join(old) + ("\n" if old_end and old else "")
    new_text = "\n".join(new) + ("\n" if new_end and new else "")
    if old_text == new_text or not old_text:
        return
    target = tmp_path / "f.py"
    target.write_bytes(old_text.encode())
    patch = unified_diff(old_text, new_text, "f.py")
    proc = subprocess.run(["git", "apply", "--unsafe-paths", "-"], cwd=tmp_path, input=patch.encode(),
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode() + patch
    assert target.read_bytes() == new_text.encode()


def _git_apply(tmp_path: Path, old: bytes, patch: str) -> bytes:
    target = tmp_path / "f.py"
    target.write_bytes(old)
    proc = subprocess.run(["git", "apply", "--unsafe-paths", "-"], cwd=tmp_path, input=patch.encode(),
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode() + patch
    return target.read_bytes()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
def test_diff_of_a_migrated_file_applies(tmp_path: Path, newline: str, final_newline: bool) -> None:
    # Edits on neighbouring lines (one hunk), a multi-line call, a far one (its own hunk),
    # and an import edit; the diff is built from the edits' spans, not by comparing texts.
    lines = [
        "from tensorflow import op_scope",
        "import tensorflow as tf",
        "with tf.op_scope([a], 'a'):",
        "    pass",
        "with tf.op_scope([b], 'b'), op_scope([c], 'c'):",
        "    pass",
        *["x = 1"] * 12,
        "with tf.variable_op_scope([d],",
        "                          'd'):",
        "    pass",
        "y = tf.op_scope([e], 'e')",
    ]
    old_text = newline.join(lines) + (newline if final_newline else "")
    result = migrate_source(old_text)
    assert result.changed and result.changes and len(result.changes) == 6
    patch = unified_diff(result.source, result.code, "f.py", changes=result.changes)
    assert patch.count("@@ -") == 2
    assert (NO_NEWLINE in patch) is (not final_newline)
    assert _git_apply(tmp_path, old_text.encode(), patch) == result.code.encode()


EDITS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.sampled_from(["", "X", "\n", "Y\nZ", "\r\n"])),
                 max_size=6)


@given(old=LINES, edits=EDITS, old_end=st.booleans())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_diff_from_edit_spans_applies(tmp_path: Path, old: list[str], edits: list[tuple[int, int, str]],
                                      old_end: bool) -> None:
    old_text = "\n".join(old) + ("\n" if old_end and old else "")
    spans: list[Edit] = []
    taken = -1
    for start, width, replacement in sorted(edits):
        start = min(start, len(old_text))
        if start <= taken:
            continue
        end = min(start + width, len(old_text))
        spans.append(Edit(start, end, replace_with(replacement)))
        taken = end
    new_text, changes = apply_edits_with_changes(old_text, spans)
    if new_text == old_text:
        return
    patch = unified_diff(old_text, new_text, "f.py", changes=changes)
    assert patch == unified_diff(old_text, new_text, "f.py", changes=changes[::-1])  # any order
    assert _git_apply(tmp_path, old_text.encode(), patch) == new_text.encode()


def test_changes_that_do_not_explain_the_texts_fall_back_to_comparing_lines(tmp_path: Path) -> None:
    old_text, new_text = "a\nb\nc\n", "a\nB\nc\n"
    patch = unified_diff(old_text, new_text, "f.py", changes=[(0, 1, 0, 1)])  # wrong span
    assert "-b\n+B\n" in patch
    assert _git_apply(tmp_path, old_text.encode(), patch) == new_text.encode()
