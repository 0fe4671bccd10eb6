"""The regular expressions and word lists of the pattern rules (:mod:`kg.extract.rules`), in one place.

General patterns of English and of government documents; the words of one subject are data
(``data/grammar/``), not here.
"""

from __future__ import annotations

import re

from kg.model import AGENT_KINDS, PEOPLE

_PEOPLE = PEOPLE
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
_TITLE_GAP = re.compile(r"[ \t]+(?:(?:Dr|Mr|Ms|Mrs)\.[ \t]+)?$|[ \t]*\([A-Z.]+\)[ \t]*$")  # "Health Director Dr. X"
_SUBORG_GAP = re.compile(
    r"^(?:['’]s?\)?[ \t]+|[ \t]+(?:within|in|under)[ \t]+(?:the[ \t]+)?"
    r"|(?:,[ \t]+|[ \t]+)(?:which[ \t]+is[ \t]+|is[ \t]+)?(?:(?:a|an|the)[ \t]+)?(?:sub)?"
    r"(?:component|part|office|bureau|agency|division|program office|unit|arm)[ \t]+(?:of|within)[ \t]+(?:the[ \t]+)?)$"
)
_ANNOUNCE = re.compile(
    r"\b(?:issued|issuing|issues|announced|announcing|announces|directed|espoused|unveiled|launched)\b"
)
_PRACTICE = re.compile(
    r"\b(?:began|begin|begins|started|start|starts)[ \t]+(?:\w+[ \t]+){0,2}?(?:referring|separating|"
    r"prosecuting|to refer|to prosecute)\b|\bchanged its (?:policy|practice)\b"
)

