"""A built graph → the records :mod:`kg.view` draws.

One node per entity, one edge per (subject, property, object) between two entities, each with its
evidence: the source's title, the exact quote inside its sentence, the offsets, who states it and
whether the sources disagree. Relation names are the ``rdfs:label`` of each property in the
ontology; events carry their date for the timeline. Nothing here reads or writes a file but the
ontology.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from kg.build import Graph
from kg.model import Document, Fact, Kind, Lit, Ref
from kg.namespaces import RDFS
from kg.rdf import PREDICATES, entity_iri
from kg.review import review_records, reviewable
from kg.view import ViewDate, ViewEdge, ViewEvidence, ViewFact, ViewNode, render_graph_html
from kg.vocabulary import event_classes

#: Where the ontology lives in a source checkout (``BuildConfig`` uses the same layout).
DEFAULT_ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
#: How much of a long sentence is kept either side of a quote, in characters.
CONTEXT = 160
_DATES = ("date", "begin", "earliest")  # the start of an event, in order of preference
_SPACE = re.compile(r"\s+")
_HIDDEN = {"type", "label", "dateUnknown"}  # shown otherwise (kind, title, timeline) or not at all


def property_labels(ontology_dir: Path | None = None) -> dict[str, str]:
    """Each record predicate's ``rdfs:label`` (English) from ``ontology/kg.ttl``; unlabelled ones keep their name.

    >>> labels = property_labels()
    >>> labels["actor"], labels["failedToCoordinateWith"], labels["holds"]
    ('has actor', 'failed to coordinate with', 'holds')
    """
    path = (ontology_dir or DEFAULT_ONTOLOGY) / "kg.ttl"
    found: dict[str, str] = {}
    label = NamedNode(str(RDFS.label))
    for triple in parse(path=str(path), format=RdfFormat.TURTLE):
        subject, obj = triple.subject, triple.object
        english = isinstance(obj, Literal) and obj.language in (None, "en")
        if triple.predicate == label and english and isinstance(subject, NamedNode):
            found.setdefault(subject.value, obj.value)
    return {name: found.get(iri, name) for name, iri in PREDICATES.items()}


class _Contexts:
    """The text around each quote (:meth:`of`), worked out once for each span: many facts share one
    (an entity's type and label, a claim's parts)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int, int], tuple[str, str]] = {}

    def of(self, doc: Document | None, f: Fact) -> tuple[str, str]:
        if doc is None:
            return "", ""
        key = (id(doc), f.evidence.start, f.evidence.end)
        if (known := self._known.get(key)) is None:
            known = self._known[key] = _context(doc, f)
        return known


def _context(doc: Document, f: Fact) -> tuple[str, str]:
    """The text of the sentence(s) around the quote, before and after it, trimmed at a word."""
    ev = f.evidence
    # Evidence offsets are into the stored text, as are the sentences' stored spans.
    first, last = doc.stored_sentence_at(ev.start), doc.stored_sentence_at(max(ev.end - 1, ev.start))
    start = min(first.start if first else ev.start, ev.start)
    end = max(last.end if last else ev.end, ev.end)
    text = doc.stored
    before, after = text[max(start, ev.start - CONTEXT) : ev.start], text[ev.end : min(end, ev.end + CONTEXT)]
    if ev.start - start > CONTEXT:
        before = "…" + before.partition(" ")[2]
    if end - ev.end > CONTEXT:
        after = after.rpartition(" ")[0] + "…"
    return _SPACE.sub(" ", before).lstrip(), _SPACE.sub(" ", after).rstrip()


def _date(facts: Iterable[Fact], conflicted: bool) -> ViewDate | None:
    """An event's date: the most precise, best attested start; the others as alternatives."""
    by_pred: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        if isinstance(f.obj, Lit):
            by_pred[f.predicate][f.obj.value] += 1
    starts = next((by_pred[p] for p in _DATES if by_pred[p]), None)
    if starts is None:
        return None
    ranked = sorted(starts, key=lambda v: (-len(v), -starts[v], v))
    ends = sorted(by_pred["end"], key=lambda v: (-len(v), -by_pred["end"][v], v))
    return ViewDate(ranked[0], ends[0] if ends else "", tuple(sorted(ranked[1:])), conflicted)


