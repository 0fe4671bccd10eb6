"""Dates the parse does not settle: a date stands only in its fact's own clause.

The pattern rules date an event, a statistic or a tenure by the nearest date of its sentence; the
parse says whose clause the date is in. A date in another clause ("… after the city switched its
source in April 2014, according to the Commission"), one year of a list ("in 2018 and 2021 for a
total of …"), or a date under a verb that takes no office ("nominated by President Obama on March
4") is dropped; a date in another sentence (a message's "Sent:" line) or a field line stays, an
anchor the rules chose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.dates import DateMention
from kg.extract.checks import Tokens, token_key
from kg.model import Document, Evidence, Fact, Mention, Ref
from kg.quantities import TIME_UNITS
from kg.resolve import DATE_PREDICATES

if TYPE_CHECKING:
    from spacy.tokens import Token


def loose_tenures(
    doc: Document,
    tokens: Tokens,
    facts: list[Fact],
    mentions: list[Mention],
    dates: list[DateMention],
    verbs: frozenset[str],
) -> set[str]:
    """Pattern-rule tenures dated by a date of another event: a tenure's date stands only where the
    parse puts it under a verb of taking, holding or leaving office (``[positions] tenure_verbs``)
    whose subject is the post's holder. "She was nominated by President Barack Obama on March 4,
    2013" dates a nomination, not Obama's presidency. The keys of the tenures to drop."""
    holder = {
        f.subject: f.obj.key for f in facts if f.rule == "tenure" and f.predicate == "member" and isinstance(f.obj, Ref)
    }
    dated = {f.subject: f.evidence for f in facts if f.rule == "tenure" and f.predicate in {"begin", "end"}}
    spans = [(*doc.to_stored(m.start, m.end), m.key) for m in mentions]
    stored = [doc.to_stored(d.start, d.end) for d in dates]
    bad = set()
    for key, ev in dated.items():
        when = [t for a, b in stored if ev.start <= a and b <= ev.end for t in tokens.within(a, b)]
        verb = _governing_verb(when[0]) if when else None
        if verb is None:
            continue  # no clause: an infobox's or a field's line ("Term Start: December 6, 2017")
        if verb.lemma_.lower() not in verbs:
            bad.add(key)
            continue
        words = [tokens.span(w) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for w in c.subtree]
        if not any(k == holder.get(key) and any(a < e and s < b for a, b in words) for s, e, k in spans):
            bad.add(key)
    return bad


_TO_VERB = frozenset({"pobj", "prep", "npadvmod", "nummod", "compound", "appos", "conj", "cc", "punct"})


def _governing_verb(t: Token) -> Token | None:
    """The verb whose clause holds ``t``, reached through prepositions and nouns only."""
    node = t
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.dep_ not in _TO_VERB and node.pos_ not in {"PROPN", "NUM", "NOUN", "ADP"}:
            return None
    return None


def loose_event_dates(doc: Document, tokens: Tokens, facts: list[Fact], dates: list[DateMention]) -> set[int]:
    """Dates the pattern rules gave their events by nearness: a date stands only where the parse
    puts it in the event's own clause, under its words ("… after the city switched its source in April
    2014, according to the Commission" does not date the Commission's saying). The indexes in ``facts``."""
    cores = {f.subject: f.evidence for f in facts if f.predicate == "type" and f.rule.startswith("event:")}
    stored = [doc.to_stored(d.start, d.end) for d in dates]
    bad = set()
    for i, f in enumerate(facts):
        core = cores.get(f.subject)
        if core is None or f.predicate not in DATE_PREDICATES or not f.rule.startswith("event:"):
            continue
        words = _date_words(tokens, stored, f.evidence, core)
        if not words:
            continue  # the date is among the event's own words ("the May 7 announcement")
        inside = {token_key(t) for t in tokens.within(core.start, core.end)}
        if any(d == id(words[0].doc) for d, _ in inside) and not _reaches(words[0], inside):
            bad.add(i)  # (a date in another sentence, a message's "Sent:" line, is an anchor the rules chose)
    return bad


def loose_statistic_dates(doc: Document, tokens: Tokens, facts: list[Fact], dates: list[DateMention]) -> set[int]:
    """Dates the pattern rules gave statistics by nearness: a date stands where the parse puts it
    and the number in one clause, and it is not one of a list ("settled the suits in 2018 and 2021
    for a total of $900 million" dates the total by neither year). The indexes in ``facts``."""
    values = {f.subject: f.evidence for f in facts if f.predicate == "value" and f.rule == "statistic"}
    stored = [doc.to_stored(d.start, d.end) for d in dates]
    bad = set()
    clauses: list[tuple[str, int, tuple[int, int] | None]] | None = None  # each date's parse and verb, once
    for i, f in enumerate(facts):
        value = values.get(f.subject)
        if value is None or f.predicate not in DATE_PREDICATES or f.rule != "statistic":
            continue
        number = tokens.amount(value)
        date_at = _date_span(stored, f.evidence, value)
        words = tokens.within(*date_at) if date_at else []
        if number is None or date_at is None or not words:
            continue
        if (_SPAN_OF.fullmatch(value.quote) and not _dates_its_noun(number, words[0])) or _COLON.search(
            doc.stored, value.end, date_at[0]
        ) is not None:
            # "the jury in Cruz's three-month penalty trial voted 9-3 on Oct. 13": a length, of the
            # trial, dates nothing, but what the trial's own words date ("the 10-month period from
            # March 1, 2017, to …"); "two mass shootings occurred …: the January 6, 2017, shooting …
            # and the …": a date of one of the things counted, listed after a colon
            bad.add(i)
            continue
        own_words = {w.i for w in words}  # "between May and June 2018" is one date, a range
        listed = any(
            (w.dep_ == "conj" and w.head.i not in own_words)
            or any(c.dep_ == "conj" and c.i not in own_words for c in w.children)
            for w in words
        )
        verb = _key(_governing_verb(number))
        if listed or _key(_governing_verb(words[0])) != verb:
            bad.add(i)
            continue
        # "Today we mourn the two teachers murdered … on May 24, 2022", the parse hanging both dates
        # on "mourn": two days in the number's clause, and the parse does not say which is its
        if clauses is None:
            clauses = [
                (d.value, id(w[0].doc), _key(_governing_verb(w[0])))
                for d, (a, b) in zip(dates, stored, strict=True)
                if (w := tokens.within(a, b))
            ]
        in_clause = {v for v, parsed, key in clauses if parsed == id(number.doc) and key == verb}
        if len(in_clause) > 1 or _dated_apart(number) or _in_an_apposition(number) or _beside_the_act(number):
            bad.add(i)
    return bad


