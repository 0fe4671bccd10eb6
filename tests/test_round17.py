"""Seventeenth round: shapes of real documents seen on three new subjects (the Sago mine disaster, the
college admissions prosecutions, Hurricane Sandy's flood insurance claims), each text made up in the
shape of a real document's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Fact, Kind, Lit, Ref
from kg.quantities import find_quantities
from tests.test_attribution import claims, holders
from tests.test_round15 import dated


def statistics(facts: list[Fact]) -> dict[str, dict[str, str]]:
    """Each statistic's label and its facts (predicate: value), where a label is given once."""
    labels = {f.subject: f.obj.value for f in facts if f.predicate == "label" and isinstance(f.obj, Lit)}
    stats = {f.subject for f in facts if f.predicate == "value" and f.rule == "statistic"}
    out: dict[str, dict[str, str]] = {}
    for f in facts:
        if f.subject in stats and f.predicate not in {"label", "type"}:
            out.setdefault(str(labels.get(f.subject)), {})[f.predicate] = str(getattr(f.obj, "value", f.obj))
    return out


def actors(facts: list[Fact], labels: dict[str, str]) -> set[str]:
    return {labels.get(f.obj.key, f.obj.key) for f in facts if f.predicate == "actor" and isinstance(f.obj, Ref)}


def event_dates(facts: list[Fact], labels: dict[str, str]) -> dict[str, str]:
    return {labels.get(f.subject, f.subject): str(getattr(f.obj, "value", "")) for f in facts if f.predicate == "date"}


def test_a_supreme_court_slip_opinions_running_head_counts_nothing() -> None:
    text = (
        "(Slip Opinion) OCTOBER TERM, 2021 1 Syllabus NOTE: Where it is feasible, a syllabus will be released. "
        "SUPREME COURT OF THE UNITED STATES Syllabus UNITED STATES v. DOE CERTIORARI TO THE UNITED STATES COURT "
        "OF APPEALS FOR THE FIRST CIRCUIT No. 20–443. Argued October 13, 2021—Decided March 4, 2022 "
        "The jury found Doe guilty on all 30 counts.\n\n"
        "Cite as: 595 U. S. ____ (2022) 3 Opinion of the Court\n"
    )
    facts, labels = dated(text, "court", "2022-03-04")
    assert set(statistics(facts)) == {"30 counts"}, statistics(facts)
    cases = {labels.get(f.subject, "") for f in facts if f.obj == Kind("CourtCase")}
    assert cases == {"UNITED STATES v. DOE"}, cases
    # the court the case comes from does not decide it
    orders = [f for f in facts if f.predicate == "actor" and labels.get(f.subject, "").startswith("Court order")]
    assert not orders, orders


@pytest.mark.parametrize(
    ("caption", "case"),
    [
        (
            "In Hornbeck Offshore Services, L.L.C. v. Salazar, the court ruled.",
            "Hornbeck Offshore Services, L.L.C. v. Salazar",
        ),
        ("See Arthur Andersen LLP v. United States.", "Arthur Andersen LLP v. United States"),
    ],
)
def test_a_firms_suffix_in_capitals_makes_no_caption(caption: str, case: str) -> None:
    facts, labels = dated(caption, "court", "2022-03-04")
    cases = {labels.get(f.subject, "") for f in facts if f.obj == Kind("CourtCase")}
    assert cases == {case}, cases


def test_a_docket_numbers_mark_is_no_part_of_a_courts_name() -> None:
    text = "United States Court of Appeals For the First Circuit No. 22-1129 Before the court."
    _, labels = dated(text, "court", "2023-05-10")
    assert "United States Court of Appeals For the First Circuit" in labels.values()
    assert not [v for v in labels.values() if v.endswith("Circuit No")]


def test_a_date_between_the_conjunction_and_its_verb_is_the_second_verbs() -> None:
    text = "The Department of Justice charged John Smith in 2015 and, in 2016, indicted Mary Jones.\n"
    facts, labels = dated(text, "press-release", "2017-05-01")
    days = {labels.get(f.subject, ""): str(getattr(f.obj, "value", "")) for f in facts if f.predicate == "date"}
    assert days.get("Charge by U.S. Department of Justice: John Smith") == "2015", days
    assert days.get("Charge: Mary Jones") == "2016", days
    text = "The OIG conducted an investigation and, on March 6, 2008, made a referral to the U.S. Attorney.\n"
    facts, labels = dated(text, "press-release", "2008-05-01")
    assert not [f for f in facts if f.predicate == "date"], facts  # the referral's day, not the investigation's


def test_a_statistic_is_about_no_group_outside_its_phrase() -> None:
    text = "Today, House Democrats held a Congressional forum on mine safety, in which six family members testified.\n"
    facts, _ = dated(text, "press-release", "2006-02-17")
    assert "six family members" in statistics(facts)
    assert not [f for f in facts if f.predicate == "about"], facts


