"""What a run is asked to do and what became of each file: the types the pipeline, the
command line and the reporters share. It imports nothing of theirs, so `report/` needs
neither the pipeline nor the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum

from migrate_scopes.migrate.result import Finding, Rewrite, VariableRename


class _Word(str, Enum):
    """A word that is written out as it is (JSON, messages): its value, never `Class.NAME`."""

    __str__ = str.__str__
    __format__ = str.__format__


class Mode(_Word):
    """What the run does with a file that would change."""

    WRITE = "write"  # rewrite it in place
    DIFF = "diff"  # print its diff
    CHECK = "check"  # only say so (and fail)


class Status(_Word):
    UNCHANGED = "unchanged"
    #: Rewritten, or in check and diff mode would be.
    CHANGED = "changed"
    #: Not processed; `FileOutcome.error` says why.
    ERROR = "error"


class ExitStatus(IntEnum):
    OK = 0
    #: --check: a file would change, or a deprecated call is left for hand work.
    CHANGES = 1
    ERROR = 2
    #: Standard output closed early: what a shell reports for `cat` killed by SIGPIPE (128 + 13).
    BROKEN_PIPE = 141


@dataclass
class FileOutcome:
    path: str
    #: The pyproject.toml whose configuration governed the file (None: defaults, or --config's).
    config: str | None = None
    status: Status = Status.UNCHANGED
    #: How the core read the file ("python3", "python2", "notebook"); None if never parsed.
    dialect: str | None = None
    findings: list[Finding] = field(default_factory=list)
    rewrites: list[Rewrite] = field(default_factory=list)
    renames: list[VariableRename] = field(default_factory=list)
    diff: str = ""
    #: The encoding of the diff's hunks: the file's own, so a patch matches its bytes.
    diff_encoding: str = "utf-8"
    error: str | None = None
    #: Why a file that needed no migration was not linted (it cannot be parsed); not an error.
    warning: str | None = None


def path_error_outcome(path: str, reason: str) -> FileOutcome:
    """A given path that could not even be listed, as the reports record it."""
    return FileOutcome(path=path, status=Status.ERROR, error=reason)
