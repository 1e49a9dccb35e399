"""Golden cases: one folder per case, `testdata/cases/GROUP/CASE/`, read by one loader.

A case folder holds:

- `input.py` or `input.ipynb`: the source, read as bytes and decoded as Python does
  (CRLF, a BOM, a coding cookie stay as they are in the file);
- `output.py` / `output.ipynb`: the expected result; absent = the input must stay unchanged;
- `findings.txt`: every expected finding, in order, one a line, `line:col: CODE message`
  (notebooks: `cell N:line:col: CODE message`); absent = no finding expected;
- `options.toml`: the options, with the keys of `[tool.migrate-scopes]` (`passes`,
  `wrap-get-variable`); absent = the defaults.

A subfolder holding an `options.toml` is a variant: the case's input under other options,
with its own `output.*` and `findings.txt` (for instance `wrap/` of a get_variable case).
"""

from __future__ import annotations

import io
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

from migrate_scopes import migrate_notebook, migrate_source
from migrate_scopes.config import parse_table
from migrate_scopes.migrate.result import Finding, MigrationOptions, MigrationResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

TESTDATA = Path(__file__).resolve().parent.parent / "testdata"
CASES = TESTDATA / "cases"
INPUTS = ("input.py", "input.ipynb")
FILES_OF_A_VARIANT = ("output.py", "output.ipynb", "findings.txt", "options.toml")


@dataclass(frozen=True)
class GoldenCase:
    #: "GROUP/CASE", or "GROUP/CASE/VARIANT" for a variant.
    id: str
    group: str
    input_path: Path
    #: The folder holding this variant's output, findings and options.
    folder: Path
    options: MigrationOptions

    @property
    def is_notebook(self) -> bool:
        return self.input_path.suffix == ".ipynb"

    @property
    def output_path(self) -> Path:
        return self.folder / ("output" + self.input_path.suffix)

    @property
    def findings_path(self) -> Path:
        return self.folder / "findings.txt"

    @property
    def source(self) -> str:
        return read_source(self.input_path)

    @property
    def expects_change(self) -> bool:
        return self.output_path.exists()

    @property
    def expected_output(self) -> str:
        return read_source(self.output_path) if self.expects_change else self.source

    @property
    def expected_findings(self) -> list[str]:
        if not self.findings_path.exists():
            return []
        return self.findings_path.read_bytes().decode("utf-8").splitlines()

    def run(self, source: str | None = None) -> MigrationResult:
        """The tool on `source` (default: the input) with this variant's options."""
        migrate = migrate_notebook if self.is_notebook else migrate_source
        return migrate(self.source if source is None else source, self.options)


def format_finding(finding: Finding) -> str:
    """A finding as `findings.txt` writes it: the CLI's line without the path."""
    cell = f"cell {finding.cell}:" if finding.cell is not None else ""
    return f"{cell}{finding.line}:{finding.col}: {finding.code} {finding.message}"


def golden_cases(group: str | None = None) -> list[GoldenCase]:
    """Every case (and variant) of `group`, or of all groups, in a stable order."""
    groups = [CASES / group] if group else _subfolders(CASES)
    cases = []
    for group_dir in groups:
        for case_dir in _subfolders(group_dir):
            [input_path] = [case_dir / name for name in INPUTS if (case_dir / name).exists()]
            name = f"{group_dir.name}/{case_dir.name}"
            cases.append(GoldenCase(name, group_dir.name, input_path, case_dir, _options(case_dir)))
            for variant in _subfolders(case_dir):
                cases.append(GoldenCase(f"{name}/{variant.name}", group_dir.name, input_path, variant, _options(variant)))
    return cases


def layout_problems() -> list[str]:
    """Files the loader would not read (a misspelt name would silently expect nothing)."""
    problems = []
    for group_dir in _subfolders(CASES):
        for case_dir in _subfolders(group_dir):
            inputs = [name for name in INPUTS if (case_dir / name).exists()]
            if len(inputs) != 1:
                problems.append(f"{case_dir}: needs exactly one of {', '.join(INPUTS)}")
                continue
            suffix = Path(inputs[0]).suffix
            for folder in (case_dir, *_subfolders(case_dir)):
                if folder != case_dir and not (folder / "options.toml").exists():
                    problems.append(f"{folder}: a variant needs an options.toml")
                for path in sorted(folder.iterdir()):
                    allowed = FILES_OF_A_VARIANT + (tuple(inputs) if folder == case_dir else ())
                    if path.is_dir() and folder == case_dir:
                        continue
                    if path.name not in allowed or (path.name.startswith("output.") and path.suffix != suffix):
                        problems.append(f"{path}: not a file of a golden case")
                    elif path.name.startswith("output.") and path.read_bytes() == (case_dir / inputs[0]).read_bytes():
                        problems.append(f"{path}: same as the input (leave it out: absent = unchanged)")
                    elif path.name == "findings.txt" and not path.read_bytes().strip():
                        problems.append(f"{path}: empty (leave it out: absent = no finding)")
    return problems


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir())


def _options(folder: Path) -> MigrationOptions:
    path = folder / "options.toml"
    if not path.exists():
        return MigrationOptions()
    config = parse_table(tomllib.loads(path.read_text(encoding="utf-8")), str(path))
    return MigrationOptions(
        wrap_get_variable=bool(config.wrap_get_variable),
        passes=None if config.passes is None else frozenset(config.passes),
    )


def read_source(path: Path) -> str:
    """Decode as Python does (PEP 263 cookie, BOM kept as U+FEFF), newlines untouched."""
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        return data.decode("utf-8")
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode("utf-8" if encoding == "utf-8-sig" else encoding)