def test_pounds_per_square_inch_is_a_pressure() -> None:
    q, r = find_quantities(
        "The seals were built to withstand 20 pounds per square inch (psi), and the rule requires 120 psi."
    )
    assert (q.value, q.unit) == (Decimal("20"), "pounds per square inch")
    assert (r.value, r.unit) == (Decimal("120"), "pounds per square inch")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The office prosecuted 10 defendants rather than 53.", "defendants"),
        ("The agency hired 10 inspectors last year.", "inspectors"),
    ],
)
def test_a_counted_noun_ends_before_a_comparison_or_a_time(text: str, counted: str) -> None:
    (q, *_) = find_quantities(text)
    assert q.counted == counted


def test_what_might_have_been_counts_nothing() -> None:
    text = (
        "Her office might have prosecuted just 10 defendants rather than the 53 who were charged. "
        "Graner could have received as much as 15 years in prison. "
        "The spill that fouled rivers in three states would have been avoided.\n"
    )
    stats = statistics(dated(text, "news", "2023-01-04")[0])
    assert "10 defendants" not in stats
    assert {"as much as 15 years", "three states"} <= set(stats), stats


@pytest.mark.parametrize(
    ("text", "label", "qualifier"),
    [
        ("Singer faced up to 65 years in prison, and a fine of $1.25 million.", "$1.25 million", "upper-bound"),
        ("Smith faces a maximum penalty of 20 years in prison and a $250,000 fine.", "$250,000 fine", "upper-bound"),
        (
            "Under the plea agreement, Loughlin is facing two months in prison and a $150,000 fine.",
            "$150,000 fine",
            "exact",
        ),
        ("The city faces up to a $40 million deficit and 12 layoffs.", "12 layoffs", "exact"),
    ],
)
def test_a_penalty_faced_under_a_cap_is_at_most(text: str, label: str, qualifier: str) -> None:
    stats = statistics(dated(text, "news", "2019-05-01")[0])
    assert stats[label]["qualifier"] == qualifier, stats


def test_a_penalty_faced_and_the_same_figure_imposed_are_two_statistics() -> None:
    text = "May faces up to five years in prison and a $250,000 fine.\n\n- Sentence: 1 year in prison, $250,000 fine\n"
    facts, _ = dated(text, "encyclopedia", "2016-01-01")
    qualifiers = sorted(str(f.obj.value) for f in facts if f.predicate == "qualifier" and "250,000" in f.evidence.quote)
    assert qualifiers == ["exact", "upper-bound"], qualifiers


def test_a_fronted_phrases_last_name_is_not_the_subject() -> None:
    text = (
        "WASHINGTON, DC – Following a meeting this afternoon with Federal Emergency Management Agency (FEMA) "
        "Administrator Craig Fugate, U.S. Senators Bob Menendez and Cory Booker (both D-N.J.) announced that the "
        "agency has agreed to reopen every claim.\n\n"
        "In a press conference, Marilyn Mosby, the State's Attorney, announced the findings of her team.\n"
    )
    facts, labels = dated(text, "press-release", "2015-03-12")
    who = actors(facts, labels)
    assert "Craig Fugate" not in who, who
    assert {"Bob Menendez", "Cory Booker"} <= who, who


def test_a_storm_is_no_person_and_i_am_names_the_witness() -> None:
    text = (
        "Written testimony of FEMA Federal Insurance and Mitigation Administration Deputy Associate Administrator "
        "Brad Kieserman for a House hearing titled “Oversight of Superstorm Sandy Claims”\n\n"
        "Chairman Luetkemeyer and Members of the Committee, I am Brad Kieserman, Deputy Associate Administrator for "
        "Federal Insurance in the Department of Homeland Security’s (DHS) Federal Emergency Management Agency "
        "(FEMA).\n\n"
        "Floods remain the number one natural disaster in the United States.\n"
    )
    facts, labels = dated(text, "testimony", "2015-06-02")
    said = claims(facts, labels)
    assert ("Brad Kieserman", "Floods remain the number one natural disaster in the United States.") in said, said
    assert "Superstorm Sandy" not in labels.values()
    assert "Department of Homeland Security" in labels.values()
    assert not [v for v in labels.values() if v.startswith("Deputy Associate Administrator for Federal")]


def test_a_later_deadlines_date_does_not_date_a_length_before_its_noun() -> None:
    text = "The members requested a three-month extension of the Sept. 15 deadline for Sandy victims.\n"
    stats = statistics(dated(text, "press-release", "2015-08-13")[0])
    assert "date" not in stats["three-month"], stats


