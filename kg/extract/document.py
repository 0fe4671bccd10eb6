"""One document, end to end: mentions and the parse → the model's entities → pattern rules →
grammar → checks.

The pattern rules (:mod:`kg.extract.rules`) run first over the mentions (the gazetteer's, the
patterns' and the model's); the parse then adds what the grammar finds and takes away what it
contradicts:

- claims the parse attributes (:mod:`kg.extract.claims`) overrule the pattern rules' over the same
  words; posts, parts of organisations and events the pattern rules did not read are added;
- :mod:`kg.extract.checks` drops what the parse does not settle (misread statistics, negated events,
  misattributed claims, relations read from headlines);
- every fact keeps its confidence (``Fact.confidence``); the build keeps those below the grammar's
  threshold out of the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.dates import DateMention
from kg.extract.checks import (
    Tokens,
    cut_bodies,
    cut_titles,
    headline_facts,
    misattributed_claims,
    unasserted_events,
    unclausal_claims,
    unsaid_claims,
)
from kg.extract.checks_numbers import (
    faced_penalties,
    loose_statistic_links,
    misread_counted,
    misread_statistics,
    partial_counts,
)
from kg.extract.claims import (
    FoundClaim,
    asserted,
    find_claims,
    first_person_claims,
    is_question,
    release_days,
    runs_a_meeting,
)
from kg.extract.claims import to_facts as claim_facts
from kg.extract.dating import loose_event_dates, loose_statistic_dates, loose_tenures
from kg.extract.entities import model_mentions, model_people, person_of_body, publisher_mentions
from kg.extract.events import Mentions, blocked, find_events, to_facts
from kg.extract.grammar import Grammar, default_grammar
from kg.extract.own_events import (
    own_court_order,
    own_statement,
    own_testimony,
    published_reports,
    release_makers,
    testimony_hearing,
)
from kg.extract.parse import Parse, load_model, parse_document, verb_lemmas
from kg.extract.positions import ended_tenures, find_posts
from kg.extract.positions import to_facts as post_facts
from kg.extract.records import hearing_front_matter, witness_testimonies
from kg.extract.relations import find_parts
from kg.extract.relations import to_facts as part_facts
from kg.extract.rules import Extraction, extract_facts
from kg.extract.rules_base import document_dates
from kg.extract.settle import (
    appointed_tenures,
    one_node_per_occurrence,
    one_statistic_per_figure,
    posts_act_through_holders,
    posts_in_their_own_words,
    posts_of_the_one_body,
)
from kg.extract.speakers import document_speaker, handovers, publisher_body, words_below
from kg.extract.statements import (
    continued_quotations,
    joint_speakers,
    lead_quotation_claims,
    statement_claims,
    statements_apart,
)
from kg.extract.turns import turn_mentions, turns
from kg.gazetteer import Gazetteer
from kg.mentions import find_mentions
from kg.model import PEOPLE, Document, Entity, Evidence, Fact, Kind, Lit, Mention, Ref
from kg.name_patterns import INITIALED
from kg.vocabulary import event_classes, parent_class

if TYPE_CHECKING:
    from spacy.language import Language


def extract_document_facts(
    doc: Document, gaz: Gazetteer, grammar: Grammar | None = None, parse: Parse | None = None
) -> tuple[dict[str, Entity], list[Fact], list[str]]:
    """The entities ``doc`` introduces, the facts it states, and warnings; ``parse`` is its parse,
    if made already."""
    grammar = grammar or default_grammar()
    nlp = load_model()
    parse = parse if parse is not None else parse_document(doc, nlp)
    found = find_mentions(doc, gaz, {}, model_people(parse, grammar.craft_words), verb_lemmas(), grammar.chambers)
    # "Chris Kolb of the Michigan Environmental Council" ends in a body's head noun, but names a
    # person and where they work: no organisation of that name.
    taken = [m for m in found.mentions if not (m.rule == "organisation" and person_of_body(m.text.split(), grammar))]
    gone = {m.key for m in found.mentions} - {m.key for m in taken}
    found_entities = {k: e for k, e in found.entities.items() if k not in gone}
    known = {**gaz.entities, **found_entities}
    # The gazetteer's bodies its pass left unnamed here, where a name's context made it another's
    # ("the Department of Human Services – Centrelink’s (DHS)"): the model's same words are not them.
    withheld = frozenset(gaz.entities) - {m.key for m in taken}
    extra, minted = model_mentions(doc, parse, taken, known, grammar, withheld)
    published, minted_too = publisher_mentions(doc, [*taken, *extra], {**known, **minted}, grammar)
    extra, minted = sorted([*extra, *published], key=lambda m: (m.start, m.end)), {**minted, **minted_too}
    speakers, labelled = turn_mentions(doc, [*taken, *extra], grammar.titles)
    mentions = [m for m in [*taken, *extra] if not any(m.start < x.end and x.start < m.end for x in speakers)]
    mentions = sorted([*mentions, *speakers], key=lambda m: (m.start, m.end))
    minted = {**minted, **labelled}
    entities = {**known, **minted}
    dates = document_dates(doc)
    patterns = extract_facts(doc, mentions, entities, gaz, grammar, dates)
    ex = extend_with_parse(doc, parse, nlp, mentions, entities, patterns, grammar, dates)
    warnings = [] if mentions else [f"{doc.meta.path}: no entity found in the text"]
    introduced = {**found_entities, **minted, **ex.entities}
    agents = {k for k, e in introduced.items() if e.kind in _NAMED_IN_HEADLINES and k not in gaz.entities}
    unsettled = headline_only(doc, parse, mentions, agents, grammar.statement_nouns, grammar.roles)
    unsettled -= {f.subject for f in ex.facts if f.rule in {"signature", "roster"}}  # their capitals are their own
    unsettled -= {f.obj.key for f in ex.facts if f.rule == "cover-line" and isinstance(f.obj, Ref)}  # a cover's too
    unsettled -= {f.obj.key for f in ex.facts if f.rule == "caption" and isinstance(f.obj, Ref)}  # a caption's court
    unsettled.discard(publisher_body(doc, Mentions(mentions, {k: e.kind for k, e in entities.items()})) or "")
    # What names them goes with them: an event or a claim whose participant is unsettled is too.
    said_or_done = {f.subject for f in ex.facts if f.predicate == "type" and isinstance(f.obj, Kind)
                    and (f.obj.name == "Claim" or f.obj.name in event_classes())}  # fmt: skip
    unsettled |= {f.subject for f in ex.facts if f.predicate in _PARTICIPANTS and isinstance(f.obj, Ref)
                  and f.obj.key in unsettled and f.subject in said_or_done}  # fmt: skip
    facts = [
        f for f in ex.facts if f.subject not in unsettled and not (isinstance(f.obj, Ref) and f.obj.key in unsettled)
    ]
    facts, relabelled = posts_act_through_holders(facts, {**entities, **introduced})
    # (an event whose actor is now a post's holder is named after them: its entity as its label)
    introduced |= {k: replace(introduced[k], label=v) for k, v in relabelled.items() if k in introduced}
    facts, bodies_posts = posts_of_the_one_body(doc.stored, facts, {**entities, **introduced})
    introduced |= bodies_posts
    facts = posts_in_their_own_words(facts, {**entities, **introduced}, grammar.ranks)
    facts, tenures = appointed_tenures(doc.stored, facts, {k: e.label for k, e in {**entities, **introduced}.items()})
    introduced |= tenures
    facts, merged = one_node_per_occurrence(facts)
    facts, repeated = one_statistic_per_figure(facts)
    return {k: e for k, e in introduced.items() if k not in unsettled | merged | repeated}, facts, warnings


_PARTICIPANTS = frozenset({"actor", "object", "claimant"})
#: "Statement (Attributable to Greg Roe, …": whose the statement is, named in its heading.
_ATTRIBUTABLE_TO = re.compile(r"(?i)\battributable[ \t]+to[ \t]+$")
#: Kinds whose names a headline's capitals fake ("Larry Nassar Case" as a person); a report's or a
#: law's title is set in capitals by nature.
_NAMED_IN_HEADLINES = frozenset({"Person", "Official", "Agency", "Organization", "Group", "Place"})


def headline_only(
    doc: Document,
    parse: Parse,
    mentions: list[Mention],
    keys: set[str],
    said: frozenset[str] = frozenset(),
    roles: frozenset[str] = frozenset(),
) -> set[str]:
    """The entities among ``keys`` the document names only in headlines ("Chairman Sanders Statement
    on …", "Moran Release Statement on …"): Title Case makes every word look like a name, so a name
    nowhere else in the text is not settled. A byline names its speaker there and often nowhere
    else, so a person's name stands that ends its line ("Statement of Senator Amy Ruiz"), or comes
    right after one of the words ``said`` for what is said and "by" or "of", titles between
    ("Remarks by Chairman Martin Gruenberg on …", "Remarks as Delivered by Secretary of Energy X");
    so does one a title in ``roles`` follows after a comma to the line's end, as a roster or a
    signature sets them ("Jane Roe, Professional Staff Member", "John Doe, Director of
    Communications"); and an official's name with a middle initial
    ("Attorney General Merrick B. Garland Delivers Remarks on …")."""
    lines = [span for sent in parse for span in sent.headlines]
    if not lines:
        return set()
    words = "|".join(sorted(map(re.escape, said)))
    byline = (
        re.compile(
            rf"(?i:\b(?:{words})(?:[ \t]+as[ \t]+(?:delivered|prepared)(?:[ \t]+for[ \t]+delivery)?)?"
            rf"[ \t]+(?:by|of)[ \t]+)"
            rf"(?:(?:[A-Z][\w.’'\-]*|of|the|for|and)[ \t]+){{0,8}}$"  # (two names: "of X and the Honorable Y")
        )
        if said
        else None
    )

    def line_of(m: Mention) -> tuple[int, int] | None:
        return next(((a, b) for a, b in lines if a <= m.start and m.end <= b), None)

    inside, outside = set(), set()
    for m in mentions:
        line = line_of(m)
        if line is None or m.rule == "court-capitals":  # (a court's caption is in capitals by nature)
            outside.add(m.key)
        elif m.kind in PEOPLE and (
            (
                not re.sub(r"\([^)]*\)|[\W_]", "", doc.text[m.end : line[1]])
                and not re.search(rf"\b{re.escape(m.text.split()[-1].lower())}\b", doc.text)
            )
            or (byline is not None and byline.search(doc.text, line[0], m.start))
            or _ATTRIBUTABLE_TO.search(doc.text, line[0], m.start)
            or _titled_after(doc.text[m.end : line[1]], roles)
            or (m.kind == "Official" and INITIALED.fullmatch(m.text) is not None)
        ):
            # the name ends the line, a byline ("… of Larry Nassar Case" ends in a word); or it
            # follows what it is the byline of: "Remarks by Chairman X on Recent Bank Failures"
            outside.add(m.key)
        else:
            inside.add(m.key)
    return (inside - outside) & keys


#: A title after a name and a comma, to its line's end: "…, Professional Staff Member", "…, Director of X".
_TITLE_AFTER = re.compile(
    r",[ \t]+(?P<title>[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3})(?:[ \t]+of[ \t]+[^,]+)?[ \t]*"
)


def _titled_after(rest: str, roles: frozenset[str]) -> bool:
    m = _TITLE_AFTER.fullmatch(rest)
    return m is not None and m["title"].split()[-1] in roles


def _joined(claims: list[FoundClaim]) -> list[FoundClaim]:
    """The claims, each told who else says it by the same verb of saying: a joint statement."""
    speakers: dict[tuple[tuple[int, int], str], dict[str, int]] = {}
    for c in claims:
        named = speakers.setdefault((c.verb, c.cls), {})
        named[c.speaker_key] = min(named.get(c.speaker_key, c.speaker_span[0]), c.speaker_span[0])
    # (in the order the text names them)
    joint = {k: tuple(sorted(v, key=lambda key: (v[key], key))) for k, v in speakers.items()}
    return [replace(c, joint=joint[(c.verb, c.cls)]) if len(joint[(c.verb, c.cls)]) > 1 else c for c in claims]


#: What opens a release's notes after its quotations: "BACKGROUND:", "Note to editors:".
_BACKGROUND = re.compile(
    r"(?:^|(?<=[.!?”\"][ \t]))(?:BACKGROUND|Background|Notes?[ \t]+to[ \t]+[Ee]ditors)[ \t]*:", re.M
)


def extend_with_parse(
    doc: Document,
    parse: Parse,
    nlp: Language,
    mentions: list[Mention],
    entities: dict[str, Entity],
    patterns: Extraction,
    grammar: Grammar,
    dates: list[DateMention] | None = None,
) -> Extraction:
    """The pattern rules' extraction, corrected and completed by the grammar over the parse;
    ``dates``: the document's (:func:`~kg.extract.rules_base.document_dates`), if already found."""
    known = {**entities, **patterns.entities}
    kinds = {k: e.kind for k, e in known.items()}
    labels = {k: e.label for k, e in known.items()}
    dates = document_dates(doc) if dates is None else dates
    events = event_classes()
    taken = [
        (f.evidence.start, f.evidence.end, f.obj.name, f.subject)
        for f in patterns.facts
        if f.predicate == "type" and isinstance(f.obj, Kind) and f.obj.name in events
    ]
    mention_index = Mentions(mentions, kinds)
    # Where the parse attributes words, its speaker and its quotation stand over the pattern rules'.
    claims = list(find_claims(doc, parse, mention_index, dates, grammar))
    claims = _adding(claims, statement_claims(doc, parse, mention_index, dates, grammar))
    leads = list(lead_quotation_claims(doc, parse, mention_index, grammar))
    claims = _adding(claims, leads)
    claims = asserted(doc, parse, _adding(claims, continued_quotations(doc, parse, claims)))
    # "the Prime Minister said": a post speaks only through one the text says holds it, or its body
    # (see ``posts_act_through_holders``); else the words are nobody's, and the verb may be an act
    holding = {f.obj.key for f in patterns.facts if f.predicate == "holds" and isinstance(f.obj, Ref)}
    # (a post named with its body, "the Secretary of Homeland Security", speaks for it; "the President", alone, not)
    claims = [c for c in claims if kinds.get(c.speaker_key) != "Position" or c.speaker_key in holding
              or (known[c.speaker_key].post_in and " of " in doc.text[slice(*c.speaker_span)])]  # fmt: skip
    released = release_days(doc, parse, claims, dates, grammar)  # before the speaker's own sentences
    speaker = document_speaker(doc, mention_index, grammar.statement_nouns)
    if speaker is not None and statements_apart(parse, mention_index, speaker, grammar):
        speaker = None  # "X and Y issued the following statements": whose "I" is whose, the text does not say
    said = {c.verb[0] for c in claims}  # where a verb of saying reports words: no event but the saying
    # (but a release's lead says what its subject did, which the quotation after it does not report:
    # "Acting Administrator Wheeler addressed EPA employees" and his words below)
    said -= {c.verb[0] for c in leads} - {c.verb[0] for c in claims if c not in leads}
    # a line naming another person alone, over a paragraph, hands the words on to them
    handed = handovers(doc, mention_index, speaker) if speaker is not None else []
    ends = [at for _, at in handed[1:]] + [len(doc.text)] * bool(handed)
    others = [(who, at, end) for (who, at), end in zip(handed, ends, strict=True)]
    if speaker is not None:
        # (a release's "BACKGROUND:" is its publisher's words, no longer the speaker's)
        stops = [*(at for _, at, _ in others[:1]), *(m.start() for m in _BACKGROUND.finditer(doc.text))]
        # (and where a release sets them below its lead, they begin there)
        begin = words_below(doc, mention_index, speaker)
        mine = (begin, min(stops, default=len(doc.text))) if stops or begin else None
        own = list(first_person_claims(doc, parse, speaker, mention_index, grammar, part=mine))
        claims = _adding(claims, own)
        kept = {c.content for c in claims if c.speaker_key == speaker}  # (others' claims keep their speakers)
        for other in joint_speakers(doc, parse, mention_index, speaker, grammar):  # a joint statement's
            claims += [replace(c, speaker_key=other) for c in own if c.content in kept]
    for who, at, end in others:
        claims = _adding(claims, first_person_claims(doc, parse, who, mention_index, grammar, part=(at, end)))
    for who, turn in turns(doc, mentions, grammar.titles):  # a transcript's speakers, each in their turn
        claims = _adding(claims, first_person_claims(doc, parse, who, mention_index, grammar, turn))
    tokens = Tokens(doc, parse)
    spoken = [doc.to_stored(*c.content) for c in claims]
    spoken += unsaid_claims(tokens, patterns.facts, grammar.claim_verbs, lambda t: blocked(t, grammar))
    post_in = {k: e.post_in for k, e in known.items() if e.post_in}
    spoken += misattributed_claims(
        doc, tokens, patterns.facts, mentions, grammar.reporting_verbs, grammar.claim_sources, post_in
    )
    spoken += unclausal_claims(doc, tokens, patterns.facts)
    out = Extraction(_without_overruled_claims(patterns, spoken), dict(patterns.entities))
    for c in _joined(claims):
        new, facts = claim_facts(doc, c, labels, doc.meta.date if c.verb[0] in released else None)
        for e in new:
            out.entities.setdefault(e.key, e)
        out.facts.extend(facts)
    chairing = {f.subject for f in out.facts if f.predicate == "text" and isinstance(f.obj, Lit)
                and f.subject.startswith("claim-") and runs_a_meeting(f.obj.value)}  # fmt: skip
    if chairing:  # a pattern rule's claim of the words that run a hearing: none
        refs = {Ref(k) for k in chairing}
        out.facts = [f for f in out.facts if f.subject not in chairing and f.obj not in refs]
        out.entities = {k: e for k, e in out.entities.items() if k not in chairing}
    cut = cut_titles(doc, out.facts, mentions)  # a pattern rule's post cut short does not stand in the parse's way
    out.facts = [f for i, f in enumerate(out.facts) if i not in cut]
    unsettled = headline_facts(doc, parse, out.facts)  # a headline's posts, which go later
    held = {(f.subject, f.evidence.start, f.evidence.end, i not in unsettled) for i, f in enumerate(out.facts)
            if f.predicate == "holds"}  # fmt: skip
    for post in find_posts(parse, mention_index, grammar.roles, grammar.title_abbreviations):
        a, b = doc.to_stored(*post.span)
        p0, p1 = doc.to_stored(post.person.start, post.person.end)
        t0, t1 = (p1, b) if p0 <= a else (a, p0)  # the title's words, beside the name
        read = {
            (person, start, end)
            for person, start, end, settled in held
            if person == post.person.key and (a <= start < b or (settled and start < t1 and t0 < end))
        }
        if (
            read
            and post.org is not None
            and post.org.rule.startswith("model")  # a name the pattern rules did not see,
            and (" " in post.org.text or post.org.text.isupper())  # and no word a body of any place has ("Senate")
            # (not a body's name the model cut before "and": "the Committee on Education and Labor")
            and not _AND_NAME.match(doc.text, doc.to_stored(post.org.start, post.org.end)[1])
        ):
            # "Caroline Ellison, the former CEO of Alameda Research": a pattern rule read the title, the
            # parse the body it is of (a name the model found), which the pattern rule could not see
            gone = [f for f in out.facts if f.predicate == "holds" and (f.subject, *_span(f)) in read]
            if _bare(gone, {**entities, **out.entities}, post.title):
                out.facts = [f for f in out.facts if f not in gone]
                read = set()
        if read and post.org is None and post.known is None and not any((p, s, e, False) in held for p, s, e in read):
            gone = [f for f in out.facts if f.predicate == "holds" and (f.subject, *_span(f)) in read]
            lead = doc.text[post.span[0] : min(post.person.start, post.span[1])]
            if _cut_before(gone, {**entities, **out.entities}, lead, mention_index, post.span[0], grammar):
                # "Athletic Director Tim Curley": the pattern rule read "Director", the parse the whole title
                out.facts = [f for f in out.facts if f not in gone]
                read = set()
        if read:
            continue  # a pattern rule already read this post (its words are the parse's title's)
        if post.person.end <= post.span[1] and any(
            mention_index.kind(m) in PEOPLE and m.key != post.person.key
            for m in mention_index.within(post.person.end, post.span[1])
        ):
            continue  # "Issa, Chairman of the Committee, and Elijah E. Cummings, the Committee's Ranking Member"
        new, facts = post_facts(doc, post, labels)
        for e in new:
            if e.key not in out.entities and e.key not in entities:
                out.entities[e.key] = e
        out.facts.extend(facts)
    related = {(f.subject, f.obj) for f in out.facts if f.predicate == "subOrganizationOf"}
    parts = find_parts(
        doc, mention_index, {**entities, **out.entities}, grammar.unit_words, grammar.small_units, grammar.chambers
    )
    for part in parts:
        if (part.part.key, Ref(part.whole)) not in related:
            related.add((part.part.key, Ref(part.whole)))
            out.facts.extend(part_facts(doc, part))
    superseded: set[str] = set()
    for found in find_events(doc, parse, mention_index, dates, grammar, nlp, speaker):
        t0 = found.sentence.start(found.trigger)
        a, _ = doc.to_stored(t0, found.sentence.end(found.trigger))
        same = [(cls, key) for s, e, cls, key in taken if s <= a < e and _akin(cls, found.rule.cls)]
        if t0 in said or any(cls == found.rule.cls or parent_class(cls) == found.rule.cls for cls, _ in same):
            continue  # a claim's statement, or an event a pattern rule already made
        # The grammar's event is the more specific ("testified": Testimony, not a Statement): it stands.
        superseded |= {key for _, key in same}
        entity, facts = to_facts(doc, found, labels)
        out.entities.setdefault(entity.key, entity)
        out.facts.extend(facts)
    if superseded:
        out.facts = [f for f in out.facts if f.subject not in superseded]
    loose_dates = loose_event_dates(doc, tokens, out.facts, dates) | loose_statistic_dates(
        doc, tokens, out.facts, dates
    )
    out.facts = _without_undated_statements([f for i, f in enumerate(out.facts) if i not in loose_dates])
    out.facts = misread_counted(tokens, out.facts, mentions, doc)
    # a penalty faced at most is another statistic than the same figure imposed: its own key
    faced = faced_penalties(tokens, out.facts, grammar.penalty_verbs, grammar.penalty_nouns)
    out.facts = [_at_most(f) if any(f.subject == k and _within(ev, f.evidence) for k, ev in faced) else f
                 for f in out.facts]  # fmt: skip
    for key, _ in faced:
        if key in out.entities:
            out.entities[f"{key}-at-most"] = replace(out.entities[key], key=f"{key}-at-most")
            if not any(f.subject == key for f in out.facts):
                del out.entities[key]
    partial, whole = partial_counts(tokens, out.facts, doc.stored)
    loose = loose_statistic_links(doc, tokens, out.facts, mentions) | partial
    loose |= headline_facts(doc, parse, out.facts)
    out.facts = [
        replace(f, obj=Lit(whole[f.subject])) if f.subject in whole and f.predicate == "label" else f
        for i, f in enumerate(out.facts)
        if i not in loose
    ]
    for key, label in {f.subject: f.obj.value for f in out.facts if f.predicate == "label" and f.rule == "statistic"
                       and isinstance(f.obj, Lit)}.items():  # fmt: skip
        if key in out.entities and out.entities[key].label != label:
            out.entities[key] = replace(out.entities[key], label=label)
    dropped = misread_statistics(doc, tokens, out.facts, grammar.not_counted, grammar.not_counted_alone)
    dropped |= loose_tenures(doc, tokens, out.facts, mentions, dates, grammar.tenure_verbs)
    dropped |= unasserted_events(
        tokens, out.facts, lambda t: blocked(t, grammar), grammar.reporting_verbs, grammar.class_lemmas
    )
    dropped |= cut_bodies(doc, out.facts)
    if dropped:
        out.facts = [
            f
            for f in out.facts
            if f.subject not in dropped
            and not (f.predicate == "holds" and isinstance(f.obj, Ref) and f.obj.key in dropped)
        ]
        out.entities = {k: e for k, e in out.entities.items() if k not in dropped}
    body = publisher_body(doc, mention_index)
    first = next((m for m in mentions if m.key == body), None) if body is not None else None
    out.facts.extend(published_reports(doc, out.facts, first, mention_index.kinds))
    out.facts.extend(release_makers(out.facts))
    made = [own_testimony(doc, speaker, dates, out.facts, labels)] if speaker is not None else []
    if speaker is not None:
        made.append(own_statement(doc, speaker, dates, out.facts, labels, grammar.statement_nouns, mention_index))
    all_labels = {**labels, **{k: e.label for k, e in out.entities.items()}}
    made.append(own_court_order(doc, mentions, out.facts, all_labels))
    made.append(witness_testimonies(doc, dates, out.facts, all_labels))
    made.append(hearing_front_matter(doc, mentions, dates))
    made.append(testimony_hearing(doc, mentions, dates, out.facts, all_labels))
    made.append(ended_tenures(doc, out.facts, all_labels))
    for new, facts in made:
        for e in new:
            out.entities.setdefault(e.key, e)
        out.facts.extend(facts)
    return out


def _adding(claims: list[FoundClaim], more: Iterable[FoundClaim]) -> list[FoundClaim]:
    """``claims`` and those of ``more`` whose words no claim already holds."""
    said = {c.content for c in claims}
    return [*claims, *(c for c in more if c.content not in said)]


def _akin(a: str, b: str) -> bool:
    """One class, or one a kind of the other (PolicyAnnouncement, Announcement): the same event
    read twice. A hearing and the testimony given at it are two."""
    return a == b or parent_class(a) == b or parent_class(b) == a


def _without_overruled_claims(ex: Extraction, spoken: list[tuple[int, int]]) -> list[Fact]:
    """The pattern rules' facts less the reported speech the parse overrules: a claim whose words
    the parse attributes itself (to the verb's subject, which may be another speaker), or whose
    "content" is a name (the attribution read as what was said). Their statements go too."""
    texts = {f.subject: f for f in ex.facts if f.rule == "claim" and f.predicate == "text"}
    claims = {f.subject for f in ex.facts if f.rule == "claim" and f.predicate == "type" and f.obj == Kind("Claim")}
    overruled = {
        k
        for k in claims
        if k in texts
        and (
            _is_a_name(texts[k].evidence.quote)
            or is_question(texts[k].evidence.quote)
            or any(a < texts[k].evidence.end and texts[k].evidence.start < b for a, b in spoken)
        )
    }
    statements = {
        f.subject for f in ex.facts if f.predicate == "expresses" and isinstance(f.obj, Ref) and f.obj.key in overruled
    }
    gone = overruled | statements
    return [f for f in ex.facts if f.subject not in gone and not (isinstance(f.obj, Ref) and f.obj.key in gone)]


def _is_a_name(text: str) -> bool:
    """ "Feinstein", "Inspector General Horowitz": capitalised words only, as names are.

    >>> _is_a_name("Inspector General Horowitz"), _is_a_name("criminal")
    (True, False)
    """
    words = [w for w in text.strip(" ,.;:").split() if w not in {"and", "of", "the", "&"}]
    return 0 < len(words) <= 5 and all(w[:1].isupper() for w in words)


_DATES = frozenset({"date", "begin", "earliest"})


def _without_undated_statements(facts: list[Fact]) -> list[Fact]:
    """A pattern rule's statement (the event of saying a claim) that its sentence does not date says
    no more than the claim it expresses, and would be asserted "date unknown" where a dateline or
    "today" may date it: the claim stays, the event goes. (Criticism stays: it says more.)"""
    statements = {f.subject for f in facts if f.rule == "event:Statement" and f.predicate == "type"}
    dated = {f.subject for f in facts if f.subject in statements and f.predicate in _DATES}
    gone = statements - dated
    return [f for f in facts if f.subject not in gone]


def _at_most(f: Fact) -> Fact:
    """A fact of a statistic that is a penalty faced at most: another statistic than the same figure
    imposed, under its own key, its qualifier an upper bound."""
    return replace(f, subject=f"{f.subject}-at-most", obj=Lit("upper-bound") if f.predicate == "qualifier" else f.obj)


def _within(number: Evidence, ev: Evidence) -> bool:
    return ev.source == number.source and ev.start <= number.start and number.end <= ev.end


_AND_NAME = re.compile(r"[ \t]+and[ \t]+[A-Z]")


def _span(f: Fact) -> tuple[int, int]:
    return f.evidence.start, f.evidence.end


def _cut_before(
    held: list[Fact], entities: dict[str, Entity], title: str, mentions: Mentions, at: int, grammar: Grammar
) -> bool:
    """Whether the posts of the ``held`` facts the pattern rules read are each of no body and the last
    words of the ``title`` as the text gives it, whose words before them are each a title's own word
    ("Athletic Director", "U.S. District Judge"), an abbreviation ("NTSB Chair") or part of a name the
    text gives ("Memphis Police Chief"): not a heading's ("Opening Statement Chairwoman"), nor a
    word in lower case ("going Mayor", "respondent Judge")."""
    found = [entities.get(f.obj.key) for f in held if isinstance(f.obj, Ref)]
    if not found or any(e is None or e.post_in is not None for e in found) or "\n" in title:
        return False
    title = title.strip()
    labels = {e.label for e in found if e is not None}
    if len(labels) != 1 or not title.endswith(" " + (label := labels.pop())):
        return False
    named = [(m.start, m.end) for m in mentions.within(at, at + len(title) - len(label))
             if mentions.kind(m) not in PEOPLE and mentions.kind(m) != "Position"]  # fmt: skip
    offset = at + len(title) - len(title.lstrip())
    for w in re.finditer(r"\S+", title[: -len(label)]):
        word, start = w.group(), offset + w.start()
        if not (
            (word[:1].isupper() and word.lower() in grammar.title_modifiers)
            or re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}", word)  # "U.S.", "NTSB"
            or any(a <= start < b for a, b in named)
        ):
            return False
    return True


def _bare(held: list[Fact], entities: dict[str, Entity], title: str) -> bool:
    """Whether the posts of the ``held`` facts the pattern rules read are each ``title`` alone, of no body."""
    found = [entities.get(f.obj.key) for f in held if isinstance(f.obj, Ref)]
    return bool(found) and all(e is not None and e.post_in is None and e.label.lower() == title.lower() for e in found)
