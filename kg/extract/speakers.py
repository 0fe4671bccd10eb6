"""Who speaks in a document: the person, or the body, whose words its body is.

A statement, a letter, testimony or a speech names its speaker in its opening lines (a byline, "Testimony
of …", "X's written testimony", a letter's signature), or the body speaks as "We, the …". In some kinds
of document the speaker speaks from end to end; in others only in the first person.
"""

from __future__ import annotations

import re

from kg.extract.entities import CORPORATE
from kg.extract.events import Mentions
from kg.extract.parse import noun_lemmas, verb_lemmas
from kg.mentions import gerund_of_a_verb
from kg.model import AGENT_KINDS, PEOPLE, Document, Mention
from kg.sentences import line_around

#: Quotation marks that open a quotation.
_OPEN = '“"'

#: Kinds of document in which the author speaks in the first person (``kind`` in the metadata).
_SPOKEN = frozenset({"testimony", "statement", "letter", "speech", "remarks", "interview"})


#: A body naming itself as "we": "We, the Flint Water Advisory Task Force, offer …".
_WE_THE = re.compile(r"\bWe,[ \t]+(?:the[ \t]+)?")
_CLOSING = re.compile(
    r"(?m)^[ \t]*(?:Sincerely|Respectfully(?: yours)?|Yours (?:truly|sincerely)|Best regards|Regards),[ \t]*$"
)


def document_speaker(doc: Document, mentions: Mentions, nouns: frozenset[str] = frozenset()) -> str | None:
    """Who says "I" in ``doc``: the metadata's ``speaker``; the body that names itself "We, the …";
    or, in testimony, a statement, a letter or a speech, the person its opening lines name (the
    byline)."""
    if doc.meta.speaker:
        return doc.meta.speaker
    for m in _WE_THE.finditer(doc.text):
        body = next((x for x in mentions.within(m.end(), m.end() + 200) if x.start == m.end()), None)
        if body is not None and mentions.kind(body) in {"Agency", "Organization"}:
            return body.key  # "We, the Flint Water Advisory Task Force (FWATF), offer …"
    attributed = _attributed(doc, mentions)
    if attributed is not None:
        return attributed  # "Statement (Attributable to Greg Roe, GSA Spokesperson)"
    headed = _remarks_head(doc, mentions)
    if headed is not None:
        return headed  # "Chairman Bill Shuster (R-PA)\n…\nOpening Statement\n(Remarks as Prepared)"
    if doc.meta.kind not in _SPOKEN:
        # a release that sets a person's remarks below its lead; or one its publisher speaks in as "we"
        return _below(doc, mentions) or _publisher_as_we(doc, mentions)
    if doc.meta.kind == "letter":
        # A letter opens on its addressee ("The Honorable X … Dear X:"); who writes signs it.
        close = _CLOSING.search(doc.text)
        signer = next((m for m in mentions.items if close is not None and close.end() <= m.start < close.end() + 80
                       and mentions.kind(m) in {"Person", "Official"}), None)  # fmt: skip
        return signer.key if signer is not None else None
    signer = signed_off(doc, mentions)
    if signer is not None:
        return signer.key  # "“…” / – State Attorney Katherine Fernandez Rundle": whose words the quotation was
    head = min(len(doc.text), 400)
    addressed = [g.span() for g in _ADDRESS.finditer(doc.text, 0, head)]
    people = [m for m in mentions.items if m.start < head and mentions.kind(m) in {"Person", "Official"}
              and not any(a <= m.start < b for a, b in addressed)]  # fmt: skip
    introduced = _introduced(doc, mentions)
    if introduced is not None:
        return introduced  # "Good morning Chairman X, Ranking Member Y … My name is Jane Roe": not X
    byline = next((w for w in people if _BY_ABOVE.search(doc.text, max(0, w.start - 60), w.start)), None)
    if byline is not None:
        return byline.key  # "Statement on … Regarding the Bernard Madoff Fraud\n\nby\n\nChairman Mary L. Schapiro"
    # "Below is Acting Director Ronald L. Rowe, Jr.’s written testimony", "Testimony of Jane Roe":
    # whose statement the opening lines say it is, before anyone the title names
    # "Remarks by the President Nominating Sylvia Mathews Burwell": whom a heading is about
    about = {w.start for w in people if _about_after_a_verb(doc.text[max(0, w.start - 60) : w.start])}
    for who in people:
        after = doc.text[who.end : who.end + 40]
        before = doc.text[max(0, who.start - 60) : who.start]
        if (owner := _OWNS_STATEMENT.match(after)) is not None and owner["noun"].lower() in nouns:
            return who.key
        if who.start in about:
            continue
        if (by := _STATEMENT_OF.search(before)) is not None and by["noun"].lower() in nouns:
            return who.key
    people = [
        w for w in people if not _TOPIC_BEFORE.search(doc.text, max(0, w.start - 60), w.start) and w.start not in about
    ]
    # (nor one the opening sentence tells of: "this morning Sir Martin Moore-Bick published the report")
    people = [w for w in people if not _TOLD_OF.match(doc.text, w.end)]
    if people:
        return people[0].key  # (not whom "CBC Statement on Tyre Nichols" is about)
    # "MARYLAND TRANSPORTATION AUTHORITY’S STATEMENT ON …": a heading naming the body whose statement it is
    headed = _body_heading(doc, mentions)
    if headed is not None:
        return headed
    # "The Milken Institute School of Public Health … issued the following statement": a body too
    for m in _FOLLOWING.finditer(doc.text, 0, min(len(doc.text), 800)):
        line_start = doc.text.rfind("\n", 0, m.start()) + 1
        subject = [x for x in mentions.within(line_start, m.start()) if mentions.kind(x) in _SPEAKERS]
        if subject:
            return subject[0].key
    return _body_as_we(doc, mentions) or _publisher_as_we(doc, mentions)


