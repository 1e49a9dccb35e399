"""Every rewritten call stays bound to the function it was rewritten for; nothing else moves."""

from __future__ import annotations

import ast

import pytest
from golden import golden_cases

from migrate_scopes import MigrationError, migrate_source
from migrate_scopes.migrate.analysis import analyse, resolved_uses, uses_of
from migrate_scopes.migrate.engine import check_bindings
from migrate_scopes.migrate.frontends import read as analyse_text
from migrate_scopes.migrate.frontends.python3 import parses
from migrate_scopes.migrate.passes import PassOutput
from migrate_scopes.migrate.source_text import Edit, apply_edits, replace_with


def test_duplicate_alias_on_one_line_renames_both() -> None:
    source = "from tensorflow import op_scope as s, op_scope as s\nwith s([x], 'n'):\n    pass\n"
    assert migrate_source(source).code == (
        "from tensorflow import name_scope as s, name_scope as s\nwith s('n', values=[x]):\n    pass\n"
    )


def test_a_plan_that_would_leave_a_call_bound_to_the_old_function_is_refused() -> None:
    # What an import edit that follows only the first of two bindings produces.
    source = "from tensorflow import op_scope as s, op_scope as s\nwith s([x], 'n'):\n    pass\n"
    analysis = analyse_text(source)
    call = analysis.calls[0]
    output = PassOutput(
        edits=[Edit(23, 31, replace_with("name_scope")), Edit(call.span.start, call.span.end, replace_with("s('n', values=[x])"))],
        retargeted={call.span.start: "name_scope"},
    )
    new_text = apply_edits(source, output.edits)
    assert new_text.startswith("from tensorflow import name_scope as s, op_scope as s\n")
    with pytest.raises(MigrationError, match="would change what a name calls.*this is a bug"):
        check_bindings(analysis, output, new_text)


def test_an_edit_that_changes_an_untouched_use_is_refused() -> None:
    source = "import tensorflow as tf\nf = tf.op_scope\n"
    analysis = analyse_text(source)
    output = PassOutput(edits=[Edit(0, 23, replace_with("import numpy as tf"))])
    with pytest.raises(MigrationError):
        check_bindings(analysis, output, apply_edits(source, output.edits))


@pytest.mark.parametrize(
    "later",
    ["del op_scope\n", "op_scope = make_scope\n", "def op_scope(values, name):\n    pass\n"],
)
def test_a_name_rebound_later_is_left_with_a_finding(later: str) -> None:
    source = "from tensorflow import op_scope\nwith op_scope([x], 'n'):\n    pass\n" + later
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS103"]


def test_two_imports_of_the_same_name_on_separate_lines_are_both_followed() -> None:
    source = (
        "from tensorflow import op_scope as s\nfrom tensorflow import name_scope as s\n"
        "with s(values=[x], name='n'):\n    pass\n"
    )
    assert migrate_source(source).code == source.replace("op_scope as s", "name_scope as s")


def test_exported_name_keeps_its_import() -> None:
    source = (
        "from tensorflow import op_scope\n__all__ = ('op_scope',)\n"
        "with op_scope([x], 'n'):\n    pass\n"
    )
    assert migrate_source(source).code == (
        "from tensorflow import op_scope, name_scope\n__all__ = ('op_scope',)\n"
        "with name_scope('n', values=[x]):\n    pass\n"
    )


def test_exported_version_dependent_name_is_not_retargeted() -> None:
    source = (
        "if v:\n    from tensorflow import name_scope as op_scope\n"
        "else:\n    from tensorflow import op_scope\n"
        "__all__ = []\n__all__.append('op_scope')\n"
        "with op_scope(values=[t], name=n):\n    pass\n"
    )
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS103"]


def test_keyword_only_one_side_takes_keeps_the_finding() -> None:
    source = (
        "if v:\n    from tensorflow import name_scope as op_scope\n"
        "else:\n    from tensorflow import op_scope\n"
        "with op_scope(values=[t], name=n, reuse=True):\n    pass\n"
    )
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS103"]


