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


_R011_CALL = 'import tensorflow as tf\nwith tf.variable_scope("rnn", True):\n    pass\n'

# Each shows code written for r0.11 or later (see tensorflow_api.NEWER_NAMES, NEWER_SCOPE_KEYWORDS).
_EVIDENCE = {
    "tf.global_variables": "v = tf.global_variables()\n",
    "tf.global_variables_initializer (r0.12)": "def main(s):\n    s.run(tf.global_variables_initializer())\n",
    "tf.summary.FileWriter": 'w = tf.summary.FileWriter("logs")\n',
    "tf.summary.histogram": 'tf.summary.histogram("h", x)\n',
    "tf.summary.scalar": "from tensorflow.summary import scalar\n",
    "tf.keras (1.4)": "model = tf.keras.Sequential()\n",
    "tf.keras": "from tensorflow.keras import layers\n",
    "via tf.keras": "import tensorflow.keras.layers as L\n",
    "tf.AUTO_REUSE (1.4)": 'with tf.variable_scope("a", reuse=tf.AUTO_REUSE):\n    pass\n',
    "compat.v1 spelling": "import tensorflow.compat.v1 as v1\ninit = v1.global_variables_initializer()\n",
    "default_name= to variable_scope (r0.11)": 'with tf.variable_scope(None, default_name="a"):\n    pass\n',
    "values= to variable_scope": 'with tf.variable_scope("a", values=[x]):\n    pass\n',
    "use_resource= to variable_scope (1.1)": 'with tf.variable_scope("a", use_resource=True):\n    pass\n',
    "constraint= to variable_scope (1.4)": 'with tf.variable_scope("a", constraint=None):\n    pass\n',
    "auxiliary_name_scope= to variable_scope (1.5)": 'with tf.variable_scope("a", auxiliary_name_scope=False):\n    pass\n',
    "default_name= to name_scope": 'with tf.name_scope(None, default_name="a"):\n    pass\n',
    "values= to name_scope": 'with tf.name_scope("a", values=[x]):\n    pass\n',
    "name_scope a default_name or values (r0.11)": 'with tf.name_scope(None, "Block"):\n    pass\n',
}


@pytest.mark.parametrize("shown", list(_EVIDENCE))
def test_code_written_for_r011_keeps_its_positional_flag(shown: str) -> None:
    source = _R011_CALL + _EVIDENCE[shown]
    result = migrate_source(source)
    assert result.code == source
    assert [(f.line, f.code) for f in result.findings] == [(2, "MS303")]
    expected = shown.replace("compat.v1 spelling", "tf.global_variables_initializer").replace("via ", "")
    assert expected in result.findings[0].message


# Not evidence: names r0.10 had, names that are not TensorFlow's, Graph.name_scope, tf.compat.v1.
_NO_EVIDENCE = [
    "init = tf.initialize_all_variables()\n",
    "import tensorflow.compat.v1 as v1\nx = v1.placeholder(v1.float32)\n",
    "s = tf.compat.as_str(b'x')\n",
    'with tf.name_scope("a"):\n    pass\n',
    'with tf.get_default_graph().name_scope("a"):\n    pass\n',
    "def f(backend):\n    backend.global_variables_initializer()\n",
    "AUTO_REUSE = True\nsummary = None\n",
    "def f(tf):\n    return tf.AUTO_REUSE\n",
    'tf.contrib.summary.scalar("s", 1)\n',
    "import tensorflow.contrib.layers as layers\n",
    "from tensorflow.contrib import keras\n",
]


@pytest.mark.parametrize("other", _NO_EVIDENCE)
def test_without_evidence_the_r010_reading_stands(other: str) -> None:
    result = migrate_source(_R011_CALL + other)
    assert result.code.startswith('import tensorflow as tf\nwith tf.variable_scope("rnn", reuse=True):\n')
    assert [f.code for f in result.findings] == ["MS301"]


def test_the_r011_finding_obeys_noqa_select_ignore_and_passes() -> None:
    source = _R011_CALL + "init = tf.global_variables_initializer()\n"
    silenced = source.replace("True):", "True):  # noqa: MS303")
    for result in (
        migrate_source(silenced),
        migrate_source(source, MigrationOptions(ignore=("MS303",))),
        migrate_source(source, MigrationOptions(select=("MS301", "MS302"))),
        migrate_source(source, MigrationOptions(passes=frozenset({"scopes", "get-variable"}))),
    ):
        assert result.findings == []
        assert "True)" in result.code and "reuse=" not in result.code
    assert [f.code for f in migrate_source(source, MigrationOptions(select=("MS3",))).findings] == ["MS303"]
