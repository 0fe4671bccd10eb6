"""Sixteenth round: shapes of real documents seen on three new subjects (the Crandall Canyon mine
collapse, the Arkema plant fires after Hurricane Harvey, the Parkland school shooting), each text
made up in the shape of a real document's; and the parse run a batch ahead, in a thread."""

from __future__ import annotations

import sys
import threading
from decimal import Decimal

import pytest
from spacy.language import Language

import kg.extract.parse as parse_module
from kg.extract.parse import Parse, Parser, load_model, parse_document
from kg.layout import normalise
from kg.model import Document, Fact, Lit
from kg.quantities import find_quantities
from tests.test_attribution import claims
from tests.test_parse_speed import _doc
from tests.test_round12 import related
from tests.test_round14 import titled
from tests.test_round15 import dated


def statistic_dates(facts: list[Fact]) -> dict[str, str]:
    """Each dated statistic's label and its date."""
    labels = {f.subject: f.obj.value for f in facts if f.predicate == "label" and isinstance(f.obj, Lit)}
    stats = {f.subject for f in facts if f.predicate == "value" and f.rule == "statistic"}
    return {
        str(labels.get(f.subject, f.subject)): str(getattr(f.obj, "value", f.obj))
        for f in facts
        if f.subject in stats and f.predicate == "date"
    }


def test_a_dateline_on_its_own_line_is_no_part_of_a_claim() -> None:
    text = (
        "FBI statement on the tip\n\n"
        "PARKLAND, Florida (WABC) --\n"
        "The agency failed to act on a tip about the suspect John Doe, according to a statement released by the FBI.\n"
    )
    said = claims(*dated(text, "news", "2018-02-16"))
    assert ("FBI", "The agency failed to act on a tip about the suspect John Doe") in said, said
    assert not [c for c in said if "PARKLAND" in c[1]], said


def test_a_range_of_millions_names_its_lower_end_in_millions() -> None:
    low, high = find_quantities("The district settled for $125 to $130 million with the families.")
    assert (low.text, low.value, low.qualifier) == ("$125 million", Decimal("125000000"), "lower-bound")
    assert (high.text, high.value, high.qualifier) == ("$130 million", Decimal("130000000"), "upper-bound")


def test_up_to_a_fine_is_a_cap() -> None:
    (q,) = find_quantities("The charge carries a penalty of up to a $1 million fine.")
    assert (q.value, q.qualifier) == (Decimal("1000000"), "upper-bound")


def test_a_page_number_of_a_filings_header_counts_nothing() -> None:
    assert find_quantities("Case: 19-20723    Document: 00515718843    Page: 1    Date Filed: 01/22/2021") == []


def test_a_return_period_is_no_span_of_years() -> None:
    text = (
        "The plant was prepared for a 500-year flood. The site lies outside the 100-year floodplain. "
        "It had a 5,000-20,000 year rainfall. He served a four-year term."
    )
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("four-year", "years")]


def test_a_post_in_the_first_words_of_a_longer_name_is_not_asserted() -> None:
    text = (
        "Today, Senator Edward M. Kennedy, Chairman of the United States Senate Health, Education, Labor and "
        "Pensions (HELP) Committee, released a report on the disaster.\n"
    )
    facts, labels = dated(text, "press-release", "2008-05-01")
    posts = related(facts, labels, "postIn")
    assert not [p for p in posts if p[1] in {"U.S. Senate", "United States Senate Health, Education"}], posts
    held = related(facts, labels, "holds")
    assert not [h for h in held if h[1].startswith("Chairman")], held
    assert ("Edward M. Kennedy", "U.S. Senator") in held, held


def test_a_length_of_time_before_its_noun_takes_no_date() -> None:
    text = (
        "The judge read the sentences. The jury in the three-month penalty trial voted 9-3 on Oct. 13 to "
        "sentence him to death.\n"
    )
    facts, _ = dated(text, "news", "2022-11-02")
    assert "three-month" not in statistic_dates(facts), statistic_dates(facts)


