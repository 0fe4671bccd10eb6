"""Entities the gazetteer does not know, from the model's named entities.

The pattern finder (:mod:`kg.mentions`) names what the gazetteer knows and what titles and
acronym definitions introduce; the model adds people, organisations, places and acts it reads
as names. A model's name is kept only where it looks like one: people need two capitalised
words, organisations a capital and no sentence-long run, and nothing overlaps a mention already
found (the gazetteer and the patterns win). Whether an organisation is a government body is read
from its words (``[entities] agency_words`` in the grammar: "Department", "Committee", ...).
A person's surname alone, later in the text, is the same person.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kg.extract.parse import FUNCTION_WORDS, Parse, Sentence, noun_lemmas, verb_lemmas
from kg.mentions import (
    another_given_name,
    before_a_verb,
    first_named,
    names_alone,
    namesake,
    opens_on_a_gerund,
    person_key,
    slug,
)
from kg.model import PEOPLE, Document, Entity, Mention
from kg.name_patterns import _DEFINITION, _FILING, _LOWER, _UPPER, STATE_CODES, STREETS, one_person, singular
from kg.name_patterns import surname as person_surname

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.extract.grammar import Grammar

_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "LAW": "Statute"}
#: The party before a member's state: "(D-Mass.)", "(R-N.C.)", "(I-Vt.)".
_PARTY_TAG = re.compile(r"\((?P<party>[A-Z]{1,3}-)?$")
#: A word of a person's name: "Smith", "Jean-Luc", "McCain", "DiBiase", "O’Keefe", an initial.
_NAME_WORD = re.compile(
    rf"(?:[{_UPPER}][{_LOWER}’']+(?:-[{_UPPER}{_LOWER}][{_LOWER}’']+)*|[A-Z]\.|[A-Z][a-z]{{1,2}}[A-Z][a-z]+"
    r"|O’[A-Z][a-z]+|O'[A-Z][a-z]+)"
)
#: Where initials stand for a body on their own (its subject, object, or a conjunct): not as a
#: modifier ("the EPA Region 5 administrator"), which the rules for posts and parts read.
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "conj", "appos", "attr", "dative"})
#: An organisation's initials, as the model reads them: "FAA", "NTSB", "DOT-OIG" is not.
ACRONYM = re.compile(r"[A-Z]{2,6}")
_TRIM_LEAD = re.compile(r"^(?:the|The|a|an)\s+")
_TRIM_TAIL = re.compile(r"(?:[’']s|[’'])$")
#: A rank's word at the end of a body's name, before a title: "NTEU National President", "SMART-TD
#: Legislative Director" (the title's words, not the body's).
_RANK_TAIL = re.compile(r"[ \t]+(?:National|Legislative|Regional|Executive|General)$")
_TITLE_NEXT = re.compile(r"[ \t]+(?:President|Director|Chair|Chairman|Chairwoman|Secretary|Representative|Counsel)\b")


def conjuncts(ent: Span) -> list[Span]:
    """The names one entity of the model's joins with "and" at its head: "CNN and Puerto Rico's
    Center for Investigative Journalism" is two organisations. Within a name the "and" joins words
    under its head ("the Department of Health and Human Services", "Texas Parks and Wildlife
    Department"), and a name of one plain word before it ("Procter and Gamble", "Health and Human
    Services") is taken as one name: only initials or a name of two words or more stand alone."""
    root = ent.root
    cc = next((t for t in root.children if t.dep_ == "cc" and ent.start < t.i < ent.end - 1), None)
    conj = next((t for t in root.children if t.dep_ == "conj" and cc is not None and t.i > cc.i), None)
    if cc is None or conj is None or conj.i >= ent.end or cc.i < root.i:
        return [ent]
    left = ent.doc[ent.start : cc.i]
    if len(left) and left[-1].is_punct:
        left = ent.doc[ent.start : cc.i - 1]
    right = ent.doc[cc.i + 1 : ent.end]
    words = [t for t in left if not t.is_punct]
    if not words or not right.text[:1].isupper():
        return [ent]
    if not (len(words) >= 2 or ACRONYM.fullmatch(left.text) or ACRONYM.fullmatch(right.text)):
        return [ent]  # ("Cerner and VA": a body's initials after "and" stand alone, as before it)
    from spacy.tokens import Span as Part

    return [
        Part(ent.doc, left.start, left.end, label=ent.label),
        Part(ent.doc, right.start, right.end, label=ent.label),
    ]


def model_mentions(
    doc: Document,
    parse: Parse,
    taken: list[Mention],
    entities: dict[str, Entity],
    grammar: Grammar,
    withheld: frozenset[str] = frozenset(),
) -> tuple[list[Mention], dict[str, Entity]]:
    """Mentions of the model's named entities that no earlier mention covers, and their entities.
    A name whose key is one of the gazetteer's ``withheld`` entities (which the gazetteer's pass
    did not find here) is not that entity: initials stand as initials, other names are left out."""
    titles = grammar.titles
    not_given = _not_given_names(titles)  # words before a surname that are no given name
    spans = sorted((m.start, m.end) for m in taken)
    new: list[Mention] = []
    minted: dict[str, Entity] = {}
    people: dict[str, dict[str, str]] = {}  # surname: the people named in full, key: name, in order

    def kind_of(key: str) -> str:
        e = entities.get(key) or minted.get(key)
        return e.kind if e is not None else "Person"

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in spans)

    for m in taken:  # surnames of the people already named resolve to them
        if m.kind in PEOPLE and len(m.text.split()) > 1:
            people.setdefault(person_surname(m.text), {}).setdefault(m.key, m.text)
    person_ends = tuple(
        sorted(
            {m.text for m in taken if m.kind in PEOPLE}
            | {e.text for sent in parse for e in sent.doc.ents if e.label_ == "PERSON"}
        )
    )
    named = names_alone(person_ends, doc.text)
    # names the model reads as places somewhere in the document, or that name a place already: a
    # place, wherever it reads them as a person's ("from Jackson Square in New Orleans, the President …")
    places = {m.text for m in taken if m.kind == "Place"} | {
        e.text for sent in parse for e in sent.doc.ents if e.label_ in {"GPE", "LOC"}
    }
    first = first_named(doc.text, taken)  # where each person is first named in full, and with what title
    for sent in parse:
        has_verb = any(t.pos_ in {"VERB", "AUX"} for t in sent.tokens)
        # the surnames of the people the model names in full in the sentence
        surnames = {e[-1].text for e in sent.doc.ents if e.label_ == "PERSON" and len(e) >= 2}
        headline = sent.headline
        for ent in (part for whole in sent.doc.ents for part in conjuncts(whole)):
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            if headline and not (
                kind == "Person" and all(t.pos_ == "PROPN" for t in ent) and ent[-1].lower_ not in FUNCTION_WORDS
            ):
                continue  # "Durbin Questions FBI Director Wray And …": in Title Case every word looks like a name
            text = ent.text
            a = sent.offset + ent.start_char
            lead = _TRIM_LEAD.match(text)
            if lead:
                a, text = a + lead.end(), text[lead.end() :]
            # Titles before a name are the post, not the name: "Secretary Eric Shinseki".
            words = text.split()
            while len(words) > 1 and (
                words[0] in titles or singular(words[0]) in titles or (kind == "Person" and words[0] in _PARTIES)
            ):
                # "Senators X"; "Plaintiff Mary Smith": a party's role before a name is no part of it
                cut = text.index(words[1], len(words[0]))
                a, text, words = a + cut, text[cut:], words[1:]
            tail = _TRIM_TAIL.search(text)
            if tail:
                text = text[: tail.start()]
            if words and words[-1] == "&":
                continue  # "Hamilton & others": a name cut at its "&"
            personal = _personal(text, grammar)
            if personal is not None:
                # "Ms K O'Raghallaigh", "T Moloney QC": a person's honorific or letters, which are no part
                # of the name
                a, text, kind = a + personal[0], personal[1], "Person"
            if text.count("(") > text.count(")"):
                text = text[: text.rfind("(")].rstrip()  # "International Coal Group (ICG": the name, not its bracket
            if "§" in text or "¶" in text or _in_a_citation(doc.text, a):
                continue  # "Florida Statute § 905.34", "[2019] EWHC 3408 (QB)": a citation's words, no name
            if text in _MONTH_SHORT or text in _FORMULAS or _PARTY_DISTRICT.fullmatch(text):
                continue  # "Jun 6", "Order to Show Cause", "(D-Lakewood)": no name
            if _BILL.fullmatch(text) and re.match(r"\.?[ \t]*\d", doc.text[a + len(text) : a + len(text) + 4]):
                continue  # "HB 6": a bill's number
            if _BILL_NUMBERED.fullmatch(text) or text in _FIRM_SUFFIXES:
                continue  # "HB 6", "H.R. 1": a bill, no body; "Marcum, LLP": a firm's suffix alone
            if len(words) >= 2 and words[-1] == "Conference" and words[-2] in _A_HEARINGS:
                continue  # "the Final Pretrial Conference": a court's meeting
            if (
                kind == "Organization"
                and (rank := _RANK_TAIL.search(text))
                and _TITLE_NEXT.match(doc.text, a + len(text))
            ):
                text = text[: rank.start()]  # "NTEU National President Tony Reardon": the title's, not the union's
            text = text.rstrip(" ,.;:") + ("." if re.search(r"\b[JS]r\.$", text) else "")  # ("… DiBiase Jr.")
            if kind == "Person":
                if opens_on_a_gerund(text, verb_lemmas()):
                    continue  # "Remarks by the President Nominating Sylvia Mathews Burwell": a headline's verb
                text = before_a_verb(text, named, verb_lemmas())
            b = a + len(text)
            if not text or not free(a, b) or doc.is_noise(a, b) or "\n" in text:
                continue
            if not has_verb and (b - a) > 0.6 * len(sent.text.strip()):
                continue  # a headline or a heading read as one name
            if _DEGREE.fullmatch(text) or text.rstrip(".") in grammar.title_abbreviations:
                continue  # "Governor Josh Green, M.D.": a degree after a name, no place; "Asst. U.S. Atty.": a title
            if kind == "Organization" and (_RELEASE_NEXT.match(doc.text, b) or _NUMBER_NEXT.match(doc.text, b)):
                continue  # "OCC News Release 2023–24": a paper's name, no body; "Social Security numbers"
            if _NUMBERED_HEADING.match(text):
                continue  # "I. What Happened": a heading, no name
            if kind == "Person" and (text in places or text.split()[0] in grammar.event_words):
                continue  # (see ``places``); "Superstorm Sandy" happened
            if kind == "Person" and set(text.split()) & grammar.craft_words:
                continue  # "Space Shuttle Columbia": a craft, no person
            if kind == "Person" and (text.split()[-1] in _PARTIES or _PARTY_NEXT.match(doc.text, b)):
                continue  # "Motion to Appoint Lead Plaintiff": a filing's words, no one's name
            if kind == "Place" and ent.root.dep_ == "compound" and ent.root.head.i >= ent.end:
                continue  # "USA Gymnastics", "Indianapolis Field Office": a place inside a name
            tag = _PARTY_TAG.search(doc.text, max(0, a - 6), a)
            if kind == "Place" and tag and (tag["party"] or doc.text[: tag.start()].rstrip().endswith(person_ends)):
                continue  # "Elizabeth Warren (D-Mass.)", "Thom Tillis (N.C.)": a member's state, no place named
            one = one_person(list(people[text].items()), doc.meta.title) if text in people else None
            if (
                len(text.split()) == 1
                and one is not None
                and not namesake(doc.text, a, first.get(one))
                and not another_given_name(doc.text, a, people[text][one], not_given)
            ):
                new.append(Mention(a, b, doc.text[a:b], kind_of(one), one, "model-surname"))
                spans.append((a, b))
                continue  # "Nassar" read as an organisation where the text named the person
            if (
                kind == "Organization"
                and _named_like_a_person(text, grammar)
                and (_beside_a_title(sent, ent, grammar) or (len(text.split()) == 2 and text.split()[-1] in surnames))
            ):
                # "The Secretary of the Interior, Deb Haaland, …": the model's organisation; "Mayra
                # Alvear lost her daughter Amanda Lizzette Alvear": the surname of a person it names by it
                kind = "Person"
            checked = _checked_kind(kind, text, grammar, doc.text)
            if (
                checked is None
                and kind == "Organization"
                and ACRONYM.fullmatch(text)
                and ent.root.dep_ in _ROLES
                and not _initials_of_a_paper(text, doc.text, grammar)
            ):
                key = acronym_key(text)  # "FAA" undefined here: another document may define it
                minted.setdefault(key, Entity(key=key, kind="Organization", label=text))
                new.append(Mention(a, b, doc.text[a:b], "Organization", key, "model-acronym"))
                spans.append((a, b))
                continue
            if checked is None:
                continue
            kind = checked
            key = _key(kind, text)
            if key in withheld:
                if not ACRONYM.fullmatch(text) or kind not in {"Agency", "Organization"}:
                    continue
                key = acronym_key(text)
                minted.setdefault(key, Entity(key=key, kind="Organization", label=text))
            known = entities.get(key) or minted.get(key)
            if known is None:
                minted[key] = known = Entity(key=key, kind=kind, label=text)
            new.append(Mention(a, b, doc.text[a:b], known.kind, key, f"model-{ent.label_.lower()}"))
            spans.append((a, b))
            if known.kind == "Person":
                people.setdefault(person_surname(text), {}).setdefault(key, text)
    # A surname alone, wherever no other mention stands, is the person named in full; not after a
    # title other than the one the person is named with ("President Biden", "First Lady Dr. Jill Biden").
    first = first_named(doc.text, [*taken, *new])
    for surname, by_key in sorted(people.items()):
        if (who := one_person(list(by_key.items()), doc.meta.title)) is None:
            continue
        for hit in re.finditer(rf"(?<![\w\-]){re.escape(surname)}(?![\w\-])", doc.text):
            a, b = hit.span()
            if namesake(doc.text, a, first.get(who)) or another_given_name(doc.text, a, by_key[who], not_given):
                continue  # (and "Founder: Takezo Takada" is not Shigehisa Takada)
            if free(a, b) and not doc.is_noise(a, b):
                new.append(Mention(a, b, surname, kind_of(who), who, "model-surname"))
                spans.append((a, b))
    return sorted(new, key=lambda m: (m.start, m.end)), minted


