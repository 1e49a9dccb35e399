"""Jupyter notebooks: migrate the code cells as one program, change nothing else.

A notebook runs top to bottom, so its code cells are joined into one
text and analysed once (a name imported in cell 1 resolves in cell 5). IPython
syntax (`%magic`, `!shell`, `x = !cmd`, `?obj`, `obj?`, `%%cell` magics) is masked
with Python text of the same width first, so offsets in the joined text are offsets
in the cells. Each edit then lands in its own cell, and only the changed `source`
values are replaced in the ORIGINAL JSON text: outputs, execution counts, metadata,
key order, indentation, escaping and the list-of-lines form stay byte for byte.
Python 2 notebooks go through the Python 2 front end like `.py` files do.

Example::

    >>> cell = {"cell_type": "code", "source": ["import tensorflow as tf\\n", "%time f()\\n",
    ...                                           "with tf.op_scope([x], 'n'): pass"]}
    >>> result = migrate_notebook_text(json.dumps({"cells": [cell]}), MigrationOptions())
    >>> json.loads(result.code)["cells"][0]["source"][2]
    "with tf.name_scope('n', values=[x]): pass"
"""

from __future__ import annotations

import ast
import difflib
import json
import re
import warnings
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from json.decoder import scanstring

from migrate_scopes.migrate.engine import analyse_text, check_bindings, collect
from migrate_scopes.migrate.python2 import parses_as_python2
from migrate_scopes.migrate.result import MigrationError, MigrationOptions, MigrationResult, VariableRename
from migrate_scopes.migrate.source_text import Edit, SourceText, apply_edits

DIALECT = "notebook"
_SEPARATOR = "\n"  # between cells in the joined text: every cell starts a new line

# -- IPython syntax ---------------------------------------------------------------
#: Cell magics whose body is Python: only their first line is masked.
_PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_LINE_MAGIC = re.compile(r"[ \t]*(?:[!%]|\?)")  # `%matplotlib`, `!pip`, `?obj`
_HELP = re.compile(r"[ \t]*[\w.\[\]()]+\?{1,2}[ \t]*(?:\r\n|\r|\n)?\Z")  # `obj?`, `tf.op_scope??`
_ASSIGNED_MAGIC = re.compile(r"[ \t]*[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*[ \t]*=[ \t]*(?=[!%])")  # `x = !ls`
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_STRING_START = re.compile(r"(?i)[rbuf]{0,2}('''|\"\"\"|'|\")")


def _lines(text: str) -> list[str]:
    return [line for line in _LINE.findall(text) if line]


def _blank(line: str, start: int = 0, keep: str = "") -> str:
    """`line` from `start` on replaced by `keep` then spaces, line end kept."""
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    width = len(body) - start
    return body[:start] + keep[:width].ljust(width) + ending


class _PythonState:
    """Just enough of Python's tokenizer to tell where logical lines start."""

    def __init__(self) -> None:
        self.depth = 0  # open brackets
        self.string: str | None = None  # delimiter of an open triple-quoted string
        self.continued = False  # previous line ended with a backslash

    @property
    def at_statement_start(self) -> bool:
        return self.depth == 0 and self.string is None and not self.continued

    def feed(self, line: str) -> None:
        body = line.rstrip("\r\n")
        index = 0
        while index < len(body):
            if self.string is not None:
                end = _string_end(body, index, self.string)
                if end is None:
                    index = len(body)
                    break
                index, self.string = end, None
                continue
            char = body[index]
            if char == "#":
                index = len(body)
                break
            match = _STRING_START.match(body, index)
            if match and (index == 0 or not (body[index - 1].isalnum() or body[index - 1] == "_")):
                quote = match.group(1)
                end = _string_end(body, match.end(), quote)
                if end is None:
                    if len(quote) == 3:
                        self.string = quote
                    index = len(body)  # a one-line string left open: continued by `\`
                    break
                index = end
                continue
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            index += 1
        self.continued = body.endswith("\\") and self.string is None


def _string_end(body: str, index: int, quote: str) -> int | None:
    """Index after the closing `quote` on this line, or None if the string goes on."""
    while index < len(body):
        if body[index] == "\\":
            index += 2
            continue
        if body.startswith(quote, index):
            return index + len(quote)
        index += 1
    return None


