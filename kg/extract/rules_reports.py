"""Pattern rules for reports and statistics: a report's number, title, author, release date and what
it reviews; counts and amounts with their qualifier.
"""

from __future__ import annotations

import bisect
import functools
import re

from kg.dates import DateMention
from kg.extract.patterns import (
    _AGO,
    _CLAUSE_STOP,
    _DATE_AFTER_REPORT,
    _DATE_BEFORE_REPORT,
    _FIELDWORK,
    _ORGS,
    _PEOPLE,
    _RELEASE,
    _RELEASE_WORD,
    _REVIEW,
    _REVIEW_TITLE,
    _REVIEW_TITLE_IN_LINE,
    _TITLE_BLOCK,
    _VAGUE_COUNT,
)
from kg.extract.rules_base import PatternRules, short_hash
from kg.mentions import american
from kg.model import (
    AGENT_KINDS,
    Lit,
    Mention,
    Ref,
    Span,
)
from kg.quantities import Quantity

#: A contact's line: a telephone number or an e-mail address under a name.
_CONTACT_LINE = re.compile(r"[ \t]*(?:\(?\d{3}\)?[ \t.-]*\d{3}[ \t.-]\d{4}|[\w.+-]+@[\w-]+\.[\w.]+)[ \t]*(?:\n|$)")
_AUTHOR_FIELD = re.compile(r"(?m)^[ \t]*(?:Report[ \t]+)?(?:Authors?|Prepared[ \t]+by|Issued[ \t]+by):[ \t]*")


