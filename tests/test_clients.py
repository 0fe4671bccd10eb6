"""Standard clients query the endpoint: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph as RdfGraph
from rdflib import Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from kg.api import Graph, competency_queries, query

KGR = "https://w3id.org/kg-accountability/id/"


@pytest.mark.parametrize("q", competency_queries(), ids=lambda q: q.name[:2])
def test_sparqlwrapper_runs_every_competency_query(endpoint: str, founding: tuple[Graph, Path], q: object) -> None:
    text = q.text  # type: ignore[attr-defined]
    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    doc = client.query().convert()
    assert isinstance(doc, dict)
    got = [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]
    want = [{k: v for k, v in row.items() if v != ""} for row in query(founding[1], text).dicts()]
    assert got == want and got


@pytest.mark.parametrize("fmt", [XML, CSV])
def test_sparqlwrapper_post_and_other_formats(endpoint: str, fmt: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("SELECT ?label WHERE { kgr:jeff-sessions rdfs:label ?label }")
    client.setReturnFormat(fmt)
    result = client.query()
    body = result.convert()
    text = body.toxml() if fmt == XML else body.decode()  # type: ignore[union-attr]
    assert "Jeff Sessions" in text


def test_sparqlwrapper_ask_and_construct(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery("ASK { kgr:jeff-sessions a kgo:Official }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    client.setQuery("CONSTRUCT WHERE { kgr:jeff-sessions ?p ?o }")
    client.setReturnFormat(TURTLE)
    g = RdfGraph().parse(data=client.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert (URIRef(KGR + "jeff-sessions"), None, Literal("Jeff Sessions")) in g


def test_rdflib_sparqlstore(endpoint: str, founding: tuple[Graph, Path]) -> None:
    store = SPARQLStore(query_endpoint=endpoint, method="POST_FORM")
    q = competency_queries()[1].text  # positions held
    rows = [tuple(str(v) if v is not None else "" for v in row) for row in store.query(q)]  # type: ignore[union-attr]
    want = [tuple(r.values()) for r in query(founding[1], q).dicts()]
    assert rows == want and rows
    assert store.query("ASK { ?s a kgo:Official }").askAnswer is True
    g = RdfGraph(store=store)
    assert (URIRef(KGR + "jeff-sessions"), None, None) in g
    store.close()
