"""The event grammar run over the parse: one event per trigger, its arguments by dependency path.

For each sentence, the triggers of every rule are the words of its lemmas and parts of speech
(looked up by their hashes: what spaCy's ``Matcher`` did, at a fraction of the cost); for each
trigger the rules are tried by priority, and the first whose needed arguments the parse settles
yields the event. An argument is the entity mentioned at the word its path reaches; a date is one
the trigger's own clause holds (see :func:`clause_dates`). What the parse leaves open lowers the
fact's confidence; a trigger that is negated, planned, asked for or conditional yields nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.dates import WEEKDAYS, DateMention, stated_day
from kg.extract.grammar import Grammar, Path_, Rule
from kg.extract.parse import Parse, Sentence
from kg.model import AGENT_KINDS, PEOPLE, Document, Entity, Evidence, Fact, Kind, Lit, Mention, Ref, date_lit
from kg.vocabulary import implied_doer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

#: Dependencies a date may hang from and still belong to the trigger's clause: prepositions and
#: their objects, adverbial nouns ("Monday"), compounds and numbers inside those.
#: Nouns of a stretch of time, whose "of" gives the clause's date: "on the morning of May 5".
_TIME_NOUNS = frozenset(
    {"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "end", "beginning",
     "start", "middle", "eve", "date", "time", "course", "period", "close"}
)  # fmt: skip
_DATE_DEPS = frozenset({"prep", "pobj", "npadvmod", "tmod", "nmod", "advmod", "compound", "nummod", "appos", "pcomp"})
#: A trigger under these is in another clause's scope (``not_under`` is checked up this chain).
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "acomp", "oprd", "dobj"})


@dataclass(frozen=True, slots=True)
class Found:
    """What one trigger yields before it becomes facts."""

    rule: Rule
    trigger: Token
    sentence: Sentence
    actors: tuple[Mention, ...]
    objects: tuple[Mention, ...]
    date: DateMention | None
    confidence: float
    several: bool = False  # one of the events a list of dates makes of one trigger


@functools.lru_cache(maxsize=4)
def _triggers(nlp: Language, grammar: Grammar) -> dict[tuple[int, int], tuple[Rule, ...]]:
    """The rules a word can trigger, by the hashes of its lemma and part of speech, made once per
    model and grammar. (A spaCy ``Matcher`` of one pattern per rule did the same, trying every
    pattern at every word: it cost a third of the extraction outside the parse.)"""
    strings = nlp.vocab.strings
    by: dict[tuple[int, int], list[Rule]] = {}
    for r in grammar.rules:
        for lemma, pos in itertools.product(sorted(set(r.lemmas)), sorted(set(r.pos))):
            by.setdefault((strings.add(lemma), strings.add(pos)), []).append(r)
    return {key: tuple(rules) for key, rules in by.items()}


class Mentions:
    """A document's mentions, looked up by offset."""

    def __init__(self, mentions: Iterable[Mention], kinds: dict[str, str]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.items]
        self.kinds = kinds

    def kind(self, m: Mention) -> str:
        return self.kinds.get(m.key, m.kind)

    def at(self, start: int, end: int) -> Mention | None:
        """The mention covering ``[start, end)``'s first character and ending within ``end``'s word."""
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and self.items[i].start > start - 200:
            m = self.items[i]
            if m.start <= start < m.end:
                return m
            i -= 1
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i, j = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [m for m in self.items[i:j] if m.end <= end]


