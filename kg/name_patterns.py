"""The vocabulary and patterns the mention finder (:mod:`kg.mentions`) reads names with: words and
shapes of names, titles, organisations, legal instruments, reports and places, not facts.

Repetitions are bounded so that a long run of capitalised words costs linear, not quadratic, time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from kg.dates import WEEKDAYS

# --- Reference vocabulary for patterns (words, not facts) ----------------------------------
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
_WEEKDAYS = "|".join(day.capitalize() for day in WEEKDAYS)
#: A capitalised word, not a month nor a day ("in May." at a sentence's end is no part of a name;
#: "Mayfield" is a name; "published Tuesday in the New England Journal of Medicine").
_CAP = rf"(?!(?:{_MONTHS}|{_WEEKDAYS})(?![\w’'&\-]|\.\w))[A-Z][\w’'&.\-]{{0,60}}"
_CONN = r"(?:of|and|for|on|the|to|in|&)"
# Repetitions are bounded so that a long run of capitalised words costs linear, not quadratic, time.
_PHRASE = rf"{_CAP}(?:[ \t]+(?:{_CONN}[ \t]+){{0,3}}{_CAP}){{0,15}}"
_ORG_HEADS = (
    "Office|Department|Committee|Council|Commission|Service|Agency|Administration|Bureau|Court|"
    "Division|Centers|Center|Centre|Society|Association|Institute|Foundation|Board|Union|Coalition|"
    "Corporation|Company|Sector|Patrol|University|Network|Federation|Organization|Authority|"
    "Task Force|Team|Project|Caucus|Subcommittee|Secretariat|Agencies|News|Times|Post|Journal|Press|Radio|Tribune|"
    "Section|Branch|Unit|School(?=[ \t]+of[ \t])|College(?=[ \t]+of[ \t])"
)
#: Words of a court filing: a name holding one is the filing's, not a body's ("the Representatives'
#: Motion for Exercise of the Court's Supervisory Power").
_FILING = re.compile(  # "… Response to …", not "Pandemic Response Accountability Committee"
    r"\b(?:Motion|Petition|Brief|Response|Reply|Memorandum|Complaint|Objection|Notice|Stipulation)"
    r"[ \t]+(?:for|to|of|in)\b"
    # "Order for Contempt of Court", "Order Instituting … Proceedings" (not "Fraternal Order of Police")
    r"|\bOrders?[ \t]+(?:for|to|Granting|Denying|Instituting|Directing|Requiring|Approving|Compelling)\b"
)
_GOV_HEADS = frozenset(
    [
        "Office",
        "Department",
        "Committee",
        "Council",
        "Commission",
        "Service",
        "Agency",
        "Administration",
        "Bureau",
        "Court",
        "Division",
        "Section",
        "Sector",
        "Patrol",
        "Authority",
        "Subcommittee",
        "Caucus",
        "Board",
    ]
)
#: A body's fields listed after "of" or "on", a few words each: "Bureau of Alcohol, Tobacco, Firearms and
#: Explosives", "Committee on Banking, Housing, and Urban Affairs".
_FIELD = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
_FIELD_LIST = (
    rf"{_FIELD}(?:,[ \t]+{_FIELD}){{1,5}},?[ \t]+and[ \t]+{_FIELD}"
    r"(?![\w\-]|[’'][A-Za-z]|[ \t]+[A-Z]|,[ \t]+(?:and[ \t]+)?[A-Z][a-z])"  # (the list's end, not a name's)
)
_ORG = re.compile(
    rf"(?<![\w.])(?:(?:U\.S\.|United States|Federal|National)[ \t]+)?(?:\d{{1,3}}(?:st|nd|rd|th)[ \t]+(?=[A-Z]))?"
    rf"(?:{_CAP}[ \t]+(?:{_CONN}[ \t]+){{0,3}}){{0,15}}"
    rf"(?:{_ORG_HEADS})\b(?:[ \t]+(?:{_CONN}[ \t]+){{1,3}}(?:{_FIELD_LIST}|{_PHRASE}))?"
)
_FIRM = re.compile(rf"{_CAP}(?:,?[ \t]+(?:&[ \t]+)?{_CAP}){{0,15}},?[ \t]+(?:LLP|LLC|L\.L\.P\.|Inc\.|P\.C\.)")
#: "Secretary of Transportation Elaine L. Chao": a secretary's title names the department's field,
#: up to the name after it (two words at least, the first no initial). A cabinet department's field is
#: tried first, so that a three-word name keeps its first word ("Secretary of State Hillary Rodham
#: Clinton", not "Secretary of State Hillary").
_SECRETARY_OF = (
    r"(?:Deputy |Assistant |Under )?Secretary of (?:the )?"
    r"(?:(?:State|Interior|Homeland Security|Defense|Treasury|Navy|Army|Air Force|Energy|Education|Labor|Commerce"
    r"|Agriculture|Transportation|Veterans Affairs)(?=[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z’'\-]+)"
    r"|(?:[A-Z][a-z]+ (?:and )?){0,2}[A-Z][a-z]+(?=[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z’'\-]+))"
)
#: "Vice Chair for Supervision Michael S. Barr", "Assistant Secretary for Health Rachel Levine": a
#: title and the field it is for, up to the name after it.
_TITLE_FOR = (
    r"(?:Vice Chair(?:man)?|(?:Deputy |Assistant |Under |Associate )?(?:Secretary|Director|Commissioner|Administrator)|"
    r"Chief|Counselor|Coordinator) for (?:the )?(?:[A-Z][a-z]+,? (?:and )?){0,2}[A-Z][a-z]+"
    r"(?=[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z’'\-]+)"
)
_BASE_TITLES = (
    _SECRETARY_OF + r"|" + _TITLE_FOR + r"|"
    r"Attorney General|Deputy Attorney General|Associate Attorney General|Inspector General|"
    r"Deputy Inspector General|President-elect|President|Vice President|Secretary|Deputy Secretary|"
    r"Assistant Secretary|Under Secretary|Press Secretary|Senator|Sen\.|Representative|Rep\.|"
    r"Congresswoman|Congressman|Assemblywoman|Assemblyman|Assemblymember|Councilwoman|Councilman|Councilmember|"
    r"Chairperson|Chairwoman|Chairman|Chair|Ranking Member|"
    r"Judge Advocate General|Judge|Magistrate Judge|Administrative Law Judge|Chief Judge|"
    r"Lord Justice|Lady Justice|Justice|Prime Minister|Deputy Prime Minister|First Minister|Minister|"
    r"Chief Justice|Director|Deputy Director|Associate Director|Commissioner|Deputy Commissioner|"
    r"Regional Administrator|Deputy Administrator|Associate Administrator|Regional Director|"
    r"Administrator|Ambassador|Governor|Gov\.|Mayor|Sheriff|Chief Patrol Agent|Chief|Division Chief|"
    r"Comptroller of the Currency|Comptroller General|Comptroller|"
    r"Auditor General|Auditor-General|State Auditor|Auditor(?![ \t-]General)|State Treasurer|Treasurer|Superintendent|"
    r"National Security Advis[eo]r|Homeland Security Advis[eo]r|Senior Advis[eo]r|"
    r"General Counsel|U\.S\. Attorney|United States Attorney|State Attorney|District Attorney|County Attorney|"
    r"City Attorney|Commander|Captain|Lieutenant Governor|"
    r"Lieutenant Colonel|Lieutenant General|Lieutenant Commander|Major General|Brigadier General|"
    r"Lieutenant|Colonel|Rear Admiral|Vice Admiral|Admiral|"
    r"Master Sergeant|Staff Sergeant|Gunnery Sergeant|Sergeant Major|"
    r"Spokesperson|Spokeswoman|Spokesman|IG|AG|CEO|Chief Executive Officer|Executive Director|First Lady"
)
_TITLES = rf"(?:Acting|Former|Interim)[ \t]+(?:{_BASE_TITLES})|{_BASE_TITLES}"
#: A name with a middle initial ("Merrick B. Garland"): no run of Title Case words reads so by chance,
#: so a headline's such name, after a title, is settled ("Attorney General Merrick B. Garland Delivers …").
INITIALED = re.compile(r"[A-Z][a-z’'\-]+[ \t]+[A-Z]\.[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+(?:Jr\.|Sr\.|III|II))?")
#: Words before a name that are no title of an office.
_COURTESY = frozenset(
    {"Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Rev.", "Hon.", "Honorable"}
    | {"Mr", "Ms", "Mrs", "Dr", "Cllr"}  # (British usage writes no full stop; "Sir Wyn Williams" is his name)
)
_HONORIFICS = "|".join(re.escape(w) for w in sorted(_COURTESY))
_NAME_STOP = frozenset(
    [
        "District",  # "United States Attorney Western District of Virginia": a court's district, no name
        "Circuit",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Monday",  # "Ranking Member Susan Collins Tuesday released …": a day after the name
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Contact",  # "Press Secretary Contact: …": a release's contact line, no name
        "The",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "Department",
        "Office",
        "General",
        "Report",
        "Review",
        "Policy",
        "States",
        "Act",
        "Order",
        "Court",
        "Committee",
        "Service",
        "Administration",
        "Border",
        "Security",
        "Justice",
        "Homeland",
        "Health",
        "Human",
        "Services",
        "Federal",
        "National",
        "U.S.",
        "United",
        "Congress",
        "Senate",
        "House",
        "Today",
        "On",
        "In",
        "As",
        "At",
        "For",
        "From",
        "By",
        "Since",
        "After",
        "Before",
        "During",
        "Under",
        "Zero",
        "Tolerance",
        "Executive",
        "Section",
        "Title",
        "Article",
        "Summary",
        "Highlights",
        "Press",
        "Release",
        "Page",
        "Inspector",
        "Attorney",
        "President",
        "Secretary",
        "Director",
        "Chair",
        # words a headline sets after a name: "Dan Kildee Testimony Before …", "Sanders Statement on …"
        "Testimony",
        "Statement",
        "Statements",
        "Remarks",
        "Letter",
        "Hearing",
        "Case",
        "Says",
        "Announces",
        "Pleads",
        # a headline's verbs after a title, before the name it acts on ("Kentucky Attorney General
        # Charges Brett Hankinson"): no word of a name
        "Charges",
        "Sues",
        "Indicts",
        "Names",
        "Appoints",
        "Nominates",
        "Fires",
        "Orders",
        "Urges",
        "Calls",
        "Welcomes",
        "Applauds",
        "Thanks",
        "Honors",
        "Praises",
        "Questions",
    ]
) | frozenset(re.sub(r"\(\?=[^)]*\)", "", _ORG_HEADS).split("|"))
#: A word of a person's name: "Snyder", and "McCarthy", "MacArthur", "DeVos", "O'Brien", and the parts
#: of a double name ("Hyde-Smith").
#: Letters of names written in the Latin alphabet with their accents ("Velázquez", "Ángel", "Núñez").
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"[{_UPPER}](?:[{_LOWER}]{{1,2}}[{_UPPER}]|['’][{_UPPER}])?[{_LOWER}’']+(?:-[{_UPPER}{_LOWER}][{_LOWER}’']+)*"
)
#: Words of a title that a name does not go on into ("The Honorable Dan Patrick Lieutenant Governor
#: of Texas", a letter's address block run together).
_TITLE_WORD_AFTER = (
    r"(?:Lieutenant|Governor|Senator|Representative|Secretary|Director|Chairperson|Chairman|Chairwoman|Chair|"
    r"Commissioner|Mayor|Sheriff|Administrator|Ambassador|Attorney|President|Inspector|Officer)(?![\w’'-])"
)
#: Honorifics written short, which are no word of a name ("Chief Medical Officer Dr. Anne Smith").
_SHORT_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Hon|Gen|Adm|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep)\."
#: A person's name: middle initials with or without their stops ("Drew B Tipton"), run together
#: ("Martin L.C. Feldman").
_NAME = (
    rf"(?!{_SHORT_HONORIFIC}){_NAME_WORD}(?:[ \t]+[A-Z](?:\.(?:[A-Z]\.)*|(?=[ \t]+[{_UPPER}][{_LOWER}])))*"
    rf"(?:[ \t]+(?:\([{_UPPER}][{_LOWER}]+\)|[“\"][{_UPPER}][{_LOWER}]+[”\"]))?"  # "John D. (Jay) Rockefeller"
    rf"(?:[ \t]+(?!{_TITLE_WORD_AFTER}|{_SHORT_HONORIFIC}){_NAME_WORD}){{0,2}}"
    rf"(?:,?[ \t]+(?:Jr\.|Sr\.|III|II))?"
)
_TITLED = re.compile(
    rf"(?:\b(?:then|former)[-\s]+)?(?P<title>(?<![\w-])(?:{_TITLES}|{_HONORIFICS}))[ \t]+"
    rf"(?:(?:{_HONORIFICS})[ \t]+)?"  # "Health Director Dr. Elizabeth Char"
    rf"(?P<name>(?!(?:{_TITLES})[ \t]){_NAME})(?![\w-])"  # the name is no title's ("Lieutenant Governor Dan Patrick")
)
#: A title's words running on after what a title seemed to name: "Chief Medical Officer Dr. Anne Smith".
_BODY_AFTER = rf"(?:{_ORG_HEADS}|Act|committee|commission|council|board|office|department|act)\b"
_TITLE_RUNS_ON = re.compile(rf"[ \t]+(?:{_TITLE_WORD_AFTER}|{_SHORT_HONORIFIC}|{_BODY_AFTER})")


def title_runs_on(m: re.Match[str]) -> bool:
    """Whether a :data:`_TITLED` match read the words of a longer title as a name ("Chief" +
    "Medical", before "Officer Dr. Anne Smith"), or of a body's ("Justice" + "Reform", before
    "Committee"). After a courtesy ("The Honorable Dan Patrick
    Lieutenant Governor of Texas", an address block run together) a title may follow the name."""
    return m.group("title") not in _COURTESY and _TITLE_RUNS_ON.match(m.string, m.end("name")) is not None


_ROLE_WORDS = (
    r"director|chairwoman|chairman|chair|chief|commissioner|secretary|administrator|spokesperson|"
    r"spokeswoman|spokesman|judge|counsel|head|deputy director|acting director|senior adviser|"
    r"senior advisor|partner|board member|member|prosecutor|trial attorney|assistant|commander|officer|"
    r"special agent|agent|attorney|lawyer|official|supervisor|analyst|chief of staff|the " + r"(?:" + _TITLES + r")"
)
#: A unit named by a word that points back to it, no name: "This Committee", "the Said Board".
WHICH_BODY = re.compile(
    r"(?:The|This|That|Our|Your|Said|Same)[ \t]+"
    r"(?:Committee|Subcommittee|Commission|Board|Court|Office|Department|Agency|Panel)"
)
_TITLE_FIELD = re.compile(r"(?m)^[ \t]*(?:Report[ \t]+)?Title:[ \t]*(?P<title>[A-Z][^\n]{10,300})$")
_ROLE_WORD = re.compile(
    rf"(?i:{_ROLE_WORDS})|Investigator|Inspector|Deputy|Counsel|Special|Assistant"
    r"|Correspondent|Reporter|Editor|Producer|Anchor|Columnist|Manager|Clerk|Treasurer|Superintendent"
)
_TITLE_WORD = re.compile(rf"(?:{_TITLES}|{_HONORIFICS})")
_APPOSITIVE = re.compile(
    rf"(?<![\w.])(?P<name>{_NAME_WORD}(?:[ \t]+[A-Z]\.)*(?:[ \t]+{_NAME_WORD}){{1,2}}),[ \t]+"
    rf"(?:(?:the|a|an|then|former|acting)[ \t]+)*(?P<role>{_ROLE_WORDS}|{_TITLES})\b"
)
_SPEAKER = re.compile(
    rf"(?<![\w.])(?P<name>{_NAME_WORD}(?:[ \t]+[A-Z]\.)*(?:[ \t]+{_NAME_WORD}){{1,2}})[ \t]+"
    r"(?:said|says|testified|told|wrote|stated|asserted|admitted|argued|explained|added|noted)\b"
)
_DEFINITION = re.compile(
    rf"(?P<long>{_PHRASE})[ \t]*\((?P<acr>[A-Z][A-Za-z.&\-]{{1,11}})(?:,[ \t]*(?P<short>[A-Z][a-z]+))?\)"
)
_OR_ACRONYM = re.compile(rf"(?P<long>{_PHRASE}),[ \t]+or[ \t]+(?P<acr>[A-Z]{{2,8}}),")
_EO = re.compile(r"\bExecutive Order (?:No\.\s*)?(?P<num>\d{4,6})\b")
_USC = re.compile(
    r"\b(?P<title>\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?(?P<sec>\d+[a-z]?(?:\([a-z0-9]+\))*)"
    r"|\b[Ss]ection\s+(?P<sec2>\d+[a-z]?(?:\([a-z0-9]+\))*)\s+of\s+[Tt]itle\s+(?P<title2>\d{1,2})"
    r"(?:,\s+United\s+States\s+Code)?"
)
_ACT = re.compile(
    rf"(?<![\w.])(?:{_CAP}[ \t]+(?:(?:of|and|for|on|to)[ \t]+)*){{1,9}}Act(?:[ \t]+of[ \t]+(?P<year>\d{{4}}))?\b"
)
#: ("v" without its stop in British and Australian usage: "Prygodicz v Commonwealth of Australia")
_CASE = re.compile(
    r"(?<![\w.])(?P<case>(?:Ms\.|Mr\.|[A-Z][\w.’'\-]*)"
    r"(?:[ \t]+(?:(?:of|&)[ \t]+)?(?:[A-Z][\w.’'\-]*|\([A-Z][a-z]+\))){0,3}"
    r"(?:,[ \t]+(?:(?:PTE|Pte)[ \t]+)?(?:Inc|INC|LLC|L\.L\.C|Co|CO|Corp|CORP|Ltd|LTD)\.?)?[ \t]+v\.?[ \t]+"
    r"(?P<other>[A-Z][\w.’'\-]*(?:[ \t]+(?:(?:and|of|for|the|&)[ \t]+)?[A-Z][\w.’'\-]*){0,5}))"
)
#: The "v." of a case's name, or its "v" without a stop (British and Australian usage).
VERSUS = re.compile(r"[ \t]+v\.?[ \t]+")
_ABBREVIATED = re.compile(r"(?:[A-Z]\.)+|Ms\.|Mr\.|Mrs\.|Dr\.|Inc\.|Co\.|Corp\.|Ltd\.|Jr\.|Sr\.|St\.")
_REPORT_ID = re.compile(
    r"\b(?:GAO-\d{2}-\d{2,4}[A-Z]?|OIG-\d{2}-\d{2,3}|OEI-[A-Z]{2}-\d{2}-\d{5}|(?:RL|RS|IF|IN|R)\d{5})\b"
    # an inspector general's "19-P-0155", a Comptroller General's decision "B-329603"
    r"|\b\d{2}-[A-Z]-\d{4}\b|\bB[-‑]\d{6}\b"
    # a bare "21-028" counts only where a report number stands: after "Report (No.)", or on a cover
    # above its month ("21-028 JANUARY 2021")
    rf"|(?<=\bReport )\d{{2}}-\d{{3}}\b|(?<=\bReport No\. )\d{{2}}-\d{{3}}\b"
    rf"|\b\d{{2}}-\d{{3}}(?=[ \t]+(?i:{_MONTHS})[ \t]+\d{{4}}\b)"
    # a report's own field line: "Report Number: 14-02603-267", "Report No.: 18-P-0221", "Report No. AV2021020"
    r"|(?:(?<=\bReport Number: )|(?<=\bReport No\.: )|(?<=\bReport No: )|(?<=\bReport #)|(?<=\bReport # )"
    r"|(?<=\bReport No\. ))"
    r"(?=[\w-]*\d)[A-Z0-9][\w-]*[A-Z0-9]\b"
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
#: Words before a title that make it another post than the gazetteer's: a state's, a deputy's.
_TITLE_QUALIFIERS = (
    r"Special|Assistant|Asst\.|Deputy|Senior|Principal|Associate|Acting|Interim|Chief|State|County|City|Vice|Under"
    r"|Shadow"
)
#: A state's postal initials before a title: "NY Attorney General", "DC Attorney General".
_STATE_INITIALS = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IA|KS|KY|LA|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|"
    r"PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
#: Last words of a street's name, which a pattern or the model may read as a person's ("Downing Street
#: said": the address speaks for who works there).
STREETS = frozenset({"Street", "Road", "Avenue", "Lane", "Boulevard", "Square", "Place", "Drive"})
#: A state's postal initials by its name ("Maryland Transportation Authority (MDTA)").
STATE_CODES = dict(
    zip(
        _US_STATES.split("|"),
        [
            "AL",
            "AK",
            "AZ",
            "AR",
            "CA",
            "CO",
            "CT",
            "DE",
            "FL",
            "GA",
            "HI",
            "ID",
            "IL",
            "IN",
            "IA",
            "KS",
            "KY",
            "LA",
            "ME",
            "MD",
            "MA",
            "MI",
            "MN",
            "MS",
            "MO",
            "MT",
            "NE",
            "NV",
            "NH",
            "NJ",
            "NM",
            "NY",
            "NC",
            "ND",
            "OH",
            "OK",
            "OR",
            "PA",
            "RI",
            "SC",
            "SD",
            "TN",
            "TX",
            "UT",
            "VT",
            "VA",
            "WA",
            "WV",
            "WI",
            "WY",
        ],
        strict=True,
    )
)
_QUALIFIED = re.compile(
    rf"(?:\b(?:{_TITLE_QUALIFIERS})|\b(?:{_US_STATES})|(?<![\w.])(?:{_STATE_INITIALS})|\b(?:state|county|city))[ \t]+$"
)  # ("said state Sen. Jerry Hill": a state's senator)
#: The fields a department's head is named by before the title: "Interior Secretary", "Homeland Security
#: Acting Secretary", "Navy Secretary", "Health Director" (general words of government, no subject's).
_FIELDS = (
    r"Interior|Homeland[ \t]+Security|Defense|Treasury|Navy|Army|Air[ \t]+Force|Energy|Education|Labor|Commerce"
    r"|Agriculture|Transportation|Health|Justice|Veterans[ \t]+Affairs|Housing|Public[ \t]+Safety|Corrections"
    r"|Environmental[ \t]+Protection|Emergency[ \t]+Management"
    r"|Home|Foreign|Environment|Culture|Business|Work[ \t]+and[ \t]+Pensions"  # (a British cabinet's: "Home Secretary")
)
_QUALIFIERS_BEFORE = re.compile(
    rf"(?<![\w.])(?:(?:{_TITLE_QUALIFIERS}|{_US_STATES}|{_STATE_INITIALS}|{_FIELDS})[ \t]+)+$"
)
_PLACE_WORD = r"[A-Z][a-z]?[A-Z]?[a-z]+"  # Paso, McAllen
_CITY_STATE = re.compile(
    rf"(?<![\w.])(?P<cities>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?"
    rf"(?:(?:,[ \t]+|[ \t]+and[ \t]+){_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?){{0,15}}),[ \t]+(?P<state>{_US_STATES})\b"
    r"(?![ \t]+City\b)"  # "Bott & Penner, Kansas City": a city named after its state, no state after a city
)
_REPORT_TITLE = re.compile(r"(?:Audit|Review|Evaluation|Inspection|Investigation|Report)[ \t]+(?:of|on|into)[ \t]")
_POSSESSIVE_BODY = re.compile(
    r"\b(?:[Hh]is|[Hh]er)[ \t]+(?:agency|department|office|bureau|organization|administration)\b"
)
_BODY_REF = re.compile(
    r"\b[Tt](?:he|his)[ \t]+(?P<head>Commission|Committee|Subcommittee|Council|Board|Bureau|Task Force|Panel|Authority"
    r"|Court)\b"
    r"(?![ \t]+(?:of|on|for)\b)"
)
_DEPARTMENT_REF = re.compile(r"\b[Tt]he[ \t]+[Dd]epartment(?:['’]s)?\b(?![ \t]+of\b)")
_REPORT_REF = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Tt]hat|[Aa]|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)[ \t]+(?:recent[ \t]+)?"
    r"(?P<noun>report|review|audit|evaluation|inspection|Report|Review|Audit)\b"
    r"(?![ \t]+(?:on|of)[ \t]+the[ \t]+investigation)"
)
_OFFICE_REF = re.compile(r"\b(?:[Mm]y|[Oo]ur)[ \t]+office\b")
_POLICY_REF = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)[ \t]+(?:policy|memo|memorandum)\b")
_ORDER_REF = re.compile(r"\b(?:[Tt]he|[Tt]his)[ \t]+order\b")


