"""The graph view at scale: a 5,000-node graph made from the development corpus, and first-paint
times in headless Chromium for it and for the founding build, measured in the same run.

    python -m bench.view            # prints the timings; pages and screenshots go to bench/results/

The big graph repeats the corpus: entities the gazetteer knows (agencies, officials, policies) stay
shared, so they become hubs, while everything found in the text (events, claims, statistics) is
copied, with its sources, under new keys; the last copy is cut so that there are exactly ``size``
entities.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from pathlib import Path

from kg.build import BuildConfig, Graph, extract
from kg.model import Document, Fact, Ref, SourceMeta
from kg.resolve import Conflict
from kg.viewdata import view_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def big_graph(size: int = 5000, base: Graph | None = None) -> Graph:
    """The development corpus repeated until the graph has ``size`` entities."""
    base = base or extract(BuildConfig(project=ROOT))
    kinds = base.kinds()
    shared = {k for k in kinds if base.entities.get(k) is not None and base.entities[k].known}
    copied = sorted(set(kinds) - shared)
    if not copied:
        raise ValueError("the corpus has nothing to copy")
    wanted, keep = size - len(shared), set(shared)
    facts, docs, entities, conflicts = list(base.facts), list(base.documents), dict(base.entities), list(base.conflicts)
    copy = 0
    while len(keep) < size:
        copy += 1
        names = {k: f"{k}-copy{copy}" for k in copied[: wanted - (len(keep) - len(shared))]}
        keep |= set(names.values()) | set(copied)

        def renamed(f: Fact, names: dict[str, str] = names, copy: int = copy) -> Fact | None:
            if f.subject not in names and f.subject not in shared:
                return None
            if isinstance(f.obj, Ref) and f.obj.key in kinds and f.obj.key not in names and f.obj.key not in shared:
                return None
            obj = Ref(names.get(f.obj.key, f.obj.key)) if isinstance(f.obj, Ref) else f.obj
            ev = replace(f.evidence, source=f"{f.evidence.source}-copy{copy}")
            return replace(f, subject=names.get(f.subject, f.subject), obj=obj, evidence=ev)

        new = [g for f in base.facts if (g := renamed(f)) is not None and (f.subject in names or g.obj != f.obj)]
        facts += new
        docs += [_copy_doc(d, copy) for d in base.documents]
        entities |= {n: replace(base.entities[k], key=n) for k, n in names.items() if k in base.entities}
        conflicts += [
            Conflict(f"{c.key}-copy{copy}", names[c.subject], c.predicate, tuple(filter(None, map(renamed, c.facts))))
            for c in base.conflicts
            if c.subject in names
        ]
    return Graph(docs, entities, facts, conflicts, base.gazetteer)


def _copy_doc(d: Document, copy: int) -> Document:
    meta: SourceMeta = replace(d.meta, id=f"{d.id}-copy{copy}", title=f"{d.meta.title} (copy {copy})")
    return Document(meta, d.text, d.sentences, d.noise)


def measure(page: Path, runs: int = 3, shot: Path | None = None) -> dict[str, float]:
    """Median first paint (ms after navigation start, vis-network's first finished drawing) and
    frames per second while panning, over ``runs`` fresh pages."""
    from playwright.sync_api import sync_playwright

    paints, fps, drawn = [], [], 0.0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for i in range(runs):
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            tab.goto(page.resolve().as_uri())
            tab.wait_for_function("document.getElementById('graph').dataset.firstPaint !== undefined", timeout=60_000)
            paints.append(float(tab.locator("#graph").get_attribute("data-first-paint") or "nan"))
            drawn = float(tab.locator("#graph").get_attribute("data-node-count") or "nan")
            fps.append(tab.evaluate(_PAN))
            if shot and i == 0:
                tab.screenshot(path=str(shot))
            tab.close()
        browser.close()
    return {"first_paint_ms": statistics.median(paints), "pan_fps": statistics.median(fps), "drawn": drawn}


_PAN = """() => new Promise((done) => {  // pan across the view for one second, counting the frames drawn
  const net = window.kgNetwork, start = net.getViewPosition();
  let frames = 0;
  const count = () => frames++;
  net.on("afterDrawing", count);
  const t0 = performance.now();
  const step = () => {
    const t = performance.now() - t0;
    net.moveTo({ position: { x: start.x + t / 2, y: start.y + t / 4 }, animation: false });
    if (t < 1000) requestAnimationFrame(step);
    else net.off("afterDrawing", count), done(frames * 1000 / t);
  };
  requestAnimationFrame(step);
})"""


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.view", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=5000, help="entities in the big graph (default 5000)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per graph; the median is reported")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    founding = extract(BuildConfig(project=ROOT, sources=ROOT / "data" / "sources" / "founding"))
    t = time.perf_counter()
    big = big_graph(args.size)
    made = time.perf_counter() - t
    results = {}
    for name, graph in (("founding", founding), (f"{args.size}-nodes", big)):
        t = time.perf_counter()
        html = view_html(graph, title=f"kg — {name}")
        rendered = time.perf_counter() - t
        page = args.out / f"graph-{name}.html"
        page.write_text(html, encoding="utf-8")
        m = measure(page, args.runs, args.out / f"graph-{name}.png")
        results[name] = m["first_paint_ms"]
        print(
            f"{name:>12}: {len(graph.kinds()):>5} entities, page {len(html.encode()) / 1e6:.1f} MB rendered in "
            f"{rendered:.1f} s; first paint {m['first_paint_ms']:.0f} ms (median of {args.runs}), "
            f"{m['drawn']:.0f} nodes drawn, panning {m['pan_fps']:.0f} frames/s"
        )
    ratio = results[f"{args.size}-nodes"] / results["founding"]
    print(f"big graph generated in {made:.1f} s; first paint ratio {args.size}-nodes / founding: {ratio:.2f}")


if __name__ == "__main__":
    main()
