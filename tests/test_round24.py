"""Twenty-fourth round: shapes of real documents seen on new subjects (a space shuttle's loss and its
board, a state's welfare fraud and its audits and pleas, a prime minister's statement), each text
made up in the shape of a real document's."""

from __future__ import annotations

from kg.model import Kind, Lit, Ref
from kg.quantities import find_quantities
from tests.test_attribution import claims, holders
from tests.test_round19 import _facts  # (the text as a dated document, with the embedded gazetteer)
from tests.test_round22 import _typed
from tests.test_round23 import _statistics


def _actors(facts: list, labels: dict[str, str], kind: str) -> set[str]:
    """The actors of the events of one class."""
    keys = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind(kind)}
    return {labels.get(f.obj.key, f.obj.key) for f in facts
            if f.subject in keys and f.predicate in {"actor", "object"} and isinstance(f.obj, Ref)}  # fmt: skip


# --- posts, and who speaks through one -----------------------------------------------------------


def test_the_post_a_named_person_holds_speaks_through_them() -> None:
    facts, labels = _facts(
        "Prime Minister Confirms an Inquiry will be held on Contaminated Blood\n\n"
        "Theresa May, the Prime Minister, has announced that an inquiry will be held. In a statement the "
        "Prime Minister said:\n\n“Thousands of patients were failed. At least 2,400 people died.\n\n"
        "We will work with the victims and their families to decide what form this inquiry should take”.\n",
        kind="press-release",
    )
    assert ("Theresa May", "Prime Minister") in holders(facts, labels)
    said = claims(facts, labels)
    assert ("Theresa May", "Thousands of patients were failed.") in said
    assert any(text.startswith("We will work with the victims") for who, text in said if who == "Theresa May")
    assert not any(who in {"Prime Minister", "Confirms"} for who, _ in said)
    assert "Confirms" not in _typed(facts, labels)  # (a headline's verb after a title is no name)
    assert any(s.get("value") == "2400" for s in _statistics(facts).values())  # (said, and so counted)


def test_a_post_no_one_here_is_said_to_hold_speaks_for_no_one() -> None:
    facts, labels = _facts("In a statement the Prime Minister said: “Thousands of patients were failed.”\n")
    assert claims(facts, labels) == []


def test_a_former_holder_is_not_who_the_post_is_now() -> None:
    facts, labels = _facts(
        "Former Prime Minister John Major attended the launch. "
        "In a statement the Prime Minister said: “The inquiry will report next year.”\n"
    )
    assert not any(who == "John Major" for who, _ in claims(facts, labels))


def test_a_titles_field_that_goes_on_names_no_one() -> None:
    facts, labels = _facts(
        "In an afternoon briefing, Michael Kostelnik, NASA’s Associate Administrator for International Space "
        "Station and Space Shuttle said several engineering teams continue to work round-the-clock.\n"
    )
    typed = _typed(facts, labels)
    assert "Space Shuttle" not in typed and "Space Station" not in typed
    assert [who for who, _ in claims(facts, labels)] == ["Michael Kostelnik"]


def test_a_craft_the_model_reads_as_a_person_is_none() -> None:
    facts, labels = _facts(
        "Address to the Nation on the Loss of Space Shuttle Columbia\n\nMy fellow Americans, this day has "
        "brought terrible news. At 9 o'clock this morning, Mission Control lost contact with our Space Shuttle "
        "Columbia. The Space Shuttle Columbia is lost.\n",
        kind="statement",
    )
    typed = _typed(facts, labels)
    assert typed.get("Space Shuttle Columbia") != "Person" and typed.get("Space Shuttle") != "Person"
    assert not any(who.startswith("Space Shuttle") for who, _ in claims(facts, labels))


def test_the_name_on_the_line_below_opening_remarks_speaks_them() -> None:
    facts, labels = _facts(
        "Space Flight Investigation\nMay 14, 2003\nMembers will hear testimony. Senator McCain will preside.\n"
        "Opening Remarks\nThe Honorable Sean O'Keefe\nMr. Chairman, I appreciate the opportunity to appear. "
        "We have established new accounting codes in the financial system.\n",
        kind="hearing",
    )
    said = claims(facts, labels)
    assert ("Sean O'Keefe", "We have established new accounting codes in the financial system.") in said


def test_members_of_a_body_are_not_the_body() -> None:
    facts, labels = _facts(
        "Sixteen Members of the House Science Committee wrote to you yesterday to request that the charter "
        "for the board be re-drafted to broaden its membership.\n",
        kind="letter",
    )
    assert not any(who == "House Science Committee" for who, _ in claims(facts, labels))


