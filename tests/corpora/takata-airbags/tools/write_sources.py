"""Write sources/NN-slug.txt from the stored page texts in stored.json.

Each text is the stored text (as the stored-pages search answered it), with the site furniture listed
below removed and cut after the last complete sentence or list item before the store's cut. Nothing
else is changed. Standard library only.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"

DOCS = {
    "01": dict(
        slug="01-nhtsa-recall-request-letter-takata-driver-inflators",
        title="NHTSA Recall Request Letter to TK Holdings Inc., PE14-016 – Air Bag Inflators, November 26, 2014 (excerpt)",
        furniture=["Sie sind auf Seite 1von 4\n\n"],
        cut_after="exists in the subject driver's side\nair bag inflators.",
    ),
    "02": dict(
        slug="02-senate-commerce-hearing-update-takata-recalls",
        title="Update on the Recalls of Defective Takata Air Bags and NHTSA's Vehicle Safety Efforts",
        furniture=[],
        cut_after="• Daily Press Gallery – 202-224-0241",
    ),
    "03": dict(
        slug="03-takata-kennedy-testimony-house-energy-commerce",
        title="Testimony of Kevin M. Kennedy, Executive Vice President of North America, TK Holdings Inc. (“Takata”), before the House Committee on Energy and Commerce, Subcommittee on Commerce, Manufacturing, and Trade, June 2, 2015 (excerpt)",
        furniture=[],
        cut_after="So let me tell you what we are doing.",
    ),
    "04": dict(
        slug="04-nhtsa-rosekind-remarks-coordinated-remedy-enforcement",
        title="Remarks: Takata Coordinated Remedy and Enforcement Announcement",
        furniture=["Speeches and Presentations\n\n"],
        cut_after="for all four Priority Groups.",
    ),
    "05": dict(
        slug="05-doj-takata-agrees-plead-guilty-executives-charged",
        title="Takata Corporation Agrees to Plead Guilty and Pay $1 Billion in Criminal Penalties for Airbag Scheme",
        furniture=[
            "Quantcast\nChannel: News\nViewing all articles\nBrowse latest Browse all 85377\n\n",
            "$\n0\n0\n\n",
        ],
        cut_after="consumers against fraud.”",
    ),
    "06": dict(
        slug="06-dot-oig-takata-pleads-guilty-sentenced",
        title="Takata Corporation Pleads Guilty and Is Sentenced To Pay $1 Billion in Criminal Penalties for Airbag Scheme",
        furniture=["-A A +A\n\n"],
        cut_after="and the traveling public.",
    ),
    "07": dict(
        slug="07-us-v-takata-notice-appoint-mueller-special-master",
        title="United States v. Takata Corp., Notice of Intent to Appoint Robert S. Mueller, III as Special Master (E.D. Mich. Apr. 6, 2017) (excerpt)",
        furniture=[
            "Searching over 5,500,000 cases.\n\n\nsearching\nBuy This Entire Record For $7.95\n\n"
            "Download the entire decision to receive the complete text, official citation,\n"
            "docket number, dissents and concurrences, and footnotes for this case.\n\n"
            "Learn more about what you receive with purchase of this case.\n\n",
        ],
        cut_after="(Doc. 23 at PgID 108).",
    ),
    "08": dict(
        slug="08-thune-nelson-press-dot-takata-recall-update",
        title="Thune and Nelson Press Department of Transportation for Takata Recall Update",
        furniture=[],
        cut_after="the availability of replacements to meet demand.",
    ),
    "09": dict(
        slug="09-cravath-takata-monitor-end-of-year-report",
        title="Takata Independent Monitor John Buretta Issues End‑of‑Year Report on Airbag Recalls",
        furniture=[
            "add items to your\nbinder to email or\nprint all at once\nItems In Binder\nSite Lawyers\n",
            "To view the report, please click here.\n\n",
        ],
        cut_after="affected by the Takata recalls.",
    ),
    "10": dict(
        slug="10-wikipedia-takata-corporation",
        title="Takata Corporation",
        furniture=[],
        cut_after="Takata developed child restraint systems.",
    ),
}


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    SOURCES.mkdir(exist_ok=True)
    for key, doc in DOCS.items():
        text = stored[key]["stored"]
        for f in doc["furniture"]:
            assert text.count(f) == 1, (key, f)
            text = text.replace(f, "", 1)
        cut = doc["cut_after"]
        assert text.count(cut) == 1, (key, cut)
        text = text[: text.index(cut) + len(cut)]
        out = f"# source: {stored[key]['url']}\n# title: {doc['title']}\n{text}\n"
        (SOURCES / f"{doc['slug']}.txt").write_text(out, encoding="utf-8")
        print(doc["slug"], len(text), len(text.split()))


if __name__ == "__main__":
    main()
