"""Python 2 sources: golden cases in testdata/cases/python2/ (checked by test_golden.py)
and the masking front end."""

from __future__ import annotations

import ast

import pytest

from golden import CASES as CASES_DIR
from golden import GoldenCase, golden_cases, read_source
from migrate_scopes import MigrationError, migrate_source
from migrate_scopes.migrate.frontends.python2 import expand_indentation, mask_python2, parse_python2, parses_as_python2

DATA = CASES_DIR / "python2"
GOLDEN = golden_cases("python2")
CASES = [case.input_path.parent.name for case in GOLDEN]


def _read(name: str) -> str:
    return read_source(DATA / name / "input.py")


def test_there_are_golden_pairs() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("case", GOLDEN, ids=lambda c: c.id)
def test_golden_is_python2(case: GoldenCase) -> None:
    with pytest.raises(SyntaxError):
        ast.parse(case.source)  # each input really is Python 2 only
    assert case.run().dialect == "python2"


@pytest.mark.parametrize("name", CASES)
def test_mask_keeps_width_and_line_breaks(name: str) -> None:
    source = _read(name)
    masked = mask_python2(source, parse_python2(source))
    assert len(masked) == len(source)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(source) if c in "\r\n"]
    ast.parse(expand_indentation(masked)[0])


def test_indentation_expands_like_python2_and_records_shifts() -> None:
    expanded, shifts = expand_indentation("if a:\n        b\n\t    c\r\t\td\n")
    assert expanded == "if a:\n        b\n            c\r                d\n"
    assert shifts == {3: 7, 4: 14}


def test_call_with_python2_syntax_inside_is_reported() -> None:
    result = migrate_source(_read("python2_inside_call"))
    assert [(f.line, f.code) for f in result.findings if f.code != "MS401"] == [(7, "MS106")]


def test_reference_inside_print_statement_is_still_seen() -> None:
    source = "import tensorflow as tf\nprint tf.op_scope\n"
    result = migrate_source(source)
    assert [(f.line, f.col, f.code) for f in result.findings if f.code != "MS401"] == [(2, 7, "MS102")]
    assert result.code == source


@pytest.mark.parametrize(
    "source, masked",
    [
        ('print >>f, "x"\n', 'None,   f, "x"\n'),
        ("exec code in ns\n", "0,   code in ns\n"),
        ("raise E, v, tb\n", "None, E, v, tb\n"),
        ("try:\n  pass\nexcept E, e:\n  pass\n", "try:\n  pass\nexcept E   :\n  pass\n"),
        ("x = `y`\n", "x = (y)\n"),
        ("x = a <> b\n", "x = a != b\n"),
        ("x = 0777 + 10L + 0L + 00\n", "x = 1777 + 10  + 0  + 00\n"),
        ("x = ur'a' + UR'b'\n", "x =  r'a' +  R'b'\n"),
        ("def f((a, b), (c,\n d)): pass\n", "def f(_0____, _1_\n   ): pass\n"),
        ("async = await = 1\nprint\n", "_sync = _wait = 1\nNone,\n"),
        ("try:\n  pass\nexcept E, \\\n   e:\n  pass\n", "try:\n  pass\nexcept E  \\\n    :\n  pass\n"),
    ],
)
def test_masks(source: str, masked: str) -> None:
    assert mask_python2(source, parse_python2(source)) == masked
    ast.parse(masked)


def test_neither_python3_nor_python2_is_an_error() -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_source("import tensorflow as tf\nwith tf.op_scope([x], 'n'):\npass\n")
    assert "cannot parse" in caught.value.message
    assert "line 3" in caught.value.message


def test_python2_form_that_cannot_be_masked_is_an_error() -> None:
    # Python 2 accepts a comprehension over a bare tuple; Python 3 never does.
    source = "print 'x'\nxs = [x for x in 1, 2]\n"
    assert parses_as_python2(source)
    with pytest.raises(MigrationError) as caught:
        migrate_source(source)
    assert "read as Python 2" in caught.value.message


def test_python3_output_is_not_read_as_python2() -> None:
    result = migrate_source("import tensorflow as tf\nwith tf.op_scope([1], 'n'):\n    pass\n")
    assert result.dialect == "python3"


def test_parses_as_python2() -> None:
    assert parses_as_python2('print "x"\n')
    assert parses_as_python2("print('x', file=f)\n")  # with print_function
    assert parses_as_python2("x = 1")  # no final line end
    assert not parses_as_python2("def f(:\n")
    assert not parses_as_python2("if x:\npass\n")
