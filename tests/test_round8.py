"""Eighth round: a release's statements are events of the release's day, where nothing in the text
says they were made on another; a statement's own document is its speaker's statement of its day.
Each text is made up in the shape of a real document's (tests/corpora/red-hill, hurricane-maria)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.dates import find_dates
from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Fact, Kind, Lit, Ref, SourceMeta
from kg.quantities import find_quantities
from kg.sources import document_from_text
from tests.test_attribution import build, claims, holders

ROOT = Path(__file__).resolve().parent.parent


def statements(facts: list[Fact], labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """(speaker, day, the date's rule) for every statement event (once, however many claims it expresses)."""
    said = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Statement")}
    who = {f.subject: labels.get(f.obj.key, f.obj.key) for f in facts
           if f.subject in said and f.predicate == "actor" and isinstance(f.obj, Ref)}  # fmt: skip
    return sorted(
        {
            (who.get(f.subject, ""), f.obj.value, f.rule)
            for f in facts
            if f.subject in said and f.predicate == "date" and isinstance(f.obj, Lit)
        }
    )


def posts(text: str, kind: str = "press-release") -> set[str | None]:
    """The labels of the posts people hold in what ``text`` makes."""
    facts, labels = build(text, kind)
    return {labels.get(f.obj.key) for f in facts if f.predicate == "holds" and isinstance(f.obj, Ref)}


RELEASE = (
    "HONOLULU – The Department of Health issued an emergency order to the agency.\n\n"
    "“The order protects the families who drink this water,” said Health Director Jane Roe. "
    "“We expect full compliance.”\n\n"
    "“The agency must act now,” Roe added.\n"
)


def test_a_releases_quotations_are_its_speakers_statement_of_its_day() -> None:
    facts, labels = build(RELEASE)
    assert statements(facts, labels) == [("Jane Roe", "2014-08-26", "document-day")], statements(facts, labels)
    events = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Statement")}
    expressed = {f.obj for f in facts if f.predicate == "expresses"}
    assert len(events) == 1 and len(expressed) == 3, "one statement, however many quotations say it"


@pytest.mark.parametrize(
    "text, kind",
    [
        (RELEASE, "encyclopedia"),  # not a release: when it was said is not the page's day
        ("The agency was told to stop.\n\n“The order protects families,” Roe said at the hearing.\n", "press-release"),
        ("The agency was told to stop.\n\nIn May, Jane Roe said that the order protects families.\n", "press-release"),
        ("The agency was told to stop.\n\nJane Roe had said that the order protects families.\n", "press-release"),
        (
            "The committee heard from regulators at Thursday's hearing.\n\n"
            "“The order protects families,” said Senator Jane Roe.\n",
            "press-release",
        ),
    ],
)
def test_words_a_release_may_report_from_another_day_are_not_its_days_statement(text: str, kind: str) -> None:
    facts, labels = build(text, kind)
    assert [s for s in statements(facts, labels) if s[1] == "2014-08-26"] == [], statements(facts, labels)


def test_a_statements_document_is_its_speakers_statement() -> None:
    facts, labels = build(
        "Statement of Inspector General Jane Roe on the Agency's Water Systems\n\n"
        "The agency has not maintained its water systems. We will review its work this year.\n",
        "statement",
    )
    assert statements(facts, labels) == [("Jane Roe", "2014-08-26", "document-day")], statements(facts, labels)


def test_a_statement_its_head_dates_to_another_day_is_not_of_the_documents_day() -> None:
    facts, labels = build(
        "WASHINGTON – Last night, Chairman Jane Roe issued the following statement on the resignation:\n\n"
        "“The agency is rife with incompetence and the region is no exception.”\n",
        "statement",
    )
    assert not [s for s in statements(facts, labels) if s[1] == "2014-08-26"], statements(facts, labels)


def test_the_following_statement_from_someone_is_theirs_through_paragraphs_that_do_not_reopen_it() -> None:
    text = (
        "Statement on the Soldiers' Home\n\n"
        "The following is a statement from Senate President Jane Roe.\n\n"
        "“I continue to be heartbroken for the families of those who lost their lives at the Home.\n\n"
        "I am troubled by the findings in the committee's report. As the Chairs of the committee note, "
        "the report has “generated more questions than answers.” The families deserve answers.\n\n"
        "The committee's report has outlined systemic problems.”\n"
    )
    said = claims(*build(text, "statement"))
    words = {w for who, w in said if who == "Jane Roe"}
    assert "The committee's report has outlined systemic problems." in words, said
    assert "I am troubled by the findings in the committee's report." in words, said
    assert not [w for w in words if "more questions than answers" in w], "the chairs' words, as she says"


def test_a_quoted_opening_statements_words_that_run_the_hearing_are_no_claim() -> None:
    text = (
        "Below is the opening statement of Chairman John Doe, as prepared for delivery:\n\n"
        "“We are here today to discuss the derailment and the chemical release that followed it. "
        "The railroad ignored the warnings of its own inspectors.”\n"
    )
    said = claims(*build(text, "statement"))
    assert said == [("John Doe", "The railroad ignored the warnings of its own inspectors.")], said


def test_a_deadlines_year_is_not_the_year_of_a_month_named_after_it() -> None:
    text = "VA is delaying deployments until June 2023. This comes after the Secretary announced in July a delay."
    assert [(d.text, d.value) for d in find_dates(text)] == [("June 2023", "2023-06")]
    text = "In 2022, VA acted. This comes after the Secretary announced in July a delay."
    assert [(d.text, d.value) for d in find_dates(text)] == [("2022", "2022"), ("July", "2022-07")]


@pytest.mark.parametrize(
    "text, post",
    [
        ("Acme Health\n- Founders: Neal Patterson, Paul Gorup\n- Type: Subsidiary\n", "Founder"),
        ("Acme named Jane Roe, its president and CEO, to the board.", "President and CEO"),
    ],
)
def test_a_posts_title_is_its_words_whole_and_no_bullet(text: str, post: str) -> None:
    facts, labels = build(text, "encyclopedia")
    posts = {labels.get(f.obj.key, "") for f in facts if f.predicate == "holds" and isinstance(f.obj, Ref)}
    assert post in posts and not [p for p in posts if p.startswith("-")], posts


def test_words_that_run_a_hearing_in_a_quotation_are_no_claim() -> None:
    text = "“Hearing no objection, we will proceed with the testimony of the witnesses,” said Chairman John Doe."
    assert claims(*build(text)) == [], claims(*build(text))


def labels_of(text: str, kind: str = "press-release") -> set[str]:
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date="2021-04-05")
    doc, _ = document_from_text(meta, text)
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(doc, gaz)
    keys = {f.subject for f in facts} | {f.obj.key for f in facts if isinstance(f.obj, Ref)}
    return {e.label for e in entities.values()} | {gaz.entities[k].label for k in keys if k in gaz.entities}


