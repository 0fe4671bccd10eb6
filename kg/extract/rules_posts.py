"""Pattern rules for posts and organisations: who holds which post (and since when), posts named
with their organisation, parts of organisations, agencies that failed to coordinate.
"""

from __future__ import annotations

import itertools
import re

from kg.extract.patterns import (
    _AND_THE,
    _APPOSITION_GAP,
    _CLAUSE_STOP,
    _COORDINATION,
    _HOLDS_GAP,
    _LED,
    _LED_POST,
    _LED_SUBJECT,
    _NOT_TENURE,
    _ORGS,
    _PEOPLE,
    _SERVED_AS,
    _SUBORG_GAP,
    _TENURE_START,
    _TERM_LINE,
    _TITLE_GAP,
)
from kg.extract.positions import tenure_key
from kg.extract.relations import head_word
from kg.extract.rules_base import PatternRules
from kg.mentions import person_key, post_key, slug
from kg.model import (
    AGENT_KINDS,
    Mention,
    Ref,
    Span,
    date_lit,
)
from kg.name_patterns import _ORG_HEADS, _ROLE_WORD, _TITLES, _US_STATES

#: "Members include", "Its members are", "Members of the Task Force include": a list of people follows.
_MEMBERS = re.compile(
    r"\b(?:[Ii]ts[ \t]+|[Tt]he[ \t]+)?[Mm]embers[ \t]+(?:of[ \t]+(?:the[ \t]+)?(?P<body>[A-Z][^,.;]{2,80}?)[ \t]+)?"
    r"(?:include|included|are|were)[ \t]*:?[ \t]+"
)
#: Between two names of a list: a comma, "and", or both, and an honorific ("Dr.").
_LIST_GAP = re.compile(r"(?:[ \t]*,)?[ \t]*(?:and[ \t]+)?(?:(?:Dr|Mr|Ms|Mrs|Prof)\.[ \t]+)?")
#: Before a member's affiliation: "of the", "from", "at", or the words of a place after one.
_FROM = re.compile(r"[ \t]+(?:of|from|at|in)[ \t]+(?:the[ \t]+)?")
#: After an affiliation, before the next name: the rest of the affiliation's name, then the list's gap.
_AFTER_AFFILIATION = re.compile(r"(?:[ \t]+[A-Z][\w’'&\-]*)*" + _LIST_GAP.pattern)
#: A memorandum's "To:" or "From:" line holding a name only, and the line under it.
_MEMO_LINE = re.compile(
    r"(?m)^[ \t]*(?:To|From|TO|FROM|Through|THROUGH|Thru|THRU)[ \t]*:[ \t]*"
    r"(?P<name>[A-Z][a-z’'\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z’'\-]+)){1,3})[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"(?P<title>[A-Z][A-Za-z’'\-]*(?:[ \t]+(?:of|for|and|the|on|[A-Z][A-Za-z’'\-]*)){0,8})[ \t]*$"
)
#: A title that may head such a line: "Secretary of the Interior", "Assistant Inspector General for …".
_MEMO_TITLE = re.compile(
    rf"(?:(?:Acting|Deputy|Assistant|Associate|Principal|Chief|Senior|Special|Interim)[ \t]+)*(?:{_TITLES})\b"
)
#: A signature: a name (in capitals or not), then a title in capitals ending its line.
_SIGNATURE = re.compile(
    # at a line's start, or after a caption's heading in capitals on the same line ("… & ORDER Reed O'Connor")
    r"(?m)(?:^[ \t]*|(?<=[A-Z]{2}[ \t]))(?:(?:THE[ \t]+)?(?:HON\.|HONORABLE|Hon\.|Honorable)[ \t]+)?"
    r"(?P<name>[A-Z](?:[A-Za-z'’\-]+|\.)(?:[ \t]+[A-Z](?:[A-Za-z'’\-]*|\.)){1,3}?)"
    r"[ \t]*(?:,[ \t]*\n?[ \t]*|\n[ \t]*|[ \t]+)"
    r"(?P<title>(?:CHIEF )?(?:UNITED STATES |U\.S\. |CHIEF )?"
    r"(?:DISTRICT |CIRCUIT |MAGISTRATE |BANKRUPTCY |SENIOR )*JUDGE"
    r"|(?:Chief )?(?:United States |U\.S\. |Chief )?(?:District |Circuit |Magistrate |Bankruptcy |Senior )+Judge"
    r"|INSPECTOR GENERAL|(?:ACTING )?(?:ADMINISTRATOR|SECRETARY|DIRECTOR|ATTORNEY GENERAL)"
    # a transcript's appearances: "GEOFFREY S. BERMAN\nUnited States Attorney for the\nSouthern District …"
    r"|(?:Assistant )?(?:United States|U\.S\.) Attorney(?P<plural>s)?(?=[ \t]+for(?:[ \t]+the)?[ \t]*$|[ \t]*$))"
    r"(?:[ \t]+for(?:[ \t]+the)?)?[ \t]*\.?[ \t]*$"
)
#: Names in capitals on the lines above a plural title ("BY: REBEKAH A. DONALESKI\nNICOLAS T. ROOS\nAssistant
#: United States Attorneys"): each one holds it.
_NAME_LINE_ABOVE = re.compile(
    r"(?m)^[ \t]*(?:BY:[ \t]*)?(?P<name>[A-Z]+(?:[ \t]+(?:[A-Z]\.|[A-Z]{2,})){1,3})[ \t]*\n[ \t]*\Z"
)
#: A line of a roster: a name, with a courtesy or a rank before it, then its title and body after
#: commas, and nothing else but what a witness list adds after a bar ("Hon. Jennifer Homendy, Chair,
#: National Transportation Safety Board | Witness Testimony").
_RANKS = (
    r"(?:The[ \t]+)?Hon(?:orable|\.)|Mr\.|Ms\.|Mrs\.|Dr\.|(?:(?:Vice|Rear|Fleet)[ \t]+)?Admiral"
    r"|(?:(?:Major|Lieutenant|Brigadier|Lt\.|Maj\.|Brig\.)[ \t]+)?(?:General|Gen\.)|Colonel|Col\.|Captain|Capt\."
)
_ROSTER = re.compile(
    r"(?m)^[ \t]*(?:[•*·▪\-–][ \t]*)?(?:(?:" + _RANKS + r")[ \t]+)?"
    r"(?P<name>[A-Z][a-z’'\-]+(?:[ \t]+(?:[A-Z]\.|\([A-Z][a-z]+\)|[A-Z][a-z’'\-]+)){1,3}"
    r"(?:,[ \t]+(?:Jr|Sr)\.?)?),[ \t]+"
    r"(?P<title>[A-Z][^,\n|]{2,80}?),[ \t]+(?P<body>[A-Z][^\n|]{3,160}?)[ \t]*(?:\|[^\n]*)?$"
)
#: A roster's name on a line of its own and its title on the next, the body after a comma or on the line
#: after ("The Honorable Michael Roe / Director / Bureau of Safety and Environmental Enforcement").
_STACKED = re.compile(
    r"(?m)^[ \t]*(?:(?:" + _RANKS + r")[ \t]+)?"
    r"(?P<name>[A-Z][a-z’'\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z’'\-]+)){1,3})[ \t]*\n"
    r"[ \t]*(?P<title>[A-Z][^,\n|]{2,60}?)(?:,[ \t]+(?P<body>[A-Z][^\n|]{3,120}?))?[ \t]*"
    r"(?:\n[ \t]*(?P<next>[A-Z][^\n|]{3,120}?)[ \t]*)?$"
)
_ROSTER_NOT_A_TITLE = re.compile(rf"[’']s\b|\b(?:{_ORG_HEADS})\b")
#: Capitalised words of a caption or a heading that are no part of a name.
_NOT_A_NAME = frozenset({"THE", "OF", "AND", "ORDER", "OPINION", "MEMORANDUM", "COURT", "UNITED", "STATES", "BY"})


