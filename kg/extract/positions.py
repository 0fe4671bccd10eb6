"""Posts people hold, over the parse: a title before a name, an apposition after it, "served as".

Three shapes, each read from the dependency parse of the sentence that names the person:

- a title before the name ("FBI Director Christopher Wray", "Acting U.S. Attorney Andrew Birge"):
  the words that modify the name from its left, ending in a title word;
- an apposition or a copula after it ("Dick Durbin, Chair of the Senate Judiciary Committee",
  "Nassar, a team doctor for USAG", "X is the Director of Y"): a role noun, and the organisation
  its "of", "for" or "at" names;
- a verb of service with "as" ("served as", "was employed as", "was appointed as").

What counts as a title or a role is data (``[positions]`` in the grammar). The organisation is
only ever an entity the text names inside the same phrase; a post without one is kept by its
title alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.events import Mentions, evidence
from kg.extract.parse import Parse, Sentence
from kg.extract.rules_base import short_hash
from kg.mentions import _PARTY_AFTER, post_key, slug
from kg.model import PEOPLE, Document, Entity, Evidence, Fact, Kind, Lit, Mention, Ref
from kg.name_patterns import VERSUS, singular
from kg.sentences import line_around

if TYPE_CHECKING:
    from spacy.tokens import Token

_ORGS = frozenset({"Agency", "Organization"})
#: Words before a title that are no part of it ("Dear Governor Abbott": a salutation).
_HONORIFICS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Hon.", "Honorable", "The", "the", "Dear"})
_FORMER = frozenset({"former", "then", "then-", "late"})
#: A party before a title: the holder's, no word of the post.
_POLITICAL_PARTIES = frozenset({"Republican", "Democratic", "Democrat", "GOP", "Labour", "Conservative", "Independent"})
#: Words that count a group: "several top Penn State University administrators, A and B" describes
#: them, each with a title of their own; no post.
_GROUP = frozenset({"several", "many", "some", "few", "numerous", "various", "both", "all", "other", "two", "three",
                    "four", "five", "six", "seven", "eight", "nine", "ten"})  # fmt: skip
#: Words of a title written short that lead it ("Asst. U.S. Attorney", "Atty. Gen.").
_SHORT_LEADS = frozenset({"Asst.", "Atty."})
#: Ranks written short before a name.
_RANKS = frozenset({"Gen.", "Adm.", "Col.", "Capt.", "Cmdr.", "Maj."})
_SERVICE = frozenset({"serve", "work", "employ", "appoint", "name", "elect", "confirm", "swear", "hire", "act"})
#: Of those, the verbs done by the post's holder: of the others the holder is the object, or the
#: subject in the passive ("X appointed Y as Director": Y is the Director, not X).
_SERVING = frozenset({"serve", "work", "act"})


#: Words in lower case before a role that are words of its title ("chief executive officer"); not
#: "senior" ("a senior member of the Committee" is its member).
_TITLE_ADJECTIVES = frozenset(
    {"chief", "executive", "deputy", "acting", "general", "assistant", "associate", "principal", "managing",
     "special", "interim", "vice", "lead", "regional", "ranking"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundPost:
    person: Mention
    title: str
    org: Mention | None
    span: tuple[int, int]  # the words that state it
    rule: str
    #: the post a plural title's mention names ("Reps." the gazetteer's House member's), if any
    known: str | None = None


def find_posts(
    parse: Parse, mentions: Mentions, roles: frozenset[str], abbreviations: dict[str, str] | None = None
) -> Iterator[FoundPost]:
    people = [m for m in mentions.items if mentions.kind(m) in PEOPLE and m.rule != "pronoun"]
    for sent in parse:
        a, b = sent.offset, sent.offset + len(sent.text)
        for person in (p for p in people if a <= p.start and p.end <= b):
            head = sent.token_at(person.end - 1)
            first = sent.token_at(person.start)
            if head is None or first is None:
                continue
            titled = list(_title_before(sent, person, head, first, mentions, roles))
            for post in titled:
                yield _expanded(post, abbreviations or {})
            yield from _apposition(sent, person, head, mentions, roles, bool(titled))
            yield from _titled_apposition(sent, person, head, mentions, roles)
            yield from _served_as(sent, person, head, mentions, roles)
        yield from _listed(sent, [p for p in people if a <= p.start and p.end <= b], mentions)


#: A plural legislators' title right before a list's first name; the commas and "and" between the
#: names of a list (a party and state in brackets after each: ``kg.mentions._PARTY_AFTER``).
_PLURAL_LEAD = re.compile(r"(?P<title>(?:U\.S\.[ \t]+)?(?:Senators|Sens\.|Representatives|Reps\.))[ \t]+$")
_ONE = {"Senators": "Senator", "Sens.": "Senator", "Representatives": "Representative", "Reps.": "Representative"}
_LIST_GAP = re.compile(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _listed(sent: Sentence, people: list[Mention], mentions: Mentions) -> Iterator[FoundPost]:
    """ "signed by Senators A (D-NY), B (D-VT), …, and Z (D-CT)": a plural title, then names each
    with its party and state in brackets, joined by commas and "and" alone, is each one's title
    (the parse loses such a list after a few names; the first name the title-before rule reads)."""
    text, base = sent.text, sent.offset
    ordered = sorted(people, key=lambda m: m.start)
    for i, first in enumerate(ordered):
        lead = _PLURAL_LEAD.search(text, 0, first.start - base)
        party = _PARTY_AFTER.match(text, first.end - base)
        if lead is None or party is None:
            continue
        words = lead["title"].split()
        title = " ".join([*words[:-1], _ONE[words[-1]]])
        known = _plural_post(mentions, base + lead.start("title"), base + lead.end("title"))
        at = base + party.end()
        for person in ordered[i + 1 :]:
            party = _PARTY_AFTER.match(text, person.end - base)
            gap = _LIST_GAP.fullmatch(text[at - base : person.start - base])
            if gap is None or party is None:
                break
            at = base + party.end()
            yield FoundPost(person, title, None, (base + lead.start("title"), at), "position-title-list", known)
            if "and" in gap.group():
                break  # "A and B, Sanders said": the list closed at its "and"


#: Words that make a title a form of address ("Mr Speaker", "Madam Deputy Speaker", "Mr President").
_ADDRESS = frozenset({"Mr", "Madam", "Madame", "Mister"})


def _titled_apposition(
    sent: Sentence, person: Mention, head: Token, mentions: Mentions, roles: frozenset[str]
) -> Iterator[FoundPost]:
    """ "the Secretary of Homeland Security, Kirstjen Nielsen, signed", "our Secretary, Xavier Becerra":
    a name set in apposition after its holder's title. Not where the title heads a list ("the
    director, the deputy, and Jane Roe"), whose last name the parse may set after it."""
    role = head.head
    if head.dep_ != "appos" or role.i > head.i or not _role(role.text, roles) or role.ent_type_ == "PERSON":
        return
    if not role.text[:1].isupper():
        return  # "the company's chief executive, Jane Roe": a description more than a post's title
    if role.dep_ == "pobj" and role.head.lower_ == "as":
        return  # "the resignation of Amber Rudd as Home Secretary, Downing Street said": Rudd's post
    if role.left_edge.text.rstrip(".") in _ADDRESS:
        return  # "Mr Speaker, Sir Brian Langstaff has today published …": the House addressed, no post of his
    between = sent.text[sent.end(role) - sent.offset : person.start - sent.offset]
    if any(c.dep_ == "conj" and c.i < head.i for c in role.children) or ";" in between:
        return
    if _employer_after(sent, person, role):
        return
    yield from _post_phrase(sent, person, role, mentions, roles, "position-apposition")


