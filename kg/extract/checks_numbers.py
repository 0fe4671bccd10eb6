"""Parse checks on statistics: a number stands as a count only where the parse reads it as one.

Not inside a name ("Region 9", "Title 42"), not an ordinal or a date, not a bound written as a sign
("<6"), not under a negated verb, not counting a word of change ("a 20 percent increase"; the words
are data, ``[statistics] not_counted`` in the grammar) or another noun than the parse's; a statistic
is about an organisation only inside its own phrase; a part of a count ("Three of those seven
officials") counts what its whole counts.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from kg.extract.checks import Tokens
from kg.model import PEOPLE, Document, Evidence, Fact, Lit, Mention, Ref

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Entity types of the model whose numbers are parts of names or times, not counts.
_NAMED = frozenset({"ORDINAL", "ORG", "FAC", "GPE", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"})
_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b")
#: Nouns a number measures in, not counts: "25 percent of Americans" counts Americans.
_UNITS = frozenset({"percent", "%", "dollar", "million", "billion", "trillion", "thousand", "hundred", "percentage"})
_SIGNS = ("<", ">", "≤", "≥", "=<", ">=")


def _counted_noun(n: Token) -> Token:
    """The noun a number modifies ("40 veterans"), or the number itself."""
    return n.head if n.dep_ in {"nummod", "quantmod", "compound"} else n


def misread_statistics(
    doc: Document, tokens: Tokens, facts: list[Fact], not_counted: frozenset[str], alone: frozenset[str] = frozenset()
) -> set[str]:
    """The keys of statistics whose number the parse does not read as a count (``alone``: counted words that
    count nothing on their own, "100% of the time")."""
    values = {f.subject: f for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)}
    counted = {f.subject: f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    qualifier = {f.subject: f.obj.value for f in facts if f.predicate == "qualifier" and isinstance(f.obj, Lit)}
    units = {f.subject for f in facts if f.predicate == "unit"}
    labels = {f.subject: f.obj.value for f in facts if f.predicate == "label" and isinstance(f.obj, Lit)}
    # a number with neither unit nor counted words left ("three" of "three important coal mining
    # states", the parse reading "coal" as no noun): it says nothing a reader could check
    bad: set[str] = {k for k in values if k not in units and k not in counted and _BARE.fullmatch(labels.get(k, ""))}
    names = _name_numbers(tokens)
    for key, f in values.items():
        ev = f.evidence
        n = tokens.number(ev)
        if n is None:
            continue  # the parse has no word for it (a sentence too long to parse): the rule stands
        head_noun = counted.get(key, "").split()[-1:] or [""]
        before = doc.stored[max(0, ev.start - 2) : ev.start].strip()
        in_date = n.ent_type_ in {"DATE", "TIME"} and (
            bool(re.fullmatch(r"1[89]\d\d|20\d\d", n.text))
            or (any(_MONTHS.fullmatch(w.text) for w in n.sent) and any(_MONTHS.fullmatch(w.text) for w in _ent_of(n)))
        )
        noun = _counted_noun(n)
        if (
            in_date
            or n.ent_type_ in _NAMED
            or _negated(n)
            or _counterfactual(n)
            or (
                noun is not n
                and noun.pos_ in {"NOUN", "PROPN"}
                and noun.lemma_.lower() not in _UNITS
                and counted.get(key)
                and noun.text not in counted[key]
                and not _measure_of(noun, counted[key])
            )
            or (n.head.pos_ == "PROPN" and n.head.i < n.i and n.dep_ in {"nummod", "appos", "compound", "npadvmod"})
            or _after_a_name_word(n, tokens)
            or (n.text in names and len(n.text) >= 3)  # "737", "302"; a 4 or a 5 recurs by chance
            or head_noun[0].lower() in not_counted
            or counted.get(key, "").lower() in alone
            or (qualifier.get(key) == "exact" and before.endswith(_SIGNS))
            or _DOT_LEADER.search(doc.stored, max(0, ev.start - 12), ev.start) is not None
            or _ordinal_of_a_name(n)
            or (qualifier.get(key) == "approximate" and _about_as_a_preposition(n))
        ):
            bad.add(key)
    return bad


def _about_as_a_preposition(n: Token) -> bool:
    """ "deceptive statements about two safety related issues": the parse's "about" is the noun's
    preposition (concerning), not the number's "approximately", which the pattern read it as."""
    if n.i < 2:
        return False
    before = n.doc[n.i - 1]
    if before.lower_ != "about":
        return False
    # (where a line break splits the phrase the parse may read "about" as the number's: a plural noun
    # right before it, "statements about", says it is the noun's; not "in office about six months")
    return (before.dep_ == "prep" and before.head.i != n.i) or n.doc[n.i - 2].tag_ == "NNS"


