"""A statement's quotation, told apart from the sentence that announces it.

A release announces its speaker's statement in one sentence and quotes it in the paragraphs after:
"Senator X today issued the following statement: “…”", "Today, X released a statement in response
to …. In March, X asked …" and the quotation a paragraph later, a release's lead and the quotation
nothing attributes after it ("Rep. X joined … in sending a letter."), "“…,” said X. “…”" going on.
The quotation is the announcer's words where nothing in or after it attributes it to anyone else.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.dates import DateMention
from kg.extract.claims import (
    _SPEAKERS,
    FoundClaim,
    _joint_speakers,
    _unattributed,
    sentences_of,
)
from kg.extract.events import Mentions, clause_date, negated_or_modal
from kg.extract.grammar import Grammar
from kg.extract.parse import Parse
from kg.extract.quoted import quotation_after
from kg.model import PEOPLE, Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

_OPEN = '“"'


def joint_speakers(doc: Document, parse: Parse, mentions: Mentions, speaker: str, grammar: Grammar) -> list[str]:
    """The others who make a joint statement with the document's ``speaker``: "Senators X and Y released
    the following statement": Y, where X speaks the document. Only in the opening sentences, where
    a statement's verb has one statement noun as its object and its subject joins them by "and"."""
    opening = _opening_announcement(parse, mentions, grammar)
    if opening is not None and speaker in opening[0]:
        return [k for k in opening[0] if k != speaker]
    return _jointly_headed(doc, mentions, speaker)


def statements_apart(parse: Parse, mentions: Mentions, speaker: str, grammar: Grammar) -> bool:
    """Whether the opening sentences announce statements, each of one of several: "Attorney General
    Linda Kelly and Commissioner Frank Noonan issued the following statements": which words are whose,
    the text does not say."""
    opening = _opening_announcement(parse, mentions, grammar)
    return opening is not None and speaker in opening[0] and opening[1]


def _opening_announcement(parse: Parse, mentions: Mentions, grammar: Grammar) -> tuple[list[str], bool] | None:
    """The people an opening sentence's statement verb has as its subject, joined by "and", and
    whether its statement noun is plural."""
    for sent in parse:
        if sent.offset > 800:
            break
        for t in sent.tokens:
            subjects = _announcing(t, grammar)
            if len(subjects) != 1:
                continue
            joint = _joint_speakers(subjects[0], sent, mentions)
            keys = list(dict.fromkeys(m.key for m in joint))
            if len(keys) > 1 and all(mentions.kind(m) in PEOPLE for m in joint):
                return keys, _each_their_own(t, joint)
    return None


def _each_their_own(verb: Token, speakers: Sequence[Mention]) -> bool:
    """ "X and Y issued the following statements": several speakers, several statements (a plural
    object), and which words are whose, the text does not say."""
    return len({m.key for m in speakers}) > 1 and any(c.dep_ == "dobj" and c.tag_ == "NNS" for c in verb.children)


#: A heading of a statement by several: "TESTIMONY OF / SENATOR BOB GRAHAM / AND / THE HONORABLE WILLIAM
#: REILLY": its noun and "of"; the names, and the "and" and the titles between them.
_HEADED_BY = re.compile(r"(?i)\b(?:testimony|statement|remarks)[ \t]+(?:of|by)\b")
_AND_BETWEEN = re.compile(r"\s*,?\s*(?:and|AND)\s+(?:(?:the|[A-Z][\w.]*)\s+){0,3}")


def _jointly_headed(doc: Document, mentions: Mentions, speaker: str) -> list[str]:
    """The others a heading at the head of the text names with the speaker after "Testimony of",
    joined by "and"."""
    head = _HEADED_BY.search(doc.text, 0, min(len(doc.text), 300))
    if head is None:
        return []
    people = [m for m in mentions.within(head.end(), head.end() + 200) if mentions.kind(m) in PEOPLE]
    joined = people[:1]
    for a, b in itertools.pairwise(people):
        if not _AND_BETWEEN.fullmatch(doc.text, a.end, b.start):
            break
        joined.append(b)
    keys = list(dict.fromkeys(m.key for m in joined))
    return [k for k in keys if k != speaker] if speaker in keys and len(keys) > 1 else []