def test_a_bodys_interim_president_is_the_bodys() -> None:
    text = (
        "Update from USC interim President Wanda M. Austin regarding the investigation\n\n"
        "The University of Southern California (USC) fired two employees.\n"
    )
    facts, labels = dated(text, "statement", "2019-03-14")
    assert ("Wanda M. Austin", "President, University of Southern California") in holders(facts, labels)
    assert not [h for h in holders(facts, labels) if h[1] == "President of the United States"]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "I thank Leader John Boehner for joining us, as well as Congressman Buck McKeon.",
            ("John Boehner", "Congressman"),
        ),
        (
            "I joined the families of the victims and the survivor, Randal McCloy, members of the State Legislative "
            "Committee established to conduct an inquiry.",
            ("Randal McCloy", "Members, State Legislative Committee"),
        ),
        (
            '"The seals failed," said Richard E. Stickler, assistant secretary of labor for mine safety.',
            ("Richard E. Stickler", "Assistant"),
        ),
    ],
)
def test_no_post_from_a_list_or_a_titles_modifier(text: str, held: tuple[str, str]) -> None:
    facts, labels = dated(text + "\n", "statement", "2006-06-15")
    assert held not in holders(facts, labels), holders(facts, labels)


def test_two_titles_of_one_body() -> None:
    text = (
        '"We will resume," said Ben Hatfield, President and CEO of International Coal Group (ICG).\n\n'
        "Kathe Sackler, Vice President and Member of the Board of Directors of Purdue Pharma, testified.\n"
    )
    held = holders(*dated(text, "press-release", "2006-03-14"))
    assert ("Ben Hatfield", "President and CEO, International Coal Group") in held, held
    assert not [h for h in held if h[1].startswith("Vice President and Member")], held


def test_whom_a_quotation_says_admitted_something_is_no_speaker() -> None:
    text = (
        "“This is a turnaround for Sandy survivors. I’m pleased FEMA has admitted there are big problems and has "
        "committed to fixing them,” said Sen. Bob Menendez.\n"
    )
    said = claims(*dated(text, "press-release", "2015-03-12"))
    assert [s for s in said if s[0] == "Bob Menendez"], said
    assert not [s for s in said if s[0] == "Federal Emergency Management Agency"], said


def test_a_number_left_with_neither_unit_nor_noun_is_no_statistic() -> None:
    text = "I appreciate the Governors from three important coal mining states for joining us.\n"
    assert "three" not in statistics(dated(text, "statement", "2006-06-15")[0])


def test_a_date_alone_before_a_dash_is_a_dateline_and_a_jury_finding_guilty_convicts() -> None:
    text = (
        "October 18, 2021 - On October 8, in the first of the cases to go to trial, a jury found hedge fund "
        "founder John Wilson and former casino executive Gamal Abdelaziz guilty of all counts.\n"
    )
    facts, labels = dated(text, "news", "2021-10-18")
    convicted = {labels.get(f.obj.key, "") for f in facts if f.predicate == "object" and isinstance(f.obj, Ref)}
    assert convicted == {"John Wilson", "Gamal Abdelaziz"}, convicted
    assert set(event_dates(facts, labels).values()) == {"2021-10-08"}, event_dates(facts, labels)


def test_a_district_judge_is_no_judge_of_a_court_a_caption_names() -> None:
    text = (
        "William Singer leaves Boston Federal Court in March 2019.\n\n"
        "In addition to the prison term, U.S. District Judge Rya W. Zobel on Wednesday ordered Singer to pay.\n"
    )
    held = holders(*dated(text, "news", "2023-01-04"))
    assert ("Rya W. Zobel", "Judge, Boston Federal Court") not in held, held


@pytest.mark.parametrize(
    ("text", "label", "qualifier", "counted"),
    [
        ("It had wind gusts as strong as 91 mph.", "as strong as 91 mph", "upper-bound", None),
        ("Sandy affected 12 states plus the District of Columbia.", "12 states", "exact", "states"),
        ("Owners outside file nearly 25 percent of all National Flood Insurance Program (NFIP) flood claims.",
         "nearly 25 percent", "approximate", None),
    ],
)  # fmt: skip
def test_bounds_said_as_far_as_and_counted_nouns_that_go_on(
    text: str, label: str, qualifier: str, counted: str | None
) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.qualifier, q.counted) == (label, qualifier, counted)


def test_a_count_in_an_apposition_is_not_dated_by_its_clause() -> None:
    text = (
        "On November 7, 2014, Magistrate Judge Brown issued a Memorandum and Order in Raimey v. Wright National "
        "Flood Insurance Co., No. 14-CV-461, one of the more than 1,000 Hurricane Sandy cases being managed.\n"
    )
    stats = statistics(dated(text, "court", "2014-12-08")[0])
    assert "date" not in stats["more than 1,000 Hurricane Sandy cases"], stats