def _measure_of(noun: Token, counted: str) -> bool:
    """ "50,000 tons of bridge wreckage": the number counts a measure of what its "of" names."""
    return any(p.lower_ == "of" and any(o.text in counted for o in p.children if o.dep_ == "pobj")
               for p in noun.children if p.dep_ == "prep")  # fmt: skip


#: A table of contents' dot leader before a page number: "Chairwoman, Subcommittee ......... 4".
_DOT_LEADER = re.compile(r"\.{3,}[ \t]*$")


def _ordinal_of_a_name(n: Token) -> bool:
    """A number right before a singular proper noun it modifies ("[House Hearing, 116 Congress]"):
    the name's ordinal, not a count, which counts a plural ("12 Senators", "22 Inspectors General")."""
    return n.dep_ == "nummod" and n.head.i == n.i + 1 and n.head.tag_ == "NNP" and n.lower_ not in {"1", "one"}


def _counterfactual(t: Token) -> bool:
    """The number stands in what a verb in the past of what did not happen did: "might have
    prosecuted just 10 defendants", "would have cost $5 million" ("could have received as much as 15
    years" is the most the law allowed; "could face up to 20 years" stands; "the spill that fouled rivers
    in three states would have been avoided": the number is in its subject, which happened)."""
    node = t
    while node.head.i != node.i:
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
            return bool(aux & {"might", "would", "should"}) and "have" in aux and node.tag_ == "VBN"
    return False


def _negated(t: Token) -> bool:
    """The number stands under a negated verb ("did not provide a list of 40 names")."""
    node = t
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "neg" for c in node.children)
    return False


def loose_statistic_links(doc: Document, tokens: Tokens, facts: list[Fact], mentions: list[Mention]) -> set[int]:
    """The ``about`` links of pattern-rule statistics to an organisation or a report outside the
    number's own phrase: "VA said 40 veterans died" is not a count about VA, nor "in our review, we
    identified 120 individuals" one about the review. (A policy the sentence is about stays: "25
    percent of Americans supported the policy".) Their indexes in ``facts``."""
    spans = [(*doc.to_stored(m.start, m.end), m.key) for m in mentions]
    orgs = {m.key for m in mentions if m.kind != "Policy"}  # (a group too: "six family members" of a forum)
    reports = {m.key for m in mentions if m.kind == "Report"}
    values = {f.subject: f.evidence for f in facts if f.predicate == "value" and f.rule == "statistic"}
    bad: set[int] = set()
    for i, f in enumerate(facts):
        if f.predicate != "about" or f.rule != "statistic" or not isinstance(f.obj, Ref) or f.subject not in values:
            continue
        if f.obj.key not in orgs:
            continue
        n = tokens.amount(values[f.subject])
        if n is None:
            continue
        noun = _counted_noun(n)
        phrase = [tokens.span(w) for w in noun.subtree]
        a, b = min(x for x, _ in phrase), max(y for _, y in phrase)
        inside = [(s, e) for s, e, key in spans if key == f.obj.key and s >= a and e <= b]
        if inside and not all(_under_a_verb(tokens, s, e, noun) for s, e in inside):
            continue
        if f.obj.key in reports and _subject_of_its_verb(noun, f.obj.key, spans, tokens):
            continue  # "Our report includes 36 findings": what the report holds
        bad.add(i)
    return bad


def _under_a_verb(tokens: Tokens, start: int, end: int, noun: Token) -> bool:
    """Whether the mention at ``[start, end)`` hangs from the counted noun through a verb: "six felony
    counts of … obstructing the NTSB's investigation", "eighteen wildfires, twelve of which CAL FIRE
    referred" count no thing about the NTSB or CAL FIRE."""
    words = tokens.within(start, end)
    if not words:
        return False
    node = words[-1]
    while node.head.i != node.i and node.i != noun.i:
        node = node.head
        if node.i != noun.i and (node.pos_ in {"VERB", "AUX"} or node.dep_ == "conj"):
            return True  # (or through another noun joined to it: "three transcripts and two DHS memoranda")
    return False


