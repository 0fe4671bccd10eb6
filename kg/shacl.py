"""SHACL validation of a build against ``ontology/shapes.ttl``, with the ontology as context.

Two engines give the same verdicts: kg's own (:mod:`kg.shapes`, the default: fast, the part of SHACL
Core the shapes use) and pySHACL (complete, slower). ``validate`` uses pySHACL when asked to, or
when the shapes use a part of SHACL that :mod:`kg.shapes` does not implement.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple
from pyshacl import validate as shacl_validate
from rdflib import Graph

from kg.errors import OntologyError
from kg.namespaces import PREFIXES
from kg.shapes import SH as SH_NS
from kg.shapes import Index, Result, Unsupported, Validator, nquads

KGSH_NS = "https://w3id.org/kg-accountability/shapes#"

ONTOLOGY_FILES = ("kg.ttl", "shapes.ttl")


def to_rdflib(quads: Iterable[Quad | Triple]) -> Graph:
    """The union of the quads' graphs as one rdflib graph (via N-Triples, the fast path)."""
    triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
    data = pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES) or b""
    g = Graph()
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


ENGINES = ("kg", "pyshacl")


def validate(quads: Iterable[Quad | Triple], ontology_dir: Path, engine: str = "kg") -> tuple[bool, str]:
    """Whether the union of ``quads`` and the ontology satisfies the shapes, and the report text."""
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r} (one of {', '.join(ENGINES)})")
    if engine == "kg":
        try:
            return _validate_kg(quads, ontology_dir)
        except Unsupported:
            pass  # shapes beyond kg.shapes: pySHACL checks them
    return _validate_pyshacl(quads, ontology_dir)


def _validate_kg(quads: Iterable[Quad | Triple], ontology_dir: Path) -> tuple[bool, str]:
    validator = Validator(Index([_turtle(ontology_dir / "shapes.ttl")]))
    data = Index([nquads(quads), _turtle(ontology_dir / "kg.ttl")])  # type: ignore[arg-type]
    results = validator.validate(data)
    return not results, report_text(results)


def report_text(results: list[Result]) -> str:
    """The results as pySHACL words them, IRIs shortened with the project's prefixes."""
    lines = ["Validation Report", f"Conforms: {not results}"]
    if results:
        lines.append(f"Results ({len(results)}):")
    for r in results:
        lines += [
            f"Constraint Violation in {r.component} ({SH_NS}{r.component}):",
            f"\tSeverity: sh:{r.severity}",
            f"\tSource Shape: {_short(r.shape)}",
            f"\tFocus Node: {_short(r.focus)}",
            *([f"\tValue Node: {_short(r.value)}"] if r.value else []),
            *([f"\tResult Path: {_short(r.path)}"] if r.path else []),
            f"\tMessage: {r.message}",
        ]
    return "\n".join(lines) + "\n"


def _short(iri: str) -> str:
    for prefix, ns in (*PREFIXES.items(), ("kgsh", KGSH_NS)):
        if iri.startswith(ns) and iri[len(ns) :].replace("-", "").replace("_", "").isalnum():
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@functools.cache
def _parsed(path: Path, mtime_ns: int) -> str:
    return nquads(pyoxigraph.parse(path=str(path), format=RdfFormat.TURTLE))


def _turtle(path: Path) -> str:
    """A Turtle file as N-Quads; read again only when the file changes."""
    try:
        return _parsed(path, path.stat().st_mtime_ns)
    except (SyntaxError, ValueError, OSError) as e:
        raise OntologyError(path, f"cannot be parsed: {e}") from e


def _validate_pyshacl(quads: Iterable[Quad | Triple], ontology_dir: Path) -> tuple[bool, str]:
    """pySHACL's verdict. The ontology is parsed into the same graph as the data and pySHACL validates
    that graph in place: what ``ont_graph=`` does (it mixes the ontology into a copy of the data),
    without the copy."""
    data = to_rdflib(quads)
    data.parse(data=(ontology_dir / "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    shapes = _parse_rdflib(ontology_dir / "shapes.ttl")
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, inference="none", inplace=True)
    return bool(conforms), str(text)


def check_ontology(ontology_dir: Path) -> None:
    """Raise :class:`~kg.errors.OntologyError` unless the ontology and the shapes exist and parse.

    Parsed strictly with pyoxigraph, whose message gives the line and column of a syntax error.
    """
    for name in ONTOLOGY_FILES:
        path = ontology_dir / name
        if not path.is_file():
            raise OntologyError(path, "is missing")
        try:
            for _ in pyoxigraph.parse(path=str(path), format=RdfFormat.TURTLE):
                pass
        except SyntaxError as e:
            raise OntologyError(path, f"Turtle syntax error: {e}") from e
        except (OSError, ValueError) as e:
            raise OntologyError(path, f"cannot read: {e}") from e


def _parse_rdflib(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (SyntaxError, ValueError, OSError) as e:
        raise OntologyError(path, f"cannot be parsed: {e}") from e
