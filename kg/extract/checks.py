"""Parse checks on what the pattern rules found: what the parse does not settle is not asserted.

- Statistics are checked in :mod:`kg.extract.checks_numbers`.
- An event whose own verb is negated, modal, only planned or only a purpose is dropped; so is a claim
  whose reporting verb is negated or modal, has a subject that names neither the claimant nor a
  document speaking for it, is no verb at all ("alleged assaults"), or whose words are no clause.
- A post cut before "of", and any relation read from a headline, are dropped.
- Dates are checked in :mod:`kg.extract.dating`.

Each check reads the parse's tokens at their offsets in the stored text (:class:`Tokens`, worked
out once per document), where evidence points.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract.parse import Parse
from kg.extract.patterns import _FINDING, _SPEECH
from kg.model import PEOPLE, Document, Evidence, Fact, Kind, Mention, Ref
from kg.name_patterns import _GOV_HEADS, INITIALED
from kg.sentences import line_around

if TYPE_CHECKING:
    from spacy.tokens import Token


class Tokens:
    """A document's parse tokens with their offsets in the stored text (where evidence points),
    worked out once for all the checks."""

    def __init__(self, doc: Document, parse: Parse) -> None:
        self.items: list[tuple[int, int, Token]] = []
        #: Each sentence's text by its parse (``Doc.text`` joins the tokens anew at each call).
        self.texts: dict[int, str] = {id(sent.doc): sent.text for sent in parse}
        for sent in parse:
            for t in sent.tokens:
                a, b = doc.to_stored(sent.start(t), sent.end(t))
                self.items.append((a, b, t))
        self._starts = [a for a, _, _ in self.items]  # sentences come in text order, tokens too
        self._where = {token_key(t): (a, b) for a, b, t in self.items}

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens inside the stored span ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] <= end:
                out.append(self.items[i][2])
            i += 1
        return out

    def span(self, t: Token) -> tuple[int, int]:
        return self._where[token_key(t)]

    def number(self, ev: Evidence) -> Token | None:
        """The first number the parse reads in the evidence of a statistic, if any."""
        return next((t for t in self.within(ev.start, ev.end) if t.like_num or t.pos_ == "NUM"), None)

    def amount(self, ev: Evidence) -> Token | None:
        """The number of a statistic's evidence, or its first word where the parse reads none as a
        number ("billions of dollars"): where the count stands in the sentence."""
        words = self.within(ev.start, ev.end)
        return next((t for t in words if t.like_num or t.pos_ == "NUM"), words[0] if words else None)


def token_key(t: Token) -> tuple[int, int]:
    """A token's identity: its sentence's parse and its index (spaCy makes a new ``Token`` object
    at each access, so ``is`` tells nothing)."""
    return id(t.doc), t.i


def unasserted_events(
    tokens: Tokens,
    facts: list[Fact],
    blocked: Callable[[Token], bool],
    reporting: frozenset[str],
    triggers: dict[str, frozenset[str]],
) -> set[str]:
    """Pattern-rule events whose verb the parse reads as negated, modal or only planned
    ("will hold a hearing", "did not sign"): what has not happened is not an event. The verb
    that reports it ("said today that the panel will hold a hearing") is not the event's, except
    for the events of saying themselves."""
    types = [f for f in facts if f.predicate == "type" and f.rule.startswith("event:")]
    bad: set[str] = set()
    for f in types:
        verbs = [t for t in tokens.within(f.evidence.start, f.evidence.end) if t.pos_ == "VERB"]
        if f.rule not in _SAYING:
            verbs = [t for t in verbs if t.lemma_.lower() not in reporting]
        own = [t for t in verbs if isinstance(f.obj, Kind) and t.lemma_.lower() in triggers.get(f.obj.name, ())]
        verbs = own or verbs  # the event's own verb where the grammar knows its words ("to protest")
        if verbs and all(blocked(v) for v in verbs):
            bad.add(f.subject)
    return bad


_SAYING = frozenset({"event:Statement", "event:Criticism"})


def unsaid_claims(
    tokens: Tokens, facts: list[Fact], verbs: dict[str, str], blocked: Callable[[Token], bool]
) -> list[tuple[int, int]]:
    """The text of pattern-rule claims whose reporting verb the parse reads as negated or modal
    ("X did not say that …"): nobody claimed it."""
    out = []
    for f, content in _pattern_claims(facts):
        said = [t for t in _attribution(tokens, f.evidence, content) if t.lemma_.lower() in verbs]
        if said and all(blocked(t) for t in said):
            out.append((content.start, content.end))
    return out


def misattributed_claims(
    doc: Document,
    tokens: Tokens,
    facts: list[Fact],
    mentions: list[Mention],
    reporting: frozenset[str],
    sources: frozenset[str],
    post_in: dict[str, str],
) -> list[tuple[int, int]]:
    """The text of pattern-rule claims whose attribution the parse does not give to the claimant:
    the reporting verb has a subject whose phrase names neither the claimant nor a post (which
    speaks for its holder, or for the body it is a post in: "the Governor determined" is no other
    body's claim), and is no document speaking for its author ("the report found").
    "The grand jury alleges in the indictment that Nassar received …" is not Nassar's claim."""
    claimant = {
        f.subject: f.obj.key
        for f in facts
        if f.rule == "claim" and f.predicate == "claimant" and isinstance(f.obj, Ref)
    }
    spans = [(*doc.to_stored(m.start, m.end), m) for m in mentions]
    kinds = {m.key: m.kind for m in mentions}
    post_in = post_in | {f.subject: f.obj.key for f in facts if f.predicate == "postIn" and isinstance(f.obj, Ref)}
    out = []
    for f, content in _pattern_claims(facts):
        who = claimant.get(f.subject)
        attribution = _attribution(tokens, f.evidence, content)
        words = [t for t in attribution if _SPEECH.fullmatch(t.lower_) or _FINDING.fullmatch(t.lower_)]
        # The rule's own word is the one nearest the words said: "X slammed what he called … where
        # alleged sex trafficker Y died, vowing …" reads "alleged", an adjective, not "called".
        before = [t for t in words if tokens.span(t)[0] < content.start and t.pos_ != "PROPN"]  # not "United States"
        words = before[-1:] or words[:1]
        if words and all(t.pos_ not in {"VERB", "AUX"} or t.dep_ in {"amod", "compound"} for t in words):
            out.append((content.start, content.end))  # "alleged assaults": no verb of saying at all
            continue
        verbs = [t for t in attribution if t.pos_ == "VERB" and t.lemma_.lower() in reporting]
        if verbs and all(_passive_without_agent(v) for v in verbs):
            # "defendant was found guilty": found by no one the sentence names
            out.append((content.start, content.end))
            continue
        own = [c for v in verbs for c in _subjects(v)]
        if own and all(c.lower_ == "you" for c in own):
            out.append((content.start, content.end))  # "you stated that …": the addressee said it, no one named
            continue
        subjects = [c for c in own if c.pos_ != "PRON"]
        if own and all(c.lower_ in {"we", "i"} for c in own) and _named_in(who, attribution, tokens, spans):
            # "The Capitol Police and its board are working on procedures, and we recommended …": the
            # one who says "we" is not the body the sentence names before it
            out.append((content.start, content.end))
            continue
        if verbs and not own and _in_a_phrase(who, attribution, tokens, spans):
            # "In a letter to Sens. A and B, Sanders said …" read with no subject of "said": the
            # parse names no speaker, and the nearest name, A or B, is whom the letter went to.
            out.append((content.start, content.end))
            continue
        sourced = [sub for sub in subjects if sub.lemma_.lower() in sources]
        if sourced and _modifies_its_source(who, sourced, tokens, spans):
            # "The Grassley-requested report states …": not the claim of whom the report names
            out.append((content.start, content.end))
            continue
        if not subjects or sourced:
            continue
        lent = [sub for sub in subjects if sub.head not in verbs]
        if any(c.dep_ == "conj" for sub in lent for c in sub.children):
            # "the Boards of A and B voted to recommend, and the Secretary … determined that …": a
            # verb with no subject of its own, after a list, is where the parse most often errs.
            out.append((content.start, content.end))
            continue
        # the subject's own phrase: not an apposition's clause ("DeJoy, a donor appointed to head the
        # Postal Service in June, said": DeJoy's words, not the Postal Service's)
        phrases = [tokens.span(w) for sub in subjects for w in _own_phrase(sub)]
        named = [m for s, e, m in spans if any(s < b and a < e for a, b in phrases)]
        if not any(m.key == who or (m.kind == "Position" and _speaks_for(m.key, who, kinds, post_in)) for m in named):
            out.append((content.start, content.end))
    return out


def _own_phrase(sub: Token) -> list[Token]:
    """The words of a subject's phrase outside the clauses its apposition holds."""
    clauses = [c for a in sub.children if a.dep_ == "appos" for c in a.subtree if c.dep_ in {"acl", "relcl"}]
    inside = {w.i for c in clauses for w in c.subtree}
    return [w for w in sub.subtree if w.i not in inside]


def _modifies_its_source(
    who: str | None, sources: list[Token], tokens: Tokens, spans: list[tuple[int, int, Mention]]
) -> bool:
    """Whether the claimant is named inside the phrase of a document that speaks ("the report
    found") other than as its maker: its possessor ("GAO's report"), a name before it ("the GAO
    report"), or whom it is "by" or "of"."""
    for src in sources:
        for w in src.subtree:
            a, b = tokens.span(w)
            if not any(m.key == who and s < b and a < e for s, e, m in spans):
                continue
            maker = (w.head == src and w.dep_ in {"poss", "compound"}) or (
                w.dep_ == "pobj" and w.head.lower_ in {"by", "of"} and w.head.head == src
            )
            if not maker and w is not src and not any(t.head == src and t.dep_ in {"poss", "compound"}
                                                      for t in w.ancestors if t is not src):  # fmt: skip
                return True
    return False


def _speaks_for(post: str, who: str | None, kinds: dict[str, str], post_in: dict[str, str]) -> bool:
    """Whether a post's words are ``who``'s: a person's (its holder, whom the rule named), or its body's."""
    return who is not None and (kinds.get(who) in PEOPLE or post_in.get(post) == who)


def _named_in(who: str | None, words: list[Token], tokens: Tokens, spans: list[tuple[int, int, Mention]]) -> bool:
    """Whether the claimant's name is among ``words``."""
    named = [(s, e) for s, e, m in spans if m.key == who]
    return any(s <= tokens.span(t)[0] < e for t in words for s, e in named)


def _in_a_phrase(who: str | None, words: list[Token], tokens: Tokens, spans: list[tuple[int, int, Mention]]) -> bool:
    """Whether the claimant's name among ``words`` is a preposition's object, or one of a list that
    is ("a letter to Sens. A and B")."""
    named = [(s, e) for s, e, m in spans if m.key == who]
    for t in words:
        a, b = tokens.span(t)
        if not any(s <= a and b <= e for s, e in named) or any(s <= tokens.span(t.head)[0] < e for s, e in named):
            continue  # not the claimant's name, or not the word its name hangs on
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj":
            return True
    return False


def _passive_without_agent(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"auxpass", "nsubjpass"}) and "agent" not in deps


