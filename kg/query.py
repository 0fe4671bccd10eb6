"""SPARQL over a build's pyoxigraph store, with the union of named graphs as default graph."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Triple

from kg.errors import QueryError
from kg.namespaces import PREFIXES

Term = NamedNode | BlankNode | Literal | Triple | None


@dataclass(frozen=True)
class Table:
    """A SELECT result (or an ASK result as one row with one column ``result``)."""

    columns: list[str]
    rows: list[list[Term]]

    def values(self, column: str) -> list[str]:
        """The plain values of one column (IRIs and literals as strings)."""
        i = self.columns.index(column)
        return [plain(r[i]) for r in self.rows]

    def dicts(self) -> list[dict[str, str]]:
        return [{c: plain(v) for c, v in zip(self.columns, r, strict=True)} for r in self.rows]


@dataclass(frozen=True)
class CompetencyQuery:
    """One of the shipped competency queries (``kg/queries/*.rq``)."""

    name: str  # the file name without ``.rq``, e.g. ``01-who-issued-the-policy``
    title: str  # the first-line comment without its ``#``
    text: str


def competency_queries() -> list[CompetencyQuery]:
    """The shipped competency queries, in file-name order.

    >>> qs = competency_queries()
    >>> len(qs), qs[0].name, qs[0].title.startswith("Q1.")
    (12, '01-who-issued-the-policy', True)
    """
    folder = resources.files("kg") / "queries"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            title = text.split("\n", 1)[0].lstrip("#").strip()
            out.append(CompetencyQuery(entry.name.removesuffix(".rq"), title, text))
    return out


def competency_query(prefix: str) -> CompetencyQuery:
    """The competency query whose name starts with ``prefix`` (e.g. ``"11"``).

    >>> competency_query("11").name
    '11-disagreements'
    """
    found = [q for q in competency_queries() if q.name.startswith(prefix)]
    if len(found) != 1:
        raise QueryError(f"{prefix!r}: no single competency query of that name")
    return found[0]


def plain(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode | Literal | BlankNode):
        return term.value
    return str(term)


def read_query(text_or_path: str) -> str:
    """The query itself, from a string or from a ``.rq`` file."""
    if text_or_path.endswith(".rq") or (len(text_or_path) < 400 and Path(text_or_path).is_file()):
        path = Path(text_or_path)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return text_or_path


def open_store(build_dir: Path) -> Store:
    path = build_dir / "store"
    if not path.is_dir():
        raise QueryError(f"{build_dir}: no store found; run `kg build` first")
    try:
        return Store.read_only(str(path))
    except OSError as e:
        raise QueryError(f"{path}: cannot open the store: {e}") from e


def run_query(store: Store, query: str) -> Table:
    """Run a SELECT or ASK query; the default graph is the union of all graphs."""
    try:
        result = store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as e:
        raise QueryError(f"invalid SPARQL: {e}") from e
    if isinstance(result, QueryBoolean):
        return Table(["result"], [[Literal(str(bool(result)).lower())]])
    if not isinstance(result, QuerySolutions):
        raise QueryError("only SELECT and ASK queries are supported here")
    columns = [v.value for v in result.variables]
    rows = [[sol[c] for c in columns] for sol in result]
    return Table(columns, rows)


def format_table(table: Table, fmt: str = "table") -> str:
    """Render as an aligned text table, CSV, TSV or JSON."""
    data = [[plain(v) for v in r] for r in table.rows]
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, r, strict=True)) for r in data], indent=2, ensure_ascii=False)
    if fmt in {"csv", "tsv"}:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(table.columns)
        w.writerows(data)
        return buf.getvalue().rstrip("\n")
    cells = [[c.replace("\n", " ") for c in r] for r in data]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(table.columns)]

    def line(r: list[str]) -> str:
        return "  ".join(v[:60].ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()

    out = [line(table.columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