def _body_as_we(doc: Document, mentions: Mentions) -> str | None:
    """ "The County of Maui continues to stand in steadfast support … We continue to regard …": a
    statement whose first paragraph opens on a body's name, and that speaks as "we" outside its
    quotations, is that body's."""
    if doc.meta.kind != "statement":
        return None
    for m in mentions.items:
        if m.start >= _HEAD_PARAGRAPH:
            break
        line_start = doc.text.rfind("\n", 0, m.start) + 1
        line_end = doc.text.find("\n", m.start)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
        if mentions.kind(m) not in {"Agency", "Organization"} or doc.text[line_start : m.start] not in {"", "The "}:
            continue
        if len(line) < 120:
            continue  # a heading ("County affirms its cooperation …"), not the statement's first paragraph
        unquoted = re.sub(r"“[^”]*”", "", doc.text)
        return m.key if re.search(r"\b(?:We|we)\b", unquoted) else None
    return None


#: Kinds of document a body publishes in its own voice: its "we" outside quotations is the body's.
_PUBLISHED = frozenset({"statement", "press-release", "report-summary"})


def _plain_name(name: str) -> str:
    name = CORPORATE.sub("", " ".join(name.split())).strip(" .,")
    name = re.sub(r"(?i)^(?:the[ \t]+)?(?:u\.s\.|united[ \t]+states)[ \t]+", "", name)
    return name.lower().removeprefix("the ")


def _publisher_as_we(doc: Document, mentions: Mentions) -> str | None:
    """ "We are encouraged by the progress we've made …" in a release that Southwest Airlines Co.
    publishes and that names "Southwest Airlines": the body the metadata's ``publisher`` names
    (:func:`publisher_body`), where the text speaks as "we" outside quotations."""
    if doc.meta.kind not in _PUBLISHED:
        return None
    unquoted = re.sub(r"“[^”]*”?|\"[^\"]*\"?", "", doc.text)
    return publisher_body(doc, mentions) if re.search(r"\b(?:We|we)\b", unquoted) else None


