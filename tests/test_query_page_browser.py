"""The query page in headless Chromium: pick a competency query, run it, read the results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=window.__pwned=1>"


@pytest.fixture()
def page(browser: Browser, endpoint: str) -> Iterator[tuple[Page, str, list[str]]]:
    base = endpoint.removesuffix("sparql")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    seen: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base)
    page.wait_for_selector("#picker[data-loaded='12']", state="attached")  # no wait_for_function: CSP bars eval
    yield page, base, errors
    assert all(url.startswith(base) for url in seen), "the page must fetch nothing but its own server"
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_a_competency_query_runs_and_its_results_appear(page: tuple[Page, str, list[str]]) -> None:
    p, _, errors = page
    p.select_option("#picker", "01-who-issued-the-policy")
    assert "PolicyAnnouncement" in p.input_value("#editor")
    p.click("#run")
    p.wait_for_selector("#result-table tbody tr")
    headers = p.locator("#result-table th").all_text_contents()
    assert headers == ["?actor", "?position", "?date", "?source"]
    text = p.locator("#result-table").inner_text()
    assert "Jeff Sessions" in text and "2018-04-06" in text
    assert "result" in (p.locator("#status").text_content() or "")
    assert errors == []


def test_errors_and_hostile_values_are_shown_as_text(page: tuple[Page, str, list[str]]) -> None:
    p, _, _ = page
    p.fill("#editor", "SELECT * WHERE { ?s ?p ")
    p.press("#editor", "Control+Enter")
    p.wait_for_selector("#error:not([hidden])")
    assert "Malformed query" in (p.locator("#error").text_content() or "")
    assert "400" in (p.locator("#status").text_content() or "")
    p.fill("#editor", "CLEAR ALL")
    p.click("#run")
    p.locator("#error", has_text="read-only").wait_for()
    p.fill("#editor", f"SELECT ?x WHERE {{ BIND({HOSTILE!r} AS ?x) }}".replace("'", '"'))
    p.click("#run")
    p.wait_for_selector("#result-table tbody tr")
    assert p.locator("#result-table td").first.text_content() == HOSTILE
    assert p.locator("#results img").count() == 0
    p.fill("#editor", "CONSTRUCT WHERE { kgr:jeff-sessions rdfs:label ?l }")
    p.click("#run")
    p.wait_for_selector("#results pre")
    assert "Jeff Sessions" in (p.locator("#results pre").text_content() or "")


def test_the_graph_view_is_one_click_away(page: tuple[Page, str, list[str]]) -> None:
    p, base, errors = page
    p.click("#graph-link")
    p.wait_for_selector("#graph[data-node-count]", state="attached")
    assert p.url == base + "graph.html" and errors == []
    assert int(p.locator("#graph").get_attribute("data-node-count") or 0) > 10