def _subjects(verb: Token) -> list[Token]:
    """A verb's subjects; a verb joined to another with none of its own ("X reviewed the data and
    concluded that …") has the first verb's."""
    while True:
        own = [c for c in verb.children if c.dep_ == "nsubj"]
        if own or verb.dep_ != "conj" or verb.head is verb:
            return own
        verb = verb.head


def unclausal_claims(doc: Document, tokens: Tokens, facts: list[Fact]) -> list[tuple[int, int]]:
    """The text of pattern-rule claims that is neither a quotation nor a clause the parse can read
    (nor what a verb of saying predicates: "has called [it] criminal"): "identified 35 veterans who
    had died" names what was found, "alleged thefts" qualifies a noun; neither is a proposition
    someone asserted. Nor is the reporting verb's object ("wrote the Vice Chair, calling on him
    …"): it says to whom or what was written, not what was said."""
    out = []
    for f, content in _pattern_claims(facts):
        if content.start > 0 and doc.stored[content.start - 1] in '“"':
            continue
        words = tokens.within(content.start, content.end)
        inside = {token_key(t) for t in words}
        tops = [t for t in words if t.head.i == t.i or token_key(t.head) not in inside]
        if (
            words
            and not any((t.pos_ in {"VERB", "AUX"} or t.dep_ in _PREDICATES) and not _relative(t) for t in tops)
            and not any(_clause(t, inside) for t in words)
        ):
            out.append((content.start, content.end))
        elif any(
            c.dep_ in {"dobj", "dative"} and token_key(c) in inside
            for v in _attribution(tokens, f.evidence, content)
            if v.pos_ == "VERB"
            for c in v.children
        ):
            out.append((content.start, content.end))  # "X wrote the Vice Chair, calling on him …": to whom
    return out


