"""The load benchmark, as a smoke run: a fraction of a second per client count."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.formats import main as formats_main
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


@pytest.mark.parametrize("module", ["bench", "bench.build", "bench.load", "bench.view", "bench.formats"])
def test_every_bench_answers_help_without_running(module: str) -> None:
    done = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: python -m {module} ")


def test_bench_formats_kg_readers_meet_their_goals(capsys: pytest.CaptureFixture[str]) -> None:
    results = formats_main(["--repeat", "1"])
    pdf = [v for k, v in results.items() if k.startswith("kg (pdfplumber") and k.endswith(".pdf")]
    assert len(pdf) == 2 and all(r["whole"] == r["ordered"] == 8 and r["noise"] == 0 for r in pdf)
    html = results["kg (trafilatura) / oversight-press-release.html"]
    assert html == {**html, "kept": 5, "noise": 0}
    printed = capsys.readouterr().out
    assert "NOT MET" in printed  # the baselines miss the goals, and say so
