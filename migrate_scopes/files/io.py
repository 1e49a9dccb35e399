"""Read a file's bytes; replace a file atomically, refusing if it changed meanwhile."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import secrets
import signal
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass

# Prefix/suffix of the short-lived name a new file version gets before it replaces the original.
TEMP_PREFIX = "."
TEMP_SUFFIX = ".migrate-scopes.tmp"
#: Exactly the names `_temp_name` makes; nothing else is ever removed as a stale temporary.
TEMP_NAME = re.compile(r"\A\.[0-9a-f]{16}\.migrate-scopes\.tmp\Z")
#: A temporary whose name is older than this was left by a killed run (ours live milliseconds).
STALE_TEMP_SECONDS = 3600

#: Test hook: when set to a directory, a write creates `paused` there just before the
#: replace and waits for `resume`, so a test can edit the file at that exact moment.
PAUSE_BEFORE_REPLACE_ENV = "MIGRATE_SCOPES_TEST_PAUSE_BEFORE_REPLACE"


class WriteRefused(Exception):
    """The file was left as it was; the message says why (shown after `path: error: `)."""


class FileChangedError(WriteRefused):
    """The file on disk is no longer the one we read; we must not overwrite it."""


class NotRegularFileError(OSError):
    """A FIFO, socket, device, ...: never opened for a blocking read, never migrated."""

    def __init__(self, path: str):
        super().__init__(errno.EINVAL, "not a regular file", path)


@dataclass(frozen=True)
class SourceFile:
    path: str
    data: bytes
    mode: int


def read_source(path: str) -> SourceFile:
    """Read every byte of a regular file (following a link only if the caller resolved it).

    Anything else is refused before it is opened (a FIFO would block the run forever),
    and checked again on the descriptor, in case the path was swapped meanwhile.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFileError(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(path)
        data = _read_all(fd, st.st_size)
    finally:
        os.close(fd)
    return SourceFile(path=path, data=data, mode=stat.S_IMODE(st.st_mode))


def _read_all(fd: int, size_hint: int) -> bytes:
    chunks = []
    while True:
        chunk = os.read(fd, max(size_hint, 1 << 16))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _pread_all(fd: int) -> bytes:
    """Every byte of the file behind `fd`, whatever its offset."""
    chunks, offset = [], 0
    while True:
        chunk = os.pread(fd, 1 << 20, offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


def _open_current(path: str) -> int | None:
    """A descriptor on the regular file now at `path`, or None (gone, a link, not a file)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, flags)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


#: Signals held back while a file is being replaced, so Ctrl-C, a terminated worker or a
#: dying parent never interrupts a replace half-way (SIGKILL cannot be held back).
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def atomic_write(original: SourceFile, new_data: bytes) -> None:
    """See `_atomic_write`; runs with termination signals held back."""
    if not hasattr(signal, "pthread_sigmask"):
        return _atomic_write(original, new_data)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        _atomic_write(original, new_data)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _atomic_write(original: SourceFile, new_data: bytes) -> None:
    """Replace `original.path` by `new_data` so that any reader, or a crash at any moment,
    sees either the old bytes or the new ones, never a mix. The new file keeps the old
    one's permission bits, owner, group and extended attributes.

    Raises WriteRefused, and leaves the file alone, if it is read-only, has other hard
    links (a replace would split them), or no longer holds the bytes we read (someone
    edited it, or another run already replaced it with something else) — including an
    edit that lands while the replace is under way.
    """
    path = original.path
    directory = os.path.dirname(path) or "."
    old_fd = _open_current(path)
    if old_fd is None:
        raise FileChangedError("file changed on disk while it was being migrated; not written")
    try:
        old = os.fstat(old_fd)
        current = _pread_all(old_fd)
        if current == new_data:
            return  # a concurrent run already wrote exactly this
        if current != original.data:
            raise FileChangedError("file changed on disk while it was being migrated; not written")
        _refuse_unsafe_replace(path, old)
        new_fd, temp_name = _write_temp(directory, new_data, old_fd, old)
        if temp_name is None:
            # The anonymous file gets a name only now, just before the replace, so even
            # `kill -9` practically never leaves it behind.
            temp_name = _link_anonymous(new_fd, directory)
            if temp_name is None:  # this filesystem cannot name an anonymous file: fall back
                os.close(new_fd)
                new_fd, temp_name = _write_temp(directory, new_data, old_fd, old)
        assert temp_name is not None
        try:
            try:
                _pause_for_tests()
            except BaseException:
                _remove(temp_name)
                raise
            _replace_checked(temp_name, path, old_fd, old, original.data, new_fd, new_data)
        finally:
            os.close(new_fd)
        _fsync_directory(directory)
    finally:
        os.close(old_fd)


def _refuse_unsafe_replace(path: str, old: os.stat_result) -> None:
    if stat.S_IMODE(old.st_mode) & 0o222 == 0 or not _may_write(path):
        # Root may replace anything; a file nobody may write (a read-only checkout,
        # Perforce) says it must not change.
        raise WriteRefused("read-only, not written")
    if old.st_nlink > 1:
        # A replace would give this name a new file while the other names keep the old
        # text; writing in place would lose the all-or-nothing guarantee. Say so instead.
        raise WriteRefused(
            f"has {old.st_nlink} hard links; not written (replacing it would separate this name "
            "from the others; migrate a copy or break the links first)"
        )


def _may_write(path: str) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _write_temp(directory: str, data: bytes, old_fd: int, old: os.stat_result) -> tuple[int, str | None]:
    """A new file in `directory` holding `data`, with the original's owner, group, extended
    attributes and mode: nameless (O_TMPFILE), or named where the filesystem cannot make
    one. Returns its descriptor and, for the named fallback, its name."""
    fd, name = _open_anonymous(directory), None
    if fd is None:
        fd, name = _create_named(directory)
    try:
        _write_all(fd, data)
        _copy_metadata(old_fd, old, fd)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        if name is not None:
            _remove(name)
        raise
    return fd, name


def _copy_metadata(old_fd: int, old: os.stat_result, fd: int) -> None:
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except PermissionError:
            raise WriteRefused("cannot keep its owner and group; not written") from None
    for name in _xattr_names(old_fd):
        value = os.getxattr(old_fd, name)
        try:
            os.setxattr(fd, name, value)
        except OSError:
            with contextlib.suppress(OSError):
                if os.getxattr(fd, name) == value:
                    continue  # already there (a security label the system set by itself)
            raise WriteRefused(f"cannot keep the extended attribute {name}; not written") from None
    os.fchmod(fd, stat.S_IMODE(old.st_mode))  # last: fchown clears set-user-ID bits


def _xattr_names(fd: int) -> list[str]:
    if not hasattr(os, "listxattr"):
        return []
    try:
        return os.listxattr(fd)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return []
        raise


def _replace_checked(
    temp_name: str, path: str, old_fd: int, old: os.stat_result, old_data: bytes, new_fd: int,
    new_data: bytes,
) -> None:
    """Put `temp_name` at `path`, then make sure the file it replaced was still exactly the
    one we read; if it was not (an edit landed in between), put that version back.

    With RENAME_EXCHANGE the replaced file is never deleted before it has been checked,
    whatever reached `path` (an in-place edit or an editor's own rename). Removes
    `temp_name` whatever happens, unless it holds a version someone else wrote.
    """
    try:
        exchanged = _rename_exchange(temp_name, path)
    except BaseException:
        _remove(temp_name)
        raise
    if not exchanged:
        _replace_then_check(temp_name, path, old_fd, old, old_data, new_fd)
        return
    # temp_name now holds whatever was at `path` a moment ago.
    if (_is_inode(temp_name, old) and _unchanged(old_fd, old, old_data)) or _holds(temp_name, new_data):
        _remove(temp_name)  # the file we read, untouched; or another run's identical result
        return
    try:
        _rename_exchange(temp_name, path)  # the user's version goes back
    except OSError:
        raise FileChangedError(
            f"changed on disk while being written; not migrated (the other version is kept as {temp_name})"
        ) from None
    if not _is_inode(temp_name, os.fstat(new_fd)):
        # Yet another version arrived in between: keep both rather than guess.
        raise FileChangedError(
            f"changed on disk while being written; not migrated (another version is kept as {temp_name})"
        )
    _remove(temp_name)
    raise FileChangedError("changed on disk while being written; not migrated")


def _replace_then_check(
    temp_name: str, path: str, old_fd: int, old: os.stat_result, old_data: bytes, new_fd: int
) -> None:
    """Without RENAME_EXCHANGE: replace, then restore the old file if it was written to
    (an editor's own rename landing in the gap is not caught here)."""
    try:
        os.replace(temp_name, path)
    except BaseException:
        _remove(temp_name)
        raise
    if _unchanged(old_fd, old, old_data):
        return
    back = _link_anonymous(old_fd, os.path.dirname(path) or ".")
    if back is None:
        fd, back = _create_named(os.path.dirname(path) or ".")
        try:
            _write_all(fd, _pread_all(old_fd))
            _copy_metadata(old_fd, os.fstat(old_fd), fd)
        finally:
            os.close(fd)
    if _is_inode(path, os.fstat(new_fd)):
        os.replace(back, path)
        raise FileChangedError("changed on disk while being written; not migrated")
    raise FileChangedError(f"changed on disk while being written; not migrated (kept as {back})")


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _holds(path: str, data: bytes) -> bool:
    fd = _open_current(path)
    if fd is None:
        return False
    try:
        return _pread_all(fd) == data
    finally:
        os.close(fd)


def _is_inode(path: str, st: os.stat_result) -> bool:
    try:
        now = os.lstat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino)


def _unchanged(fd: int, before: os.stat_result, data: bytes) -> bool:
    """Was the file behind `fd` left exactly as it was when we read `data`?"""
    now = os.fstat(fd)
    return now.st_size == len(data) and now.st_mtime_ns == before.st_mtime_ns and _pread_all(fd) == data


def _pause_for_tests() -> None:
    where = os.environ.get(PAUSE_BEFORE_REPLACE_ENV)
    if not where:
        return
    with open(os.path.join(where, "paused"), "w"):
        pass
    deadline = time.monotonic() + 60
    while not os.path.exists(os.path.join(where, "resume")) and time.monotonic() < deadline:
        time.sleep(0.01)


# --- anonymous temporary files ------------------------------------------------------

_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400
_RENAME_EXCHANGE = 2

#: Set once the kernel or filesystem refused a call, so later writes skip it.
_unsupported: set[str] = set()


@functools.lru_cache(maxsize=1)
def _libc():  # type: ignore[no-untyped-def]
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _open_anonymous(directory: str, access: int = os.O_WRONLY) -> int | None:
    o_tmpfile = getattr(os, "O_TMPFILE", 0)
    if not o_tmpfile or "tmpfile" in _unsupported or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, o_tmpfile | access | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.ENOTSUP, errno.EISDIR, errno.EINVAL):
            _unsupported.add("tmpfile")  # filesystem without O_TMPFILE support: use a named file
        return None


def _create_named(directory: str) -> tuple[int, str]:
    while True:
        name = _temp_name(directory)
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue


def _temp_name(directory: str) -> str:
    return os.path.join(directory, f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")


def _link_anonymous(fd: int, directory: str) -> str | None:
    """Give the file behind `fd` a (new) name in `directory` and return it; None where
    the kernel or filesystem refuses.

    `os.link("/proc/self/fd/N", ...)` calls link(2), which does not follow the magic link
    and fails with EXDEV; linkat(2) with AT_SYMLINK_FOLLOW does, without privileges.
    """
    import ctypes

    libc = _libc()

    source = f"/proc/self/fd/{fd}".encode()
    while True:
        name = _temp_name(directory)
        if libc.linkat(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(name), _AT_SYMLINK_FOLLOW) == 0:
            return name
        if ctypes.get_errno() != errno.EEXIST:
            _unsupported.add("tmpfile")
            return None


def _rename_exchange(a: str, b: str) -> bool:
    """Atomically swap two names (renameat2 RENAME_EXCHANGE); False where unsupported."""
    if "exchange" in _unsupported:
        return False
    try:
        libc = _libc()
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        _unsupported.add("exchange")
        return False
    import ctypes

    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        _unsupported.add("exchange")
        return False
    raise OSError(err, os.strerror(err), b)


class AtomicOutput:
    """A text file (a report, a map) that appears complete or not at all.

    Written nameless in the target's directory; `close()` names it and moves it into
    place, so an interrupted or killed run leaves the previous file, or none, never a
    truncated one. `discard()` drops it.
    """

    def __init__(self, path: str):
        self.path = path
        self._directory = os.path.dirname(path) or "."
        self._fd, self._name = _open_anonymous(self._directory, os.O_RDWR), None
        if self._fd is None:
            self._fd, self._name = _create_named(self._directory)
        self._stream = open(self._fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115

    def write(self, text: str) -> int:
        return self._stream.write(text)

    def close(self) -> None:
        """Commit: the file appears at `path`, whole."""
        if self._fd < 0:
            return
        self._stream.close()
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(self._fd, 0o666 & ~umask)  # as open() would have created it
        os.fsync(self._fd)
        name = self._name or _link_anonymous(self._fd, self._directory)
        if name is None:  # the filesystem cannot name an anonymous file: copy it to a named one
            fd, name = _create_named(self._directory)
            try:
                _write_all(fd, _pread_all(self._fd))
                os.fchmod(fd, 0o666 & ~umask)
                os.fsync(fd)
            finally:
                os.close(fd)
        try:
            os.replace(name, self.path)
        except BaseException:
            _remove(name)
            raise
        finally:
            self._release()
        _fsync_directory(self._directory)

    def discard(self) -> None:
        if self._fd >= 0:
            self._stream.close()
            if self._name is not None:
                _remove(self._name)
            self._release()

    def _release(self) -> None:
        os.close(self._fd)
        self._fd = -1


def remove_stale_temporaries(paths: Iterable[str], now: float | None = None) -> list[str]:
    """Remove temporaries of our own naming left by a killed run; returns those removed.

    Only exact `TEMP_NAME` matches, regular files, named more than STALE_TEMP_SECONDS ago
    (ctime: linking or renaming a file sets it, so a live run's temporary is always young).
    """
    now = time.time() if now is None else now
    removed = []
    for path in paths:
        if not TEMP_NAME.match(os.path.basename(path)):
            continue
        try:
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and now - st.st_ctime > STALE_TEMP_SECONDS:
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_directory(directory: str) -> None:
    # Make the rename itself durable; not every platform can open a directory.
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
