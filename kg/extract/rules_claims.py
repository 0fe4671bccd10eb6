"""Pattern rules for reported speech and findings: who said, found or denied what, with the words
said; quotations carried on; findings under a report's headings.
"""

from __future__ import annotations

import re

from kg.extract.parse import past_dateline
from kg.extract.patterns import (
    _A_PAPER_SAYS,
    _ACCORDING,
    _ANOTHER_SAYER,
    _ASKED_OF,
    _ATTRIBUTION_GAP,
    _CO_SPEAKER_GAP,
    _CONTENT_STOP,
    _CRITICISM_TRIGGERS,
    _DENIAL,
    _FINDING,
    _FINDING_HEADING,
    _GOES_ON,
    _GOT_BY,
    _HEADING_LINE,
    _NEGATIVE,
    _NOT_CONTENT,
    _PEOPLE,
    _PRAISE,
    _QUOTE_OPEN,
    _RELATIVE_BEFORE,
    _RELATIVE_TO_VERB,
    _SECTION_HEADING,
    _SPEECH,
    _SUBCLAUSE,
    _TOLD,
    _WHOSE_BEFORE,
    FORMER,
    RUNS_INTO,
    claim_label,
    pleasantry,
)
from kg.extract.rules_base import PatternRules, short_hash
from kg.model import (
    AGENT_KINDS,
    Lit,
    Mention,
    Ref,
    Span,
)

#: The speaker of the sentence before, saying more: "But he also said that …", "…," she added.
_SAID_AGAIN = re.compile(r"\b(?:he|she|they)[ \t]+(?:also[ \t]+)?(?:said|added|continued|noted|wrote|argued)\b")
#: A finding's verb read as the passive of a verdict: "Holmes (was) found guilty", "found liable".
_FOUND_SO = re.compile(r"[ \t]+(?:not[ \t]+)?(?:guilty|liable|innocent|responsible|dead|competent|incompetent)\b")
_LEAD = re.compile(
    r"[ \t,:]*(?:(?:today|yesterday|tonight|previously|earlier|repeatedly|publicly|privately|recently"
    r"|(?:on|this|last)[ \t]+\w+)[ \t,]+(?=that\b)"
    # "said on Monday the state would act", "said last week they …": a time before a clause that
    # opens on a determiner or a pronoun is when it was said ("said today is …" keeps its subject)
    r"|(?:on[ \t]+|last[ \t]+|this[ \t]+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|month)[ \t,]+"
    r"(?=(?:the|a|an|he|she|it|they|we|I|his|her|its|their|there|this|these|those)[ \t])"
    r")?"
    # where or to whom it was said, before what: "said in a statement that …", "said at a news
    # conference that …", "said to the New Yorker in 2015 that …"
    r"(?:(?:in|on|at|during|to)[ \t]+(?:[\w’'-]+[ \t]+){0,4}?[\w’'-]+[ \t,]+(?=that\b))?"
    r"(?:that[ \t]+|how[ \t]+)?"
)


#: What an earlier piece of work found, told in the report: "In prior work, OIG identified …".
_EARLIER_WORK = re.compile(
    r"(?i)\b(?:in|from|during|through)[ \t]+(?:(?:our|its|their|a|an|the)[ \t]+)?(?:prior|previous|earlier|past)"
    r"[ \t]+(?:work|reports?|audits?|reviews?|investigations?|evaluations?|inspections?)\b|\bpreviously\b"
    # "GAO reports in 2018 and 2019 identified …", "a 2019 audit found …": work of a year the text names
    r"|\b(?:reports?|audits?|reviews?|evaluations?)[ \t]+(?:issued[ \t]+)?in[ \t]+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d[ \t]+(?:reports?|audits?|reviews?|evaluations?)\b"
)


