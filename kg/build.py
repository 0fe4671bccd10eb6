"""The pipeline, end to end: sources → documents → mentions → facts → RDF → exports.

>>> from pathlib import Path
>>> cfg = BuildConfig(project=Path("."))
>>> cfg.sources_dir.name, cfg.out_dir.name
('sources', 'build')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.errors import BuildError
from kg.extract import extract_facts
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mentions import find_mentions
from kg.model import Document, Entity, Fact, Kind, Lit, Ref
from kg.rdf import conflict_quads, fact_quads, reference_quads, source_quads
from kg.resolve import Conflict, dedupe, find_conflicts, holders_are_officials, settle_events, settle_positions
from kg.sources import MAX_SOURCE_BYTES, load_documents


@dataclass(frozen=True)
class BuildConfig:
    """Where things are. Paths default to the project layout (data/, ontology/, build/)."""

    project: Path
    sources: Path | None = None
    out: Path | None = None
    gazetteer: Path | None = None
    ontology: Path | None = None
    #: Warnings (a skipped source, a sentence too long to read, a text without entities) are errors.
    strict: bool = False
    #: Larger sources are refused (see README, "Bad input").
    max_source_bytes: int = MAX_SOURCE_BYTES

    @property
    def sources_dir(self) -> Path:
        return self.sources or self.project / "data" / "sources"

    @property
    def out_dir(self) -> Path:
        return self.out or self.project / "build"

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer or self.project / "data" / "gazetteer.toml"

    @property
    def ontology_dir(self) -> Path:
        return self.ontology or self.project / "ontology"


@dataclass
class Graph:
    """Everything a build made, before it is written anywhere."""

    documents: list[Document]
    entities: dict[str, Entity]
    facts: list[Fact]
    conflicts: list[Conflict]
    gazetteer: Gazetteer
    warnings: list[str] = field(default_factory=list)

    def label(self, key: str) -> str:
        e = self.entities.get(key)
        return e.label if e is not None else key

    def kinds(self) -> dict[str, str]:
        """Each entity's most specific class, as the facts give it."""
        types: dict[str, list[str]] = {}
        for f in self.facts:
            if f.predicate == "type" and isinstance(f.obj, Kind):
                types.setdefault(f.subject, []).append(f.obj.name)
        # A person who holds a post is typed Official by a later fact (resolve.holders_are_officials).
        return {k: "Official" if ts[0] == "Person" and "Official" in ts else ts[0] for k, ts in types.items()}

    def quads(self) -> list[Quad]:
        used = {f.subject for f in self.facts} | {f.obj.key for f in self.facts if isinstance(f.obj, Ref)}
        labels = {k: self.label(k) for k in used}
        quads = [
            *fact_quads(self.facts),
            *source_quads(d.meta for d in self.documents),
            *reference_quads(self.gazetteer, used),
            *conflict_quads(self.conflicts, labels),
        ]
        return sorted(set(quads), key=str)


@dataclass(frozen=True)
class DocumentExtraction:
    """What one document yields on its own: the entities it introduced and the facts it states.

    It depends on the document and the gazetteer only (not on the other documents), so documents
    can be extracted in any order, in parallel, or taken from a cache.
    """

    source: str
    entities: dict[str, Entity]
    facts: list[Fact]
    warnings: list[str]


def extract_document(doc: Document, gaz: Gazetteer) -> DocumentExtraction:
    found = find_mentions(doc, gaz, {})
    entities = {**gaz.entities, **found.entities}
    ex = extract_facts(doc, found.mentions, entities, gaz)
    warnings = [] if found.mentions else [f"{doc.meta.path}: no entity found in the text"]
    return DocumentExtraction(doc.id, {**found.entities, **ex.entities}, ex.facts, warnings)


def merge(gaz: Gazetteer, docs: list[Document], parts: list[DocumentExtraction]) -> Graph:
    """The documents' extractions, in source order, settled across documents into one graph."""
    entities: dict[str, Entity] = dict(gaz.entities)
    facts: list[Fact] = []
    warnings: list[str] = []
    for part in parts:
        for key, e in part.entities.items():
            entities.setdefault(key, e)
            if e.post_in and not entities[key].post_in:
                entities[key] = e
        facts.extend(part.facts)
        warnings.extend(part.warnings)
    texts = {d.id: d.stored for d in docs}
    for f in facts:
        if texts[f.evidence.source][f.evidence.start : f.evidence.end] != f.evidence.quote:
            raise BuildError(f"internal error: evidence offsets do not match the text ({f})")
    facts = settle_positions(facts, entities)
    facts = holders_are_officials(facts, entities)
    facts = settle_events(facts, entities)
    facts = _label_new_entities(facts, entities)
    facts = dedupe(facts)
    return Graph(docs, entities, facts, find_conflicts(facts), gaz, warnings)


def extract(config: BuildConfig) -> Graph:
    """Read every source and extract its facts; no file is written."""
    gaz = load_gazetteer(config.gazetteer_path)
    docs, warnings = load_documents(
        config.sources_dir, max_bytes=config.max_source_bytes, known_ids=gaz.entities.keys(), strict=config.strict
    )
    graph = merge(gaz, docs, [extract_document(doc, gaz) for doc in docs])
    graph.warnings[:0] = warnings
    if config.strict and graph.warnings:
        raise BuildError("--strict: warnings are errors:\n" + "\n".join(f"  {w}" for w in graph.warnings))
    return graph


def _label_new_entities(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """Entities the gazetteer does not know and no mention labelled take the label of a mention."""
    labelled = {f.subject for f in facts if f.predicate == "label"}
    extra: list[Fact] = []
    for f in facts:
        e = entities.get(f.subject)
        if f.predicate == "type" and e is not None and not e.known and f.subject not in labelled:
            labelled.add(f.subject)
            extra.append(Fact(f.subject, "label", Lit(e.label), f.evidence, f.rule))
    return facts + extra