def _pattern_claims(facts: list[Fact]) -> list[tuple[Fact, Evidence]]:
    """The pattern rules' claims: each one's type fact (its evidence spans the attribution and the
    words said) with the evidence of its text (the words said)."""
    texts = {f.subject: f.evidence for f in facts if f.rule == "claim" and f.predicate == "text"}
    return [(f, texts[f.subject]) for f in facts if f.rule == "claim" and f.predicate == "type" and f.subject in texts]


def _attribution(tokens: Tokens, ev: Evidence, content: Evidence) -> list[Token]:
    """The words of a claim's evidence outside the words said: its speaker and its verb."""
    return [t for t in tokens.within(ev.start, ev.end) if not content.start <= tokens.span(t)[0] < content.end]


#: What a verb of saying predicates of its object: "has called [the policy] criminal".
_PREDICATES = frozenset({"oprd", "acomp", "ccomp", "xcomp"})


def _relative(verb: Token) -> bool:
    """A verb whose subject is a relative pronoun ("her legislation that would establish …"): a
    relative clause, wherever the parse attached it."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in verb.children)


def _clause(t: Token, inside: set[tuple[int, int]]) -> bool:
    """``t`` heads a clause of its own with its subject among the words ``inside``: a verb the
    parse misattached still says who did what ("… testified that X intended for the policy to
    lead …"). A relative clause ("assaults Nassar committed") describes a noun instead."""
    if t.pos_ not in {"VERB", "AUX"} or t.dep_ in {"relcl", "acl"}:
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"} and token_key(c) in inside for c in t.children
    )


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


