"""kg's own SHACL engine (kg/shapes.py) against pySHACL: the same verdicts, shape by shape.

The shape cases of tests/cases/shapes/ are checked with kg's engine as test_ontology checks them with
pySHACL; then both engines run on the embedded build and on hundreds of randomly damaged graphs, and
must name the same (focus node, shape) pairs.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple
from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import Graph
from rdflib.namespace import SH

from kg.build import Graph as KgGraph
from kg.cli import main
from kg.shacl import report_text, to_rdflib, validate
from kg.shapes import Index, Result, Unsupported, Validator, _literal

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
CASES = sorted((ROOT / "tests" / "cases" / "shapes").glob("*.trig"))
KGSH = "https://w3id.org/kg-accountability/shapes#"
KGO = "https://w3id.org/kg-accountability/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH_MESSAGE = str(SH.message)


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def quads_of(path: Path) -> list[Quad]:
    return list(pyoxigraph.parse(path=str(path), format=RdfFormat.TRIG))


@cache
def turtle(name: str) -> tuple[Triple, ...]:
    return parse_turtle((ONTOLOGY / name).read_text(encoding="utf-8"))


def parse_turtle(text: str) -> tuple[Triple, ...]:
    return tuple(Triple(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(text, format=RdfFormat.TURTLE))


def ours(quads: list[Quad], shapes: str | None = None) -> list[Result]:
    shapes_triples = turtle("shapes.ttl") if shapes is None else parse_turtle(shapes)
    validator = Validator(Index.of(shapes_triples))
    return validator.validate(Index.of(quads, turtle("kg.ttl")))


@cache
def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def theirs(quads: list[Quad]) -> set[tuple[str, str]] | None:
    """pySHACL's (focus, shape) pairs; None where pySHACL stops with an error instead (it refuses to
    compare a blank node with sh:lessThan, where SHACL reports a violation)."""
    data = to_rdflib(quads)
    data.parse(ONTOLOGY / "kg.ttl", format="turtle")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            _, report, _ = pyshacl_validate(data, shacl_graph=shapes_graph(), inference="none", inplace=True)
        except ReportableRuntimeError as e:
            assert "Cannot use sh:lessThan to compare a BlankNode" in str(e)
            return None
    assert isinstance(report, Graph)
    return {
        (_name(report.value(r, SH.focusNode)), _name(report.value(r, SH.sourceShape)))
        for r in report.subjects(SH.resultSeverity, None)
    }


def _name(term: object) -> str:
    # Blank nodes are named differently by the two libraries: compare them as one.
    text = str(term)
    return "_:b" if re.fullmatch(r"[0-9a-zA-Z]+", text) and not text.startswith("http") else text


def pairs(results: list[Result]) -> set[tuple[str, str]]:
    return {(r.focus if not r.focus.startswith("_:") else "_:b", r.shape) for r in results}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_shape_cases(case: Path) -> None:
    expected = re.findall(r"^# expect: kgsh:(\S+)$", case.read_text(encoding="utf-8"), re.M)
    results = ours(quads_of(case))
    assert {r.shape for r in results} == {KGSH + e for e in expected}, report_text(results)
    conforms, text = validate(quads_of(case), ONTOLOGY)
    assert conforms == (not expected), text
    if expected:
        assert f"Source Shape: kgsh:{expected[0]}" in text
        shape = NamedNode(KGSH + expected[0])
        msg = next(t.object for t in turtle("shapes.ttl") if (t.subject, t.predicate.value) == (shape, SH_MESSAGE))
        assert isinstance(msg, Literal) and f"Message: {msg.value}" in text


def test_engines_agree_on_the_build(founding: tuple[KgGraph, Path]) -> None:
    quads = founding[0].quads()
    assert ours(quads) == []
    assert theirs(quads) == set()
    assert validate(quads, ONTOLOGY) == (True, "Validation Report\nConforms: True\n")


# Damage: terms a broken builder might write where another belongs.
POOL: list[NamedNode | BlankNode | Literal] = [
    Literal(""), Literal("x"), Literal('a "quoted" \\ word\n\t\u00e9 \U0001f600 end'),
    Literal("exact"), Literal("approximately"), typed("12", "integer"),
    typed("12.5", "decimal"), typed("-3", "nonNegativeInteger"),
    typed("7", "nonNegativeInteger"), typed("2018-05", "gYearMonth"),
    typed("2018-02-30", "date"), typed("2018-05-07T10:00:00", "dateTime"),
    typed("true", "boolean"), typed("false", "boolean"),
    Literal("Sessions", language="en"), NamedNode("https://w3id.org/kg-accountability/id/nowhere"),
    NamedNode("https://w3id.org/kg-accountability/id/doj"), NamedNode("https://w3id.org/kg-accountability/id/jeff-sessions"),
    NamedNode("https://w3id.org/kg-accountability/id/attorney-general"), NamedNode(KGO + "CourtOrder"),
    NamedNode(KGO + "Person"), NamedNode(KGO + "Event"), NamedNode(KGO + "Position"), NamedNode(KGO + "Fact"),
    NamedNode(KGO + "Organization"), NamedNode(KGO + "Statistic"), NamedNode(KGO + "Claim"), BlankNode("damage"),
]  # fmt: skip
BASE = [q for case in CASES if case.name.startswith("good-") for q in quads_of(case)]


@st.composite
def damaged(draw: st.DrawFn) -> list[Quad]:
    quads = list(BASE)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(quads) - 1))
        q = quads[i]
        what = draw(st.sampled_from(["drop", "object", "subject", "duplicate"]))
        if what == "drop":
            del quads[i]
        elif what == "object":
            quads[i] = Quad(q.subject, q.predicate, draw(st.sampled_from(POOL)), q.graph_name)
        elif what == "subject":
            other = draw(st.sampled_from(quads))
            quads[i] = Quad(other.subject, q.predicate, q.object, q.graph_name)
        else:
            quads.append(Quad(q.subject, q.predicate, draw(st.sampled_from(POOL)), q.graph_name))
    return quads


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_engines_agree_on_damaged_graphs(quads: list[Quad]) -> None:
    results = ours(quads)
    expected = theirs(quads)
    if expected is None:
        assert any(r.component == "LessThanConstraintComponent" for r in results), report_text(results)
    else:
        assert pairs(results) == expected, report_text(results)


def test_every_constraint_component_it_claims() -> None:
    # Components kg's shapes do not use, each broken once, against pySHACL's verdict.
    shapes = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ;
          sh:property [ sh:path ex:p ; sh:pattern "^ab" ; sh:flags "i" ] ,
            [ sh:path ex:n ; sh:minInclusive 1 ; sh:maxExclusive 10 ] ,
            [ sh:path ex:p ; sh:maxLength 3 ] ,
            [ sh:path [ sh:inversePath ex:q ] ; sh:minCount 2 ] ,
            [ sh:path ex:p ; sh:equals ex:r ] ,
            [ sh:path ex:p ; sh:disjoint ex:s ] ,
            [ sh:path ex:n ; sh:not [ sh:datatype xsd:string ] ] ,
            [ sh:path ex:n ; sh:xone ( [ sh:datatype xsd:integer ] [ sh:minInclusive 0 ] ) ] ,
            [ sh:path ex:p ; sh:nodeKind sh:Literal ] ."""
    rows: list[tuple[str, str, NamedNode | Literal]] = [
        ("a", "p", Literal("ABcd")), ("a", "n", typed("10", "integer")),
        ("b", "q", NamedNode("http://example.org/a")), ("a", "r", Literal("ABcd")), ("a", "s", Literal("x")),
    ]  # fmt: skip
    data = [Quad(NamedNode("http://example.org/" + s), NamedNode("http://example.org/" + p), o) for s, p, o in rows]
    results = ours(data, shapes)
    components = sorted(r.component for r in results)
    assert components == [
        "MaxExclusiveConstraintComponent", "MaxLengthConstraintComponent", "MinCountConstraintComponent",
        "XoneConstraintComponent",
    ], report_text(results)  # fmt: skip
    g = to_rdflib(data)
    _, report, _ = pyshacl_validate(g, shacl_graph=Graph().parse(data=shapes, format="turtle"))
    assert isinstance(report, Graph)
    found = report.objects(None, SH.sourceConstraintComponent)
    assert sorted(str(c).removeprefix(str(SH)) for c in found) == components


