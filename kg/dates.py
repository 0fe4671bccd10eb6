"""Find date mentions and normalise them to ISO strings that keep their precision.

Patterns find the spans first and each span is then normalised (DESIGN.md: a general date parser
run over prose mostly finds false hits such as the modal verb "may"). The pipeline is four small
passes: collect candidates from every pattern, keep the longest non-overlapping ones, join
neighbours into ranges ("from 2015 to 2020", "Between May and June 2018"), then resolve what the
text leaves implicit (a missing year, "today", "a month later").

Conventions worth knowing:

* A range mention includes its "from"/"between" but a relation word does not: in "after April 6,
  2018" the mention is "April 6, 2018" with ``relation="after"``.
* "by", "from" before a single date leave the relation at "on"; "through"/"till" count as "until",
  "beginning"/"starting" as "since", "as of" as "on".
* Seasons and "early/mid/late" keep year precision ("the spring of 2018" -> "2018"); they are not
  turned into month ranges, because winter straddles two years and "late" has no agreed months.
* Months coordinated with "and" form a range only after "between" or when adjacent ("May and June
  2018"); "April and July 2018" stays two mentions sharing the year, which counts as written.
* A year-less form ("May 4", "the May announcement") takes the most recent year written earlier in
  the text, else the document's year (the year before, where the month is more than six months
  after the document's), else it is dropped; it is then ``relative=True``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year"]
Relation = Literal["on", "after", "before", "since", "until"]
_YMD = tuple[int, int | None, int | None]  # year, month, day of a date of any precision


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range found in a text, with its span and normalised ISO value."""

    start: int
    end: int
    text: str
    value: str
    precision: Precision
    end_value: str | None = None
    end_precision: Precision | None = None
    relation: Relation = "on"
    relative: bool = False


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y2: int | None = None  # the far end of a range; all three None for a single date
    m2: int | None = None
    d2: int | None = None
    explicit: bool = True  # a year is written in the span (or in its coordinated partner)
    shift: tuple[int, str] | None = None  # "two weeks later" -> (2, "week")
    today: bool = False
    back: int = 0  # "yesterday", "last night": days before the document's date (with ``today``)
    weekday: int | None = None  # "on Thursday": the last such day up to the document's (Monday is 0)
    period: tuple[str, int] | None = None  # "last year" -> ("year", 1), "this month" -> ("month", 0)

    @property
    def is_range(self) -> bool:
        return self.y2 is not None or self.m2 is not None or self.d2 is not None


_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
# Abbreviations alone are too ambiguous ("Mar", "Jan"), so a month without day or year is spelt out.
_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|\.\d)"
# A year may be glued to the clock time in OCR'd e-mail headers ("201815:56:13").
# (a footnote's mark after a sentence's year is no decimal: "on June 17, 2017.3 Plaintiffs are …")
_YEAR = r"(?:19|20)\d\d(?:(?=\d{1,2}:\d\d)|(?![\w%]|[,/-]\d|\.\d(?!\d?\s+[A-Z][a-z])))"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\b\.?)?"
    r"(?:\s+(?:[ecmp][sd]t|utc|gmt)\b)?)?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?,?\s+)?"
_DASH = r"(?:–|—|-|to|through)"
_MOD = r"(?P<mod>(?:early|late|mid)(?:-|\s+))?"