def _beside_the_act(number: Token) -> bool:
    """Whether the number counts what a preposition sets beside the verb's object, not its doer or what
    it acts on: "issued a report today for each of the 47 victims" dates the report, not the victims'
    deaths. (Set beside the verb itself, "sentenced to three years on Sept. 27", it is dated.)"""
    node = number
    while node.dep_ in {"nummod", "quantmod", "compound", "amod"} and node.head.i != node.i:
        node = node.head
    while node.dep_ == "pobj" and node.head.i != node.i:
        prep = node.head
        owner = prep.head
        if prep.lower_ != "of" and prep.dep_ == "prep" and owner.dep_ == "dobj" and owner.head.pos_ in {"VERB", "AUX"}:
            return True
        node = owner
    return False


_COLON = re.compile(r":(?=\s)")  # (not a time's: "8:55 pm")
#: A length of time set before its noun: "a three-month trial", "15-month investigation".
_SPAN_OF = re.compile(rf"\S+-(?:{TIME_UNITS})", re.I)


def _dates_its_noun(number: Token, date: Token) -> bool:
    """Whether the date stands among the words of the noun a length of time is set before ("the
    10-month period from March 1, 2017, to …")."""
    noun = number
    while noun.dep_ in {"nummod", "quantmod", "compound", "amod", "npadvmod"} and noun.head.i != noun.i:
        noun = noun.head
    if date.doc is not noun.doc or not noun.left_edge.i <= date.i <= noun.right_edge.i:
        return False
    node = date  # "a three-month extension of the Sept. 15 deadline": the deadline's date, set before it
    while node.i != noun.i and node.head.i != node.i:
        premodifier = node.dep_ in {"compound", "nummod", "amod", "npadvmod", "nmod"} and node.head.i > node.i
        if premodifier and node.head.i != noun.i and node.head.ent_type_ != "DATE":
            return False
        node = node.head
    return True


def _in_an_apposition(number: Token) -> bool:
    """Whether the number stands in an apposition on its way up to its verb: "issued an order in
    Raimey v. Wright, No. 14-CV-461, one of the more than 1,000 cases being managed": what the
    apposition says of the case holds apart from when the order was issued."""
    node = number
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.dep_ == "appos":
            return True
        node = node.head
    return False


def _dated_apart(number: Token) -> bool:
    """Whether what the number counts carries its own dated clause ("the two teachers murdered … on
    May 24, 2022", "the 19 children who died in 2022"): the count is of that event, not the main clause's."""
    noun = number.head if number.dep_ in {"nummod", "quantmod", "compound"} else number
    nouns = {noun, *(c for c in noun.children if c.dep_ == "conj")}
    if noun.dep_ == "conj":
        nouns.add(noun.head)
        nouns |= {c for c in noun.head.children if c.dep_ == "conj"}
    return any(
        c.dep_ in {"acl", "relcl"} and any(w.ent_type_ == "DATE" for w in c.subtree) for n in nouns for c in n.children
    )


def _date_words(tokens: Tokens, stored: list[tuple[int, int]], ev: Evidence, own: Evidence) -> list[Token]:
    """The words of the last date the evidence ``ev`` holds outside the fact's own words ``own``."""
    found = _date_span(stored, ev, own)
    return tokens.within(*found) if found else []


def _date_span(stored: list[tuple[int, int]], ev: Evidence, own: Evidence) -> tuple[int, int] | None:
    """The last date the evidence ``ev`` holds outside the fact's own words ``own``, in the stored text."""
    found = [(a, b) for a, b in stored if ev.start <= a and b <= ev.end and not (own.start <= a and b <= own.end)]
    return found[-1] if found else None


def _key(t: Token | None) -> tuple[int, int] | None:
    return None if t is None else token_key(t)


def _reaches(t: Token, inside: set[tuple[int, int]]) -> bool:
    """Whether ``t``'s heads reach a word ``inside`` before any other verb than an infinitive the
    event's verb governs ("ordered the government to reunify families on June 26": the parse may
    hang the date on either)."""
    node = t
    while node.head.i != node.i:
        node = node.head
        if token_key(node) in inside:
            return True
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "xcomp":
            return False
    return False
