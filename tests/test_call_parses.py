"""Each call is read with libcst once per migration, however many passes and get_variable
calls beneath it ask about it: counted on the real parser, never timed."""

from __future__ import annotations

from collections import Counter

import libcst
import pytest

from migrate_scopes import MigrationOptions, migrate_source

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
