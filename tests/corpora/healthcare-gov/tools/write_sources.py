"""Write sources/NN-slug.txt from the stored pages in stored.json.

Each entry holds the text exactly as the stored-pages search answered it ("excerpt"), the site
furniture to drop ("drop": exact stretches, each removed once) and where to cut ("cut_after": the
text is kept up to the end of the first occurrence of this stretch, the last complete sentence or
paragraph before the store's cut). Nothing else is changed.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sources"


def main() -> None:
    for entry in json.loads((HERE / "stored.json").read_text(encoding="utf-8")):
        text = entry["excerpt"]
        for stretch in entry["drop"]:
            if stretch not in text:
                raise SystemExit(f"{entry['id']}: furniture not found: {stretch[:40]!r}")
            text = text.replace(stretch, "", 1)
        end = text.find(entry["cut_after"])
        if end < 0:
            raise SystemExit(f"{entry['id']}: cut point not found")
        text = text[: end + len(entry["cut_after"])].rstrip()
        body = f"# source: {entry['url']}\n# title: {entry['title']}\n{text}\n"
        (OUT / f"{entry['id']}.txt").write_text(body, encoding="utf-8")
        print(f"{entry['id']}: {len(text)} characters, {len(text.split())} words")


if __name__ == "__main__":
    main()
