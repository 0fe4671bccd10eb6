"""Attributed claims over the parse: who said what, with the words they said.

A claim stands where a reporting verb (``[claims] verbs`` in the grammar: say, state, tell,
testify, write, ...) has a subject the text names, and content the parse or the punctuation
delimits:

- a quotation that closes right before the attribution (`"…," Durbin said.`, `"…," said X.`);
- a quotation that opens right after it (`Durbin said: "…"`);
- otherwise the verb's clausal complement (`X told the committee that …`, `X said the …`).

The speaker is the verb's grammatical subject, never a word inside the quotation or the
person spoken to. A negated verb ("did not say") or a modal one makes no claim. The statement
itself is an event of the class the verb names (Statement, Testimony, Warning, Denial), dated
only by a date of the verb's own clause.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.dates import DateMention, stated_day
from kg.extract.events import Mentions, clause_date, entities_at, evidence, negated_or_modal, titled_person
from kg.extract.grammar import Grammar
from kg.extract.parse import Parse, Sentence
from kg.extract.patterns import RUNS_INTO, claim_label, pleasantry
from kg.extract.quoted import quotation_after
from kg.extract.quoted import trim as _trim
from kg.extract.speakers import SPOKEN_THROUGHOUT, signed_by
from kg.mentions import quotations
from kg.model import AGENT_KINDS, PEOPLE, Document, Entity, Fact, Kind, Lit, Mention, Ref, date_lit

if TYPE_CHECKING:
    from spacy.tokens import Token

_OPEN, _CLOSE = '“"', '”"'
_SPEAKERS = AGENT_KINDS - {"Group"}


@dataclass(frozen=True, slots=True)
class FoundClaim:
    speaker_key: str
    speaker_span: tuple[int, int]
    verb: tuple[int, int]
    content: tuple[int, int]
    cls: str
    date: DateMention | None
    joint: tuple[str, ...] = ()  # all who say it together, one act of saying ("X and Y said"), if several


def find_claims(
    doc: Document, parse: Parse, mentions: Mentions, dates: list[DateMention], grammar: Grammar
) -> Iterator[FoundClaim]:
    starts = [d.start for d in dates]
    quoted = quotations(doc.text)
    for sent in parse:
        if sent.headline:
            continue
        for t in sent.tokens:
            cls = grammar.claim_verbs.get(t.lemma_.lower())
            if cls is None or t.pos_ != "VERB" or (negated_or_modal(t, grammar) and not _hedged(t)):
                continue
            subjects = [c for c in t.children if c.dep_ == "nsubj"]
            if t.dep_ == "advcl" and t.tag_ == "VBG" and not subjects and _quotes_next(doc.text, sent.end(t)):
                # "Governor Green emphasized the complexity …, stating, “This settlement …”": the
                # participle's speaker is its clause's subject
                subjects = [c for c in t.head.children if c.dep_ == "nsubj"]
            elif t.dep_ in {"relcl", "acl", "amod", "advcl"}:
                continue  # "a policy that calls for", "as required": not an attribution
            speakers = (
                entities_at(subjects, sent, mentions, _SPEAKERS)
                or titled_person(subjects, sent, mentions)
                or _the_post(subjects, sent, mentions)
            )
            group = _group(subjects, parse, sent, mentions, grammar) if not speakers else []
            if group:
                content = _quoted(doc, sent, t, sent.start(subjects[0]), sent.end(subjects[0]))
                content = content or _complement(sent, t)
                if content is None or content[1] - content[0] < 12:
                    continue
                date = clause_date(t, sent, dates, starts)
                for who in group:  # "said the senators": each of those the text named together
                    for part in sentences_of(doc, content):
                        yield FoundClaim(who.key, (who.start, who.end), (sent.start(t), sent.end(t)), part, cls, date)
                continue
            if len(speakers) != 1:
                continue  # no named speaker, or several the parse does not tell apart
            speaker = speakers[0]
            if any(a <= speaker.start and sent.end(t) <= b and _opens(doc.text, a)
                   and not _CLOSES.search(doc.text, a + 1, speaker.start) for a, b in quoted):  # fmt: skip
                continue  # "“… I’m pleased FEMA has admitted there are big problems”": the quoted one's words

            joint = _joint_speakers(subjects[0], sent, mentions)
            if len(joint) > 1 and all(mentions.kind(m) in PEOPLE for m in joint) and subjects[0].i > t.i:
                # "“…,” said Chairman X and Subcommittee Chairman Y": a quotation the two said together
                content = _quoted(doc, sent, t, joint[0].start, joint[-1].end)
                if content is not None and content[1] - content[0] >= 12:
                    date = clause_date(t, sent, dates, starts)
                    verb = (sent.start(t), sent.end(t))
                    for who in joint:
                        for part in sentences_of(doc, content):
                            yield FoundClaim(who.key, (who.start, who.end), verb, part, cls, date)
                continue
            if _other_speakers(subjects[0], sent, mentions, speaker.key):
                continue  # "McCain and Flake, Sanders said": the parse does not settle who spoke
            if t.lemma_.lower() in grammar.that_only:
                content = _complement(sent, t) if _that_clause(t) else None
            else:
                content = _quoted(doc, sent, t, speaker.start, speaker.end) or _complement(sent, t)
            if content is None:
                continue
            a, b = content
            if b - a < 12 or (speaker.start >= a and speaker.end <= b):
                continue
            date = clause_date(t, sent, dates, starts)
            for part in sentences_of(doc, content):  # a quotation of several sentences: one claim each
                yield FoundClaim(
                    speaker.key, (speaker.start, speaker.end), (sent.start(t), sent.end(t)), part, cls, date
                )


def _the_post(subjects: list[Token], sent: Sentence, mentions: Mentions) -> tuple[Mention, ...]:
    """ "In a statement the Prime Minister said: …": a post named alone, with "the", as the subject;
    the one person the document says holds it speaks (see :func:`kg.extract.settle.posts_act_through_holders`),
    or no one. Not "a minister", "former ministers", nor a post with a person in its phrase."""
    if len(subjects) != 1 or subjects[0].tag_ in {"NNS", "NNPS"}:
        return ()
    subject = subjects[0]
    phrase = list(subject.subtree)
    dets = [w.lower_ for w in phrase if w.dep_ in {"det", "poss"}]
    posts = entities_at(phrase, sent, mentions, frozenset({"Position"}))
    if dets != ["the"] or len(posts) != 1 or entities_at(phrase, sent, mentions, _SPEAKERS):
        return ()
    post = posts[0]
    if sent.start(phrase[0]) < post.start - 4 or sent.end(phrase[-1]) > post.end:
        return ()  # ("the former Prime Minister", "the Minister's spokesman"): more than the post
    return (post,)


_CLOSES = re.compile(r"[”\"]")  # (a quotation the marks pair wrongly, '"…”', closes before the speaker)


def _opens(text: str, at: int) -> bool:
    """Whether the quotation mark at ``at`` opens a quotation: a curly opening mark, or a straight one
    after a space or a line's start and before a word (not '," X continued. "' paired as one)."""
    if text[at] == "“":
        return True
    return (at == 0 or text[at - 1] in " \t\n(—–") and at + 1 < len(text) and not text[at + 1].isspace()


