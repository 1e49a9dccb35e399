"""Python 2 front end: read a Python 2 file through the Python 3 analysis, by masking
(with the shared same-width masker, `masking.SameWidthMask`).

A source that `ast` rejects is parsed with fissix (a maintained
lib2to3 fork) and its Python 2 grammar; that both proves the file is Python 2 and
locates every Python-2-only construct. Each such construct is then replaced by
Python 3 text of exactly the same width, keeping every line break, so the masked
copy parses with `ast` and every offset in it is an offset in the original. The
ordinary analysis (`analysis.analyse`) runs on the masked copy; the passes edit
the ORIGINAL text at those offsets, so the rewriting rules are the Python 3 ones
and everything outside the edited calls stays byte for byte Python 2.

Masks (original -> masked, same width)::

    print >>f, x, y      ->  None,   f, x, y     (a tuple: names inside still resolve)
    exec code in ns      ->  0,   code in ns
    raise E, v, tb       ->  None, E, v, tb
    except E, e:         ->  except E   :
    `x`                  ->  (x)
    a <> b               ->  a != b
    0777, 10L, 0xFFL     ->  1777, 10 , 0xFF
    ur'..'               ->   r'..'
    def f(a, (b, c)):    ->  def f(a, _0____):
    async = 1            ->  _sync = 1

Indentation mixing tabs and spaces, which Python 2 read with tabs to the next
multiple of 8 and Python 3 refuses, is expanded for `ast` only; columns are mapped
back per line. What it cannot read: list comprehensions over a bare tuple
(`[x for x in 1, 2]`) and assignments to `True`/`False`. Those files are
reported as unreadable, never guessed at.

Example::

    >>> analysis = analyse_python2('print "hi"\\n', SyntaxError("x"))
    >>> analysis.dialect
    'python2'
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Iterator

from fissix import pygram, pytree
from fissix.pgen2 import driver, token

from migrate_scopes.migrate.analysis import analyse
from migrate_scopes.migrate.frontends.masking import SameWidthMask
from migrate_scopes.migrate.source_text import SourceText
from migrate_scopes.migrate.model import Analysis
from migrate_scopes.migrate.result import Finding, MigrationError
from migrate_scopes.migrate.rules.engine import MS401

NAME = "python2"

# Files using `from __future__ import print_function` need the grammar without it.
_GRAMMARS = (pygram.python_grammar, pygram.python_grammar_no_print_statement)
_OCTAL = re.compile(r"0[0-9]+[lL]?\Z")
_RENAMED_NAMES = {"async": "_sync", "await": "_wait"}  # Python 3 keywords, Python 2 names


def parse_python2(text: str) -> pytree.Node | None:
    """fissix tree of `text` read as Python 2, or None when it is not Python 2."""
    # lib2to3's grammar needs a final line end; adding one moves no offset.
    source = text if text.endswith(("\n", "\r")) or not text else text + "\n"
    for grammar in _GRAMMARS:
        try:
            tree = driver.Driver(grammar, convert=pytree.convert).parse_string(source)
        except Exception:  # noqa: BLE001 - however the grammar rejects it, it is not Python 2
            # (ParseError, TokenError, an AssertionError of its tokenizer on `async  1`, ...)
            continue
        if str(tree) == source:  # lossless, so leaf offsets are offsets in `text`
            return tree
    return None


def parses_as_python2(text: str) -> bool:
    """Whether `text` is valid Python 2 (the check for output written as Python 2)."""
    return parse_python2(text) is not None


parses = parses_as_python2


def verify(code: str, path: str) -> None:
    """Raise SyntaxError unless `code` is valid Python 2."""
    if not parses_as_python2(code):
        raise SyntaxError("not valid Python 2")


def notes(analysis: Analysis) -> list[Finding]:
    """The file was read as Python 2: said once, on its first line."""
    return [Finding(1, 1, MS401.code, MS401.message("python2"))]


def analyse_python2(text: str, python3_error: SyntaxError) -> Analysis:
    """Analysis of a Python 2 source, with spans valid in `text` itself."""
    analysis = _analyse_masked(text, python3_error)
    analysis.calls_as_written = False  # a mask may lie inside a call (`<>`, backquotes, `0777`)
    return analysis


def _analyse_masked(text: str, python3_error: SyntaxError) -> Analysis:
    tree = parse_python2(text)
    if tree is None:
        raise _unreadable(python3_error)
    masked = mask_python2(text, tree)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return analyse(masked, ast.parse(masked), dialect=NAME)
            except TabError:
                # Python 2 read a tab as "to the next multiple of 8"; Python 3 refuses to
                # guess. Expand the indentation for `ast` and map columns back per line.
                expanded, shifts = expand_indentation(masked)
                positions = SourceText(masked, shifts)
                return analyse(expanded, ast.parse(expanded), dialect=NAME, positions=positions)
    except SyntaxError as error:  # a Python 2 form we cannot mask
        raise MigrationError(
            f"cannot parse: {python3_error.msg} (line {python3_error.lineno}); read as Python 2, "
            f"it still has a form this tool cannot read: {error.msg} (line {error.lineno})",
            error.lineno,
            error.offset,
        ) from error
    except (RecursionError, MemoryError) as error:
        raise MigrationError("too deeply nested for Python to parse") from error
    except Exception as error:  # noqa: BLE001 - anything else `ast` refuses is invalid input
        raise MigrationError(f"cannot parse: {error}") from error


_INDENTATION = re.compile(r"[ \t]*")


def expand_indentation(text: str) -> tuple[str, dict[int, int]]:
    """`text` with tabs in indentation expanded as Python 2 did, and per line (1-based)
    how many columns the expansion moved that line's code to the right."""
    shifts: dict[int, int] = {}
    starts = SourceText(text).line_starts  # the line ends Python uses (\r alone too)
    pieces: list[str] = []
    for line, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)]), start=1):
        piece = text[start:end]
        indentation = _INDENTATION.match(piece).group()  # type: ignore[union-attr]
        if "\t" in indentation:
            expanded = indentation.expandtabs(8)
            shifts[line] = len(expanded) - len(indentation)
            piece = expanded + piece[len(indentation) :]
        pieces.append(piece)
    return "".join(pieces), shifts


