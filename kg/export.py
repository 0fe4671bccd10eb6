"""A built graph → files: Turtle, TriG, N-Triples, JSON-LD, facts.csv, the stored source texts,
an on-disk pyoxigraph store, graph.html and a build report.

Everything is written into a fresh folder beside the output folder, checked, and then swapped in
with renames, so that a failed build leaves the last good one in place. Output is sorted, so the
same input gives byte-identical files (the store is a database and is not compared byte-wise).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kg.build import Graph
from kg.errors import BuildError
from kg.model import Lit, Ref
from kg.namespaces import ONTOLOGY_GRAPH, PREFIXES, PROVENANCE_GRAPH
from kg.progress import Progress
from kg.rdf import PREDICATES, entity_iri, fact_iri
from kg.shacl import validate
from kg.viewdata import view_html

STORE_DIR = "store"
LOCK_FILE = ".kg-build.lock"


def _facts_graph(quads: Iterable[Quad]) -> list[Quad]:
    """The merged statements: every graph but provenance, as triples in the default graph."""
    prov = NamedNode(str(PROVENANCE_GRAPH))
    return sorted({Quad(q.subject, q.predicate, q.object) for q in quads if q.graph_name != prov}, key=str)


def facts_rows(graph: Graph) -> list[list[str]]:
    """One row per statement and evidence: labels and IRIs, date, source, quote, offsets."""
    dates: dict[str, str] = {}
    for f in graph.facts:
        if f.predicate in {"date", "begin", "earliest"} and isinstance(f.obj, Lit):
            dates.setdefault(f.subject, f.obj.value)
    rows = []
    for f in graph.facts:
        if isinstance(f.obj, Ref):
            obj_label, obj_iri = graph.label(f.obj.key), entity_iri(f.obj.key).value
        elif isinstance(f.obj, Lit):
            obj_label, obj_iri = f.obj.value, ""
        else:
            obj_label, obj_iri = f.obj.name, PREFIXES["kgo"] + f.obj.name
        date = (
            f.obj.value
            if f.predicate in {"date", "begin", "earliest", "issued"} and isinstance(f.obj, Lit)
            else dates.get(f.subject, "")
        )
        ev = f.evidence
        rows.append(
            [
                fact_iri(*f.triple).value,
                graph.label(f.subject),
                entity_iri(f.subject).value,
                f.predicate,
                PREDICATES[f.predicate],
                obj_label,
                obj_iri,
                date,
                ev.source,
                ev.quote,
                str(ev.start),
                str(ev.end),
                f.stated_by or "",
                f.rule,
            ]
        )
    return rows


FACTS_HEADER = [
    "fact",
    "subject",
    "subject_iri",
    "predicate",
    "predicate_iri",
    "object",
    "object_iri",
    "date",
    "source",
    "quote",
    "start",
    "end",
    "stated_by",
    "rule",
]


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FACTS_HEADER)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def build_report(graph: Graph, conforms: bool, shacl_text: str) -> dict[str, object]:
    kinds = Counter(graph.kinds().values())
    return {
        "sources": [d.id for d in graph.documents],
        "entities": len(graph.kinds()),
        "entities_per_class": dict(sorted(kinds.items())),
        "statements": len({f.triple for f in graph.facts}),
        "evidence_records": len(graph.facts),
        "conflicts": [
            {
                "subject": c.subject,
                "label": graph.label(c.subject),
                "property": c.predicate,
                "values": [
                    {
                        "value": str(getattr(f.obj, "value", f.obj)),
                        "source": f.evidence.source,
                        "quote": f.evidence.quote,
                    }
                    for f in c.facts
                ],
            }
            for c in graph.conflicts
        ],
        "warnings": graph.warnings,
        "shacl": {"conforms": conforms, "report": "" if conforms else shacl_text},
    }


def _serialize(quads: list[Quad], fmt: RdfFormat) -> bytes:
    out = pyoxigraph.serialize(quads, format=fmt, prefixes=PREFIXES)
    assert out is not None
    return out


def write_build(graph: Graph, out_dir: Path, ontology_dir: Path, progress: Progress | None = None) -> dict[str, object]:
    """Write every export into ``out_dir`` atomically; returns the build report."""
    progress = progress or Progress(enabled=False)
    quads = graph.quads()
    facts = _facts_graph(quads)
    progress.start(f"validating {len(quads)} quads (SHACL)")
    conforms, shacl_text = validate(quads, ontology_dir)
    if not conforms:
        raise BuildError(f"the build does not satisfy the SHACL shapes:\n{shacl_text}")
    report = build_report(graph, conforms, shacl_text)
    progress.start("writing exports")
    files: dict[str, bytes] = {
        "kg.ttl": _serialize(facts, RdfFormat.TURTLE),
        "kg.nt": _serialize(facts, RdfFormat.N_TRIPLES),
        "kg.jsonld": _serialize(facts, RdfFormat.JSON_LD),
        "kg.trig": _serialize(quads, RdfFormat.TRIG),
        "facts.csv": _csv(facts_rows(graph)),
        "report.json": (json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode(),
        "graph.html": view_html(graph, ontology_dir=ontology_dir).encode("utf-8"),
    }
    for d in graph.documents:
        files[f"sources/{d.id}.txt"] = d.stored.encode("utf-8")
    _swap_in(out_dir, files, quads, ontology_dir)
    return report


def _swap_in(out_dir: Path, files: dict[str, bytes], quads: list[Quad], ontology_dir: Path) -> None:
    out_dir = out_dir.resolve()
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    lock = parent / f"{out_dir.name}{LOCK_FILE}"
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError as e:
        raise BuildError(f"another build is writing {out_dir} (remove {lock} if it is stale)") from e
    os.close(fd)
    tmp = parent / f".{out_dir.name}.new"
    old = parent / f".{out_dir.name}.old"
    try:
        for p in (tmp, old):
            if p.exists():
                shutil.rmtree(p)
        tmp.mkdir()
        for rel, data in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        _write_store(tmp / STORE_DIR, quads, ontology_dir)
        if out_dir.exists():
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old.exists():
            shutil.rmtree(old)
    except OSError as e:
        if old.exists() and not out_dir.exists():
            old.rename(out_dir)
        raise BuildError(f"could not write {out_dir}: {e}") from e
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        lock.unlink(missing_ok=True)


def _write_store(path: Path, quads: list[Quad], ontology_dir: Path) -> None:
    store = Store(str(path))
    store.bulk_extend(quads)
    onto = NamedNode(str(ONTOLOGY_GRAPH))
    store.bulk_load(path=str(ontology_dir / "kg.ttl"), format=RdfFormat.TURTLE, to_graph=onto)
    store.flush()
    store.optimize()
    del store