def publisher_body(doc: Document, mentions: Mentions) -> str | None:
    """The one body the text names that the metadata's ``publisher`` names too, by its name or by its
    initials ("Southwest Airlines" of "Southwest Airlines Co."; "GAO" of "U.S. Government
    Accountability Office (gao.gov)"). The publisher's words after a comma name a part of it ("U.S.
    Department of Transportation, Office of Inspector General"): the part first."""
    if not doc.meta.publisher:
        return None
    name = doc.meta.publisher.split(" (")[0]
    for words in reversed([name, *name.split(", ")[1:]]):
        plain = _plain_name(words)
        initials = "".join(w[0] for w in plain.split() if w not in {"of", "the", "and", "for", "on"}).upper()
        bodies = [x for x in mentions.items if mentions.kind(x) in {"Agency", "Organization"}]
        named = {x.key for x in bodies if _plain_name(x.text) == plain}
        if not named:  # (its name before its initials: "Office of Inspector General" over a bare "OIG")
            named = {x.key for x in bodies if len(initials) > 2 and x.text == initials}
        if len(named) == 1:
            return named.pop()
    return None


#: How far into a statement its first paragraph may open.
_HEAD_PARAGRAPH = 600


#: A heading that names a body's statement: "X’s Statement on …", "Statement of the X".
_BODY_STATEMENT = re.compile(
    r"(?im)^[ \t]*(?:(?P<own>[^\n’']{3,100})[’']s[ \t]+statement\b|statement[ \t]+(?:of|from|by)[ \t]+(?:the[ \t]+)?"
    r"(?P<of>[^\n:]{3,100}?)[ \t]*(?::|$))"
)


def _body_heading(doc: Document, mentions: Mentions) -> str | None:
    """The body a heading at the head of the text names as the statement's ("MARYLAND TRANSPORTATION
    AUTHORITY’S STATEMENT ON …"): the one body the text names by those words, in any case."""
    for m in _BODY_STATEMENT.finditer(doc.text, 0, min(len(doc.text), 400)):
        words = " ".join((m["own"] or m["of"]).split()).lower().removeprefix("the ")
        bodies = {x.key for x in mentions.items if mentions.kind(x) in {"Agency", "Organization"}
                  and " ".join(x.text.split()).lower().removeprefix("the ") == words}  # fmt: skip
        if len(bodies) == 1:
            return bodies.pop()
    return None


#: Who may speak: people and bodies, not an unnamed group.
_SPEAKERS = AGENT_KINDS - {"Group"}


#: "… Rowe, Jr.’s written testimony", "… Roe's prepared remarks".
_OWNS_STATEMENT = re.compile(r"[’']s[ \t]+(?:(?:written|prepared|opening|full)[ \t]+)?(?P<noun>[A-Za-z]+)")
#: "Testimony of Acting Director …", "Statement by Senator …": a statement noun, its "of" or "by", and
#: the titles before the name.
#: A byline's "by" ending a line, then the name (and its title) on the next: "by\n\nChairman Mary L.
#: Schapiro" (a "by" on a line of its own may be joined to the title's line before it).
#: A statement's topic before a name in its heading: "Statement on", "Remarks Regarding the Death of",
#: "Address to the Nation on the Loss of Space Shuttle Columbia".
_TOPIC_BEFORE = re.compile(
    r"(?i)\b(?:statement|remarks|testimony|letter|address|speech)"
    r"(?:[ \t]+to[ \t]+the[ \t]+(?:nation|people|country|congress|parliament|house|senate))?"
    r"[ \t]+(?:on|about|regarding|concerning|in[ \t]+memory[ \t]+of)"
    r"(?:[ \t]+(?:the[ \t]+)?(?:death|killing|passing|loss|shooting|case)[ \t]+of)?[ \t]+$"
)
#: A heading's verb in "-ing" right before a name (or before its given names, where the mention is the
#: surname): the name is what the heading is about ("Nominating Sylvia Mathews Burwell").
_VERB_ING_BEFORE = re.compile(r"\b(?P<verb>[A-Z][a-z]{2,}ing)[ \t]+(?:[A-Z][\w.’'-]*[ \t]+){0,3}$")


