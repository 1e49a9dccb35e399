"""One job per file: read -> pre-filter -> migrate (the pure core) -> verify -> write or diff.

Workers return a small `FileOutcome`; results come back in path order whatever the
number of jobs. Nothing here touches the terminal.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any

from migrate_scopes.config import Config
from migrate_scopes.files import (
    DecodeError,
    NotRegularFileError,
    SourceFile,
    WriteRefused,
    atomic_write,
    decode_source,
    encode_source,
    read_source,
)
from migrate_scopes.migrate.containers import DiffView
from migrate_scopes.migrate.result import (
    Finding,
    MigrationError,
    MigrationOptions,
    MigrationResult,
    Rewrite,
)
from migrate_scopes.outcome import FileOutcome, Mode, Status

#: Below this many files the cost of starting worker processes outweighs the gain.
MIN_FILES_FOR_WORKERS = 16

BUG_REPORT = "this is a bug in migrate-scopes; please report it, with the file if you can"


@dataclass(frozen=True)
class JobSettings:
    """Everything one file's job needs; files governed by different configurations differ."""

    mode: Mode = Mode.WRITE
    options: MigrationOptions = field(default_factory=MigrationOptions)
    #: How --diff shows a file (its container knows the views).
    diff_view: DiffView = DiffView.PATCH
    #: The configuration governing the file, command-line flags applied.
    config: Config = field(default_factory=Config)

    @classmethod
    def for_config(cls, mode: Mode, config: Config, diff_view: DiffView = DiffView.PATCH) -> JobSettings:
        # Every configuration key that names a migration option passes through (None: the default).
        values = {f.name: getattr(config, f.name) for f in fields(MigrationOptions) if hasattr(config, f.name)}
        values = {name: value for name, value in values.items() if value is not None}
        if "passes" in values:
            values["passes"] = frozenset(values["passes"])
        return cls(mode=mode, options=MigrationOptions(**values), diff_view=diff_view, config=config)


def may_need_migration(data: bytes) -> bool:
    from migrate_scopes.migrate.prefilter import may_need_migration as prefilter

    return prefilter(data)


def verify_output(result: MigrationResult, path: str) -> str | None:
    """Why the new text must not be written, or None."""
    if not result.changed:
        return None
    from migrate_scopes.migrate.containers import container_of

    try:
        container_of(result).verify(result, path)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"the migrated text does not parse ({exc}); not written: {BUG_REPORT}"
    return None


def _location(exc: MigrationError) -> str:
    if exc.line is None or f"line {exc.line}" in exc.message:
        return ""
    return f" (line {exc.line}" + (f", column {exc.col})" if exc.col is not None else ")")


def migrate_bytes(path: str, data: bytes, settings: JobSettings) -> tuple[FileOutcome, bytes]:
    """Migrate one file's bytes; returns the outcome and the bytes to write (or the old ones)."""
    outcome = FileOutcome(path=path)
    if not may_need_migration(data):
        return outcome, data
    from migrate_scopes.migrate.containers import container_for

    container = container_for(path)
    try:
        decoded = decode_source(data, encoding=container.ENCODING)
        result = container.migrate(decoded.text, settings.options)
        new_data = encode_source(result.code, decoded.encoding) if result.changed else data
    except DecodeError as exc:
        return _unreadable(outcome, str(exc), data), data
    except MigrationError as exc:
        return _unreadable(outcome, exc.message + _location(exc), data), data
    except (RecursionError, MemoryError):
        return _unreadable(outcome, "too deeply nested to migrate", data), data
    outcome.dialect = result.dialect
    outcome.findings = sorted(result.findings, key=_order)
    outcome.rewrites = sorted(result.rewrites, key=_order)
    outcome.renames = list(result.renames)
    problem = verify_output(result, path)
    if problem:
        return _failed(outcome, problem), data
    if result.changed:
        outcome.status = Status.CHANGED
        if settings.mode == Mode.DIFF:
            outcome.diff, outcome.diff_encoding = container.diff(path, result, decoded.encoding, settings.diff_view)
    return outcome, new_data