#: A generational suffix after a name: "Gilbert R. Cisneros, Jr.", "Ronald L. Rowe Jr.", "John Doe III".
_SUFFIX = re.compile(r"(?:,?[ \t]+(?:Jr|Sr)\.?|,?[ \t]+(?:II|III|IV))$")


#: Titles that name one post in other words ("Sen." and "U.S. Senator", "Rep." and "Congresswoman").
_SAME_TITLE = {
    "sen.": "senator", "rep.": "representative", "congresswoman": "representative", "congressman": "representative",
    "gov.": "governor", "chairwoman": "chair", "chairman": "chair", "united states attorney": "u.s. attorney",
}  # fmt: skip


def same_title(a: str, b: str) -> bool:
    """Whether two titles before a name may be one person's ("Sen." and "U.S. Senator").

    >>> same_title("Sen.", "U.S. Senator"), same_title("President", "First Lady")
    (True, False)
    """

    def canon(t: str) -> str:
        t = re.sub(r"^(?:u\.s\.|acting|former|interim)[ \t]+", "", t.lower().strip())
        return _SAME_TITLE.get(t, t)

    return canon(a) == canon(b)


#: The words that open a family name of two ("Van Hollen", "De Leon"), not a first name.
SURNAME_PARTICLES = frozenset({"Van", "Von", "Der", "De", "Del", "Della", "Da", "Di", "Du", "La", "Le", "St."})