def find_events(
    doc: Document,
    parse: Parse,
    mentions: Mentions,
    dates: list[DateMention],
    grammar: Grammar,
    nlp: Language,
    speaker: str | None = None,
) -> Iterator[Found]:
    """The grammar's events in ``doc``; ``speaker``: who says "I" in it, if the document tells
    (:func:`kg.extract.speakers.document_speaker`), the actor of what "I" did."""
    by_word = _triggers(nlp, grammar)
    date_starts = [d.start for d in dates]
    for sent in parse:
        if sent.headline:
            continue  # "Senate Panel to Hold Hearing on …": a headline announces, it does not report
        words = sent.doc.to_array(["LEMMA", "POS"]).tolist()
        triggers = {i: rules for i, (lemma, pos) in enumerate(words) if (rules := by_word.get((lemma, pos)))}
        lines = sent.headlines  # a title repeated in sentence case, or the title block's first line
        for i, rules in triggers.items():
            token = sent.doc[i]
            if blocked(token, grammar) or any(a <= sent.start(token) < b for a, b in lines):
                continue
            clause = (
                dates_of_clause(token, sent, dates, date_starts)
                or _hereby(token, sent, doc)
                or _below(token, sent, doc)
            )
            told = [] if clause else _told_today(token, sent, dates, date_starts)
            for rule in sorted(rules, key=lambda r: (-r.priority, r.name)):
                found = _apply(rule, token, sent, mentions, clause or (told if rule.cls == "Announcement" else []),
                               grammar, speaker)  # fmt: skip
                if found is not None:
                    # "settled the suits in 2018 and 2021": one event for each date listed.
                    listed = listed_dates(clause, sent)
                    if found.date is None and len(listed) > 1:
                        sure = round(found.confidence + grammar.missing_date, 2)
                        for d in listed:
                            yield dataclasses.replace(found, date=d, several=True, confidence=sure)
                    else:
                        yield found
                    break


def _told_today(t: Token, sent: Sentence, dates: list[DateMention], date_starts: list[int]) -> list[DateMention]:
    """ "X was sentenced today …, announced U.S. Attorney Y": what a release announces happened
    "today" it announces that day, the release's."""
    return [
        d
        for c in t.children
        if c.dep_ == "ccomp"
        for d in dates_of_clause(c, sent, dates, date_starts)
        if d.text.strip().lower() == "today"
    ][:1]


def blocked(t: Token, grammar: Grammar) -> bool:
    """Negated, modal, conditional, only a purpose ("filed the suit to protest and advance …"), or
    under a verb of planning, asking or refusing."""
    if negated_or_modal(t, grammar) or any(
        c.dep_ == "mark" and c.lemma_.lower() in grammar.not_under for c in t.children
    ):
        return True
    if _purpose(t) or (t.dep_ == "conj" and _purpose(t.head)):
        return True
    if t.pos_ == "NOUN" and _unasserted_noun(t, grammar):
        return True
    if t.dep_ == "advcl" and t.tag_ in {"VBZ", "VBP"} and negated_or_modal(t.head, grammar):
        return True  # "will face scrutiny when the panel holds a hearing": in the present, of what is to come
    node, infinitive = t, True
    while node.dep_ in _GOVERNED and node.head.i != node.i:
        # "plans to announce", "refused to sign": the governing verb's sense reaches down any chain;
        # its negation or modality only down an infinitive chain ("would like to announce").
        infinitive = infinitive and node.dep_ == "xcomp"
        node = node.head
        if node.lemma_.lower() in grammar.not_under or (infinitive and negated_or_modal(node, grammar)):
            return True
    return False


def _unasserted_noun(t: Token, grammar: Grammar) -> bool:
    """An event told as a noun that the sentence does not say happened: "any announcement", "no
    resignation", or one whose verb is negated or modal ("an announcement … would be premature")."""
    if any(c.dep_ == "det" and c.lower_ in {"any", "no", "every", "each", "another"} for c in t.children):
        return True
    verb = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and (negated_or_modal(verb, grammar) or verb.lemma_.lower() in grammar.not_under)


def _purpose(t: Token) -> bool:
    """An infinitive of purpose: what the clause's doer meant to do, not what they did."""
    return t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def negated_or_modal(t: Token, grammar: Grammar) -> bool:
    """ "did not sign", "would sign", "may have signed": nothing happened that the text asserts."""
    return any(
        c.dep_ == "neg" or (c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in grammar.not_with) for c in t.children
    )


