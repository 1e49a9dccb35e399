"""Work per call must not grow with the file: counted (profiler events), never timed.

A loop over every line, edit, binding or function for each call (what made a file of
20,000 calls take hours) shows up as more events per call in a bigger file, however
loaded the machine is. Each case migrates files of n and n + k functions, twice n and
twice that: the events the extra functions cost must stay the same per function.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import pytest

from migrate_scopes.migrate.result import MigrationOptions
from migrate_scopes.outcome import Mode
from migrate_scopes.pipeline import JobSettings, migrate_bytes

#: Extra work per function allowed in the file eight times as big (dictionaries resize, ...).
SLACK = 1.25
SMALL, LARGE, STEP = 16, 128, 16


def _scopes(i: int) -> str:
    # The shape of generated layer code: a name scope bound `as scope` around a variable scope.
    return (
        f"\ndef layer_{i}(x, name=None, scope=None):\n"
        f'    with tf.op_scope([x], name, "F{i}") as scope:\n'
        f'        with tf.variable_op_scope([x], scope, "V{i}", reuse=None):\n'
        f'            w = tf.get_variable("w", [1])\n'
        f"            return x * w\n"
    )


def _concatenated(i: int) -> str:
    # Modules pasted one after another: every one imports again, at module level.
    return (
        f"\nimport tensorflow as tf\nfrom tensorflow import op_scope\n"
        f"def block_{i}(x, name=None):\n"
        f'    with op_scope([x], name, "B{i}"):\n'
        f"        return tf.identity(x)\n"
    )


def _wrapped(i: int) -> str:
    # get_variable under name scopes, prefixed by --wrap-get-variable (literal and run-time names).
    return (
        f"\ndef dense_{i}(x, name=None):\n"
        f'    with tf.name_scope("d{i}"):\n'
        f'        a = tf.get_variable("a", [1])\n'
        f'    with tf.name_scope(name, "D{i}", [x]) as scope:\n'
        f'        b = tf.get_variable("b", [1])\n'
        f'        c = tf.get_variable("c", [1])\n'
        f"        return x * a * b * c\n"
    )


def _refusal_chain(n: int) -> tuple[str, bytes]:
    # Wraps refused one after another: each new name is the next call's old one, and the last
    # one meets a call that is not wrapped, so refusing it makes its old name meet the wrap
    # before it, and so on down the chain (one round of the pairing check per link).
    lines, name = ["import tensorflow as tf\n\ndef model():\n"], "w"
    for k in range(n):
        lines.append(f'    with tf.name_scope("s{k}"):\n        v{k} = tf.get_variable("{name}", [1])\n')
        name = f"s{k}/{name}"
    lines.append(f'    top = tf.get_variable("{name}", [1])\n')
    lines.append('\ndef other():\n    with tf.name_scope("o"):\n        return tf.get_variable("u", [1])\n')
    return "layers.py", "".join(lines).encode()


def _python2(i: int) -> str:
    return (
        f"\ndef old_{i}(x, name=None):\n"
        f'    print "layer", {i}\n'
        f'    with tf.op_scope([x], name, "P{i}"):\n'
        f"        return x\n"
    )


def _non_ascii(i: int) -> str:
    # Non-ASCII text before each call: columns are UTF-8 bytes, offsets characters.
    return f'\nv_{i} = "é€{i}"; s_{i} = tf.op_scope([v_{i}], "n{i}", "é")\n'


def _python_file(chunk: Callable[[int], str]) -> Callable[[int], tuple[str, bytes]]:
    return lambda n: ("layers.py", ("import tensorflow as tf\n" + "".join(chunk(i) for i in range(n))).encode())


def _notebook(n: int) -> tuple[str, bytes]:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["import tensorflow as tf\n"]}]
    for i in range(n):
        cells.append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                      "source": [f"with tf.op_scope([x], 'n{i}', 'C'):\n", "    y = x\n"]})
    return "model.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
                                     indent=1).encode()


def _notebook_one_cell(n: int) -> tuple[str, bytes]:
    # A notebook pasted from a script: every call in one long code cell.
    lines = ["import tensorflow as tf\n"]
    for i in range(n):
        lines += [f"with tf.op_scope([x], 'n{i}', 'C'):\n", "    y = x\n", "\n"]
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": lines}
    return "model.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
                                     indent=1).encode()


CASES = {
    "scopes bound as": (_python_file(_scopes), MigrationOptions()),
    "concatenated modules": (_python_file(_concatenated), MigrationOptions()),
    "wrap get_variable": (_python_file(_wrapped), MigrationOptions(wrap_get_variable=True)),
    "wraps refused in a chain": (_refusal_chain, MigrationOptions(wrap_get_variable=True)),
    "python 2": (_python_file(_python2), MigrationOptions()),
    "non-ASCII lines": (_python_file(_non_ascii), MigrationOptions()),
    "notebook cells": (_notebook, MigrationOptions()),
    "notebook, one long cell": (_notebook_one_cell, MigrationOptions()),
}


def _events(path: str, data: bytes, options: MigrationOptions) -> int:
    """Function calls (Python and C) made while migrating and diffing one file."""
    settings = JobSettings(mode=Mode.DIFF, options=options)
    count = 0

    def profiler(_frame: object, _event: str, _arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profiler)
    try:
        outcome, _new = migrate_bytes(path, data, settings)
    finally:
        sys.setprofile(None)
    assert outcome.status == "changed" and outcome.diff, outcome.error
    return count


@pytest.mark.parametrize("case", list(CASES))
def test_work_per_call_does_not_grow_with_the_file(case: str) -> None:
    make, options = CASES[case]
    _events(*make(2), options)  # warm caches (imports, compiled patterns)

    def marginal(n: int) -> float:
        return (_events(*make(n + STEP), options) - _events(*make(n), options)) / STEP

    small, large = marginal(SMALL), marginal(LARGE)
    assert large <= SLACK * small, (
        f"{case}: {large:.0f} function calls per added function in a file of {LARGE}, "
        f"{small:.0f} in a file of {SMALL}: some work is repeated for every call"
    )
