"""Layout normalisation: the text extraction reads, mapped character by character to the stored text.

Real documents arrive as PDF-extracted run-on text, court filings with line numbers and page footers,
Federal Register pages with hard wraps and hyphenation, OCR'd e-mail with headers run together. This
stage removes what is furniture (line-number gutters, page headers and footers, running heads), joins
words split across lines, closes up letter-spaced headings, and breaks run-together e-mail headers
onto lines of their own. Every character of the result remembers where it came from, so evidence is
always quoted from the stored text exactly (``stored[start:end] == quote``).

>>> lay = normalise("The Depart-\\nment said.\\nPage 2 of 9\\nS U M M A R Y")
>>> lay.text
'The Department said.\\nSUMMARY'
>>> lay.to_stored(4, 14)
(4, 16)
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace stored[start:end] with the string

_GUTTER = re.compile(r"^[ \t]{0,8}(\d{1,2})(?:[ \t]+|$)(?![.)\]])", re.MULTILINE)
_FOOTER = re.compile(
    r"^[ \t]*(?:"
    r"(?:Page|PAGE|Pg\.?)[ \t]+\d+(?:[ \t]+(?:of|OF)[ \t]+\d+)?"  # Page 3 of 25
    r"|[-–—][ \t]*\d{1,4}[ \t]*[-–—]"  # - 5 -
    r"|\d{1,4}"  # a bare page number
    r"|Case[ \t]+\d+:\d+-\w+-\d+\S*[ \t][^\n]{0,100}?\b(?:Document|Filed|Page)\b[^\n]{0,60}"  # ECF header
    r")[ \t]*$",
    re.MULTILINE,
)
_ECF_HEADER = re.compile(
    # (with the number of the page it follows, where the copy ran the pages together: "and 1 Case …")
    r"(?:(?<![\w,.$])\d{1,3}[ \t]+)?"
    r"Case[ \t]+\d+:\d+-\w+-\d+(?:-[A-Z]+)*[ \t]+Document[ \t]+\d+[ \t]+Filed[ \t]+\d\d/\d\d/\d\d"
    r"(?:[ \t]+PageID\.\d+)?[ \t]+Page[ \t]+\d+[ \t]+of[ \t]+\d+[ \t]?"
)
#: Two sentences a copy ran together ("… environmental monitoring.We found TVA …"): a space between them.
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{3}[.?!])(?=[A-Z][a-z]+\b)")
_LETTER_SPACED = re.compile(r"(?<![\w.])[A-Za-z](?: [A-Za-z]){3,}(?![\w.])")
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_MAIL_KEY = re.compile(r"(?<=\S)[ \t]+(?=(?:From|Sent|To|Cc|Bcc|Subject|Date|Attachments):[ \t])")
# A blank line between printed lines (see _double_spaced_edits), the title line, and the words no
# heading ends with.
_BLANK_BREAK = re.compile(r"[ \t]*\n[ \t]*\n[ \t]*(?=\S)")
_TITLE_LINE = re.compile(r"(?m)^# title:[ \t]*(.+)$")
_OPEN_END = re.compile(r"(?:,|\b(?:the|of|and|or|a|an|to|in|for|by|with|on|at|from|that|its|their))\Z")
_MAIL_LINE = re.compile(r"(?:From|Sent|To|Cc|Bcc|Subject|Date|Attachments)\b")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACELIKE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")


@dataclass(frozen=True)
class Layout:
    """The normalised ``text`` and, for each of its characters, its offset in the stored text."""

    stored: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(stored)

    def to_stored(self, start: int, end: int) -> tuple[int, int]:
        """The stored-text span of ``text[start:end]``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    @property
    def identity(self) -> bool:
        return self.text == self.stored


