"""Write sources/NN-slug.txt from the stored page texts in stored.json.

Each text is taken as the stored-pages search answered it; the only changes are the site furniture
named in `drop` (removed where it occurs, first occurrence only) and the cut `end` (the text is kept
up to and including the first occurrence of that string: the last complete sentence or list item
before the store's cut). Nothing else is changed. Standard library only.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
STORED = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))

DOCS = [
    dict(
        key="hurst",
        id="01-usao-hurst-statement-state-auditor-mdhs-investigation",
        url="https://www.wjtv.com/news/u-s-attorney-hurst-releases-statement-about-arrests-relating-to-fraud-at-mdhs/",
        title="U.S. Attorney Hurst releases statement about arrests relating to fraud at MDHS",
        drop=[" date 2020-02-06 "],
        end="the new Hinds County District Attorney, and their offices.",
    ),
    dict(
        key="osa-mgmt",
        id="02-osa-mdhs-single-audit-management-report-fy2019",
        url="https://assets.documentcloud.org/documents/6882085/MDHS-Management-Letter-2019-003.txt",
        title="Single Audit Management Report to the Mississippi Department of Human Services, Fiscal Year 2019 (letter of April 22, 2020; excerpt)",
        drop=[],
        end="12. Strengthen controls over submission of required federal reports of the TANF program;",
    ),
    dict(
        key="mdhs-forensic",
        id="03-mdhs-forensic-audit-statement-new-controls",
        url="https://www.mdhs.ms.gov/forensicaudit/",
        title="Forensic Audit Statement and Explanation of New Controls",
        drop=[],
        end="and any additional policies needed to move forward.",
    ),
    dict(
        key="hinds-da",
        id="04-hinds-da-owens-statement-new-guilty-pleas",
        url="https://jacksonadvocateonline.com/hinds-county-attorney-releases-statement-on-plea-in-mississippis-largest-embezzlement-case/",
        title="Hinds County District Attorney Releases Statement On Plea In Mississippi’s Largest Embezzlement Case",
        drop=[" date 2022-04-27 SUBSCRIBE NOW\n\n"],
        end="for their involvement in multiple accounts of welfare fraud.",
    ),
    dict(
        key="mt-lawsuit",
        id="05-mississippi-today-mdhs-lawsuit-favre-38-defendants",
        url="https://www.natchezdemocrat.com/2022/05/10/state-files-lawsuit-to-recoup-24-million-in-welfare-funds-from-brett-favre-wwe-wrestlers-and-34-other-people-or-companies/",
        title="State files lawsuit to recoup $24 million in welfare funds from Brett Favre, WWE wrestlers and 34 other people or companies",
        drop=[
            "Getting your Trinity Audio player ready...\n\n",
            "Click here for the Mississippi Today article for a full list of defendants and a copy of the lawsuit.\n\n",
        ],
        end="do not appear as defendants in the May 9 filing.",
    ),
    dict(
        key="new-answer",
        id="06-mdhs-v-mcec-nancy-new-answer",
        url="https://scribd.com/document/582829287/Clawback-File",
        title="Defendant Nancy New’s Answer and Affirmative Defenses, Mississippi Department of Human Services v. Mississippi Community Education Center, Inc., et al., No. 22-cv-00286-EFP (Hinds County Circuit Court), filed July 11, 2022 (excerpt)",
        drop=["Download as pdf or txt\nDownload as pdf or txt\nYou are on page 1of 109\n\n"],
        end="required by Miss. R. Civ. P. 10(d).",
    ),
    dict(
        key="doj-davis",
        id="07-doj-davis-guilty-plea-conspiracy-defraud-mississippi",
        url="https://securitynews.spectator.co.nz/2022/09/23/security-news-former-executive-director-of-mississippi-department-of-human-services-pleads-guilty-for-conspiring-to-defraud-the-state-of-mississippi",
        title="Former Executive Director of Mississippi Department of Human Services Pleads Guilty for Conspiring to Defraud the State of Mississippi",
        drop=[],
        end="after considering the U.S. Sentencing Guidelines and other statutory factors.",
    ),
    dict(
        key="mdhs-amend",
        id="08-mdhs-motion-amend-civil-complaint-tanf",
        url="https://www.pressregister.com/state-politics-press-releases/mdhs-seeks-amend-civil-complaint-add-parties-receiving-misspent-tanf-638e330b51416",
        title="MDHS seeks to amend civil complaint to add parties receiving misspent TANF funds",
        drop=[],
        end="stated Bob Anderson, Executive Director Mississippi Department of Human Services.",
    ),
    dict(
        key="doj-dibiase",
        id="09-doj-dibiase-jr-indictment-federal-funds-needy-families",
        url="https://www.pwinsider.com/article/170372/former-wwe-star-ted-dibiase-jr-charged-with-stealing-millions-of-dollars-in-federal-funds-intended-for-needy-families.html?p=1",
        title="Former Professional Wrestler Charged with Theft of Millions of Dollars in Federal Funds Intended for Needy Families",
        drop=["PWInsider - WWE News, Wrestling News, WWE\n\n\n\n"],
        end="that DiBiase did not provide and did not intend to provide.",
    ),
    dict(
        key="osa-congress",
        id="10-osa-congress-calls-national-welfare-investigation",
        url="https://www2.osa.ms.gov/news/congress-calls-for-national-welfare-investigation/",
        title="Congress Calls for National Welfare Investigation",
        drop=[],
        end="so that only the truly needy are eligible.",
    ),
]


def build(doc):
    text = STORED[doc["key"]]
    for furniture in doc["drop"]:
        if furniture not in text:
            raise SystemExit(f"{doc['id']}: furniture not found: {furniture!r}")
        text = text.replace(furniture, "", 1)
    end = doc["end"]
    i = text.find(end)
    if i < 0:
        raise SystemExit(f"{doc['id']}: cut not found: {end!r}")
    return text[: i + len(end)]


def main():
    out = ROOT / "sources"
    out.mkdir(exist_ok=True)
    for doc in DOCS:
        body = build(doc)
        head = f"# source: {doc['url']}\n# title: {doc['title']}\n"
        (out / f"{doc['id']}.txt").write_text(head + body + "\n", encoding="utf-8")
        print(f"{doc['id']}: {len(body)} characters, {len(body.split())} words")


if __name__ == "__main__":
    main()
