"""Write sources/NN-slug.txt from the stored pages in stored.json.

Each stored text is the page as the stored-pages search answered it (its `excerpt`, copied
unchanged). For each document this script keeps the stretch from `start` (the first line of the
document's own text; everything before it is site furniture, named in `dropped`) to the end of
`end` (the last complete sentence before the store's cut). Nothing inside the kept stretch is
changed. Standard library only.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "sources"

DOCS = {
    "01": dict(
        slug="01-usao-ndil-comed-agrees-to-pay-200-million",
        title="Commonwealth Edison Agrees to Pay $200 Million to Resolve Federal Criminal Investigation into Bribery Scheme",
        start="FOR IMMEDIATE RELEASE",
        end="Chicago charging ComEd with bribery.",
        dropped="Scribd's 'Download as pdf or txt' (twice) and 'You are on page 1of 3'; the e-mail "
                "print header (print date, 'Fw:' subject, sender, recipients, sent line, subject "
                "line, '[External Email - Use Caution]'); the release's link lines 'FOLLOW US ON "
                "TWITTER', 'READ THE CRIMINAL INFORMATION HERE', 'READ THE DEFERRED PROSECUTION "
                "AGREEMENT HERE'",
    ),
    "02": dict(
        slug="02-us-v-comed-deferred-prosecution-agreement",
        title="Deferred Prosecution Agreement, United States of America v. Commonwealth Edison Company (N.D. Ill.) (excerpt)",
        start="UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF ILLINOIS EASTERN DIVISION",
        end="Federal Rule of Criminal Procedure 48(b).",
        dropped="pdfslide.us's page count '38' before the text; after the cut, the site's listing "
                "('… · 1 hour ago ·', 'Upload', 'View', 'Download', 'Embed Size (px)', 'Citation "
                "preview') and a second rendering of the caption",
    ),
    "03": dict(
        slug="03-exelon-comed-reaches-agreement-resolve-investigation",
        title="ComEd Reaches Agreement to Resolve Justice Department Investigation (Exelon news release, Exhibit 99.1)",
        start="comed reaches agreement to resolve Justice department investigation",
        end="The fine will not be recovered in rates or charged to customers.",
        dropped="the SEC exhibit label 'Exhibit 99.1' and the press-contact box ('|Contact:', "
                "'|Bill Gibbons', telephone, e-mail)",
    ),
    "04": dict(
        slug="04-caulkins-statement-special-investigating-committee",
        title="Caulkins Supports Creation of Special Investigating Committee",
        start="Caulkins Supports Creation of Special Investigating Committee",
        end="that supports the charge or charges.",
        dropped="nothing",
    ),
    "05": dict(
        slug="05-us-v-mcclain-memorandum-opinion-2022",
        title="United States v. McClain, 20 CR 812 (N.D. Ill. Feb. 17, 2022), Memorandum Opinion and Order (excerpt)",
        start="United States v. McClain\n",
        end="consulting services for ComEd from 2011 to 2019. (Id.)",
        dropped="'From Casetext: Smarter Legal Research'",
    ),
    "06": dict(
        slug="06-ilcs-220-5-4-604-5-restitution-for-misconduct",
        title="220 ILCS 5/4-604.5. Restitution for misconduct (Public Utilities Act) (excerpt)",
        start="220 ILCS 5/4-604.5 (220 ILCS 5/4-604.5)",
        end="for the Northern District of Illinois and Commonwealth Edison.",
        dropped="the site's menu ('Illinois Compiled Statutes', 'ILCS Listing', 'Public', 'Acts "
                "Search', 'Guide', 'Disclaimer') and the Legislative Reference Bureau's standing "
                "notice on the ILCS database ('Information maintained by …' to '… made to the "
                "current law.')",
    ),
    "07": dict(
        slug="07-usao-ndil-madigan-convicted",
        title="Former Illinois Speaker of the House Michael J. Madigan Convicted on Federal Conspiracy and Bribery Charges",
        start="Former Illinois Speaker of the House Michael J. Madigan Convicted",
        end="MICHAEL F. MCCLAIN, 77, of Quincy, Ill.",
        dropped="the blog's attribution line 'From the U.S. Attorney:'",
    ),
    "08": dict(
        slug="08-nbc-chicago-comed-four-verdict",
        title="Jury Reaches Verdict in Chicago's 'ComEd 4' Trial",
        start="Jurors found all four defendants",
        end="pulled ComEd back from the brink of bankruptcy.",
        dropped="the store's date stamp ' date 2023-05-02 ' before the text",
    ),
    "09": dict(
        slug="09-spglobal-icc-comed-customer-refunds",
        title="Illinois regulators OK $38M in ComEd customer refunds tied to bribery scandal",
        start="18 Aug, 2022",
        end="did not use ratepayer funds to pay the criminal penalty.",
        dropped="nothing",
    ),
    "10": dict(
        slug="10-simple-wikipedia-michael-madigan",
        title="Michael Madigan",
        start="Michael Madigan\n\nMichael Madigan",
        end="Speaker of the Illinois House of Representatives.[3]",
        dropped="nothing before the text",
    ),
}


def cut(text: str, start: str, end: str) -> str:
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def main() -> None:
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    OUT.mkdir(exist_ok=True)
    for key, d in DOCS.items():
        s = stored[key]
        body = cut(s["text"], d["start"], d["end"])
        out = f"# source: {s['url']}\n# title: {d['title']}\n{body}\n"
        (OUT / f"{d['slug']}.txt").write_text(out, encoding="utf-8")
        print(f"{d['slug']}: {len(body)} chars, {len(body.split())} words")


if __name__ == "__main__":
    main()
