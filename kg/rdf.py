"""Records → RDF quads, following the project's provenance pattern (README, "How it works").

One named graph per statement (its IRI a hash of the statement, so a rebuild mints the same
IRIs and a second source stating the same thing adds evidence rather than a copy); the
provenance graph says where each came from, with Web Annotation selectors into the stored text.
This module knows nothing of text: it maps the records it is given.
"""

from __future__ import annotations

import functools
import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kg.gazetteer import Gazetteer
from kg.model import Entity, Fact, Kind, Lit, Obj, Ref, SourceMeta, date_lit
from kg.namespaces import (
    BUILD_ACTIVITY,
    CONFLICTS_GRAPH,
    DCTERMS,
    KGO,
    KGR,
    ORG,
    PREFIXES,
    PROVENANCE_GRAPH,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
    SCHEMA,
    SEM,
    SOURCES_GRAPH,
    WD,
    XSD,
)
from kg.resolve import Conflict

#: The record predicates and the RDF properties they map to.
PREDICATES: dict[str, str] = {
    "type": str(RDF.type),
    "label": str(RDFS.label),
    "holds": str(ORG.holds),
    "member": str(ORG.member),
    "tenurePost": str(KGO.tenurePost),
    "court": str(KGO.court),
    "postIn": str(ORG.postIn),
    "subOrganizationOf": str(ORG.subOrganizationOf),
    "actor": str(SEM.hasActor),
    "object": str(KGO.eventObject),
    "place": str(SEM.hasPlace),
    "date": str(SEM.hasTimeStamp),
    "begin": str(SEM.hasBeginTimeStamp),
    "end": str(SEM.hasEndTimeStamp),
    "earliest": str(SEM.hasEarliestBeginTimeStamp),
    "dateUnknown": str(KGO.dateUnknown),
    "ended": str(KGO.ended),
    "issued": str(DCTERMS.issued),
    "creator": str(DCTERMS.creator),
    "legislationDate": str(SCHEMA.legislationDate),
    "identifier": str(SCHEMA.legislationIdentifier),
    "reportNumber": str(SCHEMA.reportNumber),
    "failedToCoordinateWith": str(KGO.failedToCoordinateWith),
    "reviews": str(KGO.reviews),
    "text": str(SCHEMA.text),
    "claimant": str(KGO.claimant),
    "findingOf": str(KGO.findingOf),
    "about": str(KGO.about),
    "expresses": str(KGO.expresses),
    "value": str(SCHEMA.value),
    "qualifier": str(KGO.qualifier),
    "unit": str(SCHEMA.unitText),
    "counted": str(KGO.countedThing),
    "purpose": str(KGO.purpose),
}


#: The fixed terms quads are made of, by CURIE, built once (an rdflib Namespace look-up per quad was a
#: tenth of a build).
_T: dict[str, NamedNode] = {
    f"{prefix}:{local}": NamedNode(PREFIXES[prefix] + local)
    for prefix, _, local in (curie.partition(":") for curie in [
        "dcterms:date", "dcterms:identifier", "dcterms:license", "dcterms:publisher", "dcterms:title",
        "dcterms:type", "kgo:Conflict", "kgo:Fact", "kgo:SourceDocument", "kgo:conflictProperty",
        "kgo:conflictSubject", "kgo:conflictingFact", "kgo:extractedBy", "kgo:page", "kgo:sourceText",
        "kgo:statedBy", "kgo:confidence", "xsd:decimal",
        "oa:SpecificResource", "oa:TextPositionSelector", "oa:TextQuoteSelector", "oa:end", "oa:exact",
        "oa:hasSelector", "oa:hasSource", "oa:start", "org:postIn", "org:subOrganizationOf", "prov:Activity",
        "prov:wasDerivedFrom", "prov:wasGeneratedBy", "rdf:type", "rdfs:label", "schema:url", "skos:altLabel",
        "skos:exactMatch", "xsd:nonNegativeInteger", "xsd:positiveInteger",
    ])
}  # fmt: skip
_PREDICATE_NODES = {k: NamedNode(v) for k, v in PREDICATES.items()}
_BUILD = NamedNode(str(BUILD_ACTIVITY))

_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~\-]*")
#: Longest IRI local part; a longer key is cut and ends with a hash of the whole key.
MAX_KEY_CHARS = 150