def _apply(
    rule: Rule,
    t: Token,
    sent: Sentence,
    mentions: Mentions,
    clause: list[DateMention],
    grammar: Grammar,
    speaker: str | None = None,
) -> Found | None:
    """The event ``rule`` makes of trigger ``t``, if the parse settles what it needs; ``clause``: the
    dates the trigger's clause holds (one is the event's; several, none of them)."""
    if rule.particle and not any(c.dep_ in {"prt", "advmod"} and c.lemma_.lower() == rule.particle for c in t.children):
        return None
    if rule.takes and not any(c.dep_ == "dobj" and c.lemma_.lower() in rule.takes for c in t.children):
        return None  # "filed charges against X", not "filed a motion against X"
    if rule.refuses and any(c.dep_ == "dobj" and c.lemma_.lower() in rule.refuses for c in t.children):
        return None  # "is reviewing recommendations", "examined the records": reading, no inquiry
    followed = _antecedents(t, _follow(t, rule.actor))
    actor_tokens = [a for a in followed if not _vocative(a)]  # "Mr. President, … the Committee issued"
    object_tokens = _antecedents(t, _follow(t, rule.object))
    actors = entities_at(actor_tokens, sent, mentions, rule.actor_kinds) or entities_at(
        _appositions(followed), sent, mentions, rule.actor_kinds
    )
    actors = tuple(a for a in actors if not _dateline(sent, a) and not a.start <= sent.start(t) < a.end)
    # ("Inquiry Announced": a headline's name that holds the verb itself acts in nothing)
    actors = _past_a_colon(actors, sent.doc.text[: t.idx], sent.offset) or actors
    actors = _past_the_opening_phrase(actors, sent, t)
    if actors and all(mentions.kind(a) == "Position" for a in actors):
        actors = titled_person(actor_tokens, sent, mentions) or actors  # the title's holder, named after it
        if all(mentions.kind(a) == "Position" for a in actors) and any(_indefinite(a) for a in actor_tokens):
            actors = ()  # "On Thursday, a judge granted …": no one the text names, no post's act
    elif len(actors) == 1 and mentions.kind(actors[0]) in {"Agency", "Organization"}:
        actors = _body_titled_holder(actor_tokens, actors[0], sent, mentions) or actors
    elif any(mentions.kind(a) in PEOPLE for a in actors):
        # "A (D-MI) and B (R-OH), Chairman and Ranking Member of the Committee, … released": the titles
        # set beside named people are theirs, no actors of their own
        actors = tuple(a for a in actors if mentions.kind(a) != "Position")
    if not actors and speaker is not None and not _QUOTED.search(sent.text):
        # In a statement, a speech or a letter (but not in a quotation, whoever is quoted), the
        # speaker did what "I" did ("Today I signed …"), and what is done "today" with no subject
        # of its own ("thank you for the opportunity to testify today"; what they only plan or are
        # asked to do is not asserted: see ``not_under``).
        said_by = actor_tokens[0] if [a.lower_ for a in actor_tokens] == ["i"] else None
        if said_by is None and not actor_tokens and _today(t, clause):
            said_by = t
        kind = mentions.kinds.get(speaker, "Person")
        if said_by is not None and kind in rule.actor_kinds:
            actors = (Mention(sent.start(said_by), sent.end(said_by), said_by.text, kind, speaker, "first-person"),)
    if rule.actor_words:
        worded = [a for a in actor_tokens if _has_word(a, rule.actor_words)]
        if not worded:
            return None
        actors = tuple(a for a in actors if any(_has_word(w, rule.actor_words) for w in worded)) or ()
        actor_ok = True
    else:
        actor_ok = bool(actors)
    if rule.object_words:
        # "a lawsuit", "a state of emergency": the word heads the object or is inside it.
        object_ok = any(w.lemma_.lower() in rule.object_words or w.lower_ in rule.object_words
                        for o in object_tokens for w in _named_by(o))  # fmt: skip
        objects: tuple[Mention, ...] = ()
    else:
        kinds = rule.object_kinds or frozenset(mentions.kinds.values()) | AGENT_KINDS
        objects = entities_at(object_tokens, sent, mentions, kinds) or entities_at(
            _appositions(object_tokens), sent, mentions, kinds
        )
        object_ok = bool(objects)
    if rule.object_words and not object_ok:
        return None  # "filed criminal charges" is no lawsuit: the words name what the event is
    date = clause[0] if len(clause) == 1 else None
    if date is not None and t.pos_ == "NOUN" and date.end <= sent.start(t) and date.relation != "on":
        # "following the March 8, 2023 announcement": a date before the noun is the event's own;
        # the word before the phrase relates it to another clause
        date = dataclasses.replace(date, relation="on")
    if date is not None and t.tag_ in {"VBZ", "VBP"} and date.text.strip(" ,.").lower() in WEEKDAYS:
        date = None  # "when the panel holds a hearing Wednesday": a day of this week ahead, not one gone by
    if date is None and t.tag_ in {"VBZ", "VBP"} and not any(c.lower_ == "hereby" for c in t.children):
        return None  # "the Inspector General conducts audits": what is done habitually, no event
        # ("I hereby declare that an emergency exists": done by the words themselves)
    have = {"actor": actor_ok, "object": object_ok, "date": date is not None}
    if not all(have[n] for n in rule.needs):
        return None
    if not actors and date is None:
        return None  # an event with neither who nor when says too little to assert
    if not actors and not objects and rule.cls not in implied_doer():
        return None  # nobody the text names takes part: nothing to hang the event on
    confidence = rule.confidence
    if not actors and not objects:
        confidence -= grammar.missing_actor
    if date is None:
        confidence -= grammar.missing_date
    return Found(rule, t, sent, actors, objects, date, round(confidence, 2))


