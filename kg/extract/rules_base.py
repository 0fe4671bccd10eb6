"""The pattern rules' shared state and helpers: the document's mentions, dates and quantities, and
how a fact, an entity and an event are made with their evidence. The rules themselves are in
:mod:`kg.extract.rules_posts`, :mod:`kg.extract.rules_events`, :mod:`kg.extract.rules_reports` and
:mod:`kg.extract.rules_claims`; :mod:`kg.extract.rules` runs them.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from kg.dates import DateMention, find_dates
from kg.extract.grammar import Enforcement, Grammar, default_grammar
from kg.extract.patterns import (
    _APPOSITIVE_TO_VERB,
    _AUTHORED,
    _CLAIM_RULES,
    _CLAUSE_BREAK,
    _DATE_FRAME,
    _ORGS,
    _PEOPLE,
    _QUOTE_CLOSE,
    _QUOTE_OPEN,
    _RELATIVE_OPEN,
    _SENT,
    _SUBJECT_GAP,
    _VESTED,
)
from kg.gazetteer import Alias, Gazetteer
from kg.mentions import key_word, names_present
from kg.model import (
    AGENT_KINDS,
    Document,
    Entity,
    Evidence,
    Fact,
    Kind,
    Lit,
    Mention,
    Obj,
    Ref,
    Span,
    date_lit,
)
from kg.name_patterns import surname as person_surname
from kg.quantities import find_quantities


@functools.lru_cache(maxsize=4)
def _enforcement_patterns(series: Enforcement | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "children were separated", "separating families": the series' trigger; and who it is done to."""
    if series is None:
        never = re.compile(r"(?!)")
        return never, never
    verbs = "|".join(re.escape(v) for v in series.verbs)
    who = "|".join(re.escape(w) for w in series.affected) or r"(?!)"
    trigger = re.compile(
        rf"\b(?:were|was|been|being|are|got)[ \t]+(?P<verb>{verbs})\b"
        rf"|(?<!\bthe )(?<!\bthese )(?<!\bthose )\b(?P<active>{verbs})[ \t]+(?:{who})\b"
    )
    return trigger, re.compile(rf"\b(?:{who})\b", re.I)


def document_dates(doc: Document) -> list[DateMention]:
    """The dates of ``doc`` outside its layout noise, by offset: what the pattern rules and the grammar
    both read (found once per document; finding them is a tenth of the extraction outside the parse)."""
    dates = [d for d in find_dates(doc.text, doc.meta.date) if not doc.is_noise(d.start, d.end)]
    dates.sort(key=lambda d: (d.start, d.end))
    return dates


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]


def document_day(dates: Sequence[DateMention], day: str | None, before: int) -> DateMention | None:
    """The first mention before offset ``before`` that states the document's own ``day`` itself: no
    range, no "today" (a head that says when the document was filed or given)."""
    return next((d for d in dates if d.start < before and not d.relative and d.end_value is None
                 and d.value == day), None) if day is not None else None  # fmt: skip


#: An appositive that describes a person by a common noun: "Jim Roe, a spokesman for Mr. Doe, said".
_DESCRIBED = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}?[a-z][\w-]*[ \t]+(?:for|of|to|at|with)[ \t]"
)


@dataclass
class Extraction:
    """What one document yields: facts and the entities (events, claims, statistics) it minted."""

    facts: list[Fact] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