# Each pattern opens with a cheap look-ahead on its possible first letters: with re.I the
# engine otherwise tries every alternative at every position (five times slower).
_MDY = re.compile(
    rf"\b(?=[JFMASONDTWS]){_WEEKDAY}(?P<m>{_MON})\s+(?P<d>{_DAY})"
    rf"(?:\s*(?:{_DASH}|and|&)\s*(?P<d2>{_DAY}))?(?:,\s*|\s+)(?P<y>{_YEAR}){_TIME}",  # "October 19 and 20, 2021"
    re.I,
)
_DMY = re.compile(
    rf"(?<![\w.,/:-])(?=[\dMTWFS]){_WEEKDAY}(?P<d>{_DAY})(?:\s*(?:–|—|-|to)\s*(?P<d2>{_DAY}))?"
    rf"\s+(?P<of>of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
    re.I,
)
_MD = re.compile(rf"\b(?=[JFMASOND])(?P<m>{_MON})\s+(?P<d>{_DAY})(?:\s*{_DASH}\s*(?P<d2>{_DAY}))?(?!,\d)", re.I)
_MY = re.compile(rf"(?<![\w-])(?=[JFMASONDELM]){_MOD}(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})", re.I)
_MONTH_ALONE = re.compile(
    rf"\b(?=[JFMASONDELM]){_MOD}(?P<m>{_FULL})"
    rf"(?=(?P<conn>\s*(?:and|or|to|through|until|–|—|-)\s*{_FULL}))?",
    re.I,
)
# A lone month or year needs a preposition or determiner before it; looked up backwards from each
# hit, which is much faster than an optional leading group tried at every position.
_MONTH_CTX = re.compile(
    r"\b(?:in|on|since|by|until|till|through|during|from|before|after|of|between|the|this|that"
    r"|last|next|each|every)\s+$",
    re.I,
)
_LONE_YEAR = re.compile(
    r"(?=[12ELMSFAW])(?P<span>(?<![\w-])(?:(?:early|late|mid)(?:-|\s+))?"
    rf"(?:(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?)?)(?P<y>{_YEAR})",
    re.I,
)
_YEAR_CTX = re.compile(
    r"\b(?:in|since|by|of|from|until|till|before|after|during|through|throughout|around|circa"
    r"|the|a|an|this|that|its|year|fy)\s+$",
    re.I,
)
_YEAR_RANGE = re.compile(
    rf"(?<![\w$.,/-])(?:(?P<pre>between|from)\s+)?(?P<y>(?:19|20)\d\d)\s*"
    rf"(?P<conn>–|—|-|to|through|until|and)\s*(?P<y2>{_YEAR})",
    re.I,
)
_NUMERIC = re.compile(
    r"(?<![\w./-])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)"
    r"(?![\w/]|[.-]\d)"
)
#: A day written first where no month could be ("15/01/2021", the British order): only then is it read so.
_DAY_FIRST = re.compile(
    r"(?<![\w./-])(?P<d>3[01]|1[3-9]|2\d)/(?P<m>1[0-2]|0?[1-9])/(?P<y>(?:19|20)\d\d)(?![\w/]|[.-]\d)"
)
_ISO = re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d|[-.]\d)")
_LATER = re.compile(
    r"\b(?=[\dADEFHNOSTW])(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?P<u>day|week|month|year)s?\s+later"
    r"|the\s+(?:next|following)\s+(?P<u1>day|week|month|year))\b",
    re.I,
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A day of the week alone ("was charged Thursday"), not the head of a full date ("Friday, December 16").
_LONE_WEEKDAY = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![,]?[ \t]+(?:[A-Z][a-z]+[ \t]+)?\d)"
)
_TODAY = re.compile(r"\btoday\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b|\blast (?:night|evening)\b", re.I)
#: "last year", "this month": the document's year or month, or the one before it.
_PERIOD = re.compile(r"\b(?P<which>[Ll]ast|[Tt]his|[Ee]arlier this) (?P<unit>year|month)\b")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORD_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD_NUM |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# "the following May" is the next May, not a date after May.
_RELATION = re.compile(
    r"(?<!the )\b(?P<w>following|after|since|beginning|starting|until|till|through|before|prior\s+to"
    r"|as\s+of)\s+(?:(?:in|on|the)\s+)?$",
    re.I,
)
_REL_MAP: dict[str, Relation] = {"following": "after", "after": "after", "since": "since"}
_REL_MAP |= {"beginning": "since", "starting": "since", "until": "until", "till": "until"}
_REL_MAP |= {"through": "until", "before": "before", "prior to": "before", "as of": "on"}
_DEADLINES = frozenset({"until", "before"})
_RANGE_PRE = re.compile(r"\b(?:from|between)\s+$", re.I)
_GAP = re.compile(r"\s*,?\s*(?P<c>–|—|-|to|through|until|till|and|or)\s*", re.I)
_MONTH_CONN_BEFORE = re.compile(rf"{_FULL}\s*(?:and|or|to|through|until|–|—|-)\s*$", re.I)
_YEAR_LIST_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")
_DOC_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def stated_day(value: str | None) -> str | None:
    """``value`` ("2021-06-09", "2021-06", "2021") if it states a day, else None.

    >>> stated_day("2021-06-09"), stated_day("2021-06"), stated_day(None)
    ('2021-06-09', None, None)
    """
    return value if value is not None and len(value) == 10 else None