_QUOTED = re.compile(r'[“”"]')


def _past_a_colon(actors: tuple[Mention, ...], before: str, offset: int) -> tuple[Mention, ...]:
    """The actors after the last colon before the trigger, where some are: what stands before it is a
    label or a heading the parse ran on ("… New York, NY 10007 CHIN, Circuit Judge: On March 12,
    2009, defendant Bernard L. Madoff pleaded guilty" is Madoff's plea alone)."""
    colon = before.rfind(": ")
    if colon < 0:
        return actors
    return tuple(a for a in actors if a.start >= offset + colon)


def _past_the_opening_phrase(actors: tuple[Mention, ...], sent: Sentence, t: Token) -> tuple[Mention, ...]:
    """The actors less those inside a prepositional phrase that opens the sentence and ends in a
    comma: "Following a meeting with FEMA Administrator Craig Fugate, Senators Bob Menendez and …
    announced" (where the parser read Fugate as the subject, the senators as his conjuncts) is the
    senators' announcement, not Fugate's."""
    lead = _DATELINE.match(sent.text)
    at = lead.end() if lead else 0
    opener = next((w for w in sent.doc if w.idx >= at and not w.is_space), None)
    if opener is None or opener.dep_ != "prep" or opener.i >= t.i:
        return actors
    end = max(w.i for w in opener.subtree)
    if sent.doc[end].text == "," or sent.doc[end].dep_ == "cc":
        return actors  # the phrase's comma is its own: it ended there ("and" at its end: the parse is lost)
    comma = next((w for w in sent.doc[end + 1 : t.i] if w.text in {",", "("}), None)
    if comma is None or comma.text == "(" or end + 1 >= t.i:
        return actors  # (a comma in brackets is no phrase's end: "Inc. (collectively, …)")
    # the words between the phrase's parse and its comma are the phrase's, wherever the parser hung them
    a, b = sent.end(sent.doc[end]), sent.start(comma)
    return tuple(m for m in actors if not a <= m.start < b)


def _hereby(t: Token, sent: Sentence, doc: Document) -> list[DateMention]:
    """ "The Administrators hereby declare that an emergency exists": an act the document's words
    perform, done on the day the document states (its metadata), which "hereby" anchors."""
    day = stated_day(doc.meta.date)
    word = next((c for c in t.children if c.lower_ == "hereby"), None)
    if day is None or word is None:
        return []
    return [DateMention(sent.start(word), sent.end(word), word.text, day, "day", relative=True)]


def _below(t: Token, sent: Sentence, doc: Document) -> list[DateMention]:
    """ "Upton and Stearns made the following statement:": the statement the dated document carries
    after it, made, as far as the document says, the day it states (its metadata)."""
    day = stated_day(doc.meta.date)
    said = [c for c in t.children if c.dep_ == "dobj" and any(a.lower_ in {"following", "below"} for a in c.children)]
    if day is None or not said or doc.meta.kind not in _RELEASES:
        return []
    word = next(a for a in said[0].children if a.lower_ in {"following", "below"})
    return [DateMention(sent.start(word), sent.end(word), word.text, day, "day", relative=True)]


