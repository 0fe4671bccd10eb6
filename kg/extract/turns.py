"""Who speaks each turn of a transcript.

A briefing's or a court's transcript opens each turn with its speaker's label in capitals and a
colon ("SECRETARY RYAN D. MCCARTHY: Good morning …", "MR. KIRBY: …", "Q: …"); a congressional
hearing's record, with a title and a surname and a full stop ("Mr. Horowitz. Thank you, …"). What
follows a label, to the next one, is that speaker's. A label names its speaker by a surname the
document gives in full elsewhere, or in full itself, with a title before it ("ARMY SECRETARY RYAN
D. MCCARTHY"); a label that names nobody so ("Q:", "THE COURT:", "NOTE:") still ends the turn
before it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.mentions import person_key
from kg.model import PEOPLE, Document, Entity, Mention
from kg.name_patterns import surname

#: A label in capitals at a line's start, a colon after it: "ARMY SECRETARY RYAN D. MCCARTHY:", "Q:".
_CAPS = re.compile(
    r"(?m)^[ \t]*(?P<label>[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,7}"
    r"(?:,[ \t]+[A-Z][A-Z.'’\-]*(?:[ \t]+[A-Z][A-Z.'’\-]*){0,5})?)[ \t]*:[ \t]+(?=\S)"
)
#: A hearing record's label: a title and a surname, a full stop, and the words ("Mr. Horowitz. Thank you").
_HEARING = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:(?:Mr|Ms|Mrs|Dr)\.|Chairman|Chairwoman|Chair|Senator|Representative|Secretary"
    r"|Director|General|Admiral|Judge)[ \t]+[A-Z][A-Za-z'’\-]+)\.[ \t]+(?=[A-Z“\"])"
)
#: A transcript's label of a title alone: "The President.", "THE PRESIDENT:", "The Vice President.".
_TITLE_ALONE = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:The|THE)[ \t]+(?:(?:Vice|VICE)[ \t]+)?(?:President|PRESIDENT))[.:][ \t]+(?=\S)"
)
#: At least this many labels make a hearing record's turns (one "Mr. Smith." opening a line is no transcript).
_MIN_HEARING_TURNS = 2


@dataclass(frozen=True)
class Label:
    start: int  # where the label starts
    end: int  # where the turn's words start
    name: tuple[int, int]  # the speaker's name in the label (its words after the titles)
    titled: bool  # whether a title stands before the name


@functools.lru_cache(maxsize=4)
def labels(text: str, titles: frozenset[str]) -> tuple[Label, ...]:
    """Every speaker's label of ``text``, in order (those naming nobody too: they end a turn). Kept
    for the document's next call: the speakers' mentions, then their turns, read the same labels."""
    found = []
    for m in _CAPS.finditer(text):
        if any(c.islower() for c in m["label"]):
            continue
        found.append(_label(m, titles))
    hearing = [_label(m, titles) for m in _HEARING.finditer(text)]
    if len(hearing) >= _MIN_HEARING_TURNS:
        found += hearing
    taken = {x.start for x in found}
    found += [Label(m.start("label"), m.end(), (m.end("label"), m.end("label")), True)
              for m in _TITLE_ALONE.finditer(text) if m.start("label") not in taken]  # fmt: skip
    return tuple(sorted(found, key=lambda x: x.start))


def _label(m: re.Match[str], titles: frozenset[str]) -> Label:
    """The label, its name the words after its last title ("ARMY SECRETARY | RYAN D. MCCARTHY") and
    before a title after a comma ("JOHN KIRBY, PRESS SECRETARY"), or
    after the body a title's "of" names ("SECRETARY OF THE NAVY | DANA J. LUTZ": the model, reading
    the label in its own case, tells where the name starts)."""
    head, _, after = m["label"].partition(",")
    if after.strip() in {"JR.", "JR", "SR.", "SR"}:
        head, after = m["label"], ""  # "JOHN DOE, JR.": all of it the name
    words = list(re.finditer(r"\S+", head))
    lowered = {t.lower().rstrip(".") for t in titles}
    last_title = max((i for i, w in enumerate(words) if w.group().lower().rstrip(".,") in lowered), default=-1)
    rest = words[last_title + 1 :]
    if rest and rest[0].group().lower() == "of":
        person = _person_at_end(_proper(m["label"]))
        rest = [w for w in rest if person is not None and w.start() >= person]
    base = m.start("label")
    name = (base + rest[0].start(), base + rest[-1].end()) if rest else (m.end("label"), m.end("label"))
    return Label(m.start("label"), m.end(), name, last_title >= 0 or bool(after.strip()))


def _person_at_end(text: str) -> int | None:
    """Where the person's name that ends ``text`` starts, as the model reads it."""
    from kg.extract.parse import run_model

    doc = run_model(text)
    ends = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char == len(text.rstrip(" ,."))]
    return ends[-1].start_char if ends else None