#: A line with no closing punctuation, then a line that opens as a new one does (not a word in lower
#: case, as a line a page's width wrapped goes on): a heading the sentence splitter ran into the next.
_HEADING_RUN_ON = re.compile(r"[^\n]*[^\s.!?:;,\"”’)\]][ \t]*\n[ \t]*[^a-z\s]")


def _hedged(verb: Token) -> bool:
    """ "I would note that …", "we would add that …": a speaker's own words put politely, asserted all
    the same (not "would say" of someone else, nor "would not")."""
    return (
        verb.lemma_.lower() in {"note", "add", "stress", "emphasize", "point", "say"}
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)
        and not any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in verb.children)
    )


def _quotes_next(text: str, end: int) -> bool:
    """Whether a quotation opens right after a verb ("stating, “…", "saying: “…")."""
    return re.match(r"[ \t]*[,:]?[ \t]*[“\"]", text[end : end + 6]) is not None


def _that_clause(verb: Token) -> bool:
    """Whether the verb's one clause opens with "that": "announced that it would form a committee"."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    return len(comps) == 1 and any(c.dep_ == "mark" and c.lower_ == "that" for c in comps[0].children)


def _group(subjects: list[Token], parse: Parse, sent: Sentence, mentions: Mentions, grammar: Grammar) -> list[Mention]:
    """ "the senators wrote", "said the lawmakers": the people the text last named together as the
    subject of a sentence, up to this one ("Senators A and B today called on …") or, where none did,
    in the two after it, if a plural of people in posts (``[claims] group_nouns``) is the subject and
    those people are two or more."""
    if len(subjects) != 1:
        return []
    noun = subjects[0]
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    if not the or noun.tag_ not in {"NNS", "NNPS"} or noun.lower_ not in grammar.group_nouns:
        return []
    count = next((c for c in noun.children if c.dep_ == "nummod"), None)
    group = _named_together(parse, sent, mentions)
    if count is not None and _NUMBERS.get(count.lower_, count.text) != str(len(group)):
        return []  # "the 28 Senators wrote", having named two: not theirs alone
    return group


_NUMBERS = {w: str(i) for i, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight"))}


def _named_together(parse: Parse, sent: Sentence, mentions: Mentions) -> list[Mention]:
    """The people the text last named together as the subject of a sentence up to ``sent``, or in
    the two after it."""
    sentences = list(parse)
    # the people last named together up to this sentence; else, for a release's lead quotation set
    # before its first paragraph ("“…,” the senators wrote. / Senators A, B and C wrote …"), the next
    # two sentences'
    before = [s for s in sentences if s.offset <= sent.offset]
    after = [s for s in sentences if s.offset > sent.offset][:2]
    for earlier in [*reversed(before), *after]:
        people = [
            m for m in mentions.within(earlier.offset, earlier.offset + len(earlier.text)) if mentions.kind(m) in PEOPLE
        ]
        heads = {}
        for m in people:
            t = earlier.token_at(m.end - 1)
            if t is not None:
                heads[t.i] = m
        for i, m in heads.items():
            head = earlier.doc[i]
            if head.dep_ not in {"nsubj", "nsubjpass", "appos", "ROOT"}:
                continue  # (a dateline the parse does not cut off makes the subject its apposition)
            # "Maria Cantwell (D-Wash.), and Ranking Member of the Senate Finance Committee Ron Wyden":
            # a title joined, ending on its holder's name
            joined = [heads[c.i] if c.i in heads else _titled_holder(c, earlier, mentions, alone=True)
                      for c in head.subtree if c.dep_ == "conj"]  # fmt: skip
            if joined and all(j is not None for j in joined):
                return [m, *(j for j in joined if j is not None)]
        # "Chair of the Committee Peter DeFazio (D-OR) and Chair of the Subcommittee Rick Larsen sent …":
        # titles joined as the subject, each ending on its holder's name
        for subj in earlier.tokens:
            if subj.i in heads or not (subj.dep_ == "nsubj" or (subj.dep_ == "appos" and subj.head.dep_ == "nsubj")):
                continue
            titles = [subj, *(c for c in subj.children if c.dep_ == "conj")]
            holders = [_titled_holder(t, earlier, mentions, alone=True) for t in titles]
            if len(titles) >= 2 and all(h is not None for h in holders):
                return [h for h in holders if h is not None]
    return []


def _other_speakers(subject: Token, sent: Sentence, mentions: Mentions, key: str) -> bool:
    """Whether the subject's phrase joins another person to the speaker ("X and Y said") or sits
    in a list of people the parse may have cut wrong; a relative clause about the speaker may
    name others ("X, who was appointed by Y, said")."""
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    return bool(_people_in(subject, sent, mentions) - {key})


def _people_in(subject: Token, sent: Sentence, mentions: Mentions) -> set[str]:
    """The people a subject's phrase names, outside the relative clauses that describe them."""
    tree = list(subject.subtree)
    phrase = {t.i for t in tree}
    words = [w for w in tree if not any(a.dep_ == "relcl" and a.i in phrase for a in w.ancestors)]
    return {m.key for m in entities_at(words, sent, mentions, frozenset({"Person", "Official"}))}