def _dateline(sent: Sentence, m: Mention) -> bool:
    """Whether ``m`` is a release's dateline place, in capitals before a comma or a dash, at the head
    of its line: "WASHINGTON, DC (May 30, 2018)— …" acts in nothing."""
    a, b = m.start - sent.offset, m.end - sent.offset
    line_start = sent.text.rfind("\n", 0, a) + 1
    return (
        not sent.text[line_start:a].strip()
        and re.fullmatch(r"[A-Z][A-Z .]+", sent.text[a:b]) is not None
        and re.match(r"\s*(?:,|–|—|-|\()", sent.text[b:]) is not None
    )


#: Kinds of document that carry a statement they announce.
_RELEASES = frozenset({"press-release", "statement"})


def _today(t: Token, clause: list[DateMention]) -> bool:
    """Whether the trigger is an infinitive or a participle with no subject of its own, dated by its
    own clause's "today"."""
    return t.dep_ in {"xcomp", "acl", "advcl"} and len(clause) == 1 and clause[0].text.lower() == "today"


def _named_by(t: Token) -> Iterator[Token]:
    """The words that say what ``t`` is: itself, its modifiers and what it is "of" ("a state of
    emergency", "a copy of the report"), not what it is about ("a statement on the review")."""
    yield t
    for c in t.children:
        if c.dep_ in {"compound", "amod", "nmod", "conj"}:
            yield from _named_by(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    yield from _named_by(o)


def _antecedents(t: Token, tokens: list[Token]) -> list[Token]:
    """ "USA Gymnastics, which settled the suits": a relative pronoun stands for the noun its clause
    describes, which the parse attaches the clause to."""
    if t.dep_ != "relcl":
        return tokens
    return [t.head if w.tag_ in {"WDT", "WP"} else w for w in tokens]


def _indefinite(t: Token) -> bool:
    """ "a judge", "an official": one of a kind, not the holder of a post."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children)


def _vocative(t: Token) -> bool:
    """ "Mr. President, earlier today, the Committee issued its report": whom a speech addresses, at
    its sentence's head before a comma, which the parse may make the subject."""
    before = [w.text for w in t.doc[: t.i]]
    following = t.doc[t.i + 1].text if t.i + 1 < len(t.doc) else ""
    return bool(before) and following == "," and all(w in {"Mr.", "Mr", "Madam", "Madame"} for w in before)


def _appositions(tokens: list[Token]) -> list[Token]:
    """ "the agency's top official, Dr. Robert Petzel, retired": where the subject names nobody, its
    apposition may; not one in brackets ("the Office of the Inspector General of the Department of
    Justice (OIG DOJ)": initials that name the subject, or a part of it, as the text never defined);
    nor one of a plural with "of" (the parser's reading of a list after it: see :func:`_shared_of`)."""
    return [c for t in tokens if not _shared_of(t) for c in t.children if c.dep_ == "appos" and not _bracketed(c)]


def _bracketed(t: Token) -> bool:
    first = t.left_edge
    return first.i > 0 and (first.text == "(" or t.doc[first.i - 1].text == "(")


def _follow(t: Token, paths: tuple[Path_, ...]) -> list[Token]:
    """The words the first path that reaches any reaches, with their conjuncts."""
    for path in paths:
        frontier = [t]
        for step in path.steps:
            if step.up:  # "the report released today by X": from the participle up to its noun
                frontier = [f.head for f in frontier if f.dep_ in step.deps and f.head.i != f.i]
                continue
            frontier = [
                c
                for f in frontier
                for c in f.children
                if c.dep_ in step.deps
                and (not step.lemmas or (c.lemma_.lower() in step.lemmas and not _negated_word(c)))
            ]  # (a word a rule asks for, negated, is not that word: "found X not guilty")
        if frontier:
            out: list[Token] = []
            for f in frontier:
                out.append(f)
                if not _shared_of(f):
                    out.extend(c for c in f.subtree if c.dep_ == "conj" and _conjunct_of(c, f))
            return out
    return []


def _negated_word(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children) or (t.i > 0 and t.doc[t.i - 1].lower_ in {"not", "never"})


def _shared_of(t: Token) -> bool:
    """ "the Boards of the FDIC and the Federal Reserve": a plural noun with "of" before "and" may
    be of both, or one of a list with the second; the parse picks one at random, so its conjuncts
    name no one else who did it. ("The Inspectors General of the IC, …, and the DHS": a plural title
    the parser reads as its last word.)"""
    plural = t.tag_ in {"NNS", "NNPS"} or any(
        c.dep_ == "compound" and (c.tag_ in {"NNS", "NNPS"} or re.fullmatch(r"[A-Z][a-z]+[^s']s", c.text))
        for c in t.children
    )  # ("Inspectors", "Attorneys" before "General": the tagger calls them singular names)
    return plural and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _conjunct_of(c: Token, head: Token) -> bool:
    node = c
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node == head:
            return True
    return False


def _has_word(t: Token, words: frozenset[str]) -> bool:
    return any(w.lemma_.lower() in words or w.lower_ in words for w in (t, *t.children) if w.dep_ != "prep")


def titled_person(subjects: list[Token], sent: Sentence, mentions: Mentions) -> tuple[Mention, ...]:
    """ "“…,” said Secretary of the Army Ryan D. McCarthy", "Chair of the House Appropriations Committee
    Rosa DeLauro today issued …": a title the parse makes the subject, and the name that follows it
    to the end of the subject's phrase, whose "of" the parse took the name into. The title's holder
    is who acts."""
    if len(subjects) != 1:
        return ()
    title = mentions.at(sent.start(subjects[0]), sent.end(subjects[0]))
    if title is None or mentions.kind(title) != "Position":
        return ()
    end = sent.end(subjects[0].right_edge)
    return tuple(
        m
        for m in mentions.within(title.end, end)
        if mentions.kind(m) in PEOPLE
        and _TAG_ONLY.fullmatch(sent.text, m.end - sent.offset, end - sent.offset)  # "… Rosa DeLauro (CT-03)"
        and _TITLES_BODY.fullmatch(_without_bodies(sent, mentions, title.end, m.start))
    )


def _body_titled_holder(
    subjects: list[Token], body: Mention, sent: Sentence, mentions: Mentions
) -> tuple[Mention, ...]:
    """ "Environmental Protection Agency (EPA) Acting Administrator Andrew Wheeler addressed …": the
    parse makes the body the subject and the person its apposition; the person named after the
    body's name, its initials and a title of it, is who acts."""
    if len(subjects) != 1:
        return ()
    named = [a for a in subjects[0].children if a.dep_ == "appos"]
    people = [m for m in entities_at(named, sent, mentions, PEOPLE) if m.start > body.end]
    if len(people) != 1:
        return ()
    between = mentions.within(body.end, people[0].start)
    if not between or any(mentions.kind(m) not in {"Position", "Agency", "Organization"} for m in between):
        return ()  # (a title must stand between them)
    rest = _without_bodies(sent, mentions, body.end, people[0].start)
    for m in between:
        rest = rest.replace(m.text, " ")
    return (
        (people[0],) if re.fullmatch(r"[\s()]*", rest) and any(mentions.kind(m) == "Position" for m in between) else ()
    )


#: What may stand between a title and its holder's name, the bodies' names left out: nothing, or the
#: "of the" of "Chairman of the [Senate Judiciary Committee] Dick Durbin".
_TITLES_BODY = re.compile(r"\s*(?:(?:of|for|on)\s+(?:the\s+)?)?")


def _without_bodies(sent: Sentence, mentions: Mentions, start: int, end: int) -> str:
    """The text of ``[start, end)`` with the bodies named in it left out."""
    text = sent.text[start - sent.offset : end - sent.offset]
    for m in reversed(mentions.within(start, end)):
        if mentions.kind(m) in {"Agency", "Organization"}:
            text = text[: m.start - start] + text[m.end - start :]
    return text


#: What may follow a name to the end of its phrase: a member's party and district in brackets.
_TAG_ONLY = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\))?")


