"""Layout normalisation: expected texts per layout, and every character mapped back to the stored text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.layout import normalise
from kg.sources import load_document

CASES = sorted((Path(__file__).parent / "cases" / "layout").glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_normalised_text(path: Path) -> None:
    lay = normalise(path.read_text(encoding="utf-8"))
    assert lay.text == path.with_suffix(".expected").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_character_maps_to_the_stored_text(path: Path) -> None:
    stored = path.read_text(encoding="utf-8")
    lay = normalise(stored)
    assert len(lay.offsets) == len(lay.text) + 1
    assert list(lay.offsets) == sorted(lay.offsets)
    for i, ch in enumerate(lay.text):
        # Kept characters are the stored ones; inserted line breaks and spaces stand for whitespace.
        assert ch == stored[lay.offsets[i]] or (ch in " \n" and stored[lay.offsets[i]].isspace())


def test_line_numbers_and_footers_are_never_facts(tmp_path: Path) -> None:
    src = tmp_path / "order.txt"
    src.write_text("# title: An order\n" + (CASES[0].parent / "court-filing.txt").read_text(), encoding="utf-8")
    doc, _ = load_document(src)
    assert "PageID" not in doc.text and "\n 4 " not in doc.text
    s, e = doc.to_stored(doc.text.index("The Government"), doc.text.index("(14) days") + 9)
    assert doc.stored[s:e].startswith("The Government shall reunify")
    assert doc.stored[s:e].endswith("(14) days")


def test_unchanged_text_has_no_layout(tmp_path: Path) -> None:
    src = tmp_path / "plain.txt"
    src.write_text("# title: Plain\nThe Department said so.\n", encoding="utf-8")
    doc, _ = load_document(src)
    assert doc.layout is None and doc.stored == doc.text