def find_dates(text: str, doc_date: str | None = None) -> list[DateMention]:
    """Return the date mentions of ``text``, sorted by start and non-overlapping.

    ``doc_date`` ("2021", "2021-01" or "2021-02-04") resolves "today" and year-less forms when no
    year was written earlier in the text.

    >>> [(m.text, m.value) for m in find_dates("On April 6, 2018, Sessions issued the memo.")]
    [('April 6, 2018', '2018-04-06')]
    >>> m = find_dates("Between May and June 2018, over 3,000 children were separated.")[0]
    >>> m.text, m.value, m.end_value, m.precision
    ('Between May and June 2018', '2018-05', '2018-06', 'month')
    >>> [(m.value, m.relation, m.relative) for m in find_dates("Following the May event", "2018")]
    [('2018-05', 'after', True)]
    >>> find_dates("DHS may refer adults in Section 2019.")
    []
    """
    doc = _parse_doc_date(doc_date)
    return _resolve(text, [dataclasses.replace(c) for c in _spans_of(text)], doc)


@functools.lru_cache(maxsize=4)
def _spans_of(text: str) -> tuple[_Cand, ...]:
    """The date spans of ``text`` before they are resolved, which needs no document date: kept for
    the next call on the same text (a document's dates are found for its facts and for its counts).
    The caller copies them, since resolving changes them."""
    return tuple(_join_ranges(text, _longest(_candidates(text))))


def _parse_doc_date(doc_date: str | None) -> _YMD | None:
    if doc_date is None:
        return None
    m = _DOC_DATE.fullmatch(doc_date)
    if m is None:
        raise ValueError(f"doc_date must be YYYY, YYYY-MM or YYYY-MM-DD, not {doc_date!r}")
    return int(m[1]), _int(m[2]), _int(m[3])


def _int(s: str | None) -> int | None:
    return None if s is None else int(s.rstrip("stndrhSTNDRH"))


def _month(token: str) -> int | None:
    # Month names are proper nouns: a lower-case "may"/"march" is the verb.
    if not token[0].isupper():
        return None
    key = token[:3].lower()
    return _MONTH_KEYS.index(key) + 1


def _day_fits(y: int | None, m: int | None, d: int | None) -> bool:
    return d is None or m is None or d <= monthrange(2000 if y is None else y, m)[1]


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for rx in (_MDY, _DMY, _MD, _MY):
        for m in rx.finditer(text):
            groups = m.groupdict()
            month, y = _month(m["m"]), _int(groups.get("y"))
            d, d2 = _int(groups.get("d")), _int(groups.get("d2"))
            if rx is _DMY and y is None and not (m["of"] and m["d"][-1].isalpha()):
                continue  # "4 May" alone is too often a count followed by a name
            if month is None or (d2 is not None and (d is None or d2 <= d)):
                continue
            start = m.start("mod") if groups.get("mod") else m.start()
            c = _Cand(start, m.end(), y, month, d, explicit=y is not None)
            if d2 is not None:
                c.y2, c.m2, c.d2 = y, month, d2
            if _day_fits(y, month, d) and _day_fits(y, month, d2):
                out.append(c)
    for m in _MONTH_ALONE.finditer(text):
        month, start = _month(m["m"]), m.start("mod") if m["mod"] else m.start("m")
        ctx = _MONTH_CTX.search(text, max(0, start - 9), start)
        near_month = _MONTH_CONN_BEFORE.search(text, max(0, start - 24), start)
        if month is not None and (ctx or m["mod"] or m["conn"] or near_month):
            out.append(_Cand(start, m.end(), None, month, explicit=False))
    last_year_start = -1
    for m in _LONE_YEAR.finditer(text):
        start = m.start("span") if m["span"] else m.start("y")
        ctx = _YEAR_CTX.search(text, max(0, start - 12), start)
        # "in 2018 and 2019": the second year borrows the context of the first.
        listed = _YEAR_LIST_BEFORE.search(text, max(0, start - 12), start)
        if ctx or m["span"] or (listed and listed.start() == last_year_start):
            out.append(_Cand(start, m.end(), int(m["y"])))
            last_year_start = m.start("y")
    for m in _YEAR_RANGE.finditer(text):
        y, y2 = int(m["y"]), int(m["y2"])
        conn_ok = m["conn"].lower() != "and" or (m["pre"] or "").lower() == "between"
        if y2 > y and conn_ok:
            out.append(_Cand(m.start(), m.end(), y, y2=y2))
    for rx in (_NUMERIC, _ISO, _DAY_FIRST):
        for m in rx.finditer(text):
            y = int(m["y"]) + (0 if len(m["y"]) == 4 else 2000 if int(m["y"]) < 70 else 1900)
            if _day_fits(y, int(m["m"]), int(m["d"])):
                out.append(_Cand(m.start(), m.end(), y, int(m["m"]), int(m["d"])))
    for m in _LATER.finditer(text):
        n = 1 if m["u1"] else _WORD_NUM.get(m["n"].lower()) or int(m["n"])
        out.append(_Cand(m.start(), m.end(), shift=(n, (m["u"] or m["u1"]).lower())))
    out.extend(_Cand(m.start(), m.end(), today=True) for m in _TODAY.finditer(text))
    out.extend(_Cand(m.start(), m.end(), today=True, back=1) for m in _YESTERDAY.finditer(text))
    out.extend(
        _Cand(m.start(), m.end(), period=(m["unit"], int(m["which"].lower() == "last"))) for m in _PERIOD.finditer(text)
    )
    out.extend(_Cand(m.start(), m.end(), weekday=WEEKDAYS.index(m[1].lower())) for m in _LONE_WEEKDAY.finditer(text))
    return out


