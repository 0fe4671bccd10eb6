"""Twentieth round: shapes of real documents seen on new subjects (a state's emergency alert, a
university's abuse scandal, a city's police shooting), each text made up in the shape of a real
document's."""

from __future__ import annotations

import pytest

from kg.model import Fact, Kind, Lit, Ref
from kg.quantities import find_quantities
from tests.test_attribution import claims, holders
from tests.test_round19 import _facts  # (the text as a dated document, with the embedded gazetteer)


def _dates(facts: list[Fact], cls: str) -> set[str]:
    """The dates of the events of class ``cls``."""
    events = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind(cls)}
    return {f.obj.value for f in facts if f.subject in events and f.predicate == "date" and isinstance(f.obj, Lit)}


# --- posts ---------------------------------------------------------------------------------------


def test_a_states_governor_written_short_is_its_governor() -> None:
    facts, labels = _facts("Hawaii Gov. David Ige said the state would act. Ohio Rep. Jim Jordan declined.\n")
    held = dict(holders(facts, labels))
    assert held["David Ige"] == "Hawaii Governor"
    assert held["Jim Jordan"] == "Ohio Representative"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Athletic Director Tim Curley resigned on Monday.\n", ("Tim Curley", "Athletic Director")),
        ("U.S. District Judge Sean Cox sentenced him on Friday.\n", ("Sean Cox", "U.S. District Judge")),
        ("NTSB Chair Jennifer Homendy spoke on Monday.\n", ("Jennifer Homendy", "NTSB Chair")),
        ("VW CEO Martin Winterkorn testified on Thursday.\n", ("Martin Winterkorn", "VW CEO")),
        ("TNT Security Solutions' CEO Travis Lacox spoke.\n", ("Travis Lacox", "TNT Security Solutions' CEO")),
    ],
)
def test_a_title_the_pattern_rules_cut_short_is_the_parses_whole_title(text: str, held: tuple[str, str]) -> None:
    facts, labels = _facts(text)
    assert held in holders(facts, labels)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("I. Introduction Chairman Boxer, Ranking Member Inhofe, thank you.\n", ("Boxer", "Chairman")),
        ("The panel heard from going Mayor Tony Yarber on Monday.\n", ("Tony Yarber", "Mayor")),
    ],
)
def test_a_headings_or_a_lower_case_word_before_a_title_is_not_the_titles(text: str, held: tuple[str, str]) -> None:
    facts, labels = _facts(text)
    assert held in holders(facts, labels)


def test_a_plural_description_before_names_is_each_ones_in_the_singular() -> None:
    facts, labels = _facts("Former university administrators Tim Curley and Gary Schultz were charged.\n")
    posts = {post for _, post in holders(facts, labels)}
    assert posts == {"University administrator"}


def test_a_group_counted_before_titled_names_is_no_post() -> None:
    text = (
        "Equally significant is the role that several top Penn State University administrators, Athletic "
        "Director Tim Curley and Vice President of Business and Finance Gary Schultz, played in this matter.\n"
    )
    facts, labels = _facts(text)
    assert not any("administrator" in post.lower() for _, post in holders(facts, labels))


@pytest.mark.parametrize(
    "text",
    [
        "PEOPLE OF THE STATE OF ILLINOIS, Plaintiffs, v. DAVID MARCH, Defendants Honorable Domenica A. "
        "Stephenson, Judge Presiding Defendants ORDER This case is before the Court.\n",
        "IN THE CIRCUIT COURT OF COOK COUNTY\n\nJudge Presiding\n\nThe motion is denied.\n",
    ],
)
def test_a_titles_last_word_is_no_name(text: str) -> None:
    facts, labels = _facts(text, kind="court")
    assert not any("Presiding" in person for person, _ in holders(facts, labels))


# --- claims --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sandusky asked for his phone number and eventually called Victim 9's mother and made arrangements "
        "to spend additional time with him.\n",
        "Sandusky met all the victims through a non-profit he founded called The Second Mile, an organization "
        "with the declared purpose of serving youth.\n",
        "Finally, Van Dyke failed to cooperate with OIG's investigation, after being properly called upon to do "
        "so and in direct violation of a superior's order, by refusing to answer OIG's questions.\n",
    ],
)
def test_called_that_telephones_names_or_is_passive_says_nothing(text: str) -> None:
    facts, labels = _facts(text, kind="court")
    assert claims(facts, labels) == []


def test_a_line_naming_another_hands_the_statement_on() -> None:
    text = (
        "Excerpts: statements on the sanctions\n\n"
        "Executive Committee Chair, Oregon State President Ed Ray:\n\n"
        "We have authorized the corrective and punitive measures after a long review of the record.\n\n"
        "NCAA President Mark Emmert\n\n"
        "As we have examined and discussed this case, we have kept foremost in our thoughts the damage done "
        "to the victims and their families.\n"
    )
    facts, labels = _facts(text, kind="statement", date="2012-07-24")
    said = claims(facts, labels)
    assert any(who == "Mark Emmert" and words.startswith("As we have examined") for who, words in said)
    assert not any(who == "Ed Ray" and "examined" in words for who, words in said)


# --- reports -------------------------------------------------------------------------------------


