"""One document's facts settled as nodes: an event the parse found done by a post is its holder's; one
event node per occurrence, however many sentences tell it; one statistic per figure, however often
the document states it."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.patterns import FORMER
from kg.extract.positions import tenure_facts
from kg.model import Entity, Fact, Kind, Lit, Ref
from kg.name_patterns import WHICH_BODY
from kg.sentences import line_around
from kg.vocabulary import event_classes

#: An attribution that opens on a post named with its body: "Secretary of Homeland Security denied …".
_POST_OF_A_BODY = re.compile(r"(?:[A-Z][\w-]*[ \t]+)+of[ \t]+(?:the[ \t]+)?[A-Z]")


def posts_act_through_holders(facts: list[Fact], entities: dict[str, Entity]) -> tuple[list[Fact], dict[str, str]]:
    """ "Chair of the House Appropriations Committee Rosa DeLauro today issued …", "the President
    announced", "the Prime Minister said": an event whose actor, or a claim whose claimant, the parse
    found as a post is the act or the word of the one person the document says holds that post, if it
    says so of one; its label names that person. A claim of a post no one (or more than one) is said
    to hold here is the word of the body the post is in, if the text names it; else nobody's the text
    settles: it goes, with the statement its saying made (another event keeps its actor). Returns the
    facts and the events' new labels."""
    ended = {f.subject for f in facts if f.predicate == "ended"}
    tenures: dict[str, dict[str, str]] = {}
    for f in facts:
        if f.subject in ended and f.predicate in {"member", "tenurePost"} and isinstance(f.obj, Ref):
            tenures.setdefault(f.subject, {})[f.predicate] = f.obj.key
    former = {(t.get("member"), t.get("tenurePost")) for t in tenures.values()}
    holders: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate != "holds" or not isinstance(f.obj, Ref):
            continue
        if FORMER.search(f.evidence.quote) or (f.subject, f.obj.key) in former:
            continue  # a former holder is not who "the Prime Minister" is now
        holders.setdefault(f.obj.key, set()).add(f.subject)
    events = event_classes() | {"Claim"}
    acts = {f.subject for f in facts if f.predicate == "type" and isinstance(f.obj, Kind) and f.obj.name in events}
    by: dict[str, tuple[str, str]] = {}  # event or claim: (post, who acts or says through it)
    unheld: set[str] = set()  # claims said by a post no one here is said to hold, of no body named
    for f in facts:
        if f.subject not in acts or f.predicate not in {"actor", "claimant"} or not isinstance(f.obj, Ref):
            continue
        e = entities.get(f.obj.key)
        if e is None or e.kind != "Position":
            continue
        held = holders.get(f.obj.key, set())
        if len(held) == 1:
            by[f.subject] = (f.obj.key, next(iter(held)))
        elif f.predicate == "claimant" and e.post_in and _POST_OF_A_BODY.match(f.evidence.quote):
            by[f.subject] = (f.obj.key, e.post_in)  # "the Secretary of Homeland Security denied …": the body's word
        elif f.predicate == "claimant":
            unheld.add(f.subject)  # ("the Minister said", naming no minister or two): whose words, unsettled
    # a statement made of a claim's saying is its speaker's, as the claim is
    claims = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Claim")}  # (labelled by their words)
    made = {f.subject for f in facts if f.predicate == "type" and f.rule == "grammar:claim" and f.obj != Kind("Claim")}
    for f in facts:
        if f.predicate == "expresses" and f.subject in made and isinstance(f.obj, Ref) and f.obj.key in by:
            by.setdefault(f.subject, by[f.obj.key])
    if unheld:
        said = {f.subject for f in facts if f.predicate == "expresses" and f.subject in made
                and isinstance(f.obj, Ref) and f.obj.key in unheld}  # fmt: skip
        facts = [f for f in facts if f.subject not in unheld | said
                 and not (f.predicate == "expresses" and isinstance(f.obj, Ref) and f.obj.key in unheld)]  # fmt: skip
    if not by:
        return facts, {}

    def label(key: str) -> str:
        e = entities.get(key)
        return e.label if e is not None else key

    out, relabelled = [], {}
    for f in facts:
        if f.subject in by:
            post, holder = by[f.subject]
            if f.predicate in {"actor", "claimant"} and isinstance(f.obj, Ref) and f.obj.key == post:
                f = replace(f, obj=Ref(holder))
            elif f.predicate == "label" and isinstance(f.obj, Lit) and f.subject not in claims:
                value = f.obj.value
                if label(post) in value:
                    value = value.replace(label(post), label(holder))
                elif " by " in value and " and " not in value.rsplit(" by ", 1)[1]:
                    value = f"{value.rsplit(' by ', 1)[0]} by {label(holder)}"  # (named by the post's words)
                if value != f.obj.value:
                    relabelled[f.subject] = value
                f = replace(f, obj=Lit(value))
        out.append(f)
    return out, relabelled