def _order(item: Finding | Rewrite) -> tuple[int, int, int, str, str]:
    return (item.cell or 0, item.line, item.col, item.code, item.message)


def _unreadable(outcome: FileOutcome, reason: str, data: bytes) -> FileOutcome:
    """A file that names no deprecated scope was read only to be linted: that it cannot be
    read is a warning, not a failure of the migration."""
    if b"op_scope" in data:  # also matches variable_op_scope
        return _failed(outcome, reason)
    outcome.warning = f"not linted: {reason}"
    return outcome


def _failed(outcome: FileOutcome, reason: str) -> FileOutcome:
    outcome.status = Status.ERROR
    outcome.error = reason
    return outcome


def process_file(path: str, settings: JobSettings) -> FileOutcome:
    """The whole job for one file; never raises (any failure becomes an error outcome)."""
    try:
        try:
            source: SourceFile = read_source(path)
        except FileNotFoundError:
            return _failed(FileOutcome(path=path), "file vanished before it could be read")
        except NotRegularFileError:
            return _failed(FileOutcome(path=path), "not a regular file")
        except OSError as exc:
            return _failed(FileOutcome(path=path), f"cannot read: {exc.strerror or exc}")
        outcome, new_data = migrate_bytes(path, source.data, settings)
        if outcome.status == Status.CHANGED and settings.mode == Mode.WRITE:
            try:
                atomic_write(source, new_data)
            except WriteRefused as exc:
                return _failed(outcome, str(exc))
            except OSError as exc:
                return _failed(outcome, f"cannot write: {exc.strerror or exc}")
        return outcome
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the run
        return _failed(FileOutcome(path=path), f"internal error ({type(exc).__name__}: {exc}); {BUG_REPORT}")


#: Set in a worker by SIGTERM (from the parent after an interrupt, or from the process
#: group): finish the file at hand, report it, start no other.
_stop_requested = False


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def stop(signum: int, frame: object) -> None:
        # Never runs inside a replace: files.atomic_write holds SIGTERM back meanwhile.
        global _stop_requested
        if os.getppid() != parent:
            os._exit(1)  # the parent is gone (PR_SET_PDEATHSIG): nobody is left to report to
        _stop_requested = True

    signal.signal(signal.SIGTERM, stop)
    _die_with_parent()


def process_chunk(jobs: Sequence[tuple[str, JobSettings]]) -> list[FileOutcome]:
    """The outcomes of `jobs` (path, settings), in order; shorter if the worker was told to stop."""
    outcomes = []
    for path, settings in jobs:
        if _stop_requested:
            break
        outcomes.append(_process(path, settings))
    return outcomes


