"""Types of declared names (from their declarations) and constant expressions."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from tree_sitter import Node

from goescape.linter.model.base import CalleeKind, FileView, Symbol, SymbolKind, TopDecl
from goescape.linter.model.infer import range_types, type_of, value_type
from goescape.linter.model.typeexpr import signature, type_from_node
from goescape.linter.model.types import (
    BOOL,
    UNKNOWN,
    Array,
    Basic,
    MethodInfo,
    Named,
    Slice,
    Type,
    TypeParam,
    default_type,
    underlying,
)
from goescape.linter.syntax.nodes import names

_PARAMS = (SymbolKind.PARAM, SymbolKind.RESULT, SymbolKind.RECEIVER)


def symbol_type(symbol: Symbol) -> Type | None:
    """The type of a symbol declared in syntax the model holds (its `origin` file)."""
    fm = symbol.origin
    decl = symbol.decl
    if fm is None or decl is None:
        return None
    if symbol.kind in _PARAMS:
        t = type_from_node(fm, decl.child_by_field_name("type"))
        if decl.type == "variadic_parameter_declaration":
            t = Slice(t)
        return None if t is UNKNOWN else t
    if symbol.kind is SymbolKind.FUNC:
        return signature(fm, decl, tparams=_type_params(fm, decl))
    if symbol.kind is SymbolKind.TYPE:
        return _type_symbol(fm, symbol, decl)
    return _variable_type(fm, symbol, decl)


def _type_params(fm: FileView, decl: Node) -> tuple[TypeParam, ...]:
    plist = decl.child_by_field_name("type_parameters")
    found: list[TypeParam] = []
    for d in plist.named_children if plist is not None else ():
        for ident in names(d):
            symbol = fm.resolve(ident)
            if symbol is not None and isinstance(symbol.type, TypeParam):
                found.append(symbol.type)
    return tuple(found)


def _type_symbol(fm: FileView, symbol: Symbol, decl: Node) -> Type | None:
    if decl.type == "type_spec":
        local = symbol.function is not None
        scope = decl.start_byte if local else 0
        owner = f"{fm.package.path}.{symbol.name}" + (f"@{scope}" if local else "")
        return Named(fm.package.path, symbol.name, (), scope, LocalNamedInfo(fm, decl, owner, local))
    if decl.type == "type_alias":
        t = type_from_node(fm, decl.child_by_field_name("type"))
        return None if t is UNKNOWN else t
    if decl.type == "type_parameter_declaration":
        holder = decl.parent.parent if decl.parent is not None else None
        if holder is not None and holder.type == "type_spec":
            return _type_spec_param(fm, holder, symbol.name)
        key = f"{fm.package.path}@{holder.start_byte if holder is not None else 0}"
        constraint = type_from_node(fm, decl.child_by_field_name("type"))
        return TypeParam(symbol.name, key, constraint)
    if decl.type == "generic_type":  # a receiver's type argument: the type's own parameter
        base_node = decl.child_by_field_name("type")
        base = fm.resolve(base_node) if base_node is not None else None
        generic = base.type if base is not None else None
        if isinstance(generic, Named) and generic.info is not None:
            params = generic.info.type_params()
            return params[symbol.index] if symbol.index < len(params) else None
    return None


def _type_spec_param(fm: FileView, spec: Node, name: str) -> Type | None:
    # A generic type's parameter: the very TypeParam its Named's info substitutes.
    name_node = spec.child_by_field_name("name")
    owner = fm.resolve(name_node) if name_node is not None else None
    t = owner.type if owner is not None else None
    if isinstance(t, Named) and t.info is not None:
        return next((p for p in t.info.type_params() if p.name == name), None)
    return None


def _variable_type(fm: FileView, symbol: Symbol, decl: Node) -> Type | None:
    kind = decl.type
    if kind in ("var_spec", "const_spec"):
        return _spec_type(fm, symbol, decl)
    if kind == "short_var_declaration":
        t = _assigned(fm, decl.child_by_field_name("right"), decl.child_by_field_name("left"), symbol.index)
        return default_type(t)
    if kind == "range_clause":
        right = decl.child_by_field_name("right")
        pair = range_types(type_of(fm, right) if right is not None else None)
        return pair[symbol.index] if symbol.index < 2 else None
    if kind == "receive_statement":
        if symbol.index == 1:
            return BOOL
        right = decl.child_by_field_name("right")
        return type_of(fm, right) if right is not None else None
    if kind == "type_switch_statement":
        value = decl.child_by_field_name("value")
        return type_of(fm, value) if value is not None else None
    if kind in ("type_case", "default_case"):
        return _case_type(fm, decl)
    return None


def _spec_type(fm: FileView, symbol: Symbol, spec: Node) -> Type | None:
    if spec.type == "const_spec" and spec.child_by_field_name("value") is None:
        spec = _const_template(fm, spec) or spec  # `const ( A T = iota; B )`: B repeats A's spec
    type_node = spec.child_by_field_name("type")
    if type_node is not None:
        t = type_from_node(fm, type_node)
        return None if t is UNKNOWN else t
    assigned = _assigned(fm, spec.child_by_field_name("value"), None, symbol.index, spec)
    return assigned if symbol.kind is SymbolKind.CONST else default_type(assigned)


def _const_template(fm: FileView, spec: Node) -> Node | None:
    """The last spec with values before `spec` in its block; one pass per block, memoized (a
    generated block of 8,000 iota constants made a walk back per constant quadratic)."""
    block = spec.parent
    if block is None:
        return None
    table: dict[int, dict[int, Node | None]] = fm.memo("declared.const_templates")
    templates = table.get(block.id)
    if templates is None:
        templates = table[block.id] = {}
        last: Node | None = None
        for child in block.named_children:
            if child.type != "const_spec":
                continue
            templates[child.id] = last
            if child.child_by_field_name("value") is not None:
                last = child
    return templates.get(spec.id)


def _assigned(fm: FileView, values: Node | None, left: Node | None, index: int,
              spec: Node | None = None) -> Type | None:
    if values is None:
        return None
    items = values.named_children if values.type == "expression_list" else [values]
    count = len(left.named_children) if left is not None else (
        len(names(spec)) if spec is not None else len(items))
    if len(items) == count:
        return value_type(fm, items[index], None) if index < len(items) else None
    if len(items) == 1:
        return value_type(fm, items[0], index)
    return None


def _case_type(fm: FileView, case: Node) -> Type | None:
    types = case.children_by_field_name("type") if case.type == "type_case" else []
    if len(types) == 1 and types[0].type != "nil":
        t = type_from_node(fm, types[0])
        return None if t is UNKNOWN else t
    switch = case.parent
    value = switch.child_by_field_name("value") if switch is not None else None
    return type_of(fm, value) if value is not None else None


def is_constant(fm: FileView, expr: Node, depth: int = 0) -> bool:
    """A constant expression (Go spec "Constant expressions"), as far as syntax shows it."""
    if depth > 64:
        return False
    kind = expr.type
    if kind in _CONSTANT_LITERALS:
        return True
    if kind in ("identifier", "true", "false", "iota"):
        symbol = fm.resolve(expr) if kind == "identifier" else None
        return kind != "identifier" or (symbol is not None and symbol.kind is SymbolKind.CONST)
    if kind == "selector_expression":
        selection = fm.select(expr)
        return selection is not None and selection.symbol is not None and \
            selection.symbol.kind is SymbolKind.CONST
    if kind in ("parenthesized_expression", "unary_expression", "binary_expression"):
        first = expr.child(0) if kind == "unary_expression" else None
        if first is not None and first.type in ("&", "<-", "*"):
            return False
        return all(is_constant(fm, c, depth + 1) for c in expr.named_children)
    if kind in ("call_expression", "type_conversion_expression"):
        return _constant_call(fm, expr, depth)
    return False


_CONSTANT_LITERALS = frozenset({"int_literal", "float_literal", "imaginary_literal", "rune_literal",
                                "interpreted_string_literal", "raw_string_literal"})
_CONSTANT_BUILTINS = frozenset({"len", "cap", "real", "imag", "complex", "min", "max"})


def _constant_call(fm: FileView, call: Node, depth: int) -> bool:
    callee = fm.callee(call)
    args = call.child_by_field_name("arguments")
    operands = args.named_children if args is not None else [
        c for c in [call.child_by_field_name("operand")] if c is not None]
    if callee is None:
        return False
    if callee.kind is CalleeKind.CONVERSION:
        # T(c) is constant for constant c and a basic (boolean, numeric or string) type T.
        basic = underlying(callee.conversion)
        return isinstance(basic, Basic) and len(operands) == 1 and is_constant(fm, operands[0], depth + 1)
    if callee.kind is CalleeKind.BUILTIN:
        if callee.package == "unsafe":
            return callee.name in ("Sizeof", "Alignof", "Offsetof")
        if callee.name in ("len", "cap"):
            return len(operands) == 1 and _is_constant_length(fm, operands[0], depth)
        return callee.name in _CONSTANT_BUILTINS and all(is_constant(fm, o, depth + 1) for o in operands)
    return False


def _is_constant_length(fm: FileView, operand: Node, depth: int) -> bool:
    # len("abc") is constant; so is len(arr) for an array variable without calls or receives.
    if is_constant(fm, operand, depth + 1):
        return True
    return isinstance(underlying(type_of(fm, operand)), Array)


def constant_int(fm: FileView, node: Node | None, depth: int = 0) -> int | None:
    """The value of a simple integer constant expression (array lengths); None otherwise."""
    if node is None or depth > 16:
        return None
    if node.type == "int_literal":
        try:
            return int(fm.text(node).replace("_", ""), 0)
        except ValueError:
            return int(fm.text(node).replace("_", ""), 8) if fm.text(node).isdigit() else None
    if node.type == "parenthesized_expression" and node.named_children:
        return constant_int(fm, node.named_children[0], depth + 1)
    if node.type == "identifier":
        symbol = fm.resolve(node)
        if symbol is not None and symbol.kind is SymbolKind.CONST and symbol.decl is not None \
                and symbol.origin is not None:
            values = symbol.decl.child_by_field_name("value")
            items = values.named_children if values is not None else []
            if symbol.index < len(items) and items[symbol.index].type != "iota":
                return constant_int(symbol.origin, items[symbol.index], depth + 1)
        return None
    if node.type == "binary_expression":
        left = constant_int(fm, node.child_by_field_name("left"), depth + 1)
        right = constant_int(fm, node.child_by_field_name("right"), depth + 1)
        op = node.child_by_field_name("operator")
        if left is None or right is None or op is None:
            return None
        return _fold(op.type, left, right)
    return None


def _fold(op: str, left: int, right: int) -> int | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "/" and right:
        return left // right
    if op == "<<" and 0 <= right < 64:
        return left << right
    if op == ">>" and 0 <= right < 64:
        return left >> right
    return None


class LocalNamedInfo:
    """A type declared in the package (or in a function): its shape and methods, on demand."""

    __slots__ = ("_busy", "_fm", "_local", "_methods", "_owner", "_params", "_spec", "_under")

    def __init__(self, fm: FileView, spec: Node, owner: str, local: bool = False) -> None:
        self._fm, self._spec, self._owner, self._local = fm, spec, owner, local
        self._params: tuple[TypeParam, ...] | None = None
        self._under: Type | None = None
        self._methods: Mapping[str, MethodInfo] | None = None
        self._busy = False

    def type_params(self) -> tuple[TypeParam, ...]:
        if self._params is None:
            plist = self._spec.child_by_field_name("type_parameters")
            declared = [self._fm.text(n) for d in (plist.named_children if plist else ())
                        for n in names(d)]
            self._params = tuple(TypeParam(n, self._owner) for n in declared)
        return self._params

    def underlying(self) -> Type | None:
        if self._under is None and not self._busy:
            self._busy = True  # `type T struct{ next *T }` refers to T while T is being built
            env = {p.name: p for p in self.type_params()}
            self._under = type_from_node(self._fm, self._spec.child_by_field_name("type"), env)
            self._busy = False
        return None if self._under is UNKNOWN else self._under

    def methods(self) -> Mapping[str, MethodInfo]:
        if self._methods is None:
            # Types declared inside functions cannot have methods.
            decls = {} if self._local else self._fm.package.method_decls(
                self._fm.text(self._spec.child_by_field_name("name")))
            self._methods = _Methods(decls)
        return self._methods


class _Methods(Mapping[str, MethodInfo]):
    """A type's methods; each signature is built when first looked up (a field lookup on a
    type with many methods then costs nothing)."""

    def __init__(self, decls: Mapping[str, TopDecl]) -> None:
        self._decls = decls
        self._built: dict[str, MethodInfo] = {}

    def __getitem__(self, name: str) -> MethodInfo:
        found = self._built.get(name)
        if found is None:
            decl = self._decls[name]
            sig = signature(decl.file, decl.spec)
            found = self._built[name] = MethodInfo(name, sig, _pointer_receiver(decl.spec), decl.spec)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._decls)

    def __len__(self) -> int:
        return len(self._decls)


def receiver_type_node(method: Node) -> Node | None:
    receiver = method.child_by_field_name("receiver")
    decls = [c for c in receiver.named_children if c.type == "parameter_declaration"] if receiver else []
    return decls[0].child_by_field_name("type") if decls else None


def _pointer_receiver(method: Node) -> bool:
    node = receiver_type_node(method)
    while node is not None and node.type == "parenthesized_type":
        node = node.named_children[0] if node.named_children else None
    return node is not None and node.type == "pointer_type"
