"""Every query the README shows runs on a build, finds something and lists each answer once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.api import Graph, build
from kg.build import BuildConfig
from kg.query import open_store, read_query, run_query
from kg.review import Verdict, add_verdicts, fact_key, reviewable

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES = [
    *re.findall(r"```sparql\n(.*?)```", README, re.DOTALL),  # the blocks
    *re.findall(r"^kg query '([^']+)'", README, re.MULTILINE),  # `kg query '...'` on the command line
    *re.findall(r"^kg query (\S+\.rq)", README, re.MULTILINE),  # `kg query FILE.rq`
    *re.findall(r"--data-urlencode 'query=([^']+)'", README),  # the curl example
]


def test_the_readme_shows_queries() -> None:
    assert len(QUERIES) >= 4


@pytest.fixture(scope="module")
def reviewed(founding: tuple[Graph, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The founding build again, with three of its facts confirmed: the README's review queries
    have something to find."""
    tmp = tmp_path_factory.mktemp("reviewed")
    verdicts = tmp / "reviews.jsonl"
    facts = reviewable(founding[0])[:3]
    add_verdicts(verdicts, [Verdict(fact_key(f), "confirmed", "tester", "2026-01-01T00:00:00Z") for f in facts])
    out = tmp / "build"
    build(BuildConfig(project=ROOT, sources=ROOT / "data/sources/founding", out=out, reviews=verdicts))
    return out


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: " ".join(q.split())[:50])
def test_readme_query_answers_without_duplicates(reviewed: Path, query: str) -> None:
    table = run_query(open_store(reviewed), read_query(str(ROOT / query) if query.endswith(".rq") else query))
    rows = [tuple(map(str, r)) for r in table.rows]
    assert rows, query
    assert len(set(rows)) == len(rows), f"duplicate rows: add DISTINCT to {query!r}"