def _unreadable(error: SyntaxError) -> MigrationError:
    return MigrationError(f"cannot parse: {error.msg} (line {error.lineno})", error.lineno, error.offset)


# -- masking -------------------------------------------------------------------------
def _leaf_offsets(tree: pytree.Node) -> Iterator[tuple[pytree.Leaf, int]]:
    """Every leaf with the offset of its value (after its prefix) in the source."""
    offset = 0
    for leaf in tree.leaves():
        offset += len(leaf.prefix)
        yield leaf, offset
        offset += len(leaf.value)


def _type_name(node: pytree.Base | None) -> str:
    return pytree.type_repr(node.type) if node is not None else ""


def mask_python2(text: str, tree: pytree.Node) -> str:
    """A same-width, Python-3-parsable copy of the Python 2 source `text`."""
    mask = SameWidthMask(text)
    starts = dict((id(leaf), start) for leaf, start in _leaf_offsets(tree))
    tuple_params = 0

    def end_of(node: pytree.Base) -> int:
        last = node if isinstance(node, pytree.Leaf) else list(node.leaves())[-1]
        return starts[id(last)] + len(last.value)

    def start_of(node: pytree.Base) -> int:
        first = node if isinstance(node, pytree.Leaf) else next(node.leaves())
        return starts[id(first)]

    for leaf in tree.leaves():
        start, parent = starts[id(leaf)], leaf.parent
        kind = _type_name(parent)
        if leaf.type == token.NAME and leaf.value == "print" and kind in ("print_stmt", "simple_stmt"):
            mask.put(start, "None,")  # `print a, b` -> `None, a, b`
            if leaf.next_sibling is not None and leaf.next_sibling.type == token.RIGHTSHIFT:
                mask.put(starts[id(leaf.next_sibling)], "  ")
        elif leaf.type == token.NAME and leaf.value == "exec" and kind == "exec_stmt":
            mask.put(start, "0,  ")
        elif leaf.type == token.NAME and leaf.value == "raise" and kind == "raise_stmt":
            if any(child.type == token.COMMA for child in parent.children):
                mask.put(start, "None,")  # `raise E, v` -> `None, E, v`
        elif leaf.type == token.COMMA and kind == "except_clause":
            mask.blank(start, end_of(parent))  # `except E, e` -> `except E   `
        elif leaf.type == token.BACKQUOTE:
            mask.put(start, "(" if leaf is parent.children[0] else ")")
        elif leaf.type == token.NOTEQUAL and leaf.value == "<>":
            mask.put(start, "!=")
        elif leaf.type == token.NUMBER:
            _mask_number(mask, start, leaf.value)
        elif leaf.type == token.STRING:
            _mask_string(mask, start, leaf.value)
        elif leaf.type == token.NAME and leaf.value in _RENAMED_NAMES:
            mask.put(start, _RENAMED_NAMES[leaf.value])
        elif leaf.type == token.LPAR and kind in ("tfpdef", "vfpdef") and leaf is parent.children[0]:
            # `def f((a, b))`: one parameter named as wide as the tuple was.
            begin, end = start_of(parent), end_of(parent)
            mask.blank(begin, end)
            first_line = re.split(r"[\r\n]", text[begin:end], maxsplit=1)[0]
            width = len(first_line.rstrip())
            name = f"_{tuple_params}"
            mask.put(begin, name.ljust(width, "_") if len(name) <= width else "_" * width)
            tuple_params += 1
    return mask.text()


def _mask_number(mask: SameWidthMask, start: int, value: str) -> None:
    if value[-1] in "lL":
        mask.put(start + len(value) - 1, " ")
    if _OCTAL.match(value) and value.rstrip("lL").strip("0"):
        mask.put(start, "1")  # `0777` -> `1777`: an int literal Python 3 accepts


def _mask_string(mask: SameWidthMask, start: int, value: str) -> None:
    prefix = re.match(r"[A-Za-z]*", value).group().lower()  # type: ignore[union-attr]
    if "u" in prefix and "r" in prefix:
        mask.put(start, " ")  # `ur'..'` -> ` r'..'`
    if "b" in prefix and not value.isascii():
        # Python 3 bytes literals are ASCII only; the content does not matter here.
        for index, char in enumerate(value):
            if not char.isascii():
                mask.put(start + index, "?")
