"""Quantities: a table of forms (positive and negative) and checks over the embedded documents."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest

from kg.quantities import Quantity, find_quantities
from tests.documents import document, documents

Row = tuple[str, str, str, str | None, str | None]


def _row(q: Quantity) -> Row:
    return (q.text, str(q.value), q.qualifier, q.unit, q.counted)


# (input, [(span text, value, qualifier, unit, counted)])
CASES: list[tuple[str, list[Row]]] = [
    (
        "over 3,000 children were separated",
        [("over 3,000 children", "3000", "lower-bound", None, "children")],
    ),
    (
        "more than 5,500 children",
        [("more than 5,500 children", "5500", "lower-bound", None, "children")],
    ),
    (
        "at least 118 separated children",
        [("at least 118 separated children", "118", "lower-bound", None, "separated children")],
    ),
    (
        "identified 2,654 children in ORR custody",
        [("2,654 children", "2654", "exact", None, "children")],
    ),
    (
        "approximately 25 percent of Americans supported",
        [("approximately 25 percent of Americans", "25", "approximate", "percent", "Americans")],
    ),
    ("a 203 percent increase", [("203 percent increase", "203", "exact", "percent", "increase")]),
    ("rose 25%.", [("25%", "25", "exact", "percent", None)]),
    (
        "2.5 percentage points",
        [("2.5 percentage points", "2.5", "exact", "percentage points", None)],
    ),
    (
        "a majority of Republicans supported it",
        [("a majority of Republicans", "50", "lower-bound", "percent", "Republicans")],
    ),
    (
        "nearly half of the children",
        [("nearly half of the children", "50", "approximate", "percent", "children")],
    ),
    (
        "the over $5 trillion in spending",
        [("over $5 trillion", "5000000000000", "lower-bound", "USD", None)],
    ),
    ("a $1.5 million grant", [("$1.5 million grant", "1500000", "exact", "USD", "grant")]),
    ("5 million dollars", [("5 million dollars", "5000000", "exact", "USD", None)]),
    (
        "comprised of all 75 federal Inspectors General.",
        [("75 federal Inspectors General", "75", "exact", None, "federal Inspectors General")],
    ),
    (
        "a Committee of 22 federal Inspectors General that",
        [("22 federal Inspectors General", "22", "exact", None, "federal Inspectors General")],
    ),
    (
        "more than 500 special agents, auditors",
        [("more than 500 special agents", "500", "lower-bound", None, "special agents")],
    ),
    (
        "only enough information to reconnect 60 children with",
        [("60 children", "60", "exact", None, "children")],
    ),
    ("for no more than 20 days.", [("no more than 20 days", "20", "upper-bound", "days", None)]),
    ("those under 18 years old", [("under 18 years", "18", "upper-bound", "years", None)]),
    (
        "fewer than 100 families",
        [("fewer than 100 families", "100", "upper-bound", None, "families")],
    ),
    ("nearly 3,000 children", [("nearly 3,000 children", "3000", "approximate", None, "children")]),
    ("almost 2,000 parents", [("almost 2,000 parents", "2000", "approximate", None, "parents")]),
    ("about 40 officials", [("about 40 officials", "40", "approximate", None, "officials")]),
    ("roughly 12 agencies", [("roughly 12 agencies", "12", "approximate", None, "agencies")]),
    ("around 300 kids", [("around 300 kids", "300", "approximate", None, "kids")]),
    ("some 500 people", [("some 500 people", "500", "approximate", None, "people")]),
    (
        "an estimated 1,500 children",
        [("an estimated 1,500 children", "1500", "approximate", None, "children")],
    ),
    ("3,000+ children", [("3,000+ children", "3000", "lower-bound", None, "children")]),
    (
        "is more\n    than 500 agents",
        [("more\n    than 500 agents", "500", "lower-bound", None, "agents")],
    ),
    # spelled numbers and vague plurals
    ("two agencies", [("two agencies", "2", "exact", None, "agencies")]),
    ("twenty-five families", [("twenty-five families", "25", "exact", None, "families")]),
    ("Sixty years. Nobody", [("Sixty years", "60", "exact", "years", None)]),
    ("a six-year term", [("six-year", "6", "exact", "years", None)]),
    ("a dozen lawyers", [("a dozen lawyers", "12", "exact", None, "lawyers")]),
    (
        "dozens of protest demonstrations were held",
        [("dozens of protest demonstrations", "24", "lower-bound", None, "protest demonstrations")],
    ),
    (
        "the thousands of families that",
        [("thousands of families", "2000", "lower-bound", None, "families")],
    ),
    ("hundreds of parents", [("hundreds of parents", "200", "lower-bound", None, "parents")]),
    (
        "tens of thousands of migrants",
        [("tens of thousands of migrants", "20000", "lower-bound", None, "migrants")],
    ),
]

# ranges, legal-style figures, and line-initial counts that are not list numbers
CASES += [
    # A measure has its unit, and its restatement in other units in brackets is the same measure.
    ("The village lies 38 mi (61 km) from the city.", [("38 mi", "38", "exact", "miles", None)]),
    # Shares of a list in brackets, each after its own label, are no restatement of the one before.
    (
        "It covered two areas: Victim Assistance (37 percent); and Management and Oversight (33 percent).",
        [
            ("two areas", "2", "exact", None, "areas"),
            ("37 percent", "37", "exact", "percent", None),
            ("33 percent", "33", "exact", "percent", None),
        ],
    ),
    # An infobox's count: its noun before the figure, each line its own.
    (
        "Deaths 15\nCriminal charges 15\nSection 15",
        [
            ("Deaths 15", "15", "exact", None, "Deaths"),
            ("Criminal charges 15", "15", "exact", None, "Criminal charges"),
        ],
    ),
    # An infobox's money, its scale glued to the figure.
    ("Direct costs: US$20billion", [("US$20billion", "20000000000", "exact", "USD", None)]),
    # Initials before the counted noun: "U.S." is part of what is counted.
    ("including eight U.S. citizens.", [("eight U.S. citizens", "8", "exact", None, "U.S. citizens")]),
    (
        "Between 2,000 and 3,000 children were affected",
        [
            ("Between 2,000", "2000", "lower-bound", None, "children"),
            ("3,000 children", "3000", "upper-bound", None, "children"),
        ],
    ),
    (
        "for 10 to 20 days",
        [("10", "10", "lower-bound", "days", None), ("20 days", "20", "upper-bound", "days", None)],
    ),
    (
        "between $1 and $2 million",
        [
            ("between $1 million", "1000000", "lower-bound", "USD", None),
            ("$2 million", "2000000", "upper-bound", "USD", None),
        ],
    ),
    ("within fourteen (14) days of", [("within fourteen (14) days", "14", "upper-bound", "days", None)]),
    ("12 children were reunited", [("12 children", "12", "exact", None, "children")]),
    (
        "(12 Democrats and 3 Republicans)",
        [("12 Democrats", "12", "exact", None, "Democrats"), ("3 Republicans", "3", "exact", None, "Republicans")],
    ),
]

NEGATIVES = [
    "fewer than 100.",  # no unit, no counted noun
    "attracting thousands.",
    "8 U.S.C. 1325(a)",
    "8 USC 1325 rosecutorial referrals",
    "under section 1325(a) of title 8, United States Code",
    "Title 3-- The President",
    "defies Article 31 of the Refugee Convention",
    "Executive Order 13841 of June 20, 2018",
    "GAO-19-163 and R45266 and OIG-18-84 and report 21-028",
    "83 FR 29435",
    "Federal Register / Vol. 83, No. 122 / Monday, June 25, 2018 /",
    "[Pages 29435-29436]",
    "[[Page 29435]]",
    "CBP FOIA000260",
    "Section 1. Policy.",
    "first-time offenders",
    "S1 Signed Action Memo",
    "Southwest Border Prosecutions 05042018.docx",
    "memo 4.6.18.pdf",
    "call (202) 514-3435 today",
    "[FR Doc No: 2018-13696]",
    "1. Children were separated",
    "\n3 Petitioners-Plaintiffs,",
    "aged 2 and 3",  # "and" is a range only after "between"/"from"
    "\n12   The Court finds",
    "In response to a June 26, 2018 court order",
    "On May 4 officials began",
    "at 12:47 PM staff",
    "in 2018 children were",
    "No one knows",
    "one of the agencies",
    "two-thirds of cases",
    "Sun May 06 201815:56:13 EDT",
    "a 20-year-old man fired",  # an age, not a span of twenty years
    "injured two others",  # "others" names nothing counted
    "*850 James E. Amick, pro se.",  # a reporter's page number in an opinion
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_forms(text: str, expected: list[Row]) -> None:
    assert [_row(q) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=[n[:40] for n in NEGATIVES])
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_number_span() -> None:
    text = "the over $5 trillion in spending and approximately 25 percent of Americans"
    spans = [text[q.number_start : q.number_end] for q in find_quantities(text)]
    assert spans == ["5 trillion", "25"]


def test_spans_sorted_and_disjoint_on_documents() -> None:
    for path in documents():
        text = path.read_text(encoding="utf-8")
        found = find_quantities(text)
        for q in found:
            assert text[q.start : q.end] == q.text, path.name
            assert q.start <= q.number_start < q.number_end <= q.end, (path.name, q)
        for a, b in pairwise(found):
            assert a.end <= b.start, (path.name, a, b)


def _found(name: str) -> list[tuple[Decimal, str, str | None, str | None]]:
    path = document(name)
    text = path.read_text(encoding="utf-8")
    return [(q.value, q.qualifier, q.unit, q.counted) for q in find_quantities(text)]


def test_real_documents() -> None:
    assert (Decimal(3000), "lower-bound", None, "children") in _found("oig-message-2021-01.txt")
    assert (Decimal(2654), "exact", None, "children") in _found("08-gao-19-163-what-gao-found.txt")
    bio = _found("13-doj-oig-meet-the-inspector-general.txt")
    assert (Decimal(5 * 10**12), "lower-bound", "USD", None) in bio
    assert (Decimal(500), "lower-bound", None, "special agents") in bio
    article = _found("ig-report-zero-tolerance-article.txt")
    assert (Decimal(25), "approximate", "percent", "Americans") in article
    assert (Decimal(50), "lower-bound", "percent", "Republicans") in article
    # Identifier-heavy pages hold no quantities at all.
    assert _found("04-eo-13841-federal-register.txt") == []
    assert _found("20-cbp-foia-zero-tolerance-prosecution-emails.txt") == []
