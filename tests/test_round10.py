"""Tenth round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's (tests/corpora/*)."""

from __future__ import annotations

import pytest

from kg.model import Entity, Kind, Lit
from tests.test_attribution import build, claims, events_dated, holders, ref_facts, refs
from tests.test_round9 import build_known


def test_a_bare_title_is_the_one_fuller_post_of_that_title_its_holder_holds() -> None:
    from kg.resolve import settle_positions

    posts = {
        "position-secretary": "Secretary",
        "position-secretary-of-transportation": "Secretary of Transportation",
        "position-army-secretary": "Army Secretary",
        "position-deputy-secretary": "Deputy Secretary",
        "position-governor": "Governor",
        "position-republican-governor": "Republican governor",
    }
    entities = {k: Entity(key=k, kind="Position", label=v) for k, v in posts.items()}
    facts = ref_facts(
        ("elaine-chao", "holds", "position-secretary"),  # "Secretary Chao"
        ("elaine-chao", "holds", "position-secretary-of-transportation"),
        ("ryan-mccarthy", "holds", "position-secretary"),
        ("ryan-mccarthy", "holds", "position-army-secretary"),
        ("jane-roe", "holds", "position-secretary"),  # a deputy is no secretary: left alone
        ("jane-roe", "holds", "position-deputy-secretary"),
        ("greg-abbott", "holds", "position-governor"),  # a party names no governorship
        ("greg-abbott", "holds", "position-republican-governor"),
    )
    held = refs(settle_positions(facts, entities))
    assert ("elaine-chao", "position-secretary-of-transportation") in held
    assert ("elaine-chao", "position-secretary") not in held
    assert ("ryan-mccarthy", "position-army-secretary") in held and ("ryan-mccarthy", "position-secretary") not in held
    assert ("jane-roe", "position-secretary") in held
    assert ("greg-abbott", "position-governor") in held


def test_a_presidents_title_with_another_bodys_of_after_and_is_that_bodys() -> None:
    text = (
        "We sent a letter to John Doe, President and Chief Executive Officer of Acme Entertainment, Inc., "
        "requesting information.\n"
    )
    held = holders(*build_known(text))
    assert not any(post == "President of the United States" for _, post in held), held


def test_confirmed_that_is_an_announcement_and_a_clause_the_parse_cut_short_is_none() -> None:
    text = "On June 22, 2023, the U.S. Coast Guard confirmed that the vessel had sunk in deep water.\n"
    facts, labels = build(text)
    assert ("U.S. Coast Guard", "the vessel had sunk in deep water") in claims(facts, labels)
    assert ("Announcement", "U.S. Coast Guard", "2023-06-22") in events_dated(facts, labels)
    cut = "On June 22, 2023, the FBI confirmed that debris found on the ocean floor consisted of pieces of the hull.\n"
    assert claims(*build_known(cut)) == [], "the parse hangs 'consisted' on 'confirmed': the clause is cut"
    assert claims(*build_known("The Senate confirmed the nominee on May 2, 2021.\n")) == []


def test_a_word_run_on_from_a_title_into_a_street_or_a_division_is_no_person() -> None:
    text = (
        "Office of the Mayor 219 South President Street\n"
        "Carlos Lopez, U.S. Department of Justice Criminal Division, Dallas, TX, for Plaintiff.\n"
    )
    facts, labels = build(text, "court")
    typed = [(labels.get(f.subject, ""), f.obj.name) for f in facts if isinstance(f.obj, Kind)]
    people = {label for label, kind in typed if kind in {"Person", "Official"}}
    assert not people & {"Street", "Criminal"}, people
    places = {label for label, kind in typed if kind == "Place"}
    assert not any("Division" in p for p in places), places


def test_a_bodys_members_speak_for_themselves_not_the_body() -> None:
    text = (
        "WASHINGTON — Sen. Jane Roe (D-OH) and four Senate Banking Committee members called for immediate "
        "hearings to investigate the scandal's impact.\n"
    )
    assert all(who != "Senate Banking Committee" for who, _ in claims(*build_known(text)))


