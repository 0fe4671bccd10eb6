"""The embedded source documents (``data/sources/``), which the date and quantity checks read."""

from __future__ import annotations

from pathlib import Path

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
DOCUMENTS = sorted(SOURCES.glob("founding/*.txt")) + sorted(SOURCES.glob("corpus/*.txt"))


def documents() -> list[Path]:
    """The documents; they ship with the repository, so an empty list is a broken checkout."""
    assert DOCUMENTS, f"no documents in {SOURCES}"
    return DOCUMENTS


def document(name: str) -> Path:
    """The embedded document called ``name``."""
    path = next((p for p in DOCUMENTS if p.name == name), None)
    assert path is not None, f"{name} is not in {SOURCES}"
    return path
