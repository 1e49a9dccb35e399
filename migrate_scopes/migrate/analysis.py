"""Python 3 front end: find TensorFlow scope calls and resolve names, over `ast`.

`ast` (the C parser) is used for analysis because it is an order of magnitude
cheaper than libcst's scope metadata and gives exact positions; libcst then
rewrites only the spans that change (see `cst_calls.py`).

Name resolution follows Python's rules closely enough for a codemod: function,
class, lambda and comprehension scopes, `global`/`nonlocal`, class scopes skipped
by nested functions. It is flow-insensitive: every binding of a name in its scope
counts, so a name bound two ways (a version-dependent import, say) is MIXED.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from migrate_scopes.migrate.evaluation_order import argument_effect
from migrate_scopes.migrate.model import (
    Analysis,
    ArgKind,
    Argument,
    Call,
    ImportBinding,
    NewerApi,
    Reference,
    Resolution,
    Span,
    Status,
    WithItem,
)
from migrate_scopes.migrate.source_text import SourceText
from migrate_scopes.migrate.tensorflow_api import (
    CALL_RESULT,
    DEPRECATED_SCOPES,
    GRAPH_FACTORIES,
    NEWER_API_ATTRIBUTES,
    RELEVANT_FUNCTIONS,
    is_tensorflow_module,
    newer_api,
    tensorflow_function,
)


@dataclass
class _Binding:
    qualified: str | None  # dotted import path, None for any other kind of binding
    line: int
    #: `name = <constant>` (e.g. `tf = None` after a failed import): it can never be
    #: called or have attributes, so it does not make a name "bound two ways".
    inert: bool = False
    import_binding: ImportBinding | None = None
    #: `tf = tf.compat.v1`: the binding is whatever that chain resolves to.
    alias_of: tuple[str, tuple[str, ...]] | None = None
    alias_scope: _Scope | None = None


@dataclass
class _Scope:
    id: int
    kind: str  # "module", "function", "class", "comprehension"
    parent: _Scope | None
    bindings: dict[str, list[_Binding]] = field(default_factory=dict)
    globals: set[str] = field(default_factory=set)
    nonlocals: set[str] = field(default_factory=set)

    def bind(self, name: str, binding: _Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)

    def function_id(self) -> int | None:
        """Id of the innermost function or lambda scope this one is (or lies in); None at module level."""
        scope: _Scope | None = self
        while scope is not None and scope.kind != "function":
            scope = scope.parent
        return scope.id if scope is not None else None


@dataclass
class _PendingRef:
    node: ast.expr  # Name or Attribute
    root: str
    parts: tuple[str, ...]
    scope: _Scope
    call: ast.Call | None
    withs: tuple[tuple[ast.Call, ast.withitem], ...]
    statement: ast.stmt | None


_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
#: Node types without children or anything to record: not visited at all.
_LEAVES = frozenset(
    cls
    for base in (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
    for cls in base.__subclasses__()
) | {ast.Constant}


#: A function or class body whose text holds none of these is not walked (`_inert_body`).
_BODY_WORDS = (*sorted(RELEVANT_FUNCTIONS | NEWER_API_ATTRIBUTES), "global", "nonlocal")
_STAR_IMPORT = re.compile(r"import[\s\\]*\*")


def _chain(node: ast.expr) -> tuple[str, tuple[str, ...]] | None:
    """`a.b.c` -> ("a", ("b", "c")); None when the chain does not start at a name. A graph
    made on the way (`tf.get_default_graph().name_scope`) is a part of its own:
    ("tf", ("get_default_graph", "()", "name_scope"))."""
    parts: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif _makes_graph(node):
            parts.append(CALL_RESULT)
            node = node.func  # type: ignore[attr-defined]
        else:
            break
    if not isinstance(node, ast.Name):
        return None
    return node.id, tuple(reversed(parts))


def _makes_graph(node: ast.expr) -> bool:
    """`tf.Graph()`, `get_default_graph()`: a call without arguments of a graph factory's name
    (whether it is TensorFlow's, resolution tells)."""
    if not isinstance(node, ast.Call) or node.args or node.keywords:
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in GRAPH_FACTORIES


class _Walker:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.scopes: list[_Scope] = []
        self.module = self._new_scope("module", None)
        self.star_modules: list[str] = []
        self.refs: list[_PendingRef] = []
        self.name_loads: list[tuple[ast.Name, _Scope, ast.Call | None, tuple, ast.stmt | None]] = []
        self.callee_of: dict[int, ast.Call] = {}
        self.entered_at_once: set[int] = set()  # id() of calls entered where created
        self.decorators: set[int] = set()
        self.withs: tuple[tuple[ast.Call, ast.withitem], ...] = ()
        self.statement: ast.stmt | None = None
        #: The statement being visited is the only one of its block (not the module's).
        self.alone_in_block = False
        self.imports: list[ImportBinding] = []
        #: Resolutions by (id of a scope's binding list, attribute parts); see `_resolve`.
        self.resolved: dict[tuple[int, tuple[str, ...]], Resolution] = {}
        #: Function and class bodies not walked (see `_inert_body`), with what walking them
        #: needs: the scope they bind in and the enclosing with items.
        self.deferred: list[tuple[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, _Scope, tuple]] = []
        #: Attribute chains that may name a TensorFlow name newer than r0.10 (`tf.AUTO_REUSE`),
        #: resolved after the walk; and imports of one, known at once.
        self.newer_refs: list[tuple[ast.Attribute, str, tuple[str, ...], _Scope]] = []
        self.newer_imports: list[NewerApi] = []

    # -- helpers ---------------------------------------------------------------
    def _new_scope(self, kind: str, parent: _Scope | None) -> _Scope:
        scope = _Scope(id=len(self.scopes), kind=kind, parent=parent)
        self.scopes.append(scope)
        return scope

    def span(self, node: ast.AST) -> Span:
        start = self.source.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.source.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        line, col = self.source.position(start)
        return Span(start, end, line, col)

    def _binding_scope(self, scope: _Scope, name: str) -> _Scope:
        if name in scope.globals:
            return self.module
        if name in scope.nonlocals:
            outer = scope.parent
            while outer is not None and (outer.kind == "class" or name not in outer.bindings):
                outer = outer.parent
            return outer or self.module
        return scope

    def bind(self, scope: _Scope, name: str, line: int, inert: bool = False) -> None:
        self._binding_scope(scope, name).bind(name, _Binding(None, line, inert))

    # -- traversal -------------------------------------------------------------
    def visit(self, node: ast.AST, scope: _Scope) -> None:
        method = _DISPATCH.get(type(node))
        if method is not None:
            method(self, node, scope)
        else:
            self.generic(node, scope)

    def generic(self, node: ast.AST, scope: _Scope) -> None:
        # `ast.iter_child_nodes`, without a generator per node, and without a call for
        # leaves that hold nothing (contexts, operators, constants).
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST) and type(item) not in _LEAVES:
                        self.visit(item, scope)
            elif isinstance(value, ast.AST) and type(value) not in _LEAVES:
                self.visit(value, scope)

    def visit_body(self, statements: list[ast.stmt], scope: _Scope, module: bool = False) -> None:
        alone = len(statements) == 1 and not module
        for statement in statements:
            outer = self.statement
            self.statement = None if isinstance(statement, _COMPOUND) else statement
            self.alone_in_block = alone
            self.visit(statement, scope)
            self.statement = outer

    def visit_Module(self, node: ast.Module, scope: _Scope) -> None:
        self.visit_body(node.body, scope, module=True)

    def _visit_arguments(self, args: ast.arguments, outer: _Scope, inner: _Scope) -> None:
        for default in [*args.defaults, *[d for d in args.kw_defaults if d is not None]]:
            self.visit(default, outer)
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        every += [a for a in (args.vararg, args.kwarg) if a is not None]
        for arg in every:
            if arg.annotation is not None:
                self.visit(arg.annotation, outer)
            inner.bind(arg.arg, _Binding(None, arg.lineno))

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope) -> None:
        for decorator in node.decorator_list:
            self.decorators.add(id(decorator))
            self.visit(decorator, scope)
        if node.returns is not None:
            self.visit(node.returns, scope)
        self.bind(scope, node.name, node.lineno)
        inner = self._new_scope("function", scope)
        self._visit_arguments(node.args, scope, inner)
        if self._inert_body(node):
            self.deferred.append((node, inner, ()))
            return
        self._visit_function_body(node, inner)

    def _visit_function_body(self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: _Scope) -> None:
        self._prescan_declarations(node.body, inner)
        outer_withs, self.withs = self.withs, ()  # lexical scopes end at a function
        self.visit_body(node.body, inner)
        self.withs = outer_withs

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda, scope: _Scope) -> None:
        inner = self._new_scope("function", scope)
        self._visit_arguments(node.args, scope, inner)
        outer_withs, self.withs = self.withs, ()
        self.visit(node.body, inner)
        self.withs = outer_withs

    def visit_ClassDef(self, node: ast.ClassDef, scope: _Scope) -> None:
        self.decorators.update(id(decorator) for decorator in node.decorator_list)
        for child in [*node.decorator_list, *node.bases, *node.keywords]:
            self.visit(child, scope)
        self.bind(scope, node.name, node.lineno)
        inner = self._new_scope("class", scope)
        if self._inert_body(node):
            self.deferred.append((node, inner, self.withs))
            return
        self._prescan_declarations(node.body, inner)
        self.visit_body(node.body, inner)

    def _inert_body(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
        """Whether the body's text names nothing the analysis looks for, so that walking it
        can change nothing outside it: no TensorFlow function name (attribute, import or
        binding), no `global`/`nonlocal`, no `import *`. Only the local names of imports
        (`from tensorflow import op_scope as s`) are known after the walk: `visit_deferred`.
        Non-ASCII text is always walked (identifiers are NFKC-normalised)."""
        source = self.source
        start = source.offset(node.body[0].lineno, node.body[0].col_offset)
        end = source.offset(node.end_lineno, node.end_col_offset)  # type: ignore[arg-type]
        if source.has_non_ascii(start, end):
            return False
        text = source.text
        return all(text.find(word, start, end) == -1 for word in _BODY_WORDS) and not _STAR_IMPORT.search(
            text, start, end
        )

    def visit_deferred(self, names: set[str]) -> None:
        """Walk the skipped bodies that mention one of `names` (such a body holds no import
        of a TensorFlow function, so nothing it binds makes another body matter)."""
        text = self.source.text
        while self.deferred:  # bodies nested in a walked one are deferred in their turn
            deferred, self.deferred = self.deferred, []
            for node, inner, withs in deferred:
                start = self.source.offset(node.body[0].lineno, node.body[0].col_offset)
                end = self.source.offset(node.end_lineno, node.end_col_offset)  # type: ignore[arg-type]
                if not any(text.find(name, start, end) != -1 for name in names):
                    continue
                outer_withs, self.withs = self.withs, withs
                if isinstance(node, ast.ClassDef):
                    self._prescan_declarations(node.body, inner)
                    self.visit_body(node.body, inner)
                else:
                    self._visit_function_body(node, inner)
                self.withs = outer_withs

    def _prescan_declarations(self, body: list[ast.stmt], scope: _Scope) -> None:
        """`global`/`nonlocal` apply to the whole block, even before they appear."""
        source = self.source
        start = source.offset(body[0].lineno, body[0].col_offset)
        end = source.offset(body[-1].end_lineno, body[-1].end_col_offset)  # type: ignore[arg-type]
        if not source.has_non_ascii(start, end) and all(
            source.text.find(keyword, start, end) == -1 for keyword in ("global", "nonlocal")
        ):
            return  # neither keyword is in the block's text: no statement to look for
        stack = list(body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Global):
                scope.globals.update(node.names)
            elif isinstance(node, ast.Nonlocal):
                scope.nonlocals.update(node.names)
            elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                stack.extend(n for n in ast.iter_child_nodes(node) if isinstance(n, ast.stmt))

    def visit_comprehension_node(self, node: ast.AST, scope: _Scope) -> None:
        generators: list[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        self.visit(generators[0].iter, scope)  # evaluated in the enclosing scope
        inner = self._new_scope("comprehension", scope)
        for index, generator in enumerate(generators):
            if index:
                self.visit(generator.iter, inner)
            self.visit(generator.target, inner)
            for condition in generator.ifs:
                self.visit(condition, inner)
        for field_name in ("elt", "key", "value"):
            child = getattr(node, field_name, None)
            if child is not None:
                self.visit(child, inner)

    def visit_NamedExpr(self, node: ast.NamedExpr, scope: _Scope) -> None:
        self.visit(node.value, scope)
        target_scope = scope
        while target_scope.kind == "comprehension" and target_scope.parent is not None:
            target_scope = target_scope.parent
        self.bind(target_scope, node.target.id, node.lineno)

    def visit_Import(self, node: ast.Import, scope: _Scope) -> None:
        for alias in node.names:
            if alias.asname:
                local, qualified = alias.asname, alias.name
            else:
                local = qualified = alias.name.partition(".")[0]
            self._binding_scope(scope, local).bind(local, _Binding(qualified, node.lineno))
            if alias.name.startswith("tensorflow.") and (newer := newer_api(alias.name)):
                self.newer_imports.append(NewerApi(*newer, self.span(node)))

    def visit_ImportFrom(self, node: ast.ImportFrom, scope: _Scope) -> None:
        module = "." * node.level + (node.module or "")
        for index, alias in enumerate(node.names):
            if alias.name == "*":
                self.star_modules.append(module)
                continue
            qualified = f"{module}.{alias.name}"
            if (alias.name in NEWER_API_ATTRIBUTES or module.startswith("tensorflow.")) and (
                newer := newer_api(qualified)
            ):
                self.newer_imports.append(NewerApi(*newer, self.span(node)))
            import_binding = None
            if alias.name in RELEVANT_FUNCTIONS and tensorflow_function(qualified):
                import_binding = self._import_binding(node, module, alias, index, scope)
                self.imports.append(import_binding)
            local = alias.asname or alias.name
            binding = _Binding(qualified, node.lineno, import_binding=import_binding)
            self._binding_scope(scope, local).bind(local, binding)

    def _import_binding(
        self, node: ast.ImportFrom, module: str, alias: ast.alias, index: int, scope: _Scope
    ) -> ImportBinding:
        span = self.span(node)
        line_start = self.source.line_starts[span.line - 1]
        end_line = node.end_lineno or node.lineno
        line_end = self.source.line_starts[end_line - 1] + len(self.source.line_text(end_line))
        owns_lines = (
            not self.source.text[line_start : span.start].strip()
            and not self.source.text[span.end : line_end].strip()
        )
        return ImportBinding(
            module=module,
            name=alias.name,
            asname=alias.asname,
            statement=span,
            scope_id=scope.id,
            alone_in_block=self.alone_in_block,
            owns_lines=owns_lines,
            alias_index=index,
        )

    def visit_Global(self, node: ast.AST, scope: _Scope) -> None:
        return None

    visit_Nonlocal = visit_Global

    def visit_Assign(self, node: ast.Assign, scope: _Scope) -> None:
        self.visit(node.value, scope)
        inert = isinstance(node.value, ast.Constant)
        aliased = isinstance(node.value, (ast.Name, ast.Attribute)) or _makes_graph(node.value)
        chain = _chain(node.value) if aliased else None
        if chain is not None and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            binding = _Binding(None, node.lineno, alias_of=chain, alias_scope=scope)
            self._binding_scope(scope, name).bind(name, binding)
            return
        for target in node.targets:
            if inert and isinstance(target, ast.Name):
                self.bind(scope, target.id, node.lineno, inert=True)
            else:
                self.visit(target, scope)

    def visit_Name(self, node: ast.Name, scope: _Scope) -> None:
        if isinstance(node.ctx, ast.Load):
            self.name_loads.append(
                (node, scope, self.callee_of.get(id(node)), self.withs, self.statement)
            )
        else:
            self.bind(scope, node.id, node.lineno)

    def visit_Attribute(self, node: ast.Attribute, scope: _Scope) -> None:
        if node.attr in NEWER_API_ATTRIBUTES:
            chain = _chain(node)
            if chain is not None:
                self.newer_refs.append((node, *chain, scope))
        elif node.attr in RELEVANT_FUNCTIONS:
            chain = _chain(node)
            if chain is not None:
                root, parts = chain
                self.refs.append(
                    _PendingRef(
                        node, root, parts, scope, self.callee_of.get(id(node)), self.withs, self.statement
                    )
                )
                return  # the chain is names and attributes only: nothing else to see
        self.visit(node.value, scope)

    def visit_Call(self, node: ast.Call, scope: _Scope) -> None:
        self.callee_of[id(node.func)] = node
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr == "enter_context" and len(node.args) == 1:
                self._mark_entered(node.args[0])
            elif func.attr == "__enter__":
                self._mark_entered(func.value)
        self.generic(node, scope)

    def _mark_entered(self, expression: ast.expr) -> None:
        """This expression's value is entered right away (`A if c else B`: either one)."""
        while isinstance(expression, ast.IfExp):
            self._mark_entered(expression.body)
            expression = expression.orelse
        self.entered_at_once.add(id(expression))

    def visit_With(self, node: ast.With | ast.AsyncWith, scope: _Scope) -> None:
        outer_withs = self.withs
        for item in node.items:
            self._mark_entered(item.context_expr)
            # Each context expression is evaluated inside the items before it.
            self.visit(item.context_expr, scope)
            if item.optional_vars is not None:
                self.visit(item.optional_vars, scope)
            if isinstance(item.context_expr, ast.Call):
                self.withs = (*self.withs, (item.context_expr, item))
        self.visit_body(node.body, scope)
        self.withs = outer_withs

    visit_AsyncWith = visit_With

    def visit_ExceptHandler(self, node: ast.ExceptHandler, scope: _Scope) -> None:
        if node.type is not None:
            self.visit(node.type, scope)
        if node.name:
            self.bind(scope, node.name, node.lineno)
        self.visit_body(node.body, scope)

    def visit_block_owner(self, node: ast.AST, scope: _Scope) -> None:
        """Any node with statement bodies: visit them as blocks (statement tracking)."""
        for field_name, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                self.visit_body(value, scope)
            elif isinstance(value, list):
                for child in value:
                    if isinstance(child, ast.AST):
                        self.visit(child, scope)
            elif isinstance(value, ast.AST):
                self.visit(value, scope)

    def visit_match_capture(self, node: ast.AST, scope: _Scope) -> None:
        name = getattr(node, "name", None) or getattr(node, "rest", None)
        if name:
            self.bind(scope, name, node.lineno)  # type: ignore[attr-defined]
        self.generic(node, scope)


_DISPATCH = {
    ast.Module: _Walker.visit_Module,
    ast.FunctionDef: _Walker.visit_FunctionDef,
    ast.AsyncFunctionDef: _Walker.visit_AsyncFunctionDef,
    ast.Lambda: _Walker.visit_Lambda,
    ast.ClassDef: _Walker.visit_ClassDef,
    ast.NamedExpr: _Walker.visit_NamedExpr,
    ast.Import: _Walker.visit_Import,
    ast.ImportFrom: _Walker.visit_ImportFrom,
    ast.Global: _Walker.visit_Global,
    ast.Nonlocal: _Walker.visit_Nonlocal,
    ast.Assign: _Walker.visit_Assign,
    ast.Name: _Walker.visit_Name,
    ast.Attribute: _Walker.visit_Attribute,
    ast.Call: _Walker.visit_Call,
    ast.With: _Walker.visit_With,
    ast.AsyncWith: _Walker.visit_AsyncWith,
    ast.ExceptHandler: _Walker.visit_ExceptHandler,
    ast.MatchAs: _Walker.visit_match_capture,
    ast.MatchStar: _Walker.visit_match_capture,
    ast.MatchMapping: _Walker.visit_match_capture,
}
for _comprehension in _COMPREHENSIONS:
    _DISPATCH[_comprehension] = _Walker.visit_comprehension_node
for _owner in (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.match_case) + (
    (ast.TryStar,) if hasattr(ast, "TryStar") else ()
):
    _DISPATCH[_owner] = _Walker.visit_block_owner


# -- resolution -----------------------------------------------------------------
def _lookup(walker: _Walker, scope: _Scope, name: str) -> list[_Binding] | None:
    current: _Scope | None = walker._binding_scope(scope, name)
    first = True
    while current is not None:
        if (first or current.kind != "class") and name in current.bindings:
            return current.bindings[name]
        first = False
        current = current.parent
    return None


def _qualified_names(walker: _Walker, binding: _Binding, seen: frozenset[int] = frozenset()) -> list[str | None]:
    """Dotted paths a binding can stand for; None for anything but an import."""
    if binding.qualified is not None:
        return [binding.qualified]
    if binding.alias_of is None or binding.alias_scope is None:
        return [None]
    if id(binding) in seen:  # `tf = tf.compat.v1` refers to itself too: the rest decides
        return []
    root, parts = binding.alias_of
    bindings = _lookup(walker, binding.alias_scope, root)
    if bindings is None:
        return [None]
    suffix = "".join("." + part for part in parts)
    names: list[str | None] = []
    for other in bindings:
        if not other.inert:
            names += [q and q + suffix for q in _qualified_names(walker, other, seen | {id(binding)})]
    return names


def _resolve(walker: _Walker, scope: _Scope, root: str, parts: tuple[str, ...]) -> Resolution:
    bindings = _lookup(walker, scope, root)
    if bindings is None:
        return _resolve_bindings(walker, None, root, parts)
    # Every use reaching the same bindings resolves alike: a name bound many times (a file
    # of concatenated modules, each importing `tf`) is not walked again for each use.
    key = (id(bindings), parts)
    resolution = walker.resolved.get(key)
    if resolution is None:
        resolution = walker.resolved[key] = _resolve_bindings(walker, bindings, root, parts)
    return resolution


def _resolve_bindings(
    walker: _Walker, bindings: list[_Binding] | None, root: str, parts: tuple[str, ...]
) -> Resolution:
    suffix = "".join("." + part for part in parts)
    if bindings is None:
        # Unbound here: maybe brought in by `from tensorflow import *`.
        for module in walker.star_modules:
            function = is_tensorflow_module(module) and tensorflow_function(module + "." + root + suffix)
            if function:
                return Resolution(Status.TENSORFLOW, function)
        return Resolution(Status.OTHER)
    found: list[tuple[str | None, int]] = []  # (TF function or None, line) per binding
    imports: list[ImportBinding] = []
    assigned = False
    imports_only = not parts
    for binding in bindings:
        if binding.inert:
            continue
        imports_only = imports_only and binding.import_binding is not None
        for qualified in _qualified_names(walker, binding):
            function = qualified and tensorflow_function(qualified + suffix) or None
            found.append((function, binding.line))
            if function:
                if binding.import_binding is not None and not parts:
                    imports.append(binding.import_binding)
                assigned = assigned or (binding.alias_of is not None and not parts)
    functions = {function for function, _line in found if function}
    if not functions:
        return Resolution(Status.OTHER)
    # Name the deprecated one, so the pass that owns it reports any ambiguity.
    function = min(functions, key=lambda f: (f not in DEPRECATED_SCOPES, f))
    others = [(other, line) for other, line in found if other != function]
    if not others:
        return Resolution(Status.TENSORFLOW, function, tuple(imports), assigned=assigned)
    other_function, other_line = others[0]
    imports_only = imports_only and len({other for other, _line in others}) == 1
    return Resolution(
        Status.MIXED, function, tuple(imports), other_line, assigned, other_function, imports_only
    )


def _resolve_uses(
    tree: ast.Module, source: SourceText
) -> tuple[_Walker, list[tuple[_PendingRef, Resolution]], list[_PendingRef]]:
    """Every use of a TensorFlow function name in `tree`: those resolved to TensorFlow
    (with their resolution), and those whose root name is bound nowhere."""
    walker = _Walker(source)
    walker.visit(tree, walker.module)
    walker.visit_deferred({b.local_name for b in walker.imports})

    pending = list(walker.refs)
    imported_names = {b.local_name for b in walker.imports} | RELEVANT_FUNCTIONS
    for node, scope, call, withs, statement in walker.name_loads:
        if node.id in imported_names:
            pending.append(_PendingRef(node, node.id, (), scope, call, withs, statement))

    resolved: list[tuple[_PendingRef, Resolution]] = []
    unbound: list[_PendingRef] = []
    for ref in pending:
        resolution = _resolve(walker, ref.scope, ref.root, ref.parts)
        if resolution.status is Status.OTHER:
            if _unbound(walker, ref):
                unbound.append(ref)
            continue
        resolved.append((ref, resolution))
    return walker, resolved, unbound


def _function_named(ref: _PendingRef) -> str:
    return ref.parts[-1] if ref.parts else ref.root


#: What one use of a TensorFlow function name calls: ("call" or "reference", function, status).
Use = tuple[str, str | None, str]


def uses_of(analysis: Analysis, retargeted: dict[int, str]) -> Counter[Use]:
    """What each use of a TensorFlow function name in the analysed text calls; a call whose
    offset is in `retargeted` counted as calling the function named there."""
    uses: Counter[Use] = Counter()
    for call in analysis.calls:
        if call.span.start in retargeted:
            uses["call", retargeted[call.span.start], Status.TENSORFLOW.value] += 1
        else:
            uses["call", call.resolution.function, call.resolution.status.value] += 1
    for reference in [*analysis.references, *analysis.unresolved]:
        uses["reference", reference.resolution.function, reference.resolution.status.value] += 1
    return uses


def resolved_uses(text: str, tree: ast.Module) -> Counter[Use]:
    """`uses_of(analyse(text, tree), {})`, without the spans and contexts an analysis
    records for the passes: what the engine checks migrated text by."""
    _walker, resolved, unbound = _resolve_uses(tree, SourceText(text))
    uses: Counter[Use] = Counter()
    for ref, resolution in resolved:
        uses["call" if ref.call is not None else "reference", resolution.function, resolution.status.value] += 1
    for ref in unbound:
        uses["reference", _function_named(ref), Status.OTHER.value] += 1
    return uses


def analyse(
    text: str, tree: ast.Module, dialect: str = "python3", positions: SourceText | None = None
) -> Analysis:
    """`tree` is `ast`'s tree of `text`; spans are offsets in `positions` (default: `text`)."""
    source = positions or SourceText(text)
    walker, resolved, unbound = _resolve_uses(tree, source)
    analysis = Analysis(dialect=dialect, imports=walker.imports, exported_names=_exported_names(tree))
    for ref in unbound:
        unresolved = Resolution(Status.OTHER, _function_named(ref))
        analysis.unresolved.append(Reference(walker.span(ref.node), not ref.parts, unresolved))
    call_index: dict[int, int] = {}
    resolved.sort(key=lambda item: (item[0].node.lineno, item[0].node.col_offset))
    # The `as` text of with items is cut from `text` by the positions `ast` gave
    # (`ast.get_source_segment` would split the whole source again for every target).
    parsed = source if positions is None else SourceText(text)

    def segment(node: ast.AST) -> str:
        start = parsed.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        return text[start : parsed.offset(node.end_lineno, node.end_col_offset)]  # type: ignore[attr-defined]

    may_bind = ":=" in text  # else no argument's text needs looking at (see argument_effect)

    for ref, resolution in resolved:
        span = walker.span(ref.node)
        callee_is_name = isinstance(ref.node, ast.Name)
        if ref.call is None:
            analysis.references.append(Reference(span, callee_is_name, resolution))
            continue
        call_index[id(ref.call)] = len(analysis.calls)
        statement = walker.span(ref.statement) if ref.statement is not None else None
        analysis.calls.append(
            Call(
                span=walker.span(ref.call),
                func=span,
                callee_is_name=callee_is_name,
                resolution=resolution,
                statement=statement,
                entered_at_once=id(ref.call) in walker.entered_at_once,
                is_decorator=id(ref.call) in walker.decorators,
                function_id=ref.scope.function_id(),
                args=_arguments(walker, ref.call, segment if may_bind else None),
                # A with item's call starts before the calls in its body: it is indexed already.
                enclosing_withs=tuple(
                    WithItem(
                        call_index=call_index[id(call)],
                        target=segment(item.optional_vars) if item.optional_vars else None,
                        target_is_name=isinstance(item.optional_vars, ast.Name),
                    )
                    for call, item in ref.withs
                    if id(call) in call_index
                ),
            )
        )
    analysis.non_tensorflow_names = _non_tensorflow_names(walker)
    analysis.newer_api = _newer_api(walker)
    return analysis


def _newer_api(walker: _Walker) -> list[NewerApi]:
    """The imports and attribute chains that name a TensorFlow name newer than r0.10 through
    every binding of their root name, in source order."""
    found = list(walker.newer_imports)
    for node, root, parts, scope in walker.newer_refs:
        bindings = _lookup(walker, scope, root)
        if bindings is None:
            continue
        suffix = "".join("." + part for part in parts)
        names = {
            qualified and newer_api(qualified + suffix)
            for binding in bindings
            if not binding.inert
            for qualified in _qualified_names(walker, binding)
        }
        if len(names) == 1 and (newer := names.pop()):
            found.append(NewerApi(*newer, walker.span(node)))
    found.sort(key=lambda use: use.span.start)
    return found


def _arguments(walker: _Walker, call: ast.Call, segment: Callable[[ast.AST], str] | None) -> tuple[Argument, ...]:
    """The call's arguments in source order (`f(k=1, *a)` puts the star last in `ast`)."""
    items: list[ast.expr | ast.keyword] = [*call.args, *call.keywords]
    if call.args and call.keywords:
        items.sort(key=lambda item: (item.lineno, item.col_offset))
    source = walker.source
    arguments = []
    for item in items:
        if isinstance(item, ast.keyword):
            value = item.value
            kind = ArgKind.KEYWORD if item.arg is not None else ArgKind.DOUBLE_STAR
        elif isinstance(item, ast.Starred):
            value, kind = item.value, ArgKind.STAR
        else:
            value, kind = item, ArgKind.POSITIONAL
        arguments.append(
            Argument(
                kind,
                item.arg if isinstance(item, ast.keyword) else None,
                argument_effect(value, segment(value) if segment is not None else None),
                start=source.offset(item.lineno, item.col_offset),
                end=source.offset(item.end_lineno, item.end_col_offset),  # type: ignore[arg-type]
                value_start=source.offset(value.lineno, value.col_offset),
            )
        )
    return tuple(arguments)


def _exported_names(tree: ast.Module) -> frozenset[str]:
    """Strings the module puts in `__all__` (assigned, augmented, appended or extended)."""
    names: set[str] = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        value: ast.AST | None = None
        if isinstance(node, ast.Assign) and any(_is_all(target) for target in node.targets):
            value = node.value
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and _is_all(node.target):
            value = node.value
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and _is_all(func.value):
                value = node.value
        if value is not None:
            names.update(
                child.value
                for child in ast.walk(value)
                if isinstance(child, ast.Constant) and isinstance(child.value, str)
            )
        stack.extend(
            child
            for child in ast.iter_child_nodes(node)
            if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))
        )
    return frozenset(names)


def _is_all(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "__all__"


def _unbound(walker: _Walker, ref: _PendingRef) -> bool:
    return _lookup(walker, ref.scope, ref.root) is None and ref.root not in _BUILTINS


_BUILTINS = frozenset(dir(builtins))


def _non_tensorflow_names(walker: _Walker) -> set[str]:
    """Names of TF functions that some scope binds to something else."""
    names: set[str] = set()
    for scope in walker.scopes:
        for name, bindings in scope.bindings.items():
            if name not in RELEVANT_FUNCTIONS:
                continue
            for binding in bindings:
                if not (binding.qualified and tensorflow_function(binding.qualified) == name):
                    names.add(name)
    return names
