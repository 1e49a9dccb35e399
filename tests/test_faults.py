"""Bad files and interrupted runs, created for real."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from cli_support import EXE, OP_SCOPE_DST, OP_SCOPE_SRC, assert_no_traceback, make_migration_tree, run_cli, text
from migrate_scopes.outcome import Mode, Status
from migrate_scopes.pipeline import JobSettings, process_file

TEMP_SUFFIX = ".migrate-scopes.tmp"

BAD_FILES = {
    "undecodable.py": OP_SCOPE_SRC.encode() + b"s = '\xff\xfe'\n",
    "nul.py": OP_SCOPE_SRC.encode() + b"s = 1\0\n",
    "syntax.py": OP_SCOPE_SRC.encode() + b"def (:\n",
    "parens.py": OP_SCOPE_SRC.encode() + b"x = " + b"(" * 1000 + b"1" + b")" * 1000 + b"\n",
    "long_sum.py": OP_SCOPE_SRC.encode() + b"x = 1" + b" + 1" * 20000 + b"\n",
    "unary.py": OP_SCOPE_SRC.encode() + b"x = " + b"-" * 5000 + b"1\n",
    "bad_cookie.py": b"# -*- coding: klingon -*-\n" + OP_SCOPE_SRC.encode(),
    "bad.ipynb": b'{"cells": [{"cell_type": "code", "source": ["tf.op_scope("',
}


def test_each_bad_file_is_named_and_never_written(tmp_path: Path) -> None:
    for name, data in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.py").write_text(OP_SCOPE_SRC)
    proc = run_cli("-j1", str(tmp_path), timeout=300)
    assert proc.returncode == 2
    assert_no_traceback(proc)
    err = text(proc.stderr)
    for name, data in BAD_FILES.items():
        assert (tmp_path / name).read_bytes() == data, name
        assert f"{name}: error: " in err, (name, err)
    assert (tmp_path / "good.py").read_text() == OP_SCOPE_DST
    assert sorted(os.listdir(tmp_path)) == sorted([*BAD_FILES, "good.py"])


def test_bad_files_with_workers(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"good{i}.py").write_text(OP_SCOPE_SRC)
    for name, data in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    proc = run_cli("-j2", str(tmp_path), timeout=300)
    assert proc.returncode == 2
    assert_no_traceback(proc)
    assert text(proc.stderr).count(": error: ") == len(BAD_FILES)
    assert all((tmp_path / f"good{i}.py").read_text() == OP_SCOPE_DST for i in range(20))


def test_file_vanished_between_listing_and_reading(tmp_path: Path) -> None:
    path = tmp_path / "gone.py"
    path.write_text(OP_SCOPE_SRC)
    path.unlink()
    outcome = process_file(str(path), JobSettings(mode=Mode.WRITE))
    assert outcome.status == Status.ERROR and "vanished" in (outcome.error or "")


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.py"
    path.write_text(OP_SCOPE_SRC)
    path.chmod(0)
    if os.geteuid() == 0:
        # Root reads anything through CAP_DAC_OVERRIDE: run the CLI without it.
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
        proc = subprocess.run(
            [setpriv, "--bounding-set", "-dac_override,-dac_read_search", EXE, str(path)],
            capture_output=True,
            timeout=120,
        )
    else:
        proc = run_cli(str(path))
    assert proc.returncode == 2 and "secret.py: error: cannot read" in text(proc.stderr)
    path.chmod(0o644)
    assert path.read_text() == OP_SCOPE_SRC


def _assert_all_or_nothing(root: Path, expected: dict[Path, tuple[bytes, bytes]]) -> int:
    """Each file is exactly original or exactly migrated; returns how many were migrated."""
    strays = [p for p in root.rglob("*") if p.name.endswith(TEMP_SUFFIX)]
    assert strays == []
    migrated = 0
    for path, (original, new) in expected.items():
        data = path.read_bytes()
        assert data in (original, new), path
        migrated += data == new
    return migrated


def _wait_for_orphans(root: Path, expected: dict[Path, tuple[bytes, bytes]]) -> None:
    """Workers of a killed run must stop too: the tree has to settle quickly."""
    before = None
    for _ in range(50):
        now = {p: p.read_bytes() for p in expected}
        if now == before:
            return
        before = now
        time.sleep(0.2)
    raise AssertionError("files still changing long after the run was killed")


def _wait_for_first_write(expected: dict[Path, tuple[bytes, bytes]], proc: subprocess.Popen) -> None:
    # Generous: on a loaded machine start-up alone can take many seconds; a run that
    # ends without writing fails at once instead.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ended = proc.poll() is not None  # before looking, so a run that wrote and ended is seen
        if any(path.read_bytes() != original for path, (original, _new) in expected.items()):
            return
        if ended:
            raise AssertionError(f"the run ended (exit {proc.returncode}) without writing a file")
        time.sleep(0.01)
    raise AssertionError("the run wrote nothing within five minutes")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_kill_9_leaves_every_file_original_or_migrated(tmp_path: Path, jobs: str) -> None:
    assert EXE
    expected = make_migration_tree(tmp_path, 300, helpers=120)
    rng = random.Random(int(jobs))
    partial_runs = 0
    for _ in range(6):
        proc = subprocess.Popen([EXE, "-q", "-j", jobs, str(tmp_path)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        # Kill soon after the first file is written, however slow start-up is (a loaded
        # machine), so the kill lands while the run is writing.
        _wait_for_first_write(expected, proc)
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _wait_for_orphans(tmp_path, expected)
        migrated = _assert_all_or_nothing(tmp_path, expected)
        partial_runs += 0 < migrated < len(expected)
        for path, (original, _new) in expected.items():  # start again from the originals
            path.write_bytes(original)
    assert partial_runs > 0, "no kill landed mid-run; the test proved nothing"
    # A complete run after all that migrates everything.
    assert run_cli("-q", str(tmp_path), timeout=300).returncode == 0
    assert _assert_all_or_nothing(tmp_path, expected) == len(expected)


def test_two_concurrent_runs_cannot_tear_a_file(tmp_path: Path) -> None:
    assert EXE
    expected = make_migration_tree(tmp_path, 200, helpers=120)
    procs = [subprocess.Popen([EXE, "-q", "-j", jobs, str(tmp_path)], stderr=subprocess.PIPE)
             for jobs in ("1", "2")]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else b"") for p in procs]
    for code, err in results:
        assert code == 0, err.decode()
    assert _assert_all_or_nothing(tmp_path, expected) == len(expected)


def test_files_are_always_written_from_a_worker_process() -> None:
    from migrate_scopes.pipeline import worker_count

    assert worker_count(1, 1, Mode.WRITE) == 1
    assert worker_count(0, 4, Mode.WRITE) == 0
    assert worker_count(1, 4, Mode.DIFF) == worker_count(1, 4, Mode.CHECK) == 0  # nothing to protect
    assert worker_count(100, 4, Mode.DIFF) == 4
