"""Twenty-first round: shapes of real documents seen on new subjects (a state's bribery case, a
pandemic food-aid fraud, a postal computer scandal), each text made up in the shape of a real
document's."""

from __future__ import annotations

import pytest

from kg.dates import find_dates
from kg.model import Kind, Ref
from kg.quantities import find_quantities
from tests.test_attribution import claims, holders
from tests.test_round12 import embedded
from tests.test_round19 import _facts  # (the text as a dated document, with the embedded gazetteer)
from tests.test_round20 import _dates


def _names(facts: list, labels: dict[str, str], cls: str) -> set[str]:
    """The labels of the entities of class ``cls``."""
    return {labels.get(f.subject, f.subject) for f in facts if f.predicate == "type" and f.obj == Kind(cls)}


# --- bodies --------------------------------------------------------------------------------------


def test_a_heading_that_runs_a_bureau_into_its_commission_names_two_bodies() -> None:
    text = (
        "Written Statement of Nicole McGinnis Deputy Chief, Public Safety and Homeland Security Bureau "
        "Federal Communications Commission Before the Committee on Commerce, Science and Transportation U.S. "
        "Senate Thursday, April 5, 2018 Good morning Senator Schatz, and thank you for the opportunity to "
        "testify before you today. The Commission acted swiftly to open an investigation.\n"
    )
    facts, labels = _facts(text)
    agencies = _names(facts, labels, "Agency")
    assert "Public Safety and Homeland Security Bureau" in agencies
    assert "Federal Communications Commission" in agencies
    assert not any("Bureau Federal" in a for a in agencies)


@pytest.mark.parametrize(
    "name",
    ["Chicago Police Department Internal Affairs Division", "Federal Aviation Administration Air Traffic Organization"],
)
def test_a_body_and_its_part_named_together_stay_one_name(name: str) -> None:
    facts, labels = _facts(f"The {name} reviewed the case in 2019.\n")
    assert name in _names(facts, labels, "Agency")


# --- posts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Attorney for the District of Columbia Jessie K. Liu said the case was closed.\n",
        "The case was brought by John Smith, U.S. Attorney for the District of Columbia Jessie K. Liu and others.\n",
        "The announcement was made by Assistant Attorney General John C. Demers, U.S. Attorney for the District "
        "of Columbia Jessie K. Liu, and Assistant Director Michael McGarrity of the FBI.\n",
    ],
)
def test_a_title_with_its_district_before_a_name_is_that_names(text: str) -> None:
    facts, labels = _facts(text)
    held = holders(facts, labels)
    assert ("Jessie K. Liu", "United States Attorney for the District of Columbia") in held
    assert not any(post.endswith("Jessie") for _, post in held)
    assert not any(who in {"John Smith", "John C. Demers"} and "District" in post for who, post in held)


def test_a_title_with_its_district_after_a_name_is_still_that_names() -> None:
    facts, labels = _facts(
        "The case was brought by Kenneth L. Parker, U.S. Attorney for the Southern District of Ohio.\n"
    )
    assert ("Kenneth L. Parker", "United States Attorney for the Southern District of Ohio") in holders(facts, labels)


# --- claims --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Hawaii Gov. David Ige said on Monday the state would act.\n", "the state would act"),
        ("Hawaii Gov. David Ige said last week they would act.\n", "they would act"),
        ("Hawaii Gov. David Ige said on Monday that the state would act.\n", "the state would act"),
        # after "that", the time is the clause's own
        ("Hawaii Gov. David Ige said that in 2018 the agency failed to act.\n", "in 2018 the agency failed to act"),
    ],
)
def test_when_a_thing_was_said_is_not_what_was_said(text: str, said: str) -> None:
    facts, labels = _facts(text)
    assert claims(facts, labels) == [("David Ige", said)]


def test_a_clause_whose_subject_the_parse_took_is_not_said_without_it() -> None:
    facts, labels = _facts("Hawaii Gov. David Ige said today is a hard day for the state.\n")
    assert all(not said.startswith("is ") for _, said in claims(facts, labels))


