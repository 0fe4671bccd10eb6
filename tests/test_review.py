"""Verdicts on facts (kg.review): the file, every build applying it, the exports, the CLI."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat

from kg.api import BuildConfig, build, query
from kg.build import extract
from kg.cli import main
from kg.errors import KgError
from kg.model import Fact
from kg.review import (
    FactKey,
    ReviewError,
    Verdict,
    add_verdicts,
    apply_reviews,
    fact_key,
    load_verdicts,
    reviewable,
)
from kg.viewdata import view_html

AT = "2026-11-29T16:00:00Z"
REVIEWED_ONLY = Path(__file__).resolve().parent.parent / "docs" / "queries" / "reviewed-facts.rq"
#: The facts the tests judge, as a reader finds them: (subject, predicate, object, source, start).
REJECT = ("rod-rosenstein", "holds", "attorney-general", "ig-report-zero-tolerance-article", 3520)
CONFIRM = ("jeff-sessions", "holds", "attorney-general", "ig-report-zero-tolerance-article", 560)
CORRECT = ("event-announcement-zero-tolerance-policy", "date", "2018-05", "ig-report-zero-tolerance-article", 1478)
ROSENSTEIN = "<https://w3id.org/kg-accountability/id/rod-rosenstein>"
HOLDS = "<http://www.w3.org/ns/org#holds>"
AG = "<https://w3id.org/kg-accountability/id/attorney-general>"
EXPORTS = [
    ("kg.nt", RdfFormat.N_TRIPLES),
    ("kg.ttl", RdfFormat.TURTLE),
    ("kg.jsonld", RdfFormat.JSON_LD),
    ("kg.trig", RdfFormat.TRIG),
]


def find(facts: list[Fact], said: tuple[str, str, str, str, int]) -> Fact:
    (found,) = [
        f for f in facts if (k := fact_key(f)) and (k.subject, k.predicate, k.object, k.source, k.start) == said
    ]
    return found


def judge(f: Fact, verdict: str, by: str = "ana", **extra: str) -> Verdict:
    return Verdict(fact_key(f), verdict, by, AT, **extra)


@pytest.fixture()
def reviewed(project: Path) -> tuple[Path, list[Verdict]]:
    """The founding project with three verdicts in data/reviews.jsonl: one reject, one confirm, one correction."""
    facts = extract(BuildConfig(project=project, cache=False, jobs=1)).facts
    verdicts = [
        judge(find(facts, REJECT), "rejected", reason="he was Deputy Attorney General"),
        judge(find(facts, CONFIRM), "confirmed", by="bo"),
        judge(find(facts, CORRECT), "corrected", correction="2018-04"),
    ]
    assert add_verdicts(project / "data/reviews.jsonl", verdicts) == 3
    return project, verdicts


def _build(project: Path, out: str = "build", cache: bool = True, strict: bool = False) -> tuple[Path, dict[str, Any]]:
    """Build into ``project/out``; the build folder and report.json's review section."""
    _, report = build(BuildConfig(project=project, out=project / out, jobs=1, cache=cache, strict=strict))
    reviews = report["reviews"]
    assert isinstance(reviews, dict)
    return project / out, reviews


def ask(out: Path, pattern: str) -> bool:
    (answer,) = query(out, f"ASK {{ {pattern} }}").values("result")
    return answer == "true"


