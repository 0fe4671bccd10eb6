#!/usr/bin/env python3
"""Write sources/NN-slug.txt from tools/stored.json.

Each entry of stored.json holds the page's text exactly as the stored-pages search answered it
("stored"), the site furniture to drop ("drop": exact stretches, each of which must occur once) and
where the text is cut ("cut_after": the text ends with the first occurrence of this stretch; null
where the stored text is kept whole). Nothing else is changed; trailing whitespace at the end of
the text is stripped.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    entries = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    for e in entries:
        text = e["stored"]
        for d in e["drop"]:
            n = text.count(d)
            assert n >= 1, (e["id"], "furniture not found", d)
            text = text.replace(d, "")
        if e["cut_after"]:
            i = text.find(e["cut_after"])
            assert i >= 0, (e["id"], "cut point not found")
            text = text[: i + len(e["cut_after"])]
        text = text.rstrip()
        out = f"# source: {e['url']}\n# title: {e['title']}\n{text}\n"
        (ROOT / "sources" / f"{e['id']}.txt").write_text(out, encoding="utf-8")
        print(e["id"], len(text), "chars,", len(text.split()), "words")


if __name__ == "__main__":
    main()