def test_an_agendas_heading_run_into_the_next_line_is_no_claim() -> None:
    text = (
        "Rep. Jane Roe\nRemote Hearing\n"
        "VII. Additional Public Testimony & Member Questions and Discussion For Public Testifiers\n"
        "*Public Testimony will be taken if time is available.\n"
    )
    facts, labels = build(text, "testimony")
    assert all("Additional Public Testimony" not in words for _, words in claims(facts, labels))
    wrapped = (
        "Testimony of Jane Roe\n\nThe agency must act with a sense of urgency. I have\n"
        "directed a team of oversight professionals to look into the water system.\n"
    )
    assert any("directed a team" in words for _, words in claims(*build(wrapped, "testimony")))


def test_a_regulators_penalty_is_an_enforcement_action_of_its_day() -> None:
    text = (
        "WASHINGTON—The Office of the Comptroller of the Currency (OCC) today assessed a $35 million civil "
        "money penalty against Acme Bank, N.A.\n"
    )
    facts, labels = build_known(text)
    assert ("EnforcementAction", "Office of the Comptroller of the Currency", "2023-06-16") in events_dated(
        facts, labels
    )
    sentence = "The Environmental Protection Agency imposed a $10 million fine on Acme Corp. on May 3, 2019.\n"
    assert ("EnforcementAction", "Environmental Protection Agency", "2019-05-03") in events_dated(
        *build_known(sentence)
    )
    judge = "The judge imposed a sentence of ten years on May 3, 2019.\n"
    assert not any(cls == "EnforcementAction" for cls, _, _ in events_dated(*build_known(judge)))


def test_a_figure_stated_again_undated_is_the_one_statistic_the_text_dated() -> None:
    text = (
        "WASHINGTON—The agency today assessed a $35 million civil money penalty against Acme Bank. "
        "The $35 million civil money penalty reflects a number of factors.\n"
    )
    facts, _ = build(text)
    stats = {f.subject for f in facts if f.predicate == "value"}
    assert len(stats) == 1, stats
    assert sum(1 for f in facts if f.predicate == "value") == 2, "each statement stays its evidence"
    assert sum(1 for f in facts if f.predicate == "label" and f.subject in stats) == 1
    twice = "Acme paid $5 million in May 2019. Acme paid $5 million in June 2020.\n"
    assert len({f.subject for f in build(twice)[0] if f.predicate == "value"}) == 2, "two dates: two figures"


@pytest.mark.parametrize(
    "text, holder, post",
    [
        ("Recommended decisions were issued by Administrative Law Judge Christopher Roe.", "Christopher Roe",
         "Administrative Law Judge"),
        ("We asked Comptroller of the Currency Thomas J. Doe to testify.", "Thomas J. Doe",
         "Comptroller of the Currency"),
        ("The senators wrote to Comptroller General Gene L. Roe.", "Gene L. Roe", "Comptroller General"),
    ],
)  # fmt: skip
def test_a_title_of_several_words_is_read_whole(text: str, holder: str, post: str) -> None:
    held = holders(*build(text))
    assert (holder, post) in held, held


def test_a_witnesss_our_investigation_found_is_theirs_and_an_enforcement_action_taken_an_event() -> None:
    text = (
        "Written Testimony of Richard Roe, Director, CFPB, Before the Senate Committee on Banking\n\n"
        "On September 8, 2016, the Consumer Bureau took an enforcement action against Acme Bank. Our "
        "investigations found that, in order to meet sales goals, employees of the bank created unauthorized "
        "accounts without consent.\n"
    )
    facts, labels = build(text, "testimony")
    said = claims(facts, labels)
    assert ("Richard Roe", "in order to meet sales goals, employees of the bank created unauthorized accounts "
            "without consent") in said, said  # fmt: skip
    assert ("EnforcementAction", "Consumer Bureau", "2016-09-08") in events_dated(facts, labels)


def test_an_event_done_by_a_post_is_its_one_holders_in_the_document() -> None:
    text = (
        "Chairman Jane Roe released the interim report. The final report was issued by the Chairman on "
        "December 10, 2024.\n"
    )
    facts, labels = build(text)
    assert ("ReportRelease", "Jane Roe", "2024-12-10") in events_dated(facts, labels)
    two = "Chairman Jane Roe and Chairman John Doe met. The report was issued by the Chairman on December 10, 2024.\n"
    assert not any(who in {"Jane Roe", "John Doe"} for _, who, _ in events_dated(*build(two)))