#: A day between "called" and "for": "The White House … called yesterday for swift investigation".
_WHEN_FOR = re.compile(
    r"[ \t]*(?:yesterday|today|tonight|(?:on[ \t]+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[ \t]+for[ \t]+"
)
#: What says nothing: a "that" before a list ("The audit also concluded that:"), or the rest of a
#: verb's conjuncts ("find and fix deficiencies").
_NO_CONTENT = re.compile(r"(?:(?i:that)\W*$|(?:and|or|but|nor)\b)")
#: An aside after a speaker's name that a date may stand in: ", who …", ", after …".
_ASIDE = re.compile(r",[ \t]+(?:who|which|whose|after|when|while|before)\b")


_BY_BEFORE = re.compile(r"\bby[ \t]+$")
_AND_BETWEEN = re.compile(r",?[ \t]+and[ \t]+(?:[a-z]+[ \t]+)?$")
_DATA_AFTER = re.compile(r"(?:[’']s)?[ \t]+(?:data|figures|statistics|numbers|records|estimates|database)\b")
#: A name's possessive: "Doe's", and after an "s" before a noun, "Nichols’ father".
_POSSESSIVE = re.compile(r"[’']s|(?<=s)[’'](?=[ \t]+[a-z])")
#: A name that modifies a noun after it: "U.S. District Judge X, a Barack Obama appointee, wrote …" (not Obama).
_MODIFIES_A_NOUN = re.compile(
    r"[’']?s?[ \t]+(?:appointee|nominee|pick|ally|allies|aide|aides|adviser|advisers|advisor|advisors|administration"
    r"|campaign|supporter|supporters|critic|critics|loyalist|loyalists|donor|donors)s?\b"
)


def _aside(between: str) -> bool:
    """Whether a date after ``between`` (the text from the speaker's name to it) stands in an aside:
    a relative clause set off by a comma, or brackets still open ("Doe (who spoke on May 5) said")."""
    return _ASIDE.search(between) is not None or between.count("(") > between.count(")")


#: A date right after the reporting verb, of the saying: "said on July 10 that …".
_RIGHT_AFTER = re.compile(r"[ \t]+on[ \t]+")


#: A verb's negation right before it: "has not determined", "did not find", "never said".
_NEGATED_VERB = re.compile(r"\b(?:not|never|n[’']t|cannot)[ \t]+(?:(?:yet|fully|been|be)[ \t]+)?$")


#: What "called" says when it is said: "called on/upon X to …", words it quotes ("called it “a
#: disgrace”") or a word of judgement ("has called criminal"); "called Victim 9's mother" and "called
#: police" telephone, "a non-profit … called The Second Mile" names.
_CALLED_SAYING = re.compile(
    r"[ \t]+(?:(?:yesterday|today|again|also|\w+ly)[ \t]+)?(?:on|upon|for)\b|[ \t]+(?:[\w’'-]+[ \t]+){0,3}?[“\"]"
    # "has called criminal", "called it a disgrace": a word of judgement, not a person called up
    r"|[ \t]+(?:it\b|(?!(?:the|a|an|his|her|their|its|our|my|your|him|them|me|us|off|back|up|out|in|into|over|to"
    r"|at|by|from|about|after|before|and|or|but|as|when|while|this|that|these|those|police|authorities)\b)[a-z]+\b)"
)
#: A passive's auxiliary (and an adverb) right before the verb: "being properly called upon".
_PASSIVE_BEFORE = re.compile(r"\b(?:being|been|was|were|is|are|be)[ \t]+(?:\w+ly[ \t]+)?$")


#: A noun and "of" right before a name: "Members of the …", "officials of the …".
_OF_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$")