#: A sentence that opens on whose words it repeats: "As the Chairs of the Committee note, …".
_AS_THEY_SAY = re.compile(
    r"[“\"]?As[ \t]+[^,;:]{3,80}?[ \t]+(?:notes?|noted|says?|said|writes?|wrote|reports?|reported|finds?|found"
    r"|points?[ \t]+out|pointed[ \t]+out|puts?[ \t]+it),"
)


def asserted(doc: Document, parse: Parse, claims: list[FoundClaim]) -> list[FoundClaim]:
    """The claims whose words their speaker asserts: not a sentence that repeats another's words
    ("As the Chairs note, the report has …": theirs, whom the text does not always name as a body),
    nor one that runs a meeting ("Good morning", "We are here today to discuss …")."""
    out = []
    for c in claims:
        a, b = c.content
        if _AS_THEY_SAY.match(doc.text, a, b) or runs_a_meeting(doc.text[a:b]):
            continue
        sent = parse.sentence_at(a)
        if sent is not None:
            words = [t for t in sent.tokens if a <= sent.start(t) < b]
            heads = [t for t in words if t.dep_ == "ROOT" or not a <= sent.start(t.head) < b]
            if len(heads) == 1 and _procedural(sent, heads[0]):
                continue
        out.append(c)
    return out


def _joint_speakers(subject: Token, sent: Sentence, mentions: Mentions) -> tuple[Mention, ...]:
    """The speakers a subject names: itself and the people joined to it by "and", if the parse
    names each of them and no one else in the phrase."""
    appos = [c for c in subject.children if c.dep_ == "appos"]
    if len(appos) == 1 and not entities_at([subject], sent, mentions, _SPEAKERS):
        # "NAACP President & CEO, Derrick Johnson, released …": the title's holder; "Superintendent
        # John Barge and Executive Director of the Office Kathleen Mathers released …": each titled one
        named = []
        for word in _conjuncts(appos[0]):
            found = entities_at([word], sent, mentions, _SPEAKERS)
            one = found[0] if len(found) == 1 else _titled_holder(word, sent, mentions, alone=True)
            if one is None or one.kind not in PEOPLE:
                break  # (a joint statement's words are each one's: those named say them still)
            named.append(one)
        if named:
            return tuple(named)
    if subject.tag_ in {"NNS", "NNPS"} and not entities_at([subject], sent, mentions, _SPEAKERS):
        # "Members of the Committee – Chairman A, Rep. B, and Rep. C – released …": each one named in
        # the list set in apposition in the subject's phrase, if it names every person there
        people = _people_in(subject, sent, mentions)
        for word in subject.subtree:
            if word.dep_ != "appos":
                continue
            listed = _conjuncts(word)
            every = entities_at(listed, sent, mentions, _SPEAKERS)
            if (
                len(every) == len(listed) > 1
                and all(m.kind in PEOPLE for m in every)
                and {m.key for m in every} == people
            ):
                return tuple(every)
    joined = [subject, *(c for c in subject.children if c.dep_ == "conj" and not _described(c, sent, mentions))]
    speakers = entities_at(joined, sent, mentions, _SPEAKERS)
    if len(speakers) != len(joined):
        return ()
    if _people_in(subject, sent, mentions) - {m.key for m in speakers}:
        titled = _titled_holder(subject, sent, mentions) if len(joined) == 1 else None
        return (titled,) if titled is not None else ()
    return speakers


