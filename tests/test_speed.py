"""Parallel and incremental builds give the same output as a serial, clean build; the progress bar."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

import kg.view
from kg.api import BuildConfig, build
from kg.build import extract_all
from kg.cache import ExtractionCache, cache_dir_for
from kg.cli import main
from kg.gazetteer import load_gazetteer
from kg.progress import Progress, wanted
from kg.shacl import validate
from kg.sources import load_documents

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ["kg.ttl", "kg.trig", "kg.nt", "kg.jsonld", "facts.csv", "report.json", "graph.html"]


def assert_same_exports(a: Path, b: Path) -> None:
    for name in EXPORTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_parallel_build_is_byte_identical_to_serial(full: tuple[object, Path], tmp_path: Path) -> None:
    serial = tmp_path / "serial"
    build(BuildConfig(project=ROOT, out=serial, jobs=1, cache=False))
    assert_same_exports(serial, full[1])  # the session build used the default: one process per CPU
    parallel = tmp_path / "parallel"
    build(BuildConfig(project=ROOT, out=parallel, jobs=3, cache=False))
    assert_same_exports(serial, parallel)


def test_cache_reextracts_only_the_changed_document(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "data/sources", sources)
    gaz_path = ROOT / "data/gazetteer.toml"
    gaz = load_gazetteer(gaz_path)

    def run() -> ExtractionCache:
        cache = ExtractionCache(tmp_path / "cache", gaz_path)
        extract_all(load_documents(sources)[0], gaz, jobs=1, cache=cache)
        return cache

    first = run()
    assert (first.hits, first.misses) == (0, 10)
    again = run()
    assert (again.hits, again.misses) == (10, 0)
    changed = sources / "corpus/13-doj-oig-meet-the-inspector-general.txt"
    changed.write_text(changed.read_text() + "\nMichael E. Horowitz is the Inspector General.\n")
    third = run()
    assert (third.hits, third.misses) == (9, 1)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 10  # the old entry was pruned


def test_incremental_build_equals_a_clean_build(project: Path) -> None:
    out = project / "build"
    build(BuildConfig(project=project, out=out, jobs=1))
    assert len(list(cache_dir_for(out).glob("*.pickle"))) == 2
    doc = project / "data/sources/oig-message-2021-01.txt"
    doc.write_text(doc.read_text().replace("2021", "2020", 1))
    build(BuildConfig(project=project, out=out, jobs=2))
    clean = project / "clean"
    build(BuildConfig(project=project, out=clean, jobs=1, cache=False))
    assert not cache_dir_for(clean).exists()
    assert_same_exports(out, clean)


def test_a_gazetteer_change_invalidates_the_cache(project: Path) -> None:
    gaz_path = project / "data/gazetteer.toml"
    docs, _ = load_documents(project / "data/sources")
    cache = ExtractionCache(project / "cache", gaz_path)
    extract_all(docs, load_gazetteer(gaz_path), cache=cache)
    gaz_path.write_text(gaz_path.read_text() + "\n# a comment\n")
    cache = ExtractionCache(project / "cache", gaz_path)
    extract_all(docs, load_gazetteer(gaz_path), cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)


def test_build_cli_options(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(project), "--jobs", "2", "--no-cache", "--quiet"])
    assert result.exit_code == 0, result.output
    assert not cache_dir_for(project / "build").exists()
    assert "\r" not in result.output


def test_progress_bar_draws_after_its_delay_and_clears() -> None:
    stream = io.StringIO()
    bar = Progress(stream, enabled=True, delay=0.0)
    bar.start("extracting", 3)
    bar.advance()
    bar.start("validating")
    bar.done()
    text = stream.getvalue()
    assert "extracting [######--------------] 1/3" in text and "validating..." in text
    assert text.endswith("\r\x1b[2K")
    quiet = io.StringIO()
    late = Progress(quiet, enabled=True, delay=60.0)
    late.start("extracting", 3)
    late.done()
    assert quiet.getvalue() == ""


def test_progress_bar_is_off_in_ci_quiet_or_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert wanted(Tty()) and not wanted(Tty(), quiet=True) and not wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not wanted(Tty())


@pytest.mark.parametrize("case", sorted((ROOT / "tests/cases/shapes").glob("*.trig")), ids=lambda p: p.name)
def test_build_validation_rejects_what_the_shapes_reject(case: Path) -> None:
    """The build's validation (ontology merged into the data, validated in place) decides every shape
    case as pySHACL does with the ontology passed apart (tests/test_ontology.py)."""
    expected = re.findall(r"^# expect: kgsh:(\S+)$", case.read_text(encoding="utf-8"), re.M)
    quads = list(pyoxigraph.parse(path=str(case), format=RdfFormat.TRIG))
    conforms, text = validate(quads, ROOT / "ontology")
    assert conforms == (not expected), text
    if expected:
        assert f"Source Shape: kgsh:{expected[0]}" in text, text


def test_the_layout_is_remembered_for_a_graph_of_the_same_shape(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "build"
    build(BuildConfig(project=project, out=out, jobs=1))
    (memo,) = cache_dir_for(out).glob("layout-*.json")
    doc = project / "data/sources/oig-message-2021-01.txt"
    doc.write_text(doc.read_text() + "\nNothing more is said here.\n")  # new text, the same graph

    def no_layout(*_: object) -> None:
        raise AssertionError("laid out again")

    monkeypatch.setattr(kg.view, "_place", no_layout)
    build(BuildConfig(project=project, out=out, jobs=1))
    assert list(cache_dir_for(out).glob("layout-*.json")) == [memo]
    monkeypatch.undo()
    clean = project / "clean"
    build(BuildConfig(project=project, out=clean, jobs=1, cache=False))
    assert_same_exports(out, clean)
    memo.write_text("{not json", encoding="utf-8")  # a damaged memo is laid out afresh
    build(BuildConfig(project=project, out=out, jobs=1))
    assert_same_exports(out, clean)
    assert json.loads(memo.read_text(encoding="utf-8"))