#: A participle as a noun's modifier ("the newly released report", "HI-EMA’s publicly released audio"):
#: a determiner or possessive, perhaps an adverb, before it, and a noun's lower-case word after.
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our)|[’']s)[ \t]+(?:\w+ly[ \t]+)?$", re.I)
_NOUN_NEXT = re.compile(
    r"[ \t]+(?!(?:by|on|in|at|to|for|from|of|with|this|that|the|a|an|its|their|his|her|our|today|yesterday"
    r"|last|earlier|publicly)\b)[a-z]+\b"
)


#: "Prepared by the (Democratic) Staff of the Committee …": a report's makers, in its opening lines.
_PREPARED_BY = re.compile(
    r"\b(?:Prepared|Written|Produced|Compiled)[ \t]+by[ \t]+(?:the[ \t]+)?"
    r"(?:(?:(?:Democratic|Republican|Majority|Minority)[ \t]+)?[Ss]taff[ \t]+of[ \t]+(?:the[ \t]+)?)?"
)


#: A nation whose currency is a dollar, named in a text that names nothing of the United States:
#: its "$" is that nation's dollar ("refunding $721 million to 373,000 individual Australians").
_DOLLAR_NATIONS = (
    (re.compile(r"\bAustralia(?:ns?)?\b"), "AUD"),
    (re.compile(r"\bCanad(?:a|ians?)\b"), "CAD"),
    (re.compile(r"\bNew Zealand\b"), "NZD"),
)


#: A change's "from" or "from X to" right before a number, the verb of change before it in the sentence.
_A_CHANGES_END = re.compile(
    r"\b(?:rose|increased|grew|jumped|fell|dropped|declined|decreased|climbed|soared|plunged|went|changed)\b"
    r"[^.;]{0,80}?\bfrom[ \t]+(?:\S+(?:[ \t]+(?:million|billion|thousand|percent))?[ \t]+to[ \t]+"
    r"(?:(?:more|less|fewer)[ \t]+than[ \t]+|about[ \t]+|nearly[ \t]+|almost[ \t]+|over[ \t]+)?)?$",
    re.I,
)


#: The end of a line that hands the paragraphs after it to a speaker: "… said:", "… the following statement:".
_HANDED = re.compile(r"\b(?:said|says|stated|added|wrote|continued|statement|remarks)[ \t]*:[ \t]*\n\s*[“\"]?$")


class ReportRules(PatternRules):
    @functools.cached_property
    def dollar(self) -> str:
        """What a bare "$" is in this text: the United States' dollar, unless the text is of another
        dollar nation's and names nothing of the United States."""
        if american(self.text):
            return "USD"
        named = [unit for rx, unit in _DOLLAR_NATIONS if rx.search(self.text)]
        return named[0] if len(named) == 1 else "USD"

    def reports(self, s: Span, ms: list[Mention], by: str | None) -> None:
        reports = [m for m in ms if m.kind == "Report"]
        if not reports:
            return
        for t in _RELEASE.finditer(self.text, s.start, s.end):
            if _ATTRIBUTIVE_BEFORE.search(self.text, max(s.start, t.start() - 40), t.start()) and _NOUN_NEXT.match(
                self.text, t.end()
            ):
                continue  # "HI-EMA’s publicly released audio recording": a thing described, no release told
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
            owner = next((m for m in ms if m.kind in _ORGS and m.end <= obj.start
                          and re.fullmatch(r"[’']s[ \t]+", self.text[m.end : obj.start])), None)  # fmt: skip
            if owner is not None:
                # "FSRI’s Lahaina Fire Comprehensive Timeline Report": the possessor wrote it, whoever released it
                self.fact(obj.key, "creator", Ref(owner.key), [(owner.start, obj.end)], "possessive", by)
            elif actor is not None and actor.kind in _ORGS:
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

    def authors(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "The Office of Inspector General (OIG) conducted this audit", "Prepared by the Staff of the
        House Committee on …": who made the report the words name."""
        for report, maker in self.authored(s.start, s.end, ms):
            self.fact(report.key, "creator", Ref(maker.key), [(maker.start, report.end)], "authored", by)
        own = self.first_report()
        for t in _PREPARED_BY.finditer(self.text, s.start, s.end):
            body = next((m for m in ms if m.kind in _ORGS and m.start == t.end()), None)
            if own is not None and body is not None and t.start() < _TITLE_BLOCK * 2:
                self.fact(own, "creator", Ref(body.key), [(t.start(), body.end)], "prepared-by", by)

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

    def author_field(self, r: Mention, by: str | None) -> Mention | None:
        """A summary page's "Report Author: Office of Audits and Evaluations" line: the report's
        creator, who releases it."""
        field = _AUTHOR_FIELD.search(self.text, max(0, r.start - 600), r.end + 600)
        if field is None:
            return None
        who = next((m for m in self.mentions if m.start == field.end() and m.kind in _ORGS), None)
        if who is not None:
            self.fact(r.key, "creator", Ref(who.key), [(field.start(), who.end)], "author-field", by)
        return who

    def cover_author(self, r: Mention, by: str | None) -> Mention | None:
        """A report's cover: the one body whose name stands alone on a line of the opening
        ("United States Government Accountability Office") wrote the report the cover numbers. Two
        such bodies ("Office of Inspector General" over its department) settle nothing."""
        if self.doc.meta.kind != "report-summary":
            return None
        alone = []
        for m in self.mentions:
            if m.start >= _TITLE_BLOCK * 2:
                break
            line_start = self.text.rfind("\n", 0, m.start) + 1
            line_end = self.text.find("\n", m.end)
            rest = self.text[m.end : line_end if line_end >= 0 else len(self.text)]
            before = self.text[line_start : m.start].strip()
            # "United States Government Accountability Office": a country's name may lead its body's.
            placed = any(p.start == line_start and p.kind == "Place" and p.end + 1 >= m.start for p in self.mentions)
            # (not a contact block's "Office of Public Affairs / (202) 512-4800")
            contact = _CONTACT_LINE.match(self.text, line_end + 1 if line_end >= 0 else len(self.text))
            if self.kind_of(m.key) == "Agency" and (not before or placed) and not rest.strip() and not contact:
                alone.append(m)
        if len({m.key for m in alone}) != 1:
            return None
        who = alone[0]
        self.fact(r.key, "creator", Ref(who.key), [(who.start, who.end)], "cover-line", by)
        return who

    def report_date(self, r: Mention, s: Span, by: str | None) -> None:
        """ "GAO-19-163 … Publicly Released: Oct 24, 2018", "Updated February 26, 2019 (R45266)", a
        title followed by its date: the report's release (a "Released" date before a "Published" one)."""
        found: list[tuple[int, DateMention]] = []
        for d in self.dates_in(Span(min(s.start, r.start), max(s.end, r.end + 200))):
            near = d.start >= r.end and d.start - r.end <= 160
            cover = d.start >= r.end and (
                re.fullmatch(r"[ \t]+|[ \t]*\n[ \t]*", self.text[r.end : d.start]) is not None or self._cover_line(r, d)
            )
            if (d.precision != "day" and not cover) or d.relative or not (s.start <= d.start < s.end or near):
                continue  # a month will do on a cover: "21-028 JANUARY 2021"
            if d.end_value is not None or r.start <= d.start < r.end:
                continue  # the period a report covers, in its title or after it, is not when it came out
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
                released = keyword is not None and keyword.group().lower().startswith("release")
                found.append((0 if released else 1, d))
        if not found:
            return
        d = min(found, key=lambda x: (x[0], x[1].start))[1]
        author = self.gaz_creators.get(r.key)
        actor = next((m for m in self.mentions if m.key == author), None) if author else None
        if author is None and r.start < _TITLE_BLOCK:
            actor = self.author_field(r, by) or self.cover_author(r, by)
        if author is None and self.doc.meta.creator and r.start < _TITLE_BLOCK:
            # A report numbered and dated in the document's opening lines is the document itself,
            # and the document's metadata says who wrote it.
            author = self.doc.meta.creator
            actor = Mention(r.start, r.end, r.text, self.kind_of(author) or "Agency", author, "document-creator")
            self.fact(r.key, "creator", Ref(author), [(r.start, r.end)], "document-creator", by)
        self.event(f"event-release-{r.key}", "ReportRelease", f"Release of {self.label(r.key)}", s,
                   None, actor, r, by, date=d)  # fmt: skip

    def _cover_line(self, r: Mention, d: DateMention) -> bool:
        """ "Report #24-N-0055, August 12, 2024": a line of the opening block that is a report's
        number and a date, and nothing else, is its cover's dating."""
        line_start = self.text.rfind("\n", 0, r.start) + 1
        line_end = self.text.find("\n", d.end)
        return (
            r.start < _TITLE_BLOCK
            and re.fullmatch(r"[ \t]*(?:Report[ \t]*(?:No\.?|Number|#)?[ \t]*)?", self.text[line_start : r.start])
            is not None
            and re.fullmatch(r",?[ \t]+", self.text[r.end : d.start]) is not None
            and not self.text[d.end : line_end if line_end >= 0 else len(self.text)].strip()
        )

    def handed_to(self, quote: Span) -> bool:
        """Whether a quotation opens a paragraph that a line saying whose words follow hands it to:
        "In a statement the Prime Minister said:" and, below, “… At least 2,400 people died …”."""
        return _HANDED.search(self.text, max(0, quote.start - 200), quote.start) is not None

    def statistics(self, s: Span, ms: list[Mention], qs: list[Span], by: str | None) -> None:
        i, j = bisect.bisect_left(self._q_starts, s.start), bisect.bisect_left(self._q_starts, s.end)
        for q in self.quantities[i:j]:
            if not (s.start <= q.start and q.end <= s.end):
                continue
            if by is None and any(x.start <= q.start < x.end and not self.handed_to(x) for x in qs):
                continue  # a number inside an unattributed quotation is nobody's statistic
            if _AGO.match(self.text, q.end):
                continue  # "six days ago", "two weeks later": a time, not a count
            if _VAGUE_COUNT.search(q.text) and not re.search(r"\d", q.text):
                continue  # "thousands of families", "a majority of Republicans": no figure to record
            d = self.date_for(s, q.start)
            if d is not None and d.end_value is not None and _A_CHANGES_END.search(self.text, s.start, q.start):
                d = None  # "From September 2011 to February 2014, … increased from $56 million to more than $209
                # million": what it was at the start and what it became at the end, neither over the period
            aside = _parenthesis(self.text, s.start, q.start)
            if d is not None and aside is not None and not aside <= d.start < self.text.find(")", q.end):
                d = None  # "in West, Texas (18 mi north of Waco), …": an aside takes no date from outside it
            key = "statistic-" + short_hash(
                str(q.value), q.qualifier, q.unit or "", q.counted or "", d.value if d else ""
            )
            self.mint(key, "Statistic", q.text, [(q.start, q.end)], "statistic")
            sp = [(q.start, q.end)]
            self.fact(key, "value", Lit(str(q.value), "decimal"), sp, "statistic", by)
            self.fact(key, "qualifier", Lit(q.qualifier), sp, "statistic", by)
            if q.unit:
                unit = self.dollar if q.unit == "USD" and not q.text.startswith(("US$", "U.S.")) else q.unit
                self.fact(key, "unit", Lit(unit), sp, "statistic", by)
            if q.counted:
                counted = f"{q.counted} {q.befell}" if q.befell else q.counted
                self.fact(key, "counted", Lit(counted), sp, "statistic", by)
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


def _parenthesis(text: str, start: int, at: int) -> int | None:
    """Where the parenthesis ``at`` stands in opens, looking back no further than ``start``; None
    where it stands in none."""
    opened = text.rfind("(", start, at)
    return opened if opened >= 0 and text.find(")", opened, at) < 0 else None