def mask_ipython(source: str) -> str:
    """Same-width Python text for a cell: IPython-only lines become `0` or blanks.

    >>> mask_ipython("%matplotlib inline\\nx = !ls\\n")
    '0                 \\nx = 0  \\n'
    """
    lines = _lines(source)
    if lines and lines[0].startswith("%%"):
        name = lines[0][2:].split(None, 1)[0] if lines[0][2:].strip() else ""
        if name not in _PYTHON_BODY_CELL_MAGICS:
            return "".join(_blank(line) for line in lines)  # the body is not Python
        lines[0] = _blank(lines[0])
        start = 1
    else:
        start = 0
    state = _PythonState()
    in_magic = False  # a magic line continued with a backslash
    for number in range(start, len(lines)):
        line = lines[number]
        if in_magic:
            lines[number] = _blank(line)
        elif state.at_statement_start and (_LINE_MAGIC.match(line) or _HELP.match(line)):
            indent = len(line) - len(line.lstrip(" \t"))
            lines[number] = _blank(line, indent, "0")
        elif state.at_statement_start and (assigned := _ASSIGNED_MAGIC.match(line)):
            lines[number] = _blank(line, assigned.end(), "0")
        else:
            state.feed(line)
            continue
        in_magic = line.rstrip("\r\n").endswith("\\")
    return "".join(lines)


# -- locating cells in the JSON text --------------------------------------------------
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


@dataclass
class _Source:
    """A code cell's `source` (or nbformat 3 `input`) value, where it stands in the JSON."""

    start: int
    end: int
    value: str | list[str]
    #: For the list form: (start, end) of each element's JSON text.
    elements: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else "".join(self.value)


