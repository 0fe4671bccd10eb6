"""Write sources/NN-slug.txt from the stored page texts in stored.json (as stored, cut and de-furnished)."""
import json, pathlib
here = pathlib.Path(__file__).resolve().parent
out = here.parent / "sources"
for d in json.loads((here / "stored.json").read_text(encoding="utf-8")):
    text = d["text"].rstrip("\n") + "\n"
    (out / (d["id"] + ".txt")).write_text(f"# source: {d['url']}\n# title: {d['title']}\n" + text, encoding="utf-8")
    print(d["id"], len(d["text"]))