def one_statistic_per_figure(facts: list[Fact]) -> tuple[list[Fact], set[str]]:
    """ "The OCC today assessed a $35 million civil money penalty … The $35 million civil money
    penalty reflects …": a figure a document states again, undated, is the one statistic it dated,
    if it dated that figure once (the same value, qualifier, unit and counted noun): one node, each
    statement its evidence, the dated one's name."""
    stated: dict[str, dict[str, str]] = {}
    dated: set[str] = set()
    for f in facts:
        if f.subject.startswith("statistic-") and isinstance(f.obj, Lit):
            if f.predicate in {"value", "qualifier", "unit", "counted"}:
                stated.setdefault(f.subject, {})[f.predicate] = f.obj.value
            elif f.predicate in {"date", "begin", "end"}:
                dated.add(f.subject)
    figures: dict[tuple[str, ...], list[str]] = {}
    for key, said in sorted(stated.items()):
        figures.setdefault(tuple(said.get(p, "") for p in ("value", "qualifier", "unit", "counted")), []).append(key)
    joined: dict[str, str] = {}
    for keys in figures.values():
        when = [k for k in keys if k in dated]
        if len(when) == 1:
            joined |= {k: when[0] for k in keys if k not in dated}
    if not joined:
        return facts, set()
    out = [replace(f, subject=joined.get(f.subject, f.subject))
           for f in facts if f.subject not in joined or f.predicate not in {"type", "label"}]  # fmt: skip
    return out, set(joined)


