"""Rewrite tests/eval_thresholds.toml with the current scores (rounded down to two decimals).

Run after a change that improves extraction, from the repository root, on a fresh build:
    kg build && python tests/raise_floors.py
"""

from __future__ import annotations

import math
from pathlib import Path

from kg.evaluate import KINDS, run_eval

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "tests" / "eval_thresholds.toml"


def floors_text(scores: dict[str, dict[str, float]], header: str) -> str:
    lines = [header.rstrip("\n")]
    for kind in [*KINDS[:1], *KINDS[1:], "facts"]:
        lines.append(f"[{kind}]")
        for metric in ["precision", "recall"] + (["type_accuracy"] if kind == "entities" else []):
            lines.append(f"{metric} = {math.floor(scores[kind][metric] * 100) / 100}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    header = FLOORS.read_text(encoding="utf-8").split("[entities]")[0]
    scores = run_eval(ROOT / "tests" / "gold", ROOT / "build").as_dict()
    FLOORS.write_text(floors_text(scores, header), encoding="utf-8")
    print(f"wrote {FLOORS}")
