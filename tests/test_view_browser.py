"""kg.view in headless Chromium: the page draws offline, requests nothing, and shows hostile text as text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from bench.view import big_graph
from kg.build import Graph
from kg.lens import LENS_MAX
from kg.rdf import entity_iri
from kg.view import LARGE, OVERVIEW, ViewDate, ViewEdge, ViewEvidence, ViewFact, ViewNode, render_graph_html
from kg.viewdata import view_html

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "</script><script>window.__pwned=2</script>"
LINK = '<a href="javascript:window.__pwned=3">click</a>'
QUOTES = 'O\'Brien "quoted" `${window.__pwned=4}` & co'
SVG = "<svg/onload=window.__pwned=5>"
E = "https://kg.example/id/"


def _ev(quote: str, before: str = "", after: str = "", by: str = "", conflict: bool = False) -> ViewEvidence:
    return ViewEvidence("src", f"Source {IMG}", quote, 10, 10 + len(quote), before, after, by, conflict)


NODES = [
    ViewNode(E + "sessions", "Jeff Sessions", "Official", ("Jefferson B. Sessions",), ("src",)),
    ViewNode(E + "ag", "Attorney General", "Position"),
    ViewNode(E + "doj", "U.S. Department of Justice", "Agency", ("DOJ",)),
    ViewNode(E + "zero-tolerance", "Zero-tolerance policy", "Policy"),
    ViewNode(
        E + "img",
        f"Memo {IMG}",
        "Claim",
        (f"alias {SVG}",),
        ("src",),
        (ViewFact("text", f"quote: {IMG}", (_ev(IMG, LINK, SCRIPT, QUOTES, True),), True),),
        (_ev(LINK),),
        (QUOTES,),
    ),
    ViewNode(E + "script", SCRIPT, "Finding", date=ViewDate("2018-06-20")),
    ViewNode(E + "link", LINK, "Report"),
    ViewNode(E + "quotes", QUOTES, "Statistic", facts=(ViewFact(QUOTES, QUOTES),)),
    ViewNode(E + "svg", SVG, "Protest", date=ViewDate("2018-04-06")),
    ViewNode(E + "unknown", "Something else", "Widget"),
]
EDGES = [
    ViewEdge(E + "sessions", E + "ag", "holds", (_ev("Attorney General Jeff Sessions"),)),
    ViewEdge(E + "ag", E + "doj", "post in"),
    ViewEdge(E + "sessions", E + "zero-tolerance", "issued", (_ev("Sessions announced the policy"),)),
    ViewEdge(E + "img", E + "zero-tolerance", f"about {SVG}", (_ev(f"evidence {IMG}", LINK, SVG, SCRIPT),)),
    ViewEdge(E + "script", E + "img", "finding of"),
    ViewEdge(E + "link", E + "script", "reviews"),
    ViewEdge(E + "quotes", E + "link", QUOTES),
    ViewEdge(E + "svg", E + "doj", "actor"),
    ViewEdge(E + "unknown", E + "sessions", "mentions"),
]


Opened = tuple[Page, dict[str, list[str]]]


def _open(browser: Browser, path: Path) -> Iterator[Opened]:
    """A fresh tab on ``path``; afterwards: it requested nothing but itself, logged no error, ran no payload."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen: dict[str, list[str]] = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.getElementById('graph').dataset.firstPaint !== undefined")
    yield page, seen
    assert seen["requests"] == [path.as_uri()], "the page must request nothing but itself"
    assert seen["errors"] == []
    assert page.evaluate("window.__pwned") is None
    page.close()


@pytest.fixture()
def opened(browser: Browser, tmp_path: Path) -> Iterator[Opened]:
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html(NODES, EDGES, f"Test view {IMG}"), encoding="utf-8")
    yield from _open(browser, path)


@pytest.fixture(scope="module")
def founding_page(founding: tuple[Graph, Path]) -> Path:
    return founding[1] / "graph.html"  # as kg build wrote it


@pytest.fixture()
def founding_view(browser: Browser, founding_page: Path) -> Iterator[Opened]:
    yield from _open(browser, founding_page)


def _dom_point(page: Page, canvas_xy: dict[str, float]) -> tuple[float, float]:
    """Viewport coordinates of a point given in network (canvas) coordinates."""
    dom: dict[str, float] = page.evaluate("(p) => kgNetwork.canvasToDOM(p)", canvas_xy)
    box = page.locator("#graph").bounding_box()
    assert box
    return box["x"] + dom["x"], box["y"] + dom["y"]


