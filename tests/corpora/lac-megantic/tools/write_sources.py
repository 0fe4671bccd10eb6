"""Write sources/NN-slug.txt from the stored page texts in stored.json.

Each stored text is copied as the `search` tool (corpus "pages") answered it. The script removes
only the site furniture listed for each document (exact strings) and cuts the text after the last
complete sentence before the store's cut (the `end` string, kept). Nothing else is changed.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCES = HERE.parent / "sources"

DOCS = {
    "01": dict(
        slug="01-tsb-railway-investigation-report-r13d0054",
        title="Railway Investigation Report R13D0054: Runaway and main-track derailment, Montreal, Maine & Atlantic Railway, Freight train MMA-002, Mile 0.23, Sherbrooke Subdivision, Lac-Mégantic, Quebec (excerpt)",
        furniture=["Table of contents\n\n"],
        end="The train’s final destination was Saint John, New Brunswick (Figure 1).",
    ),
    "02": dict(
        slug="02-tsb-ntsb-news-release-crude-oil-recommendations",
        title="TSB and NTSB call on Canadian and U.S. regulators to improve the safe transportation of crude oil by rail",
        furniture=[],
        end="The amount of crude oil now being shipped by rail in North America is staggering.",
    ),
    "03": dict(
        slug="03-transport-canada-raitt-letter-tsb-recommendations",
        title="Letter of the Minister of Transport, Lisa Raitt, to TSB Chairperson Wendy A. Tadros on Rail Safety Recommendations R14-01 to R14-03 (2014 TSB Recommendations & TC Responses; excerpt)",
        furniture=[],
        end="Minister of Transport\n\nEnclosure",
    ),
    "04": dict(
        slug="04-transport-canada-raitt-measures-tsb-final-report",
        title="Government of Canada takes meaningful action in response to the Transportation Safety Board’s Lac-Mégantic Report (excerpt)",
        furniture=[
            "News Release Article from  Transport Canada\n\n",
            "Archived Content\n\nInformation identified as archived is provided for reference, research or recordkeeping purposes. It is not subject to the Government of Canada Web Standards and has not been altered or updated since it was archived. Please contact us to request a format other than those available.\n\n",
        ],
        end="and the safe transportation of dangerous goods by rail, and continues to do so.",
    ),
    "05": dict(
        slug="05-fra-emergency-order-28-train-securement",
        title="FRA Emergency Order No. 28, Notice No. 1: Emergency Order Establishing Additional Requirements for Attendance and Securement of Certain Freight Trains and Vehicles on Mainline Track or Mainline Siding Outside of a Yard or Terminal (excerpt)",
        furniture=[],
        end="there has been significant growth in these types of rail shipments since 2011.",
    ),
    "06": dict(
        slug="06-commons-transport-committee-minutes-meeting-77",
        title="Minutes of Proceedings, Standing Committee on Transport, Infrastructure and Communities, Meeting No. 77, July 23, 2013 (excerpt)",
        furniture=[
            "Skip to main content\nStart of content\n\nTRAN Committee Meeting\n\nNotices of Meeting include information about the subject matter to be examined by the committee and date, time and place of the meeting, as well as a list of any witnesses scheduled to appear. The Evidence is the edited and revised transcript of what is said before a committee. The Minutes of Proceedings are the official record of the business conducted by the committee at a sitting.\n\nFor an advanced search, use Publication Search tool.\n\nIf you have any questions or comments regarding the accessibility of this publication, please contact us at accessible@parl.gc.ca.\n\nPrevious day publication Next day publication\n",
        ],
        end="Debate arose thereon.",
    ),
    "07": dict(
        slug="07-canadian-press-quebec-coroner-deaths-avoidable",
        title="Quebec coroner says deaths of 47 Lac-Megantic residents were avoidable",
        furniture=["Monday, February 9, 2026\nADVT \nNational\n\n"],
        end="the engine was shut down by the local fire department who left the scene.",
    ),
    "08": dict(
        slug="08-in-re-lac-megantic-derailment-litigation-order",
        title="In re Lac Megántic Train Derailment Litig., 210 F. Supp. 3d 218 (D. Me. 2016), Order on Canadian Pacific Railway Company's Amended Motion to Dismiss (excerpt)",
        furniture=["From Casetext: Smarter Legal Research\n\n"],
        end="along with two cases from the U.S. District Court for the Northern District of Texas.",
    ),
    "09": dict(
        slug="09-global-news-lac-megantic-trial-not-guilty",
        title="Lac-Megantic trial: 3 men found not guilty of criminal negligence in train derailment that killed 47 people",
        furniture=[
            " date 2018-01-19 Crime\n",
            "Smoke rises from railway cars that were carrying crude oil after derailing in downtown Lac-Megantic, Que., on July 6, 2013.\n\nTHE CANADIAN PRESS/Paul Chiasson\nA A\n\n",
            "Story continues below\n\n",
            "READ MORE: Lac-Megantic trial: Jury sent back to deliberate after reaching an impasse\n\n",
        ],
        end="Crown prosecutor Veronique Beauchamp said it is too early to say there will be an appeal.",
    ),
    "10": dict(
        slug="10-wikipedia-technical-investigation-lac-megantic",
        title="Technical investigation of the Lac-Mégantic rail disaster",
        furniture=["From Wikipedia, the free encyclopedia\n"],
        end="The Maine regulator had already allowed SPTO status before the first week of April 2012.[5][6][7]",
    ),
}


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    for key, doc in DOCS.items():
        text = stored[key]["excerpt"]
        for f in doc["furniture"]:
            assert text.count(f) == 1, (key, f)
            text = text.replace(f, "")
        assert text.count(doc["end"]) == 1, (key, doc["end"])
        text = text[: text.index(doc["end"]) + len(doc["end"])]
        out = f"# source: {stored[key]['url']}\n# title: {doc['title']}\n{text}\n"
        (SOURCES / f"{doc['slug']}.txt").write_text(out, encoding="utf-8")
        body = out.split("\n", 2)[2]
        print(doc["slug"], len(body), "chars", len(body.split()), "words")


if __name__ == "__main__":
    main()
