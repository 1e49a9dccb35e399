"""Walk the given paths: default excludes, --exclude globs, .gitignore, no symlink following."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from migrate_scopes.discover.gitignore import GitIgnore, find_work_tree
from migrate_scopes.files.io import TEMP_NAME

#: Extensions migrated when a directory is walked (named files are taken whatever their name).
SUFFIXES = (".py", ".ipynb")

#: Directory names never entered by a walk (a path named explicitly still is); also any
#: directory holding a `pyvenv.cfg` (a virtual environment) and any `*.egg-info`.
DEFAULT_EXCLUDES = frozenset({
    ".git", ".hg", ".svn", ".bzr", "__pycache__", ".venv", "venv", ".tox", ".nox", ".eggs",
    "build", "dist", "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".ipynb_checkpoints",
})


@dataclass(frozen=True)
class Excludes:
    """Gitignore-style globs, relative to `base` (the directory they were written for)."""

    patterns: tuple[str, ...]
    base: str

    def __post_init__(self) -> None:
        spec = None
        if self.patterns:  # pathspec is imported only when there is something to match
            import pathspec

            spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)
        object.__setattr__(self, "_spec", spec)
        object.__setattr__(self, "_base", os.path.abspath(self.base))

    def matches(self, abs_path: str, is_dir: bool, walk_root: str) -> bool:
        if self._spec is None:  # type: ignore[attr-defined]
            return False
        rel = os.path.relpath(abs_path, self._base)  # type: ignore[attr-defined]
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            rel = os.path.relpath(abs_path, walk_root)
        rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
        return bool(self._spec.match_file(rel))  # type: ignore[attr-defined]


#: The excludes of the configuration governing a directory (given its absolute path).
ExcludesFor = Callable[[str], Sequence[Excludes]]


def _no_excludes(directory: str) -> Sequence[Excludes]:
    return ()


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    #: (path, reason) for paths that cannot be migrated at all (given, or met while walking).
    errors: list[tuple[str, str]] = field(default_factory=list)
    #: Names of our own temporary files met in the walked directories (maybe left by a killed run).
    temporaries: list[str] = field(default_factory=list)


def discover(
    paths: Sequence[str],
    excludes: Sequence[Excludes] = (),
    force_exclude: bool = False,
    excludes_for: ExcludesFor = _no_excludes,
) -> Discovery:
    """Files to migrate, sorted by path and without duplicates.

    `excludes` apply everywhere; `excludes_for(directory)` adds those of the configuration
    that governs a directory (each repository's own `exclude`).
    """
    result = Discovery()
    seen: set[str] = set()
    given_dirs = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    ignores: dict[str, GitIgnore | None] = {}

    def gitignore_for(path: str) -> GitIgnore | None:
        top = find_work_tree(path)
        if top not in ignores:
            ignores[top] = GitIgnore(top) if top else None
        return ignores[top]

    def add(path: str, key: str) -> None:
        if key not in seen:
            seen.add(key)
            result.files.append(path)

    noted: set[str] = set()  # directories of named files already searched for our temporaries

    def error(path: str, reason: str) -> None:
        result.errors.append((path, reason))

    for given in paths:
        path = os.path.normpath(given)
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            error(path, "no such file or directory")
            continue
        except OSError as exc:  # a path longer than the system allows, a parent we may not enter
            error(path, _reason(exc))
            continue
        if os.path.isdir(path):
            walked = _walk(path, excludes, gitignore_for(path), excludes_for, error, result.temporaries.append)
            for found, real in walked:
                add(found, real)
        elif stat.S_ISLNK(st.st_mode) and not os.path.exists(path):
            error(path, "broken symbolic link")
        elif stat.S_ISLNK(st.st_mode):
            target = os.path.realpath(path)
            if not any(_inside(target, d) for d in given_dirs):
                error(path, "symbolic link to a file outside the given paths; name its target instead")
        elif not stat.S_ISREG(st.st_mode):
            error(path, "not a regular file")  # a FIFO would block the run forever
        else:
            abs_path = os.path.abspath(path)
            governing = [*excludes, *excludes_for(os.path.dirname(os.path.realpath(path)))]
            if force_exclude and _excluded_file(abs_path, governing, gitignore_for(path)):
                continue
            add(path, os.path.realpath(path))
            directory = os.path.dirname(path) or "."
            if directory not in noted:
                noted.add(directory)
                _note_temporaries(directory, result.temporaries.append)
    result.files.sort()
    return result


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "path longer than the system allows"
    return exc.strerror or str(exc)


def _note_temporaries(directory: str, note: Callable[[str], None]) -> None:
    """Our temporaries in the directory of a named file (walked directories note theirs as they go)."""
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if TEMP_NAME.match(entry.name):
                    note(entry.path)
    except OSError:
        pass


def _inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _excluded_file(abs_path: str, excludes: Iterable[Excludes], gitignore: GitIgnore | None) -> bool:
    """--force-exclude: would a walk have skipped this explicitly named file?"""
    root = os.path.dirname(abs_path)
    if any(e.matches(abs_path, False, root) for e in excludes):
        return True
    rel = os.path.relpath(abs_path)
    if not rel.startswith(os.pardir):
        if any(_default_excluded_dir(part) for part in rel.split(os.sep)[:-1]):
            return True
    return gitignore is not None and gitignore.ignored(abs_path, False)


def _walk(
    top: str,
    excludes: Sequence[Excludes],
    gitignore: GitIgnore | None,
    excludes_for: ExcludesFor,
    error: Callable[[str, str], None],
    note_temporary: Callable[[str], None],
) -> Iterator[tuple[str, str]]:
    """Yield (path, real path) of migratable files under `top`.

    Never follows a symbolic link below `top`, so there are no loops and every path
    below the resolved `top` is already real. A directory that cannot be listed, and a
    `*.py`/`*.ipynb` that is not a regular file, are errors: silence would let `--check`
    pass over code it never saw.
    """
    walk_root = os.path.realpath(top)
    stack = [(top, walk_root)]
    while stack:
        directory, abs_directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            continue  # vanished since its parent was listed: nothing to migrate there
        except OSError as exc:
            error(os.path.normpath(directory), f"cannot list directory: {_reason(exc)}")
            continue
        governing = [*excludes, *excludes_for(abs_directory)]
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                error(os.path.normpath(entry.path), f"cannot read: {_reason(exc)}")
                continue
            if not is_dir and not entry.name.endswith(SUFFIXES):
                if TEMP_NAME.match(entry.name):
                    note_temporary(entry.path)
                continue
            abs_path = os.path.join(abs_directory, entry.name)
            if _skipped(abs_path, is_dir, walk_root, governing, gitignore):
                continue
            if is_dir:
                if not os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):  # a virtualenv
                    stack.append((entry.path, abs_path))
            elif entry.is_file(follow_symlinks=False):
                yield os.path.normpath(entry.path), abs_path
            else:
                error(os.path.normpath(entry.path), "not a regular file")


def _skipped(
    abs_path: str,
    is_dir: bool,
    walk_root: str,
    excludes: Sequence[Excludes],
    gitignore: GitIgnore | None,
) -> bool:
    if is_dir and _default_excluded_dir(os.path.basename(abs_path)):
        return True
    if any(e.matches(abs_path, is_dir, walk_root) for e in excludes):
        return True
    return gitignore is not None and gitignore.ignored(abs_path, is_dir)


def _default_excluded_dir(name: str) -> bool:
    return name in DEFAULT_EXCLUDES or name.endswith(".egg-info")
