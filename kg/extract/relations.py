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
from kg.model import Document, Entity, Fact, Mention, Ref

_ORGS = frozenset({"Agency", "Organization"})
_POSSESSIVE = re.compile(r"[’']s\s+(?:\([A-Z][A-Za-z.]{1,10}\)\s+)?")


@dataclass(frozen=True, slots=True)
class FoundPart:
    part: Mention
    whole: str  # the organisation's key
    span: tuple[int, int]


def find_parts(
    doc: Document, mentions: Mentions, entities: dict[str, Entity], unit_words: frozenset[str]
) -> Iterator[FoundPart]:
    names: dict[str, str] = {}
    for key, e in sorted(entities.items()):
        if e.kind in _ORGS:
            for name in (e.label, *e.aliases):
                if len(name) > 2:
                    names.setdefault(name, key)
    for m in mentions.items:
        if m.kind in _ORGS and m.rule != "acronym":
            names.setdefault(m.text, m.key)
    by_length = sorted(names, key=lambda n: (-len(n), n))
    for m in mentions.items:
        if mentions.kind(m) not in _ORGS or m.text.split()[-1] not in unit_words:
            continue
        whole = _whole_in_name(m.text, by_length, names)
        if whole is not None and whole != m.key:
            yield FoundPart(m, whole, (m.start, m.end))
            continue
        for o in reversed(mentions.within(max(0, m.start - 120), m.start)):
            if o.end <= m.start and mentions.kind(o) in _ORGS and o.key != m.key:
                if _POSSESSIVE.fullmatch(doc.text, o.end, m.start):  # "Michigan State University's (MSU) Department …"
                    yield FoundPart(m, o.key, (o.start, m.end))
                break


def _whole_in_name(text: str, names: list[str], keys: dict[str, str]) -> str | None:
    """The organisation whose name ``text`` begins with, or ends in after "of" ("of the")."""
    for name in names:
        if name == text:
            continue
        if text.startswith(name + " ") and text[len(name) + 1 :][:1].isupper():
            return keys[name]
        if re.search(rf"\bof (?:the )?{re.escape(name)}$", text) and not text.startswith(name):
            return keys[name]
    return None


def to_facts(doc: Document, p: FoundPart) -> list[Fact]:
    return [Fact(p.part.key, "subOrganizationOf", Ref(p.whole), evidence(doc, [p.span]), "grammar:part-in-name")]
