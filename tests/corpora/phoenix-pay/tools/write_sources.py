"""Write sources/NN-slug.txt from the stored texts in stored.json.

Each text is the stored page as the search tool (corpus `pages`) answered it. This script removes the
site furniture named below (each string must occur exactly once) and cuts the text after the last
complete sentence or paragraph before the store's cut (the `end` string, kept). Nothing else is
changed. Run from this folder: python3 write_sources.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "sources"

DOCS = [
    ("01", "01-pacp-report-phoenix-pay-problems-introduction",
     "Standing Committee on Public Accounts, Report 42 (House of Commons, 42nd Parliament, 1st Session): Introduction (excerpt)",
     ["Skip to main content\nStart of content\n\n",
      "If you have any questions or comments regarding the accessibility of this publication, please contact us at accessible@parl.gc.ca.\n\nPDF\n\n"],
     "integrate and deploy it.[5]"),
    ("02", "02-oag-ferguson-opening-statement-building-implementing-phoenix",
     "Building and Implementing the Phoenix Pay System: Opening Statement to the Standing Committee on Public Accounts, 14 June 2018",
     [],
     "forego a pilot implementation of the system."),
    ("03", "03-senate-national-finance-minutes-phoenix-2018-02-06",
     "Proceedings of the Standing Senate Committee on National Finance, Issue No. 59 - Minutes of Proceedings - February 6, 2018",
     [],
     "Acting Clerk of the Committee"),
    ("04", "04-pspc-foote-statement-accelerating-pay-resolution",
     "Statement by Public Services and Procurement Minister Judy M. Foote on how the Government is accelerating the resolution of pay problems",
     ["We have archived this page and will not be updating it\n\nYou can use it for research or reference.\n\n",
      "\n\n\nSearch for related information by keyword\n\nHon. Judy M. Foote Government of Canada Labour Economics and Industry\n\nDate modified:"],
     "Our employees deserve no less."),
    ("05", "05-psac-auditor-general-report-echoes-concerns",
     "Auditor General’s report on Phoenix echoes PSAC's concerns",
     [],
     "November 22, 2017"),
    ("06", "06-psac-letter-prime-minister-public-inquiry-phoenix",
     "Letter of the Public Service Alliance of Canada to Prime Minister Justin Trudeau requesting a public inquiry into Phoenix, June 14, 2018 (excerpt)",
     ["You are on page 1of 3\n\n"],
     "issues that must be addressed."),
    ("07", "07-tbs-phoenix-damages-financial-costs-claims",
     "Government of Canada reimbursing financial costs and paying interest as part of Phoenix Damages Agreement",
     [],
     "President of the Treasury Board "),
    ("08", "08-psac-v-house-of-commons-2023-fca-110",
     "Public Service Alliance of Canada v. House of Commons, 2023 FCA 110 (Federal Court of Appeal, May 24, 2023) (excerpt)",
     ["Decision Information\n\nDecision Content\n\n"],
     "decision is reasonableness."),
    ("09", "09-globe-senate-report-phoenix-cost-2-2-billion",
     "Phoenix pay system problems on track to cost government $2.2-billion (The Globe and Mail; title made from the address)",
     [" date 2018-07-31 Open this photo in gallery "],
     "for the failure."),
    ("10", "10-wikipedia-phoenix-pay-system",
     "Phoenix pay system",
     [],
     "tens of thousands of its employees."),
]


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    OUT.mkdir(exist_ok=True)
    for num, slug, title, furniture, end in DOCS:
        rec = stored[num]
        text = rec["stored"]
        for f in furniture:
            assert text.count(f) == 1, (num, f)
            text = text.replace(f, "", 1)
        i = text.rfind(end)
        assert i >= 0, (num, end)
        text = text[: i + len(end)]
        body = f"# source: {rec['url']}\n# title: {title}\n{text}\n"
        (OUT / f"{slug}.txt").write_text(body, encoding="utf-8")
        print(slug, len(text), len(text.split()))


if __name__ == "__main__":
    main()