def test_a_count_of_things_listed_after_a_colon_takes_none_of_their_dates() -> None:
    text = (
        "In 2016, the sheriff was reelected for a four-year term. Following his reelection, two mass shootings "
        "occurred during his term of office: the January 6, 2017, shooting at the airport and the February 14, "
        "2018, school shooting at the high school.\n"
    )
    facts, _ = titled(text, "Israel v. DeSantis", kind="court")
    assert "two mass shootings" not in statistic_dates(facts), statistic_dates(facts)


SENTENCES = [
    "Secretary Robert Hale resigned on May 4, 2019.",
    "Governor Maria Lopez signed the act, the agency said.",
    "The inspector general found that 17 offices failed to report 250 cases.",
]


def test_parsing_ahead_in_a_thread_parses_as_alone_and_restores_the_interval() -> None:
    docs = [_doc(f"d{i}", " ".join(SENTENCES[i % 3 :] + SENTENCES[: i % 3]) * 40) for i in range(6)]
    before = sys.getswitchinterval()
    nlp = load_model()
    with Parser(docs) as parser:
        made = [parser.parse(d) for d in docs]
        assert any(t.name.startswith("kg-parse") for t in threading.enumerate())  # a batch was parsed ahead
    assert sys.getswitchinterval() == before
    assert not [t for t in threading.enumerate() if t.name.startswith("kg-parse")]
    for doc, parse in zip(docs, made, strict=True):
        alone = parse_document(doc, nlp)
        assert [(s.offset, [(t.text, t.dep_, t.head.i, t.ent_type_) for t in s.doc]) for s in parse] == [
            (s.offset, [(t.text, t.dep_, t.head.i, t.ent_type_) for t in s.doc]) for s in alone
        ]


def test_a_batch_parsed_ahead_that_fails_leaves_the_error_with_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [_doc(f"d{i}", "Secretary Robert Hale resigned. " * 120) for i in range(4)]  # two a batch
    real = parse_module._parses
    calls: list[list[str]] = []

    def fails_once_together(group: list[Document], nlp: Language) -> list[Parse]:
        calls.append([d.meta.id for d in group])
        if len(calls) == 2:  # the batch parsed ahead, in the thread
            raise RuntimeError("one of them is bad")
        return real(group, nlp)

    monkeypatch.setattr(parse_module, "_parses", fails_once_together)
    with Parser(docs) as parser:
        made = [parser.parse(d) for d in docs]
    assert calls == [["d0", "d1"], ["d2", "d3"], ["d2"], ["d3"]]
    assert [len(p.sentences) for p in made] == [120] * 4


def test_a_signature_under_a_chief_judges_title_names_the_judge_whole() -> None:
    text = (
        "ORDER\n\nRICHARD E. MYERS II Chief United States District Judge\n\n"
        "On November 20, 2023, the United States moved to strike the jury trial demand.\n"
    )
    facts, labels = titled(text, "In re Water Litigation", kind="court")
    assert related(facts, labels, "holds") == {("Richard E. Myers II", "Chief United States District Judge")}


def test_two_word_ranks_and_the_judge_advocate_general_are_whole_titles() -> None:
    text = (
        "Retired Marine Master Sergeant Jerry Ensminger testified before the Senate Veterans Affairs Committee "
        "today.\n\nThe senators wrote to the Navy Judge Advocate General (JAG), Vice Admiral Darse Crandall, about "
        "the delays.\n"
    )
    facts, labels = dated(text, "press-release", "2016-05-24")
    held = related(facts, labels, "holds")
    assert ("Jerry Ensminger", "Master Sergeant") not in held, held  # a rank alone is no post (round 19)
    assert not [h for h in held if h[0] in {"Advocate", "Sergeant Jerry Ensminger"} or h[1].startswith("Judge,")], held


