"""Unit tests of the pure core: rebinding plan, edits, name resolution, errors."""

from __future__ import annotations

import pytest

from migrate_scopes import MigrationError, migrate_source
from migrate_scopes.migrate.rebind import ArgInfo, ArgKind, Effect, PlacedArg, Refusal, bind, plan_rebind
from migrate_scopes.migrate.source_text import Edit, SourceText, apply_edits, replace_with
from migrate_scopes.migrate.tensorflow_api import OP_SCOPE, VARIABLE_OP_SCOPE, tensorflow_function

POS = ArgInfo(ArgKind.POSITIONAL)
CALL_POS = ArgInfo(ArgKind.POSITIONAL, effect=Effect.EFFECT)


def plan(args: list[ArgInfo], scope=OP_SCOPE):
    return plan_rebind(args, scope.old_params, scope.new_params, scope.old)


# -- rebinding plan ------------------------------------------------------------
def test_three_positional_stay_positional_in_new_order() -> None:
    assert plan([POS, POS, POS]) == [PlacedArg(1, None), PlacedArg(2, None), PlacedArg(0, None)]


def test_values_become_keyword_when_default_name_missing() -> None:
    assert plan([POS, POS]) == [PlacedArg(1, None), PlacedArg(0, "values")]


def test_variable_op_scope_tail_stays_positional() -> None:
    result = plan([POS] * 5, VARIABLE_OP_SCOPE)
    assert [p.source for p in result] == [1, 2, 0, 3, 4]
    assert all(p.keyword is None for p in result)


def test_converted_values_take_their_place_in_the_new_signature() -> None:
    default_kw = ArgInfo(ArgKind.KEYWORD, "default_name")
    assert plan([POS, POS, default_kw]) == [PlacedArg(1, None), PlacedArg(2, "default_name"), PlacedArg(0, "values")]
    reuse_kw = ArgInfo(ArgKind.KEYWORD, "reuse")
    result = plan([POS, POS, reuse_kw], VARIABLE_OP_SCOPE)
    assert result == [PlacedArg(1, None), PlacedArg(0, "values"), PlacedArg(2, "reuse")]


def test_double_star_stays_last() -> None:
    assert plan([POS, ArgInfo(ArgKind.DOUBLE_STAR)]) == [PlacedArg(0, "values"), PlacedArg(1, None)]


def test_two_calls_keep_their_order_by_keywords() -> None:
    result = plan([CALL_POS, CALL_POS])
    assert result == [PlacedArg(0, "values"), PlacedArg(1, "name")]


def test_call_may_move_past_a_plain_name() -> None:
    assert plan([CALL_POS, POS]) == [PlacedArg(1, None), PlacedArg(0, "values")]


def test_star_args_refused() -> None:
    result = plan([ArgInfo(ArgKind.STAR)])
    assert isinstance(result, Refusal) and result.code == "MS101"


@pytest.mark.parametrize(
    "args",
    [[POS, POS, POS, POS], [POS, ArgInfo(ArgKind.KEYWORD, "values")]],
)
def test_invalid_calls_refused(args: list[ArgInfo]) -> None:
    result = plan(args)
    assert isinstance(result, Refusal) and result.code == "MS104"


# -- text and edits ------------------------------------------------------------
def test_offsets_count_utf8_columns_and_all_line_ends() -> None:
    source = SourceText("a\r\nbé = f()\rc\n")
    assert source.text[source.offset(2, 6) :].startswith("f()")  # é is two UTF-8 bytes
    assert source.position(source.offset(3, 0)) == (3, 1)


def test_nested_edits_compose() -> None:
    text = "f(g(1), 2)"
    edits = [Edit(0, 10, lambda old: old.upper()), Edit(2, 6, replace_with("h(3)"))]
    assert apply_edits(text, edits) == "F(H(3), 2)"


def test_insertions_at_span_edges_stay_outside() -> None:
    text = "with f(x):"
    edits = [Edit(5, 9, replace_with("gg(y)")), Edit(9, 9, replace_with(" as s")), Edit(5, 5, replace_with("<"))]
    assert apply_edits(text, edits) == "with <gg(y) as s:"


