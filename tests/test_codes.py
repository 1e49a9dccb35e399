"""The table of codes in migrate/codes.py is the one place that says what each code is."""

from __future__ import annotations

import re
from pathlib import Path

from migrate_scopes.migrate.codes import CODES, INFO, LINT, MANUAL, REWRITE

PACKAGE = Path(__file__).resolve().parent.parent / "migrate_scopes"


def test_every_code_the_package_emits_is_in_the_table() -> None:
    emitted = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name != "codes.py":
            emitted |= set(re.findall(r'"(MS\d{3})"', path.read_text()))
    assert emitted and emitted <= set(CODES), sorted(emitted - set(CODES))


def test_kinds() -> None:
    assert {code for code, kind in CODES.items() if kind == MANUAL} == {f"MS10{i}" for i in range(1, 9)}
    assert CODES["MS401"] == INFO and CODES["MS201"] == LINT and CODES["MS001"] == REWRITE