class _Locator:
    """Walks the JSON text with positions; values off the path are skipped by the C decoder."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sources: list[_Source] = []

    def skip_ws(self, index: int) -> int:
        return _WHITESPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def skip_value(self, index: int) -> int:
        return _DECODER.raw_decode(self.text, index)[1]

    def members(self, index: int, on_value: Callable[[str, int], int]) -> int:
        """Object at `index`: `on_value(key, value_start) -> value_end` for each member."""
        self.expect(index, "{")
        index = self.skip_ws(index + 1)
        if self.text[index] == "}":
            return index + 1
        while True:
            self.expect(index, '"')
            key, index = scanstring(self.text, index + 1)
            index = self.skip_ws(index)
            self.expect(index, ":")
            index = self.skip_ws(on_value(key, self.skip_ws(index + 1)))
            if self.text[index] == "}":
                return index + 1
            self.expect(index, ",")
            index = self.skip_ws(index + 1)

    def items(self, index: int, on_item: Callable[[int], int]) -> int:
        self.expect(index, "[")
        index = self.skip_ws(index + 1)
        if self.text[index] == "]":
            return index + 1
        while True:
            index = self.skip_ws(on_item(index))
            if self.text[index] == "]":
                return index + 1
            self.expect(index, ",")
            index = self.skip_ws(index + 1)

    def expect(self, index: int, char: str) -> None:
        if self.text[index] != char:
            raise ValueError(f"expected {char!r} at offset {index}")

    # -- the notebook's shape: {cells: [...]} (v4) or {worksheets: [{cells: [...]}]} (v3)
    def notebook(self, index: int) -> int:
        return self.members(index, self._top_member)

    def _top_member(self, key: str, index: int) -> int:
        if key == "cells":
            return self.items(index, self._cell)
        if key == "worksheets":
            return self.items(index, lambda i: self.members(i, self._top_member))
        return self.skip_value(index)

    def _cell(self, index: int) -> int:
        found: dict[str, object] = {}

        def member(key: str, start: int) -> int:
            if key == "cell_type":
                found[key], end = _DECODER.raw_decode(self.text, start)
                return end
            if key in ("source", "input"):
                elements: list[tuple[int, int]] = []

                def element(i: int) -> int:
                    end = self.skip_value(i)
                    elements.append((i, end))
                    return end

                end = self.items(start, element) if self.text[start] == "[" else self.skip_value(start)
                found["source"] = _Source(start, end, json.loads(self.text[start:end]), elements)
                return end
            return self.skip_value(start)

        end = self.members(index, member)
        source = found.get("source")
        if found.get("cell_type") == "code" and isinstance(source, _Source) and _is_source(source.value):
            self.sources.append(source)
        return end


def _is_source(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _load(text: str) -> tuple[dict, list[_Source]]:
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise MigrationError(
            f"not a valid notebook: invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            error.lineno,
            error.colno,
        ) from error
    except RecursionError as error:
        raise MigrationError("not a valid notebook: JSON nested too deeply") from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells", notebook.get("worksheets")), list):
        raise MigrationError("not a valid notebook: no list of cells")
    locator = _Locator(text)
    try:
        locator.notebook(locator.skip_ws(0))
    except (ValueError, IndexError, RecursionError) as error:
        raise MigrationError(f"not a valid notebook: {error}") from error
    return notebook, locator.sources


def _language(notebook: dict) -> str | None:
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key, field_name in (("language_info", "name"), ("kernelspec", "language")):
        section = metadata.get(key)
        if isinstance(section, dict) and isinstance(section.get(field_name), str):
            return section[field_name].lower()
    return None


# -- the migration -------------------------------------------------------------------
@dataclass
class _Joined:
    text: str
    starts: list[int]  # offset of each code cell in `text`
    first_lines: list[int]  # 1-based line of each code cell in `text`

    def cell_of_line(self, line: int) -> int:
        """0-based index of the code cell holding joined line `line`."""
        return max(0, bisect_right(self.first_lines, line) - 1)

    def cell_of_offset(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)


def _join(masked_cells: list[str]) -> _Joined:
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for cell in masked_cells:
        starts.append(offset)
        parts.append(cell + _SEPARATOR)
        offset += len(cell) + len(_SEPARATOR)
    text = "".join(parts)
    source = SourceText(text)
    return _Joined(text, starts, [source.position(start)[0] for start in starts])


def _cell_edits(joined: _Joined, cells: list[str], edits: list[Edit]) -> dict[int, list[Edit]]:
    """Edits per cell, in the cell's own offsets (an edit never leaves its cell)."""
    per_cell: dict[int, list[Edit]] = {}
    for edit in edits:
        index = joined.cell_of_offset(edit.start)
        start = joined.starts[index]
        # A deleted last line may reach over the separator: the cell ends before it.
        end = min(edit.end, start + len(cells[index]))
        per_cell.setdefault(index, []).append(Edit(edit.start - start, end - start, edit.rewrite))
    return per_cell


def _relocate(item, joined: _Joined):
    index = joined.cell_of_line(item.line)
    return replace(item, line=item.line - joined.first_lines[index] + 1, cell=index + 1)


def _cell_order(item) -> tuple:
    return (item.cell, item.line, item.col, item.code, item.message)


def _relocate_rename(rename: VariableRename, joined: _Joined) -> VariableRename:
    index = joined.cell_of_line(rename.line)
    return replace(rename, line=rename.line - joined.first_lines[index] + 1, cell=index + 1)


def _cell_error(error: MigrationError, cells: list[str]) -> MigrationError:
    """Name the first code cell that does not parse on its own, if one does not."""
    for number, cell in enumerate(cells, start=1):
        try:
            analyse_text(cell)
        except MigrationError as cell_error:
            return MigrationError(f"code cell {number}: {cell_error.message}", cell_error.line, cell_error.col)
    return error


