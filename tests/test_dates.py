"""Date mentions: a table of forms (positive and negative) and checks over the embedded documents."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kg.dates import DateMention, find_dates
from tests.documents import document, documents

# The dates the documents speak from (sources/README.md, the corpus file names).
DOC_DATES = {
    "oig-message-2021-01.txt": "2021-01",
    "16-house-oversight-press-release-2021-02-04.txt": "2021-02-04",
}

Row = tuple[str, str, str, str | None, str | None, str, bool]


def _m(
    text: str,
    value: str,
    precision: str,
    *,
    end_value: str | None = None,
    end_precision: str | None = None,
    relation: str = "on",
    relative: bool = False,
) -> Row:
    """An expected mention, with the defaults of a single, explicit, "on" date."""
    return (text, value, precision, end_value, end_precision, relation, relative)


def _row(m: DateMention) -> Row:
    return (m.text, m.value, m.precision, m.end_value, m.end_precision, m.relation, m.relative)


def _range(text: str, value: str, end: str, precision: str) -> Row:
    return _m(text, value, precision, end_value=end, end_precision=precision)


CASES: list[tuple[str, str | None, list[Row]]] = [
    ("On April 6, 2018, Sessions", None, [_m("April 6, 2018", "2018-04-06", "day")]),
    # two days joined by "and" share the year, which a later date without one takes too
    (
        "On October 19 and 20, 2021, it was sent. They were told by email on October 21.",
        "2022-05-25",
        [
            _range("October 19 and 20, 2021", "2021-10-19", "2021-10-20", "day"),
            _m("October 21", "2021-10-21", "day", relative=True),
        ],
    ),
    ("(Feb. 4, 2021)", None, [_m("Feb. 4, 2021", "2021-02-04", "day")]),
    ("Feb 4, 2021 Press Release", None, [_m("Feb 4, 2021", "2021-02-04", "day")]),
    ("on Oct 9, 2018.", None, [_m("Oct 9, 2018", "2018-10-09", "day")]),
    ("Sept. 10, 2019", None, [_m("Sept. 10, 2019", "2019-09-10", "day")]),
    ("MAY 4, 2018", None, [_m("MAY 4, 2018", "2018-05-04", "day")]),
    ("signed 6 April 2018", None, [_m("6 April 2018", "2018-04-06", "day")]),
    ("the 4th of July, 2018", None, [_m("4th of July, 2018", "2018-07-04", "day")]),
    ("issued in April 2018.", None, [_m("April 2018", "2018-04", "month")]),
    ("Monday, June 25, 2018", None, [_m("Monday, June 25, 2018", "2018-06-25", "day")]),
    ("on 06/26/18", None, [_m("06/26/18", "2018-06-26", "day")]),
    ("on 06/26/2018", None, [_m("06/26/2018", "2018-06-26", "day")]),
    ("on 2018-06-26.", None, [_m("2018-06-26", "2018-06-26", "day")]),
    ("in 2019 it", None, [_m("2019", "2019", "year")]),
    ("by the Senate in 2003 to", None, [_m("2003", "2003", "year")]),
    ("the Homeland Security Act of 2002,", None, [_m("2002", "2002", "year")]),
    ("A 2015 judicial ruling", None, [_m("2015", "2015", "year")]),
    ("in 2018 and 2019", None, [_m("2018", "2018", "year"), _m("2019", "2019", "year")]),
    ("the spring of 2018", None, [_m("spring of 2018", "2018", "year")]),
    ("in summer 2018", None, [_m("summer 2018", "2018", "year")]),
    ("in late 2018", None, [_m("late 2018", "2018", "year")]),
    ("early 2019", None, [_m("early 2019", "2019", "year")]),
    ("by mid-2018", None, [_m("mid-2018", "2018", "year")]),
    # ranges
    (
        "Between May and June 2018, over",
        None,
        [_range("Between May and June 2018", "2018-05", "2018-06", "month")],
    ),
    ("May and June 2018", None, [_range("May and June 2018", "2018-05", "2018-06", "month")]),
    ("on June 26–28, 2018.", None, [_range("June 26–28, 2018", "2018-06-26", "2018-06-28", "day")]),
    ("on June 26-28, 2018.", None, [_range("June 26-28, 2018", "2018-06-26", "2018-06-28", "day")]),
    (
        "June 26 to 28, 2018",
        None,
        [_range("June 26 to 28, 2018", "2018-06-26", "2018-06-28", "day")],
    ),
    (
        "June 26 – July 2, 2018",
        None,
        [_range("June 26 – July 2, 2018", "2018-06-26", "2018-07-02", "day")],
    ),
    ("From 2015 to 2020, he", None, [_range("From 2015 to 2020", "2015", "2020", "year")]),
    ("worked 2002 to 2012 as", None, [_range("2002 to 2012", "2002", "2012", "year")]),
    ("the 2015-2020 period", None, [_range("2015-2020", "2015", "2020", "year")]),
    ("between 2015 and 2020", None, [_range("between 2015 and 2020", "2015", "2020", "year")]),
    (
        "from April 6, 2018, to June 20, 2018",
        None,
        [_range("from April 6, 2018, to June 20, 2018", "2018-04-06", "2018-06-20", "day")],
    ),
    (
        "from December to March 2019",
        None,
        [_range("from December to March 2019", "2018-12", "2019-03", "month")],
    ),
    (
        "In April and July 2018, CBP and ORR, respectively,",
        None,
        [_m("April", "2018-04", "month"), _m("July 2018", "2018-07", "month")],
    ),
    (
        "from October 1, 2017, through May 31, 2018, 1,995",
        None,
        [_range("from October 1, 2017, through May 31, 2018", "2017-10-01", "2018-05-31", "day")],
    ),
    (
        "in June and July",
        "2018",
        [_m("June and July", "2018-06", "month", end_value="2018-07", end_precision="month", relative=True)],
    ),
    ("Filed 06/26/18 PageID.1833 Page 1 of 25", None, [_m("06/26/18", "2018-06-26", "day")]),
    ("on Mon, 7 May 2018 09:15", None, [_m("Mon, 7 May 2018", "2018-05-07", "day")]),
    ("beginning in summer 2017", None, [_m("summer 2017", "2017", "year", relation="since")]),
    # e-mail headers, including OCR that glued the year to the time
    (
        "Date: Fri May 04 2018 20:00:28 EDT",
        None,
        [_m("Fri May 04 2018 20:00:28 EDT", "2018-05-04", "day")],
    ),
    (
        "Sent: Saturday, May 05, 2018 12:47:53 AM To:",
        None,
        [_m("Saturday, May 05, 2018 12:47:53 AM", "2018-05-05", "day")],
    ),
    (
        "Date: Sun May 06 201815:56:13 EDT",
        None,
        [_m("Sun May 06 201815:56:13 EDT", "2018-05-06", "day")],
    ),
    # year-less forms take the latest written year, else the document's
    (
        "in April 2018. On May 4, DHS",
        "2021-01",
        [_m("April 2018", "2018-04", "month"), _m("May 4", "2018-05-04", "day", relative=True)],
    ),
    ("On May 4, DHS began", "2021-01", [_m("May 4", "2021-05-04", "day", relative=True)]),
    # More than half a year after the document: last year's ("On November 20" in a March release).
    ("On November 20, she was named", "2016-03-15", [_m("November 20", "2015-11-20", "day", relative=True)]),
    ("In January, he changed the policy", "2016-03-15", [_m("January", "2016-01", "month", relative=True)]),
    # A day of the week alone: the last such day up to a news report's date.
    ("was charged Thursday with two counts", "2021-01-15", [_m("Thursday", "2021-01-14", "day", relative=True)]),
    # The day before the document's: "last night" in a release of January 22 is January 21.
    (
        "Last night, the chairman issued a statement",
        "2016-01-22",
        [_m("Last night", "2016-01-21", "day", relative=True)],
    ),
    (
        "Yesterday, on March 1, she resigned",
        "2016-03-02",
        [_m("Yesterday", "2016-03-01", "day", relative=True), _m("March 1", "2016-03-01", "day", relative=True)],
    ),
    ("Last night, the chairman issued a statement", "2016-01", []),  # a month's document gives no day
    # The document's year or month, or the one before: "last year" in a 2023 text is 2022.
    ("Last year, the committee adopted a new policy", "2023-03-28", [_m("Last year", "2022", "year", relative=True)]),
    (
        "Earlier this month the agency closed it",
        "2023-03-28",
        [_m("Earlier this month", "2023-03", "month", relative=True)],
    ),
    ("It was revised last month", "2023-01-05", [_m("last month", "2022-12", "month", relative=True)]),
    ("Last year, the committee adopted a new policy", None, []),  # no document date, no year
    ("as of September 10th", "2018", [_m("September 10th", "2018-09-10", "day", relative=True)]),
    ("in May", "2020-03", [_m("May", "2020-05", "month", relative=True)]),
    (
        "On April 6, 2018, X. Following the May announcement,",
        None,
        [
            _m("April 6, 2018", "2018-04-06", "day"),
            _m("May", "2018-05", "month", relation="after", relative=True),
        ],
    ),
    (
        "from May to June",
        "2018",
        [
            _m(
                "from May to June",
                "2018-05",
                "month",
                relative=True,
                end_value="2018-06",
                end_precision="month",
            )
        ],
    ),
    ("in mid-May", "2018", [_m("mid-May", "2018-05", "month", relative=True)]),
    ("Today, my office", "2021-01", [_m("Today", "2021-01", "month", relative=True)]),
    ("joining me today.", "2021-02-04", [_m("today", "2021-02-04", "day", relative=True)]),
    (
        "in May 2018. A month later, the",
        None,
        [
            _m("May 2018", "2018-05", "month"),
            _m("A month later", "2018-06", "month", relative=True),
        ],
    ),
    (
        "on June 20, 2018. The next day",
        None,
        [
            _m("June 20, 2018", "2018-06-20", "day"),
            _m("The next day", "2018-06-21", "day", relative=True),
        ],
    ),
    # relation words
    ("after April 6, 2018", None, [_m("April 6, 2018", "2018-04-06", "day", relation="after")]),
    ("Prior to April 2018, DHS", None, [_m("April 2018", "2018-04", "month", relation="before")]),
    ("Since April 2020, he", None, [_m("April 2020", "2020-04", "month", relation="since")]),
    ("until June 20, 2018", None, [_m("June 20, 2018", "2018-06-20", "day", relation="until")]),
    ("as of June 20, 2018", None, [_m("June 20, 2018", "2018-06-20", "day")]),
]

NEGATIVES: list[tuple[str, str | None]] = [
    ("DHS may refer adults", "2018"),
    ("They March on Washington and marched", "2018"),
    ("Theresa May said", "2018"),
    ("Section 2019 of the Act", None),
    ("[FR Doc No. 2018-13696]", None),
    ("[Pages 29435-29436]", None),
    ("a budget of $2018", None),
    ("2,018 children", None),
    ("FY2018 funds", None),
    ("the 10th", "2018"),
    ("at 12:47:53 AM", None),
    ("February 30, 2018", None),
    ("On May 4, DHS began", None),  # no year anywhere to resolve it from
    ("Today, my office", None),
    ("A month later, the", None),  # nothing earlier to count from
    ("memo 4.6.18.pdf and 05042018.docx", None),
    ("GAO-19-163 and OIG-18-84 and 21-028", None),
    ("2015 and 2020", None),  # bare years without context
    ("Executive Order 13841 of", None),
]


@pytest.mark.parametrize(("text", "doc_date", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_forms(text: str, doc_date: str | None, expected: list[Row]) -> None:
    assert [_row(m) for m in find_dates(text, doc_date)] == expected


@pytest.mark.parametrize(("text", "doc_date"), NEGATIVES, ids=[n[0][:40] for n in NEGATIVES])
def test_not_dates(text: str, doc_date: str | None) -> None:
    assert find_dates(text, doc_date) == []


def test_bad_doc_date_raises() -> None:
    with pytest.raises(ValueError, match="doc_date"):
        find_dates("today", "Jan 2021")


def test_spans_sorted_and_disjoint_on_documents() -> None:
    for path in documents():
        text = path.read_text(encoding="utf-8")
        mentions = find_dates(text, DOC_DATES.get(path.name))
        for m in mentions:
            assert text[m.start : m.end] == m.text, path.name
        for a, b in pairwise(mentions):
            assert a.end <= b.start, (path.name, a, b)


def _values(name: str) -> list[tuple[str, str | None, str, bool]]:
    path = document(name)
    text = path.read_text(encoding="utf-8")
    return [(m.value, m.end_value, m.relation, m.relative) for m in find_dates(text, DOC_DATES.get(name))]


def test_email_headers() -> None:
    values = {v for v, *_ in _values("20-cbp-foia-zero-tolerance-prosecution-emails.txt")}
    assert {"2018-05-04", "2018-05-05", "2018-05-06"} <= values


def test_message() -> None:
    found = _values("oig-message-2021-01.txt")
    assert ("2018-05", "2018-06", "on", False) in found
    assert ("2018-05-04", None, "on", True) in found
    assert ("2021-01", None, "on", True) in found  # "Today" in a message dated January 2021


def test_article_and_reports() -> None:
    assert ("2018-05", None, "after", True) in _values("ig-report-zero-tolerance-article.txt")
    assert ("2018-04", None, "before", False) in _values("08-gao-19-163-what-gao-found.txt")
    bio = _values("13-doj-oig-meet-the-inspector-general.txt")
    assert ("2015", "2020", "on", False) in bio
    assert ("2020-04", None, "since", False) in bio
    register = {v for v, *_ in _values("04-eo-13841-federal-register.txt")}
    assert register == {"2018-06-20", "2018-06-25"}  # no FR numbers or page numbers as years
