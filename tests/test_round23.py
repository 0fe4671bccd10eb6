"""Twenty-third round: shapes of real documents seen on new subjects (a federal website's failed
launch and its audits, a car-part maker's defect, plea and monitor), each text made up in the shape
of a real document's."""

from __future__ import annotations

from decimal import Decimal

from kg.model import Kind, Lit
from kg.quantities import find_quantities
from tests.test_attribution import claims, holders
from tests.test_round19 import _facts  # (the text as a dated document, with the embedded gazetteer)
from tests.test_round22 import _typed


def _statistics(facts: list) -> dict[str, dict[str, str]]:
    """Each statistic's predicates and their values."""
    keys = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Statistic")}
    out: dict[str, dict[str, str]] = {k: {} for k in keys}
    for f in facts:
        if f.subject in keys and isinstance(f.obj, Lit):
            out[f.subject][f.predicate] = f.obj.value
    return out


# --- people and posts ----------------------------------------------------------------------------


def test_a_headlines_verb_after_a_title_is_no_given_name() -> None:
    facts, labels = _facts(
        "Remarks by the President Nominating Sylvia Mathews Burwell as Secretary of Health and Human Services\n"
        "Rose Garden\n\nTHE PRESIDENT: Well, good morning. I am grateful to have so many aides.\n",
        kind="statement",
    )
    assert not any(label.startswith("Nominating") for label in _typed(facts, labels))
    assert not any(who.startswith("Nominating") for who, _ in claims(facts, labels))


def test_a_gerund_that_is_no_verb_still_opens_a_name() -> None:
    facts, labels = _facts("Ambassador Sterling Jones said the embassy was safe.\n")
    assert any(who == "Sterling Jones" for who, _ in claims(facts, labels))


def test_a_surname_after_another_given_name_is_not_the_known_persons() -> None:
    facts, labels = _facts(
        "- Founded: 1933 in Shiga Prefecture, Japan\n- Founder: Takezo Takada\n- Key people: Shigehisa Takada (CEO)\n",
        kind="encyclopedia",
    )
    held = holders(facts, labels)
    assert ("Shigehisa Takada", "CEO") in held
    assert not any(p == "Founder" for _, p in held)


def test_a_body_before_a_title_already_of_that_body_is_named_once() -> None:
    facts, labels = _facts(
        "U.S. Attorney Barbara McQuade, Chief Andrew Weissmann of the Fraud Section and others announced the plea. "
        "“Takata put profits ahead of safety,” said Fraud Section Chief Weissmann.\n"
    )
    posts = {p for who, p in holders(facts, labels) if who == "Andrew Weissmann"}
    assert posts == {"Chief, Fraud Section"}


def test_a_body_named_with_and_before_services_is_one_body() -> None:
    facts, labels = _facts(
        "Testifying before the committee, Marilyn Tavenner, head of the Centers for Medicare and Medicaid "
        "Services, said the website had problems.\n"
    )
    typed = _typed(facts, labels)
    assert "Centers for Medicare and Medicaid Services" in typed
    assert "Centers for Medicare" not in typed and "Medicaid Services" not in typed


def test_a_building_named_for_a_body_is_no_body() -> None:
    facts, labels = _facts(
        "The hearing is at 10:00 AM in the Senate Russell Office Building 253. Staff of the Federal Office "
        "Building in Denver attended.\n"
    )
    typed = _typed(facts, labels)
    assert not any(label.endswith(("Office", "Building")) for label in typed), typed


# --- statistics ----------------------------------------------------------------------------------


def test_a_scans_blank_after_each_thousands_comma() -> None:
    text = "Takata agreed to pay a $25, 000, 000 criminal penalty. The votes were 5, 100 and 200.\n"
    values = [q.value for q in find_quantities(text)]
    assert Decimal(25000000) in values
    assert Decimal(25) not in values and Decimal(0) not in values


def test_a_word_of_no_kind_is_not_counted() -> None:
    facts, _ = _facts("Today I am announcing three things. The agency hired 40 inspectors.\n")
    values = {s.get("value") for s in _statistics(facts).values()}
    assert "40" in values and "3" not in values