def _capitalised(word: str) -> str:
    """ "LEVY" as "Levy", "O'CONNOR" as "O'Connor"; a word already in mixed case as it is."""
    if not word.isupper() or len(word) <= 2:
        return word
    return re.sub(r"(?<=[’'])[a-z]|(?<=Mc)[a-z]", lambda c: c.group().upper(), word.capitalize())


#: Between the items of a list of names: ", ", " and ", ", or the ".
_LISTED = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?(?:the[ \t]+)?")


def _titled_list(text: str, person: Mention, post: Mention, ms: list[Mention]) -> bool:
    """ "Associate Attorney General Vanita Gupta, Assistant Attorney General for Civil Rights Kristen
    Clarke, and …": a person whose title stands right before their name, then a title, is a list of
    titled names; the title after the comma is the next person's, whether or not a name is found there."""
    if text[person.end : post.start] != ", ":
        return False  # "Rep. Jackie Speier, the Chairwoman of …": a description, no list's next title
    before = [m for m in ms if m.end <= person.start and m.kind == "Position"]
    return bool(before) and _TITLE_GAP.fullmatch(text[before[-1].end : person.start]) is not None


#: A post that acts, after "as": "seated next to other witnesses as the Chairman required them to
#: swear an oath" ("as" of manner, and the post is the clause's subject), no post served as.
_ACTS = re.compile(r"[ \t]+(?:said|says|told|asked|[a-z]+(?:ed|es)[ \t]+(?:them|him|her|us|me|it|that|the|to)\b)")


