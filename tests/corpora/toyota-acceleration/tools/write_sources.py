"""Write sources/NN-slug.txt from the stored page texts (tools/stored.json).

Each entry of stored.json holds the stored text of one page as the `search` tool (corpus `pages`)
returned it, the furniture to drop (exact strings, removed once each) and the cut (the text is cut
right after the first occurrence of `cut_after`, the last complete sentence before the store's cut).
Standard library only.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    stored = json.loads((HERE / "stored.json").read_text(encoding="utf-8"))
    for doc in stored:
        text = doc["stored"]
        for furn in doc.get("drop", []):
            if furn not in text:
                raise SystemExit(f"{doc['id']}: furniture not found: {furn!r}")
            text = text.replace(furn, "", 1)
        cut = doc.get("cut_after")
        if cut:
            i = text.find(cut)
            if i < 0:
                raise SystemExit(f"{doc['id']}: cut not found: {cut!r}")
            text = text[: i + len(cut)]
        text = text.strip("\n") + "\n"
        out = ROOT / "sources" / f"{doc['id']}.txt"
        out.write_text(f"# source: {doc['url']}\n# title: {doc['title']}\n{text}", encoding="utf-8")
        print(out.name, len(text))


if __name__ == "__main__":
    main()