def test_a_name_with_its_generation_is_a_persons() -> None:
    facts, labels = _facts(
        "Jody E. Owens II, Hinds County District Attorney, announced today that two defendants pleaded "
        "guilty. A federal grand jury indicted a former professional wrestler, Ted DiBiase Jr., on Tuesday.\n"
    )
    assert any(who == "Jody E. Owens II" for who, _ in holders(facts, labels))
    assert "Ted DiBiase Jr." in _actors(facts, labels, "Charge")


def test_a_short_title_before_a_surname_resolves_to_the_person() -> None:
    facts, labels = _facts(
        "State Auditor Shad White released the report. During his testimony in July, Auditor White told "
        "members of Congress that the fraud could be happening elsewhere.\n"
    )
    assert "Auditor White" not in _typed(facts, labels)
    assert ("Shad White", "the fraud could be happening elsewhere") in claims(facts, labels)


# --- bodies, events and counts -------------------------------------------------------------------


def test_a_bodys_page_heading_is_no_part_of_its_name() -> None:
    facts, labels = _facts("United States Department of Justice News\n\nThe defendant pleaded guilty today.\n")
    assert not any(label.endswith("Justice News") for label in _typed(facts, labels))


def test_a_headline_name_holding_the_verb_acts_in_nothing() -> None:
    facts, labels = _facts("Inquiry Announced\n\nThe Minister has announced an inquiry into the scandal.\n")
    assert "Inquiry Announced" not in _actors(facts, labels, "Announcement")


def test_commissioning_or_ordering_an_audit_opens_an_investigation() -> None:
    facts, labels = _facts(
        "In April 2021, the Mississippi Department of Human Services commissioned an external forensic audit.\n"
    )
    assert "Mississippi Department of Human Services" in _actors(facts, labels, "Investigation")


def test_an_hour_by_the_clock_is_no_count() -> None:
    text = "At 9 o'clock this morning, Mission Control lost contact. At 10 o’clock it was over."
    assert find_quantities(text) == []


def test_a_figure_in_a_quotation_handed_to_its_speaker_is_counted() -> None:
    facts, _ = _facts("John Smith said:\n\n“The scandal is an appalling tragedy. At least 2,400 people died.”\n")
    assert any(s.get("value") == "2400" and s.get("qualifier") == "lower-bound" for s in _statistics(facts).values())
    facts, _ = _facts("“At least 2,400 people died,” a sign read.\n\n“Nobody came.”\n")
    assert not any(isinstance(f.obj, Lit) and f.obj.value == "2400" for f in facts if f.predicate == "value")


# --- informed by the held-out subjects scored mid-round (Canada's pay system, New Zealand's mine) ----


def test_a_title_that_goes_on_after_its_first_word_names_no_one() -> None:
    facts, labels = _facts(
        "Minister Responsible for Pike River Re-entry Andrew Little entered the portal. The Auditor General’s "
        "report found problems.\n"
    )
    held = holders(facts, labels)
    assert not any(who in {"Responsible", "General"} for who, _ in held), held


def test_a_building_where_a_body_met_holds_no_post() -> None:
    facts, labels = _facts(
        "The Standing Senate Committee on National Finance met this day at 9:33 a.m., in room 9, Victoria "
        "Building, the chair, the Honourable Percy Mockler, presiding.\n",
        kind="hearing",
    )
    assert not any(who == "Victoria Building" for who, _ in holders(facts, labels))


def test_a_table_of_contents_pages_are_no_counts() -> None:
    text = "Contents\nLetter of transmittal 1 Preface 3 Pike River mine memorial 4 Terms of reference 6\n\n29 men died."
    assert [q.value for q in find_quantities(text)] == [29]


def test_a_federal_text_of_canada_is_not_of_the_united_states() -> None:
    facts, labels = _facts(
        "In 2009, the Government of Canada began to transform the way it processed pay for the federal "
        "government's 290,000 public servants. The initiative cost $310 million.\n"
    )
    assert "United States federal government" not in _typed(facts, labels)
    units = {s.get("unit") for s in _statistics(facts).values() if s.get("value") == "310000000"}
    assert units == {"CAD"}


def test_a_sector_of_an_office_is_not_its_whole() -> None:
    facts, labels = _facts(
        "Treasury Board of Canada Secretariat:\nCécile Cléroux, Assistant Deputy Minister, Human Resources "
        "Management Transformation Sector, Office of the Chief Human Resources Officer;\n",
        kind="hearing",
    )
    parts = {(labels.get(f.subject), labels.get(f.obj.key)) for f in facts if f.predicate == "subOrganizationOf"}
    assert (
        "Office of the Chief Human Resources Officer",
        "Human Resources Management Transformation Sector",
    ) not in parts