def _subject_of_its_verb(noun: Token, key: str, spans: list[tuple[int, int, str]], tokens: Tokens) -> bool:
    """Whether the mention ``key`` is the subject of the verb the counted noun is the object of."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "36 findings and 44 recommendations"
    verb = noun.head
    if noun.dep_ not in {"dobj", "pobj", "attr"} or verb.pos_ not in {"VERB", "AUX", "ADP"}:
        return False
    if verb.pos_ == "ADP":
        verb = verb.head  # "case reviews of 45 patients": up through the preposition's noun
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            a, b = tokens.span(c)
            if any(s <= b and a <= e for s, e, k in spans if k == key):
                return True
    return False


def misread_counted(tokens: Tokens, facts: list[Fact], mentions: list[Mention], doc: Document) -> list[Fact]:
    """``facts`` less the counted words of pattern-rule statistics that the parse reads as no noun
    phrase the number counts: a verb ("$20 million builds on …"), a person's name ("$4.0 million
    Hyde-Smith secured"), or an adjective cut from its noun ("75 percent federal funding"). The
    statistic stands with its number, labelled without them."""
    people = [doc.to_stored(m.start, m.end) for m in mentions if m.kind in PEOPLE]
    cut: dict[str, str] = {}  # a statistic's label, its counted words cut
    counted_to: dict[str, tuple[str, str]] = {}  # its counted words and label, cut short (or carried on)
    widened: dict[str, tuple[Evidence, Evidence]] = {}  # its evidence, carried on to the noun
    for f in facts:
        if f.predicate != "counted" or f.rule != "statistic" or not isinstance(f.obj, Lit):
            continue
        ev, counted = f.evidence, f.obj.value
        if not ev.quote.endswith(counted):
            continue
        start = ev.end - len(counted)
        words = tokens.within(start, ev.end)
        if not words:
            continue
        last = words[-1]
        after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
        verbs = [  # (not what befell them: "150 buildings damaged or destroyed")
            i
            for i, w in enumerate(words)
            if w.pos_ in {"VERB", "AUX"}
            and w.dep_ not in {"amod", "compound", "nmod"}
            and not (w.tag_ == "VBN" and w.dep_ in {"acl", "conj"})
        ]
        noun = last.head
        if (
            last.pos_ == "ADJ"
            and after is not None
            and after.dep_ == "cc"
            and noun.pos_ == "NOUN"
            and after.i < noun.i <= after.i + 5
            and all(w.dep_ in {"cc", "conj", "amod", "compound"} for w in last.doc[after.i : noun.i])
        ):
            # "4.2 million current and former federal employees": the adjectives joined before the noun
            # are the counted words' own, through the noun
            end = tokens.span(noun)[1]
            counted_to[f.subject] = (doc.stored[start:end], doc.stored[ev.start : end])
            widened[f.subject] = (ev, dataclasses.replace(ev, end=end, quote=doc.stored[ev.start : end]))
        elif verbs and verbs[0] > 0 and not any(a <= start and ev.end <= b for a, b in people):
            # "81% of the student population comes from …": the phrase ends before the verb
            end = tokens.span(words[verbs[0] - 1])[1]
            counted_to[f.subject] = (doc.stored[start:end], ev.quote[: end - ev.start])
        elif (
            verbs
            or any(a <= start and ev.end <= b for a, b in people)
            or (
                last.pos_ in {"ADJ", "NOUN", "PROPN"}
                and after is not None
                and after.pos_ == "NOUN"
                and after == last.head
            )
        ):
            # (and "Robb Elementary School's student" cut from "… student body": no noun phrase whole)
            cut[f.subject] = _OPEN_END.sub("", ev.quote[: len(ev.quote) - len(counted)].rstrip(" ,"))
    if not cut and not counted_to:
        return facts
    out = []
    for f in facts:
        if f.subject in cut and f.predicate == "counted":
            continue
        if f.subject in cut and f.predicate == "label":
            f = dataclasses.replace(f, obj=Lit(cut[f.subject]))
        elif f.subject in counted_to and f.predicate in {"counted", "label"}:
            f = dataclasses.replace(f, obj=Lit(counted_to[f.subject][f.predicate == "label"]))
        if f.subject in widened and f.evidence == widened[f.subject][0]:
            f = dataclasses.replace(f, evidence=widened[f.subject][1])
        out.append(f)
    return out


#: A statistic's label that is its number alone: "three", "about 5.6 million".
_BARE = re.compile(
    r"(?:(?:about|approximately|around|nearly|almost|some|over|more than|fewer than|less than|at least|up to)\s+)?"
    r"[\d.,]*\d[\d.,]*(?:\s+(?:million|billion|thousand))?|[a-z\-]+",
    re.I,
)
#: Words a statistic's label may not end on once its counted words are cut: "about 81% of the".
_OPEN_END = re.compile(r"(?:[ \t]+(?:of|the|these|those|its|their|our|all|a|an))+$")


def partial_counts(tokens: Tokens, facts: list[Fact], text: str) -> tuple[set[int], dict[str, str]]:
    """The ``counted`` of statistics whose counted noun the parse joins to others: "more than 150
    residents, experts and government officials" counts all three, not residents. (A list of counts,
    each noun with its own number, is not: "115 institutions, 6 regional offices, and 2 training
    centers".) The indexes, and each such statistic's label through the last noun joined ("91 state
    troopers and Rangers"), from the stored ``text``."""
    values = {f.subject: f.evidence for f in facts if f.predicate == "value" and f.rule == "statistic"}
    bad = set()
    labels: dict[str, str] = {}
    for i, f in enumerate(facts):
        if f.predicate != "counted" or f.subject not in values:
            continue
        ev = values[f.subject]
        n = tokens.number(ev)
        noun = _counted_noun(n) if n is not None else None
        joined = [c for c in noun.children if c.dep_ == "conj"] if noun is not None and noun is not n else []
        if joined and any(not _numbered(c) for c in joined):
            bad.add(i)
            last = max((w for c in joined for w in c.subtree), key=lambda w: w.i)
            whole = text[ev.start : max(ev.end, tokens.span(last)[1])]
            nouns = all(c.tag_ in {"NNS", "NNPS"} for c in joined)  # plurals: "and supplies water" may be a verb
            if nouns and len(whole) <= len(ev.quote) + 40 and not re.search(r"[.;:\n]\S", whole):
                labels[f.subject] = whole  # (not where the parse runs on past a footnote's mark)
    return bad, labels


