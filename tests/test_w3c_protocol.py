"""The W3C SPARQL 1.1 Protocol tests that apply to a read-only endpoint, read from the manifest.

Every ``query_*`` and ``bad_*`` test runs as written (its requests, headers and bodies, against our
``/sparql/``); every ``update_*`` test must be refused. The manifest and its data are vendored
in ``tests/w3c/sparql11-protocol/``, with their licence (see ``tests/w3c/README.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph
import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, Store
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.api import ServeConfig, serve
from tests.helpers import Response, call

SUITE = Path(__file__).resolve().parent / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
    "text/csv": None,
}
RDF_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/n-triples": RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]  # "2xx", "4xx"...
    fmt: str | None
    boolean: bool | None


@dataclass(frozen=True)
class Case:
    name: str
    requests: list[Request]


def _manifest() -> tuple[Graph, URIRef]:
    if not (SUITE / "manifest.ttl").is_file():
        pytest.fail(f"{SUITE}/manifest.ttl is missing: the W3C test data must sit beside the repository")
    g = Graph()
    g.parse(SUITE / "manifest.ttl", format="turtle", publicID=(SUITE / "manifest.ttl").as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    assert isinstance(manifest, URIRef)
    return g, manifest


def _cases() -> list[Case]:
    g, manifest = _manifest()
    cases = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(entry, MF.action)
        requests = []
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            for h in Collection(g, g.value(req, HT.headers)) if g.value(req, HT.headers) else []:
                headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
            resp = g.value(req, HT.resp)
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            requests.append(
                Request(
                    method=str(g.value(req, HT.methodName)),
                    path=str(g.value(req, HT.absolutePath)),
                    headers=headers,
                    body=body,
                    statuses={str(s).removeprefix(HTS) for s in g.objects(resp, MF.expectedStatus)},
                    fmt=str(fmt) if fmt is not None else None,
                    boolean=bool(boolean.toPython()) if boolean is not None else None,
                )
            )
        cases.append(Case(str(entry).rsplit("#", 1)[1], requests))
    return cases


CASES = _cases()


def test_the_manifest_is_read_whole() -> None:
    names = [c.name for c in CASES]
    assert len(names) == 34
    assert sum(n.startswith("query_") for n in names) == 13
    assert sum(n.startswith("update_") for n in names) == 7
    assert sum(n.startswith("bad_") for n in names) == 14


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A build folder whose store holds the suite's graph data, under the graph names the tests use."""
    g, _ = _manifest()
    build = tmp_path_factory.mktemp("w3c") / "build"
    build.mkdir()
    store = Store(str(build / "store"))
    for data in set(g.objects(None, UT.graphData)):
        name = str(g.value(data, RDFS.label))
        store.bulk_load(path=str(SUITE / Path(urlsplit(str(g.value(data, UT.graph))).path).name),
                        format=RdfFormat.N_TRIPLES, to_graph=NamedNode(name))  # fmt: skip
    store.flush()
    del store
    with serve(ServeConfig(build_dir=build, port=0, workers=1)) as server:
        yield server.url


def _check(r: Response, req: Request) -> None:
    assert f"{str(r.status)[0]}xx" in req.statuses, (r.status, r.text)
    if req.fmt == "boolean":
        assert r.media in RESULT_TYPES
        fmt = RESULT_TYPES[r.media]
        assert fmt is not None
        value = pyoxigraph.parse_query_results(r.body, format=fmt)
        assert isinstance(value, pyoxigraph.QueryBoolean)
        assert req.boolean is None or bool(value) is req.boolean
    elif req.fmt == "tabular":
        assert r.media in RESULT_TYPES
        if r.media == "application/sparql-results+json":
            assert json.loads(r.body)["results"]["bindings"] == [
                {"value": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
            ]
    elif req.fmt == "RDF":
        assert r.media in RDF_TYPES
        list(pyoxigraph.parse(r.body, format=RDF_TYPES[r.media]))


@pytest.mark.parametrize("case", [c for c in CASES if not c.name.startswith("update_")], ids=lambda c: c.name)
def test_query_and_bad_requests(url: str, case: Case) -> None:
    for req in case.requests:
        r = call(url, req.method, path=req.path, body=req.body, headers=req.headers)
        _check(r, req)


@pytest.mark.parametrize("case", [c for c in CASES if c.name.startswith("update_")], ids=lambda c: c.name)
def test_updates_are_refused(url: str, case: Case) -> None:
    first = case.requests[0]
    r = call(url, first.method, path=first.path, body=first.body, headers=first.headers)
    assert r.status == 403 and "read-only" in r.text
    probe = "ASK { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<http://kasei.us/2009/09/sparql/data/data1.rdf>, "
    probe += "<http://kasei.us/2009/09/sparql/data/data2.rdf>, <http://kasei.us/2009/09/sparql/data/data3.rdf>)) }"
    after = call(
        url, "POST", path="/sparql/", body=probe.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert b"false" in after.body  # nothing was written
