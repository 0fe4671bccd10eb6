"""Fourteenth round: shapes of real documents seen on three new subjects (the Gold King Mine release,
the Theranos cases, the Ferguson investigations), each text made up in the shape of a real document's."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Fact, SourceMeta
from kg.name_patterns import one_person
from kg.quantities import find_quantities
from kg.sentences import find_noise
from kg.sources import document_from_text
from tests.test_attribution import claims
from tests.test_round12 import embedded, related

ROOT = Path(__file__).resolve().parents[1]


def titled(text: str, title: str, kind: str = "encyclopedia") -> tuple[list[Fact], dict[str, str]]:
    """The facts of ``text`` as a document titled ``title``, with the embedded gazetteer."""
    meta = SourceMeta(id="case", title=title, path=Path("case.txt"), kind=kind, date="2016-02-01", publisher="")
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def test_a_companys_president_is_not_the_nations() -> None:
    text = (
        "The commission charged the testing company Acme Labs, its chief executive Jane Roe, and former "
        "President John Doe with fraud.\n\n"
        "Acme Labs said its former President Richard Poe left in May.\n\n"
        "Globex President Sam Lee testified on Tuesday.\n\n"
        "President Obama signed the bill. Yesterday President Obama spoke again.\n"
    )
    held = related(*embedded(text), "holds")
    for person in ("John Doe", "Richard Poe", "Sam Lee"):
        assert (person, "President of the United States") not in held, held
    assert ("Obama", "President of the United States") in held, held


def test_a_bare_surname_of_namesakes_is_the_one_the_title_names() -> None:
    assert one_person([("dw", "Darren Wilson"), ("jw", "John Wilson")], "Darren Wilson (police officer)") == "dw"
    assert one_person([("dw", "Darren Wilson"), ("jw", "John Wilson")], "An article") == "dw"  # the first named
    assert one_person([("a", "Darren Dean Wilson"), ("b", "Darren Wilson")]) == "b"
    text = (
        "Darren Dean Wilson (born May 14, 1986) is an American former police officer.\n\n"
        "Wilson was born in Texas to Tonya and John Wilson. "
        "Wilson said to the New Yorker in 2015 that the town was the poorest he had seen.\n"
    )
    said = claims(*titled(text, "Darren Wilson (police officer)"))
    assert ("Darren Dean Wilson", "the town was the poorest he had seen") in said, said
    assert not any(who == "John Wilson" for who, _ in said), said
    # with no title to settle it, the person the text introduced first, before a relative
    said = claims(*titled(text, "Police officers in Missouri"))
    assert ("Darren Dean Wilson", "the town was the poorest he had seen") in said, said
    # one person named more or less fully is one person
    assert one_person([("a", "Edward Scott Pruitt"), ("b", "Scott Pruitt")], "EPA chief resigns") == "b"


def test_a_curly_quotation_a_straight_mark_closes_ends_there() -> None:
    text = (
        'Jane Roe is a former officer. Roe said that “I had never seen such poverty."[1] '
        "The town's council disbanded the force in 2011.[3]\n"
    )
    said = claims(*titled(text, "Jane Roe"))
    assert ("Jane Roe", "I had never seen such poverty.") in said, said


def test_a_court_filings_running_head_is_noise() -> None:
    text = (
        "Case: 4:16-cv-00180 Doc. #: 1 Filed: 02/10/16 Page: 2 of 56 PageID #: 2\n\n"
        "the city violated the Fourth Amendment.\n"
        "Case 1:20-cv-01234-ABC Document 12 Filed 03/04/20 Page 3 of 20\n"
        "Page 4 of 20\n"
        "On page 3 of 20 pages, the report lists 4 of 56 findings.\n"
    )
    noise = [text[n.start : n.end] for n in find_noise(text)]  # the filing day stays: it dates the filing
    assert noise == [
        "Case: 4:16-cv-00180 Doc. #: 1",
        "Page: 2 of 56",
        "PageID #: 2",
        "Case 1:20-cv-01234-ABC Document 12",
        "Page 3 of 20",
        "Page 4 of 20",
    ], noise
    assert "Filed: 02/10/16" in text  # (not noise: the day the filing was made)


def test_an_adjective_ends_no_organisations_name_and_a_body_is_not_its_own_part() -> None:
    text = (
        "The city's municipal court was criticized. Springfield Municipal Judge Ronald Poe resigned on "
        "March 9, 2015.\n\nOfficer Jane Roe of the Springfield Police Department was named. The "
        "Springfield Police said the Springfield Police Department would cooperate.\n\n"
        "Department Shelbyville Police Department, Springfield Police Department\n"
    )
    facts, labels = embedded(text)
    assert "Springfield Municipal" not in labels.values()
    parts = related(facts, labels, "subOrganizationOf")
    assert not any(whole in {"Springfield Police", "Springfield Police Department"} for _, whole in parts), parts


def test_a_counted_noun_ends_before_an_adjective_with_its_complement() -> None:
    text = "The crew released three million gallons of mine water laden with 880,000 pounds of metals."
    counted = {q.counted for q in find_quantities(text)}
    assert "mine water" in counted and "metals" in counted, counted
    assert [q.counted for q in find_quantities("It sold $3 trillion worth of solar panels.")] == ["solar panels"]
    text = "She put about $15 million of her savings in."
    labels = {text[q.start : q.end] for q in find_quantities(text)}
    assert "about $15 million" in labels, labels


def test_a_clause_said_without_its_subject_is_no_claim() -> None:
    text = (
        "Jane Roe was sentenced on Friday.\n\n"
        "Roe, who sought to change testing with a device she claimed could run hundreds of tests, "
        "will report to prison in April. Roe said that the device worked.\n"
    )
    said = claims(*embedded(text))
    assert ("Jane Roe", "the device worked") in said, said
    assert not any(t.startswith("could") for _, t in said), said


def test_a_release_head_an_infobox_label_and_a_constitutions_amendments_name_no_body() -> None:
    text = (
        "Springfield Settles Suit\nFor Immediate Release\nOffice of Public Affairs\n"
        "The city agreed to reform its police. The practices violate the First, Fourth, and Fourteenth "
        "Amendments to the Constitution. We interviewed City Manager John Shaw and Mayor James Knowles.\n\n"
        "Department Shelbyville Police Department, Springfield Police Department\n\n"
        "United States Department of Justice Civil Rights Division (2015) Investigation of the police.\n"
    )
    _, labels = embedded(text)
    names = set(labels.values())
    assert "Office of Public Affairs" in names and not any("Immediate" in n for n in names), names
    assert not any(n.startswith("Department Shelbyville") or "Amendment" in n for n in names), names
    assert "Manager John Shaw" not in names and "Civil Rights" not in names, names


def test_a_head_word_alone_before_a_name_with_its_own_is_an_infobox_label() -> None:
    from kg.mentions import _LEAD_BEFORE_A_NAME as lead

    cut = lead.match("Department Jennings Police Department")
    assert cut is not None and cut.end() == len("Department "), cut
    assert lead.match("For Immediate Release\nOffice of Public Affairs") is not None
    for name in ("Department of Justice", "Office Depot", "Department Store Workers Union"):
        assert lead.match(name) is None, name


def test_a_rosters_president_of_a_company_is_not_the_nations() -> None:
    text = (
        "Witness List:\n"
        "• The Honorable Joseph Roe, President and Chief Executive Officer, Acme Rail | Written Testimony\n"
        "• Ms. Jane Doe, Acting Administrator, Federal Railroad Administration | Written Testimony\n\n"
        "Barack Obama, President of the United States, spoke.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("Joseph Roe", "President of the United States") not in held, held
    assert ("Barack Obama", "President of the United States") in held, held


def test_the_person_over_an_opening_statement_line_speaks_it() -> None:
    text = (
        "Witness List:\n• The Honorable Jane Roe, Chairman, National Transportation Safety Board\n\n"
        "• Chairman John Doe (R-PA)\nCommittee on Transportation and Infrastructure\n"
        "Hearing on “Oversight of the Accident”\n\nJune 2, 2015\nOpening Statement\n(Remarks as Prepared)\n\n"
        "We are not aware of any defects in the track.\n"
    )
    said = claims(*embedded(text, kind="statement"))
    assert ("John Doe", "We are not aware of any defects in the track.") in said, said


def test_a_bare_month_takes_no_year_from_a_paragraph_before() -> None:
    from kg.dates import find_dates

    text = (
        "He ran the office from 2012 through early 2015.\n\nLiang was sentenced in August to 40 months.\n\n"
        "In March 2018, the agency acted. In April, it spoke."
    )
    found = {d.text: d.value for d in find_dates(text, "2017-12-06")}
    assert "August" not in found, found  # neither 2015 nor the document's year is sure
    assert found.get("April") == "2018-04", found  # a year the same paragraph gives carries


def test_a_speed_and_a_headings_number() -> None:
    found = find_quantities("3.1 Findings\nThe train entered the curve at 106 miles per hour, over the 50 mph limit.")
    assert [(q.text, q.unit) for q in found] == [
        ("106 miles per hour", "miles per hour"),
        ("50 mph limit", "miles per hour"),
    ]
