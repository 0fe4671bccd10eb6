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
