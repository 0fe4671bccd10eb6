"""Parse checks on what the pattern rules found: a statistic stands only where the parse reads
its number as a count.

A number is not a count when the parse puts it inside a name ("Region 9", "Title 42"), reads it
as an ordinal or a date, or when what it "counts" is a word of change ("a 20 percent increase":
the increase is not what is counted). A bound written as a sign ("<6") is not an exact count.
The words of change are data (``[statistics] not_counted`` in the grammar).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract.parse import Parse, is_headline
from kg.model import Document, Fact, Lit, Mention, Ref

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Entity types of the model whose numbers are parts of names or times, not counts.
_NAMED = frozenset({"ORDINAL", "ORG", "FAC", "GPE", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"})
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b")
#: Nouns a number measures in, not counts: "25 percent of Americans" counts Americans.
_UNITS = frozenset({"percent", "%", "dollar", "million", "billion", "trillion", "thousand", "hundred", "percentage"})
_SIGNS = ("<", ">", "≤", "≥", "=<", ">=")


def misread_statistics(doc: Document, parse: Parse, facts: list[Fact], not_counted: frozenset[str]) -> set[str]:
    """The keys of statistics whose number the parse does not read as a count."""
    values = {f.subject: f for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)}
    counted = {f.subject: f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    qualifier = {f.subject: f.obj.value for f in facts if f.predicate == "qualifier" and isinstance(f.obj, Lit)}
    if not values:
        return set()
    tokens = _stored_tokens(doc, parse)
    bad: set[str] = set()
    for key, f in values.items():
        ev = f.evidence
        nums = [t for a, b, t in tokens if ev.start <= a and b <= ev.end and (t.like_num or t.pos_ == "NUM")]
        if not nums:
            continue  # the parse has no word for it (a sentence too long to parse): the rule stands
        n = nums[0]
        head_noun = counted.get(key, "").split()[-1:] or [""]
        before = doc.stored[max(0, ev.start - 2) : ev.start].strip()
        in_date = n.ent_type_ in {"DATE", "TIME"} and (
            bool(re.fullmatch(r"1[89]\d\d|20\d\d", n.text))
            or (any(_MONTHS.fullmatch(w.text) for w in n.sent) and any(_MONTHS.fullmatch(w.text) for w in _ent_of(n)))
        )
        noun = n.head if n.dep_ in {"nummod", "quantmod", "compound"} else n
        if (
            in_date
            or n.ent_type_ in _NAMED
            or _negated(n)
            or (
                noun is not n
                and noun.pos_ in {"NOUN", "PROPN"}
                and noun.lemma_.lower() not in _UNITS
                and counted.get(key)
                and noun.text not in counted[key]
            )
            or (n.head.pos_ == "PROPN" and n.head.i < n.i and n.dep_ in {"nummod", "appos", "compound", "npadvmod"})
            or _after_a_name_word(n)
            or head_noun[0].lower() in not_counted
            or (qualifier.get(key) == "exact" and before.endswith(_SIGNS))
        ):
            bad.add(key)
    return bad


def _negated(t: Token) -> bool:
    """The number stands under a negated verb ("did not provide a list of 40 names")."""
    node = t
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "neg" for c in node.children)
    return False


def loose_statistic_links(doc: Document, parse: Parse, facts: list[Fact], mentions: list[Mention]) -> set[int]:
    """The ``about`` links of pattern-rule statistics to an organisation outside the number's own
    phrase: "VA said 40 veterans died" is not a count about VA. (A policy or a report the sentence
    is about stays: "25 percent of Americans supported the policy".) Their indexes in ``facts``."""
    tokens = _stored_tokens(doc, parse)
    where = {(id(t.doc), t.i): (a, b) for a, b, t in tokens}
    spans = [(*doc.to_stored(m.start, m.end), m.key) for m in mentions]
    orgs = {m.key for m in mentions if m.kind in {"Agency", "Organization"}}
    values = {f.subject: f.evidence for f in facts if f.predicate == "value" and f.rule == "statistic"}
    bad: set[int] = set()
    for i, f in enumerate(facts):
        if f.predicate != "about" or f.rule != "statistic" or not isinstance(f.obj, Ref) or f.subject not in values:
            continue
        if f.obj.key not in orgs:
            continue
        num = values[f.subject]
        nums = [t for a, b, t in tokens if num.start <= a and b <= num.end and (t.like_num or t.pos_ == "NUM")]
        if not nums:
            continue
        n = nums[0]
        noun = n.head if n.dep_ in {"nummod", "quantmod", "compound"} else n
        phrase = [where[(id(w.doc), w.i)] for w in noun.subtree]
        a, b = min(x for x, _ in phrase), max(y for _, y in phrase)
        if not any(s >= a and e <= b for s, e, key in spans if key == f.obj.key):
            bad.add(i)
    return bad


def _stored_tokens(doc: Document, parse: Parse) -> list[tuple[int, int, Token]]:
    out = []
    for sent in parse:
        for t in sent.doc:
            a, b = doc.to_stored(sent.start(t), sent.end(t))
            out.append((a, b, t))
    return out


def unasserted_events(doc: Document, parse: Parse, facts: list[Fact], blocked: Callable[[Token], bool]) -> set[str]:
    """Pattern-rule events whose verb the parse reads as negated, modal or only planned
    ("will hold a hearing", "did not sign"): what has not happened is not an event."""
    types = [f for f in facts if f.predicate == "type" and f.rule.startswith("event:")]
    if not types:
        return set()
    tokens = _stored_tokens(doc, parse)
    bad: set[str] = set()
    for f in types:
        ev = f.evidence
        verbs = [t for a, b, t in tokens if ev.start <= a and b <= ev.end and t.pos_ == "VERB"]
        if verbs and all(blocked(v) for v in verbs):
            bad.add(f.subject)
    return bad


def _ent_of(t: Token) -> list[Token]:
    """The words of the named entity ``t`` is in."""
    for ent in t.doc.ents:
        if ent.start <= t.i < ent.end:
            return list(ent)
    return [t]


def _after_a_name_word(n: Token) -> bool:
    """ "Region 9", "Title 42", "Building 3": a number right after a capitalised noun inside a sentence."""
    if n.i == n.sent.start:
        return False
    prev = n.doc[n.i - 1]
    return prev.i > n.sent.start and prev.pos_ in {"PROPN", "NOUN"} and prev.text[:1].isupper()


def unsaid_claims(
    doc: Document, parse: Parse, facts: list[Fact], verbs: dict[str, str], blocked: Callable[[Token], bool]
) -> list[tuple[int, int]]:
    """The text of pattern-rule claims whose reporting verb the parse reads as negated or modal
    ("X did not say that …"): nobody claimed it."""
    texts = {f.subject: f.evidence for f in facts if f.rule == "claim" and f.predicate == "text"}
    types = [f for f in facts if f.rule == "claim" and f.predicate == "type" and f.subject in texts]
    if not types:
        return []
    tokens = _stored_tokens(doc, parse)
    out = []
    for f in types:
        ev, content = f.evidence, texts[f.subject]
        said = [
            t
            for a, b, t in tokens
            if ev.start <= a and b <= ev.end and not (content.start <= a < content.end) and t.lemma_.lower() in verbs
        ]
        if said and all(blocked(t) for t in said):
            out.append((content.start, content.end))
    return out


def misattributed_claims(
    doc: Document, parse: Parse, facts: list[Fact], mentions: list[Mention]
) -> list[tuple[int, int]]:
    """The text of pattern-rule claims whose attribution the parse gives to someone else: the
    verb before the words said has a named subject that is not the claimant ("… alleges in the
    indictment that Nassar received …" is not Nassar's claim)."""
    texts = {f.subject: f.evidence for f in facts if f.rule == "claim" and f.predicate == "text"}
    claimant = {
        f.subject: f.obj.key
        for f in facts
        if f.rule == "claim" and f.predicate == "claimant" and isinstance(f.obj, Ref)
    }
    types = [f for f in facts if f.rule == "claim" and f.predicate == "type" and f.subject in texts]
    if not types:
        return []
    tokens = _stored_tokens(doc, parse)
    where = {(id(t.doc), t.i): (a, b) for a, b, t in tokens}
    # A post speaks for its holder or its organisation, which the pattern rules resolve: not checked.
    spans = [(*doc.to_stored(m.start, m.end), m.key) for m in mentions if m.kind != "Position"]
    out = []
    for f in types:
        ev, content, who = f.evidence, texts[f.subject], claimant.get(f.subject)
        verbs = [
            t
            for a, b, t in tokens
            if ev.start <= a and b <= ev.end and not (content.start <= a < content.end) and t.pos_ == "VERB"
        ]
        subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if not subjects:
            continue
        named = [key for sub in subjects for s, e, key in spans if s <= where[(id(sub.doc), sub.i)][0] < e]
        if named and who not in named:
            out.append((content.start, content.end))
    return out


def cut_titles(doc: Document, facts: list[Fact], mentions: list[Mention]) -> set[int]:
    """Posts read from a title the text goes on with ("Darren Deering, Chief of Staff" is no
    "Chief"), where what follows "of" is no organisation the text names ("Chair of the Council …"
    is the Chair, of the Council): the indexes of those ``holds`` facts in ``facts``."""
    starts = {doc.to_stored(m.start, m.end)[0] for m in mentions if m.kind in {"Agency", "Organization"}}
    out = set()
    for i, f in enumerate(facts):
        if f.predicate != "holds" or f.rule != "name-title":
            continue  # only "Name, Title" ends with the title; "Title Name of X" names an affiliation
        tail = re.match(r" of (?:the )?(?=[A-Z])", doc.stored[f.evidence.end : f.evidence.end + 9])
        if tail is not None and f.evidence.end + tail.end() not in starts:
            out.add(i)
    return out


#: What a headline cannot settle: who holds what, who said or did what, what is part of what.
_RELATIONAL = frozenset({"holds", "postIn", "subOrganizationOf", "claimant", "actor", "object", "about", "expresses"})


def headline_facts(doc: Document, parse: Parse, facts: list[Fact]) -> set[int]:
    """Pattern-rule relations read from a line set in Title Case ("Durbin Questions FBI Director
    Wray And Inspector General …", "FBI's Dereliction of Duty"): a headline's capitals make names of
    every word, so who did what there is not settled. Their indexes in ``facts``."""
    lines = [doc.to_stored(s.offset, s.offset + len(s.doc.text)) for s in parse if is_headline(s.doc)]
    if not lines:
        return set()
    return {
        i
        for i, f in enumerate(facts)
        if f.predicate in _RELATIONAL
        and not f.rule.startswith("grammar:")
        and any(a <= f.evidence.start and f.evidence.end <= b for a, b in lines)
    }
