"""Every query the README shows runs on a build, finds something and lists each answer once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.api import Graph
from kg.query import open_store, read_query, run_query

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


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: " ".join(q.split())[:50])
def test_readme_query_answers_without_duplicates(founding: tuple[Graph, Path], query: str) -> None:
    table = run_query(open_store(founding[1]), read_query(str(ROOT / query) if query.endswith(".rq") else query))
    rows = [tuple(map(str, r)) for r in table.rows]
    assert rows, query
    assert len(set(rows)) == len(rows), f"duplicate rows: add DISTINCT to {query!r}"
