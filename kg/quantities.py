"""Find counted quantities: "over 3,000 children", "approximately 25 percent of Americans".

A quantity is a number with a unit or with a counted noun phrase after it; a bare number is not one,
because in these documents bare numbers are mostly page, section, report and line numbers.

Normalisations worth knowing:

* "nearly"/"almost" are ``approximate``, not ``upper-bound``: reporters use them for rounded figures
  ("nearly 3,000 children"), and the value is what a reader takes away.
* Vague plurals are lower bounds at their smallest literal reading: "dozens of" -> 24, "scores of"
  -> 40, "hundreds of" -> 200, "thousands of" -> 2000, "tens of thousands of" -> 20000.
* "a majority of X" (a share measured, as a poll's) means more than half: 50, ``lower-bound``, unit
  "percent"; "the majority of X" is the text's "most", no quantity; "half of X" is 50 percent,
  ``exact``.
* "within 30 days", "no later than 3 days" are upper bounds: deadlines.
* "an average of 129 felonies", "averaging 24 days", "an annual average of $4 billion" are ``average``:
  a mean, which neither bounds nor approximates any one of the things it is taken over.
* "$" and "dollars" give unit "USD"; scale words multiply ("$1.5 million" -> 1500000).
* Time units ("20 days", "a six-year term") carry no counted noun: what follows them is not counted.
* Never quantities: anything inside a date (found with :func:`kg.dates.find_dates`), a four-digit
  1900-2099 without comma, currency or qualifier (a year), numbers glued to letters or joined by
  "-", "/", "." or ":" to more digits (identifiers, times, phone numbers), numbers after a citation
  word or acronym ("Section 1.", "Executive Order 13841", "8 U.S.C. 1325"), numbers with a leading
  zero or five or more digits without commas, and a bare integer opening a line when a list mark
  follows it ("1.", "2)", two spaces, a capitalised word: list and pleading line numbers).
* Ranges ("between 2,000 and 3,000 children", "10 to 20 days") give two quantities, a lower and an
  upper bound; the first shares the unit and counted noun of the second but its span ends at its
  number, so that spans stay disjoint. "and" makes a range only after "between"/"from".
* "one" alone is not read as a number ("no one", "one of the"); "fourteen (14) days" is 14 days.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from kg.dates import find_dates

Qualifier = Literal["exact", "lower-bound", "upper-bound", "approximate", "average"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its qualifier, unit and counted noun, and the spans it was read from."""

    start: int
    end: int
    text: str
    value: Decimal
    qualifier: Qualifier
    unit: str | None
    counted: str | None
    number_start: int
    number_end: int
    #: What befell the counted, told after them ("were killed"): part of what is counted, not of
    #: which figure it is ("77,656 complaints" and "77,656 complaints received" are one).
    befell: str | None = None


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_VALUES = {w: i + 1 for i, w in enumerate(f"{_ONES}|{_TEENS}".split("|"))}
_WORD_VALUES |= {w: 20 + 10 * i for i, w in enumerate(_TENS.split("|"))}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 10**3, "million": 10**6}
_SCALES |= {"billion": 10**9, "trillion": 10**12}
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6}
_VAGUE |= {"billions": 2 * 10**9, "tens of thousands": 20000, "hundreds of thousands": 200000}