def entities_at(tokens: list[Token], sent: Sentence, mentions: Mentions, kinds: frozenset[str]) -> tuple[Mention, ...]:
    """The entity mentioned at each word: the mention covering it ("Office" in "the Office of the
    Inspector General"). A word no mention covers names nobody, whatever its phrase holds: in
    "In a letter to Senator X, Sanders said", X is not who said."""
    out: list[Mention] = []
    for tok in tokens:
        m = mentions.at(sent.start(tok), sent.end(tok))
        if m is not None and mentions.kind(m) in kinds and m not in out:
            out.append(m)
    return tuple(out)


def clause_date(t: Token, sent: Sentence, dates: list[DateMention], date_starts: list[int]) -> DateMention | None:
    """The one date the trigger's clause holds, if exactly one."""
    found = dates_of_clause(t, sent, dates, date_starts)
    return found[0] if len(found) == 1 else None


def dates_of_clause(t: Token, sent: Sentence, dates: list[DateMention], date_starts: list[int]) -> list[DateMention]:
    """The dates the trigger's own clause holds, in text order. A date set before the sentence's
    subject with a comma ("Today, in response to a filing that would appoint …, X issued …") is the
    main clause's, wherever the parser hung it: the main verb's (and its conjuncts'), no other's."""
    found: list[DateMention] = []
    for tok in clause_dates(t):
        a = sent.start(tok)
        i = bisect.bisect_right(date_starts, a) - 1
        if i >= 0 and dates[i].start <= a < dates[i].end and dates[i] not in found:
            found.append(dates[i])
    front = _fronted_date(sent, dates, date_starts)
    if front is not None:
        found = [d for d in found if d is not front]
        if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT"):
            found.append(front)
    return sorted(found, key=lambda d: d.start)


