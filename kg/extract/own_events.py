"""A document's own event: what the document is, told by its head and its metadata.

A testimony is its witness's testimony of the day its head states; a statement its speaker's
statement of its day; a court text headed as an opinion, a decision or an order the court's order of
its day; a report's release, where no words name who released it, its maker's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.dates import DateMention, stated_day
from kg.extract.claims import statement_key
from kg.extract.events import Mentions, evidence
from kg.extract.rules_base import document_day, short_hash
from kg.extract.speakers import signed_off
from kg.model import Document, Entity, Fact, Kind, Lit, Mention, Ref, date_lit
from kg.sentences import line_around

#: A testimony's head names it for what it is: "Testimony of …", "Statement Before the … Committee".
_TESTIMONY_WORD = re.compile(r"(?i)\b(?:(?:written|prepared|opening)[ \t]+)?(?:testimony|statement)\b")
#: The head of a text, where a testimony's heading, its witness and its day stand, and a page's date.
HEAD = 600


def _past_address(doc: Document) -> int:
    """Where a document's own words begin: past the "# source: …" line a stored page opens with."""
    return doc.text.find("\n") + 1 if doc.text.startswith("# source:") else 0


def own_testimony(
    doc: Document, speaker: str, dates: list[DateMention], facts: list[Fact], labels: dict[str, str]
) -> tuple[list[Entity], list[Fact]]:
    """A testimony's own event: the witness (the document's speaker) testified on the day its head
    states ("Statement Before the Senate Judiciary Committee / … / September 15, 2021"), which must be
    the document's date (not a tenure's "August 12, 2019 - March 31, 2022" under the name). None where
    an event already has the witness testifying."""
    if doc.meta.kind != "testimony":
        return [], []
    told = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Testimony")}
    if any(f.subject in told and f.predicate == "actor" and f.obj == Ref(speaker) for f in facts):
        return [], []
    start = _past_address(doc)
    word = _TESTIMONY_WORD.search(doc.text, start, min(len(doc.text), HEAD))
    day = document_day(dates, doc.meta.date, HEAD)
    if word is None or day is None:
        return [], []
    key = "event-testimony-" + short_hash(speaker, day.value)
    ev = evidence(doc, [word.span(), (day.start, day.end)])
    label = f"Testimony by {labels.get(speaker, speaker)}"
    rule = "event:Testimony"
    return [Entity(key, "Testimony", label)], [
        Fact(key, "type", Kind("Testimony"), ev, rule),
        Fact(key, "label", Lit(label), ev, rule),
        Fact(key, "actor", Ref(speaker), ev, rule),
        Fact(key, "date", date_lit(day.value), ev, rule),
    ]


#: A testimony's head that says before whom it was given: "Testimony of X Before the Committee on …".
_BEFORE = re.compile(r"(?i)\bbefore[ \t\n]+(?:the[ \t\n]+)?")
_RUNS_INTO_THE_HEAD = re.compile(r"(?i)\b(?:testimony|statement|remarks|prepared|written)\b")
#: A head's word on the line before "before": "Testimony of X Before …", "HEARING BEFORE THE …".
_HEAD_WORD = re.compile(
    r"\b(?:Testimony|Statement|Remarks|Prepared|Written|Hearing|TESTIMONY|STATEMENT|REMARKS|HEARING)\b"
)
#: A sentence of a testimony's that says it was given before the body: "X testified today before …".
_TESTIFIED = re.compile(r"(?i)\b(?:testif(?:ied|ies|y)|appear(?:ed|s))(?:[ \t]+today)?[ \t]+$")
#: Between two bodies named in a row: "Committee on Energy and Commerce, Subcommittee on …".
_BETWEEN_BODIES = re.compile(r"(?:[ \t]*,)?[ \t\n]*(?:(?:of|and)[ \t\n]+)?(?:the[ \t\n]+)?")
#: A body that holds hearings: a committee or subcommittee of a legislature, a commission, a panel.
_HEARING_BODY = re.compile(r"(?i)\b(?:committee|subcommittee|commission|panel|caucus)\b")


