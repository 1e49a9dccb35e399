"""Write findings, errors and the summary to stderr; a progress bar for long runs on a TTY."""

from __future__ import annotations

import io
import os
import sys
import time
from migrate_scopes.migrate.result import Finding, Rewrite
from migrate_scopes.outcome import FileOutcome, Mode, Status
from migrate_scopes.report.format import (
    Style,
    format_error,
    format_file_done,
    format_finding,
    format_rename,
    format_summary,
    format_warning,
    github_annotation,
    github_level,
)
from migrate_scopes.report.totals import Totals

#: A run that is still going after this long gets a progress bar (on a terminal only).
PROGRESS_AFTER_SECONDS = 1.0
#: Overrides that delay, so a test can see the bar however fast the machine runs.
PROGRESS_AFTER_ENV = "MIGRATE_SCOPES_PROGRESS_AFTER"


def _progress_after() -> float:
    try:
        return max(0.0, float(os.environ[PROGRESS_AFTER_ENV]))
    except (KeyError, ValueError):
        return PROGRESS_AFTER_SECONDS


class ProgressLine:
    """A one-line bar on stderr, redrawn in place with a carriage return.

    Nothing is redirected: standard output and the lines printed meanwhile are written
    as they are (a library bar that captures sys.stdout would send diffs to the screen
    instead of the file they were redirected to, and re-wrap findings at the terminal width).
    """

    REDRAW_SECONDS = 0.1

    def __init__(self, total: int, started: float):
        self.total = total
        self.started = started
        self._shown = False
        self._drawn_at = 0.0

    def draw(self, done: int) -> None:
        now = time.monotonic()
        if self._shown and now - self._drawn_at < self.REDRAW_SECONDS:
            return
        self._drawn_at = now
        line = progress_text(done, self.total, now - self.started, _stderr_columns())
        sys.stderr.write("\r" + line + "\x1b[K")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._shown = False


def _stderr_columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return 80


def progress_text(done: int, total: int, elapsed: float, columns: int) -> str:
    """`migrate-scopes [#####.....] 120/1500 0:12 left`, never as wide as the terminal
    (a line that wraps could not be redrawn in place)."""
    left = ""
    if done:
        seconds = int(elapsed / done * (total - done))
        left = f" {seconds // 60}:{seconds % 60:02} left"
    counts = f" {done}/{total}{left}"
    room = columns - 1 - len("migrate-scopes ") - len(counts) - 2
    if room < 5:
        return ("migrate-scopes" + counts)[: max(columns - 1, 0)]
    width = min(room, 40)
    filled = width * done // max(total, 1)
    return f"migrate-scopes [{'#' * filled}{'.' * (width - filled)}]{counts}"


class TerminalReporter:
    def __init__(
        self,
        style: Style,
        mode: Mode,
        quiet: bool = False,
        output_format: str = "text",
        progress: bool = False,
    ):
        self.style = style
        self.mode = mode
        self.quiet = quiet
        self.github = output_format == "github"
        self.progress_allowed = progress and not quiet
        self._progress: ProgressLine | None = None
        self._total = 0
        self._done = 0
        self._started = time.monotonic()

    def _print(self, line: str) -> None:
        if self._progress is not None:
            self._progress.clear()  # the line goes where the bar was; the bar comes back below it
        sys.stderr.write(line + "\n")

    def start(self, total_files: int) -> None:
        self._total = total_files
        self._started = time.monotonic()

    def path_error(self, path: str, reason: str) -> None:
        if self.github:
            self._print(github_annotation("error", path, reason))
        else:
            self._print(format_error(path, reason, self.style))

    def file_done(self, outcome: FileOutcome) -> None:
        self._done += 1
        if outcome.status == Status.ERROR and outcome.error:
            self.path_error(outcome.path, outcome.error)
        if outcome.warning:
            if self.github:
                self._print(github_annotation("warning", outcome.path, outcome.warning))
            else:
                self._print(format_warning(outcome.path, outcome.warning, self.style))
        if outcome.status == Status.CHANGED and self.mode in (Mode.WRITE, Mode.CHECK) and not self.quiet:
            self._print(format_file_done(outcome.path, self.mode, self.style))
        if self.github and outcome.status == Status.CHANGED and self.mode != Mode.WRITE:
            for rewrite in outcome.rewrites:
                # The lines that make --check fail, where a reviewer reads them.
                self._annotate("error" if self.mode == Mode.CHECK else "notice", outcome.path,
                               rewrite, f"would be rewritten: {rewrite.message}")
        for finding in outcome.findings:
            if self.github:
                self._annotate(github_level(finding.code, self.mode), outcome.path, finding, finding.message)
            else:
                self._print(format_finding(outcome.path, finding, self.style))
        flagged = {(f.cell, f.line, f.col) for f in outcome.findings}
        for rename in outcome.renames:
            if (None, rename.line, rename.col) in flagged:
                continue  # a finding at this call already explains the rename (dynamic names)
            if self.github:
                text = format_rename(outcome.path, rename, Style()).split(": ", 1)[1]
                self._print(github_annotation("notice", outcome.path, text, rename.line, rename.col, "variable renamed"))
            else:
                self._print(format_rename(outcome.path, rename, self.style))
        self._advance()

    def _annotate(self, level: str, path: str, item: Finding | Rewrite, message: str) -> None:
        # GitHub places annotations on lines of the file; a notebook cell's line is not one.
        where = f"cell {item.cell}, line {item.line}: " if item.cell else ""
        line = None if item.cell else item.line
        col = None if item.cell else item.col
        self._print(github_annotation(level, path, where + message, line, col, item.code))

    def _advance(self) -> None:
        if not self.progress_allowed or self._done >= self._total:
            return
        if self._progress is None:
            if time.monotonic() - self._started < _progress_after():
                return
            self._progress = ProgressLine(self._total, self._started)
        self._progress.draw(self._done)

    def before_stdout(self) -> None:
        """Standard output is about to be written: take the bar off a terminal they may share."""
        if self._progress is not None:
            self._progress.clear()

    def finish(self, totals: Totals, interrupted: bool = False) -> None:
        if self._progress is not None:
            self._progress.clear()
            self._progress = None
        if not self.quiet:
            self._print(format_summary(totals, self.mode))
