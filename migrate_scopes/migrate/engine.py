"""The one engine: a program made of units, read by a front end, run through the passes.

A container (`containers/`) splits its file into units (one, or several joined as one
program) and hands the engine their texts, with the mask of a front end whose language
is a superset of Python (`Units.mask`). The engine reads
the joined program once (`frontends.read`), runs every selected pass over it, applies
each edit in its own unit, and re-reads the result to check that it calls what was
planned, which also verifies it; the container splices the units back.
"""

from __future__ import annotations

import gc
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from migrate_scopes.migrate.codes import is_selected, noqa_codes, silenced_by_noqa
from migrate_scopes.migrate.analysis import uses_of
from migrate_scopes.migrate.frontends import front_end, read, read_uses
from migrate_scopes.migrate.model import Analysis
from migrate_scopes.migrate.passes import PassContext, PassOutput, registered_passes
from migrate_scopes.migrate.result import Finding, MigrationError, MigrationOptions
from migrate_scopes.migrate.source_text import Edit, SourceText, apply_edits_with_changes


# The analysis and the passes recurse once per nesting level of the code; Python's
# default limit (1000) gives up on valid, deeply nested generated code long before
# Python's own parser does.
_RECURSION_LIMIT = 8000


@contextmanager
def deep_recursion() -> Iterator[None]:
    """Run the core with room for deeply nested code; what still overflows is reported."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        yield
    except RecursionError as error:
        raise MigrationError("too deeply nested to migrate") from error
    finally:
        sys.setrecursionlimit(limit)


def collect(text: str, analysis: Analysis, options: MigrationOptions) -> PassOutput:
    """Every selected pass's edits and findings, in `text`'s coordinates (not applied)."""
    context = PassContext(SourceText(text), analysis, options)
    total = PassOutput()
    for name, run in registered_passes().items():
        if options.passes is not None and name not in options.passes:
            continue
        with deep_recursion():
            output = run(context)
        total.edits += output.edits
        total.findings += output.findings
        total.rewrites += output.rewrites
        total.renames += output.renames
        total.retargeted.update(output.retargeted)
    total.findings += front_end(analysis.dialect).notes(analysis)
    total.findings = [f for f in total.findings if _kept(f, context.source, options)]
    return total


def _kept(finding: Finding, source: SourceText, options: MigrationOptions) -> bool:
    """Selected by the run's select/ignore lists and not acknowledged by a `# noqa` on its line."""
    if not is_selected(finding.code, options.select, options.ignore):
        return False
    if not 1 <= finding.line <= len(source.line_starts):
        return True
    return not silenced_by_noqa(finding.code, noqa_codes(source.line_text(finding.line)))


def check_bindings(analysis: Analysis, output: PassOutput, new_text: str) -> str:
    """The migrated text must call what the passes planned: each retargeted call its new
    function, every other use of a TensorFlow function name what it called before.

    Import edits change what a name means for every use of it, so this is checked on the
    result rather than trusted; `new_text` is the text the edits in `output` produce.
    Returns the front end that read `new_text` (its `Analysis.dialect`): a check of the
    output already.
    """
    planned = uses_of(analysis, output.retargeted)
    try:
        dialect, found = read_uses(new_text)
    except MigrationError as error:
        raise MigrationError(
            f"the migrated text cannot be read ({error.message}); not migrated: this is a bug in "
            "migrate-scopes, please report it"
        ) from error
    if planned != found:
        missing = ", ".join(f"{kind} of {function} ({status})" for kind, function, status in planned - found)
        extra = ", ".join(f"{kind} of {function} ({status})" for kind, function, status in found - planned)
        raise MigrationError(
            f"the edits would change what a name calls (planned: {missing or 'nothing'}; found: "
            f"{extra or 'nothing'}); not migrated: this is a bug in migrate-scopes, please report it"
        )
    return dialect


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused (then restored as it was).

    `ast` trees and libcst nodes hold no reference cycles, yet the collector, triggered by
    every 700 allocations, walks all of them again and again: it tripled the cost of
    parsing a large file.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Where one edit landed in its unit: (old start, old end, new start, new end).
Change = tuple[int, int, int, int]


def _same(text: str) -> str:
    return text


@dataclass
class Units:
    """A container's units, as the engine reads them."""

    texts: list[str]
    #: Same-width Python text for a unit (a front end's mask, see `frontends`).
    mask: Callable[[str], str] = _same
    #: Written after each unit in the joined program (a line end: each unit starts a line).
    separator: str = ""


@dataclass
class Program:
    """The units joined as one text, and its analysis."""

    text: str
    #: Offset of each unit in `text`.
    starts: list[int]
    analysis: Analysis

    def unit_of(self, offset: int) -> int:
        """0-based index of the unit holding `offset` of the program."""
        return max(0, bisect_right(self.starts, offset) - 1)


def join(texts: list[str], separator: str) -> tuple[str, list[int]]:
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(separator)
    return separator.join(texts) + (separator if texts else ""), starts


def read_units(units: Units) -> Program:
    """The program the units make, read by the first front end that reads it."""
    text, starts = join([units.mask(unit) for unit in units.texts], units.separator)
    return Program(text, starts, read(text))


@dataclass
class Ran:
    """What the passes made of a program, unit by unit."""

    #: Every edit, finding, rewrite and rename, in the program's coordinates.
    output: PassOutput
    #: Each unit's new text (the old one where nothing changed).
    texts: list[str]
    #: Where each unit's text changed (see apply_edits_with_changes); None when not known.
    changes: list[list[Change] | None] = field(default_factory=list)
    #: The front end that read the new program to check its bindings; None when nothing changed.
    parsed_as: str | None = None


def run(
    program: Program,
    units: Units,
    options: MigrationOptions,
    tidy: Callable[[str, str], str] = lambda old, new: new,
    check_unit: Callable[[int, str], None] | None = None,
) -> Ran:
    """Run the passes over `program` and apply their edits unit by unit.

    `tidy(old, new)` lets the container restore a unit's conventions after the edits (it
    may not change what the unit means); `check_unit(index, new)` checks each changed
    unit before the whole program is checked (to name the unit that went wrong).
    """
    output = collect(program.text, program.analysis, options)
    texts = list(units.texts)
    changes: list[list[Change] | None] = [[] for _ in texts]
    changed = False
    for index, edits in sorted(_unit_edits(program, units.texts, output.edits).items()):
        new, unit_changes = apply_edits_with_changes(texts[index], edits)
        tidied = tidy(texts[index], new)
        if tidied == texts[index]:
            continue
        if check_unit is not None:
            check_unit(index, tidied)
        texts[index], changes[index], changed = tidied, (unit_changes if tidied == new else None), True
    parsed_as = None
    if changed:
        new_program, _ = join([units.mask(text) for text in texts], units.separator)
        parsed_as = check_bindings(program.analysis, output, new_program)
    return Ran(output, texts, changes, parsed_as)


def _unit_edits(program: Program, texts: list[str], edits: list[Edit]) -> dict[int, list[Edit]]:
    """Edits per unit, in the unit's own offsets (an edit never leaves its unit)."""
    if len(texts) == 1:
        return {0: edits} if edits else {}
    per_unit: dict[int, list[Edit]] = {}
    for edit in edits:
        index = program.unit_of(edit.start)
        start = program.starts[index]
        # A deleted last line may reach over the separator: the unit ends before it.
        end = min(edit.end, start + len(texts[index]))
        per_unit.setdefault(index, []).append(Edit(edit.start - start, end - start, edit.rewrite))
    return per_unit