def testimony_hearing(
    doc: Document, mentions: list[Mention], dates: list[DateMention], facts: list[Fact], labels: dict[str, str]
) -> tuple[list[Entity], list[Fact]]:
    """The hearing a testimony was given at: a testimony (or a statement) whose head names the body it
    was given before ("Written Testimony of Mary Barra Before the House Committee on Energy and Commerce
    Subcommittee on Oversight and Investigations / April 1, 2014") tells that the body held a hearing on
    the day its head states, which must be the document's date. The body is the last of those named in
    a row (the subcommittee of the committee). None where an event already has a hearing that day."""
    day_text = stated_day(doc.meta.date)
    if doc.meta.kind not in {"testimony", "statement"} or day_text is None:
        return [], []
    start = _past_address(doc)
    before = _BEFORE.search(doc.text, start, min(len(doc.text), HEAD))
    day = document_day(dates, day_text, HEAD)
    if before is None or day is None:
        return [], []
    line = doc.text[line_around(doc.text, before.start())[0] : before.start()]
    if line.strip() and not _HEAD_WORD.search(line) and not _TESTIFIED.search(line):
        return [], []  # "… following yesterday's hearing before the Committee": a sentence, no head
    held = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Hearing")}
    if any(f.subject in held and f.predicate == "date" and f.obj == date_lit(day_text) for f in facts):
        return [], []
    bodies: list[Mention] = []
    at = before.end()
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < at or m.kind != "Agency":
            continue
        if m.start != at or (not _HEARING_BODY.search(m.text) and bodies):
            break
        bodies.append(m)
        gap = _BETWEEN_BODIES.match(doc.text, m.end)
        at = gap.end() if gap else m.end
    named = [m for m in bodies if _HEARING_BODY.search(m.text)]
    if not named or _RUNS_INTO_THE_HEAD.search(named[-1].text):
        # ("… Subcommittee on Digital Commerce and Consumer Protection Prepared Testimony of …": a name
        # run into the head's next words is no body's name to hang a hearing on)
        return [], []
    body = named[-1]
    key = "event-hearing-" + short_hash(body.key, day_text)
    ev = evidence(doc, [(before.start(), body.end), (day.start, day.end)])
    label = f"Hearing by {labels.get(body.key, body.text)}"
    rule = "event:Hearing"
    return [Entity(key, "Hearing", label)], [
        Fact(key, "type", Kind("Hearing"), ev, rule),
        Fact(key, "label", Lit(label), ev, rule),
        Fact(key, "actor", Ref(body.key), ev, rule),
        Fact(key, "date", date_lit(day.value), ev, rule),
    ]


#: A statement's head names it for what it is: "Statement of Inspector General X", "Remarks by …".
_STATEMENT_WORD = re.compile(r"(?i)\b(?:statement|remarks)\b")


def own_statement(
    doc: Document,
    speaker: str,
    dates: list[DateMention],
    facts: list[Fact],
    labels: dict[str, str],
    nouns: frozenset[str],
    mentions: Mentions,
) -> tuple[list[Entity], list[Fact]]:
    """A statement's own event: a document of the kind "statement" whose head calls it one
    ("Statement of Inspector General X", "… issued the following statement"), or that ends on its
    speaker's dashed sign-off ("– State Attorney Jane Roe") under the quotation, is its speaker's
    statement, made on the day its head states or, failing that, the day its metadata states (the
    date's rule says which). None where an event already has the speaker saying something that day."""
    day_text = stated_day(doc.meta.date)
    if doc.meta.kind != "statement" or day_text is None:
        return [], []
    said = {f.subject for f in facts if f.predicate == "type" and f.obj in (Kind("Statement"), Kind("Criticism"))}
    on_day = {f.subject for f in facts if f.subject in said and f.predicate == "date" and f.obj == date_lit(day_text)}
    if any(f.subject in on_day and f.predicate == "actor" and f.obj == Ref(speaker) for f in facts):
        return [], []
    start = _past_address(doc)
    words = _STATEMENT_WORD.finditer(doc.text, start, min(len(doc.text), HEAD))
    word: re.Match[str] | Mention | None = next((w for w in words if w.group(0).lower() in nouns), None)
    if word is None and (signer := signed_off(doc, mentions)) is not None and signer.key == speaker:
        word = signer  # the sign-off stands for the statement's word
    if word is None or any(d.start < HEAD and d.precision == "day" and d.value != day_text for d in dates):
        return [], []  # no statement's word; or its head tells of another day ("Last night, X issued …")
    day = document_day(dates, day_text, HEAD)
    key = statement_key(speaker, doc.meta.id, day_text)  # the release-day statement's, if the claims made one
    span = word.span() if isinstance(word, re.Match) else (word.start, word.end)
    ev = evidence(doc, [span])
    label = f"Statement by {labels.get(speaker, speaker)}"
    rule = "event:Statement"
    when = (
        Fact(key, "date", date_lit(day_text), evidence(doc, [span, (day.start, day.end)]), rule)
        if day is not None
        else Fact(key, "date", date_lit(day_text), ev, "document-day")
    )
    return [Entity(key, "Statement", label)], [
        Fact(key, "type", Kind("Statement"), ev, rule),
        Fact(key, "label", Lit(label), ev, rule),
        Fact(key, "actor", Ref(speaker), ev, rule),
        when,
    ]


