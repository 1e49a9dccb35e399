"""Walk the given paths: default excludes, --exclude globs, .gitignore, no symlink following."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from migrate_scopes.discover.gitignore import GitIgnore, find_work_tree

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


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    #: (path, reason) for given paths that cannot be migrated at all.
    errors: list[tuple[str, str]] = field(default_factory=list)


#: The excludes of the configuration governing a directory (given its absolute path).
ExcludesFor = Callable[[str], Sequence[Excludes]]


def _no_excludes(directory: str) -> Sequence[Excludes]:
    return ()


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

    for given in paths:
        path = os.path.normpath(given)
        if os.path.isdir(path):
            for found, real in _walk(path, excludes, gitignore_for(path), excludes_for):
                add(found, real)
        elif os.path.islink(path) and not os.path.exists(path):
            result.errors.append((path, "broken symbolic link"))
        elif not os.path.lexists(path):
            result.errors.append((path, "no such file or directory"))
        elif os.path.islink(path):
            target = os.path.realpath(path)
            if not any(_inside(target, d) for d in given_dirs):
                result.errors.append(
                    (path, "symbolic link to a file outside the given paths; name its target instead")
                )
        else:
            abs_path = os.path.abspath(path)
            governing = [*excludes, *excludes_for(os.path.dirname(os.path.realpath(path)))]
            if force_exclude and _excluded_file(abs_path, governing, gitignore_for(path)):
                continue
            add(path, os.path.realpath(path))
    result.files.sort()
    return result


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
    top: str, excludes: Sequence[Excludes], gitignore: GitIgnore | None, excludes_for: ExcludesFor
) -> Iterator[tuple[str, str]]:
    """Yield (path, real path) of migratable files under `top`.

    Never follows a symbolic link below `top`, so there are no loops and every path
    below the resolved `top` is already real.
    """
    walk_root = os.path.realpath(top)
    stack = [(top, walk_root)]
    while stack:
        directory, abs_directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue  # unreadable or vanished directory: nothing to migrate there
        governing = [*excludes, *excludes_for(abs_directory)]
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if not is_dir and not entry.name.endswith(SUFFIXES):
                continue
            abs_path = os.path.join(abs_directory, entry.name)
            if _skipped(abs_path, is_dir, walk_root, governing, gitignore):
                continue
            if is_dir:
                if not os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):  # a virtualenv
                    stack.append((entry.path, abs_path))
            elif entry.is_file(follow_symlinks=False):
                yield os.path.normpath(entry.path), abs_path


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
