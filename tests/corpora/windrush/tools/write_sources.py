"""Write sources/NN-slug.txt from the stored page texts (stored.json), as the search returned them.

For each document: the furniture cut (exact strings removed, each must occur once) and the end cut
(the text is cut just after the given string, the last complete sentence or item before the store's
cut). Nothing else is changed.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"
stored = json.load(open(HERE / "stored.json", encoding="utf-8"))

DOCS = {
    "01": ("01-nao-handling-of-the-windrush-situation-press-release",
           "Handling of the Windrush situation (National Audit Office press release)",
           [], "wrongly flagged as being in the UK illegally."),
    "02": ("02-hac-windrush-generation-report-government-response",
           "The Windrush generation, Sixth Report of Session 2017–19 (HC 990), Home Affairs Committee: chapter 2, Government response (excerpt)",
           [], "The Government does not know how many people are affected."),
    "03": ("03-home-office-williams-oversight-lessons-learned-review",
           "Windrush lessons learned review",
           [], "to make sure those who have been impacted are compensated."),
    "04": ("04-inews-amber-rudd-resigns-home-secretary",
           "Amber Rudd resigns as Home Secretary",
           [" date 2018-04-29 ",
            " Theresa May has accepted the resignation of Amber Rudd as Home Secretary, Downing Street said. The decision comes after mounting […]"],
           "happened on her watch.”"),
    "05": ("05-rudd-resignation-letter-prime-minister",
           "Amber Rudd Resigns as Home Secretary (with her letter of resignation to the Prime Minister; excerpt)",
           [], "as well as manage migration."),
    "06": ("06-parliament-news-patel-statement-lessons-learned-review",
           "Home Secretary makes statement on Windrush lessons learned review",
           ["Skip to main content\n\n"], "I am truly sorry.\""),
    "07": ("07-westminster-hall-debate-windrush-compensation-scheme",
           "Windrush Compensation Scheme - 3 March 2022 (Commons/Westminster Hall) (opening of the debate)",
           [], "emotional distress that Government actions caused."),
    "08": ("08-ehrc-home-office-legal-agreement-windrush",
           "Home Office signs legal agreement to improve practices following Windrush",
           [], "regardless of background."),
    "09": ("09-r-donald-v-sshd-judgment",
           "Trevor Donald, R (on the application of) v Secretary of State for the Home Department [2024] EWHC 1492 (Admin) (excerpt)",
           ["Skip to Main Content\nBeta\n\nHelp us to improve this service by completing our feedback survey (opens in new tab).\n\n"],
           "Thornton J on 21 December 2023."),
    "10": ("10-wikipedia-windrush-scandal",
           "Windrush scandal",
           ["\n\nFrom Wikipedia, the free encyclopedia"], "to establish residency rights.[13]"),
}

for key, (slug, title, furniture, end) in DOCS.items():
    entry = stored[key]
    text = entry["text"]
    for f in furniture:
        assert text.count(f) == 1, (key, f)
        text = text.replace(f, "", 1)
    assert text.count(end) == 1, (key, end)
    text = text[: text.index(end) + len(end)]
    out = f"# source: {entry['url']}\n# title: {title}\n{text}\n"
    (SOURCES / f"{slug}.txt").write_text(out, encoding="utf-8")
    print(slug, len(text), len(text.split()))
