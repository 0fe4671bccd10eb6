#!/usr/bin/env python3
"""Write sources/NN-slug.txt from the texts the stored-pages search returned (tools/stored/NN.txt).

Each stored text is copied as the search answered it. The only changes: whole lines of site
furniture are dropped (FURNITURE), and the text is cut after the last complete sentence or list
item before the store's cut (END: the text ends with this string, which must occur once).
Nothing else is rewritten."""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

DOCS = [
    ("01", "01-va-oig-unexpected-death-tomah-2015",
     "https://www.va.gov/oig/publications/report-summary.asp?id=3565",
     "Healthcare Inspection – Unexpected Death of a Patient During Treatment with Multiple Medications, Tomah VA Medical Center, Tomah, WI",
     [], "written informed consent for buprenorphine treatment."),
    ("02", "02-va-oig-opioid-monitoring-review-tomah",
     "https://www.va.gov/oig/publications/report-summary.asp?id=4626",
     "Review of Opioid Monitoring and Allegations Related to Opioid Prescribing Practices and Other Concerns at the Tomah VA Medical Center",
     ["Breadcrumb"], "resources were available and encouraged."),
    ("03", "03-news8000-tomah-oig-report-made-public",
     "https://www.news8000.com/tomah-va-investigation-report-made-public-11-months-after-completion/",
     "Tomah VA investigation report made public 11 months after completion",
     [], "widely held beliefs by staff in the pharmacy."),
    ("04", "04-baldwin-letter-mcdonald-tomah-va",
     "https://www.baldwin.senate.gov/press-releases/us-senator-tammy-baldwin-calls-for-immediate-action-from-secretary-mcdonald-on-tomah-va",
     "U.S. Senator Tammy Baldwin Calls for “Immediate Action” from Secretary McDonald on Tomah VA",
     ["Skip to content"], "abuse of administrative authority at the Tomah VA Medical Center."),
    ("05", "05-johnson-duffy-request-oig-investigation-tomah",
     "https://www.ronjohnson.senate.gov/2015/1/johnson-duffy-request-inspector-general-investigation-into-tomah-va",
     "Johnson, Duffy Request Inspector General Investigation into Tomah VA",
     [], "continue to receive questionable care."),
    ("06", "06-carper-statement-tomah-joint-field-hearing",
     "https://www.hsgac.senate.gov/media/dems/1hearing-statement-tomah-vamc-examining-quality-access-and-a-culture-of-overreliance-on-high-risk-medications/",
     "Hearing Statement: “Tomah VAMC: Examining Quality, Access, and a Culture of Overreliance on High-Risk Medications”",
     [], "seeking care at the hospital declined."),
    ("07", "07-military-times-houlihan-fired-without-settlement",
     "https://www.militarytimes.com/veterans/2015/11/02/va-tomah-chief-of-staff-fired-without-settlement/",
     "VA Tomah chief of staff fired without settlement",
     [], "It is much too difficult to fire failed VA employees,\" Miller said."),
    ("08", "08-johnson-statement-houlihan-license-surrender",
     "https://hsgac.senate.gov/media/reps/johnson-statement-on-former-tomah-va-doctor-surrendering-wisconsin-medical-license",
     "Johnson Statement on Former Tomah VA Doctor Surrendering Wisconsin Medical License",
     [], "will be placed in a national physician database."),
    ("09", "09-gop-hr-4063-jason-simcakoski-promise-act",
     "https://www.gop.gov/bill/h-r-4063-jason-simcakoski-promise-act/",
     "H.R. 4063, Jason Simcakoski PROMISE Act",
     [], "to make recommendations on improvements."),
    ("10", "10-wikipedia-comprehensive-addiction-and-recovery-act",
     "https://en.wikipedia.org/wiki/Comprehensive_Addiction_and_Recovery_Act",
     "Comprehensive Addiction and Recovery Act",
     ["From Wikipedia, the free encyclopedia", "Jump to navigation Jump to search"],
     "as authorized under CARA.[6]"),
]


def main():
    out = ROOT / "sources"
    out.mkdir(exist_ok=True)
    for nn, slug, url, title, furniture, end in DOCS:
        text = (HERE / "stored" / f"{nn}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        for f in furniture:
            i = lines.index(f)               # a whole line, which must exist
            del lines[i]
            if i < len(lines) and lines[i] == "" and (i == 0 or lines[i - 1] == ""):
                del lines[i]                 # and the blank line it leaves doubled
        text = "\n".join(lines)
        assert text.count(end) == 1, (nn, end)
        text = text[: text.index(end) + len(end)]
        body = f"# source: {url}\n# title: {title}\n{text}\n"
        (out / f"{slug}.txt").write_text(body, encoding="utf-8")
        print(slug, len(text), "chars,", len(text.split()), "words")


if __name__ == "__main__":
    main()
