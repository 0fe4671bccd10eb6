"""Nineteenth round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from kg.api import build
from kg.build import BuildConfig
from kg.dates import find_dates
from kg.extract.document import extract_document_facts
from kg.extract.settle import posts_in_their_own_words
from kg.gazetteer import load_gazetteer
from kg.model import Entity, Evidence, Fact, Kind, Lit, Ref, SourceMeta
from kg.quantities import find_quantities
from kg.sources import document_from_text
from tests.test_attribution import claims, holders
from tests.test_round12 import ROOT, embedded


def _facts(text: str, kind: str = "press-release", date: str = "2019-10-09") -> tuple[list[Fact], dict[str, str]]:
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date=date)
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


# --- posts in the text's own words ---------------------------------------------------------------


def test_a_bare_title_is_the_post_the_document_names_with_its_body() -> None:
    text = (
        "Resolved, that the Board of Trustees hereby appoints Dr. Rodney A. Erickson as president of the "
        "Pennsylvania State University effective Nov. 9, 2011.\n\n"
        'The board affirmed "its complete confidence and support of President Erickson who accepted the '
        'challenge to lead the University."\n'
    )
    facts, labels = embedded(text)
    held = holders(facts, labels)
    assert ("Rodney A. Erickson", "President, Pennsylvania State University") in held
    assert not any(post == "President of the United States" for _, post in held)


def test_a_title_cut_before_an_ampersand_is_the_whole_titles_post() -> None:
    text = (
        "Witnesses:\n\n  • Mr. Chris Leonard, President & Legislative Chair, Hawaii Association of Broadcasters, Inc.\n"
    )
    facts, labels = embedded(text)
    posts = {post for person, post in holders(facts, labels) if person == "Chris Leonard"}
    assert posts == {"President & Legislative Chair, Hawaii Association of Broadcasters"}


def test_the_presidents_post_stands_where_the_text_names_no_other() -> None:
    facts, labels = embedded("President Donald Trump signed the order on June 20, 2018.\n")
    assert ("Donald Trump", "President of the United States") in holders(facts, labels)


@pytest.mark.parametrize(
    "text",
    [
        "On January 15, 2018, Major General Arthur J. Logan assigned me to investigate this incident.\n",
        "Rear Admiral Patrick A. Piercey testified before the subcommittee on April 5, 2018.\n",
        "Captain Chad M. Fisher and Lieutenant Colonel Martha L. Foss served on the court-martial panel.\n",
        "The panel was chaired by retired General Charles Horner.\n",
    ],
)
def test_a_rank_alone_is_no_post(text: str) -> None:
    facts, labels = embedded(text)
    assert holders(facts, labels) == []


def test_a_rank_with_the_body_it_serves_in_is_a_post() -> None:
    said = Evidence("case", 0, 40, "Captain Jane Roe, Captain of the Port of Baltimore")
    facts = [
        Fact("person-jane-roe", "holds", Ref("position-captain"), said, "title-name"),
        Fact("person-jane-roe", "holds", Ref("position-captain-port"), said, "roster"),
        Fact("position-captain-port", "postIn", Ref("port-of-baltimore"), said, "roster"),
        Fact("person-john-doe", "holds", Ref("position-captain"), said, "title-name"),
    ]
    entities = {
        "position-captain": Entity("position-captain", "Position", "Captain"),
        "position-captain-port": Entity("position-captain-port", "Position", "Captain, Port of Baltimore"),
    }
    kept = posts_in_their_own_words(facts, entities, frozenset({"captain"}))
    held = {(f.subject, f.obj.key) for f in kept if f.predicate == "holds" and isinstance(f.obj, Ref)}
    assert held == {("person-jane-roe", "position-captain-port")}


def test_the_tail_of_a_phrase_is_no_title() -> None:
    text = "The case led to the ouster of the late hall of fame coach Joe Paterno in 2011.\n"
    facts, labels = embedded(text)
    assert holders(facts, labels) == []


# --- claims --------------------------------------------------------------------------------------


def test_statements_of_several_are_no_ones_in_particular() -> None:
    text = (
        "HARRISBURG – Attorney General Linda Kelly and Pennsylvania State Police Commissioner Frank Noonan "
        "issued the following statements concerning the ongoing investigation:\n\n"
        "“I understand that many of you have different degrees of familiarity with this case.\n\n"
        "This is an ongoing investigation and there are some details we cannot discuss at this time.”\n"
    )
    facts, labels = _facts(text, kind="statement")
    assert claims(facts, labels) == []


def test_a_joint_statement_is_still_each_ones() -> None:
    text = (
        "WASHINGTON – U.S. Senators Patty Murray and Maria Cantwell released the following statement today:\n\n"
        "“The agency failed the families it was meant to protect, and it must answer for it.”\n"
    )
    facts, labels = _facts(text, kind="press-release")
    speakers = {who for who, _ in claims(facts, labels)}
    assert speakers == {"Patty Murray", "Maria Cantwell"}


def test_words_a_statement_recalls_are_not_said_on_its_day() -> None:
    text = (
        "Statement of Commissioner Jane Roe (January 30, 2018)\n\n"
        "I reached out to folks in Hawaii who I worked with in the past. As Senator Brian Schatz said: "
        "“This system failed miserably. We need to improve it, and get it right.” So let us get to work.\n"
    )
    facts, labels = _facts(text, kind="statement", date="2018-01-30")
    said = claims(facts, labels)
    assert ("Brian Schatz", "This system failed miserably.") in said
    assert ("Jane Roe", "I reached out to folks in Hawaii who I worked with in the past.") in said
    said_by_schatz = {
        f.subject
        for f in facts
        if f.predicate == "actor" and isinstance(f.obj, Ref) and labels.get(f.obj.key) == "Brian Schatz"
    }
    assert not any(f.predicate == "date" and f.subject in said_by_schatz for f in facts)


# --- names ---------------------------------------------------------------------------------------


def test_a_committees_topics_end_before_a_day() -> None:
    text = (
        "Testimony before the U.S. Senate Committee on Commerce, Science and Transportation Thursday, "
        "January 25, 2018. Good morning, Chairman Thune, Ranking Member Nelson, and Members of the Committee.\n"
    )
    _, labels = embedded(text, kind="testimony")
    names = set(labels.values())
    assert "U.S. Senate Committee on Commerce, Science and Transportation" in names
    assert not any("Thursday" in n for n in names)


# --- numbers and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sentence6+34 years in prison (served 3+14 years)[2]",
        "Jurors deliberated approximately 7 ½ hours over parts of Thursday and Friday.",
    ],
)
def test_a_mixed_number_is_not_read_in_part(text: str) -> None:
    assert [q for q in find_quantities(text) if q.value in {Decimal(7), Decimal(34), Decimal(14), Decimal(3)}] == []


def test_adjectives_joined_before_the_counted_noun_are_its_own() -> None:
    facts, _ = _facts("Three current and former Chicago Police officers were charged with conspiracy.\n")
    counted = {f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    assert counted == {"current and former Chicago Police officers"}
    quotes = {f.evidence.quote for f in facts if f.predicate == "value"}
    assert quotes == {"Three current and former Chicago Police officers"}


def test_a_date_told_from_the_documents_day_moves_the_story_to_its_year() -> None:
    text = (
        "In October 2014, the officer shot the teenager. The officer was convicted last year. In January, he "
        "was sentenced. Four of the officers named in the report were fired in June."
    )
    values = [d.value for d in find_dates(text, "2019-10-09")]
    assert values == ["2014-10", "2018", "2019-01", "2019-06"]


def test_a_month_after_a_year_still_takes_that_year() -> None:
    text = "In October 2014, the officer shot the teenager. In December, he was charged."
    assert [d.value for d in find_dates(text, "2019-10-09")] == ["2014-10", "2014-12"]


def test_the_witnesses_of_a_hearing_to_come_have_not_testified() -> None:
    text = (
        "Senator Jane Roe will convene a hearing titled “What Happened?” at 10:00 a.m. on Thursday, "
        "April 5, 2018, in Honolulu.\n\n"
        "Witnesses:\n\n"
        "  • Mr. John Doe, Director, Continuity Communications Division, Federal Emergency Management Agency\n\n"
        "*Witness list and panels subject to change.\n"
    )
    facts, _ = _facts(text, kind="hearing", date="2018-04-05")
    assert not [f for f in facts if f.predicate == "type" and f.obj == Kind("Testimony")]


def test_a_post_of_a_body_not_known_takes_no_other_body(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "01-report.txt").write_text(
        "# source: https://example.org/report\n"
        "# title: False Alert Investigation for January 13, 2018 (State of Hawaii internal investigation report)\n"
        "TO:                   Major General Arthur J. Logan\nDirector of Emergency Management (HI-EMA)\n\n"
        "FROM:            Brigadier General [Ret] Bruce E. Oliveira\nInvestigating Officer\n\n"
        "DATE:             January 29,2018\n\n\n\n"
        "On January 15, 2018, Major General Arthur J. Logan, the Director of HI-EMA for the State of Hawaii, "
        "assigned me to investigate this incident to determine by a preponderance of the evidence the following:\n",
        "utf-8",
    )
    build(BuildConfig(project=ROOT, sources=sources, out=tmp_path / "build", cache=False, jobs=1))
    with (tmp_path / "build" / "facts.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert any(r["subject"] == "State of Hawaii" for r in rows)  # the body the post must not take is known
    assert not [r for r in rows if r["predicate"] in {"holds", "postIn"} and "State of Hawaii" in r["object"]]


def test_a_university_named_state_is_the_posts_body() -> None:
    text = (
        "The photo shows former Penn State Vice President Gary Schultz and former Penn State President Graham "
        "Spanier in Harrisburg. Ohio State Senator Jane Roe spoke.\n"
    )
    facts, labels = _facts(text, kind="news", date="2017-03-13")
    held = set(holders(facts, labels))
    assert ("Gary Schultz", "Vice President, Penn State") in held
    assert ("Graham Spanier", "President, Penn State") in held
    assert ("Jane Roe", "Ohio State Senator") in held


def test_keeping_ones_innocence_is_saying_nothing() -> None:
    text = (
        "Former athletic director Tim Curley and onetime university Vice President Gary Schultz, both of whom "
        "have maintained their innocence for more than five years, entered guilty pleas. Schultz maintained "
        "that he did nothing wrong.\n"
    )
    facts, labels = _facts(text, kind="news", date="2017-03-13")
    assert not [f for f in facts if f.stated_by is not None and "five years" in f.evidence.quote]
    assert claims(facts, labels) == [("Gary Schultz", "he did nothing wrong")]


def test_how_often_is_no_count() -> None:
    text = (
        "We must get this right 100% of the time. About 45% of respondents were unsure. Officers spent 25% of "
        "their work time in training.\n"
    )
    facts, _ = _facts(text)
    assert {f.obj.value for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)} == {"45", "25"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On January 13, 2018, the Hawaii Emergency Management Agency sent a false missile alert.\n", "Warning"),
        ("Today the Justice Department issued the following fraud alert to inform claimants.\n", "Warning"),
        ("In October 2016, the Inspector General issued a Management Alert to the agency.\n", "ReportRelease"),
    ],
)
def test_an_alert_is_a_warning_but_a_management_alert_a_report(text: str, kind: str) -> None:
    facts, _ = _facts(text)
    kinds = {f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    assert kind in kinds and not ({"Warning", "ReportRelease"} - {kind}) & kinds
