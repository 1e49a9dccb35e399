"""Files the run writes besides sources (--report, --checkpoint-map, --markdown) are checked
here before any source is touched; `io.AtomicOutput` writes them."""

from __future__ import annotations

import os


def output_path_problem(path: str) -> str | None:
    """Why `path` cannot be created or replaced as a regular file, or None."""
    if os.path.isdir(path):
        return "is a directory"
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        return f"no such directory: {os.path.dirname(path) or parent}"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"permission denied in {os.path.dirname(path) or parent}"
    return None