def _still_parses(source: str, dialect: str) -> bool:
    masked = mask_ipython(source)
    if dialect == "python2":
        return parses_as_python2(masked)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(masked)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def migrate_notebook_text(text: str, options: MigrationOptions) -> MigrationResult:
    """Migrate a notebook's JSON text; only changed code-cell sources differ in the result."""
    notebook, sources = _load(text)
    language = _language(notebook)
    if not sources or (language is not None and language != "python"):
        return MigrationResult(source=text, code=text, dialect=DIALECT)
    cells = [source.text for source in sources]
    masked = [mask_ipython(cell) for cell in cells]
    joined = _join(masked)
    try:
        analysis = analyse_text(joined.text)
    except MigrationError as error:
        raise _cell_error(error, masked) from error
    output = collect(joined.text, analysis, options)

    replacements: list[tuple[_Source, str]] = []
    new_cells = list(cells)
    ascii_only = _ensure_ascii(text)
    for index, edits in sorted(_cell_edits(joined, cells, output.edits).items()):
        new_cell = apply_edits(cells[index], edits)
        if new_cell.endswith(("\n", "\r")) and not cells[index].endswith(("\n", "\r")):
            # Its last line was deleted: the line before it now ends the cell, as cells do.
            new_cell = re.sub(r"(?:\r\n|\r|\n)\Z", "", new_cell)
        if new_cell == cells[index]:
            continue
        if not _still_parses(new_cell, analysis.dialect):
            raise MigrationError(f"code cell {index + 1}: the migrated cell does not parse; left as it is")
        new_cells[index] = new_cell
        replacements.append((sources[index], _source_json(text, sources[index], new_cell, ascii_only)))
    if replacements:
        check_bindings(analysis, output, _join([mask_ipython(cell) for cell in new_cells]).text)
    # One pass over the JSON text, however many cells changed.
    pieces: list[str] = []
    copied = 0
    for source, new_json in sorted(replacements, key=lambda item: item[0].start):
        pieces += [text[copied : source.start], new_json]
        copied = source.end
    code = "".join(pieces) + text[copied:]
    return MigrationResult(
        source=text,
        code=code,
        findings=sorted((_relocate(f, joined) for f in output.findings), key=_cell_order),
        rewrites=sorted((_relocate(r, joined) for r in output.rewrites), key=_cell_order),
        renames=sorted((_relocate_rename(r, joined) for r in output.renames), key=lambda r: (r.line, r.col)),
        dialect=DIALECT,
    )


# -- writing a source back in the notebook's own JSON style ---------------------------
def _ensure_ascii(text: str) -> bool:
    """Whether the file escapes non-ASCII (json's default) rather than writing it (nbformat's)."""
    return text.isascii() and re.search(r"\\u(?!00[0-7])[0-9a-fA-F]{4}", text) is not None


def _source_json(text: str, source: _Source, new_cell: str, ascii_only: bool) -> str:
    def dump(value: str) -> str:
        return json.dumps(value, ensure_ascii=ascii_only)

    if isinstance(source.value, str):
        return dump(new_cell)
    old_lines, new_lines = source.value, _lines(new_cell)
    elements = source.elements
    if not new_lines:
        return "[]"
    opening = text[source.start + 1 : elements[0][0]]
    closing = text[elements[-1][1] : source.end - 1]
    separator = text[elements[0][1] : elements[1][0]] if len(elements) > 1 else "," + opening
    # Lines that did not change keep their JSON text exactly (escapes and all).
    pieces: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a_start, _a_end, b_start, b_end in matcher.get_opcodes():
        for offset in range(b_end - b_start):
            if tag == "equal":
                start, end = elements[a_start + offset]
                pieces.append(text[start:end])
            else:
                pieces.append(dump(new_lines[b_start + offset]))
    return "[" + opening + separator.join(pieces) + closing + "]"


# -- a readable diff ------------------------------------------------------------------
def notebook_cell_diff(path: str, old_text: str, new_text: str, context: int = 3) -> str:
    """Unified diff of the code cells that changed, one hunk group per cell.

    Headers name the cell: `--- a/PATH (code cell 2)`. For reading, not `git apply`.
    """
    _, old_sources = _load(old_text)
    _, new_sources = _load(new_text)
    out: list[str] = []
    for number, (old, new) in enumerate(zip(old_sources, new_sources), start=1):
        if old.text == new.text:
            continue
        old_lines = [line if line.endswith("\n") else line + "\n" for line in _lines(old.text)]
        new_lines = [line if line.endswith("\n") else line + "\n" for line in _lines(new.text)]
        out.extend(
            difflib.unified_diff(
                old_lines,
                new_lines,
                fromfile=f"a/{path} (code cell {number})",
                tofile=f"b/{path} (code cell {number})",
                n=context,
            )
        )
    return "".join(out)


__all__ = ["mask_ipython", "migrate_notebook_text", "notebook_cell_diff"]