def test_a_statement_of_members_listed_by_name_is_each_ones() -> None:
    text = (
        "Washington, D.C. – Members of the Select Committee on Oversight – Chairman Trey Gowdy (SC-04), Rep. "
        "Susan Brooks (IN-05), and Rep. Jim Jordan (OH-04) – released the following statement after the "
        "committee voted 7-4 to make its proposed report final:\n\n"
        "“Our thorough investigation was conducted in a manner worthy of their memory.”\n"
    )
    facts, labels = _facts(text)
    speakers = {who for who, said in claims(facts, labels) if said.startswith("Our thorough")}
    assert speakers == {"Trey Gowdy", "Susan Brooks", "Jim Jordan"}
    # one act of saying: one statement, each of them its actor
    statements = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Statement")}
    assert len(statements) == 1
    actors = {
        labels[f.obj.key]
        for f in facts
        if f.subject in statements and f.predicate == "actor" and isinstance(f.obj, Ref)
    }
    assert actors == speakers
    assert labels[statements.pop()] == "Statement by Trey Gowdy, Susan Brooks and Jim Jordan"


def test_a_statements_quotation_ends_where_its_mark_closes_not_at_a_later_one() -> None:
    text = (
        "Committee Chairwoman Virginia Foxx (R-NC) today issued the following statement on the report:\n\n"
        "“A taxpayer-funded program to help hungry children was abused. This is unacceptable,” said "
        "Chairwoman Foxx. BACKGROUND: Between 2022 and 2024, the U.S. Attorney charged 70 individuals. To "
        "date, five individuals have been convicted of fraud that the prosecutor called “depraved.”\n"
    )
    facts, labels = _facts(text, kind="statement")
    said = [words for who, words in claims(facts, labels) if who == "Virginia Foxx"]
    assert said and all("BACKGROUND" not in w and "convicted" not in w for w in said)


# --- names that are no one's ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_named"),
    [
        ("But the Post Office insisted that Horizon was robust and reliable.\n", "But the Post Office"),
        ("62-CV-20-5492\n\nFiled in District Court\n\nState of Minnesota\n", "Filed in District Court"),
        (
            "The motion for an Emergency Temporary Restraining Order and Order for Contempt of Court is denied.\n",
            "Order for Contempt of Court",
        ),
        (
            "This criminal case is before the Court on Defendant Matthew Borges' motion to strike.\n",
            "Court on Defendant",
        ),
        (
            "During the Final Pretrial Conference on January 11, 2023, the Court denied the motion.\n",
            "Final Pretrial Conference",
        ),
        (
            "T Moloney QC & Ms K O'Raghallaigh (instructed by Hudgell Solicitors) for Josephine Hamilton.\n",
            "T Moloney QC",
        ),
        ("Neutral Citation Number: [2019] EWHC 3408 (QB)\n\nThe claimants brought the case.\n", "EWHC 3408"),
        (
            "HB 6 was the manifestation of this alleged corruption, said Rep. Michael J. Skindell (D-Lakewood).\n",
            "D-Lakewood",
        ),
        (
            "“The people of Ohio are the victims,” stated FBI Special Agent in Charge J. William Rivers.\n",
            "Charge J. William Rivers",
        ),
    ],
)
def test_words_of_a_filing_a_citation_or_a_sentence_are_no_entitys_name(text: str, not_named: str) -> None:
    facts, labels = _facts(text)
    names = {labels.get(f.subject, f.subject) for f in facts if f.predicate == "type"}
    assert not_named not in names


def test_the_government_in_a_text_of_no_american_government_is_not_the_united_states() -> None:
    facts, labels = _facts("The Government will bring forward legislation to quash the convictions in Parliament.\n")
    assert "United States federal government" not in _names(facts, labels, "Agency")


