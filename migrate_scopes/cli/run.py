"""Drive one run: discover files, run the per-file jobs, print diffs, report, pick the exit status."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from migrate_scopes.config import Config, ConfigError, ConfigResolver, overridden
from migrate_scopes.outcome import ExitStatus, FileOutcome, Mode, Status
from migrate_scopes.migrate.containers import DiffView
from migrate_scopes.pipeline import JobSettings

if TYPE_CHECKING:
    from migrate_scopes.report import Totals


@dataclass(frozen=True)
class RunRequest:
    paths: list[str]
    mode: Mode
    #: Finds the configuration governing each file (or reads --config for all).
    resolver: ConfigResolver = field(default_factory=ConfigResolver)
    #: Command-line flags: they win over every file's configuration.
    overrides: Config = field(default_factory=Config)
    #: --config FILE, if given.
    config_file: str | None = None
    jobs: int = 0  # 0: one per CPU
    excludes: tuple[str, ...] = ()
    force_exclude: bool = False
    notebook_diff: DiffView = DiffView.PATCH
    checkpoint_map: str | None = None
    report: str | None = None
    markdown: str | None = None
    github: bool = False
    color_stderr: bool = False
    color_stdout: bool = False
    quiet: bool = False
    stdin_filename: str = "-"
    #: --check --diff: print the diff of what --check finds.
    show_diff: bool = False

    @property
    def job_mode(self) -> Mode:
        return Mode.DIFF if self.show_diff or self.mode == Mode.DIFF else self.mode


class Sink(Protocol):
    """Receives each outcome of a run (`report/` holds them all)."""

    def file_done(self, outcome: FileOutcome) -> None: ...
    def path_error(self, path: str, reason: str) -> None: ...
    #: At the end (also after an interrupt); may count an error in `totals` (an output not written).
    def finish(self, totals: Totals, interrupted: bool = False) -> None: ...


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: stop after the files at hand, say what was done, exit 128 + signal."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class Interrupts:
    """While entered, SIGINT and SIGTERM raise Interrupted, except inside `hold()` (an
    outcome being accounted for), which raises it on leaving. Only the first counts:
    later ones must not break the orderly stop."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._holding = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]

    def _handler(self, signum: int, frame: object) -> None:
        if self.signum is not None:
            return
        self.signum = signum
        if not self._holding:
            raise Interrupted(signum)

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        if self.signum is not None:
            raise Interrupted(self.signum)

    def exit_status(self) -> int:
        return 128 + (self.signum or signal.SIGINT)


def exit_status(errors: int, changed: int, mode: Mode, manual: int = 0) -> ExitStatus:
    """`manual`: deprecated calls left for hand work; --check fails on them as on pending rewrites."""
    if errors:
        return ExitStatus.ERROR
    return ExitStatus.CHANGES if mode == Mode.CHECK and (changed or manual) else ExitStatus.OK


class PerFileSettings:
    """Each file's settings, from the configuration that governs it; built once per configuration."""

    def __init__(self, request: RunRequest):
        self._request = request
        self._settings: dict[Config, JobSettings] = {}
        self._excludes: dict[Config, tuple] = {}
        self._real_directories: dict[str, str] = {}

    def for_file(self, path: str) -> JobSettings:
        # The real directory, as discovery uses for excludes: a symlinked directory follows its
        # target's tree. Resolved once per directory (realpath costs a system call per component).
        directory = os.path.dirname(path) or "."
        if directory not in self._real_directories:
            self._real_directories[directory] = os.path.realpath(directory)
        config = self._request.resolver.for_directory(self._real_directories[directory])
        if config not in self._settings:
            self._settings[config] = JobSettings.for_config(
                self._request.job_mode, overridden(config, self._request.overrides), self._request.notebook_diff
            )
        return self._settings[config]

    def excludes_for(self, directory: str) -> tuple:
        """The `exclude` globs of the configuration governing `directory`, relative to its file."""
        from migrate_scopes.discover import Excludes

        config = self._request.resolver.for_directory(directory)
        if config not in self._excludes:
            has = bool(config.exclude and config.source)
            self._excludes[config] = (Excludes(config.exclude, os.path.dirname(config.source)),) if has else ()
        return self._excludes[config]


