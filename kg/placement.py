"""Where the graph view draws its nodes: a force-directed layout, then the label boxes pushed apart.

Both steps work on many graphs at once, as numpy arrays of shape (graphs, nodes, nodes), smaller
graphs padded with nodes that are not there: a build draws its whole graph, its opening lens and a
lens per source (:mod:`kg.lens`), and a lens is a few dozen nodes, too few for numpy to pay off one
graph at a time (a build of 160 sources spent most of its view's time laying out lenses one by one,
in pure Python).

The same input gives the same floats, so the same page: the arithmetic is elementwise (+ - * /
and square roots, which IEEE 754 rounds exactly) and sums along an axis, with no matrix product
(BLAS picks its kernels by CPU) and no numpy sin, cos or exp (vectorised differently on different
CPUs); the starting spiral is computed with Python's math.

>>> g = nx.path_graph(["a", "b", "c"])
>>> pos = place([g], [{v: (-20.0, -10.0, 20.0, 30.0) for v in g}])[0]
>>> sorted(pos) == ["a", "b", "c"] and place([g], [{v: (-20.0, -10.0, 20.0, 30.0) for v in g}])[0] == pos
True
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np
import numpy.typing as npt

#: A node's label box: left, top, right, bottom offsets in pixels from where the node is drawn.
Box = tuple[float, ...]
#: Share of the drawing that node + label boxes cover before they are pushed apart.
CROWDING = 0.9
_Floats = npt.NDArray[np.float64]
_Complex = npt.NDArray[np.complex128]
_Bools = npt.NDArray[np.bool_]


def place(graphs: Sequence[nx.Graph], boxes: Sequence[Mapping[str, Box]], most: int = 150) -> list[dict[str, complex]]:
    """Each graph laid out (in at most ``most`` steps), scaled (x a little more: screens are wide)
    until its boxes cover CROWDING of the drawing, looser if it still fits a screen at 100 %; then
    boxes that overlap pushed apart, along the cheaper axis, horizontal preferred."""
    scaled = [_scaled(unit, box) for unit, box in zip(layout(graphs, most), boxes, strict=True)]
    return _spread(scaled, boxes)


def _order(graph: nx.Graph) -> list[str]:
    """The nodes in breadth-first order, largest component first, each from its best-connected node:
    the order in which they start on the spiral, so neighbours start near each other."""
    order: list[str] = []
    for comp in sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c))):
        root = min(comp, key=lambda v: (-graph.degree(v), v))
        order += [root, *(v for _, v in nx.bfs_edges(graph, root, sort_neighbors=sorted))]
    return order


def layout(graphs: Sequence[nx.Graph], most: int = 150) -> list[dict[str, complex]]:
    """Deterministic force-directed layout of each graph, in units: Fruchterman-Reingold repulsion
    cut off at 2 units, linear springs, weak gravity; it starts from a sunflower spiral in
    breadth-first order (:func:`_order`). A graph of n nodes takes min(most, 2600 / sqrt(n)) steps."""
    orders = [_order(g) for g in graphs]
    width = max((len(o) for o in orders), default=0)
    if width == 0:
        return [{} for _ in graphs]
    count = np.array([max(len(o), 1) for o in orders], dtype=np.float64)[:, None]
    steps = np.minimum(most, (2600 / np.sqrt(count)).astype(np.int64))
    gravity = 0.6 / np.sqrt(count)
    spiral = [cmath.rect(0.6 * math.sqrt(i + 0.5), i * 2.39996) for i in range(width)]
    pos: _Complex = np.zeros((len(graphs), width), dtype=np.complex128)
    real: _Bools = np.zeros((len(graphs), width), dtype=np.bool_)
    springs: _Floats = np.zeros((len(graphs), width, width))
    for k, (g, order) in enumerate(zip(graphs, orders, strict=True)):
        pos[k, : len(order)] = spiral[: len(order)]
        real[k, : len(order)] = True
        at = {v: i for i, v in enumerate(order)}
        for u, v in g.edges():
            if u != v:
                springs[k, at[u], at[v]] = springs[k, at[v], at[u]] = 1.0
    pair = real[:, :, None] & real[:, None, :]
    for step in range(int(steps.max())):
        # Cooling: each graph's temperature falls to 0.01 at its last step; it then stays put.
        temp = np.where(step < steps, 0.05 * np.sqrt(count) * (1 - step / steps) + 0.01, 0.0)
        delta = pos[:, :, None] - pos[:, None, :]  # [k, i, j]: from j to i
        d2 = delta.real * delta.real + delta.imag * delta.imag
        near = pair & (d2 > 0.0) & (d2 < 4.0)
        weight = np.where(near, 1.0 / np.where(near, d2, 1.0), 0.0) - springs  # repulsion 1/d, springs d
        disp = (weight * delta).sum(axis=2) - gravity * pos
        length = np.sqrt(disp.real * disp.real + disp.imag * disp.imag)
        moving = length > 1e-12
        pos += np.where(moving, disp * (np.minimum(length, temp) / np.where(moving, length, 1.0)), 0.0)
    return [{v: complex(pos[k, i]) for i, v in enumerate(order)} for k, order in enumerate(orders)]


def _scaled(unit: dict[str, complex], box: Mapping[str, Box]) -> dict[str, complex]:
    """Units to pixels: the boxes cover CROWDING of the drawing, or less if it still fits 900 x 700."""
    xs, ys = [p.real for p in unit.values()] or [0.0], [p.imag for p in unit.values()] or [0.0]
    area = max(1.25 * (max(xs) - min(xs)) * (max(ys) - min(ys)), 1.0)
    need = sum((b[2] - b[0]) * (b[3] - b[1]) for b in box.values()) / CROWDING
    scale = max(math.sqrt(need / area), min(220.0, math.sqrt(900 * 700 / area)))
    return {v: complex(p.real * scale * 1.25, p.imag * scale) for v, p in unit.items()}


def _spread(placed: Sequence[dict[str, complex]], boxes: Sequence[Mapping[str, Box]]) -> list[dict[str, complex]]:
    """Push apart every two nodes whose boxes overlap, until none do (at most 300 rounds; 60 for
    graphs over 600 nodes, best effort): each round moves both of every overlapping pair half the
    overlap and 4 px more, along the axis where they overlap less (vertically only where that is
    under half the horizontal overlap: labels are wide). All pairs move at once, round by round."""
    names = [sorted(p) for p in placed]
    width = max((len(n) for n in names), default=0)
    if width == 0:
        return [{} for _ in placed]
    x, y = np.zeros((len(placed), width)), np.zeros((len(placed), width))
    edges = np.zeros((4, len(placed), width))  # left, top, right, bottom
    real = np.zeros((len(placed), width), dtype=np.bool_)
    for k, (pos, box, vs) in enumerate(zip(placed, boxes, names, strict=True)):
        x[k, : len(vs)] = [pos[v].real for v in vs]
        y[k, : len(vs)] = [pos[v].imag for v in vs]
        edges[:, k, : len(vs)] = np.array([box[v][:4] for v in vs]).T
        real[k, : len(vs)] = True
    upper = np.triu(np.ones((width, width), dtype=np.bool_), 1)
    pairs = real[:, :, None] & real[:, None, :] & upper  # each pair once
    active = np.arange(len(placed))
    for _ in range(300 if width <= 600 else 60):
        left, top, right, bottom = edges[:, active]
        ax, ay = x[active], y[active]
        ox = _overlap(ax + left, ax + right)
        oy = _overlap(ay + top, ay + bottom)
        hit = pairs[active] & (ox > 0) & (oy > 0)
        still = hit.any(axis=(1, 2))
        if not still.any():
            break
        across = ox < 2 * oy  # [k, i, j]: i moves back, j on
        sx = np.where(hit & across, ox / 2 + 4, 0.0) * np.where(ax[:, None, :] >= ax[:, :, None], 1.0, -1.0)
        sy = np.where(hit & ~across, oy / 2 + 4, 0.0) * np.where(ay[:, None, :] >= ay[:, :, None], 1.0, -1.0)
        x[active] = ax + sx.sum(axis=1) - sx.sum(axis=2)
        y[active] = ay + sy.sum(axis=1) - sy.sum(axis=2)
        active = active[still]
    return [{v: complex(x[k, i], y[k, i]) for i, v in enumerate(vs)} for k, vs in enumerate(names)]


def _overlap(low: _Floats, high: _Floats) -> _Floats:
    """[k, i, j]: how far the spans [low, high) of nodes i and j overlap (negative: the gap)."""
    return np.minimum(high[:, :, None], high[:, None, :]) - np.maximum(low[:, :, None], low[:, None, :])