def _employer_after(sent: Sentence, person: Mention, role: Token) -> bool:
    """ "James Roe / Vice President, Sperry Drilling / Halliburton": a roster's line that opens on a
    title and ends, after a comma, on what the model read as a name: the employer, no holder."""
    title_at = sent.start(role.left_edge) - sent.offset
    if person.start - sent.offset < title_at:
        return False
    line_start = line_around(sent.text, title_at)[0]
    line_end = line_around(sent.text, person.end - sent.offset)[1]  # (a roster's line is often a sentence)
    return (
        not sent.text[line_start:title_at].strip()
        and "," in sent.text[title_at : person.start - sent.offset]
        and not sent.text[person.end - sent.offset : line_end].strip(" ,.")
    )


def _expanded(post: FoundPost, abbreviations: dict[str, str]) -> FoundPost:
    """ "Sen." is "Senator", "Sens." (before two names) each one's "Senator"."""
    words = post.title.split()
    full = [abbreviations.get(w.rstrip("."), w) if w.endswith(".") or w in abbreviations else w for w in words]
    return post if full == words else dataclasses.replace(post, title=" ".join(full))


def _role(word: str, roles: frozenset[str]) -> bool:
    w = word.strip(",.")
    one = singular(w)
    return w in roles or w.lower() in roles or (one != w and (one in roles or one.lower() in roles))


