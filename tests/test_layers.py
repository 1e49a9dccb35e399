"""The layers import downwards only: the reporters and the shared outcome types never
import the pipeline or the command line that drive them, the core (`migrate/`) imports
nothing that reads files or runs jobs, and only the command line and the reporters know
the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "migrate_scopes"


def imported_modules(path: Path, root: Path = PACKAGE.parent) -> set[str]:
    """Every module `path` (a file under `root`) imports, at any depth: imports inside
    functions count too, and `from a import b` names both `a` and `a.b` (b may be a module)."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against the importing module's package
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _is_within(name: str, forbidden: str) -> bool:
    return name == forbidden or name.startswith(forbidden + ".")


def _modules(*relative: str) -> list[Path]:
    paths: list[Path] = []
    for item in relative:
        target = PACKAGE / item
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return paths


@pytest.mark.parametrize(
    ("modules", "forbidden"),
    [
        (("report",), ("migrate_scopes.pipeline", "migrate_scopes.cli")),
        (("outcome.py",), ("migrate_scopes.pipeline", "migrate_scopes.cli", "migrate_scopes.report")),
        # The core is pure: text in, text and findings out; it reads no file and knows no run.
        (
            ("migrate",),
            ("migrate_scopes.pipeline", "migrate_scopes.cli", "migrate_scopes.report", "migrate_scopes.files",
             "migrate_scopes.discover", "migrate_scopes.outcome", "migrate_scopes.config"),
        ),
        # Only the command line and the reporters know about the terminal.
        (
            ("migrate", "files", "discover", "output", "outcome.py", "pipeline.py", "config.py", "checkpoint.py"),
            ("typer", "rich", "click", "migrate_scopes.cli", "migrate_scopes.report"),
        ),
    ],
)
def test_lower_layers_do_not_import_the_driver(modules: tuple[str, ...], forbidden: tuple[str, ...]) -> None:
    paths = _modules(*modules)
    assert paths, modules
    offending = {
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in paths
        for name in imported_modules(path)
        if any(_is_within(name, layer) for layer in forbidden)
    }
    assert not offending


def test_the_import_check_sees_every_form_of_import(tmp_path: Path) -> None:
    # The check must be able to fail: each way of importing the pipeline is seen.
    sample = tmp_path / "migrate_scopes" / "report" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "import migrate_scopes.pipeline\n"
        "from migrate_scopes import pipeline\n"
        "def f():\n    from ..pipeline import FileOutcome\n"
        "from . import totals\n"
    )
    names = imported_modules(sample, root=tmp_path)
    assert {"migrate_scopes.pipeline", "migrate_scopes.pipeline.FileOutcome", "migrate_scopes.report.totals"} <= names
    assert "migrate_scopes.report" in names