def test_in_a_state_houses_release_its_representatives_and_members_are_the_states() -> None:
    text = (
        "COLUMBUS—Ohio House Democrats today introduced House Bill (HB) 738 to repeal HB 6.\n\n"
        "“HB 6 was corrupt,” said Rep. Michael J. Skindell (D-Lakewood), a sponsor of the bill.\n"
    )
    facts, labels = embedded(text, publisher="Ohio House of Representatives, Democratic Caucus (ohiohouse.gov)")
    held = holders(facts, labels)
    assert ("Michael J. Skindell", "Member of the U.S. House of Representatives") not in held
    assert "Democratic members of Congress" not in _names(facts, labels, "Group")


def test_a_party_before_a_title_is_no_word_of_the_post() -> None:
    facts, labels = _facts(
        "The scheme was led by Republican Speaker Larry Householder (R-Glenford), prosecutors said.\n"
    )
    assert not any(post.startswith("Republican") for _, post in holders(facts, labels))


def test_a_bodys_fields_before_and_the_are_its_name() -> None:
    facts, labels = _facts("The House Education and the Workforce Committee met on Monday.\n")
    assert "House Education and the Workforce Committee" in _names(facts, labels, "Agency")


def test_an_english_judge_is_named_by_the_style_and_holds_the_judges_post() -> None:
    text = (
        "The case was heard by Mr Justice Fraser in the High Court in London. Lord Justice Holroyde, sitting "
        "with Mrs Justice Farbey, quashed the convictions.\n"
    )
    facts, labels = _facts(text)
    held = holders(facts, labels)
    assert ("Mr Justice Fraser", "Justice") in held
    assert ("Lord Justice Holroyde", "Lord Justice") in held
    assert ("Mrs Justice Farbey", "Justice") in held
    assert "High Court" in _names(facts, labels, "Agency")
    assert not any("Fraser" in a or "London" in a for a in _names(facts, labels, "Agency"))


def test_a_committees_fields_listed_before_its_last_two_are_its_name() -> None:
    text = "Oral evidence taken before the Business, Energy and Industrial Strategy Committee on 10 March 2020.\n"
    facts, labels = _facts(text)
    assert "Business, Energy and Industrial Strategy Committee" in _names(facts, labels, "Agency")
    text = (
        "# title: Business, Energy and Industrial Strategy Committee, Oral evidence: Post Office and Horizon, HC 143, "
        "Tuesday 10 March 2020\nThe committee heard from the witnesses on Tuesday.\n"
    )
    facts, labels = _facts(text)
    assert "Energy and Industrial Strategy Committee" not in _names(facts, labels, "Agency")


@pytest.mark.parametrize(
    ("text", "day"),
    [("Date: 15/01/2021", "2021-01-15"), ("Filed 6/24/2021", "2021-06-24"), ("on 03/04/2021", "2021-03-04")],
)
def test_a_day_written_first_is_read_so_only_where_no_month_could_be(text: str, day: str) -> None:
    assert [d.value for d in find_dates(text)] == [day]


def test_an_honour_to_serve_is_a_courtesy_however_long() -> None:
    text = (
        "Chairman Trey Gowdy released the following statement on the report:\n\n“It has been a great privilege "
        "and honor to follow the facts on behalf of the American people, but especially for the families of the "
        "four men killed. We urge the administration to release all of the evidence.”\n"
    )
    facts, labels = _facts(text)
    said = [words for _, words in claims(facts, labels)]
    assert said and not any(words.startswith("It has been") for words in said)


def test_a_statement_from_a_person_set_below_a_release_is_theirs_from_where_it_begins() -> None:
    text = (
        "AKRON, Ohio – On July 27, 2020 FirstEnergy Corp. released statements regarding the investigation.\n\n"
        "FirstEnergy Corp. today issued the following statement from Chief Executive Officer Charles E. Jones:\n\n"
        "On Friday morning, FirstEnergy hosted a conference call to discuss our results with investors. At that "
        "point, I and other members of FirstEnergy leadership no longer had any decision-making power.\n"
    )
    facts, labels = _facts(text, date="2020-07-27")
    said = claims(facts, labels)
    assert any(who == "Charles E. Jones" and words.startswith("At that point") for who, words in said)
    assert not any("released statements" in words for _, words in said)