def _click_edge(page: Page, edge: dict[str, Any]) -> None:
    """Click the edge where it is not under a node or another edge: the first such point from its
    middle outwards, as a person would aim."""
    ends = page.evaluate(f"kgNetwork.getPositions(['{edge['from']}', '{edge['to']}'])")
    a, b = ends[edge["from"]], ends[edge["to"]]
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75):
        canvas = {"x": a["x"] + (b["x"] - a["x"]) * t, "y": a["y"] + (b["y"] - a["y"]) * t}
        dom = page.evaluate("(p) => kgNetwork.canvasToDOM(p)", canvas)
        if page.evaluate("(p) => kgNetwork.getNodeAt(p) === undefined && kgNetwork.getEdgeAt(p)", dom) == edge["id"]:
            page.mouse.click(*_dom_point(page, canvas))
            return
    raise AssertionError(f"no free point on edge {edge['id']}")


def test_draws_every_node_with_legend_and_no_injected_markup(opened: Opened) -> None:
    page, _ = opened
    assert page.locator("#graph").get_attribute("data-node-count") == str(len(NODES))
    assert page.evaluate("kgNetwork.body.nodeIndices.length") == len(NODES)
    assert page.evaluate("kgNetwork.body.edgeIndices.length") == len(EDGES)
    assert page.evaluate("document.querySelectorAll('img, svg, a, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 4  # the data, vis-network, the app, the review
    assert page.title() == f"Test view {IMG}"
    assert page.locator("h1").text_content() == f"Test view {IMG}"
    legend = page.locator("#legend").inner_text()
    assert "Official (1)" in legend and "Widget (1)" in legend and "Event (1)" in legend
    assert page.locator("#source option").all_text_contents() == ["All documents", f"Source {IMG}"]


def test_search_focuses_the_node_and_shows_hostile_details_as_text(opened: Opened) -> None:
    page, _ = opened
    page.fill("#search", "ONERROR")  # case-insensitive substring
    page.press("#search", "Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]
    panel = page.locator("#panel")
    text = panel.text_content() or ""
    assert f"Memo {IMG}" in text and f"quote: {IMG}" in text and LINK in text and E + "img" in text
    assert f"Also: alias {SVG}" in text and f"Stated by {QUOTES}" in text and f"stated by {QUOTES}" in text
    assert panel.locator("mark").first.text_content() == IMG  # the quote, highlighted within its sentence
    assert panel.locator("blockquote").first.text_content() == LINK + IMG + SCRIPT
    assert panel.locator(".conflict").count() == 2  # the fact and its evidence
    assert panel.locator("img, a, script, svg").count() == 0
    assert page.locator("#search-status").text_content() == "1 of 1"
    page.wait_for_timeout(600)  # the focus animation
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}img'])['{E}img']")
    x, y = _dom_point(page, centre)
    box = page.locator("#graph").bounding_box()
    assert box and abs(x - (box["x"] + box["width"] / 2)) < 5 and abs(y - (box["y"] + box["height"] / 2)) < 5
    page.fill("#search", "no such label")
    page.press("#search", "Enter")
    assert page.locator("#search-status").text_content() == "No match"


def test_clicking_an_edge_shows_its_evidence(opened: Opened) -> None:
    page, _ = opened
    edge: dict[str, Any] = page.evaluate("kgNetwork.body.data.edges.get().find((e) => e.full.startsWith('about'))")
    ends = page.evaluate(f"kgNetwork.getPositions(['{edge['from']}', '{edge['to']}'])")
    a, b = ends[edge["from"]], ends[edge["to"]]
    x, y = _dom_point(page, {"x": a["x"] + (b["x"] - a["x"]) * 0.4, "y": a["y"] + (b["y"] - a["y"]) * 0.4})
    page.mouse.click(x, y)
    assert page.evaluate("kgNetwork.getSelectedEdges()") == [edge["id"]]
    text = page.locator("#panel").text_content() or ""
    assert f"about {SVG}" in text and f"evidence {IMG}" in text and LINK in text and f"Memo {IMG}" in text
    assert f"Source {IMG} · characters 10–" in text and f"stated by {SCRIPT}" in text
    assert page.locator("#panel mark").text_content() == f"evidence {IMG}"
    assert page.locator("#panel").locator("img, a, svg").count() == 0
    page.locator("#panel").get_by_role("button", name=f"Memo {IMG}").click()  # from the relation to its source node
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]