def _title_before(
    sent: Sentence, person: Mention, head: Token, first: Token, mentions: Mentions, roles: frozenset[str]
) -> Iterator[FoundPost]:
    words: list[Token] = []
    known: str | None = None
    plural_body: Mention | None = None
    i = first.i - 1
    while i >= 0:
        t = sent.doc[i]
        # "State's Attorney": a name's possessive inside the title ("the company's CEO" is no title)
        owner = (
            t.dep_ == "case"
            and t.head.dep_ == "poss"
            and _owns_title(t.head)
            and t.head.i == i - 1
            and i + 1 < len(sent.doc)
            and sent.doc[i + 1].text[:1].isupper()
        )
        if owner:
            words.insert(0, t)
            i -= 1
            t = sent.doc[i]
        elif t.text in _SHORT_LEADS and words:
            words.insert(0, t)  # "Asst. U.S. Attorney X": the parse may hang the short word elsewhere
            break
        elif t.dep_ not in {"compound", "amod", "nmod", "punct"} or t.text in {",", "(", ")", ";", "–", "-"}:
            break
        if not any(h == head for h in (t, *t.ancestors)):
            break
        words.insert(0, t)
        i -= 1
    while words and (
        words[0].text in _HONORIFICS
        or words[0].is_punct
        or words[0].lower_ in _FORMER
        or words[0].text in _POLITICAL_PARTIES
    ):
        words.pop(0)  # ("Republican Speaker Larry Householder": the party is the holder's, not the post's)
    if words and words[-1].text in _RANKS:
        # "the Chairman of the Joint Chiefs of Staff Gen. Richard Myers": a rank written short is the
        # title, with the short words before it ("Maj. Gen.", "Atty. Gen."); what precedes is another's
        run = len(words) - 1
        while run > 0 and words[run - 1].text.endswith(".") and words[run - 1].text[:1].isupper():
            run -= 1
        words = words[run:]
    named = [m for m in mentions.within(sent.start(words[0]), person.start) if mentions.kind(m) in PEOPLE
             and m.key != person.key] if words else []  # fmt: skip
    titled = named and any(_role(w.text, roles) for w in words if sent.start(w) < named[0].start)
    if titled:
        # "Director Vernon M. Keenan Inspector John Heinen Special Agent Heather Strickland": a
        # signature block's lines run together; the title is what follows the last other name
        words = [w for w in words if sent.start(w) >= max(m.end for m in named)]
    if words and i >= 0 and sent.doc[i].dep_ == "case" and sent.doc[i].head.ent_type_ == "PERSON":
        return  # "Bridget Kelly's attorney Michael Critchley": whose lawyer he is, no post
    if words and i >= 0 and sent.doc[i].lower_ == "of" and words[0].text.islower():
        return  # "the late hall of fame coach Joe Paterno": the words are the tail of a phrase, no title
    if not words and head.dep_ in {"conj", "appos"}:
        # "Senators Dianne Feinstein and Richard Blumenthal": a plural title before the first
        # name is each one's, however long the list ("Senators A (D-Mass.), B (D-Ill.), … and L"),
        # whether the parse makes the names the title's conjuncts or its appositions. The nearest
        # such title up the list is theirs.
        node = head
        plural: list[Token] = []
        while not plural and node.dep_ in {"conj", "appos"} and node.head.i != node.i:
            step, before, node = node.dep_, node, node.head
            siblings = (*node.children, *(node.head.children if node.dep_ == "conj" else ()))
            if step == "appos" and any(c.dep_ == "cc" and c.i < before.i for c in siblings):
                break  # "A and B, Sanders said": the list closed at B; Sanders is no part of it
            lead = [node] if node.i < head.i else []
            lead += [t for t in node.lefts if t.dep_ == "compound" and t.i < node.i]
            plural = [t for t in lead if singular(w := t.text.rstrip(".")) != w and singular(w) in roles]
        if plural:  # "U.S. Senators X and Y": the title's words up to the plural role word
            last = max(plural, key=lambda t: t.i)
            words = sorted((t for t in last.subtree if t.i <= last.i), key=lambda t: t.i)
            while words and (words[0].dep_ == "det" or words[0].lower_ in _FORMER or words[0].text in _HONORIFICS):
                words.pop(0)  # "Former university administrators X and Y": each one's, without "the" or "former"
            known = _plural_post(mentions, sent.start(words[0]), sent.end(last)) if words else None
            # "Members of the Committee present: A, B and C": the body after the plural title is theirs
            of = [p.children for p in last.children if p.dep_ == "prep" and p.lower_ == "of"]
            plural_body = _entity_of(sent, [o for kids in of for o in kids if o.dep_ == "pobj"], mentions)
    if words and (words[0].lower_ in _GROUP or words[0].text.isdigit()):
        return  # "several top administrators, A and B", "three senior leaders X, Y and Z": a group described
    # "Atty. Gen. William Barr": the Attorney General, written short (a general's rank alone is no post)
    short_ag = [w.text for w in words[-2:]] == ["Atty.", "Gen."]
    if not words or not (_role(words[-1].text, roles) or short_ag):
        return
    org = _org_within(sent, words, mentions) or plural_body
    title_words = [w for w in words if org is None or not (org.start <= sent.start(w) < org.end)]
    if title_words and title_words[0].dep_ == "case":
        org, title_words = None, words  # "Baltimore City State's Attorney": the owner is the title's, no body
    if not title_words or not (_role(title_words[-1].text, roles) or short_ag):
        return
    title = _title(title_words)
    many = title_words[-1].text
    if title.endswith(many) and (one := singular(many)) != many and (one in roles or one.lower() in roles):
        title = title[: len(title) - len(many)] + one  # a title before a list is each one's ("administrators")
    yield FoundPost(person, title, org, (sent.start(words[0]), person.end), "position-title", known)


