"""Facts from all documents → one consistent set: merged entities, settled positions, events
that qualify as events, and the disagreements between sources.

Runs after extraction, over the whole build, because some questions need every document: a bare
title ("Inspector General") is the specific post the same person holds elsewhere; an event that
no source gives an actor for is no event; two sources giving different dates disagree.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from kg.dates import find_dates
from kg.model import Document, Entity, Evidence, Fact, Kind, Lit, Obj, Ref
from kg.name_patterns import bare_surname
from kg.name_patterns import surname as person_surname
from kg.vocabulary import event_classes, implied_doer

#: Properties that have one true value per subject, so that different values conflict.
FUNCTIONAL = frozenset({"date", "begin", "end", "earliest", "legislationDate"})
DATE_PREDICATES = frozenset({"date", "begin", "end", "earliest"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Facts from different sources that give incompatible values for one subject and property."""

    key: str
    subject: str
    predicate: str
    facts: tuple[Fact, ...]
    label: str = ""  # how to say what is disputed, when "<predicate> of <subject>" would not do


def _compatible(a: Obj, b: Obj) -> bool:
    """Dates of different precision agree when one contains the other (2018-04-06 in 2018-04)."""
    if isinstance(a, Lit) and isinstance(b, Lit):
        return a.value.startswith(b.value) or b.value.startswith(a.value)
    return a == b


