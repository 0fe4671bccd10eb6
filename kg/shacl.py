"""SHACL validation of a build against ``ontology/shapes.ttl``, with the ontology as context."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple
from pyshacl import validate as shacl_validate
from rdflib import Graph


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
    data.parse(ontology_dir / "kg.ttl", format="turtle")
    shapes = Graph().parse(ontology_dir / "shapes.ttl", format="turtle")
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, inference="none", inplace=True)
    return bool(conforms), str(text)
