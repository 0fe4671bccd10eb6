"""One self-contained HTML page for a graph view: opens from file://, loads nothing, runs no eval.

pyvis builds the network; the page is ours: vis-network (the copy pyvis ships) is inlined, the data
sits in a JSON block no text can close, a Content-Security-Policy admits the inline scripts by hash
only, and text reaches the page only as text (canvas labels, innerText tooltips, textContent). The
page's script and style live in ``kg/static/`` and are inlined at render time.

The records below are all the page knows: nodes with their facts, mentions and (for events) date,
edges with their evidence. Each piece of evidence carries the quote inside its sentence, so that the
page can show the exact words in context.
"""

from __future__ import annotations

import base64
import cmath
import contextlib
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.cache import code_version, write_atomic
from kg.lens import Lens, key_lens, source_lenses
from kg.placement import Box, place
from kg.vocabulary import event_classes


@dataclass(frozen=True, slots=True)
class ViewEvidence:
    """Where a fact is stated: ``quote`` is ``text[start:end]`` of source ``source``, between
    ``before`` and ``after`` (the rest of its sentence)."""

    source: str  # source id
    title: str  # source title
    quote: str
    start: int
    end: int
    before: str = ""
    after: str = ""
    stated_by: str = ""  # who the source says states it (reported speech)
    conflict: bool = False  # another source gives an incompatible value
    review: int = -1  # the fact's place in the page's review records (kg.review); -1: not offered for review
    page: int = 0  # the page the quote starts on, in a source in pages (a PDF); 0: not paginated


@dataclass(frozen=True, slots=True)
class ViewFact:
    """A literal property of a node (a date, a text, a value) and the evidence for it."""

    label: str
    value: str
    evidence: tuple[ViewEvidence, ...] = ()
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class ViewDate:
    """When an event happened: ISO by precision (2018-04-06 | 2018-04 | 2018)."""

    value: str
    end: str = ""
    alternatives: tuple[str, ...] = ()  # other dates sources give
    conflict: bool = False

    @property
    def precision(self) -> str:
        """How precise the date is: day, month or year.

        >>> ViewDate("2018-04").precision
        'month'
        """
        return {10: "day", 7: "month"}.get(len(self.value), "year")


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str  # the entity IRI
    label: str
    kind: str  # class local name; unknown kinds get a neutral style
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # ids of the sources that mention it
    facts: tuple[ViewFact, ...] = ()
    mentions: tuple[ViewEvidence, ...] = ()  # where it is named
    stated_by: tuple[str, ...] = ()  # for claims: who makes them
    date: ViewDate | None = None  # for events: the timeline


@dataclass(frozen=True, slots=True)
class ViewEdge:
    source: str
    target: str
    label: str
    evidence: tuple[ViewEvidence, ...] = ()
    conflict: bool = False


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


def drawn_as(kind: str) -> str:
    """The class a node is drawn as: a legal instrument's or an event's subclasses (the ontology's
    event classes, read when first asked, not at import) like their parent."""
    if kind in _LEGAL:
        return "LegalInstrument"
    return "Event" if kind in event_classes() else kind


LARGE = 400  # above this many nodes the page opens on an overview
OVERVIEW = 80  # the most connected nodes the overview draws
_OPTIONS: dict[str, Any] = {  # merged over pyvis's own options (physics off)
    "nodes": {"borderWidth": 1.5, "font": {"face": "system-ui, sans-serif", "color": "#1f2328", "strokeWidth": 4},
              "scaling": {"label": {"drawThreshold": 6}}},
    "edges": {"smooth": {"enabled": False}, "selectionWidth": 1.5,
              "color": {"color": "#a9b1ba", "highlight": "#24292f", "hover": "#57606a", "inherit": False},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
              "font": {"size": 11, "face": "system-ui, sans-serif", "color": "#57606a", "strokeWidth": 3},
              "scaling": {"label": {"drawThreshold": 12}}},  # relation labels: zoomed in, or selected
    "interaction": {"hover": True, "tooltipDelay": 300, "keyboard": False, "dragNodes": True},
}  # fmt: skip


def _short(text: str, limit: int = 40) -> str:
    return text if len(text := " ".join(text.split())) <= limit else text[: limit - 1].rstrip() + "…"