#: A body's name going on past where a post's body was read to end: "Chairman of the United States
#: Senate| Health, Education, Labor and Pensions (HELP) Committee" is no chair of the Senate.
#: (After a comma, only a list of fields goes on with it: "…, Federal Highway Administration, United
#: States Department of Transportation" names two bodies.)
_NAME_GOES_ON = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+(?:,?[ \t]+(?:and[ \t]+)?[A-Z][a-z]+)*|(?:,[ \t]+[A-Z][a-z]+)*,?[ \t]+and[ \t]+[A-Z][a-z]+)"
    r"(?:[ \t]+\([A-Z]{2,8}\))?[ \t]+(?:" + "|".join(sorted(_GOV_HEADS)) + r")\b"
)


def cut_bodies(doc: Document, facts: list[Fact]) -> set[str]:
    """Posts whose body was read from the first words of a longer name (see :data:`_NAME_GOES_ON`):
    their keys. Neither the post nor who holds it is settled."""
    return {
        f.subject
        for f in facts
        if f.predicate == "postIn" and _NAME_GOES_ON.match(doc.stored, f.evidence.end) is not None
    }


#: What a claim is said by and about: cut wrong where it runs from a headline into the text.
_SAID = frozenset({"claimant", "expresses", "about"})
#: Rules that read what is set in capitals by nature: a signature, a roster's line, a report's title and its cover.
_CAPITALISED = frozenset({"signature", "roster", "event:ReportRelease"})
#: A title's holder named with a middle initial, which Title Case does not make by chance.
_INITIALED_END = re.compile(rf"(?:^|[ \t])(?:{INITIALED.pattern})$")
#: A list's line of a name and its title after a comma, to the line's end: "- Frances G. Roe, President
#: of Natural Resources Defense Council" (a list of members sets its names so; no headline).
_LISTED_WITH_TITLE = re.compile(
    r"[ \t]*(?:[-•*][ \t]+)?[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){1,3},[ \t]+(?:former[ \t]+)?"
    r"[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,4}(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][^,;\n]*)?[ \t]*$",
    re.M,
)


def _listed_with_title(text: str, at: int) -> bool:
    return _LISTED_WITH_TITLE.fullmatch(text, *line_around(text, at)) is not None


def _listed_after_colon(text: str, at: int) -> bool:
    """Whether the line at ``at`` is an item of a list a line ending in a colon opens ("The following
    officials have been invited to testify:" over "OMB Deputy Director Jeffrey Zients"): a list's
    item, however capitalised, is no headline. Items run on short lines, with no blank line between."""
    start = text.rfind("\n", 0, at) + 1
    for _ in range(12):
        if start == 0:
            return False
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1].strip()
        if line.endswith(":"):
            return True
        if not line or len(line) > 120 or line.endswith((".", "?", "!")):
            return False
        start = prev
    return False


#: What a headline cannot settle: who holds what, who said or did what, what is part of what.
_RELATIONAL = frozenset({"holds", "postIn", "subOrganizationOf", "claimant", "actor", "object", "about", "expresses"})


def headline_facts(doc: Document, parse: Parse, facts: list[Fact]) -> set[int]:
    """Pattern-rule relations read from a line set in Title Case ("Durbin Questions FBI Director
    Wray And Inspector General …", "FBI's Dereliction of Duty"): a headline's capitals make names of
    every word, so who did what there is not settled; a claim that starts in a headline and runs
    past it (into the dateline under a title in sentence case) is cut wrong besides. Their indexes
    in ``facts``."""
    lines = [doc.to_stored(a, b) for s in parse for a, b in s.headlines]
    if not lines:
        return set()
    out = {
        i
        for i, f in enumerate(facts)
        if f.predicate in _RELATIONAL
        and not f.rule.startswith("grammar:")
        and f.rule not in _CAPITALISED
        and not (f.predicate == "holds" and f.rule == "title-name" and _INITIALED_END.search(f.evidence.quote))
        and not (f.predicate in {"holds", "postIn"} and _listed_with_title(doc.stored, f.evidence.start))
        and not (f.predicate in {"holds", "postIn"} and _listed_after_colon(doc.stored, f.evidence.start))
        and any(
            a <= f.evidence.start and (f.evidence.end <= b or (f.evidence.start < b and f.predicate in _SAID))
            for a, b in lines
        )
    }
    # A claim whose speaker is not settled is no claim at all.
    unsaid = {facts[i].subject for i in out if facts[i].predicate == "claimant"}
    return out | {i for i, f in enumerate(facts) if f.subject in unsaid}
