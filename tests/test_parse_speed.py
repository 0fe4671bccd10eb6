"""What makes kg's parse faster than running spaCy's pipeline as it comes must leave the parse as
spaCy makes it. spaCy itself is the oracle: its ``attribute_ruler`` for :mod:`kg.extract.attributes`,
a document parsed alone for :class:`kg.extract.parse.Parser`'s batches, and its entity recogniser
run on every sentence for the sentences :func:`kg.extract.parse.may_name` leaves out."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import parse as parse_module
from kg.extract.attributes import AttributeRules
from kg.extract.parse import Parse, Parser, load_model, may_name, parse_document
from kg.model import Document, SourceMeta
from kg.sources import document_from_text, load_documents

ROOT = Path(__file__).resolve().parent.parent
ATTRS: list[int | str] = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]
#: Every pattern of the model that spans two tokens or sets a token other than its first, and the
#: patterns on spaces and dependency labels, each met at least once.
RARE = [
    "There is a problem, and there were others.",
    "We ain't gonna stop, y'all, and we gotta go.",
    "Let's c'mon and see.",
    "The  report,\n\n  which was late, is here.",
    "Nothin' was done; he don't know.",
]


def _corpus_lines() -> list[str]:
    files = sorted((ROOT / "tests" / "corpora").glob("*/sources/*.txt")) + sorted(
        (ROOT / "data" / "sources").glob("*.txt")
    )
    return [line for f in files for line in f.read_text("utf-8").splitlines() if line.strip()] + RARE


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _up_to_rules(nlp: Language, text: str) -> Doc:
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("attribute_ruler")]):
        return nlp(text)


def test_the_attribute_rules_set_what_spacys_ruler_sets(nlp: Language) -> None:
    rules, ruler = AttributeRules.of(nlp), nlp.get_pipe("attribute_ruler")
    lines = _corpus_lines()
    differ = []
    for text in lines:
        parsed = _up_to_rules(nlp, text)
        ours, theirs = rules(parsed.copy()), ruler(parsed.copy())
        if not np.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS)):
            differ.append(text)
    assert len(lines) > 600 and differ == []


def test_the_rare_patterns_are_met(nlp: Language) -> None:
    """The sentences above do reach the patterns longer than a token (else the test above would not
    test them): the lemma of "gon" is "go", of "na" "to", and "is" after "There" is a verb."""
    rules = AttributeRules.of(nlp)
    doc = rules(_up_to_rules(nlp, RARE[1]))
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["y'"] == "you"
    there = rules(_up_to_rules(nlp, RARE[0]))
    assert there[1].pos_ == "VERB" and there[0].dep_ == "expl"


def test_a_batch_of_documents_parses_as_each_alone(nlp: Language) -> None:
    docs, _ = load_documents(ROOT / "tests" / "corpora" / "flint" / "sources")
    parser = Parser(docs)
    for doc in docs:
        batched, alone = parser.parse(doc), parse_document(doc, nlp)
        assert [s.offset for s in batched] == [s.offset for s in alone]
        for a, b in zip(batched, alone, strict=True):
            assert np.array_equal(a.doc.to_array(ATTRS), b.doc.to_array(ATTRS)), a.text


def _doc(name: str, text: str) -> Document:
    doc, _ = document_from_text(SourceMeta(id=name, title=name, path=Path(f"{name}.txt")), text)
    return doc


def test_a_failing_batch_leaves_the_error_with_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [_doc("a", "Secretary Robert Hale resigned."), _doc("b", "Governor Maria Lopez signed the act.")]
    real = parse_module._parses

    def fails_together(group: list[Document], nlp: Language) -> list[Parse]:
        if len(group) > 1:
            raise RuntimeError("one of them is bad")
        return real(group, nlp)

    monkeypatch.setattr(parse_module, "_parses", fails_together)
    parser = Parser(docs)
    assert [s.text for s in parser.parse(docs[0])] == ["Secretary Robert Hale resigned."]
    assert [s.text for s in parser.parse(docs[1])] == ["Governor Maria Lopez signed the act."]


def test_a_document_not_in_the_run_is_parsed_alone() -> None:
    parser = Parser([_doc("a", "Robert Hale resigned.")])
    assert [s.text for s in parser.parse(_doc("z", "Maria Lopez left."))] == ["Maria Lopez left."]


def test_what_the_recogniser_skips_names_nothing_kg_reads(nlp: Language) -> None:
    """Sentences with no proper noun, number, digit or inner capital are not given to the entity
    recogniser. Run on them anyway, it finds no name of a kind kg reads (people, bodies, places,
    laws) and no entity on a number, in any sentence kg parses of the vendored corpora, but a first
    word misread for its capital ("Clarify and simplify the narrative …") or a word in lower case
    misread as a name, which no reader would take for one."""
    read = {"PERSON", "ORG", "GPE", "LOC", "LAW", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
    skipped = 0
    texts = [
        doc.text[s.start : s.end]
        for folder in [*sorted((ROOT / "tests" / "corpora").glob("*/sources")), ROOT / "data" / "sources"]
        for doc in load_documents(folder)[0]
        for s in parse_module._spans(doc)
    ]
    for doc in nlp.pipe(texts):
        if may_name(doc):
            continue
        skipped += 1
        named = [e for e in doc.ents if e.label_ in read or any(t.pos_ == "NUM" for t in e)]
        # At most the sentence's first word, capitalised because it starts it: "Clarify and simplify …",
        # or a common noun in lower case the recogniser misreads ("clinicians" as a nationality)
        assert all((e.start == 0 and e.end == 1) or e.text.islower() for e in named), doc.text
    assert skipped > 20


def test_a_skipped_sentence_names_nothing_after_the_parse(nlp: Language) -> None:
    doc = parse_document(_doc("d", "They ignored obvious warnings from an earlier pilot program."), nlp)
    assert [list(s.doc.ents) for s in doc] == [[]] and all(t.ent_iob_ == "O" for s in doc for t in s.doc)
    named = parse_document(_doc("e", "Maria Lopez ignored the warnings."), nlp)
    assert [e.label_ for s in named for e in s.doc.ents] == ["PERSON"]
