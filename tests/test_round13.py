"""Thirteenth round: shapes of real documents seen on a new subject (the 2015 OPM breaches), each text
made up in the shape of a real document's."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Fact, Lit, Ref, SourceMeta
from kg.quantities import find_quantities
from kg.sentences import split_sentences
from kg.sources import document_from_text
from tests.test_round12 import actors_of, embedded, related

ROOT = Path(__file__).resolve().parents[1]


def test_a_unions_national_president_is_not_the_nations() -> None:
    facts, labels = embedded("“The agency ignored the warnings,” said NTEU National President Tony Reardon.\n")
    held = related(facts, labels, "holds")
    assert ("Tony Reardon", "President of the United States") not in held, held
    assert ("Tony Reardon", "NTEU National President") in held, held
    # the nation's President keeps the gazetteer's post
    facts, labels = embedded("President Obama accepted her resignation on July 10.\n")
    assert ("Obama", "President of the United States") in related(facts, labels, "holds")


def dated(facts: list[Fact], labels: dict[str, str], cls: str) -> set[tuple[str, str]]:
    """(actor, date) of each event of class ``cls``."""
    actors = dict(actors_of(facts, labels, cls))
    events = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == cls}
    return {(actors.get(f.subject, ""), str(f.obj.value)) for f in facts
            if f.subject in events and f.predicate == "date" and isinstance(f.obj, Lit)}  # fmt: skip


def test_a_statement_is_dated_by_its_own_verb_not_by_an_aside_before_it() -> None:
    text = (
        "Sen. Mark Warner (D-Va.), who called for Archuleta to step down on July 9 after OPM detailed the "
        'scope of the second breach, said on July 10 that her decision "is the right move for the agency."\n\n'
        "Sen. Ron Wyden (D-Ore.) today said the report raises new questions.\n\n"
        "On June 5, Senator Jane Roe said the agency failed its employees.\n"
    )
    days = dated(*embedded(text), "Statement")
    assert ("Mark Warner", "2015-07-10") not in days  # (the document's year is 2021)
    assert ("Mark Warner", "2021-07-10") in days and ("Mark Warner", "2021-07-09") not in days, days
    assert ("Ron Wyden", "2021-03-01") in days, days  # brackets closed before "today": the saying's day
    assert ("Jane Roe", "2021-06-05") in days, days


def test_a_witness_giving_their_own_post_claims_nothing() -> None:
    text = (
        "Statement of Michael R. Esser\n\n"
        "I am the Assistant Inspector General for Audits at the U.S. Office of Personnel Management. "
        "I am the father of two children whose records were stolen.\n"
    )
    facts, _ = embedded(text, kind="testimony")
    said = {str(f.obj.value) for f in facts if f.predicate == "text" and isinstance(f.obj, Lit)}
    assert not any(s.startswith("I am the Assistant") for s in said), said
    assert any(s.startswith("I am the father") for s in said), said


def test_a_wrapped_line_ending_on_an_abbreviation_runs_on() -> None:
    text = (
        "These audits are conducted in accordance with guidance issued each year by the U.S.\n"
        "Office of Management and Budget (OMB). The agency agreed.\n"
        "Short line ends here.\nNext line."
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences[0].endswith("Budget (OMB).") and sentences[1] == "The agency agreed.", sentences
    assert "Short line ends here." in sentences  # (a short line ending a sentence still ends it)


def test_an_in_re_case_keeps_its_abbreviated_name() -> None:
    text = (
        "In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig.\n\n"
        "United States District Court, District of Columbia.\n\n"
        "See In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig., 266 F. Supp. 3d 1 (D.D.C. 2017). "
        "In re Flint Water Cases was settled.\n"
    )
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind="court", date="2017-09-19")
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, _, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    cases = {e.label for e in entities.values() if e.kind == "CourtCase"}
    assert any(c.startswith("In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig") for c in cases), cases
    assert "In re Flint Water Cases" in cases and "In re U" not in cases, cases


def claimants(facts: list[Fact], labels: dict[str, str]) -> dict[str, str]:
    texts = {f.subject: str(f.obj.value) for f in facts if f.predicate == "text" and isinstance(f.obj, Lit)}
    return {texts.get(f.subject, ""): labels.get(f.obj.key, f.obj.key) for f in facts
            if f.predicate == "claimant" and isinstance(f.obj, Ref)}  # fmt: skip


def test_what_an_unnamed_sayer_called_it_is_not_the_named_ones_claim() -> None:
    text = (
        "NEW YORK -- Bernard Madoff will likely die behind bars after being sentenced Monday to 150 years for "
        'what a federal judge called an "extraordinarily evil," multibillion-dollar scam that victimized charities.'
        "\n\n“The citizens of New Jersey deserve honest services from their government,” FBI Special Agent in "
        "Charge Timothy Gallagher of the Newark office said.\n"
    )
    said = claimants(*embedded(text))
    assert not any(who == "Bernard Madoff" for who in said.values()), said
    assert any(who == "Timothy Gallagher" for who in said.values()), said  # the name's own description


def test_a_that_before_a_list_and_an_intention_to_find_claim_nothing() -> None:
    text = (
        "The audit also concluded that:\n\n- MSHA never used the authority.\n\n"
        "MSHA has changed as we have sought to find and fix deficiencies in mine safety and health.\n"
    )
    said = claimants(*embedded(text, kind="report-summary"))
    assert not any(t.rstrip(":") == "that" or t.startswith("and ") for t in said), said


def test_a_label_before_a_colon_is_no_actor_of_the_plea_after_it() -> None:
    text = (
        "Assistant United States Attorneys One St. Andrews Plaza New York, NY 10007 CHIN, Circuit Judge: "
        "On March 12, 2009, defendant Bernard L. Madoff pleaded guilty to 11 counts of securities fraud.\n"
    )
    facts, labels = embedded(text, kind="court")
    pleas = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == "Plea"}
    actors = {labels.get(f.obj.key, f.obj.key) for f in facts
              if f.subject in pleas and f.predicate == "actor" and isinstance(f.obj, Ref)}  # fmt: skip
    assert actors == {"Bernard L. Madoff"} or actors == {"Bernard Madoff"}, actors


def test_a_post_keeps_its_one_word_field_and_drops_a_dangling_of_the() -> None:
    text = (
        "Bridget Anne Kelly, former deputy chief of staff to Gov. Christie, was charged. "
        "Jane Doe, a member of the board, spoke.\n\n"
        "NJTV News Chief Political Correspondent Michael Aron was in court.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("Bridget Anne Kelly", "Deputy chief of staff") in held, held
    assert not any(post.endswith(" of the") for _, post in held), held
    assert not any("Correspondent" in who or who == "Michael" for who, _ in held), held


def test_the_next_number_of_an_identifiers_list_counts_nothing() -> None:
    text = "38 miners were killed at Finley Coal Company's No. 15 and 16 mines in Hyden. They hired 40 and 50 guards."
    values = {int(q.value) for q in find_quantities(text)}
    assert 16 not in values and 38 in values and 50 in values, values


def test_a_committees_topics_after_and_the_are_its_name() -> None:
    text = (
        "Joseph A. Main testified before the Committee on Education and the Workforce, United States House "
        "of Representatives. The Department of Human Rights and the City agreed.\n"
    )
    facts, labels = embedded(text)
    names = {labels.get(f.subject, f.subject) for f in facts if f.predicate == "type"}
    assert "Committee on Education and the Workforce" in names, names
    assert "Department of Human Rights and the City" not in names, names


def test_a_body_before_a_title_or_owning_it_is_the_posts() -> None:
    text = (
        "The Mine Safety and Health Administration (MSHA) issued its report. Kevin Stricklin, MSHA's "
        "administrator for coal mine health and safety, spoke. Mathy Stanislaus, EPA's assistant administrator "
        "for the Office of Land and Emergency Management, agreed.\n\n"
        "The Committee heard testimony from several witnesses, including Norfolk Southern CEO Alan Shaw, NTSB "
        "Chair Jennifer Homendy and others.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("Kevin Stricklin", "Administrator, Mine Safety and Health Administration") in held, held
    assert ("Mathy Stanislaus", "Assistant administrator, Office of Land and Emergency Management") in held, held
    assert ("Alan Shaw", "CEO, Norfolk Southern") in held, held


def test_a_testimony_before_a_committee_tells_of_its_hearing_that_day() -> None:
    head = (
        "Statement of Joseph A. Main, Assistant Secretary of Labor\n\nBefore the\n"
        "Committee on Education and the Workforce\nUnited States House of Representatives\n\nMarch 1, 2021\n\n"
        "Chairman Kline, I appreciate the opportunity to appear before you today.\n"
    )
    held = dated(*embedded(head, kind="testimony"), "Hearing")
    assert ("Committee on Education and the Workforce", "2021-03-01") in held, held
    # a head whose day is not the document's, or that names no committee, tells of no hearing
    assert not dated(*embedded(head.replace("March 1, 2021", "May 5, 2020"), kind="testimony"), "Hearing")
    assert not dated(*embedded(head.replace("Committee on", "Department of"), kind="testimony"), "Hearing")
    assert not dated(*embedded(head, kind="press-release"), "Hearing")


def test_a_ranked_description_is_no_post() -> None:
    text = (
        "Gary May, 43, is the most senior executive to be charged in the investigation. John Doe, the "
        "highest-ranking official at the agency, resigned. Jane Roe, the agency's chief counsel, left.\n"
    )
    held = related(*embedded(text), "holds")
    assert not any(who in {"Gary May", "John Doe"} for who, _ in held), held
    assert ("Jane Roe", "Chief counsel") in held, held


def test_the_member_a_testimony_thanks_is_not_its_witness() -> None:
    text = (
        "TESTIMONY OF JOSEPH A. MAIN\n\nMarch 1, 2021\n\n"
        "Chairman Kline, thank you for the opportunity to appear before you today.\n"
    )
    facts, labels = embedded(text, kind="testimony")
    actors = {labels.get(f.obj.key, f.obj.key) for f in facts if f.predicate == "actor" and isinstance(f.obj, Ref)}
    assert "Kline" not in actors, actors


def test_a_statements_byline_under_its_title_names_its_speaker() -> None:
    text = (
        "Statement by SEC Chairman:\nStatement on the Release of the Executive Summary of the Inspector General's "
        "Report Regarding the Bernard Madoff Fraud\n\nby\n\nChairman Mary L. Schapiro\n\n"
        "U.S. Securities and Exchange Commission\n\nWashington, D.C.\nSeptember 2, 2009\n\n"
        "We have streamlined our enforcement procedures and are putting more experienced staff on the frontlines.\n"
    )
    said = claimants(*embedded(text, kind="statement"))
    assert set(said.values()) == {"Mary L. Schapiro"}, said


def test_an_alleged_figure_is_no_statistic() -> None:
    values = [
        (int(q.value), q.qualifier) for q in find_quantities("the alleged $50 billion fraud; an estimated $9 billion")
    ]
    assert values == [(9_000_000_000, "approximate")], values


def test_a_name_beginning_with_anothers_is_its_part_only_where_that_one_is_a_body() -> None:
    text = (
        "Walter Reed Army Medical Center is in Washington. Conditions at Walter Reed were poor.\n\n"
        "The findings were reviewed by the Health and Human Services Office of Inspector General last year.\n"
    )
    parts = related(*embedded(text), "subOrganizationOf")
    assert not any(whole == "Walter Reed" for _, whole in parts), parts
    assert (
        "Health and Human Services Office of Inspector General",
        "U.S. Department of Health and Human Services",
    ) in parts


def test_a_place_before_a_title_and_a_contact_line_hold_no_post() -> None:
    text = (
        "In his September 15, 2005, address to the Nation from Jackson Square in New Orleans, the President "
        "made clear that the Federal government would learn the lessons.\n\nPress Secretary Contact: 202-282-8010\n\n"
        "Counsel for plaintiffs were John K. Pierre, Attorney at Law, Baton Rouge, and others.\n"
    )
    held = related(*embedded(text), "holds")
    assert not any(who in {"New Orleans", "Contact", "John K. Pierre"} for who, _ in held), held


def test_a_month_and_day_after_a_name_are_no_surname() -> None:
    text = (
        "Presenter: Secretary of Defense Robert M. Gates, Former Army Secretary John Marsh May 02, 2007\n\n"
        "Prime Minister Theresa May agreed.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("John Marsh", "Army Secretary") in held, held


@pytest.mark.parametrize(
    ("text", "body", "not_a_body"),
    [
        (
            "Irving H. Picard, SIPA Trustee, and Stephen P. Harbeck, President and Chief Executive Officer of the "
            "Securities Investor Protection Corporation (SIPC), spoke. SIPC was established in 1970.\n",
            "Securities Investor Protection Corporation",
            "and Chief",
        ),
        (
            "Brown was the Under Secretary for Emergency Preparedness and Response and Director of the Federal "
            "Emergency Management Agency (FEMA). FEMA was slow.\n",
            "Federal Emergency Management Agency",
            "Emergency Preparedness and Response and",
        ),
    ],
)
def test_initials_defined_after_a_title_name_only_the_body(text: str, body: str, not_a_body: str) -> None:
    facts, labels = embedded(text)
    names = {labels.get(f.subject, f.subject) for f in facts if f.predicate == "type"}
    assert body in names and not any(n.startswith(not_a_body) for n in names), names


def test_called_on_a_day_for_something_claims_the_something() -> None:
    text = (
        "The White House and congressional leaders called yesterday for swift investigation and repair of the "
        "problems plaguing outpatient care at Walter Reed Army Medical Center, as veterans groups expressed outrage.\n"
    )
    said = claimants(*embedded(text))
    assert any(t.startswith("swift investigation") for t in said), said
    assert not any(t.startswith("yesterday") for t in said), said


def test_a_sentence_running_into_a_quotation_is_what_is_said_and_a_paper_says_it() -> None:
    text = (
        'By disregarding the National Response Plan, finished in 2004, Brown deprived "the nation of an '
        'opportunity to determine whether the NRP worked," the House investigation concludes in an addendum.\n\n'
        'Brown never advised the secretary to take steps under the plan, such as declaring an "incident of '
        'national significance," convening an expert Interagency Incident Management Group or naming a '
        "principal federal officer, the report said.\n\n"
        '"It failed," Senator Jane Roe said.\n'
    )
    said = claimants(*embedded(text))
    assert any(t.startswith("By disregarding the National Response Plan") for t in said), said
    assert not any(who == "Interagency Incident Management Group" for who in said.values()), said
    assert said.get("It failed") == "Jane Roe", said  # (a quotation that opens its sentence is all that is said)


def test_a_plural_legislators_title_is_the_gazetteers_post_as_its_singular_is() -> None:
    text = (
        "Reps. Paul Hodes (NH-02) and Jane Roe (D-CA) wrote to the Army. "
        "Sens. John Doe (D-VT) and Mary Major (R-ME) agreed.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("Paul Hodes", "Member of the U.S. House of Representatives") in held, held
    assert ("Mary Major", "U.S. Senator") in held, held
    assert not any(post in {"Representative", "Senator"} for _, post in held), held
