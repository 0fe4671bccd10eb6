"""kg.view without a browser: one offline, deterministic page whose document text stays text."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kg.build import Graph
from kg.rdf import entity_iri
from kg.view import (
    LARGE,
    NEUTRAL_STYLE,
    OVERVIEW,
    ViewDate,
    ViewEdge,
    ViewEvidence,
    ViewFact,
    ViewNode,
    render_graph_html,
)
from kg.viewdata import property_labels, view_records

SCRIPT_BREAK = "</script><script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ARTICLE = ViewEvidence(
    "article", "IG report", "Attorney General Jeff Sessions", 812, 843, "On April 6, 2018, ", " directed prosecutors."
)
EVIL = ViewEvidence("evil", f"Title {IMG}", SCRIPT_BREAK, 5, 38, "line\u2028separator & <b>bold</b> ", IMG, IMG, True)
NODES = [
    ViewNode(
        "https://kg.example/id/sessions", "Jeff Sessions", "Official", ("Sessions",), ("article",), (), (ARTICLE,)
    ),
    ViewNode("https://kg.example/id/ag", "Attorney General", "Position"),
    ViewNode(
        "https://kg.example/id/doj",
        "U.S. Department of Justice",
        "Agency",
        facts=(ViewFact("sub-organization of", "the executive branch", (ARTICLE,)),),
    ),
    ViewNode(
        "https://kg.example/id/evil-1",
        SCRIPT_BREAK,
        "Claim",
        (IMG,),
        ("evil",),
        (ViewFact("text", IMG, (EVIL,), True),),
        (EVIL,),
        (SCRIPT_BREAK,),
    ),
    ViewNode("https://kg.example/id/evil-2", IMG, "Widget"),  # unknown kind
    ViewNode("https://kg.example/id/announce", "Announcement", "PolicyAnnouncement", date=ViewDate("2018-04-06")),
    ViewNode("https://kg.example/id/protest", "Protest", "Protest"),  # an event without a date
    ViewNode("https://kg.example/id/eo", "Signing", "ExecutiveOrderSigning", date=ViewDate("2018-06", conflict=True)),
]
EDGES = [
    ViewEdge("https://kg.example/id/sessions", "https://kg.example/id/ag", "holds", (ARTICLE,)),
    ViewEdge("https://kg.example/id/ag", "https://kg.example/id/doj", "post in"),
    ViewEdge("https://kg.example/id/evil-1", "https://kg.example/id/evil-2", SCRIPT_BREAK, (EVIL,), True),
    ViewEdge("https://kg.example/id/sessions", "https://kg.example/id/doj", "failed to coordinate with"),
    ViewEdge("https://kg.example/id/sessions", "https://kg.example/id/doj", "leads"),  # a parallel edge
    ViewEdge("https://kg.example/id/announce", "https://kg.example/id/sessions", "has actor"),
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
    allowed = "html head meta title style body header h1 div input ul span label select option button main aside nav ol"
    allowed += " script"
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
    assert len(executable) == 3 and all(attrs.keys() <= {"type", "id"} for attrs, _ in parsed.scripts)
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
    assert page.count("</script>") == 4  # the data block, vis-network, the app, the review
    assert "Zero tolerance &lt;test&gt; &amp; co" in page
    block = page[page.index('id="kg-data">') : page.index("</script>")]
    assert "<" not in block.partition(">")[2] and "&" not in block
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in block
    assert "innerHTML" not in page.split('id="kg-data"')[1].split("</script>", 2)[2]  # the app and review scripts
    assert "<b>bold</b>" not in page


def test_json_block_round_trips_the_records(page: str) -> None:
    data = _data(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {v: (n["full"], n["kind"], tuple(n["aliases"])) for v, n in nodes.items()} == {
        n.id: (n.label, n.kind, n.aliases) for n in NODES
    }
    sources = [s for s, _ in data["sources"]]
    assert data["sources"] == [["article", "IG report"], ["evil", f"Title {IMG}"]]
    evil = nodes["https://kg.example/id/evil-1"]
    ev = [
        sources.index("evil"),
        5,
        38,
        SCRIPT_BREAK,
        "line\u2028separator & <b>bold</b> ",
        IMG,
        IMG,
        1,
        -1,  # not offered for review
        0,  # not paginated
    ]
    assert evil["facts"] == [["text", IMG, 1, [ev]]] and evil["mentions"] == [ev] and evil["by"] == [SCRIPT_BREAK]
    assert evil["src"] == [sources.index("evil")]
    assert nodes["https://kg.example/id/evil-2"]["shape"] == NEUTRAL_STYLE[1]
    assert data["options"]["groups"]["Widget"]["shape"] == NEUTRAL_STYLE[1]
    assert nodes["https://kg.example/id/announce"]["group"] == "Event"
    edges = {(e["from"], e["to"], e["full"]): (e["ev"], e["conflict"]) for e in data["edges"]}
    assert edges[("https://kg.example/id/evil-1", "https://kg.example/id/evil-2", SCRIPT_BREAK)] == ([ev], 1)
    assert len(edges) == len(EDGES)
    assert [n["id"] for n in data["nodes"]] == sorted(nodes)
    assert isinstance(data["options"], dict) and data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(NODES) and all(isinstance(c, int) for xy in positions for c in xy)
    assert data["overview"] == []  # a small graph is drawn whole


def test_timeline_in_date_order_with_precision_and_undated_last(page: str) -> None:
    timeline = _data(page)["timeline"]
    assert [t[:3] for t in timeline] == [
        ["https://kg.example/id/announce", "2018-04-06", "day"],
        ["https://kg.example/id/eo", "2018-06", "month"],
        ["https://kg.example/id/protest", "", ""],
    ]
    assert timeline[1][5] == 1


def test_large_graphs_open_on_an_overview() -> None:
    n = LARGE + 50
    nodes = [ViewNode(f"urn:n{i:04}", f"node {i}", "Official") for i in range(n)]
    edges = [ViewEdge(f"urn:n{i:04}", f"urn:n{i % 7:04}", "about") for i in range(7, n)]
    data = _data(render_graph_html(nodes, edges, "big"))
    assert len(data["overview"]) == OVERVIEW
    assert {f"urn:n{i:04}" for i in range(7)} <= set(data["overview"])  # the hubs first


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


def test_relation_names_come_from_the_ontology() -> None:
    labels = property_labels()
    assert labels["object"] == "event object" and labels["subOrganizationOf"] == "sub-organization of"
    assert labels["holds"] == "holds" and labels["claimant"] == "claimant"


def test_founding_records_carry_evidence_in_context(founding: tuple[Graph, Path]) -> None:
    graph = founding[0]
    nodes, edges = view_records(graph)
    texts = {d.id: d.text for d in graph.documents}
    by_label = {n.label: n for n in nodes}
    sessions = by_label["Jeff Sessions"]
    assert "Jefferson B. Sessions" in sessions.aliases and "ig-report-zero-tolerance-article" in sessions.sources
    assert sessions.kind == "Official" and sessions.mentions
    for ev in [ev for e in edges for ev in e.evidence] + [ev for n in nodes for ev in n.mentions]:
        assert texts[ev.source][ev.start : ev.end] == ev.quote
        assert " ".join((ev.before + ev.quote + ev.after).split()).find(" ".join(ev.quote.split())) >= 0
        assert ev.title and ev.title != ev.source
    announce = next(n for n in nodes if n.kind == "PolicyAnnouncement")
    # The article dates the announcement April 6 and also speaks of "the May announcement": a conflict.
    assert announce.date == ViewDate("2018-04-06", alternatives=("2018-04", "2018-05"), conflict=True)
    policy = entity_iri("zero-tolerance-policy").value
    to_policy = next(e for e in edges if e.source == announce.id and e.target == policy)
    assert to_policy.label == "event object"
    assert any("zero-tolerance policy" in ev.quote and "April 6, 2018" in ev.before for ev in to_policy.evidence)
    release = next(n for n in nodes if n.kind == "ReportRelease")
    assert release.date is not None and release.date.conflict and release.date.value == "2020-12-09"
    claims = [n for n in nodes if n.kind == "Claim" and n.stated_by]
    assert claims and all(isinstance(s, str) and s for n in claims for s in n.stated_by)
    assert any(ev.stated_by for e in edges for ev in e.evidence)


def test_notebook_view_is_the_same_page_in_a_sandboxed_iframe(founding: tuple[Graph, Path]) -> None:
    import kg

    graph, out = founding
    from_build = kg.show(out)
    assert from_build.page == (out / "graph.html").read_text(encoding="utf-8")
    assert kg.show(graph).page == from_build.page  # the same ontology labels, the same bytes
    frame = from_build._repr_html_()
    assert frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;') and 'sandbox="allow-scripts"' in frame
    assert frame.count("<") == 2 and "</script>" not in frame  # the page is one escaped attribute
    assert html.unescape(frame.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]) == from_build.page
