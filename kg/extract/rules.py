"""Mentions → facts: positions held, parts of organisations, events with their participants and
dates, reported speech and findings as attributed claims, statistics.

Every rule is a general pattern over the mentions of one sentence (a trigger word and the
mentions around it); none names a particular sentence or document. Each fact carries the
smallest stretch of the sentence that holds its trigger and arguments as its evidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from kg.dates import DateMention
from kg.extract.grammar import Grammar
from kg.extract.rules_base import Extraction
from kg.extract.rules_claims import ClaimRules
from kg.extract.rules_events import EventRules
from kg.extract.rules_posts import PostRules
from kg.extract.rules_reports import ReportRules
from kg.gazetteer import Gazetteer
from kg.model import (
    Document,
    Entity,
    Kind,
    Lit,
    Mention,
    Span,
    date_lit,
)

__all__ = ["Extraction", "extract_facts"]


class _Extractor(PostRules, EventRules, ReportRules, ClaimRules):
    """Every pattern rule, run over one document in :meth:`run`."""

    # -- rules -------------------------------------------------------------------------------
    def run(self) -> Extraction:
        self.entity_facts()
        self.term_lines()
        self.memo_headers()
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
            stated_by = (
                self.claims(s, ms, qs) or self.section_finding(s, ms, sections) or self.continued_claim(s, ms, qs)
            )
            self.positions(s, ms, stated_by)
            self.led(s, ms, stated_by)
            self.members(s, ms, stated_by)
            self.suborganisations(ms, stated_by)
            self.coordination(s, ms, stated_by)
            self.events(s, ms, qs, stated_by)
            self.court_orders(s, ms, stated_by)
            self.case_courts(ms, stated_by)
            self.hearings(s, ms, qs, stated_by)
            self.reports(s, ms, stated_by)
            self.fieldwork(s, ms, stated_by)
            self.authors(s, ms, stated_by)
            self.statistics(s, ms, qs, stated_by)
        self.continued_quotes(doc_quotes)
        self.decided()
        self.order_heading()
        self.complaint_heading()
        self.caption()
        self.signatures()
        self.rosters()
        self.stacked_rosters()
        return self.out

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
            if m.rule == "report-number" and (e is None or e.label != m.text):
                # (a report the text names by its number alone: "OIG-16-64 reportNumber OIG-16-64" says nothing)
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


def extract_facts(
    doc: Document,
    mentions: list[Mention],
    entities: dict[str, Entity],
    gaz: Gazetteer | None = None,
    grammar: Grammar | None = None,
    dates: Sequence[DateMention] | None = None,
) -> Extraction:
    """Facts stated in ``doc``, from its mentions; ``entities`` resolves mention keys; the gazetteer
    names the authors of known reports and the names inside reports' titles; ``dates``: the
    document's (:func:`~kg.extract.rules_base.document_dates`), if already found."""
    return _Extractor(doc, mentions, entities, gaz, grammar, dates).run()
