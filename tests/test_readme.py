"""README, CI and behaviour stay in step."""

from __future__ import annotations

import re
from pathlib import Path

from migrate_scopes.migrate.rules import LINT, all_rules, rewriting_rules, with_readme_tables

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(pip install [^\n]+)\n```", readme)


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "testdata" in commands[0] and "pytest" in commands[1] and "[test]" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci


def test_readme_tables_of_codes_are_the_registry_s() -> None:
    readme = (ROOT / "README.md").read_text()
    assert readme == with_readme_tables(readme), (
        "README.md's tables and lists of codes differ from the rules in migrate_scopes/migrate/rules/: "
        "run `python tests/test_readme.py` to regenerate them"
    )


def test_readme_s_lists_of_rewrite_codes_are_the_registry_s() -> None:
    """The JSON report's `rewrites[].code` row and the scopes section's sentence are written in
    by `with_readme_tables` (checked above); here: they are there, naming every rewrite code."""
    readme = (ROOT / "README.md").read_text()
    [row] = [line for line in readme.splitlines() if line.startswith("| `files[].rewrites[].code` |")]
    assert [code for code in re.findall(r"`(MS\d+)`", row)] == [rule.code for rule in rewriting_rules()]
    region = readme.split("<!-- rules: rewrites of scopes -->\n", 1)[1].split("<!-- /rules -->", 1)[0]
    assert re.findall(r"MS\d+", region) == [rule.code for rule in rewriting_rules("scopes")] == ["MS001", "MS002", "MS003"]


def test_readme_names_the_lints_the_registry_declares() -> None:
    readme = " ".join((ROOT / "README.md").read_text().split())
    lints = [rule.code for rule in all_rules() if rule.kind == LINT]
    assert f"lints: {', '.join(lints)};" in readme


if __name__ == "__main__":
    # Regenerate the README's tables of codes from the registry.
    path = ROOT / "README.md"
    path.write_text(with_readme_tables(path.read_text()))