def _conjuncts(word: Token) -> list[Token]:
    """A word and those joined to it by "and" or commas, however the parse chains them, in the text's order."""
    return [word, *sorted(word.conjuncts, key=lambda t: t.i)]


def _described(word: Token, sent: Sentence, mentions: Mentions) -> bool:
    """Whether a word joined to a speaker by "and" describes them, no one else named: "Rep. Joe Barton,
    Chairman Emeritus and senior Republican on the … Committee"."""
    if word.tag_ in {"NNS", "NNPS"} or not word.text[:1].isupper():
        return False  # "Sen. Sherrod Brown and four Senate Banking Committee members": others
    if any(c.dep_ in {"nummod", "det"} for c in word.children):
        return False
    return not entities_at([word], sent, mentions, _SPEAKERS)


def _titled_holder(subject: Token, sent: Sentence, mentions: Mentions, alone: bool = False) -> Mention | None:
    """ "House Committee on Homeland Security Chairman Mark E. Green, MD (R-TN) released …": the
    parse makes the body the subject and hangs the person on its "on"; a subject's phrase that ends
    on one person's name, reached through nouns and prepositions only (no verb: not "the committee
    chaired by X"), with nothing after it but the name's own brackets and appositions, is that
    person's title and name."""
    phrase = [w for w in subject.subtree if not (alone and w.dep_ in {"conj", "cc"} and w.head == subject)]
    if alone:  # the title's own words, not those of the titles joined to it
        phrase = [w for w in phrase if not any(a.dep_ == "conj" and a.head == subject for a in w.ancestors)]
    people = [m for m in entities_at(phrase, sent, mentions, frozenset({"Person", "Official"}))]
    if len(people) != 1:
        return None
    name = sent.token_at(people[0].end - 1)
    if name is None or name.i == subject.i:
        return None
    if any(a.pos_ in {"VERB", "AUX"} for a in name.ancestors if a.i != subject.i and subject in a.ancestors):
        return None
    brackets = _brackets_after(name)  # "Ron Wyden (D-Ore.)": the parse may hang the party on the title
    after = [w for w in phrase if w.i > name.i and w.i not in brackets and not (alone and w.is_punct)]
    if any(name not in w.ancestors for w in after):
        return None
    return people[0]


def _brackets_after(name: Token) -> range:
    """The indices of the brackets right after a name and what they hold ("(D-Ore.)"), or none."""
    doc = name.doc
    if name.i + 1 >= len(doc) or doc[name.i + 1].text != "(":
        return range(0)
    close = next((t.i for t in doc[name.i + 2 : name.i + 8] if t.text == ")"), None)
    return range(name.i + 1, close + 1) if close is not None else range(0)


