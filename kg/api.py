"""The library API the CLI is a thin layer over.

>>> from kg.api import BuildConfig
>>> BuildConfig(project=Path("demo")).out_dir.as_posix()
'demo/build'
"""

from __future__ import annotations

from pathlib import Path

from kg.build import BuildConfig, Graph, extract
from kg.export import install, render
from kg.lock import hold_lock
from kg.query import Table, format_table, open_store, read_query, run_query
from kg.shacl import check_ontology
from kg.sources import MAX_SOURCE_BYTES

__all__ = ["MAX_SOURCE_BYTES", "BuildConfig", "Graph", "Table", "build", "conflicts_query", "format_table", "query"]


def build(config: BuildConfig) -> tuple[Graph, dict[str, object]]:
    """Extract every source and write all exports into ``config.out_dir``, atomically.

    The output folder's lock (:func:`kg.lock.hold_lock`) is held throughout: a second build of the
    same folder fails at once with :class:`~kg.errors.InUseError`.
    """
    check_ontology(config.ontology_dir)
    with hold_lock(config.out_dir, "kg build"):
        graph = extract(config)
        files, quads, report = render(graph, config.ontology_dir)
        install(config.out_dir, files, quads, config.ontology_dir)
    return graph, report


def query(build_dir: Path, text_or_path: str) -> Table:
    """Run a SPARQL query (text or a ``.rq`` file) over a build."""
    store = open_store(build_dir)
    return run_query(store, read_query(text_or_path))


def conflicts_query() -> str:
    """The SPARQL that lists disagreements between sources, one row per conflicting value."""
    return """SELECT ?subject ?property ?value ?source ?quote WHERE {
  ?c a kgo:Conflict ; kgo:conflictSubject ?s ; kgo:conflictProperty ?p ; kgo:conflictingFact ?f .
  ?s rdfs:label ?subject . OPTIONAL { ?p rdfs:label ?plabel }
  BIND(COALESCE(?plabel, STR(?p)) AS ?property)
  GRAPH ?f { ?s ?p ?value }
  ?f prov:wasDerivedFrom ?span . ?span oa:hasSource ?src ; oa:hasSelector ?q . ?q oa:exact ?quote .
  ?src dcterms:identifier ?source .
} ORDER BY ?subject ?property ?value ?source"""
