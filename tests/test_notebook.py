"""Jupyter notebooks: golden cases in testdata/cases/notebooks/ (checked by test_golden.py),
IPython masking, layout, errors."""

from __future__ import annotations

import ast
import difflib
import json
from pathlib import Path

import pytest

from golden import CASES as CASES_DIR
from golden import GoldenCase, golden_cases, read_source
from migrate_scopes import MigrationError, migrate_notebook
from migrate_scopes.migrate.containers.notebook import notebook_cell_diff
from migrate_scopes.migrate.frontends.ipython import mask_ipython

DATA = CASES_DIR / "notebooks"
GOLDEN = golden_cases("notebooks")
CASES = [case.input_path.parent.name for case in GOLDEN]


def _read(name: str) -> str:
    return read_source(DATA / name / "input.ipynb")


def _code_sources(notebook: dict) -> list[str]:
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _without_code_sources(notebook: dict) -> dict:
    cells = [{**c, "source": None} if c["cell_type"] == "code" else c for c in notebook["cells"]]
    return {**notebook, "cells": cells}


def test_there_are_golden_pairs() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", GOLDEN, ids=lambda c: c.id)
def test_golden_is_a_notebook(case: GoldenCase) -> None:
    assert case.run().dialect == "notebook"


@pytest.mark.parametrize("name", CASES)
def test_only_code_cell_sources_change(name: str) -> None:
    source = _read(name)
    result = migrate_notebook(source)
    old, new = json.loads(source), json.loads(result.code)
    assert _without_code_sources(old) == _without_code_sources(new)
    assert list(new) == list(old), "key order kept"
    # The JSON text's diff holds only lines of sources: no brackets, keys or outputs.
    diff = difflib.unified_diff(source.splitlines(), result.code.splitlines(), lineterm="", n=0)
    changed = [line[1:] for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed and all(line.lstrip().startswith('"') and ":" not in line.split('"')[0] for line in changed)
    assert source.endswith("\n") == result.code.endswith("\n")


def test_names_imported_in_one_cell_resolve_in_another() -> None:
    result = migrate_notebook(_read("magics_and_imports"))
    sources = _code_sources(json.loads(result.code))
    assert "from tensorflow.python.framework.ops import name_scope\n" in sources[0]
    assert 'with name_scope(None, "Norm", [x]):' in sources[3]
    assert [(r.cell, r.line, r.code) for r in result.rewrites] == [(1, 4, "MS003"), (3, 3, "MS001"), (4, 2, "MS001")]


def test_magics_are_left_alone() -> None:
    old = _code_sources(json.loads(_read("magics_and_imports")))
    new = _code_sources(json.loads(migrate_notebook(_read("magics_and_imports")).code))
    for magic in ("%matplotlib inline\n", "!pip install tensorflow==0.10.0\n", "files = !ls\n", "%time y = x * 2"):
        assert magic in old[0] + old[3] and magic in new[0] + new[3]
    assert new[1] == "?tf.op_scope" and new[2].endswith("tf.variable_op_scope?")


def test_non_python_cell_magic_is_untouched_python_one_is_migrated() -> None:
    result = migrate_notebook(_read("cell_magics_escaped"))
    sources = _code_sources(json.loads(result.code))
    assert "tf.op_scope" in sources[1]  # %%bash: not Python
    assert sources[2].startswith('%%time\nwith name_scope("timed", values=[]):')


def test_python2_notebook() -> None:
    result = migrate_notebook(_read("python2_kernel"))
    assert [(f.cell, f.line, f.code) for f in result.findings] == [(1, 1, "MS401")]
    assert "print >>sys.stderr, `x`" in _code_sources(json.loads(result.code))[1]


def _notebook(*sources: str, **extra: object) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "source": s} for s in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5, **extra}, indent=1)


def test_invalid_json_is_an_error_naming_the_problem() -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_notebook('{"cells": [{"cell_type": "code", "source": ["tf.op_scope(')
    assert "not a valid notebook: invalid JSON" in caught.value.message
    with pytest.raises(MigrationError, match="no list of cells"):
        migrate_notebook('["op_scope"]')


def test_cell_that_does_not_parse_is_named() -> None:
    with pytest.raises(MigrationError, match="code cell 2: cannot parse"):
        migrate_notebook(_notebook("import tensorflow as tf\n", "with tf.op_scope(:\n"))


