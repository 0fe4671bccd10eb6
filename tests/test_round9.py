"""Ninth round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's (tests/corpora/*)."""

from __future__ import annotations

import pytest

from tests.test_attribution import build, claims
from tests.test_round8 import statements

SIGNED_OFF = (
    "Miami – August 26, 2014\n\n"
    "“As a community, we remain shaken by the collapse of the building.\n\n"
    "The members of the panel agreed to accept this challenge and voted to open an inquiry.”\n\n"
    "– State Attorney Jane Roe\n"
)


def test_a_statement_signed_off_with_a_dash_is_its_signers_throughout() -> None:
    facts, labels = build(SIGNED_OFF, "statement")
    said = claims(facts, labels)
    assert [who for who, _ in said] == ["Jane Roe", "Jane Roe"], said
    assert any(words.startswith("The members of the panel agreed") for _, words in said), said
    assert statements(facts, labels) == [("Jane Roe", "2014-08-26", "event:Statement")], statements(facts, labels)


def test_a_dashed_last_line_after_no_quotation_names_no_speaker() -> None:
    text = "The panel agreed to open an inquiry.\n\n– State Attorney Jane Roe\n"
    facts, labels = build(text, "statement")
    assert claims(facts, labels) == [], "no quotation closes above the line: it signs nothing"
    facts, labels = build(SIGNED_OFF, "press-release")
    assert all(who != "Jane Roe" or "As a community" not in words for who, words in claims(facts, labels))


ANNOUNCED = (
    "Today, Congresswoman Jane Roe released a statement in response to the inspector general's report. "
    "In March, Roe asked the inspector general to review the recall.\n\n"
    "“I want to thank the inspector general for this review. The agency did not move quickly enough.\n\n"
    "“In the coming weeks, I will introduce legislation to fix it.”\n"
)


def test_a_statement_announced_a_sentence_before_its_quotation_is_the_announcers() -> None:
    facts, labels = build(ANNOUNCED)
    said = claims(facts, labels)
    assert {who for who, _ in said} == {"Jane Roe"} and len(said) == 3, said


@pytest.mark.parametrize(
    "text",
    [
        # the quotation is attributed to someone else
        "Today, Congresswoman Jane Roe released a statement on the report. The agency replied.\n\n"
        "“We disagree with the findings,” said Director John Doe.\n",
        # the rest of the announcing paragraph quotes someone else
        "Today, Congresswoman Jane Roe released a statement on the report. The director called it “unfair.”\n\n"
        "“We disagree with the findings.”\n",
    ],
)
def test_a_quotation_after_an_announcement_that_others_words_end_is_not_the_announcers(text: str) -> None:
    facts, labels = build(text)
    assert all(who != "Jane Roe" or "disagree" not in words for who, words in claims(facts, labels))


def test_the_senators_are_the_titled_holders_joined_as_the_subject_with_their_brackets() -> None:
    text = (
        "WASHINGTON – Today, Ranking Member of the Senate Energy Committee Jane Roe (D-Wash.), and Ranking "
        "Member of the Senate Finance Committee John Doe (D-Ore.) wrote to the Comptroller General.\n\n"
        "In the letter the senators wrote, “Recent reports have raised serious allegations about the contract.”\n"
    )
    facts, labels = build(text)
    said = claims(facts, labels)
    assert sorted(who for who, _ in said) == ["Jane Roe", "John Doe"], said
