"""Every code the tool prints, what kind of thing it names, and which findings are kept.

The codes and their kinds come from the registry of rules (`migrate.rules`); reporters
ask `kind_of` how serious a finding is (does it make `--check` fail? a warning or a
notice in GitHub annotations?), so that knowledge lives here only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from migrate_scopes.migrate.rules import INFO, LINT, MANUAL, REWRITE, all_rules

# INFO, LINT, MANUAL, REWRITE are re-exported for the reporters.

#: Code -> kind, in code order, as the registry (`migrate.rules`) declares them.
CODES: dict[str, str] = {rule.code: rule.kind for rule in all_rules()}


def kind_of(code: str) -> str:
    """The kind of a finding's code; an unknown code is treated as a lint."""
    return CODES.get(code, LINT)


def is_manual(code: str) -> bool:
    return kind_of(code) == MANUAL


def unknown_codes(prefixes: Iterable[str]) -> list[str]:
    """The entries of a select/ignore list that name no code (a prefix such as MS2 names several)."""
    return [p for p in prefixes if not any(code.startswith(p) for code in CODES)]


def is_selected(code: str, select: Iterable[str] | None, ignore: Iterable[str]) -> bool:
    """As in ruff: the most specific matching entry decides (`select = ["MS2"]`,
    `ignore = ["MS201"]` keeps MS202 but not MS201); on a tie, ignore wins."""
    chosen = max((len(p) for p in (select if select is not None else [""]) if code.startswith(p)), default=-1)
    dropped = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return chosen > dropped


_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)


def noqa_codes(line: str) -> frozenset[str] | None:
    """The codes a `# noqa` comment on this line names (empty: a bare `# noqa`), or None.

    As flake8 reads it: `# noqa`, `# noqa: MS201`, `# noqa: MS201,MS302` (or spaces).
    """
    match = _NOQA.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    return frozenset(c.upper() for c in re.split(r"[,\s]+", codes) if c) if codes else frozenset()


def silenced_by_noqa(code: str, named: frozenset[str] | None) -> bool:
    """Whether a `# noqa` reading `named` silences `code`.

    A bare `# noqa` (often written for flake8 long ago) silences lints and notices, never a
    deprecated call left for hand work: that takes its code, `# noqa: MS102`.
    """
    if named is None:
        return False
    if not named:
        return not is_manual(code)
    return code in named