#: A court text's head that says it decides: an opinion, a decision, or an order in capitals ("ORDER TO
#: SHOW CAUSE", "MEMORANDUM DECISION"); and one that says it is a party's filing, which does not.
_DECIDES = re.compile(r"\b(?:Opinion|OPINION|Decision|DECISION|ORDERS?)\b")
#: A judgment's own heading, a line that opens on the word ("Judgment (No.6) “Horizon Issues”", "Approved
#: Judgment"): not "Appeal from the Judgment of Sentence", nor a petition "For a Judgment Under Article 78".
_JUDGMENT_HEAD = re.compile(r"(?m)^[ \t]*(?:Approved[ \t]+)?(?:Judgment|JUDGMENT)\b")
_FILED_BY_A_PARTY = re.compile(
    r"(?i)\b(?:complaint|petition|plea agreement|prosecution agreement|sentencing memorandum|report)\b"
)
#: The court a case comes from, in a caption: "CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR …",
#: "APPEALS FROM THE UNITED STATES DISTRICT COURT …": not the court that decides.
_COURT_BELOW = re.compile(r"(?i)\b(?:certiorari|appeals?|review)[ \t]+(?:to|from)[ \t]+(?:the[ \t]+)?$")
#: How much of a court text its head is, where its caption and title stand.
_COURT_TITLE = 900


def own_court_order(
    doc: Document, mentions: list[Mention], facts: list[Fact], labels: dict[str, str]
) -> tuple[list[Entity], list[Fact]]:
    """A court text whose head says it is an opinion, a decision or an order (and not a party's
    complaint, petition, agreement or report) is the court's order of the day its metadata states:
    "ORDER TO SHOW CAUSE … Document 961 Filed 01/09/19". None where the text's own words give a court
    order already. The court is the one its head names, if it names one by a full name."""
    day = stated_day(doc.meta.date)
    if doc.meta.kind != "court" or day is None:
        return [], []
    start = _past_address(doc)
    head = doc.text[start : start + _COURT_TITLE]
    word = _DECIDES.search(head) or _JUDGMENT_HEAD.search(head)
    if word is None or (not re.match(r"(?i)opinion|decision", word.group(0)) and _FILED_BY_A_PARTY.search(head)):
        return [], []
    if any(f.predicate == "type" and f.obj == Kind("CourtOrder") for f in facts):
        return [], []  # its order is read already, dated as its text dates it
    named = {
        m.key: m
        for m in mentions
        if m.start < start + _COURT_TITLE
        and m.kind in {"Agency", "Organization"}
        and not _COURT_BELOW.search(doc.text, max(0, m.start - 40), m.start)
    }
    courts = {
        k: m
        for k, m in named.items()
        if re.search(r"\bCourt\b", name := labels.get(k, m.text)) and len(name.split()) >= 3
    }
    courts = _one_court(courts, labels)
    key = "event-court-order-" + short_hash(day, "", next(iter(courts)) if len(courts) == 1 else "")
    ev = evidence(doc, [(start + word.start(), start + word.end())])
    label = f"Court order of {day}"
    rule = "event:CourtOrder"
    out = [
        Fact(key, "type", Kind("CourtOrder"), ev, rule),
        Fact(key, "label", Lit(label), ev, rule),
        Fact(key, "date", date_lit(day), ev, "document-day"),
    ]
    if len(courts) == 1:
        court = next(iter(courts.values()))
        out.append(Fact(key, "actor", Ref(court.key), evidence(doc, [(court.start, court.end)]), rule))
    judge = _deciding_judge(doc, start, facts, labels)
    if judge is not None:
        out.append(Fact(key, "actor", Ref(judge.subject), judge.evidence, rule))
    return [Entity(key, "CourtOrder", label)], out