#: Between a name and "served as …", a subject of another clause: the name may not be who served
#: ("… before Magistrate Judge William V. Gallo. Dusek … admitted that he used his influence as …").
_AFTER_A_PREPOSITION = re.compile(r"\b(?:from|to|by|with|against|for|about|on)[ \t]+(?:the[ \t]+)?$")
_ANOTHER_SUBJECT = re.compile(r"\b(?:he|she|they|who)\b|[a-z]\.\s+[A-Z]")


#: The text before a title that makes it a possessor's: "its former President", "the company's
#: President", "its current CEO Elizabeth Holmes, and former President".
_POSSESSED_TITLE = re.compile(
    r"(?:\b(?:its|their|[a-z]+[’']s)[ \t]+|\b(?:its|their)[ \t]+[^.;:\n]{1,80},[ \t]+(?:and[ \t]+)?)"
    r"(?:(?:former|current|then|new|interim|acting|founding)[ \t]+)?$"
)

#: A legislature's chamber named alone: whose, the word does not say ("Senate President …").
_CHAMBERS = frozenset({"Senate", "House", "Assembly", "Legislature", "Council"})
#: After a title, the body it is of, in a roster's line: ", Amtrak", " and Chief Executive Officer, Amtrak".
#: A second title no nation's head holds with the first: a company's or an authority's president.
_CORPORATE_PAIR = re.compile(
    r"[ \t]+and[ \t]+(?:Chief[ \t]+Executive[ \t]+Officer|CEO|Chief[ \t]+Operating[ \t]+Officer|COO"
    r"|General[ \t]+Manager|Treasurer)\b"
)
_ANOTHER_BODY_AFTER = re.compile(
    r"(?:[ \t]+and[ \t]+(?:[A-Z][\w-]*[ \t]+){0,4}[A-Z][\w-]*)?,[ \t]+(?:the[ \t]+)?(?=[A-Z])(?!U\.S\.|United States)"
)
#: A capitalised word right before a title that is none of the words a national title takes
#: ("Former President", "When President"): a body the text names ("Theranos President", "USC interim
#: President").
_NAMED_BEFORE = re.compile(
    r"(?<![\w.’'-])(?!(?:Former|Then|Current|Acting|Interim|Outgoing|Incoming|Late|The|A|An|U\.S\.|US|American|"
    r"Mr\.|Madam|When|While|After|Before|Yesterday|Today|Tonight|Now|Later|Earlier|Also|And|But|So|Yet|In|On|At|"
    r"As|Since|Under|Meanwhile|Last|This|That|Both|If|Once|Until|By|For|With|From|Then-|Republican|Democratic|"
    r"Democrat|Independent|Senior|Junior|Ranking|Veteran|Longtime|Dear|Honorable|To|Cc)[ \t])([A-Z][\w&.’'-]*)[ \t]+"
    r"(?:(?:interim|acting|former|outgoing|incoming|new)[ \t]+)?$"
)


#: A second title joined to a first, then the body both are of: " and CEO of …", " and Chief Executive
#: Officer of the …".
_AND_TITLE_OF = re.compile(
    r"[ \t]+(?:and|&)[ \t]+(?:CEO|COO|CFO|Chief(?:[ \t]+[A-Z][a-z]+){1,2}|President|Chair(?:man|woman)?|Founder"
    r"|General[ \t]+Counsel)(?P<of>[ \t]+of[ \t]+(?:the[ \t]+)?)"
)  # (not "Vice President and Member of the Board of …": a member is of the board, not of the company)
#: A title with no word of its body: "President", "Attorney General" (not "U.S. Attorney General").
_BARE_TITLE = re.compile(
    r"(?!.*\b(?:United|States|U\.S\.|Federal|National|America))[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
)
#: A post's district after its title: " for the Western District of Virginia", " for the District of Massachusetts".
_FOR_A_DISTRICT = re.compile(
    r"[ \t]+for[ \t]+the[ \t]+(?P<district>(?:(?:Eastern|Western|Northern|Southern|Middle|Central)[ \t]+)?"
    rf"District[ \t]+of[ \t]+(?:{_US_STATES}|Columbia|Puerto[ \t]+Rico|Guam|the[ \t]+Virgin[ \t]+Islands)\b)"
)  # (a state's name, not two capitalised words: "District of Columbia Jessie K. Liu" is hers)
_LEGISLATOR = re.compile(r"Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Delegate")
#: After the body a verb of leading names: "to" and a verb, which make the verb an order given to the
#: body ("directed the Department of Homeland Security (DHS) to conduct …"), not a post held in it.
_ORDERED_TO = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?to[ \t]+[a-z]")

#: A noun of a change of post and whose it is, between a person and "as …": the post is the other's
#: ("May has accepted the resignation of Amber Rudd as Home Secretary").
_OF_ANOTHER = re.compile(
    r"\b(?:resignation|appointment|nomination|removal|dismissal|firing|departure|confirmation|election)[ \t]+of\b"
)
#: Between a body's name and its post's title: "USC interim President Wanda M. Austin".
_BODY_TITLE_GAP = re.compile(r"[ \t]+(?:(?i:interim|acting|former|then|outgoing|incoming)[ \t]+)?")