class PatternRules:
    def __init__(
        self,
        doc: Document,
        mentions: list[Mention],
        entities: dict[str, Entity],
        gaz: Gazetteer | None = None,
        grammar: Grammar | None = None,
        dates: Sequence[DateMention] | None = None,
    ) -> None:
        self.doc, self.text = doc, doc.text
        self.gaz_creators = gaz.creators if gaz is not None else {}
        self.series = (grammar or default_grammar()).enforcement
        self.unit_words = (grammar or default_grammar()).unit_words
        self.roles = (grammar or default_grammar()).roles
        self.group_nouns = (grammar or default_grammar()).group_nouns
        self.member_nouns = (grammar or default_grammar()).member_nouns
        self.enforcement, self.affected = _enforcement_patterns(self.series)
        self.quoted: list[tuple[int, Mention, re.Match[str]]] = []  # attributed quotations: end, speaker
        self.denied: list[Span] = []  # what speakers deny
        self.last_claim: tuple[int, Mention, re.Match[str], bool] | None = None  # sentence end, speaker, verb
        self._gaz_aliases = gaz.aliases if gaz is not None else ()
        self.mentions = mentions
        self.known = entities
        self.out = Extraction()
        self.dates = list(document_dates(doc) if dates is None else dates)
        self._starts = [m.start for m in mentions]  # mentions come sorted by offset
        self._reports = [m for m in mentions if m.kind == "Report"]
        self._report_ends = [m.end for m in self._reports]
        self._surnames: dict[str, set[str]] = {}
        for m in mentions:
            if m.kind in _PEOPLE and m.text.split():
                self._surnames.setdefault(person_surname(m.text), set()).add(m.key)
        self._date_starts = [d.start for d in self.dates]
        self.quantities = [
            q
            for q in find_quantities(doc.text)
            if not doc.is_noise(q.start, q.end)
            and not any(m.start < q.number_end and q.number_start < m.end for m in self.near(q.number_start))
        ]
        self.quantities.sort(key=lambda q: (q.start, q.end))
        self._q_starts = [q.start for q in self.quantities]

    # -- output helpers ----------------------------------------------------------------------
    def evidence(self, spans: Iterable[tuple[int, int]]) -> Evidence:
        pairs = list(spans)
        start, end = min(s for s, _ in pairs), max(e for _, e in pairs)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        start, end = self.doc.to_stored(start, end)
        return Evidence(self.doc.id, start, end, self.doc.stored[start:end])

    def fact(
        self, s: str, p: str, o: Obj, spans: Iterable[tuple[int, int]], rule: str, stated_by: str | None = None
    ) -> None:
        spans = list(spans)
        denied = any(a < d.end and d.start < b for a, b in spans for d in self.denied)
        if denied and not rule.startswith(_CLAIM_RULES):
            return  # what someone denies is their claim, not a fact: "DHS denied that it separated …"
        self.out.facts.append(Fact(s, p, o, self.evidence(spans), rule, stated_by))

    def mint(self, key: str, kind: str, label: str, spans: Iterable[tuple[int, int]], rule: str) -> str:
        spans = list(spans)
        label = " ".join(label.split())  # on one line, whatever line the text breaks the words across
        if key not in self.out.entities:
            self.out.entities[key] = Entity(key=key, kind=kind, label=label)
        self.fact(key, "type", Kind(kind), spans, rule)
        self.fact(key, "label", Lit(label), spans, rule)
        return key

    def entity(self, key: str) -> Entity | None:
        return self.out.entities.get(key) or self.known.get(key)

    # -- sentence helpers --------------------------------------------------------------------
    def in_sentence(self, s: Span) -> list[Mention]:
        i, j = bisect.bisect_left(self._starts, s.start), bisect.bisect_left(self._starts, s.end)
        return [m for m in self.mentions[i:j] if m.end <= s.end]

    def near(self, offset: int, reach: int = 300) -> list[Mention]:
        """Mentions starting within ``reach`` characters before ``offset`` and up to it."""
        i, j = bisect.bisect_left(self._starts, offset - reach), bisect.bisect_right(self._starts, offset + reach)
        return self.mentions[i:j]

    def dates_in(self, s: Span) -> list[DateMention]:
        i, j = bisect.bisect_left(self._date_starts, s.start), bisect.bisect_left(self._date_starts, s.end)
        return [d for d in self.dates[i:j] if d.end <= s.end]

    def quotes(self, s: Span) -> list[Span]:
        out: list[Span] = []
        i = s.start
        while i < s.end:
            ch = self.text[i]
            if ch in _QUOTE_OPEN:
                if ch == '"' and _straight_closes(self.text, i):
                    i += 1  # 'called "the true engine of growth" and …': a closing mark opens nothing
                    continue
                j = self.text.find(_QUOTE_CLOSE[ch], i + 1, min(len(self.text), i + 1200))
                while ch == '"' and j >= 0 and _straight_opens(self.text, j):
                    j = self.text.find('"', j + 1, min(len(self.text), i + 1200))  # one opened inside it
                if j < 0 and ch == "“":
                    # An opening mark never closed: closed by a straight mark ('“I’d never been …
                    # poverty."[1]', as copies mix them), or (a quotation cut off, or running on past
                    # the paragraph, as press releases do) running to the end of its paragraph.
                    para = self.text.find("\n\n", i)
                    para = len(self.text) if para < 0 else para
                    ends = (k for k in range(i + 1, para) if self.text[k] == '"' and _straight_ends(self.text, k))
                    j = next(ends, para - 1)
                if j < 0:
                    i += 1
                    continue
                out.append(Span(i, j + 1))
                i = j + 1
            else:
                i += 1
        return out

    def date_for(self, s: Span, near: int, framing: bool = True) -> DateMention | None:
        """The date of the clause holding ``near``, or of a sentence-opening "On May 4," phrase."""
        ds = self.dates_in(s)
        cuts = [
            s.start,
            *(
                m.end()
                for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end)
                if not any(d.start <= m.start() < d.end for d in ds)  # "June 26, 2018" is one date
            ),
            s.end,
        ]
        clause = next(
            ((a, b) for a, b in itertools.pairwise(cuts) if a <= near < b),
            (s.start, s.end),
        )
        same = [d for d in ds if clause[0] <= d.start < clause[1]]
        if same or not framing:
            return min(same, key=lambda d: abs(d.start - near)) if same else None
        frames = [
            d
            for d in ds
            for a, b in itertools.pairwise(cuts)
            if a <= d.start < b and _DATE_FRAME.fullmatch(self.text[a : d.start] + "|" + self.text[d.end : b])
        ]
        return min(frames, key=lambda d: abs(d.start - near)) if frames else None

    def add_date(
        self, key: str, d: DateMention | None, spans: list[tuple[int, int]], rule: str, stated_by: str | None = None
    ) -> None:
        if d is None:
            return
        spans = [*spans, (d.start, d.end)]
        if d.end_value is not None:
            self.fact(key, "begin", date_lit(d.value), spans, rule, stated_by)
            self.fact(key, "end", date_lit(d.end_value), spans, rule, stated_by)
        elif d.relation in {"after", "since"}:
            self.fact(key, "earliest", date_lit(d.value), spans, rule, stated_by)
        elif d.relation == "on":
            self.fact(key, "date", date_lit(d.value), spans, rule, stated_by)

    def label(self, key: str) -> str:
        e = self.entity(key)
        return e.label if e is not None else key

    def kind_of(self, key: str) -> str | None:
        e = self.entity(key)
        return e.kind if e is not None else None

    def event(
        self,
        key: str,
        kind: str,
        label: str,
        s: Span,
        trigger: re.Match[str] | None,
        actor: Mention | None,
        obj: Mention | None,
        by: str | None,
        date: DateMention | None = None,
        place: Mention | None = None,
        search_date: bool = True,
        actor_kinds: frozenset[str] = AGENT_KINDS | {"Position"},
    ) -> None:
        anchor = trigger.start() if trigger is not None else (obj.start if obj else s.start)
        tspan = [(trigger.start(), trigger.end())] if trigger is not None else []
        if date is None and search_date:
            date = self.date_for(s, anchor)
        core = [
            *tspan,
            *([(obj.start, obj.end)] if obj else []),
            *([(actor.start, actor.end)] if actor else []),
        ]
        if not core:
            return
        if actor is None and date is None:
            return
        if trigger is None and date is not None:
            core.append((date.start, date.end))  # no verb says it: the date is the evidence ("Issue Date: …")
        self.mint(key, kind, label, core, f"event:{kind}")
        if actor is not None and actor.kind in actor_kinds:
            self.fact(
                key,
                "actor",
                Ref(actor.key),
                [*tspan, (actor.start, actor.end)],
                f"event:{kind}",
                by,
            )
        if obj is not None:
            self.fact(key, "object", Ref(obj.key), [*tspan, (obj.start, obj.end)], f"event:{kind}", by)
        if place is not None:
            self.fact(
                key,
                "place",
                Ref(place.key),
                [*tspan, (place.start, place.end)],
                f"event:{kind}",
                by,
            )
        self.add_date(key, date, core, f"event:{kind}", by)
        if (
            kind == "ReportRelease"
            and obj is not None
            and date is not None
            and date.relation == "on"
            and date.end_value is None
        ):
            self.fact(
                obj.key,
                "issued",
                date_lit(date.value),
                [*core, (date.start, date.end)],
                "report-release",
                by,
            )

    def agent_before(
        self,
        ms: list[Mention],
        offset: int,
        s: Span,
        quotes: Sequence[Span] = (),
        kinds: frozenset[str] = AGENT_KINDS,
    ) -> Mention | None:
        cands = [
            m
            for m in ms
            if m.end <= offset
            and m.kind in kinds
            and not self.text.startswith(("'s", "’s"), m.end)
            and not any(q.start <= m.start < q.end for q in quotes)
        ]
        return self.appositive_head(cands, offset)

    def authored(self, start: int, end: int, ms: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
        """ "The Office of Inspector General (OIG) conducted this audit": each report (of ``ms``, a
        mention right after the verb) the text between ``start`` and ``end`` says a body made, and
        that body: the organisation named right before the verb, its initials between them or not."""
        for t in _AUTHORED.finditer(self.text, start, end):
            report = next((m for m in ms if m.kind == "Report" and m.start == t.end()), None)
            maker = next((m for m in reversed(ms) if m.kind in _ORGS and m.end <= t.start()), None)
            if report is not None and maker is not None and _SUBJECT_GAP.fullmatch(self.text, maker.end, t.start()):
                yield report, maker

    def appositive_head(self, cands: list[Mention], offset: int) -> Mention | None:
        """The last candidate, unless it sits in an appositive that describes a person before it:
        in "Rep. Jane Doe, the Chairwoman of the Committee, held", Jane Doe is the subject."""
        if not cands:
            return None
        last = cands[-1]
        for p in reversed(cands[:-1]):
            gap = self.text[p.end : offset]
            if not _APPOSITIVE_TO_VERB.fullmatch(gap):
                continue
            if last.kind not in _PEOPLE and (p.kind in _PEOPLE or _RELATIVE_OPEN.match(gap)):
                return p
            if p.kind in _PEOPLE and _DESCRIBED.match(gap):
                return p  # "Jim Roe, a spokesman for Mr. Doe, said": whose spokesman does not speak
        return last

    def agent_by(self, ms: list[Mention], after: int, s: Span) -> Mention | None:
        for m in ms:
            if (
                m.start >= after
                and m.kind in AGENT_KINDS
                and re.fullmatch(
                    r"[ \t]+(?:on[ \t][^,]*(?:,[ \t]*\d{4})?,[ \t]+)?by[ \t]+"
                    r"(?:(?:then|the)[ \t-]+)?(?:[\w.]+[ \t]+){0,3}?",
                    self.text[after : m.start],
                )
            ):
                return m
        return None

    def salient_policy(self, offset: int) -> Mention | None:
        before = [m for m in self.mentions if m.kind == "Policy" and m.end <= offset]
        return before[-1] if before else None

    def message_date(self, offset: int) -> DateMention | None:
        """The date of the e-mail message ("Sent: …" or "Date: …" header) that ``offset`` is in."""
        sent = [d for d in self.dates if d.end <= offset and d.precision == "day" and _SENT.search(
            self.text, max(0, d.start - 12), d.start)]  # fmt: skip
        return sent[-1] if sent else None

    def vested_office(self) -> Mention | None:
        """ "By the authority vested in me as President": the post of whoever issues the order."""
        for v in _VESTED.finditer(self.text):
            post = next((m for m in self.mentions if m.start == v.end() and m.kind == "Position"), None)
            if post is not None:
                return post
        return None

    def first_report(self) -> str | None:
        return self._reports[0].key if self._reports else None

    def current_report(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._report_ends, offset)
        return self._reports[i - 1].key if i else None

    def person_by_surname(self, surname: str) -> str | None:
        keys = sorted(self._surnames.get(surname, ()))
        if len(keys) == 1:
            return keys[0]
        hits = sorted(k for k, e in self.known.items() if e.kind in _PEOPLE and person_surname(e.label) == surname)
        return hits[0] if len(hits) == 1 else None

    @functools.cached_property
    def aliases(self) -> tuple[Alias, ...]:
        """The gazetteer's names whose longest word the document has: the others cannot occur."""
        return names_present(self._gaz_aliases, self.text.lower())

    def names_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Known names inside a stretch a longer mention (a report's title) already covers."""
        out = []
        lower = self.text[start:end].lower()
        for alias in self.aliases:
            if key_word(alias.text) not in lower:
                continue  # a name can only occur where its longest word does
            for m in alias.pattern.finditer(self.text, start, end):
                out.append((alias.key, m.start(), m.end()))
        return sorted(out, key=lambda x: (x[1], -x[2]))


def _straight_opens(text: str, at: int) -> bool:
    """Whether the straight mark at ``at`` opens a quotation: after a space or a line's start, before a word."""
    return (at == 0 or text[at - 1] in " \t\n(") and at + 1 < len(text) and not text[at + 1].isspace()


def _straight_ends(text: str, at: int) -> bool:
    """Whether the straight mark at ``at`` closes a quotation a curly mark opened: as a straight one
    closes (:func:`_straight_closes`), or before an encyclopedia's note mark ('poverty."[1]')."""
    return _straight_closes(text, at) or (at > 0 and not text[at - 1].isspace() and text.startswith("[", at + 1))


def _straight_closes(text: str, at: int) -> bool:
    """Whether the straight mark at ``at`` closes a quotation: after a word or a stop, before a space or the end."""
    return at > 0 and not text[at - 1].isspace() and (at + 1 == len(text) or text[at + 1] in " \t\n,.;:)")
