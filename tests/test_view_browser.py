"""kg.view in headless Chromium: the page draws offline, requests nothing, and shows hostile text as text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from kg.view import ViewEdge, ViewNode, render_graph_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "</script><script>window.__pwned=2</script>"
LINK = '<a href="javascript:window.__pwned=3">click</a>'
QUOTES = 'O\'Brien "quoted" `${window.__pwned=4}` & co'
SVG = "<svg/onload=window.__pwned=5>"
E = "https://kg.example/id/"
NODES = [
    ViewNode(
        E + "sessions", "Jeff Sessions", "Official", ("holds Attorney General — “Attorney General Jeff Sessions”",)
    ),
    ViewNode(E + "ag", "Attorney General", "Position"),
    ViewNode(E + "doj", "U.S. Department of Justice", "Agency"),
    ViewNode(E + "zero-tolerance", "Zero-tolerance policy", "Policy", ("issued 2018-04-06",)),
    ViewNode(E + "img", f"Memo {IMG}", "Claim", (f"quote: {IMG}", LINK)),
    ViewNode(E + "script", SCRIPT, "Finding", (SCRIPT,)),
    ViewNode(E + "link", LINK, "Report"),
    ViewNode(E + "quotes", QUOTES, "Statistic", (QUOTES,)),
    ViewNode(E + "svg", SVG, "Event"),
    ViewNode(E + "unknown", "Something else", "Widget"),
]
EDGES = [
    ViewEdge(E + "sessions", E + "ag", "holds", ("“Attorney General Jeff Sessions” (article, 812–836)",)),
    ViewEdge(E + "ag", E + "doj", "post in"),
    ViewEdge(E + "sessions", E + "zero-tolerance", "issued", ("“Sessions announced the policy”",)),
    ViewEdge(E + "img", E + "zero-tolerance", f"about {SVG}", (f"evidence {IMG}", LINK)),
    ViewEdge(E + "script", E + "img", "finding of"),
    ViewEdge(E + "link", E + "script", "reviews"),
    ViewEdge(E + "quotes", E + "link", QUOTES),
    ViewEdge(E + "svg", E + "doj", "actor"),
    ViewEdge(E + "unknown", E + "sessions", "mentions"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (CI does)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def opened(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, dict[str, list[str]]]]:
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html(NODES, EDGES, f"Test view {IMG}"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen: dict[str, list[str]] = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.getElementById('graph').dataset.nodeCount !== undefined")
    yield page, seen
    assert seen["requests"] == [path.as_uri()], "the page must request nothing but itself"
    assert seen["errors"] == []
    assert page.evaluate("window.__pwned") is None
    page.close()


def _dom_point(page: Page, canvas_xy: dict[str, float]) -> tuple[float, float]:
    """Viewport coordinates of a point given in network (canvas) coordinates."""
    dom: dict[str, float] = page.evaluate("(p) => kgNetwork.canvasToDOM(p)", canvas_xy)
    box = page.locator("#graph").bounding_box()
    assert box
    return box["x"] + dom["x"], box["y"] + dom["y"]


def test_draws_every_node_with_legend_and_no_injected_markup(opened: tuple[Page, dict[str, list[str]]]) -> None:
    page, _ = opened
    assert page.locator("#graph").get_attribute("data-node-count") == str(len(NODES))
    assert page.evaluate("kgNetwork.body.nodeIndices.length") == len(NODES)
    assert page.evaluate("kgNetwork.body.edgeIndices.length") == len(EDGES)
    assert page.evaluate("document.querySelectorAll('img, svg, a, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.title() == f"Test view {IMG}"
    assert page.locator("h1").text_content() == f"Test view {IMG}"
    legend = page.locator("#legend").inner_text()
    assert "Official (1)" in legend and "Widget (1)" in legend


def test_search_focuses_the_node_and_shows_hostile_details_as_text(opened: tuple[Page, dict[str, list[str]]]) -> None:
    page, _ = opened
    page.fill("#search", "ONERROR")  # case-insensitive substring
    page.press("#search", "Enter")
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]
    panel = page.locator("#panel")
    text = panel.text_content() or ""
    assert f"Memo {IMG}" in text and f"quote: {IMG}" in text and LINK in text and E + "img" in text
    assert panel.locator("img, a, script").count() == 0
    assert page.locator("#search-status").text_content() == "1 of 1"
    page.wait_for_timeout(600)  # the focus animation
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}img'])['{E}img']")
    x, y = _dom_point(page, centre)
    box = page.locator("#graph").bounding_box()
    assert box and abs(x - (box["x"] + box["width"] / 2)) < 5 and abs(y - (box["y"] + box["height"] / 2)) < 5
    page.fill("#search", "no such label")
    page.press("#search", "Enter")
    assert page.locator("#search-status").text_content() == "No match"


def test_clicking_an_edge_shows_its_evidence(opened: tuple[Page, dict[str, list[str]]]) -> None:
    page, _ = opened
    edge: dict[str, Any] = page.evaluate("kgNetwork.body.data.edges.get().find((e) => e.full.startsWith('about'))")
    ends = page.evaluate(f"kgNetwork.getPositions(['{edge['from']}', '{edge['to']}'])")
    a, b = ends[edge["from"]], ends[edge["to"]]
    x, y = _dom_point(page, {"x": a["x"] + (b["x"] - a["x"]) * 0.4, "y": a["y"] + (b["y"] - a["y"]) * 0.4})
    page.mouse.click(x, y)
    assert page.evaluate("kgNetwork.getSelectedEdges()") == [edge["id"]]
    text = page.locator("#panel").text_content() or ""
    assert f"about {SVG}" in text and f"evidence {IMG}" in text and LINK in text and f"Memo {IMG}" in text
    assert page.locator("#panel").locator("img, a, svg").count() == 0
    page.get_by_role("button", name=f"Memo {IMG}").click()  # from the relation to its source node
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]


def test_tooltip_is_plain_text(opened: tuple[Page, dict[str, list[str]]]) -> None:
    page, _ = opened
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}script'])['{E}script']")
    page.mouse.move(*_dom_point(page, centre))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert SCRIPT in (tooltip.text_content() or "")
    tags = page.evaluate("[...document.querySelectorAll('div.vis-tooltip *')].map((e) => e.tagName)")
    assert tags == ["BR"]  # innerText turns the title's one newline into <br>; nothing else is markup


def test_screenshot(opened: tuple[Page, dict[str, list[str]]], tmp_path: Path) -> None:
    page, _ = opened
    centre = page.evaluate(f"kgNetwork.getPositions(['{E}img'])['{E}img']")
    page.mouse.click(*_dom_point(page, centre))  # a click selects without zooming
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [E + "img"]
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    shutil.copy(shot, "/tmp/kg-view-screenshot.png")