_SIGN = re.compile(r"\bsign(?:ed|s|ing)?\b")
_UNNAMED_EO = re.compile(
    r"\b(?:an|the)[ \t]+[Ee]xecutive[ \t]+[Oo]rder\b(?:[ \t]*\([^)]{0,12}\))?(?:[ \t]+to[ \t]+(?P<purpose>[^.;]+))?"
)
_RELEASE = re.compile(r"\b(?:releas(?:ed|es)|published|issued)\b", re.IGNORECASE)
_REVIEW = re.compile(r"\b(?:review(?:ed|s)?|examin(?:ed|es|e))\b")
#: Verbs of speech ("maintained their innocence" keeps something, says nothing).
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|asserted|asserting|asserts|admitted|admit|admits|testified|"
    r"testifies|explained|told|argued|warned|acknowledged|denied|denies|noted|called for|called|"
    r"calls for|criticized|criticised|criticize|condemned|denounced|contend|contends|contended|"
    r"(?:maintained|maintains)(?![ \t]+(?:their|his|her|its|the|a|an|our|my)\b)|insisted|insists|alleged|"
    r"alleges|claimed|wrote|recommended|recommends)\b"
)
_FINDING = re.compile(r"\b(?:found|find|finds|concluded|concludes|determined|identified|identifies)\b")
_CRITICISM_TRIGGERS = re.compile(r"critici[sz]|condemn|denounc|called for|calls for")
#: What "criminal" names when it is no reproach: "criminal charges", "a criminal investigation".
_PROCEDURE = (
    r"(?:charges?|investigations?|cases?|referrals?|prosecutions?|justice|division|proceedings?|penalt\w+"
    r"|fines?|information|complaints?|statutes?|laws?|courts?|trials?)\b"
)
#: Verbs of praise, apology and sympathy: a sentence that praises or apologises, whatever failings or
#: harm its words name, is no criticism ("I would apologise for any hurt or harm").
_PRAISE = re.compile(r"\b(?:prais|commend|applaud|laud|welcom|hail|apologi[sz]|condolen)\w*", re.IGNORECASE)
#: Words of blame in what is said ("never" but in "never … again", a resolve, not a reproach).
_NEGATIVE = re.compile(
    rf"\b(?:never(?![ \t]+(?:\w+[ \t]+){{0,3}}?again\b)|halt|criminal(?![ \t]+{_PROCEDURE})|inhumane|cruel"
    r"|immoral|disaster|harm|incompeten\w*|failed|wrong|"
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
_VAGUE_COUNT = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions|several|many)\b", re.I)
_FINDING_HEADING = re.compile(
    r"\bWhat[ \t]+(?P<who>We|[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)?)[ \t]+(?:Found|Observed|Concluded|Determined)\b"
    # a findings heading on a line of its own: "Summary of Findings", "Results in Brief"
    r"|(?m:^[ \t]*(?P<line>(?:Summary[ \t]+of[ \t]+|Key[ \t]+)?Findings|Results[ \t]+in[ \t]+Brief)[ \t]*:?[ \t]*$)"
)
#: A heading line that ends a findings section headed by a line of its own: a few capitalised words
#: without a full stop ("OIG Independence of EPA").
_HEADING_LINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?:;,]{0,60}[^\n.!?:;,\s][ \t]*$")
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
_RELEASE_WORD = re.compile(
    r"\b(?:Published|Released|Issued|Updated|Dated|(?:Issue|Release|Publication)[ \t]+Date"
    r"|Date[ \t]+(?:Issued|Released|Published))\b[: \t]*$",
    re.I,
)
_VESTED = re.compile(r"\bvested[ \t\n]+in[ \t\n]+me[ \t\n]+as[ \t\n]+(?:the[ \t\n]+)?")
_CO_SPEAKER_GAP = re.compile(r"\)?(?:,[ \t]+|[ \t]+and[ \t]+|,[ \t]+and[ \t]+)")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom)[ \t]+$")
_TITLE_BLOCK = 600  # characters: how far into a document its title block may run
_TOLD = re.compile(r"[ \t]+(?:[\w.,’'\-]+[ \t]+){1,7}?that[ \t]+")  # "told the committee that …"
_SUBCLAUSE = re.compile(r"\b(?:that|which)\b[ \t]+\S")
_RELATIVE_TO_VERB = re.compile(r"\b(?:that|which|who)[ \t]+$")
#: A paper that says it, right before the verb after a comma: "…, convening an expert Interagency
#: Incident Management Group …, the report said" (the report's, not the body named last before it; a
#: body's noun, "the department said", may be the one named).
_A_PAPER_SAYS = re.compile(
    r",[ \t]+(?:the|a|an|this|that|its|their)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:report|study|review|audit|analysis"
    r"|complaint|indictment|lawsuit|letter|memo|memorandum|filing|order|opinion|ruling|release|document)s?[ \t]+$"
)
#: An unnamed sayer opening a clause of its own right before the verb, another than the name before
#: it: "Madoff … was sentenced for what a federal judge called …", "… after the panel's chairman
#: said …", "… entered the White House in 2014, an independent review panel found …" (not "Timothy
#: Gallagher of the Newark office said": the name's own description).
_ANOTHER_SAYER = re.compile(
    r"(?:\b(?:what|whom|which|that|after|when|while|because)|,)[ \t]+"
    r"(?:a|an|the|some|many|other|several|his|her|their|its)[ \t]+(?:[\w\-’']+[ \t]+){0,3}?[a-z][\w\-]*[ \t]+$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+")
