"""kg serve: the SPARQL 1.1 Protocol endpoint, over real HTTP on loopback."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyoxigraph import QueryResultsFormat, RdfFormat

from kg.api import Graph, ServeConfig, query, serve
from kg.cli import main
from kg.errors import InUseError
from kg.lock import hold_lock
from kg.query import competency_queries
from tests.helpers import call, get_query, post_query

SELECT = "SELECT ?s ?label WHERE { ?s a kgo:Official ; rdfs:label ?label } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?label } WHERE { ?s a kgo:Official ; rdfs:label ?label }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

RESULT_FORMATS = [
    ("application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/csv", None),  # lossy: read with the csv module
    ("text/tab-separated-values", QueryResultsFormat.TSV),
]
GRAPH_FORMATS = [
    ("text/turtle", RdfFormat.TURTLE),
    ("application/n-triples", RdfFormat.N_TRIPLES),
    ("application/ld+json", RdfFormat.JSON_LD),
]


@pytest.mark.parametrize(("accept", "fmt"), RESULT_FORMATS)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_in_every_result_format(
    endpoint: str, founding: tuple[Graph, Path], accept: str, fmt: QueryResultsFormat | None, method: str
) -> None:
    r = get_query(endpoint, SELECT, accept) if method == "GET" else post_query(endpoint, SELECT, accept)
    assert r.status == 200 and r.media == accept
    assert "charset=utf-8" in r.headers["content-type"]
    if fmt is None:
        header, *rows = csv.reader(io.StringIO(r.text, newline=""))
        assert header == ["s", "label"] and r.text.endswith("\r\n")
        got = [(a, b) for a, b in rows]
    else:
        parsed = pyoxigraph.parse_query_results(r.body, format=fmt)
        assert isinstance(parsed, pyoxigraph.QuerySolutions)
        got = [(s["s"].value, s["label"].value) for s in parsed]  # type: ignore[union-attr]
    want = [(row["s"], row["label"]) for row in query(founding[1], SELECT).dicts()]
    assert got == want and len(got) > 3


@pytest.mark.parametrize(("accept", "fmt"), RESULT_FORMATS[:2])
def test_ask_as_json_and_xml(endpoint: str, accept: str, fmt: QueryResultsFormat) -> None:
    for q, want in (("ASK { ?s a kgo:Official }", True), ("ASK { ?s a kgo:NoSuchClass }", False)):
        r = post_query(endpoint, q, accept)
        assert r.status == 200 and r.media == accept
        assert bool(pyoxigraph.parse_query_results(r.body, format=fmt)) is want


@pytest.mark.parametrize(("accept", "fmt"), GRAPH_FORMATS)
def test_construct_and_describe_in_every_graph_format(endpoint: str, accept: str, fmt: RdfFormat) -> None:
    r = post_query(endpoint, CONSTRUCT, accept)
    assert r.status == 200 and r.media == accept
    triples = list(pyoxigraph.parse(r.body, format=fmt))
    labels = {t.object.value for t in triples}
    assert "Jeff Sessions" in labels
    d = post_query(endpoint, "DESCRIBE kgr:jeff-sessions", accept)
    assert d.status == 200 and len(list(pyoxigraph.parse(d.body, format=fmt))) > 3


def test_default_formats_and_negotiation(endpoint: str) -> None:
    assert get_query(endpoint, SELECT).media == "application/sparql-results+json"
    assert get_query(endpoint, CONSTRUCT).media == "text/turtle"
    assert get_query(endpoint, SELECT, "text/csv;q=0.4, application/sparql-results+xml;q=0.9").media == (
        "application/sparql-results+xml"
    )
    assert get_query(endpoint, SELECT, "text/html,application/xhtml+xml,*/*;q=0.8").status == 200
    assert get_query(endpoint, SELECT, "image/png").status == 406
    assert get_query(endpoint, "ASK {}", "text/csv").status == 406
    assert get_query(endpoint, SELECT, "text/turtle").status == 406


def test_dataset_from_the_protocol_and_from_the_query(endpoint: str) -> None:
    union = "ASK { kgr:jeff-sessions a kgo:Official }"
    assert b"true" in get_query(endpoint, union).body
    ontology = "https://w3id.org/kg-accountability/id/graph-ontology"
    assert b"false" in get_query(endpoint, union, **{"default-graph-uri": ontology}).body
    assert b"false" in get_query(endpoint, f"ASK FROM <{ontology}> {{ kgr:jeff-sessions a kgo:Official }}").body


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("SELECT * WHERE { ?s ?p ", 400, "Malformed query"),
        ("SELEKT * WHERE { ?s ?p ?o }", 400, "Malformed query"),
        ("SELECT * WHERE { ?s nope:p ?o }", 400, "Prefix not found"),  # pyoxigraph's message
        ("CLEAR ALL", 403, "read-only"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", 403, "LOAD"),
        ("INSERT DATA { <http://ex/s> <http://ex/p> 1 }", 403, "INSERT DATA"),
        ("DELETE WHERE { ?s ?p ?o }", 403, "DELETE WHERE"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 403, "SERVICE"),
        ("select * { { select * { service silent <http://127.0.0.1:9/> { ?s ?p ?o } } } }", 403, "SERVICE"),
    ],
)
def test_malformed_and_refused_queries(endpoint: str, query: str, status: int, message: str) -> None:
    for r in (get_query(endpoint, query), post_query(endpoint, query)):
        assert r.status == status and r.media == "text/plain"
        assert message in r.text


def test_service_is_refused_before_any_connection(endpoint: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        r = post_query(endpoint, f"ASK {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
        assert r.status == 403
        with pytest.raises(TimeoutError):
            listener.accept()
    assert "SERVICE" in post_query(endpoint, 'SELECT ("SERVICE <http://x/>" AS ?x) {}').text  # a string is data


@pytest.mark.parametrize(
    ("method", "body", "headers", "status"),
    [
        ("PUT", b"ASK {}", {"Content-Type": "application/sparql-query"}, 405),
        ("DELETE", None, {}, 405),
        ("POST", b"ASK {}", {"Content-Type": "text/plain"}, 415),
        ("POST", b"ASK {}", {}, 415),
        ("POST", "ASK {}".encode("utf-16"), {"Content-Type": "application/sparql-query; charset=UTF-16"}, 415),
        ("POST", b"ASK { \xff }", {"Content-Type": "application/sparql-query"}, 400),
        ("POST", b"update=CLEAR+ALL", {"Content-Type": "application/x-www-form-urlencoded"}, 403),
        ("POST", b"CLEAR ALL", {"Content-Type": "application/sparql-update"}, 403),
        ("POST", b"query=ASK+%7B%7D&query=ASK+%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ],
)
def test_protocol_errors(endpoint: str, method: str, body: bytes | None, headers: dict[str, str], status: int) -> None:
    r = call(endpoint, method, body=body, headers=headers)
    assert r.status == status, r.text
    assert r.text.strip()


def test_form_post_and_pages(endpoint: str) -> None:
    r = call(endpoint, "POST", body=b"query=ASK+%7B%7D", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 200 and b"true" in r.body
    base = endpoint.removesuffix("sparql")
    page = call(base)
    assert page.status == 200 and page.media == "text/html"
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert b"/graph.html" in page.body
    names = [q["name"] for q in __import__("json").loads(call(base + "queries.json").body)]
    assert names == [q.name for q in competency_queries()]
    assert call(base + "graph.html").status == 200
    assert call(base + "nothing-here").status == 404
    assert call(endpoint).status == 303  # no query: to the query page


def test_foreign_host_is_refused_and_cors_is_off(endpoint: str) -> None:
    port = endpoint.split(":")[2].split("/")[0]
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", ""):
        r = call(endpoint + "?query=ASK%7B%7D", headers={"Host": host})
        assert r.status == 403 and "Host" in r.text
    assert call(endpoint + "?query=ASK%7B%7D", headers={"Host": f"localhost:{port}"}).status == 200
    r = call(endpoint + "?query=ASK%7B%7D", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert call(endpoint, "OPTIONS", headers={"Origin": "https://evil.example"}).status == 405


def test_cors_when_asked_for(founding: tuple[Graph, Path]) -> None:
    config = ServeConfig(build_dir=founding[1], port=0, workers=1, cors_origins=("https://app.example",))
    with serve(config) as server:
        ok = call(server.url + "sparql?query=ASK%7B%7D", headers={"Origin": "https://app.example"})
        assert ok.headers["access-control-allow-origin"] == "https://app.example"
        other = call(server.url + "sparql?query=ASK%7B%7D", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = call(server.url + "sparql", "OPTIONS", headers={"Origin": "https://app.example"})
        assert pre.status == 204 and "POST" in pre.headers["access-control-allow-methods"]


def test_row_limit_cuts_and_says_so(founding: tuple[Graph, Path]) -> None:
    with serve(ServeConfig(build_dir=founding[1], port=0, workers=1, max_rows=5)) as server:
        r = post_query(server.url + "sparql", "SELECT * WHERE { ?s ?p ?o }", "text/csv")
        assert r.status == 200 and r.headers["x-sparql-maxrows"] == "5"
        assert len(r.text.strip().splitlines()) == 1 + 5
        g = post_query(server.url + "sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
        assert g.headers["x-sparql-maxrows"] == "5" and len(g.text.strip().splitlines()) == 5
        small = post_query(server.url + "sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "text/csv")
        assert "x-sparql-maxrows" not in small.headers


def test_runaway_query_is_stopped_and_others_are_served(founding: tuple[Graph, Path]) -> None:
    with serve(ServeConfig(build_dir=founding[1], port=0, workers=2, timeout=1.5)) as server:
        url = server.url + "sparql"
        with ThreadPoolExecutor(2) as pool:
            started = time.monotonic()
            runaway = pool.submit(post_query, url, RUNAWAY)
            time.sleep(0.2)
            quick = [post_query(url, SELECT) for _ in range(5)]
            assert all(r.status == 200 for r in quick)
            assert time.monotonic() - started < 1.4  # answered while the runaway was still running
            r = runaway.result()
            elapsed = time.monotonic() - started
        assert r.status == 503 and "time limit" in r.text
        assert 1.4 < elapsed < 6
        assert post_query(url, SELECT).status == 200  # a fresh worker took the stopped one's place


def test_build_while_serving_switches_to_the_new_build(project: Path) -> None:
    runner = CliRunner()
    out = project / "build"
    assert runner.invoke(main, ["build", str(project), "--out", str(out)]).exit_code == 0
    count = "SELECT (COUNT(DISTINCT ?src) AS ?n) WHERE { ?src a kgo:SourceDocument }"
    with serve(ServeConfig(build_dir=out, port=0, workers=2)) as server:
        url = server.url + "sparql"
        before = post_query(url, count, "text/csv").text.splitlines()[1]
        for f in (project / "data/sources").glob("oig-message-2021-01*"):
            f.unlink()
        stop = threading.Event()
        statuses: list[int] = []

        def hammer() -> None:
            while not stop.is_set():
                statuses.append(post_query(url, SELECT).status)

        t = threading.Thread(target=hammer)
        t.start()
        result = runner.invoke(main, ["build", str(project), "--out", str(out)])
        stop.set()
        t.join()
        assert result.exit_code == 0, result.output
        assert f"kg serve` at {server.url}" in result.output
        after = post_query(url, count, "text/csv").text.splitlines()[1]
        assert int(after) == int(before) - 1
        assert statuses and set(statuses) == {200}
    assert query(out, count).values("n") == [after]  # the store is whole


# (signal, to the whole process group as a terminal's Ctrl-C sends it, or to the server alone)
STOPS = [(signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGTERM, False)]


@pytest.mark.parametrize(("stop", "group"), STOPS, ids=["ctrl-c", "ctrl-c-in-a-terminal", "kill"])
def test_kg_serve_starts_fast_and_stops_cleanly(
    founding: tuple[Graph, Path], stop: signal.Signals, group: bool
) -> None:
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--build", str(founding[1]), "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=group,  # its own process group, which the signal is sent to
        # as a terminal starts it: a shell running the tests in the background ignores SIGINT, which
        # the child would inherit, and Python only turns SIGINT into KeyboardInterrupt if it is not ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stdout
        line = proc.stdout.readline()
        match = re.search(r"SPARQL endpoint (\S+)", line)
        assert match, line
        r = post_query(match.group(1), SELECT)
        ready = time.monotonic() - started
        assert r.status == 200
        assert ready < 4, f"first answer after {ready:.2f} s"
        print(f"kg serve: first answer {ready:.2f} s after start")
        workers = [p for p in _children(proc.pid)]
        assert len(workers) == 2
        if group:
            os.killpg(proc.pid, stop)
        else:
            proc.send_signal(stop)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0, err
        assert out.splitlines()[-1] == "kg serve: stopped" and out.count("stopped") == 1
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
        assert not (founding[1].parent / f"{founding[1].name}.kg-serve.json").exists()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()  # and close its pipes


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def test_no_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--build", str(tmp_path), "--port", "0"])
    assert result.exit_code != 0 and "run `kg build` first" in result.output


def test_serve_while_a_build_writes_is_refused_clearly(founding: tuple[Graph, Path]) -> None:
    """A build holds the folder's lock while it writes: a server starting then says so and exits."""
    with hold_lock(founding[1], "kg build"):
        with (
            pytest.raises(InUseError, match=r"is in use by kg build \(pid \d+\)"),
            serve(ServeConfig(build_dir=founding[1], port=0)),
        ):
            pass
        result = CliRunner().invoke(main, ["serve", "--build", str(founding[1]), "--port", "0"])
        assert result.exit_code != 0 and "in use by kg build" in result.output
    with serve(ServeConfig(build_dir=founding[1], port=0)) as server:  # the lock released: it serves
        assert call(server.url + "sparql?query=ASK%7B%7D").status == 200