def test_a_participle_before_a_noun_releases_nothing() -> None:
    text = (
        "This report presents the findings of the Federal Communications Commission's Public Safety and "
        "Homeland Security Bureau, based on the Bureau's investigation, the Hawaii Preparedness Report, "
        "HI-EMA's publicly released audio recording of the drill message, and the testimony.\n"
    )
    facts, labels = _facts(text, kind="report-summary")
    made = {(labels.get(f.subject, f.subject), f.predicate) for f in facts if f.predicate == "creator"}
    assert ("Hawaii Preparedness Report", "creator") not in made
    assert not any(f.obj == Kind("ReportRelease") for f in facts)


# --- dates ---------------------------------------------------------------------------------------


def test_the_date_of_what_an_act_concerns_is_not_the_acts() -> None:
    text = (
        "Officer Jason Van Dyke on Tuesday was charged with first-degree murder for the fatal shooting on "
        "Oct. 20, 2014, that left Laquan McDonald dead.\n"
    )
    facts, _ = _facts(text, kind="statement", date="2015-11-24")
    assert _dates(facts, "Charge") == {"2015-11-24"}


def test_a_date_of_the_deed_itself_still_dates_it() -> None:
    facts, _ = _facts("The grand jury charged Jane Roe with fraud on May 5, 2019.\n", kind="statement")
    assert _dates(facts, "Charge") == {"2019-05-05"}


# --- statistics ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Victim No. 9 is currently an 18 year old male who met Sandusky.",
        "He was 17 years old when he was shot.",
        "Our everyday heroes are protecting our state, 24 hours a day, 365 days a year.",
        "The hotline is staffed 7 days a week.",
    ],
)
def test_a_persons_age_or_around_the_clock_counts_nothing(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The program ran for 18 years in old buildings.", "18"),
        ("The plant ran for 300 days in 2019.", "300"),
        ("The agency paid $5 million a year to the contractor.", "5000000"),
        ("The rule covers those under 18 years old.", "18"),  # an age limit
    ],
)
def test_times_and_sums_still_count(text: str, value: str) -> None:
    assert [str(q.value) for q in find_quantities(text)] == [value]


def test_an_addressees_block_hands_nothing_on() -> None:
    text = (
        "U.S. Department of Justice\nOffice of Legislative Affairs\n\nAssistant Attorney General Peter J. Kadzik\n\n"
        "The Honorable Jason Chaffetz\n\nChairman, Committee on Oversight\n\n"
        "We conducted more than 100 witness interviews and collected more than one million pages of documents.\n"
    )
    facts, labels = _facts(text, kind="statement", date="2015-10-23")
    assert not any(who == "Jason Chaffetz" for who, _ in claims(facts, labels))


def test_called_with_an_adverb_before_for_still_calls_for() -> None:
    text = (
        "The White House and congressional leaders called yesterday for swift investigation and repair of the "
        "problems plaguing outpatient care at Walter Reed Army Medical Center, as veterans groups expressed "
        "outrage over substandard housing.\n"
    )
    facts, labels = _facts(text, kind="news", date="2007-02-21")
    assert any(words.startswith("swift investigation") for _, words in claims(facts, labels))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Federal Communications Commission and the Hawaii House of Representatives launched "
            "investigations into the incident on January 14, 2018.\n",
            "Hawaii House of Representatives",
        ),
        (
            "The Michigan House of Representatives opened an investigation of the agency on May 5, 2019.\n",
            "Michigan House of Representatives",
        ),
    ],
)
def test_a_states_body_is_not_the_nations_of_that_name(text: str, body: str) -> None:
    facts, labels = _facts(text, kind="news", date="2019-06-01")
    actors = {labels.get(f.obj.key, f.obj.key) for f in facts if f.predicate == "actor" and isinstance(f.obj, Ref)}
    assert body in actors
    assert "U.S. House of Representatives" not in actors


# --- after the held-out scoring --------------------------------------------------------------------


def test_a_surname_after_another_given_name_is_not_the_gazetteers_person() -> None:
    text = "“This is a positive step in the right direction,” said Senator Jim Nielsen (R-Tehama).\n"
    facts, labels = _facts(text, kind="press-release", date="2017-04-25")
    said = claims(facts, labels)
    assert said and all(who == "Jim Nielsen" for who, _ in said)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("Senator Jim Nielsen (R-Tehama) wrote to FEMA on Monday.\n", ("Jim Nielsen", "Senator")),
        ("Senator Marco Rubio (R-Fla.) wrote to FEMA on Monday.\n", ("Marco Rubio", "U.S. Senator")),
        ("Senator Rand Paul (R-KY) wrote to FEMA on Monday.\n", ("Rand Paul", "U.S. Senator")),
    ],
)
def test_a_senator_of_a_district_no_state_is_no_us_senator(text: str, post: tuple[str, str]) -> None:
    facts, labels = _facts(text)
    assert post in holders(facts, labels)


def test_a_flow_in_cubic_feet_per_second_is_a_measure() -> None:
    [q] = find_quantities("The spillway released 100,000 cfs on Tuesday.")
    assert (str(q.value), q.unit, q.counted) == ("100000", "cfs", None)
