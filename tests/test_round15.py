"""Fifteenth round: shapes of real documents seen on three new subjects (the I-35W bridge collapse, the
2014 White House intrusion, the Baltimore police investigation), each text made up in the shape of a
real document's."""

from __future__ import annotations

from pathlib import Path

from kg.extract.document import extract_document_facts
from kg.gazetteer import load_gazetteer
from kg.model import Entity, Fact, Kind, SourceMeta
from kg.quantities import find_quantities
from kg.resolve import settle_positions
from kg.sources import document_from_text
from tests.test_attribution import claims, ref_facts, refs
from tests.test_round12 import embedded, related
from tests.test_round14 import ROOT, titled


def dated(text: str, kind: str, date: str) -> tuple[list[Fact], dict[str, str]]:
    """The facts of ``text`` as a document of ``kind`` dated ``date``, with the embedded gazetteer."""
    meta = SourceMeta(id="case", title="case", path=Path("case.txt"), kind=kind, date=date, publisher="")
    gaz = load_gazetteer(ROOT / "data/gazetteer.toml")
    entities, facts, _ = extract_document_facts(document_from_text(meta, text)[0], gaz)
    return facts, {k: e.label for k, e in {**gaz.entities, **entities}.items()}


def hearing_days(facts: list[Fact], labels: dict[str, str]) -> set[str]:
    hearings = {f.subject for f in facts if f.predicate == "type" and labels.get(f.subject, "").startswith("Hearing")}
    return {str(getattr(f.obj, "value", f.obj)) for f in facts if f.predicate == "date" and f.subject in hearings}


NEWS = (
    "The chairman defended his letter on Monday.\n\n"
    "“We do not want to proceed under such a hopeful assumption,” Mr. Roe said in a letter to Rep. John Doe.\n\n"
    "Mr. Roe also met with Rep. John Doe yesterday, in what a board spokesman called a “cordial” exchange.\n\n"
    "Jim Poe, a spokesman for Rep. John Doe, said the congressman was satisfied with the response.\n\n"
    "Family members of Doe said previously that Doe had suffered from stress after the war.\n\n"
    "After an intruder entered the White House in 2014, an independent review panel found that the incident "
    "arose from a failure of training.\n\n"
    "Mary Smith, the agency's chief, said the plan was sound. But she also said that the stories lacked balance.\n"
)


def test_whose_spokesman_or_family_someone_is_does_not_speak() -> None:
    said = claims(*titled(NEWS, "NTSB chief backs statement", kind="news"))
    assert ("Jim Poe", "the congressman was satisfied with the response") in said, said
    speakers = {who for who, _ in said}
    assert "John Doe" not in speakers, said  # his spokesman and his family speak, not he
    assert "White House" not in speakers, said  # the panel after the comma finds it
    assert not [c for c in said if "previously" in c[1]], said


def test_narration_after_reported_speech_is_no_claim_but_she_also_said_is() -> None:
    said = claims(*titled(NEWS, "NTSB chief backs statement", kind="news"))
    assert not [c for c in said if c[1].startswith("Mr. Roe also met")], said
    assert ("Mary Smith", "the plan was sound") in said, said
    assert ("Mary Smith", "the stories lacked balance") in said, said


def test_where_or_when_it_was_said_is_not_what_was_said() -> None:
    text = "“It is my job to seek justice on behalf of a victim.” Jane Roe said as she opened her remarks.\n"
    said = claims(*embedded(text))
    assert not [c for c in said if c[1].startswith("as she opened")], said
    said = claims(*embedded("Fire Chief Jane Roe said as many as 300 people had been displaced by the flood.\n"))
    assert [c for c in said if c[1].startswith("as many as 300")], said


def test_a_places_possessive_is_part_of_a_title_and_a_persons_is_not() -> None:
    text = (
        "Baltimore City State's Attorney Marilyn Mosby charged six officers on May 1, 2015.\n\n"
        "Bridget Kelly’s attorney Michael Critchley spoke to reporters.\n\n"
        "Mary Poe, Baltimore's State's Attorney, spoke. Jim Poe, the agency's Director, spoke.\n"
    )
    held = related(*embedded(text), "holds")
    assert ("Marilyn Mosby", "Baltimore City State's Attorney") in held, held
    assert not [h for h in held if h[0] == "Michael Critchley"], held
    assert ("Marilyn Mosby", "Attorney") not in held, held
    assert ("Mary Poe", "Baltimore's State's Attorney") in held, held  # in an apposition too
    assert ("Jim Poe", "Director") in held, held  # a common noun's possessive is no part of the title