def run_options(request: RunRequest) -> dict:
    """The run's options for the JSON report: the command line as given (None: not given, each
    file's configuration decides; the report names that file per file)."""
    from dataclasses import fields

    flags = {f.name: getattr(request.overrides, f.name) for f in fields(Config) if f.name not in ("source", "exclude")}
    return {
        "paths": list(request.paths),
        "config": request.config_file,
        **{name: list(value) if isinstance(value, tuple) else value for name, value in sorted(flags.items())},
        "exclude": list(request.excludes),
        "force_exclude": request.force_exclude,
        "diff_notebooks": request.notebook_diff.value if request.mode == Mode.DIFF else None,
        "checkpoint_map": request.checkpoint_map,
        "markdown": request.markdown,
    }


class Outputs:
    """Where every outcome of a run goes: the totals, standard output (diffs, or the result
    of "-"), and the sinks: the terminal, the checkpoint map, the JSON report, the markdown
    summary. The terminal hears of each file first (its lines come before the report's on a
    shared stream) and finishes last (its summary counts an output that could not be written)."""

    def __init__(self, request: RunRequest, progress: bool):
        from migrate_scopes.report import JsonReport, MarkdownReport, Style, TerminalReporter, Totals
        from migrate_scopes.report.checkpoint_map import CheckpointMap

        self.request = request
        self.totals = Totals()
        self.terminal = TerminalReporter(
            Style(color=request.color_stderr and not request.github),
            request.mode,
            quiet=request.quiet,
            output_format="github" if request.github else "text",
            progress=progress,
        )
        json_report = None
        if request.report == "-":
            json_report = JsonReport(sys.stdout, request.mode, run_options(request), close=False)
        elif request.report:
            from migrate_scopes.files import AtomicOutput

            # Never left truncated: it appears when finished (or interrupted), whole.
            json_report = JsonReport(AtomicOutput(request.report), request.mode, run_options(request))
        checkpoint_map = CheckpointMap(request.checkpoint_map) if request.checkpoint_map else None
        markdown = MarkdownReport(request.mode, output=request.markdown) if request.markdown else None
        optional: list[Sink | None] = [checkpoint_map, json_report, markdown]
        self.sinks: list[Sink] = [self.terminal] + [sink for sink in optional if sink is not None]

    def path_error(self, path: str, reason: str) -> None:
        self.totals.add_error()
        for sink in self.sinks:
            sink.path_error(path, reason)

    def file_done(self, outcome: FileOutcome, result: bytes | None = None) -> None:
        """`result`: the bytes that stand for the file on standard output (`-` without --diff)."""
        self.totals.add(outcome)
        if outcome.diff:
            self.terminal.before_stdout()
            _print_diff(outcome.diff, self.request.color_stdout, outcome.diff_encoding)
        elif result is not None:
            sys.stdout.buffer.write(result)
            sys.stdout.flush()
        for sink in self.sinks:
            sink.file_done(outcome)

    def finish(self, interrupted: bool = False) -> None:
        for sink in self.sinks:
            if sink is not self.terminal:
                sink.finish(self.totals, interrupted)
        self.terminal.finish(self.totals, interrupted)

    def exit_status(self) -> ExitStatus:
        return exit_status(self.totals.errors, self.totals.changed, self.request.mode, self.totals.manual)


def _outputs(request: RunRequest, progress: bool) -> Outputs | None:
    """The run's outputs, or None (said on stderr) if the JSON report cannot be opened."""
    try:
        return Outputs(request, progress)
    except OSError as exc:  # checked before the run, but the file system may have changed since
        sys.stderr.write(f"migrate-scopes: error: cannot write --report {request.report}: {exc.strerror or exc}\n")
        return None


