"""The `.py` container: the whole file is one unit (a byte-order mark kept out of it)."""

from __future__ import annotations

from migrate_scopes.migrate import engine
from migrate_scopes.migrate.containers import DiffView
from migrate_scopes.migrate.frontends import front_end
from migrate_scopes.migrate.result import MigrationOptions, MigrationResult

_BOM = "\ufeff"
#: Its bytes are decoded as Python decodes source (PEP 263 cookie, BOM): no fixed encoding.
ENCODING = None


def migrate(source: str, options: MigrationOptions) -> MigrationResult:
    with engine.without_cyclic_gc():
        # The trees are freed before the collector runs again, so it never scans them.
        return _migrate(source, options)


def _migrate(source: str, options: MigrationOptions) -> MigrationResult:
    bom = _BOM if source.startswith(_BOM) else ""
    units = engine.Units([source[len(bom) :]])
    program = engine.read_units(units)
    ran = engine.run(program, units, options)
    output, shift, dialect = ran.output, len(bom), program.analysis.dialect
    changes = ran.changes[0]
    return MigrationResult(
        source=source,
        code=bom + ran.texts[0],
        findings=sorted(output.findings),
        rewrites=sorted(output.rewrites),
        renames=sorted(output.renames, key=lambda r: (r.line, r.col)),
        dialect=dialect,
        changes=None if changes is None else tuple((a + shift, b + shift, c + shift, d + shift) for a, b, c, d in changes),
        parses=ran.parsed_as == dialect and not bom,
    )


def verify(result: MigrationResult, path: str) -> None:
    """Raise unless the new text is valid in the language it was read as."""
    if result.parses:
        return  # the engine read this very text with the same front end (to check its bindings)
    front_end(result.dialect).verify(result.code, path)


def diff(path: str, result: MigrationResult, encoding: str, view: DiffView) -> tuple[str, str]:
    """The file's unified diff (`git apply` accepts it), and the encoding of its hunks."""
    from migrate_scopes.output import unified_diff

    bom = "\ufeff" if encoding == "utf-8-sig" else ""  # in the file's first line
    changes = result.changes and [tuple(offset + len(bom) for offset in change) for change in result.changes]
    return unified_diff(bom + result.source, bom + result.code, path, changes=changes), "utf-8" if bom else encoding
