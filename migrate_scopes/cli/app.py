"""The `migrate-scopes` command: options in, exit status out.

Only this module and `report` know about the terminal. Heavy modules (libcst, rich)
are imported only when a file actually needs them, so start-up stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Callable, Optional

import typer

from migrate_scopes.config import Config, ConfigError, ConfigResolver, common_directory, overridden
from migrate_scopes.migrate.containers import DiffView
from migrate_scopes.migrate.rules import PASS_MODULES
from migrate_scopes.outcome import ExitStatus, Mode

HELP = """\
Move TensorFlow code off the deprecated op_scope / variable_op_scope APIs.

PATH is a file or a directory (searched recursively for *.py and *.ipynb files), or
"-" to read standard input and write the result to standard output. Files are
rewritten in place, atomically, keeping their encoding, newlines, permissions, owner
and extended attributes; read-only and hard-linked files are left alone (an error).

Findings (code to migrate by hand) go to stderr as `path:line:col: CODE message`
(`path:cell N:line:col: ...` in notebooks), then a one-line summary. Standard output
carries only diffs (--diff) and the migrated text of "-".

Directories are walked without following symbolic links, skipping files ignored by
git, .git, virtual environments, build, dist, node_modules and __pycache__; a file
named on the command line is always processed (unless --force-exclude).

Settings can live in pyproject.toml under [tool.migrate-scopes] (exclude, jobs,
passes, wrap-get-variable, select, ignore); each file follows the nearest such table
above it (not past the top of its git work tree); --config and command-line options
win.

--check and in-place runs name each changed file on stderr ("would migrate PATH",
"migrated PATH"). A `# noqa: CODE` comment silences a finding on its line (a bare
`# noqa` silences all but the MS1xx calls left for hand work); select/ignore choose
codes.

Colour: --color/--no-color, else NO_COLOR set: off, else FORCE_COLOR set: on, else on
a terminal.

Exit status: 0 done or nothing to do (lints, files only linted that cannot be parsed,
and an empty selection are warnings); 1 with --check when a file would change or a
deprecated call is left for hand work (MS1xx); 2 when a file that needs migrating
could not be processed (named on stderr), an output file cannot be written, or on a
usage error; 141 when standard output is closed early.
"""


class OutputFormat(str, Enum):
    text = "text"
    github = "github"


#: --diff-notebooks: "auto" (decided by the terminal) or one of the containers' views.
NotebookDiff = Enum("NotebookDiff", {"auto": "auto"} | {view.value: view.value for view in DiffView}, type=str)


def _notebook_diff(choice: NotebookDiff, stream: object) -> DiffView:
    if choice.value != "auto":
        return DiffView(choice.value)
    # Nobody pipes a terminal into `git apply`: there the readable view is the useful one.
    isatty = getattr(stream, "isatty", None)
    return DiffView.CELLS if isatty and isatty() else DiffView.PATCH


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def _use_color(flag: bool | None, stream: object) -> bool:
    """--color/--no-color, else NO_COLOR (no-color.org), else FORCE_COLOR (force-color.org),
    else whether the stream is a terminal. Set and empty counts as unset; NO_COLOR wins over
    FORCE_COLOR, as in CPython's own colouring."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"migrate-scopes {version('migrate-scopes')}")
        raise typer.Exit(ExitStatus.OK)


def _parse_passes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None  # the configuration decides
    names = [p.strip() for p in text.split(",") if p.strip()]
    known = _known_passes()
    unknown = sorted(set(names) - known) if known else []
    if unknown:
        raise typer.BadParameter(f"unknown pass(es): {', '.join(unknown)} (known: {', '.join(sorted(known))})",
                                 param_hint="'--passes'")
    return tuple(names)