def test_a_rejected_fact_is_absent_from_every_export_and_the_view(reviewed: tuple[Path, list[Verdict]]) -> None:
    project, _ = reviewed
    out, report = _build(project)
    statement = f"{ROSENSTEIN} {HOLDS} {AG}"
    for name, fmt in EXPORTS:  # every export, parsed: the statement is in none of its graphs
        said = {
            (str(q.subject), str(q.predicate), str(q.object)) for q in pyoxigraph.parse(path=out / name, format=fmt)
        }
        assert (ROSENSTEIN, HOLDS, AG) not in said, name
        assert any(s == ROSENSTEIN for s, _, _ in said), name  # Rosenstein himself is still there
    rows = list(csv.DictReader(io.StringIO((out / "facts.csv").read_text())))
    assert not [r for r in rows if r["subject_iri"].endswith("/rod-rosenstein") and r["predicate"] == "holds"]
    assert not ask(out, statement) and not ask(out, f"GRAPH ?g {{ {statement} }}")  # not in the store at all
    assert ask(out, f"GRAPH kgr:graph-rejected {{ ?st rdf:subject {ROSENSTEIN} ; rdf:object {AG} }}")  # for audit
    page = (out / "graph.html").read_text()
    data = json.loads(page.split('id="kg-data">')[1].split("</script>")[0])
    said = {(r["fact"]["subject"], r["fact"]["predicate"], r["fact"]["object"]) for r in data["review"]}
    assert REJECT[:3] not in said and CONFIRM[:3] in said
    assert not [e for e in data["edges"] if e["from"].endswith("/rod-rosenstein") and e["full"] == "holds"]
    (rejected,) = report["rejected"]
    assert rejected["fact"]["subject"] == "rod-rosenstein" and rejected["reason"] == "he was Deputy Attorney General"


def test_confirmed_and_corrected_facts_say_who_and_when(reviewed: tuple[Path, list[Verdict]]) -> None:
    project, _ = reviewed
    out, _ = _build(project)
    rows = list(csv.DictReader(io.StringIO((out / "facts.csv").read_text())))
    marked = {
        (r["subject_iri"].rsplit("/", 1)[1], r["predicate"], r["object"], r["source"], r["start"]): r["review"]
        for r in rows
    }
    source = "ig-report-zero-tolerance-article"
    assert marked[("jeff-sessions", "holds", "Attorney General of the United States", source, "560")] == "confirmed"
    assert marked[("event-announcement-zero-tolerance-policy", "date", "2018-04", source, "1478")] == "corrected"
    assert sum(1 for r in rows if r["review"]) == 2
    shipped = query(out, str(REVIEWED_ONLY)).dicts()  # the README's reviewed-facts-only query
    got = [(r["s"].rsplit("/", 1)[1], r["o"], r["verdict"], r["reviewer"], r["when"], r["quote"]) for r in shipped]
    assert got == [
        ("event-announcement-zero-tolerance-policy", "2018-04", "corrected", "ana", AT, "May announcement"),
        ("jeff-sessions", AG[1:-1], "confirmed", "bo", AT, "U.S. Attorney General Jeff Sessions"),
    ]
    was = query(out, "SELECT ?was WHERE { ?note oa:bodyValue 'corrected' ; kgo:correctionOf ?was }")
    assert was.values("was") == ["2018-05"]


def test_verdicts_survive_a_rebuild_and_a_re_extraction(reviewed: tuple[Path, list[Verdict]]) -> None:
    project, verdicts = reviewed
    first, _ = _build(project)
    again, _ = _build(project, "again", cache=False)
    for name in ("kg.trig", "kg.ttl", "facts.csv", "report.json", "graph.html"):  # byte-identical, verdicts and all
        assert (first / name).read_bytes() == (again / name).read_bytes(), name
    # A rule rewritten under another name finds the same facts: the verdicts still name them.
    graph = extract(BuildConfig(project=project, cache=False, jobs=1, reviews=project / "none.jsonl"))
    renamed = dataclasses.replace(graph, facts=[dataclasses.replace(f, rule=f"new-{f.rule}") for f in graph.facts])
    applied = apply_reviews(renamed, verdicts)
    assert applied.review is not None and not applied.review.orphans
    assert len(applied.review.rejected) == 1 and len(applied.review.state) == 2


