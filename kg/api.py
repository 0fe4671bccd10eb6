"""The library API the CLI is a thin layer over.

>>> from kg.api import BuildConfig
>>> BuildConfig(project=Path("demo")).out_dir.as_posix()
'demo/build'
"""

from __future__ import annotations

from pathlib import Path

from kg.build import BuildConfig, Graph, extract
from kg.collector import long_lived
from kg.evaluate import Evaluation, run_eval
from kg.export import ShapesRefused, install, render
from kg.graphml import write_graphml
from kg.lock import hold_lock
from kg.progress import Progress
from kg.push import PushConfig, PushReport, push
from kg.query import (
    CompetencyQuery,
    Table,
    competency_queries,
    competency_query,
    format_table,
    open_store,
    read_query,
    run_query,
)
from kg.review import (
    ReviewScore,
    build_reviews,
    format_orphans,
    format_scores,
    format_stats,
    import_verdicts,
    review_scores,
)
from kg.serve import ServeConfig, serve, serving
from kg.shacl import check_ontology
from kg.sources import MAX_SOURCE_BYTES

__all__ = [
    "MAX_SOURCE_BYTES",
    "BuildConfig",
    "CompetencyQuery",
    "Graph",
    "Progress",
    "PushConfig",
    "PushReport",
    "ReviewScore",
    "ServeConfig",
    "Table",
    "build",
    "build_reviews",
    "competency_queries",
    "competency_query",
    "conflicts_query",
    "evaluate",
    "format_orphans",
    "format_scores",
    "format_stats",
    "format_table",
    "import_verdicts",
    "push",
    "query",
    "review_scores",
    "serve",
    "serving",
    "write_graphml",
]


#: How many times a build leaves out what the shapes refused and validates again before it fails.
_SHAPE_ROUNDS = 2


def build(config: BuildConfig, progress: Progress | None = None) -> tuple[Graph, dict[str, object]]:
    """Extract every source and write all exports into ``config.out_dir``, atomically.

    The output folder's lock (:func:`kg.lock.hold_lock`) is held throughout: a second build of the
    same folder fails at once with :class:`~kg.errors.InUseError`. Documents are extracted by
    ``config.jobs`` processes and taken from the extraction cache when unchanged; the output is the
    same either way. ``progress`` shows how far the build is.
    """
    check_ontology(config.ontology_dir)
    progress = progress or Progress(enabled=False)
    try:
        with hold_lock(config.out_dir, "kg build"), long_lived() as settle:
            graph = extract(config, progress)
            settle()  # the graph, and the model loaded on the way, live to the end: see kg.collector
            memo = config.cache_dir if config.cache else None
            for attempt in range(_SHAPE_ROUNDS + 1):
                rendered = render(graph, config.ontology_dir, progress, config.shacl_engine, config.processes, memo)
                try:
                    report = install(config.out_dir, rendered, config.ontology_dir)
                    break
                except ShapesRefused as refused:
                    # What the shapes refuse is left out, document by document, with a warning; under
                    # --strict, or if leaving it out does not settle it, the build fails as it stands.
                    if config.strict or attempt == _SHAPE_ROUNDS or not refused.focus:
                        raise
                    smaller = graph.without(refused.focus, refused.shapes)
                    if len(smaller.facts) == len(graph.facts):
                        raise
                    graph = smaller
                finally:
                    rendered.cancel()  # the workers, if install failed before it had their results
    finally:
        progress.done()
    return graph, report


def query(build_dir: Path, text_or_path: str) -> Table:
    """Run a SPARQL query (text or a ``.rq`` file) over a build."""
    store = open_store(build_dir)
    return run_query(store, read_query(text_or_path))


def conflicts_query() -> str:
    """The SPARQL that lists disagreements between sources, one row per conflicting value.

    It is the shipped competency query ``kg/queries/11-disagreements.rq``.
    """
    return competency_query("11").text


def evaluate(gold: Path, build_dir: Path) -> Evaluation:
    """Score a build against hand-checked gold files (see ``docs/gold.md``)."""
    return run_eval(gold, build_dir)
