"""One self-contained HTML page for a graph view: opens from file://, loads nothing, runs no eval.

pyvis builds the network; the page is ours: vis-network (the copy pyvis ships) is inlined, the data
sits in a JSON block no text can close, a Content-Security-Policy admits the two inline scripts by
hash, and text reaches the page only as text (canvas labels, innerText tooltips, textContent).
"""

from __future__ import annotations

import base64
import cmath
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import networkx as nx
from pyvis.network import Network


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str  # the entity IRI
    label: str
    kind: str  # class local name; unknown kinds get a neutral style
    details: tuple[str, ...] = ()  # plain-text lines for the side panel


@dataclass(frozen=True, slots=True)
class ViewEdge:
    source: str
    target: str
    label: str
    details: tuple[str, ...] = ()  # evidence lines


# kind -> (colour, vis-network shape); all these shapes draw their label underneath.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "Official": ("#4e79a7", "dot"), "Person": ("#9ab7d3", "dot"), "Place": ("#499894", "dot"),
    "Agency": ("#59a14f", "square"), "Organization": ("#8cc084", "square"), "Event": ("#f28e2b", "star"),
    "Group": ("#a0902c", "hexagon"), "Statistic": ("#e6b422", "hexagon"), "Position": ("#76b7b2", "triangleDown"),
    "Policy": ("#e15759", "diamond"), "LegalInstrument": ("#a33a3a", "diamond"), "Claim": ("#b07aa1", "triangle"),
    "Report": ("#9c755f", "triangle"), "SourceDocument": ("#8a8580", "triangle"), "Finding": ("#d37295", "triangle"),
}  # fmt: skip
NEUTRAL_STYLE = ("#b8b0ab", "dot")
_LEGAL = ("ExecutiveOrder", "Statute", "Convention", "Agreement", "CourtCase")  # subclasses in ontology/kg.ttl
_EVENTS = ("PolicyAnnouncement", "PracticeChange", "FamilySeparation", "ExecutiveOrderSigning", "Protest", "Statement")
PARENT = dict.fromkeys(_LEGAL, "LegalInstrument") | dict.fromkeys(_EVENTS, "Event") | {"Criticism": "Event"}
PARENT |= {"ReportRelease": "Event", "CourtOrder": "Event", "Hearing": "Event"}  # drawn like their parent
CROWDING = 0.8  # share of the drawing that node + label boxes cover before they are pushed apart
_OPTIONS: dict[str, Any] = {  # merged over pyvis's own options (physics off)
    "nodes": {"borderWidth": 1.5, "font": {"face": "system-ui, sans-serif", "color": "#1f2328", "strokeWidth": 4}},
    "edges": {"smooth": {"enabled": False}, "selectionWidth": 1.5,
              "color": {"color": "#a9b1ba", "highlight": "#24292f", "hover": "#57606a", "inherit": False},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
              "font": {"size": 11, "face": "system-ui, sans-serif", "color": "#57606a", "strokeWidth": 3},
              "scaling": {"label": {"drawThreshold": 8}}},  # relation labels appear once zoomed in
    "interaction": {"hover": True, "tooltipDelay": 300, "keyboard": False, "dragNodes": True},
}  # fmt: skip


def _short(text: str, limit: int = 40) -> str:
    return text if len(text := " ".join(text.split())) <= limit else text[: limit - 1].rstrip() + "…"


