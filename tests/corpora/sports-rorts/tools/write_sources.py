"""Write sources/NN-slug.txt from the stored pages in stored.json.

Each stored text is copied as the search tool (corpus `pages`) answered it. For each document this
script drops the site furniture named below (exact strings, each of which must occur once) and cuts
the text after the last complete sentence or paragraph before the store's cut (`cut_after`: the text
ends with the first occurrence of that string). Nothing else is changed.

Run from this folder: python3 write_sources.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"

DOCS = {
    "01": dict(
        slug="01-anao-audit-snapshot-community-sport-infrastructure",
        title="Award of Funding under the Community Sport Infrastructure Program: audit snapshot",
        furniture=[],
        # the store cuts paragraph 2 of the summary after its number "2."
        cut_after="encouraging greater community participation in sport and physical activity.",
    ),
    "02": dict(
        slug="02-senate-committee-hearing-anao-2020-02-13",
        title="Select Committee on Administration of Sports Grants, public hearing of 13 February 2020 (Committee Hansard, opening)",
        furniture=[
            "Note: Where available, the PDF/Word icon below is provided to view the complete and fully formatted document\n",
        ],
        cut_after="Such a request may also be made at any other time.",
    ),
    "03": dict(
        slug="03-pm-press-conference-gaetjens-report-mckenzie",
        title="Press Conference - Australian Parliament House, ACT",
        furniture=[],
        cut_after="And she was also briefed by the Secretary on the report as well.",
    ),
    "04": dict(
        slug="04-mckenzie-senate-statement-ministerial-standards",
        title="Senate debates, Wednesday, 5 February 2020, Statements: McKenzie, Senator the Hon. Bridget",
        furniture=[" Share this | Hansard source"],
        cut_after="either as minister or as senator for Victoria.",
    ),
    "05": dict(
        slug="05-pmc-secretary-submission-senate-select-committee",
        title="Submission to the Senate Select Committee on Administration of Sports Grants, Secretary of the Department of the Prime Minister and Cabinet",
        furniture=[],
        cut_after="that the ANAO used for its audit.",
    ),
    "06": dict(
        slug="06-auditor-general-letter-chisholm-round-three",
        title="Letter of the Auditor-General to Senator Anthony Chisholm, Chair, Senate Select Committee on Administration of Sports Grants, 16 April 2020 (excerpt)",
        furniture=[],
        cut_after="at 8:27am on Thursday 11 April 2019).",
    ),
    "07": dict(
        slug="07-senate-select-committee-inquiry-page",
        title="Select Committee on Administration of Sports Grants",
        furniture=[
            "For more information please click the Information about the inquiry link on this page.\n\n",
            "\n\nCommittee Secretariat contact:\n\nSenior Clerk's Office\nDepartment of the Senate\nPO Box 6100\nParliament House\nCanberra ACT 2600\n\nPhone: 02 6277 3555\nseniorclerk.committees.sen@aph.gov.au",
        ],
        cut_after="when it tabled its report on 18 March 2021.",
    ),
    "08": dict(
        slug="08-senate-select-committee-final-report-recommendations",
        title="Select Committee on Administration of Sports Grants, final report (March 2021): List of Recommendations (excerpt)",
        furniture=[],
        cut_after="cognisant of their powers, responsibilities and duties under law.",
    ),
    "09": dict(
        slug="09-smh-mckenzie-exit-strain-coalition",
        title="McKenzie's exit puts a strain on Coalition",
        furniture=[
            "McKenzie's exit puts a strain on Coalition\n\nWe’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again later.\n\n\nThis was published 2 years ago\n\n",
        ],
        cut_after='influence my decision making".',
    ),
    "10": dict(
        slug="10-wikipedia-sports-rorts-affair-2020",
        title="Sports rorts affair (2020)",
        furniture=[],
        cut_after="encouraging greater community participation in sport and physical activity.",
    ),
}


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    SOURCES.mkdir(exist_ok=True)
    for key, d in DOCS.items():
        text = stored[key]["stored"]
        for f in d["furniture"]:
            assert text.count(f) == 1, (key, f)
            text = text.replace(f, "")
        i = text.find(d["cut_after"])
        assert i >= 0, (key, d["cut_after"])
        text = text[: i + len(d["cut_after"])]
        out = f"# source: {stored[key]['url']}\n# title: {d['title']}\n{text}\n"
        (SOURCES / f"{d['slug']}.txt").write_text(out, encoding="utf-8")
        print(f"{d['slug']}: {len(text)} characters, {len(text.split())} words")


if __name__ == "__main__":
    main()