def _plural_post(mentions: Mentions, start: int, end: int) -> str | None:
    """The post a plural title's words name where a mention reads them as one ("Reps.", "Sens.": the
    gazetteer's House member and Senator, as "Rep." and "Sen." are; in a state's text the mentions
    leave them unread). The mention ends where the plural word does, or goes on past it with its body
    ("Members of the Committee present: A, B and C"): a title read inside the words ("Chief" of
    "Enron Chief Executive Officers") is not theirs."""
    m = next(
        (m for m in mentions.within(start, end + 300) if mentions.kind(m) == "Position" and m.start < end <= m.end),
        None,
    )
    return m.key if m is not None else None


def _apposition(
    sent: Sentence, person: Mention, head: Token, mentions: Mentions, roles: frozenset[str], titled: bool = False
) -> Iterator[FoundPost]:
    """ "Jane Roe, Director of the Office": the title in apposition after a name. Where a title stands
    before the name too, the names may be a list of titled names ("Associate Attorney General Vanita
    Gupta, Assistant Attorney General for Civil Rights Kristen Clarke"): then a title whose "of" or
    "for" names no body the text knows may run on to the next name, and is not asserted."""
    cands = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        cands += [c for c in head.head.children if c.dep_ == "attr"]
    listed = head.dep_ == "conj"  # the last of several names: an apposition after it may be all of theirs
    for role in cands:
        if listed and any(c.dep_ == "conj" and _role(c.text, roles) for c in role.subtree):
            continue  # "X and Y, chairman and ranking member of …": each one's title, which the parse does not pair
        if (
            role.ent_type_ in {"PERSON", "GPE", "DATE"}
            or not _role(role.text, roles)
            or (role.pos_ == "PROPN" and not role.text[0].isupper())
            or any(w.text in {":", ";"} for w in head.doc[min(head.i, role.i) : max(head.i, role.i)])
        ):
            continue  # (and not across a colon: "Holder on Fast & Furious: Justice didn't OK …")
        if _employer_after(sent, person, role):
            continue
        if any(w.lower_ in {"not", "nor"} for w in role.subtree if w.i < role.i) or (
            role.left_edge.i > 0 and role.doc[role.left_edge.i - 1].lower_ in {"not", "nor"}
        ):
            continue  # "Pruitt himself – not the Inspector General – requested …": denied, not held
        if _a_calling(role):
            continue  # "X is an American attorney and politician": what one does, not a post one holds
        if _ranked(role):
            continue  # "May is the most senior executive to be charged": a description, not a post
        if role.tag_ in {"NNS", "NNPS"}:
            continue  # "…, Randal McCloy, members of the State Legislative Committee": a list goes on
        if _titles_another(sent, role, person, mentions):
            continue  # "John Smith, U.S. Attorney for the District of Columbia Jessie K. Liu": hers
        preps = [c for c in role.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}]
        objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        if titled and objs and _entity_of(sent, objs, mentions) is None:
            continue
        yield from _post_phrase(sent, person, role, mentions, roles, "position-apposition")


