"""The typed records that flow through the pipeline.

source file → :class:`Document` → :class:`Mention` → :class:`Entity` → :class:`Fact` (with its
:class:`Evidence`) → RDF. Extraction produces these records and knows nothing of RDF; the RDF
mapping (:mod:`kg.rdf`) turns them into quads and knows nothing of text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Literal as TypingLiteral

if TYPE_CHECKING:
    from kg.layout import Layout

#: Classes of things the gazetteer may name. Events, claims and statistics are entities too; the
#: classes of events are the ontology's (:func:`kg.vocabulary.event_classes`).
ENTITY_KINDS = frozenset(
    {
        "Agency", "Organization", "Group", "Official", "Person", "Position", "Policy",
        "LegalInstrument", "ExecutiveOrder", "Statute", "Convention", "Agreement", "CourtCase",
        "Report", "Place", "Claim", "Finding", "Statistic", "Tenure",
        "PolicyAnnouncement", "PracticeChange", "EnforcementAction", "ExecutiveOrderSigning",
        "Protest", "Statement", "Criticism", "ReportRelease", "CourtOrder", "Hearing",
    }
)  # fmt: skip
AGENT_KINDS = frozenset({"Agency", "Organization", "Group", "Official", "Person"})
PEOPLE = frozenset({"Person", "Official"})
INSTRUMENT_KINDS = frozenset({"LegalInstrument", "ExecutiveOrder", "Statute", "Convention", "Agreement", "CourtCase"})

Datatype = TypingLiteral["date", "gYearMonth", "gYear", "string", "decimal", "boolean", "integer"]


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What we know about a source apart from its text."""

    id: str
    title: str
    path: Path
    kind: str = "document"
    publisher: str = ""
    date: str | None = None  # ISO by precision: 2021-01-14 | 2021-01 | 2021
    url: str = ""
    licence: str = ""
    speaker: str | None = None  # gazetteer id of who says "I"
    creator: str | None = None  # gazetteer id of whose voice "we" / "our office" is


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A source's text as extraction reads it, with its sentences and the spans that are noise.

    ``text`` is the layout-normalised text (:mod:`kg.layout`); ``stored`` is the text as the build
    stores it, which evidence quotes. Offsets into ``text`` map to ``stored`` with :meth:`to_stored`.
    """

    meta: SourceMeta
    text: str
    sentences: tuple[Span, ...]
    noise: tuple[Span, ...] = ()
    layout: Layout | None = None  # None when normalising changed nothing
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: The sentences as stored-text spans, worked out on first use (a view asks for thousands).
    _stored: list[tuple[int, int]] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.sentences))

    @property
    def id(self) -> str:
        return self.meta.id

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    @property
    def stored(self) -> str:
        return self.layout.stored if self.layout is not None else self.text

    def stored_sentence_at(self, offset: int) -> Span | None:
        """The sentence holding a stored-text offset, as a stored-text span."""
        if self.layout is None:
            return self.sentence_at(offset)
        spans = self._stored_spans()
        i = bisect.bisect_right(spans, (offset, float("inf"))) - 1  # the sentences do not overlap
        if i >= 0 and spans[i][0] <= offset < spans[i][1]:
            return Span(*spans[i])
        return None

    def _stored_spans(self) -> list[tuple[int, int]]:
        known = self._stored
        if known is None:
            layout = self.layout
            known = [layout.to_stored(s.start, s.end) if layout else (s.start, s.end) for s in self.sentences]
            object.__setattr__(self, "_stored", known)
        return known

    def to_stored(self, start: int, end: int) -> tuple[int, int]:
        return self.layout.to_stored(start, end) if self.layout is not None else (start, end)

    def is_noise(self, start: int, end: int) -> bool:
        return any(n.start < end and start < n.end for n in self.noise)


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an entity; ``key`` is the entity it resolves to."""

    start: int
    end: int
    text: str
    kind: str
    key: str
    rule: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A thing in the graph: an agency, a person, an event, a claim, a statistic..."""

    key: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    post_in: str | None = None
    wikidata: str | None = None
    known: bool = False  # from the gazetteer
    department: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: ``text[start:end] == quote`` in the stored source text."""

    source: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True, order=True)
class Ref:
    """The object of a fact that is another entity."""

    key: str


@dataclass(frozen=True, slots=True, order=True)
class Lit:
    """The object of a fact that is a literal value of an XSD datatype."""

    value: str
    datatype: Datatype = "string"


@dataclass(frozen=True, slots=True, order=True)
class Kind:
    """The object of a type fact: one of :data:`ENTITY_KINDS`."""

    name: str


Obj = Ref | Lit | Kind


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement with its evidence. ``stated_by`` is set when the sentence is reported speech."""

    subject: str
    predicate: str
    obj: Obj
    evidence: Evidence
    rule: str
    stated_by: str | None = None
    #: How sure the rule and the parse are (0-1]; below the grammar's threshold a fact is a
    #: candidate, kept out of the graph.
    confidence: float = 1.0

    @property
    def triple(self) -> tuple[str, str, Obj]:
        return (self.subject, self.predicate, self.obj)


def date_lit(value: str) -> Lit:
    """A date literal typed by its precision.

    >>> date_lit("2018-04").datatype
    'gYearMonth'
    """
    return Lit(value, "date" if len(value) == 10 else "gYearMonth" if len(value) == 7 else "gYear")
