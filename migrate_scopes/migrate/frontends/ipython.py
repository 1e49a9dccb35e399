"""IPython front end: the syntax notebooks add to Python, masked to the same width.

`%magic`, `!shell`, `x = !cmd`, `?obj`, `obj?` and `%%cell` magics are overwritten with
Python text of the same width (see `masking`), so the masked cell parses as Python 3 (or
Python 2) and every offset in it is an offset in the cell.
"""

from __future__ import annotations

import re

from migrate_scopes.migrate.frontends.masking import SameWidthMask

#: Cell magics whose body is Python: only their first line is masked.
_PYTHON_BODY_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_LINE_MAGIC = re.compile(r"[ \t]*(?:[!%]|\?)")  # `%matplotlib`, `!pip`, `?obj`
_HELP = re.compile(r"[ \t]*[\w.\[\]()]+\?{1,2}[ \t]*(?:\r\n|\r|\n)?\Z")  # `obj?`, `tf.op_scope??`
_ASSIGNED_MAGIC = re.compile(r"[ \t]*[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*[ \t]*=[ \t]*(?=[!%])")  # `x = !ls`
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_STRING_START = re.compile(r"(?i)[rbuf]{0,2}('''|\"\"\"|'|\")")


def cell_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line end (any of \\r\\n, \\r, \\n)."""
    return [line for line in _LINE.findall(text) if line]


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
    lines = cell_lines(source)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    mask = SameWidthMask(source)

    def blank(number: int, start: int = 0, keep: str = "") -> None:
        """Line `number` from column `start` on: `keep` then spaces, line end kept."""
        begin, width = starts[number] + start, len(lines[number].rstrip("\r\n")) - start
        mask.blank(begin, begin + width, keep_continuations=False)
        mask.put(begin, keep[:width])

    if lines and lines[0].startswith("%%"):
        name = lines[0][2:].split(None, 1)[0] if lines[0][2:].strip() else ""
        if name not in _PYTHON_BODY_CELL_MAGICS:
            for number in range(len(lines)):
                blank(number)  # the body is not Python
            return mask.text()
        blank(0)
        first = 1
    else:
        first = 0
    state = _PythonState()
    in_magic = False  # a magic line continued with a backslash
    for number in range(first, len(lines)):
        line = lines[number]
        if in_magic:
            blank(number)
        elif state.at_statement_start and (_LINE_MAGIC.match(line) or _HELP.match(line)):
            blank(number, len(line) - len(line.lstrip(" \t")), "0")
        elif state.at_statement_start and (assigned := _ASSIGNED_MAGIC.match(line)):
            blank(number, assigned.end(), "0")
        else:
            state.feed(line)
            continue
        in_magic = line.rstrip("\r\n").endswith("\\")
    return mask.text()
