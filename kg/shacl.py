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
    """Whether the union of ``quads`` satisfies the shapes, and pySHACL's report text."""
    data = to_rdflib(quads)
    ont = Graph().parse(ontology_dir / "kg.ttl", format="turtle")
    shapes = Graph().parse(ontology_dir / "shapes.ttl", format="turtle")
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ont, inference="none")
    return bool(conforms), str(text)