def test_a_known_short_name_that_ends_a_longer_one_is_not_the_known_body() -> None:
    found = labels_of(
        "Special Joint Oversight Committee on the Soldiers’ Home in Holyoke\n\n"
        "The Special Joint Oversight Committee on the Soldiers’ Home heard testimony today."
    )
    assert "House Committee on Oversight and Reform" not in found, found
    assert "House Committee on Oversight and Reform" in labels_of("The House Oversight Committee met today.")


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("I have pressed both Cerner and VA to get answers.", set(), {"Cerner and VA"}),
        ("In the One Hundred and Ninety-First General Court, the House ordered a review.", set(),
         {"In the One Hundred and Ninety-First General Court"}),
        ("The report found that then-Superintendent Bennett Walsh was unqualified.", {"Bennett Walsh"},
         {"Superintendent Bennett Walsh"}),
    ],
)  # fmt: skip
def test_names_keep_to_their_words(text: str, present: set[str], absent: set[str]) -> None:
    found = labels_of(text, "statement")
    assert present <= found and not absent & found, found


@pytest.mark.parametrize("text", ["Commonwealth v. Clinton, 491 Mass. 756 (2023)", "See 5 F.4th 123; 140 S. Ct. 1731."])
def test_a_law_reports_volume_and_page_are_no_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_a_name_with_two_blanks_in_it_is_read_whole() -> None:
    facts, labels = build("Secretary of Defense Lloyd J.  Austin III today directed the Navy to defuel the facility.")
    held = set(holders(facts, labels))
    assert held == {("Lloyd J. Austin III", "Secretary of Defense")}, held