def sentences_of(doc: Document, content: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences of a claim's content, each a claim of its own; a question asserts nothing."""
    a, b = content
    parts = [_trim(doc.text, max(a, s.start), min(b, s.end)) for s in doc.sentences if s.start < b and a < s.end]
    out: list[tuple[int, int]] = []
    for p in parts:
        if p is None:
            continue
        words = doc.text[p[0] : p[1]]
        if words[:1] in _OPEN and not any(q in words for q in _CLOSE if q != '"' or words.count('"') > 1):
            p = (p[0] + 1, p[1])  # a paragraph of a long quotation opens with a mark that nothing closes
        if out and len(doc.text[p[0] : p[1]].split()) < 4:
            out[-1] = (out[-1][0], p[1])  # "Sixty years.": a fragment belongs to the sentence before it
        else:
            out.append(p)
    out = [p for p in out if p[1] - p[0] >= 12 and not is_question(doc.text[p[0] : p[1]])]
    return out or ([] if is_question(doc.text[a:b]) else [content])


def _unattributed(doc: Document, part: tuple[int, int]) -> tuple[int, int]:
    """A quoted sentence without the attribution after its close ("…derailment,” Sen. Cantwell said
    in the letter."): the words said, not who said them."""
    m = _ATTRIBUTED.search(doc.text, *part)
    if m is None:
        return part
    end = m.start()
    while end > part[0] and doc.text[end - 1] in " ,;":
        end -= 1
    return part[0], end


def _unquoted(text: str, a: int, b: int) -> tuple[int, int]:
    """The words inside the quotation marks that open or close ``text[a:b]``."""
    while a < b and text[a] in _OPEN:
        a += 1
    while b > a and text[b - 1] in _CLOSE:
        b -= 1
    return a, b


def is_question(text: str) -> bool:
    return text.rstrip(" ”\"'").endswith("?")


def _quoted(doc: Document, sent: Sentence, verb: Token, s_start: int, s_end: int) -> tuple[int, int] | None:
    """The quotation the attribution closes or opens, by the punctuation around it."""
    text = doc.text
    left = min(sent.start(verb), s_start)
    right = max(sent.end(verb), s_end)
    before = text[max(0, left - 4) : left]
    m = re.search(r"[,.!?—–-]?\s*[”\"]\s*$", before)
    if m is not None:
        close = left - (len(before) - m.start())
        close = close if text[close] in _CLOSE else text.rfind("”", 0, left)
        opening = _opening(text, close)
        if opening is not None and sent.offset < opening and RUNS_INTO.fullmatch(text, sent.offset, opening):
            # 'Brown deprived "the nation of an opportunity to determine …," the House investigation
            # concludes': a quotation the sentence runs into is the end of what is said, not all of it
            return _trim(text, sent.offset, close)
        if opening is not None:
            return _trim(text, opening + 1, close)
    after = re.match(r"\s*(?:[,:]|that)?\s*[“\"]", text[right : right + 10])  # ("write that “…”")
    if after is not None:
        o = right + after.end() - 1
        c = _closing(text, o)
        if c is not None:
            return _trim(text, o + 1, c)
        return quotation_after(text, o)  # ("said:" and a quotation of several paragraphs)
    return None


def _opening(text: str, close: int) -> int | None:
    """The opening mark of the quotation closing at ``close``, within its paragraph."""
    para = text.rfind("\n\n", 0, close)
    for i in range(close - 1, max(para, close - 3000), -1):
        if text[i] == "“" or (text[i] == '"' and (i == 0 or not text[i - 1].isalnum())):
            return i
        if text[i] in "”":
            return None
    return None


def _closing(text: str, opening: int) -> int | None:
    para = text.find("\n\n", opening)
    end = len(text) if para < 0 else para
    for i in range(opening + 1, min(end, opening + 3000)):
        if text[i] in _CLOSE:
            return i
    return None


def _complement(sent: Sentence, verb: Token) -> tuple[int, int] | None:
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(comps) != 1:
        return None
    clause = comps[0]
    taken = None  # the clause's subject, where the parse made it the verb's object
    if clause.pos_ in {"VERB", "AUX"} and not any(c.dep_ in _SUBJECTS for c in clause.children):
        # "testified the Soldiers … were laughing": the object right before the clause is its subject;
        # "said today is a hard day": a time is none, and what it says is not said
        taken = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None)
        if taken is None or taken.ent_type_ in {"DATE", "TIME"}:
            return None
    # "said on Monday the state would act": a time before the clause's subject is when it was said
    # ("said that in 2018 the agency failed": after "that", the time is the clause's own)
    marked = next((c.i for c in clause.children if c.dep_ == "mark"), len(clause.doc))
    # (and only right after the verb: a quotation's "Last April, …" is its own words)
    when = {
        w.i
        for c in clause.children
        if c.i < min(clause.i, marked) and _a_time(c) and c.left_edge.i == verb.i + 1
        for w in c.subtree
    }
    words = [*(taken.subtree if taken is not None else ())] + [
        w
        for w in clause.subtree
        if not (w.dep_ == "mark" and w.head == clause and w.i == clause.left_edge.i) and w.i not in when
    ]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    while words and words[0].text in {",", ";", "—", "–"}:
        words.pop(0)  # "found that, in order to meet sales goals, employees …"
    if len(words) < 3 or any(w.text in _OPEN + _CLOSE for w in words):
        return None
    nxt = words[-1].nbor() if words[-1].i + 1 < len(words[-1].doc) else None
    if nxt is not None and nxt.pos_ in {"VERB", "AUX"} and nxt.head not in words:
        return None  # "confirmed that debris found on the floor | consisted of …": the parse cut the clause
    return sent.span_of(words)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _a_time(word: Token) -> bool:
    """A clause's modifier that says when: "on Monday", "last week", "Tuesday"."""
    if word.dep_ == "prep" and word.lower_ in {"on", "in", "during"}:
        objects = [c for c in word.children if c.dep_ == "pobj"]
        return len(objects) == 1 and objects[0].ent_type_ in {"DATE", "TIME"}
    return word.dep_ == "npadvmod" and word.ent_type_ in {"DATE", "TIME"}


