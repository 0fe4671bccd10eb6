"""``kg serve --review``: the graph view takes verdicts and the server writes them to the project's file.

The server listens on loopback only and refuses a foreign ``Host`` (DNS rebinding, :mod:`kg.serve`).
On top of that, a verdict must come from the served page itself: each server run draws a random
token that only the graph view it serves carries (in a ``<meta>`` element), and a request needs it in
the ``X-KG-Token`` header — which another site's page can neither read nor, without a CORS
pre-flight this server never grants, send. A request whose ``Origin`` is not this server's is refused
as well. Verdicts are written with :func:`kg.review.add_verdicts` (a lock, then an atomic replace), so
concurrent requests never lose one.
"""

from __future__ import annotations

import getpass
import hmac
import html
import json
import secrets
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path

from kg.review import ReviewError, add_verdicts, load_verdicts, parse_verdict

TOKEN_HEADER = "X-KG-Token"
Response = tuple[int, bytes, str, dict[str, str]]


def _text(status: int, message: str) -> Response:
    return status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {}


def _json(status: int, doc: object) -> Response:
    return status, json.dumps(doc, ensure_ascii=False).encode("utf-8"), "application/json", {}


class ReviewSession:
    """One server run's review: where verdicts go, who gives them, and the token that admits them."""

    def __init__(self, path: Path, reviewer: str = "") -> None:
        self.path = path
        self.reviewer = reviewer or getpass.getuser()
        self.token = secrets.token_urlsafe(32)

    def handle(self, method: str, headers: Message, body: bytes, origins: set[str]) -> Response:
        """Answer ``GET /review/verdicts`` (every verdict so far) or ``POST /review`` (one verdict,
        a JSON object with ``fact``, ``verdict`` and ``reason`` or ``correction``; who and when are
        the server's to say)."""
        origin = headers.get("Origin")
        if origin is not None and origin not in origins:
            return _text(403, f"Verdicts from {origin} are refused: only this server's own pages may give them.")
        if headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
            return _text(403, "Verdicts from another site are refused.")
        given = (headers.get(TOKEN_HEADER) or "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self.token.encode()):
            return _text(
                403, f"A verdict needs this session's token ({TOKEN_HEADER}), which the served graph view has."
            )
        try:
            if method in {"GET", "HEAD"}:
                return _json(200, [v.as_json() for v in load_verdicts(self.path)])
            if (headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
                return _text(415, "A verdict is sent as application/json.")
            try:
                doc = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                return _text(400, f"The verdict is not JSON: {e}")
            if not isinstance(doc, dict) or {"by", "at"} & doc.keys():
                return _text(400, "A verdict is a JSON object without 'by' and 'at' (the server sets them).")
            doc |= {"by": self.reviewer, "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
            verdict = parse_verdict(doc, "the verdict sent")
            add_verdicts(self.path, [verdict])
        except ReviewError as e:
            return _text(400, str(e))
        return _json(201, verdict.as_json())


def review_page(page: bytes, session: ReviewSession) -> bytes:
    """The graph view as served for review: it carries the session's token and may call this server."""
    meta = {"token": session.token, "by": session.reviewer}
    tag = f'<meta name="kg-review" content="{html.escape(json.dumps(meta))}">'.encode()
    page = page.replace(b"<head>", b"<head>" + tag, 1)
    return page.replace(b"default-src 'none';", b"default-src 'none'; connect-src 'self';", 1)
