"""kg push into a real Oxigraph server (the `oxigraph` package's `oxigraph serve`), started here."""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyoxigraph import BlankNode, QueryResultsFormat

from kg.api import Graph, PushConfig, push
from kg.cli import main
from kg.errors import KgError
from kg.push import MANIFEST
from kg.query import open_store
from tests.conftest import free_port
from tests.helpers import call


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """An empty Oxigraph server on a free loopback port: its base URL."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read() if proc.stderr else ''!r}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def remote_graphs(url: str) -> Counter[str]:
    body = b"SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    r = call(url + "query", "POST", body=body, headers=headers)
    assert r.status == 200, r.text
    rows = pyoxigraph.parse_query_results(r.body, format=QueryResultsFormat.JSON)
    return Counter({s["g"].value: int(s["n"].value) for s in rows})  # type: ignore[union-attr,index]


def local_graphs(build: Path) -> Counter[str]:
    return Counter(q.graph_name.value for q in open_store(build))  # type: ignore[union-attr]


def remote_quads(url: str) -> set[str]:
    r = call(url + "store", headers={"Accept": "application/n-quads"})
    return {line for line in r.text.splitlines() if "_:" not in line}


def test_push_is_complete_and_idempotent(oxigraph: str, founding: tuple[Graph, Path], full: tuple[Graph, Path]) -> None:
    unrelated = b"INSERT DATA { GRAPH <http://example.org/theirs> { <http://example.org/a> <http://example.org/b> 1 } }"
    r = call(oxigraph + "update", "POST", body=unrelated, headers={"Content-Type": "application/sparql-update"})
    assert r.status == 204
    report = push(PushConfig(endpoint=oxigraph + "update", build_dir=founding[1]))
    local = local_graphs(founding[1])
    assert report.graphs == len(local) and report.quads == sum(local.values())
    remote = remote_graphs(oxigraph)
    manifest = remote.pop(str(MANIFEST))
    assert remote.pop("http://example.org/theirs") == 1
    assert remote == local and manifest == len(local)
    want = {
        f"{q} ." for q in open_store(founding[1]) if not any(isinstance(t, BlankNode) for t in (q.subject, q.object))
    }
    got = remote_quads(oxigraph)
    assert want <= got and len(got - want) == manifest + 1  # the manifest and the unrelated triple

    push(PushConfig(endpoint=oxigraph + "update", build_dir=founding[1]))  # again: nothing doubles
    assert remote_graphs(oxigraph) == Counter({**local, str(MANIFEST): manifest, "http://example.org/theirs": 1})

    push(PushConfig(endpoint=oxigraph + "update", build_dir=full[1]))  # a bigger build replaces it
    bigger = local_graphs(full[1])
    assert set(bigger) > set(local)
    push(PushConfig(endpoint=oxigraph + "update", build_dir=founding[1], batch_bytes=50_000))  # and back, in batches
    after = remote_graphs(oxigraph)
    assert after == Counter({**local, str(MANIFEST): manifest, "http://example.org/theirs": 1})


def test_push_command(oxigraph: str, founding: tuple[Graph, Path]) -> None:
    result = CliRunner().invoke(main, ["push", oxigraph + "update", "--build", str(founding[1])])
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and "graphs" in result.output


class _Capture(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []
    status: ClassVar[int] = 204

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append(dict(self.headers))
        self.send_response(self.status)
        body = b"no such user" if self.status >= 400 else b""
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def capture() -> Iterator[tuple[str, type[_Capture]]]:
    handler = type("Handler", (_Capture,), {"seen": [], "status": 204})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/update", handler
    server.shutdown()
    server.server_close()


def test_credentials_come_from_the_environment(
    capture: tuple[str, type[_Capture]], founding: tuple[Graph, Path]
) -> None:
    url, handler = capture
    runner = CliRunner()
    args = ["push", url, "--build", str(founding[1])]
    result = runner.invoke(main, [*args, "--user", "alice"], env={"KG_PUSH_PASSWORD": "s3cret"})
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    basic = "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert {h["Authorization"] for h in handler.seen} == {basic}
    assert {h["Content-Type"] for h in handler.seen} == {"application/sparql-update; charset=utf-8"}
    handler.seen.clear()
    result = runner.invoke(main, args, env={"KG_PUSH_TOKEN": "tok", "KG_PUSH_USER": "bob"})
    assert result.exit_code == 0 and {h["Authorization"] for h in handler.seen} == {"Bearer tok"}
    handler.seen.clear()
    result = runner.invoke(main, [*args, "--user", "carol"], env={"KG_PUSH_PASSWORD": None}, input="pw\n")
    assert result.exit_code == 0 and "pw" not in result.output.replace("Password", "")
    assert {h["Authorization"] for h in handler.seen} == {"Basic " + base64.b64encode(b"carol:pw").decode()}
    handler.status = 401
    result = runner.invoke(main, args)
    assert result.exit_code != 0 and "401" in result.output and "no such user" in result.output


def test_bad_endpoint_is_a_clear_error(founding: tuple[Graph, Path]) -> None:
    with pytest.raises(KgError, match="http"):
        push(PushConfig(endpoint="ftp://example.org/", build_dir=founding[1]))
    with pytest.raises(KgError, match=r"127\.0\.0\.1"):
        push(PushConfig(endpoint="http://127.0.0.1:9/update", build_dir=founding[1], timeout=5))
