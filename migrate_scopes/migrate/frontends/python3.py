"""Python 3 front end: Python's own parser reads the text, its compiler checks the output."""

from __future__ import annotations

import ast
import warnings

from migrate_scopes.migrate.model import Analysis
from migrate_scopes.migrate.result import Finding, MigrationError

NAME = "python3"


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


def analyse_python3(text: str, tree: ast.Module) -> Analysis:
    from migrate_scopes.migrate.analysis import analyse

    return analyse(text, tree, dialect=NAME)


def notes(analysis: Analysis) -> list[Finding]:
    """Nothing to say about how a Python 3 file was read."""
    return []


def verify(code: str, path: str) -> None:
    """Raise SyntaxError (or ValueError, ...) unless `code` parses as Python 3.

    Compiling to bytecode builds no Python objects for the tree, so it costs a fraction
    of `ast.parse`; it also rejects what only the compiler checks (`return` outside a
    function, ...), so only its failure is confirmed by the parser, which decides.
    """
    from migrate_scopes.migrate.engine import without_cyclic_gc

    with warnings.catch_warnings(), without_cyclic_gc():
        warnings.simplefilter("ignore")  # the compiler's warnings are about the user's code
        try:
            compile(code, path, "exec", dont_inherit=True)
            return
        except Exception:  # noqa: BLE001 - the parser below gives the verdict
            pass
        compile(code, path, "exec", dont_inherit=True, flags=ast.PyCF_ONLY_AST)


def parses(code: str) -> bool:
    """Whether `code` parses as Python 3 (`ast`'s verdict, as the analysis reads it)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True