def test_remarks_as_delivered_by_a_titled_name_are_that_persons_throughout() -> None:
    text = (
        "Remarks as Delivered by Secretary of Energy Jane Roe\n\nWhite House Daily Press Briefing\n\n"
        "Thanks, Jen.\n\nThis pipeline has never been shut down before.\n"
    )
    assert ("Jane Roe", "This pipeline has never been shut down before.") in claims(*build(text, "statement"))


def test_a_security_advisers_title_is_read_whole() -> None:
    held = holders(*build("White House National Security Advisor Jake Roe briefed the committee on Monday.\n"))
    assert ("Jake Roe", "National Security Advisor") in held, held


def test_the_initials_of_a_paper_name_no_body_that_could_speak() -> None:
    text = (
        "PHMSA issued a Notice of Probable Violation (NOPV) to Acme Pipeline Co. The NOPV alleges that "
        "failures to plan for a manual restart contributed to the national impacts.\n"
    )
    facts, labels = build(text)
    assert all(who != "NOPV" for who, _ in claims(facts, labels))
    assert "NOPV" not in {labels.get(f.subject) for f in facts if isinstance(f.obj, Kind)}


def test_the_number_ending_a_range_of_parts_counts_nothing() -> None:
    text = "The exemption from Parts 390 through 399 of the Federal Motor Carrier Safety Regulations runs 14 days.\n"
    values = {f.obj.value for f in build(text)[0] if f.predicate == "value" and isinstance(f.obj, Lit)}
    assert values == {"14"}, values


def test_a_label_the_text_breaks_across_lines_is_on_one_line() -> None:
    from kg.build import _plain_labels
    from kg.model import Evidence, Fact

    ev = Evidence("case", 0, 28, "Deputy Assistant\n Secretary")
    facts = [Fact("position-x", "label", Lit("Deputy Assistant\n Secretary"), ev, "r"),
             Fact("claim-x", "text", Lit("it had\nhalted"), ev, "r")]  # fmt: skip
    plain = _plain_labels(facts)
    assert plain[0].obj == Lit("Deputy Assistant Secretary") and plain[1] == facts[1]


def test_what_the_documents_words_hereby_do_is_done_on_its_day() -> None:
    text = "The Regional Administrator hereby declares that an emergency exists that warrants relief for carriers.\n"
    assert ("EmergencyDeclaration", "Regional Administrator", "2014-08-26") in events_dated(*build(text, "statement"))
    habitual = "The agency declares emergencies when storms strike the region.\n"
    assert events_dated(*build(habitual, "statement")) == set()


def test_i_would_note_that_asserts_what_follows_and_would_not_say_nothing() -> None:
    text = (
        "Remarks by Secretary of Energy Jane Roe\n\n"
        "I would note that last night, one of the major lines resumed operation under manual control.\n"
        "I would not say that the line is safe.\nThe company would say that the line is safe.\n"
    )
    said = claims(*build(text, "statement"))
    assert said == [("Jane Roe", "last night, one of the major lines resumed operation under manual control")], said


def test_a_ranking_member_in_lower_case_is_one_and_a_news_release_no_body() -> None:
    text = (
        "Senator Sherrod Roe is the ranking member of the Senate Banking Committee.\n"
        "The OCC announced a settlement: a $17,000,000 Civil Money Penalty (Order, OCC News Release 2023–24).\n"
    )
    facts, labels = build(text)
    held = holders(facts, labels)
    assert all(post.split(",")[0] != "Member" for _, post in held) and any(
        post.lower().startswith("ranking member") for _, post in held
    ), held
    assert "OCC News" not in set(labels.values())


def test_the_findings_of_reports_of_years_the_text_names_are_no_findings_of_this_one() -> None:
    text = (
        "Critical Infrastructure Protection: Pipeline Security\n\nWhat GAO Found\n\n"
        "GAO reports in 2018 and 2019 identified that the agency had weaknesses in its oversight and guidance.\n"
    )
    facts, _ = build(text, "report-summary")
    assert not any(f.predicate == "findingOf" for f in facts)


def test_a_title_case_dateline_with_its_date_in_brackets_is_no_actor() -> None:
    text = (
        "Washington (December 27, 2022) – Senators Edward J. Roe (D-Mass.) and Richard Doe (D-Conn.), members "
        "of the Senate Commerce Committee, released the following statement today.\n\n"
        "“The airline cannot avoid compensating passengers by blaming the storms.”\n"
    )
    facts, labels = build(text, "statement")
    assert not any("Washington" in who for _, who, _ in events_dated(facts, labels)), events_dated(facts, labels)


