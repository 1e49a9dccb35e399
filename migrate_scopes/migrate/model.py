"""What an analysis front end tells the passes, independent of the parser used.

Spans are character offsets into the analysed text. Every front end (`frontends/`)
produces this same model, through the one analysis (`analysis.py`, over `ast`), so the
passes, and with them every rewriting rule, are shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    line: int  # 1-based
    col: int  # 1-based, in characters


class Status(Enum):
    TENSORFLOW = "tensorflow"  # every binding that can reach it is TensorFlow's `function`
    MIXED = "mixed"  # bound both to TensorFlow's function and to something else
    OTHER = "other"  # not TensorFlow's


@dataclass(frozen=True)
class ImportBinding:
    """`from MODULE import NAME [as ASNAME]`: one imported name, and where it stands."""

    module: str
    name: str
    asname: str | None
    statement: Span  # the whole import statement
    scope_id: int  # which scope (function, class, module) it binds in
    #: The statement is the only one in its block (removing it needs `pass`).
    alone_in_block: bool
    #: The statement fills its lines alone (no `;`), so it can be deleted line-wise.
    owns_lines: bool
    #: Position of this name among the statement's names: `import a as s, a as s`
    #: binds `s` twice, and each binding is edited on its own.
    alias_index: int = 0

    @property
    def local_name(self) -> str:
        return self.asname or self.name


@dataclass(frozen=True)
class Resolution:
    status: Status
    function: str | None = None  # e.g. "op_scope" when TENSORFLOW (or the TF side of MIXED)
    #: `from M import f` bindings it resolves to (empty for `tf.f` attribute chains).
    imports: tuple[ImportBinding, ...] = ()
    #: For MIXED: line of a binding that is not TensorFlow's `function`, and which
    #: TensorFlow function it is, if it is one.
    other_line: int | None = None
    #: Reached through an assignment (`op_scope = tf.op_scope`), not an import or
    #: a module alias: the name itself cannot be renamed.
    assigned: bool = False
    other_function: str | None = None
    #: For MIXED: the name is bound only by `from M import ...` of `function` and of
    #: `other_function` (a version-dependent import), so its imports decide what it calls.
    imports_only: bool = False


class ArgKind(Enum):
    POSITIONAL = "positional"
    KEYWORD = "keyword"
    STAR = "*args"
    DOUBLE_STAR = "**kwargs"


class Effect(IntEnum):
    """How much evaluating an argument can interact with other arguments."""

    CONSTANT = 0  # literals: can move anywhere
    NAME = 1  # plain names: reading one has no effect, and calls rarely rebind them
    READ = 2  # attribute reads: a call in another argument could change them
    EFFECT = 3  # calls, subscripts, operators: may create ops or change state
    BINDS = 4  # holds `:=`: rebinds a name another argument may read


@dataclass(frozen=True)
class ArgInfo:
    """What rebinding needs to know of an argument (see `rebind`)."""

    kind: ArgKind
    keyword: str | None = None
    effect: Effect = Effect.NAME


@dataclass(frozen=True)
class Argument(ArgInfo):
    """One argument of a call, in source order, where it stands in the text."""

    start: int = 0  # offset of the argument (`*`, `**` or `keyword=` included)
    end: int = 0
    value_start: int = 0  # offset of its value (after `keyword=`, `*` or `**`)


@dataclass(frozen=True)
class WithItem:
    """An item of a `with` statement whose context expression is a call."""

    call_index: int  # index into Analysis.calls
    target: str | None  # source text of `as TARGET`, if any
    target_is_name: bool


@dataclass
class Call:
    span: Span  # whole call expression
    func: Span  # callee expression
    callee_is_name: bool  # `op_scope(...)` rather than `tf.op_scope(...)`
    resolution: Resolution
    #: Enclosing `with` items in the same function, innermost last (only items whose
    #: context expression is a resolved call).
    enclosing_withs: tuple[WithItem, ...] = ()
    statement: Span | None = None  # the innermost enclosing simple statement
    #: Entered where it is created: a `with` item, `stack.enter_context(<call>)` or
    #: `<call>.__enter__()`. Otherwise the context manager is stored and entered later.
    entered_at_once: bool = False
    #: Used as a decorator (`@tf.op_scope(...)`).
    is_decorator: bool = False
    #: Which function or lambda body the call is in (one id per function); None at module level.
    function_id: int | None = None
    #: Its arguments in source order, read once by the analysis (kinds, keywords, and which
    #: may have effects: the evaluation-order rules, `evaluation_order.effect_of`).
    args: tuple[Argument, ...] = field(default=(), compare=False, repr=False)


@dataclass
class Reference:
    """A TensorFlow function used other than by calling it (`f = tf.op_scope`)."""

    span: Span
    callee_is_name: bool
    resolution: Resolution


@dataclass(frozen=True)
class NewerApi:
    """A use of a TensorFlow name that r0.10 did not have (`tensorflow_api.newer_api`)."""

    name: str  # as TensorFlow's docs spell it: "tf.global_variables_initializer"
    release: str  # the release that added it: "r0.12"
    span: Span


@dataclass
class Analysis:
    #: The front end that read the text (see `frontends.front_end`).
    dialect: str
    calls: list[Call] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    #: Every import binding of a TensorFlow function we know, keyed by scope id.
    imports: list[ImportBinding] = field(default_factory=list)
    #: Local names bound anywhere to something other than the TF function of that name.
    non_tensorflow_names: set[str] = field(default_factory=set)
    #: Uses of a TF function name whose root name is bound nowhere in the file
    #: (`ops.op_scope` without importing `ops`): cannot tell whose it is.
    unresolved: list[Reference] = field(default_factory=list)
    #: Names the module lists in `__all__`: its importers rely on them.
    exported_names: frozenset[str] = frozenset()
    #: Uses of TensorFlow names newer than r0.10 (attribute chains and imports), in source order.
    newer_api: list[NewerApi] = field(default_factory=list)
    #: Every call's text is the source's own: the front end masked nothing inside an
    #: expression, so a call may be rearranged as text (see ast_calls).
    calls_as_written: bool = True
