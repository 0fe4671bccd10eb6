"""Every benchmark in one command: ``python -m bench`` (see README, "Benchmark").

Runs, in turn, ``bench.build`` (throughput, growth, parallel and incremental builds, SPARQL at 1M
quads, export), ``bench.load`` (the endpoint under 1, 4 and 16 clients, against rdflib's engine) on
a fresh build of the embedded sources, ``bench.view`` (first paint of the graph view, founding
build and 5,000 entities), ``bench.formats`` (PDF and HTML readers on the document fixtures) and
``bench.attributes`` (the model's attribute rules, spaCy's component against kg's lookup). Each
prints its figures against a baseline measured in the same run, and "met" or "NOT MET" beside each
goal. ``--quick`` runs every part small, to see that it works.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

QUICK = {
    "build": ["--copies", "1,2", "--docs", "12", "--triples", "20000", "--repeat", "3"],
    "load": ["--duration", "2", "--clients", "1,4"],
    "view": ["--size", "600", "--runs", "1"],
    "formats": ["--repeat", "1"],
    "attributes": ["--copies", "1", "--repeat", "1"],
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0].replace("``", ""))
    parser.add_argument("--quick", action="store_true", help="every part, small: a few minutes instead of about 15")
    quick = parser.parse_args(argv).quick
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        build_dir = Path(tmp) / "build"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", ".", "--out", str(build_dir), "-q"], check=True)
        runs = [
            ("build", []),
            ("load", ["--build", str(build_dir)]),
            ("view", []),
            ("formats", []),
            ("attributes", []),
        ]
        for name, args in runs:
            print(f"\n=== bench.{name} ===", flush=True)
            extra = QUICK[name] if quick else []
            done = subprocess.run([sys.executable, "-m", f"bench.{name}", *args, *extra], check=False)
            if done.returncode != 0:
                print(f"bench.{name} failed (exit {done.returncode})", file=sys.stderr)
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