class ClaimRules(PatternRules):
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
                if _NEGATED_VERB.search(self.text, max(s.start, t.start() - 30), t.start()):
                    continue  # "has not determined the causes": nothing found, nothing said
                if t.group().lower() == "called" and not _CALLED_SAYING.match(self.text, t.end()):
                    continue  # "called Victim 9's mother", "a non-profit he founded called The Second Mile"
                if t.group().lower().startswith("called") and _PASSIVE_BEFORE.search(
                    self.text, max(s.start, t.start() - 30), t.start()
                ):
                    continue  # "after being properly called upon to do so": asked, not saying
                if _ASKED_OF.search(self.text, max(s.start, speaker.start - 30), speaker.start):
                    continue  # "GAO assessed the extent to which DOE has identified …": asked, not said
                content = (
                    self.quote_before(t, speaker, qs, s)
                    or self.claim_content(t, s, qs)
                    or self.content_before(t, speaker, s)
                )
                if content is not None and content.start <= speaker.start < content.end:
                    # "“…,” said Senator X as he began the hearing": the words after the verb name who
                    # said; what was said is the quotation closed right before it, if any
                    content = self.quote_closed_before(t, qs)
                if content is not None and inside is not None and content.end > inside.end - 1 > content.start:
                    content = Span(content.start, inside.end - 1)  # what a quoted speaker says ends with the quotation
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
        holder = next((f.subject for f in self.out.facts if f.predicate == "holds" and f.obj == Ref(post.key)
                       and not FORMER.search(f.evidence.quote)), None)  # fmt: skip
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
            if who is None or who.start - t.end() > 40 or "," in self.text[t.end() : who.start]:
                continue  # "According to the indictment, Neely, 59, is alleged …": Neely is no source
            if _GOT_BY.search(self.text, t.end(), who.start):
                continue  # "According to records obtained by the Associated Press": the records say it
            titled = [m for m in ms if m.start >= who.end][:2]
            if (
                len(titled) == 2
                and titled[0].kind == "Position"
                and titled[1].kind in _PEOPLE
                and not self.text[who.end : titled[0].start].strip()
                and not self.text[titled[0].end : titled[1].start].strip()
            ):
                who = titled[1]  # "according to House Veterans' Affairs Committee Chairman Jeff Miller": him
            if _DATA_AFTER.match(self.text, who.end):
                continue  # "…, according to USPS data": figures a body keeps, no words it said
            after = [q for q in qs if q.start >= who.end]
            comma = self.text.find(",", who.end, s.end)
            if after:
                content = Span(after[0].start + 1, after[0].end - 1)
            elif t.start() - s.start > 20:  # "…, according to DHS."
                content = Span(past_dateline(self.text, s), t.start())
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
            and not _POSSESSIVE.match(self.text, m.end)  # "Nichols’ father said", "Mills’ attorney"
            and not self.modifies_a_title(m, t.start())
            and not _MODIFIES_A_NOUN.match(self.text, m.end)
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
            if head is not None and (_ANOTHER_SAYER.search(gap) or _A_PAPER_SAYS.search(gap)):
                return None  # "Madoff … for what a federal judge called …": the judge, whom no name gives
            if head is not None and head.kind in _PEOPLE and _WHOSE_BEFORE.search(self.text, s.start, head.start):
                return None  # "Family members of Gonzalez said": his family, whom no name gives
            if head is not None and head.kind not in _PEOPLE and self.members_before(s, head):
                return None  # "Sixteen Members of the House Science Committee wrote": they, not the body
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

    def members_before(self, s: Span, body: Mention) -> bool:
        """Whether a body's name follows its members or its people ("Members of the Committee",
        "officials of the Department"): they speak, whom no name gives, not the body."""
        of = _OF_BEFORE.search(self.text, s.start, body.start)
        noun = of["noun"].lower() if of is not None else ""
        return noun in self.group_nouns | {"staff"} or noun.removesuffix("s") in self.member_nouns

    def modifies_a_title(self, m: Mention, verb: int) -> bool:
        """Whether a body's name modifies a title before the verb ("ERCOT CEO said", "the PUC Chair and
        ERCOT CEO said"): the title's holder speaks, not the body; nor does a body whose members do
        ("four Senate Banking Committee members called for …": ``[claims] group_nouns``), nor one whose
        people, unnamed, do ("a Justice Department official told …": ``[claims] member_nouns``)."""
        words = self.text[m.end : verb].split()
        if m.kind not in {"Agency", "Organization"} or not words:
            return False
        word = words[0].strip(",")
        return word in self.roles or word.lower() in self.group_nouns | self.member_nouns

    def finding_sections(self) -> list[tuple[int, int, str]]:
        """Report highlights headed "What We Found" / "What GAO Found": (start, end, author) of each
        section; it runs to the next "What …"/"Why …" heading or a blank line."""
        out = []
        for h in _FINDING_HEADING.finditer(self.text):
            if self.doc.is_noise(h.start(), h.end()):
                continue
            who = "We" if h.group("line") else h.group("who")
            if who == "We":
                author = self.doc.meta.creator or self.maker()
            else:
                author = next((m.key for m in self.mentions if m.start == h.start("who")), None)
            nxt = _SECTION_HEADING.search(self.text, h.end())
            end = nxt.start() if nxt else len(self.text)
            if h.group("line") and (line := _HEADING_LINE.search(self.text, h.end() + 1, end)) is not None:
                end = line.start()  # "Summary of Findings" runs to the next heading line
            if author is not None:
                out.append((h.end(), end, author))
                report = self.current_report(h.start()) or self.first_report()
                if report is not None and who != "We":
                    self.fact(report, "creator", Ref(author), [(h.start(), h.end())], "findings-heading")
        return out

    def maker(self) -> str | None:
        """The body the document says made it, where its metadata does not: "The Office of Inspector
        General (OIG) conducted this audit" ("We" in its headings is that body)."""
        return next((maker.key for _, maker in self.authored(0, len(self.text), self.mentions)), None)

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
            whole = self.text[s.start : s.end].rstrip()
            if ce - cs < 20 or len(whole.split()) < 6 or not whole.endswith((".", "!", ";", "”", '"')):
                return None  # a fragment: a column's line cut off ("Department of … (MDEQ),"), a heading
            report = self.current_report(cs)
            speaker = Mention(cs, cs, "", self.kind_of(author) or "Agency", author, "section")
            text = self.text[cs:ce]
            key = "claim-" + short_hash(author, re.sub(r"\W+", " ", text).lower())
            label = claim_label(text)
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

    def quote_before(self, t: re.Match[str], speaker: Mention, qs: list[Span], s: Span) -> Span | None:
        """“…,” Chairwoman Jane Doe said: the quotation the attribution follows (:meth:`quoted_words`)."""
        before = [q for q in qs if q.end <= min(t.start(), speaker.start)]
        if not before or speaker.end > t.start():
            return None
        q = before[-1]
        gap = self.text[q.end : speaker.start] + " " + self.text[speaker.end : t.start()]
        return self.quoted_words(q, s) if _ATTRIBUTION_GAP.fullmatch(gap) else None

    def quoted_words(self, q: Span, s: Span) -> Span:
        """What is said by the quotation ``q`` of sentence ``s``: its words, and those of the sentence
        that runs into it ('Brown deprived "the nation of …," the investigation concludes')."""
        runs_into = s.start < q.start and RUNS_INTO.fullmatch(self.text, s.start, q.start)
        return Span(s.start if runs_into else q.start + 1, q.end - 1)

    def quote_closed_before(self, t: re.Match[str], qs: list[Span]) -> Span | None:
        """The quotation that closes right before the verb ("“…,” said …")."""
        q = next((q for q in reversed(qs) if q.end <= t.start()), None)
        return Span(q.start + 1, q.end - 1) if q is not None and not self.text[q.end : t.start()].strip() else None

    def claim_content(self, t: re.Match[str], s: Span, qs: list[Span]) -> Span | None:
        rest = self.text[t.end() : s.end]
        told = _TOLD.match(rest) if re.fullmatch(r"told|informed|assured|warned|reminded|notified", t.group()) else None
        # "said today that …", "said on Monday that …": the time of saying is not what was said
        lead = told or _LEAD.match(rest)
        start = t.end() + (lead.end() if lead else 0)
        if t.group() == "called" and (when_for := _WHEN_FOR.match(self.text, start)) is not None:
            start = when_for.end()  # "called yesterday for swift investigation": for what
        colon = re.match(r"[^.:;\"“”\n]{0,80}?:[ \t]+", self.text[start : s.end])
        if colon is not None and len(colon.group().split()) <= 8:
            start += colon.end()  # "said within hours of the collapse: this Administration will …"
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
        return self.quoted_words(q, s) if q is not None else None

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
        if text[:1] in ";:)].":
            return  # "… threats when they were identified; and adequately prioritize …": the list goes on, nothing said
        if len(text.split()) < 3 and re.match(r"[”\"]?[ \t]+[a-z]", self.text[content.end : content.end + 4]):
            return  # 'what they called "high-value" prescribers, Kavanaugh said': a word quoted in a phrase
        if _NO_CONTENT.match(text) or (finding and self.text.endswith(("to ", "to\n"), 0, t.start())):
            return  # "concluded that:" (a list follows), "sought to find and fix …": nothing said, or meant to
        if pleasantry(text) or (finding and _FOUND_SO.match(self.text, t.end())):
            return  # "Thank you, Mr. Chairman."; "Holmes found guilty of fraud": a verdict on her, not her finding
        report = speaker.key if self.kind_of(speaker.key) == "Report" else self.current_report(t.start())
        if finding and _EARLIER_WORK.search(self.text, s.start, t.start()):
            report = None  # "In prior work, OIG identified …": an earlier report's finding, not this one's
        kind = "Finding" if finding and report is not None else "Claim"
        key = "claim-" + short_hash(speaker.key, re.sub(r"\W+", " ", text).lower())
        spans = [
            (min(speaker.start, t.start()), max(t.end(), speaker.end)),
            (content.start, content.end),
        ]
        label = claim_label(text)
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
            critical = bool(_CRITICISM_TRIGGERS.search(t.group(0)) or _NEGATIVE.search(text)) and not (
                _PRAISE.search(self.text, s.start, s.end)  # "Bolton praised the work … and stated that …"
            )
            ev_kind = "Criticism" if critical else "Statement"
            ekey = f"event-statement-{key.removeprefix('claim-')}"
            # The statement's own date stands before its verb ("On June 5, Doe said"); dates after it
            # belong to what was said.
            # A date inside an aside between the speaker and the verb is the aside's ("Sen. Warner, who
            # called for her to step down on July 9 …, said on July 10 that …"); "said on July 10" right
            # after the verb is the saying's own.
            ds = self.dates_in(s)
            said_on = [
                d
                for d in ds
                if d.end <= t.start()
                and not (speaker.end <= d.start and _aside(self.text[speaker.end : d.start]))
                # not a deadline, nor the date of a verb conjoined before this one ("requested documents by
                # Wednesday, August 26, and warned that …")
                and not _BY_BEFORE.search(self.text, max(0, d.start - 4), d.start)
                and not _AND_BETWEEN.search(self.text, d.end, t.start())
            ]
            right_after = [d for d in ds if _RIGHT_AFTER.fullmatch(self.text, t.end(), d.start)]
            said_on = right_after or said_on
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

    def continued_claim(self, s: Span, ms: list[Mention], qs: list[Span]) -> str | None:
        """ "The report found that X. The DOJ also did Y." / "Further, …": a sentence that goes on from an
        attributed finding, adding to it, is attributed to the same finder (across one paragraph break);
        after reported speech, only one that says its speaker said more ("But she also said that …")."""
        prev = self.last_claim
        if prev is None or self.text.count("\n\n", prev[0], s.start) > 1 or self.text[prev[0] : s.start].strip():
            return None  # only the sentence right after the attributed one goes on from it
        head = self.text[s.start : min(s.end, s.start + 60)]
        if not _GOES_ON.search(head):
            return None
        speaker, t, finding = prev[1], prev[2], prev[3]
        if not finding:
            # after reported speech, "Mr. Roe also met with …" is the writer's narration; "But she also
            # said that …" is the speaker again, saying what follows the verb
            again = _SAID_AGAIN.search(self.text, s.start, s.end)
            content = self.claim_content(again, s, qs) if again is not None else None
            if again is None or content is None:
                return None
            self.claim(speaker, again, content, s, ms, finding)
            return speaker.key
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