def test_tooltip_is_plain_text(opened: Opened) -> None:
    page, _ = opened
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}script'])['{E}script']")
    page.mouse.move(*_dom_point(page, centre))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert SCRIPT in (tooltip.text_content() or "")
    tags = page.evaluate("[...document.querySelectorAll('div.vis-tooltip *')].map((e) => e.tagName)")
    assert tags == ["BR"]  # innerText turns the title's one newline into <br>; nothing else is markup


def test_screenshot(opened: Opened, tmp_path: Path) -> None:
    page, _ = opened
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}img'])['{E}img']")
    page.mouse.click(*_dom_point(page, centre))  # a click selects without zooming
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    shutil.copy(shot, "/tmp/kg-view-screenshot.png")


def test_filters_by_class_and_source_and_shows_a_neighbourhood(opened: Opened) -> None:
    page, _ = opened
    count = lambda: int(page.locator("#graph").get_attribute("data-node-count") or -1)  # noqa: E731
    page.locator("#legend label", has_text="Claim").locator("input").uncheck()
    assert count() == len(NODES) - 1
    assert page.evaluate(f"kgNetwork.body.nodeIndices.includes('{E}img')") is False
    page.locator("#legend label", has_text="Claim").locator("input").check()
    page.select_option("#source", label=f"Source {IMG}")
    assert count() == 2  # the nodes that source names
    page.select_option("#source", label="All documents")
    page.fill("#search", "doj")  # an alias
    page.press("#search", "Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "doj"]
    page.select_option("#scope", "hood1")
    assert count() == 3 and "Neighbourhood of U.S. Department of Justice" in (
        page.locator("#notice").text_content() or ""
    )
    page.select_option("#scope", "hood2")
    assert count() == 4  # and Jeff Sessions, who holds the post
    page.select_option("#scope", "all")
    assert count() == len(NODES) and page.locator("#notice").is_hidden()


def test_keyboard_search(opened: Opened) -> None:
    page, _ = opened
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("SESSIONS")
    assert page.locator("#matches li").all_text_contents() == ["Jeff Sessions"]
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert page.locator("#search").input_value() == ""
    page.keyboard.type("s")  # several: arrow down picks the second
    options = page.locator("#matches li").all_text_contents()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("#panel h2").text_content() == options[1].split(" alias ")[0].strip() or options[1]


def test_timeline_lists_events_in_date_order(opened: Opened) -> None:
    page, _ = opened
    page.click("#tab-timeline")
    times = page.locator("#timeline time").evaluate_all("(ts) => ts.map((t) => [t.dateTime, t.textContent])")
    assert times == [["2018-04-06", "6 Apr 2018"], ["2018-06-20", "20 Jun 2018"]]
    page.locator("#timeline").get_by_role("button", name=SVG).click()
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "svg"]
    assert page.locator("#panel h2").text_content() == SVG and page.locator("#timeline").is_hidden()


def test_founding_build_as_a_person_reads_it(founding_view: Opened, founding: tuple[Graph, Path]) -> None:
    page, _ = founding_view
    graph = founding[0]
    assert len(graph.kinds()) > LENS_MAX  # so it opens on its key entities, laid out on their own
    assert page.locator("#graph").get_attribute("data-scope") == "key"
    assert 10 < int(page.locator("#graph").get_attribute("data-node-count") or 0) <= LENS_MAX
    page.fill("#search", "Sessions")
    page.press("#search", "Enter")
    sessions = entity_iri("jeff-sessions").value
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [sessions]
    assert page.locator("#panel h2").text_content() == "Jeff Sessions"
    page.wait_for_timeout(400)  # the focus animation
    page.screenshot(path="/tmp/kg-view-founding-sessions.png")
    # from him to the announcement he makes, and on to the policy it announces
    page.locator("#panel").get_by_role("button", name="Announcement of the Zero tolerance policy → has actor").click()
    page.locator("#panel").get_by_role("button", name="Announcement of the Zero tolerance policy").click()
    page.wait_for_timeout(500)  # the focus animation
    policy = entity_iri("zero-tolerance-policy").value
    edge: dict[str, Any] = page.evaluate(
        f"kgNetwork.body.data.edges.get().find((e) => e.to === '{policy}' && e.full === 'event object')"
    )
    _click_edge(page, edge)
    assert page.evaluate("kgNetwork.getSelectedEdges()") == [edge["id"]]
    marks = page.locator("#panel mark").all_text_contents()
    assert 'directed federal prosecutors "to adopt immediately a zero-tolerance policy' in marks
    assert "Inspector General report on the Zero Tolerance Policy · characters" in (
        page.locator("#panel").text_content() or ""
    )
    page.screenshot(path="/tmp/kg-view-founding-edge.png")
    page.click("#tab-timeline")
    dates = page.locator("#timeline time").evaluate_all("(ts) => ts.map((t) => t.dateTime)")
    assert "2018-04-06" in dates and "2018-06-20" in dates
    assert dates.index("2018-04-06") < dates.index("2018-06-20")
    assert [d for d in dates if d] == sorted(d for d in dates if d)
    page.screenshot(path="/tmp/kg-view-founding-timeline.png")


