"""``kg push``: load a build, named graphs intact, into a SPARQL 1.1 Update endpoint.

For graphs that outgrow one machine: Apache Jena Fuseki (``.../ds/update``), GraphDB
(``.../repositories/ID/statements``), Oxigraph server (``.../update``), Amazon Neptune
(``.../sparql``), Virtuoso (``.../sparql-auth``). Everything goes through the
`SPARQL 1.1 Update <https://www.w3.org/TR/sparql11-update/>`_ language over the
`protocol <https://www.w3.org/TR/sparql11-protocol/#update-operation>`_ (``application/sparql-update``).

Pushing is idempotent: the push writes a manifest graph (:data:`MANIFEST`) listing the graphs it
wrote, and the next push first removes those graphs, so pushing again replaces what the last push
wrote and leaves everything else on the server alone. The manifest is written before the data, so
an interrupted push is cleaned up by the next one.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, DefaultGraph, Quad

from kg.errors import KgError
from kg.namespaces import DCTERMS, KGR
from kg.query import open_store

#: The graph in which a push records the graphs it wrote.
MANIFEST = KGR["graph-push-manifest"]
#: Where triples of the build's default graph go (named graphs are pushed under their own names).
DEFAULT_GRAPH = KGR["graph-default"]


class PushError(KgError):
    """The endpoint refused or failed a request; the message carries its status and answer."""


@dataclass(frozen=True)
class PushConfig:
    """Where to push and how to authenticate (``user``/``password`` for Basic, or a bearer ``token``)."""

    endpoint: str
    build_dir: Path = Path("build")
    user: str | None = None
    password: str | None = None
    token: str | None = None
    batch_bytes: int = 1_000_000  # the size of one INSERT DATA request, roughly
    timeout: float = 120.0


@dataclass(frozen=True)
class PushReport:
    graphs: int
    quads: int
    requests: int


def _graphs(build_dir: Path) -> dict[str, list[Quad]]:
    store = open_store(build_dir)
    graphs: dict[str, list[Quad]] = defaultdict(list)
    for q in store:
        name = str(DEFAULT_GRAPH) if isinstance(q.graph_name, DefaultGraph) else q.graph_name.value
        graphs[name].append(q)
    return dict(sorted(graphs.items()))


def _block(name: str, quads: list[Quad]) -> str:
    lines = "\n".join(f"  {q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"GRAPH <{name}> {{\n{lines}\n}}\n"


def _has_blank(quads: list[Quad]) -> bool:
    return any(isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode) for q in quads)


def updates(graphs: dict[str, list[Quad]], batch_bytes: int) -> Iterator[str]:
    """The update requests of a push: clear the last push and write the manifest, then the data.

    Graphs that share blank nodes travel in one request, so the nodes stay the same nodes.

    >>> from pyoxigraph import NamedNode as N
    >>> q = Quad(N("http://ex/s"), N("http://ex/p"), N("http://ex/o"), N("http://ex/g"))
    >>> [u.split()[0] for u in updates({"http://ex/g": [q]}, 1000)]
    ['PREFIX', 'INSERT']
    """
    manifest = f"<{MANIFEST}>"
    listed = " ".join(f"{manifest} <{DCTERMS.hasPart}> <{g}> ." for g in graphs)
    yield (
        f"PREFIX dcterms: <{DCTERMS}>\n"
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH {manifest} {{ {manifest} dcterms:hasPart ?g }}"
        " GRAPH ?g { ?s ?p ?o } } ;\n"
        f"DROP SILENT GRAPH {manifest} ;\n"
        f"INSERT DATA {{ GRAPH {manifest} {{ {listed} }} }}\n"
    )
    blank = "".join(_block(g, qs) for g, qs in graphs.items() if _has_blank(qs))
    batch = [blank] if blank else []
    size = len(blank)
    for g, qs in graphs.items():
        if _has_blank(qs):
            continue
        block = _block(g, qs)
        if batch and size + len(block) > batch_bytes:
            yield "INSERT DATA {\n" + "".join(batch) + "}\n"
            batch, size = [], 0
        batch.append(block)
        size += len(block)
    if batch:
        yield "INSERT DATA {\n" + "".join(batch) + "}\n"


def _headers(config: PushConfig) -> dict[str, str]:
    headers = {"Content-Type": "application/sparql-update; charset=utf-8", "User-Agent": "kg-push"}
    if config.token:
        headers["Authorization"] = f"Bearer {config.token}"
    elif config.user is not None:
        pair = f"{config.user}:{config.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return headers


def _post(config: PushConfig, body: str) -> None:
    request = urllib.request.Request(
        config.endpoint, data=body.encode("utf-8"), headers=_headers(config), method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=config.timeout) as response:
            response.read()
    except urllib.error.HTTPError as e:
        detail = e.read(2000).decode("utf-8", "replace").strip()
        raise PushError(f"{config.endpoint} answered {e.code} {e.reason}: {detail}") from e
    except (urllib.error.URLError, OSError) as e:
        raise PushError(f"{config.endpoint}: {e}") from e


def push(config: PushConfig) -> PushReport:
    """Replace what the last push wrote on ``config.endpoint`` with the build in ``config.build_dir``."""
    if not config.endpoint.startswith(("http://", "https://")):
        raise PushError(f"{config.endpoint}: the endpoint must be an http:// or https:// URL")
    graphs = _graphs(config.build_dir)
    n = 0
    for body in updates(graphs, config.batch_bytes):
        _post(config, body)
        n += 1
    return PushReport(graphs=len(graphs), quads=sum(len(q) for q in graphs.values()), requests=n)