def _about_after_a_verb(before: str) -> bool:
    """Whether the words before a name end on a heading's verb in "-ing" (and the name's given names):
    "Nominating", not a title ("Acting Chief", "Ranking Members") nor a noun ("Hearing", "Briefing")."""
    m = _VERB_ING_BEFORE.search(before)
    if m is None:
        return False
    verb = m["verb"]
    if verb in _NOT_VERBS or verb.lower() in noun_lemmas():
        return False
    return gerund_of_a_verb(verb, verb_lemmas())


#: "-ing" words before a name that are titles, not verbs.
_NOT_VERBS = frozenset({"Acting", "Ranking", "Presiding", "Managing", "Visiting", "Reporting", "Outgoing"})
_BY_ABOVE = re.compile(r"(?i)\bby[ \t]*:?[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:[A-Z][\w.’'-]*[ \t]+){0,3}$")
_STATEMENT_OF = re.compile(
    r"\b(?P<noun>[A-Za-z]+)(?:[ \t]+as[ \t]+(?:[Dd]elivered|[Pp]repared))?[ \t]+(?:of|by)[ \t]+"
    r"(?:(?:[A-Z][\w.’'-]*|of|the|for)[ \t]+){0,6}$"
)


#: Kinds of document in which the speaker speaks from end to end.
SPOKEN_THROUGHOUT = frozenset({"testimony", "speech", "remarks"})


#: What announces the speaker's words: "delivered the following remarks", "issued the following statement".
_FOLLOWING = re.compile(
    r"\b(?:delivered|issued|gave|released|made|submitted)[ \t]+the[ \t]+following[ \t]+"
    r"(?:opening[ \t]+|prepared[ \t]+)?(?:remarks|statement|testimony|speech|address|response)\b"
)
#: What announces a speaker's words below it, ending its line: "Below are his remarks as prepared for delivery:".
_BELOW = re.compile(
    r"(?im)\b(?:below|following)[ \t]+(?:are|is)[ \t]+(?:his|her|their|the)[ \t]+(?:(?:full|prepared|opening)[ \t]+)?"
    r"(?:remarks|statement|testimony)(?:[ \t]+as[ \t]+(?:prepared[ \t]+for[ \t]+delivery|delivered))?[ \t]*[:.]?[ \t]*$"
)


#: A line that heads a speaker's words: "Opening Statement", "(Remarks as Prepared)".
_REMARKS_LINE = re.compile(
    r"(?im)^[ \t(]*(?:(?:opening|prepared|written)[ \t]+(?:statement|remarks|testimony)"
    r"|(?:remarks|statement|testimony)[ \t]+as[ \t]+(?:prepared(?:[ \t]+for[ \t]+delivery)?|delivered))[ \t)]*$"
)


def _remarks_head(doc: Document, mentions: Mentions) -> str | None:
    """The person named on a short line of the few above a line that heads their words ("Chairman
    Bill Shuster (R-PA)" over "Committee on …", "Hearing on …", a date and "Opening Statement"): the
    nearest (not a title's "Remarks by … on … Purdue Pharma" over "Remarks as Prepared for Delivery");
    or, where none is above, the one named on the line right below it."""
    for m in _REMARKS_LINE.finditer(doc.text, 0, min(len(doc.text), 2500)):
        above = m.start()
        for _ in range(5):
            above = doc.text.rfind("\n", 0, max(0, above - 1))
            if above < 0:
                above = 0
                break
        people = [x for x in mentions.within(above, m.start()) if mentions.kind(x) in {"Person", "Official"}
                  and _short_line(doc.text, x.start)]  # fmt: skip
        if people:
            return people[-1].key
        # "Opening Remarks\nThe Honorable Sean O'Keefe\n…": the name on the line right below
        below = doc.text.find("\n", m.end() + 1)
        below = len(doc.text) if below < 0 else below
        people = [x for x in mentions.within(m.end(), below) if mentions.kind(x) in {"Person", "Official"}
                  and _short_line(doc.text, x.start)]  # fmt: skip
        if len(people) == 1:
            return people[0].key
    return None