def test_a_clauses_subject_the_parse_made_the_verbs_object_is_said_with_it() -> None:
    text = (
        "Pvt. Ivan Frederick Jr., military policeman, also testified the Soldiers responsible for the detainees "
        "were laughing and joking during the misconduct.\n"
    )
    facts, labels = _facts(text)
    assert [w for _, w in claims(facts, labels)] == [
        "the Soldiers responsible for the detainees were laughing and joking during the misconduct"
    ]


def test_a_party_in_a_court_is_no_part_of_it() -> None:
    text = (
        "Charges were filed against Arthur Andersen LLP in the United States District Court for the Southern "
        "District of Texas on May 6, 2002.\n"
    )
    facts, _ = _facts(text)
    assert not any(f.predicate == "subOrganizationOf" for f in facts)


# --- after the held-out scoring (grenfell-tower, ny-nursing-homes) -------------------------------


def test_a_statement_whose_opening_tells_of_a_person_is_not_that_persons() -> None:
    text = (
        "Mr Speaker, this morning Sir Martin Moore-Bick published the final report of the Inquiry.\n\n"
        "And I am sure the whole House will join me in thanking him and his whole team for their work.\n"
    )
    facts, labels = _facts(text, kind="statement")
    assert not any(who == "Martin Moore-Bick" for who, _ in claims(facts, labels))


def test_a_prime_minister_is_a_title_before_a_name() -> None:
    facts, labels = _facts(
        "Prime Minister Theresa May said:\n\n“The inquiry will get to the truth of what happened.”\n"
    )
    assert ("Theresa May", "Prime Minister") in holders(facts, labels)
    assert "Minister Theresa May" not in labels.values()


def test_the_state_attorney_general_is_no_attorney_general_of_the_united_states() -> None:
    text = (
        "ALBANY, N.Y. — New York undercounted deaths, the state attorney general said in a report released "
        "Thursday, as the U.S. death toll rose.\n\nAttorney General Letitia James has been examining the "
        "discrepancies for months.\n"
    )
    facts, labels = _facts(text, kind="news")
    assert ("Letitia James", "Attorney General of the United States") not in holders(facts, labels)


@pytest.mark.parametrize("text", ["the publication of the phase two report", "in part two of the inquiry"])
def test_a_stage_numbered_in_words_is_no_count(text: str) -> None:
    assert find_quantities(text) == []


def test_british_honorifics_without_a_full_stop_name_people() -> None:
    text = "Cllr Elizabeth Campbell wrote to residents. Mr Alan Bates spoke to the committee.\n"
    facts, labels = _facts(text)
    assert "Elizabeth Campbell" in _names(facts, labels, "Official")
    assert "Alan Bates" in _names(facts, labels, "Person")
    assert not any(n.startswith(("Cllr", "Mr ")) for n in labels.values())


def test_a_court_texts_judgment_in_its_head_is_the_courts_order_of_its_day() -> None:
    head = (
        "Neutral Citation Number: [2019] EWHC 3408 (QB)\n\nIN THE HIGH COURT OF JUSTICE\n\nQUEENS BENCH DIVISION\n\n"
        "Date: 16 December 2019\n\nBetween :\n\nAlan Bates and Others\n\nClaimants\n\n- and -\n\nPost Office "
        "Limited\n\nDefendant\n\nJudgment (No.6) “Horizon Issues”\n\nThe claimants are former sub-postmasters.\n"
    )
    facts, labels = _facts(head, kind="court", date="2019-12-16")
    assert _dates(facts, "CourtOrder") == {"2019-12-16"}
    orders = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("CourtOrder")}
    actors = {
        labels[f.obj.key] for f in facts if f.subject in orders and f.predicate == "actor" and isinstance(f.obj, Ref)
    }
    assert actors == {"High Court of Justice"}
    motion = "IN THE UNITED STATES DISTRICT COURT\n\nDEFENDANT'S MOTION FOR SUMMARY JUDGMENT\n\nThe defendant moves.\n"
    facts, _ = _facts(motion, kind="court", date="2019-12-16")
    assert _dates(facts, "CourtOrder") == set()
