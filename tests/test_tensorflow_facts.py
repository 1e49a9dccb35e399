"""The facts document beside tensorflow_api.py and the tables in it say the same thing."""

from __future__ import annotations

import re
from pathlib import Path

from migrate_scopes.migrate import tensorflow_api

FACTS = Path(tensorflow_api.__file__).with_name("TENSORFLOW_FACTS.md")


def _documented_orders() -> dict[str, tuple[str, ...]]:
    """`- function: a, b, c` lines of the section the rewrite binds against."""
    section = FACTS.read_text(encoding="utf-8").split("## Parameter order", 1)[1].split("\n## ", 1)[0]
    return {
        name.strip(): tuple(p.strip() for p in params.split(","))
        for name, params in re.findall(r"^- ([a-z_ .0-9]+): (.+)$", section, flags=re.MULTILINE)
    }


def test_tensorflow_api_cites_the_facts_document() -> None:
    assert FACTS.name in (tensorflow_api.__doc__ or "")
    assert FACTS.is_file()


def test_parameter_orders_match_the_document() -> None:
    documented = _documented_orders()
    for name, params in tensorflow_api.SCOPE_PARAMETERS.items():
        assert documented[name] == params, name
    assert documented["r0.10 variable_scope after name_or_scope"] == tensorflow_api.R010_VARIABLE_SCOPE_TAIL
    assert len(documented) == len(tensorflow_api.SCOPE_PARAMETERS) + 1