def _short_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a short one, as a name on its own line is (with its title),
    and no sentence ("Senator McCain will preside.")."""
    start, end = line_around(text, at)
    return end - start <= 60 and re.search(r"[a-z]{3}\.[ \t]*$", text[start:end]) is None


def _below(doc: Document, mentions: Mentions) -> str | None:
    """ "Chairman X today issued prepared remarks … Below are his remarks as prepared for delivery:": the
    one person the paragraph names before the words that set their remarks below."""
    found = _set_below(doc, mentions)
    return found[0] if found is not None else None


def words_below(doc: Document, mentions: Mentions, speaker: str) -> int:
    """Where the words a release sets below its lead for ``speaker`` begin (0: from the start)."""
    found = _set_below(doc, mentions)
    return found[1] if found is not None and found[0] == speaker else 0


def _set_below(doc: Document, mentions: Mentions) -> tuple[str, int] | None:
    """The person whose words a release sets below its lead, and where they begin."""
    for m in _BELOW.finditer(doc.text, 0, min(len(doc.text), 1500)):
        paragraph = max(0, doc.text.rfind("\n\n", 0, m.start()))
        people = {x.key for x in mentions.within(paragraph, m.start()) if mentions.kind(x) in PEOPLE}
        if len(people) == 1:
            return next(iter(people)), m.end()
    # "FirstEnergy Corp. today issued the following statement from Chief Executive Officer Charles E.
    # Jones:" and the statement below: the one person named after "from"
    for m in _STATEMENT_FROM.finditer(doc.text, 0, min(len(doc.text), 1500)):
        people = {x.key for x in mentions.within(m.start("whose"), m.end()) if mentions.kind(x) in PEOPLE}
        if len(people) == 1:
            return next(iter(people)), m.end()
    return None


#: A verb in the past after a name: the name is whom a sentence tells of, not the byline's.
_TOLD_OF = re.compile(
    r"[ \t]+(?:(?:has|had|have)[ \t]+)?[a-z]{2,}ed\b|[ \t]+(?:said|made|gave|told|wrote|spoke|took)\b"
)
#: "… issued the following statement from Chief Executive Officer Charles E. Jones:", at a paragraph's end.
_STATEMENT_FROM = re.compile(
    r"(?im)\b(?:the[ \t]+)?following[ \t]+(?:statement|remarks)[ \t]+(?:from|by)[ \t]+(?P<whose>[^\n:]{3,120}):[ \t]*$"
)


#: A statement's heading that names whose words it is: "Statement (Attributable to Greg Roe, Spokesperson)".
_ATTRIBUTABLE = re.compile(r"(?im)^[^\n]{0,60}\battributable[ \t]+to[ \t]+")


def _attributed(doc: Document, mentions: Mentions) -> str | None:
    """The person a heading says a statement is "attributable to", named right after it."""
    for m in _ATTRIBUTABLE.finditer(doc.text, 0, min(len(doc.text), 600)):
        named = next((x for x in mentions.within(m.end(), m.end() + 80) if x.start == m.end()), None)
        if named is not None and mentions.kind(named) in {"Person", "Official"}:
            return named.key
    return None


#: A byline: "By Chairman Robert Sumwalt" on a line of its own.
_BYLINE = re.compile(r"(?m)^[ \t]*By[ \t]+(?=[A-Z])")


def signed_by(doc: Document, speaker: str, mentions: Mentions) -> bool:
    """Whether a statement or a post opens with the speaker's byline ("By Chairman Robert Sumwalt"),
    or with the speaker delivering "the following remarks" and no quotation after them: its author
    then speaks from end to end, as in testimony."""
    if _below(doc, mentions) == speaker or _attributed(doc, mentions) == speaker:
        return True  # "… Below are his remarks as prepared for delivery:": the remarks follow, on any page
    if doc.meta.kind not in _SPOKEN:
        return False
    # "Congressman X delivered the following remarks at …" and no quotation after: the remarks follow
    for m in _FOLLOWING.finditer(doc.text, 0, min(len(doc.text), 800)):
        line_start = doc.text.rfind("\n", 0, m.start()) + 1
        after = re.match(r"[^\n]*\n\s*(?:[^\n“\"]*:[ \t]*\n\s*)?(?P<first>\S)", doc.text[m.end() :])
        said_by = any(x.key == speaker for x in mentions.within(line_start, m.start()))
        if said_by and after is not None and after["first"] not in _OPEN:
            return True
    for m in _BYLINE.finditer(doc.text, 0, min(len(doc.text), 400)):
        line_end = doc.text.find("\n", m.end())
        line = mentions.within(m.end(), line_end if line_end >= 0 else len(doc.text))
        if any(x.key == speaker for x in line):
            return True
    if (signer := signed_off(doc, mentions)) is not None and signer.key == speaker:
        return True  # a statement that ends on its author's dashed sign-off is theirs from end to end
    if _introduced(doc, mentions) == speaker:
        return True  # "My name is Jane Roe and I am …": a witness's or a speaker's own words throughout
    # "Acting Chief Jane Roe issues statement about …": a heading that names its speaker issuing it
    for m in _ISSUES.finditer(doc.text, 0, min(len(doc.text), 400)):
        line_start = doc.text.rfind("\n", 0, m.start()) + 1
        if any(x.key == speaker for x in mentions.within(line_start, m.start())):
            return True
    # "Authorized statement of Governor of Puerto Rico, Ricardo Rosselló:": a heading that names the
    # statement and, at its end, its speaker
    for m in _HEADED.finditer(doc.text, 0, min(len(doc.text), 400)):
        named = mentions.within(m.start(), m.end())
        if named and named[-1].key == speaker and not doc.text[named[-1].end : m.end()].strip(" \t:."):
            return True
    # "Opening Statement / Chairman Christopher Shays": a statement's heading, its speaker's line under it
    for m in _STATEMENT_HEADING.finditer(doc.text, 0, min(len(doc.text), 400)):
        next_end = doc.text.find("\n", m.end() + 1)
        text = doc.text[m.end() + 1 : next_end if next_end >= 0 else len(doc.text)]
        named = mentions.within(m.end() + 1, m.end() + 1 + len(text))
        if any(x.key == speaker and not text[x.end - m.end() - 1 :].strip() for x in named):
            return True
    return _body_heading(doc, mentions) == speaker  # a body's statement is its words from end to end


#: A statement's sign-off: its last line, a dash and who said it ("– State Attorney Jane Roe").
_SIGN_OFF = re.compile(r"(?m)^[ \t]*[–—-][ \t]*(?P<who>[^\n]{3,120}?)[ \t]*\Z")


def signed_off(doc: Document, mentions: Mentions) -> Mention | None:
    """The person a statement's closing dashed line names, where the words above it end a quotation
    ("… safe in their homes.”" then "– State Attorney Katherine Fernandez Rundle")."""
    if doc.meta.kind not in _SPOKEN or doc.meta.kind == "letter":
        return None
    m = _SIGN_OFF.search(doc.text.rstrip())
    if m is None or not doc.text[: m.start()].rstrip().endswith(("”", '"')):
        return None
    named = [x for x in mentions.within(m.start("who"), m.end("who")) if mentions.kind(x) in {"Person", "Official"}]
    return named[0] if len(named) == 1 else None


#: A greeting of those addressed, to its sentence's end: "Good morning, Chairman Graves, Ranking Member
#: Larsen, and Members of the Committee.", "Dear Chairman X:", "Thank you, Madam Chair": not who speaks.
_ADDRESS = re.compile(
    r"(?im)^[ \t]*(?:good[ \t]+(?:morning|afternoon|evening)|thank[ \t]+you|dear|hello)\b[^.!?:\n]*[.!?:]?"
    # "Chairman Camp, Ranking Member Levin, and Members of the Committee, thank you for …"
    r"|^[^.!?:\n]{0,200}?\band[ \t]+(?:distinguished[ \t]+)?members[ \t]+of[ \t]+the[^.!?:\n]*"
    # "Chairman Kline, thank you for …", "Chairwoman Roe, I appreciate the opportunity …"
    r"|^[^.!?:\n,]{0,80},[ \t]+(?=(?:thank[ \t]+you|I[ \t]+appreciate|it[ \t]+is[ \t]+an?[ \t]+honou?r)\b)"
)


#: A speaker introducing themself: "My name is Jane Roe", "I am Jane Roe," (a name right after).
_MY_NAME = re.compile(r"\b(?:[Mm]y[ \t]+name[ \t]+is|I[ \t]+am|I’m|I'm)[ \t]+")
#: A heading line that has its speaker issue the statement: "Acting Chief X issues statement about …".
_ISSUES = re.compile(
    r"(?m)\b(?i:issues|releases|delivers|gives|makes|issued|released)[ \t]+(?i:an?[ \t]+|the[ \t]+)?"
    r"(?i:following[ \t]+)?(?i:(?:opening|prepared|closing|keynote)[ \t]+)?(?i:statement|remarks)\b[^\n]*$"
)


def _introduced(doc: Document, mentions: Mentions) -> str | None:
    """The person who introduces themself at the head of a text ("My name is Gregory Monahan and I
    am the acting Chief of …"), if one does."""
    for m in _MY_NAME.finditer(doc.text, 0, min(len(doc.text), 1200)):
        named = next((x for x in mentions.within(m.end(), m.end() + 60) if x.start == m.end()), None)
        if named is not None and mentions.kind(named) in {"Person", "Official"}:
            return named.key
    return None


#: A line that heads a statement and names whose it is: "Statement of Chairman X:", "Remarks by Y",
#: "Remarks as Delivered by Secretary of Energy Z".
_HEADED = re.compile(
    r"(?im)^[ \t]*(?:[A-Za-z]+[ \t]+){0,2}(?:statement|remarks|testimony)"
    r"(?:[ \t]+as[ \t]+(?:delivered|prepared)(?:[ \t]+for[ \t]+delivery)?)?[ \t]+(?:of|by|from)[ \t][^\n]*$"
)
#: A statement's heading on a line of its own: "Opening Statement", "Prepared Remarks", "Testimony".
_STATEMENT_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:opening|prepared|written|closing)[ \t]+)?(?:statement|remarks|testimony)[ \t]*:?[ \t]*$"
)


