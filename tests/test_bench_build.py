"""The build benchmark, as a smoke run on the founding sources: every section and ratio is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.build import main

ROOT = Path(__file__).resolve().parent.parent


def test_build_bench_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    argv = [
        "--sources",
        str(ROOT / "data/sources/founding"),
        "--copies",
        "1,2",
        "--docs",
        "3",
        "--throughput-copies",
        "2",
    ]
    report = main([*argv, "--triples", "12000", "--repeat", "1", "--json", str(out)])
    printed = capsys.readouterr().out
    for heading in ["1. throughput", "2. growth", "3. parallel and incremental", "4. SPARQL", "5. export"]:
        assert heading in printed
    assert "ratio kg build / spaCy pipeline" in printed and "SHACL validation" in printed
    assert "goal >= 0.8x: met" in printed or "goal >= 0.8x: NOT MET" in printed
    tp = report["throughput"]
    assert isinstance(tp, dict) and tp["build_vs_text_pipeline"] > 0 and tp["build_vs_spacy"] > 0
    growth = report["growth"]
    assert isinstance(growth, dict) and [r["copies"] for r in growth["runs"]] == [1, 2]
    par = report["parallel_incremental"]
    assert isinstance(par, dict) and par["parallel_identical"] and par["rebuild_identical"]
    assert par["incremental_docs"] == 3 and par["rebuild_ratio"] > 0
    sparql = report["sparql"]
    assert isinstance(sparql, dict) and all(v["pyoxigraph_p50_ms"] > 0 for v in sparql.values())
    export = report["export"]
    assert isinstance(export, dict) and {r["format"] for r in export["formats"]} >= {"Turtle", "N-Quads", "JSON-LD"}
    assert json.loads(out.read_text())["growth"]["runs"][1]["time_ratio"] > 0
