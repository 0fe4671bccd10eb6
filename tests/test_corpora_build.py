"""Every corpus in the repository builds, with no warning, and its build satisfies the shapes. What
the validation refuses is left out of a build with a warning (an error under ``--strict``): an
extractor that asserts what the shapes do not allow, or fails on a document, shows here. The
corpora are built only to catch that, not to score them (their scores are measured by hand)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from kg.api import build
from kg.build import BuildConfig
from kg.errors import BuildError
from kg.model import Lit, Ref
from kg.vocabulary import event_classes, implied_doer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "corpus",
    [
        "nassar",
        "phoenix-va",
        "flint",
        "boeing-737max",
        "east-palestine",
        "svb",
        "jackson-water",
        "butler",
        "fort-hood",
        "texas-grid",
        "infant-formula",
        "hurricane-maria",
        "uvalde",
        "camp-fire",
        "red-hill",
        "holyoke",
        "va-ehr",
        "lafayette-square",
        "surfside",
        "key-bridge",
        "minneapolis",
        "lahaina",
        "astroworld",
        "titan",
        "wells-fargo",
        "colonial-pipeline",
        "southwest",
        "equifax",
        "gm-ignition",
        "gsa-conference",
        "irs-targeting",
        "deepwater-horizon",
        "fast-and-furious",
        "solyndra",
        "epa-pruitt",
        "west-fertilizer",
        "purdue-pharma",
        "secret-service-cartagena",
        "fat-leonard",
        "opm-breach",
        "sec-madoff",
        "upper-big-branch",
        "bridgegate",
        "walter-reed",
        "katrina-fema",
        "gold-king-mine",
        "theranos",
        "ferguson",
        "volkswagen",
        "amtrak-188",
        "i35w-bridge",
        "white-house-intrusion",
        "baltimore-police",
        "enron",
        "abu-ghraib",
        "crandall-canyon",
        "arkema-crosby",
        "parkland",
        "camp-lejeune",
        "boston-marathon",
        "sago-mine",
        "varsity-blues",
        "hurricane-sandy",
        "pulse-nightclub",
        "hanford-tanks",
        "mckinsey-opioids",
        "breonna-taylor",
        "challenger",
        "epstein-mcc",
        "san-bruno",
        "ftx",
        "usps-delays",
        "kingston-coal-ash",
        "tyre-nichols",
        "atlanta-schools",
        "uss-fitzgerald",
        "hawaii-missile-alert",
        "penn-state",
        "laquan-mcdonald",
        "oroville-dam",
        "benghazi",
        "robodebt",
        "oxford-school-shooting",
        "capitol-police-jan6",
        "lac-megantic",
        "tomah-va",
        "windrush",
        "healthcare-gov",
        "takata-airbags",
        "aliso-canyon",
        "infected-blood",
        "toyota-acceleration",
        "walkerton",
        "mississippi-welfare",
        "columbia-shuttle",
        "phoenix-pay",
        "pike-river",
        "comed-bribery",
        "sports-rorts",
    ],
)
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


def _strict_shapes(tmp: Path) -> Path:
    """The ontology with a shape the extractor does not know of: claims of at most 60 characters."""
    ontology = tmp / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    shapes = ontology / "shapes.ttl"
    text = shapes.read_text("utf-8")
    old = '    sh:minLength 1 ;\n    sh:message "A claim must have exactly one schema:text'
    assert old in text
    shapes.write_text(text.replace(old, old.replace("sh:minLength 1 ;", "sh:minLength 1 ; sh:maxLength 60 ;")), "utf-8")
    return ontology


def test_what_the_shapes_refuse_is_left_out_with_a_warning(tmp_path: Path) -> None:
    sources = ROOT / "tests" / "corpora" / "flint" / "sources"
    out = tmp_path / "build"
    graph, report = build(
        BuildConfig(project=ROOT, sources=sources, out=out, ontology=_strict_shapes(tmp_path), cache=False)
    )
    assert report["shacl"]["conforms"] is True
    warnings = [w for w in report["warnings"] if "does not satisfy the shapes (kgsh:Claim-text)" in w]
    assert warnings and all(w.split(":", 1)[0] in report["sources"] for w in warnings)
    texts = [f.obj.value for f in graph.facts if f.predicate == "text" and isinstance(f.obj, Lit)]
    assert texts and all(len(t) <= 60 for t in texts)  # the short claims stand, the long ones are gone
    assert report["statements"] > 0


def test_under_strict_what_the_shapes_refuse_fails_the_build(tmp_path: Path) -> None:
    sources = ROOT / "tests" / "corpora" / "flint" / "sources"
    config = BuildConfig(
        project=ROOT,
        sources=sources,
        out=tmp_path / "build",
        ontology=_strict_shapes(tmp_path),
        cache=False,
        strict=True,
    )
    with pytest.raises(BuildError, match="does not satisfy the SHACL shapes"):
        build(config)
    assert not (tmp_path / "build").exists()


def test_initials_one_document_leaves_undefined_are_the_body_another_defines(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    texts = {
        "a": "The Federal Aviation Administration (FAA) oversees aircraft certification in the United States.",
        "b": "On March 13, 2019, the FAA grounded the aircraft. The MCAS software was blamed by investigators.",
    }
    for name, text in texts.items():
        (sources / f"{name}.txt").write_text(f"# title: {name}\n{text}\n", "utf-8")
        (sources / f"{name}.toml").write_text(
            f'title = "{name}"\nkind = "press-release"\ndate = "2019-03-14"\n', "utf-8"
        )
    empty = tmp_path / "gazetteer.toml"
    empty.write_text("# none\n", "utf-8")
    graph, _ = build(BuildConfig(project=ROOT, sources=sources, out=tmp_path / "build", gazetteer=empty, cache=False))
    actors = {graph.label(f.obj.key) for f in graph.facts if f.predicate == "actor" and isinstance(f.obj, Ref)}
    assert actors == {"Federal Aviation Administration"}
    named = {graph.label(f.subject) for f in graph.facts}
    assert not {"FAA", "MCAS"} & named  # the initials are the body's; undefined ones name nothing
