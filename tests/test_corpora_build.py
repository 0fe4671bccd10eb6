"""Every corpus in the repository builds, and its build satisfies the shapes. A fact the validation
refuses fails the whole build, so an extractor that asserts what the shapes do not allow takes every
document down with it: the held-out corpora (scored by hand, never tuned on in a test) are built
here only to catch that, not to score them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from kg.api import build
from kg.build import BuildConfig
from kg.vocabulary import event_classes, implied_doer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("corpus", ["phoenix-va", "flint"])
def test_a_corpus_builds_and_conforms(corpus: str, tmp_path: Path) -> None:
    out = tmp_path / "build"
    build(BuildConfig(project=ROOT, sources=ROOT / "tests" / "corpora" / corpus / "sources", out=out, cache=False))
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["shacl"]["conforms"] is True
    assert report["warnings"] == []  # no document failed
    assert len(report["sources"]) == len(list((ROOT / "tests" / "corpora" / corpus / "sources").glob("*.txt")))


def test_the_events_that_may_stand_alone_are_the_shapes_own() -> None:
    """The extractor reads from the shapes which events need no participant named; every one is an
    event class, and the shapes list each as an alternative of kgsh:Event-actor."""
    classes = implied_doer()
    assert {"CourtOrder", "ReportRelease", "EmergencyDeclaration"} <= classes
    assert classes <= event_classes()
    shapes = Store()
    shapes.load(path=str(ROOT / "ontology" / "shapes.ttl"), format=RdfFormat.TURTLE)
    listed = {
        q.object.value.rsplit("#", 1)[-1]
        for q in shapes.quads_for_pattern(None, NamedNode("http://www.w3.org/ns/shacl#class"), None)
        if isinstance(q.object, NamedNode)
    }
    assert classes <= listed