@functools.lru_cache(maxsize=1 << 16)
def iri_key(key: str) -> str:
    """A key as an IRI path segment: plain keys unchanged, anything else percent-encoded (UTF-8),
    and a key longer than :data:`MAX_KEY_CHARS` cut short with a hash of the whole, so that
    distinct keys give distinct IRIs and every IRI is valid and bounded.

    >>> iri_key("jeff-sessions")
    'jeff-sessions'
    >>> iri_key('a <b> "c"#%')
    'a%20%3Cb%3E%20%22c%22%23%25'
    >>> len(iri_key("x" * 2000)) == MAX_KEY_CHARS
    True
    """
    if _PLAIN_KEY.fullmatch(key) and len(key) <= MAX_KEY_CHARS:
        return key
    if not key:
        return "_"  # no other key gives "_": a leading "_" is escaped below
    encoded = quote(key, safe="-_~.", errors="surrogatepass")
    if encoded[0] in "._~":  # "." and ".." are path steps; escape any leading mark
        encoded = f"%{ord(encoded[0]):02X}{encoded[1:]}"
    if len(encoded) > MAX_KEY_CHARS:
        head = encoded[: MAX_KEY_CHARS - 17]
        head = re.sub(r"%[0-9A-F]?$", "", head)  # never cut a %XX escape in two
        encoded = f"{head}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
    return encoded


def entity_iri(key: str) -> NamedNode:
    """The IRI of an entity key (see :func:`iri_key`).

    >>> entity_iri("jeff-sessions").value
    'https://w3id.org/kg-accountability/id/jeff-sessions'
    """
    return NamedNode(str(KGR) + iri_key(key))


def source_iri(source_id: str) -> NamedNode:
    return entity_iri(f"source-{source_id}")


def class_iri(kind: str) -> NamedNode:
    return NamedNode(f"{KGO}{kind}")


def _lit(value: Lit) -> Literal:
    return Literal(value.value, datatype=NamedNode(f"{XSD}{value.datatype}"))


def _obj(o: Obj) -> NamedNode | Literal:
    if isinstance(o, Ref):
        return entity_iri(o.key)
    if isinstance(o, Kind):
        return class_iri(o.name)
    return _lit(o)


def fact_iri(subject: str, predicate: str, obj: Obj) -> NamedNode:
    """The named graph of one statement: a hash of its content, the same in every build."""
    digest = hashlib.sha256(f"{subject}\x1f{predicate}\x1f{obj!r}".encode()).hexdigest()[:16]
    return NamedNode(f"{KGR}fact-{digest}")


def _s(text: str) -> Literal:
    return Literal(text)


def _nn(n: int) -> Literal:
    return Literal(str(n), datatype=_T["xsd:nonNegativeInteger"])


def statement_confidence(facts: Iterable[Fact]) -> dict[tuple[str, str, Obj], float]:
    """A statement is as sure as its surest evidence."""
    out: dict[tuple[str, str, Obj], float] = {}
    for f in facts:
        out[f.triple] = max(out.get(f.triple, 0.0), f.confidence)
    return out


def fact_quads(
    facts: Iterable[Fact],
    pages: Mapping[str, Sequence[int]] | None = None,
    confidence: dict[tuple[str, str, Obj], float] | None = None,
) -> Iterator[Quad]:
    """Each statement in its own graph, and its evidence in the provenance graph. ``pages`` gives, for
    a source in pages (a PDF), the offset where each page starts: its evidence then names its page.
    ``confidence``: each statement's, when ``facts`` are only part of its evidence (a partition)."""
    pages = pages or {}
    prov = NamedNode(PROVENANCE_GRAPH)
    by_statement: dict[tuple[str, str, Obj], list[Fact]] = defaultdict(list)
    for f in facts:
        by_statement[f.triple].append(f)
    a = _T["rdf:type"]
    # A span is described once, however many facts it is evidence for (an entity's type and label
    # share theirs): building a Quad costs more than anything else here.
    described: set[tuple[str, int, int]] = set()
    for (s, p, o), fs in by_statement.items():
        g = fact_iri(s, p, o)
        yield Quad(entity_iri(s), _PREDICATE_NODES[p], _obj(o), g)
        yield Quad(g, a, _T["kgo:Fact"], prov)
        yield Quad(g, _T["prov:wasGeneratedBy"], _BUILD, prov)
        sure = confidence[(s, p, o)] if confidence is not None else max(f.confidence for f in fs)
        yield Quad(g, _T["kgo:confidence"], Literal(f"{sure:.2f}", datatype=_T["xsd:decimal"]), prov)
        for f in fs:
            ev = f.evidence
            span = entity_iri(f"span-{ev.source}-{ev.start}-{ev.end}")
            yield Quad(g, _T["prov:wasDerivedFrom"], span, prov)
            yield Quad(g, _T["kgo:extractedBy"], _s(f.rule), prov)
            if f.stated_by is not None:
                yield Quad(g, _T["kgo:statedBy"], entity_iri(f.stated_by), prov)
            if (ev.source, ev.start, ev.end) in described:
                continue
            described.add((ev.source, ev.start, ev.end))
            yield from _span_quads(span, ev.source, ev.start, ev.end, ev.quote, prov)
            starts = pages.get(ev.source)
            if starts:
                page = Literal(str(bisect_right(starts, ev.start)), datatype=_T["xsd:positiveInteger"])
                yield Quad(span, _T["kgo:page"], page, prov)
    yield Quad(_BUILD, a, _T["prov:Activity"], prov)
    yield Quad(_BUILD, _T["rdfs:label"], _s("kg build"), prov)


