#!/usr/bin/env python3
"""Write sources/NN-slug.txt from the stored pages in stored.json.

Each entry holds the text exactly as the stored-pages search answered it ("stored"), the furniture
to drop before the text ("cut_prefix"), furniture inside it ("cut_inner"), and the last complete
sentence or paragraph to keep ("end_after"; null keeps the whole text). Nothing else is changed.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "sources"


def build(entry: dict) -> str:
    text = entry["stored"]
    for prefix in entry.get("cut_prefix", []):
        assert text.startswith(prefix), (entry["id"], prefix)
        text = text[len(prefix):]
    for inner in entry.get("cut_inner", []):
        assert text.count(inner) == 1, (entry["id"], inner)
        text = text.replace(inner, "", 1)
    end = entry.get("end_after")
    if end:
        assert text.count(end) == 1, (entry["id"], end)
        text = text[: text.index(end) + len(end)]
    return text.rstrip("\n") + "\n"


def main() -> None:
    entries = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    for entry in entries:
        body = build(entry)
        head = f"# source: {entry['url']}\n# title: {entry['title']}\n"
        (OUT / f"{entry['id']}.txt").write_text(head + body, encoding="utf-8")
        print(entry["id"], len(body), "chars", len(body.split()), "words")


if __name__ == "__main__":
    main()