def release_days(
    doc: Document, parse: Parse, claims: list[FoundClaim], dates: list[DateMention], grammar: Grammar
) -> set[int]:
    """The verbs (by their start) of the claims a release says were said on its day: "…,” said
    Governor X." in a press release of March 3 is his statement of March 3. Only in the kinds of
    document that are releases (``[claims] release_kinds``) whose metadata states the day; only the
    plain verbs of a release's quotations (``release_verbs``), said (or saying) now, not "had said" or
    "will say", nor said somewhere ("at the hearing"); only where the verb's sentence holds no date at
    all (a date there, "In May, X said", may be the saying's, which the clause alone settles); and only
    where the text has told of no day in the week before: a release that reports a hearing held
    "Thursday" or remarks made "Dec. 8" quotes what was said there, then."""
    day = stated_day(doc.meta.date)
    if doc.meta.kind not in grammar.release_kinds or day is None:
        return set()
    out: set[int] = set()
    for c in claims:
        if c.cls != "Statement" or c.date is not None:
            continue
        sent = parse.sentence_at(c.verb[0])
        if sent is None:
            continue
        verb = sent.token_at(c.verb[0])
        if verb is None or verb.lemma_.lower() not in grammar.release_verbs or verb.tag_ not in _NOW_OR_THEN:
            continue
        if any(a.dep_ in {"aux", "prep"} or (a.dep_ == "mark" and a.lower_ == "as") for a in verb.children):
            # "had said": some time before; "said at the hearing", "during a media event": there; "As
            # Senator X said: …": words the release recalls, said before it
            continue
        end = sent.offset + len(sent.text)
        if any(d.start < end and (d.start >= sent.offset or _just_before(d, day)) for d in dates):
            continue  # a date in its sentence, or a day of the week before the release's: an occasion
        out.add(c.verb[0])
    return out


def _just_before(d: DateMention, day: str) -> bool:
    """Whether a date the text gives is a day in the week before the release's ``day``: the day of an
    occasion the release reports ("at Thursday's hearing", "announced Dec. 8"), whose words it may
    quote; a day of years before is the story's background ("the collapse on June 24, 2021")."""
    if d.precision != "day" or d.value == day:
        return False
    try:
        gap = (datetime.date.fromisoformat(day) - datetime.date.fromisoformat(d.value)).days
    except ValueError:
        return False
    return 0 < gap <= 7


#: A verb said in the past or said now ("said", "says", "say"), not a participle ("having said").
_NOW_OR_THEN = frozenset({"VBD", "VBZ", "VBP"})


def statement_key(speaker: str, document: str, when: str) -> str:
    """The key of a speaker's statement in a document: ``when`` is its day, where one statement is all
    the speaker says that day there, or the offset of its verb of saying."""
    return "event-statement-" + hashlib.sha256("\x1f".join((speaker, document, when)).encode()).hexdigest()[:12]


def to_facts(
    doc: Document, c: FoundClaim, labels: dict[str, str], day: str | None = None
) -> tuple[list[Entity], list[Fact]]:
    """A claim's entity and facts, and its statement as an event where its clause dates it, or
    where ``day`` is the day of the release that says it was said (:func:`release_days`)."""
    a, b = c.content
    text = doc.text[a:b]
    if pleasantry(text):
        return [], []  # "Thank you, Mr. Chairman.": courtesy, nothing a reader could check
    if not doc.text[b:].strip() and not text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")")):
        return [], []  # "We have, however, already": an excerpt cut off mid-sentence says nothing whole
    norm = re.sub(r"\W+", " ", text).lower()
    key = "claim-" + hashlib.sha256("\x1f".join((c.speaker_key, norm)).encode()).hexdigest()[:12]
    # One act of saying, however many sentences it says: the event is the speaker's at the verb.
    # What one speaker says in a document on its day ("said today", "…,” she said.") is one statement.
    today = c.date is not None and c.date.value == doc.meta.date and c.date.end_value is None
    on = c.date.value if today and c.date is not None else day if c.date is None else None
    # (a joint statement is one act of saying, each speaker its actor)
    ekey = statement_key("\x1e".join(c.joint) or c.speaker_key, doc.meta.id, on or str(c.verb[0]))
    attribution = (min(c.speaker_span[0], c.verb[0]), max(c.speaker_span[1], c.verb[1]))
    spans = [attribution, c.content]
    rule = "grammar:claim"

    def fact(s: str, p: str, o: Ref | Lit | Kind, sp: list[tuple[int, int]]) -> Fact:
        return Fact(s, p, o, evidence(doc, sp), rule)

    label = claim_label(text)
    names = [labels.get(k, k) for k in (c.joint or (c.speaker_key,))]
    elabel = f"{c.cls} by " + (f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0])
    facts = [
        fact(key, "type", Kind("Claim"), spans),
        fact(key, "label", Lit(label), spans),
        fact(key, "text", Lit(text), [c.content]),
        fact(key, "claimant", Ref(c.speaker_key), spans),
    ]
    claim = Entity(key=key, kind="Claim", label=label)
    if c.date is not None and c.date.relation == "on" and c.date.end_value is None:
        when = fact(ekey, "date", date_lit(c.date.value), [attribution, (c.date.start, c.date.end)])
    elif c.date is None and day is not None:
        # The day is the release's (its metadata's), not the sentence's: the rule says so.
        when = Fact(ekey, "date", date_lit(day), evidence(doc, [attribution]), "document-day")
    else:
        # The statement as an event only where it is dated: undated, it would say no more than the
        # claim, and "date unknown" where a dateline or "today" may date it.
        return [claim], facts
    facts += [
        fact(ekey, "type", Kind(c.cls), [attribution]),
        fact(ekey, "label", Lit(elabel), [attribution]),
        fact(ekey, "actor", Ref(c.speaker_key), [attribution]),
        fact(ekey, "expresses", Ref(key), spans),
        when,
    ]
    return [claim, Entity(key=ekey, kind=c.cls, label=elabel)], facts