def test_a_bare_title_is_the_post_whose_body_a_fact_states() -> None:
    # a roster's line ("Jane Roe, Acting Administrator, Federal Railroad Administration") mints its post
    # with the body as a fact; the bare title read from another document is that post
    entities = {
        "position-acting-administrator": Entity(
            key="position-acting-administrator", kind="Position", label="Acting Administrator"
        ),
        "position-acting-administrator-fra": Entity(
            key="position-acting-administrator-fra",
            kind="Position",
            label="Acting Administrator, Federal Railroad Administration",
        ),
    }
    facts = ref_facts(
        ("jane-roe", "holds", "position-acting-administrator"),
        ("jane-roe", "holds", "position-acting-administrator-fra"),
        ("position-acting-administrator-fra", "postIn", "fra"),
    )
    held = {r for r in refs(settle_positions(facts, entities)) if r[0] == "jane-roe"}
    assert held == {("jane-roe", "position-acting-administrator-fra")}, held


def test_an_engines_size_in_liters_is_a_measure_not_a_count() -> None:
    found = find_quantities("The cars had 2.0 liter diesel engines. About 5,000 gallons of diesel spilled.")
    assert [(q.value, q.unit, q.counted) for q in found] == [
        (2, "liters", "diesel engines"),
        (5000, "gallons", "diesel"),
    ]


def test_a_hearing_a_statement_mentions_is_not_the_one_its_head_names() -> None:
    text = (
        "Issa Statement on Resignation of Director Jane Roe\n\n"
        "Published: Oct 1, 2014\n\n"
        "House Oversight and Government Reform Committee Chairman Darrell Issa today made the following "
        "statement on the resignation of Director Jane Roe following yesterday’s hearing before the Committee:\n\n"
        "“Her resignation does not resolve the problems.”\n"
    )
    days = hearing_days(*dated(text, "statement", "2014-10-01"))
    assert "2014-10-01" not in days, days
    # a testimony's own sentence saying before whom it was given names its hearing
    text = (
        "Roe Testifies on Hurricane Commission\n\n"
        "Published: May 2, 2019\n\n"
        "Washington, DC – Rep. Jane Roe (D-NY) testified today before the House Transportation and "
        "Infrastructure Committee in support of her bill.\n"
    )
    assert hearing_days(*dated(text, "testimony", "2019-05-02")) == {"2019-05-02"}


def test_a_counted_noun_ends_before_similar_to() -> None:
    found = find_quantities(
        "There are more than 400 steel-truss bridges similar to the I-35W bridge across the country."
    )
    assert [(q.value, q.counted) for q in found] == [(400, "steel-truss bridges")]
    found = find_quantities("It followed two similar crashes and moved 9,971 twenty-foot equivalent units.")
    assert [q.counted for q in found] == ["similar crashes", "twenty-foot equivalent units"]


def test_a_bound_told_after_the_figure() -> None:
    found = find_quantities("The agents trained for 6% or less of their work hours. Ten people or more died.")
    assert [(q.value, q.qualifier, q.unit) for q in found] == [(6, "upper-bound", "percent"), (10, "lower-bound", None)]


def test_a_committees_name_ending_a_list_of_its_topics_is_whole() -> None:
    text = (
        "Chairman Bob Goodlatte (R-Va.), Ranking Member John Conyers (D-Mich.), Crime, Terrorism, Homeland "
        "Security, and Investigations Subcommittee Chairman Jim Sensenbrenner (R-Wis.) released a statement.\n"
    )
    held = related(*embedded(text), "holds")
    posts = {post for who, post in held if who == "Jim Sensenbrenner"}
    assert posts == {"Chairman, Crime, Terrorism, Homeland Security, and Investigations Subcommittee"}, held


def test_courtesy_and_a_verdict_on_someone_are_no_claims() -> None:
    text = (
        "The jury reached a split verdict, with Holmes found guilty of criminal fraud on four counts.\n\n"
        "“Thank you, Mr. Chairman,” Senator Jane Roe said. “Thanks to the inspectors, the bridge was closed,” "
        "Senator Jane Roe said.\n"
    )
    said = claims(*titled(text, "United States v. Holmes"))
    assert ("Jane Roe", "Thanks to the inspectors, the bridge was closed") in said, said
    assert not [c for c in said if c[1].startswith(("Thank you", "guilty"))], said


