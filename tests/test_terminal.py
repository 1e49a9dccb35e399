"""What a person at a terminal gets: stderr on a real pseudo-terminal, stdout redirected to a file.

`migrate-scopes --diff . > p.diff` typed at a terminal must put into p.diff exactly what a run
without a terminal does, while the progress bar shows on the screen, and the lines printed
around the bar must stay whole whatever the terminal's width.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
from pathlib import Path

import pytest

from cli_support import EXE, run_cli, text

N_FILES = 200
CALLS_PER_FILE = 60  # a run well over a second, even with the per-call work as cheap as it is now
NARROW_COLUMNS = 40


def write_tree(root: Path) -> None:
    """Enough work that the run lasts well over the one second after which the bar shows."""
    body = "import tensorflow as tf\nf = tf.op_scope\n" + "".join(
        f"\ndef layer_{k}(x, name=None):\n    with tf.op_scope([x], name, 'Layer{k}'):\n        return tf.identity(x)\n"
        for k in range(CALLS_PER_FILE)
    )
    for i in range(N_FILES):
        package = root / f"pkg{i % 10}"
        package.mkdir(exist_ok=True)
        (package / f"module_with_a_long_name_{i:04}.py").write_text(body)


def run_with_stderr_on_pty(args: list[str], cwd: Path, stdout_path: Path, columns: int) -> tuple[int, bytes]:
    """Run with stderr (and stdin) on a pseudo-terminal `columns` wide and stdout to a file;
    returns the exit status and everything the terminal received."""
    assert EXE
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env["MIGRATE_SCOPES_PROGRESS_AFTER"] = "0"  # the bar from the first file, however fast the run
    with open(stdout_path, "wb") as stdout:
        proc = subprocess.Popen([EXE, *args], cwd=cwd, stdin=slave, stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the last holder of the terminal's other side has gone
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return proc.wait(timeout=300), received


def screen_lines(received: bytes) -> list[str]:
    """The lines left on the screen, without colour: drop every in-place redraw (`\\r...ESC[K`)
    of the bar."""
    without_bar = re.sub(r"\r[^\r\n]*?\x1b\[K", "", received.decode("utf-8", "replace"))
    without_bar = re.sub(r"\x1b\[[0-9;]*m", "", without_bar)
    return without_bar.replace("\r\n", "\n").split("\n")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("big_repo")
    write_tree(root)
    pty_stdout = root.parent / "pty.diff"
    status, received = run_with_stderr_on_pty(["--diff", "."], root, pty_stdout, NARROW_COLUMNS)
    pipe = run_cli("--diff", ".", cwd=root, timeout=300)
    return {"status": status, "received": received, "stdout": pty_stdout.read_bytes(), "pipe": pipe}


def test_the_progress_bar_really_shows(runs: dict[str, object]) -> None:
    assert re.search(rb"migrate-scopes \[[#.]+\] \d+/%d" % N_FILES, runs["received"]), runs["received"][-2000:]


def test_stdout_is_byte_for_byte_what_a_pipe_run_gives(runs: dict[str, object]) -> None:
    pipe = runs["pipe"]
    assert runs["status"] == pipe.returncode == 0, text(pipe.stderr)
    assert runs["stdout"].count(b"diff --git ") == N_FILES
    assert runs["stdout"] == pipe.stdout
    assert b"diff --git" not in runs["received"]  # none of it went to the screen


def test_lines_around_the_bar_are_not_wrapped_at_the_terminal_width(runs: dict[str, object]) -> None:
    expected = [line for line in text(runs["pipe"].stderr).splitlines() if " MS102 " in line]
    assert len(expected) == N_FILES and all(len(line) > NARROW_COLUMNS for line in expected)
    on_screen = screen_lines(runs["received"])
    assert [line for line in on_screen if " MS102 " in line] == expected
    assert re.match(r"\d+ files scanned, ", [line for line in on_screen if line][-1])