def _gutter_edits(text: str) -> list[Edit]:
    """Court-filing line numbers: most lines start with a number that counts up by one."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    hits = list(_GUTTER.finditer(text))
    if len(hits) < 8 or len(hits) < 0.5 * len(lines):
        return []
    numbers = [int(m.group(1)) for m in hits]
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1 or (b == 1 and a > 1))
    if rising < 0.7 * (len(numbers) - 1):
        return []
    numbered = {m.start() for m in hits}
    edits = []
    for m in hits:
        end = m.end()
        alone = text[m.start(1) + len(m.group(1)) : end].strip() == "" and text[end : end + 1] == "\n"
        if alone and end + 1 not in numbered:
            end += 1  # a number on a line of its own before an unnumbered line of text: it all goes
        edits.append((m.start(), end, ""))
    return edits


def _inline_gutter_edits(text: str) -> list[Edit]:
    """Line numbers run into the text (a court filing's PDF text without line breaks): "… our
    Government was 19 engaged in …". A chain of six or more small numbers counting up by one, at most
    a few printed lines apart, is a gutter; each number goes with the space after it."""
    open_chains: list[list[re.Match[str]]] = []
    closed: list[list[re.Match[str]]] = []
    for m in re.finditer(r"(?<=[ \t\n])\d{1,2}(?=[ \t\n])", text):
        n = int(m.group())
        still: list[list[re.Match[str]]] = []
        for chain in open_chains:
            (closed if m.start() - chain[-1].end() > 220 else still).append(chain)
        open_chains = still
        for chain in open_chains:
            prev = int(chain[-1].group())
            if n == prev + 1 or (n == 1 and prev >= 20):
                chain.append(m)
                break
        else:
            open_chains.append([m])
    hits = sorted((m for c in closed + open_chains if len(c) >= 6 for m in c), key=lambda m: m.start())
    return [(m.start(), m.end() + 1, "") if text[m.end()] in " \t" else (m.start() - 1, m.end(), "") for m in hits]


def _line_edits(text: str, gutter: bool) -> list[Edit]:
    """Page footers and running heads: delete the whole line, and the blank lines after it (and
    before it too when the page break falls inside a sentence)."""
    edits: list[Edit] = []
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    lines = [(s, e if (e := text.find("\n", s)) >= 0 else len(text)) for s in starts]
    shape = Counter(re.sub(r"\d+", "#", text[s:e].strip()) for s, e in lines)
    for s, e in lines:
        line = text[s:e]
        stripped = line.strip()
        if not stripped or (gutter and stripped.isdigit()):
            continue
        repeated = (
            shape[re.sub(r"\d+", "#", stripped)] >= 3
            and len(stripped) <= 80
            and not stripped.endswith((".", ":", ",", ";"))
            and any(c.isalpha() for c in stripped)
            and not _MAIL_LINE.match(stripped)
        )
        if _FOOTER.fullmatch(line) or repeated:
            end = e
            while (m := re.match(r"\n[ \t]*(?=\n)", text[end:])) is not None:
                end += m.end()
            start = s
            before = text[:s].rstrip()
            if before and before[-1] not in '.:!?;"”)' and start - len(before) > 1:
                start = len(before) + 1
            edits.append((start, min(end + 1, len(text)), ""))
    return edits


def _double_spaced_edits(text: str) -> list[Edit]:
    """A blank line inside a sentence: PDF text of a double-spaced filing sets every printed line
    apart. The break is the sentence's when the next line goes on in lower case after a word or a
    comma, when the line before, a printed line's length, stops on a comma or on a word no heading
    ends with ("on behalf of the / United States") or, in a text double-spaced throughout, on any word
    (see below), or when the two words it parts stand together in the document's title."""
    edits: list[Edit] = []
    title = _TITLE_LINE.search(text[:2000])
    breaks = [(m, text[text.rfind("\n", 0, m.start()) + 1 : m.start()]) for m in _BLANK_BREAK.finditer(text)]
    # A filing double-spaced throughout: several full printed lines of prose end in a word, set apart;
    # there a full line's last word goes on across the gap ("… signed into law by Governor Ron / DeSantis;")
    full = [_is_full_line(line) for _, line in breaks]
    double = sum(full) >= 3
    for (m, line), is_full in zip(breaks, full, strict=True):
        if len(line) < 40:
            continue
        after = text[m.end()]
        lower_next = after.islower() and (line[-1].isalpha() or line[-1] == ",")
        open_end = _OPEN_END.search(line) is not None or (double and is_full)
        # the two words the break parts stand together in the document's title: "Environmental /
        # Protection Agency" under "# title: … the U.S. Environmental Protection Agency …"
        word = re.match(r"\S+", text[m.end() :])
        pair = f"{line.split()[-1]} {word.group() if word else ''}"
        in_title = title is not None and re.search(rf"(?<!\S){re.escape(pair)}(?!\S)", title.group(1)) is not None
        if lower_next or in_title or (open_end and (after.isupper() or after in '(“"')):
            edits.append((m.start(), m.end(), " "))
    return edits


def _is_full_line(line: str) -> bool:
    """A full printed line of prose that stops on a word: long, no sentence's end, words in lower case
    (not a heading's)."""
    return len(line) >= 70 and line[-1].isalnum() and len(re.findall(r"(?<!\S)[a-z]{2,}", line)) >= 4


def _edits(text: str) -> list[Edit]:
    edits = [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    edits += [(m.start(), m.end(), " ") for m in _SPACELIKE.finditer(text) if m.group() != "\t"]
    edits += [(m.start(), m.end(), "\n") for m in re.finditer(r"\f|\r\n?", text)]
    gutter = _gutter_edits(text)
    edits += gutter + _line_edits(text, bool(gutter))
    if not gutter:
        edits += _inline_gutter_edits(text)
    edits += [(m.start(), m.end(), "") for m in _ECF_HEADER.finditer(text)]
    edits += [(m.start(), m.end(), "") for m in _HYPHEN_BREAK.finditer(text)]
    edits += [(m.start(), m.start(), " ") for m in _RUN_TOGETHER.finditer(text)]
    edits += _double_spaced_edits(text)
    for m in _LETTER_SPACED.finditer(text):
        edits += [(m.start() + i, m.start() + i + 1, "") for i in range(1, len(m.group()), 2)]
    if len(_MAIL_KEY.findall(text)) >= 3:
        edits += [(m.start(), m.end(), "\n") for m in _MAIL_KEY.finditer(text)]
    return edits


def normalise(stored: str) -> Layout:
    """The text to read, with each character mapped to the stored text; overlapping edits: first wins."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, repl in sorted(_edits(stored), key=lambda e: (e[0], -e[1])):
        if start < pos:
            continue
        out.append(stored[pos:start])
        offsets.extend(range(pos, start))
        out.append(repl)
        offsets.extend([start] * len(repl))
        pos = end
    out.append(stored[pos:])
    offsets.extend(range(pos, len(stored)))
    offsets.append(len(stored))
    return Layout(stored, "".join(out), tuple(offsets))
