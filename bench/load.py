"""Load benchmark: concurrent clients against ``kg serve`` with the competency queries, and the same
queries through rdflib's own SPARQL engine on the same data, as a ratio.

    python -m bench.load --build build                 # 1, 4 and 16 clients, 30 s each
    python -m bench.load --duration 2 --clients 1,4    # a quick run

The server runs as its own process (``kg serve``), as a user would start it; the clients are
threads with one keep-alive connection each, cycling through the twelve competency queries.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import re
import statistics
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from kg.query import CompetencyQuery, competency_queries


@dataclass
class Run:
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    throughput: float = 0.0  # answered requests per second
    per_query_ms: dict[str, float] = field(default_factory=dict)  # median per query


def _percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


@contextmanager
def server(build: Path, workers: int) -> Iterator[str]:
    """``kg serve`` on a free port: the endpoint URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--build", str(build), "--port", "0", "--quiet",
         "--workers", str(workers), "--timeout", "60", "--max-rows", "1000000"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout
        line = proc.stdout.readline()
        match = re.search(r"SPARQL endpoint (\S+)", line)
        if not match:
            raise RuntimeError(f"kg serve did not start: {line!r}")
        yield match.group(1)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def _connect(parts: SplitResult) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=120)


def _client(
    url: str, queries: list[CompetencyQuery], start: int, deadline: float, out: list[tuple[str, float, int]]
) -> None:
    parts = urlsplit(url)
    conn = _connect(parts)
    i = start
    while time.monotonic() < deadline:
        q = queries[i % len(queries)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("POST", parts.path, body=q.text.encode(), headers={
                "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})  # fmt: skip
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = _connect(parts)
            status = 0
        out.append((q.name, (time.perf_counter() - t0) * 1000, status))
    conn.close()


def load(url: str, clients: int, seconds: float, queries: list[CompetencyQuery]) -> Run:
    results: list[list[tuple[str, float, int]]] = [[] for _ in range(clients)]
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=_client, args=(url, queries, i, deadline, results[i])) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    flat = [r for rs in results for r in rs]
    ok = [ms for _, ms, status in flat if status == 200]
    run = Run(clients, round(elapsed, 2), len(flat), len(flat) - len(ok))
    run.p50_ms, run.p95_ms = round(_percentile(ok, 50), 2), round(_percentile(ok, 95), 2)
    run.throughput = round(len(ok) / elapsed, 1)
    for q in queries:
        times = [ms for name, ms, status in flat if name == q.name and status == 200]
        run.per_query_ms[q.name] = round(statistics.median(times), 3) if times else math.nan
    return run


def rdflib_times(build: Path, queries: list[CompetencyQuery], seconds: float) -> dict[str, tuple[float, int]]:
    """Median milliseconds and row count of each query through rdflib's engine over ``kg.trig`` and the
    ontology (the store's content); a query rdflib fails on gets NaN and row count -1."""
    import rdflib

    from kg.namespaces import PREFIXES

    with warnings.catch_warnings():  # rdflib 7's TriG parser calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds = rdflib.Dataset(default_union=True)
        ds.parse(data=(build / "kg.trig").read_text(encoding="utf-8"), format="trig")
        ontology = (Path(__file__).resolve().parent.parent / "ontology/kg.ttl").read_text(encoding="utf-8")
        ds.graph(rdflib.URIRef("https://w3id.org/kg-accountability/id/graph-ontology")).parse(data=ontology)
    out = {}
    budget = seconds / max(1, len(queries))
    for q in queries:
        times: list[float] = []
        rows = 0
        t_end = time.monotonic() + budget
        try:
            while not times or (time.monotonic() < t_end and len(times) < 200):
                t0 = time.perf_counter()
                with warnings.catch_warnings():  # rdflib 7's engine calls its own deprecated API
                    warnings.simplefilter("ignore", DeprecationWarning)
                    rows = len(list(ds.query(q.text, initNs=PREFIXES)))
                times.append((time.perf_counter() - t0) * 1000)
        except Exception as e:  # rdflib's engine has gaps: report them, do not stop
            print(f"rdflib fails on {q.name}: {type(e).__name__}: {e}", file=sys.stderr)
            out[q.name] = (math.nan, -1)
            continue
        out[q.name] = (round(statistics.median(times), 3), rows)
    return out


def endpoint_rows(url: str, queries: list[CompetencyQuery]) -> dict[str, int]:
    parts = urlsplit(url)
    rows = {}
    for q in queries:
        conn = _connect(parts)
        conn.request("POST", parts.path, body=q.text.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})  # fmt: skip
        rows[q.name] = len(json.loads(conn.getresponse().read())["results"]["bindings"])
        conn.close()
    return rows


def main(argv: Sequence[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=Path("build"), help="a built folder (default: build)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per client count (default: 30)")
    parser.add_argument("--clients", default="1,4,16", help="client counts (default: 1,4,16)")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers (default: 2)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    queries = competency_queries()
    report: dict[str, object] = {"build": str(args.build), "duration_s": args.duration, "workers": args.workers}
    with server(args.build, args.workers) as url:
        rows = endpoint_rows(url, queries)
        runs = [load(url, int(n), args.duration, queries) for n in args.clients.split(",")]
    print(f"kg serve ({args.workers} workers), competency queries, {args.duration:g} s per run")
    print(f"{'clients':>7} {'requests':>9} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}")
    for r in runs:
        print(f"{r.clients:>7} {r.requests:>9} {r.errors:>6} {r.p50_ms:>8.2f} {r.p95_ms:>8.2f} {r.throughput:>8.1f}")
    engine = rdflib_times(args.build, queries, args.duration)
    base = runs[0].per_query_ms
    print("\nthe same queries, one at a time: rdflib's engine (in process) vs the endpoint (over HTTP, 1 client)")
    print(f"{'query':<32} {'rdflib ms':>10} {'endpoint ms':>12} {'ratio':>8} {'rows agree':>10}")
    ratios = []
    for q in queries:
        ms, n = engine[q.name]
        ratio = ms / base[q.name] if base[q.name] and not math.isnan(base[q.name]) else math.nan
        if not math.isnan(ratio):
            ratios.append(ratio)
        agree = "yes" if n == rows[q.name] else "failed" if n < 0 else "NO"
        print(f"{q.name:<32} {ms:>10.2f} {base[q.name]:>12.2f} {ratio:>8.1f} {agree:>10}")
    geo = math.exp(statistics.fmean(math.log(r) for r in ratios)) if ratios else math.nan
    both = [q.name for q in queries if not math.isnan(engine[q.name][0])]
    total = sum(engine[n][0] for n in both) / sum(base[n] for n in both) if both else math.nan
    print(
        f"\nrdflib / endpoint: geometric mean {geo:.1f}x per query; {total:.1f}x for the {len(both)} it runs, in a row"
    )
    report.update(
        runs=[asdict(r) for r in runs],
        rdflib_ms={k: v[0] for k, v in engine.items()},
        rows_agree={k: engine[k][1] == rows[k] for k in rows},
        rdflib_failed=[k for k, v in engine.items() if v[1] < 0],
        ratio_geomean=round(geo, 2),
        ratio_total=round(total, 2),
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