def test_a_5000_node_graph_opens_on_its_overview(browser: Browser, full: tuple[Graph, Path], tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(view_html(big_graph(5000, full[0])), encoding="utf-8")
    assert LARGE < 5000
    opened = _open(browser, path)
    page, _ = next(opened)
    assert page.locator("#graph").get_attribute("data-scope") == "overview"
    assert page.locator("#graph").get_attribute("data-node-count") == str(OVERVIEW)
    assert "of 5,000 entities" in (page.locator("#notice").text_content() or "")
    page.screenshot(path="/tmp/kg-view-5000-overview.png")
    page.fill("#search", "Criticism by Joe Biden")  # copies of it are not in the overview
    page.locator("#search").press("ArrowDown")
    page.locator("#search").press("Enter")
    selected = page.evaluate("kgNetwork.getSelectedNodes()")
    assert len(selected) == 1 and page.locator("#graph").get_attribute("data-scope") == "hood1"
    drawn = int(page.locator("#graph").get_attribute("data-node-count") or 0)
    assert 1 < drawn <= 300
    page.screenshot(path="/tmp/kg-view-5000-neighbourhood.png")
    next(opened, None)


#: A label drawn smaller than this many pixels cannot be read without zooming in.
READABLE_PX = 10
# Each node drawn on screen: its id, its label's drawn height in pixels at the current zoom, its label,
# its sources; and how many nodes the view has (on screen or past its edge).
DRAWN = """(() => {
  const g = document.getElementById("graph").getBoundingClientRect(), net = kgNetwork;
  const on = net.body.nodeIndices.filter((id) => {
    const p = net.canvasToDOM(net.getPosition(id));
    return p.x >= 0 && p.y >= 0 && p.x <= g.width && p.y <= g.height;
  });
  const drawn = on.map((id) => [id, net.body.nodes[id].options.font.size * net.getScale(),
    net.body.nodes[id].options.label || "", net.body.data.nodes.get(id).src]);
  return [drawn, net.body.nodeIndices.length];
})()"""


def test_the_full_build_opens_readable_and_each_source_shows_its_subgraph(
    browser: Browser, full: tuple[Graph, Path]
) -> None:
    opened = _open(browser, full[1] / "graph.html")
    page, _ = next(opened)
    drawn, total = page.evaluate(DRAWN)
    assert len(drawn) > 10 and len(drawn) >= 0.9 * total  # nearly all of it on screen
    small = [(label, round(px, 1)) for _, px, label, _ in drawn if px < READABLE_PX or not label]
    assert not small, f"labels under {READABLE_PX} px at the opening zoom: {small}"
    page.screenshot(path="/tmp/kg-view-full-opening.png")
    sources = page.locator("#source option").count() - 1
    assert sources == len(full[0].documents)
    for i in range(sources):
        page.select_option("#source", str(i))
        drawn, total = page.evaluate(DRAWN)
        assert drawn and len(drawn) >= 0.8 * total, f"source {i}: {len(drawn)} of {total} nodes on screen"
        assert all(i in src for *_, src in drawn)  # only what this source speaks of
        small = [(label, round(px, 1)) for _, px, label, _ in drawn if px < READABLE_PX or not label]
        assert not small, f"source {i}: labels under {READABLE_PX} px: {small}"
    page.screenshot(path="/tmp/kg-view-full-one-source.png")
    next(opened, None)