#: A dateline before a sentence: "WASHINGTON —", "BURLINGTON, Vt., April 24 –", "(Feb. 7, 2024) —".
_DATELINE = re.compile(r"(?:[A-Z][A-Z.,'’ ]+(?:,[^—–\n]{0,30})?|\([^)\n]{0,30}\))?[ \t]*[—–-]+[ \t]*")


def _fronted_date(sent: Sentence, dates: list[DateMention], date_starts: list[int]) -> DateMention | None:
    """The date that opens the sentence (after a dateline), set off by a comma, if any."""
    text = sent.text
    lead = _DATELINE.match(text)
    at = sent.offset + (lead.end() if lead else 0)
    i = bisect.bisect_left(date_starts, at)
    if i == len(dates) or dates[i].start != at:
        return None
    d = dates[i]
    return d if text[d.end - sent.offset : d.end - sent.offset + 1] == "," else None


def listed_dates(found: list[DateMention], sent: Sentence) -> list[DateMention]:
    """``found`` when it is one list of dates ("in 2018 and 2021", "May 5, June 7 and July 1"), each
    on its own day; otherwise nothing (two dates of one clause that no list joins are ambiguous)."""
    text = sent.text
    for a, b in itertools.pairwise(found):
        if not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[a.end - sent.offset : b.start - sent.offset]):
            return []
    return [d for d in found if d.relation == "on" and d.end_value is None] if len(found) > 1 else found


def clause_dates(t: Token) -> Iterator[Token]:
    """Words reached from ``t`` through prepositions and adverbial nouns only: the places a
    date of ``t``'s own clause can stand ("On April 6, X announced", "announced Monday")."""
    stack = [c for c in t.children if c.dep_ in _DATE_DEPS and not _before_conjunct(t, c)]
    if t.dep_ == "conj":
        stack += [c for c in t.head.children if c.dep_ in _DATE_DEPS and _before_conjunct(t.head, c, t)]
    # "Officer Jason Van Dyke on Tuesday was charged": a day set between the subject and its verb is
    # the verb's, where the parser hung it on the subject
    stack += [
        p
        for c in t.children
        if c.dep_ in {"nsubj", "nsubjpass"}
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "on" and c.i < p.i < t.i
    ]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(
            c
            for c in node.children
            if c.dep_ in _DATE_DEPS | {"conj", "cc", "punct"}
            and c.pos_ != "VERB"
            # "the hearing of Dec. 19": the hearing's date; "the morning of May 5": the clause's
            and not (node.dep_ == "pobj" and c.dep_ == "prep" and c.lower_ == "of" and node.lemma_ not in _TIME_NOUNS)
            and not _dates_its_object(node, c)
            and not _dates_what_it_concerns(node, c)
        )