def test_verdicts_follow_their_words_when_the_text_above_them_changes(reviewed: tuple[Path, list[Verdict]]) -> None:
    project, _ = reviewed
    source = project / "data/sources/ig-report-zero-tolerance-article.txt"
    text = source.read_text(encoding="utf-8")
    first_break = text.index("\n\n") + 2  # a new paragraph after the title: every offset below moves
    source.write_text(text[:first_break] + "An editor's note added later.\n\n" + text[first_break:], encoding="utf-8")
    out, report = _build(project)
    rows = list(csv.DictReader(io.StringIO((out / "facts.csv").read_text())))
    (confirmed,) = [r for r in rows if r["review"] == "confirmed"]
    assert int(confirmed["start"]) == CONFIRM[4] + len("An editor's note added later.\n\n")  # it moved
    reviews = report
    assert reviews["orphans"] == [] and reviews["confirmed"] == 1 and reviews["corrected"] == 1
    assert len(reviews["rejected"]) == 1


def test_a_verdict_whose_fact_is_gone_is_an_orphan(reviewed: tuple[Path, list[Verdict]]) -> None:
    project, verdicts = reviewed
    source = project / "data/sources/ig-report-zero-tolerance-article.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Rod Rosenstein, who had been Trump's Attorney General", "Rod Rosenstein"))
    out, report = _build(project)
    (orphan,) = report["orphans"]
    assert orphan == verdicts[0].as_json()
    result = CliRunner().invoke(main, ["review", "--orphans", "--build", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 verdicts name a fact the build no longer makes" in result.output
    assert "rejected by ana" in result.output and "rod-rosenstein holds 'attorney-general'" in result.output
    assert load_verdicts(project / "data/reviews.jsonl") == verdicts  # reported, never dropped


def test_stats_eval_and_import_from_the_command_line(reviewed: tuple[Path, list[Verdict]], tmp_path: Path) -> None:
    project, verdicts = reviewed
    out, _ = _build(project)
    runner = CliRunner()
    stats = runner.invoke(main, ["review", "stats", "--build", str(out)])
    assert stats.exit_code == 0, stats.output
    lines = stats.output.splitlines()
    assert lines[0].split() == ["source", "kind", "facts", "confirmed", "rejected", "corrected"]
    assert lines[-1].startswith("3 of ") and lines[-1].endswith("facts reviewed (0 orphaned verdicts)")
    holds = [line.split() for line in lines if " holds " in line]
    assert [row[3:] for row in holds] == [["1", "1", "0"]]
    scores = runner.invoke(main, ["eval", "--reviews", "--build", str(out), "--json"])
    assert scores.exit_code == 0, scores.output
    assert json.loads(scores.output) == {
        "date": {"reviewed": 1, "precision": 0.0},
        "holds": {"reviewed": 2, "precision": 0.5},
        "all facts": {"reviewed": 3, "precision": 1 / 3},
    }
    exported = tmp_path / "kg-verdicts.jsonl"  # as the graph view exports them: another reviewer's
    later = dataclasses.replace(verdicts[1], verdict="rejected", by="cy", at="2026-11-30T09:00:00Z")
    exported.write_text(verdicts[0].line() + "\n" + json.dumps(later.as_json()) + "\n", encoding="utf-8")
    imported = runner.invoke(main, ["review", "import", str(exported), "--into", str(project / "data/reviews.jsonl")])
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith("1 new verdicts added")  # the line already there is not repeated
    _, report = _build(project)
    assert report["confirmed"] == 0 and len(report["rejected"]) == 2


LINE = {
    "fact": {"source": "s", "start": 1, "end": 4, "quote": "abc", "subject": "a", "predicate": "holds", "object": "b"}
}
GOOD = {**LINE, "verdict": "confirmed", "by": "ana", "at": AT}
BAD_LINES = [
    ("{not json", "not JSON"),
    ("[1, 2]", "a verdict must be a JSON object"),
    (json.dumps({**GOOD, "verdict": "maybe"}), "'verdict' must be one of confirmed, rejected, corrected"),
    (json.dumps({**GOOD, "by": " "}), "'by' must name who decided"),
    (json.dumps({**GOOD, "at": "yesterday"}), "'at' must be an ISO 8601 date-time"),
    (json.dumps({**GOOD, "verdict": "corrected"}), "a 'corrected' verdict needs a 'correction'"),
    (json.dumps({**GOOD, "correction": "x"}), "a 'corrected' verdict needs a 'correction'"),
    (json.dumps({**GOOD, "colour": "red"}), "unknown key 'colour'"),
    (json.dumps({**GOOD, "fact": {**LINE["fact"], "start": "1"}}), "'fact.start' must be a whole number"),
    (json.dumps({**GOOD, "fact": {**LINE["fact"], "end": 0}}), "'fact.end' is before 'fact.start'"),
    (json.dumps({k: v for k, v in GOOD.items() if k != "fact"}), "'fact' must be an object"),
    (json.dumps({**GOOD, "fact": {"source": "s"}}), "'fact' lacks start, end, quote"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_a_malformed_verdicts_file_names_the_file_and_line(project: Path, line: str, message: str) -> None:
    path = project / "data/reviews.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ReviewError) as e:
        load_verdicts(path)
    assert str(e.value).startswith(f"{path}:3: ") and message in str(e.value)
    result = CliRunner().invoke(main, ["build", str(project), "--quiet"])
    assert result.exit_code == 1 and f"{path}:3: " in result.output and not (project / "build").exists()


BAD_CORRECTIONS = [
    (CORRECT, "April", "'April' is not a date"),
    (CONFIRM, "attorney-general-of-mars", "'attorney-general-of-mars' is not an entity of the graph"),
]


@pytest.mark.parametrize(("said", "value", "message"), BAD_CORRECTIONS, ids=[m for *_, m in BAD_CORRECTIONS])
def test_a_correction_that_does_not_fit_is_a_warning_and_the_fact_stays(
    project: Path, said: tuple[str, str, str, str, int], value: str, message: str
) -> None:
    graph = extract(BuildConfig(project=project, cache=False, jobs=1))
    f = find(graph.facts, said)
    applied = apply_reviews(graph, [judge(f, "corrected", correction=value)])
    assert f in applied.facts and any(message in w for w in applied.warnings)
    add_verdicts(project / "data/reviews.jsonl", [judge(f, "corrected", correction=value)])
    with pytest.raises(KgError, match=message):  # --strict: warnings are errors
        _build(project, strict=True)


def test_the_last_verdict_on_a_fact_wins_and_the_view_offers_what_it_shows(project: Path) -> None:
    graph = extract(BuildConfig(project=project, cache=False, jobs=1))
    f = find(graph.facts, REJECT)
    later = dataclasses.replace(judge(f, "rejected"), verdict="confirmed", at="2026-11-30T08:00:00Z")
    applied = apply_reviews(graph, [judge(f, "rejected"), later])
    assert f in applied.facts and applied.review is not None and applied.review.state[fact_key(f)] == later
    offered = reviewable(applied)
    assert f in offered and not [g for g in offered if g.predicate in {"type", "label", "dateUnknown"}]
    page = view_html(applied)
    data = json.loads(page.split('id="kg-data">')[1].split("</script>")[0])
    assert len(data["review"]) == len(offered)
    confirmed = [r for r in data["review"] if r["verdict"]]
    assert [(r["fact"]["subject"], r["verdict"], r["by"]) for r in confirmed] == [
        ("rod-rosenstein", "confirmed", "ana")
    ]


def test_a_fact_key_as_a_dict_is_dataclasses_asdict() -> None:
    """FactKey.as_dict names its fields by hand (the view makes thousands): it must follow them."""
    key = FactKey("doc", 1, 9, "the quote", "jeff-sessions", "holds", "attorney-general")
    assert key.as_dict() == dataclasses.asdict(key) and list(key.as_dict()) == list(dataclasses.asdict(key))
