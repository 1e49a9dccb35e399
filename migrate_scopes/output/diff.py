"""Unified diffs with git's conventions (pure functions).

Lines are split on "\\n" only, as git does, so a CRLF line keeps its "\\r" and other
characters Python treats as line breaks (form feed, U+2028, ...) stay inside their line.
"""

from __future__ import annotations

import difflib
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from migrate_scopes.output.quoting import quote_path

NO_NEWLINE = "\\ No newline at end of file\n"


def split_lines(text: str) -> list[str]:
    """Split on "\\n" only, keeping the terminators."""
    lines = text.split("\n")
    result = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        result.append(lines[-1])
    return result


def display_path_for_diff(path: str) -> str:
    """Path as git writes it after `a/` and `b/`: relative to the current directory, "/"-separated."""
    rel = os.path.relpath(path)
    if rel.startswith(os.pardir):
        rel = os.path.abspath(path).lstrip(os.sep)
    return rel.replace(os.sep, "/")


#: One changed span: (old start, old end, new start, new end), character offsets.
Change = tuple[int, int, int, int]
#: A block of lines that differ: old lines [i1, i2) became new lines [j1, j2).
_Block = tuple[int, int, int, int]
#: Blocks up to this many line pairs get difflib's finest split; larger ones stay whole,
#: so a diff costs time linear in the file whatever it holds.
_REFINE_LIMIT = 10_000


def unified_diff(
    old: str, new: str, path: str, context: int = 3, changes: Sequence[Change] | None = None
) -> str:
    """A patch for one file, applicable with `git apply` or `patch -p1` from the current directory.

    `changes`: the spans that differ (disjoint, in order), when the caller knows them (the
    engine does); the diff is then built from their lines alone. Without them (or when they
    do not account for every difference) the lines of `old` and `new` are compared: common
    lines at both ends, then lines that occur once in each as anchors; both are linear.
    """
    if old == new:
        return ""
    name = display_path_for_diff(path)
    old_name, new_name = quote_path(f"a/{name}"), quote_path(f"b/{name}")  # as git writes them
    old_lines, new_lines = split_lines(old), split_lines(new)
    out = [f"diff --git {old_name} {new_name}\n", f"--- {old_name}\n", f"+++ {new_name}\n"]
    for group in _groups(line_blocks(old_lines, new_lines, changes), context):
        out += _hunk(group, old_lines, new_lines, context)
    return "".join(out)


def line_blocks(old: list[str], new: list[str], changes: Sequence[Change] | None = None) -> list[_Block]:
    """The blocks of lines that differ (lines outside them are the same, one for one), in
    time linear in the lines: from `changes` when they account for every difference, else
    found from the lines; each then split by difflib where it is small."""
    blocks = _blocks_from_changes(old, new, changes) if changes else None
    if blocks is None:
        blocks = _blocks_from_lines(old, new)
    return _refined(blocks, old, new)


def encode_diff(diff: str, encoding: str) -> bytes:
    """A file's patch as bytes `git apply` matches against the file: the header (paths) in
    UTF-8, the hunks in the file's own encoding."""
    lines = split_lines(diff)
    first_hunk = next((i for i, line in enumerate(lines) if line.startswith("@@")), len(lines))
    header, hunks = "".join(lines[:first_hunk]), "".join(lines[first_hunk:])
    return header.encode("utf-8", "surrogateescape") + hunks.encode(encoding, "surrogateescape")


def _line_starts(lines: list[str]) -> list[int]:
    """Offset of each line's start in the joined lines, and of the end after a last "\\n"."""
    starts = [0, *accumulate(len(line) for line in lines)]
    return starts if lines and lines[-1].endswith("\n") else starts[:-1] or [0]


def _blocks_from_changes(old_lines: list[str], new_lines: list[str], changes: Sequence[Change]) -> list[_Block] | None:
    """The lines each change touches, merged where they share a line; None when the
    changes do not explain every difference between the lines."""
    old_starts, new_starts = _line_starts(old_lines), _line_starts(new_lines)
    blocks: list[_Block] = []
    for old_start, old_end, new_start, new_end in sorted(changes):
        i1 = bisect_right(old_starts, old_start) - 1
        j1 = bisect_right(new_starts, new_start) - 1
        i2 = bisect_right(old_starts, old_end) - 1
        j2 = bisect_right(new_starts, new_end) - 1
        if old_starts[i2] != old_end or new_starts[j2] != new_end:  # ends inside a line: take it all
            i2, j2 = min(i2 + 1, len(old_lines)), min(j2 + 1, len(new_lines))
        if blocks and i1 <= blocks[-1][1]:  # shares a line with the previous change
            i1, _i2, j1, _j2 = blocks.pop()
        blocks.append((i1, i2, j1, j2))
    # Every line outside the blocks must be the same on both sides, one for one.
    i, j = 0, 0
    for i1, i2, j1, j2 in [*blocks, (len(old_lines), len(old_lines), len(new_lines), len(new_lines))]:
        if i1 - i != j1 - j or i1 < i or old_lines[i:i1] != new_lines[j:j1]:
            return None
        i, j = i2, j2
    return blocks


