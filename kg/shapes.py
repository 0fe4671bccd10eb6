"""SHACL Core in plain Python over an index of the data: kg's own validator.

pySHACL re-reads the data through rdflib and checks focus node by focus node; on a build of a few
thousand facts that was half the build's time, growing faster than the corpus. The shapes kg ships use
a small part of SHACL Core, so this module evaluates that part directly over dictionaries of the
triples, in one pass per shape. The constraint components it knows are in :data:`_PARAMETERS`; a
shapes graph that uses anything else (SPARQL constraints, complex paths, closed shapes...) raises
:class:`Unsupported`, and :func:`kg.shacl.validate` hands it to pySHACL instead. Tests run both engines
on the same graphs and require the same results (``tests/test_shapes_engine.py``).

Semantics follow the SHACL recommendation (https://www.w3.org/TR/shacl/): instances are found through
``rdf:type`` and ``rdfs:subClassOf*`` in the data graph (the build mixes the ontology into it); any
result, whatever its severity, makes the graph non-conforming.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

Term = NamedNode | BlankNode | Literal | Triple  # Triple: an RDF-star quoted triple
Triple3 = tuple[Term, NamedNode, Term]

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE, SUBCLASS = NamedNode(RDF + "type"), NamedNode(RDFS + "subClassOf")
FIRST, REST, NIL = NamedNode(RDF + "first"), NamedNode(RDF + "rest"), NamedNode(RDF + "nil")


def sh(name: str) -> NamedNode:
    return NamedNode(SH + name)


class Unsupported(Exception):
    """The shapes use a part of SHACL this module does not implement."""


@dataclass(frozen=True, order=True)
class Result:
    """One validation result, as SHACL reports it."""

    focus: str
    shape: str
    component: str
    path: str
    value: str
    message: str
    severity: str = "Violation"


class Index:
    """The triples of a graph, by subject and predicate, and the class hierarchy they state."""

    def __init__(self, triples: Iterable[Triple3]) -> None:
        self.out: dict[Term, dict[NamedNode, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.into: dict[Term, dict[NamedNode, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.subjects: dict[NamedNode, set[Term]] = defaultdict(set)
        self.objects: dict[NamedNode, set[Term]] = defaultdict(set)
        for s, p, o in dict.fromkeys(triples):
            self.out[s][p].append(o)
            self.into[o][p].append(s)
            self.subjects[p].add(s)
            self.objects[p].add(o)
        self._supers: dict[Term, frozenset[Term]] = {}
        self._instances: dict[Term, set[Term]] | None = None

    def values(self, node: Term, predicate: NamedNode) -> Sequence[Term]:
        by_p = self.out.get(node)
        return by_p.get(predicate, ()) if by_p else ()

    def value(self, node: Term, predicate: NamedNode) -> Term | None:
        vs = self.values(node, predicate)
        return vs[0] if vs else None

    def inverse(self, node: Term, predicate: NamedNode) -> Sequence[Term]:
        by_p = self.into.get(node)
        return by_p.get(predicate, ()) if by_p else ()

    def supers(self, cls: Term) -> frozenset[Term]:
        """``cls`` and every class it is a ``rdfs:subClassOf*`` of."""
        if (known := self._supers.get(cls)) is None:
            seen, todo = {cls}, [cls]
            while todo:
                for up in self.values(todo.pop(), SUBCLASS):
                    if up not in seen:
                        seen.add(up)
                        todo.append(up)
            known = self._supers[cls] = frozenset(seen)
        return known

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(cls in self.supers(t) for t in self.values(node, TYPE))

    def instances(self, cls: Term) -> set[Term]:
        if self._instances is None:
            self._instances = defaultdict(set)
            for s in self.subjects[TYPE]:
                for t in self.values(s, TYPE):
                    for up in self.supers(t):
                        self._instances[up].add(s)
        return self._instances.get(cls, set())

    def items(self, head: Term | None) -> list[Term]:
        """The members of an RDF list."""
        out: list[Term] = []
        while head is not None and head != NIL:
            if (first := self.value(head, FIRST)) is None:
                raise Unsupported(f"a malformed RDF list at {head}")
            out.append(first)
            head = self.value(head, REST)
        return out


# Shape parameters this module reads; any other sh: term on a shape is Unsupported.
_IGNORED = {"name", "description", "message", "order", "group", "defaultValue", "severity", "deactivated", "path",
            "inversePath"}  # fmt: skip
_TARGETS = {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"}
_PARAMETERS = {
    "property", "node", "class", "datatype", "nodeKind", "minCount", "maxCount", "minLength", "maxLength",
    "pattern", "flags", "in", "hasValue", "lessThan", "lessThanOrEquals", "equals", "disjoint", "or", "and",
    "not", "xone", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "qualifiedValueShape",
    "qualifiedMinCount", "qualifiedMaxCount",
}  # fmt: skip


@dataclass(frozen=True)
class _Plan:
    name: str
    deactivated: bool
    path: NamedNode | None
    inverse: bool
    properties: tuple[Term, ...]
    components: tuple[tuple[str, Term], ...]
    message: str | None
    severity: str


class Validator:
    """The shapes of a shapes graph, checked against data graphs."""

    def __init__(self, shapes: Index) -> None:
        self.shapes = shapes
        for s, by_p in shapes.out.items():
            for p in by_p:
                local = p.value.removeprefix(SH)
                if p.value.startswith(SH) and local not in _IGNORED | _TARGETS | _PARAMETERS:
                    raise Unsupported(f"sh:{local} (on {s})")
                if local == "qualifiedValueShape" and shapes.value(s, sh("qualifiedValueShapesDisjoint")):
                    raise Unsupported("sh:qualifiedValueShapesDisjoint")
        self.data = Index(())
        self._plans: dict[Term, _Plan] = {}

    def validate(self, data: Index) -> list[Result]:
        """Every result of every shape with targets, sorted."""
        self.data = data
        results: list[Result] = []
        for shape in sorted(self._shapes_with_targets(), key=str):
            for focus in sorted(self._focus_nodes(shape), key=str):
                results.extend(self._check(shape, focus))
        return sorted(set(results))

    def _shapes_with_targets(self) -> set[Term]:
        s = self.shapes
        with_targets = {x for t in _TARGETS for x in s.subjects[sh(t)]}
        implicit = {c for c in s.instances(sh("NodeShape")) | s.instances(sh("PropertyShape"))
                    if s.is_instance(c, NamedNode(RDFS + "Class"))}  # fmt: skip
        return {x for x in with_targets | implicit if not self._deactivated(x)}

    def _deactivated(self, shape: Term) -> bool:
        flag = self.shapes.value(shape, sh("deactivated"))
        return isinstance(flag, Literal) and flag.value == "true"

    def _focus_nodes(self, shape: Term) -> set[Term]:
        s, d = self.shapes, self.data
        nodes: set[Term] = set(s.values(shape, sh("targetNode")))
        for cls in s.values(shape, sh("targetClass")):
            nodes |= d.instances(cls)
        if s.is_instance(shape, NamedNode(RDFS + "Class")):
            nodes |= d.instances(shape)
        for p in s.values(shape, sh("targetSubjectsOf")):
            nodes |= d.subjects[p] if isinstance(p, NamedNode) else set()
        for p in s.values(shape, sh("targetObjectsOf")):
            nodes |= d.objects[p] if isinstance(p, NamedNode) else set()
        return nodes

    def conforms(self, shape: Term, focus: Term) -> bool:
        return next(self._check(shape, focus), None) is None

    def _plan(self, shape: Term) -> _Plan:
        """What checking ``shape`` takes, read from the shapes graph once."""
        if (plan := self._plans.get(shape)) is None:
            s = self.shapes
            message, severity = s.value(shape, sh("message")), s.value(shape, sh("severity"))
            components = sorted(
                ((p.value.removeprefix(SH), o) for p, os in s.out.get(shape, {}).items() for o in os
                 if p.value.startswith(SH) and p.value.removeprefix(SH) in _PARAMETERS - {"property"}),
                key=str,
            )  # fmt: skip
            plan = self._plans[shape] = _Plan(
                _name(shape), self._deactivated(shape), *self._path(shape), tuple(s.values(shape, sh("property"))),
                tuple(components), message.value if isinstance(message, Literal) else None,
                severity.value.removeprefix(SH) if isinstance(severity, NamedNode) else "Violation",
            )  # fmt: skip
        return plan

    def _path(self, shape: Term) -> tuple[NamedNode | None, bool]:
        """The predicate of the shape's path (None for a node shape), and whether it is inverse."""
        path = self.shapes.value(shape, sh("path"))
        if path is None or isinstance(path, NamedNode):
            return path, False
        inverse = self.shapes.value(path, sh("inversePath"))
        if isinstance(inverse, NamedNode) and len(self.shapes.out[path]) == 1:
            return inverse, True
        raise Unsupported(f"the path of {shape} (only IRIs and sh:inversePath are implemented)")

    def _check(self, shape: Term, focus: Term) -> Iterator[Result]:
        """The results of ``shape`` on ``focus``; lazily, so that :meth:`conforms` stops at the first."""
        plan = self._plan(shape)
        if plan.deactivated:
            return
        s, path = self.shapes, plan.path
        if path is None:
            values: Sequence[Term] = (focus,)
        else:
            values = self.data.inverse(focus, path) if plan.inverse else self.data.values(focus, path)

        def result(component: str, value: Term | None, default: str) -> Result:
            where = "" if path is None else ("^" if plan.inverse else "") + path.value
            return Result(_name(focus), plan.name, component, where, "" if value is None else _name(value),
                          plan.message or default, plan.severity)  # fmt: skip

        for p in plan.properties:
            yield from self._check(p, focus)
        for component, param in plan.components:
            check = _VALUE_CHECKS.get(component)
            if check is not None:
                for v in values:
                    if not check(self, v, param):
                        yield result(_component(component), v, f"{component} {param} not satisfied by {v}")
            elif component == "pattern":
                flags = s.value(shape, sh("flags"))
                compiled = _regex(_text(param) or "", flags.value if isinstance(flags, Literal) else "")
                for v in values:
                    if (text := _text(v)) is None or compiled.search(text) is None:
                        yield result("PatternConstraintComponent", v, f"{v} does not match {compiled.pattern!r}")
            elif component in {"minCount", "maxCount"}:
                n, limit = len(values), _int(param)
                if (n < limit) if component == "minCount" else (n > limit):
                    yield result(_component(component), None, f"{n} values, {component} {limit}")
            elif component == "hasValue" and param not in values:
                yield result("HasValueConstraintComponent", None, f"no value {param}")
            elif component in {"equals", "disjoint"} and isinstance(param, NamedNode):
                other = set(self.data.values(focus, param))
                bad = set(values) ^ other if component == "equals" else set(values) & other
                for v in sorted(bad, key=str):
                    yield result(_component(component), v, f"{component} {param}: {v}")
            elif component in {"lessThan", "lessThanOrEquals"} and isinstance(param, NamedNode):
                for v in values:
                    for o in self.data.values(focus, param):
                        order = _compare(v, o)
                        if order is None or order > 0 or (order == 0 and component == "lessThan"):
                            yield result(_component(component), v, f"{v} is not {component} {o}")
            elif component == "qualifiedValueShape":
                n = sum(self.conforms(param, v) for v in values)
                low, high = s.value(shape, sh("qualifiedMinCount")), s.value(shape, sh("qualifiedMaxCount"))
                if low is not None and n < _int(low):
                    yield result("QualifiedMinCountConstraintComponent", None, f"{n} values conform to {param}")
                if high is not None and n > _int(high):
                    yield result("QualifiedMaxCountConstraintComponent", None, f"{n} values conform to {param}")


