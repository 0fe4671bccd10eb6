"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page over a build's store.

Routes (all on one loopback address):

``/sparql``
    The `SPARQL 1.1 Protocol <https://www.w3.org/TR/sparql11-protocol/>`_ query operation: GET with
    ``query=``, POST with a URL-encoded form or ``application/sparql-query``; ``default-graph-uri``
    and ``named-graph-uri`` choose the dataset. SELECT and ASK answer in SPARQL JSON, XML, CSV or TSV,
    CONSTRUCT and DESCRIBE in Turtle, N-Triples or JSON-LD, by the ``Accept`` header. Updates and
    ``SERVICE`` are refused (403), malformed queries get the parser's message (400), a query past its
    time limit is stopped (503), a result past the row limit is cut and says so in ``X-SPARQL-MaxRows``.
``/``
    The query page (``kg/static/``), with the competency queries from ``/queries.json``.
``/graph.html``
    The build's graph view.
``/review``, ``/review/verdicts`` (only with ``kg serve --review``)
    POST one verdict on a fact, written to the project's verdicts file; GET the verdicts given so
    far. Both need the session's token, which only the served graph view carries (see
    :mod:`kg.review_http`).

Requests whose ``Host`` header is not this server's own address are refused (DNS rebinding);
cross-origin reads are allowed only for the origins given in :attr:`ServeConfig.cors_origins`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import QueryError
from kg.lock import hold_lock
from kg.namespaces import PREFIXES
from kg.query import competency_queries
from kg.review_http import ReviewSession, review_page
from kg.sparql_check import Malformed, Refused, check_query, refuse_update
from kg.sparql_results import MEDIA_TYPES
from kg.workers import Answer, Job, QueryTimeout, WorkerPool

MAX_BODY = 1 << 20  # bytes of query a request may carry
SERVER_FILE = ".kg-serve.json"  # beside the build folder: which server serves it

#: Offers per query form, in order of preference: (media type, result format).
SOLUTION_TYPES = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
BOOLEAN_TYPES = [t for t in SOLUTION_TYPES if t[1] in {"json", "xml"}]
GRAPH_TYPES = [
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
]
OFFERS = {"SELECT": SOLUTION_TYPES, "ASK": BOOLEAN_TYPES, "CONSTRUCT": GRAPH_TYPES, "DESCRIBE": GRAPH_TYPES}

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
# graph.html carries its scripts and styles inline; it may fetch nothing.
VIEW_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
STATIC = {"/": "index.html", "/static/query.js": "query.js", "/static/query.css": "query.css"}
STATIC_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css"}


@dataclass(frozen=True)
class ServeConfig:
    """How to serve a build. ``port=0`` picks a free port."""

    build_dir: Path = Path("build")
    port: int = 7878
    timeout: float = 10.0  # seconds per query, waiting for a free worker included
    max_rows: int = 10_000  # rows (or triples) per answer; the rest is cut
    workers: int = 2  # query processes: as many queries run at once
    cors_origins: tuple[str, ...] = ()  # origins allowed to read answers from a browser; "*" for any
    allowed_hosts: tuple[str, ...] = ()  # Host names accepted besides 127.0.0.1 and localhost
    log: bool = False  # one line per request on stderr
    review: Path | None = None  # the verdicts file: the graph view takes verdicts and writes them here
    reviewer: str = ""  # who the verdicts given through this server are by
    prefixes: dict[str, str] = field(default_factory=lambda: dict(PREFIXES))

    @property
    def store_path(self) -> Path:
        return self.build_dir / "store"


def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> str | None:
    """The result format the ``Accept`` header prefers among ``offers``; ``None`` if none is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_TYPES)
    'xml'
    >>> negotiate(None, GRAPH_TYPES), negotiate("text/*", GRAPH_TYPES), negotiate("image/png", GRAPH_TYPES)
    ('turtle', 'turtle', None)
    """
    if not accept or not accept.strip():
        return offers[0][1]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q))
    best: tuple[float, int, str] | None = None
    for i, (media, fmt) in enumerate(offers):
        major = media.split("/")[0]
        matches = [
            (3 if r == media else 2 if r == f"{major}/*" else 1, q)
            for r, q in ranges
            if r in {media, f"{major}/*", "*/*"}
        ]
        if not matches:
            continue
        q = max(matches)[1]  # the most specific range decides
        if q > 0 and (best is None or q > best[0]):
            best = (q, i, fmt)
    return best[2] if best else None