def test_shapes_beyond_the_engine_go_to_pyshacl(tmp_path: Path) -> None:
    sparql = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:closed true ."""
    with pytest.raises(Unsupported, match="closed"):
        ours([], sparql)
    for name in ("kg.ttl",):
        (tmp_path / name).write_bytes((ONTOLOGY / name).read_bytes())
    (tmp_path / "shapes.ttl").write_text(
        sparql.replace("ex:a ;", "ex:a ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ;"), encoding="utf-8"
    )
    conforms, text = validate([], tmp_path)
    assert not conforms and "MinCountConstraintComponent" in text


def test_a_build_checked_by_pyshacl_is_the_same(founding: tuple[KgGraph, Path], tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = CliRunner().invoke(
        main, [
            "build", str(ROOT), "--sources", str(ROOT / "data/sources/founding"), "--out", str(out),
            "--shacl-engine", "pyshacl", "-q",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "SHACL:     conforms" in result.output
    for name in ("kg.trig", "report.json", "facts.csv"):
        assert (out / name).read_bytes() == (founding[1] / name).read_bytes(), name


@pytest.mark.parametrize(
    "term",
    [
        Literal('a "quoted" \\ word\n\r\t\u0001 é 😀 "'), Literal("x y", language="en-GB"), typed("-3", "integer"),
        Literal("with ^^<not a datatype> inside"), NamedNode("http://example.org/a#b"), BlankNode("b0"),
    ],
)  # fmt: skip
def test_terms_read_back_from_n_quads(term: NamedNode | BlankNode | Literal) -> None:
    graph = NamedNode("http://example.org/g")
    index = Index.of([Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), term, graph)])
    (value,) = index.values("<http://example.org/s>", "<http://example.org/p>")
    assert value == str(term)
    if isinstance(term, Literal):
        assert _literal(value) == (term.value, term.datatype.value, term.language or "")


def test_quoted_triples_go_to_pyshacl() -> None:
    inner = Triple(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("o"))
    with pytest.raises(Unsupported, match="RDF-star"):
        Index.of([Quad(NamedNode("http://example.org/x"), NamedNode("http://example.org/says"), inner)])
