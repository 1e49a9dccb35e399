"""Rewrite passes. Each module is one pass: `run(context) -> PassOutput`; the rules
(codes) it emits are declared in `migrate.rules` under the same module name.

Every pass reads the same analysis of the original text and returns edits in the
original text's coordinates, so findings point at the lines the user has, and
edits of different passes compose (see `source_text.apply_edits`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from migrate_scopes.migrate.cst_calls import parse_call
from migrate_scopes.migrate.lazy_import import lazy_module
from migrate_scopes.migrate.model import Analysis, Call, Span, Status
from migrate_scopes.migrate.rebind import Refusal
from migrate_scopes.migrate.result import Finding, MigrationOptions, Rewrite, VariableRename
from migrate_scopes.migrate.rules import PASS_MODULES, Rule
from migrate_scopes.migrate.source_text import Edit, SourceText

if TYPE_CHECKING:
    import libcst as cst
else:
    cst = lazy_module("libcst")  # loaded by the first call read with libcst


@dataclass
class PassContext:
    source: SourceText
    analysis: Analysis
    options: MigrationOptions
    #: Each call read with libcst so far, by span: every pass reads a call once.
    _parsed_calls: dict[tuple[int, int], cst.Call | None] = field(default_factory=dict, repr=False)
    _calls_of: dict[str, dict[int, Call]] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    def segment(self, span: Span) -> str:
        return self.source.text[span.start : span.end]

    def parsed_call(self, span: Span) -> cst.Call | None:
        """The call at `span` read with libcst; None when it cannot be read on its own
        (syntax a front end masked for the analysis inside its arguments, say)."""
        key = (span.start, span.end)
        if key not in self._parsed_calls:
            try:
                self._parsed_calls[key] = parse_call(self.segment(span))
            except (cst.ParserSyntaxError, ValueError, RecursionError):
                self._parsed_calls[key] = None
        return self._parsed_calls[key]

    def tensorflow_calls_of(self, function: str) -> dict[int, Call]:
        """The calls of TensorFlow's `function`, by the offset where each starts."""
        if function not in self._calls_of:
            self._calls_of[function] = {
                call.span.start: call
                for call in self.analysis.calls
                if call.resolution.status is Status.TENSORFLOW and call.resolution.function == function
            }
        return self._calls_of[function]


@dataclass
class PassOutput:
    edits: list[Edit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rewrites: list[Rewrite] = field(default_factory=list)
    renames: list[VariableRename] = field(default_factory=list)
    #: Offset of each call this pass makes call another function -> the TensorFlow
    #: function it calls now (checked against the migrated text, see engine.py).
    retargeted: dict[int, str] = field(default_factory=dict)

    def find(self, span: Span, rule: Rule, message: str, /, **fields: object) -> None:
        """A finding at `span`: `rule`'s message called `message`, filled in with `fields`."""
        self.findings.append(Finding(span.line, span.col, rule.code, rule.message(message, **fields)))

    def refuse(self, span: Span, refusal: Refusal) -> None:
        """A finding at `span`: why a call stays as it is."""
        self.findings.append(Finding(span.line, span.col, refusal.code, refusal.message))

    def rewrote(self, span: Span, rule: Rule, message: str, /, is_call: bool = True, **fields: object) -> None:
        """A rewrite at `span`, said with `rule`'s message called `message` (see `find`)."""
        self.rewrites.append(Rewrite(span.line, span.col, rule.code, rule.message(message, **fields), is_call=is_call))


Pass = Callable[[PassContext], PassOutput]

#: The names users give `--passes` (see `migrate.rules.PASS_MODULES`), in run order.
PASS_NAMES = tuple(PASS_MODULES)


def registered_passes() -> dict[str, Pass]:
    """Pass name -> pass, in the order they run."""
    return {name: importlib.import_module(f"{__name__}.{module}").run for name, module in PASS_MODULES.items()}
