"""A built graph → the records :mod:`kg.view` draws: one node per entity, one edge per statement
between two entities, each with its evidence as plain text lines."""

from __future__ import annotations

from collections import defaultdict

from kg.build import Graph
from kg.model import Fact, Lit, Ref
from kg.rdf import entity_iri
from kg.view import ViewEdge, ViewNode, render_graph_html

#: Predicates drawn as edges; the rest (labels, texts, values) go into the node's panel.
_EDGE_LABELS = {
    "holds": "holds",
    "postIn": "post in",
    "subOrganizationOf": "part of",
    "actor": "actor",
    "object": "object",
    "place": "place",
    "creator": "creator",
    "failedToCoordinateWith": "failed to coordinate with",
    "reviews": "reviews",
    "claimant": "claimant",
    "findingOf": "finding of",
    "about": "about",
    "expresses": "expresses",
}


def _evidence_line(f: Fact, titles: dict[str, str]) -> str:
    ev = f.evidence
    who = f" (stated by {f.stated_by})" if f.stated_by else ""
    return f"“{ev.quote}” — {titles.get(ev.source, ev.source)}, chars {ev.start}–{ev.end}{who}"


def view_records(graph: Graph) -> tuple[list[ViewNode], list[ViewEdge]]:
    titles = {d.id: d.meta.title for d in graph.documents}
    kinds = graph.kinds()
    details: dict[str, list[str]] = defaultdict(list)
    edges: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for f in graph.facts:
        if f.predicate in _EDGE_LABELS and isinstance(f.obj, Ref) and f.obj.key in kinds:
            edges[(f.subject, f.obj.key, _EDGE_LABELS[f.predicate])].append(_evidence_line(f, titles))
        elif isinstance(f.obj, Lit) and f.predicate != "label":
            details[f.subject].append(f"{f.predicate}: {f.obj.value} — “{f.evidence.quote}”")
        elif f.predicate == "type":
            details[f.subject].append(f"mentioned: {_evidence_line(f, titles)}")
    nodes = [
        ViewNode(entity_iri(k).value, graph.label(k), kind, tuple(dict.fromkeys(details[k])))
        for k, kind in sorted(kinds.items())
    ]
    view_edges = [
        ViewEdge(entity_iri(s).value, entity_iri(o).value, label, tuple(dict.fromkeys(lines)))
        for (s, o, label), lines in sorted(edges.items())
    ]
    return nodes, view_edges


def view_html(graph: Graph, title: str = "kg — knowledge graph") -> str:
    nodes, edges = view_records(graph)
    return render_graph_html(nodes, edges, title)
