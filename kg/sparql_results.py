"""Query results as bytes: the four SPARQL 1.1 result formats, and RDF formats for graphs.

Results are written here rather than by pyoxigraph's own serializer so that a result can be cut at
the endpoint's row limit. Formats follow the W3C Recommendations:
`JSON <https://www.w3.org/TR/sparql11-results-json/>`_,
`XML <https://www.w3.org/TR/rdf-sparql-XMLres/>`_ and
`CSV/TSV <https://www.w3.org/TR/sparql11-results-csv-tsv/>`_.

This module imports only pyoxigraph and the standard library: query workers load it.

>>> from pyoxigraph import Literal, NamedNode
>>> rows = [[NamedNode("http://example.org/a"), Literal("x", language="en")]]
>>> solutions_bytes(["s", "o"], rows, "tsv")
b'?s\\t?o\\n<http://example.org/a>\\t"x"@en\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple

Term = NamedNode | BlankNode | Literal | Triple | None

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Result format key → media type. SELECT answers in any of the first four, ASK in JSON or XML,
#: CONSTRUCT and DESCRIBE in the last three.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}


def content_type(fmt: str) -> str:
    """The ``Content-Type`` header value for a result format.

    >>> content_type("csv")
    'text/csv; charset=utf-8'
    """
    return f"{MEDIA_TYPES[fmt]}; charset=utf-8"


def _json_term(t: NamedNode | BlankNode | Literal | Triple) -> dict[str, Any]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(t.subject),
            "predicate": _json_term(t.predicate),
            "object": _json_term(t.object),
        },
    }


def _xml_term(t: NamedNode | BlankNode | Literal | Triple) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    parts = (("subject", t.subject), ("predicate", t.predicate), ("object", t.object))
    return "<triple>" + "".join(f"<{n}>{_xml_term(v)}</{n}>" for n, v in parts) + "</triple>"


def _csv_value(t: Term) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        return f"_:{t.value}"
    if isinstance(t, NamedNode | Literal):
        return t.value
    return str(t)


def solutions_bytes(variables: Sequence[str], rows: Sequence[Sequence[Term]], fmt: str) -> bytes:
    """A SELECT result in ``json``, ``xml``, ``csv`` or ``tsv``; ``None`` is an unbound value."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            ]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        w.writerows([_csv_value(t) for t in row] for row in rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"not a result format for SELECT: {fmt}")


def boolean_bytes(value: bool, fmt: str) -> bytes:
    """An ASK result in ``json`` or ``xml``.

    >>> boolean_bytes(True, "json")
    b'{"head": {}, "boolean": true}'
    """
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        text = "true" if value else "false"
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{text}</boolean></sparql>\n"
        ).encode()
    raise ValueError(f"not a result format for ASK: {fmt}")


def triples_bytes(triples: Sequence[Triple], fmt: str, prefixes: dict[str, str]) -> bytes:
    """A CONSTRUCT or DESCRIBE result in ``turtle``, ``ntriples`` or ``jsonld`` (with an inline context)."""
    out = pyoxigraph.serialize(triples, format=RDF_FORMATS[fmt], prefixes=None if fmt == "ntriples" else prefixes)
    return out or b""