# -- what is TensorFlow's ------------------------------------------------------
@pytest.mark.parametrize(
    "name,expected",
    [
        ("tensorflow.op_scope", "op_scope"),
        ("tensorflow.compat.v1.variable_op_scope", "variable_op_scope"),
        ("tensorflow.python.framework.ops.op_scope", "op_scope"),
        ("tensorflow.python.ops.variable_scope.variable_op_scope", "variable_op_scope"),
        ("tensorflow.nn.op_scope", None),
        ("mylib.op_scope", None),
        ("tensorflow.python.framework.ops.variable_op_scope", None),
    ],
)
def test_tensorflow_function(name: str, expected: str | None) -> None:
    assert tensorflow_function(name) == expected


def migrated(source: str) -> str:
    return migrate_source(source).code


def test_global_declaration_reaches_module_binding() -> None:
    source = "tf = None\ndef load():\n    global tf\n    import tensorflow as tf\ndef f(x):\n    return tf.op_scope([x], 'n')\n"
    assert "tf.name_scope('n', values=[x])" in migrated(source)


def test_class_scope_is_skipped_by_methods() -> None:
    source = (
        "import tensorflow as tf\n"
        "class A:\n"
        "    tf = object()\n"
        "    def f(self, x):\n"
        "        return tf.op_scope([x], 'n')\n"
    )
    assert "tf.name_scope('n', values=[x])" in migrated(source)


def test_comprehension_variable_shadows() -> None:
    source = "import tensorflow as tf\nscopes = [tf.op_scope([x], 'n') for tf in libs]\n"
    assert migrated(source) == source


def test_later_local_assignment_makes_name_local() -> None:
    source = "import tensorflow as tf\ndef f(x):\n    with tf.op_scope([x], 'n'):\n        pass\n    tf = 1\n"
    assert migrated(source) == source


def test_star_import_from_tensorflow() -> None:
    source = "from tensorflow import *\nwith op_scope([x], 'n'):\n    pass\n"
    assert "with name_scope('n', values=[x]):" in migrated(source)


def test_optional_import_fallback_to_none_is_still_tensorflow() -> None:
    source = "try:\n    import tensorflow as tf\nexcept ImportError:\n    tf = None\ntf.op_scope([x], 'n')\n"
    assert migrated(source).endswith("tf.name_scope('n', values=[x])\n")


def test_import_removed_from_only_block_leaves_pass() -> None:
    source = (
        "from tensorflow import name_scope\n"
        "if True:\n"
        "    from tensorflow import op_scope\n"
        "with op_scope([x], 'n'):\n"
        "    pass\n"
    )
    assert migrated(source) == (
        "from tensorflow import name_scope\n"
        "if True:\n"
        "    pass\n"
        "with name_scope('n', values=[x]):\n"
        "    pass\n"
    )


def test_conflicting_new_name_is_reported() -> None:
    source = "from tensorflow import op_scope\nname_scope = 'mine'\nwith op_scope([x], 'n'):\n    pass\n"
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS105"]


def test_syntax_error_is_a_migration_error() -> None:
    with pytest.raises(MigrationError) as error:
        migrate_source("def f(:\n    pass\n")
    assert error.value.line == 1


def test_nul_byte_is_a_migration_error() -> None:
    with pytest.raises(MigrationError):
        migrate_source("x = 1\0\n")


def test_findings_and_rewrites_have_positions() -> None:
    result = migrate_source("import tensorflow as tf\n\nf = tf.op_scope\nwith tf.op_scope([x], 'n'):\n    pass\n")
    assert [(f.line, f.col, f.code) for f in result.findings] == [(3, 5, "MS102")]
    assert [(r.line, r.col, r.code) for r in result.rewrites] == [(4, 6, "MS001")]


def test_call_missing_a_required_argument_is_refused() -> None:
    source = "import tensorflow as tf\nwith tf.variable_op_scope(name_or_scope='s', initializer=i):\n    pass\n"
    result = migrate_source(source)
    assert result.code == source
    assert [f.code for f in result.findings] == ["MS104"]


def test_double_star_may_supply_required_arguments() -> None:
    source = "import tensorflow as tf\nwith tf.op_scope(**kw):\n    pass\n"
    assert "tf.name_scope(**kw)" in migrated(source)


def test_walrus_keeps_order() -> None:
    source = "import tensorflow as tf\ntf.op_scope([x], (x := f()), 'F')\n"
    assert "tf.name_scope(values=[x], name=(x := f()), default_name='F')" in migrated(source)