def test_an_officials_name_with_a_middle_initial_in_a_headline_is_settled() -> None:
    text = (
        "Attorney General Merrick B. Garland Delivers Remarks on the Department’s Report\n\n"
        "Remarks as Delivered\n\n"
        "I came here to tell them that the Department of Justice has finished its review.\n"
    )
    facts, labels = build(text, "statement")
    held = set(holders(facts, labels))
    assert ("Merrick B. Garland", "Attorney General") in held, held
    # a Title Case headline's other runs of capitals settle nothing
    facts, labels = build("Chairman Sanders Statement on Phoenix Report\n\nThe report is troubling.\n", "statement")
    assert not [f for f in facts if f.predicate == "holds"], labels


def test_a_statement_released_by_a_bodys_titled_officer_is_the_officers() -> None:
    text = (
        "WASHINGTON—Today, House Committee on Homeland Security Chairman Mark E. Green, MD (R-TN) released "
        "the following statement on the resignation of the agency's Director:\n\n"
        "“There is no room for mistakes. That is why this Committee is demanding full accountability.”\n"
    )
    assert {who for who, _ in claims(*build(text, "statement"))} == {"Mark E. Green"}
    text = (
        "WASHINGTON—Today, the committee chaired by Senator Jane Roe released the following statement:\n\n"
        "“There is no room for mistakes in this agency.”\n"
    )
    assert claims(*build(text, "statement")) == [], "the committee's statement, not its chair's"


def test_the_senators_of_a_lead_quotation_are_those_the_next_paragraph_names() -> None:
    text = (
        "“The Fed must immediately exercise its authority to apply enhanced standards,” the senators wrote.\n\n"
        "Washington, D.C. – U.S. Senators Jane Roe (D-Mass.) and John Doe (D-Ill.) wrote the Vice Chair "
        "for Supervision, calling on him to act.\n"
    )
    said = claims(*build(text))
    assert {who for who, w in said if w.startswith("The Fed must")} == {"Jane Roe", "John Doe"}, said


DEFAZIO = (
    "Washington, D.C. – Today, Chair of the House Committee on Transportation and Infrastructure Peter DeFazio "
    "(D-OR) and Chair of the Subcommittee on Aviation Rick Larsen (D-WA) sent a letter to the agency.\n"
    "“In order to provide this level of assurance, we urge you to engage an independent review,” the Members wrote.\n"
)


def test_a_legislator_named_with_party_and_state_after_a_bodys_name_is_a_person_of_their_own() -> None:
    facts, labels = build(DEFAZIO)
    held = set(holders(facts, labels))
    assert held == {
        ("Peter DeFazio", "Chair, House Committee on Transportation and Infrastructure"),
        ("Rick Larsen", "Chair, Subcommittee on Aviation"),
    }, held
    _, labels = build("Reps. Jackie Speier (D-CA-14) and Sylvia Garcia (D-TX-29) introduced the bill.")
    assert "Jackie Speier" in labels.values() and not [x for x in labels.values() if x.startswith("Reps")], labels


def test_the_members_are_the_titled_holders_the_text_named_together() -> None:
    said = claims(*build(DEFAZIO))
    assert {who for who, _ in said} == {"Peter DeFazio", "Rick Larsen"}, said


