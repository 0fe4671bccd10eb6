"""What a request asks for, decided by parsing it: a read-only query, or something the endpoint refuses.

The endpoint answers SELECT, ASK, CONSTRUCT and DESCRIBE. It refuses SPARQL Update (which includes
``LOAD``, ``CLEAR``, ``DROP``, ``INSERT``...) and any query with a ``SERVICE`` clause, which would make
the server fetch whatever address the query names. The decision is made on rdflib's parse tree of the
`SPARQL 1.1 grammar <https://www.w3.org/TR/sparql11-query/#grammar>`_, not by looking for words in
the text, so ``"SERVICE"`` inside a string literal is harmless and ``service`` in lower case is not.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
Checked(kind='SELECT', has_dataset=False)
>>> check_query("ASK FROM <http://example.org/g> { ?s ?p 'SERVICE' }")
Checked(kind='ASK', has_dataset=True)
>>> check_query("SELECT * { service <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.sparql_check.Refused: SERVICE is refused: this endpoint does not fetch other addresses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError

_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}
_lock = threading.Lock()  # pyparsing's parser state is not meant for threads


class Malformed(QueryError):
    """The text is not a SPARQL query (HTTP 400); the message is the parser's."""


class Refused(QueryError):
    """A well-formed request the read-only endpoint will not run (HTTP 403)."""


@dataclass(frozen=True)
class Checked:
    """A query the endpoint may run: its form, and whether it names its own dataset (FROM)."""

    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    has_dataset: bool


def _walk(node: Any) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple | ParseResults):
        for item in node:
            yield from _walk(item)


def refuse_update(text: str) -> str:
    """The message refusing an update request, naming its operations when they parse."""
    try:
        with _lock:
            parsed = parseUpdate(text)
        ops = [_UPDATES[node.name] for node in _walk(parsed) if node.name in _UPDATES]
    except ParseException:
        ops = []
    named = f" ({', '.join(dict.fromkeys(ops))})" if ops else ""
    return f"SPARQL Update{named} is refused: this endpoint is read-only."


@lru_cache(maxsize=1024)
def check_query(text: str) -> Checked:
    """Parse ``text``; raise :class:`Malformed` or :class:`Refused`, or say what kind of query it is."""
    try:
        with _lock:
            parsed = parseQuery(text)
    except ParseException as query_error:
        try:
            with _lock:
                parseUpdate(text)
        except ParseException:
            raise Malformed(f"Malformed query: {query_error}") from None
        raise Refused(refuse_update(text)) from None
    query = parsed[1]
    if any(node.name == "ServiceGraphPattern" for node in _walk(parsed)):
        raise Refused("SERVICE is refused: this endpoint does not fetch other addresses.")
    return Checked(_KINDS[query.name], "datasetClause" in query and bool(query["datasetClause"]))