def _announcing(t: Token, grammar: Grammar) -> list[Token]:
    """The subjects of a verb that announces a statement ("X released the following statement"): a
    statement verb, asserted, whose one direct object is a statement noun."""
    if t.lemma_.lower() not in grammar.statement_verbs or t.pos_ != "VERB" or negated_or_modal(t, grammar):
        return []
    nouns = [c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in grammar.statement_nouns]
    return [c for c in t.children if c.dep_ == "nsubj"] if len(nouns) == 1 else []


def statement_claims(
    doc: Document, parse: Parse, mentions: Mentions, dates: list[DateMention], grammar: Grammar
) -> Iterator[FoundClaim]:
    """ "Senator X today issued the following statement: “…”", "X released the below statement.":
    the quotation that follows, paragraph after paragraph (each opens with a quotation mark, the
    last one closes), is the subject's statement, one claim per sentence; a joint statement
    ("Senators X and Y released …") is each one's."""
    starts = [d.start for d in dates]
    for sent in parse:
        for t in sent.tokens:
            if t.dep_ == "ROOT" and t.lemma_ == "be":
                subjects = _whose_following(t, grammar.statement_nouns)  # "The following is a statement from X"
            else:
                subjects = _announcing(t, grammar)
            if len(subjects) != 1:
                continue
            speakers = _joint_speakers(subjects[0], sent, mentions)
            if _each_their_own(t, speakers):
                continue
            end = sent.offset + len(sent.text)
            content = quotation_after(doc.text, end) or _statement_next(doc.text, end)
            if not speakers or content is None or _quoted_for_another(doc.text, content, mentions, speakers):
                continue  # (“…,” said Commissioner X: the quotation's own speaker, whom the rules for it read)
            date, verb = clause_date(t, sent, dates, starts), (sent.start(t), sent.end(t))
            for speaker in speakers:
                for part in sentences_of(doc, content):
                    yield FoundClaim(speaker.key, (speaker.start, speaker.end), verb, _unattributed(doc, part),
                                     "Statement", date)  # fmt: skip


def lead_quotation_claims(doc: Document, parse: Parse, mentions: Mentions, grammar: Grammar) -> Iterator[FoundClaim]:
    """A release's lead ("WASHINGTON – Senators A and B today called for an investigation …") and,
    in the next paragraph, a quotation nothing attributes (“We recognize …”): the lead's subjects'
    words, each one's. Only the release's first sentence, and only people or bodies the parse names
    as its subject; the rest of its paragraph quotes nothing."""
    if doc.meta.kind not in grammar.release_kinds:
        return
    lead = next((s for s in parse if not s.headline and any(t.dep_ == "ROOT" and t.pos_ == "VERB" for t in s.tokens)),
                None)  # fmt: skip
    if lead is None:
        return
    root = next(t for t in lead.tokens if t.dep_ == "ROOT")
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or negated_or_modal(root, grammar):
        return
    speakers = _joint_speakers(subjects[0], lead, mentions)
    end = lead.offset + len(lead.text)
    content = _statement_next(doc.text, end)
    if not speakers or content is None or _each_their_own(root, speakers):
        return
    keys = {m.key for m in speakers}
    if any(mentions.kind(m) in _SPEAKERS and m.key not in keys for m in mentions.within(end, content[0])):
        return  # "… urged FEMA to reconsider. Senator A and Assemblyman B pushed for the letter:": whose?
    for speaker in speakers:
        for part in sentences_of(doc, content):
            yield FoundClaim(speaker.key, (speaker.start, speaker.end), (lead.start(root), lead.end(root)),
                             _unattributed(doc, part), "Statement", None)  # fmt: skip


def _whose_following(be: Token, nouns: frozenset[str]) -> list[Token]:
    """ "The following is a statement from X", "Below is the opening statement of X:": the words of
    whom the sentence says what follows is, through "from", "of" or "by"."""
    follows = any(c.lower_ in {"following", "below"} and c.dep_ in {"nsubj", "advmod"} for c in be.children)
    said = [c for c in be.children if c.dep_ in {"nsubj", "attr"} and c.lemma_.lower() in nouns]
    if not follows or len(said) != 1:
        return []
    return [w for p in said[0].children if p.dep_ == "prep" and p.lower_ in {"from", "of", "by"}
            for w in p.children if w.dep_ == "pobj"]  # fmt: skip