def one_node_per_occurrence(facts: list[Fact]) -> tuple[list[Fact], set[str]]:
    """One event of a kind by the same actors on the same day in one document is one occurrence,
    however many sentences tell it (a headline repeated as the lead: "The interim report released
    today by the Committee …"): the later nodes join the first. The keys joined away, too."""
    kinds = {f.subject: f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    events = event_classes()
    actors: dict[str, set[str]] = {}
    days: dict[str, set[str]] = {}
    for f in facts:
        if kinds.get(f.subject) in events and isinstance(f.obj, Ref) and f.predicate == "actor":
            actors.setdefault(f.subject, set()).add(f.obj.key)
        elif kinds.get(f.subject) in events and isinstance(f.obj, Lit) and f.predicate == "date":
            days.setdefault(f.subject, set()).add(f.obj.value)
    first: dict[tuple[str, frozenset[str], frozenset[str]], str] = {}
    joined: dict[str, str] = {}
    for key in sorted(k for k in kinds if kinds[k] in events and actors.get(k) and len(days.get(k, ())) == 1):
        sig = (kinds[key], frozenset(actors[key]), frozenset(days[key]))
        if sig in first:
            joined[key] = first[sig]
        else:
            first[sig] = key
    if not joined:
        return facts, set()
    out = [replace(f, subject=joined.get(f.subject, f.subject),
                   obj=Ref(joined[f.obj.key]) if isinstance(f.obj, Ref) and f.obj.key in joined else f.obj)
           for f in facts]  # fmt: skip
    return out, set(joined)


#: Bare posts of a committee, and of a court: whose they are, a document that names one says.
_COMMITTEE_POSTS = frozenset({"Chairman", "Chairwoman", "Chair", "Ranking Member", "Vice Chairman", "Vice Chair"})
_COURT_POSTS = frozenset({"Judge", "Chief Judge", "Magistrate Judge", "District Judge"})


#: A committee's name (not "This Committee", :data:`kg.name_patterns.WHICH_BODY`).
_COMMITTEE = re.compile(r"\bCommittee\b")
#: A committee's leaders named together, as a witness greets them ("Chairman Graves, Ranking Member
#: Larsen, and Members of the Committee"): a chair so named is the committee's, not another body's.
_LEADERS = re.compile(r"\bRanking[ \t]+Members?\b")


def _court_words(name: str) -> frozenset[str]:
    """A court's name without the words its names differ by ("United States District Court for the
    Eastern District of Louisiana", "U.S. District Court in the Eastern District of Louisiana")."""
    return frozenset(re.findall(r"[a-z]+", name.lower())) - {"united", "states", "u", "s", "for", "in", "the", "of"}


#: The kind of court a judge's title names before "Judge": "U.S. District Judge", "Circuit Judge".
_COURT_KIND = re.compile(r"\b(District|Circuit|Bankruptcy|Supreme|Appeals|Magistrate|Appellate)[ \t]+$")


def _of_this_court(text: str, at: int, body: str) -> bool:
    """Whether a title read at ``at`` may be of the court ``body``: "U.S. District Judge Rya W. Zobel"
    is a district court's judge, not of the one court a photo's caption names ("Boston Federal Court")."""
    kind = _COURT_KIND.search(text, max(0, at - 30), at)
    if kind is None:
        return True
    word = {"Magistrate": "District", "Appellate": "Appeals", "Circuit": "Circuit"}.get(kind[1], kind[1])
    return word in body or (word == "Circuit" and "Appeals" in body)


def posts_of_the_one_body(
    text: str, facts: list[Fact], entities: dict[str, Entity]
) -> tuple[list[Fact], dict[str, Entity]]:
    """ "Chairman Camp, Ranking Member Levin, and Members of the Committee" in testimony before the
    House Committee on Ways and Means: in a document that names one committee and a ranking member
    of it, a bare chair's or ranking member's post is that committee's; in one that names one court, a
    bare judge's post is that court's. (A document that names two committees, or two courts, does
    not say whose.) The holding's evidence is the title's and the name's; the post's, the body's name."""
    named: dict[str, Fact] = {}
    for f in facts:
        if f.predicate == "type" and isinstance(f.obj, Kind) and f.obj.name in {"Agency", "Organization"}:
            named.setdefault(f.subject, f)
    label = {k: (e.label if (e := entities.get(k)) is not None else "") for k in named}
    committees = [k for k in named if _COMMITTEE.search(label[k]) and not WHICH_BODY.match(label[k])]
    if re.search(r"(?i)subcommittee", text):
        committees = []  # a chair may be the subcommittee's
    courts = list({_court_words(label[k]): k for k in named if re.search(r"\bCourt\b", label[k])}.values())
    posts = {f.obj.key: entities.get(f.obj.key) for f in facts if f.predicate == "holds" and isinstance(f.obj, Ref)}
    bare = {k: e.label for k, e in posts.items() if e is not None and not e.post_in}
    ranking = "Ranking Member" in bare.values()
    body_of: dict[str, str] = {}
    for key, title in bare.items():
        if title in _COMMITTEE_POSTS and ranking and len(committees) == 1:
            body_of[key] = committees[0]
        elif title in _COURT_POSTS and len(courts) == 1:
            body_of[key] = courts[0]
    if not body_of:
        return facts, {}
    minted: dict[str, Entity] = {}
    out = []
    for f in facts:
        if (
            f.predicate == "holds"
            and isinstance(f.obj, Ref)
            and f.obj.key in body_of
            and (bare[f.obj.key] not in _COMMITTEE_POSTS or _LEADERS.search(text, *line_around(text, f.evidence.start)))
            and _of_this_court(text, f.evidence.start, label[body_of[f.obj.key]])
        ):
            body = body_of[f.obj.key]
            key = f"{f.obj.key}-{body}"
            minted[key] = Entity(key=key, kind="Position", label=f"{bare[f.obj.key]}, {label[body]}", post_in=body)
            out.append(replace(f, obj=Ref(key), rule="post-of-the-one-body"))
            for p, o in (("type", Kind("Position")), ("label", Lit(minted[key].label)), ("postIn", Ref(body))):
                out.append(Fact(key, p, o, named[body].evidence, "post-of-the-one-body"))
            continue
        out.append(f)
    return out, minted


#: Events by which one takes up a post, whose date begins the tenure the same sentence names.
_TAKING_UP = frozenset({"Appointment"})
#: Steps before one takes up a post.
_NOT_YET_IN_OFFICE = re.compile(r"(?i)\b(?:nominat|confirm|designat)")


#: The verb of taking up a post, and a capitalised title right after it ("was appointed Executive Director").
_TAKES_UP = re.compile(
    r"(?i:\b(?:appoint|nam|elect|select|install|promot)\w*)(?=[ \t]+(?:as[ \t]+)?(?:the[ \t]+)?[A-Z][a-z])"
)


def _another_post_named(stored: str, facts: list[Fact], event: str, held: Fact) -> bool:
    """Whether the appointment names a post of its own after its verb, the post held standing before
    it: "Dr. Alton G. Keel, Jr., Associate Director of the Office of Management and Budget, was
    appointed Executive Director" begins no tenure as Associate Director."""
    ev = next((f.evidence for f in facts if f.subject == event and f.predicate == "type"), None)
    if ev is None:
        return False
    verb = _TAKES_UP.search(stored, ev.start, min(len(stored), ev.end + 40))
    return verb is not None and held.evidence.end <= verb.start()


def appointed_tenures(stored: str, facts: list[Fact], labels: dict[str, str]) -> tuple[list[Fact], dict[str, Entity]]:
    """ "Pruitt was elected as chairman of the Republican Attorneys General Association in 2012": the
    appointment's date begins the tenure of the one post its sentence gives the appointee, where no
    tenure of that post is dated yet. The tenure's evidence is the words from the post to the date."""
    kinds = {f.subject: f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    dated = {(f.subject, f.obj.key) for f in facts if f.predicate == "tenurePost" and isinstance(f.obj, Ref)}
    begun = {f.subject for f in facts if f.predicate == "begin"}
    tenured = {post for tenure, post in dated if tenure in begun}
    out: list[Fact] = []
    made: dict[str, Entity] = {}
    for event in sorted({s for s, k in kinds.items() if k in _TAKING_UP}):
        objects = [f for f in facts if f.subject == event and f.predicate == "object" and isinstance(f.obj, Ref)]
        dates = [f for f in facts if f.subject == event and f.predicate == "date" and f.rule.startswith("grammar:")]
        if len(objects) != 1 or len(dates) != 1 or not isinstance(objects[0].obj, Ref):
            continue
        said = next((f.evidence.quote for f in facts if f.subject == event and f.predicate == "type"), "")
        if _NOT_YET_IN_OFFICE.search(said):
            continue  # "was nominated … on May 3", "was confirmed on …": the tenure begins later
        person, when = objects[0].obj.key, dates[0]
        posts = {
            f.obj.key: f
            for f in facts
            if f.subject == person and f.predicate == "holds" and isinstance(f.obj, Ref)
            and _one_sentence(stored, f.evidence.start, f.evidence.end, when.evidence.start, when.evidence.end)
        }  # fmt: skip
        if len(posts) != 1:
            continue
        post, held = next(iter(posts.items()))
        if post in tenured or _another_post_named(stored, facts, event, held):
            continue
        start, end = min(held.evidence.start, when.evidence.start), max(held.evidence.end, when.evidence.end)
        ev = replace(held.evidence, start=start, end=end, quote=stored[start:end])
        tenure, facts_of = tenure_facts(person, post, labels, ev, "appointed-tenure")
        made[tenure.key] = tenure
        out += [*facts_of, Fact(tenure.key, "begin", when.obj, ev, "appointed-tenure")]
        tenured.add(post)
    return [*facts, *out], made


def _one_sentence(text: str, a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether two stretches of ``text`` stand in one sentence: near, and no full stop between them."""
    lo, hi = min(a1, b1), max(a0, b0)
    return hi - lo < 160 and re.search(r"[.;!?](?:\s|$)", text[lo:hi]) is None


def _title_of(e: Entity) -> str:
    """A post's title without its body: "President, Pennsylvania State University" → "president"."""
    return re.split(r",[ \t]| of\b", e.label, maxsplit=1)[0].strip().lower()


def _titles_of(e: Entity) -> set[str]:
    """The titles a bodied post's title joins: "President & Legislative Chair" → both."""
    return {t.strip() for t in re.split(r"[ \t]*(?:&|\band\b|/)[ \t]*", _title_of(e))} | {_title_of(e)}


def _title_said(f: Fact, e: Entity) -> str | None:
    """The words of the quote that name post ``e``: its title, where it has no body, else the longest
    of its names the quote says ("President" of the gazetteer's "President of the United States")."""
    if not e.known:
        return e.label.lower()
    said = [a for a in (e.label, *e.aliases) if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", f.evidence.quote)]
    return max(said, key=len).lower() if said else None


def posts_in_their_own_words(facts: list[Fact], entities: dict[str, Entity], ranks: frozenset[str]) -> list[Fact]:
    """A post named by its title alone is the post with a body the document says its holder holds
    under that title, if it names one: "the Board of Trustees hereby appoints Dr. Rodney A. Erickson as
    president of the Pennsylvania State University … President Erickson" — the university's president,
    not the gazetteer's President of the United States; "Chris Leonard, President & Legislative Chair,
    Hawaii Association of Broadcasters" — not a bare "President". A rank alone ("Major General Arthur
    J. Logan", "Captain Chad M. Fisher") is no post: the holding is not asserted."""
    held: dict[str, list[Fact]] = {}
    for f in facts:
        if f.predicate == "holds" and isinstance(f.obj, Ref):
            held.setdefault(f.subject, []).append(f)
    of_a_body = {f.subject for f in facts if f.predicate == "postIn"}
    swap: dict[tuple[str, str], str] = {}  # (holder, post) → the post with a body
    dropped: set[tuple[str, str]] = set()
    for person, holdings in held.items():
        posts = {k: e for f in holdings if isinstance(f.obj, Ref) and (e := entities.get(k := f.obj.key)) is not None}
        bodied = {k: e for k, e in posts.items() if (k in of_a_body or e.post_in is not None) and not e.known}
        for f in holdings:
            assert isinstance(f.obj, Ref)
            e = posts.get(f.obj.key)
            if e is None or f.obj.key in bodied:
                continue
            title = _title_said(f, e)
            ones = {k for k, b in bodied.items() if title is not None and title in _titles_of(b)}
            if len(ones) == 1:
                swap[(person, f.obj.key)] = next(iter(ones))
            elif f.obj.key not in of_a_body and e.post_in is None and e.label.lower() in ranks:
                dropped.add((person, f.obj.key))
    if not swap and not dropped:
        return facts
    out = []
    for f in facts:
        if f.predicate == "holds" and isinstance(f.obj, Ref):
            if (f.subject, f.obj.key) in dropped:
                continue
            if (new := swap.get((f.subject, f.obj.key))) is not None:
                f = replace(f, obj=Ref(new))
        out.append(f)
    # a post no one is left holding, and the tenures of dropped holdings, go
    still = {f.obj.key for f in out if f.predicate == "holds" and isinstance(f.obj, Ref)}
    gone = {k for _, k in dropped | set(swap)} - still
    members = {f.subject: f.obj.key for f in out if f.predicate == "member" and isinstance(f.obj, Ref)}
    tenures = {f.subject for f in out if f.predicate == "tenurePost" and isinstance(f.obj, Ref)
               and ((members.get(f.subject, ""), f.obj.key) in dropped | set(swap))}  # fmt: skip
    gone |= tenures
    return [f for f in out if f.subject not in gone and not (isinstance(f.obj, Ref) and f.obj.key in gone)]
