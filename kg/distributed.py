"""Beyond one machine: extraction mapped over documents on a Dask cluster, N-Quads partitions out.

The build has two halves. Extraction (:func:`kg.build.extract_document`) reads one document and the
gazetteer and nothing else, so it is a map over documents that any distributed engine can run.
Settling (:func:`kg.build.merge`: positions, events, duplicates, conflicts) needs every document's
facts — not their texts — and runs where the client runs. The settled graph is then written as one
N-Quads file per document (the statements it gives evidence for, their provenance, its metadata)
plus ``_shared.nq`` (reference data, conflicts, verdicts), again by the workers. N-Quads is line-based and
an RDF dataset is a set, so the partitions are loaded as they are, in any order, with a cluster
store's bulk loader; their union is exactly the dataset of a plain ``kg build``.

Needs the ``distributed`` extra (``pip install 'kg[distributed]'``)::

    from dask.distributed import Client
    with Client("tcp://scheduler:8786") as client:
        graph = build_on(client, BuildConfig(project=Path(".")), Path("parts"))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from kg.build import BuildConfig, DocumentExtraction, Graph, extract_document, merge
from kg.gazetteer import load_gazetteer
from kg.model import Fact, Obj, Ref, SourceMeta
from kg.rdf import conflict_quads, fact_quads, reference_quads, source_quads, statement_confidence
from kg.review import apply_reviews, graph_review_quads, load_verdicts
from kg.sources import load_documents

if TYPE_CHECKING:
    from distributed import Client

SHARED = "_shared.nq"


def build_on(client: Client, config: BuildConfig, parts_dir: Path) -> Graph:
    """Extract every source on the cluster, settle the facts here, write the N-Quads partitions.

    Returns the settled graph (as :func:`kg.build.extract` would); ``parts_dir`` receives one
    ``<source id>.nq`` per document and ``_shared.nq``.
    """
    gaz = load_gazetteer(config.gazetteer_path)
    docs, warnings = load_documents(
        config.sources_dir, max_bytes=config.max_source_bytes, known_ids=gaz.entities.keys(), strict=config.strict
    )
    gaz_future = client.scatter(gaz, broadcast=True)
    grammar = config.load_grammar()
    futures = client.map(
        extract_document, docs, gaz=gaz_future, grammar=grammar, key=[f"kg-extract-{d.id}" for d in docs]
    )
    parts: list[DocumentExtraction] = client.gather(futures)  # in source order, as submitted
    graph = apply_reviews(merge(gaz, docs, parts, grammar), load_verdicts(config.reviews_path))  # as kg.build.extract
    graph.warnings[:0] = warnings
    write_partitions(client, graph, parts_dir)
    return graph


def write_partitions(client: Client, graph: Graph, parts_dir: Path) -> list[Path]:
    """The graph's dataset as N-Quads files: one per document, written by the workers, and the shared one."""
    parts_dir.mkdir(parents=True, exist_ok=True)
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for f in graph.facts:
        by_source[f.evidence.source].append(f)
    paths = [parts_dir / f"{d.id}.nq" for d in graph.documents]
    sure = statement_confidence(graph.facts)  # of all the evidence, not only a partition's
    futures = client.map(
        write_partition,
        paths,
        [d.meta for d in graph.documents],
        [by_source.get(d.id, []) for d in graph.documents],
        [{f.triple: sure[f.triple] for f in by_source.get(d.id, [])} for d in graph.documents],
        key=[f"kg-partition-{d.id}" for d in graph.documents],
    )
    client.gather(futures)
    used = {f.subject for f in graph.facts} | {f.obj.key for f in graph.facts if isinstance(f.obj, Ref)}
    labels = {k: graph.label(k) for k in used}
    shared = parts_dir / SHARED
    reviews = graph_review_quads(graph)  # the verdicts' annotations and the rejected statements
    _write_nquads(shared, [*reference_quads(graph.gazetteer, used), *conflict_quads(graph.conflicts, labels), *reviews])
    return [*paths, shared]


def write_partition(
    path: Path, meta: SourceMeta, facts: list[Fact], confidence: dict[tuple[str, str, Obj], float]
) -> Path:
    """One document's partition: its metadata, the statements it is evidence for, their provenance."""
    _write_nquads(path, [*source_quads([meta]), *fact_quads(facts, confidence=confidence)])
    return path


def read_partitions(parts_dir: Path) -> list[Quad]:
    """The union of the partitions in ``parts_dir``, sorted as a build sorts its quads."""
    quads: set[Quad] = set()
    for path in sorted(parts_dir.glob("*.nq")):
        quads.update(pyoxigraph.parse(path=str(path), format=RdfFormat.N_QUADS))
    return sorted(quads, key=str)


def _write_nquads(path: Path, quads: Iterable[Quad]) -> None:
    data = pyoxigraph.serialize(sorted(set(quads), key=str), format=RdfFormat.N_QUADS) or b""
    tmp = path.with_suffix(".nq.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
