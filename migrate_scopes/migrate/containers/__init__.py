"""Containers: the kinds of file, each split into units for the engine, spliced back, diffed.

A container is a module with `ENCODING` (the text encoding its format fixes, or None:
decoded as Python decodes source, see `files.decode_source`), `migrate(text, options)`,
`verify(result, path)` (raise unless the new text may be written) and
`diff(path, result, encoding, view)`.
`plain` holds a `.py` file, `notebook` an `.ipynb` one.
"""

from __future__ import annotations

from enum import Enum
from types import ModuleType

from migrate_scopes.migrate.result import MigrationResult



class DiffView(str, Enum):
    """How `diff` shows a file: PATCH is its text's own diff (what `git apply` applies);
    CELLS shows a notebook's code cells instead (a plain file has only its text)."""

    PATCH = "patch"
    CELLS = "cells"


_NOTEBOOK_SUFFIX = ".ipynb"
_NOTEBOOK_DIALECT = "notebook"  # containers.notebook.DIALECT, without importing it


def container_for(path: str) -> ModuleType:
    """The container for the file at `path` (by its name, as discovery found it)."""
    return _notebook() if path.endswith(_NOTEBOOK_SUFFIX) else _plain()


def container_of(result: MigrationResult) -> ModuleType:
    """The container that produced `result` (the notebook one names itself in `dialect`)."""
    return _notebook() if result.dialect == _NOTEBOOK_DIALECT else _plain()


def _plain() -> ModuleType:
    from migrate_scopes.migrate.containers import plain

    return plain


def _notebook() -> ModuleType:
    from migrate_scopes.migrate.containers import notebook

    return notebook
