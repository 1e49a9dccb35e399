"""Writes that respect the file system, and a run that never hangs or skips silently.

Everything here is done for real: chmod, chown, hard links, extended attributes, FIFOs,
directories an unprivileged user cannot list, an edit racing the replace.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_support import EXE, OP_SCOPE_DST, OP_SCOPE_SRC, assert_no_traceback, run_cli, text
from migrate_scopes.files import atomic_write, io, read_source, remove_stale_temporaries

TEMP_SUFFIX = ".migrate-scopes.tmp"


def _no_temporaries(directory: Path) -> bool:
    return not [p for p in directory.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


# --- read-only files, owner and group, hard links, extended attributes ----------------


def test_read_only_file_is_not_replaced_even_as_root(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(OP_SCOPE_SRC)
    path.chmod(0o444)
    (tmp_path / "ok.py").write_text(OP_SCOPE_SRC)
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 2
    assert f"{path}: error: read-only, not written\n" in text(proc.stderr)
    assert path.read_text() == OP_SCOPE_SRC and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert (tmp_path / "ok.py").read_text() == OP_SCOPE_DST
    assert "1 call rewritten" in text(proc.stderr)  # the refused file's call is not counted


def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(OP_SCOPE_SRC)
    uid, gid = 65534, 65533  # not ours, and two different ids so a swap would show
    try:
        os.chown(path, uid, gid)
    except PermissionError:
        pytest.skip("this test needs to chown a file to another user")
    path.chmod(0o640)
    proc = run_cli(str(path))
    assert proc.returncode == 0, text(proc.stderr)
    assert path.read_text() == OP_SCOPE_DST
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, 0o640)


def test_set_group_id_bit_survives_the_chown(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(OP_SCOPE_SRC)
    try:
        os.chown(path, 65534, 65534)
    except PermissionError:
        pytest.skip("this test needs to chown a file to another user")
    path.chmod(0o2755)
    assert run_cli(str(path)).returncode == 0
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o2755)


def test_a_hard_linked_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(OP_SCOPE_SRC)
    other = tmp_path / "elsewhere.txt"
    os.link(path, other)
    proc = run_cli(str(path))
    assert proc.returncode == 2
    assert f"{path}: error: has 2 hard links; not written" in text(proc.stderr)
    assert path.read_text() == other.read_text() == OP_SCOPE_SRC
    assert path.stat().st_ino == other.stat().st_ino and path.stat().st_nlink == 2
    assert _no_temporaries(tmp_path)


def test_extended_attributes_survive_a_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(OP_SCOPE_SRC)
    try:
        os.setxattr(path, "user.origin", b"vendor drop 7")
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            pytest.skip("this filesystem refuses extended attributes")
        raise
    proc = run_cli(str(path))
    assert proc.returncode == 0, text(proc.stderr)
    assert path.read_text() == OP_SCOPE_DST
    assert os.getxattr(path, "user.origin") == b"vendor drop 7"


# --- anonymous temporary files, stale temporaries ---------------------------------------


def test_the_anonymous_temporary_file_is_really_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this platform")

    def no_named_file(directory: str) -> tuple[int, str]:
        raise AssertionError("fell back to a named temporary file")

    monkeypatch.setattr(io, "_create_named", no_named_file)
    path = tmp_path / "m.py"
    path.write_bytes(b"old\n")
    for i in range(3):  # and again: a refusal must not be remembered either
        atomic_write(read_source(str(path)), b"new %d\n" % i)
        assert path.read_bytes() == b"new %d\n" % i
    assert os.listdir(tmp_path) == ["m.py"]


def test_stale_temporaries_of_our_naming_are_removed(tmp_path: Path) -> None:
    ours = tmp_path / ".0123456789abcdef.migrate-scopes.tmp"
    not_ours = [tmp_path / ".notours.migrate-scopes.tmp", tmp_path / "0123456789abcdef.migrate-scopes.tmp",
                tmp_path / ".0123456789ABCDEF.migrate-scopes.tmp"]
    for path in [ours, *not_ours]:
        path.write_bytes(b"left by a killed run")
    directory = tmp_path / ".fedcba9876543210.migrate-scopes.tmp"
    directory.mkdir()  # not a regular file: never removed
    candidates = [str(p) for p in tmp_path.iterdir()]
    assert remove_stale_temporaries(candidates) == []  # young: maybe a live run's
    later = time.time() + io.STALE_TEMP_SECONDS + 60
    assert remove_stale_temporaries(candidates, now=later) == [str(ours)]
    assert not ours.exists() and all(p.exists() for p in not_ours) and directory.is_dir()


def test_a_run_over_a_directory_removes_its_stale_temporaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migrate_scopes.cli.run import RunRequest, run_paths

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(OP_SCOPE_SRC)
    stale = tmp_path / "pkg" / ".0123456789abcdef.migrate-scopes.tmp"
    stale.write_bytes(b"x")
    other = tmp_path / "pkg" / ".notours.migrate-scopes.tmp"
    other.write_bytes(b"x")
    monkeypatch.setattr(io, "STALE_TEMP_SECONDS", -1.0)  # everything counts as old
    request = RunRequest(paths=[str(tmp_path)], mode="check", jobs=1, quiet=True)
    run_paths(request)
    assert stale.exists()  # --check writes nothing, removes nothing
    run_paths(RunRequest(**{**request.__dict__, "mode": "write"}))
    assert not stale.exists() and other.exists()
    assert (tmp_path / "pkg" / "m.py").read_text() == OP_SCOPE_DST


# --- an edit landing between the last check and the replace -------------------------------


def _start_paused_run(tmp_path: Path, path: Path) -> tuple[subprocess.Popen, Path]:
    hook = tmp_path / "hook"
    hook.mkdir()
    env = {**os.environ, io.PAUSE_BEFORE_REPLACE_ENV: str(hook)}
    proc = subprocess.Popen([EXE, "-j1", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while not (hook / "paused").exists():
        assert proc.poll() is None, text(proc.communicate()[1])
        assert time.monotonic() < deadline, "the run never reached the replace"
        time.sleep(0.01)
    return proc, hook


def _edit_in_place(path: Path, data: bytes) -> None:
    with open(path, "r+b") as handle:  # same inode, as `echo >>` or many editors do
        handle.write(data)
        handle.truncate()


def _edit_by_rename(path: Path, data: bytes) -> None:
    new = path.with_name(path.name + ".swp")  # as vim, VS Code and git checkout do
    new.write_bytes(data)
    os.replace(new, path)


@pytest.mark.parametrize("edit", [_edit_in_place, _edit_by_rename], ids=["in-place", "rename"])
def test_an_edit_landing_just_before_the_replace_is_never_lost(tmp_path: Path, edit) -> None:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "m.py"
    path.write_text(OP_SCOPE_SRC)
    proc, hook = _start_paused_run(tmp_path, path)
    users_version = OP_SCOPE_SRC.encode() + b"# saved by the user while the run was writing\n"
    edit(path, users_version)
    (hook / "resume").touch()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, text(err)
    assert f"{path}: error: changed on disk while being written; not migrated\n" in text(err)
    assert path.read_bytes() == users_version
    assert "0 calls rewritten" in text(err)
    assert sorted(os.listdir(src)) == ["m.py"]


def test_without_an_edit_the_paused_run_migrates(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "m.py"
    path.write_text(OP_SCOPE_SRC)
    proc, hook = _start_paused_run(tmp_path, path)
    (hook / "resume").touch()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, text(err)
    assert path.read_text() == OP_SCOPE_DST and sorted(os.listdir(src)) == ["m.py"]


def test_in_place_edit_is_put_back_without_rename_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the kernel cannot swap two names, the old inode is checked after the replace."""
    monkeypatch.setattr(io, "_unsupported", {"exchange"})
    hook = tmp_path / "hook"
    hook.mkdir()
    monkeypatch.setenv(io.PAUSE_BEFORE_REPLACE_ENV, str(hook))
    src = tmp_path / "src"
    src.mkdir()
    path = src / "m.py"
    path.write_bytes(b"old\n")
    source = read_source(str(path))
    failure: list[BaseException] = []

    def write() -> None:
        try:
            atomic_write(source, b"new\n")
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            failure.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    deadline = time.monotonic() + 30
    while not (hook / "paused").exists():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    _edit_in_place(path, b"old, edited\n")
    (hook / "resume").touch()
    writer.join(30)
    assert failure and "changed on disk while being written; not migrated" in str(failure[0])
    assert path.read_bytes() == b"old, edited\n"
    assert sorted(os.listdir(src)) == ["m.py"]


