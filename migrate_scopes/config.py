"""`[tool.migrate-scopes]` in pyproject.toml, found from the files being migrated.

Each file follows the nearest pyproject.toml with that table, looking upwards from
the file's directory (not past the top of a git work tree), as ruff's hierarchical
configuration does; a pyproject.toml without the table is skipped. `--config FILE`
replaces the search for every file, and command-line flags win over any file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

TABLE = "migrate-scopes"
KEYS = ("exclude", "jobs", "passes", "wrap-get-variable", "select", "ignore")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    #: The file read, or None when no configuration was found.
    source: str | None = None
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    passes: tuple[str, ...] | None = None
    wrap_get_variable: bool | None = None
    #: Finding codes or prefixes to report (None: all) and not to report (see migrate.codes).
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None


def overridden(base: Config, overrides: Config) -> Config:
    """`base` with every setting that `overrides` sets replaced: the command line wins.

    Generic over the fields, so a new key flows through; a value equal to the field's
    default (None, or an empty tuple) means "not set". `exclude` is not merged here: its
    globs are relative to their own directory (see discover).
    """
    defaults = Config()
    changes = {
        f.name: getattr(overrides, f.name)
        for f in fields(Config)
        if f.name not in ("source", "exclude") and getattr(overrides, f.name) != getattr(defaults, f.name)
    }
    if overrides.ignore is not None and base.ignore:  # --ignore adds to the file's list, as in ruff
        changes["ignore"] = base.ignore + overrides.ignore
    return replace(base, **changes) if changes else base


def common_directory(paths: Sequence[str]) -> str:
    dirs = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths]
    return os.path.commonpath(dirs) if dirs else os.getcwd()


class ConfigResolver:
    """The configuration governing each directory, each pyproject.toml read at most once.

    Answers are cached per directory, so a run over thousands of files reads each
    candidate pyproject.toml once, whatever the number of files below it.
    """

    def __init__(self, explicit: str | None = None):
        self._by_directory: dict[str, Config] = {}
        self._explicit = _load_explicit(explicit) if explicit else None
        #: pyproject.toml files opened so far (a measure of work, for tests).
        self.files_read = 0

    def for_path(self, path: str) -> Config:
        """The configuration governing a file (or a directory) at `path`."""
        path = os.path.abspath(path)
        return self.for_directory(path if os.path.isdir(path) else os.path.dirname(path))

    def for_directory(self, directory: str) -> Config:
        if self._explicit is not None:
            return self._explicit
        cached = self._by_directory.get(directory)
        if cached is not None:
            return cached  # the common case: asked again for a directory already resolved
        directory = os.path.abspath(directory)
        pending: list[str] = []
        current = directory
        while current not in self._by_directory:
            pending.append(current)
            found = self._table_config(current)
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current or os.path.exists(os.path.join(current, ".git")):
                found = Config()  # the top of a work tree (or of the file system) ends the search
                break
            current = parent
        else:
            found = self._by_directory[current]
        for visited in pending:
            self._by_directory[visited] = found
        return found

    def _table_config(self, directory: str) -> Config | None:
        candidate = os.path.join(directory, "pyproject.toml")
        if not os.path.isfile(candidate):
            return None
        self.files_read += 1
        table = _read_table(candidate)
        return None if table is None else _checked(table, candidate)


def _load_explicit(path: str) -> Config:
    table = _read_table(path, cheap=False)
    if table is None:
        raise ConfigError(f"{path}: no [tool.{TABLE}] table")
    return _checked(table, path)


def _checked(table: Any, source: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.{TABLE}] must be a table")
    return parse_table(table, source)


def find_config_file(paths: Sequence[str]) -> str | None:
    """The pyproject.toml governing the directory that contains all `paths`."""
    return ConfigResolver().for_directory(common_directory(paths)).source


def _read_table(path: str, cheap: bool = True) -> Any:
    """`[tool.migrate-scopes]` of a pyproject.toml, or None when it has none."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if cheap and TABLE.encode() not in data:
            return None  # most pyproject.toml files are not ours: no need to parse them
        document = tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    tool = document.get("tool", {})
    return tool.get(TABLE) if isinstance(tool, dict) else None


def parse_table(table: dict[str, Any], source: str) -> Config:
    """Validate `[tool.migrate-scopes]`; errors name the key and what is expected."""
    unknown = sorted(key for key in table if key.replace("_", "-") not in KEYS)  # named as written
    if unknown:
        raise ConfigError(f"{source}: unknown key(s) in [tool.{TABLE}]: {', '.join(unknown)} (known: {', '.join(KEYS)})")
    table = _kebab_keys(table, source)

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{source}: [tool.{TABLE}] {key} must be a list of strings")
        return tuple(value)

    jobs = table.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ConfigError(f"{source}: [tool.{TABLE}] jobs must be a positive integer")
    wrap = table.get("wrap-get-variable")
    if wrap is not None and not isinstance(wrap, bool):
        raise ConfigError(f"{source}: [tool.{TABLE}] wrap-get-variable must be true or false")
    passes = strings("passes")
    if passes is not None:
        _check_passes(passes, source)
    return Config(
        source=source,
        exclude=strings("exclude") or (),
        jobs=jobs,
        passes=passes,
        wrap_get_variable=wrap,
        select=_codes(strings("select"), "select", source),
        ignore=_codes(strings("ignore"), "ignore", source),
    )


def _check_passes(names: Sequence[str], source: str) -> None:
    from migrate_scopes.migrate.passes import PASS_NAMES

    unknown = sorted(set(names) - set(PASS_NAMES))
    if unknown:
        raise ConfigError(
            f"{source}: [tool.{TABLE}] passes: unknown pass(es): {', '.join(unknown)} "
            f"(known: {', '.join(PASS_NAMES)})"
        )


def _codes(codes: tuple[str, ...] | None, key: str, source: str) -> tuple[str, ...] | None:
    from migrate_scopes.migrate.codes import CODES, unknown_codes

    if codes is None:
        return None
    codes = tuple(code.upper() for code in codes)
    unknown = unknown_codes(codes)
    if unknown:
        raise ConfigError(
            f"{source}: [tool.{TABLE}] {key}: unknown code(s) or prefix(es): {', '.join(unknown)} "
            f"(codes: {', '.join(CODES)})"
        )
    return codes


def _kebab_keys(table: dict[str, Any], source: str) -> dict[str, Any]:
    """`wrap_get_variable` is read as `wrap-get-variable` (as black reads its keys); both at once is an error."""
    result: dict[str, Any] = {}
    for key, value in table.items():
        kebab = key.replace("_", "-")
        if kebab in result:
            raise ConfigError(f"{source}: [tool.{TABLE}] sets {kebab} twice (as {kebab} and with underscores)")
        result[kebab] = value
    return result


def load_config(paths: Sequence[str], explicit: str | None = None) -> Config:
    """The configuration governing the directory that contains all `paths` (or `explicit`)."""
    return ConfigResolver(explicit).for_directory(common_directory(paths))
