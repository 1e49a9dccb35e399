"""Run the passes over one Python source: the body of `migrate_source`."""

from __future__ import annotations

import ast
import gc
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from migrate_scopes.migrate.analysis import analyse
from migrate_scopes.migrate.codes import is_selected, noqa_codes, silenced_by_noqa
from migrate_scopes.migrate.model import Analysis, Status
from migrate_scopes.migrate.passes import PassContext, PassOutput, registered_passes
from migrate_scopes.migrate.result import Finding, MigrationError, MigrationOptions, MigrationResult
from migrate_scopes.migrate.rules.engine import MS401
from migrate_scopes.migrate.source_text import SourceText, apply_edits_with_changes

_BOM = "\ufeff"


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


def parse_python3(text: str) -> ast.Module:
    """`ast` tree of `text`; SyntaxError when it is not Python 3.

    It parses under the caller's recursion limit, so it accepts what Python accepts:
    code too deep for Python itself is the user's error, not ours.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes etc. are the user's business
        try:
            return ast.parse(text)
        except SyntaxError:
            raise
        except (RecursionError, MemoryError) as error:
            raise MigrationError("too deeply nested for Python to parse") from error
        except Exception as error:  # NUL bytes (ValueError), or anything else the parser refuses
            raise MigrationError(f"cannot parse: {error}") from error


def analyse_text(text: str) -> Analysis:
    """Python 3 first; a file that is not Python 3 may still be Python 2."""
    try:
        tree = parse_python3(text)
    except SyntaxError as error:
        if error.lineno is None:  # e.g. NUL bytes: not source text in any Python
            raise MigrationError(f"cannot parse: {error.msg}") from error
        from migrate_scopes.migrate.python2 import analyse_python2

        with deep_recursion():
            return analyse_python2(text, error)
    with deep_recursion():
        return analyse(text, tree)


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
    if analysis.dialect == "python2":
        total.findings.append(Finding(1, 1, MS401.code, "read as Python 2 (not valid Python 3); output stays Python 2"))
    total.findings = [f for f in total.findings if _kept(f, context.source, options)]
    return total


def _kept(finding: Finding, source: SourceText, options: MigrationOptions) -> bool:
    """Selected by the run's select/ignore lists and not acknowledged by a `# noqa` on its line."""
    if not is_selected(finding.code, options.select, options.ignore):
        return False
    if not 1 <= finding.line <= len(source.line_starts):
        return True
    return not silenced_by_noqa(finding.code, noqa_codes(source.line_text(finding.line)))


@dataclass
class Passed:
    """What the passes made of a text."""

    text: str
    output: PassOutput
    #: Where the text changed (see apply_edits_with_changes).
    changes: list[tuple[int, int, int, int]]
    #: How the new text parsed when its bindings were checked ("python3" or "python2");
    #: None when it did not change.
    parsed_as: str | None


def run_passes(text: str, analysis: Analysis, options: MigrationOptions) -> Passed:
    output = collect(text, analysis, options)
    new_text, changes = apply_edits_with_changes(text, output.edits)
    parsed_as = check_bindings(analysis, output, new_text) if new_text != text else None
    return Passed(new_text, output, changes, parsed_as)


def _uses(analysis: Analysis, retargeted: dict[int, str]) -> Counter[tuple[str, str | None, str]]:
    """What each use of a TensorFlow function name calls: (kind, function, status)."""
    uses: Counter[tuple[str, str | None, str]] = Counter()
    for call in analysis.calls:
        if call.span.start in retargeted:
            uses["call", retargeted[call.span.start], Status.TENSORFLOW.value] += 1
        else:
            uses["call", call.resolution.function, call.resolution.status.value] += 1
    for reference in [*analysis.references, *analysis.unresolved]:
        uses["reference", reference.resolution.function, reference.resolution.status.value] += 1
    return uses


def check_bindings(analysis: Analysis, output: PassOutput, new_text: str) -> str:
    """The migrated text must call what the passes planned: each retargeted call its new
    function, every other use of a TensorFlow function name what it called before.

    Import edits change what a name means for every use of it, so this is checked on the
    result rather than trusted; `new_text` is the text the edits in `output` produce.
    Returns how `new_text` parsed ("python3" or "python2"): a check of the output already.
    """
    planned = _uses(analysis, output.retargeted)
    try:
        after = analyse_text(new_text)
    except MigrationError as error:
        raise MigrationError(
            f"the migrated text cannot be read ({error.message}); not migrated: this is a bug in "
            "migrate-scopes, please report it"
        ) from error
    found = _uses(after, {})
    if planned != found:
        missing = ", ".join(f"{kind} of {function} ({status})" for kind, function, status in planned - found)
        extra = ", ".join(f"{kind} of {function} ({status})" for kind, function, status in found - planned)
        raise MigrationError(
            f"the edits would change what a name calls (planned: {missing or 'nothing'}; found: "
            f"{extra or 'nothing'}); not migrated: this is a bug in migrate-scopes, please report it"
        )
    return after.dialect


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


def migrate_python(source: str, options: MigrationOptions) -> MigrationResult:
    with without_cyclic_gc():
        # The trees are freed before the collector runs again, so it never scans them.
        return _migrate_python(source, options)


def _migrate_python(source: str, options: MigrationOptions) -> MigrationResult:
    bom = _BOM if source.startswith(_BOM) else ""
    text = source[len(bom) :]
    analysis = analyse_text(text)
    passed = run_passes(text, analysis, options)
    output, shift = passed.output, len(bom)
    return MigrationResult(
        source=source,
        code=bom + passed.text,
        findings=sorted(output.findings),
        rewrites=sorted(output.rewrites),
        renames=sorted(output.renames, key=lambda r: (r.line, r.col)),
        dialect=analysis.dialect,
        changes=tuple((a + shift, b + shift, c + shift, d + shift) for a, b, c, d in passed.changes),
        parses=passed.parsed_as == analysis.dialect and not bom,
    )
