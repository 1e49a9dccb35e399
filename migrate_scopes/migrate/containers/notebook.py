"""The `.ipynb` container: the code cells are the units, joined as one program.

A notebook runs top to bottom, so its code cells are joined into one
text and analysed once (a name imported in cell 1 resolves in cell 5). IPython
syntax (`%magic`, `!shell`, `x = !cmd`, `?obj`, `obj?`, `%%cell` magics) is masked
with Python text of the same width first (`frontends.ipython`), so offsets in the
joined text are offsets in the cells. Each edit then lands in its own cell, and only the changed `source`
values are replaced in the ORIGINAL JSON text: outputs, execution counts, metadata,
key order, indentation, escaping and the list-of-lines form stay byte for byte.
The cells are read by the same front ends as `.py` files (Python 3, else Python 2).

Example::

    >>> cell = {"cell_type": "code", "source": ["import tensorflow as tf\\n", "%time f()\\n",
    ...                                           "with tf.op_scope([x], 'n'): pass"]}
    >>> result = migrate(json.dumps({"cells": [cell]}), MigrationOptions())
    >>> json.loads(result.code)["cells"][0]["source"][2]
    "with tf.name_scope('n', values=[x]): pass"
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from json.decoder import scanstring

from migrate_scopes.migrate import engine
from migrate_scopes.migrate.containers import DiffView, plain
from migrate_scopes.migrate.frontends import front_end, read
from migrate_scopes.migrate.frontends.ipython import cell_lines, mask_ipython
from migrate_scopes.migrate.result import MigrationError, MigrationOptions, MigrationResult
from migrate_scopes.migrate.source_text import SourceText

#: The report's name for how a notebook was read (its cells may be Python 3 or 2).
DIALECT = "notebook"
#: Notebooks are JSON, UTF-8 by definition (a byte-order mark is tolerated and kept).
ENCODING = "utf-8"
_SEPARATOR = "\n"  # between cells in the joined text: every cell starts a new line

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
def _first_lines(program: engine.Program) -> list[int]:
    """1-based line of each code cell in the joined program."""
    source = SourceText(program.text)
    return [source.position(start)[0] for start in program.starts]


def _relocate(item, first_lines: list[int]):
    """A finding, rewrite or rename of the joined program, placed in its cell."""
    index = max(0, bisect_right(first_lines, item.line) - 1)
    return replace(item, line=item.line - first_lines[index] + 1, cell=index + 1)


def _cell_order(item) -> tuple:
    return (item.cell, item.line, item.col, item.code, item.message)


def _cell_error(error: MigrationError, cells: list[str]) -> MigrationError:
    """Name the first code cell that does not parse on its own, if one does not."""
    for number, cell in enumerate(cells, start=1):
        try:
            read(mask_ipython(cell))
        except MigrationError as cell_error:
            return MigrationError(f"code cell {number}: {cell_error.message}", cell_error.line, cell_error.col)
    return error


def _tidy(old: str, new: str) -> str:
    if new.endswith(("\n", "\r")) and not old.endswith(("\n", "\r")):
        # Its last line was deleted: the line before it now ends the cell, as cells do.
        return re.sub(r"(?:\r\n|\r|\n)\Z", "", new)
    return new


def migrate(text: str, options: MigrationOptions) -> MigrationResult:
    """Migrate a notebook's JSON text; only changed code-cell sources differ in the result."""
    notebook, sources = _load(text)
    language = _language(notebook)
    if not sources or (language is not None and language != "python"):
        return MigrationResult(source=text, code=text, dialect=DIALECT)
    units = engine.Units([source.text for source in sources], mask=mask_ipython, separator=_SEPARATOR)
    with engine.without_cyclic_gc():
        try:
            program = engine.read_units(units)
        except MigrationError as error:
            raise _cell_error(error, units.texts) from error
        reader = front_end(program.analysis.dialect)

        def check_cell(index: int, new_cell: str) -> None:
            if not reader.parses(mask_ipython(new_cell)):
                raise MigrationError(f"code cell {index + 1}: the migrated cell does not parse; left as it is")

        ran = engine.run(program, units, options, tidy=_tidy, check_unit=check_cell)
    ascii_only = _ensure_ascii(text)
    # One pass over the JSON text, however many cells changed.
    pieces: list[str] = []
    copied = 0
    for source, old_cell, new_cell, changes in zip(sources, units.texts, ran.texts, ran.changes):
        if new_cell != old_cell:
            pieces += [text[copied : source.start], _source_json(text, source, new_cell, ascii_only, changes)]
            copied = source.end
    code = "".join(pieces) + text[copied:]
    first_lines = _first_lines(program)
    output = ran.output
    return MigrationResult(
        source=text,
        code=code,
        findings=sorted((_relocate(f, first_lines) for f in output.findings), key=_cell_order),
        rewrites=sorted((_relocate(r, first_lines) for r in output.rewrites), key=_cell_order),
        renames=sorted((_relocate(r, first_lines) for r in output.renames), key=lambda r: (r.line, r.col)),
        dialect=DIALECT,
    )


def verify(result: MigrationResult, path: str) -> None:
    """Raise unless the new text is still JSON (each changed cell was checked by the engine)."""
    json.loads(result.code)


def diff(path: str, result: MigrationResult, encoding: str, view: DiffView) -> tuple[str, str]:
    """A patch of the JSON text (what `git apply` can apply), or with `view` CELLS a
    diff per code cell, readable: the JSON text's own diff buries the edits in escapes."""
    if view != DiffView.CELLS:
        return plain.diff(path, result, encoding, view)
    from migrate_scopes.output import display_path_for_diff, quote_path

    return notebook_cell_diff(quote_path(display_path_for_diff(path)), result.source, result.code), "utf-8"


# -- writing a source back in the notebook's own JSON style ---------------------------
def _ensure_ascii(text: str) -> bool:
    """Whether the file escapes non-ASCII (json's default) rather than writing it (nbformat's)."""
    return text.isascii() and re.search(r"\\u(?!00[0-7])[0-9a-fA-F]{4}", text) is not None


def _source_json(
    text: str, source: _Source, new_cell: str, ascii_only: bool, changes: list[engine.Change] | None
) -> str:
    """`changes`: where the cell's text changed (None: not known)."""
    from migrate_scopes.output.diff import line_blocks

    def dump(value: str) -> str:
        return json.dumps(value, ensure_ascii=ascii_only)

    if isinstance(source.value, str):
        return dump(new_cell)
    old_lines, new_lines = source.value, cell_lines(new_cell)
    elements = source.elements
    if not new_lines:
        return "[]"
    opening = text[source.start + 1 : elements[0][0]]
    closing = text[elements[-1][1] : source.end - 1]
    separator = text[elements[0][1] : elements[1][0]] if len(elements) > 1 else "," + opening
    # Lines that did not change keep their JSON text exactly (escapes and all); which ones
    # those are is found in time linear in the cell.
    pieces: list[str] = []
    i = 0
    for i1, i2, j1, j2 in [*line_blocks(old_lines, new_lines, changes), (len(old_lines), 0, 0, 0)]:
        pieces += [text[start:end] for start, end in elements[i:i1]]
        pieces += [dump(line) for line in new_lines[j1:j2]]
        i = i2
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
        old_lines = [line if line.endswith("\n") else line + "\n" for line in cell_lines(old.text)]
        new_lines = [line if line.endswith("\n") else line + "\n" for line in cell_lines(new.text)]
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


__all__ = ["diff", "migrate", "notebook_cell_diff", "verify"]