# "one" is left out on its own: "no one", "one of the", "one day" are rarely counts. A scan's
# thousands may have a blank after each comma ("$25, 000, 000"): only groups of "000", which no list has.
_NUMBER = re.compile(
    rf"""(?<![\w.,/:#§$@–-])(?P<cur>(?:\$|US\$)\s?)?
    (?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:,[ ]000)+(?!\d)|\d+(?:\.\d+)?)
    | (?P<word>\b(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_TEENS}|{_ONES.removeprefix("one|")})\b)
        (?:\s*\(\d{{1,2}}\))?  # legal style repeats the figure: "fourteen (14) days"
    | an?\s+(?P<ascale>dozen|hundred|thousand|million|billion)\b
    | (?P<vague>(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|millions
        |billions)(?=\s+of\b)
    | (?:the|an?)\s+(?:(?:vast|large|slim|narrow|clear|simple|overwhelming)\s+)?
        (?P<major>majority)(?=\s+of\b)
    | (?P<half>half)(?=\s+of\b))
    (?:(?:\s+|(?<=\d)(?=(?:million|billion|trillion)\b))(?P<scale>hundred|thousand|million|billion|trillion|dozen)\b)?(?P<plus>\+)?""",
    re.I | re.X,
)
#: An infobox's count: a line of a noun phrase with a plural and a figure ("Deaths 15", "Criminal charges
#: 15"), the figure run into the label where a page's table was flattened ("Structures destroyed2,207[5]",
#: "Total fires4+"), its references in brackets after it.
_FIELD_COUNT = re.compile(
    r"(?m)^[ \t]*(?P<label>[A-Z][a-z\-]+(?:[ \t]+[a-z\-]+){0,2})[ \t]*(?P<num>\d{1,3}(?:,\d{3})*)(?P<plus>\+)?"
    r"(?:\[\w{1,4}\])*[ \t]*$"
)
_PLURAL_LABEL = re.compile(r"\b(?:[a-z\-]{3,}s|people)\b", re.I)
#: Units of distance, area, volume and weight.
_MEASURES = (
    r"cfs|cubic[ \t]+feet(?:[ \t]+per[ \t]+second)?"
    r"|(?:metric|short)[ \t]+tons?|tonnes?|t(?=[ \t]+of[ \t])|barrels?"
    r"|mi|km|miles?|kilomet(?:er|re)s?|acres?|gallons?|lit(?:er|re)s?|tons?|pounds?[ \t]+per[ \t]+square[ \t]+inch|psi"
    r"|pounds?|lbs|feet|ft|inch(?:es)?|knots?|kn|kts"
    r"|met(?:er|re)s?|yards?|yd|m(?=[ \t]*\))"  # ("m" only in brackets: "210 yards (190 m)")
)
#: Units of time, singular: a figure's unit ("30 minutes") and a length set before a noun ("a three-month trial").
TIME_UNITS = "year|month|week|day|hour|minute|second"
_UNIT = re.compile(
    r"(?P<pct>\s?%|(?:\s+|-)(?:percent|per\s+cent)\b)|(?P<pp>\s+percentage\s+points?\b)"
    rf"|(?:\s+|-)(?P<time>{TIME_UNITS})s?\b(?!-old\b)|(?P<usd>\s+dollars\b)"
    rf"|(?:\s+|-)(?P<measure>(?:miles?|kilomet(?:er|re)s?)[ \t]+(?:per|an)[ \t]+hour|mph"
    rf"|nautical[ \t]+miles?|{_MEASURES})\b",
    re.I,
)
#: A figure and its measure, then a bracket: what the bracket holds restates it ("17,000+ acres (").
_AFTER_MEASURE = re.compile(rf"\d[\d,.]*\+?[ \t]*(?:{_MEASURES}|ha|hectares?|sq[ \t]+mi)[ \t]*\([ \t]*$")
#: A measure restated in other units, in brackets after it: "38 mi (61 km)" is one distance.
_CONVERSION = re.compile(r"[ \t]*\([ \t]*$")
# What may not touch a number: letters ("S1", "1st"), digits after - / . : (ids, dates, times,
# phone numbers), file extensions, "(" of "1325(a)", hyphenated words that are not units, and a
# mixed number's fraction ("6+3⁄4", "7 ½ hours": its whole part alone is not the figure).
_GLUED_AFTER = re.compile(r"[^\W_]|[-–/.:,+]\d|\.[^\W\d_]|\(|-[^\W\d_]|[ \t]?[½¼¾⅓⅔⅛]")
_MIXED_BEFORE = re.compile(r"\d\+$")
_CITE_AFTER = re.compile(
    r"\s+(?:U\.?S\.?C|C\.?F\.?R|FR|Fed\.|Stat\.|U\.S\.)(?![a-z])"
    # a law report's volume before its abbreviation and page: "491 Mass. 756", "5 F.4th 123", "140 S. Ct. 1731"
    r"|[ \t]+(?:[A-Z][A-Za-z]{0,6}\.[ \t]?){1,3}(?:\d?[a-z]{1,2}\.?[ \t]+)?\d"
)
#: A street address's number: "25 County Center Drive", "1600 Pennsylvania Avenue", "600 Pennsylvania Ave,
#: NW", "219 South President Street"; a room's in a building: "2123 Rayburn House Office Building".
_STREET_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w.'’\-]*){1,3}[ \t]+(?:Drive|Dr|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Way"
    r"|Parkway|Pkwy|Plaza|Highway|Hwy|Place|Pl|Square|Circle|Building|Bldg|Crescent|Terrace|Ct"
    r"|Court(?![ \t]+[a-z]))\.?(?![\w])"  # "220 Trillium Court" (not "5 Supreme Court justices")
    r"|[ \t]+block[ \t]+of[ \t]+[A-Z0-9]"  # "the 1600 block of H Street"
)
#: A court filing's title after a number: "ORDER granting 13, 14 Motions to Consolidate; denying 16 Motion to
#: Appoint": the docket's entry numbers, no count of filings.
_DOCKET_AFTER = re.compile(
    r"[ \t]+(?:Motions?|Orders?|Petitions?|Briefs?|Notices?|Stipulations?|Responses?|Repl(?:y|ies)|Declarations?"
    r"|Exhibits?|Memorand(?:um|a))\b"
)
#: A case's docket number after its year: "21 cv 7961", "21-CV-7961", "07 CR 29", "19-md-2885".
_CASE_NUMBER = re.compile(r"[ \t-]?(?:cv|cr|civ|mc|md|mj|bk|ap|misc)[ \t.-]*\d", re.I)
#: "23 of the top 50 travel markets", "a top 10 bank": the size of a ranking, no count of anything.
_RANK_BEFORE = re.compile(r"(?i)\btop[ \t]+$")
_ID_BEFORE = re.compile(
    r"(?:\b(?:sections?|title|article|chapter|part|order|number|volume|issue|pages?|paragraph"
    r"|clause|amendment|rule|docket|case|exhibit|appendix|annex|table|figure|item|phase|version"
    r"|room|suite|box|route|district|footnote|report|law|phone|fax|page[ \t]+(?:\d+[ \t]+)?of)"
    r"|\b(?:no|nos|vol|pp?|sec|art"
    # "*850": a reporter's page in an opinion; "Page: 1"; "A No 10 spokesman" (Downing Street's number)
    r"|fig|para|ext|tel)\.|(?-i:\bNo)|§+|(?<!\S)\*)\s*(?::\s*)?[\[(]*$",
    re.I,
)
#: A word that numbers a stage or a part before a number word: "phase two", "part three", "volume one".
_STAGE_BEFORE = re.compile(r"(?i)\b(?:phase|stage|part|volume|tier|step|round|chapter|module|wave)[ \t]+$")
#: The numbers listed before this one ("15 and ", "3, 4 and "): identifiers, if an identifier's word
#: stands before them.
_LISTED_AFTER = re.compile(r"\d+[A-Za-z]?(?:[ \t]*,[ \t]*\d+[A-Za-z]?)*[ \t]*(?:,|and|or|&)[ \t]*$")
_ACRONYM_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|(?:[A-Z]\.){2,})\s*$")
# After a line-initial integer, these mark a list or line number rather than a count.
_LIST_MARK = re.compile(r"[.):]|[ \t]{2,}|\t|\s+[A-Z]|[ \t]*(?:\n|$)")
#: "gusts as strong as 91 mph": the most it reached.
_AS_FAR = "high|strong|large|fast|long|great|deep|tall|heavy|far|big"
_QUALIFIERS = (
    "no more than|not more than|no fewer than|no less than|not less than|more than|greater than"
    "|fewer than|less than|at least|at most|up to an?|up to|as many as|as much as|in excess of|upwards of|a minimum of"
    "|a maximum of|over|under|above|below|exceeding|nearly|almost|approximately|approx\\.|about"
    "|around|roughly|some|an estimated|estimated|close to|circa|~|within|no later than|exceeds?|exceeded"
    f"|as (?:{_AS_FAR}) as|as (?:little|few|low) as"
)
# Hard-wrapped text (the Federal Register) may break a qualifier over lines: "more\n than"; an infobox
# runs a tilde into its field's name: "Damage~$5.52 billion".
_QUALIFIER = re.compile(r"(?:(?<![\w-])|(?=~))(?P<q>" + _QUALIFIERS.replace(" ", r"\s+") + r")\s*$", re.I)
_LOWER = {"more than", "greater than", "at least", "no fewer than", "no less than", "not less than"}
_LOWER |= {"in excess of", "upwards of", "a minimum of", "over", "above", "exceeding", "exceed", "exceeds", "exceeded"}
_UPPER = {"no more than", "not more than", "fewer than", "less than", "at most", "up to", "up to a", "up to an"}
_UPPER |= {"as many as", "as much as", "a maximum of", "under", "below", "within", "no later than"}
_UPPER |= {f"as {w} as" for w in _AS_FAR.split("|")}
_LOWER |= {"as little as", "as few as", "as low as"}
_RANGE_LINK = re.compile(r"\s+(?P<w>to|and|or|–|—)\s+", re.I)
#: A verb of change before "from X to Y": the two are what it was and what it became, not a range.
_CHANGED = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increased?|increasing|grew|grow(?:n|s|ing)?|doubled?|tripled?|jumped?|fell|falls?"
    r"|falling|dropped?|dropping|declined?|declining|decreased?|decreasing|went|climbed?|soared?|plunged?|cut|reduced?"
    r"|raised?|lowered?|changed?)\b[^.;]*?\bfrom\b[^.;]*$",
    re.I,
)
#: A return period: "a 500-year flood", "the 100-year floodplain", "a 1,000-year rainfall event".
_RETURN_PERIOD = re.compile(
    r"[ \t]?-?[ \t]?years?[ \t]+(?:flood|floodplain|flood[ \t]+plain|storm|rain|rainfall|event|drought)s?\b", re.I
)
#: Plurals without an "s".
_PLURALS = frozenset({"people", "children", "men", "women", "personnel", "staff", "police", "feet", "teeth", "data",
                      "media", "criteria", "cattle", "livestock", "crew", "faculty", "clergy"})  # fmt: skip