def _process(path: str, settings: JobSettings) -> FileOutcome:
    outcome = process_file(path, settings)
    outcome.config = settings.config.source
    return outcome


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent dies (even by `kill -9`).

    Without it, orphaned workers would keep waiting for work forever. SIGTERM (not
    SIGKILL) lets a worker finish the replace it may be doing (files.atomic_write).
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def chunk_size(n_files: int, jobs: int) -> int:
    """Big enough to amortise inter-process traffic, small enough to balance the load."""
    return max(1, min(16, n_files // (jobs * 16)))


def worker_count(n_files: int, jobs: int, mode: Mode) -> int:
    """Worker processes to start; 0 means work in this process.

    Files are always written from a worker: a worker holds termination signals back while
    it replaces a file and is told (SIGTERM) when we die, so even `kill -9` of this process
    cannot leave a half-done replace or a temporary file behind.
    """
    if n_files == 0:
        return 0
    workers = min(jobs, n_files) if jobs > 1 and n_files >= MIN_FILES_FOR_WORKERS else 0
    return max(workers, 1) if mode == Mode.WRITE else workers


class Run:
    """Outcomes in the order of `paths` (callers sort them), streamed as they complete.

    Iterate over it; after an interrupt (KeyboardInterrupt while iterating), `stop()`
    lets each worker finish the file at hand and returns the outcomes not yet seen, so
    the caller can account for every file that was written. `hold()` is entered while
    the caller handles each outcome (a signal arriving meanwhile is raised afterwards).
    """

    def __init__(
        self,
        jobs: list[tuple[str, JobSettings]],
        workers: int,
        hold: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
    ):
        self._jobs = jobs
        self._workers = workers
        self._hold = hold
        self._executor: Any = None
        self._futures: deque[Any] = deque()
        self._unseen: deque[FileOutcome] = deque()
        self._interrupted = False

    def __iter__(self) -> Iterator[FileOutcome]:
        if self._workers == 0:
            for path, settings in self._jobs:
                outcome = _process(path, settings)
                with self._hold():
                    yield outcome
            return
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        done = 0
        _warm_up(self._jobs[0][1].options)
        self._executor = ProcessPoolExecutor(self._workers, mp_context=_context(), initializer=_worker_init)
        size = chunk_size(len(self._jobs), self._workers)
        self._futures = deque(
            self._executor.submit(process_chunk, self._jobs[i : i + size]) for i in range(0, len(self._jobs), size)
        )
        try:
            while self._futures:
                self._unseen = deque(self._futures[0].result())
                self._futures.popleft()
                while self._unseen:
                    outcome = self._unseen.popleft()
                    done += 1
                    with self._hold():
                        yield outcome
        except BrokenProcessPool:
            # A worker died (a crash in native code): isolate each remaining file to name the culprit.
            self._futures.clear()
            for path, settings in self._jobs[done:]:
                outcome = _isolated(partial(_process, settings=settings), path)
                outcome.config = settings.config.source
                with self._hold():
                    yield outcome
        except KeyboardInterrupt:
            self._interrupted = True  # stop() shuts the workers down
            raise
        finally:
            if not self._interrupted:
                self._executor.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> list[FileOutcome]:
        """After an interrupt: the outcomes of the files finished but not yet seen."""
        outcomes = list(self._unseen)
        self._unseen.clear()
        if self._executor is None:
            return outcomes
        for future in self._futures:
            future.cancel()  # not started yet: never will be
        for process in list(getattr(self._executor, "_processes", {}).values()):
            with contextlib.suppress(OSError):
                os.kill(process.pid, signal.SIGTERM)  # finish the file at hand, then stop
        for future in self._futures:
            if not future.cancelled():
                with contextlib.suppress(Exception):
                    outcomes.extend(future.result())
        self._futures.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)
        return outcomes


def run(
    paths: Sequence[str],
    settings: JobSettings | Sequence[JobSettings],
    jobs: int,
    hold: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
) -> Run:
    """The run over `paths`; `settings` is one for all files, or one per file (in the order of `paths`)."""
    per_file = [settings] * len(paths) if isinstance(settings, JobSettings) else list(settings)
    if len(per_file) != len(paths):
        raise ValueError("one JobSettings per path")
    mode = per_file[0].mode if per_file else Mode.WRITE
    return Run(list(zip(paths, per_file)), worker_count(len(paths), jobs, mode), hold)


def _warm_up(options: MigrationOptions) -> None:
    """Import the core (and libcst) once here, so forked workers inherit it instead of
    each importing it again."""
    from migrate_scopes.migrate.containers import container_for

    try:
        container_for("warm_up.py").migrate("import tensorflow as tf\nwith tf.op_scope([x], 'n'):\n    pass\n", options)
    except Exception:  # noqa: BLE001 - only an optimisation; the workers will report real errors
        pass


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers in milliseconds and shares already-imported modules.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _isolated(job: partial[FileOutcome], path: str) -> FileOutcome:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, mp_context=_context(), initializer=_worker_init) as executor:
        try:
            return executor.submit(job, path).result()
        except BrokenProcessPool:
            return _failed(FileOutcome(path=path), f"the worker process crashed on this file; {BUG_REPORT}")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
