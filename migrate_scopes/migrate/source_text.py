"""Positions in source text and splicing of edits into it.

Analysis front ends report positions as (line, UTF-8 byte column), the way Python's
`ast` does; edits are applied on character offsets of the original text, so
everything outside an edited span stays byte for byte as it was.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable

# Python's tokenizer treats exactly these as line ends (not \f, \v or U+2028).
_LINE_END = re.compile(r"\r\n|\r|\n")
_TAB = re.compile("\t")
#: What `str.splitlines` breaks at besides Python's line ends.
_OTHER_LINE_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class SourceText:
    def __init__(self, text: str, column_shifts: dict[int, int] | None = None) -> None:
        """`column_shifts`: line -> how many columns further right a parser saw that
        line's code than it stands in `text` (its indentation was expanded)."""
        self.text = text
        self.line_starts = _line_starts(text)
        self.column_shifts = column_shifts or {}
        self._ascii = text.isascii()
        #: Per non-ASCII line: character offset of each UTF-8 byte column (built once per line,
        #: so a long line with many positions is not re-encoded for each).
        self._byte_columns: dict[int, list[int] | None] = {}
        self._tabs: list[int] | None = None  # offsets of every tab, found on first use
        self._non_ascii: list[int] | None = None  # offsets of every non-ASCII character, likewise

    def line_text(self, line: int) -> str:
        """Line `line` (1-based) without its line end."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, byte_col: int) -> int:
        """Character offset of (1-based line, UTF-8 byte column)."""
        start = self.line_starts[line - 1]
        byte_col -= self.column_shifts.get(line, 0)
        if byte_col == 0 or self._ascii:
            return start + byte_col
        if line not in self._byte_columns:
            self._byte_columns[line] = _char_columns(self.line_text(line))
        columns = self._byte_columns[line]
        if columns is None:  # an ASCII line in a non-ASCII file
            return start + byte_col
        return start + columns[min(byte_col, len(columns) - 1)]

    def has_non_ascii(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a non-ASCII character (without scanning it each time)."""
        if self._ascii:
            return False
        if self._non_ascii is None:
            self._non_ascii = [match.start() for match in _NON_ASCII.finditer(self.text)]
        index = bisect_left(self._non_ascii, start)
        return index < len(self._non_ascii) and self._non_ascii[index] < end

    def has_tab(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a tab (without scanning it each time)."""
        if self._tabs is None:
            self._tabs = [match.start() for match in _TAB.finditer(self.text)]
        index = bisect_left(self._tabs, start)
        return index < len(self._tabs) and self._tabs[index] < end

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based character column) of a character offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def newline(self) -> str:
        """The file's first line end, for text we add ("\\n" for one-line files)."""
        match = _LINE_END.search(self.text)
        return match.group() if match else "\n"


def _line_starts(text: str) -> list[int]:
    """Offset of each line's start: after each line end, as Python's tokenizer sees them."""
    if _OTHER_LINE_BREAKS.search(text) is None:
        # `splitlines` breaks at exactly Python's line ends then, and runs in C.
        starts = [0, *accumulate(map(len, text.splitlines(True)))]
        if text and not text.endswith(("\n", "\r")):
            starts.pop()  # the end of a last line without a line end starts nothing
        return starts
    return [0] + [match.end() for match in _LINE_END.finditer(text)]


def _char_columns(line: str) -> list[int] | None:
    """Character column of each UTF-8 byte column of `line` (None: ASCII, the same).

    A byte column inside a character counts that character (as decoding the cut bytes
    with "replace" would); one past the end is the line's length.
    """
    if line.isascii():
        return None
    columns: list[int] = []
    for index, char in enumerate(line):
        width = len(char.encode("utf-8", "surrogatepass"))
        columns.append(index)
        columns.extend([index + 1] * (width - 1))
    columns.append(len(line))
    return columns


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `rewrite(current text of that span)`.

    The rewrite sees the span after the edits nested inside it were applied, so an
    edited call inside the arguments of another edited call composes.
    """

    start: int
    end: int
    rewrite: Callable[[str], str]


def replace_with(replacement: str) -> Callable[[str], str]:
    return lambda _old: replacement


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply edits that are disjoint or nested (never partly overlapping)."""
    return apply_edits_with_changes(text, edits)[0]


def apply_edits_with_changes(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """`apply_edits`, and where the outermost edits landed: (old start, old end, new start,
    new end) of each, in order (what a diff needs to know, without comparing texts).

    Linear in the text plus the edits: the edits form a tree (nesting), each span is
    rebuilt once from its original text and its children's results, innermost first.
    An insertion (start == end) at a span's boundary lies outside it, before a span that
    starts there and after one that ends there; insertions at one point come out in
    reverse order; of two edits with the same span the later one is the outer one.
    """
    if not edits:
        return text, []
    # Outer before inner, by position; at one offset insertions first (they go before a
    # span starting there), the later of equal insertions first.
    order = sorted(
        range(len(edits)),
        key=lambda i: (edits[i].start, edits[i].start != edits[i].end, -edits[i].end, -i),
    )
    # Stack of open spans: (edit, pieces of its new text so far, offset copied up to).
    root = Edit(0, len(text), lambda current: current)
    stack: list[tuple[Edit, list[str], int]] = [(root, [], 0)]
    changes: list[tuple[int, int, int]] = []  # outermost edits: (start, end, new length)
    for index in order:
        edit = edits[index]
        while not _inside(edit.start, edit.end, stack[-1][0].start, stack[-1][0].end) and len(stack) > 1:
            _close(text, stack, changes)
        outer, pieces, copied = stack[-1]
        if edit.start < copied or (edit.start != edit.end and edit.end > outer.end):
            raise ValueError("edits overlap without nesting")
        pieces.append(text[copied : edit.start])
        stack[-1] = (outer, pieces, edit.start)
        if edit.start == edit.end:
            pieces.append(edit.rewrite(""))
            if len(stack) == 1:
                changes.append((edit.start, edit.end, len(pieces[-1])))
            continue
        stack.append((edit, [], edit.start))
    while len(stack) > 1:
        _close(text, stack, changes)
    _root, pieces, copied = stack[0]
    pieces.append(text[copied:])
    return "".join(pieces), _new_offsets(changes)


def _close(text: str, stack: list[tuple[Edit, list[str], int]], changes: list[tuple[int, int, int]]) -> None:
    """Finish the innermost open span: rewrite its current text, hand it to its parent."""
    edit, pieces, copied = stack.pop()
    pieces.append(text[copied : edit.end])
    outer, outer_pieces, _copied = stack[-1]
    outer_pieces.append(edit.rewrite("".join(pieces)))
    stack[-1] = (outer, outer_pieces, edit.end)
    if len(stack) == 1:
        changes.append((edit.start, edit.end, len(outer_pieces[-1])))


def _new_offsets(changes: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """(old start, old end, new length) of outermost edits, in order -> with new offsets."""
    result: list[tuple[int, int, int, int]] = []
    shift = 0
    for start, end, length in changes:
        result.append((start, end, start + shift, start + shift + length))
        shift += length - (end - start)
    return result


def _inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    """Whether edit [start, end) lies within [outer_start, outer_end).

    An insertion (start == end) at either boundary is outside: text added right
    before or after a span is not part of it.
    """
    if start == end:
        return outer_start < start < outer_end
    return outer_start <= start and end <= outer_end