def test_a_judges_signature_after_an_honorific_and_a_middle_initial_without_its_stop() -> None:
    text = (
        "ORDER granting 13, 14 Motions to Consolidate.(Signed by Judge Drew B Roe) Parties notified.\n\n"
        "IT IS SO ORDERED.\nDated: December 4, 2024\nHON. ANTHONY J. DOE, UNITED STATES DISTRICT JUDGE\n"
    )
    held = holders(*build(text, "court"))
    assert ("Drew B Roe", "Judge") in held and ("Anthony J. Doe", "United States District Judge") in held, held


def test_the_size_of_a_ranking_counts_nothing_and_the_part_counts_the_wholes_noun() -> None:
    text = "Acme is the largest carrier in 23 of the top 50 travel markets.\n"
    facts, _ = build(text)
    values = {f.obj.value for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)}
    counted = {f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    assert values == {"23"} and counted == {"travel markets"}, (values, counted)


def test_a_caption_court_with_its_district_after_no_comma_is_the_orders_actor() -> None:
    text = (
        "Roe v. Acme Airlines Co. et al, No. 4:2023cv00115 - Document 46 (S.D. Tex. 2023)\n\n"
        "Case 4:23-cv-00115 Document 46 Filed on 07/15/23 in TXSD Page 1 of 13 United States District Court "
        "Southern District of Texas ENTERED\nORDER\nThe motions to consolidate are granted.\n"
    )
    from pathlib import Path

    from kg.extract.document import extract_document_facts
    from kg.model import SourceMeta
    from kg.sources import document_from_text
    from tests.test_attribution import EMPTY

    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind="court", date="2023-07-15")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], EMPTY)
    labels = {k: e.label for k, e in entities.items()}
    acts = {(cls, who) for cls, who, _ in events_dated(facts, labels)}
    assert ("CourtOrder", "United States District Court Southern District of Texas") in acts, acts


def test_a_joint_statements_body_is_each_of_its_makers() -> None:
    text = (
        "Washington (December 27, 2022) – Senators Edward J. Roe (D-Mass.) and Richard Doe (D-Conn.), members "
        "of the Senate Commerce Committee, released the following statement today.\n\n"
        "The airline is failing consumers during the most important travel week of the year.\n"
    )
    said = claims(*build(text, "statement"))
    words = "The airline is failing consumers during the most important travel week of the year."
    assert ("Edward J. Roe", words) in said and ("Richard Doe", words) in said, said


def test_a_dockets_entry_numbers_before_a_filings_title_count_nothing() -> None:
    text = (
        "Court Description: ORDER granting 13 , 14 Motions to Consolidate; denying 16 Motion to Appoint Lead "
        "Plaintiff. The court received four motions.\n"
    )
    values = {f.obj.value for f in build(text, "court")[0] if f.predicate == "value" and isinstance(f.obj, Lit)}
    assert values == {"4"}, values


def test_a_street_number_counts_nothing() -> None:
    text = "The FTC hosted a press conference at its Headquarters, 600 Pennsylvania Ave, NW, with 40 reporters.\n"
    values = {f.obj.value for f in build(text)[0] if f.predicate == "value" and isinstance(f.obj, Lit)}
    assert values == {"40"}, values


def test_the_date_of_a_noun_is_its_own_but_the_morning_of_a_day_the_clauses() -> None:
    text = (
        "For the reasons set forth below and on the record of the hearing of December 19, 2019, the Court "
        "grants both motions.\nOn the morning of May 5, 2021, the FBI announced an investigation.\n"
    )
    dated = events_dated(*build(text, "court"))
    assert ("Announcement", "FBI", "2021-05-05") in dated and not any(d == "2019-12-19" for _, _, d in dated), dated


