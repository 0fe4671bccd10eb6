"""The development subject new to the builder (tests/corpora/nassar: the DOJ OIG's review of the FBI's
handling of the Nassar allegations), built from the text alone, with an empty gazetteer: the scores
the builder earns where nobody listed its entities. Floors, not targets; see README, "Measure
extraction". (tests/corpora/phoenix-va is held out and scored only by hand, never in a test.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.api import build
from kg.build import BuildConfig
from kg.evaluate import load_gold, read_build, run_eval

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "nassar"
#: kind -> metric -> floor, measured with an empty gazetteer (the build's own scores, rounded down).
FLOORS = {
    "entities": {"precision": 0.62, "recall": 0.61},
    "positions": {"precision": 0.8, "recall": 0.5},
    "statistics": {"precision": 0.8, "recall": 0.65},
    "claims": {"precision": 0.75, "recall": 0.36},
    "facts": {"precision": 0.77, "recall": 0.4},
}


@pytest.fixture(scope="module")
def unseen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("unseen")
    sources = tmp / "sources"
    shutil.copytree(CORPUS / "sources", sources)
    for meta in sources.glob("*.toml"):  # `speaker`/`creator` name gazetteer ids: none here
        lines = meta.read_text("utf-8").splitlines(keepends=True)
        meta.write_text("".join(x for x in lines if not x.startswith(("speaker", "creator"))), "utf-8")
    empty = tmp / "gazetteer.toml"
    empty.write_text("# no entities: the builder finds them in the text\n", "utf-8")
    out = tmp / "build"
    build(BuildConfig(project=ROOT, sources=sources, out=out, gazetteer=empty, cache=False))
    return out


def test_gold_quotes_are_in_the_corpus(unseen: Path) -> None:
    assert load_gold(CORPUS / "gold", read_build(unseen).texts).items


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_an_empty_gazetteer_still_scores(unseen: Path, kind: str) -> None:
    scores = run_eval(CORPUS / "gold", unseen).as_dict()[kind]
    for metric, floor in FLOORS[kind].items():
        assert scores[metric] >= floor, f"{kind} {metric} is {scores[metric]} (floor {floor}) with an empty gazetteer"
