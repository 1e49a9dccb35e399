"""`--report FILE`: every file's status, rewrites and findings, and the totals, as JSON.

Written as the run goes (one file entry at a time) so a large tree is never held in memory.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, Any

from migrate_scopes.outcome import FileOutcome, Mode, path_error_outcome
from migrate_scopes.report.totals import Totals

FORMAT_VERSION = 1


def outcome_record(outcome: FileOutcome) -> dict[str, Any]:
    return {
        "path": outcome.path,
        "config": outcome.config,
        "status": outcome.status,
        "dialect": outcome.dialect,
        "error": outcome.error,
        "warning": outcome.warning,
        "rewrites": [asdict(r) for r in outcome.rewrites],
        "findings": [asdict(f) for f in outcome.findings],
        "renames": [asdict(r) for r in outcome.renames],
    }


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("migrate-scopes")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class JsonReport:
    """The README's "JSON report" section documents every field (a test keeps them in step)."""

    def __init__(self, stream: IO[str], mode: Mode, options: dict[str, Any] | None = None, close: bool = True):
        self._stream = stream
        self._close = close  # False for standard output (`--report -`)
        self._first = True
        head = {"version": FORMAT_VERSION, "tool": {"name": "migrate-scopes", "version": tool_version()},
                "mode": mode, "options": options or {}}
        stream.write(json.dumps(head, sort_keys=False)[:-1] + ', "files": [\n')

    def add(self, record: dict[str, Any]) -> None:
        self._stream.write(("" if self._first else ",\n") + json.dumps(record, sort_keys=True))
        self._first = False

    def file_done(self, outcome: FileOutcome) -> None:
        self.add(outcome_record(outcome))

    def path_error(self, path: str, reason: str) -> None:
        self.add(outcome_record(path_error_outcome(path, reason)))

    def finish(self, totals: Totals, interrupted: bool = False) -> None:
        """Complete the document (closing an AtomicOutput is what puts it in place)."""
        totals_json = json.dumps(totals.as_dict(), sort_keys=True)
        self._stream.write(f'\n], "totals": {totals_json}, "interrupted": {json.dumps(interrupted)}}}\n')
        if self._close:
            self._stream.close()
        else:
            self._stream.flush()