def test_a_headline_telling_of_a_report_is_no_reports_title_and_a_pages_genre_no_part_of_one() -> None:
    told = "# title: Committee Releases Report Revealing New Information on the Data Breach\nThe report is out.\n"
    facts, labels = build(told, "report-summary")
    assert not any(getattr(f.obj, "name", "") == "Report" for f in facts), labels
    genre = "# title: What GAO Found: Data Protection, Actions Taken by Agencies\nWhat GAO Found\nThe agency acted.\n"
    facts, labels = build(genre, "report-summary")
    reports = {labels.get(f.subject, "") for f in facts if isinstance(f.obj, Kind) and f.obj.name == "Report"}
    assert reports == {"Data Protection, Actions Taken by Agencies"}, reports


def test_the_hearings_plan_is_no_claim() -> None:
    text = (
        "Statement of Chairman Jane Roe\n\nThis morning we will hear testimony from Richard Doe, former Chief "
        "Executive Officer of Acme. The breach harmed millions of consumers.\n"
    )
    assert claims(*build(text, "statement")) == [("Jane Roe", "The breach harmed millions of consumers.")]


def test_a_partys_role_or_a_run_of_names_in_capitals_is_no_organisation_but_initials_are() -> None:
    text = (
        "UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF GEORGIA ATLANTA DIVISION\n"
        "Consumer Plaintiffs and Defendants Equifax Inc. move for final approval of the settlement. "
        "On 22 June 2023, the United States Coast Guard (USCG) confirmed that the vessel had sunk. "
        "The USCG said the search was over.\n"
    )
    facts, labels = build(text, "court")
    orgs = {labels.get(f.subject, "") for f in facts if isinstance(f.obj, Kind) and f.obj.name == "Organization"}
    assert not orgs & {"Consumer Plaintiffs", "Defendants Equifax Inc", "GEORGIA ATLANTA"}, orgs


def test_a_count_joined_by_and_to_a_bounded_one_is_bounded_alike_and_a_scope_counts_nothing() -> None:
    from kg.quantities import find_quantities

    qs = find_quantities("The defect was linked to more than 110 fatalities and 220 injuries.")
    assert [(q.value, q.qualifier, q.counted) for q in qs] == [
        (110, "lower-bound", "fatalities"),
        (220, "lower-bound", "injuries"),
    ]
    own = find_quantities("It reported 110 fatalities and about 220 injuries.")
    assert [q.qualifier for q in own] == ["exact", "approximate"]
    assert [q.counted for q in find_quantities("forty-two VA medical facilities nationwide")] == [
        "VA medical facilities"
    ]


def test_a_nickname_in_brackets_is_part_of_the_name_after_a_title() -> None:
    held = holders(*build("WASHINGTON, D.C. -- Chairman John D. (Jay) Roe today issued prepared remarks.\n"))
    assert ("John D. (Jay) Roe", "Chairman") in held, held


def test_a_quotation_said_by_two_people_joined_by_and_is_each_ones() -> None:
    text = (
        "WASHINGTON, DC – The Subcommittee has scheduled a hearing.\n\n“Next week we will have the chance "
        "to get those answers,” said full committee Chairman Fred Roe (R-MI) and Subcommittee Chairman Tim Doe "
        "(R-PA).\n"
    )
    said = claims(*build(text))
    words = "Next week we will have the chance to get those answers"
    assert ("Fred Roe", words) in said and ("Tim Doe", words) in said, said


def test_remarks_set_below_a_releases_lead_are_the_speakers() -> None:
    text = (
        "Roe: The Recall Is Deeply Frustrating\n\nApril 2, 2014\n\nWASHINGTON, D.C. -- Chairman John Roe today "
        "issued prepared remarks for the subcommittee hearing. Below are his remarks as prepared for delivery:\n\n"
        "Four years ago, I held a full committee hearing in this same room. As a result, lives were lost.\n"
    )
    assert ("John Roe", "As a result, lives were lost.") in claims(*build(text))


def test_a_filings_words_name_no_one_and_a_partys_role_is_no_part_of_a_name() -> None:
    text = (
        "The Court denied the Motion to Appoint Lead Plaintiff. Plaintiff Mary Roe filed the complaint on "
        "March 3, 2023, with her lawyers.\n"
    )
    facts, labels = build(text, "court")
    kinds = {"Person", "Official"}
    people = {labels.get(f.subject, "") for f in facts if isinstance(f.obj, Kind) and f.obj.name in kinds}
    assert "Appoint Lead" not in people and "Appoint Lead Plaintiff" not in people, people
    assert "Plaintiff Mary Roe" not in people, people
