"""The build as a whole: evidence offsets, exports, determinism, corpus, bad input, CLI."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph as RdfGraph

from kg.api import BuildConfig, Graph, build
from kg.cli import main
from tests.conftest import ROOT

EXPORTS = {"kg.ttl": "TURTLE", "kg.nt": "N_TRIPLES", "kg.trig": "TRIG", "kg.jsonld": "JSON_LD"}


@pytest.mark.parametrize("which", ["founding", "full"])
def test_every_fact_quote_is_the_text_at_its_offsets(which: str, request: pytest.FixtureRequest) -> None:
    _, out = request.getfixturevalue(which)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (out / "sources").glob("*.txt")}
    with (out / "facts.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 100
    for r in rows:
        assert texts[r["source"]][int(r["start"]) : int(r["end"])] == r["quote"], r


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_exports_parse_strictly_in_pyoxigraph(founding: tuple[Graph, Path], name: str) -> None:
    fmt = getattr(pyoxigraph.RdfFormat, EXPORTS[name])
    quads = list(pyoxigraph.parse(path=str(founding[1] / name), format=fmt))
    assert len(quads) > 300


def test_turtle_parses_in_rdflib_and_holds_the_facts(founding: tuple[Graph, Path]) -> None:
    g = RdfGraph().parse(founding[1] / "kg.ttl", format="turtle")
    assert len(g) == len(list(pyoxigraph.parse(path=str(founding[1] / "kg.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)))


def test_two_builds_are_byte_identical(founding: tuple[Graph, Path], tmp_path: Path) -> None:
    out = tmp_path / "again"
    build(BuildConfig(project=ROOT, sources=ROOT / "data/sources/founding", out=out))

    def digests(d: Path) -> dict[str, str]:
        return {
            p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file() and "store" not in p.relative_to(d).parts
        }  # fmt: skip

    assert digests(founding[1]) == digests(out)


def test_report_counts_and_shacl(founding: tuple[Graph, Path]) -> None:
    report = json.loads((founding[1] / "report.json").read_text())
    assert report["shacl"]["conforms"] is True
    assert report["entities_per_class"]["Official"] >= 5
    assert report["conflicts"]


def test_owl_rl_closure_of_ontology_and_build_is_consistent(founding: tuple[Graph, Path]) -> None:
    from owlrl import DeductiveClosure, OWLRL_Semantics
    from owlrl.Namespaces import ERRNS

    g = RdfGraph().parse(ROOT / "ontology/kg.ttl", format="turtle")
    g.parse(founding[1] / "kg.ttl", format="turtle")
    DeductiveClosure(OWLRL_Semantics).expand(g)
    assert list(g.objects(None, ERRNS.error)) == []


def test_stock_media_credit_is_not_knowledge(founding: tuple[Graph, Path]) -> None:
    labels = " ".join(founding[0].label(k) for k in founding[0].kinds())
    for name in ("Pearson", "Prolific", "Pond5"):
        assert name not in labels


def test_corpus_gives_new_entities_and_facts(full: tuple[Graph, Path]) -> None:
    graph = full[0]
    kinds = graph.kinds()
    for key in (
        "cbp",
        "ice",
        "orr",
        "gao",
        "pandemic-response-accountability-committee",
        "person-carolyn-maloney",
    ):
        assert key in kinds, key
    triples = {(f.subject, f.predicate, getattr(f.obj, "key", getattr(f.obj, "value", None))) for f in graph.facts}
    assert ("orr", "subOrganizationOf", "hhs") in triples  # "HHS’s Office of Refugee Resettlement"
    assert ("person-carolyn-maloney", "holds", "position-chairwoman-house-oversight") in triples
    assert ("executive-order-13841", "legislationDate", "2018-06-20") in triples
    stats = {(f.obj.value, f.evidence.source) for f in graph.facts if f.predicate == "value"}  # type: ignore[union-attr]
    assert ("2654", "08-gao-19-163-what-gao-found") in stats
    starts = {c.subject for c in graph.conflicts}
    assert "event-announcement-zero-tolerance-policy" in starts  # April 6 vs May 7, 2018


def test_graph_html_is_offline(founding: tuple[Graph, Path]) -> None:
    html = (founding[1] / "graph.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for bad in ('src="http', "src='http", 'href="http', "url(http", "@import"):
        assert bad not in html


def test_bad_source_fails_clearly_and_keeps_the_last_build(project: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["build", str(project)])
    assert ok.exit_code == 0, ok.output
    before = (project / "build/kg.ttl").read_bytes()
    (project / "data/sources/broken.txt").write_bytes(b"caf\xe9 au lait")
    bad = runner.invoke(main, ["build", str(project)])
    assert bad.exit_code != 0
    assert "broken.txt" in bad.output and "UTF-8" in bad.output
    assert (project / "build/kg.ttl").read_bytes() == before


def test_bad_metadata_names_the_file(project: Path) -> None:
    (project / "data/sources/oig-message-2021-01.toml").write_text('date = "January"\n')
    result = CliRunner().invoke(main, ["build", str(project)])
    assert result.exit_code != 0
    assert "oig-message-2021-01.toml" in result.output and "date" in result.output


def test_every_command_has_help() -> None:
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for command in ("build", "query", "conflicts", "serve", "push", "export"):
        assert command in top.output
        res = runner.invoke(main, [command, "--help"])
        assert res.exit_code == 0 and "Example:" in res.output


def test_query_and_conflicts_commands(founding: tuple[Graph, Path]) -> None:
    runner = CliRunner()
    out = runner.invoke(
        main,
        [
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "--build",
            str(founding[1]),
            "--format",
            "csv",
        ],
    )
    assert out.exit_code == 0 and int(out.output.splitlines()[1]) > 1000
    conf = runner.invoke(main, ["conflicts", "--build", str(founding[1]), "--format", "json"])
    assert conf.exit_code == 0
    assert {r["value"] for r in json.loads(conf.output)} >= {"2020-12-09", "2021-01"}
    bad = runner.invoke(main, ["query", "SELEKT nothing", "--build", str(founding[1])])
    assert bad.exit_code != 0 and "invalid SPARQL" in bad.output


def test_console_script_is_installed() -> None:
    res = subprocess.run([sys.executable, "-m", "kg.cli", "--help"], capture_output=True, text=True, check=True)
    assert "build" in res.stdout
