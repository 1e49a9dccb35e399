"""`--checkpoint-map FILE`: every variable the run renamed, for restoring old checkpoints.

The file is a JSON object. Its top level is the static map `{old name: new name}` (names
without `:0`) of renames whose full names are known from the source (module-level code under
variable scopes with literal names). Every other rename is a rule under the reserved key
`"$rules"` (present only when there is one; `$` cannot occur in a TensorFlow name):

    {"model/kernel": "model/dense/kernel",
     "$rules": [{"old": "*/w", "new": "*/Block/w", "at": ["layers.py:5:13"]}]}

In a rule, a leading `*/` stands for the variable scope the code runs in (in a function:
the caller's, possibly none) and `{name}` for a variable name computed at run time:
`*/w` -> `*/Block/w` maps `enc/w` to `enc/Block/w` and `w` to `Block/w`.
`migrate_scopes.checkpoint.assignment_map` applies both parts to a built graph.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from migrate_scopes.checkpoint import RULES_KEY
from migrate_scopes.migrate.result import VariableRename
from migrate_scopes.outcome import FileOutcome
from migrate_scopes.report.totals import Totals


def _place(path: str, rename: VariableRename) -> str:
    cell = f"cell {rename.cell}:" if rename.cell is not None else ""
    return f"{path}:{cell}{rename.line}:{rename.col}"


class CheckpointMap:
    """Collects the renames of a run; the first static mapping of a name wins."""

    def __init__(self, output: str | None = None) -> None:
        #: Where `finish` writes the map (None: only `text`).
        self.output = output
        self.mapping: dict[str, str] = {}
        self.rules: dict[tuple[str, str], list[str]] = {}  # (old, new) -> where it was made
        self.conflicts: list[str] = []

    def file_done(self, outcome: FileOutcome) -> None:
        self.add(outcome.path, outcome.renames)

    def path_error(self, path: str, reason: str) -> None:
        pass  # a path that could not be listed renamed nothing

    def finish(self, totals: Totals, interrupted: bool = False) -> None:
        """Say which renames conflict and write the map; a map that cannot be written is an error."""
        if self.output is None:
            return
        for conflict in self.conflicts:
            sys.stderr.write(conflict + "\n")
        try:
            self.write(self.output)
        except OSError as exc:  # checked before the run, but the file system may have changed since
            sys.stderr.write(f"migrate-scopes: error: cannot write --checkpoint-map {self.output}: "
                             f"{exc.strerror or exc}\n")
            totals.errors += 1

    def add(self, path: str, renames: Iterable[VariableRename]) -> None:
        for rename in renames:
            if rename.old is not None and rename.new is not None:
                self._add_static(path, rename, rename.old, rename.new)
            elif rename.old_pattern is not None and rename.new_pattern is not None:
                self.rules.setdefault((rename.old_pattern, rename.new_pattern), []).append(_place(path, rename))

    def _add_static(self, path: str, rename: VariableRename, old: str, new: str) -> None:
        previous = self.mapping.setdefault(old, new)
        if previous != new:
            self.conflicts.append(
                f"{_place(path, rename)}: checkpoint map: {old} is renamed both to "
                f"{previous} and to {new}; the map keeps {previous}"
            )

    def as_json(self) -> dict[str, object]:
        content: dict[str, object] = dict(sorted(self.mapping.items()))
        if self.rules:
            content[RULES_KEY] = [
                {"old": old, "new": new, "at": places} for (old, new), places in sorted(self.rules.items())
            ]
        return content

    def text(self) -> str:
        return json.dumps(self.as_json(), indent=2) + "\n"

    def write(self, path: str) -> None:
        from migrate_scopes.files import AtomicOutput

        handle = AtomicOutput(path)  # whole or not at all, even if the run is interrupted or killed
        handle.write(self.text())
        handle.close()