def _personal(text: str, grammar: Grammar) -> tuple[int, str] | None:
    """A name between a person's honorific and letters after it (the offset and text of the name
    within ``text``), if it has either and words of a name between; else None."""
    words = text.split()
    lead = 0
    while lead < len(words) - 1 and words[lead] in grammar.honorifics:
        lead += 1  # ("the Rt Hon Suella Braverman KC MP": each courtesy word)
    tail = len(words)
    while tail > lead and words[tail - 1].rstrip(",") in grammar.post_nominals:
        tail -= 1
    if (lead == 0 and tail == len(words)) or tail - lead < 1 or not words[tail - 1][:1].isupper():
        return None
    at = text.index(words[lead]) if lead else 0
    end = text.index(words[tail - 1], at) + len(words[tail - 1])
    return at, text[at:end].rstrip(",")


#: A neutral citation of a judgment: "[2019] EWHC 3408 (QB)", "[2021] EWCA Crim 21".
_CITATION = re.compile(r"\[(?:19|20)\d\d\][ \t]+[A-Z]{2,6}(?:[ \t]+[A-Z][a-z]{1,5})?[ \t]+\d+(?:[ \t]+\([A-Za-z]+\))?")


def _in_a_citation(text: str, at: int) -> bool:
    """Whether offset ``at`` is inside a neutral citation."""
    return any(c.start() <= at < c.end() for c in _CITATION.finditer(text, max(0, at - 40), at + 30))