def test_version_dependent_import_is_an_import_rewrite_not_a_call() -> None:
    source = (
        "try:\n    from tensorflow import op_scope\n"
        "except ImportError:\n    from tensorflow import name_scope as op_scope\n"
        "with op_scope(values=[t], name=n):\n    pass\n"
    )
    result = migrate_source(source)
    assert result.code == source.replace("import op_scope\n", "import name_scope as op_scope\n")
    assert [(r.code, r.is_call) for r in result.rewrites] == [("MS003", False)]


def test_new_name_used_unbound_elsewhere_is_not_shadowed() -> None:
    # `name_scope` comes from an unknown `*` import: importing TensorFlow's would take it over.
    source = "from mylib import *\nfrom tensorflow import op_scope\nwith op_scope([x], 'n'):\n    pass\nname_scope('mine')\n"
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS105"]


def test_notebook_bindings_across_cells_are_all_followed() -> None:
    import json

    from migrate_scopes import migrate_notebook

    sources = [
        "from tensorflow import op_scope as s\n",
        "from tensorflow import op_scope as s, op_scope as s\n",
        "with s([x], 'n'):\n    pass\n",
    ]
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": s} for s in sources]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    migrated = [cell["source"] for cell in json.loads(migrate_notebook(notebook).code)["cells"]]
    assert migrated == [
        "from tensorflow import name_scope as s\n",
        "from tensorflow import name_scope as s, name_scope as s\n",
        "with s('n', values=[x]):\n    pass\n",
    ]


def test_each_call_knows_the_function_it_is_in() -> None:
    source = (
        "import tensorflow as tf\n"
        "a = tf.get_variable('a')\n"
        "def f(d=tf.get_variable('d')):\n"
        "    b = tf.get_variable('b')\n"
        "    class C:\n"
        "        c = [tf.get_variable(n) for n in 'c']\n"
        "    g = lambda: tf.get_variable('g')\n"
        "    return b\n"
        "def h():\n"
        "    return tf.get_variable('h')\n"
    )
    calls = analyse_text(source).calls
    by_line = {call.span.line: call.function_id for call in calls}
    assert by_line[2] is None and by_line[3] is None  # module level, a default is evaluated outside
    assert by_line[4] is not None and by_line[4] == by_line[6]  # a class body and a comprehension in f
    assert len({by_line[4], by_line[7], by_line[10]}) == 3  # the lambda and h are functions of their own


_TRICKY = [
    # Rebound, shadowed, star-imported, aliased, unbound, version-dependent and declared names.
    "from tensorflow import op_scope as s\ndef f():\n    s = None\n    return s([x], 'n')\nwith s([x], 'n'):\n    pass\n",
    "from tensorflow import *\nwith op_scope([x], 'n'):\n    f = variable_scope\n",
    "import tensorflow as tf\ntf = tf.compat.v1\nclass C:\n    tf = None\n    def m(self):\n        return tf.op_scope([x], 'n')\n",
    "with ops.op_scope([x], 'n'):\n    get_variable('w')\n",
    "try:\n    from tensorflow import name_scope as op_scope\nexcept ImportError:\n    from tensorflow import op_scope\n",
    "import tensorflow as tf\ndef f():\n    global tf\n    tf = make()\n    def g():\n        nonlocal_ = tf.op_scope\n    return [tf.variable_op_scope(v, 'n') for tf in ts]\n",
    "import tensorflow as tf\ndef f():\n    tf = 1\n    def g():\n        nonlocal tf\n        return tf.name_scope('n')\n    return lambda: tf.get_variable('w')\n",
]


def _python3_sources() -> list[str]:
    texts = list(_TRICKY)
    for case in golden_cases():
        if not case.is_notebook:
            texts += [case.source, case.expected_output]
    return [text for text in dict.fromkeys(texts) if parses(text)]


@pytest.mark.parametrize("text", _python3_sources())
def test_the_check_reads_the_uses_the_analysis_finds(text: str) -> None:
    # check_bindings reads migrated text without building what only the passes need.
    tree = ast.parse(text)
    assert resolved_uses(text, tree) == uses_of(analyse(text, tree), {})