def _longest(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest candidates that do not overlap (ties go to the earlier one)."""
    starts: list[int] = []
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i > 0 and kept[i - 1].end > c.start) or (i < len(kept) and kept[i].start < c.end):
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


def _lo(y: int, m: int | None, d: int | None) -> tuple[int, int, int]:
    return y, m or 1, d or 1


def _hi(y: int, m: int | None, d: int | None) -> tuple[int, int, int]:
    return y, m or 12, d or 31


def _join_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "A to B", "A–B", "between A and B", "May and June" into ranges; share a lone year."""
    out: list[_Cand] = []
    for c in cands:
        a = out[-1] if out else None
        gap = None if a is None else _GAP.fullmatch(text, a.end, c.start)
        if a is None or gap is None or a.is_range or c.is_range or a.shift or c.shift:
            out.append(c)
            continue
        if a.today or c.today:
            out.append(c)
            continue
        if a.y is None and c.y is not None:  # "from December to March 2019": December 2018
            a.y, a.explicit = c.y, c.explicit
            a.y -= _lo(a.y, a.m, a.d) > _hi(c.y, c.m, c.d)
        elif c.y is None and a.y is not None:
            c.y = a.y + (_lo(a.y, a.m, a.d) > _hi(a.y, c.m, c.d))
        conn = gap["c"].lower()
        pre = _RANGE_PRE.search(text, max(0, a.start - 9), a.start)
        between = pre is not None and pre[0].lower().startswith("between")
        adjacent = a.d is None and c.d is None and a.m is not None and c.m == a.m + 1
        ordered = a.y is None or c.y is None or _lo(a.y, a.m, a.d) <= _hi(c.y, c.m, c.d)
        if conn == "or" or not ordered or (conn == "and" and not between and not adjacent):
            out.append(c)
            continue
        a.start = pre.start() if pre else a.start
        a.end, a.y2, a.m2, a.d2 = c.end, c.y, c.m, c.d
        a.explicit = a.explicit or c.explicit
    return out


def _iso(y: int, m: int | None, d: int | None) -> tuple[str, Precision]:
    if m is None:
        return f"{y:04d}", "year"
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


def _shifted(prev: _YMD, n: int, unit: str) -> _YMD | None:
    """Move a date by n units, but only where the earlier date is precise enough to say where."""
    y, m, d = prev
    if unit == "year":
        return y + n, None, None
    if m is None:
        return None
    if unit == "month":
        k = y * 12 + m - 1 + n
        return k // 12, k % 12 + 1, None
    if d is None:
        return None
    moved = date(y, m, d) + timedelta(days=n * (7 if unit == "week" else 1))
    return moved.year, moved.month, moved.day


def _last_weekday(doc: _YMD | None, weekday: int) -> _YMD | None:
    """The last ``weekday`` on or before the document's day, which a news report speaks from."""
    if doc is None or doc[1] is None or doc[2] is None:
        return None
    day = datetime.date(doc[0], doc[1], doc[2])
    day -= datetime.timedelta(days=(day.weekday() - weekday) % 7)
    return day.year, day.month, day.day


def _days_before(doc: _YMD | None, days: int) -> _YMD | None:
    """The day ``days`` before the document's date; nothing unless the document gives its day."""
    if doc is None or doc[1] is None or doc[2] is None:
        return None
    day = datetime.date(doc[0], doc[1], doc[2]) - datetime.timedelta(days=days)
    return day.year, day.month, day.day


def _period(doc: _YMD | None, unit: str, back: int) -> _YMD | None:
    """The document's year or month, or ``back`` before it: "last year" in a 2023 text is 2022."""
    if doc is None or (unit == "month" and doc[1] is None):
        return None
    if unit == "year":
        return doc[0] - back, None, None
    months = doc[0] * 12 + (doc[1] or 1) - 1 - back
    return months // 12, months % 12 + 1, None


#: What ends a dateline after its date: "(June 8, 2022)—", "May 30, 2018 –".
_DATELINE_END = re.compile(r"\)?[ \t]*[–—-]")


def _resolve(text: str, cands: list[_Cand], doc: _YMD | None) -> list[DateMention]:
    """Fill in missing years, "today" and "later", read the relation word, and build the mentions."""
    out: list[DateMention] = []
    last_year: int | None = None
    last_year_at = 0  # where the text stated it
    prev: _YMD | None = None
    dateline: tuple[_YMD, int] | None = None  # a dateline's day, and where its paragraph ends
    for c in cands:
        end: _YMD | None = None
        rel = _RELATION.search(text, max(0, c.start - 30), c.start)  # "until", "since", … before it
        rel_word = _REL_MAP[" ".join(rel["w"].lower().split())] if rel else None
        # "Washington, D.C. (June 8, 2022)—Today, …": the dateline's day is its paragraph's "today",
        # whatever day the page was posted on
        day = dateline[0] if dateline is not None and c.start < dateline[1] else doc
        if (c.today or c.weekday is not None or c.period is not None) and day is not None:
            # "In October 2014, Van Dyke shot McDonald … convicted last year. In January, he was
            # sentenced": a date told from the document's day moves the story to its time; a month
            # after it is no longer of the year written before
            last_year = None
        if c.today and c.back:
            start = _days_before(day, c.back)
        elif c.today:
            start = day
        elif c.weekday is not None:
            start = _last_weekday(day, c.weekday)
        elif c.period is not None:
            start = _period(day, *c.period)
        elif c.shift is not None:
            start = None if prev is None else _shifted(prev, *c.shift)
        else:
            y = c.y if c.y is not None else last_year
            if (
                c.y is None
                and y is not None
                and doc is not None
                and y != doc[0]
                and text.find("\n\n", last_year_at, c.start) >= 0
            ):
                # "… sold from 2009 through 2015.\n\nJames Liang was sentenced in August": a year a paragraph
                # before is no context the text carries, nor is the document's year sure; no date
                continue
            y = doc[0] if y is None and doc is not None else y
            if c.y is None and doc is not None and y == doc[0] and doc[1] is not None and c.m is not None:
                # The year before, where the document's year puts the date more than half a year after
                # the document: "On November 20" in a March release is last November.
                y -= c.m - doc[1] > 6
            if y is None:
                continue
            start = (y, c.m, c.d)
            if c.is_range:
                y2 = c.y2 if c.y2 is not None else y + (_lo(y, c.m, c.d) > _hi(y, c.m2, c.d2))
                end = (y2, c.m2, c.d2)
            if c.explicit and rel_word not in _DEADLINES:
                # (not a deadline's year: "delay it until June 2023" tells nothing of when "in July" was)
                last_year, last_year_at = (end[0] if end else y), c.start
            line_start = text.rfind("\n", 0, c.start) + 1
            if (
                c.explicit
                and c.d is not None
                and not c.is_range
                and c.start - line_start <= 60  # a dateline opens its line
                and _DATELINE_END.match(text, c.end)
            ):
                paragraph = text.find("\n", c.end)
                dateline = ((y, c.m, c.d), len(text) if paragraph < 0 else paragraph)
        if start is None or not _day_fits(*start) or (end is not None and not _day_fits(*end)):
            continue
        value, precision = _iso(*start)
        end_value, end_precision = _iso(*end) if end else (None, None)
        relation = rel_word if rel_word is not None and not end else "on"
        relative = c.today or c.weekday is not None or c.shift is not None or c.period is not None or not c.explicit
        span = (c.start, c.end, text[c.start : c.end])
        out.append(DateMention(*span, value, precision, end_value, end_precision, relation, relative))
        prev = end or start
    return out
