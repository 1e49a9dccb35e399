"""Restore a checkpoint saved by the code before `--wrap-get-variable` into the migrated model.

Run it in the process that built the migrated graph, where every full name is known::

    from migrate_scopes.checkpoint import assignment_map
    tf.train.init_from_checkpoint(OLD_CKPT, assignment_map(OLD_CKPT, "checkpoint_map.json"))

Each variable is looked up in the old checkpoint under its own name, under the old name the
map's static part gives, and under the old names its rules give (a rule relative to the
caller's variable scope `*/w` -> `*/Block/w` turns `enc/Block/w` back into `enc/w`). Exactly one
of those must be in the checkpoint, with the variable's shape and dtype; anything else is a
`CheckpointMapError` naming the variable and the candidates, never a guess. An old name that
another variable of the graph has as its own name belongs to that variable.

TensorFlow is imported only when `assignment_map` runs: migrate-scopes does not depend on it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from migrate_scopes.migrate.result import ANY_SCOPE, RUN_TIME_NAME

#: The map's reserved key for its rules (`$` cannot occur in a TensorFlow name); the file is
#: written by `migrate_scopes.report.checkpoint_map`.
RULES_KEY = "$rules"


class CheckpointMapError(ValueError):
    """The migrated variables cannot be matched to the checkpoint exactly; says which and why."""


@dataclass(frozen=True)
class Rule:
    old: str
    new: str
    at: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f" from {', '.join(self.at)}" if self.at else ""
        return f"rule {self.old} -> {self.new}{where}"

    def old_names(self, name: str) -> list[str]:
        """Every old name this rule gives for the new name `name` (several splits may fit)."""
        new_body, old_body = _body(self.new), _body(self.old)
        scopes = [""]
        if self.new.startswith(ANY_SCOPE):
            scopes += [name[: i + 1] for i, char in enumerate(name) if char == "/"]
        found = []
        for scope in scopes:
            rest = name[len(scope) :]
            if RUN_TIME_NAME not in new_body:
                if rest == new_body:
                    found.append(scope + old_body)
                continue
            before, _, after = new_body.partition(RUN_TIME_NAME)
            if len(rest) > len(before) + len(after) and rest.startswith(before) and rest.endswith(after):
                run_time = rest[len(before) : len(rest) - len(after)]
                found.append(scope + old_body.replace(RUN_TIME_NAME, run_time))
        return found


def _body(pattern: str) -> str:
    return pattern[len(ANY_SCOPE) :] if pattern.startswith(ANY_SCOPE) else pattern


@dataclass(frozen=True)
class RenameMap:
    """What `--checkpoint-map` wrote: static `{old: new}` names and rules."""

    static: dict[str, str]
    rules: tuple[Rule, ...]

    @classmethod
    def from_json(cls, content: object, source: str = "the checkpoint map") -> RenameMap:
        if not isinstance(content, dict):
            raise CheckpointMapError(f"{source}: expected a JSON object of old name -> new name")
        static, rules = {}, []
        for key, value in content.items():
            if key == RULES_KEY:
                rules = [_rule(item, source) for item in (value if isinstance(value, list) else [value])]
            elif isinstance(value, str):
                static[key] = value
            else:
                raise CheckpointMapError(f"{source}: the new name of {key!r} is not a string")
        return cls(static, tuple(rules))

    @classmethod
    def read(cls, path: str) -> RenameMap:
        with open(path, encoding="utf-8") as handle:
            return cls.from_json(json.load(handle), path)

    def candidates(self, name: str) -> dict[str, str]:
        """Old name -> why it may be the old name of the variable now called `name`."""
        found = {name: "its own name"}
        for old, new in self.static.items():
            if new == name:
                found.setdefault(old, f"map {old} -> {new}")
        for rule in self.rules:
            for old in rule.old_names(name):
                found.setdefault(old, str(rule))
        return found


def _rule(item: object, source: str) -> Rule:
    if not (isinstance(item, dict) and isinstance(item.get("old"), str) and isinstance(item.get("new"), str)):
        raise CheckpointMapError(f"{source}: every entry of {RULES_KEY} needs an 'old' and a 'new' name")
    at = item.get("at", [])
    return Rule(item["old"], item["new"], tuple(at) if isinstance(at, list) else (str(at),))


@dataclass(frozen=True)
class Stored:
    """A checkpoint entry: its shape and dtype name."""

    shape: tuple[int, ...]
    dtype: str


def match(
    wanted: dict[str, Stored], stored: dict[str, Stored], renames: RenameMap, claimed: Iterable[str] = ()
) -> dict[str, str]:
    """New variable name -> its name in the checkpoint; raises CheckpointMapError listing every problem.

    `wanted` holds the variables to restore, `stored` the checkpoint, `claimed` the names of every
    variable of the graph (an old name equal to one of them is that variable's).
    """
    taken = set(claimed) | set(wanted)
    problems, chosen, filled = [], {}, {}
    for name, variable in wanted.items():
        candidates = renames.candidates(name)
        present = {old: why for old, why in candidates.items() if old in stored and (old == name or old not in taken)}
        if not present:
            tried = ", ".join(f"{old} ({why})" for old, why in candidates.items())
            problems.append(f"{name}: no entry of the checkpoint matches; tried {tried}")
            continue
        if len(present) > 1:
            listed = ", ".join(f"{old} ({why})" for old, why in present.items())
            problems.append(f"{name}: more than one entry of the checkpoint could fill it: {listed}")
            continue
        [old] = present
        if stored[old] != variable:
            problems.append(
                f"{name}: the checkpoint's {old} ({present[old]}) has shape {list(stored[old].shape)} and dtype "
                f"{stored[old].dtype}, the variable shape {list(variable.shape)} and dtype {variable.dtype}"
            )
            continue
        if old in filled:
            problems.append(f"{old}: the checkpoint entry would fill both {filled[old]} and {name}")
            continue
        filled[old], chosen[name] = name, old
    if problems:
        raise CheckpointMapError("cannot restore exactly:\n  " + "\n  ".join(problems))
    return chosen


def _tensorflow() -> Any:
    try:
        import tensorflow.compat.v1 as tf
    except ImportError:
        try:
            import tensorflow as tf  # TensorFlow 1.x before tf.compat.v1
        except ImportError as exc:
            raise ImportError("migrate_scopes.checkpoint needs TensorFlow, which cannot be imported") from exc
    return tf


def _variables_by_name(variables: Iterable[Any]) -> dict[str, Any]:
    """Full name -> variable, or -> its parts for a partitioned variable."""
    found: dict[str, Any] = {}
    for variable in variables:
        info = getattr(variable, "_save_slice_info", None)
        if info is not None:
            found.setdefault(info.full_name, []).append(variable)
        else:
            found[variable.op.name] = variable
    return found


def _stored_like(variable: Any) -> Stored:
    if isinstance(variable, list):
        info = variable[0]._save_slice_info
        return Stored(tuple(info.full_shape), variable[0].dtype.base_dtype.name)
    return Stored(tuple(variable.shape.as_list()), variable.dtype.base_dtype.name)


def assignment_map(checkpoint: str, map_file: str, variables: Iterable[Any] | None = None) -> dict[str, Any]:
    """`{name in the old checkpoint: variable}` for every global variable of the default graph
    (or those given), for `tf.train.init_from_checkpoint`."""
    tf = _tensorflow()
    renames = RenameMap.read(map_file)
    graph_variables = _variables_by_name(tf.global_variables())
    wanted = graph_variables if variables is None else _variables_by_name(variables)
    reader = tf.train.load_checkpoint(checkpoint)
    dtypes = reader.get_variable_to_dtype_map()
    stored = {
        name: Stored(tuple(shape), dtypes[name].base_dtype.name)
        for name, shape in reader.get_variable_to_shape_map().items()
    }
    chosen = match({name: _stored_like(v) for name, v in wanted.items()}, stored, renames, graph_variables)
    return {old: wanted[name] for name, old in chosen.items()}
