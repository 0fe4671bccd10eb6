"""Write sources/NN-slug.txt from the stored page texts in stored.json.

Each entry of stored.json holds the text exactly as the stored-pages search answered it
("stored"), the site furniture to drop ("drop": exact substrings, each removed once) and the
end of the last complete sentence or paragraph kept before the store's cut ("cut_after").
Nothing else is changed. Standard library only.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent


def build(entry):
    text = entry["stored"]
    for piece in entry["drop"]:
        if text.count(piece) != 1:
            sys.exit(f"{entry['id']}: furniture {piece!r} occurs {text.count(piece)} times")
        text = text.replace(piece, "", 1)
    cut = entry["cut_after"]
    if text.count(cut) != 1:
        sys.exit(f"{entry['id']}: cut {cut!r} occurs {text.count(cut)} times")
    text = text[: text.index(cut) + len(cut)]
    return text.rstrip() + "\n"


def main():
    entries = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    out = CORPUS / "sources"
    out.mkdir(exist_ok=True)
    for entry in entries:
        body = build(entry)
        head = f"# source: {entry['url']}\n# title: {entry['title']}\n"
        (out / f"{entry['id']}.txt").write_text(head + body, encoding="utf-8")
        print(f"{entry['id']}: {len(body)} characters, {len(body.split())} words")


if __name__ == "__main__":
    main()