@pytest.mark.parametrize(
    "head, ordered",
    [
        ("UNITED STATES DISTRICT COURT\n\nORDER TO SHOW CAUSE WHY PROBATION SHOULD NOT BE MODIFIED\n", True),
        ("In re Train Derailment\n\nMEMORANDUM OF OPINION AND ORDER [Resolving ECF No. 452]\n", True),
        ("COMPLAINT FOR CIVIL PENALTIES AND INJUNCTIVE RELIEF\n\nThe court's ORDER of May 9 governs.\n", False),
        ("PLAINTIFFS' STATUS REPORT\n\nPursuant to the Court's ORDER, the parties report as follows.\n", False),
    ],
)  # fmt: skip
def test_a_court_texts_own_order_is_of_the_day_its_metadata_states(head: str, ordered: bool) -> None:
    facts, _ = build(head + "\nThe parties appeared before the court and were heard on the motion.\n", "court")
    days = {f.obj.value for f in facts if f.predicate == "date" and f.rule == "document-day" and isinstance(f.obj, Lit)}
    assert (days == {"2014-08-26"}) is ordered, days


@pytest.mark.parametrize(
    "text, found",
    [
        ("The errors doubled the pass rate from 44 to 89 percent.", [("44", "exact"), ("89 percent", "exact")]),
        ("From 2,000 to 3,000 people were moved.",
         [("From 2,000", "lower-bound"), ("3,000 people were moved", "upper-bound")]),
    ],
)  # fmt: skip
def test_from_one_number_to_another_after_a_change_is_two_values_not_a_range(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.qualifier) for q in find_quantities(text)] == found


def test_a_bare_national_title_is_a_states_where_the_text_names_no_national_department() -> None:
    text = (
        "SPRINGFIELD — Attorney General Maura Healey today filed a notice of appeal in Hampden County Superior Court."
    )
    assert "Attorney General of the United States" not in labels_of(text)
    text = "WASHINGTON — Attorney General Merrick Garland said the Department of Justice would review the case."
    assert "Attorney General of the United States" in labels_of(text)


# After the held-out Lafayette Square corpus was scored (its judged sample's errors, in general form):


@pytest.mark.parametrize(
    "text, found",
    [
        ("Given that the majority of law enforcement personnel did not report until later, the plan waited.", []),
        ("Pedestrians were to be moved from the 1600 block of H Street to the park.", []),
        ("They will make the changes within 30 days of the settlement.", [("within 30 days", "upper-bound")]),
    ],
)  # fmt: skip
def test_no_number_stated_an_address_and_a_deadline(text: str, found: list[tuple[str, str]]) -> None:
    assert [(q.text, q.qualifier) for q in find_quantities(text)] == found


@pytest.mark.parametrize(
    "text, post",
    [
        ("“We hope this policy serves as a model,” said Director Jane Roe of the National Park Service.",
         "Director, National Park Service"),
        ("The letter went to Interior Secretary Jane Roe.", "Interior Secretary"),
        ("The letter went to Homeland Security Acting Secretary Jane Roe.", "Homeland Security Acting Secretary"),
        ("Health Director Dr. Jane Roe said the order stands.", "Health Director"),
    ],
)  # fmt: skip
def test_a_post_keeps_the_body_or_field_the_text_names_with_it(text: str, post: str) -> None:
    held = posts(text)
    assert held == {post}, held


def test_a_committee_named_for_a_field_is_no_part_of_the_department_of_that_field() -> None:
    facts, labels = build(
        "Homeland Security Committee Chairman John Doe (D-MS) and the Department of Homeland Security "
        "(Homeland Security) met today."
    )
    parts = {
        (labels.get(f.subject, f.subject), f.obj.key)
        for f in facts
        if f.predicate == "subOrganizationOf" and isinstance(f.obj, Ref)
    }
    assert not [p for p in parts if p[0] == "Homeland Security Committee"], parts


def test_a_witness_who_gives_their_name_is_the_speaker_not_the_chair_they_greet() -> None:
    text = (
        "Unanswered Questions About the Response\n\nJULY 28, 2020\n\n"
        "Good morning Chairman Doe, Ranking Member Poe, and members of the Committee. My name is Jane Roe and "
        "I am the acting Chief of the Park Police.\n\n"
        "The Park Police facilitates hundreds of demonstrations in the capital each year.\n"
    )
    said = claims(*build(text, "statement"))
    assert {who for who, _ in said} == {"Jane Roe"}, said


