"""Run totals, accumulated one file outcome at a time."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from migrate_scopes.migrate.codes import is_manual
from migrate_scopes.outcome import FileOutcome, Status


@dataclass
class Totals:
    scanned: int = 0
    changed: int = 0
    rewrites: int = 0
    findings: int = 0
    renames: int = 0
    errors: int = 0
    #: Findings of a deprecated call left for hand work (they make --check fail).
    manual: int = 0
    #: Files that needed no migration but could not be linted.
    warnings: int = 0

    def add(self, outcome: FileOutcome) -> None:
        self.scanned += 1
        self.changed += outcome.status == Status.CHANGED
        self.errors += outcome.status == Status.ERROR
        if outcome.status == Status.CHANGED:  # a file that could not be written rewrote nothing
            self.rewrites += sum(rewrite.is_call for rewrite in outcome.rewrites)
        self.findings += len(outcome.findings)
        self.renames += len(outcome.renames)
        self.manual += sum(is_manual(finding.code) for finding in outcome.findings)
        self.warnings += outcome.warning is not None

    def add_error(self) -> None:
        """A given path that could not even be listed (it does not exist, ...)."""
        self.errors += 1

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