def _parse_codes(text: str | None, option: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    _check_codes(codes, lambda message: typer.BadParameter(message, param_hint=f"'{option}'"))
    return codes


def _check_codes(codes: tuple[str, ...], error: Callable[[str], Exception]) -> None:
    from migrate_scopes.migrate.codes import CODES, unknown_codes

    unknown = unknown_codes(codes)
    if unknown:
        raise error(f"unknown code(s) or prefix(es): {', '.join(unknown)} (codes: {', '.join(CODES)})")


def _check_output_paths(**paths: str | None) -> None:
    """A file the run will write must be writable before any source file is touched."""
    from migrate_scopes.files.output_file import output_path_problem

    for option, path in paths.items():
        problem = output_path_problem(path) if path not in (None, "-") else None
        if problem:
            typer.echo(f"migrate-scopes: error: cannot write --{option.replace('_', '-')} {path}: {problem}", err=True)
            raise typer.Exit(ExitStatus.ERROR)


def _known_passes() -> frozenset[str]:
    try:
        from migrate_scopes.migrate.passes import PASS_NAMES
    except ImportError:  # the core decides which passes exist
        return frozenset()
    return frozenset(PASS_NAMES)


@app.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
def migrate(
    ctx: typer.Context,
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", show_default=False,
        help='Files or directories to migrate, or "-" for standard input.')] = None,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff (for `git apply`) to stdout; write nothing. "
                                        "See --diff-notebooks for notebooks. With --check: print the diff "
                                        "and exit 1 if any file would change.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; name each file that would change and exit 1 "
                                         "if any would, or if a deprecated call is left for hand work "
                                         "(MS1xx findings).")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N", show_default=False,
        help="Worker processes [default: number of CPUs].")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB",
        help="Skip paths matching this gitignore-style glob while walking directories (repeatable; "
             "adds to the defaults and to the configuration).")] = None,
    force_exclude: Annotated[bool, typer.Option("--force-exclude",
        help="Apply the exclusions to files named on the command line too (useful with pre-commit).")] = False,
    wrap_get_variable: Annotated[Optional[bool], typer.Option("--wrap-get-variable/--no-wrap-get-variable",
        show_default=False,
        help="Also rewrite get_variable calls under a name scope so the variables gain the scope's "
             "prefix, by prefixing the name argument (tf.get_variable(\"my_scope/var1\", ...)). "
             "This CHANGES VARIABLE NAMES (checkpoints!): every renamed variable is reported "
             "on stderr and can be mapped with --checkpoint-map. The output uses no API newer than "
             "get_variable itself: it runs on every TensorFlow version (0.x, 1.x, tf.compat.v1).")] = None,
    checkpoint_map: Annotated[Optional[str], typer.Option("--checkpoint-map", metavar="FILE",
        help="Write every variable renamed in this run to FILE (JSON: {old_name: new_name}, plus "
             "rules for names relative to a caller's variable scope); restore old checkpoints with "
             "migrate_scopes.checkpoint.assignment_map(ckpt, FILE).")] = None,
    passes: Annotated[Optional[str], typer.Option("--passes", metavar="NAMES",
        help=f"Comma-separated passes to run ({', '.join(PASS_MODULES)}) [default: all].")] = None,
    report: Annotated[Optional[str], typer.Option("--report", metavar="FILE",
        help="Write a JSON report: each file's status, rewrites and findings, and the totals "
             '("-": to standard output).')] = None,
    markdown: Annotated[Optional[str], typer.Option("--markdown", metavar="FILE",
        help="Write a Markdown summary (files changed, calls rewritten, findings as path:line, renamed "
             "variables, errors) for a commit message or a pull-request body.")] = None,
    select: Annotated[Optional[str], typer.Option("--select", metavar="CODES",
        help="Comma-separated finding codes or prefixes (MS2) to report, instead of the "
             "configuration's select [default: all].")] = None,
    ignore: Annotated[Optional[str], typer.Option("--ignore", metavar="CODES",
        help="Comma-separated finding codes or prefixes not to report (added to the configuration's "
             "ignore). A `# noqa: CODE` comment silences a finding on its line.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--output-format",
        help="How findings and errors are printed: text, or github (GitHub Actions annotations).")] = OutputFormat.text,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", show_default=False,
        help="Colour diffs and findings [default: on a terminal; NO_COLOR set: never; "
             "FORCE_COLOR set: always].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only findings and errors (no summary, no progress).")] = False,
    stdin_filename: Annotated[Optional[str], typer.Option("--stdin-filename", metavar="NAME",
        help='Name used for "-" in messages; a name ending in .ipynb reads a notebook.')] = None,
    config_file: Annotated[Optional[str], typer.Option("--config", metavar="FILE",
        help="Read [tool.migrate-scopes] from this pyproject.toml instead of searching for one.")] = None,
    diff_notebooks: Annotated[NotebookDiff, typer.Option("--diff-notebooks",
        help="How --diff shows a notebook: patch (a diff of the .ipynb text, for `git apply`), "
             "cells (per code cell, for reading), or auto: cells when standard output is a terminal, "
             "else patch.")] = NotebookDiff.auto,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
        help="Show the version and exit.")] = None,
) -> None:
    if not paths:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo("error: missing PATH", err=True)
        raise typer.Exit(ExitStatus.ERROR)
    if "-" in paths and len(paths) > 1:
        raise typer.BadParameter('"-" (standard input) cannot be combined with other paths', param_hint="PATH")
    if report == "-" and (diff or paths == ["-"] and not check):
        raise typer.BadParameter("standard output already carries the " + ("diff" if diff else 'migrated text of "-"'),
                                 param_hint="'--report -'")
    # Command-line flags, as a configuration that wins over every file's own.
    overrides = Config(jobs=jobs, passes=_parse_passes(passes), wrap_get_variable=wrap_get_variable,
                       select=_parse_codes(select, "--select"), ignore=_parse_codes(ignore, "--ignore"))
    try:
        resolver = ConfigResolver(config_file)
        # Run-wide settings (jobs) come from the configuration governing all the paths.
        run_config = overridden(resolver.for_directory(common_directory([p for p in paths if p != "-"] or ["."])),
                                overrides)
    except ConfigError as exc:
        typer.echo(f"migrate-scopes: error: {exc}", err=True)
        raise typer.Exit(ExitStatus.ERROR) from None
    _check_output_paths(report=report, checkpoint_map=checkpoint_map, markdown=markdown)
    from migrate_scopes.cli.run import RunRequest, run_paths, run_stdin

    request = RunRequest(
        paths=paths,
        mode=Mode.CHECK if check else Mode.DIFF if diff else Mode.WRITE,
        show_diff=diff,
        resolver=resolver,
        overrides=overrides,
        config_file=config_file,
        jobs=run_config.jobs or 0,
        excludes=tuple(exclude or ()),
        force_exclude=force_exclude,
        notebook_diff=_notebook_diff(diff_notebooks, sys.stdout),
        checkpoint_map=checkpoint_map,
        report=report,
        markdown=markdown,
        github=output_format is OutputFormat.github,
        color_stderr=_use_color(color, sys.stderr),
        color_stdout=_use_color(color, sys.stdout),
        quiet=quiet,
        stdin_filename=stdin_filename or "-",
    )
    try:
        code = run_stdin(request) if paths == ["-"] else run_paths(request)
    except BrokenPipeError:
        code = _closed_pipe()
    except KeyboardInterrupt as exc:  # before any file was processed (run_paths handles the rest)
        typer.echo("migrate-scopes: interrupted; no file was written", err=True)
        raise typer.Exit(128 + getattr(exc, "signum", 2)) from None
    raise typer.Exit(code)


def _closed_pipe() -> int:
    """The reader went away (`--diff | head`): stop quietly; nothing is left to say to it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())  # Python's final flush must not fail again
        except (OSError, ValueError):
            pass
    return ExitStatus.BROKEN_PIPE


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("migrate-scopes: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - never show a traceback to the user
        sys.stderr.write(
            f"migrate-scopes: internal error ({type(exc).__name__}: {exc}); "
            "this is a bug, please report it with the command you ran\n"
        )
        sys.exit(ExitStatus.ERROR)
