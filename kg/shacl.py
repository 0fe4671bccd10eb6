"""SHACL validation of a build against ``ontology/shapes.ttl``, with the ontology as context."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple
from pyshacl import validate as shacl_validate
from rdflib import Graph

from kg.errors import OntologyError

ONTOLOGY_FILES = ("kg.ttl", "shapes.ttl")


def to_rdflib(quads: Iterable[Quad | Triple]) -> Graph:
    """The union of the quads' graphs as one rdflib graph (via N-Triples, the fast path)."""
    triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
    data = pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES) or b""
    g = Graph()
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def validate(quads: Iterable[Quad | Triple], ontology_dir: Path) -> tuple[bool, str]:
    """Whether the union of ``quads`` satisfies the shapes, and pySHACL's report text.

    The ontology is parsed into the same graph as the data and pySHACL validates that graph in
    place: what ``ont_graph=`` does (it mixes the ontology into a copy of the data), without the copy.
    """
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
