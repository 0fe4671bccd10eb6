"""Twelfth round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's (tests/corpora/*)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Fact, Lit, Ref, SourceMeta
from kg.sources import document_from_text
from tests.test_attribution import EMPTY, claims, holders

ROOT = Path(__file__).resolve().parents[1]


def embedded(text: str, publisher: str = "", kind: str = "press-release") -> tuple[list[Fact], dict[str, str]]:
    """The facts of ``text`` as a document ``publisher`` publishes, with the embedded gazetteer."""
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date="2021-03-01",
                      publisher=publisher)  # fmt: skip
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def related(facts: list[Fact], labels: dict[str, str], predicate: str) -> set[tuple[str, str]]:
    return {
        (labels.get(f.subject, f.subject), labels.get(f.obj.key, f.obj.key))
        for f in facts
        if f.predicate == predicate and isinstance(f.obj, Ref)
    }


STATE_RELEASE = (
    "Lt. Gov. Jane Roe Calls for Resignations\n\n"
    "After almost 24 hours of testimony in the Senate Business and Commerce Committee's investigation, "
    "the committee heard from the grid operator. Sen. John Doe chairs the Senate Committee.\n"
)


def test_a_states_own_release_gives_its_bare_senate_to_the_state() -> None:
    state = related(*embedded(STATE_RELEASE, "Office of the Lieutenant Governor of Texas (ltgov.texas.gov)"),
                    "subOrganizationOf")  # fmt: skip
    assert not any(whole == "U.S. Senate" for _, whole in state), state
    # a federal court in the state, or a senator's federal office, is no state body
    federal = related(*embedded(STATE_RELEASE, "United States District Court for the Northern District of Texas"),
                      "subOrganizationOf")  # fmt: skip
    assert ("Senate Business and Commerce Committee", "U.S. Senate") in federal, federal


def court_text(text: str) -> tuple[list[Fact], dict[str, str]]:
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind="court", date="2024-12-04")
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def actors_of(facts: list[Fact], labels: dict[str, str], cls: str) -> list[tuple[str, str]]:
    """(event, actor's label) of each event of class ``cls``, each actor once, in the facts' order."""
    events = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == cls}
    return [(f.subject, labels.get(f.obj.key, f.obj.key)) for f in facts
            if f.subject in events and f.predicate == "actor" and isinstance(f.obj, Ref)]  # fmt: skip


def order_actors(facts: list[Fact], labels: dict[str, str]) -> set[str]:
    return {actor for _, actor in actors_of(facts, labels, "CourtOrder")}


def test_a_court_texts_own_order_is_the_judges_its_head_names() -> None:
    head = (
        "Opinion\n23-cv-00313-AJB-SBC\n12-04-2024\nIn Re Acme Airlines Co. Flight Disruption Litigation\n"
        "ORDER GRANTING DEFENDANT'S MOTION TO DISMISS (DOC. NO. 40)\n"
        "HON. JANE Q. HOLLOWAY, UNITED STATES DISTRICT JUDGE\n"
        "Presently pending before the Court is Defendant Acme Airlines Co.'s motion to dismiss.\n"
    )
    assert "Jane Q. Holloway" in order_actors(*court_text(head))
    docket = (
        "Court Description: ORDER AND REASONS granting 7 Motion for Preliminary Injunction. "
        "Signed by Judge Martin L. Weiss on 12/4/2024.\n\nThe plaintiffs move for an injunction.\n"
    )
    assert "Martin L. Weiss" in order_actors(*court_text(docket))
    # two judges in the head (a panel): none of them is the order's sole maker
    judge = "HON. JANE Q. HOLLOWAY, UNITED STATES DISTRICT JUDGE"
    panel = head.replace(judge, judge + "\nHON. PAUL R. DENT, UNITED STATES DISTRICT JUDGE")
    assert not {"Jane Q. Holloway", "Paul R. Dent"} & order_actors(*court_text(panel))


def empty(text: str, kind: str = "press-release", publisher: str = "") -> tuple[list[Fact], dict[str, str]]:
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date="2014-05-21",
                      publisher=publisher)  # fmt: skip
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], EMPTY)
    return facts, {k: e.label for k, e in entities.items()}


def test_a_contact_blocks_office_is_no_reports_author() -> None:
    text = (
        "Chemical Safety:\n\nActions Needed to Improve Federal Oversight of Facilities with Ammonium Nitrate\n\n"
        "GAO-14-274: Published: May 19, 2014. Publicly Released: May 21, 2014.\n\nContact:\n\nJane Roe\n"
        "(202) 512-7215\nroej@gao.gov\n\nOffice of Public Affairs\n(202) 512-4800\nyoungc1@gao.gov\n\n"
        "What GAO Found\n\nFederal data provide insight into the number of facilities with ammonium nitrate.\n"
    )
    facts, labels = empty(text, "report-summary", "U.S. Government Accountability Office (gao.gov)")
    made = related(facts, labels, "creator") | related(facts, labels, "actor")
    assert not any(who == "Office of Public Affairs" for _, who in made), made


def test_names_a_body_lists_its_fields_in_and_a_case_cited_short() -> None:
    facts, labels = empty(
        "On May 11, 2016, the Bureau of Alcohol, Tobacco, Firearms and Explosives stated that the fire was "
        "deliberately set.\n\nThe Subcommittee on Transportation, Housing and Urban Development, and Related "
        "Agencies met on Monday.\n\nIn Surgey v. Envtl. Prot. Agency, the court ruled for the agency.\n"
    )
    names = set(labels.values())
    assert "Bureau of Alcohol, Tobacco, Firearms and Explosives" in names, names
    assert "Subcommittee on Transportation, Housing and Urban Development, and Related Agencies" in names, names
    assert "Surgey v. Envtl. Prot. Agency" in names, names
    assert ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "the fire was deliberately set") in claims(
        facts, labels
    )


def test_what_another_obtained_and_what_another_is_quoted_saying_are_not_theirs() -> None:
    facts, labels = empty(
        "According to records obtained by the Associated Press, OSHA cited the plant for improper storage.\n"
    )
    assert not any(who == "Associated Press" for who, _ in claims(facts, labels))
    statement = (
        "Statement of Senator Jane Roe\n\nOn April 17th, a massive explosion destroyed a fertilizer plant.\n\n"
        "An owner of a local business said:\n\n"
        '"It was like a war zone last night. It\'s like a nightmare, something you would see in a movie." '
        "(Waco Tribune, April 18, 2013)\n\nWe must act to prevent such disasters.\n"
    )
    said = claims(*empty(statement, "statement"))
    assert not any("war zone" in words or "nightmare" in words for _, words in said), said
    assert ("Jane Roe", "We must act to prevent such disasters.") in said, said


def test_posts_denied_or_a_calling_are_not_held_and_a_chairperson_is_a_title() -> None:
    facts, labels = empty(
        "The Inspector General indicates that Pruitt himself – not the Inspector General – requested 24-7 "
        "security.\n\nJohn Doe (born May 9, 1968) is an American attorney and politician.\n\n"
        "CSB Chairperson Rafael Moure-Eraso said, “We will examine all aspects of the tragedy.”\n\n"
        "Roland Gutierrez is a Texas state senator.\n"
    )
    held = set(holders(facts, labels))
    assert not any(post == "Inspector General" for _, post in held), held
    assert not any(who == "John Doe" for who, _ in held), held
    assert ("Rafael Moure-Eraso", "CSB Chairperson") in held, held  # the board's initials are its title's
    assert ("Roland Gutierrez", "Texas state senator") in held, held


def test_an_aside_takes_no_date_from_outside_it_and_as_much_as_is_an_upper_bound() -> None:
    facts, _ = empty(
        "On April 17, 2013, an explosion occurred at the plant in West, Texas (18 mi north of Waco), while "
        "firefighters responded. OSHA could have fined the company as much as $1,000.\n"
    )
    by_value = {f.obj.value: f.subject for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)}
    dated = {f.subject for f in facts if f.predicate == "date"}
    assert by_value["18"] not in dated
    qualifier = {f.subject: f.obj.value for f in facts if f.predicate == "qualifier" and isinstance(f.obj, Lit)}
    assert qualifier[by_value["1000"]] == "upper-bound"


def values(facts: list[Fact]) -> list[str]:
    return [str(f.obj.value) for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)]


def test_half_a_scale_and_a_range_in_the_first_figures_currency() -> None:
    assert values(empty("They lent over half a billion dollars to the company.\n")[0]) == ["500000000"]
    both = values(empty("Its value could reach between $1.76 and 2 billion.\n")[0])
    assert both == ["1760000000", "2000000000"], both


def test_a_speaker_described_by_and_is_one_speaker_and_a_headline_verb_ends_a_name() -> None:
    text = (
        "Rep. Jane Roe Issues Opening Statement at Business Meeting\n\n"
        "Rep. Jane Roe (R-Texas), Chairman Emeritus and senior Republican on the Energy and Commerce "
        "Committee, delivered the following opening statement Friday at the hearing.\n\n"
        '"Thank you Mr. Chairman.\n\n'
        '"Let me set the scene for you: it is a sunny afternoon in Northern California. A company that '
        'President Obama called "the true engine of economic growth" went bankrupt.\n\n'
        '"As it turns out, that day was not a good day for that company."\n'
    )
    facts, labels = empty(text, "statement")
    said = claims(facts, labels)
    assert ("Jane Roe", "Let me set the scene for you: it is a sunny afternoon in Northern California.") in said, said
    assert not [c for c in said if c[1].startswith("Thank you")], said  # courtesy, no claim (round 15)
    assert not any(who in {"Emeritus", "Obama"} for who, _ in said), said
    names = set(labels.values())
    assert "Jane Roe Issues Opening" not in names and "Emeritus" not in names, names
    assert not any(n.startswith("Republican on") for n in names), names


def test_what_a_clause_asks_is_no_claim_and_a_caption_case_keeps_its_inc() -> None:
    facts, labels = empty(
        "GAO assessed the extent to which DOE has identified what it intends to achieve through the program.\n"
    )
    assert not claims(facts, labels)
    _, labels = empty("JUDICIAL WATCH, INC. v. U.S. DEPARTMENT OF ENERGY, No. 1:2011cv02140 (D.D.C. 2012)\n", "court")
    assert "JUDICIAL WATCH, INC. v. U.S. DEPARTMENT OF ENERGY" in labels.values()
    _, labels = empty(
        "Glenn Defense Marine (Asia), PTE Ltd. v. United States, No. 2012-5125 (Fed. Cir. 2013)\n", "court"
    )
    assert "Glenn Defense Marine (Asia), PTE Ltd. v. United States" in labels.values(), labels


def test_a_report_summarys_report_is_its_publishers_and_its_cover_number_dates_it() -> None:
    text = (
        "U.S. Environmental Protection Agency\t19-P-0155\nMay 16,2019\nAt a Glance\n"
        "Why We Did This Project\nThe EPA's Office of Inspector General is a part of the EPA. The OIG received "
        "numerous congressional requests about the Administrator's travel.\n"
    )
    facts, labels = empty(text, "report-summary", "U.S. Environmental Protection Agency, Office of Inspector General")
    releases = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == "ReportRelease"}
    assert releases, "the cover's number and date are the report's release"
    actors = {labels.get(f.obj.key, "") for f in facts
              if f.subject in releases and f.predicate == "actor" and isinstance(f.obj, Ref)}  # fmt: skip
    assert any("Office of Inspector General" in a for a in actors), actors
    # a court's docket number is no report's
    court, _ = empty("Case 1:15-CV-4685 (JMF)\nOPINION AND ORDER\n", "court")
    assert not any(f.predicate == "reportNumber" for f in court)


def test_what_befell_the_counted_is_part_of_what_is_counted_and_one_figure_stays_one() -> None:
    facts, _ = empty(
        "Fifteen people were killed, and more than 150 buildings damaged or destroyed. The report lists 77,656 "
        "complaints. In all, 77,656 complaints received were reviewed. Six recommendations contained in it remain.\n"
    )
    counted: dict[str, set[str]] = {f.subject: set() for f in facts if f.predicate == "counted"}
    for f in facts:
        if f.predicate == "counted" and isinstance(f.obj, Lit):
            counted[f.subject].add(f.obj.value)
    everything = set().union(*counted.values())
    assert {"people killed", "buildings damaged or destroyed"} <= everything, everything
    assert "recommendations contained" not in everything, everything
    complaints = [s for s, words in counted.items() if any(w.startswith("complaints") for w in words)]
    assert len(complaints) == 1, counted


def test_an_appointments_date_begins_the_tenure_its_sentence_names_but_a_nominations_does_not() -> None:
    facts, _ = empty(
        "Scott Pruitt served in the state senate. Pruitt was elected as chairman of the Republican Attorneys "
        "General Association in 2012.\n\nJane Roe was nominated as Director of the Office of Policy on May 3, 2016.\n"
    )
    begun = {f.subject: f.obj.value for f in facts if f.predicate == "begin" and isinstance(f.obj, Lit)}
    members = {f.subject: f.obj.key for f in facts if f.predicate == "member" and isinstance(f.obj, Ref)}
    assert {members[t]: when for t, when in begun.items()} == {"person-scott-pruitt": "2012"}


def test_a_list_a_colon_opens_is_no_headline_and_a_dateline_acts_in_nothing() -> None:
    facts, labels = empty(
        "The following officials have been invited to testify:\nOMB Deputy Director Jeffrey Zients\n"
        "Vice Admiral Peter Gautier\n"
    )
    held = set(holders(facts, labels))
    assert ("Jeffrey Zients", "Deputy Director, OMB") in held, held
    release = (
        "WASHINGTON, DC (May 30, 2018)— The Milken Institute School of Public Health issued the following "
        "statement about the study:\n\nThe study is a welcome addition to the scientific literature.\n"
    )
    facts, labels = empty(release, "statement")
    actors = {labels.get(f.obj.key, f.obj.key) for f in facts if f.predicate == "actor" and isinstance(f.obj, Ref)}
    assert "WASHINGTON" not in actors, actors


def test_the_statement_a_dated_release_announces_is_made_that_day() -> None:
    facts, _ = empty(
        "WASHINGTON, DC - Committee Chairman Fred Upton responded to the raid.\n"
        'Chairman Upton made the following statement:\n\n"We are troubled by the raid."\n'
    )
    dated = {f.subject: f.obj.value for f in facts if f.predicate == "date" and isinstance(f.obj, Lit)}
    statements = {f.subject for f in facts if f.predicate == "type" and getattr(f.obj, "name", "") == "Statement"}
    assert any(dated.get(s) == "2014-05-21" for s in statements), (statements, dated)


def test_a_docket_list_counts_nothing() -> None:
    facts, _ = empty(
        "Opinion\n\n21 cv 7961 (CM), 21 cv 7962 (CM) 21 cv 7966 (CM)\n\nThe court heard 21 appeals.\n", "court"
    )
    assert values(facts) == ["21"], values(facts)  # the appeals, not the case numbers


def test_a_post_goes_to_who_served_not_to_the_last_name_before_it() -> None:
    facts, labels = empty(
        "Capt. Daniel Roe pleaded guilty before U.S. Magistrate Judge William V. Gallo. Roe, the highest-ranking "
        "of five officials to plead guilty, admitted that he used his influence as Deputy Director of Operations "
        "for the 7th Fleet.\n\nThe Secretary determined that Rear Adm. (Ret.) John Wren repeatedly accepted gifts "
        "from Leonard Francis and GDMA, a prohibited source, while serving as Commander, Carrier Strike Group Five.\n\n"
        "“This isn’t ‘Animal House,’” Lieberman said. Addressing Sullivan, he continued: “Going forward you have "
        "to assume Cartagena was not the only case.”\n"
    )
    held = set(holders(facts, labels))
    assert not any(who in {"William V. Gallo", "Leonard Francis"} and "Judge" not in post for who, post in held), held
    assert not any(who == "Sullivan" for who, _ in claims(facts, labels))


def test_names_end_before_a_weekday_a_district_or_a_glued_field_label() -> None:
    facts, labels = empty(
        "WASHINGTON – Committee Chairman Joe Lieberman and Ranking Member Susan Collins Tuesday released a letter.\n\n"
        "U.S. Department of Justice United States Attorney Western District of Virginia\n\n"
        "Decision Date23 July 2007\nCourtU.S. District Court — Western District of Virginia\n\n"
        "Witnesses included Dr. Kathe Sackler, former Vice President and Member of the Board of Directors.\n"
    )
    held = set(holders(facts, labels))
    names = set(labels.values())
    assert ("Susan Collins", "Ranking Member") in held, held
    assert "Western District" not in {who for who, _ in held}, held
    assert not any(n.startswith("CourtU") for n in names), names
    assert not any(post.startswith("Member, Member") for _, post in held), held


def test_a_surname_after_another_given_name_is_another_person() -> None:
    facts, labels = empty(
        "Witnesses included David Sackler, former Member of the Board of Directors (2012 to 2018); Dr. Kathe "
        "Sackler, former Vice President and Member of the Board of Directors (1990 to 2018).\n"
    )
    held = set(holders(facts, labels))
    assert ("David Sackler", "Member, Board of Directors") in held, held
    before_kathe = [f for f in facts if f.predicate == "holds" and f.evidence.end <= 86]  # (David's words)
    assert before_kathe and all(f.subject == "person-david-sackler" for f in before_kathe), before_kathe


def test_no_body_runs_over_a_dateline_or_a_stop_after_initials_and_a_bare_act_is_no_law() -> None:
    _, labels = empty(
        "Office of Attorney General Jane Roe\nSPRINGFIELD – The office released a report today.\n\n"
        "The review was done by DHS. An Office of Inspector General team led it under the Act.\n"
    )
    names = set(labels.values())
    assert not any("SPRINGFIELD" in n or n.startswith("DHS.") for n in names), names
    assert "Act" not in names, names
