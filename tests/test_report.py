"""Reporter output: finding lines, summary, GitHub annotations, progress only on a terminal."""

from __future__ import annotations

import io
import json

import pytest

from migrate_scopes.migrate.result import Finding, Rewrite, VariableRename
from migrate_scopes.outcome import FileOutcome, Status
from migrate_scopes.report import JsonReport, Style, TerminalReporter, Totals
from migrate_scopes.report import terminal as terminal_module
from migrate_scopes.report.format import format_finding, format_summary, github_annotation


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def outcome(path: str = "m.py", **kwargs: object) -> FileOutcome:
    return FileOutcome(path=path, **kwargs)  # type: ignore[arg-type]


def test_finding_line_for_files_and_notebook_cells() -> None:
    plain = Finding(3, 7, "MS102", "do it by hand")
    cell = Finding(2, 1, "MS102", "do it by hand", cell=4)
    assert format_finding("a.py", plain, Style()) == "a.py:3:7: MS102 do it by hand"
    assert format_finding("n.ipynb", cell, Style()) == "n.ipynb:cell 4:2:1: MS102 do it by hand"
    assert "\x1b[" in format_finding("a.py", plain, Style(color=True))


def test_summary_counts_rewrite_records() -> None:
    totals = Totals()
    totals.add(outcome(status=Status.CHANGED, rewrites=[Rewrite(1, 1, "R", "x"), Rewrite(2, 1, "R", "y")],
                       findings=[Finding(1, 1, "F", "z")]))
    totals.add(outcome("b.py", status=Status.ERROR, error="bad"))
    totals.add(outcome("c.py"))
    assert format_summary(totals, "write") == "3 files scanned, 1 changed, 2 calls rewritten, 1 finding, 1 error"
    assert format_summary(totals, "check").startswith("3 files scanned, 1 would change, 2 calls to rewrite")


def test_github_annotation_escapes() -> None:
    line = github_annotation("warning", "a,b:c.py", "50%\nmore", 3, 4, "MS1")
    assert line == "::warning file=a%2Cb%3Ac.py,line=3,col=4,title=MS1::50%25%0Amore"


def test_renames_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    reporter = TerminalReporter(Style(), "write")
    reporter.start(1)
    reporter.file_done(outcome(renames=[VariableRename(3, 9, "v", "s/v", "v -> s/v"),
                                        VariableRename(5, 9, None, None, "dynamic name under 's'")]))
    assert err.getvalue().splitlines() == [
        "m.py:3:9: variable renamed: v -> s/v",
        "m.py:5:9: variable renamed: dynamic name under 's'",
    ]


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch, tty: bool) -> None:
    err = FakeTerminal() if tty else io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(terminal_module, "PROGRESS_AFTER_SECONDS", 0.0)
    reporter = TerminalReporter(Style(), "write", progress=err.isatty())
    reporter.start(50)
    for i in range(50):
        reporter.file_done(outcome(f"f{i}.py"))
    reporter.finish(Totals(scanned=50))
    output = err.getvalue()
    assert ("migrate-scopes" in output.split("50 files scanned")[0]) is tty
    assert output.rstrip().endswith("50 files scanned, 0 changed, 0 calls rewritten, 0 findings, 0 errors")


def test_quiet_hides_summary_and_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    err = FakeTerminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(terminal_module, "PROGRESS_AFTER_SECONDS", 0.0)
    reporter = TerminalReporter(Style(), "write", quiet=True, progress=True)
    reporter.start(3)
    for i in range(3):
        reporter.file_done(outcome(f"f{i}.py", findings=[Finding(1, 1, "MS1", "look")]))
    reporter.finish(Totals(scanned=3))
    assert err.getvalue().splitlines() == [f"f{i}.py:1:1: MS1 look" for i in range(3)]


def test_json_report_is_valid_json() -> None:
    stream = io.StringIO()
    stream.close = lambda: None  # type: ignore[method-assign]
    report = JsonReport(stream, "check")
    report.file_done(outcome(status=Status.CHANGED, rewrites=[Rewrite(1, 2, "R", "x")]))
    report.path_error("missing.py", "no such file or directory")
    totals = Totals(scanned=1, changed=1, rewrites=1, errors=1)
    report.finish(totals)
    data = json.loads(stream.getvalue())
    assert data["mode"] == "check"
    assert [f["status"] for f in data["files"]] == ["changed", "error"]
    assert data["files"][0]["rewrites"] == [{"line": 1, "col": 2, "code": "R", "message": "x", "cell": None, "is_call": True}]
    assert data["totals"] == totals.as_dict()


def test_a_rename_explained_by_a_finding_is_not_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    reporter = TerminalReporter(Style(), "write")
    reporter.start(1)
    reporter.file_done(outcome(findings=[Finding(5, 9, "MS203", "known only at run time")],
                               renames=[VariableRename(5, 9, None, None, "dynamic")]))
    assert err.getvalue().splitlines() == ["m.py:5:9: MS203 known only at run time"]