def test_a_double_hyphen_dash_ends_the_counted_noun() -> None:
    (q,) = find_quantities(
        "The water held two VOCs--trichloroethylene (TCE) and perchloroethylene (PCE)--at high levels."
    )
    assert (q.text, q.counted) == ("two VOCs", "VOCs")


def test_seconds_and_yards_are_measures_and_a_bracketed_metre_restates_them() -> None:
    found = find_quantities("Two bombs detonated 14 seconds and 210 yards (190 m) apart.")
    assert [(q.text, q.unit, q.counted) for q in found] == [
        ("Two bombs", None, "bombs"),
        ("14 seconds", "seconds", None),
        ("210 yards", "yards", None),
    ]


def test_a_plural_title_of_a_list_of_bodies_leaves_the_actor_unsettled() -> None:
    text = (
        "The Inspectors General (IG) of the Intelligence Community (IC), the Central Intelligence Agency (CIA), "
        "the Department of Justice (DOJ), and the Department of Homeland Security (DHS) today issued their report "
        "on the handling of information prior to the bombing.\n"
    )
    facts, labels = dated(text, "statement", "2014-04-10")
    assert related(facts, labels, "actor") == set(), related(facts, labels, "actor")


DOUBLE_SPACED = (
    "The grand jury finds that the districts have not followed the law as it was written by the legislature in\n\n"
    "full; it has been 497 days since SB 7026 was signed into law by Governor Rick Scott and the law was\n\n"
    "ignored; it has been 72 days since SB 7030 was signed into law by the then newly elected Governor Ron\n\n"
    "DeSantis; and it is now approximately 24 days until the start of the school year in the districts we\n\n"
    "reviewed. We find this unacceptable.\n\n"
    "FIRST INTERIM REPORT\n\n"
    "The report follows.\n"
)


def test_a_double_spaced_filing_joins_a_full_lines_last_word_to_the_next() -> None:
    text = normalise(DOUBLE_SPACED).text
    assert "Governor Ron DeSantis;" in text
    assert "in full;" in text and "was ignored;" in text
    assert "unacceptable.\n\nFIRST INTERIM REPORT\n\nThe report" in text  # short lines and a sentence's end stay


def test_a_text_not_double_spaced_keeps_its_paragraphs() -> None:
    text = (
        "The Department of Justice today announced the results of its review of the programs run by the Agency\n\n"
        "Other news follows here.\n"
    )
    assert normalise(text).text == text


def test_citations_and_captions_name_no_body_nor_case() -> None:
    text = (
        "Scott J. Israel, Sheriff v. Ron DeSantis, Governor\n\n"
        "The statewide grand jury will investigate any offense within Florida Statute § 905.34 that relates to "
        "the shooting.\n\n"
        "Districts ignored the Implementation of Legislative Recommendations of the Marjory Stoneman Douglas High "
        "School Public Safety Commission.\n"
    )
    _, labels = titled(text, "Israel v. DeSantis", kind="court")
    names = set(labels.values())
    assert not [n for n in names if "§" in n or n.startswith(("Sheriff v.", "Implementation"))], names
    assert "Marjory Stoneman Douglas High School Public Safety Commission" in names, names


def test_a_date_set_before_what_an_act_concerns_dates_that_not_the_act() -> None:
    text = (
        "A jury convicted Dzhokhar A. Tsarnaev in the 2013 Boston Marathon bombing.\n\n"
        "Mary Roe testified at the May 7, 2019 hearing. A federal jury convicted John Doe in 2015 on all 30 counts.\n"
    )
    facts, labels = dated(text, "news", "2022-03-04")
    days = {
        labels.get(f.subject, f.subject): str(getattr(f.obj, "value", f.obj)) for f in facts if f.predicate == "date"
    }
    assert days.get("Testimony by Mary Roe") == "2019-05-07", days
    assert days.get("Conviction: John Doe") == "2015", days
    assert not [k for k in days if "Tsarnaev" in k], days
