"""The pipeline, end to end: sources → documents → mentions → facts → RDF → exports.

>>> from pathlib import Path
>>> cfg = BuildConfig(project=Path("."))
>>> cfg.sources_dir.name, cfg.out_dir.name
('sources', 'build')
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import signal
import threading
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import Quad

from kg.cache import ExtractionCache, cache_dir_for
from kg.errors import BuildError
from kg.extract.document import extract_document_facts
from kg.extract.grammar import Grammar, default_grammar, load_grammar
from kg.extract.parse import Parser
from kg.forked import become_worker, can_fork
from kg.formats import page_starts
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.model import Document, Entity, Fact, Kind, Lit, Ref
from kg.progress import Progress
from kg.rdf import conflict_quads, entity_iri, fact_iri, fact_quads, reference_quads, source_quads
from kg.resolve import (
    Conflict,
    dated_sentence,
    dedupe,
    find_conflicts,
    holders_are_officials,
    join_acronyms,
    join_national_names,
    join_posts,
    join_surnames,
    settle_events,
    settle_positions,
)
from kg.review import ReviewOutcome, apply_reviews, graph_review_quads, load_verdicts
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
    #: The grammar folder (default: PROJECT/data/grammar; kg's own where the project has none).
    grammar: Path | None = None
    #: Warnings (a skipped source, a sentence too long to read, a text without entities) are errors.
    strict: bool = False
    #: Larger sources are refused (see README, "Bad input").
    max_source_bytes: int = MAX_SOURCE_BYTES
    jobs: int | None = None
    cache: bool = True
    cache_path: Path | None = None
    #: "kg" (kg.shapes) or "pyshacl": which engine checks the SHACL shapes (see kg.shacl).
    shacl_engine: str = "kg"
    #: The verdicts file (see kg.review; default data/reviews.jsonl): applied after extraction.
    reviews: Path | None = None

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
    def reviews_path(self) -> Path:
        return self.reviews or self.project / "data" / "reviews.jsonl"

    @property
    def grammar_dir(self) -> Path:
        return self.grammar or self.project / "data" / "grammar"

    def load_grammar(self) -> Grammar:
        """The project's grammar (``data/grammar/``), or kg's own where the project has none."""
        d = self.grammar_dir
        return load_grammar(d, self.ontology_dir) if d.is_dir() else default_grammar()

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
    #: Facts below the grammar's confidence threshold: not in the graph, listed in candidates.csv.
    candidates: list[Fact] = field(default_factory=list)
    review: ReviewOutcome | None = None  # what the verdicts did (kg.review), once applied

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

    def without(self, focus: frozenset[str], why: str) -> Graph:
        """This graph less what the shapes refused: the facts about each node in ``focus`` (an
        entity's IRI or a fact's) and those that name it, each document's loss in a warning. One
        extraction the shapes refuse (a bug the tests did not catch) costs its facts, not the build."""

        def refused(f: Fact) -> bool:
            return (
                entity_iri(f.subject).value in focus
                or fact_iri(*f.triple).value in focus
                or (isinstance(f.obj, Ref) and entity_iri(f.obj.key).value in focus)
            )

        dropped = [f for f in self.facts if refused(f)]
        facts = [f for f in self.facts if not refused(f)]
        lost: dict[str, set[str]] = {}
        for f in dropped:
            lost.setdefault(f.evidence.source, set()).add(self.label(f.subject))
        warnings = [
            f"{source}: left out of the graph what was extracted about {', '.join(sorted(names))}: "
            f"it does not satisfy the shapes ({why})"
            for source, names in sorted(lost.items())
        ]
        return replace(self, facts=facts, conflicts=find_conflicts(facts), warnings=[*self.warnings, *warnings])

    def quads(self) -> list[Quad]:
        used = {f.subject for f in self.facts} | {f.obj.key for f in self.facts if isinstance(f.obj, Ref)}
        labels = {k: self.label(k) for k in used}
        quads = [
            *fact_quads(self.facts, self.pages()),
            *source_quads(d.meta for d in self.documents),
            *reference_quads(self.gazetteer, used),
            *conflict_quads(self.conflicts, labels),
            *graph_review_quads(self),
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
    #: Extraction raised: the document stands in the graph with its metadata but no facts.
    failed: bool = False


def extract_document(
    doc: Document, gaz: Gazetteer, grammar: Grammar | None = None, parser: Parser | None = None
) -> DocumentExtraction:
    """The document's extraction; an error in a rule costs this document its facts, never the build
    (the error is a warning naming the document and the rule, an error under ``--strict``).
    ``parser`` parses it with the documents after it (see :class:`kg.extract.parse.Parser`)."""
    try:
        with _time_limit(seconds_for(doc)):
            return _extract_document(doc, gaz, grammar, parser)
    except Exception as e:  # any rule's bug, or a rule that never ends: contained at the document's boundary
        what = f"{type(e).__name__}: {e}"
        warning = f"{doc.meta.path}: extraction failed in {_failing_rule(e)} ({what}); its facts are left out"
        return DocumentExtraction(doc.id, {}, [], [warning], failed=True)


class ExtractionTimeout(Exception):
    """A document's extraction ran past its time limit (a rule that does not end)."""