#: A quotation's own attribution after its close: "…,” Sen. Cantwell said in the letter."
_ATTRIBUTED = re.compile(
    r"[”\"],?[ \t]+(?:[A-Z][\w.’'\-]*[ \t]+){0,4}(?:said|says|added|wrote|writes|stated|continued|ended|concluded)\b"
)


def _our_finding(
    sent: Sentence, verb: Token, subject: Token, grammar: Grammar
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Our investigations found that …", "my review concluded that …": a finding verb whose subject
    is a source noun (``[claims] sources``) the speaker owns; or "I would note that …": the owner's (or
    the pronoun's) word and the clause."""
    if subject.lower_ in {"i", "we"} and _hedged(verb):
        owner: Token | None = subject  # "I would note that …"
    elif verb.lemma_.lower() not in grammar.finding_verbs or subject.lemma_.lower() not in grammar.claim_sources:
        return None
    else:
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in {"our", "my"}), None)
    content = _complement(sent, verb) if owner is not None and _that_clause(verb) else None
    if owner is None or content is None or content[1] - content[0] < 12:
        return None
    return (sent.start(owner), sent.end(owner)), content


def _declared(sent: Sentence, subject: Token) -> bool:
    """A statement of the body of a speech: no headline, a full sentence ending in a full stop, of a
    few words at least, whose subject is no person a pronoun stands for ("he", "you"). (A sentence
    that names the speaker, a byline's or an introduction's, is told apart by the caller.)"""
    words = [t for t in sent.tokens if not t.is_punct]
    if sent.headline or not sent.text.rstrip().rstrip('”"').endswith(".") or len(words) < 6:
        return False
    return subject.pos_ != "PRON" or subject.lower_ in {"it", "this", "that", "these", "those", "they"}


_GREETING = re.compile(r"(?i)^\s*(?:good[ \t]+(?:morning|afternoon|evening)|hello|welcome)\b")
#: The words that run a hearing: "The hearing will come to order", "I yield back", "Without objection, …".
_CHAIRING = re.compile(
    r"(?i)\b(?:come[ \t]+to[ \t]+order|stands?[ \t]+adjourned|in[ \t]+recess|yields?[ \t]+back"
    r"|(?:without|hearing[ \t]+no)[ \t]+objections?|recogni[sz]ed?[ \t]+for[ \t]+\w+[ \t]+minutes"
    # "This morning we will hear testimony from …", "we are joined by …": the hearing's plan
    r"|we[ \t]+will[ \t]+(?:now[ \t]+)?hear[ \t]+testimony|we[ \t]+(?:are|’re|'re)[ \t]+joined[ \t]+by)\b"
)


def runs_a_meeting(words: str) -> bool:
    """Whether words said greet or run a meeting ("Good morning", "Hearing no objection, …")."""
    return bool(_GREETING.match(words) or _CHAIRING.search(words))


def _procedural(sent: Sentence, root: Token) -> bool:
    """A sentence that runs a meeting rather than says anything: a greeting, or what the speaker is
    here to do ("I'm here to address that", "We are here today to discuss …")."""
    if _GREETING.match(sent.text) or _CHAIRING.search(sent.text):
        return True
    # "’re", "’m": the model lemmatises a contraction with a curly apostrophe as itself
    be = root.lemma_ == "be" or root.norm_ in {"am", "are", "is"}
    return be and any(c.dep_ == "advmod" and c.lower_ == "here" for c in root.children)


