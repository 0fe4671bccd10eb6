"""Eleventh round: shapes of real documents seen on new subjects, each text made up in the shape of a
real document's (tests/corpora/*)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.model import Fact, Lit, SourceMeta
from kg.sources import document_from_text
from tests.test_attribution import EMPTY, build, claims, events_dated, holders


def published(text: str, kind: str, publisher: str) -> tuple[list[Fact], dict[str, str]]:
    """The facts of ``text`` as a document ``publisher`` publishes, with the empty gazetteer."""
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date="2022-12-28",
                      publisher=publisher)  # fmt: skip
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], EMPTY)
    return facts, {k: e.label for k, e in entities.items()}


COMPANY_NOTICE = (
    "Acme Airlines Continues Recovering from Operational Challenges\n\n"
    "What We Did\n\n"
    "We are encouraged by the progress we've made to realign crews and our fleet.\n\n"
    "“We are sorry,” said Jane Roe, the chief executive of Acme Airlines.\n\n"
    "Acme Airlines carried two million passengers last year.\n"
)


def test_a_companys_we_outside_quotations_is_the_publishers_where_the_text_names_it() -> None:
    said = claims(*published(COMPANY_NOTICE, "press-release", "Acme Airlines Co. (acme.com newsroom)"))
    assert ("Acme Airlines", "We are encouraged by the progress we've made to realign crews and our fleet.") in said
    assert not any(who == "Acme Airlines" and "sorry" in words for who, words in said), said  # Jane Roe's
    assert not any(words == "What We Did" for _, words in said), "a heading is no claim"
    # no publisher, or one the text does not name: no one to give "we" to
    assert not any(who == "Acme Airlines" for who, _ in claims(*build(COMPANY_NOTICE)))
    other = claims(*published(COMPANY_NOTICE, "press-release", "Globex Corporation (globex.com)"))
    assert not any("encouraged" in words for _, words in other), other


def test_the_publishers_name_is_a_body_where_the_model_reads_none() -> None:
    text = (
        "Consumer Notice\n\nI. What Happened\n\n"
        "On July 29, 2017, Zentrix discovered that criminals exploited a website vulnerability. Upon discovery, "
        "we acted immediately to stop the intrusion. Most of the information includes names and Social Security "
        "numbers.\n"
    )
    facts, labels = published(text, "statement", "Zentrix Inc. (zentrixsecurity2017.com)")
    assert ("Zentrix", "Upon discovery, we acted immediately to stop the intrusion.") in claims(facts, labels)
    bodies = set(labels.values())
    assert "I. What Happened" not in bodies and "Social Security" not in bodies, bodies


def test_a_measure_whose_plural_is_irregular_is_named_so_and_a_place_after_a_count_is_not_counted() -> None:
    text = "The channel was widened to 400 feet on May 21. There were 23 mariners aboard and two pilots en route.\n"
    facts, _ = build(text)
    units = {f.obj.value for f in facts if f.predicate == "unit" and isinstance(f.obj, Lit)}
    counted = {f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    assert "feet" in units and "feets" not in units, units
    assert {"mariners", "pilots"} <= counted and not any("aboard" in c or "route" in c for c in counted), counted


def test_a_name_after_according_to_and_a_comma_is_no_source() -> None:
    text = (
        "According to the indictment, John Roe, 59, of Gardnerville, Nev., is alleged to have fraudulently "
        "sought reimbursement for personal travel.\nAccording to the FBI, the suspect acted alone in the attack.\n"
    )
    said = claims(*build(text))
    assert not any(who == "John Roe" for who, _ in said), said
    assert ("FBI", "the suspect acted alone in the attack") in said, said


def test_a_statement_attributable_to_a_spokesperson_is_theirs_throughout() -> None:
    text = (
        "Statement from the Acme Services Administration Regarding the Inspector General's Report\n\n"
        "Statement (Attributable to Greg Mecham, Acme Spokesperson)\n\nApril 2, 2012\n\n"
        "The inspector spent over a year conducting this inquiry. In direct response today, Administrator "
        "Jane Doe removed two senior leaders and submitted her own resignation.\n"
    )
    facts, labels = build(text, "statement")
    assert ("Greg Mecham", "The inspector spent over a year conducting this inquiry.") in claims(facts, labels)
    assert any(cls == "Resignation" and who == "Jane Doe" for cls, who, _ in events_dated(facts, labels))


def test_a_titles_field_after_of_is_part_of_it_and_a_titles_place_no_part_of_a_name() -> None:
    text = (
        "Martha Roe served as an Associate Deputy Secretary of Commerce from 1993 until 1996.\n"
        "In March 1996, Martha Roe joined the agency, working there as a chief of staff from 1996 until 2001.\n"
        "Jane Doe was the Regional Commissioner for the Public Buildings Service for the Pacific Rim Region.\n"
    )
    held = holders(*build(text))
    assert ("Martha Roe", "Associate Deputy Secretary of Commerce") in held and ("Martha Roe", "Chief of staff") in held
    assert not any(post == "Chief" or who == "Buildings" for who, post in held), held
    said = claims(*build("Governor of Michigan Rick Doe said the water is safe for everyone now.\n"))
    assert said == [("Rick Doe", "the water is safe for everyone now")], said


def test_a_judges_name_with_two_initials_and_a_sentences_connective_are_read_right() -> None:
    text = (
        "ORDER AND REASONS granting 7 Motion for Preliminary Injunction. Signed by Judge Martin L.C. Roeman on "
        "6/22/2010.\nSenator Jeff Bingamon chaired the hearing. Though Bingamon said it is likely technological "
        "issues are only one part of the problem.\n"
    )
    facts, labels = build(text, "court")
    assert ("Martin L.C. Roeman", "Judge") in holders(facts, labels), holders(facts, labels)
    said = claims(facts, labels)
    assert said and all(who == "Jeff Bingamon" for who, _ in said), said


def test_whom_a_witness_greets_is_no_speaker_and_a_post_after_as_that_acts_is_held_by_no_one() -> None:
    text = (
        "Oral Statement – House Ways and Means\nMay 17, 2013\n"
        "Chairman Camp, Ranking Member Levin, and Members of theCommittee, thank you for the opportunity to "
        "discuss our report.\n\nMs. Lois Lerner appeared at the hearing on May 22, 2013, seated next to other "
        "witnesses as the Chairman required them to swear an oath.\n"
    )
    facts, labels = build(text, "statement")
    dated = events_dated(facts, labels)
    assert not any(who in {"Camp", "Levin"} for _, who, _ in dated), dated
    assert not any(who == "Lois Lerner" for who, _ in holders(facts, labels)), holders(facts, labels)


def test_a_list_of_members_with_their_titles_and_a_jointly_headed_testimony() -> None:
    listed = "Members of the commission:\n\n- Frances G. Beineke, President of Natural Resources Defense Council\n"
    assert ("Frances G. Beineke", "President, Natural Resources Defense Council") in holders(*build(listed))
    text = (
        "TESTIMONY OF\n\nSENATOR BOB GRAHAME\n\nAND\n\nTHE HONORABLE WILLIAM REILLEY\n\n"
        "Testimony of Senator Bob Grahame and the Honorable William Reilley before the committee.\n\n"
        "The costs from this one industrial accident are not yet fully counted by anyone in the region.\n"
    )
    said = claims(*build(text, "testimony"))
    words = "The costs from this one industrial accident are not yet fully counted by anyone in the region."
    assert ("Bob Grahame", words) in said and ("William Reilley", words) in said, said


def test_what_a_measure_counts_of_and_the_parts_of_a_total_that_name_a_kind() -> None:
    text = (
        "The company pleaded guilty to 11 counts of felony manslaughter and spilled 4.9 million barrels of oil.\n"
        "The report included 36 recommendations – 18 bipartisan, 12 Democratic, and 6 Republican.\n"
        "He was charged with three counts of making false claims.\n"
    )
    facts = build(text)[0]
    counted = {f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    # (barrels are a unit since round 23: what is counted in them is the oil)
    assert {"counts of felony manslaughter", "oil", "bipartisan recommendations"} <= counted, counted
    assert "barrels" in {f.obj.value for f in facts if f.predicate == "unit" and isinstance(f.obj, Lit)}
    assert "Democratic recommendations" in counted and "counts of" not in counted, counted


def test_a_bare_chair_greeted_with_the_ranking_member_is_the_one_committees_and_a_judge_the_one_courts() -> None:
    text = (
        "Testimony before the Committee on Environment and Public Works\n\n"
        "Chairman Boxen, Ranking Member Inhoff, and Members of the Committee, thank you for having us.\n\n"
        "Chairman Martin J. Grunberg of the agency also spoke at the hearing about the banks.\n"
    )
    held = holders(*build(text, "testimony"))
    assert ("Boxen", "Chairman, Committee on Environment and Public Works") in held, held
    assert ("Inhoff", "Ranking Member, Committee on Environment and Public Works") in held, held
    assert not any(who == "Martin J. Grunberg" and "Environment" in post for who, post in held), held
    sub = text.replace("Members of the Committee", "Members of the Subcommittee on Oil")
    assert not any("Environment" in post for _, post in holders(*build(sub, "testimony")))
    court = (
        "BP pleaded guilty to 14 counts filed in U.S. District Court in the Eastern District of Louisiana.\n"
        "On January 29, 2013, Judge Sarah S. Vancey accepted the plea in the United States District Court for the "
        "Eastern District of Louisiana.\n"
    )
    held = holders(*build(court))
    assert any(who == "Sarah S. Vancey" and post.startswith("Judge, ") for who, post in held), held


def test_whom_a_floor_speech_addresses_is_no_actor() -> None:
    text = (
        "Mr. President, earlier today, the Senate Finance Committee finally, and at long last, issued its report "
        "on its bipartisan investigation of the IRS.\n"
    )
    acts = {(cls, who) for cls, who, _ in events_dated(*build(text, "statement"))}
    assert ("ReportRelease", "Senate Finance Committee") in acts, acts


def test_what_you_stated_is_no_one_named_and_a_release_announces_today_what_happened_today() -> None:
    letter = (
        "Dear Mr. Chairman:\nAfter you rejected the Department's recent offers of additional accommodations, you "
        "stated that the Committee intends to proceed with its scheduled meeting.\n"
    )
    assert claims(*build(letter, "statement")) == []
    release = (
        "SAN DIEGO, CA - Manuel Osorio, age 37, was sentenced to 30 years in prison today in United States District "
        "Court in Tucson, announced Laura E. Duffey, United States Attorney for the Southern District of California.\n"
    )
    assert ("Announcement", "Laura E. Duffey", "2014-08-26") in events_dated(*build(release))
    figures = "The Department has produced over 7,600\npages of documents to the Committee.\n"
    labels = {f.obj.value for f in build(figures)[0] if f.predicate == "label" and isinstance(f.obj, Lit)}
    assert "over 7,600 pages of documents" in labels or "over 7,600 pages" in labels, labels


def test_criminal_charges_are_no_reproach_and_this_committee_no_name() -> None:
    text = (
        "In January 2014, James Comey, the FBI director, told reporters that the investigation had found no "
        "evidence warranting the filing of federal criminal charges.\n"
        "Ranking Member Griffin said This Committee will look at the grid failures closely.\n"
    )
    facts, labels = build(text)
    classes = {cls for cls, who, _ in events_dated(facts, labels) if who == "James Comey"}
    assert classes == {"Statement"}, classes
    assert "This Committee" not in labels.values(), labels


def test_a_rosters_employer_after_a_title_is_no_holder() -> None:
    text = "Part I - Panel II\n\nJames Bemont\nVice President, Sperry Drilling\nHalliburton\n(Truth in Testimony)\n"
    held = holders(*build(text))
    assert not any(who == "Sperry Drilling" for who, _ in held), held
    assert ("Joe Biden", "President") in holders(*build("The panel heard from the President, Joe Biden.\n"))


def test_a_witness_list_of_names_over_titles_and_bodies() -> None:
    text = (
        "Part I - Panel I\n\nThe Honorable Michael Bromwell\nDirector\n"
        "Bureau of Safety and Environmental Enforcement\n\n"
        "Vice Admiral Brian M. Salerni\nDeputy Commandant for Operations\nU.S. Coast Guard\n\n"
        "Jane Roe\nThe hearing begins at ten in the morning.\n"
    )
    held = holders(*build(text))
    assert ("Michael Bromwell", "Director, Bureau of Safety and Environmental Enforcement") in held, held
    assert any(who == "Brian M. Salerni" and post.startswith("Deputy Commandant for Operations") for who, post in held)
    assert not any(who == "Jane Roe" for who, _ in held), held


def test_a_paper_the_model_reads_as_a_person_or_a_body_is_neither() -> None:
    text = (
        "In a speech on the Senate Floor, Utah Senator Says Committee Report, “…spells out in great detail the "
        "problems that plagued the agency.”\nThe court dismissed all but two claims in Plaintiffs' Second Amended "
        "Complaint on October 23, 2014.\n"
    )
    labels = set(build(text)[1].values())
    assert "Committee Report" not in labels and "Second Amended Complaint" not in labels, labels
