"""Front ends: read a language's text into the one analysis, and verify output in it.

Python 3 is tried first; a text that is not Python 3 may still be Python 2. Each front
end is a module with `NAME`, `notes(analysis)` (findings about how the text was read),
`verify(code, path)` (raise unless `code` is valid in the language) and `parses(code)`.
The IPython front end (`ipython.mask_ipython`) is a mask applied before either, by the
notebook container. The analysis records which front end read it (`Analysis.dialect`):
`front_end(analysis.dialect)` gives it back, so nothing else names a language.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from migrate_scopes.migrate.model import Analysis
from migrate_scopes.migrate.result import MigrationError

if TYPE_CHECKING:
    from migrate_scopes.migrate.analysis import Use

T = TypeVar("T")


def read(text: str) -> Analysis:
    """The analysis of `text` by the first front end that reads it."""
    from migrate_scopes.migrate.frontends import python3

    return _read(text, python3.analyse_python3)


def read_uses(text: str) -> tuple[str, Counter[Use]]:
    """The front end that reads `text` (`Analysis.dialect`), and what each use of a
    TensorFlow function name in it calls: `uses_of(read(text), {})`, at less cost for
    Python 3 text (none of the spans and contexts the passes need is built)."""
    from migrate_scopes.migrate.analysis import resolved_uses, uses_of
    from migrate_scopes.migrate.frontends import python3

    read_as = _read(text, lambda text, tree: (python3.NAME, resolved_uses(text, tree)))
    if isinstance(read_as, Analysis):
        return read_as.dialect, uses_of(read_as, {})
    return read_as


def _read(text: str, python3_reader: Callable[[str, ast.Module], T]) -> T | Analysis:
    """`python3_reader(text, tree)` for Python 3 text, else the Python 2 front end's analysis."""
    from migrate_scopes.migrate.engine import deep_recursion
    from migrate_scopes.migrate.frontends import python3

    try:
        tree = python3.parse_python3(text)
    except SyntaxError as error:
        if error.lineno is None:  # e.g. NUL bytes: not source text in any Python
            raise MigrationError(f"cannot parse: {error.msg}") from error
        from migrate_scopes.migrate.frontends.python2 import analyse_python2

        with deep_recursion():
            return analyse_python2(text, error)
    with deep_recursion():
        return python3_reader(text, tree)


def front_end(name: str) -> ModuleType:
    """The front end called `name` (an `Analysis.dialect`)."""
    if name == "python2":
        from migrate_scopes.migrate.frontends import python2

        return python2  # imported on demand: fissix is not loaded for Python 3 files
    from migrate_scopes.migrate.frontends import python3

    if name != python3.NAME:
        raise ValueError(f"no front end {name!r}")
    return python3
