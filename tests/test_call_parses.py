"""Each call is read with libcst once per migration, however many passes and get_variable
calls beneath it ask about it: counted on the real parser, never timed."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import libcst
import pytest
from golden import golden_cases

from migrate_scopes import MigrationOptions, migrate_source
from migrate_scopes.migrate.cst_calls import bind_call, parse_call
from migrate_scopes.migrate.frontends import read
from migrate_scopes.migrate.frontends.python3 import parses
from migrate_scopes.migrate.passes.positional_reuse import _R010_SIGNATURE
from migrate_scopes.migrate.rebind import bind

SOURCE = '''import tensorflow as tf

def layer(x, name=None, reuse=None):
    with tf.variable_op_scope([x], name, "Layer",
                              reuse=reuse):
        with tf.op_scope([x], "inner",
                         "Inner"):
            w = tf.get_variable("w", [1])
            b = tf.get_variable("b", [1])
            c = tf.get_variable(name="c", shape=[1])
        with tf.variable_scope("vs", True):
            v = tf.get_variable("v", [1])
    return x

with tf.variable_scope("top"):
    with tf.name_scope("ns"):
        a1 = tf.get_variable("a1", [1])
        a2 = tf.get_variable("a2", [1])
'''


@pytest.mark.parametrize("wrap", [False, True])
def test_no_call_text_is_parsed_twice(monkeypatch: pytest.MonkeyPatch, wrap: bool) -> None:
    parsed: Counter[str] = Counter()
    real = libcst.parse_expression

    def counting(text: str, *args, **kwargs):
        parsed[text] += 1
        return real(text, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_expression", counting)
    result = migrate_source(SOURCE, MigrationOptions(wrap_get_variable=wrap))
    assert result.code != SOURCE  # the calls were read, and rewritten
    assert parsed, "the multi-line calls go through libcst"
    assert [text for text, count in parsed.items() if count > 1] == []


def test_libcst_is_loaded_only_when_a_call_is_read_with_it() -> None:
    # Importing libcst costs more than migrating a thousand one-line calls as text.
    probe = (
        "import sys\n"
        "from migrate_scopes import migrate_source\n"
        "def loaded(): return 'libcst._nodes.expression' in sys.modules\n"
        "one_line = migrate_source('import tensorflow as tf\\nwith tf.op_scope([x], n, \"F\"):\\n    pass\\n')\n"
        "print(repr(one_line.code.splitlines()[1]), loaded())\n"
        "one_slot = migrate_source('import tensorflow as tf\\nwith tf.variable_scope(\"v\",\\n  reuse=True):\\n    pass\\n')\n"
        "print(repr(one_slot.code.splitlines()[1]), loaded())\n"
        "spread = migrate_source('import tensorflow as tf\\nwith tf.op_scope([x],\\n  n):\\n    pass\\n')\n"
        "print(repr(spread.code.splitlines()[1]), loaded())\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == [
        """'with tf.name_scope(n, "F", [x]):' False""",  # rebound as text from the ast tree
        """'with tf.variable_scope("v",' False""",  # no second positional slot: no r0.10 reuse to read
        "'with tf.name_scope(n,' True",  # a line break inside: libcst keeps the layout
    ]


def _golden_python3_sources() -> list[str]:
    return [case.source for case in golden_cases() if not case.is_notebook and parses(case.source)]


@pytest.mark.parametrize("source", _golden_python3_sources())
def test_the_analysis_counts_positional_arguments_as_libcst_reads_them(source: str) -> None:
    # The reuse pass decides from the analysis's arguments alone that a call has no second slot.
    analysis = read(source)
    for call in analysis.calls:
        node = parse_call(source[call.span.start : call.span.end])
        assert bind(call.args, _R010_SIGNATURE).positional == bind_call(node, _R010_SIGNATURE).positional
