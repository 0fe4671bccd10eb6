"""The graph view's lenses: small subgraphs, each laid out on its own, that open readable.

The whole graph laid out at once fits a screen only at a zoom where its labels are a few pixels
high. So the page opens on a lens instead: the key entities (people, organisations, policies, legal
instruments, reports, events; not the claims, findings and statements, which stay with their
speaker or report until asked for), at most :data:`LENS_MAX` of them, the most connected first.
Choosing a source shows that source's own subgraph, laid out the same way. Each lens is placed by
the view's own layout (label boxes kept apart) on its own, so that fitting it to the screen leaves
the labels at a size that can be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import networkx as nx

from kg.vocabulary import subclasses

#: The families the opening lens shows (see kg.view.drawn_as): who acts, on what, and what happened.
KEY_FAMILIES = frozenset(
    {"Official", "Person", "Agency", "Organization", "Group", "Policy", "LegalInstrument", "Report", "Event"}
)


def speech() -> frozenset[str]:
    """Events that are someone speaking (kgo:Statement and its subclasses: testimony, criticism, a
    warning, a denial): they belong with their speaker, like claims."""
    return frozenset({"Statement"}) | subclasses("Statement")


#: At most this many nodes in a lens: about what a 1000 x 800 pixel graph shows with readable labels.
LENS_MAX = 32

#: Lays out graphs, each with its nodes' label boxes (kg.placement.place): many at once, as numpy does best.
Place = Callable[[Sequence[nx.Graph], Sequence[Mapping[str, tuple[float, ...]]]], list[dict[str, complex]]]
Lens = dict[str, list[int]]  # node id -> [x, y]


def lens(graph: nx.Graph, chosen: Iterable[str], box: Mapping[str, tuple[float, ...]], place: Place) -> Lens:
    """The nodes ``chosen`` (in order of preference), cut to :data:`LENS_MAX`, laid out on their own."""
    return lenses(graph, [chosen], box, place)[0]


def lenses(
    graph: nx.Graph, choices: Sequence[Iterable[str]], box: Mapping[str, tuple[float, ...]], place: Place
) -> list[Lens]:
    """:func:`lens` of each choice, all laid out in one call of ``place`` (which does many graphs at once)."""
    ids = [sorted(list(dict.fromkeys(chosen))[:LENS_MAX]) for chosen in choices]
    todo = [vs for vs in ids if vs]
    placed = iter(place([_induced(graph, vs) for vs in todo], [{v: box[v] for v in vs} for vs in todo]))
    return [{v: [round(p.real), round(p.imag)] for v, p in next(placed).items()} if vs else {} for vs in ids]


def key_lens(
    graph: nx.Graph, kinds: Mapping[str, tuple[str, str]], box: Mapping[str, tuple[float, ...]], place: Place
) -> Lens:
    """The opening lens: the most connected nodes of the key families (``kinds``: node -> (kind, family));
    none for a graph small enough to be read whole."""
    if len(graph) <= LENS_MAX:
        return {}
    spoken = speech()
    key = [v for v in graph if kinds[v][1] in KEY_FAMILIES and kinds[v][0] not in spoken]
    return lens(graph, sorted(key, key=lambda v: (-graph.degree(v), v)), box, place)


def source_lenses(
    graph: nx.Graph,
    sources: Mapping[str, Sequence[str]],
    kinds: Mapping[str, tuple[str, str]],
    box: Mapping[str, tuple[float, ...]],
    place: Place,
) -> dict[str, Lens]:
    """For each source (``sources``: node -> the sources that speak of it), its subgraph: the nodes it
    speaks of, key families first, then the most connected within it."""
    members: dict[str, list[str]] = {}
    for v in sorted(graph):
        for s in sources[v]:
            members.setdefault(s, []).append(v)
    spoken = speech()
    ranked = []
    for vs in (members[s] for s in sorted(members)):
        sub = _induced(graph, vs)
        ranked.append(
            sorted(vs, key=lambda v: (kinds[v][1] not in KEY_FAMILIES or kinds[v][0] in spoken, -sub.degree(v), v))
        )
    return dict(zip(sorted(members), lenses(graph, ranked, box, place), strict=True))


def _induced(graph: nx.Graph, ids: Sequence[str]) -> nx.Graph:
    """The subgraph on ``ids`` as a graph of its own, nodes and edges in sorted order: a networkx
    subgraph view iterates in the order of a set, which changes with the hash seed, and the layout
    (floating point) follows the order of the edges."""
    keep = set(ids)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from(sorted(tuple(sorted((u, v))) for u, v in graph.edges(sorted(keep)) if v in keep))
    return sub
