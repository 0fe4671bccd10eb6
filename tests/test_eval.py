"""kg eval: the gold files, the scores as a ratchet, the report, and the guard against tuning to the text."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.api import Graph
from kg.cli import main
from kg.evaluate import KINDS, GoldError, load_gold, norm, qualifier_class, read_build, run_eval
from kg.sources import find_source_files

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
FLOORS = tomllib.loads((ROOT / "tests" / "eval_thresholds.toml").read_text(encoding="utf-8"))
HEADROOM = 0.03  # a score this far above its floor means the floor should be raised


def test_every_source_has_a_gold_file() -> None:
    sources = {p.stem for p in find_source_files(ROOT / "data" / "sources")}
    gold = {tomllib.loads(p.read_text(encoding="utf-8"))["source"] for p in GOLD.glob("*.toml")}
    assert sources == gold


def test_gold_quotes_are_in_the_sources(full: tuple[Graph, Path]) -> None:
    gold = load_gold(GOLD, read_build(full[1]).texts)  # raises GoldError on a quote not in its source
    assert {g.kind for g in gold.items} == set(KINDS)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_scores_hold_their_floor(full: tuple[Graph, Path], kind: str) -> None:
    scores = run_eval(GOLD, full[1]).as_dict()[kind]
    for metric, floor in FLOORS[kind].items():
        assert scores[metric] >= floor, f"{kind} {metric} fell to {scores[metric]} (floor {floor})"
        assert scores[metric] <= floor + HEADROOM, f"{kind} {metric} is {scores[metric]}: raise its floor"


def test_report_lists_missed_and_extra_with_quotes(full: tuple[Graph, Path]) -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--build", str(full[1])])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["kind", "gold", "built", "match", "P", "R", "F1"]
    missed = result.output.split("\nmissed (")[1].split("\nextra (")[0]
    assert "“" in missed and "08-gao-19-163-what-gao-found" in result.output


def test_a_user_written_gold_file(full: tuple[Graph, Path], tmp_path: Path) -> None:
    gold = tmp_path / "mine.toml"
    gold.write_text(
        'source = "13-doj-oig-meet-the-inspector-general"\n'
        '[[entity]]\nname = "Michael E. Horowitz"\ntype = "Official"\naliases = ["Mr. Horowitz"]\n'
        '[[entity]]\nname = "Nobody Inparticular"\ntype = "Person"\n'
        '[[statistic]]\nvalue = 500\nqualifier = "more than"\nquote = "more than 500 special agents"\n',
        encoding="utf-8",
    )
    ev = run_eval(gold, full[1])
    assert (ev.scores["entities"].gold, ev.scores["entities"].matched_gold) == (2, 1)
    assert [g.fields["name"] for g in ev.missed] == ["Nobody Inparticular"]
    assert ev.scores["statistics"].matched_gold == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source = "no-such-source"\n', "is not in the build"),
        ('source = "13-doj-oig-meet-the-inspector-general"\n[[claim]]\nspeaker = "X"\nquote = "never said"\n',
         "quote not found"),
        ('source = "13-doj-oig-meet-the-inspector-general"\n[[event]]\ntype = "Hearing"\nquote = "Horowitz"\n',
         "lacks date"),
        ("source = [\n", "not valid TOML"),
    ],
)  # fmt: skip
def test_bad_gold_files_are_named(full: tuple[Graph, Path], tmp_path: Path, text: str, message: str) -> None:
    gold = tmp_path / "bad.toml"
    gold.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as e:
        run_eval(gold, full[1])
    assert str(gold) in str(e.value)
    result = CliRunner().invoke(main, ["eval", str(gold), "--build", str(full[1])])
    assert result.exit_code != 0 and message in result.output


def test_names_and_qualifiers_compare_loosely() -> None:
    assert norm("the Department of Justice’s") == norm("Department of Justice") == "department of justice"
    assert [qualifier_class(w) for w in ("over", "at least", "fewer than", "approximately", "exact")] == [
        "lower-bound", "lower-bound", "upper-bound", "approximate", "exact",
    ]  # fmt: skip


def _phrases(text: str, n: int = 6) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_rule_quotes_the_sources() -> None:
    """Rules are general patterns: no string in the code repeats six words running of any source."""
    corpus: set[str] = set()
    for p in find_source_files(ROOT / "data" / "sources"):
        corpus |= _phrases(p.read_text(encoding="utf-8"))
    for py in sorted((ROOT / "kg").glob("*.py")):
        tree = ast.parse(py.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}  # examples, not rules
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                shared = _phrases(node.value) & corpus
                assert not shared, f"{py.name}:{node.lineno} quotes a source: {sorted(shared)[:3]}"


def test_gazetteer_names_entities_not_facts() -> None:
    data = tomllib.loads((ROOT / "data" / "gazetteer.toml").read_text(encoding="utf-8"))
    for e in data["entity"]:
        names = [e["name"], *e.get("aliases", [])]
        assert all(len(n.split()) <= 30 and not re.search(r"\b(?:said|found|announced)\b", n) for n in names), e
