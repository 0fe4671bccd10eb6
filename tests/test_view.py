"""kg.view without a browser: one offline, deterministic page whose document text stays text."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from kg.view import NEUTRAL_STYLE, ViewEdge, ViewNode, render_graph_html

SCRIPT_BREAK = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
NODES = [
    ViewNode(
        "https://kg.example/id/sessions",
        "Jeff Sessions",
        "Official",
        ("holds Attorney General — “Attorney General Jeff Sessions” (article, 812–836)",),
    ),
    ViewNode("https://kg.example/id/ag", "Attorney General", "Position"),
    ViewNode("https://kg.example/id/doj", "U.S. Department of Justice", "Agency", ("part of: the executive branch",)),
    ViewNode("https://kg.example/id/evil-1", SCRIPT_BREAK, "Claim", (IMG, "line\u2028separator & <b>bold</b>")),
    ViewNode("https://kg.example/id/evil-2", IMG, "Widget"),  # unknown kind
]
EDGES = [
    ViewEdge(
        "https://kg.example/id/sessions", "https://kg.example/id/ag", "holds", ("“Attorney General Jeff Sessions”",)
    ),
    ViewEdge("https://kg.example/id/ag", "https://kg.example/id/doj", "post in"),
    ViewEdge("https://kg.example/id/evil-1", "https://kg.example/id/evil-2", SCRIPT_BREAK, (IMG,)),
    ViewEdge("https://kg.example/id/sessions", "https://kg.example/id/doj", "failed to coordinate with"),
    ViewEdge("https://kg.example/id/sessions", "https://kg.example/id/doj", "leads"),  # a parallel edge
]


class _Page(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and self.scripts and not self.scripts[-1][1]:
            self.scripts[-1] = (self.scripts[-1][0], data)


@pytest.fixture(scope="module")
def page() -> str:
    return render_graph_html(NODES, EDGES, "Zero tolerance <test> & co")


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _data(page: str) -> Any:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert match
    return json.loads(match.group(1))


def test_page_is_html5_and_loads_nothing(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    for bad in ('src="http', "src='http", 'href="http', "href='http", "url(http", "url('http", 'url("http', "@import"):
        assert bad not in page
    tags = _parse(page).tags
    assert not [t for t, attrs in tags if "src" in attrs or "href" in attrs or "srcset" in attrs]
    assert not [(t, a) for t, attrs in tags for a in attrs if a.startswith("on")]  # no inline handlers
    allowed = "html head meta title style body header h1 span input main div aside script"
    assert {t for t, _ in tags} <= set(allowed.split())


def test_csp_allows_only_the_inline_scripts_by_hash(page: str) -> None:
    parsed = _parse(page)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    rules = {part.split()[0]: part.split()[1:] for part in csp.split(";")}
    assert rules["default-src"] == ["'none'"]
    assert rules["base-uri"] == ["'none'"]
    assert rules["style-src"] == ["'unsafe-inline'"]
    executable = [text for attrs, text in parsed.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2 and all(attrs.keys() <= {"type", "id"} for attrs, _ in parsed.scripts)
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in executable]
    assert rules["script-src"] == hashes  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    head = page[: page.index("<style>")]
    assert 'http-equiv="Content-Security-Policy"' in head  # before anything it governs


def test_same_input_same_bytes_whatever_the_order(page: str) -> None:
    shuffled_nodes, shuffled_edges = NODES[::-1], EDGES[::-1]
    again = render_graph_html(shuffled_nodes, shuffled_edges, "Zero tolerance <test> & co")
    assert again == page
    assert render_graph_html(NODES + NODES[:2], EDGES + EDGES[:1], "Zero tolerance <test> & co") == page


def test_document_text_never_appears_as_markup(page: str) -> None:
    assert SCRIPT_BREAK not in page and IMG not in page and "<b>bold</b>" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert page.count("</script>") == 3  # the data block, vis-network, the app
    assert "Zero tolerance &lt;test&gt; &amp; co" in page
    block = page[page.index('id="kg-data">') : page.index("</script>")]
    assert "<" not in block.partition(">")[2] and "&" not in block
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in block


def test_json_block_round_trips_the_records(page: str) -> None:
    data = _data(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {v: (n["full"], n["kind"], tuple(n["details"])) for v, n in nodes.items()} == {
        n.id: (n.label, n.kind, n.details) for n in NODES
    }
    assert nodes["https://kg.example/id/evil-1"]["details"] == [IMG, "line\u2028separator & <b>bold</b>"]
    assert nodes["https://kg.example/id/evil-2"]["shape"] == NEUTRAL_STYLE[1]
    edges = {(e["from"], e["to"], e["full"]): e["details"] for e in data["edges"]}
    assert edges == {(e.source, e.target, e.label): list(e.details) for e in EDGES}
    assert [n["id"] for n in data["nodes"]] == sorted(nodes)
    assert isinstance(data["options"], dict) and data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(NODES) and all(isinstance(c, int) for xy in positions for c in xy)


def test_parallel_edges_bend_apart(page: str) -> None:
    pair = ("https://kg.example/id/sessions", "https://kg.example/id/doj")
    doj = [e for e in _data(page)["edges"] if (e["from"], e["to"]) == pair]
    assert sorted(e["smooth"]["enabled"] for e in doj) == [False, True]


def test_labels_do_not_overlap_for_a_hundred_nodes() -> None:
    rng = random.Random(3)
    words = ["zero", "tolerance", "border", "family", "separation", "attorney", "general", "inspector", "justice"]
    nodes = [ViewNode(f"urn:n{i}", " ".join(rng.choices(words, k=rng.randint(1, 4))), "Official") for i in range(100)]
    edges = [ViewEdge(f"urn:n{i}", f"urn:n{rng.randrange(i)}", "about") for i in range(1, 100)]
    page = render_graph_html(nodes, edges, "t")
    assert render_graph_html(rng.sample(nodes, len(nodes)), rng.sample(edges, len(edges)), "t") == page
    data = _data(page)
    boxes = []
    for n in data["nodes"]:  # shape and first label line, a little smaller than the layout's estimate
        x, y, size, font = n["x"], n["y"], n["size"], n["font"]["size"]
        half = min(len(n["label"]) * 0.5, 9) * font / 2
        boxes.append((x - half, y - size, x + half, y + size + 1.2 * font))
    overlaps = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert not overlaps


def test_empty_and_invalid_views() -> None:
    assert render_graph_html([], [], "empty").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="share an id"):
        render_graph_html([ViewNode("urn:a", "A", "Official"), ViewNode("urn:a", "B", "Official")], [], "t")
    with pytest.raises(ValueError, match="not in the view"):
        render_graph_html([ViewNode("urn:a", "A", "Official")], [ViewEdge("urn:a", "urn:b", "x")], "t")
