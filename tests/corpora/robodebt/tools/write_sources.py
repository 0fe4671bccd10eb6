#!/usr/bin/env python3
"""Write sources/NN-slug.txt from the stored pages in stored.json.

Each text is the stored excerpt, with only the furniture listed below removed (exact substrings of
the stored text) and cut after the last complete sentence or list item before the store's cut.
Nothing is rewritten. The first two lines of each file are "# source: URL" and "# title: TITLE".
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

DOCS = {
    "01-tudge-rn-breakfast-debt-compliance-letters": {
        "title": "Transcript: RN Breakfast ABC Radio National",
        "remove": [],
        "cut_after": "At any stage they can update their information in relation to that.",
    },
    "02-ombudsman-report-centrelink-automated-debt-system": {
        # The stored text has no heading; the title is the release's, as its address gives it.
        "title": "Ombudsman publishes report on Centrelink's automated debt system",
        "remove": [],
        "cut_after": "The Ombudsman will make no further comment on the report.",
    },
    "03-vla-amato-robodebt-test-case-federal-court": {
        "title": "‘I hope everyone gets the opportunity for justice’ – a win for Deanna Amato in her robo-debt test case",
        "remove": [
            # the site's print disclaimer and service blurb before the heading
            "Disclaimer: The material in this print-out relates to the law as it applies in the state of Victoria. It is intended as a general guide only. Readers should not act on the basis of any material in this print-out without getting legal advice about their own particular situations. Victoria Legal Aid disclaims any liability howsoever caused to any person in respect of any action taken in reliance on the contents of the publication.\n\n",
            "We help Victorians with their legal problems and represent those who need it most. Find legal answers, chat with us online, or call us. You can speak to us in English or ask for an interpreter. You can also find more legal information at www.legalaid.vic.gov.au\n\n",
            # the photograph's alternative text and caption
            "Picture of our client Deanna Amato\n\n \n\nOur client Deanna Amato\n\n",
        ],
        "cut_after": "who received or paid off a robo-debt based only on averaging,’ said Rowan.",
    },
    "04-robert-doorstop-income-compliance-refunds": {
        "title": "Transcript: Doorstop interview regarding changes to the Income Compliance Program",
        # the site's masthead ("Minister for the National Disability Insurance Scheme / Minister for
        # Government Services") before the heading is cut; the same two lines recur in the byline, kept
        "start_at": "Transcript: Doorstop interview",
        "remove": [],
        "cut_after": "Importantly, the Government will continue its income compliance framework going forward but with further proof points.",
    },
    "05-house-question-time-robodebt-settlement": {
        # Descriptive title: the page is headed only by the House, the date and the debate's heading.
        "title": "House of Representatives, Questions without Notice: Pensions and Benefits, 1 December 2020 (Hansard, as reproduced by OpenAustralia)",
        "remove": [
            # photographs' alternative text and the share/source links before each speaker's line
            "Photo of Bill Shorten",
            "Photo of Stuart Robert",
            "Photo of Tony Smith",
            " Share this | | Hansard source",
        ],
        "cut_after": "governments of all persuasions have been doing this quite rightly and quite legitimately for a long time.",
    },
    "06-fca-prygodicz-no2-settlement-summary": {
        "title": "Prygodicz v Commonwealth of Australia (No 2) [2021] FCA 634 — Summary",
        "remove": [],
        "cut_after": "it sought to raise and recover that asserted debt.",
    },
    "07-royal-commission-robodebt-report-page": {
        # Descriptive title: the page is headed "Report".
        "title": "Report of the Royal Commission into the Robodebt Scheme (the Commission's report page)",
        "remove": [
            "Skip to main content\n\n",
            # the listing's tag and empty date label ("Prepared by" and its value are kept)
            "  • Report\nPublication date\n",
        ],
        "cut_after": "taking all practicable steps to avoid the possibility that interactions with the government might exacerbate those stresses or introduce new ones.",
    },
    "08-albanese-shorten-press-conference-final-report": {
        "title": "Minister Shorten press conference at Parliament House, Canberra",
        "remove": [],
        "cut_after": "This tragedy caused stress, anxiety, financial destitution and sadly had a very real human toll.",
    },
    "09-canberra-times-nacc-robodebt-referrals": {
        # The stored text has no headline; the title is the story's, as its address gives it.
        "title": "Corruption watchdog won't investigate officials referred by robodebt",
        "remove": [
            # the store's date stamp
            " date 2024-06-06 ",
        ],
        "cut_after": "enhancing integrity in the Commonwealth public sector and the accountability of public officials\".",
    },
    "10-wikipedia-robodebt-scheme-2024-01": {
        "title": "Robodebt scheme",
        "remove": [],
        "cut_after": "and settled a class-action lawsuit in 2020.",
    },
}


def build(doc_id, stored):
    spec = DOCS[doc_id]
    text = stored["excerpt"]
    if "start_at" in spec:
        if text.count(spec["start_at"]) != 1:
            sys.exit(f"{doc_id}: start marker not found once")
        text = text[text.index(spec["start_at"]):]
    for furniture in spec["remove"]:
        if furniture not in text:
            sys.exit(f"{doc_id}: furniture not found: {furniture!r}")
        text = text.replace(furniture, "")
    marker = spec["cut_after"]
    if text.count(marker) != 1:
        sys.exit(f"{doc_id}: cut marker found {text.count(marker)} times")
    text = text[: text.index(marker) + len(marker)]
    return f"# source: {stored['url']}\n# title: {spec['title']}\n{text}\n"


def main():
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    out = ROOT / "sources"
    out.mkdir(exist_ok=True)
    for doc_id in DOCS:
        body = build(doc_id, stored[doc_id])
        (out / f"{doc_id}.txt").write_text(body, encoding="utf-8")
        print(doc_id, len(body.split("\n", 2)[2]), "chars")


if __name__ == "__main__":
    main()