def _place(graphs: Sequence[nx.Graph], boxes: Sequence[Mapping[str, Box]], most: int = 150) -> list[dict[str, complex]]:
    """The graphs laid out, labels apart (:func:`kg.placement.place`): the one way the view places nodes."""
    return place(graphs, boxes, most)


def _quick_place(graphs: Sequence[nx.Graph], boxes: Sequence[Mapping[str, Box]]) -> list[dict[str, complex]]:
    return _place(graphs, boxes, most=40)


def _overview(graph: nx.Graph, names: dict[str, str]) -> list[str]:
    """The most connected nodes, one per name: what a large graph opens on."""
    chosen: dict[str, str] = {}
    for v in sorted(graph, key=lambda v: (-graph.degree(v), v)):
        chosen.setdefault(names[v], v)
        if len(chosen) == OVERVIEW:
            break
    return sorted(chosen.values())


def _place_large(graph: nx.Graph, box: dict[str, tuple[float, ...]], overview: list[str]) -> dict[str, complex]:
    """A large graph: the overview laid out like a small graph, every other node on a sunflower
    around the overview node it is nearest to (breadth first), or around the origin if unconnected.
    Linear in the size of the graph; labels of the rest may overlap (they are drawn when zoomed in)."""
    (pos,) = _place([graph.subgraph(overview)], [{v: box[v] for v in overview}])
    anchor = {v: v for v in overview}
    frontier = overview
    while frontier:
        nxt = []
        for v in frontier:
            for u in sorted(graph[v]):
                if u not in anchor:
                    anchor[u] = anchor[v]
                    nxt.append(u)
        frontier = nxt
    rings: dict[str, int] = defaultdict(int)
    for v in sorted(graph, key=lambda v: (v not in anchor, -graph.degree(v), v)):
        if v in pos:
            continue
        centre = pos[anchor[v]] if v in anchor else 0j
        rings[key := anchor.get(v, "")] += 1
        pos[v] = centre + cmath.rect(70 * math.sqrt(rings[key] + 1.5), rings[key] * 2.39996)
    return pos


def _network(
    nodes: Sequence[ViewNode], edges: Sequence[ViewEdge], memo: Path | None = None
) -> tuple[Network, nx.Graph, tuple[Lens, dict[str, Lens]]]:
    unique = {n.id: n for n in nodes}
    if len(unique) != len(set(nodes)):
        raise ValueError("two different ViewNodes share an id")
    if dangling := [e for e in edges if e.source not in unique or e.target not in unique]:
        raise ValueError(f"edge {dangling[0]} names a node that is not in the view")
    graph = nx.Graph(sorted((e.source, e.target) for e in edges))  # sorted: the input order must not matter
    graph.add_nodes_from(sorted(unique))
    size = {v: round(9 + 3 * math.sqrt(min(graph.degree(v), 40))) for v in unique}  # hubs: bigger shapes, labels
    font = {v: 14 + 2 * min(graph.degree(v), 5) for v in unique}
    box: dict[str, tuple[float, ...]] = {}
    for v, n in sorted(unique.items()):  # a label takes ~0.53 em a character and wraps at 9 em
        ems = len(_short(n.label) or n.id) * 0.53
        half = max(min(ems, 9) * font[v] / 2 + 6, size[v])
        box[v] = (-half, -size[v] - 4.0, half, size[v] + 10.0 + 1.25 * font[v] * math.ceil(ems / 8))
    names = {v: f"{n.kind} {n.label}" for v, n in unique.items()}
    kinds = {v: (n.kind, drawn_as(n.kind)) for v, n in unique.items()}
    sources = {v: sorted(n.sources) for v, n in unique.items()}

    def place() -> Placed:
        if len(unique) > LARGE:  # opens on its overview; a source draws at its nodes' places in it
            return _place_large(graph, box, _overview(graph, names)), {}, {}
        # A source's lens is a few dozen nodes, one per source: fewer steps settle it (a build of
        # many sources spent most of its view's time on them).
        lenses = key_lens(graph, kinds, box, _place), source_lenses(graph, sources, kinds, box, _quick_place)
        return _place([graph], [box])[0], *lenses

    shape = [code_version(), sorted(box.items()), sorted(names.items()), sorted(map(sorted, graph.edges()))]
    pos, opening, by_source = _remembered(memo, [*shape, sorted(sources.items())], place)
    net = Network(directed=True)
    net.toggle_physics(False)
    for v in sorted(unique):
        n, family = unique[v], drawn_as(unique[v].kind)
        net.add_node(  # the group gives the colours; the shape is repeated here because pyvis sets "dot"
            v, label=_short(n.label) or v, group=family, shape=KIND_STYLE.get(family, NEUTRAL_STYLE)[1],
            title=f"{n.label}\n{n.kind}",
            x=round(pos[v].real), y=round(pos[v].imag), size=size[v], font={"size": font[v]},
            widthConstraint={"maximum": 9 * font[v]},
        )  # fmt: skip
    seen: dict[frozenset[str], int] = defaultdict(int)  # a 2nd, 3rd... edge between two nodes bends more
    for i, e in enumerate(sorted(set(edges), key=_edge_key)):
        bend, seen[pair] = seen[pair := frozenset((e.source, e.target))], seen[pair] + 1
        net.add_edge(
            e.source, e.target, id=f"e{i}", label=_short(e.label, 40),
            title=f"{unique[e.source].label} → {e.label} → {unique[e.target].label}",
            smooth={"enabled": bend > 0, "type": "curvedCW", "roundness": 0.25 * bend},
            **({"dashes": True, "color": {"color": "#cf222e"}} if e.conflict else {}),
        )  # fmt: skip
    return net, graph, (opening, by_source)


