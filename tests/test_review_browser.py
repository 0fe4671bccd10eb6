"""Reviewing in the graph view, in headless Chromium: served by kg serve --review, and from file://."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page

from kg.api import BuildConfig, ServeConfig, build, serve
from kg.cli import main
from kg.review import load_verdicts
from kg.view import ViewNode, render_graph_html

pytestmark = pytest.mark.browser

#: Where the screenshots go (set KG_SCREENSHOTS to keep them); a person looks at them.
SHOTS = Path(os.environ.get("KG_SCREENSHOTS", "")) if os.environ.get("KG_SCREENSHOTS") else None
ROSENSTEIN_HOLDS = "holds → Attorney General of the United States"


def _shot(page: Page, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def _build(project: Path) -> Path:
    build(BuildConfig(project=project, jobs=1))
    return project / "build"


def _rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "facts.csv").read_text(encoding="utf-8"))))


def _holds(out: Path, who: str) -> list[dict[str, str]]:
    return [r for r in _rows(out) if r["subject_iri"].endswith(f"/{who}") and r["predicate"] == "holds"]


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()
    assert errors == []


def _open_relation(page: Page, name: str, relation: str) -> None:
    """Find an entity by name, then open one of its relations in the evidence panel."""
    page.fill("#search", name)
    page.keyboard.press("Enter")
    page.get_by_role("button", name=relation, exact=True).click()
    page.locator("#panel h3", has_text="Evidence").wait_for()


def test_confirm_and_reject_in_the_served_view_and_the_next_build_has_them(page: Page, project: Path) -> None:
    out = _build(project)
    verdicts = project / "data/reviews.jsonl"
    with serve(ServeConfig(build_dir=out, port=0, review=verdicts, reviewer="ana")) as server:
        page.goto(server.url + "graph.html")
        assert page.locator(".review-open").inner_text() == f"Review 0/{_count_records(page)}"
        _open_relation(page, "Jeff Sessions", ROSENSTEIN_HOLDS)
        first = page.locator("#panel .review").first
        first.get_by_role("button", name="Confirm").click()
        first.locator(".verdict.confirmed").wait_for()
        assert first.locator(".verdict").inner_text() == "confirmed by ana"
        _shot(page, "served-confirmed")
        _open_relation(page, "Rod Rosenstein", ROSENSTEIN_HOLDS)
        (box,) = page.locator("#panel .review").all()  # one quote says he held it
        box.get_by_role("button", name="Reject").click()
        box.get_by_role("textbox", name="Reason (optional)").fill("he was Deputy Attorney General")
        _shot(page, "served-rejecting")
        box.get_by_role("textbox").press("Enter")
        box.locator(".verdict.rejected").wait_for()
        assert page.locator(".review-open").inner_text().startswith("Review 2/")
        _shot(page, "served-rejected")
    written = load_verdicts(verdicts)
    assert [(v.verdict, v.by, v.fact.subject, v.reason) for v in written] == [
        ("confirmed", "ana", "jeff-sessions", ""),
        ("rejected", "ana", "rod-rosenstein", "he was Deputy Attorney General"),
    ]
    out = _build(project)  # the next build reflects both
    assert not _holds(out, "rod-rosenstein")
    assert [r["review"] for r in _holds(out, "jeff-sessions")].count("confirmed") == 1
    page.goto((out / "graph.html").as_uri())
    page.fill("#search", "Rod Rosenstein")
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name=ROSENSTEIN_HOLDS).count() == 0  # gone from the view
    _open_relation(page, "Jeff Sessions", ROSENSTEIN_HOLDS)
    assert page.locator("#panel .verdict.confirmed").inner_text() == "confirmed by ana"
    _shot(page, "rebuilt")


def _count_records(page: Page) -> int:
    n: int = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).review.length")
    return n


def test_the_queue_goes_lowest_confidence_first_with_one_key_each(page: Page, project: Path) -> None:
    out = _build(project)
    verdicts = project / "data/reviews.jsonl"
    with serve(ServeConfig(build_dir=out, port=0, review=verdicts, reviewer="bo")) as server:
        page.goto(server.url + "graph.html")
        total = _count_records(page)
        page.locator(".review-open").click()
        queue = page.locator("#panel .queue")
        assert queue.locator("h2").inner_text() == f"0 of {total} reviewed"
        _shot(page, "queue")
        page.keyboard.press("c")
        page.locator("#panel .queue h2", has_text=f"1 of {total} reviewed").wait_for()
        page.keyboard.press("n")  # skip it: the next one comes, still unreviewed
        page.locator("#panel .queue h2", has_text=f"1 of {total} reviewed").wait_for()
        page.keyboard.press("x")
        page.locator("#panel .queue h2", has_text=f"2 of {total} reviewed").wait_for()
        _shot(page, "queue-after-keys")
    written = load_verdicts(verdicts)
    records = json.loads((out / "graph.html").read_text().split('id="kg-data">')[1].split("</script>")[0])["review"]
    ranked = sorted(range(len(records)), key=lambda i: (records[i]["confidence"], i))  # lowest confidence first
    # c judged the first in the queue, n skipped the second, x judged the third
    expected = [("confirmed", records[ranked[0]]["fact"]), ("rejected", records[ranked[2]]["fact"])]
    assert [(v.verdict, dataclasses.asdict(v.fact)) for v in written] == expected


def test_from_file_verdicts_are_kept_exported_and_imported(page: Page, project: Path, tmp_path: Path) -> None:
    out = _build(project)
    page.goto((out / "graph.html").as_uri())
    _open_relation(page, "Rod Rosenstein", ROSENSTEIN_HOLDS)
    box = page.locator("#panel .review").first
    box.get_by_role("button", name="Confirm").click()
    assert "Type your name" in page.locator(".review-status").inner_text()  # verdicts say who gave them
    page.get_by_role("textbox", name="Your name, for the verdicts").fill("cy")
    page.get_by_role("textbox", name="Your name, for the verdicts").dispatch_event("change")
    box.get_by_role("button", name="Reject").click()
    box.get_by_role("button", name="Reject").click()  # the form's: no reason given
    box.locator(".verdict.rejected").wait_for()
    page.reload()  # kept in this browser
    assert page.get_by_role("button", name="Export verdicts (1)").count() == 1
    _shot(page, "file-export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export verdicts (1)").click()
    exported = tmp_path / "kg-verdicts.jsonl"
    download.value.save_as(exported)
    result = CliRunner().invoke(
        main, ["review", "import", str(exported), "--into", str(project / "data/reviews.jsonl")]
    )
    assert result.exit_code == 0 and result.output.startswith("1 new verdicts"), result.output
    (v,) = load_verdicts(project / "data/reviews.jsonl")
    assert (v.verdict, v.by, v.fact.subject) == ("rejected", "cy", "rod-rosenstein")
    assert not _holds(_build(project), "rod-rosenstein")


def _record(quote: str, confidence: float) -> dict[str, object]:
    fact = {
        "source": "s",
        "start": 0,
        "end": len(quote),
        "quote": quote,
        "subject": "a",
        "predicate": "p",
        "object": "b",
    }
    return {
        "fact": fact, "says": ["A", "p", "B"], "node": "urn:a", "title": "S", "before": "", "after": "",
        "confidence": confidence, "verdict": "", "by": "", "at": "", "reason": "", "correction": "",
    }  # fmt: skip


def test_the_queue_orders_by_the_builders_confidence_and_wraps_round(page: Page, tmp_path: Path) -> None:
    records = [_record("sure", 0.9), _record("doubtful", 0.2), _record("middling", 0.5), _record("also doubtful", 0.2)]
    path = tmp_path / "graph.html"
    path.write_text(render_graph_html([ViewNode("urn:a", "A", "Official")], [], "queue", review=records))
    page.goto(path.as_uri())
    page.locator(".review-open").click()
    seen = []
    for _ in range(5):  # n: the next unreviewed, lowest confidence first (ties in page order), then round again
        seen.append(page.locator("#panel .queue blockquote mark").inner_text())
        page.keyboard.press("n")
    assert seen == ["doubtful", "also doubtful", "middling", "sure", "doubtful"]
    assert page.locator("#panel .queue h2").inner_text() == "0 of 4 reviewed"
