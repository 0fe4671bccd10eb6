"""Hostile names and quotes: IRIs stay valid, every export re-parses strictly, labels round-trip.

Also the fuzz tests of the text pipeline (hypothesis, derandomized and bounded so that CI is
reproducible and quick): no crash, every offset valid (``text[start:end] == quote``).
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from rdflib import Dataset, URIRef
from rdflib import Graph as RdfGraph
from rdflib import Literal as RdfLiteral

from kg.api import BuildConfig, Graph, build
from kg.errors import SourceError
from kg.extract import extract_facts
from kg.gazetteer import load_gazetteer
from kg.mentions import find_mentions
from kg.model import SourceMeta
from kg.rdf import MAX_KEY_CHARS, entity_iri, fact_quads, iri_key
from kg.sources import decode, document_from_text
from tests.conftest import ROOT

HOSTILE = {
    "hostile-iri": 'Agency <script>alert("x")</script> {a|b} ^caret `tick` #hash %25 pct',
    "hostile-quotes": 'The """Triple""" Office of \\back\\slash and \\n and \\" Affairs',
    "hostile-newline": "Office of\nTwo Lines",
    "hostile-rtl": "Bureau \u202eReversed\u202c مكتب العدل עברית",
    "hostile-emoji": "Unicorn 🦄 Agency 🏛️ of Flags 🇺🇸",
    "hostile-control": "Bell\u0007Agency\u001b[31m Tab\tOffice",
    "hostile-long": "Very Long Agency " + " ".join(f"Word{i:04d}" for i in range(220)),
}
KEYS = ["", ".", "..", "~x", "a b", '<>"{}|^`\\', "#frag", "%41", "%", "é", "\u202e", "🦄", "\x00\x01\x7f", "x" * 2000]


def toml_string(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in out) + '"'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    root = tmp_path_factory.mktemp("hostile")
    gaz = (ROOT / "data/gazetteer.toml").read_text(encoding="utf-8")
    for key, name in HOSTILE.items():
        gaz += f'\n[[entity]]\nid = "{key}"\ntype = "Agency"\nname = {toml_string(name)}\n'
    (root / "gazetteer.toml").write_text(gaz, encoding="utf-8")
    (root / "sources").mkdir()
    text = "".join(f"On May 4, 2018, {name} met the Department of Justice.\n\n" for name in HOSTILE.values())
    (root / "sources/hostile.txt").write_text(text, encoding="utf-8")
    config = BuildConfig(project=ROOT, sources=root / "sources", out=root / "build", gazetteer=root / "gazetteer.toml")
    graph, _ = build(config)
    return graph, root / "build"


@pytest.mark.parametrize(("name", "fmt"), [("kg.ttl", "TURTLE"), ("kg.nt", "N_TRIPLES"), ("kg.trig", "TRIG")])
def test_hostile_exports_reparse_strictly(hostile: tuple[Graph, Path], name: str, fmt: str) -> None:
    path = hostile[1] / name
    quads = list(pyoxigraph.parse(path=str(path), format=getattr(RdfFormat, fmt)))
    labels = {q.object.value for q in quads if q.predicate.value.endswith("#label")}
    assert set(HOSTILE.values()) <= labels
    data = path.read_text(encoding="utf-8")
    if fmt == "TRIG":
        ds = Dataset()
        with warnings.catch_warnings():  # rdflib 7.6 warns about its own use of Dataset.default_context
            warnings.simplefilter("ignore", DeprecationWarning)
            ds.parse(data=data, format="trig")
        objects = {(s, o) for s, _, o, _ in ds.quads((None, None, None, None))}
    else:
        g = RdfGraph().parse(data=data, format="turtle" if fmt == "TURTLE" else "nt")
        objects = {(s, o) for s, _, o in g}
    for key, label in HOSTILE.items():
        assert (URIRef(entity_iri(key).value), RdfLiteral(label)) in objects, key


def test_hostile_jsonld_reparses(hostile: tuple[Graph, Path]) -> None:
    quads = list(pyoxigraph.parse(path=str(hostile[1] / "kg.jsonld"), format=RdfFormat.JSON_LD))
    assert set(HOSTILE.values()) <= {q.object.value for q in quads}


def test_hostile_labels_round_trip_through_the_store(hostile: tuple[Graph, Path]) -> None:
    store = pyoxigraph.Store.read_only(str(hostile[1] / "store"))
    for key, label in HOSTILE.items():
        found = [q.object for q in store.quads_for_pattern(entity_iri(key), None, None)]
        assert Literal(label) in found, key


def test_hostile_quotes_match_their_offsets(hostile: tuple[Graph, Path]) -> None:
    text = (hostile[1] / "sources/hostile.txt").read_text(encoding="utf-8")
    with (hostile[1] / "facts.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert any("🦄" in r["quote"] for r in rows)
    for r in rows:
        assert text[int(r["start"]) : int(r["end"])] == r["quote"]


def test_iri_keys_are_valid_distinct_and_bounded() -> None:
    iris = [entity_iri(k) for k in KEYS]
    assert len({i.value for i in iris}) == len(KEYS)
    assert all(len(iri_key(k)) <= MAX_KEY_CHARS for k in KEYS)
    quads = [Quad(i, i, Literal(k)) for i, k in zip(iris, KEYS, strict=True)]
    nt = pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS) or b""
    assert list(pyoxigraph.parse(nt, format=RdfFormat.N_QUADS)) == quads
    assert len(RdfGraph().parse(data=nt.decode(), format="nt")) == len(KEYS)


def test_ordinary_keys_keep_their_iris(full: tuple[Graph, Path]) -> None:
    for key in full[0].entities:
        assert iri_key(key) == key


# --- Fuzz ----------------------------------------------------------------------------------
GAZETTEER = load_gazetteer(ROOT / "data/gazetteer.toml")
TOKENS = [
    *("Department of Justice", "DOJ", "Jeff Sessions", "Attorney General", "Inspector General Michael E. Horowitz"),
    *("CBP", "the Department", "my office", "Executive Order 13841", "8 U.S.C. § 1325(a)", "U.S.", "Mr.", "Feb."),
    *("said", "announced", "found that", "criticized", "on May 4, 2018", "in April 2018", "2,654 children"),
    *("about 3,000", "(DOJ)", '"', "“", "”", "’", "(", ")", ". ", "! ", "? ", ", ", "; ", "\n", "\n\n", "\t", " "),
    *("• ", "1. ", "# Heading\n", "[Page 3]", "http://x.org/a", "_____", "🦄", "\u202e", "\u0007", "\\", "<>{}|^`"),
]
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map("".join)
FUZZ = settings(
    max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)


@FUZZ
@given(texts)
def test_fuzz_text_pipeline(text: str) -> None:
    meta = SourceMeta("fuzz", "Fuzz", Path("fuzz.txt"), date="2021-01-14", creator="doj-oig")
    doc, _ = document_from_text(meta, text)
    last = 0
    for s in doc.sentences:
        assert last <= s.start < s.end <= len(text)
        last = s.end
    entities = dict(GAZETTEER.entities)
    found = find_mentions(doc, GAZETTEER, entities)
    for m in found.mentions:
        assert text[m.start : m.end] == m.text
    ex = extract_facts(doc, found.mentions, {**entities, **found.entities})
    for f in ex.facts:
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)
        assert text[f.evidence.start : f.evidence.end] == f.evidence.quote
    quads = list(fact_quads(ex.facts))
    data = pyoxigraph.serialize(quads, format=RdfFormat.N_QUADS) or b""
    assert set(pyoxigraph.parse(data, format=RdfFormat.N_QUADS)) == set(quads)


@FUZZ
@given(st.binary(max_size=200))
def test_fuzz_decode(raw: bytes) -> None:
    try:
        text = decode(raw, "f.txt")
    except SourceError as e:
        assert str(e).startswith("f.txt: ")
    else:
        assert "\x00" not in text and "\r" not in text


@FUZZ
@given(st.text())
def test_fuzz_iri_key(key: str) -> None:
    iri = entity_iri(key)
    assert len(iri_key(key)) <= MAX_KEY_CHARS
    nt = pyoxigraph.serialize([Quad(iri, iri, iri)], format=RdfFormat.N_TRIPLES) or b""
    assert next(iter(pyoxigraph.parse(nt, format=RdfFormat.N_TRIPLES))).subject == NamedNode(iri.value)
