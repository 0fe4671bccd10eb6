"""Sentences with character offsets, and the stretches of a text that are noise.

Rules, not a model: paragraph breaks, bullets and headings end a sentence; ``. ! ?`` end one
unless they close an abbreviation or an initial ("U.S.", "Feb.", "Michael E."). A hard-wrapped
line (Federal Register style) does not end a sentence.
"""

from __future__ import annotations

import re

from kg.model import Span

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "rep",
        "sen",
        "sens",
        "reps",
        "gen",
        "gov",
        # military and police ranks before a name ("Spc. Vanessa Guillén", "Sgt. Maj. Jane Roe")
        "spc",
        "sgt",
        "pvt",
        "pfc",
        "cpl",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "cmdr",
        "brig",
        "det",
        "insp",
        "supt",
        "atty",
        "asst",
        "commr",
        "lieut",
        "jr",
        "sr",
        "st",
        "no",
        "nos",
        "vol",
        "vols",
        "sec",
        "secs",
        "pp",
        "p",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "co",
        "corp",
        "ltd",
        "v",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "d.c",
        "a.m",
        "p.m",
        "al",
        "approx",
        "dept",
        # states' abbreviations in datelines ("FLINT, Mich. (AP) —"), those that are no English word
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "fla",
        "kan",
        "ky",
        "mich",
        "minn",
        "mont",
        "neb",
        "nev",
        "okla",
        "tenn",
        "tex",
        "vt",
        "wis",
        "wyo",
        "fig",
        "pub",
        "stat",
        "cong",
        "sess",
        "h.r",
        "s.a",
        "u.s.c",
        "c.f.r",
        "fed",
        "reg",
        "op",
        "cf",
        "ch",
        "art",
        "para",
        "govt",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "by",
        "a",
        "an",
        "for",
        "with",
        "as",
        "or",
        "at",
        "on",
        "from",
        "that",
        "this",
        "its",
        "their",
        "his",
        "her",
        "our",
    ]
)
_BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–]|\d{1,2}[.)]|\([a-z0-9]\))\s+")
_HEADING = re.compile(r"^\s*(?:=+.*=+|#{1,6}\s.*)\s*$")
_END = re.compile(r"[.!?]+[\"”’')\]]*(?:\[(?:\d{1,3}|[a-z])\])*(?=\s)")  # an encyclopedia's note marks: ".[6] On …"
_NEXT_START = re.compile(r"\s+(?=[\"“‘(\[]?[A-Z0-9•])")