def _cells(pos: dict[str, complex], size: float) -> Iterator[tuple[list[str], list[str]]]:
    """Bucket nodes into square cells; yield each cell's nodes with those of its 3x3 block."""
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for v in sorted(pos):
        grid[int(pos[v].real // size), int(pos[v].imag // size)].append(v)
    for (cx, cy), members in sorted(grid.items()):
        block = ((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        yield members, [u for key in block for u in grid.get(key, ())]


def _layout(graph: nx.Graph) -> dict[str, complex]:
    """Deterministic force-directed layout: Fruchterman-Reingold repulsion cut off at 2 units (a
    grid), linear springs, weak gravity; it starts from a sunflower spiral in breadth-first order,
    largest component first. (networkx's own layouts need numpy, which kg does not depend on.)"""
    order: list[str] = []
    for comp in sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c))):
        root = min(comp, key=lambda v: (-graph.degree(v), v))
        order += [root, *(v for _, v in nx.bfs_edges(graph, root, sort_neighbors=sorted))]
    pos = {v: cmath.rect(0.6 * math.sqrt(i + 0.5), i * 2.39996) for i, v in enumerate(order)}
    steps, gravity = min(150, int(2600 / math.sqrt(len(order) or 1))), 0.6 / math.sqrt(len(order) or 1)
    for step in range(steps):
        temp = 0.05 * math.sqrt(len(order)) * (1 - step / steps) + 0.01
        disp = {v: -gravity * pos[v] for v in order}
        for members, near in _cells(pos, 2.0):
            points = [pos[u] for u in near]
            for v in members:
                here, push = pos[v], 0j
                for delta in (here - p for p in points):
                    if 0.0 < (d2 := delta.real * delta.real + delta.imag * delta.imag) < 4.0:
                        push += delta / d2
                disp[v] += push
        for u, v in graph.edges():
            disp[u], disp[v] = disp[u] - (pos[u] - pos[v]), disp[v] + (pos[u] - pos[v])
        for v in order:
            if (length := abs(disp[v])) > 1e-12:
                pos[v] += disp[v] * min(length, temp) / length
    return pos


def _place(graph: nx.Graph, box: dict[str, tuple[float, ...]]) -> dict[str, complex]:
    """Lay out; scale (x a little more: screens are wide) until the boxes (left, top, right, bottom
    offsets in pixels) cover CROWDING of the drawing, looser if it still fits a screen at 100 %;
    then nudge nodes until no two boxes overlap, along the cheaper axis, horizontal preferred."""
    unit = _layout(graph)
    xs, ys = [p.real for p in unit.values()] or [0.0], [p.imag for p in unit.values()] or [0.0]
    area = max(1.25 * (max(xs) - min(xs)) * (max(ys) - min(ys)), 1.0)
    need = sum((b[2] - b[0]) * (b[3] - b[1]) for b in box.values()) / CROWDING
    scale = max(math.sqrt(need / area), min(220.0, math.sqrt(900 * 700 / area)))
    pos = {v: complex(p.real * scale * 1.25, p.imag * scale) for v, p in unit.items()}
    cell = max((max(b[2] - b[0], b[3] - b[1]) for b in box.values()), default=1.0)
    for _ in range(300 if len(pos) <= 600 else 60):  # big graphs: best effort
        moved = False
        for members, near in _cells(pos, cell):
            for v, u in ((v, u) for v in members for u in near if u > v):
                (pv, (l1, t1, r1, b1)), (pu, (l2, t2, r2, b2)) = (pos[v], box[v]), (pos[u], box[u])
                ox = min(pv.real + r1, pu.real + r2) - max(pv.real + l1, pu.real + l2)
                oy = min(pv.imag + b1, pu.imag + b2) - max(pv.imag + t1, pu.imag + t2)
                if ox > 0 and oy > 0:
                    step = ox / 2 + 4 if ox < 2 * oy else (oy / 2 + 4) * 1j
                    gap = (pu - pv).real if ox < 2 * oy else (pu - pv).imag
                    pos[u], pos[v], moved = pu + math.copysign(1, gap) * step, pv - math.copysign(1, gap) * step, True
        if not moved:
            break
    return pos


def _network(nodes: Sequence[ViewNode], edges: Sequence[ViewEdge]) -> Network:
    unique = {n.id: n for n in nodes}
    if len(unique) != len(set(nodes)):
        raise ValueError("two different ViewNodes share an id")
    if dangling := [e for e in edges if e.source not in unique or e.target not in unique]:
        raise ValueError(f"edge {dangling[0]} names a node that is not in the view")
    graph = nx.Graph(sorted((e.source, e.target) for e in edges))  # sorted: the input order must not matter
    graph.add_nodes_from(sorted(unique))
    size = {v: round(9 + 3 * math.sqrt(graph.degree(v))) for v in unique}  # hubs: bigger shapes and labels
    font = {v: 14 + 2 * min(graph.degree(v), 5) for v in unique}
    box: dict[str, tuple[float, ...]] = {}
    for v, n in sorted(unique.items()):  # a label takes ~0.53 em a character and wraps at 9 em
        ems = len(_short(n.label) or n.id) * 0.53
        half = max(min(ems, 9) * font[v] / 2 + 6, size[v])
        box[v] = (-half, -size[v] - 4.0, half, size[v] + 10.0 + 1.25 * font[v] * math.ceil(ems / 8))
    pos = _place(graph, box)
    net = Network(directed=True)
    net.toggle_physics(False)
    for v in sorted(unique):
        n, family = unique[v], PARENT.get(unique[v].kind, unique[v].kind)
        colour, shape = KIND_STYLE.get(family, NEUTRAL_STYLE)
        colours: dict[str, Any] = {"background": colour, "border": "rgba(0,0,0,.4)"}
        colours |= {key: {"background": colour, "border": "#1f2328"} for key in ("highlight", "hover")}
        net.add_node(
            v, label=_short(n.label) or v, shape=shape, color=colours, title=f"{n.label}\n{n.kind}",
            x=round(pos[v].real), y=round(pos[v].imag), size=size[v], kind=n.kind, family=family, full=n.label,
            details=list(n.details), font={"size": font[v]}, widthConstraint={"maximum": 9 * font[v]},
        )  # fmt: skip
    seen: dict[frozenset[str], int] = defaultdict(int)  # a 2nd, 3rd... edge between two nodes bends more
    for i, e in enumerate(sorted(set(edges), key=lambda e: (e.source, e.target, e.label, e.details))):
        bend, seen[pair] = seen[pair := frozenset((e.source, e.target))], seen[pair] + 1
        net.add_edge(
            e.source, e.target, id=f"e{i}", label=_short(e.label, 40), full=e.label, details=list(e.details),
            title=f"{unique[e.source].label} → {e.label} → {unique[e.target].label}",
            smooth={"enabled": bend > 0, "type": "curvedCW", "roundness": 0.25 * bend},
        )  # fmt: skip
    return net


def render_graph_html(nodes: Sequence[ViewNode], edges: Sequence[ViewEdge], title: str) -> str:
    """Return a complete offline HTML page showing the graph (same input, same bytes).

    >>> a, b = ViewNode("urn:a", "A </script>", "Official"), ViewNode("urn:b", "B", "Agency")
    >>> page = render_graph_html([a, b], [ViewEdge("urn:a", "urn:b", "leads")], "Tiny")
    >>> page.startswith("<!DOCTYPE html>"), "A </script>" in page
    (True, False)
    >>> re.search(r"(?:src|href)\\s*=\\s*[\\"']?\\s*https?:|url\\(\\s*[\\"']?https?:|@import", page)
    >>> page == render_graph_html([b, a], [ViewEdge("urn:a", "urn:b", "leads")], "Tiny")
    True
    """
    net = _network(nodes, edges)
    counts = Counter(n["family"] for n in net.nodes)  # one legend row per style, naming the subclasses it covers
    subs = {f: ", ".join(sorted({n["kind"] for n in net.nodes if n["family"] == f} - {f})) for f in counts}
    legend = [[f, *KIND_STYLE.get(f, NEUTRAL_STYLE), counts[f], subs[f]] for f in sorted(counts)]
    options = json.loads(net.options.to_json()) | _OPTIONS  # ours replace pyvis's "edges" entirely
    data = json.dumps(  # ASCII, so no raw U+2028/2029; no <, >, & either: inert inside <script>
        {"nodes": net.nodes, "edges": net.edges, "options": options, "legend": legend},
        ensure_ascii=True, sort_keys=True, separators=(",", ":"),
    ).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # fmt: skip
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    vis_js = lib.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", vis_js, re.IGNORECASE):
        raise RuntimeError("the bundled vis-network script cannot be inlined safely")
    digests = (base64.b64encode(hashlib.sha256(js.encode()).digest()).decode() for js in (vis_js, _APP_JS))
    scripts = " ".join(f"'sha256-{d}'" for d in digests)
    csp = f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    parts = {"CSP": csp, "DATA": data, "CSS": _CSS, "VIS_JS": vis_js, "APP_JS": _APP_JS}
    parts["TITLE"] = html.escape(title.encode("utf-8", "replace").decode())
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _PAGE)  # one pass: inserted text is not re-scanned