def _unique(evidence: Iterable[ViewEvidence]) -> tuple[ViewEvidence, ...]:
    return tuple(sorted(set(evidence), key=lambda e: (e.source, e.start, e.end, e.stated_by, e.review)))


def view_records(graph: Graph, ontology_dir: Path | None = None) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The nodes and edges of the view, sorted, with their structured evidence."""
    labels = property_labels(ontology_dir)
    docs = {d.id: d for d in graph.documents}
    kinds = graph.kinds()
    in_conflict = {id(f) for c in graph.conflicts for f in c.facts}
    conflicted = {(c.subject, c.predicate) for c in graph.conflicts}
    offered = {id(f): i for i, f in enumerate(reviewable(graph))}
    contexts = _Contexts()
    pages = graph.pages()

    def evidence(f: Fact) -> ViewEvidence:
        ev, doc = f.evidence, docs.get(f.evidence.source)
        before, after = contexts.of(doc, f)
        title = doc.meta.title if doc is not None else ev.source
        stated = graph.label(f.stated_by) if f.stated_by else ""
        page = bisect_right(pages[ev.source], ev.start) if ev.source in pages else 0
        conflict, review = id(f) in in_conflict, offered.get(id(f), -1)
        return ViewEvidence(ev.source, title, ev.quote, ev.start, ev.end, before, after, stated, conflict, review, page)

    about: dict[str, list[Fact]] = defaultdict(list)
    edges: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    sources: dict[str, set[str]] = defaultdict(set)
    for f in graph.facts:
        if f.subject not in kinds:
            continue
        about[f.subject].append(f)
        sources[f.subject].add(f.evidence.source)
        if isinstance(f.obj, Ref) and f.obj.key in kinds:
            edges[(f.subject, f.obj.key, f.predicate)].append(f)
            sources[f.obj.key].add(f.evidence.source)

    def node(key: str, kind: str) -> ViewNode:
        facts = about[key]
        label = graph.label(key)
        entity = graph.entities.get(key)
        names = {o.value for f in facts if f.predicate == "label" and isinstance(o := f.obj, Lit)}
        names.update(entity.aliases if entity else ())
        grouped: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for f in facts:
            if f.predicate not in _HIDDEN and not isinstance(f.obj, Ref):
                grouped[(f.predicate, f.obj.value if isinstance(f.obj, Lit) else str(f.obj))].append(f)
        view_facts = tuple(
            ViewFact(labels[p], value, _unique(evidence(f) for f in fs), any(id(f) in in_conflict for f in fs))
            for (p, value), fs in sorted(grouped.items())
        )
        mentions = _unique(evidence(f) for f in facts if f.predicate == "type" and isinstance(f.obj, Kind))
        claimants = {graph.label(o.key) for f in facts if f.predicate == "claimant" and isinstance(o := f.obj, Ref)}
        is_event = kind in event_classes()
        date = _date((f for f in facts if f.predicate in (*_DATES, "end")), any((key, p) in conflicted for p in _DATES))
        return ViewNode(
            entity_iri(key).value,
            label,
            kind,
            aliases=tuple(sorted(names - {label})),
            sources=tuple(sorted(sources[key])),
            facts=view_facts,
            mentions=mentions,
            stated_by=tuple(sorted(claimants)),
            date=date if is_event else None,
        )

    nodes = [node(k, kind) for k, kind in sorted(kinds.items())]
    view_edges = [
        ViewEdge(
            entity_iri(s).value,
            entity_iri(o).value,
            labels[p],
            evidence=_unique(evidence(f) for f in fs),
            conflict=(s, p) in conflicted,
        )
        for (s, o, p), fs in sorted(edges.items())
    ]
    return nodes, view_edges


def view_html(
    graph: Graph, title: str = "kg — knowledge graph", ontology_dir: Path | None = None, layout_memo: Path | None = None
) -> str:
    """The whole page for a built graph (see :func:`kg.view.render_graph_html`)."""
    nodes, edges = view_records(graph, ontology_dir)
    docs = {d.id: d for d in graph.documents}
    facts = reviewable(graph)
    contexts = _Contexts()
    records = review_records(graph, facts, {id(f): contexts.of(docs.get(f.evidence.source), f) for f in facts})
    return render_graph_html(nodes, edges, title, layout_memo, records)
