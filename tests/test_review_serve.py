"""kg serve --review over real HTTP on loopback: who may send a verdict, and none is lost."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.api import Graph, ServeConfig, serve
from kg.errors import QueryError
from kg.review import load_verdicts
from kg.serve import KgHTTPServer
from tests.helpers import Response, call

FACT = {
    "source": "oig-message-2021-01",
    "start": 560,
    "end": 585,
    "quote": "Attorney General Sessions",
    "subject": "jeff-sessions",
    "predicate": "holds",
    "object": "attorney-general",
}


@pytest.fixture()
def reviewing(founding: tuple[Graph, Path], tmp_path: Path) -> Iterator[tuple[KgHTTPServer, str, Path]]:
    """A review server over the founding build, writing to a fresh verdicts file; and its page's token."""
    verdicts = tmp_path / "data/reviews.jsonl"
    with serve(ServeConfig(build_dir=founding[1], port=0, review=verdicts, reviewer="ana")) as server:
        page = call(server.url + "graph.html").text
        meta = re.search(r'<meta name="kg-review" content="([^"]*)">', page)
        assert meta is not None
        yield server, json.loads(html.unescape(meta.group(1)))["token"], verdicts


def post(server: KgHTTPServer, doc: object, headers: dict[str, str]) -> Response:
    body = json.dumps(doc).encode()
    return call(server.url, "POST", "/review", body, {"Content-Type": "application/json", **headers})


def test_the_served_page_carries_a_token_and_may_call_its_server(reviewing: tuple[KgHTTPServer, str, Path]) -> None:
    server, token, _ = reviewing
    r = call(server.url + "graph.html")
    assert len(token) >= 32 and "connect-src 'self'" in r.headers["content-security-policy"]
    assert "default-src 'none'; connect-src 'self';" in r.text  # the page's own policy too
    assert r.text.count(token) == 1


REFUSED = [
    ("no token", {}, 403, "needs this session's token"),
    ("a wrong token", {"X-KG-Token": "guess"}, 403, "needs this session's token"),
    ("another site's page", {"Origin": "https://evil.example"}, 403, "https://evil.example are refused"),
    ("a same-host page on another port", {"Origin": "http://127.0.0.1:1"}, 403, "are refused"),
    ("a cross-site fetch", {"Sec-Fetch-Site": "cross-site"}, 403, "another site are refused"),
]


@pytest.mark.parametrize(("who", "headers", "status", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_verdict_without_the_token_or_from_elsewhere_is_refused(
    reviewing: tuple[KgHTTPServer, str, Path], who: str, headers: dict[str, str], status: int, message: str
) -> None:
    server, token, verdicts = reviewing
    with_token = {"X-KG-Token": token} if "X-KG-Token" not in headers and who != "no token" else {}
    r = post(server, {"fact": FACT, "verdict": "confirmed"}, {**with_token, **headers})
    assert r.status == status and message in r.text
    listed = call(server.url, path="/review/verdicts", headers=headers)
    assert listed.status == 403
    assert not verdicts.exists()


BAD = [
    ({"fact": FACT, "verdict": "maybe"}, "application/json", 400, "'verdict' must be one of"),
    ({"fact": FACT, "verdict": "confirmed", "by": "mallory"}, "application/json", 400, "the server sets them"),
    ({"fact": {"source": "x"}, "verdict": "confirmed"}, "application/json", 400, "'fact' lacks"),
    ({"fact": FACT, "verdict": "confirmed"}, "text/plain", 415, "application/json"),
]


@pytest.mark.parametrize(("doc", "ctype", "status", "message"), BAD, ids=[b[3] for b in BAD])
def test_a_malformed_verdict_is_refused_with_the_reason(
    reviewing: tuple[KgHTTPServer, str, Path], doc: object, ctype: str, status: int, message: str
) -> None:
    server, token, verdicts = reviewing
    body = json.dumps(doc).encode()
    r = call(server.url, "POST", "/review", body, {"Content-Type": ctype, "X-KG-Token": token})
    assert r.status == status and message in r.text
    assert not verdicts.exists()


def test_concurrent_verdicts_all_land(reviewing: tuple[KgHTTPServer, str, Path]) -> None:
    server, token, verdicts = reviewing
    origin = server.url.rstrip("/")
    docs = [{"fact": {**FACT, "start": i, "end": i + 25}, "verdict": "confirmed"} for i in range(24)]
    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda d: post(server, d, {"X-KG-Token": token, "Origin": origin}), docs))
    assert [r.status for r in answers] == [201] * len(docs)
    written = load_verdicts(verdicts)
    assert sorted(v.fact.start for v in written) == list(range(24))
    assert {v.by for v in written} == {"ana"}
    listed = call(server.url, path="/review/verdicts", headers={"X-KG-Token": token})
    assert listed.status == 200 and len(json.loads(listed.body)) == 24


def test_without_review_nothing_takes_verdicts(founding: tuple[Graph, Path], tmp_path: Path) -> None:
    with serve(ServeConfig(build_dir=founding[1], port=0)) as server:
        page = call(server.url + "graph.html")
        assert (
            '<meta name="kg-review" content=' not in page.text
            and "connect-src" not in page.headers["content-security-policy"]
        )
        r = call(server.url, "POST", "/review", b"{}", {"Content-Type": "application/json"})
        assert r.status == 405
        assert call(server.url, path="/review/verdicts").status == 404
    with pytest.raises(QueryError, match="--review cannot be used with --cors"):
        KgHTTPServer(ServeConfig(build_dir=founding[1], port=0, review=tmp_path / "r.jsonl", cors_origins=("*",)))