#: The words a line may hold besides a name to be a heading of whose words follow: a title's.
_HEADING_WORDS = re.compile(r"(?:(?:[A-Z][\w.’'&-]*|of|the|and|for|on|at|,)[ \t]*)*")
#: A sentence of the speaker's ended at a line's end: words said before the next one's heading.
_SAID_BEFORE = re.compile(r"[.!?][”\"’']?[ \t]*\n")
#: Lines that name someone without handing the words to them: a byline, an address, a contact.
_NOT_HANDED = re.compile(r"(?i)(?:by|from|to|cc|contact|attn|dear|photo|via|with|the[ \t]+honorable|honorable|hon\.)\b")


def handovers(doc: Document, mentions: Mentions, speaker: str) -> list[tuple[str, int]]:
    """(who, where) of each line after the speaker's own that names another person alone, with their
    title, over a paragraph: "NCAA President Mark Emmert" heads his words in a release that set the
    committee chair's first. From there on, the words are that person's, no longer the speaker's."""
    first = next((m.start for m in mentions.items if m.key == speaker), None)
    if first is None:
        return []
    out: list[tuple[str, int]] = []
    for m in mentions.items:
        if m.start <= first or m.key == speaker or m.rule == "pronoun" or mentions.kind(m) not in PEOPLE:
            continue
        a, b = line_around(doc.text, m.start)
        if out and out[-1][1] == a:
            continue
        rest = f"{doc.text[a : m.start]} {doc.text[m.end : b]}".strip()
        rest = rest.removesuffix(":").strip()
        if (
            len(doc.text[a:b].split()) > 12
            or not doc.text.startswith("\n\n", b)  # a paragraph of its own, before the words
            or not _HEADING_WORDS.fullmatch(rest)
            or _NOT_HANDED.match(doc.text[a:b].strip())
            or any(x.key != m.key and mentions.kind(x) in PEOPLE for x in mentions.within(a, b))
            or not _SAID_BEFORE.search(doc.text, first, a)  # (an addressee's block before the words: no one's turn)
        ):
            continue
        out.append((m.key, a))
    return out
