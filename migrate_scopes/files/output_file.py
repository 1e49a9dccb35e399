"""Files the run writes besides sources (--markdown): checked before any source is touched,
and written atomically (complete or not there)."""

from __future__ import annotations

import os
import tempfile


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


def write_text_atomically(path: str, text: str) -> None:
    """Write through a temporary file in the same directory, then replace: a reader (or a
    crash) never sees a half-written file."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # as open() would have created it, not mkstemp's 0600
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
