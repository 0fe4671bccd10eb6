"""A transcript's turns: what follows a speaker's label, to the next label, is that speaker's.
The sentences are made up for the kinds of transcript (a briefing's labels in capitals, a hearing
record's "Mr. X." labels), not taken from any source."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.extract.grammar import default_grammar
from kg.extract.turns import labels
from kg.gazetteer import Gazetteer
from kg.model import SourceMeta
from kg.sources import document_from_text
from tests.test_attribution import claims

EMPTY = Gazetteer(path=Path("empty.toml"), entities={}, aliases=(), creators={})


def said(text: str, kind: str = "statement") -> list[tuple[str, str]]:
    meta = SourceMeta(id="case", title="Leaders Brief Reporters", path=Path("case.txt"), kind=kind, date="2020-12-08")
    doc, _ = document_from_text(meta, text)
    entities, facts, _ = extract_document_facts(doc, EMPTY)
    return claims(facts, {k: e.label for k, e in entities.items()})


def test_a_briefings_labels_in_capitals_give_each_turn_its_speaker() -> None:
    found = said(
        "Leaders Brief Reporters\n\n"
        "SECRETARY OF THE NAVY DANA J. LUTZ: Good morning, everybody. The review has revealed a series of "
        "failures in our system.\n\n"
        "Q: Will anyone be fired? The commanders at the base must all be relieved of their duties.\n\n"
        "SECRETARY LUTZ: The commanders at the base were relieved of their duties today.\n\n"
        "MR. KIRBY: We will take two more questions from the press.\n"
    )
    assert found == [
        ("Dana J. Lutz", "The commanders at the base were relieved of their duties today."),
        ("Dana J. Lutz", "The review has revealed a series of failures in our system."),
    ], found


def test_a_hearing_records_turns_are_their_speakers_but_for_the_words_that_run_the_hearing() -> None:
    found = said(
        "Hearing on the Agency's Contracts\n\n"
        "Jane Roe, Inspector General of the Department of Energy, testified.\n\n"
        "Ms. Roe. Thank you, Mr. Chairman. Our audit found that the agency failed to track its contracts.\n\n"
        "Chairman Doe. The hearing will come to order. Without objection, the statement is in the record.\n\n"
        "Ms. Roe. The agency has not answered our letters since March of last year.\n",
        kind="testimony",
    )
    assert ("Jane Roe", "The agency has not answered our letters since March of last year.") in found, found
    assert not [c for c in found if "come to order" in c[1] or "Without objection" in c[1]], found


def test_a_label_that_names_nobody_still_ends_the_turn_before_it() -> None:
    text = "MS. ANN LEE, DIRECTOR: We met the deadline.\nNOTE: The briefing ended at noon.\n"
    found = labels(text, default_grammar().titles)
    assert [text[x.name[0] : x.name[1]] for x in found] == ["ANN LEE", "NOTE"], found
    assert said(text + "\nSECRETARY ANN LEE: Our teams inspected every base in the region.\n") == [
        ("Ann Lee", "Our teams inspected every base in the region.")
    ]
