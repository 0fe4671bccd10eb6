"""Document → mentions: every stretch of text that names an agency, a person, a position, a
policy, a legal instrument, a report or a place, each resolved to an entity key.

Passes, in order, each claiming text the earlier ones left free:

1. the gazetteer's names and aliases (longest first);
2. acronyms a document defines ("Office of Refugee Resettlement (ORR)", "(DOJ, Department)");
3. patterns for things the gazetteer does not know: titled people, "Name, the Chair of ...",
   organisations by their head noun, executive orders, U.S. Code citations, Acts, court cases,
   report numbers, "City, State" places;
4. references that need context: "the Department", "the report", "my office", "the policy",
   and surnames of people named earlier.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS

from kg.gazetteer import Alias, Gazetteer
from kg.model import AGENT_KINDS, PEOPLE, Document, Entity, Mention, Span
from kg.name_patterns import (
    _ABBREVIATED,
    _ACT,
    _APPOSITIVE,
    _BASE_TITLES,
    _BODY_REF,
    _CASE,
    _CITY_STATE,
    _COURTESY,
    _DEFINITION,
    _DEPARTMENT_REF,
    _EO,
    _FIELDS,
    _FILING,
    _FIRM,
    _GOV_HEADS,
    _NAME_STOP,
    _NAME_WORD,
    _OFFICE_REF,
    _OR_ACRONYM,
    _ORDER_REF,
    _ORG,
    _ORG_HEADS,
    _PHRASE,
    _PLACE_WORD,
    _POLICY_REF,
    _POSSESSIVE_BODY,
    _QUALIFIED,
    _QUALIFIERS_BEFORE,
    _REPORT_ID,
    _REPORT_REF,
    _REPORT_TITLE,
    _ROLE_WORD,
    _ROLE_WORDS,
    _SPEAKER,
    _STATE_INITIALS,
    _TITLE_FIELD,
    _TITLE_QUALIFIERS,
    _TITLE_WORD,
    _TITLED,
    _TITLES,
    _US_STATES,
    _USC,
    STATE_CODES,
    STREETS,
    VERSUS,
    WHICH_BODY,
    bare_surname,
    one_person,
    same_title,
    title_runs_on,
)
from kg.name_patterns import surname as person_surname
from kg.sentences import line_around


def slug(text: str) -> str:
    """A readable IRI-safe key part.

    >>> slug("Cadwalader, Wickersham, & Taft LLP")
    'cadwalader-wickersham-taft-llp'
    >>> slug("Nydia M. Velázquez"), slug("Hawaiʻi Department of Health")
    ('nydia-m-velazquez', 'hawaii-department-of-health')
    """
    # accents folded and apostrophes dropped, the ʻokina too: "Velázquez" is "velazquez", "Hawaiʻi" "hawaii"
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    s = re.sub(r"['’‘ʻʼ]", "", folded)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:80] or "x"


def person_key(name: str) -> str:
    """One key per person whatever the middle initials: "Michael E. Horowitz" = "Michael Horowitz"."""
    parts = [p for p in re.split(r"[ \t]+", name.strip()) if not re.fullmatch(r"[A-Z]\.", p)]
    parts = [p.rstrip(",") for p in parts if p.rstrip(",") not in {"Jr.", "Sr.", "II", "III"}]
    return "person-" + slug(" ".join(parts))


@dataclass
class _Claims:
    """Non-overlapping claimed spans of the text, kept sorted so that a look-up is a bisection."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i == 0 or self.ends[i - 1] <= start

    def claim(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def release(self, start: int, end: int) -> None:
        keep = [(a, b) for a, b in zip(self.starts, self.ends, strict=True) if not (start <= a and b <= end)]
        self.starts = [a for a, _ in keep]
        self.ends = [b for _, b in keep]


@dataclass
class MentionResult:
    """What one document yields: its mentions (sorted) and the entities it introduced."""

    mentions: list[Mention]
    entities: dict[str, Entity]


#: A title and its "of" right before a name: "Governor of [Michigan Rick Snyder] said".
_TITLE_OF = re.compile(rf"\b(?:{_TITLES})[ \t]+of[ \t]+$")


#: A title's field of one word after "of", running text after it (no name, no roster's or signature's
#: line, which other rules read): "Secretary of Commerce from 1993", "as a chief of staff until …".
_OF_A_FIELD = re.compile(
    r"[ \t]+of[ \t]+(?!(?:the|a|an|its|his|her|their|this|that)\b)(?P<field>[A-Z][a-z]+|[a-z]+)"
    r"(?=[ \t]+(?!(?:and|or|&)[ \t]+[A-Z]|of\b)[a-z])"
)


#: A word after a title that is no surname: a street's or a body's name runs on ("South President
#: Street", "Department of Justice Criminal Division", "Commissioner for the Public Buildings Service").
_NOT_A_SURNAME = re.compile(
    r"(?:Street|Avenue|Road|Boulevard|Drive|Lane|Square|Plaza|Building|Hall|Emerit(?:us|a)|Designate|Elect"
    r"|Responsible)\b"  # ("Minister Responsible for Pike River Re-entry": the title goes on)
    r"|[A-Z][\w’'\-]*[ \t]+(?:Division|Section|Office|Unit|Branch|Bureau|Department|Committee|Street|Avenue|Road"
    r"|Boulevard|Building|Hall|Center|Centre|Service|Administration|Agency|Commission|Board|Authority|Council)\b"
)


#: A title's lead that says what kind of page it is: "Report: …", "Staff Report: …", "What GAO Found: …".
_GENRE = re.compile(r"(?:(?:[A-Z][\w-]*[ \t]+){0,2}Report|What[ \t]+(?:[A-Z][\w-]*[ \t]+){1,2}Found):[ \t]+(?=[A-Z])")
#: A headline that tells of a report's release: "Committee Releases Report Revealing …".
_TELLS_OF_A_REPORT = re.compile(
    r"\b(?:Releases?|Issues?|Publishes|Unveils|Announces)[ \t]+(?:(?:New|Final|Interim|Its|the|a)[ \t]+)?"
    r"(?:[A-Z][\w-]*[ \t]+)?Report\b"
)


class _Finder:
    def __init__(
        self,
        doc: Document,
        gaz: Gazetteer,
        known: dict[str, Entity],
        people: Sequence[tuple[int, int]] = (),
        verbs: Collection[str] = (),
        chambers: Collection[str] = (),
    ) -> None:
        self.doc, self.gaz, self.text = doc, gaz, doc.text
        # the first words of legislatures' names ("Senate", "House"): a state's shares them
        self.chambers = frozenset(c.split()[0] for c in chambers)
        self.known = known  # entities introduced by earlier documents
        self.named_people = people  # where the model reads a person's name (spans), if the text was parsed
        self.verbs = verbs  # the model's verbs' base forms, if the text was parsed
        self.claims = _Claims()
        for n in _merged(doc.noise):  # noise spans may overlap; claimed spans may not
            self.claims.claim(n.start, n.end)
        self.mentions: list[Mention] = []
        self._starts: list[int] = []  # the mentions' starts, sorted, and the mentions in that order
        self._by_start: list[Mention] = []
        self.entities: dict[str, Entity] = {}
        self.acronyms: dict[str, str] = {}
        self.department_alias: str | None = None

    # -- bookkeeping -------------------------------------------------------------------------
    def entity(self, key: str) -> Entity | None:
        return self.entities.get(key) or self.gaz.get(key) or self.known.get(key)

    def add(self, start: int, end: int, key: str, kind: str, rule: str, label: str = "") -> bool:
        if start >= end or not self.claims.free(start, end):
            return False
        known = self.entity(key)
        if known is None:
            known = self.entities[key] = Entity(key=key, kind=kind, label=label or self.text[start:end])
        kind = known.kind
        self.claims.claim(start, end)
        mention = Mention(start, end, self.text[start:end], kind, key, rule)
        self.mentions.append(mention)
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._by_start.insert(i, mention)
        return True

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in ``[start, end)``, in text order."""
        return self._by_start[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]

    def preceding(self, offset: int, kinds: Iterable[str]) -> Mention | None:
        """The last mention of one of ``kinds`` that ends before ``offset``."""
        wanted = set(kinds)
        for m in reversed(self._by_start[: bisect.bisect_left(self._starts, offset)]):
            if m.end <= offset and m.kind in wanted:
                return m
        return None

    # -- passes ------------------------------------------------------------------------------
    def gazetteer(self) -> None:
        lower = self.text.lower()
        # Only names whose longest word occurs at all are looked for: most of a gazetteer is absent
        # from any one text, and a pattern's run over a long text is the costly part.
        present = names_present(self.gaz.aliases, lower)
        # A one-word name the document gives another body too ("the Texas Senate") is that body's
        # wherever the document uses it alone: "the Senate Business and Commerce Committee" is Texas's.
        shared = {a.text for a in present if named_for_another(self.text, a.text, publisher=self.doc.meta.publisher)}
        for alias in present:
            kind = self.gaz.entities[alias.key].kind
            if kind in {"Agency", "Organization"} and alias.text in shared:
                continue
            chamber = alias.text.split()[0]
            if (
                kind in {"Agency", "Organization", "Group"}
                and chamber in _STATE_CHAMBERS
                and chamber != alias.text
                and named_for_another(self.text, chamber, publisher=self.doc.meta.publisher)
            ):
                continue  # "House Democrats" in a text on "the Ohio House": the state's, not Congress's
            if kind == "Position" and self._post_in_another(alias.key):
                continue  # "Rep. Phelan" in a text on "the Texas House": not the U.S. House's post
            if kind == "Position" and " " not in alias.text and self._title_of_another(alias):
                continue  # "President / California Public Utilities Commission … Dear President Picker"
            if kind == "Position" and self._body_unnamed(alias):
                continue  # "Attorney General Maura Healey" in a text that names no Department of Justice
            if (
                kind in {"Agency", "Organization"}
                and _OF_THE_NATION.search(self.gaz.entities[alias.key].label)
                and not _OF_THE_NATION.search(alias.text)
                and _PARLIAMENTARY.search(self.text)
                and not _OF_THE_UNITED_STATES.search(self.text)
            ):
                continue  # "the House of Representatives" in a text of a parliament's: not the U.S. House
            if alias.text.isupper() and self._spelled_as_another(alias, lower):
                continue  # "the Department of Human Services – Centrelink’s (DHS)": not Homeland Security
            if (_A_DESCRIPTION.fullmatch(alias.text) or alias.text.startswith("federal ")) and not american(self.text):
                continue  # "the Government" in a text of no American government's: another nation's, a state's
                # ("the federal government's 290,000 public servants" in a text of Canada's)
            for start, end in _find(alias.pattern, self.text):
                lead = self.text[max(0, start - 40) : start]
                if kind == "Position" and (
                    _QUALIFIED.search(lead) or (_OFFICE_TITLE.fullmatch(alias.text) and _OFFICE_LEAD.search(lead))
                ):
                    continue  # "Michigan Attorney General", "Special Assistant …", "Council President": another post
                if (
                    kind in PEOPLE
                    and " " not in alias.text
                    and another_given_name(self.text, start, self.gaz.entities[alias.key].label)
                ):
                    continue  # "Senator Jim Nielsen": another person of the gazetteer's "Nielsen"
                if kind == "Position" and self._of_a_senate(alias.key) and _districts_own(self.text, end):
                    continue  # "Senator Jim Nielsen (R-Tehama)": a state senator, of a district no state's
                if kind == "Position" and _TITLES_BODY.match(self.text, end):
                    continue  # "U.S. Attorney's Office": a body, not the post
                if kind == "Position" and " " not in alias.text and _BODY_INITIALS_LEAD.search(lead):
                    continue  # "NTEU National President Tony Reardon": a union's president, not the nation's
                if (
                    kind == "Position"
                    and alias.text.isupper()
                    and _COMPANY_BEFORE.search(lead)
                    and not _NAME_AFTER.match(self.text, end)
                ):
                    continue  # "Volkswagen AG (VW) pleaded": a company's legal form, no post and no holder
                if (
                    kind in {"Agency", "Organization"}
                    and " " not in alias.text
                    and alias.text[1:].islower()  # a word, not initials
                    and _ANOTHER_BODY.search(self.text, max(0, start - 40), start)
                ):
                    continue  # "the Colombian Senate", "the Texas Senate": another body of that name
                if (
                    kind in {"Agency", "Organization"}
                    and not _A_NATIONS.search(alias.text)
                    and _STATES_OWN.search(self.text, max(0, start - 40), start)
                ):
                    continue  # "the Hawaii House of Representatives", "the Texas Supreme Court": a state's
                if (
                    kind in {"Agency", "Organization"}
                    and len(alias.text.split()) <= 2
                    and " of " not in alias.text
                    and _OF_A_NAME.match(self.text, end)
                ):
                    continue  # "the Government of Puerto Rico": a short name begins a longer one's
                if (
                    kind in {"Agency", "Organization"}
                    and 2 <= len(alias.text.split()) <= 3
                    and " of " not in alias.text
                    and (before := _WORD_BEFORE.search(self.text, max(0, start - 40), start)) is not None
                    and before["word"] not in _LEAD_INTO_A_NAME
                ):
                    continue  # "the Special Joint Oversight Committee on …": a longer name ends in a short one
                self.add(start, end, alias.key, kind, "gazetteer")
        # Headings set in capitals ("DEPARTMENT OF HOMELAND SECURITY"): a name of two words or more.
        if not re.search(r"\b[A-Z]{3,}[ \t]+[A-Z]{2,}[ \t]+[A-Z]{3,}\b", self.text):
            return
        for alias in present:
            if len(alias.text.split()) < 2 or alias.pattern.flags & re.IGNORECASE:
                continue
            kind = self.gaz.entities[alias.key].kind
            if kind == "Position" and (self._post_in_another(alias.key) or self._body_unnamed(alias)):
                continue  # "ATTORNEY GENERAL ANNE LOPEZ" in a text naming no Department of Justice: a state's
            for start, end in _find(_capitals(alias.pattern), self.text):
                lead = self.text[max(0, start - 40) : start]
                if kind == "Position" and _QUALIFIED.search(lead.title()):
                    continue  # "MICHIGAN ATTORNEY GENERAL": another post
                if self.text[start:end].isupper():
                    self.add(start, end, alias.key, kind, "gazetteer-capitals")

    def _title_of_another(self, alias: Alias) -> bool:
        """Whether the text gives the gazetteer's one-word title (``alias``: "President") to the head
        of another body: "President of the California Public Utilities Commission", or an address
        block's "President" on its own line above a body's name. The bare title is then not the
        gazetteer's post anywhere in the text; the title itself still is a post. So is "President and
        Chief Executive Officer of Live Nation": a company's."""
        body = self._body_of_post(alias.key)
        own = {body.label, *body.aliases} if body is not None else set()
        for m in re.finditer(
            rf"(?m)\b{re.escape(alias.text)}(?:(?:[ \t]+and(?:[ \t]+[A-Z][\w\-]*){{1,4}})?[ \t]+of[ \t]+(?:the[ \t]+)?"
            rf"|[ \t]*\n[ \t]*)(?=[A-Z])",
            self.text,
        ):
            rest = self.text[m.end() : m.end() + 80]
            if not rest.startswith(("United States", "U.S.")) and not any(rest.startswith(n) for n in own):
                return True
        return False

    def _body_of_post(self, key: str) -> Entity | None:
        """The gazetteer's body its post ``key`` is in, if it names one."""
        post = self.gaz.entities[key]
        return self.gaz.entities.get(post.post_in) if post.post_in else None

    def _body_unnamed(self, alias: Alias) -> bool:
        """Whether ``alias`` is a bare title ("Attorney General", "AG") of a gazetteer post in an
        executive department, in a text that names neither the department nor anything of the nation's
        government: a state's attorney general has the title too ("Attorney General Maura Healey …
        in Hampden County Superior Court")."""
        body = self._body_of_post(alias.key)
        if body is None or not re.search(r"\bDepartment\b", body.label) or not _TITLE_WORD.fullmatch(alias.text):
            return False  # (a legislature's or a presidency's titles are its own: "Senator", "President";
            # "Homeland Security Secretary" names its field)
        if not self._national:
            return True
        # "the state attorney general said …; Attorney General Letitia James has …": where the text gives
        # the title to a state, the bare title is the state's unless the text names the department
        states = [m.start() for m in re.finditer(rf"(?i:\b{re.escape(alias.text)})\b", self.text)
                  if _A_STATES.search(self.text, max(0, m.start() - 40), m.start())]  # fmt: skip
        named = [a for a in self.gaz.aliases if a.key == body.key and " " in a.text]
        return bool(states) and not any(_find(a.pattern, self.text) for a in names_present(named, self.text.lower()))

    @functools.cached_property
    def _national(self) -> bool:
        """Whether the text is of the nation's government: it says "U.S.", "federal" or "Congress",
        or names one of the gazetteer's departments ("DHS", "the Department of Health and Human
        Services")."""
        if _NATIONAL.search(self.text) or _FEDERAL.search(self.text):
            return True
        departments = [a for a in self.gaz.aliases if (e := self.gaz.entities[a.key]).kind == "Agency"
                       and re.search(r"\bDepartment\b", e.label)]  # fmt: skip
        return any(_find(a.pattern, self.text) for a in names_present(departments, self.text.lower()))

    def _of_a_senate(self, key: str) -> bool:
        """Whether the gazetteer's post ``key`` is a seat in a senate, whose members a state elects (a
        representative's district may be named by its towns: "(D-San Francisco/San Mateo)")."""
        body = self._body_of_post(key)
        return body is not None and _head_noun(body.label).strip(".,") == "Senate"

    def _post_in_another(self, key: str) -> bool:
        """Whether the gazetteer's post ``key`` is in a legislature whose chamber's name the text
        gives another body too ("the Texas House" beside the U.S. House of Representatives' "Rep."):
        the bare title is then not that body's post."""
        body = self._body_of_post(key)
        head = _head_noun(body.label).strip(".,") if body is not None else ""
        return head in self.chambers and named_for_another(self.text, head, _NOT_A_CHAMBER, self.doc.meta.publisher)

    def _spelled_as_another(self, alias: Alias, lower: str) -> bool:
        """Whether the text (``lower``: in lower case) spells the initials ``alias`` out, before their
        brackets, as a name of another body, and names the gazetteer's body by none of its other names."""
        e = self.gaz.entities[alias.key]
        if any(n.lower() in lower for n in (e.label, *e.aliases) if n != alias.text):
            return False
        own = [set(n.split()) for n in (e.label, *e.aliases)]
        for m in re.finditer(rf"\((?:the[ \t]+)?{re.escape(alias.text)}\)", self.text):
            for run in _CAPITALISED_RUN.finditer(self.text, max(0, m.start() - 150), m.start()):
                words = [w for w in run.group().split() if w[0].isupper()]
                if "".join(w[0] for w in words) == alias.text and not any(set(words[1:]) <= n for n in own):
                    return True  # (not "the Departments of Homeland Security (DHS)": its name, as a plural)
        return False

    def definitions(self) -> None:
        for rx in (_DEFINITION, _OR_ACRONYM):
            for m in rx.finditer(self.text):
                self._define(m)

    def _define(self, m: re.Match[str]) -> None:
        long_start, long_end = self._past_people(*m.span("long"))
        long_text = self.text[long_start:long_end]
        acr = m.group("acr")
        inside = [x for x in self.between(long_start, long_end) if x.end <= long_end]
        covering = [x for x in inside if x.end == long_end and x.kind in AGENT_KINDS | {"Policy"}]
        if covering:
            key, kind = covering[-1].key, covering[-1].kind
        elif _plausible_acronym(acr, long_text) and _ORG_HEAD_WORD.search(long_text):
            long_start, long_text = _strip_leading(self.text, long_start, long_end)
            if owner := _OWNER_FIRST.match(long_text):  # "the Board’s Federal Open Market Committee (FOMC)"
                long_start, long_text = long_start + owner.end(), long_text[owner.end() :]
            joined = list(re.finditer(r"[ \t]+and[ \t]+(?:the[ \t]+)?(?=[A-Z])", long_text))
            last = long_text[joined[-1].end() :] if joined else ""
            if last and last[0] == acr[0] and _plausible_acronym(acr, last) and _ORG_HEAD_WORD.search(last):
                # "the U.S. Department of the Navy and the Defense Logistics Agency (DLA)": the initials
                # name the last body of two joined by "and"
                long_start, long_text = long_start + joined[-1].end(), last
            if long_text[:1].islower() or _A_HEADS_TITLE.search(long_text):
                # "… Harbeck, President and Chief Executive Officer of the Securities Investor Protection
                # Corporation (SIPC)", read from "and"; "Under Secretary for Emergency Preparedness and
                # Response and Director of the Federal Emergency Management Agency (FEMA)": the initials
                # name the longest tail they spell, not the posts before it
                # ("Deputy Associate Administrator for Federal Insurance in the Department of Homeland
                # Security’s (DHS)": the initials fit from "Deputy" on, but a tail with no post in it
                # is the body's name)
                tails = [
                    w.start()
                    for w in re.finditer(rf"(?<![\w’'\-]){re.escape(acr[:1])}[\w’'\-]*", long_text)
                    if _plausible_acronym(acr, long_text[w.start() :]) and _ORG_HEAD_WORD.search(long_text[w.start() :])
                ]
                clean = [x for x in tails if not _A_HEADS_TITLE.search(long_text[x:])]
                tail = clean[0] if clean else tails[0] if tails and long_text[:1] != acr[:1] else None
                if tail is not None:
                    long_start, long_text = long_start + tail, long_text[tail:]
            possessive = re.search(r"[’']s?$", long_text)  # "the Federal Bureau of Investigation’s (FBI)"
            if possessive:
                long_text, long_end = long_text[: possessive.start()], long_end - len(possessive.group(0))
            kind = _org_kind(long_text)
            key = slug(long_text)
            if (
                not self.add(long_start, long_end, key, kind, "definition", label=long_text)
                and self.entity(key) is None
            ):
                # the name's words taken by a shorter name in it ("U.S. Coast Guard"): the body keeps its
                # name as its label, not the initials its acronym would give it
                self.entities[key] = Entity(key=key, kind=kind, label=" ".join(long_text.split()))
        else:
            return
        self.acronyms[acr] = key
        if key in self.entities and acr not in self.entities[key].aliases:
            # kept with the entity, so that another document's bare "FAA" can find it (kg.resolve)
            self.entities[key] = replace(self.entities[key], aliases=(*self.entities[key].aliases, acr))
        self.add(*m.span("acr"), key, kind, "acronym")
        if m.groupdict().get("short"):
            self.department_alias = key
            self.add(*m.span("short"), key, kind, "acronym")

    def acronym_uses(self) -> None:
        for acr, key in sorted(self.acronyms.items()):
            e = self.entity(key)
            if e is None:  # the definition's name was never added as a mention (its span was taken)
                continue
            kind = e.kind
            for m in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", self.text):
                self.add(m.start(), m.end(), key, kind, "acronym")

    def instruments(self) -> None:
        for m in _EO.finditer(self.text):
            num = m.group("num")
            self.add(m.start(), m.end(), f"executive-order-{num}", "ExecutiveOrder", "executive-order",
                     label=f"Executive Order {num}")  # fmt: skip
        for m in _USC.finditer(self.text):
            title = m.group("title") or m.group("title2")
            sec = m.group("sec") or m.group("sec2")
            self.add(m.start(), m.end(), f"usc-{title}-{slug(sec)}", "Statute", "us-code",
                     label=f"{title} U.S.C. {sec}")  # fmt: skip
        for m in _ACT.finditer(self.text):
            start, name = _strip_leading(self.text, m.start(), m.end())
            if cut := after_a_verb(name, self._model_names, self.verbs):  # "X Introduces the Y Act"
                start, name = _strip_leading(self.text, start + cut, m.end())
            if len(name.split()) < 2:
                continue  # a bare "Act" names no law
            self.add(start, m.end(), slug(name), "Statute", "act", label=name)
        for m in _NAMED_REPORT.finditer(self.text):
            # "FSRI’s Lahaina Fire Comprehensive Timeline Report (Phase 1)", "the Camp Fire Public Report":
            # a report named in a sentence, after a possessive or "the"
            title = " ".join(m.group(0).split())
            self.add(m.start(), m.end(), "report-" + slug(title), "Report", "report-name", label=title)
        for m in _REPORT_ID.finditer(self.text):
            rid = m.group(0)
            key = "report-" + slug(rid)
            field = _TITLE_FIELD.search(self.text, max(0, m.start() - 400), m.end() + 400) if m.start() < 1500 else None
            if field is not None:  # a summary page's "Title: …" line names the report its number numbers
                title = field.group("title").strip()
                self.add(
                    field.start("title"), field.start("title") + len(title), key, "Report", "report-title", label=title
                )
            self.add(m.start(), m.end(), key, "Report", "report-number", label=rid)

    def people(self) -> None:
        for ps, pe in self.named_people:
            if _PARTY_AFTER.match(self.text, pe):  # "Peter DeFazio (D-OR)": a legislator, whatever precedes
                ps, name = _strip_leading(self.text, ps, pe)
                if lead := _PLURAL_TITLES.match(name):  # "Reps. Jackie Speier (D-CA-14)"
                    ps += lead.end()
                self._person(ps, pe, "party-name", "member")
        for m in _TITLED.finditer(self.text):
            if title_runs_on(m):
                continue
            read = _before_a_day(self.text, m.start("name"), _trim_name(m.group("name")))
            title_at = m.start("title")
            if _HEAD_NEXT.match(m.group("name"), len(read)) and _OF_BEFORE.search(self.text, title_at - 8, title_at):
                continue  # "Department of Justice Civil Rights Division": a body's name, no Justice's
            if m.group("title") == "Justice" and _FIELD_OF_JUSTICE.search(self.text, max(0, title_at - 30), title_at):
                continue  # "Executive Director of Civil Justice Access and Equity": a field's name, no judge
            start, name = _past_role_words(m.start("name"), read)
            if _NAMED_FOR_NEXT.match(self.text, start + len(name)) or _NAMED_FOR_NEXT.search(f" {name}"):
                continue  # "Lord Mayor Treloar College", "Governor Bent School": a place named for someone
            if " for " in m.group("title") and self.named_people and name not in self._model_names:
                continue  # "Associate Administrator for International Space Station": the field runs on
            if " " not in name and len(read.split()) - 1 >= 2:
                continue  # "Chief Political Correspondent Michael Aron": the title ran on past the words read
            name = before_a_verb(name, self._model_names, self.verbs)
            if self._verb_before_a_surname(name) or opens_on_a_gerund(name, self.verbs):
                continue  # "Inspector General Contradicts Pruitt Testimony", "the President Nominating Sylvia
                # Mathews Burwell": a headline's verb is no given name
            if not name or (" " not in name and _NOT_A_SURNAME.match(self.text, start)):
                continue
            if (
                " " not in name
                and _DETERMINER_NEXT.match(self.text, start + len(name))
                and s_form_of_a_verb(name, self.verbs)
            ):
                continue  # "Prime Minister Confirms an Inquiry": a headline's verb, with its object
            if _a_calling(name):
                continue  # "former Chief Scientist of …", "the Office of the Chief Medical Examiner": no one named
            if _TITLE_TAIL.match(name):
                continue  # "Domenica A. Stephenson, Judge Presiding": the title's own last word, no name
            if (key := _MEMO_KEY_AFTER.search(name)) and self.text.startswith(":", start + len(name)):
                name = name[: key.start()]  # "Fr: Chairwoman Carolyn B. Maloney Re: Notice of …": a memo's next field
            if _WRAPPED_ON.match(self.text, start + len(name)):
                continue  # "Colonel Norman\nF. J. Allen III": the name runs on past what was read
            self._person(start, start + len(name), "titled-name", honorific=m.group("title"))
        for rx, rule in ((_APPOSITIVE, "appositive"), (_SPEAKER, "speaker")):
            for m in rx.finditer(self.text):
                start, name = _past_role_words(m.start("name"), _trim_name(m.group("name")))
                if courtesy := _HONOURABLE.match(name):
                    start, name = start + courtesy.end(), name[courtesy.end() :]  # "The Honourable Lisa Raitt"
                if len(name.split()) >= 3 and _TITLE_OF.search(self.text, max(0, start - 40), start):
                    # "Governor of Michigan Rick Snyder said": the title's place, read into the name
                    words = name.split()
                    cut = name.index(words[1], len(words[0]))
                    start, name = start + cut, name[cut:]
                # "Chairman Durbin, Ranking Member …": a title is no first name (the titled rule reads
                # it); "the Fifth Circuit explained": a court, not a person
                if (
                    name
                    and len(name.split()) >= 2
                    and not _TITLE_WORD.fullmatch(name.split()[0])
                    and not _TITLE_WORD.fullmatch(name)  # "the Prime Minister said": a title of two words
                    and not _BODY_WORD.search(name)
                    and not _IN_A_PLACE.search(self.text, max(0, start - 8), start)
                    and not (rule == "appositive" and _title_case_line(self.text, start))
                    and name.split()[-1] not in STREETS  # "Downing Street said": an address, no person
                    and name.split()[-1] not in {"Building", "Buildings", "House", "Centre", "Center"}
                    # ("in room 9, Victoria Building, the chair, …": where a body met)
                    and not (rule == "speaker" and _FIELD_BEFORE.search(self.text, max(0, start - 80), start))
                    # ("Associate Administrator for International Space Station and Space Shuttle said")
                ):  # ("… from Jackson Square in New Orleans, the President made clear …": a place;
                    # "SEC Charges Theranos, CEO Holmes, and …": a headline's verb, no given name)
                    self._person(start, start + len(name), rule)

    def _person(self, start: int, end: int, rule: str, honorific: str = "") -> None:
        name = self.text[start:end]
        surname = person_surname(name)
        key = None
        # A surname alone resolves to the person of that surname named before (document, then build).
        if bare_surname(name) is not None or honorific in _PLAIN:
            title = "" if honorific in _COURTESY else honorific  # "Ms. Roe" may be "Inspector General Jane Roe"
            key = self._by_surname(surname, title)  # ("Senator Van Hollen": a surname of two words, alone)
        if key is None:
            gaz = [a.key for a in self.gaz.aliases if a.pattern.fullmatch(name)]
            key = gaz[0] if gaz else None
        if key is None and len(name.split()) >= 2:
            key = person_key(name)
        elif (
            key is None
            and honorific
            and honorific not in _COURTESY
            and not _TITLE_WORD.fullmatch(surname)  # "Chief Judge" is no Judge named Chief
            and not self._named_in_full(surname)
        ):
            # "Chairman Durbin, Ranking Member Grassley": a title before a surname names a person
            # the document never names in full (the build joins them to one named in full elsewhere)
            key = person_key(name)
        if key is not None:
            kind = "Person" if honorific in {"", *_PLAIN} else "Official"  # "The Honorable …", "Cllr" too
            label = " ".join(name.split())  # one blank between words
            style = _JUDGES_STYLE.search(self.text, max(0, start - 30), start)  # (after "The Honourable" too)
            if style is not None and " " not in label:
                # "Mr Justice Fraser", "Lord Justice Holroyde": an English judge named by the style alone
                label = " ".join(f"{style.group(1)} {label}".split())
            self.add(start, end, key, kind, rule, label=label)

    def capital_byline(self) -> None:
        """A byline in capitals at a text's head ("By GOV. JOE MANCHIN"): its author, named in the
        case a name is written in ("Joe Manchin"), a title before it in capitals left out."""
        m = _CAPITAL_BYLINE.search(self.text, 0, min(len(self.text), 600))
        if m is None or not self.claims.free(m.start("name"), m.end("name")):
            return
        name = " ".join(w if re.fullmatch(r"[A-Z]\.", w) else w.capitalize() for w in m["name"].split())
        key = next((a.key for a in self.gaz.aliases if a.pattern.fullmatch(name)), None) or person_key(name)
        kind = "Official" if m["title"] else "Person"
        self.add(m.start("name"), m.end("name"), key, kind, "byline", label=name)

    @functools.cached_property
    def _caption_end(self) -> int:
        """Where a court text's caption ends: where its prose begins, and within ``_CAPTION``."""
        paragraph = re.search(r"(?m)^[^\n]{150,}$", self.text)
        return min(_CAPTION, paragraph.start() if paragraph is not None else _CAPTION)

    @functools.cached_property
    def _model_names(self) -> frozenset[str]:
        """The names of two words or more the model reads as people's, and their surnames."""
        return names_alone((self.text[a:b] for a, b in self.named_people), self.text)

    @functools.cached_property
    def _titles(self) -> list[tuple[int, int]]:
        """Where the text sets a title before a name ("Ranking Member Grassley"), found once."""
        return [(t.start("title"), t.end("title")) for t in _TITLED.finditer(self.text)]

    def _named_in_full(self, surname: str) -> bool:
        """Whether the text gives ``surname`` a first name anywhere ("Dick Durbin")."""
        for m in re.finditer(rf"\b([A-Z][a-z]+\.?)[ \t]+(?:[A-Z]\.[ \t]+)?{re.escape(surname)}\b", self.text):
            if not _TITLE_WORD.fullmatch(m[1]) and not any(a <= m.start() < b for a, b in self._titles):
                return True  # a first name, not the end of a title ("Ranking Member Grassley")
        return False

    def _by_surname(self, surname: str, title: str = "") -> str | None:
        keys: dict[str, None] = {}
        for m in self.mentions:
            if m.kind in {"Official", "Person"} and person_surname(m.text) == surname:
                other = title_before(self.text, m.start)
                if title and other is not None and not same_title(other, title):
                    continue  # "President Biden" is not "First Lady Dr. Jill Biden": a namesake's other title
                keys.setdefault(m.key, None)  # in the order the text names them
        if keys:
            return self._namesakes(keys)
        for pool in (self.known,):
            hits = sorted(k for k, e in pool.items() if e.kind in {"Official", "Person"}
                          and person_surname(e.label) == surname)  # fmt: skip
            if len(hits) == 1:
                return hits[0]
        return None

    def positions(self) -> None:
        """Titles the gazetteer does not know, keyed by title and, where the text says, organisation."""
        rx = re.compile(
            rf"(?:(?<![\w\-])|(?<=\b[Tt]hen-))(?:{_TITLES}|(?:(?<=, )|(?<=, a )|(?<=, an )|(?<=\bas a )|(?<=\bas an )"
            rf"|(?<=\bwas a )|(?<=\bis a ))(?:{_ROLE_WORDS}))(?![\w\-])"
        )
        for m in rx.finditer(self.text):
            start, title = _strip_leading(self.text, m.start(), m.end(), titles=False)
            lead = _QUALIFIERS_BEFORE.search(self.text, max(0, start - 60), start)
            if lead is not None and (named := _NAME_IN_STATE.match(self.text, lead.start())) is not None:
                before = _WORD_ENDING.search(self.text[max(0, lead.start() - 30) : lead.start()])
                if before is not None and not re.fullmatch(rf"{_US_STATES}|{_TITLE_QUALIFIERS}", before[1]):
                    # "Penn State Vice President Gary Schultz": "State" ends a name before the title, no state's
                    lead = _QUALIFIERS_BEFORE.search(self.text, named.end(), start)
            if lead is not None and _FIELD_LEAD.match(self.text, lead.start(), start):
                in_a_name = re.search(
                    r"\b(?:of|on|for)[ \t]+(?:the[ \t]+)?$", self.text[max(0, lead.start() - 12) : lead.start()]
                )
                if in_a_name or not _DEPARTMENT_HEAD.fullmatch(title):
                    lead = None  # a field before a title is a department head's ("Interior Secretary"), no committee's
            if lead is not None and title[:1].isupper():  # "Special Assistant Attorney General", "Michigan …"
                start, title = lead.start(), self.text[lead.start() : m.end()].replace("Asst.", "Assistant")
                # "Hawaii Gov. David Ige": the state's governor; the abbreviation alone is no post's name
                title = re.sub(r"\b(?:Gov|Sen|Rep)\.$", lambda a: _ABBREVIATED_TITLES[a[0]], title)
            place = _PLACE_BEFORE.search(self.text, max(0, start - 40), start) if _LOCAL_TITLE.search(title) else None
            if place is not None and not set(place["place"].split()) & _NOT_A_PLACE:
                # "Surfside Mayor Charles Burkett", "Miami-Dade County Mayor X": the mayor's town is the post's
                start, title = place.start("place"), self.text[place.start("place") : m.end()]
            office = _OFFICE_LEAD.search(self.text, max(0, start - 40), start)
            if office is not None and _OFFICE_TITLE.fullmatch(title):
                # "Council President Andrea Jenkins", "Police Chief X": a local office's title, no national post
                start, title = office.start(), self.text[office.start() : m.end()]
            if title in {"IG", "AG", "Sen.", "Rep.", "Gov."} or not self.claims.free(start, m.end()):
                continue
            if title.lower() in _TITLE_MODIFIERS and re.match(r"[ \t]+[a-z]", self.text[m.end() : m.end() + 3]):
                continue  # "assistant secretary of labor for …": a modifier of the title that follows, no post
            if _TITLES_BODY.match(self.text, m.end()):
                continue  # "U.S. Attorney's Office", "the Inspector General's office": a body, not a post
            end = m.end()
            of_field = _OF_A_FIELD.match(self.text, end)
            if (
                of_field is not None
                and title[:1].isupper() == of_field["field"][:1].isupper()
                and not self._org_next_to(start, end)
                and self.claims.free(start, of_field.end())
            ):
                # "an Associate Deputy Secretary of Commerce from 1993", "as a chief of staff": the
                # title's own field, no body named after it (one word, then no more of a name)
                title = self.text[start : of_field.end()]
                label = title[0].upper() + title[1:]
                self.add(start, of_field.end(), f"position-{slug(title)}", "Position", "title", label=label)
                continue
            title = title[0].upper() + title[1:]
            org = self._org_next_to(start, m.end())
            initials = _INITIALS_BEFORE.search(self.text, max(0, start - 10), start)
            if org is None and initials and _DEPARTMENT_HEAD.fullmatch(title) and initials["acr"] not in _NOT_A_BODY:
                # "FEMA Administrator Deanne Criswell": a body's initials before its head's title
                acr, at = initials["acr"], initials.start("acr")
                # a body named by these initials: in the gazetteer, this text or one before (the first by key)
                key = (
                    self.acronyms.get(acr)
                    or next((a.key for a in self.gaz.aliases if a.text == acr), None)
                    or _named_by(self.entities, acr)
                    or _named_by(self.known, acr)
                    or slug(acr)
                )
                if self.add(at, at + len(acr), key, "Agency", "initials-title", label=acr):
                    org = key
            if org is not None:
                gaz = [e for e in self.gaz.entities.values()
                       if e.kind == "Position" and e.post_in == org and title in (e.label, *e.aliases)]  # fmt: skip
                if gaz:
                    self.add(start, m.end(), gaz[0].key, "Position", "title")
                    continue
                org_entity = self.entity(org)
                if org_entity is None:
                    continue
                label = f"{title}, {org_entity.label}"
                key = post_key(title, org)
                if self.add(start, m.end(), key, "Position", "title", label=label):
                    self.entities[key] = Entity(key=key, kind="Position", label=label, post_in=org)
            else:
                self.add(start, m.end(), f"position-{slug(title)}", "Position", "title", label=title)

    def pronouns(self) -> None:
        """ "he"/"she": the person last named, if named in this sentence or the one before, outside the
        quotations a pronoun outside them is not about. Recency is the whole rule (no gender is known);
        "his"/"her" and objects are left alone."""
        people = sorted((m for m in self.mentions if m.kind in {"Official", "Person"}), key=lambda m: m.start)
        quoted = quotations(self.text)
        for m in re.finditer(r"(?<![\w\-])(?:[Hh]e|[Ss]he)(?![\w\-])", self.text):
            # "“The death of Spc. Jane Roe shocked us,” he said": whom a quotation names is not who says it
            inside = any(a <= m.start() < b for a, b in quoted)
            before = [
                p for p in people if p.end <= m.start() and (inside or not any(a <= p.start < b for a, b in quoted))
            ]
            if not before:
                continue
            last = before[-1]
            if _AFTER_PREPOSITION.search(self.text, max(0, last.start - 12), last.start):
                continue  # "called the remedy against Holmes “…” He also said": he is not whom it was against
            if _ADDRESSED.search(self.text, max(0, last.start - 40), last.start):
                continue  # "Addressing Sullivan, he continued": the one addressed is not who speaks
            stretch = self.text[last.end : m.start()]
            # a quotation's sentences count as one
            said = stretch if inside else _blank_quotations(stretch, last.end, quoted)
            if len(stretch) > 400 or len(re.findall(r"[.!?][\"”’)]*\s", said)) > 1 or "\n\n" in stretch:
                continue
            opens = _SENTENCE_OPENS.search(said)
            if opens is not None and opens["word"] not in _SENTENCE_STARTERS:
                continue  # "… before Judge William V. Gallo. Dusek, 47, admitted that he …": another, unread
            self.add(m.start(), m.end(), last.key, last.kind, "pronoun")

    def possessive_bodies(self) -> None:
        """ "her agency", "his department": the body of the post the person last named holds, when the
        text gives that post next to the name ("Homeland Security Secretary Kirstjen Nielsen")."""
        people = sorted((m for m in self.mentions if m.kind in {"Official", "Person"}), key=lambda m: m.start)
        for m in _POSSESSIVE_BODY.finditer(self.text):
            before = [p for p in people if p.end <= m.start() and m.start() - p.end <= 600]
            if not before:
                continue
            person = before[-1]
            named = [p for p in people if p.key == person.key]  # the post may stand by any naming
            posts = [
                e.post_in
                for p in self.mentions
                if p.kind == "Position"
                and any(0 <= n.start - p.end <= 3 or 0 <= p.start - n.end <= 8 for n in named)
                and (e := self.entity(p.key)) is not None
                and e.post_in
            ]
            if len(set(posts)) == 1 and (body := self.entity(posts[0])) is not None:
                self.add(m.start(), m.end(), posts[0], body.kind, "possessive-reference")

    def _org_next_to(self, start: int, end: int) -> str | None:
        orgs = {"Agency", "Organization"}
        after = re.match(r"[ \t]+(?:of|for|at|on|with)[ \t]+(?:the[ \t]+)?", self.text[end : end + 20])
        if after:
            at = end + after.end()
            for m in self.mentions:
                if m.start == at and m.kind in orgs and not _OWNS_A_BODY.match(self.text, m.end):
                    return m.key  # (not "chairman of the Postal Service’s board of governors": the board's)
        roster = re.match(r",[ \t]+(?:the[ \t]+)?", self.text[end : end + 8])
        if roster and self.text[max(0, start - 2) : start] == ", ":
            # "The Honorable X, Administrator, U.S. Environmental Protection Agency;": a roster's line
            at = end + roster.end()
            for m in self.mentions:
                if m.start == at and m.kind in orgs and re.match(r"[ \t]*(?:[;\n]|$|\.[ \t]*$)", self.text[m.end :]):
                    return m.key
        before = self.preceding(start, orgs)
        if before is not None and re.fullmatch(
            r"\)?(?:['’]s)?[ \t]*(?:\([^)]{1,20}\)[ \t]*)?", self.text[before.end : start]
        ):
            return before.key
        return None

    def surnames(self) -> None:
        named: dict[str, dict[str, None]] = defaultdict(dict)  # in the order the text names them
        for m in self.mentions:
            if m.kind in {"Official", "Person"} and bare_surname(m.text) is None:
                named[person_surname(m.text)][m.key] = None
        people = {surname: key for surname, keys in named.items() if (key := self._namesakes(keys)) is not None}
        first = first_named(self.text, self.mentions)
        for surname, key in sorted(people.items()):
            person = self.entity(key)
            if person is None:
                continue
            for hit in re.finditer(rf"(?<![\w\-]){re.escape(surname)}(?![\w\-])", self.text):
                if namesake(self.text, hit.start(), first.get(key)):
                    continue  # "President Biden and First Lady Dr. Jill Biden": a namesake, before the full name
                if another_given_name(self.text, hit.start(), person.label):
                    continue  # "David Sackler, …; Dr. Kathe Sackler": another of the family
                self.add(hit.start(), hit.end(), key, person.kind, "surname")

    def _verb_before_a_surname(self, name: str) -> bool:
        """Whether a two-word name's first word is a Title Case verb ("Contradicts Pruitt") and its
        second the surname of someone the document names in full."""
        words = name.split()
        if len(words) != 2 or not words[0].endswith("s"):
            return False
        word = words[0].lower()
        stem = word[:-2] if word.endswith("es") and word[:-2] in self.verbs else word[:-1]
        return stem in self.verbs and any(n.split()[-1] == words[1] for n in self._model_names if n != name)

    def _namesakes(self, keys: dict[str, None]) -> str | None:
        """Whom a bare surname names of ``keys``, people of that surname named in full (see :func:`one_person`)."""
        return one_person([(k, e.label) for k in keys if (e := self.entity(k)) is not None], self.doc.meta.title)

    def courts_in_capitals(self) -> None:
        """A federal court's caption in capitals ("UNITED STATES DISTRICT COURT FOR THE DISTRICT OF
        COLUMBIA"): the court, named as in sentence case. The district ends on a state's name, so the
        caption's next words in capitals (the parties) are no part of it."""
        for m in _CAPS_COURT.finditer(self.text):
            words = m.group(0).split()
            label = " ".join(w if w in {"OF", "FOR", "THE"} and i else w.capitalize() for i, w in enumerate(words))
            label = re.sub(r"\b(?:OF|FOR|THE)\b", lambda w: w.group(0).lower(), label)
            self.add(m.start(), m.end(), slug(label), "Agency", "court-capitals", label=label)

    def organisations(self) -> None:
        short_names: dict[str, tuple[str, str]] = {}  # a body's short name in brackets: its key, kind
        scan = unwrapped(self.text)  # "The U.S. Environmental Protection\nAgency Office of …": one name
        for rx in (_FIRM, _ORG):
            for m in rx.finditer(scan):
                at, found = m.start(), m.group(0)
                if (more := _TOPICS.match(self.text, m.end())) and _ON_TOPIC.search(found):
                    found = self.text[at : more.end()]  # "Committee on Commerce, Science, and Transportation"
                elif more := _NEXT_LINE_OF.match(self.text, m.end()):
                    found = self.text[at : more.end()]  # a caption's "United States Court of Appeals\nfor the …"
                elif found.endswith("Court") and (more := _COURT_DISTRICT.match(self.text, m.end())):
                    found = self.text[at : more.end()]  # "United States District Court, S.D. Mississippi"
                if _A_BUILDING_NEXT.match(self.text, at + len(found)):
                    continue  # "Senate Russell Office Building 253": a building, where a body meets
                if (page := _PAGE_AFTER_A_NAME.search(found)) is not None:
                    found = found[: page.start()]  # "United States Department of Justice News": its page's heading
                if re.search(r"(?:[a-z]{2}|(?<![.\w])[A-Z]{2,})\.[ \t]+(?=[A-Z])", found):
                    continue  # "… the Animas River. The Department …", "… DHS. An Office …": across a sentence's end
                if (dateline := _DATELINE_AFTER.search(self.text, at, at + len(found))) is not None:
                    found = found[: dateline.start() - at]  # a headline's words over "WASHINGTON – …"
                # "the Ethics Resource Center and the Society for ..." names two bodies; "Ranking
                # Member Waters and Members of the Committee", a person and people of a body.
                # "the Board of Governors of the Federal Reserve System and Federal Deposit Insurance
                # Corporation": after a body's head word, "and" and a capital begin another body.
                # ("Committee on Education and the Workforce": a committee's topics, one body)
                cuts = [
                    0,
                    *(
                        x
                        for c in _AND_ANOTHER.finditer(found)
                        if c["after_head"]
                        or c["before"]
                        or c["next_body"]
                        or not (
                            (_TOPIC_BEFORE.search(found, 0, c.start()) and _ONE_WORD.fullmatch(found, c.end()))
                            # "House Education and the Workforce Committee": no body's head before "and
                            # the", one word and the head after it: the fields of one body's name
                            or (
                                not _ORG_HEAD_WORD.search(found, 0, c.start())
                                and not _TITLE_AT_END.search(found, 0, c.start())
                                and _ONE_HEAD.fullmatch(found, c.end())
                            )
                        )
                        for x in c.span(next(g for g in ("after_head", "before", "next_body", 0) if g == 0 or c[g]))
                    ),
                    len(found),
                ]
                for a, b in zip(cuts[::2], cuts[1::2], strict=True):
                    a, b = self._past_people(at + a, at + b)
                    if joined := list(_RUN_TOGETHER.finditer(self.text, a, b)):
                        a = joined[-1].start("second")  # "… RecoveryTransportation and Infrastructure Committee"
                    start, name = _strip_leading(self.text, a, b)
                    if (lead := _MEMBER_ON.match(name)) is not None:
                        start, name = start + lead.end(), name[lead.end() :]  # "Republican on the … Committee"
                    if (lead := _LEAD_BEFORE_A_NAME.match(name)) is not None:
                        start, name = start + lead.end(), name[lead.end() :]
                    if _A_PERSON_FIRST.match(name):
                        continue  # "Dear Ms Hilsenrath Grenfell Tower Public Inquiry": a person's name runs in
                    # "the Implementation of Legislative Recommendations of the Marjory Stoneman Douglas
                    # High School Public Safety Commission": words before "of" with no body's head word
                    # in them are what is of the body, not its name
                    while (of := _OF_A_BODY.search(name)) is not None and not _ORG_HEAD_WORD.search(
                        name, 0, of.start()
                    ):
                        if len(name[of.end() :].split()) < 2:
                            break
                        start, name = start + of.end(), name[of.end() :]
                    # "heard by Justice Fraser in the High Court in London": a name before "in the" with
                    # no body's head word is no part of the body's; nor is where the body sits, after it
                    while (into := _IN_A_BODY.search(name)) is not None and not _ORG_HEAD_WORD.search(
                        name, 0, into.start()
                    ):
                        start, name = start + into.end(), name[into.end() :]
                    if (where := _SITS_IN.search(name)) is not None and _HEAD_AT_END.search(name, 0, where.start()):
                        name = name[: where.start()]
                    owned = ""
                    owner = _OWNER_FIRST.match(name)
                    if owner is not None and len(name[owner.end() :].split()) >= 2:
                        # "the Board's Federal Open Market Committee": the body's name follows its owner's
                        # possessive; an owner's initials stay in it, without the possessive ("EPA's Office
                        # of Inspector General" is the "EPA Office of Inspector General", no other's)
                        start, name = start + owner.end(), name[owner.end() :]
                        owned = owner["initials"] or ""
                    after = self.text[start + len(name) : start + len(name) + 40]  # the holder may follow
                    if (held := _HELD_IN_NAME.search(name + after)) and held.start() < len(name):
                        # "Subcommittee on Aviation Chair Rick Larsen": the body ends before its
                        # chair's title ("Office of the Inspector General" keeps its own)
                        name = re.sub(r"(?:[ \t]*,|[ \t]+(?:and|of|the|for|on))+$", "", name[: held.start()])
                    elif (named := _NAMED_AFTER.search(name)) and not _a_calling(named["names"]):
                        name = name[: named.start("names")]  # "Office of Inspector General Michael Horowitz"
                    if (member := _MEMBER_AT_END.search(name)) and _PARTY_AFTER.match(self.text, start + len(name)):
                        # "… Committee on Transportation and Infrastructure Peter DeFazio (D-OR)": a member
                        # of a legislature, named with party and state, after the body's name
                        self._person(start + member.start("name"), start + len(name), "party-name", "member")
                        name = name[: member.start()]
                        if title := _TITLE_AT_END.search(name):
                            name = name[: title.start()]
                    name = _POSSESSIVE_END.sub("", name)  # "… Office of Inspector General’s (HUD OIG) goal"
                    name = _COURT_ON.sub("Court", name)  # "before the Court on Defendant X's motion": no topic
                    name = _ADDRESS_TAIL.sub("", name)  # "Office of the Lieutenant Governor P.O. Box 12068"
                    mark = _NUMBER_MARK_END.search(name)
                    if mark is not None and re.match(r"\.?[ \t]*\d", self.text[start + len(name) :]):
                        name = name[: mark.start()]  # "… for the First Circuit No. 22-1129": a docket number's mark
                    panel = _PANEL_END.search(name)
                    topics = _TOPIC_LIST_BEFORE.search(self.text, max(0, start - 160), start) if panel else None
                    if topics is None and panel and " and " in name:
                        # "the Business, Energy and Industrial Strategy Committee": the fields listed before
                        topics = _FIELDS_BEFORE.search(self.text, max(0, start - 80), start)
                    if topics is not None:
                        # "Crime, Terrorism, Homeland Security, and Investigations Subcommittee": the
                        # list of topics before the last is the name's own
                        start, name = topics.start(), self.text[topics.start() : start] + name
                    end = start + len(name)
                    if name.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|P\.C)\.$", name):
                        name, end = name[:-1], end - 1
                    if len(name.split()) < 2 or name.split()[-1] in {"of", "and", "the", "for"}:
                        continue
                    if name.startswith("State for ") and self.text.endswith("Secretary of ", 0, start):
                        continue  # "Secretary of State for the Home Department": a minister's title, no body
                    if WHICH_BODY.fullmatch(name):
                        continue  # "This Committee": which one, it does not say
                    if _FILING.search(name):
                        continue  # "the Representatives' Motion for Exercise of the Court": a filing
                    if name.endswith(("News", "Press")) and re.match(r"[ \t]+Releases?\b", self.text[end : end + 12]):
                        continue  # "OCC News Release 2023–24": a release's name, no newspaper
                    if _REPORT_TITLE.match(name):
                        # "Audit of the Federal Bureau of Prisons' Contract Oversight" is a report.
                        self.add(start, end, "report-" + slug(name), "Report", "report-title", label=name)
                    elif _ORG_HEAD_WORD.search(name):
                        if name in short_names:  # "the Milken Institute SPH study", after its brackets
                            self.add(start, end, *short_names[name], "organisation")
                            continue
                        if start > 0 and self.text[start - 1] == "(":
                            # "The Milken Institute School of Public Health at … (Milken Institute SPH)":
                            # a short name in brackets after the body's full name is that body's
                            before = reversed(self.between(start - 300, start))
                            longer = next((x for x in before if x.kind in {"Agency", "Organization"}
                                           and x.text.startswith(f"{name} ")), None)  # fmt: skip
                            if longer is not None:
                                short_names[name] = (longer.key, longer.kind)
                                self.add(start, end, longer.key, longer.kind, "organisation")
                                continue
                        if (short := _FIELD_FIRST.fullmatch(name)) is not None:
                            # "The Oversight Subcommittee", after the "… Subcommittee on Oversight and
                            # Investigations": the one body named before with that field after its head
                            full = {(x.key, x.kind) for x in self.mentions if x.end <= start
                                    and f"{short['head']} on {short['field']}" in x.text}  # fmt: skip
                            if len(full) == 1:
                                self.add(start, end, *full.pop(), "organisation")
                                continue
                        self._widen(start, end)
                        # "the United States District Court", named before with its district
                        fuller = next((x for x in self.mentions if x.text.startswith(f"{name}, ")
                                       and x.kind in {"Agency", "Organization"}), None)  # fmt: skip
                        if fuller is not None:
                            self.add(start, end, fuller.key, fuller.kind, "organisation")
                            continue
                        whole = " ".join(f"{owned} {name}".split())
                        self.add(start, end, slug(whole), _org_kind(name), "organisation", label=whole)

    def _past_people(self, start: int, end: int) -> tuple[int, int]:
        """A body's name less a person's name the model reads at its edge: "Richard Blumenthal
        Federal Aviation Administration", "… Committee on Transportation and Infrastructure Peter
        DeFazio", "Daniel K. Elwell of the Federal Aviation Administration (FAA)"."""
        for ps, pe in self.named_people:
            if re.match(r"[NSEWCM]\.[ \t]?D\.[ \t]", self.text[ps:pe]):
                continue  # "S.D. Mississippi", which the model reads as a person: a court's district
            if start <= ps and pe < end and not _ORG_HEAD_WORD.search(self.text[start:pe]):
                # the name, and any title before it, come before the body's ("Acting Administrator …")
                lead = re.match(r"[\s,]*(?:(?:of|and|or)[ \t]+)?(?:the[ \t]+)?", self.text[pe:end])
                start = pe + (lead.end() if lead else 0)
            elif start < ps and pe == end and not re.search(r"[ \t]of[ \t]+$", self.text[start:ps]):
                # ("… Task Force on the Attempted Assassination of Donald J. Trump" is named for him)
                end = ps  # and the title before the name: "Subcommittee on Aviation Chair Rick Larsen"
                if title := _TITLE_AT_END.search(self.text[start:end]):
                    end = start + title.start()
        return start, end

    def _widen(self, start: int, end: int) -> None:
        """ "Senate Judiciary Committee": a body whose name begins with a known one's ("Senate") is a
        body of its own; the shorter mention inside it gives way."""
        window = self.between(start - 400, end)
        inside = [m for m in window if start <= m.start and m.end <= end]
        overlapping = [m for m in window if m.start < end and start < m.end]
        if not inside or len(inside) != len(overlapping):
            return
        if inside[0].start != start or any(m.kind not in {"Agency", "Organization", "Place"} for m in inside):
            return
        if not _ORG_HEAD_WORD.search(self.text[inside[-1].end : end]):
            return  # the known name already ends in the head noun: nothing wider here
        self.mentions = [m for m in self.mentions if m not in inside]
        self._by_start = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._by_start]
        self.claims.release(start, end)

    def places(self) -> None:
        for m in _CITY_STATE.finditer(self.text):
            state = m.group("state")
            for c in re.finditer(rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?", m.group("cities")):
                s = m.start("cities") + c.start()
                if _ORG_HEAD_WORD.search(c.group(0)):
                    continue  # "Criminal Division, Washington, DC": a body in the city, no city
                self.add(s, s + len(c.group(0)), "place-" + slug(f"{c.group(0)} {state}"), "Place",
                         "city-state", label=f"{c.group(0)}, {state}")  # fmt: skip
            self.add(*m.span("state"), "place-" + slug(state), "Place", "city-state", label=state)

    def references(self) -> None:
        for m in _DEPARTMENT_REF.finditer(self.text):
            key = self._department(m.start())
            if key:
                self.add(m.start(), m.end(), key, "Agency", "department-reference")
        if self.doc.meta.creator:
            for m in _OFFICE_REF.finditer(self.text):
                self.add(m.start(), m.end(), self.doc.meta.creator, "Agency", "office-reference")
        for m in _BODY_REF.finditer(self.text):
            # "the Commission": the one body the text has named in full with that head word so far
            head = m.group("head")
            named = {x.key: x.kind for x in self.mentions if x.end <= m.start() and x.kind in {"Agency", "Organization"}
                     and len(x.text.split()) > 1 and _head_noun(x.text) == head}  # fmt: skip
            if head == "Court" and self.doc.meta.kind == "court":
                # a court's own text calls itself "the Court": the court its caption names, not one its
                # account names ("removed … filed in the Circuit Court of the Second Circuit")
                captioned = {x.key for x in self.mentions if x.start < self._caption_end}
                named = {k: v for k, v in named.items() if k in captioned}
            if len(named) == 1:
                ((key, kind),) = named.items()
                self.add(m.start("head"), m.end(), key, kind, "body-reference")
        for rx, kinds, rule in (
            (_REPORT_REF, {"Report"}, "report-reference"),
            (_POLICY_REF, {"Policy"}, "policy-reference"),
            (_ORDER_REF, {"ExecutiveOrder"}, "order-reference"),
        ):
            for m in rx.finditer(self.text):
                ante = self.preceding(m.start(), kinds)
                if ante is not None:
                    self.add(m.start(), m.end(), ante.key, ante.kind, rule)

    def _department(self, offset: int) -> str | None:
        if self.department_alias:
            return self.department_alias
        key = self.doc.meta.creator
        while key is not None:
            e = self.gaz.get(key)
            if e is None:
                break
            if e.department:
                return key
            key = e.parent
        before = self._by_start[: bisect.bisect_left(self._starts, offset)]
        named = [m for m in before if m.end <= offset and (e := self.entity(m.key)) is not None and e.department]
        counts = Counter(m.key for m in named)
        if not counts:
            # "the Department of the Attorney General’s investigation … the Department released": the one
            # body named in full as a "Department of …" before, where the gazetteer knows none
            full = {m.key for m in before
                    if m.end <= offset and m.kind == "Agency" and m.text.startswith("Department of ")}  # fmt: skip
            return full.pop() if len(full) == 1 else None
        first: dict[str, int] = {}
        for m in named:
            first.setdefault(m.key, m.start)
        return max(counts, key=lambda k: (counts[k], -first[k]))

    def cases(self) -> None:
        """Case names first: the parties' names ("Flores v. Sessions") are part of the case's name."""
        names = {a.text: a.key for a in self.gaz.aliases}
        for m in _CASE.finditer(self.text):
            start, name = m.start(), m.group("case")
            # A word ending in a full stop that is no abbreviation ends the name ("v. ICE. What OIG Found").
            versus = VERSUS.search(name)
            if versus is None:
                continue
            v_at = versus.end()
            for w in re.finditer(r"\S+\.(?=[ \t]|$)", name[v_at:]):
                if not _ABBREVIATED.fullmatch(w.group()) and not _CITED_SHORT.fullmatch(w.group()):
                    name = name[: v_at + w.end() - 1]
                    break
            if _NAME_RUNS_BEFORE.search(self.text, max(0, start - 40), start):
                continue  # "Empire Center for Pub. Policy v …": the first party's name began before
            start, name = _caption_case(start, name)
            lead = re.match(r"(?:In|The|See|Under|After|Before|Since|Following)[ \t]+(?=\S.*[ \t]v\.?[ \t])", name)
            if lead is not None:  # "In Ms. L v. ICE, the court …": the preposition is not in the name
                start, name = start + lead.end(), name[lead.end() :]
            # The same case under the long and the short name of a party the gazetteer knows:
            # "Ms. L v. U.S. Immigration and Customs Enforcement" is "Ms. L v. ICE".
            first, other = VERSUS.split(name, maxsplit=1)
            if re.fullmatch(_TITLES, first) and self.text[max(0, start - 2) : start].rstrip(" \t").endswith(","):
                continue  # "Scott J. Israel, Sheriff v. Ron DeSantis, Governor": a party's title after its name
            key = "case-" + slug(f"{first} v {names.get(other, other)}")
            self.add(start, start + len(name), key, "CourtCase", "court-case")
        cited = [(m.start(), m.end()) for m in _IN_RE_CITED.finditer(self.text)]
        cited += [(m.start("name"), m.end("name")) for m in _IN_RE_LINE.finditer(self.text)]
        for a, b in cited:  # "In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig., 266 F. Supp. 3d 1"
            self.add(a, b, "case-" + slug(self.text[a:b]), "CourtCase", "court-case")
        for m in _IN_RE.finditer(self.text):  # "In re Flint Water Cases"
            if not any(a <= m.start() < b for a, b in cited):
                self.add(m.start(), m.end(), "case-" + slug(m.group(0)), "CourtCase", "court-case")

    def own_report(self) -> None:
        """A report's own title line ("# title: Management Weaknesses Delayed Response to Flint Water
        Crisis (Report No. 18-P-0221, At a Glance)") names the report the document is, or summarises:
        the title, less what the brackets or a dash after it say of the copy ("— Summary")."""
        if self.doc.meta.kind not in _REPORT_KINDS:
            return
        # (a dash between dates is the title's: "Semiannual Report, April 1, 2010 – September 30, 2010")
        m = re.search(
            r"(?m)^# title:[ \t]*(?P<title>[A-Z][^\n(]*?)[ \t]*(?:\(|(?<![\d][ \t])(?<!\d)[—–]|(?<!\d)[ \t]-[ \t]|$)",
            self.text[:2000],
        )
        if m is None or len(m["title"].split()) < 3:
            return
        name = m["title"].rstrip(" .:;,")  # up to the brackets or the dash that say what copy this is
        if _TELLS_OF_A_REPORT.search(name):
            return  # "Committee Releases Report Revealing …": a page's headline about a report, not its title
        start = m.start("title")
        if (genre := _GENRE.match(name)) is not None:
            start, name = start + genre.end(), name[genre.end() :]  # "Report: State Program …", "What GAO Found: …"
        line_end = self.text.find("\n", start)
        end = line_end if line_end >= 0 else len(self.text)
        number = _REPORT_ID.search(self.text, start, end)
        if number is None:
            # numbered on the cover under its title ("Report #24-N-0055, August 12, 2024"): the one
            # report number of the opening lines is the title's
            below = {n.group(0): n for n in _REPORT_ID.finditer(self.text, end, min(len(self.text), end + 400))}
            number = next(iter(below.values())) if len(below) == 1 else None
        # numbered in its title line ("(CRS R45266, updated …)"): one report, keyed as its number is
        key = "report-" + slug(number.group(0) if number else name)
        self.add(start, start + len(name), key, "Report", "document-title", label=name)

    def run(self) -> MentionResult:
        self.own_report()
        self.cases()
        self.courts_in_capitals()  # before the gazetteer's "UNITED STATES" in capitals takes its words
        self.gazetteer()
        self.definitions()
        self.acronym_uses()
        self.instruments()
        self.organisations()
        self.people()
        self.capital_byline()
        self.surnames()
        self.positions()
        self.places()
        self.references()
        self.pronouns()
        self.possessive_bodies()
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return MentionResult(self.mentions, self.entities)


_LEAD = re.compile(r"^\(\?:\(\?<!.*?\)\|\(\?<=.*?\)\|\(\?<=.*?\)\)")  # a name pattern's opening look-behinds


def _find(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The matches of a name pattern. Its opening look-behinds keep the regex engine from scanning
    for the name's first letters, so the name alone is scanned for and the look-behinds checked
    where it is found: the same matches, in a fraction of the time on long texts."""
    bare = _bare(pattern)
    if bare is None:
        return [m.span() for m in pattern.finditer(text)]
    out = []
    pos = 0
    while (m := bare.search(text, pos)) is not None:
        full = pattern.match(text, m.start())
        if full is not None:
            out.append(full.span())
            pos = full.end()
        else:
            pos = m.start() + 1
    return out


@functools.cache
def _bare(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The name pattern without its opening look-behinds; compiled once per pattern, not per text."""
    lead = _LEAD.match(pattern.pattern)
    return re.compile(pattern.pattern[lead.end() :], pattern.flags) if lead is not None else None


@functools.cache
def _capitals(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The name pattern ignoring case, to find the name set in capitals."""
    return re.compile(pattern.pattern, re.IGNORECASE)


def post_key(title: str, org: str) -> str:
    """The key of a post by its title in an organisation: one scheme wherever posts are minted.

    >>> post_key("Board member", "ethics-resource-center")
    'position-board-member-ethics-resource-center'
    """
    return f"position-{slug(title)}-{org}"


def _named_by(entities: dict[str, Entity], initials: str) -> str | None:
    """The first (by key) body of ``entities`` that ``initials`` name, as its label or an alias."""
    return min(
        (k for k, e in entities.items() if e.kind in {"Agency", "Organization"} and initials in {e.label, *e.aliases}),
        default=None,
    )


def names_present(aliases: Iterable[Alias], lower: str) -> tuple[Alias, ...]:
    """The names of ``aliases`` whose longest word the lower-cased text ``lower`` has: the others
    cannot occur in it, and a pattern's run over a long text is the costly part."""
    return tuple(a for a in aliases if key_word(a.text) in lower)


@functools.cache
def key_word(alias: str) -> str:
    """The longest word of a name, lower-cased: a name can only occur where this word does."""
    words: list[str] = re.findall(r"\w+", alias.lower())
    return max(words, key=len) if words else alias.lower()


def _merged(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def _plausible_acronym(acr: str, long: str) -> bool:
    """Whether the acronym's letters appear, in order, among the long name's initials (a state's
    name may stand as its postal initials: "Maryland Transportation Authority (MDTA)")."""
    letters = [c for c in acr.upper() if c.isalpha()]
    for name in (long, _STATE_NAME.sub(lambda m: " ".join(STATE_CODES[m[0]]), long)):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w’'\-]*", name)).upper()
        it = iter(initials)
        if len(letters) >= 2 and all(c in it for c in letters) and acr.upper()[0] in initials:
            return True
    return False


#: A name going on before where a case's first party was read to begin ("Empire Center for| Pub.
#: Policy v New York State Dept.").
_NAME_RUNS_BEFORE = re.compile(r"[A-Z][\w.’'\-]*[ \t]+(?:for|of|on|and|&)[ \t]+$")
#: Capitalised words joined by the small words of a name: "Department of Human Services".
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w’'\-]*[ \t]+(?:(?:of|and|for|on|the)[ \t]+)*)*[A-Z][\w’'\-]*")
_STATE_NAME = re.compile(rf"\b(?:{'|'.join(STATE_CODES)})\b")


def _org_kind(name: str) -> str:
    words = set(re.findall(r"[A-Za-z]+", name))
    return "Agency" if words & _GOV_HEADS or {"Federal", "Congressional"} & words else "Organization"


#: A heading run into the text after it without a blank: two words of four letters or more joined in
#: one ("RecoveryTransportation"), unlike a name's capital inside it ("McDonald", "DeFazio").
_RUN_TOGETHER = re.compile(
    r"[a-z]{4,}(?P<second>[A-Z][a-z]{3,}|(?:[A-Z]\.){2,})"
)  # "…RecoveryTransportation", "CourtU.S."
#: A committee called by its field before its head word: "Oversight Subcommittee", "Judiciary Committee".
_FIELD_FIRST = re.compile(r"(?P<field>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?P<head>Subcommittee|Committee)")
#: A report named in Title Case in a sentence: after "the" or a possessive, two words or more, "Report".
_NAMED_REPORT = re.compile(r"(?:(?<=\bthe )|(?<=[’']s ))(?:[A-Z][\w\-]*[ \t]+){2,8}Report\b")
#: A body's owner before its name, by initials or a body's word: "FBI's ", "the Board’s ".
_OWNER_FIRST = re.compile(
    r"(?:(?P<initials>[A-Z]{2,})|Board|Department|Agency|Commission|Committee|Court|Bureau|Office|Service"
    r"|Administration|Council)[’']s[ \t]+(?=[A-Z])"
)
#: Where a court text's caption ends, which names the court that speaks in it.
_CAPTION = 600
#: A title right before a name (a courtesy between): "First Lady Dr. Jill Biden".
_TITLE_BEFORE = re.compile(rf"(?<![\w.])(?P<title>{_TITLES})[ \t]+(?:(?:Dr|Mr|Ms|Mrs)\.[ \t]+)?$")


def title_before(text: str, at: int) -> str | None:
    """The title right before a name at ``at`` ("First Lady Dr. Jill Biden"), if any."""
    m = _TITLE_BEFORE.search(text, max(0, at - 40), at)
    return m["title"] if m is not None else None


def first_named(text: str, mentions: Iterable[Mention]) -> dict[str, tuple[int, str | None]]:
    """Where each person is first named in full, and the title before that name, if any."""
    out: dict[str, tuple[int, str | None]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind in {"Official", "Person"} and bare_surname(m.text) is None and m.key not in out:
            out[m.key] = (m.start, title_before(text, m.start))
    return out


def opens_on_a_gerund(name: str, verbs: Collection[str]) -> bool:
    """Whether a name of two words or more opens on a Title Case verb's "-ing" form, as a headline's
    "the President Nominating Sylvia Mathews Burwell" does (``verbs``: the model's verbs' base forms)."""
    first, _, rest = name.partition(" ")
    return bool(rest) and gerund_of_a_verb(first, verbs)


def gerund_of_a_verb(word: str, verbs: Collection[str]) -> bool:
    """Whether ``word`` is the "-ing" form of one of ``verbs`` ("Nominating": nominate)."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3].lower()
    undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return any(form in verbs for form in (stem, stem + "e", undoubled))


#: A page's heading word after a body's name of "X of Y": "Department of Justice News", "… Press Releases".
_PAGE_AFTER_A_NAME = re.compile(r"(?<=\S)(?<=[a-z])[ \t]+(?:News|Newsroom|Press[ \t]+Releases?)$")
#: A title's field of capitalised words and "and" right before a name: the field going on.
_FIELD_BEFORE = re.compile(r"\bfor[ \t\n]+(?:[A-Z][\w’'-]*[ \t\n]+)+and[ \t]+$")


def s_form_of_a_verb(word: str, verbs: Collection[str]) -> bool:
    """Whether ``word`` is the "-s" form of one of ``verbs`` ("Confirms": confirm; "Issues": issue)."""
    if not word.endswith("s") or len(word) < 5:
        return False
    stem = word[:-1].lower()
    forms = (stem, stem.removesuffix("e"), stem[:-2] + "y" if stem.endswith("ie") else stem)
    return any(form in verbs for form in forms)


#: After a headline's verb, the start of its object ("… Confirms an Inquiry"); a surname goes on
#: with a verb or a comma.
_DETERMINER_NEXT = re.compile(r"[ \t]+(?:a|an|the|its|his|her|their|this|that|these|those|new)[ \t]")


def another_given_name(text: str, at: int, name: str, titles: Collection[str] = ()) -> bool:
    """Whether the surname at ``at`` follows a given name that is not the known person's (``name``):
    "Founder: Takezo Takada" is not "Shigehisa Takada", nor "Dr. Kathe Sackler" "David Sackler".
    A word of ``titles`` (or its plural: "Senators Hatch and Bennett") is a title, no given name."""
    given = _GIVEN_BEFORE.search(text, max(0, at - 20), at)
    if given is None:
        return False
    word = given["given"]
    return (
        word not in name.split()
        and not any(form in titles for w in (word, word.lower()) for form in (w, w.removesuffix("s")))
        and word.lower() not in STOP_WORDS  # "Though Bingaman said"
        and not word.endswith("ing")  # ("Addressing Sullivan, he continued")
        and not _ROLE_WORD.fullmatch(word)
        and word not in _NAME_STOP
        and word not in _SENTENCE_STARTERS
    )


def namesake(text: str, at: int, first: tuple[int, str | None] | None) -> bool:
    """Whether a surname at ``at``, before the text names its person in full (``first``: where, and
    the title then), follows another title: "President Biden and First Lady Dr. Jill Biden". (After
    the full name, another title is the same person's: "Congresswoman Jackie Speier … Chair Speier".)"""
    if first is None or at >= first[0] or first[1] is None:
        return False
    title = title_before(text, at)
    return title is not None and not same_title(title, first[1])


#: A head noun of a body's name anywhere in a text ("Office", "Court", …).
_ORG_HEAD_WORD = re.compile(rf"\b(?:{_ORG_HEADS})\b")
_OF_A_BODY = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
#: A title (and the blanks or commas around it) at the end of what precedes a person's name.
_TITLE_AT_END = re.compile(rf"[ \t,]+(?:(?:{_TITLES})[ \t,]*)?$")
#: A word that makes a name a body's, whatever verb follows it.
_BODY_WORD = re.compile(rf"\b(?:{_ORG_HEADS}|Circuit|District|Congress|Senate|House|Government)\b")
#: A state's name right before a body's name: the state's body of that name, not the nation's.
_STATES_OWN = re.compile(rf"\b(?:{_US_STATES})(?:[’']s)?[ \t]+$")
#: A state's word before a title: "the state attorney general", "N.Y. Attorney General", "Ohio Attorney General".
_A_STATES = re.compile(rf"(?:\b(?:{_US_STATES})|(?<![\w.])(?:{_STATE_INITIALS})|\b[Ss]tate)[ \t]+$")
#: A name that says it is the nation's: "U.S. House of Representatives", "Federal Bureau of Investigation".
_A_NATIONS = re.compile(r"\b(?:U\.S\.|US|United States|Federal|National|America)\b")
#: A capitalised word inside a sentence right before a one-word name: it names another body of
#: that kind ("the Colombian Senate", "the State Senate"), not the gazetteer's.
#: (A scan's stray mark may stand before it: "the ‘Texas Senate".)
_ANOTHER_BODY = re.compile(r"(?:(?<=[a-z,;][ \t])|(?<=\())[‘“'\"]?[A-Z][A-Za-z]+[ \t]+$")  # "(Texas Senate News, …)"
#: A court's district after its name, abbreviated: ", S.D. Mississippi", ", N.D. Tex.", ", E.D. Michigan",
#: ", D. Montana" (a state of one district).
_COURT_DISTRICT = re.compile(
    r",[ \t]+(?:[NSEWCM]\.[ \t]?)?D\.[ \t]+[A-Z][a-z]+\.?(?:[ \t]+[A-Z][a-z]+\.?)?(?=[ \t]*[,;\n)]|$)"
    # ", District of Hawaii", ", Northern District of California", a comma or none (a page's next word may run
    # on: "HawaiiUpdated")
    r"|,?[ \t]+(?:(?:Northern|Southern|Eastern|Western|Middle|Central)[ \t]+)?District[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?[A-Z][a-z]+(?![a-z])(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z]+(?![a-z]))?(?=[^a-z]|$)"
)
#: A name set on two lines, its second a lower-case "for the …" or "of the …".
_NEXT_LINE_OF = re.compile(rf"\n[ \t]*(?:for|of)[ \t]+(?:the[ \t]+)?{_PHRASE}(?=[ \t]*(?:\n|$))")
#: A case in the matter of something: "In re Flint Water Cases", "In re East Palestine Train Derailment".
#: The same, cited with its reporter: the name runs, abbreviations and all, to the comma before the volume
#: ("In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig., 266 F. Supp. 3d 1").
_IN_RE_CITED = re.compile(
    r"(?<![\w.])In re[ \t]+[A-Z][^,\n]{2,120}?"
    r"(?=,[ \t]+\d+[ \t]+(?:F\.|U\.S\.|S\.[ \t]?Ct\.|B\.R\.|L\.[ \t]?Ed\.|So\.|N\.[EW]\.|A\.[23]d|P\.[23]d))"
)
# A caption in capitals ("SUPREME COURT OF THE UNITED STATES Syllabus UNITED STATES v. TSARNAEV CERTIORARI
# TO THE …"): its parties are the runs of capitals next to "v.", and the caption's words after them
# ("CERTIORARI TO", "ON WRIT OF", "APPEAL FROM") say where the case comes from, not who is a party.
_CAPS_WORD = r"(?:[A-Z][A-Z.’'&\-]+|OF|THE|AND)"
_CAPS_PARTY_END = re.compile(rf"(?:{_CAPS_WORD}[ \t]+)*?{_CAPS_WORD}$")
_FIRM_SUFFIX = re.compile(r"(?:INC|LLC|L\.L\.C|LLP|L\.L\.P|CO|CORP|LTD|PLC|LP|N\.A|P\.C)\.?,?")
_CAPTION_WORDS = re.compile(r"[ \t]+(?:CERTIORARI|ON|APPEAL|APPEALS|PETITION|ERROR|ORIGINAL)\b.*$")


def _caption_case(start: int, name: str) -> tuple[int, str]:
    """The case of a caption in capitals, cut to its parties (see ``_CAPTION_WORDS``); other names as
    they are. A party in capitals is the run of capitals before "v.", a word in lower case ends it."""
    first, other = VERSUS.split(name, maxsplit=1)
    if not re.fullmatch(r"[A-Z][A-Z.’'&\-]+", first.split()[-1]):
        return start, name
    party = _CAPS_PARTY_END.search(first)
    if party is None:
        return start, name
    words = party.group().split()
    while words and words[0] in {"OF", "THE", "AND", "COURT", "SUPREME", "SYLLABUS", "OPINION", "ORDER"}:
        words.pop(0)  # a run begins with a name, not "OF THE", nor the caption's "SUPREME COURT"
    if all(_FIRM_SUFFIX.fullmatch(w) for w in words):
        return start, name  # "Arthur Andersen LLP v. …", "Hornbeck Offshore Services, L.L.C. v. …": no caption
    parties = _CAPTION_WORDS.sub("", other)
    if words == first.split() and parties == other:
        return start, name
    return start + len(first) - len(" ".join(words)), f"{' '.join(words)} v. {parties}"


#: Words that qualify the title after them, no post alone: "assistant secretary", "deputy director".
_TITLE_MODIFIERS = frozenset({"assistant", "deputy", "associate", "acting", "special", "senior", "principal"})
_CAPITAL_BYLINE = re.compile(
    r"(?m)^[ \t]*By:?[ \t]+(?P<title>(?:GOV|GOVERNOR|SEN|SENATOR|REP|REPRESENTATIVE|MAYOR|ATTORNEY GENERAL|SECRETARY|"
    r"JUDGE|DR|CHAIRMAN|CHAIRWOMAN|PRESIDENT)\.?[ \t]+)?"
    r"(?P<name>[A-Z][A-Z’'\-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][A-Z’'\-]+){1,2})[ \t]*$"
)
_NUMBER_MARK_END = re.compile(r"[ \t]+Nos?\.?$")
#: A caption line that is the case's name alone: "In re U.S. Office of Pers. Mgmt. Data Sec. Breach Litig."
_IN_RE_LINE = re.compile(r"(?m)^[ \t]*(?P<name>In re[ \t]+[A-Z][^\n]{2,120}?)\.?[ \t]*$")
_IN_RE = re.compile(r"(?<![\w.])In re[ \t]+[A-Z][\w’'\-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w’'\-]*){0,6}")
#: Kinds of document that are a report, or its summary (``kind`` in the metadata).
_REPORT_KINDS = frozenset({"report", "report-summary"})
#: A committee's list of subjects, after its first: ", Science, and Transportation".
#: A capitalised word of a committee's topics: no day nor month ("… and Transportation Thursday, January 25").
_TOPIC_WORD = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July"
    r"|August|September|October|November|December)\b)[A-Z][\w’'\-]*"
)
_WORDS = rf"{_TOPIC_WORD}(?:[ \t]+(?:and[ \t]+)?{_TOPIC_WORD})*"  # "Housing and Urban Development"
_TOPICS = re.compile(rf"(?:,[ \t]+{_WORDS})*,?[ \t]+and[ \t]+{_WORDS}")
_ON_TOPIC = re.compile(r"\b(?:Sub)?[Cc]ommittee[ \t]+on[ \t]+[A-Z][\w’'\-]*$")
#: A title, then a name, inside what the head-noun pattern took for a body's name; and a name
#: after a title that is the body's own ("of the Inspector General").
_HELD_IN_NAME = re.compile(
    rf"(?<!\bof)(?<!\bof the)[ \t]+(?:{_TITLES})(?:[ \t]+\([A-Z][A-Za-z .]{{1,12}}\))?[ \t]+{_NAME_WORD}"
)  # (its initials may stand between: "Acting Inspector General (DOD IG) Sean O’Donnell")
_NAMED_AFTER = re.compile(rf"\b(?:{_BASE_TITLES})(?P<names>(?:[ \t]+(?:[A-Z]\.|{_NAME_WORD})){{2,3}})$")
#: A title's possessive before the word for its office names the office.
_TITLES_BODY = re.compile(rf"[’']s[ \t]+(?:{_ORG_HEADS}|office)\b")
#: Words that begin a sentence, not a name: "Before the Court is a motion …", "After the Board …".
_LEAD_WORDS = (
    "Before|After|At|From|By|With|In|On|To|Under|Within|Against|Between|During|Following|Since|Until|Through|Without|While|When|"
    "If|As|Although|Because|Unlike|Like|Despite|(?:Members|Chairmen|Chairs|Staff|Leaders|Officials)[ \t]+of|"
    # a sentence's connective: "But the Post Office insisted …"
    "But|And|Or|Yet|So|Still|Meanwhile|Also|Now|Instead|Moreover|Thus|Hence|Though|Whereas|"
    # a court's stamp: "Filed in District Court"
    "Filed[ \t]+(?:in|with)|Entered[ \t]+in"
)  # "Members of the Committee" are people of the body, not the body


_ADDRESS_TAIL = re.compile(r"[ \t,]+(?:P\.[ \t]?O\.|Post[ \t]+Office)[ \t]+Box\b.*$")
_POSSESSIVE_END = re.compile(r"(?<=\w)[’'](?:s\b)?$")
#: The place of a legislator's party bracket: a state ("OR", "Tex.", "New York") or a district's town.
_PARTY_PLACE = r"[A-Z][A-Za-z.]{1,12}(?:[ \t][A-Z][a-z.]+)?"
#: A name after a title, then its party and place in brackets: "Senator Jim Nielsen (R-Tehama)".
_NAME_THEN_PARTY = re.compile(rf"[ \t]+(?:[A-Z][\w’'.-]*[ \t]+){{1,3}}\((?:D|R|I)[-–](?P<place>{_PARTY_PLACE})")


def _districts_own(text: str, end: int) -> bool:
    """Whether the name after a title at ``end`` is given a party and a place that is no state ("(R-Tehama)",
    "(R-Yuba City)"): a state legislator's district, not a member of Congress's state ("(D-Calif.)",
    "(R-TX)", "(D-Fla.)")."""
    m = _NAME_THEN_PARTY.match(text, end)
    if m is None:
        return False
    place = m["place"]
    if re.fullmatch(r"[A-Z]{2}|[A-Z]\.[A-Z]\.", place) or re.fullmatch(_US_STATES, place):
        return False
    short = place.replace(".", "").lower()
    return not any(_spelled_within(short, state.lower()) for state in _US_STATES.split("|"))


def _spelled_within(short: str, name: str) -> bool:
    """Whether ``short`` abbreviates ``name``: its first letter, then its other letters in order ("fla" of
    "florida", "ky" of "kentucky")."""
    if not short or short[0] != name[0]:
        return False
    rest = iter(name[1:])
    return all(c in rest for c in short[1:])


#: A party and state in brackets after a legislator's name: "(D-OR)", "(R-Tex.)", "(I-Vt.)", "(D-CT-03)".
_PARTY_AFTER = re.compile(rf"[ \t]*\((?:D|R|I)[-–]{_PARTY_PLACE}(?:[-–]\d{{1,2}})?\)")
_PLURAL_TITLES = re.compile(r"(?:Reps|Sens|Senators|Representatives|Congressmen|Congresswomen)\.?[ \t]+")
#: The last two words of a name, an initial between them ("Peter DeFazio", "Peter A. DeFazio").
_MEMBER_AT_END = re.compile(rf"[ \t]+(?P<name>{_NAME_WORD}(?:[ \t]+[A-Z]\.)?[ \t]+{_NAME_WORD})$")
#: A lead before a title that opens with a field's name ("Homeland Security Acting Secretary"), and the
#: titles such a lead may be of.
_MEMO_KEY_AFTER = re.compile(r"[ \t]+(?:Re|RE|To|TO|Fr|FR|From|FROM|Cc|CC|Subject|SUBJECT|Date|DATE|Attn)$")
#: A body's possessive before a part of it the text does not name: "the Postal Service’s board of governors".
_OWNS_A_BODY = re.compile(r"[’']s[ \t]+[a-z]")
#: A title's last words after it, no name: "Judge Presiding", "President Emeritus", "Speaker Pro Tempore".
_TITLE_TAIL = re.compile(r"(?:Presiding|Emerit(?:us|a)|Designate|Pro[ \t]+Tem(?:pore)?)\b")
#: The last word of a calling read as a name after a title ("Chief Medical Examiner", "Chief Financial Officer").
_A_CALLING = re.compile(
    r"\b(?:Examiner|Officer|Counsel|Engineer|Inspector|Investigator|Analyst|Coordinator|Advis[eo]r|Correspondent"
    r"|Editor|Economist|Pathologist|Scientist|Physician|Surgeon|Accountant|Auditor|Administrator|Director|Manager)$"
)


def _a_calling(name: str) -> bool:
    """Whether the words read as a name after a title are a calling's: one word of a calling's ending
    ("Scientist", "Physician", "Representative"), or a calling's last word ("Medical Examiner")."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ist|ician|ive)", name) or _A_CALLING.search(name))


_FIELD_LEAD = re.compile(rf"(?:{_FIELDS})\b")
_NAME_IN_STATE = re.compile(r"State[ \t]+")  # (a qualifier's "State" that may end a name: "Penn State")
_ABBREVIATED_TITLES = {"Gov.": "Governor", "Sen.": "Senator", "Rep.": "Representative"}
_WORD_ENDING = re.compile(r"(?<![\w.])([A-Z][a-z]+)[ \t]+$")
_DEPARTMENT_HEAD = re.compile(r"(?:Acting[ \t]+|Deputy[ \t]+)?(?:Secretary|Director|Administrator|Commissioner)$")
#: A federal court's caption in capitals, to the state or circuit that ends its name.
_CAPS_COURT = re.compile(
    r"\bUNITED[ \t]+STATES[ \t]+(?:(?:DISTRICT|BANKRUPTCY)[ \t]+COURT[ \t]+FOR[ \t]+THE[ \t]+"
    r"(?:(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|MIDDLE|CENTRAL)[ \t]+)?DISTRICT[ \t]+OF[ \t]+"
    rf"(?:COLUMBIA|{_US_STATES.upper()})"
    r"|COURT[ \t]+OF[ \t]+APPEALS[ \t]+FOR[ \t]+THE[ \t]+(?:[A-Z]+|DISTRICT[ \t]+OF[ \t]+COLUMBIA)[ \t]+CIRCUIT)\b"
    # a British judgment's caption: "IN THE HIGH COURT OF JUSTICE", "IN THE COURT OF APPEAL"
    r"|(?<=\bIN[ \t]THE[ \t])(?:HIGH[ \t]+COURT[ \t]+OF[ \t]+JUSTICE|COURT[ \t]+OF[ \t]+APPEAL)\b(?![ \t]+[A-Z])"
)
#: A capitalised word that is no place nor qualifier of a title, right before a post's initials, and
#: no name after them: the initials are the word's company's legal form ("Volkswagen AG (VW)"), not a
#: post ("Texas AG Ken Paxton", "Deputy AG").
_COMPANY_BEFORE = re.compile(
    rf"(?<![\w.’'\-])(?!(?:{_US_STATES}|{_TITLE_QUALIFIERS}|The|Former|Federal|National)[ \t])[A-Z][a-z]+[ \t]+$"
)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
#: A body's initials (and "National", "International") before a one-word title: "NTEU National
#: President", "AFGE President", "Union President": the title of that body's head, not the
#: gazetteer's one-word post ("U.S. President" has its dots).
_BODY_INITIALS_LEAD = re.compile(
    r"(?:(?<![\w.’'\-])(?!US[ \t]|USA[ \t])[A-Z]{2,6}[ \t]+(?:(?:National|International)[ \t]+)?"
    r"|(?<![\w.])(?:National|International|Union)[ \t]+)$"
)
#: A committee's name ending a list of its topics: "… Subcommittee" after "Crime, Terrorism, Homeland
#: Security, and " (each topic one to three capitalised words; the list opens a line or follows a comma).
_PANEL_END = re.compile(r"\b(?:Committee|Subcommittee|Caucus)$")
#: A committee's fields listed before the last two ("the Business, Energy and Industrial Strategy Committee").
_FIELDS_BEFORE = re.compile(
    r"(?:(?<=\bthe[ \t])|(?<=:[ \t])|(?<=\n)|^)(?:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,[ \t]+)+$"
)  # (after "the", a label's colon or at a line's start)
#: "in the" before a body's name, and where a body sits after it ("High Court in London").
_HEAD_AT_END = re.compile(rf"\b(?:{_ORG_HEADS})$")
_IN_A_BODY = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_SITS_IN = re.compile(r"(?<=[a-z])[ \t]+in[ \t]+[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*)*$")
_TOPIC_LIST_BEFORE = re.compile(
    r"(?:(?<=,[ \t])|(?<=\n)|(?<=\()|(?<=and[ \t]))(?:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2},[ \t]+){2,}and[ \t]+$"
)

#: A head's title inside what a definition read as a body's long name ("President and Chief Executive
#: Officer of the …", "Under Secretary for … and Director of the …"): the body's name is the tail.
_A_HEADS_TITLE = re.compile(
    r"\b(?:Director|Secretary|Administrator|Chair(?:man|woman)?|President|Officer|Commissioner|Counsel)\b"
)
#: A preposition of place right before a name read with a title after it: "in New Orleans, the President".
_IN_A_PLACE = re.compile(r"\b(?:in|from|at|near)[ \t]+$")
#: The office a local title's lead names ("Council President", "Police Chief", "Community Safety
#: Commissioner"), and the titles it may lead.
_OFFICE_LEAD = re.compile(
    r"(?<![\w.\-])(?:(?:City|County|Town)[ \t]+Council|Council|Police|Fire|Community[ \t]+Safety|Public[ \t]+Works"
    r"|School[ \t]+Board)[ \t]+$"
)
_OFFICE_TITLE = re.compile(
    r"(?:Vice[ \t]+)?(?:President|Chair|Chairman|Chairwoman|Chairperson|Chief|Commissioner|Member|Marshal)"
)
#: Titles of a place's own office, whose place's name may stand before them ("Surfside Mayor").
_LOCAL_TITLE = re.compile(r"\b(?:Mayor|Sheriff|City Manager|County Executive|County Judge|Police Chief)$")
#: A place's name of one or two capitalised words right before a title: "Surfside Mayor", "Miami-Dade
#: County Mayor" (words that open a sentence, or say when or what kind, are none: ``_NOT_A_PLACE``).
_PLACE_BEFORE = re.compile(
    r"(?:(?<=[\w,;:)][ \t])|(?<=[.!?][ \t])|(?<=\n)|^)"
    r"(?P<place>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)[ \t]+$"
)
_NOT_A_PLACE = frozenset(
    {"The", "This", "That", "Former", "Acting", "Interim", "Deputy", "Assistant", "Then", "Republican", "Democratic",
     "Democrat", "Independent", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday", "Vice", "Chief", "Senior", "Said", "And", "Our", "Their", "His", "Her", "When",
     "After", "Before", "If", "As", "While", "Since", "Although", "But", "So", "Now", "Earlier", "Later", "Also",
     "However", "Meanwhile", "Both", "Local", "City", "County", "State", "Town", "Village", "Dear", "Honorable",
     "Honourable"}
)  # fmt: skip
#: A body's initials right before a title: "FEMA Administrator", "NIST Director".
_INITIALS_BEFORE = re.compile(r"(?<![\w.&-])(?P<acr>[A-Z]{2,6})[ \t]+$")
#: Capitals before a title that are no body's: a country's, a state's, a rank's.
_NOT_A_BODY = frozenset({"US", "USA", "UK", "EU", "UN", "CEO", "COO", "CFO", "IG", "AG", "DC", "NYC"}) | frozenset(
    _STATE_INITIALS.split("|")
)
#: The honorifics of anyone, which say nothing of a post ("Mr. Roe", "Dr Smith").
_PLAIN = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr"})
#: A courtesy before a name that is no word of it: "Honourable Lisa Raitt", "Rt Hon Suella Braverman".
_HONOURABLE = re.compile(r"(?:(?:Rt\.?|Right)[ \t]+)?(?:Honou?rable|Hon\.?)[ \t]+(?=[A-Z])")
#: A judge's style before a surname: "Mr Justice ", "Mrs Justice ", "Lord Justice ", "Lady Justice ".
_JUDGES_STYLE = re.compile(r"\b((?:Mr\.?|Mrs\.?|Ms\.?|Lord|Lady|Dame)[ \t]+Justice)[ \t]+$")
#: A salutation or a person's honorific at a body's name's start: a person's name ran into the body's.
_A_PERSON_FIRST = re.compile(r"(?:Dear[ \t]+)?(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Cllr|Councillor)\.?[ \t]+[A-Z]")
#: What follows a court's name that is no part of it: a court has no topic ("the Court on Defendant …").
_COURT_ON = re.compile(r"\bCourt[ \t]+on[ \t].*$")
#: A gazetteer's name that is a description ("the government"), whose body the text must settle.
_A_DESCRIPTION = re.compile(r"(?i:the)[ \t]+[a-z]+|(?i:the)[ \t]+Government")
#: Words that make a title the nation's: "U.S. Attorney General", "Attorney General of the United States".
_NATIONAL = re.compile(r"\bU\.S\.|\bUnited States\b|\bUS\b|\bFederal\b|\bNational\b")
_FEDERAL = re.compile(r"\bfederal\b|\bCongress\b|\bWhite House\b")
#: What names the United States in a body's name ("U.S. Senate"), which a shorter alias drops.
_OF_THE_NATION = re.compile(r"\bU\.S\.|\bUnited States\b")
#: Words of a parliamentary government: a text that has them, and nothing of the United States', is
#: another nation's ("Minister", "Parliament", "the Commonwealth"), whose "Senate" is its own (as is
#: an American commonwealth's: "the Commonwealth of Massachusetts").
_PARLIAMENTARY = re.compile(r"\b(?:Prime Minister|Minister|Parliament|[Pp]arliamentary|Commonwealth|MPs?)\b")
#: What says a text is of the United States' government, not only of a nation's.
_OF_THE_UNITED_STATES = re.compile(rf"\bU\.S\.|\bUnited States\b|{_FEDERAL.pattern}")
#: What names the United States itself, which "federal" alone does not (Canada and Australia are federal).
_OF_AMERICA = re.compile(r"\bU\.S\.|\bUnited States\b|\bCongress\b|\bWhite House\b|\bAmericans?\b")
#: Other nations a text may be of.
_ANOTHER_NATION = re.compile(
    r"\b(?:Canad(?:a|ians?)|Australian?s?|New Zealand|United Kingdom|Britain|British|Ireland|Irish|Scotland|Scottish)\b"
)


def american(text: str) -> bool:
    """Whether a text is of the United States: it names them, or it is "federal" and of no other nation."""
    return bool(_OF_AMERICA.search(text) or (_FEDERAL.search(text) and not _ANOTHER_NATION.search(text)))


#: A building's word right after a body's name: the building is named for it, no body is.
_A_BUILDING_NEXT = re.compile(r"[ \t]+Buildings?\b")
#: A capitalised word inside a line right before a name: "Special Joint" before "Oversight Committee".
_WORD_BEFORE = re.compile(r"(?<=[\w,;:\-–—(][ \t])(?P<word>[A-Z][a-z]+)[ \t]+$")
#: Words before a name that are no part of it.
_LEAD_INTO_A_NAME = frozenset(
    {"The", "This", "That", "These", "Those", "Our", "Its", "Their", "His", "Her", "And", "Or"}
)
#: What makes a body's short name ("the Government") the start of a longer one ("Congress of the
#: United States" is Congress still).
_OF_A_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?!United[ \t]+States\b)[A-Z]")
#: A committee's topic before "and the", and one word after it to the name's end: "Committee on
#: Education and the Workforce" is one committee.
_TOPIC_BEFORE = re.compile(r"\b(?:Sub)?[Cc]ommittee[ \t]+on[ \t]+[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)?$")
_ONE_WORD = re.compile(r"[A-Z][\w’'\-]*")
_ONE_HEAD = re.compile(rf"[A-Z][\w’'\-]*[ \t]+(?:{_ORG_HEADS})")
_AND_ANOTHER = re.compile(
    r"\s+and\s+(?:the\s+|(?=(?:Members|Chairmen|Chairs|Staff|Leaders|Officials)[ \t]+of\b))"
    rf"|(?:\b(?:{_ORG_HEADS})|(?<![\w.&-])[A-Z]{{2,6}})(?P<after_head>\s+and\s+)(?=[A-Z])"
    rf"|(?:\b(?:{_ORG_HEADS})|(?<![\w.&-])[A-Z]{{2,}})(?P<before>\s+(?:Before|Regarding|Concerning)\s+(?:the\s+)?)(?=[A-Z])"
    rf"|\b(?:{'|'.join(_GOV_HEADS)})(?P<next_body>[ \t]+)(?=(?:Federal|National|U\.S\.|United[ \t]+States)[ \t]+"
    rf"(?:[A-Z][\w’'\-]*[ \t]+(?:(?:and|of|for|on)[ \t]+)?){{0,5}}(?:{_ORG_HEADS})\b)"
)  # after a body's head word or its initials ("CNN and Puerto Rico's Center for …"), another body; a
# heading's "Tennessee Valley Authority Before the Environment and Public Works Committee", two; a
# heading's "Public Safety and Homeland Security Bureau Federal Communications Commission" (a body's
# head word, then a nation's body), two


def _head_noun(name: str) -> str:
    """The word that says what kind of body a name names: its last before "for", "of" or "on"
    ("United States District Court for the Northern District of Ohio": Court)."""
    return re.split(r"[ \t]+(?:for|of|on)[ \t]+", name, maxsplit=1)[0].split()[-1]


def _strip_leading(text: str, start: int, end: int, titles: bool = True) -> tuple[int, str]:
    """Drop a leading article or sentence-initial word that is not part of a name (nor a title
    before a name, unless ``titles`` is false: "Chief Justice" is one title)."""
    span = text[start:end]
    lead = rf"|(?:{_TITLES})[ \t]+(?:(?:of|for|on)[ \t]+)?" if titles else ""
    m = re.match(rf"(?:(?:The|the|A|An|an|a|Then|then|Former|former|{_LEAD_WORDS})[ \t]+{lead})+", span)
    if m:
        start += m.end()
    return start, text[start:end]


#: Words that open a sentence and join it to the one before, which no name begins with.
_CONNECTIVES = frozenset(
    {"Though", "Although", "While", "When", "Whereas", "But", "And", "As", "Because", "Since", "If", "Yet"}
    | {"So", "Still", "Meanwhile", "However", "Also", "Then", "Now", "Later", "Instead", "Moreover"}
    | {"Furthermore", "Nonetheless", "Nevertheless", "Indeed", "Thus", "Hence", "Finally", "Today"}
)


_MONTH_DAY = re.compile(
    r"[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"[ \t]+\d{1,2}\b"
)


def _before_a_day(text: str, start: int, name: str) -> str:
    """A name read up to a month that begins a date: "Former Army Secretary John Marsh May 02, 2007" is
    John Marsh's (a month and its day after a name, no surname)."""
    words = name.split()
    last = name.rindex(words[-1]) if words else 0
    if len(words) > 2 and _MONTH_DAY.match(" " + name[last:] + text[start + len(name) : start + len(name) + 8]):
        return name[:last].rstrip()
    return name


def _past_role_words(start: int, name: str) -> tuple[int, str]:
    """A name without the words of a title it begins with ("Chief Investigator Andy Arena" read
    from "Chief": "Investigator" is the title's; "Special Counsel Todd Flood"), nor a word that joins
    its sentence to the one before ("Though Bingaman said …")."""
    while (
        (words := name.split())
        and len(words) > 1
        and (
            _ROLE_WORD.fullmatch(words[0])
            or words[0] in _CONNECTIVES
            or (len(words) > 2 and _ROLE_WORD.fullmatch(words[1]) and words[0].isalpha())
        )
    ):  # ("Chief Political Correspondent Michael Aron": "Political" is the title's too)
        cut = name.index(words[1], len(words[0]))
        start, name = start + cut, name[cut:]
    return start, name


def names_alone(names: Iterable[str], text: str = "") -> frozenset[str]:
    """People's names of two words or more, and their surnames, and a surname ``text`` writes alone
    after a title ("Rep. DeGette's Opening Statement"): what a document gives on its own, which
    :func:`before_a_verb` may cut a longer reading back to."""
    full = {n for n in names if len(n.split()) > 1}
    return frozenset(full | {person_surname(n) for n in full} | _titled_surnames(text))


@functools.lru_cache(maxsize=4)
def _titled_surnames(text: str) -> frozenset[str]:
    """The surnames ``text`` writes alone after a title, read once for the finder and the parse's
    entities alike."""
    return frozenset(m["surname"] for m in _TITLED_SURNAME.finditer(text))


#: A surname alone after a title: "Rep. DeGette's", "Senator Whitehouse said".
_TITLED_SURNAME = re.compile(
    rf"(?<![\w.])(?:{_TITLES})[ \t]+(?P<surname>[A-Z][a-z]*[A-Z]?[a-z’'\-]+)(?=[’']s\b|[ \t]+[a-z]|[,.;:]|$)", re.M
)


def before_a_verb(text: str, named: Collection[str], verbs: Collection[str]) -> str:
    """A person's name the model ran on into a Title Case verb: "Tony Yarber Reflects on Time in
    Office", "Reeves Requests Emergency Federal Declaration". Cut only where what comes before the
    verb is a name the document gives on its own ("Tony Yarber", or "Reeves" of "Tate Reeves"), as
    many surnames are verbs too ("Reeves", "Brooks", "Waters"). ``verbs``: the base forms of verbs
    (the model's lemmatizer's; none where the text was not parsed)."""
    words = text.split()
    i = _verb_after_a_name(words, named, verbs)
    if i is None:
        return text
    head = " ".join(words[:i])
    return text[: text.index(words[i - 1], len(head) - len(words[i - 1])) + len(words[i - 1])]


def after_a_verb(text: str, named: Collection[str], verbs: Collection[str]) -> int:
    """Where a name the pattern ran back into a headline's name and verb starts after them: "Cisneros
    Introduces Bipartisan I Am Vanessa Guillén Act" names the act from "Bipartisan" (see
    :func:`before_a_verb`); 0 where no such verb stands in it."""
    words = text.split()
    i = _verb_after_a_name(words, named, verbs)
    if i is None or i == len(words) - 1:
        return 0
    at = 0
    for w in words[: i + 1]:
        at = text.index(w, at) + len(w)
    return at + len(text[at:]) - len(text[at:].lstrip())


def _verb_after_a_name(words: list[str], named: Collection[str], verbs: Collection[str]) -> int | None:
    """The index of the last word that is a verb in the third person ("Reflects", "Requests") and
    follows a name the document gives on its own."""
    for i in range(len(words) - 1, 0, -1):
        head = " ".join(words[:i])
        word = words[i].lower()
        stem = word[:-2] if word.endswith("es") and word[:-2] in verbs else word[:-1]
        if head in named and word.endswith("s") and stem in verbs:
            return i
    return None


def _trim_name(name: str) -> str:
    """Cut a captured name at the first word that cannot be part of a name."""
    words = name.split()
    kept: list[str] = []
    for w in words:
        if w.rstrip(",") in _NAME_STOP:
            break
        if (owner := re.fullmatch(r"(.+)[’']s", w)) is not None:
            kept.append(owner.group(1))  # "Senator Ted Cruz's Amicus": the name ends at its possessive
            break
        kept.append(w)
    while kept and re.fullmatch(r"[A-Z]\.", kept[-1]):
        kept.pop()
    if not kept or not name.startswith(kept[0]):
        return ""
    # the kept words as they stand in the text, whatever blanks are between them ("Lloyd J.  Austin III")
    found = re.match(r"\s+".join(re.escape(w) for w in kept), name)
    return found.group(0) if found is not None else ""


def find_mentions(
    doc: Document,
    gaz: Gazetteer,
    known: dict[str, Entity] | None = None,
    people: Sequence[tuple[int, int]] = (),
    verbs: Collection[str] = (),
    chambers: Collection[str] = (),
) -> MentionResult:
    """All mentions in ``doc``, sorted by offset, and the entities first seen in it.

    ``known`` holds the entities introduced by documents read before this one, so that a surname
    can resolve to a person another document named in full.
    """
    return _Finder(doc, gaz, known or {}, people, verbs, chambers).run()


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations in ``text``: curly marks opened and closed, straight ones paired
    in order within a paragraph.

    >>> quotations('“One,” he said. "Two."')
    [(0, 6), (16, 22)]
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^“”]*”", text)]
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        marks = [para.start() + i for i, c in enumerate(para.group(0)) if c == '"']
        if len(marks) % 2 and not para.group(0)[: marks[0] - para.start()].strip():
            # a paragraph of a quotation that goes on into the next opens with a mark and does not
            # close: the marks inside it pair among themselves ('"… President Obama called "the …"')
            spans.append((marks[0], para.end()))
            marks = marks[1:]
        spans += list(zip(marks[::2], [b + 1 for b in marks[1::2]], strict=False))
    return spans


def _blank_quotations(text: str, offset: int, quoted: list[tuple[int, int]]) -> str:
    """``text`` (at ``offset`` in the document) with the quotations in it blanked out."""
    chars = list(text)
    for a, b in quoted:
        for i in range(max(a, offset), min(b, offset + len(text))):
            chars[i - offset] = " "
    return "".join(chars)


#: A preposition right before a name: the name is its object ("the remedy against Holmes"), and may
#: not be whom the next "he" is (a subject the text names, the model may find only later).
_AFTER_PREPOSITION = re.compile(r"\b(?:against|to|for|with|about|from|on|into|toward|towards|over)[ \t]+$")


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a headline with words before ``at``: five words or more,
    nearly all capitalised, and no full stop at its end (a roster's line opens on the name: "Jane Roe,
    President, Natural Resources Defense Council")."""
    a, b = line_around(text, at)
    if not text[a:at].strip(" \t•*-–"):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", text[a:b])
    small = {"a", "an", "and", "the", "of", "to", "in", "on", "for"}
    big = sum(w[0].isupper() for w in words if w.lower() not in small)
    return len(words) >= 5 and big >= 0.8 * len(words) and not text[a:b].rstrip().endswith((".", "!", "?", "”", '"'))


#: Initials, then a surname, right after a name read (on its line or the next, hard-wrapped): the name
#: goes on there ("Colonel Norman\nF. J. Allen III", "General William (Butch) H. Graham").
_WRAPPED_ON = re.compile(r"[ \t]*\n?[ \t]*(?!U\.S\.)[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)*[A-Z][a-z]")

#: Words a case's name is cited in short ("Surgey v. Envtl. Prot. Agency", "Sierra Club v. Dep't of
#: Transp."), which end no name.
_CITED_SHORT = re.compile(
    r"(?:Envtl|Prot|Dep[’']t|Ass[’']n|Comm[’']n|Admin|Fed|Nat[’']l|Gov[’']t|Servs?|Int[’']l|Mgmt|Hosp|Educ"
    r"|Transp|Auth|Bd|Cnty|Dist|Univ|Sec|Ins|Mut|Elec|Pharm|Chem|Indus|Mfg|Ry|Tel|Commc[’']ns|Prods|Sys"
    r"|Tech|Res|Dev|Hous|Urb|Soc|Fin|Ctr|Cmty|Coal|Org|Inst|Pub|Util|Corr|Dep[’']ts|Agric|Emp|Lab)\."
)
#: A body's head word right after a name, and an "of" before its title: "Department of Justice Civil
#: Rights Division" (the title "Justice" inside a body's name).
_HEAD_NEXT = re.compile(rf"[ \t]+(?:{_ORG_HEADS})\b")
#: What follows a titled name, or ends it, that makes it the name of a place or an institution named
#: for someone ("Lord Mayor Treloar College", "Governor Bent Elementary").
_NAMED_FOR_NEXT = re.compile(
    r"[ \t]+(?:College|School|Academy|Hospital|Institute|University|Foundation|Trust|Memorial|Library|Building"
    r"|Bridge|Airport|Park|Elementary|High[ \t]+School|Middle[ \t]+School)\b"
)
#: A word before "Justice" that makes it a field's name, not a judge's title ("Civil Justice",
#: "Criminal Justice", "Juvenile Justice", "Racial Justice").
_FIELD_OF_JUSTICE = re.compile(
    r"(?<![\w.])(?!(?:Chief|Associate|Lord|Lady|Acting|Former|Retired|Then|The|Mr|Mrs|Ms|Madam|Honorable|Honourable|Hon|Court)\b)"
    r"[A-Z][a-z]+[ \t]+\Z"
)
_OF_BEFORE = re.compile(r"\bof[ \t]+(?:the[ \t]+)?\Z")
#: What runs into a body's name from the line above or an infobox's label: "For Immediate Release\n
#: Office of Public Affairs", "Department Jennings Police Department" (a head word alone, before a
#: name that ends on the same head word).
_LEAD_BEFORE_A_NAME = re.compile(
    r"(?i:for[ \t]+immediate[ \t]+release)[\s:]+(?=[A-Z])"
    r"|(?P<head>Department|Office|Agency|Bureau|Division)[ \t]+(?!(?:Of|For|On|And|The)\b)(?=[A-Z][^\n]*\b(?P=head)$)"
)
#: A member's description before a body's name: "senior Republican on the Energy and Commerce Committee",
#: "Member of the Board of Directors".
_MEMBER_ON = re.compile(
    r"(?:(?:Republican|Democrat|Member|Independent|Minority|Majority)[ \t]+on|Members?[ \t]+of)[ \t]+"
    r"(?:the[ \t]+)?(?=[A-Z])"
)
#: A sentence that opens on a participle of which the name after it is the object: "Addressing X, he …".
_ADDRESSED = re.compile(
    r"(?:^|[.!?][\"”’)]*\s+|\n)[A-Z][a-z]+ing[ \t]+(?:to[ \t]+)?(?:the[ \t]+)?(?:[A-Z][\w.]*[ \t]+)*$"
)
#: A line that opens with a dateline's place in capitals: where a name run over the line before ends.
_DATELINE_AFTER = re.compile(r"[ \t]*\n[A-Z]{3,}(?:,?[ \t]+[A-Z]{2,}\.?)*(?=[ \t]*(?:,|–|—|-|\(|$))")
#: A capitalised word right before a surname: its bearer's given name, or a title.
_GIVEN_BEFORE = re.compile(r"(?<![\w.])(?P<given>[A-Z][a-z]{1,15})[ \t]+$")
#: The first word of the sentence after a break, where it is capitalised.
_SENTENCE_OPENS = re.compile(r"(?:^|[a-z0-9])[.!?][\"”’)]*\s+(?P<word>[A-Z][\w’'\-]*)")
#: Words a sentence opens with that name no one.
_SENTENCE_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "During",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "His",
        "Her",
        "Their",
        "As",
        "When",
        "While",
        "According",
        "But",
        "And",
        "However",
        "Also",
        "Since",
        "Under",
        "With",
        "Without",
        "For",
        "From",
        "By",
        "Of",
        "To",
        "Then",
        "There",
        "Here",
        "Today",
        "Yesterday",
        "Earlier",
        "Later",
        "Last",
        "Next",
        "Over",
        "Following",
        "Because",
        "Although",
        "If",
        "Once",
        "Until",
        "We",
        "Our",
        "I",
        "My",
        "You",
        "They",
        "He",
        "She",
        "Both",
        "Each",
        "Such",
    ]
)
#: "The White House" is no legislature's house.
_NOT_A_CHAMBER = frozenset({"White"})
#: A state's legislature's chambers share the federal one's one-word names.
_STATE_CHAMBERS = frozenset({"Senate", "House"})
#: A publisher that names a state but is no state body: a federal court or office in the state, a
#: company or school named for it ("United States District Court for the Northern District of Texas").
_NOT_A_STATE_BODY = re.compile(r"United States|U\.S\.|\bUS\b|Federal|National|Universit|\bInc\b|Compan|Corporation")
#: States' names but "Washington", which is also the federal capital's.
_STATE_NAME = re.compile(r"\b(?:" + "|".join(s for s in _US_STATES.split("|") if s != "Washington") + r")\b")


def state_publisher(publisher: str) -> bool:
    """Whether a document's publisher is a state's body ("Office of the Lieutenant Governor of Texas",
    "Massachusetts General Court"): its bare "Senate" is then the state's."""
    return bool(_STATE_NAME.search(publisher)) and not _NOT_A_STATE_BODY.search(publisher)


_PROSE_WORDS = re.compile(r"(?<![\w’'-])(?!(?:of|and|the|for|on|to|in|a|an)\b)[a-z][a-z’'-]+")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs (a page's narrow column: three
    lines or more, most of them prose) read as spaces, offsets unchanged. A block of names one to a
    line (a roster, an address) is left as it is."""
    out = list(text)
    for block in re.finditer(r"[^\n](?:[^\n]|\n(?!\s*\n))*", text):
        lines = block.group().split("\n")
        prose = sum(len(_PROSE_WORDS.findall(line)) >= 2 for line in lines)
        if len(lines) >= 3 and 2 * prose >= len(lines):
            for i in range(block.start(), block.end()):
                if text[i] == "\n" and i > 0 and text[i - 1].isalpha() and not _STARTS_ANEW.match(text, i + 1):
                    out[i] = " "
    return "".join(out)


#: A line that begins a sentence or a heading of its own: "The committee …", "At a Glance".
_STARTS_ANEW = re.compile(r"(?:The|A|An|At|In|On|This|That|These|Those|Our|We|Why|What|How|It|For|To)\b")


def named_for_another(text: str, name: str, besides: Collection[str] = (), publisher: str = "") -> bool:
    """Whether ``text`` gives a one-word body's name (a word, not initials: "Senate") to another body
    of that name too, a capitalised word before it inside a sentence ("the Texas Senate", "the State
    Senate"): the name alone is then not the gazetteer's body anywhere in the text. In a state's own
    document (its ``publisher`` a state's body) a bare "Senate" or "House" is the state's."""
    if " " in name or not name[1:].islower():
        return False
    if name in _STATE_CHAMBERS and state_publisher(publisher):
        return True
    for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
        other = _ANOTHER_BODY.search(text, max(0, m.start() - 40), m.start())
        if other is not None and other.group().strip(" \t‘“'\"") not in {"States", *besides}:  # "United States Senate"
            return True
    return False
