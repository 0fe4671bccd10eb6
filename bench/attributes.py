"""The model's attribute rules: spaCy's ``attribute_ruler`` against kg's lookup of the same
patterns (:mod:`kg.extract.attributes`), on the embedded corpus's sentences, side by side.

    python -m bench.attributes               # the corpus copied 16 times, best of 3
    python -m bench.attributes --copies 1 --repeat 1

Both are given the same parsed sentences (tagger and parser run once, beforehand), each on its own
copies; the figures are seconds and their ratio, and the annotations must come out the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.extract.attributes import AttributeRules
from kg.extract.parse import MAX_SENTENCE, load_model
from kg.sources import load_documents

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
ATTRS: list[int | str] = ["POS", "TAG", "MORPH", "LEMMA", "DEP"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.attributes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    nlp = load_model()
    docs, _ = load_documents(SOURCES)
    texts = [d.text[s.start : s.end] for d in docs for s in d.sentences if s.end - s.start <= MAX_SENTENCE]
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("attribute_ruler")]):
        parsed = list(nlp.pipe(texts * args.copies, batch_size=256))
    spacy_ruler = nlp.get_pipe("attribute_ruler")
    ours = AttributeRules.of(nlp)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, ruler in (("spaCy attribute_ruler", spacy_ruler), ("kg AttributeRules", ours)):
            copies = [d.copy() for d in parsed]
            start = time.perf_counter()
            for d in copies:
                ruler(d)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    a, b = [d.copy() for d in parsed[: len(texts)]], [d.copy() for d in parsed[: len(texts)]]
    same = all((spacy_ruler(x).to_array(ATTRS) == ours(y).to_array(ATTRS)).all() for x, y in zip(a, b, strict=True))
    words = sum(len(d) for d in parsed)
    print(f"attribute rules on {len(parsed)} sentences ({words} words), best of {args.repeat}:")
    for name, s in best.items():
        print(f"   {name:<24} {s:6.3f} s")
    ratio = best["spaCy attribute_ruler"] / best["kg AttributeRules"]
    print(f"   ratio spaCy / kg: {ratio:.1f}x; same annotations: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