def _blocks_from_lines(old: list[str], new: list[str]) -> list[_Block]:
    """Differing line blocks found from the lines alone (a patience diff, without recursion)."""
    low = 0
    while low < len(old) and low < len(new) and old[low] == new[low]:
        low += 1
    old_high, new_high = len(old), len(new)
    while old_high > low and new_high > low and old[old_high - 1] == new[new_high - 1]:
        old_high, new_high = old_high - 1, new_high - 1
    old_count = Counter(old[low:old_high])
    new_count = Counter(new[low:new_high])
    new_index = {line: j for j, line in enumerate(new[low:new_high], low) if new_count[line] == 1}
    pairs = [
        (i, new_index[line])
        for i, line in enumerate(old[low:old_high], low)
        if old_count[line] == 1 and line in new_index
    ]
    blocks: list[_Block] = []
    i, j = low, low
    for anchor_i, anchor_j in [*_increasing(pairs), (old_high, new_high)]:
        i1, i2, j1, j2 = i, anchor_i, j, anchor_j
        while i1 < i2 and j1 < j2 and old[i1] == new[j1]:
            i1, j1 = i1 + 1, j1 + 1
        while i2 > i1 and j2 > j1 and old[i2 - 1] == new[j2 - 1]:
            i2, j2 = i2 - 1, j2 - 1
        if i1 < i2 or j1 < j2:
            blocks.append((i1, i2, j1, j2))
        i, j = anchor_i + 1, anchor_j + 1
    return blocks


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of `pairs` (increasing first items) whose second items increase."""
    tails: list[int] = []  # second item ending the best run of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_i, j) in enumerate(pairs):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[length], tail_index[length] = j, index
        previous.append(tail_index[length - 1] if length else -1)
    result: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        result.append(pairs[index])
        index = previous[index]
    return result[::-1]


def _refined(blocks: list[_Block], old: list[str], new: list[str]) -> list[_Block]:
    """Each block split by difflib where it is small enough (a multi-line call with a line
    that did not change shows that line as context)."""
    refined: list[_Block] = []
    for i1, i2, j1, j2 in blocks:
        if (i2 - i1) * (j2 - j1) > _REFINE_LIMIT:
            refined.append((i1, i2, j1, j2))
            continue
        matcher = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False)
        refined += [
            (i1 + a1, i1 + a2, j1 + b1, j1 + b2)
            for tag, a1, a2, b1, b2 in matcher.get_opcodes()
            if tag != "equal"
        ]
    return refined


def _groups(blocks: list[_Block], context: int) -> list[list[_Block]]:
    """Blocks that share a hunk: at most 2 * `context` unchanged lines apart (as difflib does)."""
    groups: list[list[_Block]] = []
    for block in blocks:
        if groups and block[0] - groups[-1][-1][1] <= 2 * context:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _hunk(group: list[_Block], old: list[str], new: list[str], context: int) -> list[str]:
    first, last = group[0], group[-1]
    old_start = max(0, first[0] - context)
    new_start = first[2] - (first[0] - old_start)
    old_end = min(len(old), last[1] + context)
    new_end = last[3] + (old_end - last[1])
    out = [f"@@ -{_range(old_start, old_end)} +{_range(new_start, new_end)} @@\n"]
    cursor = old_start
    for i1, i2, j1, j2 in group:
        out += [_line(" ", line) for line in old[cursor:i1]]
        out += [_line("-", line) for line in old[i1:i2]]
        out += [_line("+", line) for line in new[j1:j2]]
        cursor = i2
    out += [_line(" ", line) for line in old[cursor:old_end]]
    return out


def _range(start: int, end: int) -> str:
    """A hunk's line range as unified diffs write it (difflib's and git's convention)."""
    length = end - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _line(mark: str, line: str) -> str:
    return mark + line if line.endswith("\n") else mark + line + "\n" + NO_NEWLINE


_COLORS = {"+": "\x1b[32m", "-": "\x1b[31m", "@": "\x1b[36m", "\\": "\x1b[2m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def colorize_diff(diff: str) -> str:
    """ANSI colours for a terminal (never for a diff meant for `git apply`)."""
    out = []
    for line in split_lines(diff):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("diff --git", "--- a/", "+++ b/", '--- "a/', '+++ "b/')):
            out.append(f"{_BOLD}{body}{_RESET}{end}")
        elif line[:1] in _COLORS:
            out.append(f"{_COLORS[line[:1]]}{body}{_RESET}{end}")
        else:
            out.append(line)
    return "".join(out)