# The positions of every node, the key-entity lens and each source's lens (kg.lens).
Placed = tuple[dict[str, complex], Lens, dict[str, Lens]]


def _remembered(memo: Path | None, shape: list[Any], place: Callable[[], Placed]) -> Placed:
    """``place()``, or what it gave last time for the same ``shape``, kept in ``memo`` (a folder).

    The layout is a pure function of the nodes, their label boxes, names and sources, the edges and
    kg's code (``shape``), so a rebuild whose graph has the same shape (a document corrected, a quote
    changed) reuses it and writes the same page a clean build would. Only the latest layout is kept.
    """
    if memo is None:
        return place()
    key = hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).hexdigest()
    path = memo / f"layout-{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {v: complex(x, y) for v, (x, y) in stored["pos"].items()}, stored["lens"], stored["sources"]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    pos, key_lens_, by_source = placed = place()
    stored_pos = json.dumps(  # floats round-trip exactly
        {"pos": {v: [p.real, p.imag] for v, p in pos.items()}, "lens": key_lens_, "sources": by_source}
    )
    if write_atomic(path, stored_pos.encode("utf-8")):
        with contextlib.suppress(OSError):  # an old layout left behind is only a file too many
            for old in memo.glob("layout-*.json"):
                if old != path:
                    old.unlink(missing_ok=True)
    return placed


def _edge_key(e: ViewEdge) -> tuple[str, str, str, tuple[ViewEvidence, ...], bool]:
    return (e.source, e.target, e.label, e.evidence, e.conflict)


