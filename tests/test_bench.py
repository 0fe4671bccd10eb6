"""The load benchmark, as a smoke run: a fraction of a second per client count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.load import main
from kg.api import Graph


def test_bench_smoke(founding: tuple[Graph, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    report = main(["--build", str(founding[1]), "--duration", "0.5", "--clients", "1,3", "--json", str(out)])
    printed = capsys.readouterr().out
    assert "p50 ms" in printed and "rdflib / endpoint" in printed
    runs = report["runs"]
    assert isinstance(runs, list) and [r["clients"] for r in runs] == [1, 3]
    assert all(r["errors"] == 0 and r["requests"] > 0 for r in runs)
    assert json.loads(out.read_text())["ratio_geomean"] > 0
    agree = report["rows_agree"]
    assert isinstance(agree, dict)
    assert all(agree[name] for name in agree if name not in report["rdflib_failed"])  # type: ignore[operator]
