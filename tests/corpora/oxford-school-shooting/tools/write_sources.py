#!/usr/bin/env python3
"""Write sources/NN-slug.txt from the stored page texts in stored.json.

Each stored text is the beginning of its page as the stored-pages search returned it (about 2,000
characters). For each document this script removes only the site furniture named below (navigation,
link sentences, the store's date stamp, OCR stamp noise) and cuts the text at the last complete
sentence or list item before the store's cut. Nothing else is changed: no spelling, quote or spacing
is corrected. Every removal must match the stored text exactly, or the script stops.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
STORED = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))

# key: (slug, title, [furniture strings removed], text the document ends with)
DOCS = {
    "01": (
        "01-oxfordresponse-guidepost-about-the-investigation",
        "About the Investigation",
        [],
        "Of course, independent investigations like these take time.",
    ),
    "02": (
        "02-fox17-nessel-disappointed-oxford-declines-review",
        "Nessel disappointed Oxford school district declines AG review of shooting",
        ["Watch\nNewsLocal NewsMichigan\n\nActions\n\n",
         "items.[0].image.alt\nDavid Eggert/AP\nFILE - In this March 5, 2020, file photo, Michigan Attorney General Dana Nessel addresses the media during a news conference in Lansing, Mich. Jacob Wohl, 22, and Jack Burkman, 54, two notorious conservative operatives were charged Thursday, Oct. 1, 2020 with felonies in connection with false robocalls that aimed to dissuade residents in Detroit and other U.S. cities from voting by mail, Michigan's attorney general announced. (AP Photo/David Eggert, File)\nDana Nessel 2020 picture Michigan AG\n"],
        "when they are ready to share their thoughts.",
    ),
    "03": (
        "03-fox2-guidepost-report-district-failed",
        "Oxford High School shooting independent report: district failed to provide safe environment",
        [" date 2023-10-30 ",
         "\n\nRead the full shooting incident report below. Some details may be upsetting to some readers, viewer discretion is advised."],
        "\"independent report on threat and suicide assessments and physical security.",
    ),
    "04": (
        "04-wnem-nessel-statement-board-declines-investigation",
        "Oxford school board declines independent investigation",
        [],
        "He is due back in court for another review on May 19 at 9 a.m.",
    ),
    "05": (
        "05-people-v-crumbley-coa-2023-03-23",
        "People v. Crumbley, No. 362210 (Mich. Ct. App. Mar. 23, 2023)",
        ["From Casetext: Smarter Legal Research\n\n"],
        "entered September 14, 2022 (Docket No. 362211).",
    ),
    "06": (
        "06-franz-v-oxford-community-school-district-2023-05-12",
        "Franz v. Oxford Cmty. Sch. Dist., 21-cv-12871 (E.D. Mich. May 12, 2023)",
        ["From Casetext: Smarter Legal Research\n\n"],
        "Mueller et al. v. Oxford Community School District et al., No. 22-cv-11448 (E.D. Mich.);",
    ),
    "07": (
        "07-people-v-ethan-crumbley-motion-life-without-parole",
        "People v. Ethan Robert Crumbley: Motion to Sentence Defendant to Imprisonment for Life Without the Possibility of Parole (Oakland County Circuit Court, filed November 14, 2022)",
        ["You are on page 1of 4\n", "¥ & 5 2 € 5 3 3 2 2 Ss 3 ° 2 ", "ae ! "],
        "Defendant must file a response to this motion within 14 days, MCL 769,25(5).",
    ),
    "08": (
        "08-congressional-record-slotkin-recognizing-oxford",
        "Recognizing Oxford Michigan (Congressional Record, House, February 8, 2022)",
        [],
        "``Oxford Strong'' isn't just a catchphrase.",
    ),
    "09": (
        "09-courttv-sentencing-jennifer-and-james-crumbley",
        "Sentencing: MI v. Jennifer and James Crumbley",
        [],
        "to serve the remainder of their time on house arrest.",
    ),
    "10": (
        "10-wikipedia-karen-mcdonald-politician",
        "Karen McDonald (politician)",
        [],
        "the Joan E. Young Champion of Children Award.",
    ),
}


def main():
    out = ROOT / "sources"
    out.mkdir(exist_ok=True)
    for key, (slug, title, furniture, end) in DOCS.items():
        rec = STORED[key]
        text = rec["text"]
        for f in furniture:
            assert text.count(f) == 1, (key, f)
            text = text.replace(f, "", 1)
        i = text.find(end)
        assert i >= 0 and text.count(end) == 1, (key, end)
        text = text[: i + len(end)]
        body = f"# source: {rec['url']}\n# title: {title}\n{text}\n"
        (out / f"{slug}.txt").write_text(body, encoding="utf-8")
        print(f"{slug}: {len(text)} characters, {len(text.split())} words")


if __name__ == "__main__":
    main()
