"""What a hearing's own record and page say of it: the committee that held it, the day, the witnesses.

Two shapes, each set by its publisher rather than written in sentences:

- a printed hearing record's front matter (the Government Publishing Office's: "HEARING / BEFORE THE /
  SUBCOMMITTEE ON MILITARY PERSONNEL / OF THE / COMMITTEE ON ARMED SERVICES / HOUSE OF
  REPRESENTATIVES / … / HEARING HELD / DECEMBER 9, 2020"): the bodies before the chamber, each part
  of the next, and the hearing the first held that day;
- a committee's hearing page with a witness list ("Witness list: • Hon. Jane Roe, Chair, …"): each
  witness a roster line names testified on the page's day.
"""

from __future__ import annotations

import re

from kg.dates import DateMention
from kg.extract.events import evidence
from kg.extract.own_events import HEAD
from kg.extract.rules_base import document_day, short_hash
from kg.mentions import slug
from kg.model import Document, Entity, Fact, Kind, Lit, Mention, Ref, date_lit

#: A printed record's front matter: the bodies "BEFORE THE" chamber, one or more lines each, joined
#: by "OF THE"; then the day the hearing was held.
_FRONT = re.compile(
    r"(?m)^[ \t]*HEARINGS?[ \t]*\n[ \t]*BEFORE[ \t]+THE[ \t]*\n"
    r"(?P<bodies>(?:[ \t]*[A-Z][A-Z ,.'’&\-]+[ \t]*\n){1,8}?)"
    r"[ \t]*(?P<chamber>HOUSE[ \t]+OF[ \t]+REPRESENTATIVES|UNITED[ \t]+STATES[ \t]+SENATE)[ \t]*$"
)
_HELD = re.compile(r"(?m)^[ \t]*HEARINGS?[ \t]+HELD[ \t]*\n?[ \t]*(?P<day>[A-Z]+[ \t]+\d{1,2},[ \t]*\d{4})")
_JOINER = re.compile(r"[ \t]*(?:OF|AND)[ \t]+THE[ \t]*")
_SMALL = frozenset({"on", "of", "the", "and", "for", "in", "to"})


def _title_case(name: str) -> str:
    """ "SUBCOMMITTEE ON MILITARY PERSONNEL" -> "Subcommittee on Military Personnel"."""
    words = name.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def hearing_front_matter(
    doc: Document, mentions: list[Mention], dates: list[DateMention]
) -> tuple[list[Entity], list[Fact]]:
    """The bodies a printed hearing record's front matter names, each part of the next and the last
    of the chamber, and the hearing the first of them held on the day "HEARING HELD" states."""
    front = _FRONT.search(doc.text)
    if front is None:
        return [], []
    chamber = next((m for m in mentions if m.start == front.start("chamber") and m.kind == "Agency"), None)
    prefix = "House" if front["chamber"].startswith("HOUSE") else "Senate"
    names: list[tuple[int, int]] = []
    at = front.start("bodies")
    for line in front["bodies"].splitlines(keepends=True):
        text = line.strip()
        a = at + line.index(text[:1]) if text else at
        if _JOINER.fullmatch(line.rstrip("\n")) or not text:
            names.append((-1, -1))
        elif names and names[-1][0] >= 0 and not text.startswith(("COMMITTEE", "SUBCOMMITTEE")):
            names[-1] = (names[-1][0], a + len(text))  # a name wrapped over two lines
        else:
            names.append((a, a + len(text)))
        at += len(line)
    bodies = [(a, b) for a, b in names if a >= 0]
    if not bodies or not all(re.match(r"(?:SUB)?COMMITTEE\b|SELECT\b|SPECIAL\b", doc.text[a:b]) for a, b in bodies):
        return [], []
    entities, facts = [], []
    keys = []
    for a, b in bodies:
        label = _title_case(" ".join(doc.text[a:b].split()))
        key = slug(f"{prefix} {label}")
        keys.append(key)
        entities.append(Entity(key, "Agency", label))
        ev = evidence(doc, [(a, b)])
        facts += [
            Fact(key, "type", Kind("Agency"), ev, "front-matter"),
            Fact(key, "label", Lit(label), ev, "front-matter"),
        ]
    for (a, _), (_, d), key, whole in zip(bodies, bodies[1:], keys, keys[1:], strict=False):
        facts.append(Fact(key, "subOrganizationOf", Ref(whole), evidence(doc, [(a, d)]), "front-matter"))
    if chamber is not None:
        facts.append(Fact(keys[-1], "subOrganizationOf", Ref(chamber.key),
                          evidence(doc, [(bodies[-1][0], chamber.end)]), "front-matter"))  # fmt: skip
    held = _HELD.search(doc.text, front.end())
    day = next((d for d in dates if held is not None and held.start("day") <= d.start < held.end("day")
                and d.precision == "day"), None)  # fmt: skip
    if held is None or day is None:
        return entities, facts
    key = "event-hearing-" + short_hash(keys[0], day.value)
    label = f"Hearing of {entities[0].label}"
    ev = evidence(doc, [(held.start(), held.end())])
    rule = "front-matter"
    entities.append(Entity(key, "Hearing", label))
    facts += [
        Fact(key, "type", Kind("Hearing"), ev, rule),
        Fact(key, "label", Lit(label), ev, rule),
        Fact(key, "actor", Ref(keys[0]), evidence(doc, [(front.start(), bodies[0][1])]), rule),  # "HEARING BEFORE X"
        Fact(key, "date", date_lit(day.value), ev, rule),
    ]
    return entities, facts


