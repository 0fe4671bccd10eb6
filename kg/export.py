"""A built graph → files: Turtle, TriG, N-Triples, JSON-LD, facts.csv, the stored source texts,
an on-disk pyoxigraph store, graph.html and a build report.

Everything is written into a fresh folder beside the output folder, flushed to disk, and then
swapped in atomically, so that a failed or killed build leaves the last good one in place. Output is sorted, so the
same input gives byte-identical files (the store is a database and is not compared byte-wise).
"""

from __future__ import annotations

import csv
import ctypes
import errno
import io
import json
import os
import re
import shutil
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kg.build import Graph
from kg.errors import BuildError
from kg.forked import Forked
from kg.model import Fact, Lit, Ref
from kg.namespaces import ONTOLOGY_GRAPH, PREFIXES, PROVENANCE_GRAPH
from kg.progress import Progress
from kg.rdf import PREDICATES, entity_iri, fact_iri
from kg.review import REJECTED_GRAPH, review_of
from kg.shacl import validate
from kg.viewdata import view_html

STORE_DIR = "store"


def _facts_graph(quads: Iterable[Quad]) -> list[Quad]:
    """The merged statements: every graph but provenance and the rejected statements (kept for audit
    in kg.trig only), as triples in the default graph."""
    left_out = {NamedNode(str(PROVENANCE_GRAPH)), NamedNode(str(REJECTED_GRAPH))}
    return sorted({Quad(q.subject, q.predicate, q.object) for q in quads if q.graph_name not in left_out}, key=str)


def facts_rows(graph: Graph, facts: list[Fact] | None = None) -> list[list[str]]:
    """One row per statement and evidence: labels and IRIs, date, source, quote, offsets; of the
    graph's facts, or of ``facts`` (the candidates)."""
    facts = graph.facts if facts is None else facts
    dates: dict[str, str] = {}
    for f in facts:
        if f.predicate in {"date", "begin", "earliest"} and isinstance(f.obj, Lit):
            dates.setdefault(f.subject, f.obj.value)
    rows = []
    pages = graph.pages()
    for f in facts:
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
                str(bisect_right(pages[ev.source], ev.start)) if ev.source in pages else "",
                f.stated_by or "",
                f.rule,
                f"{f.confidence:.2f}",
                verdict.verdict if (verdict := review_of(graph, f)) is not None else "",
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
    "page",
    "stated_by",
    "rule",
    "confidence",
    "review",  # confirmed or corrected (kg.review); rejected facts are not in the file
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
        "candidates": len(graph.candidates),
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
        "reviews": graph.review.report() if graph.review is not None else {},
        "shacl": {"conforms": conforms, "report": "" if conforms else shacl_text},
    }


def _serialize(quads: list[Quad], fmt: RdfFormat) -> bytes:
    out = pyoxigraph.serialize(quads, format=fmt, prefixes=PREFIXES)
    assert out is not None
    return out


class ShapesRefused(BuildError):
    """The graph does not satisfy the shapes; ``focus`` holds the IRIs of the nodes that broke them."""

    def __init__(self, report: str) -> None:
        super().__init__(f"the build does not satisfy the SHACL shapes:\n{report}")
        self.report = report
        self.focus = frozenset(_expand(m) for m in re.findall(r"Focus Node: (\S+)", report))
        self.shapes = ", ".join(sorted(set(re.findall(r"Source Shape: (\S+)", report))))


def _expand(name: str) -> str:
    """A prefixed name of the report ("kgr:event-…") as a full IRI."""
    prefix, _, local = name.partition(":")
    ns = PREFIXES.get(prefix)
    return ns + local if ns is not None and not local.startswith("//") else name.strip("<>")