def _initials_of_a_paper(text: str, full: str, grammar: Grammar) -> bool:
    """Whether ``full`` defines the initials ``text`` as a paper's: "Notice of Probable Violation (NOPV)"
    (the definition read as the mentions read it, in the stretch before the bracket)."""
    at = full.find(f"({text})")
    if at < 0:
        return False
    end = at + len(text) + 2
    defined = next((d for d in _DEFINITION.finditer(full, max(0, at - 300), end) if d.end() == end), None)
    return defined is not None and defined["long"].split(" of ")[0].split()[-1] in grammar.event_words


#: After a name the model read as an organisation's, the word that makes it a paper's: "OCC News Release".
_RELEASE_NEXT = re.compile(r"[ \t]+Releases?\b")
#: What an identifier is: "Social Security numbers" names a kind of number, not a body.
_NUMBER_NEXT = re.compile(r"[ \t]+(?:numbers?|cards?)\b")
#: A numbered heading: "I. What Happened", "IV. Findings".
_NUMBERED_HEADING = re.compile(r"[IVX]{1,4}\.[ \t]")


#: The roles of parties to a suit, which open or close a name the model reads in a caption's run of words.
_PARTIES = frozenset(
    {"Plaintiff", "Plaintiffs", "Defendant", "Defendants", "Petitioner", "Petitioners", "Respondent", "Respondents",
     "Appellant", "Appellants", "Appellee", "Appellees", "Movant", "Movants", "Intervenors", "Objectors"}
)  # fmt: skip