_CSS = """*{box-sizing:border-box}html,body{margin:0;height:100%}aside *{overflow-wrap:anywhere}h1,aside h2{margin:0}
body{font:14px/1.45 system-ui,'DejaVu Sans',sans-serif;color:#1f2328;display:grid;grid-template-rows:auto 1fr;
grid-template-columns:1fr 360px;height:100vh}h1{font-size:17px;flex:1;overflow:hidden;text-overflow:ellipsis}
header{grid-column:1/3;display:flex;gap:16px;align-items:center;padding:8px 16px;border-bottom:1px solid #d0d7de}
#search{width:280px;padding:6px 10px;border:1px solid #d0d7de;border-radius:6px;font:inherit}
h1,#legend div{white-space:nowrap}main{position:relative;min-height:0}#graph{position:absolute;inset:0}
#search-status,.kind,.iri,.muted,h3{color:#57606a}#legend{position:absolute;left:10px;bottom:10px;background:#ffffffeb;
padding:6px 10px;border:1px solid #d0d7de;border-radius:6px;font-size:12px;columns:2;column-gap:14px}
.kind{font-size:12px}.iri{font:12px monospace}.sw{display:inline-block;width:11px;height:11px;margin-right:6px;
vertical-align:-1px}aside h2{font-size:18px;margin:4px 0 6px}aside{overflow:auto;padding:14px 18px;
border-left:1px solid #d0d7de}aside ul{margin:0;padding-left:18px}aside li{margin:0 0 6px}h3{font-size:12px;
text-transform:uppercase;letter-spacing:.05em;margin:16px 0 6px}.link:hover{text-decoration:underline}
.link{font:inherit;color:#0550ae;background:none;border:0;padding:0;cursor:pointer;text-align:left;vertical-align:top}
div.vis-tooltip{position:absolute;visibility:hidden;padding:5px 8px;z-index:5;max-width:360px;white-space:pre-wrap;
font:13px system-ui,sans-serif;background:#fff;border:1px solid #d0d7de;border-radius:4px;pointer-events:none}"""