def test_other_languages_are_left_alone() -> None:
    text = _notebook("library(op_scope)", metadata={"language_info": {"name": "R"}})
    result = migrate_notebook(text)
    assert result.code == text and not result.findings


def test_line_magic_continuing_an_expression_is_python() -> None:
    # `% b` continues a bracketed expression: it is Python, not a magic.
    assert mask_ipython('x = ("%s"\n     % b)\n') == 'x = ("%s"\n     % b)\n'
    assert mask_ipython('s = """\n%not a magic\n"""\n') == 's = """\n%not a magic\n"""\n'


@pytest.mark.parametrize(
    "cell",
    [
        "%matplotlib inline\n",
        "!pip install a \\\n   b\nx = 1\n",
        "?tf.op_scope\n",
        "tf.op_scope??\n",
        "for i in range(3):\n    !echo $i\n",
        "a, b = %who_ls\n",
        "%%bash\n  echo (\n",
        "%%timeit\nx = [1]\n",
    ],
)
def test_masked_cells_parse_and_keep_width(cell: str) -> None:
    masked = mask_ipython(cell)
    assert len(masked) == len(cell) and masked.count("\n") == cell.count("\n")
    ast.parse(masked)


def test_string_source_and_list_source_forms_are_kept() -> None:
    code = "import tensorflow as tf\nwith tf.op_scope([], 'a'):\n    pass"
    as_string = json.loads(migrate_notebook(_notebook(code)).code)["cells"][0]["source"]
    as_list = json.loads(migrate_notebook(_notebook(code.splitlines(keepends=True))).code)["cells"][0]["source"]
    assert as_string == "import tensorflow as tf\nwith tf.name_scope('a', values=[]):\n    pass"
    assert as_list == as_string.splitlines(keepends=True)


def test_line_count_change_keeps_list_layout() -> None:
    lines = ["from tensorflow.python.framework.ops import name_scope, op_scope\n",
             "from tensorflow.python.framework.ops import op_scope as o\n",
             "with o([], 'a'):\n", "    pass"]
    text = _notebook(lines)
    result = json.loads(migrate_notebook(text).code)["cells"][0]["source"]
    assert result == [lines[0], "from tensorflow.python.framework.ops import name_scope as o\n",
                      "with o('a', values=[]):\n", "    pass"]


def test_cell_diff_is_per_cell_and_readable() -> None:
    old = _read("magics_and_imports")
    diff = notebook_cell_diff("nb.ipynb", old, migrate_notebook(old).code)
    assert "--- a/nb.ipynb (code cell 1)\n+++ b/nb.ipynb (code cell 1)\n" in diff
    assert "-    with tf.op_scope([x], name, \"Dense\") as scope:\n" in diff
    assert "+    with tf.name_scope(name, \"Dense\", [x]) as scope:\n" in diff
    assert "(code cell 2)" not in diff and '"source"' not in diff
    assert notebook_cell_diff("nb.ipynb", old, old) == ""


def test_cli_diff_shows_notebook_cells_on_request(tmp_path: Path) -> None:
    import subprocess
    import sys

    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(_read("magics_and_imports"), encoding="utf-8")
    before = notebook.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "migrate_scopes", "--diff", "--diff-notebooks=cells", "nb.ipynb"],
        cwd=tmp_path, capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert out.startswith("--- a/nb.ipynb (code cell 1)\n")
    assert '+    with tf.name_scope(name, "Dense", [x]) as scope:\n' in out
    assert notebook.read_bytes() == before


def test_renamed_variables_carry_their_cell() -> None:
    from migrate_scopes import MigrationOptions
    from migrate_scopes.report.format import Style, format_rename

    text = _notebook(
        "import tensorflow as tf\n",
        "with tf.name_scope('a'):\n    b = tf.get_variable('b', [1])\n",
    )
    result = migrate_notebook(text, MigrationOptions(wrap_get_variable=True))
    assert [(r.cell, r.line, r.old, r.new) for r in result.renames] == [(2, 2, "b", "a/b")]
    line = format_rename("nb.ipynb", result.renames[0], Style(color=False))
    assert line.startswith("nb.ipynb:cell 2:2:")