class _Handler(BaseHTTPRequestHandler):
    server: KgHTTPServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

    def version_string(self) -> str:
        return "kg-serve"

    # -- plumbing ---------------------------------------------------------------------------------

    def log_message(self, format: str, *args: object) -> None:
        if self.server.config.log:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        origin = self.headers.get("Origin")
        allowed = self.server.config.cors_origins
        if origin and ("*" in allowed or origin in allowed):
            self.send_header("Access-Control-Allow-Origin", "*" if "*" in allowed else origin)
            self.send_header("Access-Control-Expose-Headers", "X-SPARQL-MaxRows")
            self.send_header("Vary", "Origin")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host in self.server.hosts:
            return True
        self.close_connection = True
        self._error(403, f"Host {host or '(none)'!r} is not this server; requests must name {self.server.hosts[0]}.")
        return False

    def _read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length is None:
            self.close_connection = True
            self._error(411, "A request body needs a Content-Length header.")
            return None
        try:
            n = int(length)
        except ValueError:
            n = -1
        if n < 0 or n > MAX_BODY:
            self.close_connection = True
            self._error(413, f"The request body must be at most {MAX_BODY} bytes.")
            return None
        return self.rfile.read(n)

    # -- methods ----------------------------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path in {"/sparql", "/sparql/"}:
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                self._error(403, refuse_update(params["update"][0]))
            elif "query" not in params:
                self._send(303, b"", "text/plain", {"Location": "/"})
            else:
                self._query(params)
        elif url.path in STATIC:
            name = STATIC[url.path]
            data = (resources.files("kg") / "static" / name).read_bytes()
            ctype = STATIC_TYPES[Path(name).suffix] + "; charset=utf-8"
            self._send(200, data, ctype, {"Content-Security-Policy": PAGE_CSP, "X-Frame-Options": "DENY"})
        elif url.path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        elif url.path == "/queries.json":
            doc = [{"name": q.name, "title": q.title, "query": q.text} for q in competency_queries()]
            self._send(200, json.dumps(doc, ensure_ascii=False).encode("utf-8"), "application/json")
        elif url.path == "/graph.html" and (self.server.config.build_dir / "graph.html").is_file():
            data = (self.server.config.build_dir / "graph.html").read_bytes()
            csp = VIEW_CSP
            if self.server.review is not None:  # the page may then talk to this server, and only to it
                data, csp = review_page(data, self.server.review), f"{VIEW_CSP}; connect-src 'self'"
            self._send(200, data, "text/html; charset=utf-8", {"Content-Security-Policy": csp})
        elif url.path == "/review/verdicts" and self.server.review is not None:
            self._send(*self.server.review.handle(self.command, self.headers, b"", self.server.origins))
        else:
            self._error(404, f"Nothing at {url.path}; the SPARQL endpoint is /sparql and the query page is /.")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path == "/review" and self.server.review is not None:
            body = self._read_body()
            if body is not None:
                self._send(*self.server.review.handle(self.command, self.headers, body, self.server.origins))
            return
        if url.path not in {"/sparql", "/sparql/"}:
            self.close_connection = True
            self._error(405, "Only /sparql takes POST.", {"Allow": "GET, HEAD"})
            return
        body = self._read_body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = self.headers.get("Content-Type") or ""
        media, *ctype_params = (p.strip() for p in ctype.split(";"))
        media = media.lower()
        charset = next(
            (p.split("=", 1)[1].strip('"').lower() for p in ctype_params if p.lower().startswith("charset=")), ""
        )
        if charset and charset not in {"utf-8", "utf8"}:
            self._error(415, f"Only UTF-8 is accepted, not {charset}.")
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            self._error(400, f"The request body is not UTF-8: {e}")
            return
        if media == "application/sparql-update":
            self._error(403, refuse_update(text))
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            if "update" in form:
                self._error(403, refuse_update(form["update"][0]))
                return
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            self._query(params)
        elif media == "application/sparql-query":
            params["query"] = [*params.get("query", []), text]
            self._query(params)
        else:
            self._error(
                415,
                f"Content-Type {media or '(none)'!r} is not a query: send application/sparql-query "
                "or an application/x-www-form-urlencoded form with query=.",
            )

    def do_OPTIONS(self) -> None:
        if not self._host_ok():
            return
        if not self.server.config.cors_origins:
            self._error(405, "Cross-origin requests are not enabled (kg serve --cors ORIGIN).", {"Allow": "GET, POST"})
            return
        self._send(
            204,
            b"",
            "text/plain",
            {
                "Access-Control-Allow-Methods": "GET, POST",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
                "Access-Control-Max-Age": "600",
            },
        )

    def _not_allowed(self) -> None:
        self.close_connection = True
        self._error(405, f"{self.command} is not allowed: the endpoint is read-only.", {"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    # -- the query operation ----------------------------------------------------------------------

    def _query(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(400, f"A request must carry exactly one query, not {len(queries)}.")
            return
        try:
            checked = check_query(queries[0])
        except Malformed as e:
            self._error(400, str(e))
            return
        except Refused as e:
            self._error(403, str(e))
            return
        fmt = negotiate(self.headers.get("Accept"), OFFERS[checked.kind])
        if fmt is None:
            types = ", ".join(dict.fromkeys(MEDIA_TYPES[f] for _, f in OFFERS[checked.kind]))
            self._error(406, f"A {checked.kind} result can be had as {types}.")
            return
        config = self.server.config
        default, named = params.get("default-graph-uri"), params.get("named-graph-uri")
        job = Job(
            query=queries[0],
            fmt=fmt,
            max_rows=config.max_rows,
            prefixes=config.prefixes,
            default_graphs=tuple(default) if default is not None else None,
            named_graphs=tuple(named) if named is not None else None,
            union_default=not checked.has_dataset,
            base_iri=self.server.url + "sparql",
        )
        try:
            answer = self.server.pool.run(job, config.timeout)
        except QueryTimeout:
            self._error(503, f"The query was stopped: it ran past the time limit of {config.timeout:g} s.")
            return
        self._answer(answer)

    def _answer(self, answer: Answer) -> None:
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["X-SPARQL-MaxRows"] = str(self.server.config.max_rows)
        self._send(answer.status, answer.body, answer.content_type, headers)


class KgHTTPServer(ThreadingHTTPServer):
    """The HTTP server; holds the configuration and the worker pool."""

    daemon_threads = True

    def __init__(self, config: ServeConfig) -> None:
        if not config.store_path.is_dir():
            raise QueryError(f"{config.build_dir}: no store found; run `kg build` first")
        if config.review is not None and config.cors_origins:
            raise QueryError("--review cannot be used with --cors: another site's page could read the session token")
        super().__init__(("127.0.0.1", config.port), _Handler)
        self.config = config
        port = self.server_address[1]
        names = ["127.0.0.1", "localhost", *config.allowed_hosts]
        self.hosts = [f"{n.lower()}:{port}" for n in names] + [n.lower() for n in config.allowed_hosts]
        self.origins = {f"http://{h}" for h in self.hosts if ":" in h}
        self.review = ReviewSession(config.review, config.reviewer) if config.review is not None else None
        self.pool = WorkerPool(config.store_path.resolve(), config.workers)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def _marker(build_dir: Path) -> Path:
    build_dir = build_dir.resolve()
    return build_dir.parent / f"{build_dir.name}{SERVER_FILE}"


def serving(build_dir: Path) -> str | None:
    """The URL of a live ``kg serve`` that serves ``build_dir``, if any (for ``kg build`` to mention)."""
    try:
        info = json.loads(_marker(build_dir).read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return str(info["url"])


@contextmanager
def serve(config: ServeConfig) -> Iterator[KgHTTPServer]:
    """Serve ``config.build_dir`` in a background thread until the ``with`` block ends.

    >>> import tempfile
    >>> with serve(ServeConfig(build_dir=Path(tempfile.mkdtemp()))) as server:  # doctest: +ELLIPSIS
    ...     pass
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: ...: no store found; run `kg build` first
    """
    # A build that is writing the folder holds its lock: opening the store then is refused, clearly.
    with hold_lock(config.build_dir, "kg serve (opening the store)"):
        server = KgHTTPServer(config)
    marker = _marker(config.build_dir)
    thread = threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True)
    thread.start()
    try:
        marker.write_text(json.dumps({"pid": os.getpid(), "url": server.url}), encoding="utf-8")
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        marker.unlink(missing_ok=True)
