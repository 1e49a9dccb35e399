"""Modules loaded when first used rather than when imported.

libcst costs more to import than migrating a file of a thousand one-line calls, which
are rewritten as text from the `ast` tree (see `ast_calls`): the modules that use it
hold it as a lazy module, so a run that never reads a call with libcst never loads it.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """Module `name`, executed at the first access to one of its attributes.

    Every importer must take it from here: an `import` statement of a lazy module reads
    its `__spec__`, which loads it.
    """
    if name in sys.modules:  # a lazy module stays unloaded: membership reads no attribute
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return importlib.import_module(name)  # raises the ImportError a plain import would
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
