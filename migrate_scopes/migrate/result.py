"""What a migration returns: new text plus everything a reporter needs to know."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    """Something the user must look at: `path:line:col: CODE message`.

    `line` is 1-based and `col` 1-based (as compilers and ruff print them), in the unit
    the container split the file into; `cell` is that unit's 1-based number when the
    container has several (see `containers`), else None.
    """

    line: int
    col: int
    code: str
    message: str
    cell: int | None = None


@dataclass(frozen=True, order=True)
class Rewrite:
    """One edit the tool made (a call rebound, an import changed, ...)."""

    line: int
    col: int
    code: str
    message: str
    cell: int | None = None
    #: A call was rewritten (False for other edits, e.g. an import); the summary counts calls.
    is_call: bool = True


#: In a rename pattern: the variable scope the code runs in (any, possibly the root), and a
#: variable name computed at run time. Neither `*` nor braces can occur in a TensorFlow name.
ANY_SCOPE = "*/"
RUN_TIME_NAME = "{name}"


@dataclass(frozen=True)
class VariableRename:
    """A variable whose name changes (wrap of get_variable): checkpoints depend on it.

    `old`/`new` are full variable names without `:0` when known statically,
    else None (then `description` says what is known, e.g. a dynamic name), and
    `old_pattern`/`new_pattern` give the rename as a rule: a leading `*/` stands for the
    variable scope the code runs in (in a function: the caller's; possibly none), `{name}`
    for a variable name computed at run time (`*/w` -> `*/Block/w`: `enc/w` -> `enc/Block/w`).
    """

    line: int
    col: int
    old: str | None
    new: str | None
    description: str
    cell: int | None = None  # 1-based unit number, as in Finding
    old_pattern: str | None = None
    new_pattern: str | None = None


@dataclass(frozen=True)
class MigrationResult:
    source: str
    code: str
    findings: list[Finding] = field(default_factory=list)
    rewrites: list[Rewrite] = field(default_factory=list)
    renames: list[VariableRename] = field(default_factory=list)
    #: How the source was read: the name of the front end, or of a container that reads
    #: its units with several (`containers.container_of` gives the container back).
    dialect: str = "python3"
    #: Where `code` differs from `source`, when known: (source start, source end, code
    #: start, code end) character offsets of each outermost edit, in order.
    changes: tuple[tuple[int, int, int, int], ...] | None = None
    #: `code` is known to parse as `dialect` (the core parsed it to check its bindings).
    parses: bool = False

    @property
    def changed(self) -> bool:
        return self.code != self.source


@dataclass(frozen=True)
class MigrationOptions:
    #: Rewrite get_variable calls under a name_scope so they gain its prefix.
    wrap_get_variable: bool = False
    #: Names of the passes to run (see migrate_scopes.migrate.passes.PASS_NAMES); None = all.
    passes: frozenset[str] | None = None
    #: Finding codes (or prefixes such as "MS2") to report; None = all (see migrate.codes).
    select: tuple[str, ...] | None = None
    #: Finding codes (or prefixes) not to report.
    ignore: tuple[str, ...] = ()


class MigrationError(Exception):
    """The source cannot be migrated at all (it does not parse, ...).

    The message is meant for the user; `line`/`col` locate it when known.
    """

    def __init__(self, message: str, line: int | None = None, col: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