def _payload(
    nodes: Sequence[ViewNode], edges: Sequence[ViewEdge], memo: Path | None = None, review: Sequence[Any] = ()
) -> dict[str, Any]:
    """Everything the page's script reads: pyvis's node and edge records plus ours, made compact
    (evidence as arrays, sources by index)."""
    net, graph, (opening, by_source) = _network(nodes, edges, memo)
    unique = {n.id: n for n in nodes}
    every = [ev for n in unique.values() for ev in (*n.mentions, *(e for f in n.facts for e in f.evidence))]
    every += [ev for e in edges for ev in e.evidence]
    titles = {ev.source: ev.title for ev in sorted(every, key=lambda ev: (ev.source, ev.title))}
    titles |= {s: titles.get(s, s) for n in unique.values() for s in n.sources}
    index = {s: i for i, s in enumerate(sorted(titles, key=lambda s: (titles[s].lower(), s)))}

    def evs(evidence: Sequence[ViewEvidence]) -> list[list[Any]]:
        return [
            [
                index[e.source],
                e.start,
                e.end,
                e.quote,
                e.before,
                e.after,
                e.stated_by,
                int(e.conflict),
                e.review,
                e.page,
            ]
            for e in evidence
        ]

    for rec in net.nodes:
        n = unique[rec["id"]]
        rec |= {
            "kind": n.kind, "full": n.label, "aliases": list(n.aliases), "deg": graph.degree(n.id),
            "src": sorted(index[s] for s in n.sources), "by": list(n.stated_by), "mentions": evs(n.mentions),
            "facts": [[f.label, f.value, int(f.conflict), evs(f.evidence)] for f in n.facts],
        }  # fmt: skip
    for rec, e in zip(net.edges, sorted(set(edges), key=_edge_key), strict=True):
        rec |= {"full": e.label, "ev": evs(e.evidence), "conflict": int(e.conflict)}
        rec["src"] = sorted({index[ev.source] for ev in e.evidence})
    family = {v: drawn_as(n.kind) for v, n in unique.items()}
    families = Counter(family.values())  # one legend row per style, naming the subclasses it covers
    subs = {f: ", ".join(sorted({n.kind for v, n in unique.items() if family[v] == f} - {f})) for f in families}
    legend = [[f, *KIND_STYLE.get(f, NEUTRAL_STYLE), families[f], subs[f]] for f in sorted(families)]
    groups: dict[str, Any] = {}
    for f in families:
        colour, shape = KIND_STYLE.get(f, NEUTRAL_STYLE)
        ring = {"background": colour, "border": "#1f2328"}
        colours = {"background": colour, "border": "rgba(0,0,0,.4)", "highlight": ring, "hover": ring}
        groups[f] = {"shape": shape, "color": colours}
    by_date = sorted(unique.values(), key=lambda n: (n.date.value if n.date else "", n.label.lower(), n.id))
    timeline = [
        [n.id, d.value, d.precision, d.end, list(d.alternatives), int(d.conflict)] for n in by_date if (d := n.date)
    ]
    timeline += [[n.id, "", "", "", [], 0] for n in by_date if n.date is None and family[n.id] == "Event"]
    names = {v: f"{n.kind} {n.label}" for v, n in unique.items()}
    options = json.loads(net.options.to_json()) | _OPTIONS | {"groups": groups}  # ours replace pyvis's entirely
    return {
        "nodes": net.nodes, "edges": net.edges, "options": options, "legend": legend, "timeline": timeline,
        "sources": [[s, titles[s]] for s in sorted(index, key=index.__getitem__)],
        "overview": _overview(graph, names) if len(unique) > LARGE else [], "review": list(review),
        "lens": opening, "bySource": [by_source.get(s, {}) for s in sorted(index, key=index.__getitem__)],
    }  # fmt: skip


def _static(name: str) -> str:
    return (resources.files("kg") / "static" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def render_graph_html(
    nodes: Sequence[ViewNode],
    edges: Sequence[ViewEdge],
    title: str,
    layout_memo: Path | None = None,
    review: Sequence[Any] = (),
) -> str:
    """Return a complete offline HTML page showing the graph (same input, same bytes). The layout is
    kept in the folder ``layout_memo``, if given, for the next page of the same shape; ``review``:
    the records of the facts offered for review (:func:`kg.review.review_records`).

    >>> a, b = ViewNode("urn:a", "A </script>", "Official"), ViewNode("urn:b", "B", "Agency")
    >>> page = render_graph_html([a, b], [ViewEdge("urn:a", "urn:b", "leads")], "Tiny")
    >>> page.startswith("<!DOCTYPE html>"), "A </script>" in page
    (True, False)
    >>> re.search(r"(?:src|href)\\s*=\\s*[\\"']?\\s*https?:|url\\(\\s*[\\"']?https?:|@import", page)
    >>> page == render_graph_html([b, a], [ViewEdge("urn:a", "urn:b", "leads")], "Tiny")
    True
    """
    data = json.dumps(  # ASCII, so no raw U+2028/2029; no <, >, & either: inert inside <script>
        _payload(nodes, edges, layout_memo, review), ensure_ascii=True, sort_keys=True, separators=(",", ":"),
    ).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")  # fmt: skip
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    vis_js, app_js, review_js = lib.read_text(encoding="utf-8"), _static("graph.js"), _static("review.js")
    if any(re.search(r"</script|<!--", js, re.IGNORECASE) for js in (vis_js, app_js, review_js)):
        raise RuntimeError("a script cannot be inlined safely")
    scripts = f"{_sha256(vis_js)} {_sha256(app_js)} {_sha256(review_js)}"
    csp = f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    parts = {"CSP": csp, "DATA": data, "CSS": _static("graph.css"), "VIS_JS": vis_js, "APP_JS": app_js}
    parts |= {"REVIEW_JS": review_js, "REVIEW_CSS": _static("review.css")}
    parts["TITLE"] = html.escape(title.encode("utf-8", "replace").decode())
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _static("page.html"))  # not re-scanned
