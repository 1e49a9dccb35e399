"""r0.10's positional reuse (pass "reuse"): golden cases in testdata/cases/reuse/ (checked
by test_golden.py), and the details.
"""

from __future__ import annotations

import pytest
from golden import CASES, golden_cases, read_source

from migrate_scopes import MigrationOptions, migrate_notebook, migrate_source
from migrate_scopes.migrate.frontends.python2 import parses_as_python2
from migrate_scopes.migrate.passes import positional_reuse

DATA = CASES / "reuse"


def _read(name: str) -> str:
    return read_source(DATA / name / "input.py")


def test_there_are_golden_cases() -> None:
    assert len(golden_cases("reuse")) >= 4


def test_rewrites_are_counted_with_their_code() -> None:
    result = migrate_source(_read("literal_reuse"))
    assert [(r.line, r.code) for r in result.rewrites] == [(11, "MS301"), (14, "MS301"), (19, "MS301"), (19, "MS301"), (21, "MS301"), (23, "MS301")]


def test_likely_reuse_message_explains() -> None:
    result = migrate_source(_read("likely_reuse"))
    messages = [f.message for f in result.findings]
    assert "default_name" in messages[0] and "reuse=reuse" in messages[0]
    assert "initializer" in messages[1]  # a third positional argument: r0.10's initializer
    assert "given twice" in messages[4]


def test_pass_can_be_switched_off() -> None:
    source = _read("literal_reuse")
    result = migrate_source(source, MigrationOptions(passes=frozenset({"scopes"})))
    assert result.code == source


def test_python2_source() -> None:
    source = 'import tensorflow as tf\nwith tf.variable_scope("rnn", True):\n    print "x"\n'
    result = migrate_source(source)
    assert result.code == 'import tensorflow as tf\nwith tf.variable_scope("rnn", reuse=True):\n    print "x"\n'
    assert parses_as_python2(result.code)


def test_notebook_cell() -> None:
    import json

    cells = [{"cell_type": "code", "source": "import tensorflow as tf"},
             {"cell_type": "code", "source": "%time x = 1\nwith tf.variable_scope('rnn', True): pass"}]
    result = migrate_notebook(json.dumps({"cells": cells}))
    assert json.loads(result.code)["cells"][1]["source"] == "%time x = 1\nwith tf.variable_scope('rnn', reuse=True): pass"
    assert [(r.cell, r.line, r.code) for r in result.rewrites] == [(2, 2, "MS301")]


def test_star_args_after_a_keyword_blocks_the_rewrite() -> None:
    # `*rest` fills the positional slots after True: r0.10's initializer..., r0.11's
    # default_name...; spelling True as reuse= would move what `rest` binds.
    source = "import tensorflow as tf\nwith tf.variable_scope('n', True, dtype=d, *rest):\n    pass\n"
    result = migrate_source(source)
    assert result.code == source
    assert [(f.code, "*args" in f.message) for f in result.findings] == [("MS302", True)]


_SECOND_SLOTS = ['"Name"', "None", "True", "False", "(True)", "reuse", "self.reuse", "self._name", "Reuse_flag",
                 "get(reuse)", "not first", "-first", "i > 0", "a and b", '"a" or True', "x or reuse", 'f"{x}"',
                 "1", "-1", "...", '("a")', '"a" "b"', "b'x'", r'"\\d"', "x if c else True", 'prefix + "/" + n',
                 "(r := x)", "lambda: True", "[True]"]


def _reuse_sources() -> list[str]:
    texts = [f"import tensorflow as tf\nwith tf.variable_scope(scope, {slot}, [x]):\n    pass\n" for slot in _SECOND_SLOTS]
    return texts + [case.source for case in golden_cases() if not case.is_notebook]


@pytest.mark.parametrize("source", _reuse_sources())
def test_a_call_skipped_without_libcst_would_have_given_nothing(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pass tells from the analysis alone that most calls pass nothing in reuse's r0.10 slot.
    quick = migrate_source(source)
    monkeypatch.setattr(positional_reuse, "_nothing_in_second_slot", lambda ctx, call: False)
    read_in_full = migrate_source(source)
    assert (quick.code, quick.findings) == (read_in_full.code, read_in_full.findings)