# --- FIFOs and other files that are not regular ---------------------------------------------


@pytest.mark.parametrize("mode", [[], ["--check"], ["--diff"]], ids=["write", "check", "diff"])
def test_a_fifo_named_or_found_is_an_error_and_the_run_goes_on(tmp_path: Path, mode: list[str]) -> None:
    fifo = tmp_path / "a.py"
    os.mkfifo(fifo)
    good = tmp_path / "b.py"
    good.write_text(OP_SCOPE_SRC)
    sub = tmp_path / "pkg"
    sub.mkdir()
    os.mkfifo(sub / "c.py")
    (sub / "d.py").write_text(OP_SCOPE_SRC)
    proc = run_cli(*mode, str(fifo), str(good), str(sub), timeout=60)  # a blocking open would hang
    assert_no_traceback(proc)
    err = text(proc.stderr)
    assert proc.returncode == 2, err
    assert f"{fifo}: error: not a regular file\n" in err
    assert f"{sub / 'c.py'}: error: not a regular file\n" in err
    if mode == ["--diff"]:
        assert text(proc.stdout).count("diff --git") == 2
    expected = OP_SCOPE_DST if not mode else OP_SCOPE_SRC
    assert good.read_text() == (sub / "d.py").read_text() == expected
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_read_source_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "a.py"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        read_source(str(fifo))