def test_a_heading_that_has_its_speaker_issue_the_statement_makes_the_body_theirs() -> None:
    text = (
        "June 13 Acting Chief Jane Roe issues statement about the protective mission\n\n"
        "Date: June 13, 2020\n\n"
        "More than 50 officers sustained injuries throughout the operational period. This is indisputable.\n"
    )
    said = claims(*build(text, "statement"))
    assert ("Jane Roe", "More than 50 officers sustained injuries throughout the operational period.") in said, said


def test_a_federal_courts_caption_in_capitals_names_the_court() -> None:
    found = labels_of("UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF CALIFORNIA\n\nORDER\n", "court")
    assert "United States District Court for the Northern District of California" in found, found


# After the held-out Surfside corpus was scored (its judged sample's errors, in general form):


@pytest.mark.parametrize(
    "text, post",
    [
        ("Governor Jane Roe met with FEMA Administrator John Doe in the town today.", "Administrator, FEMA"),
        ("The NY Attorney General Jane Roe sued the company.", "NY Attorney General"),
    ],
)
def test_a_bodys_initials_before_its_heads_title_are_the_posts_body(text: str, post: str) -> None:
    held = posts(text)
    assert post in held, held


@pytest.mark.parametrize(
    "text, post",
    [
        ("The Governor was joined by Surfside Mayor John Doe and others today.", "Surfside Mayor"),
        ("Miami-Dade County Mayor Jane Roe wrote to the town.", "Miami-Dade County Mayor"),
        ("When Mayor John Doe arrived, the crowd cheered.", "Mayor"),
        ("Dear Mayor Doe:\n\nThe county will reopen the site.", "Mayor"),
    ],
)
def test_a_mayors_town_before_the_title_is_the_posts(text: str, post: str) -> None:
    held = posts(text, "letter")
    assert held == {post}, held


def test_a_memorandums_header_gives_each_name_the_title_under_it() -> None:
    text = (
        "Memorandum\n\nTo: Jane Roe\n\nSecretary of the Interior\n\nFrom: John Q. Doe\n\nInspector General\n\n"
        "Subject: Special Review of the Park Police\n\nThis memorandum transmits the report of our review.\n"
    )
    facts, labels = build(text, "report-summary")
    held = set(holders(facts, labels))
    assert held == {("Jane Roe", "Secretary of the Interior"), ("John Q. Doe", "Inspector General")}, held
    facts, labels = build(
        "To: Members of the Committee\n\nFrom: Majority Staff\n\nSubject: Hearing\n", "report-summary"
    )
    assert not [f for f in facts if f.predicate == "holds"], labels


def test_a_day_years_before_the_release_is_background_not_the_occasion_of_its_quotations() -> None:
    text = (
        "WASHINGTON – The senators marked two years since the collapse on June 24, 2012.\n\n"
        "“We will never forget the families who lost loved ones,” said Senator Jane Roe.\n"
    )
    facts, labels = build(text)
    assert statements(facts, labels) == [("Jane Roe", "2014-08-26", "document-day")], statements(facts, labels)


@pytest.mark.parametrize(
    "text, found",
    [
        ("On June 25, President Jane Roe signed an Emergency Declaration for the State.", "EmergencyDeclaration"),
        ("State Attorney Jane Roe commented that the grand jury's report was sobering.", "State Attorney"),
    ],
)
def test_a_declaration_signed_and_a_state_attorney(text: str, found: str) -> None:
    facts, labels = build(text)
    kinds = {f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    held = {labels.get(f.obj.key) for f in facts if f.predicate == "holds" and isinstance(f.obj, Ref)}
    assert found in kinds | held, (kinds, held)


def test_a_team_is_a_body_and_its_initials_are_its_own() -> None:
    found = labels_of("The Blue Incident Support Team (IST) deployed with the task forces. The IST follows the plan.")
    assert "Blue Incident Support Team" in found and "IST" not in found, found