def _name(term: Term) -> str:
    """An IRI bare, a blank node or literal in N-Triples form."""
    return term.value if isinstance(term, NamedNode) else str(term)


def _component(local: str) -> str:
    return local[0].upper() + local[1:] + "ConstraintComponent"


def _int(term: Term) -> int:
    if not isinstance(term, Literal):
        raise Unsupported(f"{term} where a number is expected")
    return int(term.value)


def _number(term: Term) -> Decimal | float | None:
    if isinstance(term, Literal) and term.datatype.value.removeprefix(XSD) in _NUMERIC:
        try:
            return Decimal(term.value) if term.datatype.value != XSD + "double" else float(term.value)
        except (InvalidOperation, ValueError):
            return None
    return None


def _compare(a: Term, b: Term) -> int | None:
    """-1, 0 or 1 as ``a`` is less than, equal to or greater than ``b``; None if they do not compare."""
    if (x := _number(a)) is not None and (y := _number(b)) is not None:
        return (x > y) - (x < y)
    if (
        isinstance(a, Literal) and isinstance(b, Literal) and a.datatype == b.datatype and not a.language
        and a.datatype.value.removeprefix(XSD) in {"string", "date", "dateTime", "gYear", "gYearMonth"}
    ):  # fmt: skip
        return (a.value > b.value) - (a.value < b.value)
    return None


