"""The pipeline, end to end: sources → documents → mentions → facts → RDF → exports.

>>> from pathlib import Path
>>> cfg = BuildConfig(project=Path("."))
>>> cfg.sources_dir.name, cfg.out_dir.name
('sources', 'build')
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.cache import ExtractionCache, cache_dir_for
from kg.errors import BuildError
from kg.extract import extract_facts
from kg.forked import become_worker, can_fork
from kg.formats import page_starts
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mentions import find_mentions
from kg.model import Document, Entity, Fact, Kind, Lit, Ref
from kg.progress import Progress
from kg.rdf import conflict_quads, fact_quads, reference_quads, source_quads
from kg.resolve import Conflict, dedupe, find_conflicts, holders_are_officials, settle_events, settle_positions
from kg.sources import MAX_SOURCE_BYTES, load_documents


@dataclass(frozen=True)
class BuildConfig:
    """Where things are, and how to build. Paths default to the project layout (data/, ontology/,
    build/); ``jobs`` is the number of processes that extract documents (None: one per CPU, 1:
    serial); ``cache`` keeps each document's extraction for the next build (see :mod:`kg.cache`)."""

    project: Path
    sources: Path | None = None
    out: Path | None = None
    gazetteer: Path | None = None
    ontology: Path | None = None
    #: Warnings (a skipped source, a sentence too long to read, a text without entities) are errors.
    strict: bool = False
    #: Larger sources are refused (see README, "Bad input").
    max_source_bytes: int = MAX_SOURCE_BYTES
    jobs: int | None = None
    cache: bool = True
    cache_path: Path | None = None
    #: "kg" (kg.shapes) or "pyshacl": which engine checks the SHACL shapes (see kg.shacl).
    shacl_engine: str = "kg"

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

    @property
    def cache_dir(self) -> Path:
        return self.cache_path or cache_dir_for(self.out_dir)

    @property
    def processes(self) -> int:
        return max(1, self.jobs if self.jobs is not None else cpu_count())


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

    def pages(self) -> dict[str, tuple[int, ...]]:
        """For each source in pages (a PDF: form feeds in its stored text), where each page starts."""
        return {d.id: starts for d in self.documents if (starts := page_starts(d.stored))}

    def quads(self) -> list[Quad]:
        used = {f.subject for f in self.facts} | {f.obj.key for f in self.facts if isinstance(f.obj, Ref)}
        labels = {k: self.label(k) for k in used}
        quads = [
            *fact_quads(self.facts, self.pages()),
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


def extract(config: BuildConfig, progress: Progress | None = None) -> Graph:
    """Read every source and extract its facts; no file is written (but the cache, if on)."""
    gaz = load_gazetteer(config.gazetteer_path)
    docs, warnings = load_documents(
        config.sources_dir, max_bytes=config.max_source_bytes, known_ids=gaz.entities.keys(), strict=config.strict
    )
    cache = ExtractionCache(config.cache_dir, config.gazetteer_path) if config.cache else None
    parts = extract_all(docs, gaz, jobs=config.processes, cache=cache, progress=progress)
    graph = merge(gaz, docs, parts)
    graph.warnings[:0] = warnings
    if config.strict and graph.warnings:
        raise BuildError("--strict: warnings are errors:\n" + "\n".join(f"  {w}" for w in graph.warnings))
    return graph


def extract_all(
    docs: list[Document],
    gaz: Gazetteer,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    progress: Progress | None = None,
) -> list[DocumentExtraction]:
    """Every document's extraction, in source order: from the cache where it has one, otherwise
    extracted (by ``jobs`` processes). The result does not depend on ``jobs`` or on the cache."""
    progress = progress or Progress(enabled=False)
    found = [cache.get(doc) if cache is not None else None for doc in docs]
    todo = [i for i, part in enumerate(found) if part is None]
    progress.start("extracting", len(docs))
    progress.advance(len(docs) - len(todo))
    for i, part in zip(todo, _extract_many([docs[i] for i in todo], gaz, jobs), strict=True):
        found[i] = part
        if cache is not None:
            cache.put(docs[i], part)
        progress.advance()
    if cache is not None:
        cache.prune()
    return [part for part in found if part is not None]


def cpu_count() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _extract_many(docs: list[Document], gaz: Gazetteer, jobs: int) -> Iterator[DocumentExtraction]:
    """``extract_document`` over ``docs``, in order; in a pool of ``jobs`` processes if that helps."""
    jobs = min(jobs, len(docs))
    if jobs <= 1:
        yield from (extract_document(doc, gaz) for doc in docs)
        return
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker, initargs=(gaz,)) as pool:
        yield from pool.map(_extract_in_worker, docs)


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` (fast: the workers share the loaded code) unless threads are running, where forking
    is unsafe; then ``spawn``."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")


_worker_gazetteer: list[Gazetteer] = []  # set once in each pool worker, by _start_worker


def _start_worker(gaz: Gazetteer) -> None:
    become_worker()
    _worker_gazetteer[:] = [gaz]


def _extract_in_worker(doc: Document) -> DocumentExtraction:
    return extract_document(doc, _worker_gazetteer[0])


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