def continued_quotations(doc: Document, parse: Parse, claims: list[FoundClaim]) -> Iterator[FoundClaim]:
    """ "“…,” said X. “The agency must act.”": a quotation that opens right after the sentence that
    attributes a quotation, and is not attributed itself (nothing but a line's end or another
    quotation follows its close), goes on quoting the same speaker."""
    ends = sorted(sent.offset + len(sent.text) for sent in parse)
    for c in claims:
        if c.content[0] == 0 or doc.text[c.content[0] - 1] not in _OPEN:
            continue  # only a quotation goes on
        if not doc.text[c.content[0]].isupper():
            continue  # (not a phrase quoted: 'that President Obama called "the true engine of growth"')
        i = bisect.bisect_left(ends, max(c.verb[1], c.speaker_span[1]))
        if i == len(ends):
            continue
        content = quotation_after(doc.text, ends[i]) if "\n\n" not in doc.text[c.verb[1] : ends[i]] else None
        if content is None or content[0] <= c.content[0]:
            continue
        if not _unattributed_quotation(doc.text, content):
            continue
        for part in sentences_of(doc, content):
            yield FoundClaim(c.speaker_key, c.speaker_span, c.verb, part, c.cls, c.date)


def _close(text: str, content: tuple[int, int]) -> int:
    """Where the quotation a claim's words end in closes: its closing mark, a few characters on."""
    return text.find("”", content[1]) if "”" in text[content[1] : content[1] + 3] else content[1]


def _unattributed_quotation(text: str, content: tuple[int, int]) -> bool:
    """Whether a quotation stands on its own: nothing but a line's end or another quotation after
    its close (not "“…,” said Y"), and no attribution inside it ("“…,” said Y. “…”")."""
    close = _close(text, content)
    if not re.match(r"[”\"]?[ \t]*(?:\n|$|[“\"])", text[close : close + 4]):
        return False  # “…,” said Y: someone else's
    return _SAID_INSIDE.search(text, content[0], content[1]) is None


def _quoted_for_another(text: str, content: tuple[int, int], mentions: Mentions, speakers: tuple[Mention, ...]) -> bool:
    """Whether a statement's quotation is attributed to someone other than its speakers: "the
    Department issued the following statement: “…,” said Commissioner Jane Roe." (Its own speaker
    named again, "“…,” Chair Speier said", or by title only, "the Senator said", is no other.)"""
    if _unattributed_quotation(text, content):
        return False
    close = _close(text, content)
    keys = {m.key for m in speakers}
    for at in (close, *(m.start() for m in _SAID_INSIDE.finditer(text, content[0], content[1]))):
        named = [m for m in mentions.within(at, at + 80) if mentions.kind(m) in PEOPLE]
        if named and named[0].key not in keys:
            return True
    return False


def _statement_next(text: str, end: int) -> tuple[int, int] | None:
    """ "Today, Congresswoman X released a statement in response to the report. In March, X asked
    …" and the next paragraph opens the quotation: the statement, where the rest of the announcing
    paragraph quotes nothing and nothing attributes the quotation to anyone else."""
    para_end = text.find("\n\n", end)
    if para_end < 0 or para_end - end > 600 or re.search(r"[“”\"]", text[end:para_end]):
        return None
    content = quotation_after(text, para_end)
    return content if content is not None and _unattributed_quotation(text, content) else None


#: A quotation closed and attributed inside what looked like one: "…,” said Senator Peters. “…".
_SAID_INSIDE = re.compile(
    r"[”\"],?[ \t]+(?:(?:[A-Z][\w.’'\-]*[ \t]+){1,4}(?:said|says|added|wrote|stated|continued|concluded)\b"
    r"|(?:said|says|added|wrote|stated|continued|concluded)[ \t]+[A-Z])"
)