def _deciding_judge(doc: Document, start: int, facts: list[Fact], labels: dict[str, str]) -> Fact | None:
    """The one judge a court text's head names with the title ("HON. ANTHONY J. BATTAGLIA, UNITED STATES
    DISTRICT JUDGE", "JESSE M. FURMAN, United States District Judge:") or its docket line signs ("Signed
    by Judge Martin L.C. Feldman on 6/22/2010"): the order is that judge's too. None where the head
    names several (a panel, or a judge below whose order is reviewed)."""
    judges: dict[str, Fact] = {}
    for f in facts:
        if f.predicate != "holds" or not isinstance(f.obj, Ref):
            continue
        if not labels.get(f.obj.key, "").lower().endswith("judge"):
            continue
        where = f.evidence.start
        if start <= where < start + _COURT_TITLE or _SIGNED_BY.search(doc.text, max(0, where - 20), where + 1):
            judges.setdefault(f.subject, f)
    return next(iter(judges.values())) if len(judges) == 1 else None


_SIGNED_BY = re.compile(r"\bSigned by\s+(?:Judge\s+)?")


def _one_court(courts: dict[str, Mention], labels: dict[str, str]) -> dict[str, Mention]:
    """The courts a head names, as one where each name is a part of the fullest ("United States District
    Court" and "United States District Court Southern District of Texas"): that one."""
    if len(courts) < 2:
        return courts
    name = {k: " ".join(labels.get(k, m.text).lower().split()) for k, m in courts.items()}
    fullest = max(courts, key=lambda k: (len(name[k]), k))
    return {fullest: courts[fullest]} if all(name[k] in name[fullest] for k in courts) else courts


def published_reports(
    doc: Document, facts: list[Fact], publisher: Mention | None, kind_of: Mapping[str, str]
) -> list[Fact]:
    """A report summary's one released report no words name the maker of is its publisher's, where the
    text names the publisher (:func:`kg.extract.speakers.publisher_body`): the EPA Inspector General's
    page "Report #18-P-0239, September 4, 2018" that says "The EPA's Office of Inspector General …"."""
    if doc.meta.kind != "report-summary" or publisher is None:
        return []
    kinds = {f.subject: f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    released = {f.obj.key for f in facts if f.predicate == "object" and isinstance(f.obj, Ref)
                and kinds.get(f.subject) == "ReportRelease" and kind_of.get(f.obj.key) == "Report"}  # fmt: skip
    made = {f.subject for f in facts if f.predicate == "creator"}
    if len(released) != 1 or released & made:
        return []
    at = evidence(doc, [(publisher.start, publisher.end)])
    return [Fact(released.pop(), "creator", Ref(publisher.key), at, "publisher")]


def release_makers(facts: list[Fact]) -> list[Fact]:
    """A report's release no words name the releaser of is by the report's maker, where the same
    document names one ("The OIG conducted this audit" under a cover dated July 19, 2018): the
    actor, with the maker's words as its evidence."""
    kinds = {f.subject: f.obj.name for f in facts if f.predicate == "type" and isinstance(f.obj, Kind)}
    made: dict[str, Fact] = {}
    for f in facts:
        if f.predicate == "creator" and isinstance(f.obj, Ref) and f.rule != "possessive":
            made.setdefault(f.subject, f)  # (not "FSRI’s report", which another may have released)
    acted = {f.subject for f in facts if f.predicate == "actor"}
    out = []
    for f in facts:
        if f.predicate == "object" and isinstance(f.obj, Ref) and kinds.get(f.subject) == "ReportRelease":
            maker = made.get(f.obj.key)
            if maker is not None and f.subject not in acted:
                acted.add(f.subject)
                out.append(Fact(f.subject, "actor", maker.obj, maker.evidence, "report-maker", maker.stated_by))
    return out