# --- unlistable directories and paths too long, as an unprivileged user --------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A directory an unprivileged user can reach (pytest's own is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="migrate-scopes-test-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for top, dirs, _files, top_fd in os.fwalk(path):  # descriptors: paths may be too long
            for name in dirs:
                os.chmod(name, 0o755, dir_fd=top_fd)
        shutil.rmtree(path)


def _as_ordinary_user(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI without the privilege to read what its permissions forbid.

    As root: as `nobody` if that user can run this Python, else as root without
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (what makes root read anything).
    """
    assert EXE
    if os.geteuid() != 0:
        return run_cli(*args)
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root's privileges"
    as_nobody = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable, "-m",
                 "migrate_scopes"]
    if subprocess.run([*as_nobody, "--version"], capture_output=True).returncode == 0:
        command = as_nobody
    else:  # this Python is out of nobody's reach
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", EXE]
    return subprocess.run([*command, *args], capture_output=True, timeout=120)


@pytest.mark.parametrize("check", [False, True], ids=["write", "check"])
def test_an_unlistable_directory_is_an_error(shared_tmp: Path, check: bool) -> None:
    pkg = shared_tmp / "pkg"
    secret = pkg / "secret"
    secret.mkdir(parents=True)
    (secret / "model.py").write_text(OP_SCOPE_SRC)
    (pkg / "migrated.py").write_text(OP_SCOPE_DST)
    for path in (pkg / "migrated.py", secret / "model.py"):
        path.chmod(0o666)
    pkg.chmod(0o777)
    secret.chmod(0)
    proc = _as_ordinary_user(*(["--check"] if check else []), str(pkg))
    err = text(proc.stderr)
    assert proc.returncode == 2, err
    assert f"{secret}: error: cannot list directory: Permission denied\n" in err
    assert "1 file scanned" in err and "1 error" in err
    secret.chmod(0o755)
    assert (secret / "model.py").read_text() == OP_SCOPE_SRC


def test_a_path_longer_than_the_system_allows_is_an_error(shared_tmp: Path) -> None:
    limit = os.pathconf(shared_tmp, "PC_PATH_MAX")
    part = "d" * 200
    here = str(shared_tmp)
    depth = 0
    os.chdir(shared_tmp)  # build it relative: the full path cannot be passed to mkdir
    try:
        while len(here) <= limit:
            os.mkdir(part)
            os.chdir(part)
            here = os.path.join(here, part)
            depth += 1
        Path("deep.py").write_text(OP_SCOPE_SRC)
    finally:
        os.chdir("/")
    for check in ([], ["--check"]):
        proc = run_cli(*check, str(shared_tmp))
        err = text(proc.stderr)
        assert proc.returncode == 2, err
        assert "error: path longer than the system allows\n" in err or \
            "error: cannot list directory: path longer than the system allows\n" in err, err
        assert depth > 1