#: A party's role right after what the model read as a person's name: "Appoint Lead Plaintiff".
_PARTY_NEXT = re.compile(r"[ \t]+(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Counsel)\b")


#: A degree after a name, which the model may read as a place: "M.D.", "Ph.D.", "J.D.".
_DEGREE = re.compile(r"(?:M\.D|Ph\.D|J\.D|D\.O|R\.N|M\.P\.H|Esq)\.?")


#: Levels of government joined, naming no body: "Federal and State", "state, local and federal".
_LEVELS_ONLY = re.compile(
    r"(?i)(?:federal|state|local|county|city|tribal|municipal|national)(?:,?[ \t]+(?:and[ \t]+|or[ \t]+)?"
    r"(?:federal|state|local|county|city|tribal|municipal|national))+"
)
#: An adjective of a level of government, which a name does not end on.
_LEVEL_LAST = re.compile(r"Municipal|Federal|National|Regional|Tribal|Judicial|Legislative|Congressional|Presidential")
#: A month and a day in a name the model read: a date run into it.
_DATED = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+\d{1,2}\b"
)


#: Papers, which the model reads as a person or a body: the last word of "Committee Report".
_PAPERS = frozenset(
    {"Report", "Complaint", "Complaints", "Memorandum", "Opinion", "Letter", "Testimony", "Motion", "Brief", "Order",
     "Decl", "Declaration", "Indictment", "Subpoena", "Stipulation"}
)  # fmt: skip
#: A court's meeting before these words is no body: "Final Pretrial Conference", "Status Conference".
_A_HEARINGS = frozenset({"Pretrial", "Status", "Scheduling", "Settlement", "Press", "News"})
#: A month's abbreviation, which the model may read as a place ("Jun 6, 2023").
_MONTH_SHORT = frozenset({"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})
#: A member's party and district, which the model may read as a body: "(D-Lakewood)".
_PARTY_DISTRICT = re.compile(r"[DRI]-[A-Z][\w.’'\-]*")
#: A bill's abbreviation before its number: "HB 6", "H.B. 6", "S.B. 1".
_BILL = re.compile(r"(?:H|S)\.?(?:B|R|J|Res)\.?")
_BILL_NUMBERED = re.compile(rf"{_BILL.pattern}[ \t]*\d+")
_FIRM_SUFFIXES = frozenset({"LLP", "LLC", "Inc", "Inc.", "Ltd", "Ltd.", "PLC", "plc", "Corp", "Corp.", "Co."})
#: A legal formula the model may read as a body's name ("an Order to Show Cause").
_FORMULAS = frozenset({"Show Cause"})


@functools.lru_cache(maxsize=4)
def _not_given_names(titles: frozenset[str]) -> frozenset[str]:
    """Words before a surname that are no given name: the grammar's titles and the model's nouns
    (made once, not for each document)."""
    return titles | noun_lemmas()


#: Last words of the name of a place where people meet or speak, never of a person.
_ROOMS = frozenset({"Garden", "Gardens", "Room", "Building", "Plaza", "Auditorium", "Rotunda", "Ballroom"})


#: The words after a surname that tell a family's generations apart.
_GENERATIONS = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})