def _plural(word: str) -> bool:
    return word.endswith("s") or word.lower() in _PLURALS


_AN_BEFORE = re.compile(r"(?<![\w-])(?:a|an|A|An)[ \t]+$")
_TAIL_OF_A_NUMBER = re.compile(r"(?i)\b(?:hundred|thousand)[ \t]+(?:and[ \t]+)?$")
_EITHER = re.compile(r"\beither\s+$", re.I)
_OR_NEXT = re.compile(r"\s+or\s", re.I)
_EITHER_OR = re.compile(r"\beither\s+\S+(?:\s+(?:hundred|thousand|million|billion|percent))?\s+or\s+$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_OF = re.compile(r"\s+of(?:\s+(?:the|these|those|its|their|our|all))?(?:\s+own)?(?=\s)", re.I)
#: (A dash of two hyphens ends a word: "two VOCs--trichloroethylene and …".)
_NEXT_WORD = re.compile(
    r"[ \t]*\n?[ \t]*((?:[A-Z]\.){2,}(?=[ \t]+[a-z])|[^\W\d_](?:[\w'’]|-(?!-))*)"
)  # "U.S. citizens"
# Function words, auxiliaries and common irregular verbs end a counted noun phrase.
_STOP_WORDS = """
    a an the this that these those it its they them their there he she his her we our us you others
    i is are was were be been being am has have had do does did will would can could may might
    shall should must and or but nor so yet if than then as because while when where whether which
    who whom whose what how of in on at to from by for with without into onto upon about above
    across after against along among around before behind below beside between beyond during
    except inside near off out outside over per since through throughout toward towards under
    until up via within not no also only just even still more most less least each every all both
    either neither some any such said says say told tell made make met took held went came saw got
    began became remain today yesterday tomorrow now ago later earlier respectively away apart long wide high
    deep tall old due owed times worldwide nationwide statewide countrywide overall apiece combined
    aboard onboard abroad overseas en alone laden worth prone rather instead last next plus"""
_STOP = frozenset(_STOP_WORDS.split())
#: Adjectives that, with "to" after them, say what the counted thing is like, no part of its name.
_LIKENED = frozenset({"similar", "identical", "comparable", "equivalent", "akin", "prior", "close", "related"})
#: The whole's own count after "of the": "four of the five recommendations".
_WHOLE_COUNT = re.compile(  # ("23 of the top 50 travel markets": a ranking's size)
    r"[ \t]*(?:top[ \t]+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)"
    r"(?=[ \t]+[a-z])",
    re.I,
)
_LY_NOUNS = frozenset(("family", "assembly", "supply", "ally", "rally", "reply", "anomaly", "bully"))


_TIME_UNIT_NAMES = frozenset(TIME_UNITS.split("|"))
#: A span of time per span of time after a time: "24 hours a day", "7 days a week".
_PER_TIME = re.compile(rf"[ \t]+(?:a|an|per|each)[ \t]+(?:{TIME_UNITS})\b")
#: A bound's word before a number: "under 18 years old" is an age limit, a figure of its own.
_A_BOUND_BEFORE = re.compile(r"\b(?:under|over|below|above|than|least|most|to)[ \t]+$")
#: An age after its number: "18 year old", "17 years old", "a 6-month-old".
_AN_AGE = re.compile(r"[ \t-]+(?:years?|months?|weeks?|days?)[ \t-]+old\b")


def find_quantities(text: str) -> list[Quantity]:
    """Return the quantities of ``text``, sorted by start and non-overlapping.

    >>> q = find_quantities("Between May and June 2018, over 3,000 children were separated.")[0]
    >>> q.text, q.value, q.qualifier, q.counted, q.befell
    ('over 3,000 children were separated', Decimal('3000'), 'lower-bound', 'children', 'separated')
    >>> [(q.value, q.unit, q.counted) for q in find_quantities("about 25 percent of Americans")]
    [(Decimal('25'), 'percent', 'Americans')]
    >>> find_quantities("Executive Order 13841 of June 20, 2018, Section 1. under 8 U.S.C. 1325(a)")
    []
    """
    dates = sorted((d.start, d.end) for d in find_dates(text, "2000"))
    # The placeholder document date lets year-less forms ("May 4") resolve, so their numbers are
    # masked as well; the date values themselves are not used.
    date_starts = [s for s, _ in dates]
    fields = [  # "Deaths 15": an infobox's line, the count after its noun
        Quantity(m.start("label"), m.end("plus") if m["plus"] else m.end("num"),
                 text[m.start("label") : m.end("plus") if m["plus"] else m.end("num")],
                 Decimal(m["num"].replace(",", "")), "lower-bound" if m["plus"] else "exact", None, m["label"],
                 m.start("num"), m.end("num"))
        for m in _FIELD_COUNT.finditer(text)
        if _PLURAL_LABEL.search(m["label"])
    ]  # fmt: skip
    in_fields = [(q.number_start, q.number_end) for q in fields]
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in in_fields):
            continue
        if out and out[-1].unit not in (None, "USD") and _CONVERSION.fullmatch(text, out[-1].end, m.start()):
            continue  # "(61 km)" after "38 mi": the same measure in other units
        if _AFTER_MEASURE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Total area17,000+ acres (6,879+ ha)": a restatement, whatever read the first
        if _AN_AGE.match(text, m.end()) and not _A_BOUND_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "an 18 year old male", "17 years old": someone's age, no count ("under 18 years old" a limit)
        for q in _quantity(text, m):
            i = bisect.bisect_right(date_starts, q.number_end - 1)
            if i and dates[i - 1][1] > q.number_start:
                break
            if out and out[-1].end > q.start:
                break
            if q.unit is not None and q.unit.rstrip("s") in _TIME_UNIT_NAMES and _PER_TIME.match(text, q.end):
                break  # "24 hours a day, 365 days a year": around the clock, no measure of anything
            out.append(q)
    out = _broken_down(text, _shared_qualifiers(text, _without_compound_times(text, out)))
    return sorted([*out, *fields], key=lambda q: q.start)