def run_paths(request: RunRequest) -> int:
    with Interrupts() as interrupts:
        return _run_paths(request, interrupts)


def _run_paths(request: RunRequest, interrupts: Interrupts) -> int:
    from migrate_scopes.discover import Excludes, discover
    from migrate_scopes.pipeline import default_jobs, run

    per_file = PerFileSettings(request)
    try:
        found = discover(request.paths, [Excludes(request.excludes, os.getcwd())], request.force_exclude,
                         per_file.excludes_for)
        settings = [per_file.for_file(path) for path in found.files]
    except ConfigError as exc:  # a repository's own pyproject.toml, met on the way: before any write
        sys.stderr.write(f"migrate-scopes: error: {exc}\n")
        return ExitStatus.ERROR
    if not found.files and not found.errors and not request.quiet:
        sys.stderr.write(f"migrate-scopes: warning: no Python files found under {', '.join(request.paths)}\n")
    if request.mode == Mode.WRITE and found.temporaries:
        from migrate_scopes.files import remove_stale_temporaries

        remove_stale_temporaries(found.temporaries)  # left by a run killed mid-write
    outputs = _outputs(request, progress=getattr(sys.stderr, "isatty", lambda: False)())
    if outputs is None:
        return ExitStatus.ERROR
    for path, reason in found.errors:
        outputs.path_error(path, reason)
    outputs.terminal.start(len(found.files))
    interrupted = False
    stream = run(found.files, settings, request.jobs or default_jobs(), hold=interrupts.hold)
    try:
        for outcome in stream:
            outputs.file_done(outcome)
    except KeyboardInterrupt:
        interrupted = True
        for outcome in stream.stop():  # files finished meanwhile: written, so they count
            outputs.file_done(outcome)
    outputs.finish(interrupted)
    if interrupted:
        totals = outputs.totals
        done = "written" if request.mode == Mode.WRITE else "would change"
        sys.stderr.write(
            f"migrate-scopes: interrupted after {totals.scanned} of {len(found.files)} files; "
            f"{totals.changed} {done}\n"
        )
        return interrupts.exit_status()
    return outputs.exit_status()


def run_stdin(request: RunRequest) -> int:
    """`-`: migrate standard input to standard output (editors); the input comes back on error.

    The run of one file that is not on disk: its result goes to standard output instead."""
    from migrate_scopes.pipeline import migrate_bytes

    data = sys.stdin.buffer.read()
    name = request.stdin_filename
    # The configuration of the directory the named file would be in (the current one by default).
    try:
        config = request.resolver.for_path(name if name != "-" else os.getcwd())
    except ConfigError as exc:
        sys.stderr.write(f"migrate-scopes: error: {exc}\n")
        return ExitStatus.ERROR
    mode = Mode.DIFF if request.job_mode == Mode.DIFF else Mode.CHECK  # "-" never writes a file
    settings = JobSettings.for_config(mode, overridden(config, request.overrides), request.notebook_diff)
    outcome, new_data = migrate_bytes(name, data, settings)
    outcome.config = settings.config.source
    outputs = _outputs(request, progress=False)
    if outputs is None:
        return ExitStatus.ERROR
    # Never an empty output: a file we cannot migrate comes back unchanged.
    result = (new_data if outcome.status != Status.ERROR else data) if request.mode == Mode.WRITE else None
    outputs.file_done(outcome, result)
    outputs.finish()
    return outputs.exit_status()


def _print_diff(diff: str, color: bool, encoding: str = "utf-8") -> None:
    from migrate_scopes.output import colorize_diff, encode_diff

    if not diff.endswith("\n"):  # the next file's header must start on its own line
        diff += "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if color or buffer is None:  # for reading: the terminal's encoding
        sys.stdout.write(colorize_diff(diff) if color else diff)
    else:  # for `git apply`: the file's own bytes, whatever the locale
        sys.stdout.flush()
        buffer.write(encode_diff(diff, encoding))
    sys.stdout.flush()