def _checked_kind(kind: str, text: str, grammar: Grammar, full: str) -> str | None:
    words = text.split()
    agency_words = grammar.agency_words
    if "/" in text or " - " in text or any(w in {"Vol", "Volume"} for w in words):
        return None
    if (
        re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", text)
        and f"({text})" not in full
        and text.replace(".", "") not in {*STATE_CODES.values(), "DC", "US", "UK"}  # ("D.C", "N.Y", "U.S")
    ):
        return None  # "E.D" of "E.D. Mich.", "B.A", "P.C": initials with stops, of no name the text gives
    if words and words[-1].lower() in FUNCTION_WORDS:
        return None  # "State of" cut from "State of Michigan's": a name does not end on "of"
    if kind in {"Person", "Organization"} and words and words[-1].strip("-–,.") in _PAPERS:
        return None  # "Committee Report", "Second Amended Complaint": a paper, no one who acts
    if kind == "Person":
        if len(words) > 2 and words[-1] in _GENERATIONS:
            words = [*words[:-2], words[-2].rstrip(",")]  # "Jody E. Owens II", "Robert F. Kennedy, Jr."
        if len(words) < 2 or len(words) > 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
            return None
        if words[-1] in STREETS or words[-1] in _ROOMS:
            return None  # "Downing Street said": an address that speaks for who works there, no person;
            # "Rose Garden", "East Room": where remarks were given
        return "Person"
    if kind == "Organization":
        if len(words) > 10 or not text[0].isupper() or words[0].lower() in FUNCTION_WORDS:
            return None
        agency = any(w.strip(",.") in agency_words for w in words)
        if len(words) == 1 and not agency and f"({text})" not in full:
            return None  # a lone word ("Prosecutions", "COB") names an organisation only if defined
        if len(words) == 1 and _initials_of_a_paper(text, full, grammar):
            return None  # "Notice of Probable Violation (NOPV)": initials of a paper, no body
        if len(words) == 1 and (text in grammar.unit_words or text == "Court"):
            return None  # "the Court", "the Committee": which one, the word alone does not say
        if words[0].endswith("s") and words[0][:-1] in agency_words:
            return None  # "Departments of …": a plural is several bodies, not one
        if _FILING.search(text):
            return None  # "the Representatives' Motion for Exercise of the Court": a filing
        if _LEVELS_ONLY.fullmatch(text) or _DATED.search(text):
            return None  # "Federal and State" (levels of government, no body); "Federal Channel June 10"
        if words[0] in {"COMES", "NOW", "WHEREFORE", "According"}:
            return None  # a pleading's formula ("COMES NOW Plaintiffs"); "According to Department of …"
        if words[-1] in {"Building", "Buildings"}:
            return None  # "the Federal Office Building": a building, where bodies meet
        if "as" in words[1:-1]:
            return None  # "Amber Rudd as Home [Secretary]": a person and the post she held, no body's name
        if {words[0], words[-1]} & _PARTIES:
            return None  # "Defendants Equifax Inc", "Consumer Plaintiffs": a party's role in a suit, no body's name
        if (
            len(words) >= 2
            and all(w.isalpha() and w.isupper() and len(w) >= 4 for w in words)
            and not any(w.capitalize() in agency_words or w.capitalize() in grammar.institution_words for w in words)
        ):
            return None  # "GEORGIA ATLANTA" of a caption's "DISTRICT OF GEORGIA ATLANTA DIVISION": places run together
        if words[-1] in grammar.event_words or words[-1] in grammar.titles:
            return None  # "the Flint Water Crisis" happened; "Genesee County Prosecutor" is a post
        if words[-1] in {"Amendment", "Amendments"}:
            return None  # "the First, Fourth, and Fourteenth Amendments": a constitution's, no body
        if len(words) >= 2 and _LEVEL_LAST.fullmatch(words[-1]):
            return None  # "Ferguson Municipal" of "Ferguson Municipal Judge": an adjective ends no name
        if person_of_body(words, grammar):
            return None
        return "Agency" if agency else "Organization"
    if kind == "Place":
        return "Place" if all(w[0].isupper() for w in words if w not in {"of", "the"}) else None
    if kind == "Statute":
        return "Statute" if "Act" in words else None
    return None