def faced_penalties(
    tokens: Tokens, facts: list[Fact], verbs: frozenset[str], nouns: frozenset[str]
) -> set[tuple[str, Evidence]]:
    """The exact statistics of a penalty someone faces at most: "faces a maximum of 20 years in prison
    and a $250,000 fine", "faced up to 65 years …, and a fine of $1.25 million" (the bound said once
    for all). ``verbs``: the lemmas of facing; ``nouns``: a penalty's words, one of which the
    number's phrase holds ("faces a $40 million deficit" is no penalty; a "minimum" is no most;
    "is facing two months in prison" under a plea agreement is what was agreed). Each as its key
    and the evidence of its number (a figure may stand twice, once faced, once imposed)."""
    exact = {(f.subject, f.evidence) for f in facts if f.predicate == "qualifier" and f.obj == Lit("exact")}
    out = set()
    for key, ev in sorted(exact, key=lambda x: (x[1].start, x[0])):
        node = tokens.amount(ev)
        path = []
        while node is not None and node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            path.append(node)
            node = node.head
        words = {w.lower_ for p in path for w in p.subtree}
        if node is None or node.lemma_ not in verbs or node.pos_ != "VERB" or not words & nouns:
            continue
        faced = [w.lower_ for c in node.children if c.dep_ not in {"nsubj", "nsubjpass"} for w in c.subtree]
        bounded = "maximum" in faced or "up to" in " ".join(faced)
        if bounded and not words & {"minimum", "least"}:
            out.add((key, ev))
    return out


def _numbered(noun: Token) -> bool:
    return any(c.dep_ in {"nummod", "quantmod"} or c.like_num for c in noun.children)


def _ent_of(t: Token) -> list[Token]:
    """The words of the named entity ``t`` is in."""
    for ent in t.doc.ents:
        if ent.start <= t.i < ent.end:
            return list(ent)
    return [t]


def _name_numbers(tokens: Tokens) -> frozenset[str]:
    """Numbers the document uses as part of a name somewhere ("Boeing 737", "Flight 302", "Region 5",
    or inside a product's or a law's name): the same number elsewhere ("the 737 MAX family", "302
    victims' families") is the name again more often than a count, and a count is not asserted
    where that is open."""
    return frozenset(
        t.text
        for _, _, t in tokens.items
        if t.pos_ == "NUM" and (_after_a_name_word(t, tokens) or t.ent_type_ in _NAMED - {"ORDINAL"})
    )


def _after_a_name_word(n: Token, tokens: Tokens) -> bool:
    """ "Region 9", "Title 42", "Building 3": a number right after a capitalised noun inside a
    sentence, or in a list of them ("Sections 403, 406, and 407")."""
    if n.i == n.sent.start:
        return False
    prev = n.doc[n.i - 1]
    if prev.i > n.sent.start and prev.pos_ in {"PROPN", "NOUN"} and prev.text[:1].isupper():
        return True
    return bool(_LISTED_AFTER_A_NAME.search(tokens.texts[id(n.doc)], n.sent.start_char, n.idx))


#: "Sections 403, 406, and", "Parts 390 through": what comes before a number listed after a
#: capitalised noun, or ending a range that one opens.
_LISTED_AFTER_A_NAME = re.compile(
    r"(?<=\w )[A-Z][a-z]+[ \t]+\d+(?:(?:[ \t]*,[ \t]*\d+)*[ \t]*,?[ \t]*(?:and|or)[ \t]+"
    r"|[ \t]*(?:through|to|-|–)[ \t]*)$"
)
