"""PDF, HTML and Word sources: each fixture (made by real tools, see tests/cases/documents/) yields its
gold facts, PDF facts with the page they are printed on; layout noise stays out of the stored text;
the metadata a file carries fills what no ``.toml`` gives."""

from __future__ import annotations

import csv
import io
import shutil
import tomllib
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.api import BuildConfig, Graph, build
from kg.formats import page_at
from kg.model import Lit, Ref
from kg.viewdata import view_records

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "documents"
FIXTURES = ["oig-review.pdf", "hearing-memo.docx", "oversight-press-release.html", "scanned.pdf"]
GOLD = sorted(CASES.glob("*.gold.toml"))


@pytest.fixture(scope="module")
def documents_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    project = tmp_path_factory.mktemp("documents")
    (project / "data" / "sources").mkdir(parents=True)
    for name in FIXTURES:
        shutil.copy(CASES / name, project / "data" / "sources" / name)
    shutil.copy(ROOT / "data" / "gazetteer.toml", project / "data" / "gazetteer.toml")
    shutil.copytree(ROOT / "ontology", project / "ontology")
    graph, _ = build(BuildConfig(project=project, jobs=1, cache=False))
    return graph, project / "build"


def _stored(build_dir: Path, source: str) -> str:
    return (build_dir / "sources" / f"{source}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name.removesuffix(".gold.toml"))
def test_gold_facts_come_out_with_their_pages(documents_build: tuple[Graph, Path], gold: Path) -> None:
    graph, build_dir = documents_build
    source = gold.name.removesuffix(".gold.toml")
    text = _stored(build_dir, source)
    facts = [f for f in graph.facts if f.evidence.source == source]
    found = {
        (f.subject, f.predicate, f.obj.key, page_at(text, f.evidence.start)) for f in facts if isinstance(f.obj, Ref)
    }
    stats = {
        (f.subject, str(f.obj.value), page_at(text, f.evidence.start))
        for f in facts
        if isinstance(f.obj, Lit) and f.predicate in {"value", "counted"}
    }
    spec = tomllib.loads(gold.read_text(encoding="utf-8"))
    for g in spec.get("fact", []):
        assert (g["subject"], g["predicate"], g["object"], g.get("page")) in found, g
    for g in spec.get("statistic", []):
        page = g.get("page")
        subjects = {s for s, v, p in stats if v == g["value"] and p == page}
        assert any((s, g["counted"], page) in stats for s in subjects), g


def test_every_quote_is_a_slice_of_the_stored_text(documents_build: tuple[Graph, Path]) -> None:
    graph, build_dir = documents_build
    texts = {d.id: _stored(build_dir, d.id) for d in graph.documents}
    assert set(texts) == {"oig-review", "hearing-memo", "oversight-press-release"}
    for f in graph.facts:
        assert texts[f.evidence.source][f.evidence.start : f.evidence.end] == f.evidence.quote


# (source, text that must be in the stored text, text that must not: layout noise and boilerplate)
STORED = [
    ("oig-review", "illegally.\n\nGene Hamilton", "21-028"),  # left column, then right; no running head
    ("oig-review", "accounta-\nbility", "\n2\n"),  # the hyphenated break as printed; no page number
    ("oig-review", "1 The Office of Refugee Resettlement", "Policy | 21-028"),  # the footnote is text
    ("oversight-press-release", "2,654 children were separated", "cookies"),
    ("oversight-press-release", "Chairwoman Maloney said.", "Rayburn House Office Building"),
    ("oversight-press-release", "Jeff Sessions issued", "Related news"),
    ("oversight-press-release", "Kevin McAleenan", "Search the site"),
    ("hearing-memo", "Attorney General\tJeff Sessions", "Office\tHolder\tOffice"),  # a table row a line
]


@pytest.mark.parametrize(("source", "kept", "left_out"), STORED)
def test_stored_text_is_read_as_a_reader_would(
    documents_build: tuple[Graph, Path], source: str, kept: str, left_out: str
) -> None:
    text = _stored(documents_build[1], source)
    assert kept in text
    assert left_out not in text


def test_pdf_pages_are_separated_by_form_feeds(documents_build: tuple[Graph, Path]) -> None:
    text = _stored(documents_build[1], "oig-review")
    assert text.count("\f") == 2
    assert page_at(text, text.index("Rod Rosenstein")) == 2


# (source, metadata key, value the file itself gives)
METADATA = [
    ("oig-review", "title", "Review of the Zero Tolerance Policy"),
    ("oig-review", "date", "2021-01-14"),
    ("oig-review", "publisher", "U.S. Department of Justice, Office of the Inspector General"),
    ("hearing-memo", "title", "Hearing memorandum on family separations"),
    ("hearing-memo", "date", "2019-02-07"),
    ("oversight-press-release", "title", "Chairwoman Presses DHS on Family Separations"),
    ("oversight-press-release", "date", "2019-07-12"),
    ("oversight-press-release", "publisher", "Committee on Oversight and Reform"),
    (
        "oversight-press-release",
        "url",
        "https://oversight.house.gov/news/press-releases/chairwoman-presses-dhs-on-family-separations",
    ),
]


@pytest.mark.parametrize(("source", "key", "value"), METADATA)
def test_metadata_from_the_file(documents_build: tuple[Graph, Path], source: str, key: str, value: str) -> None:
    meta = next(d.meta for d in documents_build[0].documents if d.id == source)
    assert getattr(meta, key) == value


def test_toml_metadata_wins_over_the_file(tmp_path: Path) -> None:
    from kg.sources import load_document

    shutil.copy(CASES / "oig-review.pdf", tmp_path / "r.pdf")
    (tmp_path / "r.toml").write_text('title = "Given title"\n', encoding="utf-8")
    doc, _ = load_document(tmp_path / "r.pdf")
    assert (doc.meta.title, doc.meta.date) == ("Given title", "2021-01-14")


def test_a_scanned_pdf_is_named_in_a_warning(documents_build: tuple[Graph, Path]) -> None:
    warned = [w for w in documents_build[0].warnings if "scanned.pdf" in w]
    assert warned and "no text layer" in warned[0]


def test_facts_csv_and_provenance_give_the_page(documents_build: tuple[Graph, Path]) -> None:
    build_dir = documents_build[1]
    rows = list(csv.DictReader(io.StringIO((build_dir / "facts.csv").read_text(encoding="utf-8"))))
    pages = {r["source"]: set() for r in rows}
    for r in rows:
        pages[r["source"]].add(r["page"])
    assert pages["oig-review"] == {"1", "2", "3"}
    assert pages["hearing-memo"] == pages["oversight-press-release"] == {""}
    quads = parse(path=build_dir / "kg.nq", format=RdfFormat.N_QUADS) if (build_dir / "kg.nq").exists() else None
    trig = parse(path=build_dir / "kg.trig", format=RdfFormat.TRIG) if quads is None else quads
    page_values = {q.object.value for q in trig if q.predicate.value.endswith("ontology#page")}
    assert page_values == {"1", "2", "3"}


def test_same_input_same_bytes(documents_build: tuple[Graph, Path], tmp_path: Path) -> None:
    project = documents_build[1].parent
    build(BuildConfig(project=project, out=tmp_path / "again", jobs=1, cache=False))
    for name in ("facts.csv", "kg.nt", "kg.trig", "sources/oig-review.txt"):
        assert (tmp_path / "again" / name).read_bytes() == (documents_build[1] / name).read_bytes(), name


def test_the_view_gives_the_page_of_pdf_evidence(documents_build: tuple[Graph, Path]) -> None:
    nodes, edges = view_records(documents_build[0])
    evidence = [ev for e in edges for ev in e.evidence] + [ev for n in nodes for ev in n.mentions]
    assert {ev.page for ev in evidence if ev.source == "oig-review"} == {1, 2, 3}
    assert {ev.page for ev in evidence if ev.source != "oig-review"} == {0}  # not paginated: no page shown
    page = (documents_build[1] / "graph.html").read_text(encoding="utf-8")
    assert "`p. ${page} · `" in page


def test_unusable_metadata_in_a_file_is_dropped_not_fatal(tmp_path: Path) -> None:
    from kg.sources import load_document

    page = (CASES / "oversight-press-release.html").read_text(encoding="utf-8")
    page = page.replace('href="https://oversight.house.gov/news/press-releases/', 'href="not an address/')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc, _ = load_document(tmp_path / "page.html")
    assert doc.meta.url == "" and doc.meta.title == "Chairwoman Presses DHS on Family Separations"