#: A person named as whose someone else is, right before the name: "Family members of Gonzalez said",
#: "lawyers for Holmes argued" (they speak, not the person).
_WHOSE_BEFORE = re.compile(r"\b[a-z][\w-]*[ \t]+(?:of|for)[ \t]+(?:(?:the|Mr\.|Ms\.|Mrs\.|Dr\.)[ \t]+)?$")
#: Words that say a post's holder holds it no longer: "Former Prime Minister John Major", "ex-CEO".
FORMER = re.compile(r"(?i)\b(?:former|ex-)")
#: A clause that asks, of whom it names next: "the extent to which", "whether", "why".
_ASKED_OF = re.compile(r"\b(?:extent[ \t]+to[ \t]+which|degree[ \t]+to[ \t]+which|whether|why)[ \t]+(?:the[ \t]+)?$")
#: What another got hold of, not wrote: its source is not the one who got it.
_GOT_BY = re.compile(r"\b(?:obtained|reviewed|seen|acquired|received)[ \t]+by[ \t]+(?:the[ \t]+)?$")
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
    r"\b(?<!as well )(?<!such )(?:as|was|is|became|become)[ \t]+(?:(?:the|a|an|then|acting|interim)[ \t]+)*"
    r"(?:\w+['’]s[ \t]+)?$"  # (not "as well as", "such as": a list goes on)
)
_TENURE_START = re.compile(
    r"\b(?:sworn in|confirmed|appointed|became|named|took office|joined|elected|installed|assumed)\b"
)
_NOT_TENURE = re.compile(r"\b(?:announced|issued|said|testified|signed|released)\b")
_APPOSITIVE_TO_VERB = re.compile(r",[ \t]+(?:the|a|an|then|former|acting)?[^,;\n]{0,120},[ \t]*(?:who[ \t]+)?")
_ATTRIBUTION_GAP = re.compile(r"[ \t,—–-]*(?:(?:[A-Z][\w.’'\-]*|of|the)[ \t]*)*")
_NOT_CONTENT = re.compile(
    r"(?:in|on|at|before|during|with|to|for|from|under|after|about|regarding|concerning"
    r"|as(?![ \t]+(?:many|much|few|little|long|well|soon|of|a|an|the)\b)|when|while|because|since|although|though"
    r"|once|until)\b(?![^.]*\bthat\b)"
    # a clause without its subject ("a device she claimed could make diagnoses"): what it is said of
    # stands before the speaker
    r"|(?-i:(?:could|would|can|will|may|might|should|must|was|were|is|are|had|has|have)[ \t]+[a-z])",
    re.I,
)  # where, when or to whom it was said, or what about ("testified about the toll of …", "said as she
# opened her remarks"): not what was said
_CONTENT_STOP = re.compile(
    r",[ \t]+(?:and|but|while|although|whereas)[ \t]+(?!(?:the[ \t]+)?[a-z]+[ \t]+(?:and|or)\b)"
    # "Corbyn, one of six leaders who had called for an inquiry to be held, said:": the clause's verb
    # was in an aside about the speaker; the sentence's own verb of saying ends what was called for
    r"|,[ \t]+(?:said|says|told|added|stated)\b(?=[ \t]*[:,\n])"
)
#: A verb of making a report, right before the report's mention ("conducted this audit").
_AUTHORED = re.compile(r"\b(?:conducted|prepared|wrote|produced|compiled|completed)[ \t]+(?=\S)")
#: Between a report's maker and the verb: nothing, or its initials ("Office of Inspector General (OIG)").
_SUBJECT_GAP = re.compile(r"\)?\s*(?:\([A-Z][\w.&’'-]{1,12}\)\s*)?")  # ")": the initials were the subject

#: A sentence that runs into a quotation: two words or more of its own, the last a verb's or a noun's,
#: right before the mark (not a colon, a comma or a dash that hands the words over): 'Brown deprived
#: "the nation of an opportunity …," the House investigation concludes'.
RUNS_INTO = re.compile(r"(?:[^\s“\"]+[ \t]+){2,}?[^\s“\"]*[a-z][ \t]+")  # (fullmatch the stretch)


#: A sentence of courtesy only: thanks or a greeting, to whom, and at most a short "for …" (not
#: "Thanks to the inspectors, …", nor thanks that go on to say something: "…, but …").
_PLEASANTRY = re.compile(
    r"(?i)(?:thank[ \t]+you|thanks(?![ \t]+to\b)|good[ \t]+(?:morning|afternoon|evening)"
    r"|(?:I|we)[ \t]+(?:(?:want|wish|would[ \t]+like)[ \t]+to[ \t]+)?(?:thank|congratulate|commend|applaud))\b"
)  # ("I thank the Attorney General and his team for all their work": a courtesy, nothing asserted)


#: A courtesy however long: "It has been a great privilege and honor to follow the facts …".
_HONOURED = re.compile(
    r"(?i)it[ \t]+(?:has[ \t]+been|is|was)[ \t]+(?:a|an|my|our)[ \t]+(?:(?:great|distinct|real|true)[ \t]+)?"
    r"(?:privilege|honou?r|pleasure)\b"
)


def claim_label(text: str) -> str:
    """A claim's label: its words on one line (the text keeps the source's line breaks), cut to 78
    characters.

    >>> claim_label("it had\\nhalted its pipeline")
    'it had halted its pipeline'
    """
    flat = " ".join(text.split())
    return (flat[:77] + "…") if len(flat) > 78 else flat


def pleasantry(text: str) -> bool:
    t = text.strip(" \t\n\"“”'‘’")
    if _HONOURED.match(t):
        return True
    return len(t) <= 90 and _PLEASANTRY.match(t) is not None and not re.search(r"(?i)\bbut\b|;", t)