_NUMERIC = {"integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
            "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"}  # fmt: skip
_INTEGER = r"[+-]?\d+"
_LEXICAL: dict[str, Callable[[str], bool]] = {
    "integer": re.compile(_INTEGER).fullmatch,  # type: ignore[dict-item]
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)").fullmatch,  # type: ignore[dict-item]
    "nonNegativeInteger": lambda v: re.fullmatch(_INTEGER, v) is not None and int(v) >= 0,
    "positiveInteger": lambda v: re.fullmatch(_INTEGER, v) is not None and int(v) > 0,
    "boolean": lambda v: v in {"true", "false", "1", "0"},
    "date": lambda v: _iso(v[:10]) and re.fullmatch(r"-?\d{4}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?", v) is not None,
    "gYearMonth": re.compile(r"-?\d{4}-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?").fullmatch,  # type: ignore[dict-item]
    "gYear": re.compile(r"-?\d{4}(Z|[+-]\d\d:\d\d)?").fullmatch,  # type: ignore[dict-item]
}


def _iso(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _datatype(_: Validator, v: Term, dt: Term) -> bool:
    if not isinstance(v, Literal) or v.datatype != dt:
        return False
    check = _LEXICAL.get(dt.value.removeprefix(XSD)) if isinstance(dt, NamedNode) else None
    return check is None or bool(check(v.value))


def _node_kind(_: Validator, v: Term, kind: Term) -> bool:
    name = kind.value.removeprefix(SH) if isinstance(kind, NamedNode) else ""
    allowed = {"IRI": (NamedNode,), "BlankNode": (BlankNode,), "Literal": (Literal,),
               "BlankNodeOrIRI": (BlankNode, NamedNode), "BlankNodeOrLiteral": (BlankNode, Literal),
               "IRIOrLiteral": (NamedNode, Literal)}.get(name)  # fmt: skip
    if allowed is None:
        raise Unsupported(f"sh:nodeKind {kind}")
    return isinstance(v, allowed)


def _text(v: Term) -> str | None:
    return None if isinstance(v, BlankNode | Triple) else v.value


@functools.cache
def _regex(pattern: str, flags: str) -> re.Pattern[str]:
    """A SPARQL REGEX as Python's: the flags both share (i, m, s, x)."""
    return re.compile(pattern, sum(getattr(re, f.upper()) for f in flags if f in "imsx"))


def _bound(op: Callable[[int], bool]) -> Callable[[Validator, Term, Term], bool]:
    def check(_: Validator, v: Term, limit: Term) -> bool:
        order = _compare(v, limit)
        return order is not None and op(order)

    return check


def _logical(kind: str) -> Callable[[Validator, Term, Term], bool]:
    def check(self: Validator, v: Term, param: Term) -> bool:
        if kind == "not":
            return not self.conforms(param, v)
        if kind == "node":
            return self.conforms(param, v)
        hits = sum(self.conforms(member, v) for member in self.shapes.items(param))
        return {"or": hits >= 1, "and": hits == len(self.shapes.items(param)), "xone": hits == 1}[kind]

    return check


# Components checked value node by value node: (validator, value node, parameter) -> conforms.
_VALUE_CHECKS: dict[str, Callable[[Validator, Term, Term], bool]] = {
    "class": lambda self, v, cls: self.data.is_instance(v, cls),
    "datatype": _datatype,
    "nodeKind": _node_kind,
    "minLength": lambda _, v, n: (t := _text(v)) is not None and len(t) >= _int(n),
    "maxLength": lambda _, v, n: (t := _text(v)) is not None and len(t) <= _int(n),
    "in": lambda self, v, head: v in self.shapes.items(head),
    "minInclusive": _bound(lambda o: o >= 0),
    "maxInclusive": _bound(lambda o: o <= 0),
    "minExclusive": _bound(lambda o: o > 0),
    "maxExclusive": _bound(lambda o: o < 0),
    **{kind: _logical(kind) for kind in ("or", "and", "xone", "not", "node")},
}