def _before_conjunct(t: Token, c: Token, conj: Token | None = None) -> bool:
    """Whether ``t``'s modifier ``c`` stands between the conjunction and a verb conjoined to ``t``
    ("conducted an investigation and, on March 6, 2008, made a referral"): it is the conjunct's, where
    the parser hung it ("conj" the one conjunct asked about, else any)."""
    cc = [k.i for k in t.children if k.dep_ == "cc" and k.i < c.i]
    return bool(cc) and any(
        k.dep_ == "conj" and k.pos_ in {"VERB", "AUX"} and c.i < k.i and (conj is None or k is conj) for k in t.children
    )


#: Prepositions whose object is what an act concerns, not when it was done ("convicted in", "charged for").
_CONCERNING = frozenset({"in", "for", "over", "with", "about", "into"})
#: Those whose object's own dates are what an act concerns ("charged for the shooting on …", "an
#: investigation into the crash on …"); not "in", which may be where ("sentenced in federal court on Monday").
_ABOUT = _CONCERNING - {"in"}


def _dates_what_it_concerns(node: Token, c: Token) -> bool:
    """Whether ``c`` is a preposition of the noun an act concerns: "charged … for the fatal shooting on
    Oct. 20, 2014" dates the shooting, not the charge."""
    return node.dep_ == "pobj" and node.head.lower_ in _ABOUT and c.dep_ == "prep" and node.lemma_ not in _TIME_NOUNS


def _dates_its_object(node: Token, c: Token) -> bool:
    """Whether ``c`` is a date set before the noun ``node`` that a preposition of concern governs:
    "convicted in the 2013 Boston Marathon bombing" dates the bombing, not the conviction ("testified
    at the May 7 hearing", "during the 2016 campaign" keep theirs)."""
    return (
        node.dep_ == "pobj"
        and node.head.lower_ in _CONCERNING
        and c.dep_ in {"nummod", "compound", "amod"}
        and c.i < node.i
        and node.lemma_ not in _TIME_NOUNS
        and node.ent_type_ != "DATE"
    )


def to_facts(doc: Document, found: Found, labels: dict[str, str]) -> tuple[Entity, list[Fact]]:
    """An event's entity and facts, each with its evidence and the rule's confidence."""
    r, t, sent = found.rule, found.trigger, found.sentence
    start = sent.start(t)
    when = found.date.value if found.several and found.date is not None else ""
    occurrence = hashlib.sha256(f"{doc.id}|{start}|{when}".encode()).hexdigest()[:12]  # one node per trigger (and date)
    key = f"event-{r.cls.lower()}-{occurrence}"
    who = ", ".join(dict.fromkeys(labels.get(m.key, m.text) for m in found.actors))  # (each once)
    what = ", ".join(dict.fromkeys(labels.get(m.key, m.text) for m in found.objects))
    label = _human(r.cls) + (f" by {who}" if who else "") + (f": {what}" if what else "")
    trig = (start, sent.end(t))
    core = [trig, *((m.start, m.end) for m in (*found.actors, *found.objects))]
    rule = f"grammar:{r.name}"

    def fact(p: str, o: Ref | Lit | Kind, spans: list[tuple[int, int]]) -> Fact:
        return Fact(key, p, o, evidence(doc, spans), rule, confidence=found.confidence)

    facts = [fact("type", Kind(r.cls), core), fact("label", Lit(label), core)]
    facts += [fact("actor", Ref(m.key), [trig, (m.start, m.end)]) for m in found.actors]
    facts += [fact("object", Ref(m.key), [trig, (m.start, m.end)]) for m in found.objects]
    d = found.date
    if d is not None:
        spans = [*core, (d.start, d.end)]
        if d.end_value is not None:
            facts += [fact("begin", date_lit(d.value), spans), fact("end", date_lit(d.end_value), spans)]
        elif d.relation in {"after", "since"}:
            facts.append(fact("earliest", date_lit(d.value), spans))
        elif d.relation == "on":
            facts.append(fact("date", date_lit(d.value), spans))
    return Entity(key=key, kind=r.cls, label=label), facts


def _human(cls: str) -> str:
    """ "EmergencyDeclaration" → "Emergency declaration"."""
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in cls).split()
    return " ".join(words).capitalize()


def evidence(doc: Document, spans: list[tuple[int, int]]) -> Evidence:
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    a, b = doc.to_stored(start, end)
    return Evidence(doc.id, a, b, doc.stored[a:b])
