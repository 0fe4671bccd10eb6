"""Mentions → facts: positions held, parts of organisations, events with their participants and
dates, reported speech and findings as attributed claims, statistics.

Every rule is a general pattern over the mentions of one sentence (a trigger word and the
mentions around it); none names a particular sentence or document. Each fact carries the
smallest stretch of the sentence that holds its trigger and arguments as its evidence.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.dates import DateMention, find_dates
from kg.extract.grammar import Enforcement, Grammar, default_grammar
from kg.gazetteer import Gazetteer
from kg.mentions import post_key, slug
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
from kg.quantities import Quantity, find_quantities

_PEOPLE = frozenset({"Official", "Person"})
_ACTOR_KINDS = AGENT_KINDS | {"Position"}
_ORGS = frozenset({"Agency", "Organization"})
_QUOTE_OPEN = '"“'
_QUOTE_CLOSE = {'"': '"', "“": "”"}

_HOLDS_GAP = re.compile(
    r",?[ \t]*(?:who[ \t]+)?(?:was|is|had been|has been|served as|serves as|was sworn in as|"
    r"was confirmed as|became|was named|was appointed|as)[ \t]+(?:(?:the|a|an|then|acting)[ \t]+)*"
    r"(?:[A-Z][\w]*['’]s[ \t]+)?$"
)
_APPOSITION_GAP = re.compile(r",[ \t]+(?:(?:the|a|an|then|former|acting)[ \t-]+)*$")
_TITLE_GAP = re.compile(r"[ \t]+$|[ \t]*\([A-Z.]+\)[ \t]*$")
_SUBORG_GAP = re.compile(
    r"^(?:['’]s?\)?[ \t]+|[ \t]+(?:within|in|under)[ \t]+(?:the[ \t]+)?"
    r"|(?:,[ \t]+|[ \t]+)(?:which[ \t]+is[ \t]+|is[ \t]+)?(?:(?:a|an|the)[ \t]+)?(?:sub)?"
    r"(?:component|part|office|bureau|agency|division|program office|unit|arm)[ \t]+(?:of|within)[ \t]+(?:the[ \t]+)?)$"
)
_ANNOUNCE = re.compile(
    r"\b(?:issued|issuing|issues|announced|announcing|announces|directed|implemented|espoused|"
    r"adopted|unveiled|instituted|launched)\b"
)
_PRACTICE = re.compile(
    r"\b(?:began|begin|begins|started|start|starts)[ \t]+(?:\w+[ \t]+){0,2}?(?:referring|separating|"
    r"prosecuting|to refer|to prosecute)\b|\bchanged its (?:policy|practice)\b"
)

_SIGN = re.compile(r"\bsign(?:ed|s|ing)?\b")
_UNNAMED_EO = re.compile(
    r"\b(?:an|the)[ \t]+[Ee]xecutive[ \t]+[Oo]rder\b(?:[ \t]*\([^)]{0,12}\))?(?:[ \t]+to[ \t]+(?P<purpose>[^.;]+))?"
)
_PROTEST = re.compile(r"\b(?:protest(?:ed|s)?|marched|demonstrat(?:ed|ions?)|rall(?:y|ied|ies))\b")
_RELEASE = re.compile(r"\b(?:releas(?:ed|es)|published|issued)\b", re.IGNORECASE)
_REVIEW = re.compile(r"\b(?:review(?:ed|s)?|examin(?:ed|es|e))\b")
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|asserted|asserting|asserts|admitted|admit|admits|testified|"
    r"testifies|explained|told|argued|warned|acknowledged|denied|denies|noted|called for|called|"
    r"calls for|criticized|criticised|criticize|condemned|denounced|contend|contends|contended|maintained|"
    r"maintains|insisted|insists|alleged|alleges|claimed|wrote|recommended|recommends)\b"
)
_FINDING = re.compile(r"\b(?:found|find|finds|concluded|concludes|determined|identified|identifies)\b")
_CRITICISM_TRIGGERS = re.compile(r"critici[sz]|condemn|denounc|called for|calls for")
_NEGATIVE = re.compile(
    r"\b(?:never|halt|criminal|inhumane|cruel|immoral|disaster|harm|incompeten\w*|failed|wrong|"
    r"defies|violat\w+|unlawful|illegal)\b",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"\b(?:did not|didn['’]t|failed to|fail to|not)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:plan|coordinate|prepare|consult|inform|notify)\b"
    r"|\bwithout[ \t]+(?:first[ \t]+)?(?:coordinating|consulting|informing|notifying)\b"
)
_CLAUSE_STOP = re.compile(r"\b(?:until|about|because|before|after|despite|which|although)\b|[;:]")
_CLAUSE_BREAK = re.compile(r"[,;—–]|\s-\s")
_DATE_FRAME = re.compile(
    r"\W*(?:\w+[ \t]+(?:days?|weeks?|months?|years?)[ \t]+(?:ago|later|earlier)[ \t]+)?"  # "Six days ago on …"
    r"(?:[Oo]n|[Ii]n|[Bb]y|[Bb]etween|[Dd]uring|[Ff]rom|[Aa]s of|[Ss]ince)?[ \t]*\|[\W]*"
)
_COURT_ORDER = re.compile(
    r"\b(?:court|judge|judicial)[ \t]+(?:order|ruling|injunction|decision)s?\b"
    r"|\b(?:[Cc]ourt|[Jj]udge)\b[^;]{0,60}?\b(?:ordered|ruled|enjoined|certified)\b"
)
_HEARING = re.compile(r"\b(?:held|holds|hold|convened|chaired)[ \t]+(?:a|an|the)[ \t]+(?:\w+[ \t]+){0,2}?hearings?\b")
_VAGUE_COUNT = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|several|many)\b", re.I)
_FINDING_HEADING = re.compile(
    r"\bWhat[ \t]+(?P<who>We|[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)?)[ \t]+(?:Found|Observed|Concluded|Determined)\b"
)
_SECTION_HEADING = re.compile(r"\b(?:What|Why)[ \t]+(?:We|[A-Z][A-Za-z]+)[ \t]+[A-Z][a-z]+\b|\n[ \t]*\n")
_REVIEW_TITLE = re.compile(
    r"(?:Special[ \t]+Review[ \t]*[-–—:][ \t]*)?(?:Review|Audit|Evaluation|Investigation|Inspection|Report|"
    r"Initial[ \t]+Observations)[ \t]+(?:of|on|Regarding|into)[ \t]+(?:the[ \t]+)?"
)
_REVIEW_TITLE_IN_LINE = re.compile(
    r"\b(?:Review|Audit|Evaluation|Investigation|Inspection|Observations)[ \t]+(?:of|on|Regarding|into)[ \t]+"
    r"(?:the[ \t]+)?"
)
_DATE_AFTER_REPORT = re.compile(r"[ \t]*[,:(–—-]?[ \t\n]*(?:(?:Published|Released|Issued|Updated|Dated)[: \t]+)?")
_DATE_BEFORE_REPORT = re.compile(r"[ \t]*[(,]?[ \t]*")
_RELEASE_WORD = re.compile(r"\b(?:Published|Released|Issued|Updated|Dated)\b[: \t]*$", re.I)
_VESTED = re.compile(r"\bvested[ \t\n]+in[ \t\n]+me[ \t\n]+as[ \t\n]+(?:the[ \t\n]+)?")
_CO_SPEAKER_GAP = re.compile(r"\)?(?:,[ \t]+|[ \t]+and[ \t]+|,[ \t]+and[ \t]+)")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom)[ \t]+$")
_TITLE_BLOCK = 600  # characters: how far into a document its title block may run
_TOLD = re.compile(r"[ \t]+(?:[\w.,’'\-]+[ \t]+){1,7}?that[ \t]+")  # "told the committee that …"
_SUBCLAUSE = re.compile(r"\b(?:that|which)\b[ \t]+\S")
_RELATIVE_TO_VERB = re.compile(r"\b(?:that|which|who)[ \t]+$")
_ACCORDING = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+")
_RELATIVE_OPEN = re.compile(r",[ \t]+(?:which|that|a|an)[ \t]")  # "ORR, which is part of ACF, …"
_TERM_LINE = re.compile(
    r"^[ \t]*(?P<which>Term Start|Term Began|Assumed office|Took office|Term End|Term Ended|Left office)[ \t]*:?[ \t]*",
    re.MULTILINE | re.IGNORECASE,
)
_GOES_ON = re.compile(r"^(?:Further(?:more)?|Moreover|In addition|Additionally|Also)\b|^(?:\S+[ \t]+){1,4}also\b")
_AND_THE = re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+|of[ \t]+the[ \t]+)?")
_CLAIM_RULES = ("claim", "finding", "section-finding", "event:Statement", "event:Criticism")
_DENIAL = re.compile(r"den(?:ied|ies|y)\b")
_FIELDWORK = re.compile(
    r"\b(?:conducted|performed|carried out|made)[ \t]+(?:\w+[ \t]+){0,2}?(?:site[ \t]+visits|visits|inspections|"
    r"audits|fieldwork|interviews)[ \t]+(?:to|of|at|with)[ \t]+(?:the[ \t]+)?"
)
_LED = re.compile(
    r"\b(?:has[ \t]+)?(?:(?:also|simultaneously|since)[ \t]+)*"
    r"(?P<verb>led|leads|chaired|chairs|headed|heads|directed|directs)[ \t]+(?:the[ \t]+)?$"
)
_LED_POST = {"led": "Leader", "leads": "Leader", "chaired": "Chair", "chairs": "Chair", "headed": "Head",
             "heads": "Head", "directed": "Director", "directs": "Director"}  # fmt: skip
_LED_SUBJECT = re.compile(r"[ \t]*(?:,[^,]{0,80},[ \t]*)?")
_DATED_NOUN = re.compile(
    r"\b(?:the|its|his|her|their)[ \t]+(?P<date>(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:[ \t]+\d{4})?)[ \t]+(?P<noun>announcement|memo|memorandum|directive)\b"
)
_AGO = re.compile(r"[ \t]+(?:ago|later|earlier|before|after|prior)\b")
_UPDATED = re.compile(
    r"\b(?:updated|changed|revised|modified|began using|implemented)[ \t]+(?:their|its)[ \t]+"
    r"(?:data[ \t]+systems?|systems?|databases?|records|forms|procedures?|practices?|policies|policy|guidance)\b"
)
_RESPECTIVELY = re.compile(r",?[ \t]*respectively,?")
_EFFECTIVE = re.compile(r"\b[Ee]ffective[ \t]+(?:immediately|today)\b")
_DIRECTED = re.compile(r"\b(?:refer(?:red|ral|rals)?|prosecut\w*|separat\w*|detain\w*|charg\w*)\b")
_SENT = re.compile(r"^(?:Sent|Date):[ \t]*(?:\w+,?[ \t]+)?$", re.MULTILINE)
_TESTIFIED_BEFORE = re.compile(r"\btestif(?:ied|ies|y|ying)[ \t]+before[ \t]+(?:the[ \t]+)?")
_SERVED_AS = re.compile(
    r"\b(?:as|was|is|became|become)[ \t]+(?:(?:the|a|an|then|acting|interim)[ \t]+)*(?:\w+['’]s[ \t]+)?$"
)
_TENURE_START = re.compile(
    r"\b(?:sworn in|confirmed|appointed|became|named|took office|joined|elected|installed|assumed)\b"
)
_NOT_TENURE = re.compile(r"\b(?:announced|issued|said|testified|signed|released)\b")
_APPOSITIVE_TO_VERB = re.compile(r",[ \t]+(?:the|a|an|then|former|acting)?[^,;\n]{0,120},[ \t]*(?:who[ \t]+)?")
_ATTRIBUTION_GAP = re.compile(r"[ \t,—–-]*(?:(?:[A-Z][\w.’'\-]*|of|the)[ \t]*)*")
_NOT_CONTENT = re.compile(r"(?:in|on|at|before|during|with|to|for|from|under|after)\b(?![^.]*\bthat\b)", re.I)
_CONTENT_STOP = re.compile(r",[ \t]+(?:and|but|while|although|whereas)[ \t]+(?!(?:the[ \t]+)?[a-z]+[ \t]+(?:and|or)\b)")


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


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]


@dataclass
class Extraction:
    """What one document yields: facts and the entities (events, claims, statistics) it minted."""

    facts: list[Fact] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


class _Extractor:
    def __init__(
        self,
        doc: Document,
        mentions: list[Mention],
        entities: dict[str, Entity],
        gaz: Gazetteer | None = None,
        grammar: Grammar | None = None,
    ) -> None:
        self.doc, self.text = doc, doc.text
        self.gaz_creators = gaz.creators if gaz is not None else {}
        self.series = (grammar or default_grammar()).enforcement
        self.enforcement, self.affected = _enforcement_patterns(self.series)
        self.quoted: list[tuple[int, Mention, re.Match[str]]] = []  # attributed quotations: end, speaker
        self.denied: list[Span] = []  # what speakers deny
        self.last_claim: tuple[int, Mention, re.Match[str], bool] | None = None  # sentence end, speaker, verb
        self.aliases = gaz.aliases if gaz is not None else ()
        self.mentions = mentions
        self.known = entities
        self.out = Extraction()
        self.dates = [d for d in find_dates(doc.text, doc.meta.date) if not doc.is_noise(d.start, d.end)]
        self.dates.sort(key=lambda d: (d.start, d.end))
        self._starts = [m.start for m in mentions]  # mentions come sorted by offset
        self._reports = [m for m in mentions if m.kind == "Report"]
        self._report_ends = [m.end for m in self._reports]
        self._surnames: dict[str, set[str]] = {}
        for m in mentions:
            if m.kind in _PEOPLE and m.text.split():
                self._surnames.setdefault(m.text.split()[-1], set()).add(m.key)
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
                j = self.text.find(_QUOTE_CLOSE[ch], i + 1, min(len(self.text), i + 1200))
                if j < 0 and ch == "“":
                    # An opening mark never closed (a quotation cut off, or running on past the
                    # paragraph, as press releases do): it runs to the end of its paragraph.
                    para = self.text.find("\n\n", i)
                    j = (len(self.text) if para < 0 else para) - 1
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

    # -- rules -------------------------------------------------------------------------------
    def run(self) -> Extraction:
        self.entity_facts()
        self.term_lines()
        doc_quotes = self.quotes(Span(0, len(self.text)))
        quote_ends = [q.end for q in doc_quotes]  # quotes do not overlap: sorted by start and by end
        quotes_by_sentence = {}
        for s in self.doc.sentences:
            qs: list[Span] = []
            for q in doc_quotes[bisect.bisect_right(quote_ends, s.start) :]:
                if q.start >= s.end:
                    break
                qs.append(q)
            quotes_by_sentence[s] = qs
        sections = self.finding_sections()
        for s in self.doc.sentences:
            ms = self.in_sentence(s)
            qs = quotes_by_sentence[s]
            stated_by = self.claims(s, ms, qs) or self.section_finding(s, ms, sections) or self.continued_claim(s, ms)
            self.positions(s, ms, stated_by)
            self.led(s, ms, stated_by)
            self.suborganisations(ms, stated_by)
            self.coordination(s, ms, stated_by)
            self.events(s, ms, qs, stated_by)
            self.court_orders(s, ms, stated_by)
            self.case_courts(ms, stated_by)
            self.hearings(s, ms, qs, stated_by)
            self.reports(s, ms, stated_by)
            self.fieldwork(s, ms, stated_by)
            self.statistics(s, ms, qs, stated_by)
        self.continued_quotes(doc_quotes)
        return self.out

    def continued_claim(self, s: Span, ms: list[Mention]) -> str | None:
        """ "The report found that X. The DOJ also did Y." / "Further, …": a sentence that goes on from an
        attributed one, adding to it, is attributed to the same speaker (across one paragraph break)."""
        prev = self.last_claim
        if prev is None or self.text.count("\n\n", prev[0], s.start) > 1 or s.start - prev[0] > 300:
            return None
        head = self.text[s.start : min(s.end, s.start + 60)]
        if not _GOES_ON.search(head):
            return None
        speaker, t, finding = prev[1], prev[2], prev[3]
        end = s.end
        while end > s.start and self.text[end - 1] in " .\n\t":
            end -= 1
        self.claim(speaker, t, Span(s.start, end), s, ms, finding)
        return speaker.key

    def continued_quotes(self, quotes: list[Span]) -> None:
        """A quotation that opens a sentence and names no speaker, right after an attributed one, goes
        on quoting the same speaker (one claim per sentence):
        “…,” Jane Doe said. “They ignored the warnings. It was a disaster.”"""
        claimed = [c for c, _, _ in self.quoted]
        for q in quotes:
            before = self.text[: q.start].rstrip()
            if (before and before[-1] not in '.!?”"') or any(q.start < c <= q.end for c in claimed):
                continue  # a quotation that opens a sentence, and not one already attributed
            prev = [x for x in self.quoted if x[0] <= q.start and q.start - x[0] <= 400]
            if not prev:
                continue
            end, speaker, trigger = prev[-1]
            between = self.text[end : q.start]
            if between.count("\n\n") > 1 or _SPEECH.search(self.text, q.start, q.end):
                continue
            for s in self.doc.sentences:
                cs, ce = max(s.start, q.start + 1), min(s.end, q.end - 1)
                while ce > cs and self.text[ce - 1] in ' \n\t”"':
                    ce -= 1
                if ce - cs >= 12:
                    self.claim(speaker, trigger, Span(cs, ce), s, self.in_sentence(s), finding=False)

    def entity_facts(self) -> None:
        """Each mention types its entity; an entity the gazetteer does not know gets its label here."""
        labelled: set[str] = set()
        for m in self.mentions:
            if m.rule == "pronoun":
                continue  # "he" is a reference, not a naming: it types nothing
            self.fact(m.key, "type", Kind(m.kind), [(m.start, m.end)], f"mention:{m.rule}")
            e = self.entity(m.key)
            if e is not None and not e.known and m.key not in labelled and m.text == e.label:
                labelled.add(m.key)
                self.fact(m.key, "label", Lit(e.label), [(m.start, m.end)], f"mention:{m.rule}")
            if m.rule == "report-number":
                self.fact(m.key, "reportNumber", Lit(m.text), [(m.start, m.end)], "report-number")
            if e is not None and e.kind == "ExecutiveOrder" and m.rule == "executive-order":
                num = m.key.rsplit("-", 1)[-1]
                self.fact(m.key, "identifier", Lit(num), [(m.start, m.end)], "executive-order")
                tail = re.match(r"[ \t]+of[ \t]+", self.text[m.end : m.end + 8])
                d = next((d for d in self.dates if tail and d.start == m.end + tail.end()), None)
                if d is not None and d.precision == "day":
                    self.fact(
                        m.key,
                        "legislationDate",
                        date_lit(d.value),
                        [(m.start, d.end)],
                        "executive-order-date",
                    )
                    # "Executive Order 13841 of June 20, 2018": an order is dated the day it is signed.
                    s = self.doc.sentence_at(m.start) or Span(m.start, d.end)
                    self.event(f"event-signing-{m.key}", "ExecutiveOrderSigning", f"Signing of {self.label(m.key)}",
                               s, None, self.vested_office(), m, None, date=d)  # fmt: skip

    def positions(self, s: Span, ms: list[Mention], by: str | None) -> None:
        for a, b in itertools.pairwise(ms):
            gap = self.text[a.end : b.start]
            if a.kind == "Position" and b.kind in _PEOPLE and _TITLE_GAP.fullmatch(gap):
                self.holds(b, a, s, "title-name", by)
            if a.kind in _PEOPLE and b.kind in AGENT_KINDS and re.match(r"[ \t]*,[ \t]+who[ \t]", gap):
                # "Rod Rosenstein, who had been Trump's Attorney General": look past the possessive.
                nxt = next((m for m in ms if m.start >= b.end), None)
                if (
                    nxt is not None
                    and nxt.kind == "Position"
                    and self.text.startswith(("'s ", "’s "), b.end)
                    and nxt.start - b.end <= 4
                ):
                    self.holds(a, nxt, s, "name-title", by)
            elif (
                a.kind in _PEOPLE
                and b.kind == "Position"
                and (_APPOSITION_GAP.fullmatch(gap) or _HOLDS_GAP.fullmatch(gap))
            ):
                self.holds(a, b, s, "name-title", by)
            elif a.kind == "Position" or b.kind != "Position":
                continue
            elif _SERVED_AS.search(self.text, max(s.start, b.start - 40), b.start):
                # "Mr. Doe was confirmed in 2003 to serve a six-year term as a Commissioner": the
                # nearest person before the post, with no other person between.
                holder = next((m for m in reversed(ms) if m.end <= b.start and m.kind in _PEOPLE), None)
                if holder is not None and b.start - holder.end <= 160:
                    self.holds(holder, b, s, "served-as", by)
        for m in ms:
            e = self.entity(m.key)
            if m.kind == "Position" and e is not None and not e.known and e.post_in:
                org = next((o for o in ms if o.key == e.post_in and abs(o.start - m.end) < 40), None)
                if org is not None:
                    self.fact(
                        m.key,
                        "postIn",
                        Ref(e.post_in),
                        [(m.start, m.end), (org.start, org.end)],
                        "title-of-org",
                        by,
                    )
            # "the Trump administration": an administration is named after its President.
            am = re.fullmatch(r"(?:(?P<inc>incoming)[ \t]+)?(?P<name>[A-Z]\w+)[ \t]+[Aa]dministration", m.text)
            pre = self.text[max(0, m.start - 9) : m.start]
            if m.kind == "Agency" and am:
                person = self.person_by_surname(am.group("name"))
                post = "president-elect" if "incoming" in pre else "president"
                if person is not None and self.entity(post) is not None:
                    start = m.start - 9 + pre.index("incoming") if "incoming" in pre else m.start
                    self.fact(person, "holds", Ref(post), [(start, m.end)], "administration-name", by)

    def holds(self, person: Mention, post: Mention, s: Span, rule: str, by: str | None) -> None:
        """A person holds a post; when the sentence dates the tenure, a Tenure with its begin and end."""
        span = (min(person.start, post.start), max(person.end, post.end))
        self.fact(person.key, "holds", Ref(post.key), [span], rule, by)
        self.same_post_elsewhere(person, post, s, rule, by)
        d = self.date_for(s, post.start)
        if d is None or d.relative:
            return
        lead = self.text[s.start : d.start]
        begin = end = None
        if d.end_value is not None:
            begin, end = d.value, d.end_value
        elif d.relation == "since" or (d.relation == "on" and _TENURE_START.search(self.text, s.start, s.end)):
            begin = d.value
        elif d.relation == "until":
            end = d.value
        if (begin is None and end is None) or _NOT_TENURE.search(lead):
            return
        self.tenure(person.key, post.key, begin, end, [span, (d.start, d.end)], by)

    def same_post_elsewhere(self, person: Mention, post: Mention, s: Span, rule: str, by: str | None) -> None:
        """ "a board member of the Ethics Resource Center and the Society for …": the same post in
        each organisation named."""
        e = self.entity(post.key)
        if e is None or e.post_in is None:
            return
        ms = self.in_sentence(s)
        org = next((m for m in ms if m.start >= post.end and m.key == e.post_in and m.start - post.end < 12), None)
        if org is None:
            return
        nxt = next((m for m in ms if m.start >= org.end), None)
        if nxt is None or nxt.kind not in _ORGS or not _AND_THE.fullmatch(self.text, org.end, nxt.start):
            return
        key = self.post_in(e.label.split(",")[0], nxt, (post.start, post.end), "same-post", by)
        self.fact(person.key, "holds", Ref(key), [(min(person.start, post.start), nxt.end)], rule, by)

    def post_in(self, title: str, org: Mention, said: tuple[int, int], rule: str, by: str | None) -> str:
        """A post the text names by its title and organisation, minted with its ``postIn``; its key."""
        key = post_key(title, org.key)
        self.mint(key, "Position", f"{title}, {self.label(org.key)}", [said], rule)
        self.fact(key, "postIn", Ref(org.key), [(said[0], org.end)], rule, by)
        return key

    def tenure(
        self, person: str, post: str, begin: str | None, end: str | None, spans: list[tuple[int, int]], by: str | None
    ) -> None:
        key = "tenure-" + _hash(person, post)
        self.mint(key, "Tenure", f"{self.label(person)} as {self.label(post)}", spans, "tenure")
        self.fact(key, "member", Ref(person), spans, "tenure", by)
        self.fact(key, "tenurePost", Ref(post), spans, "tenure", by)
        if begin is not None:
            self.fact(key, "begin", date_lit(begin), spans, "tenure", by)
        if end is not None:
            self.fact(key, "end", date_lit(end), spans, "tenure", by)

    def term_lines(self) -> None:
        """Infobox lines "Term Start: April 16, 2012" / "Term End: …" under a person and a post."""
        for t in _TERM_LINE.finditer(self.text):
            d = next((d for d in self.dates if d.start >= t.end() and not self.text[t.end() : d.start].strip()), None)
            if d is None or d.relative:
                continue
            # The block of short lines above: the person's name and the post, as an infobox has them.
            top = t.start()
            for _ in range(6):
                prev = self.text.rfind("\n", 0, max(top - 1, 0))
                line = self.text[prev + 1 : top].strip()
                if not line or len(line) > 90 or prev < 0:
                    break
                top = prev + 1
            block = [m for m in self.mentions if top <= m.start and m.end <= t.start()]
            posts = [m for m in block if m.kind == "Position"]
            people = {m.key: m for m in block if m.kind in _PEOPLE}
            if not posts or len(people) != 1:
                continue
            post, person = posts[-1], next(iter(people.values()))
            span = (min(person.start, post.start), max(person.end, post.end))
            self.fact(person.key, "holds", Ref(post.key), [span], "term-line")
            starts = t.group("which").lower() in {"term start", "term began", "assumed office", "took office"}
            begin, end = (d.value, None) if starts else (None, d.value)
            self.tenure(person.key, post.key, begin, end, [span, (t.start(), d.end)], None)

    def led(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "he has led the Pandemic Response Accountability Committee": a person heads a body."""
        for a, b in itertools.pairwise(ms):
            if a.kind not in _PEOPLE or b.kind not in _ORGS:
                continue
            between = self.text[a.end : b.start]
            verb = _LED.search(between)
            if verb is None or not _LED_SUBJECT.fullmatch(between[: verb.start()]):
                continue
            start = a.end + verb.start("verb")
            key = self.post_in(_LED_POST[verb.group("verb")], b, (start, a.end + verb.end("verb")), "led", by)
            self.holds(a, Mention(start, b.end, self.text[start : b.end], "Position", key, "led"), s, "led", by)

    def person_by_surname(self, surname: str) -> str | None:
        keys = sorted(self._surnames.get(surname, ()))
        if len(keys) == 1:
            return keys[0]
        hits = sorted(k for k, e in self.known.items() if e.kind in _PEOPLE and e.label.split()[-1] == surname)
        return hits[0] if len(hits) == 1 else None

    def suborganisations(self, ms: list[Mention], by: str | None) -> None:
        for m in ms:
            e = self.entity(m.key)
            parent = self.entity(e.parent) if e is not None and e.parent else None
            if m.kind in _ORGS and parent is not None:
                names = sorted({parent.label, *parent.aliases}, key=len, reverse=True)
                if any(re.match(rf"(?:the[ \t]+)?{re.escape(n)}(?:['’]s)?[ \t]", m.text, re.I) for n in names):
                    self.fact(m.key, "subOrganizationOf", Ref(parent.key), [(m.start, m.end)], "parent-in-name", by)
        for a, b in itertools.pairwise(ms):
            gap = self.text[a.end : b.start]
            if a.kind in _ORGS and b.kind in _ORGS and a.key != b.key:
                possessive = gap[:2] in {"'s", "’s"} or (gap[:1] in "'’" and a.text.endswith("s"))
                if possessive and _SUBORG_GAP.fullmatch(gap):
                    self.fact(
                        b.key,
                        "subOrganizationOf",
                        Ref(a.key),
                        [(a.start, b.end)],
                        "possessive-org",
                        by,
                    )
                elif _SUBORG_GAP.fullmatch(gap):
                    self.fact(
                        a.key,
                        "subOrganizationOf",
                        Ref(b.key),
                        [(a.start, b.end)],
                        "org-within-org",
                        by,
                    )

    def coordination(self, s: Span, ms: list[Mention], by: str | None) -> None:
        for t in _COORDINATION.finditer(self.text, s.start, s.end):
            subj = self.agent_before(ms, t.start(), s)
            if subj is None or self.entity(subj.key) is None or subj.kind not in _ORGS:
                continue
            stop = _CLAUSE_STOP.search(self.text, t.end(), s.end)
            limit = stop.start() if stop else s.end
            for o in ms:
                if t.end() <= o.start and o.end <= limit and o.kind in AGENT_KINDS and o.key != subj.key:
                    self.fact(
                        subj.key,
                        "failedToCoordinateWith",
                        Ref(o.key),
                        [(subj.start, subj.end), (t.start(), t.end()), (o.start, o.end)],
                        "coordination",
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

    def appositive_head(self, cands: list[Mention], offset: int) -> Mention | None:
        """The last candidate, unless it sits in an appositive that describes a person before it:
        in "Rep. Jane Doe, the Chairwoman of the Committee, held", Jane Doe is the subject."""
        if not cands:
            return None
        last = cands[-1]
        if last.kind not in _PEOPLE:
            for p in reversed(cands[:-1]):
                gap = self.text[p.end : offset]
                if _APPOSITIVE_TO_VERB.fullmatch(gap) and (p.kind in _PEOPLE or _RELATIVE_OPEN.match(gap)):
                    return p
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

    def events(self, s: Span, ms: list[Mention], qs: list[Span], by: str | None) -> None:
        def inq(m: Mention) -> bool:
            return any(q.start <= m.start < q.end for q in qs)

        policies = [m for m in ms if m.kind == "Policy"]
        for t in _ANNOUNCE.finditer(self.text, s.start, s.end):
            after = [p for p in policies if p.start >= t.end()]
            before = [p for p in policies if p.end <= t.start()]
            actor = self.agent_by(ms, t.end(), s)
            obj = before[-1] if actor is not None and before else (after[0] if after else None)
            # Without a date or an explicit "by", "implemented" is a description, not an event.
            if obj is None or (actor is None and self.date_for(s, t.start()) is None):
                continue
            if actor is None:
                # "the Attorney General announced": a post may be the one that acts.
                actor = self.agent_before([m for m in ms if not inq(m)], t.start(), s, kinds=_ACTOR_KINDS)
            key = f"event-announcement-{obj.key}"
            self.event(
                key,
                "PolicyAnnouncement",
                f"Announcement of the {self.label(obj.key)}",
                s,
                t,
                actor,
                obj,
                by,
            )
        # "the Attorney General's April 2018 'zero tolerance' memo"
        for p in policies:
            d = next(
                (
                    d
                    for d in self.dates_in(s)
                    if d.end <= p.start and re.fullmatch(r"[ \t\"“']*", self.text[d.end : p.start])
                ),
                None,
            )
            if d is None or d.start < s.start:
                continue
            owner = next(
                (m for m in ms if m.end <= d.start and re.fullmatch(r"['’]s[ \t]+", self.text[m.end : d.start])),
                None,
            )
            key = f"event-announcement-{p.key}"
            actor_m = owner if owner is not None and owner.kind in AGENT_KINDS | {"Position"} else None
            self.event(
                key,
                "PolicyAnnouncement",
                f"Announcement of the {self.label(p.key)}",
                s,
                None,
                actor_m,
                p,
                by,
                date=d,
            )
        for t in _PRACTICE.finditer(self.text, s.start, s.end):
            actor = self.agent_before([m for m in ms if not inq(m)], t.start(), s)
            if actor is None:
                continue
            key = f"event-practice-change-{actor.key}"
            self.event(
                key,
                "PracticeChange",
                f"{self.label(actor.key)} changes its referral practice",
                s,
                t,
                actor,
                None,
                by,
            )
        self.respective_changes(s, ms, by)
        self.directives(s, ms, by)
        self.dated_announcements(s, ms, by)
        counted = any(q.start < s.end for q in self.quantities[bisect.bisect_left(self._q_starts, s.start) :][:1])
        for t in self.enforcement.finditer(self.text, s.start, s.end):
            d = self.date_for(s, t.start())
            actors = [m for m in ms if m.kind in AGENT_KINDS and not inq(m)]
            if d is None or not actors or not (counted or (t.group("active") or "").endswith("ing")):
                continue
            policy = policies[0] if policies else self.salient_policy(s.start)
            if policy is not None and not policies:  # the policy of the context: cite the trigger only
                policy = Mention(t.start(), t.end(), t.group(0), policy.kind, policy.key, "context")
            label = self.series.label if self.series is not None else "Enforcement actions"
            key = f"event-{slug(label)}-{policy.key if policy else 'unknown-policy'}"
            self.event(
                key,
                "EnforcementAction",
                label + (f" under the {self.label(policy.key)}" if policy else ""),
                s,
                t,
                actors[0],
                policy,
                by,
                date=d,
            )
        for t in _SIGN.finditer(self.text, s.start, s.end):
            eo = next((m for m in ms if m.kind == "ExecutiveOrder" and m.start >= t.end()), None)
            unnamed = _UNNAMED_EO.search(self.text, t.end(), s.end)
            # "the President of the United States signed": the post signs
            actor = self.agent_before([m for m in ms if not inq(m)], t.start(), s, kinds=_ACTOR_KINDS)
            if actor is None or (eo is None and unnamed is None):
                continue
            d = self.date_for(s, t.start())
            if eo is not None:
                order_key, span = eo.key, (eo.start, eo.end)
            elif unnamed is not None and d is not None:
                span = (unnamed.start(), unnamed.end())
                order_key = self.mint(
                    f"executive-order-of-{d.value}",
                    "ExecutiveOrder",
                    f"Executive order of {d.value}",
                    [span],
                    "signed-order",
                )
                if unnamed.group("purpose"):
                    purpose = unnamed.group("purpose").strip()
                    ps = unnamed.start("purpose")
                    self.fact(
                        order_key,
                        "purpose",
                        Lit(purpose),
                        [(ps, ps + len(purpose))],
                        "signed-order",
                        by,
                    )
                    for p in policies:
                        if ps <= p.start < ps + len(purpose):
                            self.fact(order_key, "about", Ref(p.key), [(ps, p.end)], "signed-order", by)
            else:
                continue
            key = f"event-signing-{order_key}"
            obj = Mention(
                span[0],
                span[1],
                self.text[span[0] : span[1]],
                "ExecutiveOrder",
                order_key,
                "signed",
            )
            self.event(
                key,
                "ExecutiveOrderSigning",
                f"Signing of {self.label(order_key)}",
                s,
                t,
                actor,
                obj,
                by,
                date=d,
            )
        for t in _PROTEST.finditer(self.text, s.start, s.end):
            actors = [m for m in ms if m.kind in AGENT_KINDS - _PEOPLE and not inq(m)]
            if not actors:
                continue
            place = next((m for m in ms if m.kind == "Place"), None)
            key = f"event-protest-{actors[0].key}" + (f"-{place.key}" if place else "")
            self.event(
                key,
                "Protest",
                f"Protest by {self.label(actors[0].key)}",
                s,
                t,
                actors[0],
                None,
                by,
                place=place,
            )

    def case_courts(self, ms: list[Mention], by: str | None) -> None:
        """A case and a court named in one sentence: the court hears the case ("In Ms. L v. ICE, the
        U.S. District Court for the Southern District of California ordered …")."""
        cases = [m for m in ms if m.kind == "CourtCase"]
        courts = [m for m in ms if m.kind in _ORGS and re.search(r"\bCourt\b", self.label(m.key))]
        if len(courts) != 1:
            return
        court = courts[0]
        for case in cases:
            span = (min(case.start, court.start), max(case.end, court.end))
            self.fact(case.key, "court", Ref(court.key), [span], "case-court", by)

    def court_orders(self, s: Span, ms: list[Mention], by: str | None) -> None:
        for t in _COURT_ORDER.finditer(self.text, s.start, s.end):
            d = self.date_for(s, t.start())
            if d is None or d.relative:
                continue
            court = next((m for m in ms if m.kind in _ORGS and re.search(r"\bCourt\b", self.label(m.key))), None)
            case = next((m for m in ms if m.kind == "CourtCase"), None)
            key = "event-court-order-" + _hash(d.value, case.key if case else "", court.key if court else "")
            label = f"Court order of {d.value}" + (f" in {self.label(case.key)}" if case else "")
            self.event(key, "CourtOrder", label, s, t, court, case, by, date=d)

    def hearings(self, s: Span, ms: list[Mention], qs: list[Span], by: str | None) -> None:
        for t in _TESTIFIED_BEFORE.finditer(self.text, s.start, s.end):
            body = next((m for m in ms if m.start == t.end() and m.kind in _ORGS), None)
            d = self.date_for(s, t.start())
            if body is None or d is None:
                continue
            witness = self.agent_before(ms, t.start(), s, qs)
            key = "event-hearing-" + _hash(d.value, body.key)
            self.event(key, "Hearing", f"Hearing held by {self.label(body.key)}", s, t, body, None, by, date=d)
            if witness is not None and key in self.out.entities:
                self.fact(key, "actor", Ref(witness.key), [(witness.start, witness.end), t.span()], "testified", by)
        for t in _HEARING.finditer(self.text, s.start, s.end):
            d = self.date_for(s, t.start())
            actor = self.agent_before(ms, t.start(), s, qs)
            if d is None or actor is None:
                continue
            key = "event-hearing-" + _hash(d.value, actor.key)
            self.event(key, "Hearing", f"Hearing held by {self.label(actor.key)}", s, t, actor, None, by, date=d)

    def dated_announcements(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "Following the May announcement, …": the policy in question was announced that month."""
        for t in _DATED_NOUN.finditer(self.text, s.start, s.end):
            d = next((d for d in self.dates_in(s) if d.start == t.start("date")), None)
            policy = next((m for m in ms if m.kind == "Policy"), None) or self.salient_policy(s.start)
            if d is None or policy is None:
                continue
            on = dataclasses.replace(d, relation="on")  # "following the May announcement": May is its date
            obj = Mention(t.start("noun"), t.end("noun"), t.group("noun"), policy.kind, policy.key, "context")
            self.event(f"event-announcement-{policy.key}", "PolicyAnnouncement",
                       f"Announcement of the {self.label(policy.key)}", s, None, None, obj, by, date=on)  # fmt: skip

    def respective_changes(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "In April and July 2018, CBP and ORR, respectively, updated their data systems": each body
        changed its practice on its own date, in the order given."""
        t = _UPDATED.search(self.text, s.start, s.end)
        resp = _RESPECTIVELY.search(self.text, s.start, t.start()) if t is not None else None
        if t is None or resp is None:
            return
        actors = [m for m in ms if m.kind in _ORGS and m.end <= resp.start()]
        dates = [d for d in self.dates_in(s) if d.end <= (actors[0].start if actors else s.start)]
        actors = list({m.key: m for m in actors}.values())  # "DHS ... (DHS)": one body, once
        if len(actors) < 2 or len(actors) != len(dates):
            return
        for actor, d in zip(actors, dates, strict=True):
            key = f"event-practice-change-{actor.key}-{d.value}"
            self.event(key, "PracticeChange", f"{self.label(actor.key)} changes its practice", s, t, actor, None, by,
                       date=d)  # fmt: skip

    def directives(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "Effective immediately, all amenable adults will be referred for prosecution": a directive in
        a message changes practice from the day the message was sent, on its sender's behalf."""
        t = _EFFECTIVE.search(self.text, s.start, s.end)
        if t is None or not _DIRECTED.search(self.text, t.end(), s.end):
            return
        sent = self.message_date(s.start)
        actor = self.agent_before(ms, t.start(), s)
        creator = self.doc.meta.creator
        if actor is None and creator is not None:
            actor = Mention(t.start(), t.end(), t.group(), self.kind_of(creator) or "Agency", creator, "sender")
        if sent is None or actor is None:
            return
        key = f"event-practice-change-{actor.key}-{sent.value}"
        self.event(key, "PracticeChange", f"{self.label(actor.key)} changes its practice", s, t, actor, None, by,
                   date=sent)  # fmt: skip

    def message_date(self, offset: int) -> DateMention | None:
        """The date of the e-mail message ("Sent: …" or "Date: …" header) that ``offset`` is in."""
        sent = [d for d in self.dates if d.end <= offset and d.precision == "day" and _SENT.search(
            self.text, max(0, d.start - 12), d.start)]  # fmt: skip
        return sent[-1] if sent else None

    def salient_policy(self, offset: int) -> Mention | None:
        before = [m for m in self.mentions if m.kind == "Policy" and m.end <= offset]
        return before[-1] if before else None

    def label(self, key: str) -> str:
        e = self.entity(key)
        return e.label if e is not None else key

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
        self.mint(key, kind, label, core, f"event:{kind}")
        if actor is not None and actor.kind in AGENT_KINDS | {"Position"}:
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

    def reports(self, s: Span, ms: list[Mention], by: str | None) -> None:
        reports = [m for m in ms if m.kind == "Report"]
        if not reports:
            return
        for t in _RELEASE.finditer(self.text, s.start, s.end):
            before = [r for r in reports if r.end <= t.start()]
            after = [r for r in reports if r.start >= t.end()]
            obj = (
                after[0]
                if after and (not before or after[0].start - t.end() < 12)
                else (before[-1] if before else None)
            )
            if obj is None:
                continue
            actor = self.agent_by(ms, t.end(), s) or self.agent_before(
                [m for m in ms if m.kind in AGENT_KINDS], t.start(), s
            )
            d = self.date_for(s, t.start())
            if actor is not None and actor.kind in _ORGS:
                self.fact(obj.key, "creator", Ref(actor.key), [(actor.start, actor.end), (obj.start, obj.end)],
                          "released-by", by)  # fmt: skip
            self.event(
                f"event-release-{obj.key}",
                "ReportRelease",
                f"Release of {self.label(obj.key)}",
                s,
                t,
                actor,
                obj,
                by,
                date=d,
            )
        for r in reports:
            self.report_title(r, by)
            self.report_date(r, s, by)
            nxt = next((m for m in ms if m.start >= r.end and m.kind in _ORGS), None)
            if nxt is not None and re.fullmatch(r"[ \t]+(?:by|from)[ \t]+(?:the[ \t]+)?", self.text[r.end : nxt.start]):
                self.fact(r.key, "creator", Ref(nxt.key), [(r.start, nxt.end)], "report-by", by)
            review = _REVIEW.match(self.text, r.end + 1) if self.text[r.end : r.end + 1] == " " else None
            titled = re.match(r"[ \t]+of[ \t]+", self.text[r.end :]) and r.text.lower().endswith("review")
            if review is None and not titled:
                continue
            stop = _CLAUSE_STOP.search(self.text, r.end, s.end)
            for p in ms:
                if p.kind == "Policy" and r.end < p.start and p.end <= (stop.start() if stop else s.end):
                    self.fact(r.key, "reviews", Ref(p.key), [(r.start, p.end)], "report-reviews", by)

    def fieldwork(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "the OIG conducted unannounced site visits to CBP and ICE facilities": the report of this
        document reviews the bodies its authors visited, inspected or audited."""
        for t in _FIELDWORK.finditer(self.text, s.start, s.end):
            report = self.current_report(t.start()) or self.first_report()
            if report is None:
                continue
            stop = _CLAUSE_STOP.search(self.text, t.end(), s.end)
            end = stop.start() if stop else s.end
            for m in ms:
                if t.end() <= m.start and m.end <= end and m.kind in _ORGS:
                    self.fact(report, "reviews", Ref(m.key), [(t.start(), m.end)], "fieldwork", by)

    def report_title(self, r: Mention, by: str | None) -> None:
        """A report titled "Review of the Department's … Policy" reviews what its title names. A
        report numbered in the document's title block has its title on the same line."""
        head = _REVIEW_TITLE.match(r.text)
        if head is not None:
            title_start, title_end = r.start + head.end(), r.end
        elif r.start < _TITLE_BLOCK and r.rule == "report-number":
            line_start = self.text.rfind("\n", 0, r.start) + 1
            line_end = self.text.find("\n", r.start)
            line_end = len(self.text) if line_end < 0 else line_end
            found = _REVIEW_TITLE_IN_LINE.search(self.text, line_start, line_end)
            if found is None:
                return
            title_start, title_end = found.end(), line_end
        else:
            return
        for key, start, end in self.names_in(title_start, title_end):
            kind = self.kind_of(key)
            subject = kind in _ORGS and start == title_start
            if kind == "Policy" or subject:
                self.fact(r.key, "reviews", Ref(key), [(min(r.start, start), max(r.end, end))], "report-title", by)

    def names_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """Known names inside a stretch a longer mention (a report's title) already covers."""
        out = []
        for alias in self.aliases:
            for m in alias.pattern.finditer(self.text, start, end):
                out.append((alias.key, m.start(), m.end()))
        return sorted(out, key=lambda x: (x[1], -x[2]))

    def report_date(self, r: Mention, s: Span, by: str | None) -> None:
        """ "GAO-19-163 … Publicly Released: Oct 24, 2018", "Updated February 26, 2019 (R45266)", a
        title followed by its date: the report's release (a "Released" date before a "Published" one)."""
        found: list[tuple[int, DateMention]] = []
        for d in self.dates_in(Span(min(s.start, r.start), max(s.end, r.end + 200))):
            near = d.start >= r.end and d.start - r.end <= 160
            cover = d.start >= r.end and re.fullmatch(r"[ \t]+", self.text[r.end : d.start]) is not None
            if (d.precision != "day" and not cover) or d.relative or not (s.start <= d.start < s.end or near):
                continue  # a month will do on a cover: "21-028 JANUARY 2021"
            after = d.start >= r.end and _DATE_AFTER_REPORT.fullmatch(self.text, r.end, d.start)
            before = d.end <= r.start and _DATE_BEFORE_REPORT.fullmatch(self.text, d.end, r.start)
            lo = max(r.end, d.start - 22) if d.start >= r.end else max(s.start, d.start - 22)
            keyword = _RELEASE_WORD.search(self.text, lo, d.start)
            adjacent = before and re.fullmatch(r"[ \t]+", self.text[d.end : r.start]) is not None
            if (
                (after and (keyword or cover or r.rule != "report-number"))
                or (before and (keyword or adjacent))
                or (near and keyword)
            ):
                released = keyword is not None and keyword.group().lower().startswith("released")
                found.append((0 if released else 1, d))
        if not found:
            return
        d = min(found, key=lambda x: (x[0], x[1].start))[1]
        author = self.gaz_creators.get(r.key)
        actor = next((m for m in self.mentions if m.key == author), None) if author else None
        if author is None and self.doc.meta.creator and r.start < _TITLE_BLOCK:
            # A report numbered and dated in the document's opening lines is the document itself,
            # and the document's metadata says who wrote it.
            author = self.doc.meta.creator
            actor = Mention(r.start, r.end, r.text, self.kind_of(author) or "Agency", author, "document-creator")
            self.fact(r.key, "creator", Ref(author), [(r.start, r.end)], "document-creator", by)
        self.event(f"event-release-{r.key}", "ReportRelease", f"Release of {self.label(r.key)}", s,
                   None, actor, r, by, date=d)  # fmt: skip

    def statistics(self, s: Span, ms: list[Mention], qs: list[Span], by: str | None) -> None:
        i, j = bisect.bisect_left(self._q_starts, s.start), bisect.bisect_left(self._q_starts, s.end)
        for q in self.quantities[i:j]:
            if not (s.start <= q.start and q.end <= s.end):
                continue
            if by is None and any(x.start <= q.start < x.end for x in qs):
                continue  # a number inside an unattributed quotation is nobody's statistic
            if _AGO.match(self.text, q.end):
                continue  # "six days ago", "two weeks later": a time, not a count
            if _VAGUE_COUNT.search(q.text) and not re.search(r"\d", q.text):
                continue  # "thousands of families", "a majority of Republicans": no figure to record
            d = self.date_for(s, q.start)
            key = "statistic-" + _hash(str(q.value), q.qualifier, q.unit or "", q.counted or "", d.value if d else "")
            self.mint(key, "Statistic", q.text, [(q.start, q.end)], "statistic")
            sp = [(q.start, q.end)]
            self.fact(key, "value", Lit(str(q.value), "decimal"), sp, "statistic", by)
            self.fact(key, "qualifier", Lit(q.qualifier), sp, "statistic", by)
            if q.unit:
                self.fact(key, "unit", Lit(q.unit), sp, "statistic", by)
            if q.counted:
                self.fact(key, "counted", Lit(q.counted), sp, "statistic", by)
            self.add_date(key, d, sp, "statistic", by)
            self.separation_count(key, q, s, ms, by)
            for m in ms:
                if m.kind in {"Policy", "Report"} or (m.kind in AGENT_KINDS and m.kind not in _PEOPLE):
                    self.fact(key, "about", Ref(m.key), [*sp, (m.start, m.end)], "statistic", by)

    def separation_count(self, key: str, q: Quantity, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "over 3,000 children were separated": a count of the separations under the policy in
        question, so that sources giving different counts can be found to disagree."""
        trigger = self.enforcement.search(self.text, s.start, s.end)
        if trigger is None or q.counted is None or not self.affected.search(q.counted):
            return
        policy = next((m for m in ms if m.kind == "Policy"), None) or self.salient_policy(s.start)
        if policy is None:
            return
        spans = [(q.start, q.end), (trigger.start(), trigger.end())]
        self.fact(key, "about", Ref(policy.key), spans, "separation-count", by)

    def claims(self, s: Span, ms: list[Mention], qs: list[Span]) -> str | None:
        """Reported speech and findings become claims; returns who the sentence is attributed to."""
        stated_by: str | None = None
        for rx, is_finding in ((_FINDING, True), (_SPEECH, False)):
            for t in rx.finditer(self.text, s.start, s.end):
                inside = next((q for q in qs if q.start <= t.start() < q.end), None)
                if inside is not None:
                    # Speech reported inside a quotation: only a speaker quoted with it counts.
                    inner = [m for m in ms if inside.start < m.start and m.end < inside.end]
                    speaker = self.speaker(inner, t, s, [], is_finding)
                else:
                    speaker = self.speaker(ms, t, s, qs, is_finding)
                if speaker is None or (is_finding and self.text.startswith(" by ", t.end())):
                    continue  # "children identified by DHS": a participle, not a finding
                content = (
                    self.quote_before(t, speaker, qs)
                    or self.claim_content(t, s, qs)
                    or self.content_before(t, speaker, s)
                )
                if content is None:
                    continue
                for who in [*self.co_speakers(ms, speaker), speaker]:
                    self.claim(who, t, content, s, ms, is_finding)
                if _DENIAL.match(t.group()):
                    self.denied.append(content)
                self.last_claim = (s.end, speaker, t, is_finding)
                if content.start > 0 and self.text[content.start - 1] in _QUOTE_OPEN:
                    self.quoted.append((content.end, speaker, t))
                stated_by = stated_by or speaker.key
        according = self.according_to(s, ms, qs)  # the outer attribution, whatever is quoted inside
        return according or stated_by

    def speaking_post(self, ms: list[Mention], t: re.Match[str], qs: list[Span]) -> Mention | None:
        """ "The Secretary of Homeland Security denied …": whoever this document says holds the post,
        or else the organisation the post is in, speaks."""
        before = [m for m in ms if m.end <= t.start() and not any(q.start <= m.start < q.end for q in qs)]
        if not before or before[-1].kind != "Position" or len(self.text[before[-1].end : t.start()].split()) > 3:
            return None
        post = before[-1]
        holder = next((f.subject for f in self.out.facts if f.predicate == "holds" and f.obj == Ref(post.key)), None)
        e = self.entity(post.key)
        key = holder or (e.post_in if e is not None else None)
        kind = self.kind_of(key) if key else None
        if key is None or kind not in AGENT_KINDS:
            return None
        return Mention(post.start, post.end, post.text, kind, key, "post-speaker")

    def co_speakers(self, ms: list[Mention], speaker: Mention) -> list[Mention]:
        """ "DHS and HHS officials told GAO": each organisation joined to the speaker by "and"."""
        out: list[Mention] = []
        first = speaker
        for m in reversed([m for m in ms if m.end <= speaker.start]):
            if m.key == first.key and re.fullmatch(r"[ \t]*\(", self.text[m.end : first.start]):
                first = m  # "Department of Health and Human Services (HHS)": one name, twice
            elif m.kind == speaker.kind and _CO_SPEAKER_GAP.fullmatch(self.text, m.end, first.start):
                out.insert(0, m)
                first = m
            elif m.end <= first.start:
                break
        return out

    def according_to(self, s: Span, ms: list[Mention], qs: list[Span]) -> str | None:
        """ "According to an NBC News report, …" / "…, according to DHS": the source is the speaker."""
        for t in _ACCORDING.finditer(self.text, s.start, s.end):
            who = next((m for m in ms if m.start >= t.end() and m.kind in AGENT_KINDS | {"Report"}), None)
            if who is None or who.start - t.end() > 40:
                continue
            after = [q for q in qs if q.start >= who.end]
            comma = self.text.find(",", who.end, s.end)
            if after:
                content = Span(after[0].start + 1, after[0].end - 1)
            elif t.start() - s.start > 20:  # "…, according to DHS."
                content = Span(s.start, t.start())
            elif comma >= 0:
                content = Span(comma + 1, s.end)
            else:
                continue
            text = self.text[content.start : content.end].strip(" ,.")
            if len(text) < 12:
                continue
            lead = len(self.text[content.start : content.end]) - len(
                self.text[content.start : content.end].lstrip(" ,")
            )
            content = Span(content.start + lead, content.start + lead + len(text))
            self.claim(who, t, content, s, ms, finding=False)
            return who.key
        return None

    def speaker(self, ms: list[Mention], t: re.Match[str], s: Span, qs: list[Span], finding: bool) -> Mention | None:
        kinds = AGENT_KINDS | ({"Report"} if finding else set())
        cands = [
            m
            for m in ms
            if m.end <= t.start()
            and m.kind in kinds
            and not any(q.start <= m.start < q.end for q in qs)
            and not self.text.startswith(("'s", "’s"), m.end)
        ]
        # "officials who GAO interviewed told GAO": GAO is inside a relative clause, not the speaker.
        while len(cands) > 1 and _RELATIVE_BEFORE.search(self.text, s.start, cands[-1].start):
            cands.pop()
        if cands:
            head = self.appositive_head(cands, t.start())
            gap = self.text[head.end : t.start()] if head is not None else ""
            # The speaker is the subject of the verb: not across a "that"/"which" clause or far away.
            if head is not None and head is cands[-1] and _SUBCLAUSE.search(gap):
                return None
            if head is not None and _RELATIVE_TO_VERB.search(gap) and len(gap.split()) > 2:
                return None  # "… its policy that calls for …": the policy, not the speaker, "calls for"
            return head
        post = self.speaking_post(ms, t, qs)
        if post is not None:
            return post
        if re.search(r"\b[Ww]e\b|\b[Oo]ur\b", self.text[s.start : t.start()]) and self.doc.meta.creator:
            c = self.doc.meta.creator
            return Mention(t.start(), t.end(), t.group(0), "Agency", c, "we")
        after = [
            m
            for m in ms
            if m.start >= t.end() and m.kind in _PEOPLE and not any(q.start <= m.start < q.end for q in qs)
        ]
        return after[0] if after and not finding else None

    def finding_sections(self) -> list[tuple[int, int, str]]:
        """Report highlights headed "What We Found" / "What GAO Found": (start, end, author) of each
        section; it runs to the next "What …"/"Why …" heading or a blank line."""
        out = []
        for h in _FINDING_HEADING.finditer(self.text):
            if self.doc.is_noise(h.start(), h.end()):
                continue
            who = h.group("who")
            if who == "We":
                author = self.doc.meta.creator
            else:
                author = next((m.key for m in self.mentions if m.start == h.start("who")), None)
            nxt = _SECTION_HEADING.search(self.text, h.end())
            end = nxt.start() if nxt else len(self.text)
            if author is not None:
                out.append((h.end(), end, author))
                report = self.current_report(h.start()) or self.first_report()
                if report is not None and who != "We":
                    self.fact(report, "creator", Ref(author), [(h.start(), h.end())], "findings-heading")
        return out

    def section_finding(self, s: Span, ms: list[Mention], sections: list[tuple[int, int, str]]) -> str | None:
        """A sentence of a findings section, not otherwise attributed, is a finding of its author."""
        for start, end, author in sections:
            if not (start <= s.end and s.start < end):
                continue
            cs, ce = max(s.start, start), min(s.end, end)
            while cs < ce and self.text[cs].isspace():
                cs += 1
            while ce > cs and self.text[ce - 1] in " \n\t.":
                ce -= 1
            if ce - cs < 20:
                return None
            report = self.current_report(cs)
            speaker = Mention(cs, cs, "", self.kind_of(author) or "Agency", author, "section")
            text = self.text[cs:ce]
            key = "claim-" + _hash(author, re.sub(r"\W+", " ", text).lower())
            label = (text[:77] + "…") if len(text) > 78 else text
            self.mint(key, "Finding" if report else "Claim", label, [(cs, ce)], "section-finding")
            self.fact(key, "text", Lit(text), [(cs, ce)], "section-finding")
            self.fact(key, "claimant", Ref(speaker.key), [(cs, ce)], "section-finding")
            if report is not None:
                self.fact(key, "findingOf", Ref(report), [(cs, ce)], "section-finding")
            return author
        return None

    def content_before(self, t: re.Match[str], speaker: Mention, s: Span) -> Span | None:
        """ "DHS does not have a blanket policy of separating families, DHS said.": the clause before
        the attribution is what was said."""
        if not re.fullmatch(r"[ \t]*", self.text[speaker.end : t.start()]) or self.text[t.end() : s.end].strip(" .\n"):
            return None
        lead = self.text[s.start : speaker.start]
        m = re.search(r",[ \t]*(?:the[ \t]+)?$", lead)
        if m is None or m.start() < 12:
            return None
        return Span(s.start, s.start + m.start())

    def quote_before(self, t: re.Match[str], speaker: Mention, qs: list[Span]) -> Span | None:
        """“…,” Chairwoman Jane Doe said: the quotation the attribution follows."""
        before = [q for q in qs if q.end <= min(t.start(), speaker.start)]
        if not before or speaker.end > t.start():
            return None
        q = before[-1]
        gap = self.text[q.end : speaker.start] + " " + self.text[speaker.end : t.start()]
        return Span(q.start + 1, q.end - 1) if _ATTRIBUTION_GAP.fullmatch(gap) else None

    def claim_content(self, t: re.Match[str], s: Span, qs: list[Span]) -> Span | None:
        rest = self.text[t.end() : s.end]
        told = _TOLD.match(rest) if re.fullmatch(r"told|informed|assured|warned|reminded|notified", t.group()) else None
        lead = told or re.match(r"[ \t,:]*(?:that[ \t]+|how[ \t]+)?", rest)
        start = t.end() + (lead.end() if lead else 0)
        q = next((q for q in qs if q.start >= t.end() and q.start - start <= 2), None)
        if q is not None:
            return Span(q.start + 1, q.end - 1)
        stop = _CONTENT_STOP.search(self.text, start, s.end)
        end = stop.start() if stop else s.end
        while end > start and self.text[end - 1] in '.!? "”':
            if self.text[end - 1] in '"”' and self.text.count(self.text[end - 1], start, end) % 2 == 0:
                break  # a closing quote that belongs to the claim
            end -= 1
        if end - start >= 3 and not _NOT_CONTENT.match(self.text, start, end):
            return Span(start, end)
        q = next((q for q in qs if q.end <= t.start()), None)
        return Span(q.start + 1, q.end - 1) if q is not None else None

    def claim(
        self,
        speaker: Mention,
        t: re.Match[str],
        content: Span,
        s: Span,
        ms: list[Mention],
        finding: bool,
    ) -> None:
        text = self.text[content.start : content.end].strip(" ,")
        report = speaker.key if self.kind_of(speaker.key) == "Report" else self.current_report(t.start())
        kind = "Finding" if finding and report is not None else "Claim"
        key = "claim-" + _hash(speaker.key, re.sub(r"\W+", " ", text).lower())
        spans = [
            (min(speaker.start, t.start()), max(t.end(), speaker.end)),
            (content.start, content.end),
        ]
        label = (text[:77] + "…") if len(text) > 78 else text
        self.mint(key, kind, label, spans, "claim")
        self.fact(key, "text", Lit(text), [(content.start, content.end)], "claim")
        # "The report found …": the report is where it is found; its author is who claims it.
        author = self.gaz_creators.get(speaker.key) if self.kind_of(speaker.key) == "Report" else None
        self.fact(key, "claimant", Ref(author or speaker.key), spans, "claim")
        if kind == "Finding" and report is not None:
            self.fact(key, "findingOf", Ref(report), spans, "finding")
        for m in ms:
            if content.start <= m.start and m.end <= content.end and m.kind != "Position" and m.key != speaker.key:
                self.fact(key, "about", Ref(m.key), [(content.start, content.end)], "claim")
        if not finding and self.kind_of(speaker.key) in AGENT_KINDS:
            critical = bool(_CRITICISM_TRIGGERS.search(t.group(0)) or _NEGATIVE.search(text))
            ev_kind = "Criticism" if critical else "Statement"
            ekey = f"event-statement-{key.removeprefix('claim-')}"
            # The statement's own date stands before its verb ("On June 5, Doe said"); dates after it
            # belong to what was said.
            said_on = [d for d in self.dates_in(s) if d.end <= t.start()]
            self.event(
                ekey,
                ev_kind,
                f"{'Criticism' if critical else 'Statement'} by {self.label(speaker.key)}",
                s,
                t,
                speaker,
                None,
                None,
                date=said_on[-1] if said_on else None,
                search_date=False,
            )
            if ekey in self.out.entities:
                self.fact(ekey, "expresses", Ref(key), spans, "claim")

    def kind_of(self, key: str) -> str | None:
        e = self.entity(key)
        return e.kind if e is not None else None

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


def extract_facts(
    doc: Document,
    mentions: list[Mention],
    entities: dict[str, Entity],
    gaz: Gazetteer | None = None,
    grammar: Grammar | None = None,
) -> Extraction:
    """Facts stated in ``doc``, from its mentions; ``entities`` resolves mention keys; the gazetteer
    names the authors of known reports and the names inside reports' titles."""
    return _Extractor(doc, mentions, entities, gaz, grammar).run()
