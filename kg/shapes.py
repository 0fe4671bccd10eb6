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

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple

#: A term in its N-Triples form: ``<iri>``, ``_:id``, ``"lexical"``, ``"lexical"@lang`` or
#: ``"lexical"^^<datatype>``. Terms are read as text from pyoxigraph's N-Quads, because reading the
#: attributes of a hundred thousand pyoxigraph quads costs more than the whole validation.
Term = str

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE, SUBCLASS, CLASS = f"<{RDF}type>", f"<{RDFS}subClassOf>", f"<{RDFS}Class>"
FIRST, REST, NIL = f"<{RDF}first>", f"<{RDF}rest>", f"<{RDF}nil>"


def sh(name: str) -> Term:
    return f"<{SH}{name}>"


class Unsupported(Exception):
    """The shapes (or the data) use a part of SHACL or RDF this module does not implement."""


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
    """The triples of a graph (every named graph merged), by subject and predicate, and the class
    hierarchy they state."""

    def __init__(self, nquads: Iterable[str]) -> None:
        """From N-Quads (or N-Triples) documents, as pyoxigraph writes them."""
        self.out: dict[Term, dict[Term, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.subjects: dict[Term, set[Term]] = defaultdict(set)
        triples = dict.fromkeys(_split(line) for text in nquads for line in text.splitlines() if line)
        for s, p, o in triples:
            self.out[s][p].append(o)
            self.subjects[p].add(s)
        self._triples = list(triples)
        self._into: dict[Term, dict[Term, list[Term]]] | None = None
        self._supers: dict[Term, frozenset[Term]] = {}
        self._instances: dict[Term, set[Term]] | None = None

    @classmethod
    def of(cls, *parts: Iterable[Quad] | Iterable[Triple]) -> Index:
        """From pyoxigraph quads and triples."""
        return cls(nquads(part) for part in parts)

    def values(self, node: Term, predicate: Term) -> Sequence[Term]:
        by_p = self.out.get(node)
        return by_p.get(predicate, ()) if by_p else ()

    def value(self, node: Term, predicate: Term) -> Term | None:
        vs = self.values(node, predicate)
        return vs[0] if vs else None

    def inverse(self, node: Term, predicate: Term) -> Sequence[Term]:
        if self._into is None:
            self._into = defaultdict(lambda: defaultdict(list))
            for s, p, o in self._triples:
                self._into[o][p].append(s)
        by_p = self._into.get(node)
        return by_p.get(predicate, ()) if by_p else ()

    def objects(self, predicate: Term) -> set[Term]:
        return {o for s in self.subjects.get(predicate, ()) for o in self.values(s, predicate)}

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
            for s in self.subjects.get(TYPE, ()):
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


def nquads(part: Iterable[Quad] | Iterable[Triple]) -> str:
    """Quads or triples as an N-Quads document: what :class:`Index` reads."""
    return (pyoxigraph.serialize(part, format=RdfFormat.N_QUADS) or b"").decode("utf-8")


def _split(line: str) -> tuple[Term, Term, Term]:
    """Subject, predicate and object of an N-Quads line (the graph name is dropped)."""
    s, p, rest = line.split(" ", 2)
    if s.startswith("<<") or rest.startswith("<<"):
        raise Unsupported("RDF-star quoted triples")
    end = rest.rindex('"') if rest.startswith('"') else 0  # no '"' in an IRI: the last one closes the literal
    cut = rest.find(" ", end)
    return s, p, rest[:cut]


def _is_iri(t: Term) -> bool:
    return t.startswith("<")


def _is_literal(t: Term) -> bool:
    return t.startswith('"')


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@functools.lru_cache(maxsize=1 << 16)
def _literal(t: Term) -> tuple[str, str, str]:
    """A literal's lexical form, datatype IRI and language tag."""
    end = t.rindex('"')
    lexical = t[1:end]
    if "\\" in lexical:
        lexical = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if m[3] is None else _ESCAPED[m[3]], lexical)
    rest = t[end + 1 :]
    if rest.startswith("^^<"):
        return lexical, rest[3:-1], ""
    if rest.startswith("@"):
        return lexical, RDF + "langString", rest[1:]
    return lexical, XSD + "string", ""


def _text(v: Term) -> str | None:
    """SPARQL's STR(): an IRI's text or a literal's lexical form; None for a blank node."""
    if _is_iri(v):
        return v[1:-1]
    return _literal(v)[0] if _is_literal(v) else None


# Shape parameters this module reads; any other sh: term on a shape is Unsupported.
_IGNORED = {"name", "description", "message", "order", "group", "defaultValue", "severity", "deactivated", "path",
            "inversePath", "qualifiedValueShapesDisjoint"}  # fmt: skip
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
    path: Term | None
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
                local = p[1:-1].removeprefix(SH)
                if p.startswith(f"<{SH}") and local not in _IGNORED | _TARGETS | _PARAMETERS:
                    raise Unsupported(f"sh:{local} (on {s})")
                disjoint = shapes.value(s, sh("qualifiedValueShapesDisjoint"))
                if local == "qualifiedValueShape" and disjoint is not None and _text(disjoint) == "true":
                    raise Unsupported("sh:qualifiedValueShapesDisjoint true")
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
                    if s.is_instance(c, CLASS)}  # fmt: skip
        return with_targets | implicit  # a deactivated one yields nothing (see _check)

    def _deactivated(self, shape: Term) -> bool:
        flag = self.shapes.value(shape, sh("deactivated"))
        return flag is not None and _is_literal(flag) and _text(flag) == "true"

    def _focus_nodes(self, shape: Term) -> set[Term]:
        s, d = self.shapes, self.data
        nodes: set[Term] = set(s.values(shape, sh("targetNode")))
        for cls in s.values(shape, sh("targetClass")):
            nodes |= d.instances(cls)
        if s.is_instance(shape, CLASS):
            nodes |= d.instances(shape)
        for p in s.values(shape, sh("targetSubjectsOf")):
            nodes |= d.subjects.get(p, set())
        for p in s.values(shape, sh("targetObjectsOf")):
            nodes |= d.objects(p)
        return nodes

    def conforms(self, shape: Term, focus: Term) -> bool:
        return next(self._check(shape, focus), None) is None

    def _plan(self, shape: Term) -> _Plan:
        """What checking ``shape`` takes, read from the shapes graph once."""
        if (plan := self._plans.get(shape)) is None:
            s = self.shapes
            message, severity = s.value(shape, sh("message")), s.value(shape, sh("severity"))
            components = sorted(
                ((p[1:-1].removeprefix(SH), o) for p, os in s.out.get(shape, {}).items() for o in os
                 if p.startswith(f"<{SH}") and p[1:-1].removeprefix(SH) in _PARAMETERS - {"property"}),
                key=str,
            )  # fmt: skip
            plan = self._plans[shape] = _Plan(
                _name(shape), self._deactivated(shape), *self._path(shape), tuple(s.values(shape, sh("property"))),
                tuple(components), _text(message) if message is not None and _is_literal(message) else None,
                severity[1:-1].removeprefix(SH) if severity is not None and _is_iri(severity) else "Violation",
            )  # fmt: skip
        return plan

    def _path(self, shape: Term) -> tuple[Term | None, bool]:
        """The predicate of the shape's path (None for a node shape), and whether it is inverse."""
        path = self.shapes.value(shape, sh("path"))
        if path is None or _is_iri(path):
            return path, False
        inverse = self.shapes.value(path, sh("inversePath"))
        if inverse is not None and _is_iri(inverse) and len(self.shapes.out[path]) == 1:
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
            where = "" if path is None else ("^" if plan.inverse else "") + path[1:-1]
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
                compiled = _regex(_text(param) or "", (_text(flags) or "") if flags is not None else "")
                for v in values:
                    if (text := _text(v)) is None or compiled.search(text) is None:
                        yield result("PatternConstraintComponent", v, f"{v} does not match {compiled.pattern!r}")
            elif component in {"minCount", "maxCount"}:
                n, limit = len(values), _int(param)
                if (n < limit) if component == "minCount" else (n > limit):
                    yield result(_component(component), None, f"{n} values, {component} {limit}")
            elif component == "hasValue" and param not in values:
                yield result("HasValueConstraintComponent", None, f"no value {param}")
            elif component in {"equals", "disjoint"} and _is_iri(param):
                other = set(self.data.values(focus, param))
                bad = set(values) ^ other if component == "equals" else set(values) & other
                for v in sorted(bad, key=str):
                    yield result(_component(component), v, f"{component} {param}: {v}")
            elif component in {"lessThan", "lessThanOrEquals"} and _is_iri(param):
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
    return term[1:-1] if _is_iri(term) else term


