"""Ctrl-C, SIGTERM and kill -9 sent to a real run: it says what it did, reports are whole."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from cli_support import EXE, OP_SCOPE_SRC, make_migration_tree, run_cli, text

TEMP_SUFFIX = ".migrate-scopes.tmp"


def _start(tmp_path: Path, tree: Path, *args: str) -> subprocess.Popen:
    assert EXE
    # A session of its own: signals go to its whole process group, as a terminal sends Ctrl-C.
    return subprocess.Popen([EXE, *args, "--report", str(tmp_path / "report.json"),
                             "--checkpoint-map", str(tmp_path / "map.json"), str(tree)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait_until_mid_run(expected: dict[Path, tuple[bytes, bytes]], proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, text(proc.communicate()[1])
        if sum(path.read_bytes() != original for path, (original, _new) in expected.items()) >= 3:
            return
        time.sleep(0.01)
    raise AssertionError("the run wrote nothing within two minutes")


def _migrated(expected: dict[Path, tuple[bytes, bytes]]) -> int:
    count = 0
    for path, (original, new) in expected.items():
        data = path.read_bytes()
        assert data in (original, new), path
        count += data == new
    return count


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupted_run_says_what_it_did_and_its_report_is_whole(
    tmp_path: Path, signum: int, status: int, jobs: str
) -> None:
    tree = tmp_path / "tree"
    expected = make_migration_tree(tree, 300, helpers=200)
    proc = _start(tmp_path, tree, "-j", jobs)
    _wait_until_mid_run(expected, proc)
    os.killpg(proc.pid, signum)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == status, text(err)
    match = re.search(r"^migrate-scopes: interrupted after (\d+) of 300 files; (\d+) written$", text(err), re.M)
    assert match, text(err)
    done, written = int(match[1]), int(match[2])
    migrated = _migrated(expected)
    assert 0 < written == migrated <= done < 300  # every file written is accounted for
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["interrupted"] is True
    assert report["totals"]["changed"] == written and len(report["files"]) == done
    changed = {Path(f["path"]) for f in report["files"] if f["status"] == "changed"}
    assert changed == {p for p, (_o, new) in expected.items() if p.read_bytes() == new}
    assert json.loads((tmp_path / "map.json").read_text()) == {}
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def test_a_complete_run_reports_it_was_not_interrupted(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(OP_SCOPE_SRC)
    proc = run_cli("--report", str(tmp_path / "r.json"), str(tmp_path / "m.py"))
    assert proc.returncode == 0
    assert json.loads((tmp_path / "r.json").read_text())["interrupted"] is False


def test_kill_9_leaves_no_report_at_all(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    expected = make_migration_tree(tree, 300, helpers=200)
    proc = _start(tmp_path, tree, "-j", "2")
    _wait_until_mid_run(expected, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    time.sleep(0.5)  # orphaned workers are told to stop (PR_SET_PDEATHSIG)
    assert not (tmp_path / "report.json").exists() and not (tmp_path / "map.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tree"]
    _migrated(expected)