def test_a_byline_in_capitals_names_the_columns_author() -> None:
    text = (
        "By GOV. JOE MANCHIN\n"
        "CHARLESTON -- In the days after the tragedy, Davitt McAteer, a mine safety expert, volunteered to help.\n"
        "This report shares a lot of information with the families, and makes important recommendations.\n"
    )
    said = claims(*dated(text, "statement", "2006-08-01"))
    assert [s for s in said if s[0] == "Joe Manchin"], said
    assert not [s for s in said if s[0] == "Davitt McAteer"], said


def test_a_bare_title_a_text_gives_a_state_is_no_national_post() -> None:
    text = (
        "Washington State Attorney General Ferguson statement on the vapor plan\n\n"
        "SEATTLE — Attorney General Bob Ferguson today commented on the release of the plan.\n"
    )
    held = holders(*dated(text, "statement", "2015-02-10"))
    assert not [h for h in held if h[1] == "Attorney General of the United States"], held


def test_a_negated_finding_and_a_quoted_word_are_no_claims() -> None:
    text = (
        "What GAO Found\n\n"
        "The Department of Energy (DOE) has taken some actions to evaluate the physical causes that contributed "
        "to the partial collapse of the Plutonium Uranium Extraction (PUREX) Tunnel 1, but has not determined the "
        "programmatic causes that led to the collapse.\n\n"
        'The company targeted what they called "high-value" prescribers, Kavanaugh said.\n'
    )
    said = claims(*dated(text, "report-summary", "2020-01-21"))
    assert not [c for c in said if "programmatic causes" in c[1] or c[1] == "high-value"], said


def test_a_name_the_model_reads_as_a_bodys_is_a_person_whose_surname_it_shares() -> None:
    text = (
        "Mayra Alvear lost her daughter Amanda Lizzette Alvear in the tragedy.\n\n"
        "“We could breathe again,” said Alvear.\n"
    )
    said = claims(*dated(text, "news", "2023-06-12"))
    assert ("Mayra Alvear", "We could breathe again") in said, said


def test_a_bare_attorney_general_is_the_nations_only_where_its_department_is_named() -> None:
    release = (
        "SACRAMENTO – Attorney General Xavier Becerra today, along with a coalition of attorneys general from 47 "
        "states, announced a settlement with the firm.\n"
    )
    held = holders(*dated(release, "press-release", "2021-02-04"))
    assert ("Xavier Becerra", "Attorney General") in held, held
    federal = "Attorney General Jeff Sessions today announced that the Department of Justice will act.\n"
    held = holders(*dated(federal, "press-release", "2018-04-06"))
    assert ("Jeff Sessions", "Attorney General of the United States") in held, held


def test_a_us_attorney_is_of_the_district_the_text_names() -> None:
    text = "Joshua Levy, U.S. Attorney for the District of Massachusetts, announced the charges today.\n"
    held = holders(*dated(text, "news", "2024-12-13"))
    assert ("Joshua Levy", "United States Attorney for the District of Massachusetts") in held, held


def test_a_hyphenated_title_and_a_calling_after_a_title() -> None:
    text = (
        "== Commission members ==\n\n"
        "- Neil Armstrong (vice-chairman), retired astronaut and first person to walk on the Moon\n"
        "- Eugene E. Covert, aeronautics expert and former Chief Scientist of the United States Air Force\n"
    )
    facts, labels = dated(text, "encyclopedia", "1986-06-09")
    held = holders(facts, labels)
    assert ("Neil Armstrong", "Chairman") not in held, held
    assert "Scientist" not in labels.values(), held


def test_an_appointment_to_a_new_post_dates_no_tenure_of_the_old_one() -> None:
    text = (
        "Shortly thereafter, on February 10th, 1986, Dr. Alton G. Keel, Jr., Associate Director of the Office of "
        "Management and Budget, was appointed Executive Director.\n\n"
        "In 2010, then-New Jersey Governor Chris Christie appointed Bill Baroni to serve as Deputy Executive "
        "Director.\n\n"
        "On April 16, 2012, Michael Horowitz was sworn in as Inspector General of the Department of Justice.\n"
    )
    facts, labels = dated(text, "report", "1986-06-09")
    begun = {labels.get(f.subject, f.subject) for f in facts if f.predicate == "begin"}
    assert not [b for b in begun if "Associate Director" in b or "Governor" in b], begun
    assert [b for b in begun if b.startswith("Michael E. Horowitz as Inspector General")], begun


def test_an_administration_named_for_someone_the_text_never_names_asserts_no_post() -> None:
    text = "The report criticized Trump Administration Secretary of Health and Human Services (HHS) Alex Azar.\n"
    held = holders(*dated(text, "press-release", "2022-04-13"))
    assert not [h for h in held if h[1] == "President of the United States"], held
