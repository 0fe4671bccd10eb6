"""The shared documents beside the repository (``../shared/``), which the date and quantity checks read."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOCUMENTS = sorted(SHARED.glob("sources/*.txt")) + sorted(p for p in SHARED.glob("corpus/*.txt") if p.name[0] in "012")


def documents() -> list[Path]:
    """The documents; the test is skipped where the folder is missing (CI has it, see .ci/run)."""
    if not DOCUMENTS:
        pytest.skip("shared documents not present")
    return DOCUMENTS