#: Between two counts that share the first one's qualifier: "more than 110 fatalities and 220 injuries".
_AND_ONLY = re.compile(r"[ \t]+and[ \t]+")


def _shared_qualifiers(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "more than 110 fatalities and 220 injuries", "at least 5 dead and 20 injured": a bare count
    joined by "and" alone to a bounded or approximate one, each with its own noun, is bounded alike."""
    out = list(qs)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (
            a.qualifier != "exact"
            and b.qualifier == "exact"
            and b.start == b.number_start
            and a.counted
            and b.counted
            and a.unit == b.unit
            and _AND_ONLY.fullmatch(text, a.end, b.start)
        ):
            out[i] = replace(b, qualifier=a.qualifier)
    return out


#: Between a total and its breakdown, and between the breakdown's parts: "36 recommendations – 18
#: bipartisan, 12 Democratic, and six Republican".
_BREAKDOWN_LEAD = re.compile(r"[ \t]*[–—:][ \t]*|[ \t]+-[ \t]+")
_BREAKDOWN_NEXT = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _broken_down(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "36 recommendations – 18 bipartisan, 12 Democratic, and six Republican": the parts of a total
    that name only a kind of it count the total's noun ("bipartisan recommendations")."""
    out = list(qs)
    for i in range(1, len(out)):
        total = out[i - 1]
        if not (
            total.counted
            and len(total.counted.split()) == 1
            and _BREAKDOWN_LEAD.fullmatch(text, total.end, out[i].start)
        ):
            continue
        j, prev = i, total
        while j < len(out) and (j == i or _BREAKDOWN_NEXT.fullmatch(text, prev.end, out[j].start)):
            part = out[j]
            if (
                not part.counted
                or len(part.counted.split()) != 1
                or part.counted.endswith("s")
                or part.unit != total.unit
            ):
                break
            out[j] = replace(part, counted=f"{part.counted} {total.counted}")
            prev, j = part, j + 1
    return out


#: What joins the parts of one span of time: "1 hour and 47 minutes", "two years, three months".
_TIMES = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
_TIME_JOIN = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?")


def _without_compound_times(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Less the parts of a span of time told in two units ("1 hour and 47 minutes into its dive"):
    neither part is a count of its own, and no one figure states the whole."""
    parts: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(qs)):
        if a.unit in _TIMES and b.unit in _TIMES and a.unit != b.unit and _TIME_JOIN.fullmatch(text, a.end, b.start):
            parts |= {i, i + 1}
    return [q for i, q in enumerate(qs) if i not in parts]


#: A capitalised word after a number word: the number may begin a name ("Six Flags").
_IN_A_NAME = re.compile(r"[ \t]+[A-Z][a-z]")


def _opens(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence, a line or a heading (where every word may be capitalised)."""
    before = text[max(0, at - 3) : at]
    return at == 0 or bool(re.search(r"(?:[.!?:]\s*|\n\s*|[“\"(]\s*)$", before))


#: A table of contents' heading on a line of its own.
_CONTENTS = re.compile(r"(?im)^[ \t]*(?:table[ \t]+of[ \t]+)?contents[ \t]*$")


def _in_contents(text: str, at: int) -> bool:
    """Whether ``at`` is in the paragraph right under a "Contents" heading: its numbers are pages."""
    para = text.rfind("\n\n", 0, at)
    heading = _CONTENTS.search(text, max(0, para), at)
    return heading is not None and "\n\n" not in text[heading.end() : at]


#: A time of day told by the clock's hour.
_O_CLOCK = re.compile(r"[ \t]+o[’']clock\b", re.IGNORECASE)


def _quantity(text: str, m: re.Match[str]) -> list[Quantity]:
    """The quantity of one number match: none, one, or two for a range ("10 to 20 days")."""
    core = next(g for g in ("num", "word", "ascale", "vague", "major", "half") if m[g])
    if core == "major" and m.group(0)[:3].lower() == "the":
        return []  # "the majority of law enforcement personnel did not report": "most", no share measured
    core_end = m.end(core)
    number_start = m.end("cur") if m["cur"] else m.start()
    number_end = m.end("scale") if m["scale"] else core_end
    unit_m = _UNIT.match(text, m.end())
    if core in ("num", "word") and not unit_m and _GLUED_AFTER.match(text, number_end):
        return []
    if core == "num" and _MIXED_BEFORE.search(text, max(0, m.start() - 2), m.start()):
        return []  # "6+34 years": a mixed fraction ("6+3⁄4") a copy lost its slash from, read as "34"
    if core == "word" and m["word"][:1].isupper() and _IN_A_NAME.match(text, core_end) and not _opens(text, m.start()):
        return []  # "the former Six Flags AstroWorld": a number in a name, inside a sentence
    if core == "num" and (
        _CITE_AFTER.match(text, core_end) or _STREET_AFTER.match(text, core_end) or _bad_number(text, m)
    ):
        return []
    if core == "num" and _in_contents(text, m.start()):
        return []  # "Contents / Letter of transmittal 1 Preface 3 … 4 Terms of reference 6": pages
    if core == "word" and _STAGE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return []  # "the phase two report", "in part two of": which stage, no count
    if _RETURN_PERIOD.match(text, core_end):
        return []  # "a 500-year flood": how rare a flood is, no span of years nor a count
    if _O_CLOCK.match(text, core_end):
        return []  # "At 9 o'clock this morning": a time of day, no count
    if _CASE_NUMBER.match(text, core_end):
        return []  # "21 cv 7961 (CM)", "1:21-cr-00123": a case's docket number, its year first
    if core == "word" and _TAIL_OF_A_NUMBER.search(text, max(0, m.start() - 16), m.start()):
        return []  # "One hundred and seventy-eight educators": the tail of a larger number, read alone
    if _EITHER_OR.search(text, max(0, m.start() - 40), m.start()):
        return []  # "either 35 or 37 houses": the second of two accounts that differ
    if _EITHER.search(text, max(0, m.start() - 8), m.start()) and _OR_NEXT.match(text, m.end()):
        return []  # "either $5 million or $6 million": the first of them
    if _ALLEGED_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return []  # "the alleged $50 billion investment fraud": a figure someone claims, no count the text gives
    if _DOCKET_AFTER.match(text, number_end) or _RANK_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return []  # "granting 13, 14 Motions to Consolidate": entries of a docket; "the top 50": a ranking's size
    # "half a billion dollars": half the scale the article counts
    halved = core == "ascale" and _HALF_BEFORE.search(text, max(0, m.start() - 6), m.start())
    lead = halved.start() if halved else m.start()
    qual = _QUALIFIER.search(text, max(0, lead - 60), lead)
    qword = " ".join(qual["q"].lower().split()) if qual else ""
    plain = core == "num" and not m["cur"] and not qual and m["num"].isdigit()
    if plain and 1900 <= int(m["num"]) <= 2099 and not unit_m:
        return []  # a year
    if core == "num" and not m["cur"] and _is_section_number(text, m.start(), core_end):
        return []  # "3.1 Findings", "3.0 Liter Diesel Engine Vehicles": a heading's number
    unit: str | None = "USD" if m["cur"] else "percent" if core in ("major", "half") else None
    end = m.end()
    if unit_m:
        unit = _unit_name(unit_m)
        end = unit_m.end()
    elif plain and _is_line_number(text, m.start(), core_end):
        return []
    bound = _OR_BOUND.match(text, end)  # "6% or less of their work hours"
    counted, counted_end, befell = (
        (None, end, None) if unit_m and unit_m["time"] else _counted(text, bound.end() if bound else end)
    )
    bound = bound or _OR_BOUND.match(text, counted_end)  # "ten people or more"
    if (
        unit_m
        and unit_m["measure"]
        and unit_m.group(0).startswith("-")
        and (counted is None or len(counted.split()) > 3)
    ):
        return []  # "a 30-inch cast iron natural gas transmission pipeline": a size of a thing named past four words
    if counted is None and core in ("num", "word") and not unit_m:
        bounds = _range(text, m, qual, (number_start, number_end))
        if bounds or unit is None:
            return bounds
    elif counted is None and (unit is None or core in ("vague", "major", "half")):
        return []
    value = _value(m, core) / 2 if halved else _value(m, core)
    if (
        counted is not None
        and unit is None
        and value > 1
        and not _plural(counted.split()[-1])
        and _AN_BEFORE.search(text, max(0, m.start() - 4), m.start())
    ):
        return []  # "an eight alarm fire", "a five member board": a kind of one thing, no count of it
    if (
        counted is not None
        and unit is None
        and value != value.to_integral_value()
        and not m["scale"]
        and not _plural(counted.split()[-1])
        and len(counted.split()[-1]) > 2  # ("299.92 m": a length, in a unit written short)
    ):
        return []  # "a magnitude 1.1 earthquake": a measure on a scale of its own, no count
    qualifier = _qualifier(qword, core, bool(m["plus"]))
    if qualifier == "exact" and _AVERAGE.search(text, max(0, lead - 40), lead):
        qualifier = "average"
    if qualifier == "exact" and (cap := _CAP_LEAD.search(text, max(0, lead - 90), lead)) is not None:
        qualifier = "upper-bound" if cap["w"].lower() == "maximum" else "lower-bound"
    if bound is not None:
        qualifier = "upper-bound" if bound["less"] else "lower-bound"
    start = qual.start() if qual else lead
    end = max(end, counted_end, bound.end() if bound is not None and bound.end() <= counted_end + 20 else 0)
    return [Quantity(start, end, text[start:end], value, qualifier, unit, counted, number_start, number_end, befell)]


def _range(text: str, m: re.Match[str], qual: re.Match[str] | None, number: tuple[int, int]) -> list[Quantity]:
    """A range ("between 2,000 and 3,000 children"): the first number takes the unit, scale and
    counted noun of the second, and they become a lower and an upper bound. The first one's span
    stops at its number so that the two stay disjoint."""
    link = _RANGE_LINK.match(text, m.end())
    between = _BETWEEN.search(text, max(0, m.start() - 12), m.start())
    if link is None or (link["w"].lower() == "and" and between is None):
        return []
    second = _NUMBER.match(text, link.end())
    upper = _quantity(text, second) if second else []
    if second is not None and m["cur"] and not second["cur"] and second["num"] and not upper:
        # "between $1.76 and 2 billion": the second figure is in the first one's currency
        upper = [Quantity(second.start(), second.end(), second.group(0), _value(second, "num"), "exact", "USD",
                          None, second.start(), second.end())]  # fmt: skip
    if second is None or len(upper) != 1 or upper[0].qualifier != "exact":
        return []
    value = _value(m, "num" if m["num"] else "word")
    scale = ""
    if not m["scale"] and second["scale"]:
        value *= _SCALES[second["scale"].lower()]
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        scale = " " + second["scale"]  # its label too: "$125 million" of "$125 to $130 million", not "$125"
    if (bool(m["cur"]) != bool(second["cur"]) and not (m["cur"] and upper[0].unit == "USD")) or value > upper[0].value:
        return []  # "refunding $721 million to 373,000 Australians": an amount, then to whom, no range
    start = qual.start() if qual else between.start() if between else m.start()
    end, q = number[1], upper[0]
    if qual is None and _CHANGED.search(text, max(0, m.start() - 60), m.start()):
        # "the pass rate rose from 44 to 89 percent": a value before and after, each exact
        label = text[m.start() : end] + scale
        before = Quantity(m.start(), end, label, value, "exact", q.unit, q.counted, *number, q.befell)
        return [before, q]
    lower = Quantity(start, end, text[start:end] + scale, value, "lower-bound", q.unit, q.counted, *number, q.befell)
    return [lower, replace(q, qualifier="upper-bound")]


#: A list of sections after "§" or "§§" that runs up to a number: "§§ 1521, 1903, 301-a, 823, ".
_SECTIONS_LIST = re.compile(r"§§?[ \t]*(?:[\w.()-]+,[ \t]*)+$")


def _bad_number(text: str, m: re.Match[str]) -> bool:
    """Identifier-like digits: citations, acronyms before, leading zeros, long unseparated runs."""
    digits = m["num"]
    window = (max(0, m.start() - 24), m.start())
    if _ID_BEFORE.search(text, *window) or _ACRONYM_BEFORE.search(text, *window):
        return True
    listed = _LISTED_AFTER.search(text, max(0, m.start() - 40), m.start())
    if listed is not None and _ID_BEFORE.search(text, max(0, listed.start() - 24), listed.start()):
        return True  # "No. 15 and 16 mines", "Sections 3 and 4": the next identifier of a list
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return True
    if _SECTIONS_LIST.search(text, max(0, m.start() - 400), m.start()):
        return True  # "21 U.S.C. §§ 1521, 1903, …, 823, 829": each number of a list of sections
    return digits.isdigit() and len(digits) >= 5 and not m["cur"]


def _opens_line(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _is_section_number(text: str, start: int, end: int) -> bool:
    """A number with one decimal point opening a line or a title's part, before a word in capitals: a
    heading's ("3.1 Findings"; "page 52: 3. Conclusions, 3.1 Findings")."""
    return (
        (_opens_line(text, start) or re.search(r"[:,][ \t]+$", text[max(0, start - 3) : start]) is not None)
        and re.fullmatch(r"\d{1,2}\.\d{1,2}", text[start:end]) is not None
        and bool(re.match(r"[ \t]+(?!(?:Million|Billion|Trillion|Percent)\b)[A-Z]", text[end : end + 12]))
    )


def _is_line_number(text: str, start: int, end: int) -> bool:
    """A bare integer opening a line and followed by a list mark: "1.", "12  The Court", "3 Petitioners"."""
    return _opens_line(text, start) and _LIST_MARK.match(text, end) is not None


#: A ceiling or floor told before the figure in its own clause: "carries a maximum penalty of 20 years",
#: "Potential maximum terms of imprisonment … are as follows: five years".
_CAP_LEAD = re.compile(
    r"\b(?P<w>[Mm]aximum|[Mm]inimum)[ \t]+(?:(?!(?:[Mm]aximum|[Mm]inimum|and|or|but)\b)[A-Za-z-]+[ \t]+){0,7}?"
    r"(?:of|is|are|as[ \t]+follows:)[ \t]*$"
)
#: "an average of", "an annual average of", "averaging", "the average": a mean is told, not a count.
_AVERAGE = re.compile(
    r"(?:\b(?:an?|the)[ \t]+(?:(?:annual|yearly|monthly|weekly|daily|overall)[ \t]+)?average(?:[ \t]+of)?"
    r"|\baverag(?:ed|ing)|\bon[ \t]+average)[ \t]+$",
    re.I,
)
#: A bound told after the figure: "6% or less", "ten people or more".
_OR_BOUND = re.compile(r"[ \t]+or[ \t]+(?:(?P<less>less|fewer|lower|under|below)|more|greater|higher|over|above)\b")
#: Measures whose plural is not the singular with an "s" (and abbreviations).
_MEASURE_NAMES = {"mi": "miles", "km": "kilometres", "ft": "feet", "feet": "feet", "lbs": "pounds", "inch": "inches",
                  "yd": "yards", "m": "metres", "psi": "pounds per square inch", "kn": "knots",
                  "kts": "knots", "cubic feet": "cubic feet", "t": "tonnes", "tonne": "tonnes",
                  "metric ton": "tonnes", "metric tons": "tonnes", "tonnes": "tonnes"}  # fmt: skip


def _unit_name(m: re.Match[str]) -> str:
    if m["pct"]:
        return "percent"
    if m["pp"]:
        return "percentage points"
    if m["usd"]:
        return "USD"
    if m["measure"]:
        word = " ".join(m["measure"].lower().split())
        if word == "mph" or word.endswith("hour"):  # a speed: "106 miles per hour", "50 mph"
            return "kilometres per hour" if word.startswith("kilomet") else "miles per hour"
        if word.endswith("square inch"):
            return "pounds per square inch"  # a pressure ("20 pounds per square inch"), not a weight
        return _MEASURE_NAMES.get(word, word.rstrip("s") + "s")
    return m["time"].lower() + "s"


#: Adjectives joined by commas and "and" before the counted noun: "federal, state, and local".
_COORDINATED = re.compile(
    r"[ \t]+((?:(?![a-z\-]+(?:ing|ed)\b)[a-z][a-z\-]+,[ \t]+){2,4}(?:and|or)[ \t]+"
    r"(?![a-z\-]+(?:ing|ed)\b)([a-z][a-z\-]+))(?=[ \t]+[a-z])"
)


#: How often, right after the counted noun: "140,000 vehicles daily", "300 flights a day".
_RATE = re.compile(
    r"[ \t]+(?:daily|weekly|monthly|annually|yearly|(?:a|per|each|every)[ \t]+(?:day|week|month|year))\b(?![ \t]*-)"
)


def _counted(text: str, pos: int) -> tuple[str | None, int, str | None]:
    """Read the counted noun phrase after ``pos``: up to four words, stopping at function words,
    adverbs, punctuation and (after the first word) participles, which there are mostly verbs;
    adjectives joined by commas and "and" may lead it ("56 federal, state, and local agencies")."""
    start = pos
    if worth := _WORTH_OF.match(text, pos):
        pos = worth.end()  # "$3 trillion worth of solar panels": what the money buys is counted
    of = None if worth else _OF.match(text, pos)
    if of:
        pos = of.end()
    whole = _WHOLE_COUNT.match(text, pos) if of else None
    if whole:  # "four of the five recommendations": what is counted is recommendations, not five of them
        pos = whole.end()
    coordinated = _COORDINATED.match(text, pos)
    if coordinated is not None and coordinated[2].lower() not in _STOP:
        words = _phrase(text, coordinated.end(1))
        if words:
            return text[coordinated.start(1) : words[-1].end(1)].rstrip("-"), words[-1].end(1), None
    words = _phrase(text, pos)
    if not words:
        return None, start, None  # ("$15 million of his fortune": no "of" without what it is of)
    kind = _KIND_OF.match(text, words[-1].end(1)) if len(words) == 1 else None
    if kind is None and len(words) == 1 and words[0][1].lower() in _CHARGES:
        kind = _CHARGE_OF.match(text, words[-1].end(1))  # "twelve counts of Felony Firearm": a charge's name
    of_what = _phrase(text, kind.end()) if kind is not None else []
    if of_what and not of_what[0][1].lower().endswith(("ing", "ed")):  # ("counts of making false claims")
        words += of_what  # "4.9 million barrels of oil", "11 counts of felony manslaughter": of what kind
    end = words[-1].end(1)
    if (rate := _RATE.match(text, end)) is not None:
        end = rate.end()  # "140,000 vehicles daily": a count per day, not a total
    if (done := _DONE_TO.match(text, end)) is not None and done["p"].lower() not in _NOT_DONE_TO:
        # "Fifteen people were killed", "150 buildings damaged or destroyed": what befell them says
        # what is counted, which the noun alone does not
        return text[words[0].start(1) : end].rstrip("-"), done.end("p"), " ".join(done["p"].split())
    return text[words[0].start(1) : end].rstrip("-"), end, None


#: What befell the counted, told after them in the passive: "were killed", "damaged or destroyed",
#: where the clause ends or goes on with where, when or by what.
_DONE_TO = re.compile(
    r"[ \t]+(?:(?:were|was|have[ \t]+been|had[ \t]+been|has[ \t]+been)[ \t]+)?"
    r"(?P<p>(?:died|[a-z]{3,}ed)(?:,?[ \t]+(?:or|and)[ \t]+[a-z]{3,}ed)?)"
    r"(?=[ \t]*[,.;:)]|[ \t]+(?:in|on|at|during|by|and|or|when|after|while|as|from)\b)"
)
#: Participles that say nothing of what befell the counted ("were used", "were needed").
_NOT_DONE_TO = frozenset({"used", "needed", "based", "related", "concerned", "involved", "required", "listed",
                          "noted", "cited", "named", "included", "reported", "estimated", "expected", "contained",
                          "aimed", "designed", "intended", "focused", "directed", "associated", "located",
                          "scheduled", "planned", "proposed", "dated", "titled", "entitled", "called"})  # fmt: skip


_WORTH_OF = re.compile(r"[ \t]+worth[ \t]+of[ \t]+(?=[a-z])")
#: "of" and a kind of thing (no article, no name): "barrels of oil", "counts of felony manslaughter".
_KIND_OF = re.compile(r"[ \t]+of[ \t]+(?=[a-z])")
#: Counts of a charge, whose name the charging papers capitalise.
_CHARGES = frozenset({"count", "counts", "charge", "charges"})
_CHARGE_OF = re.compile(r"[ \t]+of[ \t]+(?=[A-Z][a-z])")


_COMPASS = re.compile(r"(?:north|south|east|west)(?:-?(?:north|south|east|west))*(?:ward)?")


def _phrase(text: str, pos: int) -> list[re.Match[str]]:
    """The words of a counted noun phrase from ``pos`` (see :func:`_counted`)."""
    words: list[re.Match[str]] = []
    while len(words) < 4:
        w = _NEXT_WORD.match(text, words[-1].end() if words else pos)
        if w is None:
            break
        low = w[1].lower().rstrip("-")
        adverb = low.endswith("ly") and low not in _LY_NOUNS
        if low in _STOP or adverb or (words and low.endswith(("ed", "ing"))) or _COMPASS.fullmatch(low):
            break  # ("325 nautical miles south-southeast of Cape Race": a bearing, nothing counted)
        if low in _LIKENED and re.match(r"[ \t]+to\b", text[w.end() : w.end() + 4]):
            break  # "400 bridges similar to the I-35W" ("two similar crashes" counts similar crashes)
        words.append(w)
    if words and re.match(r"[ \t]*\([A-Z]{2,}\)[ \t]+[a-z]", text[words[-1].end() :]):
        return []  # "25 percent of all National Flood Insurance Program (NFIP) flood insurance claims": it goes on
    # A phrase does not end on a participle ("3,000 separated from") or an acronym ("8 USC").
    while words and (words[-1][1].lower().endswith(("ed", "ing")) or words[-1][1].rstrip("-").isupper()):
        words.pop()
    return words


_ALLEGED_BEFORE = re.compile(r"\b(?:alleged|purported|supposed)[ \t]+$", re.I)
_HALF_BEFORE = re.compile(r"\bhalf[ \t]+$", re.I)


def _value(m: re.Match[str], core: str) -> Decimal:
    if core == "num":
        value = Decimal(m["num"].replace(",", "").replace(" ", ""))
    elif core == "word":
        parts = m["word"].lower().split("-")
        value = Decimal(sum(_WORD_VALUES[p] for p in parts))
    elif core == "ascale":
        value = Decimal(_SCALES[m["ascale"].lower()])
    elif core == "vague":
        value = Decimal(_VAGUE[" ".join(m["vague"].lower().split())])
    else:
        value = Decimal(50)
    if m["scale"]:
        value *= _SCALES[m["scale"].lower()]
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _qualifier(qword: str, core: str, plus: bool) -> Qualifier:
    if qword in _LOWER or plus:
        return "lower-bound"
    if qword in _UPPER:
        return "upper-bound"
    if qword:
        return "approximate"
    return "lower-bound" if core in ("vague", "major") else "exact"