#: A hearing page's witness list: its heading, or a witness's line ending "| Witness Testimony".
_WITNESSES = re.compile(r"(?im)^[ \t]*witness(?:es|[ \t]+list)?[ \t]*:?[ \t]*$|\|[ \t]*witness[ \t]+testimony\b")
#: A notice of a hearing to come: its witnesses have not testified yet ("will convene a hearing …",
#: "Witness list and panels subject to change").
_TO_COME = re.compile(
    r"(?i)\bwill[ \t]+(?:convene|hold|host|chair)\b[^.]{0,80}\bhearing\b|\bsubject[ \t]+to[ \t]+change\b"
)


def witness_testimonies(
    doc: Document, dates: list[DateMention], facts: list[Fact], labels: dict[str, str]
) -> tuple[list[Entity], list[Fact]]:
    """A hearing page's witnesses testified on the hearing's day: each person a roster line under
    the witness list names ("• Hon. Jennifer Homendy, Chair, National Transportation Safety Board |
    Witness Testimony"), on the day the page's head states, which must be its metadata's."""
    heading = _WITNESSES.search(doc.text)
    day = document_day(dates, doc.meta.date, HEAD) if heading is not None else None
    if heading is None or day is None or not re.search(r"(?i)\bhearing\b", doc.text) or _TO_COME.search(doc.text):
        return [], []
    after = doc.to_stored(heading.start(), heading.end())[0]
    told = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Testimony")}
    testified = {f.obj for f in facts if f.subject in told and f.predicate == "actor"}
    entities, out = [], []
    for f in facts:
        if f.rule != "roster" or f.predicate != "holds" or f.evidence.end < after or Ref(f.subject) in testified:
            continue
        testified.add(Ref(f.subject))
        key = "event-testimony-" + short_hash(f.subject, day.value)
        label = f"Testimony by {labels.get(f.subject, f.subject)}"
        rule = "document-day"
        entities.append(Entity(key, "Testimony", label))
        out += [
            Fact(key, "type", Kind("Testimony"), f.evidence, rule),
            Fact(key, "label", Lit(label), f.evidence, rule),
            Fact(key, "actor", Ref(f.subject), f.evidence, rule),
            Fact(key, "date", date_lit(day.value), evidence(doc, [(day.start, day.end)]), rule),
        ]
    return entities, out