def person_of_body(words: list[str], grammar: Grammar) -> bool:
    """Whether a name read as an organisation's (by the model, or by its head noun) is a person and
    where they work, or several such: "Dr. Matthew Davis of the University of …", "Ken Sikkema of
    Public Sector", "Eric Rothstein of the X Group and Dr. Lawrence Reynolds of …". Two or three
    capitalised words before the first "of", none of them a word of institutions or government,
    are a person's name."""
    if "of" not in words:
        return False
    lead = words[: words.index("of")]
    while lead and lead[0] in grammar.titles:
        lead = lead[1:]  # "Dr. Matthew Davis of …"
    if words.count("of") > 1 and "and" in words:
        return True  # two "X of Y" joined: two people, or two bodies; either way not one name
    return (
        2 <= len(lead) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in lead)
        and not set(lead) & grammar.organisation_words
    )


def model_people(parse: Parse, crafts: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Where the model reads a person's name of two words or more (offsets in the document's text):
    the pattern finder keeps them out of the bodies' names it reads by their head nouns. A name
    holding one of ``crafts`` ("Space Shuttle") is a craft's."""
    return [
        (sent.offset + e.start_char, sent.offset + e.end_char)
        for sent in parse
        for e in sent.doc.ents
        if e.label_ == "PERSON" and len(e.text.split()) >= 2 and not set(e.text.split()) & crafts
    ]


