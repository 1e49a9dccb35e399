"""migrate/codes.py gives each code the kind its rule declares (see also test_rules.py)."""

from __future__ import annotations

from migrate_scopes.migrate.codes import CODES, INFO, LINT, MANUAL, REWRITE


def test_kinds() -> None:
    assert {code for code, kind in CODES.items() if kind == MANUAL} == {f"MS10{i}" for i in range(1, 9)}
    assert CODES["MS401"] == INFO and CODES["MS201"] == LINT and CODES["MS001"] == REWRITE
