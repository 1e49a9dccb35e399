"""Every golden case under testdata/cases (see golden.py for the layout).

Each case (and each variant) is checked the same way: the output byte for byte, every
finding with its message, a second run that changes nothing, and output that parses.
"""

from __future__ import annotations

import ast
import json

import pytest

from golden import FILES_OF_A_VARIANT, INPUTS, TESTDATA, GoldenCase, format_finding, golden_cases, layout_problems
from migrate_scopes.migrate.frontends.python2 import parses_as_python2

CASES = golden_cases()

# Cases per group when the groups were first gathered here: none may go missing.
AT_LEAST = {"scopes": 21, "get_variable": 26, "reuse": 4, "python2": 8, "notebooks": 3, "unchanged": 5}


def test_there_are_golden_cases() -> None:
    counts = {group: sum(c.group == group for c in CASES) for group in AT_LEAST}
    assert all(counts[group] >= n for group, n in AT_LEAST.items()), counts


def test_every_file_is_read_by_the_loader() -> None:
    assert layout_problems() == []


def test_no_test_data_outside_the_known_folders() -> None:
    """A pair added in an old layout (testdata/golden/NAME.in.py, ...) would be read by nothing."""
    known = {"cases", "tf_programs", "checkpoint_models"}
    assert sorted(p.name for p in TESTDATA.iterdir() if p.name not in known) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_output(case: GoldenCase) -> None:
    result = case.run()
    assert result.code == case.expected_output
    if not case.expects_change:
        assert not result.changed and not result.rewrites


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_findings(case: GoldenCase) -> None:
    assert [format_finding(f) for f in case.run().findings] == case.expected_findings


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_second_run_changes_nothing(case: GoldenCase) -> None:
    again = case.run(case.expected_output)
    assert again.code == case.expected_output
    assert not again.rewrites


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_output_parses(case: GoldenCase) -> None:
    """Python 3 stays Python 3; Python 2 (MS401) stays readable by the Python 2 front end."""
    output = case.expected_output
    if case.is_notebook:
        json.loads(output)
    elif any(line.split(" ")[1] == "MS401" for line in case.expected_findings):
        assert parses_as_python2(output)
    else:
        ast.parse(output.removeprefix("\ufeff"))  # a BOM is the file's, not the code's


def test_readme_names_every_file_of_a_case() -> None:
    readme = (TESTDATA.parent / "README.md").read_text()
    assert "testdata/cases/GROUP/CASE/" in readme
    assert all(f"`{name}`" in readme for name in (*INPUTS, *FILES_OF_A_VARIANT))
