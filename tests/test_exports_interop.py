"""Every export read by independent parsers: pyoxigraph (strict) and rdflib in Python, N3.js and
jsonld.js in Node (JSON-LD expanded with every remote context fetch refused); and GraphML."""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from kg.api import Graph
from kg.cli import main
from tests.helpers import post_query

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = {
    "kg.ttl": (RdfFormat.TURTLE, "turtle"),
    "kg.nt": (RdfFormat.N_TRIPLES, "nt"),
    "kg.trig": (RdfFormat.TRIG, "trig"),
    "kg.jsonld": (RdfFormat.JSON_LD, "json-ld"),
}


def node_parse(*files: Path) -> dict[str, dict[str, int | str]]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "n3").is_dir():
        pytest.fail("Node and the npm packages are needed: run `npm ci` in the repository (CI does)")
    out = subprocess.run(
        [node, str(ROOT / "tests/parse_exports.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, dict[str, int | str]] = json.loads(out.stdout)
    return result


def pyoxigraph_count(path: Path, fmt: RdfFormat) -> tuple[int, int]:
    quads = list(pyoxigraph.parse(path=str(path), format=fmt))
    return len(quads), len({q.graph_name for q in quads})


@pytest.mark.parametrize("name", EXPORTS)
def test_python_parsers_agree(founding: tuple[Graph, Path], name: str) -> None:
    path = founding[1] / name
    ox, rd = EXPORTS[name]
    n, _ = pyoxigraph_count(path, ox)
    text = path.read_text(encoding="utf-8")  # from a path, rdflib's JSON-LD parser leaks the open file
    with warnings.catch_warnings():  # rdflib 7's TriG and JSON-LD parsers call its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        if name == "kg.trig":
            ds = rdflib.Dataset()
            ds.parse(data=text, format=rd)
            assert sum(len(g) for g in ds.graphs()) == n
        else:
            assert len(rdflib.Graph().parse(data=text, format=rd)) == n
    assert n > 300


def test_javascript_parsers_agree(founding: tuple[Graph, Path]) -> None:
    files = [founding[1] / name for name in EXPORTS]
    got = node_parse(*files)
    for path in files:
        n, graphs = pyoxigraph_count(path, EXPORTS[path.name][0])
        assert got[str(path)] == {"quads": n, "graphs": graphs}, path.name


def test_endpoint_answers_parse_in_javascript(endpoint: str, tmp_path: Path) -> None:
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a kgo:Official ; ?p ?o }"
    files = []
    for accept, suffix in (
        ("text/turtle", ".ttl"),
        ("application/n-triples", ".nt"),
        ("application/ld+json", ".jsonld"),
    ):
        r = post_query(endpoint, q, accept)
        assert r.status == 200
        files.append(tmp_path / f"answer{suffix}")
        files[-1].write_bytes(r.body)
    counts = {f.suffix: node_parse(f)[str(f)] for f in files}
    assert counts[".ttl"] == counts[".nt"] == counts[".jsonld"]
    assert int(counts[".ttl"]["quads"]) > 10


def test_jsonld_remote_context_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "remote.jsonld"
    doc.write_text(json.dumps({"@context": "https://schema.org/", "@id": "http://ex/a", "name": "A"}))
    got = node_parse(doc)[str(doc)]
    assert got["refused"] == ["https://schema.org/"] and "error" in got


def test_graphml_export_opens_as_gephi_expects(founding: tuple[Graph, Path], tmp_path: Path) -> None:
    out = tmp_path / "kg.graphml"
    result = CliRunner().invoke(main, ["export", "--format", "graphml", "--build", str(founding[1]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert root.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = root.findall("g:key", ns)
    assert {k.get("attr.type") for k in keys} == {"string"}
    assert len({k.get("id") for k in keys}) == len(keys)
    assert {("node", "label"), ("edge", "label"), ("node", "class")} <= {
        (k.get("for"), k.get("attr.name")) for k in keys
    }
    g = nx.read_graphml(out)
    assert g.is_directed() and g.number_of_nodes() > 50 and g.number_of_edges() > 50
    assert all("label" in d for _, d in g.nodes(data=True))
    assert all("label" in d and "predicate" in d for _, _, d in g.edges(data=True))
    sessions = g.nodes["https://w3id.org/kg-accountability/id/jeff-sessions"]
    assert sessions["label"] == "Jeff Sessions" and "kgo:Official" in sessions["class"]
    assert str(nx.number_of_edges(g)) in result.output
