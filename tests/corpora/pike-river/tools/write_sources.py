"""Write sources/NN-slug.txt from the stored pages (stored.json), as the search tool answered them.

For each document: the furniture removed (exact strings) and the end (the text is cut right after
the last complete sentence or paragraph before the store's cut). Nothing else is changed.
Run from this folder: python3 write_sources.py
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sources"

DOCS = {
    "01": dict(
        slug="01-royal-commission-volume-1-overview",
        title="Commission's Report - Volume 1",
        furniture=["< Previous I Next >\n\nRoyal Commission Report Volume 1 cover image\n\n\n"],
        end="and by constant monitoring of the mine’s atmosphere.",
    ),
    "02": dict(
        slug="02-royal-commission-letter-of-transmittal",
        title="Royal Commission on the Pike River Coal Mine Tragedy, Volume 1 (Overview), 2012: title page, letter of transmittal to the Governor-General (30 October 2012) and contents (excerpt)",
        furniture=["Anda di halaman 1dari 44\n\n"],
        end="14 14 14 15 15 16 17 22 23 25 27 28",
    ),
    "03": dict(
        slug="03-dol-pike-river-parties-charged-named",
        title="Pike River – Parties charged named",
        furniture=[],
        end="no action or inaction of his as an employee harmed another person.",
    ),
    "04": dict(
        slug="04-key-govt-responds-royal-commission",
        title="Govt responds to Pike River Royal Commission",
        furniture=["Gordon Campbell | Parliament TV | Parliament Today | Video | Questions Of the Day | Search\n\n \n\n\n"],
        end="methane that accumulated in the working areas of the mine.",
    ),
    "05": dict(
        slug="05-police-outcome-investigation-pike-river",
        title="Outcome of police investigation into Pike River Mine explosion",
        furniture=["2 min read\n\n"],
        end="I know they will be very disappointed.",
    ),
    "06": dict(
        slug="06-mbie-charges-whittall-not-proceeding",
        title="Charges against Peter Whittall not proceeding",
        furniture=[],
        end="has been convicted and fined,” Mr Podger said.",
    ),
    "07": dict(
        slug="07-osborne-v-worksafe-court-of-appeal-press-summary",
        title="Judgment: Osborne v Worksafe New Zealand",
        furniture=[],
        end="payments totalling $3.41 million from Mr Whittall’s insurer.",
    ),
    "08": dict(
        slug="08-osborne-v-worksafe-supreme-court-judgment",
        title="Anna Elizabeth Osborne and Sonya Lynne Rockhouse v WorkSafe New Zealand [2017] NZSC 175 (23 November 2017) (excerpt)",
        furniture=["Download - in the supreme court of new zealand\n\nTranscript\n\n"],
        end="“the employment related disaster of a generation.”",
    ),
    "09": dict(
        slug="09-little-enters-pike-river-portal",
        title="Andrew Little enters Pike River portal",
        furniture=["Source: New Zealand Government\n\nHeadline: Andrew Little enters Pike River portal\n\n"],
        end="the remains of their loved ones,” says Andrew Little.",
    ),
    "10": dict(
        slug="10-wikipedia-pike-river-mine-disaster",
        title="Pike River Mine disaster",
        furniture=[],
        end="when 43 men died at Ralph's Mine in Huntly.",
    ),
}


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    OUT.mkdir(exist_ok=True)
    for key, spec in DOCS.items():
        page = stored[key]
        text = page["excerpt"]
        for f in spec["furniture"]:
            assert text.count(f) == 1, (key, f)
            text = text.replace(f, "")
        i = text.find(spec["end"])
        assert i >= 0 and text.count(spec["end"]) == 1, (key, spec["end"])
        text = text[: i + len(spec["end"])]
        body = f"# source: {page['url']}\n# title: {spec['title']}\n{text}\n"
        (OUT / f"{spec['slug']}.txt").write_text(body, encoding="utf-8")
        print(spec["slug"], len(text), len(text.split()))


if __name__ == "__main__":
    main()
