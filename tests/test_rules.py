"""The registry of rules (migrate/rules/): each rule's examples hold, run through the real
`migrate_source`, and the registry is the one place codes are declared."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from migrate_scopes import migrate_source
from migrate_scopes.migrate.codes import CODES
from migrate_scopes.migrate.passes import PASS_NAMES, registered_passes
from migrate_scopes.migrate.result import MigrationOptions, MigrationResult
from migrate_scopes.migrate.rules import REWRITE, Example, Rule, all_rules, rewriting_rules
from golden import golden_cases

PACKAGE = Path(__file__).resolve().parent.parent / "migrate_scopes"
RULES = all_rules()


def _run(rule: Rule, example: Example) -> MigrationResult:
    return migrate_source(example.source, MigrationOptions(wrap_get_variable=example.wrap_get_variable))


def _lines(result: MigrationResult, code: str) -> list[int]:
    return [item.line for item in [*result.findings, *result.rewrites] if item.code == code]


def _cases(attribute: str) -> list:
    return [
        pytest.param(rule, example, id=f"{rule.code}-{i}")
        for rule in RULES
        for i, example in enumerate(getattr(rule, attribute))
    ]


@pytest.mark.parametrize(("rule", "example"), _cases("invalid"))
def test_invalid_example_gets_its_code(rule: Rule, example: Example) -> None:
    result = _run(rule, example)
    assert example.line in _lines(result, rule.code), (result.findings, result.rewrites)
    if example.output is not None:
        assert result.code == example.output
    elif rule.kind != REWRITE:
        assert not any(r.code == rule.code for r in result.rewrites)


@pytest.mark.parametrize(("rule", "example"), _cases("valid"))
def test_valid_example_does_not_get_it(rule: Rule, example: Example) -> None:
    assert _lines(_run(rule, example), rule.code) == []


def test_every_rule_has_examples_both_ways_and_a_known_pass() -> None:
    for rule in RULES:
        assert rule.invalid and rule.valid, rule.code
        assert all(e.line is not None for e in rule.invalid), rule.code
        assert rule.pass_name is None or rule.pass_name in PASS_NAMES, rule.code
    assert [r.code for r in RULES] == sorted({r.code for r in RULES}), "a code declared twice"


def test_codes_and_pass_names_come_from_the_registry() -> None:
    assert CODES == {rule.code: rule.kind for rule in RULES}
    assert tuple(registered_passes()) == PASS_NAMES == ("scopes", "get-variable", "reuse")


def test_a_rule_s_pass_is_the_one_that_emits_it() -> None:
    """Run each invalid example with only the rule's pass: it still gets the code."""
    for rule in RULES:
        if rule.pass_name is None:
            continue
        for example in rule.invalid:
            options = MigrationOptions(
                wrap_get_variable=example.wrap_get_variable, passes=frozenset({rule.pass_name})
            )
            result = migrate_source(example.source, options)
            assert example.line in _lines(result, rule.code), rule.code


def _code_literals(path: Path) -> set[str]:
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CODES
    }


def test_codes_are_written_only_in_the_registry() -> None:
    """Passes emit through Rule objects, so a code string anywhere else is a code that can be misspelt."""
    written = {
        str(path.relative_to(PACKAGE)): _code_literals(path)
        for path in PACKAGE.rglob("*.py")
        if path.parent.name != "rules"
    }
    assert {path: codes for path, codes in written.items() if codes} == {}


def _template_pattern(template: str) -> str:
    """A regular expression for what `template` renders to, any field filled with anything."""
    pattern = ""
    for literal, field_name, _spec, _conversion in string.Formatter().parse(template):
        pattern += re.escape(literal) + ("(?s:.*)" if field_name is not None else "")
    return pattern


def _results() -> list[tuple[str, MigrationResult]]:
    """Every golden case's and every example's result, with where it comes from."""
    results = [(case.id, case.run()) for case in golden_cases()]
    return results + [
        (f"{rule.code} example", _run(rule, example)) for rule in RULES for example in (*rule.invalid, *rule.valid)
    ]


def _emitted() -> list[tuple[str, str, str]]:
    """(where, code, message) of every finding and rewrite of the golden cases and the examples."""
    return [(where, item.code, item.message) for where, result in _results() for item in [*result.findings, *result.rewrites]]


def test_the_rules_that_say_what_they_rewrite_are_the_codes_of_rewrites() -> None:
    """`Rule.rewritten` (the README's list of `rewrites[].code`) names exactly the codes rewrites have."""
    rewrite_codes = {item.code for _where, result in _results() for item in result.rewrites}
    assert rewrite_codes == {rule.code for rule in rewriting_rules()}
    assert all(rule.rewritten for rule in RULES if rule.kind == REWRITE)


def test_every_message_is_one_of_its_rule_s_templates() -> None:
    """The registry holds each message; a pass only fills it in."""
    patterns = {rule.code: re.compile("|".join(map(_template_pattern, rule.messages.values()))) for rule in RULES}
    assert all(rule.messages for rule in RULES)
    emitted = _emitted()
    assert {code for _where, code, _message in emitted} == set(patterns), "a code no example or case shows"
    strays = [(where, code, message) for where, code, message in emitted if not patterns[code].fullmatch(message)]
    assert strays == []


def _prose_literals(path: Path) -> list[str]:
    """String literals of four words or more, docstrings and assertion messages aside."""
    tree = ast.parse(path.read_text())
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.msg is not None:
            skipped.update(id(child) for child in ast.walk(node.msg))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and len(node.value.split()) >= 4
    ]


def test_no_message_is_written_in_a_pass() -> None:
    """Findings' messages live in the registry (migrate/rules/), not in the passes that emit them
    (nor in `rebind`, which says why a call cannot be rebound)."""
    emitters = [*(PACKAGE / "migrate" / "passes").glob("*.py"), PACKAGE / "migrate" / "rebind.py"]
    assert {path.name: _prose_literals(path) for path in emitters if _prose_literals(path)} == {}