class PostRules(PatternRules):
    def national_body(self, post: Mention) -> str | None:
        """The body of the gazetteer's post a mention names by one capitalised word ("President": the
        United States'; not "U.S. President"), which the text may give another body; else None."""
        e = self.entity(post.key)
        if e is None or not e.known or _BARE_TITLE.fullmatch(self.text[post.start : post.end]) is None:
            return None
        return e.post_in

    def department_unnamed(self, home: str, title: str, holder: str) -> bool:
        """Whether the gazetteer's post a bare title names is a department's ("Attorney General": the
        Department of Justice's) that the text never names: then a state's attorney general, say, is
        as likely ("SACRAMENTO – Attorney General Becerra … a coalition of attorneys general")."""
        body, person = self.entity(home), self.entity(holder)
        if body is None or not body.department or (person is not None and person.known):
            return False  # (one the gazetteer knows, "Attorney General Jeff Sessions", is its official)
        if set(title.split()) & set(body.label.split()) - {"U.S.", "United", "States", "Department", "of", "the"}:
            return False  # "Homeland Security Secretary": the title names its department
        return not any(m.key == home for m in self.mentions)

    def state_titled(self, post: Mention, holder: Mention) -> bool:
        """Whether the text names the holder of the bare title ``post`` by a state's title too
        ("Washington State Attorney General Ferguson statement …" above "Attorney General Bob
        Ferguson today commented"): the title alone is then the state's, not the nation's the
        gazetteer knows."""
        title = self.text[post.start : post.end]
        surname = re.escape(holder.text.split()[-1])
        # ("Massachusetts Senator Elizabeth Warren" is the nation's senator; "State Senator X" the state's)
        named = r"State" if _LEGISLATOR.fullmatch(title) else rf"(?:{_US_STATES})(?:[ \t]+State)?|State"
        state = (
            rf"\b(?:{named})[ \t]+{re.escape(title)}[ \t]+"
            rf"(?:[A-Z][\w.’'-]*[ \t]+){{0,2}}{surname}\b"
        )
        return re.search(state, self.text) is not None

    def titles_next(self, post: Mention) -> bool:
        """ "Chairman Durbin, Ranking Member Grassley": a title right before a name is that name's (so
        is one with its district: "…, U.S. Attorney for the District of Columbia Jessie K. Liu")."""
        district = _FOR_A_DISTRICT.match(self.text, post.end)
        at = district.end() if district is not None else post.end
        return re.match(r"[ \t]+[A-Z][a-z’'\-]+\b(?![ \t]+of\b)", self.text[at : at + 40]) is not None

    def positions(self, s: Span, ms: list[Mention], by: str | None) -> None:
        # a mention read as a person's whose entity is no person's ("… in New Orleans, the President …":
        # the place) holds no post
        ms = [m for m in ms if not (m.kind in _PEOPLE and self.kind_of(m.key) not in {None, *_PEOPLE})]
        for a, b, c in zip(ms, ms[1:], ms[2:], strict=False):
            # "Chair of the House Committee on Transportation and Infrastructure Peter DeFazio"
            if (
                a.kind == "Position"
                and b.kind in _ORGS
                and c.kind in _PEOPLE
                and re.fullmatch(r"[ \t]+of[ \t]+(?:the[ \t]+)?", self.text[a.end : b.start])
                and re.fullmatch(r"[ \t]+", self.text[b.end : c.start])
            ):
                e = self.entity(a.key)
                key = a.key if e is not None and e.post_in == b.key else None
                key = key or self.post_in(self.label(a.key), b, (a.start, b.end), "title-of-body-name", by)
                self.fact(c.key, "holds", Ref(key), [(a.start, c.end)], "title-of-body-name", by)
        for a in ms:
            district = _FOR_A_DISTRICT.match(self.text, a.end) if a.kind == "Position" else None
            if district is None:
                continue
            # the first mention past the district (its place is a mention too)
            holder = next((m for m in ms if m.start >= district.end()), None)
            if (
                holder is not None
                and holder.kind in _PEOPLE
                and re.fullmatch(r"[ \t]+", self.text[district.end() : holder.start])
            ):
                # "U.S. Attorney for the Southern District of Ohio David M. DeVillers": the district's
                self.holds(holder, a, s, "title-district-name", by)
        for a, b in itertools.pairwise(ms):
            gap = self.text[a.end : b.start]
            if a.kind == "Position" and b.kind in _PEOPLE and _TITLE_GAP.fullmatch(gap):
                org = next((m for m in ms if m.start >= b.end), None)
                e = self.entity(a.key)
                if (
                    org is not None
                    and org.kind in _ORGS
                    and (e is None or e.post_in is None)
                    and re.fullmatch(r"[ \t]+of[ \t]+(?:the[ \t]+)?", self.text[b.end : org.start])
                ):
                    # "Director Chuck Sams of the National Park Service": the body after the name is the post's
                    key = self.post_in(self.label(a.key), org, (a.start, org.end), "title-name-of-body", by)
                    self.fact(b.key, "holds", Ref(key), [(a.start, org.end)], "title-name-of-body", by)
                    continue
                body = next((m for m in reversed(ms) if m.end <= a.start), None)
                if (
                    body is not None
                    and body.kind in _ORGS
                    and (e is None or (e.post_in is None and not e.known))
                    and re.fullmatch(
                        r"[ \t]+(?:(?:National|Legislative|Regional)[ \t]+)?", self.text[body.end : a.start]
                    )
                ):
                    # "Former Massey Energy CEO Don Blankenship": the body named before the title is the post's
                    key = self.post_in(self.label(a.key), body, (body.start, a.end), "body-title-name", by)
                    self.fact(b.key, "holds", Ref(key), [(body.start, b.end)], "body-title-name", by)
                    continue
                if (home := self.national_body(a)) is not None:
                    # A one-word title the gazetteer gives one body ("President": of the United States)
                    # is another body's where the text says so: "Theranos President Ramesh Balwani" is
                    # Theranos's; "its former President", "its CEO Elizabeth Holmes, and former
                    # President Balwani" are a possessor's the sentence does not settle.
                    named = (
                        body is not None
                        and body.kind in _ORGS
                        and _BODY_TITLE_GAP.fullmatch(self.text, body.end, a.start) is not None
                    )
                    if named and body is not None and body.text in _CHAMBERS:
                        continue  # "Senate President Karen E. Spilka": which legislature's, the word does not say
                    if named and body is not None and body.key != home:
                        key = self.post_in(self.text[a.start : a.end], body, (body.start, a.end), "body-title-name", by)
                        self.fact(b.key, "holds", Ref(key), [(body.start, b.end)], "body-title-name", by)
                        continue
                    before = self.text[max(s.start, a.start - 120) : a.start]
                    word = _NAMED_BEFORE.search(before)
                    if not named and (
                        self.state_titled(a, b)
                        or self.department_unnamed(home, self.text[a.start : a.end], b.key)
                        or _POSSESSED_TITLE.search(before)
                        or (word is not None and word[1] not in self.label(a.key).split())
                    ):
                        continue
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
                and not self.titles_next(b)
                and not _titled_list(self.text, a, b, ms)
            ):
                second = _AND_TITLE_OF.match(self.text, b.end)
                org = next((m for m in ms if m.start == second.end()), None) if second is not None else None
                e = self.entity(b.key)
                if second is not None and org is not None and org.kind in _ORGS and (e is None or e.post_in is None):
                    # "Ben Hatfield, President and CEO of International Coal Group": both titles the body's
                    title = self.text[b.start : second.start("of")].strip()
                    key = self.post_in(title, org, (b.start, org.end), "name-title-of-body", by)
                    self.fact(a.key, "holds", Ref(key), [(a.start, org.end)], "name-title-of-body", by)
                    continue
                self.holds(a, b, s, "name-title", by)
            elif a.kind == "Position" or b.kind != "Position":
                continue
            elif _SERVED_AS.search(self.text, max(s.start, b.start - 40), b.start) and not _ACTS.match(
                self.text, b.end
            ):
                # "Mr. Doe was confirmed in 2003 to serve a six-year term as a Commissioner": the
                # nearest person before the post, with no other person between.
                holder = next((m for m in reversed(ms) if m.end <= b.start and m.kind in _PEOPLE), None)
                if (
                    holder is not None
                    and b.start - holder.end <= 160
                    and not _ANOTHER_SUBJECT.search(self.text, holder.end, b.start)
                    and not _OF_ANOTHER.search(self.text, holder.end, b.start)
                    and not _AFTER_A_PREPOSITION.search(self.text, max(0, holder.start - 12), holder.start)
                ):  # ("accepted gifts from Leonard Francis …, while serving as Commander": the giver served not)
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
                if person is not None and self.titled_otherwise(person, {"president", "president-elect"}):
                    continue  # "the Newsom Administration … said Governor Newsom": a governor's, not a President's
                if person is not None and not any(x.key == person for x in self.mentions):
                    continue  # "the Trump Administration" in a text naming no Trump: the gazetteer's, no text's
                if person is not None and self.entity(post) is not None:
                    start = m.start - 9 + pre.index("incoming") if "incoming" in pre else m.start
                    self.fact(person, "holds", Ref(post), [(start, m.end)], "administration-name", by)

    def titled_otherwise(self, person: str, posts: set[str]) -> bool:
        """Whether the text sets a title other than ``posts`` right before a name of ``person``."""
        by_end = {m.end: m for m in self.mentions if m.kind == "Position"}
        for m in self.mentions:
            if m.key != person:
                continue
            title = by_end.get(m.start - 1) if self.text[m.start - 1 : m.start] == " " else None
            if title is not None and title.key not in posts:
                return True
        return False

    def holds(self, person: Mention, post: Mention, s: Span, rule: str, by: str | None) -> None:
        """A person holds a post; when the sentence dates the tenure, a Tenure with its begin and end."""
        if (home := self.national_body(post)) is not None:
            after = _ANOTHER_BODY_AFTER.match(self.text, post.end)
            if after is not None and not self.text.startswith(self.label(home), after.end()):
                return  # "Joseph H. Boardman, President and Chief Executive Officer, Amtrak": Amtrak's
            if _CORPORATE_PAIR.match(self.text, post.end):
                return  # "Tom Kilgore, President and Chief Executive Officer Tennessee Valley Authority"
        district = _FOR_A_DISTRICT.match(self.text, post.end)
        if district is not None:
            # "Joshua Levy, U.S. Attorney for the District of Massachusetts", "U.S. Attorney for the
            # District of Columbia Jessie K. Liu": the district's, one of many
            e = self.entity(post.key)
            label = f"{self.label(post.key)} for the {district['district']}"
            key = post_key(label, e.post_in if e is not None and e.post_in else "")
            self.mint(key, "Position", label, [(post.start, district.end())], rule)
            if e is not None and e.post_in:
                self.fact(key, "postIn", Ref(e.post_in), [(post.start, district.end())], rule, by)
            span = (min(person.start, post.start), max(person.end, district.end()))
            self.fact(person.key, "holds", Ref(key), [span], rule, by)
            return
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
        elif d.relation == "since" or (d.relation == "on" and self.starts_this_post(s, post)):
            begin = d.value
        elif d.relation == "until":
            end = d.value
        if (begin is None and end is None) or _NOT_TENURE.search(lead):
            return
        self.tenure(person.key, post.key, begin, end, [span, (d.start, d.end)], by)

    def starts_this_post(self, s: Span, post: Mention) -> bool:
        """Whether the sentence says a tenure of ``post`` began: a verb of starting, and no other post
        named after it ("Dr. Alton G. Keel, Jr., Associate Director of the Office of Management and
        Budget, was appointed Executive Director" begins the second post, not the first)."""
        verb = _TENURE_START.search(self.text, s.start, s.end)
        if verb is None:
            return False
        if verb.group() == "joined" and not re.search(r"\bas\b", self.text[verb.end() : s.end]):
            return False  # "Assistant Chief X joined the department in 2001": a body joined, not the post
        later = [m for m in self.in_sentence(s) if m.kind == "Position" and m.start >= verb.end()]
        return not any(m.key != post.key for m in later)

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

    def memo_headers(self) -> None:
        """A memorandum's header: "To: Deb Haaland / Secretary of the Interior", "From: Mark Lee Greenblatt
        / Inspector General". The line under the name, when it opens with a title, is the person's
        post, whole ("Assistant Inspector General for Investigations")."""
        for m in _MEMO_LINE.finditer(self.text):
            title = " ".join(m["title"].split())
            if not _MEMO_TITLE.match(title):
                continue
            name = " ".join(m["name"].split())
            person = next((x for x in self.mentions if x.start == m.start("name") and x.kind in _PEOPLE), None)
            if person is None:
                person = Mention(m.start("name"), m.end("name"), m["name"], "Official", person_key(name), "memo")
                if self.entity(person.key) is None:
                    self.mint(person.key, "Official", name, [(person.start, person.end)], "mention:memo")
            key = f"position-{slug(title)}"
            if self.entity(key) is None:
                self.mint(key, "Position", title, [m.span("title")], "mention:memo")
            self.fact(person.key, "holds", Ref(key), [(person.start, m.end("title"))], "memo-header", None)

    def signatures(self) -> None:
        """A judge's or an official's signature: a name and, after a comma or on the next line, a
        title in capitals ("JUDITH E. LEVY\nUNITED STATES DISTRICT JUDGE", "Reed O'Connor, UNITED
        STATES DISTRICT JUDGE"). The name is a person's, who holds the post the title names."""
        for m in _SIGNATURE.finditer(self.text):
            name = " ".join(_capitalised(w) for w in m["name"].split())
            if any(w.upper() in _NOT_A_NAME for w in m["name"].split()):
                continue
            title = " ".join(w.capitalize() for w in m["title"].split())
            person = Mention(m.start("name"), m.end("name"), m["name"], "Official", person_key(name), "signature")
            if self.entity(person.key) is None:
                self.mint(person.key, "Official", name, [(person.start, person.end)], "mention:signature")
            title = title[:-1] if m["plural"] else title  # "Assistant United States Attorneys": each one's
            key = f"position-{slug(title)}"
            self.mint(key, "Position", title, [m.span("title")], "mention:signature")
            post = Mention(m.start("title"), m.end("title"), m["title"], "Position", key, "signature")
            self.fact(person.key, "holds", Ref(post.key), [(person.start, post.end)], "signature", None)
            above = _NAME_LINE_ABOVE.search(self.text, max(0, m.start("name") - 60), m.start("name"))
            if m["plural"] and above is not None and not any(w in _NOT_A_NAME for w in above["name"].split()):
                other = " ".join(_capitalised(w) for w in above["name"].split())
                key2 = person_key(other)
                if self.entity(key2) is None:
                    self.mint(key2, "Official", other, [above.span("name")], "mention:signature")
                self.fact(key2, "holds", Ref(post.key), [(above.start("name"), post.end)], "signature", None)

    def rosters(self) -> None:
        """A roster's lines ("Vice Admiral Peter Gautier, Deputy Commandant for Operations, United States
        Coast Guard"): the person holds the title, in the first body the line names if the text knows
        it as one. Only where the title holds a title's word and the line names nothing else."""
        for m in _ROSTER.finditer(self.text):
            title = m["title"].strip()
            if (
                not _ROLE_WORD.search(title)
                or _ROSTER_NOT_A_TITLE.search(title)
                or any(x.start < m.end() and m.start("title") < x.end for x in self.mentions if x.kind in _PEOPLE)
            ):
                continue  # no title's word; a body's name ("U.S. Attorney's Office"); or more people after
            named = [x for x in self.mentions if m.start("name") <= x.start and x.end <= m.end("name")]
            if named and not all(x.kind in _PEOPLE for x in named):
                continue
            if named and (named[0].start, named[-1].end) == m.span("name"):
                person = named[0]
            else:  # none, or part of the name only ("H. Graham" of "William (Butch) H. Graham")
                name = " ".join(m["name"].split())
                person = Mention(m.start("name"), m.end("name"), name, "Official", person_key(name), "roster")
                if self.entity(person.key) is None:
                    self.mint(person.key, "Official", name, [m.span("name")], "mention:roster")
            body = next((x for x in self.mentions if m.start("body") <= x.start and x.end <= m.end("body")
                         and x.kind in _ORGS), None)  # fmt: skip
            at_body = body is not None and body.start == m.start("body")
            self.roster_holds(person.key, m.start("name"), title, m.start("title"), body if at_body else None)

    def stacked_rosters(self) -> None:
        """A hearing page's witness list: a name on its line, its title on the next, the body after a
        comma or on the line below ("Ray Roe / Vice President / BP America"): the person holds the
        title, in that body if the text knows it as one. Only a name the text reads as one person's,
        filling its line, and a title with a title's word and no body's name."""
        for m in _STACKED.finditer(self.text):
            title = m["title"].strip()
            if not _ROLE_WORD.search(title) or _ROSTER_NOT_A_TITLE.search(title):
                continue
            named = [x for x in self.mentions if m.start("name") <= x.start and x.end <= m.end("name")]
            if len(named) != 1 or named[0].kind not in _PEOPLE or (named[0].start, named[0].end) != m.span("name"):
                continue
            if any(x.start < m.end("title") and m.start("title") < x.end and x.kind in _PEOPLE for x in self.mentions):
                continue
            at = m.start("body") if m["body"] else m.start("next") if m["next"] else -1
            body = next((x for x in self.mentions if x.start == at and x.kind in _ORGS), None)
            self.roster_holds(named[0].key, m.start("name"), title, m.start("title"), body)

    def roster_holds(self, person: str, name_start: int, title: str, title_start: int, body: Mention | None) -> None:
        """A roster's person holds its title: in ``body``, if the line names one, or bare."""
        said = (title_start, title_start + len(title))
        if body is not None:
            key, end = self.post_in(title, body, said, "roster", None), body.end
        else:
            key, end = f"position-{slug(title)}", said[1]
            self.mint(key, "Position", title, [said], "mention:roster")
        self.fact(person, "holds", Ref(key), [(name_start, end)], "roster", None)

    def post_in(self, title: str, org: Mention, said: tuple[int, int], rule: str, by: str | None) -> str:
        """A post the text names by its title and organisation, minted with its ``postIn``; its key."""
        title = title.removesuffix(f", {self.label(org.key)}")  # a post this text named already: "Chief, Fraud Section"
        key = post_key(title, org.key)
        self.mint(key, "Position", f"{title}, {self.label(org.key)}", [said], rule)
        self.fact(key, "postIn", Ref(org.key), [(said[0], org.end)], rule, by)
        return key

    def tenure(
        self, person: str, post: str, begin: str | None, end: str | None, spans: list[tuple[int, int]], by: str | None
    ) -> None:
        key = tenure_key(person, post)
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

    def members(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "Members include Ken Sikkema of Public Sector Consultants, Chris Kolb of the …, and Dr.
        Lawrence Reynolds of …": each person of the list is a member, of the body the subject names
        ("Members of the Task Force include …") or of one left unnamed. A name in the list after
        anything but a comma, "and" or a body ("of the X") ends it."""
        for t in _MEMBERS.finditer(self.text, s.start, s.end):
            body = next((m for m in ms if m.kind in _ORGS and m.start == t.start("body")), None) if t["body"] else None
            if t["body"] and body is None:
                continue  # "Members of the public include …": of no body the text names
            title = "Member"
            key = self.post_in(title, body, t.span(), "members", by) if body else f"position-{slug(title)}"
            if body is None:
                self.mint(key, "Position", title, [t.span()], "members")
            at, gap_rx = t.end(), _LIST_GAP
            for m in ms:
                if m.start < at:
                    continue
                gap = self.text[at : m.start]
                if m.kind in _PEOPLE and gap_rx.fullmatch(gap):
                    post = Mention(t.start(), t.end(), t.group(0), "Position", key, "members")
                    self.fact(m.key, "holds", Ref(key), [(t.start(), t.end()), (m.start, m.end)], "members", by)
                    self.same_post_elsewhere(m, post, s, "members", by)
                    at, gap_rx = m.end, _LIST_GAP
                elif m.kind in _ORGS | {"Place"} and _FROM.fullmatch(gap):
                    # where the member comes from ("… of the Michigan Environmental Council"), and the
                    # rest of its name where the finder cut it short ("Public Sector Consultants")
                    at, gap_rx = m.end, _AFTER_AFFILIATION
                else:
                    break

    def led(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "he has led the Pandemic Response Accountability Committee": a person heads a body."""
        for a, b in itertools.pairwise(ms):
            if a.kind not in _PEOPLE or b.kind not in _ORGS:
                continue
            between = self.text[a.end : b.start]
            verb = _LED.search(between)
            if verb is None or not _LED_SUBJECT.fullmatch(between[: verb.start()]):
                continue
            if _ORDERED_TO.match(self.text, b.end):
                continue  # "Joe Biden directed the Department … to conduct a review": an order, no post
            start = a.end + verb.start("verb")
            key = self.post_in(_LED_POST[verb.group("verb")], b, (start, a.end + verb.end("verb")), "led", by)
            self.holds(a, Mention(start, b.end, self.text[start : b.end], "Position", key, "led"), s, "led", by)

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
                if possessive and _SUBORG_GAP.fullmatch(gap) and head_word(b.text) in self.unit_words:
                    # "the Agency's Office of …"; not "the Court's Supervisory Power", which is no body
                    self.fact(
                        b.key,
                        "subOrganizationOf",
                        Ref(a.key),
                        [(a.start, b.end)],
                        "possessive-org",
                        by,
                    )
                elif (
                    _SUBORG_GAP.fullmatch(gap)
                    and not possessive
                    and not (re.match(r"[ \t]+in[ \t]", gap) and head_word(a.text) not in self.unit_words)
                ):  # ("charges against Arthur Andersen LLP in the … District Court": a party in a court, no unit)
                    self.fact(
                        a.key,
                        "subOrganizationOf",
                        Ref(b.key),
                        [(a.start, b.end)],
                        "org-within-org",
                        by,
                    )

    def coordination(self, s: Span, ms: list[Mention], by: str | None) -> None:
        """ "DOJ did not coordinate with the U.S. Marshals Service or HHS": each body it failed."""
        for t in _COORDINATION.finditer(self.text, s.start, s.end):
            subj = self.agent_before(ms, t.start(), s)
            if subj is None or self.entity(subj.key) is None or subj.kind not in _ORGS:
                continue
            stop = _CLAUSE_STOP.search(self.text, t.end(), s.end)
            limit = stop.start() if stop else s.end
            # the bodies named right after the verb, and those listed with them ("with the U.S.
            # Attorney's offices, the U.S. Marshals Service, DHS, or DHHS"); not one named after
            # the clause goes on ("with local law enforcement, and failed to …,” said Chairman Paul")
            end = t.end()
            for o in ms:
                if o.start < end or o.end > limit:
                    continue
                between = self.text[end : o.start]
                first = end == t.end()
                if (first and (re.search(r"[,;:.”\"]", between) or len(between.split()) > 6)) or (
                    not first and not _LISTED.fullmatch(between)
                ):
                    break
                end = o.end
                if o.kind in AGENT_KINDS and o.key != subj.key:
                    self.fact(
                        subj.key,
                        "failedToCoordinateWith",
                        Ref(o.key),
                        [(subj.start, subj.end), (t.start(), t.end()), (o.start, o.end)],
                        "coordination",
                        by,
                    )
