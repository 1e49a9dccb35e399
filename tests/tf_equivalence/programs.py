"""The runnable TF 1.x programs under testdata/tf_programs and the forms they declare to cover."""

from __future__ import annotations

import re
from pathlib import Path

PROGRAM_DIR = Path(__file__).resolve().parents[2] / "testdata" / "tf_programs"

# Every runnable form of issue 2; each must be exercised by at least one program.
REQUIRED_FORMS = frozenset({
    "path:compat-v1-alias",  # import tensorflow.compat.v1 as tf; tf.op_scope
    "path:tf-compat-v1",  # import tensorflow as tf; tf.compat.v1.op_scope
    "path:bare-tensorflow",  # import tensorflow; tensorflow.compat.v1.op_scope
    "path:ops-module",  # from tensorflow.python.framework import ops; ops.op_scope
    "path:vs-module",  # from tensorflow.python.ops import variable_scope as vs
    "path:from-compat-v1",  # from tensorflow.compat.v1 import op_scope
    "path:from-import-alias",  # from ... import op_scope as x
    "path:from-ops-module",  # from tensorflow.python.framework.ops import op_scope
    "call:positional",
    "call:keyword",
    "call:mixed",
    "call:two-args",
    "call:default-name-unique",
    "call:var-positional-tail",
    "call:reuse-true",
    "call:kwargs-splat",
    "with:multi-item",
    "with:nested",
    "enter:manual",
    "enter:exitstack",
    "try-except",
    "import:version-dependent",  # if new_tf: from M import name_scope as op_scope / else: op_scope
    "order:side-effects",
    "not-tensorflow",  # op_scope functions/methods that are not TensorFlow's stay untouched
})

_COVERS = re.compile(r"^# covers:(.*)$", re.MULTILINE)


def program_paths() -> list[Path]:
    return sorted(PROGRAM_DIR.glob("*.py"))


def declared_forms(source: str) -> set[str]:
    """The forms named on the program's `# covers:` lines."""
    return {form for line in _COVERS.findall(source) for form in line.split()}
