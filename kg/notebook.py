"""The graph view inline in Jupyter: the same page as ``build/graph.html``, in a sandboxed iframe.

>>> import kg
>>> view = kg.show("no/such/build")
Traceback (most recent call last):
...
FileNotFoundError: no/such/build/graph.html: run `kg build` first, or pass a Graph
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from kg.build import Graph
from kg.viewdata import view_html


@dataclass(frozen=True)
class GraphView:
    """A rendered page; Jupyter shows it through :meth:`_repr_html_`."""

    page: str
    height: int = 720

    def _repr_html_(self) -> str:
        # srcdoc keeps the page's own CSP; sandbox without allow-same-origin gives it an opaque origin
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{self.height}px;border:1px solid #d0d7de;border-radius:6px"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (it opens from file://)."""
        out = Path(path)
        out.write_text(self.page, encoding="utf-8")
        return out


def show(graph_or_build: Graph | str | PathLike[str], height: int = 720, ontology_dir: Path | None = None) -> GraphView:
    """The view of a :class:`~kg.build.Graph`, or of a build folder's ``graph.html``."""
    if isinstance(graph_or_build, Graph):
        return GraphView(view_html(graph_or_build, ontology_dir=ontology_dir), height)
    page = Path(graph_or_build) / "graph.html"
    if not page.is_file():
        raise FileNotFoundError(f"{page.as_posix()}: run `kg build` first, or pass a Graph")
    return GraphView(page.read_text(encoding="utf-8"), height)