def _titles_another(sent: Sentence, role: Token, person: Mention, mentions: Mentions) -> bool:
    """Whether the title in apposition runs on into another person's name, whose title it is: "…, U.S.
    Attorney for the District of Columbia Jessie K. Liu" (not "…, deputy chief of staff to Governor
    Chris Christie", whose post is the first's; nor "…, the Secretary, Preet Bharara, …", a list)."""
    start, end = sent.start(role), sent.end(role.right_edge)
    for m in mentions.within(start, end):
        if mentions.kind(m) not in PEOPLE or m.key == person.key or m.start < start:
            continue
        between = sent.text[start - sent.offset : m.start - sent.offset] if m.start > start else ""
        if "," not in between and _TITLE_WORD_LAST.search(between) and not _SERVES_ANOTHER.search(between):
            return True  # (not "the President of Glenn Defense …": what a post is of is no one it titles)
    return False


_TITLE_WORD_LAST = re.compile(r"[A-Z][\w.’'\-]*[ \t]+$")
#: What joins a title to another person it is not that person's title: "… to Governor ", "… and ".
_SERVES_ANOTHER = re.compile(r"\b(?:to|by|with|under|from|for|and|or)[ \t]+(?:[A-Z][\w.’'\-]*[ \t]+)*$")


def _a_calling(role: Token) -> bool:
    """Whether a title after "a"/"an" names a calling rather than a post: a nationality before it ("an
    American attorney"), or, after "is", nothing it is a post of, for or at ("Roe is a lawyer")."""
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in role.children) or role.text[:1].isupper():
        return False
    if any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in role.children):
        return True
    return role.dep_ == "attr" and not any(
        c.dep_ == "prep" or (c.dep_ in {"compound", "amod", "nmod"} and c.text[:1].isupper()) for c in role.children
    )  # (but "Gutierrez is a Texas state senator": a post of the state's)


def _ranked(role: Token) -> bool:
    """Whether a title is ranked among others rather than held: a superlative before it ("the most senior
    executive", "the highest-ranking official") or what sets it apart after it ("the first official to
    be charged"); or a calling's formula ("Attorney at Law")."""
    for c in role.children:
        if c.dep_ == "amod" and (c.tag_ == "JJS" or any(g.lower_ in {"most", "least"} for g in c.children)):
            return True
        if c.dep_ == "prep" and c.lower_ == "at" and any(o.lower_ == "law" for o in c.children):
            return True  # "John K. Pierre, Attorney at Law": a lawyer's calling, no post
        if (
            c.dep_ in {"relcl", "acl"}
            and c.i > role.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ):
            return True
    return False


