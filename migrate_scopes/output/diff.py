"""Unified diffs with git's conventions (pure functions).

Lines are split on "\\n" only, as git does, so a CRLF line keeps its "\\r" and other
characters Python treats as line breaks (form feed, U+2028, ...) stay inside their line.
"""

from __future__ import annotations

import difflib
import os

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


def unified_diff(old: str, new: str, path: str, context: int = 3) -> str:
    """A patch for one file, applicable with `git apply` or `patch -p1` from the current directory."""
    if old == new:
        return ""
    name = display_path_for_diff(path)
    body = difflib.unified_diff(
        split_lines(old), split_lines(new), f"a/{name}", f"b/{name}", n=context, lineterm="\n"
    )
    out = [f"diff --git a/{name} b/{name}\n"]
    for line in body:
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(out)


def encode_diff(diff: str, encoding: str) -> bytes:
    """A file's patch as bytes `git apply` matches against the file: the header (paths) in
    UTF-8, the hunks in the file's own encoding."""
    lines = split_lines(diff)
    first_hunk = next((i for i, line in enumerate(lines) if line.startswith("@@")), len(lines))
    header, hunks = "".join(lines[:first_hunk]), "".join(lines[first_hunk:])
    return header.encode("utf-8", "surrogateescape") + hunks.encode(encoding, "surrogateescape")


_COLORS = {"+": "\x1b[32m", "-": "\x1b[31m", "@": "\x1b[36m", "\\": "\x1b[2m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def colorize_diff(diff: str) -> str:
    """ANSI colours for a terminal (never for a diff meant for `git apply`)."""
    out = []
    for line in split_lines(diff):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("diff --git", "--- a/", "+++ b/")):
            out.append(f"{_BOLD}{body}{_RESET}{end}")
        elif line[:1] in _COLORS:
            out.append(f"{_COLORS[line[:1]]}{body}{_RESET}{end}")
        else:
            out.append(line)
    return "".join(out)
