"""Text for one finding, error or summary (pure functions; colour is an argument)."""

from __future__ import annotations

from dataclasses import dataclass

from migrate_scopes.migrate.codes import INFO, MANUAL, kind_of
from migrate_scopes.migrate.result import Finding, VariableRename
from migrate_scopes.outcome import Mode
from migrate_scopes.output.quoting import quote_path, visible
from migrate_scopes.report.totals import Totals


@dataclass(frozen=True)
class Style:
    color: bool = False

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def path(self, text: str) -> str:
        return self._wrap("1", text)

    def code(self, text: str) -> str:
        return self._wrap("33", text)

    def error(self, text: str) -> str:
        return self._wrap("1;31", text)


def location(path: str, line: int, col: int, cell: int | None) -> str:
    path = quote_path(path)  # one finding, one line, whatever the file is called
    return f"{path}:cell {cell}:{line}:{col}" if cell is not None else f"{path}:{line}:{col}"


def format_finding(path: str, finding: Finding, style: Style) -> str:
    where = location(path, finding.line, finding.col, finding.cell)
    return f"{style.path(where)}: {style.code(finding.code)} {visible(finding.message)}"


def format_rename(path: str, rename: VariableRename, style: Style) -> str:
    what = (
        f"variable renamed: {rename.old} -> {rename.new}"
        if rename.old is not None and rename.new is not None
        else f"variable renamed: {rename.description}"
    )
    return f"{style.path(location(path, rename.line, rename.col, rename.cell))}: {visible(what)}"


def format_error(path: str, reason: str, style: Style) -> str:
    return f"{style.path(quote_path(path))}: {style.error('error')}: {visible(reason)}"


def format_warning(path: str, reason: str, style: Style) -> str:
    return f"{style.path(quote_path(path))}: {style.code('warning')}: {visible(reason)}"


def format_file_done(path: str, mode: Mode, style: Style) -> str:
    """Each changed file by name, as black does: `migrated PATH` / `would migrate PATH`."""
    return f"{'migrated' if mode == Mode.WRITE else 'would migrate'} {style.path(quote_path(path))}"


def github_level(code: str, mode: Mode) -> str:
    """How a finding is annotated: what fails --check is an error there, information a notice."""
    kind = kind_of(code)
    if kind == INFO:
        return "notice"
    if kind == MANUAL and mode == Mode.CHECK:
        return "error"
    return "warning"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def format_summary(totals: Totals, mode: Mode) -> str:
    changed = "would change" if mode in (Mode.CHECK, Mode.DIFF) else "changed"
    parts = [
        _count(totals.scanned, "file") + " scanned",
        f"{totals.changed} {changed}",
        _count(totals.rewrites, "call") + " rewritten" if mode == Mode.WRITE else _count(totals.rewrites, "call") + " to rewrite",
        _count(totals.findings, "finding"),
    ]
    if totals.renames:
        parts.append(_count(totals.renames, "variable") + " renamed")
    parts.append(_count(totals.errors, "error"))
    if totals.warnings:
        parts.append(_count(totals.warnings, "file") + " not linted")
    if totals.manual:
        parts.append(f"{totals.manual} left for hand work")
    return ", ".join(parts)


def _escape_data(text: str) -> str:
    # The runner reads %0A as a line break; any other control character stays escaped.
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(
    level: str, path: str, message: str, line: int | None = None, col: int | None = None, title: str | None = None
) -> str:
    """A GitHub Actions workflow command (`::warning file=...::message`)."""
    # A name that is unsafe on one line cannot be a repository path GitHub links to anyway.
    props = [f"file={_escape_property(quote_path(path))}"]
    if line is not None:
        props.append(f"line={line}")
    if col is not None:
        props.append(f"col={col}")
    if title:
        props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"
