"""Helpers for tests that drive the real `migrate-scopes` console script."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

EXE = shutil.which("migrate-scopes")

OP_SCOPE_SRC = (
    "import tensorflow as tf\n"
    "\n"
    "def f(x, name=None):\n"
    "    with tf.op_scope([x], name, \"F\"):\n"
    "        return tf.identity(x)\n"
)
OP_SCOPE_DST = OP_SCOPE_SRC.replace('tf.op_scope([x], name, "F")', 'tf.name_scope(name, "F", [x])')

UNTOUCHED_SRC = "import os\n\nprint(os.getcwd())\n"

SYNTAX_ERROR_SRC = "import tensorflow as tf\nwith tf.op_scope([x], 'n'\n"


def make_migration_tree(root: Path, n: int, helpers: int) -> dict[Path, tuple[bytes, bytes]]:
    """n files in ten packages that all need migration, each padded with `helpers` small
    functions (so a run takes long enough to be caught mid-way); path -> (original, expected)."""
    from migrate_scopes import migrate_source

    filler = "".join(f"def helper_{i}(a, b):\n    return a * {i} + b\n\n" for i in range(helpers))
    expected: dict[Path, tuple[bytes, bytes]] = {}
    for i in range(n):
        path = root / f"pkg{i % 10}" / f"mod{i:04}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        source = OP_SCOPE_SRC.replace('"F"', f'"F{i}"') + filler
        path.write_text(source)
        expected[path] = (source.encode(), migrate_source(source).code.encode())
    return expected


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    assert EXE, "migrate-scopes is not installed (pip install -e .)"
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [EXE, *args], cwd=cwd, input=stdin, capture_output=True, env=full_env, timeout=timeout
    )


def text(stream: bytes) -> str:
    return stream.decode("utf-8", "replace")


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in proc.stderr and b"Traceback" not in proc.stdout, text(proc.stderr)


def git_init(path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(path)], check=True)
