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


def _documented_newer_apis() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """`- keyword f.k: release` and `- name path: release` lines of the evidence section."""
    section = FACTS.read_text(encoding="utf-8").split("## APIs newer than r0.10", 1)[1].split("\n## ", 1)[0]
    keywords: dict[str, dict[str, str]] = {}
    for function, keyword, release in re.findall(r"^- keyword ([a-z_]+)\.([a-z_]+): (\S+)$", section, re.MULTILINE):
        keywords.setdefault(function, {})[keyword] = release
    names = dict(re.findall(r"^- name ([A-Za-z_.]+): (\S+)$", section, re.MULTILINE))
    return keywords, names


def test_newer_apis_match_the_document() -> None:
    keywords, names = _documented_newer_apis()
    assert keywords == tensorflow_api.NEWER_SCOPE_KEYWORDS
    for path, release in names.items():
        for module in ("tensorflow", "tensorflow.compat.v1"):
            assert tensorflow_api.newer_api(f"{module}.{path}") == (f"tf.{path}", release)
    assert tensorflow_api.NEWER_API_ATTRIBUTES == {path.rpartition(".")[2] for path in names}
    assert names == tensorflow_api.NEWER_NAMES
    assert tensorflow_api.newer_api("tensorflow.compat.v1.variable_scope") is None

