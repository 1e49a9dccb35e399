"""Migrate one source: text in, text + findings out. Pure: no I/O, no terminal.

The flow of one file: a container (`containers/`) splits it into units, a front end
(`frontends/`) reads them into the one analysis (`analysis.py`), the engine
(`engine.py`) runs the passes (`passes/`) and checks the result, and the container
splices it back.
"""

from __future__ import annotations

from migrate_scopes.migrate.result import MigrationOptions, MigrationResult

DEFAULT_OPTIONS = MigrationOptions()


def migrate_source(source: str, options: MigrationOptions = DEFAULT_OPTIONS) -> MigrationResult:
    """Migrate Python source text. Raises MigrationError when it cannot be read as Python."""
    from migrate_scopes.migrate.containers import plain

    return plain.migrate(source, options)


def migrate_notebook(text: str, options: MigrationOptions = DEFAULT_OPTIONS) -> MigrationResult:
    """Migrate the JSON text of a Jupyter notebook (only code cells' sources change)."""
    from migrate_scopes.migrate.containers import notebook

    return notebook.migrate(text, options)
