"""Twelfth round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's (tests/corpora/*)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Fact, Ref, SourceMeta
from kg.sources import document_from_text

ROOT = Path(__file__).resolve().parents[1]


def embedded(text: str, publisher: str = "", kind: str = "press-release") -> tuple[list[Fact], dict[str, str]]:
    """The facts of ``text`` as a document ``publisher`` publishes, with the embedded gazetteer."""
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date="2021-03-01",
                      publisher=publisher)  # fmt: skip
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def related(facts: list[Fact], labels: dict[str, str], predicate: str) -> set[tuple[str, str]]:
    return {
        (labels.get(f.subject, f.subject), labels.get(f.obj.key, f.obj.key))
        for f in facts
        if f.predicate == predicate and isinstance(f.obj, Ref)
    }


STATE_RELEASE = (
    "Lt. Gov. Jane Roe Calls for Resignations\n\n"
    "After almost 24 hours of testimony in the Senate Business and Commerce Committee's investigation, "
    "the committee heard from the grid operator. Sen. John Doe chairs the Senate Committee.\n"
)


def test_a_states_own_release_gives_its_bare_senate_to_the_state() -> None:
    state = related(*embedded(STATE_RELEASE, "Office of the Lieutenant Governor of Texas (ltgov.texas.gov)"),
                    "subOrganizationOf")  # fmt: skip
    assert not any(whole == "U.S. Senate" for _, whole in state), state
    # a federal court in the state, or a senator's federal office, is no state body
    federal = related(*embedded(STATE_RELEASE, "United States District Court for the Northern District of Texas"),
                      "subOrganizationOf")  # fmt: skip
    assert ("Senate Business and Commerce Committee", "U.S. Senate") in federal, federal


def court_text(text: str) -> tuple[list[Fact], dict[str, str]]:
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind="court", date="2024-12-04")
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def order_actors(facts: list[Fact], labels: dict[str, str]) -> set[str]:
    orders = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == "CourtOrder"}
    return {labels.get(f.obj.key, f.obj.key) for f in facts
            if f.subject in orders and f.predicate == "actor" and isinstance(f.obj, Ref)}  # fmt: skip


def test_a_court_texts_own_order_is_the_judges_its_head_names() -> None:
    head = (
        "Opinion\n23-cv-00313-AJB-SBC\n12-04-2024\nIn Re Acme Airlines Co. Flight Disruption Litigation\n"
        "ORDER GRANTING DEFENDANT'S MOTION TO DISMISS (DOC. NO. 40)\n"
        "HON. JANE Q. HOLLOWAY, UNITED STATES DISTRICT JUDGE\n"
        "Presently pending before the Court is Defendant Acme Airlines Co.'s motion to dismiss.\n"
    )
    assert "Jane Q. Holloway" in order_actors(*court_text(head))
    docket = (
        "Court Description: ORDER AND REASONS granting 7 Motion for Preliminary Injunction. "
        "Signed by Judge Martin L. Weiss on 12/4/2024.\n\nThe plaintiffs move for an injunction.\n"
    )
    assert "Martin L. Weiss" in order_actors(*court_text(docket))
    # two judges in the head (a panel): none of them is the order's sole maker
    judge = "HON. JANE Q. HOLLOWAY, UNITED STATES DISTRICT JUDGE"
    panel = head.replace(judge, judge + "\nHON. PAUL R. DENT, UNITED STATES DISTRICT JUDGE")
    assert not {"Jane Q. Holloway", "Paul R. Dent"} & order_actors(*court_text(panel))