@dataclass
class Rendered:
    """A build's exports: those ready (``files``), the quads for the store, and the two that wait on
    work in progress — the graph view and the SHACL verdict, which ``report.json`` states."""

    graph: Graph
    files: dict[str, bytes]
    quads: list[Quad]
    view: Forked
    shacl: Forked
    progress: Progress

    def finish(self) -> tuple[dict[str, bytes], dict[str, object]]:
        """``report.json`` and ``graph.html``, once the validation and the view are done, and the
        report; raises :class:`~kg.errors.BuildError` if the graph does not satisfy the shapes."""
        self.progress.start(f"validating {len(self.quads)} quads (SHACL)")
        conforms, shacl_text = json.loads(self.shacl.result())
        if not conforms:
            raise ShapesRefused(shacl_text)
        report = build_report(self.graph, conforms, shacl_text)
        text = (json.dumps(report, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
        self.progress.start("drawing the graph view")
        return {"report.json": text, "graph.html": self.view.result()}, report

    def cancel(self) -> None:
        self.view.cancel()
        self.shacl.cancel()


def render(
    graph: Graph,
    ontology_dir: Path,
    progress: Progress | None = None,
    shacl_engine: str = "kg",
    jobs: int = 1,
    layout_memo: Path | None = None,
) -> Rendered:
    """Every export of ``graph``: see :class:`Rendered`.

    With ``jobs`` > 1 both cores stay busy after extraction: the graph view is drawn in one forked
    process from the start, the quads are validated in another as soon as they exist, and this one
    serialises them and (in :func:`install`) writes the store meanwhile. The files are the same.
    ``layout_memo``: a folder where the view's layout is kept for the next build (the cache's).
    """
    progress = progress or Progress(enabled=False)
    background = jobs > 1
    view = Forked(lambda: view_html(graph, ontology_dir=ontology_dir, layout_memo=layout_memo).encode(), background)
    shacl: Forked | None = None
    try:
        quads = graph.quads()
        shacl = Forked(lambda: json.dumps(validate(quads, ontology_dir, shacl_engine)).encode(), background)
        facts = _facts_graph(quads)
        progress.start("writing exports")
        files: dict[str, bytes] = {
            "kg.ttl": _serialize(facts, RdfFormat.TURTLE),
            "kg.nt": _serialize(facts, RdfFormat.N_TRIPLES),
            "kg.jsonld": _serialize(facts, RdfFormat.JSON_LD),
            "kg.trig": _serialize(quads, RdfFormat.TRIG),
            "facts.csv": _csv(facts_rows(graph)),
            "candidates.csv": _csv(facts_rows(graph, graph.candidates)),
        }
        for d in graph.documents:
            files[f"sources/{d.id}.txt"] = d.stored.encode("utf-8")
    except BaseException:
        for worker in (view, shacl):
            if worker is not None:
                worker.cancel()
        raise
    return Rendered(graph, files, quads, view, shacl, progress)


def install(out_dir: Path, rendered: Rendered, ontology_dir: Path) -> dict[str, object]:
    """Write a complete new build beside ``out_dir``, then swap it in; the caller holds the lock and
    cancels ``rendered``'s workers when this returns or fails. Returns the build report.

    Nothing is written inside ``out_dir`` itself: the new build goes to ``.<name>.new``, every file
    flushed to disk, and replaces the old one in one atomic exchange of names (Linux
    ``renameat2``), or two renames elsewhere (:func:`recover` finishes a swap a kill interrupted).
    A failure at any point (a full disk, a kill, a SHACL violation found while the store was being
    written) leaves the previous build as it was.
    """
    out_dir = out_dir.absolute()
    new, old = _sibling(out_dir, "new"), _sibling(out_dir, "old")
    recover(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "report.json").is_file():
        raise BuildError(f"{out_dir} exists and is not a kg build (it has no report.json); choose another --out")
    try:
        new.mkdir(parents=True)
        # The store is loaded by pyoxigraph without the interpreter's lock, so a thread writes it
        # while this one validates and draws the view (one process, two cores busy). Leaving the
        # ``with`` waits for it, whatever happened, before the folder is removed or swapped in.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store") as pool:
            store = pool.submit(_write_store, new / STORE_DIR, rendered.quads, ontology_dir)
            for rel, data in sorted(rendered.files.items()):
                _write_file(new / rel, data)
            late, report = rendered.finish()
            rendered.progress.start("writing the store")
            store.result()
        for rel, data in sorted(late.items()):
            _write_file(new / rel, data)
        for d in (new / "sources", new):
            _fsync_dir(d)
        _replace_dir(new, out_dir, old)
        return report
    except OSError as e:
        problem = os.strerror(e.errno) if e.errno else str(e)
        where = f" ({e.filename})" if e.filename else ""
        raise BuildError(
            f"could not write the build in {out_dir}: {problem}{where}; the previous build is unchanged"
        ) from e
    finally:
        for p in (new, old):
            if p.exists():
                shutil.rmtree(p, ignore_errors=True)


def recover(out_dir: Path) -> None:
    """Tidy up after a build that was killed: restore the previous build if a swap was cut short.

    Call with the lock held. ``.<name>.old`` is the previous build only while ``<name>`` is missing.
    """
    out_dir = out_dir.absolute()
    new, old = _sibling(out_dir, "new"), _sibling(out_dir, "old")
    if old.exists() and not out_dir.exists():
        old.rename(out_dir)
    for p in (new, old):
        if p.exists():
            shutil.rmtree(p)


def _sibling(out_dir: Path, what: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{what}"


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_dir(new: Path, out_dir: Path, old: Path) -> None:
    """``new`` becomes ``out_dir``; the previous ``out_dir`` (if any) is left at ``new`` or ``old``, to remove."""
    if not out_dir.exists():
        new.rename(out_dir)
    elif not _exchange(new, out_dir):
        out_dir.rename(old)
        new.rename(out_dir)
    _fsync_dir(out_dir.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap the names of ``a`` and ``b`` (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _write_store(path: Path, quads: list[Quad], ontology_dir: Path) -> None:
    store = Store(str(path))
    # Parsed from N-Quads rather than added as Python objects: ``bulk_load`` releases the
    # interpreter's lock (``bulk_extend`` holds it), and costs the same.
    store.bulk_load(input=pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
    onto = NamedNode(str(ONTOLOGY_GRAPH))
    store.bulk_load(path=str(ontology_dir / "kg.ttl"), format=RdfFormat.TURTLE, to_graph=onto)
    store.flush()
    store.optimize()
    del store