def seconds_for(doc: Document) -> float:
    """The time a document's extraction may take: two minutes, and a second more per 2,000
    characters (the parse runs at about 5,000 words a second on one core).

    >>> from kg.model import SourceMeta
    >>> seconds_for(Document(SourceMeta("d", "d", Path("d.txt")), "x" * 20_000, ()))
    130.0
    """
    return 120.0 + len(doc.text) / 2000


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in this thread after ``seconds`` (a real-time timer; only
    in a main thread, where Unix delivers signals: elsewhere there is no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ExtractionTimeout(f"extraction took more than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failing_rule(e: BaseException) -> str:
    """The innermost frame of kg's own code where ``e`` was raised: ``module.function``."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f"{os.sep}kg{os.sep}" in f.filename]
    if not frames:
        return "extraction"
    f = frames[-1]
    module = Path(f.filename).stem
    return f"{module}.{f.name} (line {f.lineno})"


def _extract_document(
    doc: Document, gaz: Gazetteer, grammar: Grammar | None, parser: Parser | None = None
) -> DocumentExtraction:
    parse = parser.parse(doc) if parser is not None else None
    entities, facts, warnings = extract_document_facts(doc, gaz, grammar, parse)
    return DocumentExtraction(doc.id, entities, facts, warnings)


def merge(
    gaz: Gazetteer, docs: list[Document], parts: list[DocumentExtraction], grammar: Grammar | None = None
) -> Graph:
    """The documents' extractions, in source order, settled across documents into one graph."""
    entities: dict[str, Entity] = dict(gaz.entities)
    facts: list[Fact] = []
    warnings: list[str] = []
    for part in parts:
        for key, e in part.entities.items():
            entities.setdefault(key, e)
            if e.post_in and not entities[key].post_in:
                entities[key] = e
            if more := [a for a in e.aliases if a not in entities[key].aliases]:
                entities[key] = replace(entities[key], aliases=(*entities[key].aliases, *more))
        facts.extend(part.facts)
        warnings.extend(part.warnings)
    texts = {d.id: d.stored for d in docs}
    for f in facts:
        if texts[f.evidence.source][f.evidence.start : f.evidence.end] != f.evidence.quote:
            raise BuildError(f"internal error: evidence offsets do not match the text ({f})")
    facts = join_surnames(facts, entities)
    facts = join_acronyms(facts, entities)
    facts = join_national_names(facts, entities)
    facts = join_posts(facts, entities)
    facts = settle_positions(facts, entities)
    facts = holders_are_officials(facts, entities)
    facts = settle_events(facts, entities, dated_sentence(docs))
    facts = _label_new_entities(facts, entities)
    facts = _plain_labels(facts)
    facts = _one_label(facts)
    facts = dedupe(facts)
    threshold = (grammar or default_grammar()).threshold
    candidates = [f for f in facts if f.confidence < threshold]
    facts = [f for f in facts if f.confidence >= threshold]
    return Graph(docs, entities, facts, find_conflicts(facts), gaz, warnings, candidates)


def extract(config: BuildConfig, progress: Progress | None = None) -> Graph:
    """Read every source and extract its facts; no file is written (but the cache, if on)."""
    gaz = load_gazetteer(config.gazetteer_path)
    docs, warnings = load_documents(
        config.sources_dir, max_bytes=config.max_source_bytes, known_ids=gaz.entities.keys(), strict=config.strict
    )
    verdicts = load_verdicts(config.reviews_path)  # read first: a malformed file fails before extraction
    grammar = config.load_grammar()
    cache = ExtractionCache(config.cache_dir, config.gazetteer_path, grammar.digest) if config.cache else None
    parts = extract_all(docs, gaz, jobs=config.processes, cache=cache, progress=progress, grammar=grammar)
    graph = apply_reviews(merge(gaz, docs, parts, grammar), verdicts)
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
    grammar: Grammar | None = None,
) -> list[DocumentExtraction]:
    """Every document's extraction, in source order: from the cache where it has one, otherwise
    extracted (by ``jobs`` processes). The result does not depend on ``jobs`` or on the cache."""
    progress = progress or Progress(enabled=False)
    found = [cache.get(doc) if cache is not None else None for doc in docs]
    todo = [i for i, part in enumerate(found) if part is None]
    progress.start("extracting", len(docs))
    progress.advance(len(docs) - len(todo))
    for i, part in zip(todo, _extract_many([docs[i] for i in todo], gaz, jobs, grammar), strict=True):
        found[i] = part
        if cache is not None and not part.failed:  # a failure is retried by the next build
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


def _extract_many(
    docs: list[Document], gaz: Gazetteer, jobs: int, grammar: Grammar | None = None
) -> Iterator[DocumentExtraction]:
    """``extract_document`` over ``docs``, in order; in a pool of ``jobs`` processes if that helps."""
    jobs = min(jobs, len(docs))
    if jobs <= 1:
        with Parser(docs) as parser:
            yield from (extract_document(doc, gaz, grammar, parser) for doc in docs)
        return
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker, initargs=(gaz, grammar)) as pool:
        yield from pool.map(_extract_in_worker, docs)


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` (fast: the workers share the loaded code) unless threads are running, where forking
    is unsafe; then ``spawn``."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")


_worker_inputs: list[tuple[Gazetteer, Grammar | None]] = []  # set once in each pool worker, by _start_worker


def _start_worker(gaz: Gazetteer, grammar: Grammar | None) -> None:
    become_worker()
    _worker_inputs[:] = [(gaz, grammar)]


def _extract_in_worker(doc: Document) -> DocumentExtraction:
    return extract_document(doc, *_worker_inputs[0])


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


def _plain_labels(facts: list[Fact]) -> list[Fact]:
    """Labels on one line: a name the text breaks across lines ("Deputy Assistant\nSecretary", "up\nto
    250 million gallons") is labelled with single spaces; its quote keeps the text as it is."""
    return [
        replace(f, obj=Lit(" ".join(f.obj.value.split()), f.obj.datatype))
        if f.predicate == "label" and isinstance(f.obj, Lit) and re.search(r"\s\s|[^\S ]", f.obj.value)
        else f
        for f in facts
    ]


def _one_label(facts: list[Fact]) -> list[Fact]:
    """One label for each entity the build mints: the first, in source order, a name before initials.
    Two documents may name one report differently; its release event, keyed by the report, must not
    carry both."""
    first: dict[str, Lit] = {}
    for f in facts:
        if f.predicate != "label" or not isinstance(f.obj, Lit):
            continue
        if f.subject not in first or (
            _INITIALS.fullmatch(first[f.subject].value) and not _INITIALS.fullmatch(f.obj.value)
        ):
            first[f.subject] = f.obj  # a name over its initials ("MBI" in one document's headline)
    return [f for f in facts if f.predicate != "label" or f.obj == first[f.subject]]


#: A label of initials only: "MBI", "U.S.", "DOJ OIG".
_INITIALS = re.compile(r"[A-Z][A-Z.&]*(?:[ \t][A-Z][A-Z.&]*)*")