def join_surnames(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """A person a document names only by title and surname ("Chairman Durbin") is the one person of
    that surname another document names in full ("Dick Durbin"), where there is exactly one."""
    people = {k: e for k, e in entities.items() if e.kind in {"Person", "Official"}}
    full: dict[str, list[str]] = defaultdict(list)
    for k, e in sorted(people.items()):
        if bare_surname(e.label) is None:
            full[person_surname(e.label)].append(k)
    joined = {
        k: full[bare][0]
        for k, e in people.items()
        if (bare := bare_surname(e.label)) is not None and len(full.get(bare, [])) == 1 and full[bare][0] != k
    }
    return _rekeyed(facts, joined)  # the person named in full keeps their name


def _rekeyed(facts: list[Fact], joined: dict[str, str]) -> list[Fact]:
    """``facts`` with each key in ``joined`` replaced by the key it joins, as subject or object;
    a joined entity's own label goes (the one it joins keeps its name)."""
    if not joined:
        return facts
    out = []
    for f in facts:
        if f.subject in joined and f.predicate == "label":
            continue
        subject = joined.get(f.subject, f.subject)
        obj = Ref(joined[f.obj.key]) if isinstance(f.obj, Ref) and f.obj.key in joined else f.obj
        out.append(replace(f, subject=subject, obj=obj) if (subject, obj) != (f.subject, f.obj) else f)
    return out


def join_acronyms(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """Initials a document uses without defining them ("FAA", keyed ``initials-…``) are the one body
    another document, or the gazetteer, gives them to ("Federal Aviation Administration (FAA)");
    where none does, or several do, what was said of them is left out: initials alone may name a
    system, a program or a law as well as a body."""
    bare = {k: e for k, e in entities.items() if k.startswith("initials-")}
    if not bare:
        return facts
    owners: dict[str, set[str]] = defaultdict(set)
    for k, e in entities.items():
        if k not in bare and e.kind in {"Agency", "Organization"}:
            for alias in e.aliases:
                owners[alias].add(k)
    joined = {k: next(iter(owners[e.label])) for k, e in bare.items() if len(owners.get(e.label, ())) == 1}
    gone = set(bare) - set(joined)
    claimants: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.predicate == "claimant" and isinstance(f.obj, Ref):
            claimants[f.subject].add(f.obj.key)
    # A claim only initials nobody defines made is nobody's known claim: it goes with them.
    gone |= {k for k, who in claimants.items() if who <= gone}
    kept = [
        f
        for f in facts
        if f.subject not in gone
        and not (isinstance(f.obj, Ref) and f.obj.key in gone)
        and not (f.subject in bare and f.predicate == "type")  # the body named in full keeps its kind
    ]
    return _rekeyed(kept, joined)


_NATIONAL = re.compile(r"^(?:the\s+)?(?:U\.\s?S\.|US|United\s+States)\s+", re.I)


def join_national_names(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """A body named with and without its country ("Secret Service", "U.S. Secret Service", "United
    States Secret Service"), or a committee named in either word order ("Senate Judiciary Committee",
    "Senate Committee on the Judiciary"), is one body, as are its posts: the gazetteer's key, or else
    the fullest name's. Only names of two words or more past the country join ("U.S. Senate" and
    "Senate" are the gazetteer's to join)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for k, e in sorted(entities.items()):
        if e.kind in {"Agency", "Organization"}:
            rest = _NATIONAL.sub("", e.label)
            if len(rest.split()) >= 2:
                groups[_committee_order(rest)].append(k)
    joined: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) > 1:
            main = min(keys, key=lambda k: (not entities[k].known, -len(entities[k].label), k))
            joined |= {k: main for k in keys if k != main}
    if not joined:
        return facts
    posts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, e in sorted(entities.items()):
        if e.kind == "Position" and e.post_in is not None:
            title = e.label.split(",")[0].strip().lower()
            posts[(title, joined.get(e.post_in, e.post_in))].append(k)
    for (_, org), keys in posts.items():
        if len(keys) > 1:
            main = min(keys, key=lambda k: (not entities[k].known, entities[k].post_in != org, k))
            joined |= {k: main for k in keys if k != main}
    return _rekeyed(facts, joined)


_CHAMBER_FIRST = re.compile(r"^(?P<chamber>Senate|House)\s+(?P<topic>.+?)\s+Committee$")


def _committee_order(name: str) -> str:
    """A committee's name in one word order: "Senate Homeland Security and Governmental Affairs
    Committee" as "senate committee on homeland security and governmental affairs", which is how
    "Senate Committee on Homeland Security and Governmental Affairs" reads too."""
    words = " ".join(name.split())
    if (m := _CHAMBER_FIRST.match(words)) is not None and " on " not in m["topic"]:
        words = f"{m['chamber']} Committee on {m['topic']}"
    return re.sub(r"\bon the\b", "on", words.lower())


def join_posts(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """Posts of one title in one body are one post, whichever rule or document minted them ("U.S.
    Senator" read from a title before a name and the gazetteer's U.S. Senator): the gazetteer's key,
    or else the first by key."""
    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for k, e in sorted(entities.items()):
        if e.kind == "Position":
            groups[(" ".join(e.label.lower().split()), e.post_in)].append(k)
    joined: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) > 1:
            main = min(keys, key=lambda k: (not entities[k].known, k))
            joined |= {k: main for k in keys if k != main}
    return _rekeyed(facts, joined)


#: Words before a title that make it another post ("Vice President" is no President, "Deputy
#: Secretary" no Secretary): no qualifier that names whose post it is.
_OTHER_POST = frozenset(
    {"vice", "deputy", "acting", "assistant", "associate", "chief", "executive", "general", "principal",
     "managing", "special", "interim", "lead", "regional", "senior", "ranking", "former", "co", "under",
     "lieutenant", "first", "second", "attorney", "inspector", "surgeon", "solicitor", "commanding", "district",
     "republican", "democratic", "democrat", "independent", "then", "late", "new", "incoming", "outgoing"}
)  # fmt: skip


def _fuller(post: str, title: str, places: set[str]) -> bool:
    """Whether ``post`` (a label in lower case) is the post ``title`` with whose it is: "secretary of
    transportation" for "secretary", "mississippi governor" or "army secretary" for "governor" and
    "secretary"; not "vice president" for "president"."""
    if post.startswith(title + " of "):
        return True
    if not post.endswith(" " + title):
        return False
    qualifier = post[: -len(title) - 1]
    return qualifier in places or (
        len(qualifier.split()) <= 2 and not set(re.split(r"[\s-]+", qualifier)) & _OTHER_POST
    )


def settle_positions(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """Rewrite "holds <bare title>" to the one more specific post of that title the same person
    holds in another fact: the post in a body ("Director" and the FBI's Director), or the post
    with its place ("Governor Reeves" and "Mississippi Governor Tate Reeves"), where a place the
    build knows qualifies it ("Vice President" is no place's President). Only that person's holding
    moves: others may hold another governorship."""
    places: set[str] = set()
    for place in entities.values():
        if place.kind == "Place":
            places |= {" ".join(n.lower().split()) for n in (place.label, *place.aliases)}
    posts = {k: " ".join(e.label.lower().split()) for k, e in entities.items() if e.kind == "Position"}
    # A post is in a body if its entity says so or a fact does (a roster's line states the body
    # beside the title: "Jane Roe, Acting Administrator, Federal Railroad Administration").
    bodied = {k for k, e in entities.items() if e.post_in is not None}
    bodied |= {f.subject for f in facts if f.predicate == "postIn"}
    held: dict[str, set[str]] = defaultdict(set)
    in_body: set[tuple[str, str]] = set()  # (person, a post in a body they hold)
    for f in facts:
        if f.predicate == "holds" and isinstance(f.obj, Ref):
            if f.obj.key in posts:
                held[f.subject].add(f.obj.key)
            if f.obj.key in bodied:
                in_body.add((f.subject, f.obj.key))

    def placed(person: str, bare: str) -> str | None:
        title = posts.get(bare)
        if title is None:
            return None
        hits = [k for k in held[person] if k != bare and _fuller(posts[k], title, places)]
        return hits[0] if len(hits) == 1 else None

    # The place first, then the body the post (so moved) is in.
    moved: dict[tuple[str, str], str] = {}
    for person, keys in held.items():
        for bare in keys:
            if bare not in bodied and (to := placed(person, bare)) is not None:
                moved[(person, bare)] = to
    out = []
    for f in facts:
        if f.predicate == "holds" and isinstance(f.obj, Ref):
            key = moved.get((f.subject, f.obj.key), f.obj.key)
            e = entities.get(key)
            if e is not None and key not in bodied and not e.known:
                prefix = key + "-"
                hits = sorted({k for (p, k) in in_body if p == f.subject and k.startswith(prefix)})
                named = [k for k in hits if k in entities and entities[k].post_in is not None]
                if len(hits) == 1 or len(named) == 1:  # of two, the one whose entity names its body
                    key = hits[0] if len(hits) == 1 else named[0]
            if key != f.obj.key:
                f = replace(f, obj=Ref(key))
        out.append(f)
    return out


def holders_are_officials(facts: list[Fact], entities: dict[str, Entity]) -> list[Fact]:
    """A person who holds a post is an Official; the fact that says so is the evidence."""
    people = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Person")}
    out = list(facts)
    for f in facts:
        if f.predicate == "holds" and f.subject in people:
            out.append(Fact(f.subject, "type", Kind("Official"), f.evidence, "holds-post", f.stated_by))
            e = entities.get(f.subject)
            if e is not None and e.kind == "Person":
                entities[f.subject] = replace(e, kind="Official")
    return out


def settle_events(
    facts: list[Fact], entities: dict[str, Entity], dated_nearby: Callable[[Evidence], bool] | None = None
) -> list[Fact]:
    """Drop events no source gives a participant for (an actor, or what the event was done to),
    unless they are dated acts whose doer is implied (a court order, an executive order's signing, a
    report's release); mark the date unknown where no source gives one. Where the sentence that
    tells of an undated event states a date the parse did not attach to it (``dated_nearby``), when
    it happened is not settled: the event is only a candidate (its confidence below any threshold),
    not an event "date unknown" that a reader would take for one no date is given for."""
    kinds = {f.subject: f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    events = {k for k, kind in kinds.items() if kind in event_classes()}
    # A participant is enough: "Deborah Amdur was named director" says who was named, not who named her.
    with_participant = {f.subject for f in facts if f.predicate in {"actor", "object"} and f.subject in events}
    implied = {f.subject for f in facts if f.predicate in DATE_PREDICATES and kinds.get(f.subject) in implied_doer()}
    dropped = events - with_participant - implied
    kept = [f for f in facts if f.subject not in dropped and not (isinstance(f.obj, Ref) and f.obj.key in dropped)]
    dated = {f.subject for f in kept if f.predicate in DATE_PREDICATES}
    first_type = {}
    for f in kept:
        if f.predicate == "type" and f.subject in with_participant and f.subject not in first_type:
            first_type[f.subject] = f
    unsettled: set[str] = set()
    for key in sorted(with_participant - dated):
        t = first_type[key]
        kept.append(Fact(key, "dateUnknown", Lit("true", "boolean"), t.evidence, "no-date-attached"))
        if dated_nearby is not None and dated_nearby(t.evidence):
            unsettled.add(key)
    if not unsettled:
        return kept
    return [replace(f, confidence=min(f.confidence, UNSETTLED)) if f.subject in unsettled else f for f in kept]


#: The confidence of what the parse leaves unsettled: below any threshold a grammar may set.
UNSETTLED = 0.0


def dated_sentence(docs: Iterable[Document]) -> Callable[[Evidence], bool]:
    """Whether the sentence a piece of evidence stands in states a date (:func:`kg.dates.find_dates`)."""
    by_id = {d.id: d for d in docs}

    def dated(ev: Evidence) -> bool:
        doc = by_id.get(ev.source)
        span = doc.stored_sentence_at(ev.start) if doc is not None else None
        if doc is None or span is None:
            return False
        return any(not d.relative for d in find_dates(doc.stored[span.start : span.end], doc.meta.date))

    return dated


def dedupe(facts: list[Fact]) -> list[Fact]:
    """One record per (statement, evidence); keeps the first rule that found it."""
    seen: dict[tuple[object, ...], Fact] = {}
    for f in facts:
        seen.setdefault((f.subject, f.predicate, f.obj, f.evidence), f)
    return sorted(seen.values(), key=fact_sort_key)


def fact_sort_key(f: Fact) -> tuple[object, ...]:
    return (
        f.subject,
        f.predicate,
        repr(f.obj),
        f.evidence.source,
        f.evidence.start,
        f.evidence.end,
    )


def find_conflicts(facts: list[Fact]) -> list[Conflict]:
    """Pairs of sources whose values for a functional property of one subject are incompatible."""
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.predicate in FUNCTIONAL:
            groups[(f.subject, f.predicate)].append(f)
    out: list[Conflict] = []
    for (subject, predicate), fs in sorted(groups.items()):
        values = sorted({f.obj for f in fs}, key=repr)
        clash = [(a, b) for i, a in enumerate(values) for b in values[i + 1 :] if not _compatible(a, b)]
        if not clash:
            continue
        involved = sorted({f for f in fs for a, b in clash if f.obj in (a, b)}, key=fact_sort_key)
        if len({f.evidence.source for f in involved}) < 2:
            continue
        digest = hashlib.sha256(f"{subject}|{predicate}|{values}".encode()).hexdigest()[:12]
        out.append(Conflict(f"conflict-{digest}", subject, predicate, tuple(involved)))
    return out + count_conflicts(facts)


def _interval(value: Decimal, qualifier: str) -> tuple[Decimal, Decimal]:
    """The values a count with its qualifier allows ("more than 5,500": above 5,500)."""
    big = Decimal("1e30")
    return {
        "lower-bound": (value, big),
        "upper-bound": (Decimal(0), value),
        "approximate": (value * Decimal("0.9"), value * Decimal("1.1")),
    }.get(qualifier, (value, value))


def count_conflicts(facts: list[Fact]) -> list[Conflict]:
    """Counts of separations under one policy, from different sources, that cannot both be true:
    "2,654 children" and "more than 5,500 children" disagree; "2,654" and "over 2,000" do not."""
    counted = {f.subject: f.obj.value for f in facts if f.predicate == "counted" and isinstance(f.obj, Lit)}
    qualifier = {f.subject: f.obj.value for f in facts if f.predicate == "qualifier" and isinstance(f.obj, Lit)}
    values = {f.subject: f for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)}
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.rule == "separation-count" and isinstance(f.obj, Ref) and f.subject in values:
            head = counted.get(f.subject, "").split()[-1:] or [""]
            groups[(f.obj.key, head[0].lower())].append(values[f.subject])
    out: list[Conflict] = []
    for (policy, noun), fs in sorted(groups.items()):
        fs = sorted(set(fs), key=fact_sort_key)
        spans = {
            f: _interval(Decimal(f.obj.value), qualifier.get(f.subject, "exact")) for f in fs if isinstance(f.obj, Lit)
        }
        involved = {
            f
            for a in fs
            for b in fs
            if a.evidence.source != b.evidence.source
            and (
                spans[a][1] < spans[b][0]
                or spans[b][1] < spans[a][0]
                or (spans[a][0] == spans[a][1] == spans[b][0] and spans[a][1] < spans[b][1])
            )
            for f in (a, b)
        }
        if involved:
            digest = hashlib.sha256(f"{policy}|count|{noun}".encode()).hexdigest()[:12]
            label = f"number of {noun} separated"
            out.append(
                Conflict(f"conflict-{digest}", policy, "value", tuple(sorted(involved, key=fact_sort_key)), label)
            )
    return out