def test_string_formatting_of_a_name_may_move() -> None:
    source = "import tensorflow as tf\ntf.op_scope(self.h_vars, '%s_h' % scope)\n"
    assert "tf.name_scope('%s_h' % scope, values=self.h_vars)" in migrated(source)


def test_compat_shim_assignment_is_still_tensorflow() -> None:
    source = "import tensorflow as tf\ntf = tf.compat.v1\ntf.op_scope([x], n, 'F')\n"
    assert migrated(source).endswith("tf.name_scope(n, 'F', [x])\n")


def test_call_through_assigned_name_is_reported_not_renamed() -> None:
    source = "from tensorflow import op_scope\nosc = op_scope\nosc([x], 'n')\nop_scope([y], 'm')\n"
    result = migrate_source(source)
    assert result.code == source.replace("op_scope([y], 'm')", "name_scope('m', values=[y])").replace(
        "from tensorflow import op_scope", "from tensorflow import op_scope, name_scope"
    )
    assert "MS102" in [f.code for f in result.findings]


def test_unimported_module_is_reported() -> None:
    source = "import tensorflow as tf\nwith ops.op_scope([x], n, 'F'):\n    pass\n"
    result = migrate_source(source)
    assert result.code == source
    assert [(f.line, f.code) for f in result.findings] == [(2, "MS107")]


def test_nul_byte_message_has_no_line() -> None:
    with pytest.raises(MigrationError) as error:
        migrate_source("x = 1\0\n")
    assert "None" not in error.value.message


def test_conditional_scope_in_with_is_entered_at_once() -> None:
    source = (
        "import tensorflow as tf\n"
        "with (tf.variable_op_scope([], 'a') if c else tf.variable_op_scope([], None, 'B')) as s:\n"
        "    pass\n"
    )
    result = migrate_source(source)
    assert "(tf.variable_scope('a', values=[]) if c else tf.variable_scope(None, 'B', [])) as s:" in result.code
    assert not result.findings


def test_root_from_an_unknown_star_import_is_reported() -> None:
    source = "from common import *\nwith tf.variable_op_scope([x], s, 'n'):\n    pass\n"
    result = migrate_source(source)
    assert result.code == source
    assert [(f.line, f.code) for f in result.findings] == [(2, "MS107")]


def test_two_tensorflow_functions_under_one_name_says_which() -> None:
    source = (
        "if v:\n    from tensorflow import name_scope as op_scope\n"
        "else:\n    from tensorflow import op_scope\n"
        "with op_scope([t], n):\n    pass\n"
    )
    (finding,) = migrate_source(source).findings
    assert finding.code == "MS103" and "TensorFlow's name_scope (line 2)" in finding.message


def test_import_edits_are_not_counted_as_calls() -> None:
    result = migrate_source("from tensorflow import op_scope\nwith op_scope([x], 'n'):\n    pass\n")
    assert [(r.code, r.is_call) for r in result.rewrites] == [("MS003", False), ("MS001", True)]


def test_bind_fills_parameters_as_python_does() -> None:
    args = [ArgInfo(ArgKind.POSITIONAL), ArgInfo(ArgKind.KEYWORD, "c"), ArgInfo(ArgKind.KEYWORD, "a")]
    binding = bind(args, ("a", "b", "c"))
    assert binding.bound == {"a": 2, "c": 1}  # `a` given twice: the keyword is what is read
    assert binding.twice == ("a",)
    assert binding.certain("b") and not binding.star


def test_bind_leaves_parameters_a_star_may_fill_uncertain() -> None:
    args = [ArgInfo(ArgKind.POSITIONAL), ArgInfo(ArgKind.STAR), ArgInfo(ArgKind.POSITIONAL), ArgInfo(ArgKind.KEYWORD, "c")]
    binding = bind(args, ("a", "b", "c"))
    assert binding.positional == (0,) and binding.after_star == 1
    assert binding.bound == {"a": 0, "c": 3}
    assert not binding.certain("b") and binding.certain("c")
    refusal = binding.refusal(("a", "b", "c"), "f")
    assert refusal is not None and refusal.code == "MS101"
    assert refusal.message == "f() is called with *args, so which parameter each argument binds is unknown; rewrite the call by hand"
    only_kwargs = bind([ArgInfo(ArgKind.DOUBLE_STAR)], ("a",))
    assert not only_kwargs.certain("a") and only_kwargs.refusal(("a",), "f", required=("a",)) is None