_APP_JS = """
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id), container = $("graph"), panel = $("panel");
  const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  const network = (window.kgNetwork = new vis.Network(container, { nodes, edges }, data.options));
  container.dataset.nodeCount = String(network.body.nodeIndices.length);
  const CLIP = { dot: "circle(50%)", square: "inset(6%)", triangle: "polygon(50% 0,100% 100%,0 100%)",
    triangleDown: "polygon(0 0,100% 0,50% 100%)", diamond: "polygon(50% 0,100% 50%,50% 100%,0 50%)",
    hexagon: "polygon(25% 4%,75% 4%,100% 50%,75% 96%,25% 96%,0 50%)",
    star: "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)" };
  const style = new Map(data.legend.map(([kind, bg, shape]) => [kind, { background: bg, clipPath: CLIP[shape] }]));
  const el = (tag, className = "", textContent = "") =>
    Object.assign(document.createElement(tag), { className, textContent });
  const append = (parent, ...children) => (parent.append(...children), parent);  // a string child becomes a text node
  const swatch = (kind) => { const s = el("span", "sw"); Object.assign(s.style, style.get(kind)); return s; };
  const link = (text, fn) => { const b = el("button", "link", text); b.addEventListener("click", fn); return b; };
  const list = (heading, items) => items.length
    ? [el("h3", "", heading), append(el("ul"), ...items.map((item) => append(el("li"), item)))] : [];
  const selectNode = (id) => {
    network.setSelection({ nodes: [id], edges: [] }, { highlightEdges: false });
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: { duration: 300 } });
    showNode(id);
  };
  const selectEdge = (id) => (network.setSelection({ nodes: [], edges: [id] }), showEdge(id));
  const showNode = (id) => {
    const n = nodes.get(id);
    const links = edges.get().filter((e) => e.from === id || e.to === id).map((e) => {
      const out = e.from === id, other = nodes.get(out ? e.to : e.from).full;
      return link(out ? `${e.full} → ${other}` : `${other} → ${e.full}`, () => selectEdge(e.id));
    });
    panel.replaceChildren(append(el("div", "kind"), swatch(n.family), n.kind), el("h2", "", n.full),
      el("div", "iri", n.id), ...list("Facts", n.details), ...list("Connections", links));
  };
  const showEdge = (id) => {
    const e = edges.get(id), end = (n) => link(nodes.get(n).full, () => selectNode(n));
    panel.replaceChildren(el("div", "kind", "Relation"), el("h2", "", e.full),
      append(el("p"), end(e.from), " → ", end(e.to)), ...list("Evidence", e.details));
  };
  const showIntro = () => panel.replaceChildren(el("h2", "", `${nodes.length} entities, ${edges.length} relations`),
    el("p", "muted", "Click an entity or a relation to see its facts and evidence here. Search labels above; " +
      "press Enter again for the next match. Scroll to zoom, drag to pan."));
  network.on("click", ({ nodes: [n], edges: [e] }) => (n ? showNode(n) : e ? showEdge(e) : showIntro()));
  for (const [kind, , , n, subs] of data.legend) {  // hovering a row names the subclasses it includes
    $("legend").append(Object.assign(append(el("div"), swatch(kind), `${kind} (${n})`), { title: subs }));
  }
  const search = $("search"), status = $("search-status");
  let lastQuery = "", hit = 0;
  search.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const q = search.value.trim().toLowerCase();
    const word = (n) => +` ${n.full.toLowerCase()}`.includes(` ${q}`);  // rank matches at a word start first,
    const hits = q ? data.nodes.filter((n) => n.full.toLowerCase().includes(q)) : [];
    hits.sort((a, b) => word(b) - word(a) || a.full.length - b.full.length);  // then the closest (shortest) label
    hit = q === lastQuery && hits.length ? (hit + 1) % hits.length : 0;
    lastQuery = q;
    status.textContent = hits.length ? `${hit + 1} of ${hits.length}` : q ? "No match" : "";
    if (hits.length) selectNode(hits[hit].id);
  });
  showIntro();
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title><style>@@CSS@@</style></head>
<body><header><h1>@@TITLE@@</h1><span id="search-status" aria-live="polite"></span>
<input id="search" type="search" placeholder="Search labels, then Enter" autocomplete="off"></header>
<main><div id="graph"></div><div id="legend"></div></main><aside id="panel"></aside>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@VIS_JS@@</script><script>@@APP_JS@@</script></body></html>
"""