def _span_quads(span: NamedNode, source: str, start: int, end: int, quote: str, g: NamedNode) -> Iterator[Quad]:
    a = _T["rdf:type"]
    q, pos = NamedNode(span.value + "-quote"), NamedNode(span.value + "-position")
    yield Quad(span, a, _T["oa:SpecificResource"], g)
    yield Quad(span, _T["oa:hasSource"], source_iri(source), g)
    yield Quad(span, _T["oa:hasSelector"], q, g)
    yield Quad(span, _T["oa:hasSelector"], pos, g)
    yield Quad(q, a, _T["oa:TextQuoteSelector"], g)
    yield Quad(q, _T["oa:exact"], _s(quote), g)
    yield Quad(pos, a, _T["oa:TextPositionSelector"], g)
    yield Quad(pos, _T["oa:start"], _nn(start), g)
    yield Quad(pos, _T["oa:end"], _nn(end), g)


def source_quads(sources: Iterable[SourceMeta]) -> Iterator[Quad]:
    g = NamedNode(SOURCES_GRAPH)
    for m in sources:
        s = source_iri(m.id)
        yield Quad(s, _T["rdf:type"], _T["kgo:SourceDocument"], g)
        yield Quad(s, _T["dcterms:identifier"], _s(m.id), g)
        yield Quad(s, _T["dcterms:title"], _s(m.title), g)
        yield Quad(s, _T["rdfs:label"], _s(m.title), g)
        yield Quad(s, _T["kgo:sourceText"], _s(f"sources/{m.id}.txt"), g)
        if m.publisher:
            yield Quad(s, _T["dcterms:publisher"], _s(m.publisher), g)
        if m.date:
            yield Quad(s, _T["dcterms:date"], _lit(date_lit(m.date)), g)
        if m.url:
            yield Quad(s, _T["schema:url"], NamedNode(m.url), g)
        if m.licence:
            yield Quad(s, _T["dcterms:license"], _s(m.licence), g)
        if m.kind:
            yield Quad(s, _T["dcterms:type"], _s(m.kind), g)


def reference_quads(gaz: Gazetteer, used: set[str]) -> Iterator[Quad]:
    """Curated reference data for the gazetteer entities the build uses (and their parents)."""
    g = NamedNode(REFERENCE_GRAPH)
    keys = set()
    todo = sorted(k for k in used if k in gaz.entities)
    while todo:
        k = todo.pop()
        if k in keys:
            continue
        keys.add(k)
        e = gaz.entities[k]
        todo.extend(x for x in (e.parent, e.post_in) if x is not None)
    for k in sorted(keys):
        ent: Entity = gaz.entities[k]
        s = entity_iri(k)
        yield Quad(s, _T["rdf:type"], class_iri(ent.kind), g)
        yield Quad(s, _T["rdfs:label"], _s(ent.label), g)
        for alias in ent.aliases:
            yield Quad(s, _T["skos:altLabel"], _s(alias), g)
        if ent.parent:
            yield Quad(s, _T["org:subOrganizationOf"], entity_iri(ent.parent), g)
        if ent.post_in:
            yield Quad(s, _T["org:postIn"], entity_iri(ent.post_in), g)
        if ent.wikidata:
            yield Quad(s, _T["skos:exactMatch"], NamedNode(f"{WD}{ent.wikidata}"), g)


def conflict_quads(conflicts: Iterable[Conflict], labels: dict[str, str]) -> Iterator[Quad]:
    g = NamedNode(CONFLICTS_GRAPH)
    for c in conflicts:
        s = entity_iri(c.key)
        yield Quad(s, _T["rdf:type"], _T["kgo:Conflict"], g)
        yield Quad(s, _T["kgo:conflictSubject"], entity_iri(c.subject), g)
        yield Quad(s, _T["kgo:conflictProperty"], _PREDICATE_NODES[c.predicate], g)
        what = c.label or c.predicate
        label = f"Sources disagree on {what} of {labels.get(c.subject, c.subject)}"
        yield Quad(s, _T["rdfs:label"], _s(label), g)
        yield Quad(s, _T["prov:wasGeneratedBy"], _BUILD, g)
        for f in c.facts:
            yield Quad(s, _T["kgo:conflictingFact"], fact_iri(*f.triple), g)