def first_person_claims(
    doc: Document,
    parse: Parse,
    speaker: str,
    mentions: Mentions,
    grammar: Grammar,
    turn: tuple[int, int, int] | None = None,
    part: tuple[int, int] | None = None,
) -> Iterator[FoundClaim]:
    """Each sentence whose main clause the speaker asserts in the first person ("I ordered a
    review", "We are appalled"), outside quotations of others; not questions. In testimony, in a
    speech, in a statement under its author's byline, and in the speaker's ``turn`` of a transcript
    (its label's start, its words' start, its end), where the speaker speaks throughout, every statement of
    the body is theirs ("These individuals betrayed the core duty …"), but for the title block and
    what the text attributes."""
    throughout = turn is not None or doc.meta.kind in SPOKEN_THROUGHOUT or signed_by(doc, speaker, mentions)
    quotes = _quotations(doc.text)
    for sent in parse:
        if turn is not None and not (turn[0] <= sent.offset < turn[2]):
            continue
        if part is not None and not (part[0] <= sent.offset < part[1]):
            continue  # another's words, under a line that names them ("NCAA President Mark Emmert")
        start = max(sent.offset, turn[1]) if turn is not None else sent.offset  # past the speaker's label
        roots = [t for t in sent.tokens if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
        if len(roots) != 1:
            continue
        root = roots[0]
        if sent.headline or (not throughout and not sent.text.rstrip().rstrip("”\"’'").endswith((".", "!"))):
            continue  # "What We Found": a heading
        subj = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if len(subj) != 1 or (subj[0].lower_ not in {"i", "we"} and not (throughout and _declared(sent, subj[0]))):
            continue
        if root.lemma_.lower() in grammar.performatives:
            continue  # "I would like to welcome …", "I want to thank …": an act, not a claim
        if _procedural(sent, root):
            continue  # "We are here today to discuss …", "Good morning; we are now in session."
        if any(c.dep_ == "ccomp" for c in root.children):
            # "Our investigations found that …": the speaker's finding, where the rules for reported
            # content know no one to give it to (no "we" of the document's author)
            found = _our_finding(sent, root, subj[0], grammar)
            if found is not None:
                yield FoundClaim(speaker, found[0], (sent.start(root), sent.end(root)), found[1], "Statement", None)
            continue  # "We found that …", "I said that …": reported content, which the rules for it read
        text = sent.text
        quoted = text.lstrip()[:1] in _OPEN or "”" in text
        if is_question(text) or (
            quoted and not (throughout and not any(t.lemma_ in grammar.reporting_verbs for t in sent.tokens))
        ):
            # a question; or a quotation: someone else's words, but in testimony written up as a release
            # ("“What happened in Flint is a failure of government.”") the witness's, unless attributed
            continue
        if _quoting_another(doc.text, quotes, sent.offset):
            continue  # "An owner of a local business said: “It was like a war zone.”": the owner's words
        if (mentions.kinds.get(speaker) in PEOPLE or not throughout) and any(
            m.key == speaker for m in mentions.within(start, sent.offset + len(text))
        ):
            continue  # "I'm Michael Horowitz, Inspector General": an introduction, not a claim (a body names itself)
        if _SELF_TITLED.match(doc.text, start):
            continue  # "I am the Assistant Inspector General for Audits at …": who speaks, not what is claimed
        content = _trim(doc.text, start, sent.offset + len(text))
        if content is not None and _HEADING_RUN_ON.match(doc.text, content[0], content[1]):
            continue  # "VII. Additional Public Testimony\n*Public Testimony will be taken …": a heading run on
        if content is not None and quoted:
            content = _unquoted(doc.text, *content)
        if content is None or content[1] - content[0] < 12:
            continue
        pronoun = (sent.start(subj[0]), sent.end(subj[0]))
        yield FoundClaim(speaker, pronoun, (sent.start(root), sent.end(root)), content, "Statement", None)


#: A speaker giving their own post: "I am the Assistant Inspector General for Audits at …", "I serve
#: as Chair of …" (a capital after the article: a title, not "I am the father of …").
_SELF_TITLED = re.compile(
    r"\s*(?:I[ \t]+am|I[’']m|I[ \t]+(?:currently[ \t]+)?serve[ \t]+as|I[ \t]+have[ \t]+served[ \t]+as)"
    r"[ \t]+(?:(?:the|an?)[ \t]+)?[A-Z]"
)
#: A line that hands the quotation after it to someone: "An owner of a local business said:".
_INTRODUCES = re.compile(r"\b(?:said|says|wrote|writes|stated|states|added|told [\w ]{1,30}|put it)[ \t]*:\s*$")


@functools.lru_cache(maxsize=4)
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    """A document's quotations, read once for its speaker's and each transcript turn's sentences."""
    return tuple(quotations(text))


def _quoting_another(text: str, quotes: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether the quotation the sentence at ``offset`` stands in is introduced by another's saying
    ("A resident said: “…”"), not the speaker's own ("I said: “…”")."""
    q = next((q for q in quotes if q[0] <= offset < q[1]), None)
    if q is None:
        return False
    lead = _INTRODUCES.search(text, max(0, q[0] - 120), q[0])
    if lead is None:
        return False
    before = text[text.rfind("\n", 0, lead.start()) + 1 : lead.start()]
    return re.search(r"\b(?:I|we|We)[ \t]+$", before) is None