def test_inches_are_a_measure_and_a_claim_cut_off_by_the_excerpts_end_is_none() -> None:
    found = find_quantities("The pipe is 40 inches wide and 5,500 miles long.")
    assert [(q.value, q.unit) for q in found] == [(40, "inches"), (5500, "miles")]
    assert find_quantities("Welds on a 30-inch cast iron natural gas transmission pipeline ruptured.") == []
    text = (
        "Statement of Inspector General Jane Roe\n\n"
        "We reviewed the office's ethics program. We found the program sound. We have, however, already"
    )
    said = claims(*titled(text, "Statement of Inspector General Jane Roe", kind="statement"))
    assert not [c for c in said if c[1].endswith("already")], said


def test_he_after_a_name_a_preposition_governs_and_a_headlines_verb_name_no_one() -> None:
    text = (
        "SEC Charges Acme, CEO Jane Holmes, and Former President With Investor Fraud\n\n"
        "Jane Holmes agreed to pay a penalty. In a call with reporters, Steven Peikin, co-director of the "
        "SEC's Enforcement Division, called the remedy against Holmes “pretty unique.” He also said the case "
        "was “particularly meaningful.”\n"
    )
    facts, labels = titled(text, "SEC charges Acme", kind="news")
    said = claims(facts, labels)
    assert not [c for c in said if c[0] == "Jane Holmes"], said
    assert not [k for k in labels.values() if k == "Charges Acme"], labels


def test_a_count_per_day_keeps_its_rate() -> None:
    found = find_quantities("The bridge carried approximately 140,000 vehicles daily, and 300 flights a day left.")
    assert [(q.value, q.qualifier, q.counted) for q in found] == [
        (140000, "approximate", "vehicles daily"),
        (300, "exact", "flights a day"),
    ]


def test_a_ceiling_told_before_the_figure_and_a_titles_middle_word() -> None:
    found = find_quantities(
        "Wire fraud carries a maximum penalty of 20 years. Potential maximum terms of imprisonment on the "
        "charges are as follows: five years for conspiracy. He served 20 years in prison."
    )
    assert [(q.value, q.qualifier) for q in found] == [(20, "upper-bound"), (5, "upper-bound"), (20, "exact")]
    found = find_quantities("Nassar faces a minimum of five years and a combined maximum of 60 years in prison.")
    assert [(q.value, q.qualifier) for q in found] == [(5, "lower-bound"), (60, "upper-bound")]
    text = "Prosecutors persuaded Andrew Fastow, the former chief financial officer of Enron, to plead guilty.\n"
    held = related(*embedded(text), "holds")
    assert [post for who, post in held if who == "Andrew Fastow" and post.lower().startswith("chief financial officer")]


def test_a_rank_of_two_words_and_a_name_wrapped_over_a_line() -> None:
    text = (
        "For Appellee: Captain Chad M. Fisher (argued); Colonel Norman\n"
        "F. J. Allen III, Lieutenant Colonel Martha L. Foss, and Major\nJane Roe.\n"
    )
    held = related(*embedded(text, kind="court"), "holds")
    # (a rank alone is no post since the nineteenth round: no holding, and none of a name's part)
    assert not [h for h in held if h[0] in {"Norman", "Martha L. Foss"} or h[1] in {"Colonel", "Lieutenant"}], held


def test_a_war_launched_is_no_announcement() -> None:
    text = (
        "Family members said he had suffered after his service in the Iraq war, which was launched by "
        "former U.S. President George W. Bush. The Secretary announced a review on Monday, June 2, 2014.\n"
    )
    facts, labels = embedded(text, kind="news")
    events = {labels.get(f.subject, f.subject) for f in facts if f.predicate == "actor"}
    assert not [e for e in events if "George W. Bush" in e], events


def test_one_invited_to_testify_has_not_testified() -> None:
    text = "The Committee has invited Director Julia Pierson to testify at the hearing on June 2.\n"
    facts, _ = embedded(text)
    assert not [f for f in facts if f.predicate == "type" and f.obj == Kind("Testimony")], facts


def test_a_report_named_by_its_number_alone_has_no_number_of_itself() -> None:
    text = "2014 White House Fence\n\nJumping Incident\n\nApril 12, 2016\n\nOIG-16-64\n\nWe reviewed the incident.\n"
    facts, labels = embedded(text, kind="report-summary")
    numbered = [(labels.get(f.subject), str(f.obj)) for f in facts if f.predicate == "reportNumber"]
    assert not [n for n in numbered if n[0] == "OIG-16-64"], numbered