def bare_surname(name: str) -> str | None:
    """The surname a name is, alone ("Durbin", "Van Hollen" as "Hollen"), or None for a fuller name.

    >>> bare_surname("Durbin"), bare_surname("Van Hollen"), bare_surname("Chris Van Hollen")
    ('Durbin', 'Hollen', None)
    """
    words = name.split()
    if len(words) == 1:
        return words[0]
    return words[1] if len(words) == 2 and words[0] in SURNAME_PARTICLES else None


def surname(name: str) -> str:
    """The family name a person is called by alone: the last word, past a generational suffix.

    >>> surname("Gilbert R. Cisneros, Jr."), surname("Jane Roe"), surname("John Doe III")
    ('Cisneros', 'Roe', 'Doe')
    """
    words = _SUFFIX.sub("", name.strip()).split()
    return words[-1] if words else name


def one_person(named: Sequence[tuple[str, str]], title: str = "") -> str | None:
    """Whom a surname alone names, of the people of that surname a text names in full, ``(key,
    name)`` in the order named: the one; the last, if all are one person named more or less fully
    ("Edward Scott Pruitt", "Scott Pruitt"); of namesakes ("Darren Wilson", his father "John
    Wilson"), the one the document's ``title`` names, else the first named, as a text introduces
    the person it is about before their relatives (who it then calls by their given names).

    >>> one_person([("dw", "Darren Wilson"), ("jw", "John Wilson")], "The family of John Wilson")
    'jw'
    >>> one_person([("dw", "Darren Wilson"), ("jw", "John Wilson")])
    'dw'
    """
    if not named:
        return None
    if all(_one_name(a, b) for (_, a), (_, b) in itertools.combinations(named, 2)):
        return named[-1][0]
    words = set(re.findall(r"[\w’'-]+", title))
    titled = [key for key, name in named if {name.split()[0], surname(name)} <= words]
    return titled[0] if len(titled) == 1 else named[0][0]


def _one_name(a: str, b: str) -> bool:
    """Whether two names of one surname are one person's: one given name, or one name's words all
    in the other ("Scott Pruitt", "Edward Scott Pruitt")."""
    x, y = set(a.split()), set(b.split())
    return a.split()[0] == b.split()[0] or x <= y or y <= x


def singular(word: str) -> str:
    """A title's singular: "Senators" → "Senator", "Chairwomen" → "Chairwoman" (a word as it is otherwise).

    >>> singular("Senators"), singular("Chairwomen"), singular("Chair"), singular("Reps.")
    ('Senator', 'Chairwoman', 'Chair', 'Rep.')
    """
    if word.endswith(".") and len(word) > 2:
        return singular(word[:-1]) + "."  # "Reps.", "Sens.": an abbreviation's plural
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") else word
