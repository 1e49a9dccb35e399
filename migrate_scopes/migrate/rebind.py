"""Rebind a call's arguments from one signature to another. Pure data, no parser.

Shared by every front end: it sees only what kind each argument is, its keyword
and whether evaluating it may have side effects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from migrate_scopes.migrate.model import ArgInfo, ArgKind, Effect
from migrate_scopes.migrate.rules import Rule
from migrate_scopes.migrate.rules.deprecated_scopes import MS101, MS104


@dataclass(frozen=True)
class PlacedArg:
    """Argument `source` (index in the original call) at this position in the new one.

    `keyword` is None for a positional argument, else the keyword it is passed by.
    """

    source: int
    keyword: str | None


@dataclass(frozen=True)
class Refusal:
    rule: Rule
    message: str

    @property
    def code(self) -> str:
        return self.rule.code

    @classmethod
    def of(cls, rule: Rule, name: str, /, **fields: object) -> Refusal:
        """Refused with `rule`'s message `name`, filled in."""
        return cls(rule, rule.message(name, **fields))


def _conflict(a: Effect, b: Effect) -> bool:
    if Effect.BINDS in (a, b):
        return min(a, b) >= Effect.NAME
    return (a is Effect.EFFECT and b >= Effect.READ) or (b is Effect.EFFECT and a >= Effect.READ)


def keeps_evaluation_order(effects: list[Effect], order: list[int]) -> bool:
    """Whether evaluating arguments in `order` (source indexes) is as safe as the original.

    Two arguments may swap only if neither can observe the other's side effects.
    """
    for i, first in enumerate(order):
        for second in order[i + 1 :]:
            if first > second and _conflict(effects[first], effects[second]):
                return False
    return True


def _merge_by_signature(
    kept: list[PlacedArg], converted: list[PlacedArg], new_params: tuple[str, ...]
) -> list[PlacedArg]:
    """Insert each converted keyword before the first kept argument that comes later in
    the new signature (an unknown keyword or `**kwargs` counts as coming last)."""

    def rank(placed: PlacedArg) -> int:
        return new_params.index(placed.keyword) if placed.keyword in new_params else len(new_params)

    merged = list(kept)
    for placed in sorted(converted, key=rank):
        position = next((i for i, other in enumerate(merged) if rank(other) > rank(placed)), len(merged))
        merged.insert(position, placed)
    return merged


@dataclass(frozen=True)
class Binding:
    """Which parameter each argument of one call fills, as Python binds them."""

    #: Parameter -> index of the argument that fills it (a keyword wins over a position).
    bound: dict[str, int]
    #: Positional arguments before any `*args`, in order: the ones whose parameter is known.
    positional: tuple[int, ...]
    #: Positional arguments after a `*args`, which fill parameters no one can name.
    after_star: int
    #: Parameters passed both by position and by keyword, in the keywords' order.
    twice: tuple[str, ...]
    star: bool  # a `*args` may fill parameters after the positional ones
    double_star: bool  # a `**kwargs` may fill any parameter not bound

    def certain(self, param: str) -> bool:
        """Whether a star argument cannot be what fills (or leaves empty) `param`."""
        return param in self.bound or not (self.star or self.double_star)

    def refusal(self, params: tuple[str, ...], function: str, required: tuple[str, ...] = ()) -> Refusal | None:
        """Why this call cannot be rebound to another signature safely (MS101, MS104), or None."""
        if self.star:
            return Refusal.of(MS101, "star", function=function)
        if len(self.positional) > len(params):
            return Refusal.of(MS104, "too_many", function=function, most=len(params), given=len(self.positional))
        if self.twice:
            return Refusal.of(MS104, "twice", function=function, param=self.twice[0])
        missing = [p for p in required if p not in self.bound]
        if missing and not self.double_star:
            # The call fails today; rebinding it could make it silently work.
            return Refusal.of(MS104, "missing", function=function, param=missing[0])
        return None


def bind(args: Sequence[ArgInfo], params: tuple[str, ...]) -> Binding:
    """Bind a call's arguments (only their kinds and keywords are read) to `params`."""
    positional: list[int] = []
    after_star = 0
    star = double_star = False
    for index, arg in enumerate(args):
        if arg.kind is ArgKind.STAR:
            star = True
        elif arg.kind is ArgKind.DOUBLE_STAR:
            double_star = True
        elif arg.kind is ArgKind.POSITIONAL:
            if star:
                after_star += 1
            else:
                positional.append(index)
    bound = dict(zip(params, positional))
    twice: list[str] = []
    for index, arg in enumerate(args):
        if arg.kind is ArgKind.KEYWORD and arg.keyword is not None:
            if arg.keyword in bound and bound[arg.keyword] in positional:
                twice.append(arg.keyword)
            bound[arg.keyword] = index
    return Binding(bound, tuple(positional), after_star, tuple(twice), star, double_star)


def plan_rebind(
    args: list[ArgInfo],
    old_params: tuple[str, ...],
    new_params: tuple[str, ...],
    function: str,
    required: tuple[str, ...] = (),
) -> list[PlacedArg] | Refusal:
    """New argument order for calling `new_params`' function with the same bindings.

    Keyword arguments keep their keyword and their order; positional arguments stay
    positional while they fill a prefix of the new signature, and otherwise become
    keywords placed among the others in the new signature's order (so the call reads
    like the new API). If that would reorder two arguments whose side effects could
    interact, every argument is passed by keyword in the original order instead.
    """
    binding = bind(args, old_params)
    refusal = binding.refusal(old_params, function, required)
    if refusal is not None:
        return refusal
    positional_param = dict(zip(binding.positional, old_params))
    bound = {param: index for index, param in positional_param.items()}


    prefix: list[PlacedArg] = []
    for param in new_params:
        if param not in bound:
            break
        prefix.append(PlacedArg(bound[param], None))
    in_prefix = {placed.source for placed in prefix}
    kept = [PlacedArg(i, arg.keyword) for i, arg in enumerate(args) if i not in in_prefix and i not in positional_param]
    converted = [PlacedArg(i, positional_param[i]) for i in positional_param if i not in in_prefix]
    plan = prefix + _merge_by_signature(kept, converted, new_params)
    effects = [arg.effect for arg in args]
    if keeps_evaluation_order(effects, [placed.source for placed in plan]):
        return plan
    return [
        PlacedArg(index, positional_param.get(index, arg.keyword)) for index, arg in enumerate(args)
    ]