def _served_as(
    sent: Sentence, person: Mention, head: Token, mentions: Mentions, roles: frozenset[str]
) -> Iterator[FoundPost]:
    verb = head.head
    lemma = verb.lemma_.lower()
    holder = {"nsubj", "nsubjpass"} if lemma in _SERVING else {"nsubjpass", "dobj"}
    if lemma not in _SERVICE or head.dep_ not in holder:
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for role in (c for c in prep.children if c.dep_ == "pobj"):
            for r in (role, *(c for c in role.subtree if c.dep_ == "conj" and c.head == role)):
                if _role(r.text, roles):
                    yield from _post_phrase(sent, person, r, mentions, roles, "position-served-as", verb)
            for c in role.children:  # "an Osteopathic Physician and Associate Professor": nmod + conj
                if (
                    c.dep_ in {"nmod", "compound"}
                    and _role(c.text, roles)
                    and any(x.dep_ == "conj" for x in c.children)
                ):
                    yield from _post_phrase(sent, person, c, mentions, roles, "position-served-as", verb)
                    for x in (x for x in c.children if x.dep_ == "conj" and _role(x.text, roles)):
                        yield from _post_phrase(sent, person, x, mentions, roles, "position-served-as", verb)


def _post_phrase(
    sent: Sentence,
    person: Mention,
    role: Token,
    mentions: Mentions,
    roles: frozenset[str],
    rule: str,
    verb: Token | None = None,
) -> Iterator[FoundPost]:
    a, b = sorted((person.start, sent.start(role)))
    if VERSUS.search(sent.text, a - sent.offset, b - sent.offset):
        return  # "Trevor Donald, R (on the application of) v Secretary of State …": a case's parties
    mods = [
        c
        for c in role.children
        if c.i < role.i
        and (c.dep_ in {"compound", "nmod", "amod"} or (c.dep_ == "nummod" and c.nbor(-1).pos_ == "PROPN"))
    ]  # "the EPA Region 5 administrator": a number after a name is the name's, not a count
    # "chief financial officer": a word between a title's own adjective and its role is the title's
    lead = min((m.i for m in mods if m.dep_ == "amod" and m.lower_ in _TITLE_ADJECTIVES), default=role.i)
    mods = [
        m
        for m in mods
        if m.ent_type_ != "NORP"  # "the American chief executive officer": a nationality, no word of the post
        and (
            m.dep_ != "amod"
            or m.text[0].isupper()
            or m.lower_ in _TITLE_ADJECTIVES
            or "-" in m.text
            or (m.i + 1 < role.i and sent.doc[m.i + 1].text == "-")
            or lead < m.i < role.i
        )
    ]
    # "president and CEO": a second title joined to the first is the same post's
    joined = [c for c in role.children if c.dep_ == "conj" and c.i == role.i + 2 and _role(c.text, roles)
              and role.nbor(1).lower_ == "and" and all(g.dep_ == "prep" for g in c.children)]  # fmt: skip
    words = sorted(
        {*(w for m in mods for w in m.subtree if w.dep_ != "det" and w.dep_ != "cc" and w.dep_ != "conj"), role,
         *(w for c in joined for w in (role.nbor(1), c))},
        key=lambda t: t.i,
    )  # fmt: skip
    doc = role.doc
    hyphen = doc[role.i - 1] if role.i >= 2 else None
    if hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_ and not doc[role.i - 2].whitespace_:
        words = sorted({*words, doc[role.i - 2], doc[role.i - 1]}, key=lambda t: t.i)  # "vice-chairman", "co-chair"
    # the holder's own name is no word of the post ("The Honorable Dan Patrick Lieutenant Governor …")
    named = [
        m
        for m in mentions.within(sent.offset, sent.offset + len(sent.text))
        if mentions.kind(m) in PEOPLE and not m.start <= sent.start(role) < m.end  # (not the post misread as a name)
    ]
    named.append(person)
    words = [w for w in words if not any(m.start <= sent.start(w) < m.end for m in named)]
    while words and (words[0].i < role.i and (words[0].text in _HONORIFICS or words[0].is_punct)):
        words.pop(0)
    if any(sent.start(w) < person.start for w in words) and any(person.end <= sent.start(w) for w in words):
        return  # words of the post on both sides of the name: the parse does not settle which are the post's
    org = _org_within(sent, words, mentions)
    words = [w for w in words if org is None or not (org.start <= sent.start(w) < org.end)]
    if org is None:
        holders = [role, *joined] + ([verb] if verb is not None else [])  # ("President and CEO of X")
        unknown = False
        for h in holders:
            for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "at", "with"}):
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                found = _entity_of(sent, objs, mentions)
                if found is not None:
                    org = found
                    break
                if prep.lower_ == "of" and any(o.pos_ == "PROPN" for o in objs):
                    unknown = True  # "the Director of HI-EMA for the State of Hawaii": its body, not known
                    break
            if org is not None or unknown:
                break
    if org is None:
        # "Kevin Stricklin, MSHA's administrator for coal mine health and safety": the body whose post it
        # is (a body after "for" or "of" names it more closely: "EPA's assistant administrator for the
        # Office of Land and Emergency Management")
        owner = [c for c in role.children if c.dep_ == "poss" and c.i < role.i]
        org = _entity_of(sent, owner, mentions) if owner else None
        if org is not None and org.start < person.end:
            org = None  # (the holder's own name is no body)
        mine = [o for o in owner if _owns_title(o) and not person.start <= sent.start(o) < person.end]
        if org is None and mine and role.text[:1].isupper():
            # "Baltimore City State's Attorney, Marilyn Mosby": a name's possessive is the title's own
            words = sorted({*mine[0].subtree, *words}, key=lambda t: t.i)
    if org is None and role.text[:1].isupper():
        # "Darren Deering, Chief of Staff": a title of capitalised words naming no organisation is one title
        of = next((c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        rest = sorted(of.subtree, key=lambda t: t.i) if of is not None else []
        if rest and all(w.text[:1].isupper() or w.lower_ in {"of", "and"} for w in rest) and len(rest) <= 5:
            words = sorted({*words, *rest}, key=lambda t: t.i)
    elif org is None and (of := next((c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"), None)):
        # "deputy chief of staff", "director of operations": one common noun after "of" completes the title
        rest = list(of.subtree)
        if len(rest) == 2 and rest[1].pos_ == "NOUN" and rest[1].text.islower():
            words = sorted({*words, *rest}, key=lambda t: t.i)
    if not words:
        return
    runs_on = re.match(r"[ \t]+([A-Z][a-z]+)", sent.text[org.end - sent.offset :]) if org is not None else None
    if runs_on is not None and not _role(runs_on[1], roles):
        return  # "Chair of the Senate Health, Education, Labor, and Pensions (HELP) Committee": the body's name runs on
    end = max(sent.end(words[-1]), sent.end(role), org.end if org is not None else 0)
    start = min(person.start, sent.start(words[0]))
    yield FoundPost(person, _title(words), org, (start, end), rule)


def _owns_title(owner: Token) -> bool:
    """Whether a possessive is a title's own word: a name's, not a person's ("Baltimore City State's
    Attorney", not "Bridget Kelly's attorney Michael Critchley")."""
    return owner.pos_ == "PROPN" and owner.ent_type_ != "PERSON"


def _hyphenated(sent: Sentence, t: Token) -> bool:
    return "-" in t.text or (t.i + 1 < len(sent.doc) and sent.doc[t.i + 1].text == "-")


def _org_within(sent: Sentence, words: list[Token], mentions: Mentions) -> Mention | None:
    if not words:
        return None
    a, b = sent.start(words[0]), sent.end(words[-1])
    orgs = [m for m in mentions.within(a, b) if mentions.kind(m) in _ORGS]
    return orgs[-1] if orgs else None


def _entity_of(sent: Sentence, tokens: list[Token], mentions: Mentions) -> Mention | None:
    for t in tokens:
        m = mentions.at(sent.start(t), sent.end(t))
        if m is None:
            inner = mentions.within(sent.start(t.left_edge), sent.end(t))
            m = inner[-1] if inner else None
        if m is not None and mentions.kind(m) in _ORGS:
            return m
    return None


def _title(words: list[Token]) -> str:
    text = " ".join(w.text for w in words).replace(" 's", "'s").replace(" ’s", "’s")
    text = re.sub(r"(?<=s) (?=[’']( |$))", "", text)  # "TNT Security Solutions' CEO"
    text = re.sub(r"\s+-\s+", "-", text).strip(" -–—:;,")  # not a list's bullet ("- Founders: …")
    if text.isupper() and any(len(w) > 4 for w in text.split()):
        text = text.title()  # "ARMY SECRETARY" of a heading in capitals ("VW CEO": initials, kept)
    last = words[-1].text
    if singular(last) != last and last[:1].isupper() and len(words) <= 2:  # "(U.S.) Senators Feinstein and …"
        text = text[: len(text) - len(last)] + singular(last)
    return text[:1].upper() + text[1:]


def to_facts(doc: Document, p: FoundPost, labels: dict[str, str]) -> tuple[list[Entity], list[Fact]]:
    rule = f"grammar:{p.rule}"
    if p.known is not None:  # a post a mention names already
        return [], [Fact(p.person.key, "holds", Ref(p.known), evidence(doc, [p.span]), rule)]
    if p.org is not None:
        key = post_key(p.title, p.org.key)
        label = f"{p.title}, {labels.get(p.org.key, p.org.text)}"
    else:
        key, label = f"position-{slug(p.title)}", p.title
    ev = [p.span]
    facts = [
        Fact(key, "type", Kind("Position"), evidence(doc, ev), rule),
        Fact(key, "label", Lit(label), evidence(doc, ev), rule),
        Fact(p.person.key, "holds", Ref(key), evidence(doc, ev), rule),
    ]
    if p.org is not None:
        facts.append(Fact(key, "postIn", Ref(p.org.key), evidence(doc, ev), rule))
    return [Entity(key=key, kind="Position", label=label, post_in=p.org.key if p.org else None)], facts


#: Before a title, the words that say its holder holds it no longer: "former President X", "X, a former
#: federal judge", "the late Senator X", "ex-Governor X", "formerly as a judge".
_NO_LONGER = re.compile(
    r"(?i)(?<![\w-])(?:(?:former|late|ex-)[ \t]*"
    r"|(?:formerly|previously)[ \t]+(?:served[ \t]+)?as[ \t]+(?:(?:an?|the)[ \t]+)?)(?:[A-Za-z.]+[ \t]+)?$"
)


def ended_tenures(doc: Document, facts: list[Fact], labels: dict[str, str]) -> tuple[list[Entity], list[Fact]]:
    """The tenures the text says have ended, on a day it does not give ("former President Donald
    Trump"): the holder's tenure of the post, marked ``ended``, with the words that say so. A post
    held "then" ("then-Attorney General") is held in the time told of: nothing is marked."""
    entities: list[Entity] = []
    out: list[Fact] = []
    seen: set[str] = set()
    for f in facts:
        if f.predicate != "holds" or not isinstance(f.obj, Ref):
            continue
        title = labels.get(f.obj.key, "").split(",")[0].split()
        ev = f.evidence
        first = re.search(rf"(?i)(?<![\w-]){re.escape(title[0])}(?![\w-])", ev.quote) if title else None
        if first is None:
            continue
        at = ev.start + first.start()
        words = _NO_LONGER.search(doc.stored, max(0, at - 30), at)
        key = tenure_key(f.subject, f.obj.key)  # the key of the tenure a date may give too
        if words is None or key in seen:
            continue
        seen.add(key)
        said = Evidence(doc.id, min(words.start(), ev.start), ev.end, doc.stored[min(words.start(), ev.start) : ev.end])
        tenure, facts_of = tenure_facts(f.subject, f.obj.key, labels, said, "tenure-ended")
        entities.append(tenure)
        out += [*facts_of, Fact(key, "ended", Lit("true", "boolean"), said, "tenure-ended")]
    return entities, out


def tenure_key(person: str, post: str) -> str:
    """The key of a person's tenure of a post: one node, whichever words date or end it."""
    return "tenure-" + short_hash(person, post)


def tenure_facts(
    person: str, post: str, labels: dict[str, str], said: Evidence, rule: str
) -> tuple[Entity, list[Fact]]:
    """A person's tenure of a post, its type, label, member and post, on the words ``said``."""
    key = tenure_key(person, post)
    label = f"{labels.get(person, person)} as {labels.get(post, post)}"
    return Entity(key=key, kind="Tenure", label=label), [
        Fact(key, "type", Kind("Tenure"), said, rule),
        Fact(key, "label", Lit(label), said, rule),
        Fact(key, "member", Ref(person), said, rule),
        Fact(key, "tenurePost", Ref(post), said, rule),
    ]
