"""The ontology's classes, read from ``ontology/kg.ttl``: the one place that names them.

Event classes are every subclass (at any depth) of ``kgo:Event``; the grammar may yield only
those, and the view, the settling of events and the evaluation all ask this module rather than
keep lists of their own.

>>> "Hearing" in event_classes() and "Appointment" in event_classes()
True
>>> parent_class("PolicyAnnouncement")
'Announcement'
"""

from __future__ import annotations

import functools
from pathlib import Path

from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, Store

from kg.namespaces import KGO

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
_SUBCLASS = NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


@functools.lru_cache(maxsize=4)
def _parents(ontology_dir: Path) -> dict[str, str]:
    """Each kgo class and its kgo superclass (the first, by name, where there are several)."""
    store = Store()
    store.load(path=str(ontology_dir / "kg.ttl"), format=RdfFormat.TURTLE)
    out: dict[str, str] = {}
    for q in sorted(store.quads_for_pattern(None, _SUBCLASS, None), key=lambda q: (str(q.subject), str(q.object))):
        if not isinstance(q.subject, NamedNode) or not isinstance(q.object, NamedNode):
            continue  # a restriction or a union: not a named superclass
        s, o = q.subject.value, q.object.value
        if s.startswith(str(KGO)) and o.startswith(str(KGO)):
            out.setdefault(s.removeprefix(str(KGO)), o.removeprefix(str(KGO)))
    return out


def parent_class(name: str, ontology_dir: Path = ONTOLOGY_DIR) -> str | None:
    """The kgo class ``name`` specialises, if any."""
    return _parents(ontology_dir).get(name)


@functools.lru_cache(maxsize=4)
def subclasses(root: str, ontology_dir: Path = ONTOLOGY_DIR) -> frozenset[str]:
    """``root``'s subclasses at any depth (not ``root`` itself)."""
    parents = _parents(ontology_dir)

    def under(c: str) -> bool:
        seen: set[str] = set()
        while c in parents and c not in seen:
            seen.add(c)
            c = parents[c]
            if c == root:
                return True
        return False

    return frozenset(c for c in parents if under(c))


def event_classes(ontology_dir: Path = ONTOLOGY_DIR) -> frozenset[str]:
    """The classes of events kg may assert."""
    return subclasses("Event", ontology_dir)


@functools.lru_cache(maxsize=4)
def implied_doer(ontology_dir: Path = ONTOLOGY_DIR) -> frozenset[str]:
    """Classes of events a text may date without naming who did them, their doer implied by the kind
    of act (a court's order, a report's release, a declared emergency): the classes the shapes
    (``ontology/shapes.ttl``, ``kgsh:Event-actor``) let stand with no participant named. Read from
    the shapes, so that the extractor never asserts an event the build's validation would refuse."""
    store = Store()
    store.load(path=str(ontology_dir / "shapes.ttl"), format=RdfFormat.TURTLE)
    rows = store.query(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT ?c WHERE { <https://w3id.org/kg-accountability/shapes#Event-actor> sh:or/rdf:rest*/rdf:first ?m . "
        "?m sh:class ?c }"
    )
    assert isinstance(rows, QuerySolutions)
    return frozenset(c.value.removeprefix(str(KGO)) for row in rows if isinstance(c := row["c"], NamedNode))
