"""A quotation of several paragraphs, read by its marks.

A statement quoted after the words that announce it ("X said:", "the following statement:") often
runs over paragraphs: each reopens with a mark and only the last closes (American usage), or none
reopens and the last closes, or a page cut short leaves it open. Read here for both the grammar's
claims and the statements'.
"""

from __future__ import annotations

import re


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``text[a:b]`` without the spaces around it and the commas, colons and dashes that end it."""
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–"):
        b -= 1
    return (a, b) if b > a else None


#: A paragraph that may go on a statement: words in sentence case, not a release's end mark ("###",
#: "-30-"), a contact line or a heading.
_GOES_ON = re.compile(
    r"\s*(?!(?:Contact|Media|Press|For more|Read|Click|Learn|###|-30-))[A-Z‘'][^\n]{0,60}[a-z][^\n]*[.!?’']"
)


def quotation_after(text: str, end: int) -> tuple[int, int] | None:
    """The quotation right after ``end`` (past the colon or full stop that announces it): its
    paragraphs run while each opens with a quotation mark, to the one that closes it; where nothing
    after it closes a quotation (a page cut short), through the paragraphs of sentences that follow."""
    m = re.match(r"[ \t]*[:.]?\s*[“\"]", text[end : end + 12])
    if m is None:
        return None
    a = end + m.end()
    at, b = a, None
    while True:
        para_end = text.find("\n\n", at)
        line_end = text.find("\n", at)
        stop = min(x for x in (para_end, line_end, len(text)) if x >= 0)
        close = _pairing_close(text, at, stop)
        if close is None:
            close = max(text.rfind("”", at, stop), text.rfind('"', at, stop))
        if close >= 0:
            b = close
            break
        nxt = re.match(r"\s*[“\"]", text[stop : stop + 8])
        if nxt is None and (closer := _closed_later(text, stop)) is not None:
            b = closer  # paragraphs that do not each reopen the quotation, to the one that closes it
            break
        if nxt is None and stop < len(text) and not re.search(r"[”\"]", text[stop:]) and _GOES_ON.match(text, stop):
            nxt = re.match(r"\s*", text[stop:])  # a quotation nothing closes, cut off with its page: it goes on
        if nxt is None or stop >= len(text):
            b = stop  # a last paragraph left open, as long statements often are
            break
        at = stop + nxt.end()
    return trim(text, a, b) if b is not None and b - a >= 12 else None


def _pairing_close(text: str, at: int, stop: int) -> int | None:
    """The curly closing mark in ``text[at:stop]`` that closes a quotation opened before ``at`` (the
    quotations inside it paired on the way): not the last mark of a paragraph that goes on past the
    quotation ("…,” said Chairwoman Foxx. BACKGROUND: … called “not just criminal.”")."""
    depth = 1
    for i in range(at, stop):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if depth == 0:
                return i
    return None


def _closed_later(text: str, stop: int, most: int = 6) -> int | None:
    """Where a quotation left open at ``stop`` closes, if a paragraph of the next few closes more
    quotations than it opens (“…” inside it are its own) and every paragraph up to it reads on."""
    at = stop
    for _ in range(most):
        start = at + len(text[at:]) - len(text[at:].lstrip())
        if start >= len(text) or not _GOES_ON.match(text, start):
            return None
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        para = text[start:end]
        if para.count("”") > para.count("“"):
            return start + para.rfind("”")
        at = end
    return None
