"""Line breaks inside a rewritten call stay where they were, so no later line moves."""

from __future__ import annotations

import pytest

from golden import CASES, read_source
from migrate_scopes import migrate_source

LAYOUTS = [
    "with tf.op_scope([x], \\\n\n                 'n'):\n",  # backslash, then an empty line
    "with tf.op_scope([x],\n\n                 'n'):\n",  # comma, then an empty line
    "with tf.op_scope([x], \\\n    name, \\\n    'D'):\n",  # a backslash after every argument
    "with tf.op_scope(\n    [x],\n\n    name,\n    'D',\n):\n",  # trailing comma, empty line
    "with tf.op_scope(\n    [x],  # values\n\n    # the name\n    name,\n):\n",  # comments
    "with tf.op_scope(  # opening\n    [x]  # values\n    ,  name):\n",
    "with tf.op_scope(\\\n[x], \\\nname \\\n):\n",
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_rewritten_call_keeps_its_lines(layout: str) -> None:
    source = f"import tensorflow as tf\n{layout}    pass\nAFTER = 1\n"
    migrated = migrate_source(source).code
    assert migrated != source and "name_scope" in migrated
    assert migrated.splitlines()[-1] == "AFTER = 1"
    assert len(migrated.splitlines()) == len(source.splitlines()), migrated
    assert migrated.count("\\") == source.count("\\"), migrated


def test_backslash_before_an_empty_line_is_kept() -> None:
    source = "import tensorflow as tf\nwith tf.op_scope([x], \\\n\n                 'n'):\n    pass\n"
    assert migrate_source(source).code == (
        "import tensorflow as tf\nwith tf.name_scope('n', \\\n\n                   values=[x]):\n    pass\n"
    )


def test_layout_golden_pair_keeps_every_line_number() -> None:
    source = read_source(CASES / "scopes" / "line_breaks" / "input.py")
    migrated = read_source(CASES / "scopes" / "line_breaks" / "output.py")
    assert migrate_source(source).code == migrated
    assert len(migrated.splitlines()) == len(source.splitlines())
    assert migrated.splitlines()[-1] == f"LAST_LINE = {len(source.splitlines())}"
