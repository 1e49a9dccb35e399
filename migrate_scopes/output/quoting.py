"""Quote a file name for one line of output, as git does (C-style, in double quotes).

A name holding a newline, a terminal escape or bytes that are not UTF-8 would otherwise
split a finding over two lines, rewrite the user's terminal, or break a diff header.
"""

from __future__ import annotations

import unicodedata

_ESCAPES = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r",
            '"': '\\"', "\\": "\\\\"}

#: Besides control characters and undecodable bytes: characters that reorder or break
#: lines on a terminal (bidirectional overrides and isolates, line and paragraph separators).
_INVISIBLE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") or char in _INVISIBLE


def _escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _unsafe(char):
        return "".join(f"\\{byte:03o}" for byte in char.encode("utf-8", "surrogateescape"))
    return char


def visible(text: str) -> str:
    """`text` with control characters, line breaks and undecodable bytes escaped as in
    `quote_path` (quotes and backslashes stay): a message that quotes source text or a
    variable name stays one line and cannot drive the terminal."""
    if not any(_unsafe(c) for c in text):
        return text
    return "".join(_escaped(c) if _unsafe(c) else c for c in text)


def quote_path(name: str) -> str:
    """`name` unchanged when it is safe on one line, else git's quoted form.

    Like git with core.quotePath=false: readable non-ASCII letters stay as they are;
    control characters, quotes, backslashes and undecodable bytes (the surrogate escapes
    of os.fsdecode) are escaped, octal per byte where C has no short escape. `git apply`
    reads such names back.
    """
    if not any(_unsafe(c) or c in _ESCAPES for c in name):
        return name
    return '"' + "".join(_escaped(c) for c in name) + '"'
