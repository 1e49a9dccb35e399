"""One same-width masker for every front end that reads a Python superset.

A front end (Python 2, IPython syntax) overwrites what `ast` cannot read with Python 3
text of exactly the same width, keeping every line break, so the masked copy parses and
every offset in it is an offset in the original: the one analysis then runs on it and
the passes edit the ORIGINAL text at those offsets.
"""

from __future__ import annotations

LINE_END_CHARS = "\r\n"


class SameWidthMask:
    """The text as a list of characters, overwritten in place (widths never change)."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)

    def put(self, start: int, replacement: str) -> None:
        self.chars[start : start + len(replacement)] = list(replacement)

    def blank(self, start: int, end: int, keep_continuations: bool = True) -> None:
        """Spaces over [start, end), keeping line ends and (unless told otherwise) the
        backslashes that join lines."""
        chars = self.chars
        for index in range(start, end):
            char = chars[index]
            if char in LINE_END_CHARS:
                continue
            if keep_continuations and char == "\\" and index + 1 < len(chars) and chars[index + 1] in LINE_END_CHARS:
                continue
            chars[index] = " "

    def text(self) -> str:
        return "".join(self.chars)
