"""Invalid input is the user's error, named as such; never an internal error."""

from __future__ import annotations

import codecs
import encodings.aliases
import json
from pathlib import Path

import pytest

from cli_support import assert_no_traceback, run_cli, text
from migrate_scopes import MigrationError, migrate_notebook, migrate_source
from migrate_scopes.files import DecodeError, decode_source

OP_SCOPE_LINE = "import tensorflow as tf\nwith tf.op_scope([x], 'n'):\n    pass\n"
NON_TEXT_CODECS = ["rot13", "base64", "bz2", "hex", "uu", "zlib", "quopri", "undefined", "punycode"]


def _codec_names() -> list[str]:
    names = set(encodings.aliases.aliases.values()) | set(NON_TEXT_CODECS)
    available = []
    for name in sorted(names):
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        available.append(name)
    return available


@pytest.mark.parametrize("codec", NON_TEXT_CODECS)
def test_non_text_codec_cookie_is_an_encoding_problem(codec: str) -> None:
    data = f"# coding: {codec}\n{OP_SCOPE_LINE}".encode("ascii")
    with pytest.raises(DecodeError, match="^cannot decode: encoding problem: "):
        decode_source(data)


@pytest.mark.parametrize("codec", _codec_names())
def test_every_codec_either_decodes_or_is_refused_like_python_refuses_it(codec: str) -> None:
    data = f"# coding: {codec}\nx = 1\n".encode("ascii")
    try:
        compile(data, "<cookie>", "exec")
        python_decodes = True
    except SyntaxError as error:  # Python names decoding problems as such
        python_decodes = not any(word in str(error) for word in ("encoding", "codec", "decode"))
    try:
        decode_source(data)
    except DecodeError:
        assert not python_decodes or codec in ("unicode_escape",), codec  # not byte-exact
    else:
        assert python_decodes, codec


def test_non_text_codec_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "rot.py"
    path.write_bytes(f"# coding: rot13\n{OP_SCOPE_LINE}".encode("ascii"))
    proc = run_cli("--check", str(path))
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert f"{path}: error: cannot decode: encoding problem: rot13" in text(proc.stderr)
    assert "internal error" not in text(proc.stderr)


def test_python2_grammar_refusing_input_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("async  1\n" + OP_SCOPE_LINE)
    proc = run_cli(str(path))
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert f"{path}: error: cannot parse" in text(proc.stderr)
    assert "internal error" not in text(proc.stderr)


@pytest.mark.parametrize("source", ["async  1\n", "async = 1\nawait  2 3\n", "print 1 +\n", "exec  (1\n"])
def test_invalid_python2_is_a_migration_error(source: str) -> None:
    with pytest.raises(MigrationError, match="^cannot parse"):
        migrate_source(source + OP_SCOPE_LINE)


LONG_SUM = "y = " + " + ".join(["x"] * 2500) + "\n"


def test_long_valid_expression_migrates_in_a_notebook_as_in_a_file() -> None:
    source = LONG_SUM + OP_SCOPE_LINE
    compile(source, "<long>", "exec")  # Python takes it
    assert migrate_source(source).changed
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
    notebook = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    migrated = json.loads(migrate_notebook(notebook).code)
    assert "tf.name_scope('n', values=[x])" in migrated["cells"][0]["source"]


def test_code_too_deep_for_python_itself_is_named_so() -> None:
    source = "x = " + "-" * 4000 + "1\n" + OP_SCOPE_LINE
    with pytest.raises((RecursionError, MemoryError)):
        compile(source, "<deep>", "exec")  # Python refuses it too
    with pytest.raises(MigrationError, match="^too deeply nested for Python to parse$"):
        migrate_source(source)


def test_code_too_deep_for_python_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.py"
    path.write_text("x = " + "-" * 4000 + "1\n" + OP_SCOPE_LINE)
    proc = run_cli("--check", str(path))
    assert proc.returncode == 2
    assert f"{path}: error: too deeply nested for Python to parse" in text(proc.stderr)
    assert "bug" not in text(proc.stderr)