def turn_mentions(
    doc: Document, mentions: list[Mention], titles: frozenset[str]
) -> tuple[list[Mention], dict[str, Entity]]:
    """The speakers the labels name, as mentions, and the people they name whom the text names
    nowhere else (a label in full, with a title: "ARMY SECRETARY RYAN D. MCCARTHY"). A mention of
    anything but a person the model made of a label in capitals gives way to them (the caller's)."""
    text = doc.text
    people: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind in PEOPLE and m.rule not in {"pronoun", "turn"}:
            people.setdefault(surname(m.text).lower(), set()).add(m.key)
    out: list[Mention] = []
    minted: dict[str, Entity] = {}
    for label in labels(text, titles):
        a, b = label.name
        name = text[a:b]
        if a == b or any(x.start < b and a < x.end and x.kind in PEOPLE for x in mentions):
            continue  # no name, or one the text names there already as a person's
        keys = people.get(surname(name).lower().rstrip("."), set())
        if len(keys) == 1:
            out.append(Mention(a, b, name, "Person", next(iter(keys)), "turn"))
        elif not keys and label.titled and len(name.split()) >= 2 and name.isupper():
            proper = _proper(name)
            key = person_key(proper)
            minted[key] = Entity(key=key, kind="Official", label=proper)
            out.append(Mention(a, b, name, "Official", key, "turn"))
            people.setdefault(surname(proper).lower(), set()).add(key)  # "SECRETARY LUTZ:" later on
    return out, minted


def _proper(name: str) -> str:
    """A name in capitals, in its own case: "RYAN D. MCCARTHY" -> "Ryan D. McCarthy"."""
    words = [w.capitalize() for w in name.split()]
    return " ".join(re.sub(r"^(Mc|Mac|O’|O')([a-z])", lambda m: m[1] + m[2].upper(), w) for w in words)


def turns(doc: Document, mentions: list[Mention], titles: frozenset[str]) -> list[tuple[str, tuple[int, int, int]]]:
    """(speaker, (label's start, words' start, end)) of each turn whose label names its speaker; a
    label of a title alone ("The President.") is the one person the text gives that title."""
    found = labels(doc.text, titles)
    speaker = {(m.start, m.end): m.key for m in mentions if m.rule == "turn"}
    named = {(x.start, x.end): m.key for x in found for m in mentions if m.start < x.name[1] and x.name[0] < m.end
             and m.kind in PEOPLE and m.rule != "pronoun"}  # fmt: skip
    out = []
    ends = [x.start for x in found[1:]] + [len(doc.text)] * bool(found)
    for x, end in zip(found, ends, strict=True):
        key = speaker.get(x.name) or named.get((x.start, x.end)) or _holder(doc.text, x, mentions)
        if key is not None:
            out.append((key, (x.start, x.end, end)))
    return out


def _holder(text: str, label: Label, mentions: list[Mention]) -> str | None:
    """ "The President." in a transcript the text heads with "Remarks by President Joe Biden …": the
    one person the text gives the label's title before their name."""
    m = _TITLE_ALONE.match(text, label.start)
    if m is None:
        return None
    title = " ".join(m["label"].split()[1:]).lower()  # "president", "vice president"
    held = {x.key for x in mentions if x.kind in PEOPLE and x.rule != "pronoun"
            and re.search(rf"(?i)(?<!vice )\b{title}[ \t]+$", text[max(0, x.start - 20) : x.start])}  # fmt: skip
    return held.pop() if len(held) == 1 else None
