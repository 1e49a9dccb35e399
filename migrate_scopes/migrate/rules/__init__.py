"""The registry of rules: every code the tool prints, declared once with its examples.

A rule is one code: what kind of thing it names, which pass emits it, what it reports,
what to do about it, its one-line messages (named templates the pass fills in), and
examples that must produce it (`invalid`) and examples that must not (`valid`). The passes
emit findings and rewrites through these objects, so neither a code nor a message is
written anywhere else; `migrate.codes`, `--passes`/`select`/`ignore`, the README's tables and
one test per example are derived from here.

Each pass module `migrate.passes.X` has its rules in `migrate.rules.X` (kept apart from
the pass so that reading the registry, as the CLI does at start-up to check `select`,
does not import libcst); `migrate.rules.engine` holds the engine's own.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Pass name (as users write it in `--passes` and `passes = [...]`) -> its module, both in
#: `migrate.passes` (the logic) and here (its rules), in the order the passes run.
PASS_MODULES = {
    "scopes": "deprecated_scopes",
    "get-variable": "get_variable",
    "reuse": "positional_reuse",
}

#: A rewrite the tool makes (counted in the JSON report; pending ones make `--check` fail).
REWRITE = "rewrite"
#: A deprecated call left in the code for hand work: `--check` fails while it is there.
MANUAL = "manual"
#: Code that works but is likely wrong (a warning).
LINT = "lint"
#: Pure information (a notice).
INFO = "info"


@dataclass(frozen=True)
class Example:
    """A source and, for an invalid one, the 1-based line the code is reported at and, when
    the rule rewrites, the expected result (both written indented, as in a docstring)."""

    indented_source: str
    line: int | None = None
    indented_output: str | None = None
    #: `--wrap-get-variable` (the get_variable rewrites and refusals need it).
    wrap_get_variable: bool = False

    @property
    def source(self) -> str:
        return _dedent(self.indented_source)

    @property
    def output(self) -> str | None:
        return None if self.indented_output is None else _dedent(self.indented_output)


def _dedent(text: str) -> str:
    import textwrap  # only tests read the examples' text

    return textwrap.dedent(text).lstrip("\n")


def example(
    source: str, line: int | None = None, output: str | None = None, *, wrap_get_variable: bool = False
) -> Example:
    return Example(source, line, output, wrap_get_variable)


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    #: The pass that emits it (a name of `--passes`), or None for the engine itself.
    pass_name: str | None
    #: What is reported or rewritten, in one line (the README's "what").
    summary: str
    #: What the user should do ("" for a rewrite the tool does itself).
    todo: str = ""
    #: What its rewrites change, in a few words (`op_scope`, an import), as the README lists
    #: the JSON report's `rewrites[].code`; "" when it never rewrites.
    rewritten: str = ""
    #: The messages it is emitted with, by name: one-line `str.format` templates. A code
    #: with several variants has several; a piece that some variants add (a reason, a hint)
    #: is a template too, filled in first and passed as a field.
    messages: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    invalid: tuple[Example, ...] = field(default=(), repr=False)
    valid: tuple[Example, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        return self.code

    def message(self, name: str, /, **fields: object) -> str:
        """The message (or piece of one) called `name`, filled in with `fields`."""
        return self.messages[name].format(**fields)


def all_rules() -> tuple[Rule, ...]:
    """Every rule, by code."""
    rules: list[Rule] = []
    for name in [*PASS_MODULES.values(), "engine"]:
        rules += importlib.import_module(f"{__name__}.{name}").RULES
    return tuple(sorted(rules, key=lambda rule: rule.code))


_KIND_WORDS = {REWRITE: "rewrite", MANUAL: "left for hand work", LINT: "lint", INFO: "notice"}


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)]) + "\n"


def readme_tables() -> dict[str, str]:
    """The README's tables of codes, by the name of their marked region."""
    rules = all_rules()
    return {
        "every-code": _table(
            ("code", "kind", "pass", "what"),
            [(r.code, _KIND_WORDS[r.kind], f"`{r.pass_name}`" if r.pass_name else "(always)", r.summary) for r in rules],
        ),
        "hand-work": _table(
            ("code", "what", "what to do"), [(r.code, r.summary, r.todo) for r in rules if r.kind == MANUAL]
        ),
    }


def rewriting_rules(pass_name: str | None = None) -> list[Rule]:
    """The rules whose code a rewrite is counted under (of one pass, or of all)."""
    return [r for r in all_rules() if r.rewritten and pass_name in (None, r.pass_name)]


def _rewrites_sentence(pass_name: str) -> str:
    """`Rewrites are counted as MS001 (...), ... and MS003 (...) in the JSON report.`"""
    named = [f"{rule.code} ({rule.rewritten})" for rule in rewriting_rules(pass_name)]
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    return f"Rewrites are counted as {listed} in the JSON report.\n"


#: The JSON report's row for `rewrites[].code`, in the README's table of fields.
_REWRITE_CODE_ROW = "| `files[].rewrites[].code` | "
_REGION = re.compile(r"<!-- rules: (?P<name>[^>\n]*?) -->\n")
_REGION_END = "<!-- /rules -->"


def _region(name: str, tables: dict[str, str]) -> str:
    """What the README's region `name` holds: a table, or `rewrites of PASS`'s sentence."""
    what, _, pass_name = name.partition(" of ")
    if name in tables:
        return tables[name]
    if what == "rewrites" and rewriting_rules(pass_name):
        return _rewrites_sentence(pass_name)
    raise ValueError(f"README.md: no rules region called {name!r}")


def with_readme_tables(readme: str) -> str:
    """`readme` with what the registry says written in: each region between
    `<!-- rules: NAME -->` and `<!-- /rules -->` holds the table `readme_tables()` renders for
    NAME (a missing table is an error) or, for `rewrites of PASS`, the sentence naming the
    codes that pass's rewrites are counted under; and the JSON report's row for
    `rewrites[].code` lists every code a rewrite is counted under."""
    tables = readme_tables()
    missing = set(tables) - set(_REGION.findall(readme))
    if missing:
        raise ValueError(f"README.md: no region for the table {sorted(missing)[0]!r}")
    pieces, position = [], 0
    for match in _REGION.finditer(readme):
        end = readme.index(_REGION_END, match.end())
        pieces += [readme[position : match.end()], _region(match.group("name"), tables)]
        position = end
    readme = "".join(pieces) + readme[position:]
    start = readme.index(_REWRITE_CODE_ROW)
    row = _REWRITE_CODE_ROW + ", ".join(f"`{r.code}` {r.rewritten}" for r in rewriting_rules()) + " |"
    return readme[:start] + row + readme[readme.index("\n", start) :]
