"""Parts of organisations read from their names: "Senate Judiciary Committee" is part of the Senate,
"the Office of the Inspector General of the Department of Justice" part of the Department,
"Michigan State University's Department of Family Medicine" part of the university.

A name is a part of another organisation the text or the gazetteer names when it begins with that
organisation's name, ends in "of (the) <organisation>", or follows it with a possessive, and ends in
a word for a unit of an organisation (``[relations] unit_words`` in the grammar: Office, Committee,
Division, ...). "House Committee on Veterans' Affairs" is no part of the Department of Veterans
Affairs: "on" names a subject, not an owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.events import Mentions, evidence
from kg.mentions import named_for_another
from kg.model import Document, Entity, Fact, Mention, Ref
from kg.name_patterns import _ORG_HEADS

_ORGS = frozenset({"Agency", "Organization"})
_POSSESSIVE = re.compile(r"[’']s\s+(?:\([A-Z][A-Za-z.]{1,10}(?:[’']s)?\)\s+)?")
_IN_BRACKETS = re.compile(r"(?:[’']s)?\)\s+")


@dataclass(frozen=True, slots=True)
class FoundPart:
    part: Mention
    whole: str  # the organisation's key
    span: tuple[int, int]


def find_parts(
    doc: Document,
    mentions: Mentions,
    entities: dict[str, Entity],
    unit_words: frozenset[str],
    small_units: tuple[str, ...] = (),
    chambers: frozenset[str] = frozenset(),
) -> Iterator[FoundPart]:
    names: dict[str, str] = {}
    for key, e in sorted(entities.items()):
        if e.kind in _ORGS:
            for name in (e.label, *e.aliases):
                if named_for_another(doc.text, name, publisher=doc.meta.publisher):
                    continue  # "the Texas Senate" named: the Senate a committee's name begins with is that one
                if len(name) > 2 or (len(name) == 2 and name.isupper()):  # "VA Office of …" begins with VA
                    names.setdefault(name, key)
    for m in mentions.items:
        if m.kind in _ORGS and (m.rule != "acronym" or (m.text.isupper() and len(m.text) >= 2)):
            names.setdefault(m.text, m.key)
    by_length = sorted(names, key=lambda n: (-len(n), n))
    # bodies by their own names (a department known by its field too: "Health and Human Services")
    bodies = frozenset(k for k, e in entities.items() if e.kind in _ORGS and _A_BODYS_WORD.search(e.label))
    for m in mentions.items:
        chamber = _chamber_after(doc, m, mentions, chambers) if mentions.kind(m) in _ORGS else None
        if chamber is not None:
            yield FoundPart(m, chamber.key, (m.start, chamber.end))
            continue
        if mentions.kind(m) not in _ORGS or head_word(m.text) not in unit_words or len(m.text.split()) > 10:
            continue  # (a name of more words is a heading run into a name)
        whole = _whole_in_name(m.text, by_length, names, unit_words, bodies)
        if whole is not None and whole != m.key:
            yield FoundPart(m, whole, (m.start, m.end))
            continue
        parent = _address_parent(doc, m, mentions, small_units)
        if parent is not None:
            yield FoundPart(m, parent.key, (m.start, parent.end))
            continue
        whole_first = _caption_whole(doc, m, mentions, small_units)
        if whole_first is not None:
            yield FoundPart(m, whole_first.key, (whole_first.start, m.end))
            continue
        for o in reversed(mentions.within(max(0, m.start - 120), m.start)):
            if o.end <= m.start and mentions.kind(o) in _ORGS and o.key != m.key:
                if _IN_BRACKETS.fullmatch(doc.text, o.end, m.start):
                    continue  # "(EPA's)" after "… Agency's": the owner is named before its initials
                if _POSSESSIVE.fullmatch(doc.text, o.end, m.start):  # "Michigan State University's (MSU) Department …"
                    yield FoundPart(m, o.key, (o.start, m.end))
                break


def head_word(name: str) -> str:
    """The word that says what kind of body a name names: its last, or the one before "of", "on" or
    "for" ("Office of the Inspector General", "Subcommittee on National Security", "Office for Civil
    Rights"); after a possessive, the part's ("… Reform’s Subcommittee on …": Subcommittee)."""
    name = re.split(r"[’']s\s+(?=[A-Z])", name)[-1]
    before = re.split(r"\s+(?:of|on|for)\s+", name, maxsplit=1)
    return before[0].split()[-1] if len(before) > 1 and before[0].split() else name.split()[-1]


def _address_parent(doc: Document, m: Mention, mentions: Mentions, small_units: tuple[str, ...]) -> Mention | None:
    """ "Office of General Counsel, United States Department of Veterans Affairs, Washington, DC": in
    an address line (a counsel's, a witness's) a unit is followed by the body it belongs to, then
    the place or the end of the entry."""
    if m.start > 0 and not re.search(r"(?:^|[,;\n])[ \t]*$", doc.text[max(0, m.start - 3) : m.start]):
        return None
    parent = _after_comma(doc, m.end, mentions)
    if parent is None or mentions.kind(parent) not in _ORGS or parent.key == m.key:
        return None
    if head_word(parent.text) in small_units and head_word(m.text) not in small_units:
        return None  # "U.S. Department of Justice, Criminal Division": the whole first, then its part
    if head_word(parent.text) == head_word(m.text):
        return None  # "Jennings Police Department, Ferguson Police Department": a list of peers
    after = doc.text[parent.end : parent.end + 40]
    place = next((o for o in mentions.within(parent.end, parent.end + 40) if mentions.kind(o) == "Place"), None)
    ends = re.match(r"[ \t]*(?:[;\n]|$)", after) or (
        place is not None and re.fullmatch(r",[ \t]*", doc.text[parent.end : place.start])
    )
    return parent if ends else None


def _chamber_after(doc: Document, m: Mention, mentions: Mentions, chambers: frozenset[str]) -> Mention | None:
    """ "before the Committee on Financial Services, U.S. House of Representatives, on March 29": a
    committee followed by a legislature's name after a comma is that legislature's, wherever the
    phrase stands (a title, a sentence), unless the two are items of a list ("…, the Senate, and …")."""
    if not re.split(r"\s+(?:on|of|for)\s+", m.text, maxsplit=1)[0].endswith("Committee"):
        return None
    parent = _after_comma(doc, m.end, mentions)
    if parent is None or mentions.kind(parent) != "Agency" or not parent.text.endswith(tuple(chambers)):
        return None
    after = doc.text[parent.end : parent.end + 60]
    listed = re.match(r",?[ \t]+(?:and|or)\b|,[ \t]+(?:the[ \t]+)?[A-Z][\w.]*[ \t]+(?:and|or)\b", after)
    return None if listed else parent


def _caption_whole(doc: Document, m: Mention, mentions: Mentions, small_units: tuple[str, ...]) -> Mention | None:
    """ "U.S. Department of Justice, Criminal Division, Dallas, TX", "the Department of Justice,
    Criminal Division, Fraud Section (the …)": in a caption, a signature or an address the whole
    comes first and its parts after it, each a smaller kind of unit (``small_units`` runs from the
    larger kind to the smaller), up to a place, a bracket or the line's end."""
    here = small_units.index(head_word(m.text)) if head_word(m.text) in small_units else None
    gap = re.search(r",[ \t]*$", doc.text[max(0, m.start - 4) : m.start])
    if here is None or gap is None:
        return None
    before = m.start - (len(doc.text[max(0, m.start - 4) : m.start]) - gap.start())
    whole = next((o for o in mentions.within(max(0, before - 200), before) if o.end == before), None)
    if whole is None or mentions.kind(whole) not in _ORGS or whole.key == m.key:
        return None
    above = head_word(whole.text)
    if above in small_units and small_units.index(above) >= here:
        return None  # "Criminal Division, Fraud Section" stands; "Fraud Section, Criminal Division" does not
    end = m.end
    while (nxt := _next_unit(doc, end, mentions, small_units)) is not None:
        end = nxt.end
    place = next((o for o in mentions.within(end, end + 40) if mentions.kind(o) == "Place"), None)
    closes = re.match(r"[ \t]*(?:[;(\n]|$)", doc.text[end : end + 3]) or (
        place is not None and re.fullmatch(r",[ \t]*", doc.text[end : place.start])
    )
    return whole if closes else None


def _next_unit(doc: Document, end: int, mentions: Mentions, small_units: tuple[str, ...]) -> Mention | None:
    """The unit named right after ``end`` in a caption's list ("…, Criminal Division, Fraud Section")."""
    nxt = _after_comma(doc, end, mentions)
    ok = nxt is not None and mentions.kind(nxt) in _ORGS and head_word(nxt.text) in small_units
    return nxt if ok else None


def _after_comma(doc: Document, end: int, mentions: Mentions) -> Mention | None:
    """The mention that starts right after a comma at ``end`` ("…, U.S. Senate"), if any."""
    gap = re.match(r",[ \t]*", doc.text[end : end + 4])
    if gap is None:
        return None
    return next((o for o in mentions.within(end, end + 200) if o.start == end + gap.end()), None)


#: A word after another body's name that sets the named body apart from it.
_APART = frozenset({"Independent"})
#: Head words of what a body runs, not of a unit of it ("the Shuttle Program", "the Marketplace Fund").
_NO_UNIT = frozenset({"Program", "Programs", "Programme", "Project", "Initiative", "Plan", "Fund", "Act"})


_COMMITTEES = frozenset({"Committee", "Subcommittee", "Caucus", "Panel"})
#: A word after a body's name that names the same body more fully ("Treasury Department").
_SAME_BODY_TAIL = frozenset({"Department", "Office", "Agency", "Service", "Administration", "Bureau"})
#: A word that names a body: a head word of one, or a legislature's ("Senate Judiciary Committee").
_A_BODYS_WORD = re.compile(
    rf"\b(?:{_ORG_HEADS}|Senate|House|Congress|Assembly|Legislature|Parliament|Army|Navy|Air Force|Marine Corps"
    r"|Guard|Police|Government|Fleet|Command|Corps|Reserve|System|Institutes|Academy)\b"
)


def _whole_in_name(
    text: str, names: list[str], keys: dict[str, str], unit_words: frozenset[str], bodies: frozenset[str]
) -> str | None:
    """The organisation whose name ``text`` begins with, or ends in after "of" ("of the"): a body,
    named by a word for one or by its initials ("Department of Veterans Affairs" is no part of
    "Veterans Affairs", which names its subject)."""
    committee = head_word(text) in _COMMITTEES
    if head_word(text) in _NO_UNIT:
        return None
    for name in names:
        if name == text:
            continue
        if committee and not (name.isupper() or _A_BODYS_WORD.search(name)):
            continue  # "Homeland Security Committee": a legislature's, named for a field ("Homeland Security")
        rest = text[len(name) + 1 :]
        inspector = rest.startswith(("Office of Inspector General", "Office of the Inspector General"))
        if " " in name and not (name.isupper() or _A_BODYS_WORD.search(name) or keys[name] in bodies or inspector):
            continue  # "Walter Reed Army Medical Center" begins with its own short name (or a person's), no body's
        if rest in _SAME_BODY_TAIL:
            continue  # "Ferguson Police Department" is the body "Ferguson Police" names, not its part
        if rest in {"Board", "Board of Directors", "Board of Trustees"}:
            continue  # "the Capitol Police Board" oversees the Capitol Police: a body's board is over it
        if text.startswith(name + " ") and rest[:1].isupper() and rest.split()[0] not in _APART:
            return keys[name]  # not "the Fort Hood Independent Review Committee": it reviews the base
        if text.startswith((name + "’s ", name + "'s ")) and text[len(name) + 3 :][:1].isupper():
            return keys[name]  # "the Committee on Oversight and Reform’s Subcommittee on National Security"
        after_of = text.endswith((f" of {name}", f" of the {name}")) and not text.startswith(name)
        if after_of and (head_word(name) in unit_words or name.isupper()):
            return keys[name]
    return None


def to_facts(doc: Document, p: FoundPart) -> list[Fact]:
    return [Fact(p.part.key, "subOrganizationOf", Ref(p.whole), evidence(doc, [p.span]), "grammar:part-in-name")]
