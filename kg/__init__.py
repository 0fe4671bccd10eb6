"""kg — a knowledge-graph builder for public-accountability documents.

Every fact is traceable to the sentence that states it. See :mod:`kg.api` for the library API
and ``kg --help`` for the command line.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.build import Graph
    from kg.notebook import GraphView

__version__ = "0.1.0"


def show(graph_or_build: Graph | str | PathLike[str], height: int = 720) -> GraphView:
    """The graph view inline in Jupyter: ``kg.show("build")`` or ``kg.show(graph)`` (see :mod:`kg.notebook`).

    ``kg.view`` is the module that draws the page, so the notebook function is called ``show``.
    """
    from kg.notebook import show as _show  # imported on use: importing kg stays cheap

    return _show(graph_or_build, height)