def _component(local: str) -> str:
    return local[0].upper() + local[1:] + "ConstraintComponent"


@functools.lru_cache(maxsize=1024)
def _int(term: Term) -> int:
    if not _is_literal(term):
        raise Unsupported(f"{term} where a number is expected")
    return int(_literal(term)[0])


def _number(term: Term) -> Decimal | float | None:
    if _is_literal(term) and (lit := _literal(term))[1].removeprefix(XSD) in _NUMERIC:
        try:
            return Decimal(lit[0]) if lit[1] != XSD + "double" else float(lit[0])
        except (InvalidOperation, ValueError):
            return None
    return None


def _compare(a: Term, b: Term) -> int | None:
    """-1, 0 or 1 as ``a`` is less than, equal to or greater than ``b``; None if they do not compare."""
    if (x := _number(a)) is not None and (y := _number(b)) is not None:
        return (x > y) - (x < y)
    if _is_literal(a) and _is_literal(b):
        (x_text, x_type, x_lang), (y_text, y_type, _) = _literal(a), _literal(b)
        if x_type == y_type and not x_lang and x_type.removeprefix(XSD) in _ORDERED:
            return (x_text > y_text) - (x_text < y_text)
    return None


_ORDERED = {"string", "date", "dateTime", "gYear", "gYearMonth"}
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
    if not _is_literal(v) or (lit := _literal(v))[1] != dt[1:-1]:
        return False
    check = _LEXICAL.get(lit[1].removeprefix(XSD))
    return check is None or bool(check(lit[0]))


def _node_kind(_: Validator, v: Term, kind: Term) -> bool:
    name = kind[1:-1].removeprefix(SH)
    allowed = {"IRI": "<", "BlankNode": "_", "Literal": '"', "BlankNodeOrIRI": "_<", "BlankNodeOrLiteral": '_"',
               "IRIOrLiteral": '<"'}.get(name)  # fmt: skip
    if allowed is None or not _is_iri(kind):
        raise Unsupported(f"sh:nodeKind {kind}")
    return v[0] in allowed


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