# Credits and boilerplate that name people or firms who have nothing to do with the content.
_CREDIT = re.compile(
    r"^[\s*_(]*(?:stock (?:media|footage|music|images?)|photo(?:graph)?s?|images?|music|video|"
    r"footage)\b[^\n]*\b(?:provided by|courtesy of|credit|by)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_URL = re.compile(r"\((?:https?://|www\.)[^)\s]*\)|<https?://[^>\s]*>|\bhttps?://[^\s)\]]+")
_PAGE_MARK = re.compile(r"^\s*\[+(?:Page|FR Doc|Pages?)\b[^\]\n]*\]+\s*$", re.MULTILINE)
_RULE_LINE = re.compile(r"^\s*[_=\-*]{5,}\s*$", re.MULTILINE)
# A court filing's running header, repeated on every page: "Case: 4:16-cv-00180 Doc. #: 1 Filed:
# 02/10/16 Page: 2 of 56 PageID #: 2" (or a piece of it, where the copy broke the line); and a bare
# "Page 3 of 20". Its numbers count nothing; its day (:data:`_HEAD_PIECE` leaves it) is the filing's.
_RUNNING_HEAD = re.compile(
    r"^[ \t]*(?:Case:?[ \t]+\d{1,2}:\d{2}-[a-z]{2,4}-\d+\b[^\n]{0,120}"
    r"|[^\n]{0,80}\bPageID[ \t]*#?:?[ \t]*\d+[^\n]{0,20}"
    r"|[^\n]{0,60}\bFiled:?[ \t]+\d{1,2}/\d{1,2}/\d{2,4}[ \t]+Page:?[ \t]*\d+[ \t]+of[ \t]+\d+[^\n]{0,40}"
    r"|Page[ \t]+\d+[ \t]+of[ \t]+\d+)[ \t]*$",
    re.MULTILINE,
)
# A Supreme Court slip opinion's running head, on every page: "(Slip Opinion) OCTOBER TERM, 2021 1
# Syllabus", "Cite as: 595 U. S. ____ (2022) 3 Opinion of the Court". The term's year dates nothing,
# the page number counts nothing.
_SLIP_HEAD = re.compile(
    r"\(Slip Opinion\)|\bOCTOBER TERM,[ \t]+\d{4}(?:[ \t]+\d{1,3}\b)?"
    r"|\bCite as:[ \t]+\d+[ \t]+U\.[ \t]?S\.[ \t]+(?:_+|\d+)[ \t]+\(\d{4}\)(?:[ \t]+\d{1,3}\b)?"
    r"(?:[ \t]+(?:Opinion of the Court|Syllabus|[A-Z]+,[ \t]+(?:C\.[ \t]?)?J\.,[ \t]+(?:dissenting|concurring)))?"
)
#: A press release's "For Immediate Release" line head: no name, no body.
_RELEASE_HEAD = re.compile(r"^[ \t]*(?i:for[ \t]+immediate[ \t]+release)\b[ \t:]*", re.MULTILINE)
_HEAD_PIECE = re.compile(
    r"Case:?[ \t]+\S+(?:[ \t]+Doc(?:ument)?\.?(?:[ \t]*#?:?[ \t]*\d+)?)?"
    r"|Doc(?:ument)?\.?[ \t]*#?:?[ \t]*\d+|#:?[ \t]*\d+"
    r"|Page(?:ID)?:?[ \t]*#?:?[ \t]*\d+(?:[ \t]+of[ \t]+\d+)?",
    re.MULTILINE,
)


def line_around(text: str, at: int) -> tuple[int, int]:
    """The start and end (its break not included) of the line of ``text`` that holds offset ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, end if end >= 0 else len(text)


def find_noise(text: str) -> tuple[Span, ...]:
    """Spans that are never entities, numbers or facts: credit lines, link targets, page marks.

    >>> t = "Thanks.\\n*(Stock media provided by composer Jo Doe.)*"
    >>> [t[s.start:s.end] for s in find_noise(t)]
    ['*(Stock media provided by composer Jo Doe.)*']
    """
    lines = (_CREDIT, _URL, _PAGE_MARK, _RULE_LINE, _RELEASE_HEAD, _SLIP_HEAD)
    spans = [Span(m.start(), m.end()) for rx in lines for m in rx.finditer(text)]
    spans += [
        Span(p.start(), p.end())
        for m in _RUNNING_HEAD.finditer(text)
        for p in _HEAD_PIECE.finditer(text, m.start(), m.end())
    ]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _paragraphs(text: str) -> list[Span]:
    """Blocks separated by blank lines, bullets, headings, or a line that visibly ends."""
    lines: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        lines.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    blocks: list[Span] = []
    cur: Span | None = None
    prev = ""
    for ln in lines:
        s = text[ln.start : ln.end]
        if not s.strip():
            if cur:
                blocks.append(cur)
            cur, prev = None, ""
            continue
        if cur is None or _breaks_before(prev, s):
            if cur:
                blocks.append(cur)
            cur = Span(ln.start, ln.end)
        else:
            cur = Span(cur.start, ln.end)
        prev = s
    if cur:
        blocks.append(cur)
    return blocks


def _breaks_before(prev: str, line: str) -> bool:
    p = prev.strip()
    if _BULLET.match(line) or _HEADING.match(line) or _HEADING.match(prev):
        return True
    if p.endswith(".") and len(p) >= 50 and _is_abbreviation(p, len(p) - 1):
        return False  # a wrapped line that ends on an abbreviation: "… issued each year by the U.S.\nOffice of …"
    if p.endswith((".", "!", "?", ":", '"', "”", ")", "]")):
        return True
    words = p.split()
    last = words[-1].lower() if words else ""
    # A short line that does not run on into the next one is a heading or a field line, and so is
    # a line in Title Case: "Chairman Sanders Statement on Phoenix VA Investigation".
    content = [w for w in re.findall(r"[A-Za-z][\w'’-]*", p) if w.lower() not in _FUNCTION_WORDS]
    titled = len(content) >= 3 and len(p) < 160 and "," not in p and all(w[0].isupper() for w in content)
    return (
        (len(p) < 50 or titled)
        and line.lstrip()[:1].isupper()
        and not p.endswith((",", ";", "-", "–"))
        and last not in _FUNCTION_WORDS
        and len(line) - len(line.lstrip()) <= len(prev) - len(prev.lstrip())
    )


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Michael E. Horowitz"
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding white space.

    >>> t = "Hello, I'm Michael E. Horowitz. On May 4, DHS began. U.S. Attorneys met."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ["Hello, I'm Michael E. Horowitz.", 'On May 4, DHS began.', 'U.S. Attorneys met.']
    """
    out: list[Span] = []
    for block in _paragraphs(text):
        start = block.start
        for m in _END.finditer(text, block.start, block.end):
            first_dot = m.start()
            if text[first_dot] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, first_dot):
                continue
            nxt = _NEXT_START.match(text, m.end(), block.end)
            if not nxt:
                continue
            out.append(Span(start, m.end()))
            start = nxt.end()
        out.append(Span(start, block.end))
    return [t for s in out if (t := _trim(text, s)).end > t.start]


def _trim(text: str, s: Span) -> Span:
    start, end = s.start, s.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