def _named_like_a_person(text: str, grammar: Grammar) -> bool:
    """Two or three capitalised words, none a word of institutions, government or titles."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not set(words) & (grammar.organisation_words | grammar.titles)
    )


def _beside_a_title(sent: Sentence, ent: Span, grammar: Grammar) -> bool:
    """Whether the name stands in apposition to a title ("the Secretary of the Interior, Deb
    Haaland,") or right after one ("Administrator Jane Roe"): what the text says of a person."""
    before = sent.doc[max(0, ent.start - 2) : ent.start]
    if len(before) and before[-1].text in grammar.titles:
        return True
    return ent.root.dep_ == "appos" and ent.root.head.text.capitalize() in grammar.titles


#: What a body's name ends on that its text may leave off: "Southwest Airlines Co.", "Equifax Inc.".
CORPORATE = re.compile(r"(?i)(?:,?[ \t]+(?:inc|co|corp|llc|ltd|plc|company|corporation|incorporated)\.?)+$")


def publisher_mentions(
    doc: Document, taken: list[Mention], entities: dict[str, Entity], grammar: Grammar
) -> tuple[list[Mention], dict[str, Entity]]:
    """The company or group the metadata's ``publisher`` names, wherever the text names it in those words and no
    other mention stands ("Equifax" in a notice Equifax Inc. publishes, which the model does not
    read as a name): the metadata says what it is."""
    if not doc.meta.publisher or doc.meta.kind in {"court", "encyclopedia"}:
        return [], {}  # (a court's caption names it; an encyclopedia's publisher is no party)
    name = CORPORATE.sub("", " ".join(doc.meta.publisher.split(" (")[0].split(", ")[0].split())).strip(" .,")
    words = name.split()
    if not words or not all(w[0].isupper() or w in FUNCTION_WORDS for w in words) or len(words) > 8:
        return [], {}
    if any(w in grammar.agency_words or w in grammar.unit_words for w in words):
        return [], {}  # a government body's name, which the gazetteer and the model know how to read
    kind = "Organization"
    key = _key(kind, name)
    known = entities.get(key)
    if known is not None and known.kind not in {"Agency", "Organization"}:
        return [], {}
    minted = {} if known is not None else {key: Entity(key=key, kind=kind, label=name)}
    spans = [(m.start, m.end) for m in taken]
    new = [
        Mention(m.start(), m.end(), m.group(), kind if known is None else known.kind, key, "publisher")
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", doc.text)
        if not any(a < m.end() and m.start() < b for a, b in spans) and not doc.is_noise(m.start(), m.end())
    ]
    return new, (minted if new else {})


def acronym_key(initials: str) -> str:
    """The key of initials no document of their own defines: the build joins them to the body
    another document defines them for, or leaves them out (kg.resolve.join_acronyms)."""
    return f"initials-{slug(initials)}"


def _key(kind: str, text: str) -> str:
    """A person's key whatever the middle initials (as :func:`kg.mentions.person_key`: "Barry M. Kurren"
    the model reads is the "Barry M. Kurren" a signature names); a body's, its name's."""
    return person_key(text) if kind == "Person" else slug(text)
