"""Attributed claims over the parse: who said what, with the words they said.

A claim stands where a reporting verb (``[claims] verbs`` in the grammar: say, state, tell,
testify, write, ...) has a subject the text names, and content the parse or the punctuation
delimits:

- a quotation that closes right before the attribution (`"…," Durbin said.`, `"…," said X.`);
- a quotation that opens right after it (`Durbin said: "…"`);
- otherwise the verb's clausal complement (`X told the committee that …`, `X said the …`).

The speaker is the verb's grammatical subject, never a word inside the quotation or the
person spoken to. A negated verb ("did not say") or a modal one makes no claim. The statement
itself is an event of the class the verb names (Statement, Testimony, Warning, Denial), dated
only by a date of the verb's own clause.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.dates import DateMention
from kg.extract.events import Mentions, clause_date, entities_at, evidence, negated_or_modal
from kg.extract.grammar import Grammar
from kg.extract.parse import Parse, Sentence
from kg.model import AGENT_KINDS, Document, Entity, Fact, Kind, Lit, Ref, date_lit

if TYPE_CHECKING:
    from spacy.tokens import Token

_OPEN, _CLOSE = '“"', '”"'
_SPEAKERS = AGENT_KINDS - {"Group"}


@dataclass(frozen=True, slots=True)
class FoundClaim:
    speaker_key: str
    speaker_span: tuple[int, int]
    verb: tuple[int, int]
    content: tuple[int, int]
    cls: str
    date: DateMention | None


def find_claims(
    doc: Document, parse: Parse, mentions: Mentions, dates: list[DateMention], grammar: Grammar
) -> Iterator[FoundClaim]:
    starts = [d.start for d in dates]
    for sent in parse:
        for t in sent.doc:
            cls = grammar.claim_verbs.get(t.lemma_.lower())
            if cls is None or t.pos_ != "VERB" or negated_or_modal(t, grammar):
                continue
            if t.dep_ in {"relcl", "acl", "amod", "advcl"}:
                continue  # "a policy that calls for", "as required": not an attribution
            subjects = [c for c in t.children if c.dep_ == "nsubj"]
            speakers = entities_at(subjects, sent, mentions, _SPEAKERS)
            if len(speakers) != 1:
                continue  # no named speaker, or several the parse does not tell apart
            speaker = speakers[0]
            content = _quoted(doc, sent, t, speaker.start, speaker.end) or _complement(sent, t)
            if content is None:
                continue
            a, b = content
            if b - a < 12 or (speaker.start >= a and speaker.end <= b):
                continue
            yield FoundClaim(
                speaker.key, (speaker.start, speaker.end), (sent.start(t), sent.end(t)), content, cls,
                clause_date(t, sent, dates, starts),
            )  # fmt: skip


def _quoted(doc: Document, sent: Sentence, verb: Token, s_start: int, s_end: int) -> tuple[int, int] | None:
    """The quotation the attribution closes or opens, by the punctuation around it."""
    text = doc.text
    left = min(sent.start(verb), s_start)
    right = max(sent.end(verb), s_end)
    before = text[max(0, left - 4) : left]
    m = re.search(r"[,.!?—–-]?\s*[”\"]\s*$", before)
    if m is not None:
        close = left - (len(before) - m.start())
        close = close if text[close] in _CLOSE else text.rfind("”", 0, left)
        opening = _opening(text, close)
        if opening is not None:
            return _trim(text, opening + 1, close)
    after = re.match(r"\s*[,:]?\s*[“\"]", text[right : right + 6])
    if after is not None:
        o = right + after.end() - 1
        c = _closing(text, o)
        if c is not None:
            return _trim(text, o + 1, c)
    return None


def _opening(text: str, close: int) -> int | None:
    """The opening mark of the quotation closing at ``close``, within its paragraph."""
    para = text.rfind("\n\n", 0, close)
    for i in range(close - 1, max(para, close - 3000), -1):
        if text[i] == "“" or (text[i] == '"' and (i == 0 or not text[i - 1].isalnum())):
            return i
        if text[i] in "”":
            return None
    return None


def _closing(text: str, opening: int) -> int | None:
    para = text.find("\n\n", opening)
    end = len(text) if para < 0 else para
    for i in range(opening + 1, min(end, opening + 3000)):
        if text[i] in _CLOSE:
            return i
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–"):
        b -= 1
    return (a, b) if b > a else None


def _complement(sent: Sentence, verb: Token) -> tuple[int, int] | None:
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(comps) != 1:
        return None
    words = [
        w for w in comps[0].subtree if not (w.dep_ == "mark" and w.head == comps[0] and w.i == comps[0].left_edge.i)
    ]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    if len(words) < 3 or any(w.text in _OPEN + _CLOSE for w in words):
        return None
    return sent.span_of(words)


def to_facts(doc: Document, c: FoundClaim, labels: dict[str, str]) -> tuple[list[Entity], list[Fact]]:
    a, b = c.content
    text = doc.text[a:b]
    norm = re.sub(r"\W+", " ", text).lower()
    key = "claim-" + hashlib.sha256("\x1f".join((c.speaker_key, norm)).encode()).hexdigest()[:12]
    ekey = f"event-statement-{key.removeprefix('claim-')}"
    attribution = (min(c.speaker_span[0], c.verb[0]), max(c.speaker_span[1], c.verb[1]))
    spans = [attribution, c.content]
    rule = "grammar:claim"

    def fact(s: str, p: str, o: Ref | Lit | Kind, sp: list[tuple[int, int]]) -> Fact:
        return Fact(s, p, o, evidence(doc, sp), rule)

    label = (text[:77] + "…") if len(text) > 78 else text
    who = labels.get(c.speaker_key, c.speaker_key)
    elabel = f"{c.cls} by {who}"
    facts = [
        fact(key, "type", Kind("Claim"), spans),
        fact(key, "label", Lit(label), spans),
        fact(key, "text", Lit(text), [c.content]),
        fact(key, "claimant", Ref(c.speaker_key), spans),
        fact(ekey, "type", Kind(c.cls), [attribution]),
        fact(ekey, "label", Lit(elabel), [attribution]),
        fact(ekey, "actor", Ref(c.speaker_key), [attribution]),
        fact(ekey, "expresses", Ref(key), spans),
    ]
    if c.date is not None and c.date.relation == "on" and c.date.end_value is None:
        facts.append(fact(ekey, "date", date_lit(c.date.value), [attribution, (c.date.start, c.date.end)]))
    return [Entity(key=key, kind="Claim", label=label), Entity(key=ekey, kind=c.cls, label=elabel)], facts
