"""Small HTTP helpers for the endpoint tests: exact requests, no client-side magic."""

from __future__ import annotations

import http.client
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def media(self) -> str:
        return self.headers.get("content-type", "").split(";")[0]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(
    url: str,
    method: str = "GET",
    path: str = "",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> Response:
    """One request to the server at ``url`` (any path of it); ``path`` replaces the URL's path and query."""
    parts = urlsplit(url)
    target = path or (parts.path + (f"?{parts.query}" if parts.query else ""))
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        r = conn.getresponse()
        return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()


def get_query(url: str, query: str, accept: str | None = None, **extra: str) -> Response:
    return call(f"{url}?{urlencode({'query': query, **extra})}", headers={"Accept": accept} if accept else {})


def post_query(url: str, query: str, accept: str | None = None) -> Response:
    headers = {"Content-Type": "application/sparql-query"}
    if accept:
        headers["Accept"] = accept
    return call(url, "POST", body=query.encode("utf-8"), headers=headers)
