"""The migrate-scopes under test, as a user has it installed.

`pip install` byte-compiles a package; an editable install (or PYTHONDONTWRITEBYTECODE)
may leave none, and then every run compiles our modules from source while the baselines'
packages load their bytecode. Compiling once here measures the tool as it ships.
"""

from __future__ import annotations

import compileall
import importlib.util
import shutil
import sys
from pathlib import Path


def console_script() -> str:
    """The migrate-scopes console script, its package byte-compiled."""
    spec = importlib.util.find_spec("migrate_scopes")
    for location in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(location, quiet=1)
    # The script installed next to this interpreter, not a version-manager shim in front of it.
    beside = Path(sys.executable).parent / "migrate-scopes"
    return str(beside) if beside.exists() else (shutil.which("migrate-scopes") or "migrate-scopes")
