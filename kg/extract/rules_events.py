"""Pattern rules for events: announcements, practice changes, enforcement actions, signings,
protests, court orders, hearings, directives — each with its actor, object and date.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from kg.extract.patterns import (
    _ACTOR_KINDS,
    _ANNOUNCE,
    _COURT_ORDER,
    _DATED_NOUN,
    _DIRECTED,
    _EFFECTIVE,
    _HEARING,
    _ORGS,
    _PRACTICE,
    _RESPECTIVELY,
    _SIGN,
    _TESTIFIED_BEFORE,
    _UNNAMED_EO,
    _UPDATED,
)
from kg.extract.rules_base import PatternRules, document_day, short_hash
from kg.mentions import slug
from kg.model import (
    AGENT_KINDS,
    Lit,
    Mention,
    Ref,
    Span,
)

#: A court's date line under its caption: "Decided: May 9, 2017", "Date Filed and Entered: …".
_DECIDED = re.compile(r"(?m)^[ \t]*(?:Date[ \t]+)?(?:Decided|Dated|Entered|Signed)[ \t]*:?[ \t]+(?=[A-Z0-9])")
#: A court text's heading that names it an order: "ORDER", "OPINION AND ORDER GRANTING …", "THIRD
#: MEMORANDUM OPINION & ORDER", set on a line of its own or run on after a sentence. Not a heading
#: that only names an order inside another filing's title (") REPORT REGARDING STATUS CONFERENCE AND ORDER").
_ORDER_HEADING = re.compile(
    r"(?:^|(?<=\n)|(?<=\.[ \t]))[ \t]*(?:(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|AMENDED|FINAL|SUPPLEMENTAL|MEMORANDUM|"
    r"OPINION|DECISION)[ \t]+(?:(?:AND|&)[ \t]+)?)*ORDERS?\b(?![a-z])"
)
#: A court text's heading that names it a complaint: "COMPLAINT FOR PERMANENT INJUNCTION", "AMENDED COMPLAINT".
_COMPLAINT_HEADING = re.compile(
    r"(?m)^[ \t]*(?:(?:FIRST|SECOND|AMENDED|VERIFIED|CIVIL|CLASS[ \t]+ACTION)[ \t]+)*COMPLAINT\b[^a-z\n]*$"
)
#: Who may sue: a body or a person, or a place (its government).
_SUERS = frozenset(AGENT_KINDS | {"Place"})
#: The plaintiff named where the complaint opens: "Plaintiff, the United States of America, …".
_PLAINTIFF = re.compile(r"\bPlaintiffs?,?[ \t]+(?:the[ \t]+)?")
#: The head of a court text, where its caption, citation and heading stand.
_COURT_HEAD = 6000


class EventRules(PatternRules):
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

    def case_courts(self, ms: list[Mention], by: str | None) -> None:
        """A case and a court named in one sentence: the court hears the case ("In Ms. L v. ICE, the
        U.S. District Court for the Southern District of California ordered …")."""
        cases = [m for m in ms if m.kind == "CourtCase"]
        courts = [m for m in ms if self.is_court(m)]
        if len(courts) != 1:
            return
        court = courts[0]
        for case in cases:
            span = (min(case.start, court.start), max(case.end, court.end))
            self.fact(case.key, "court", Ref(court.key), [span], "case-court", by)

    def is_court(self, m: Mention) -> bool:
        """Whether a mention names a court: a body whose name says "Court"."""
        return m.kind in _ORGS and re.search(r"\bCourt\b", self.label(m.key)) is not None

    def caption(self) -> None:
        """A court text's caption: the case it names first is before the court it names first
        ("In re Flint Water Cases / United States District Court, E.D. Michigan, Southern Division")."""
        if self.doc.meta.kind != "court":
            return
        head = [m for m in self.mentions if m.start < 1200]
        case = next((m for m in head if m.kind == "CourtCase"), None)
        court = next((m for m in head if self.is_court(m)), None)
        if case is not None and court is not None:
            # "The underlying case is In re Astroworld Festival Cases, … pending in the 11th District Court":
            # a court named with another case is that case's, not the caption's
            line = self.text.rfind("\n", 0, court.start) + 1
            if any(m.kind == "CourtCase" and m.key != case.key and line <= m.start < court.start for m in head):
                return
        if case is not None and court is not None and len(self.label(court.key).split()) >= 3:  # not "the Court"
            span = (min(case.start, court.start), max(case.end, court.end))
            self.fact(case.key, "court", Ref(court.key), [span], "caption", None)

    def court_orders(self, s: Span, ms: list[Mention], by: str | None) -> None:
        for t in _COURT_ORDER.finditer(self.text, s.start, s.end):
            d = self.date_for(s, t.start())
            if d is None or d.relative:
                continue
            court = next((m for m in ms if self.is_court(m)), None)
            case = next((m for m in ms if m.kind == "CourtCase"), None)
            key = "event-court-order-" + short_hash(d.value, case.key if case else "", court.key if court else "")
            label = f"Court order of {d.value}" + (f" in {self.label(case.key)}" if case else "")
            self.event(key, "CourtOrder", label, s, t, court, case, by, date=d)

    def decided(self) -> None:
        """A court's opinion or order with its date field ("Decided: May 9, 2017" under the caption):
        the court's order on that day, by the court its caption names."""
        if self.doc.meta.kind != "court":
            return
        field = _DECIDED.search(self.text, 0, min(len(self.text), 4000))
        if field is None:
            return
        d = next((x for x in self.dates if x.start == field.end() and not x.relative and x.precision == "day"), None)
        if d is None:
            return
        court = next((m for m in self.mentions if m.start < 600 and self.is_court(m)), None)
        key = "event-court-order-" + short_hash(d.value, "", court.key if court else "")
        s = Span(field.start(), d.end)
        label = f"Court order of {d.value}"
        self.event(key, "CourtOrder", label, s, None, court, None, None, date=d, search_date=False)

    def order_heading(self) -> None:
        """A court text headed as an order ("ORDER GRANTING …", "MEMORANDUM OPINION & ORDER"), with
        its day stated in its head: the order of the court its caption names, on that day. The day is
        the document's own date, or the one its citation closes on ("(N.D. Tex. Feb. 9, 2023)")."""
        if self.doc.meta.kind != "court":
            return
        t = _ORDER_HEADING.search(self.text, 0, min(len(self.text), _COURT_HEAD))
        if t is None:
            return
        days = [
            d
            for d in self.dates
            if d.start < _COURT_HEAD
            and d.precision == "day"
            and not d.relative
            and (d.value == self.doc.meta.date or self.text[d.end : d.end + 1] == ")")
        ]
        d = max((x for x in days if x.end <= t.start()), key=lambda x: x.start, default=None) or next(iter(days), None)
        if d is None:
            return
        court = next((m for m in self.mentions if m.start < _COURT_HEAD and self.is_court(m)), None)
        if court is not None and len(self.label(court.key).split()) < 3:  # "the Court": not which one
            court = None
        key = "event-court-order-" + short_hash(d.value, "", court.key if court else "")
        s = Span(min(d.start, t.start()), max(d.end, t.end()))
        self.event(key, "CourtOrder", f"Court order of {d.value}", s, t, court, None, None, date=d,
                   search_date=False)  # fmt: skip

    def complaint_heading(self) -> None:
        """A court text headed as a complaint ("COMPLAINT FOR PERMANENT INJUNCTION"), its day stated in
        its head as the document's date: the plaintiff's suit on that day, the plaintiff the body its
        opening names ("Plaintiff, the United States of America, …")."""
        if self.doc.meta.kind != "court":
            return
        t = _COMPLAINT_HEADING.search(self.text, 0, min(len(self.text), _COURT_HEAD))
        d = document_day(self.dates, self.doc.meta.date, _COURT_HEAD)
        if t is None or d is None:
            return
        plaintiff = _PLAINTIFF.search(self.text, t.end(), min(len(self.text), _COURT_HEAD + 2000))
        if plaintiff is None:
            return
        # a country that sues is its government ("the United States of America")
        who = next((m for m in self.mentions if m.start == plaintiff.end() and m.kind in _SUERS), None)
        if who is None:
            return
        key = "event-lawsuit-" + short_hash(d.value, who.key)
        self.event(key, "Lawsuit", f"Lawsuit by {self.label(who.key)}", Span(t.start(), t.end()), t, who, None,
                   None, date=d, search_date=False, actor_kinds=_SUERS)  # fmt: skip

    def hearings(self, s: Span, ms: list[Mention], qs: list[Span], by: str | None) -> None:
        for t in _TESTIFIED_BEFORE.finditer(self.text, s.start, s.end):
            body = next((m for m in ms if m.start == t.end() and m.kind in _ORGS), None)
            d = self.date_for(s, t.start())
            if body is None or d is None:
                continue
            # The witness's testimony is an event of its own (the grammar's "testify"), not the hearing's actor.
            key = "event-hearing-" + short_hash(d.value, body.key)
            self.event(key, "Hearing", f"Hearing held by {self.label(body.key)}", s, t, body, None, by, date=d)
        for t in _HEARING.finditer(self.text, s.start, s.end):
            d = self.date_for(s, t.start())
            actor = self.agent_before(ms, t.start(), s, qs)
            if d is None or actor is None:
                continue
            key = "event-hearing-" + short_hash(d.value, actor.key)
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
