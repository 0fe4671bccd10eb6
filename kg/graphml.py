"""The merged graph as GraphML (via networkx), in the form Gephi and Cytoscape open.

Resources are nodes (id = IRI, ``label`` = ``rdfs:label`` or the IRI's last segment, ``class`` =
the ``rdf:type`` names); a statement between two resources is a directed edge with ``label`` (the
predicate's prefixed name) and ``predicate`` (its IRI); a statement with a literal value becomes a
node attribute named after its predicate (``dcterms_date``...), several values joined by `` | ``.

>>> from pyoxigraph import Literal, NamedNode, Triple
>>> ex, label = "https://w3id.org/kg-accountability/id/", NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
>>> g = to_networkx([Triple(NamedNode(ex + "a"), NamedNode("http://www.w3.org/ns/org#holds"), NamedNode(ex + "b")),
...                  Triple(NamedNode(ex + "a"), label, Literal("A"))])
>>> g.nodes[ex + "a"]["label"], list(g.edges(data="label"))
('A', [('https://w3id.org/kg-accountability/id/a', 'https://w3id.org/kg-accountability/id/b', 'org:holds')])
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple

from kg.errors import QueryError
from kg.namespaces import PREFIXES, RDF, RDFS


def _short(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _id(term: NamedNode | BlankNode) -> str:
    return term.value if isinstance(term, NamedNode) else f"_:{term.value}"


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def to_networkx(triples: Iterable[Triple]) -> Any:
    """A ``networkx.MultiDiGraph`` of the triples, with string attributes only."""
    g = nx.MultiDiGraph()
    values: dict[str, dict[str, list[str]]] = {}

    def node(term: NamedNode | BlankNode) -> str:
        key = _id(term)
        if key not in g:
            g.add_node(key, label=_tail(key), iri=key)
        return key

    for t in triples:
        if not isinstance(t.subject, NamedNode | BlankNode):
            continue
        s, p = node(t.subject), t.predicate.value
        if isinstance(t.object, Literal):
            if p == str(RDFS.label):
                g.nodes[s]["label"] = t.object.value
            else:
                values.setdefault(s, {}).setdefault(_short(p).replace(":", "_"), []).append(t.object.value)
        elif isinstance(t.object, NamedNode | BlankNode):
            if p == str(RDF.type):
                values.setdefault(s, {}).setdefault("class", []).append(_short(t.object.value))
            else:
                g.add_edge(s, node(t.object), label=_short(p), predicate=p)
    for s, attrs in values.items():
        for key, vals in attrs.items():
            g.nodes[s][key] = " | ".join(sorted(set(vals)))
    return g


def write_graphml(build_dir: Path, out: Path) -> tuple[int, int]:
    """Write the build's merged graph (``kg.nt``) to ``out`` as GraphML; returns (nodes, edges)."""
    source = build_dir / "kg.nt"
    if not source.is_file():
        raise QueryError(f"{build_dir}: no kg.nt found; run `kg build` first")
    triples = [q.triple for q in pyoxigraph.parse(path=str(source), format=RdfFormat.N_TRIPLES)]
    g = to_networkx(triples)
    nx.write_graphml(g, str(out), encoding="utf-8", prettyprint=True)
    return g.number_of_nodes(), g.number_of_edges()
