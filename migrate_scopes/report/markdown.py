"""`--markdown FILE`: a summary of the run for a commit message or a pull-request body.

Fleet tools (Sourcegraph batch changes, turbolift, multi-gitter) take such a file as the
description of the change they open in each repository. The file is written once, at
the end, atomically: it is complete or not there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from migrate_scopes.migrate.codes import LINT, MANUAL, kind_of
from migrate_scopes.migrate.result import Finding, VariableRename
from migrate_scopes.migrate.rules.deprecated_scopes import MS001, MS002, MS003
from migrate_scopes.migrate.rules.get_variable import MS202
from migrate_scopes.migrate.rules.positional_reuse import MS301
from migrate_scopes.outcome import FileOutcome, Mode, Status
from migrate_scopes.output.quoting import quote_path
from migrate_scopes.report.totals import Totals

HAND_WORK, LINTS, NOTES = "Left for hand work", "Lints", "Notes"

TITLE = "Move off TensorFlow's deprecated op_scope / variable_op_scope"
#: The title when no deprecated scope was rewritten, only the pitfalls fixed.
PITFALLS_TITLE = "Fix TensorFlow scope pitfalls: get_variable under a name scope, positional reuse"

#: What each kind of rewrite does, in the order the summary names them.
WHAT_REWRITES_DO = (
    (frozenset({MS001.code, MS002.code, MS003.code}),
     "`op_scope` → `name_scope`, `variable_op_scope` → `variable_scope`, with the arguments rebound "
     "to the new order"),
    (frozenset({MS202.code}), "`get_variable` names prefixed with their name scope's name"),
    (frozenset({MS301.code}), "r0.10's positional `reuse` passed as `reuse=`"),
)
DEPRECATED_SCOPE_REWRITES = WHAT_REWRITES_DO[0][0]


def finding_group(code: str) -> str:
    """Which section of the summary a finding belongs to: its kind in `codes`."""
    kind = kind_of(code)
    if kind == MANUAL:
        return HAND_WORK  # a deprecated call reported, not rewritten
    return LINTS if kind == LINT else NOTES


_SPECIAL = re.compile(r"[\\`*<>\[\]|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


def escape(text: str) -> str:
    """Markdown-inert text; `code spans` the messages already use are kept as they are.

    An underscore inside a word is left alone (GitHub does not read it as emphasis).
    """
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans at all
        parts = [text]
    return "`".join(part if i % 2 else _SPECIAL.sub(lambda m: "\\" + m.group(0), part)
                    for i, part in enumerate(parts))


def _code_span(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if fence == "`" else f"{fence} {text} {fence}"


def _where(path: str, line: int, cell: int | None) -> str:
    return _code_span(f"{path}:cell {cell}:{line}" if cell is not None else f"{path}:{line}")


def _relative(path: str) -> str:
    """As the repository names it when run from its root: relative to the current directory,
    quoted as git quotes it when the name would not stay on one line."""
    rel = os.path.relpath(path)
    return quote_path((path if rel.startswith(os.pardir) else rel).replace(os.sep, "/"))


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


@dataclass
class MarkdownReport:
    """Collects what the summary needs (small: no diffs, no source) and renders it at the end."""

    mode: Mode
    changed: list[tuple[str, int]] = field(default_factory=list)
    #: Codes of the rewrites made (or to make): the summary says what was done, and only that.
    rewrite_codes: set[str] = field(default_factory=set)
    findings: dict[str, list[str]] = field(default_factory=lambda: {HAND_WORK: [], LINTS: [], NOTES: []})
    renames: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: Where `finish` writes the summary (None: only `render`).
    output: str | None = None

    def file_done(self, outcome: FileOutcome) -> None:
        path = _relative(outcome.path)
        if outcome.status == Status.CHANGED:
            self.changed.append((path, sum(r.is_call for r in outcome.rewrites)))
            self.rewrite_codes.update(r.code for r in outcome.rewrites)
        if outcome.error:
            self.path_error(outcome.path, outcome.error)
        for finding in outcome.findings:
            self.findings[finding_group(finding.code)].append(_finding_line(path, finding))
        self.renames.extend(_rename_line(path, rename) for rename in outcome.renames)

    def path_error(self, path: str, reason: str) -> None:
        self.errors.append(f"- {_code_span(_relative(path))}: {escape(reason)}")

    def finish(self, totals: Totals, interrupted: bool = False) -> None:
        if self.output is None:
            return
        from migrate_scopes.files import AtomicOutput

        output = AtomicOutput(self.output)  # whole or not at all, like --report
        try:
            output.write(self.render(totals))
        except BaseException:
            output.discard()
            raise
        output.close()

    def render(self, totals: Totals) -> str:
        would = self.mode != Mode.WRITE
        calls = _plural(totals.rewrites, "call")
        files = _plural(totals.changed, "file")
        headline = (f"migrate-scopes would rewrite {calls} in {files}" if would
                    else f"migrate-scopes rewrote {calls} in {files}")
        done = [what for codes, what in WHAT_REWRITES_DO if codes & self.rewrite_codes]
        pitfalls_only = bool(self.rewrite_codes) and not self.rewrite_codes & DEPRECATED_SCOPE_REWRITES
        out = [
            # plain: a commit subject, or the title where a tool takes the first line as one
            PITFALLS_TITLE if pitfalls_only else TITLE,
            "",
            f"{headline} ({_plural(totals.scanned, 'file')} scanned)" + (f": {'; '.join(done)}." if done else "."),
        ]
        sections = [
            ("Files " + ("to change" if would else "changed"),
             [f"- {_code_span(path)}: {_plural(n, 'call')}" for path, n in self.changed]),
            (HAND_WORK, self.findings[HAND_WORK]),
            (LINTS, self.findings[LINTS]),
            (NOTES, self.findings[NOTES]),
            ("Renamed variables (checkpoints!)", self.renames),
            ("Errors", self.errors),
        ]
        for title, lines in sections:
            if lines:
                out += ["", f"### {title} ({len(lines)})", "", *lines]
        return "\n".join(out) + "\n"


def _finding_line(path: str, finding: Finding) -> str:
    return f"- {_where(path, finding.line, finding.cell)}: {finding.code} {escape(finding.message)}"


def _rename_line(path: str, rename: VariableRename) -> str:
    if rename.old is not None and rename.new is not None:
        what = f"{_code_span(rename.old)} → {_code_span(rename.new)}"
    else:
        what = escape(rename.description)
    return f"- {_where(path, rename.line, rename.cell)}: {what}"