def test_the_two_ends_of_a_change_take_no_period() -> None:
    facts, _ = _facts(
        "From September 2011 to February 2014, obligations increased from $56 million to more than $209 "
        "million. From 2011 to 2014, 200 people died.\n"
    )
    stats = {s["value"]: s for s in _statistics(facts).values()}
    assert "begin" not in stats["209000000"] and "begin" not in stats["56000000"]
    assert stats["200"]["begin"] == "2011" and stats["200"]["end"] == "2014"


# --- after the held-out scoring (informed by the held-out subjects, so marked in the docs) ----------


def test_a_form_of_address_is_no_post_of_the_name_after_it() -> None:
    facts, labels = _facts(
        "Mr Speaker, Sir Brian Langstaff has today published the final report of the inquiry. "
        "Madam Deputy Speaker, Jane Roe said it was late.\n",
        kind="statement",
    )
    assert not any("Speaker" in post for _, post in holders(facts, labels))


def test_a_school_named_for_a_titled_person_names_no_holder() -> None:
    facts, labels = _facts("Children at Lord Mayor Treloar College were infected. Mayor Jane Roe spoke.\n")
    held = holders(facts, labels)
    assert ("Jane Roe", "Mayor") in held
    assert not any(who == "Treloar" for who, _ in held)


def test_a_call_in_an_aside_ends_before_the_speakers_own_verb() -> None:
    facts, labels = _facts(
        "Jeremy Corbyn, one of six party leaders who had called for an inquiry to be held, said:\n\n"
        "“It was obviously a serious systemic failure. We need answers.”\n"
    )
    said = [text for who, text in claims(facts, labels) if who == "Jeremy Corbyn"]
    assert "an inquiry to be held" in said
    assert not any(text.endswith("said:") or text.endswith(", said") for text in said)


def test_what_is_counted_in_tonnes_is_the_substance() -> None:
    found = {q.value: q for q in find_quantities(
        "The leak released an estimated 97,100 t of methane, at least 109,000 metric tons of methane and "
        "5 million cubic feet of gas.\n"
    )}  # fmt: skip
    assert (found[Decimal(97100)].counted, found[Decimal(97100)].unit) == ("methane", "tonnes")
    assert (found[Decimal(109000)].counted, found[Decimal(109000)].unit) == ("methane", "tonnes")
    assert found[Decimal(5000000)].unit == "cubic feet"


def test_a_headings_subject_after_an_ing_verb_is_not_its_speaker() -> None:
    facts, labels = _facts(
        "Remarks by the President Nominating Sylvia Mathews Burwell as Secretary of Health and Human Services\n"
        "Rose Garden\n10:54 A.M. EDT\nTHE PRESIDENT: Well, good morning. In my sixth year in office, I am "
        "extraordinarily grateful to have so many aides who have been there since the earliest days.\n",
        kind="statement",
    )
    speakers = {who for who, _ in claims(facts, labels)}
    assert not speakers & {"Sylvia Mathews Burwell", "Rose Garden", "Burwell"}, speakers


# --- after the held-out scoring of the last two (informed by them, so marked in the docs) -----------


def test_a_street_address_on_a_court_is_no_count() -> None:
    assert find_quantities("The hearing is at 220 Trillium Court, Walkerton, Ontario.\n") == []
    counted = [q.counted for q in find_quantities("The 5 Supreme Court justices agreed.\n")]
    assert counted == ["Supreme Court justices"]


def test_about_after_a_noun_is_its_preposition_not_approximately() -> None:
    facts, _ = _facts(
        "In sum, Toyota\nadmits that it misled U.S. consumers by concealing and making deceptive statements "
        "about two\nsafety related issues affecting its vehicles. Police arrested about 40 people.\n"
    )
    stats = {s["value"]: s for s in _statistics(facts).values()}
    assert "2" not in stats
    assert stats["40"]["qualifier"] == "approximate"
