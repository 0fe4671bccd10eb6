"""Verdicts: people confirm, reject or correct facts, and every build applies what they decided.

A verdict lives in a plain text file (``data/reviews.jsonl``), one JSON object a line, and names its
fact by what a reader sees — source, quote and offsets, subject, predicate, object — never by a rule
or an internal id, so it survives re-extraction::

    {"at": "2026-11-29T16:00:00Z", "by": "ana", "fact": {"end": 212, "object": "attorney-general",
     "predicate": "holds", "quote": "Attorney General Jeff Sessions", "source": "doj-oig-2021",
     "start": 182, "subject": "jeff-sessions"}, "verdict": "confirmed"}

(``object`` is an entity key, a literal's value or a class name; ``reason`` may go with a rejection,
``correction`` — the new object, same quote — must go with a correction.) The last line about a fact
wins, so the file is append-only in spirit and diffs read as a log. A verdict whose fact the build no
longer makes is an *orphan*: reported, never dropped.

Applying them (:func:`apply_reviews`, after extraction, so the extraction cache is unaffected):
rejected facts leave the graph (kept, reified, in :data:`REJECTED_GRAPH` for audit and listed in
``report.json``); confirmed and corrected ones gain a Web Annotation (motivation ``oa:assessing``) in
:data:`REVIEWS_GRAPH` saying who decided and when.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import KgError
from kg.model import Document, Fact, Kind, Lit, Obj, Ref, date_lit
from kg.namespaces import KGO, KGR, OA, PROV, RDF, RDFS, XSD
from kg.rdf import _span_quads, entity_iri, fact_quads
from kg.resolve import dedupe, find_conflicts, settle_events

if TYPE_CHECKING:
    from kg.build import Graph

VERDICTS = ("confirmed", "rejected", "corrected")
#: Named graphs: the assessments of facts still asserted, and the rejected statements (never asserted).
REVIEWS_GRAPH = KGR["graph-reviews"]
REJECTED_GRAPH = KGR["graph-rejected"]
#: Predicates whose facts the view offers for review (types and names are shown, not asserted as claims).
NOT_REVIEWABLE = frozenset({"type", "label", "dateUnknown"})
_KEYS = {"fact", "verdict", "by", "at", "reason", "correction"}
_FACT_KEYS = ("source", "start", "end", "quote", "subject", "predicate", "object")
_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)")
_DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
_NUMBER = {"integer": re.compile(r"-?\d+"), "decimal": re.compile(r"-?\d+(\.\d+)?")}


class ReviewError(KgError):
    """The verdicts file cannot be read; the message names the file and the line."""


def confidence(fact: Fact) -> float:
    """The builder's confidence in a fact (its rule's, less what the parse left open): the queue
    offers the least sure first."""
    return fact.confidence


@dataclass(frozen=True, slots=True, order=True)
class FactKey:
    """A fact as a reader sees it: where it is stated and what it says."""

    source: str
    start: int
    end: int
    quote: str
    subject: str
    predicate: str
    object: str

    def as_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict(self)`` without its deep copies (every field is a string or a number)
        nor its look-up of the fields: the view makes one for each fact it offers for review."""
        return {"source": self.source, "start": self.start, "end": self.end, "quote": self.quote,
                "subject": self.subject, "predicate": self.predicate, "object": self.object}  # fmt: skip

    def loose(self) -> tuple[str, str, str, str, str]:
        """The same without offsets: the fact found again after the text above it moved."""
        return (self.source, self.quote, self.subject, self.predicate, self.object)


def object_text(o: Obj) -> str:
    return o.key if isinstance(o, Ref) else o.name if isinstance(o, Kind) else o.value


def fact_key(f: Fact) -> FactKey:
    ev = f.evidence
    return FactKey(ev.source, ev.start, ev.end, ev.quote, f.subject, f.predicate, object_text(f.obj))


@dataclass(frozen=True, slots=True)
class Verdict:
    fact: FactKey
    verdict: str
    by: str
    at: str  # ISO 8601 date-time
    reason: str = ""
    correction: str = ""

    def as_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"fact": dataclasses.asdict(self.fact), "verdict": self.verdict}
        doc |= {"by": self.by, "at": self.at}
        if self.reason:
            doc["reason"] = self.reason
        if self.correction:
            doc["correction"] = self.correction
        return doc

    def line(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, sort_keys=True)


def parse_verdict(doc: object, where: str) -> Verdict:
    """One verdict from its JSON object; ``where`` (file:line) starts every error message."""

    def fail(problem: str) -> ReviewError:
        return ReviewError(f"{where}: {problem}")

    if not isinstance(doc, dict):
        raise fail("a verdict must be a JSON object")
    if unknown := sorted(set(doc) - _KEYS):
        raise fail(f"unknown key {unknown[0]!r} (a verdict has {', '.join(sorted(_KEYS))})")
    for key in ("verdict", "by", "at", "reason", "correction"):
        if key in doc and not isinstance(doc[key], str):
            raise fail(f"{key!r} must be a string")
    verdict, by, at = doc.get("verdict"), doc.get("by", ""), doc.get("at", "")
    if verdict not in VERDICTS:
        raise fail(f"'verdict' must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if not str(by).strip():
        raise fail("'by' must name who decided")
    if not _AT.fullmatch(str(at)):
        raise fail(f"'at' must be an ISO 8601 date-time such as 2026-01-31T09:30:00Z, not {at!r}")
    correction = str(doc.get("correction", ""))
    if (verdict == "corrected") != bool(correction):
        raise fail("a 'corrected' verdict needs a 'correction' (the new object), and only it takes one")
    fact = doc.get("fact")
    if not isinstance(fact, dict):
        raise fail("'fact' must be an object with " + ", ".join(_FACT_KEYS))
    if missing := [k for k in _FACT_KEYS if k not in fact]:
        raise fail(f"'fact' lacks {', '.join(missing)}")
    if unknown := sorted(set(fact) - set(_FACT_KEYS)):
        raise fail(f"'fact' has an unknown key {unknown[0]!r}")
    for k in _FACT_KEYS:
        ok = type(fact[k]) is int and fact[k] >= 0 if k in {"start", "end"} else isinstance(fact[k], str)
        if not ok:
            raise fail(f"'fact.{k}' must be {'a whole number ≥ 0' if k in {'start', 'end'} else 'a string'}")
    said = FactKey(**{k: fact[k] for k in _FACT_KEYS})
    if said.end < said.start:
        raise fail("'fact.end' is before 'fact.start'")
    return Verdict(said, str(verdict), str(by), str(at), str(doc.get("reason", "")), correction)


def load_verdicts(path: Path) -> list[Verdict]:
    """Every verdict in ``path``, in file order (a missing file has none); blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as e:
        raise ReviewError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise ReviewError(f"{path}: cannot be read ({e.strerror})") from e
    return parse_lines(text, str(path))


def parse_lines(text: str, name: str) -> list[Verdict]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise ReviewError(f"{name}:{n}: not JSON ({e.msg}, column {e.colno})") from e
        out.append(parse_verdict(doc, f"{name}:{n}"))
    return out


def add_verdicts(path: Path, verdicts: Iterable[Verdict]) -> int:
    """Append the verdicts not already in ``path`` (the same line twice is one decision); returns how
    many were added. Concurrent writers (the review server's threads, another ``kg review import``)
    take turns on a lock file beside it, and the file is replaced whole, so none is lost and a crash
    never leaves half a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the holder dies
        existing = load_verdicts(path)
        seen = {v.line() for v in existing}
        new = []
        for v in verdicts:
            if v.line() not in seen:
                seen.add(v.line())
                new.append(v)
        if new:
            old = path.read_bytes() if path.exists() else b""
            if old and not old.endswith(b"\n"):
                old += b"\n"
            data = old + "".join(v.line() + "\n" for v in new).encode("utf-8")
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    return len(new)


def import_verdicts(path: Path, from_file: Path) -> int:
    """Merge the verdicts of ``from_file`` (say, exported from the graph view) into ``path``."""
    if not from_file.is_file():
        raise ReviewError(f"{from_file}: no such file")
    return add_verdicts(path, load_verdicts(from_file))


# -- applying them to a build ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewOutcome:
    """What the verdicts did to a build. ``state`` maps each reviewed fact *as it now stands* (a
    corrected one with its new object) to its verdict, whose ``fact`` is the fact as first stated."""

    verdicts: int
    state: dict[FactKey, Verdict]
    rejected: tuple[tuple[Fact, Verdict], ...]
    orphans: tuple[Verdict, ...]
    #: (source, predicate) → facts the builder made (before verdicts), and how many of each verdict.
    counts: dict[tuple[str, str], Counter[str]]

    def report(self) -> dict[str, object]:
        tally = Counter(v.verdict for v in self.state.values()) + Counter("rejected" for _ in self.rejected)
        return {
            "verdicts": self.verdicts,
            "confirmed": tally["confirmed"],
            "corrected": tally["corrected"],
            "rejected": [{**v.as_json(), "rule": f.rule} for f, v in sorted(self.rejected, key=lambda r: r[1].fact)],
            "orphans": [v.as_json() for v in self.orphans],
            "by_source_and_kind": [
                {"source": s, "kind": p, "facts": c["facts"], **{k: c[k] for k in VERDICTS}}
                for (s, p), c in sorted(self.counts.items())
            ],
        }


def latest(verdicts: Iterable[Verdict]) -> dict[FactKey, Verdict]:
    """The last verdict on each fact: a later line overrides an earlier one."""
    return {v.fact: v for v in verdicts}


def apply_reviews(graph: Graph, verdicts: list[Verdict]) -> Graph:
    """``graph`` with the verdicts applied (see the module's doc); warnings for verdicts that cannot
    be applied (a correction of the wrong kind, a rejected type) join the graph's warnings."""
    decided = latest(verdicts)
    exact = {fact_key(f): f for f in graph.facts} if decided else {}  # no verdict: nothing to look up
    loose: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for f in graph.facts if decided else ():
        loose[fact_key(f).loose()].append(f)
    matched: dict[int, Verdict] = {}
    orphans = []
    for key, decision in sorted(decided.items()):
        found = exact.get(key)
        if found is None and len(candidates := loose.get(key.loose(), [])) == 1:
            found = candidates[0]  # the same words, moved: the text before them changed
        if found is None or id(found) in matched:
            orphans.append(decision)
        else:
            matched[id(found)] = decision
    kinds = graph.kinds()
    warnings, kept, rejected, state = [], [], [], {}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for f in graph.facts:
        counts[(f.evidence.source, f.predicate)]["facts"] += 1
        v = matched.get(id(f))
        new: Fact | None = f
        if v is not None and v.verdict == "rejected" and f.predicate == "type":
            warnings.append(f"{_where(v)}: the type of {f.subject} cannot be rejected; reject its facts instead")
            v = None
        elif v is not None and v.verdict == "rejected":
            new = None
            rejected.append((f, v))
        elif v is not None and v.verdict == "corrected":
            new, problem = _corrected(f, v.correction, kinds)
            if problem:
                warnings.append(f"{_where(v)}: not applied: {problem}")
                new, v = f, None
        if v is not None:
            counts[(f.evidence.source, f.predicate)][v.verdict] += 1
        if new is not None:
            kept.append(new)
            if v is not None:
                state[fact_key(new)] = v
    facts = graph.facts
    if rejected or any(v.verdict == "corrected" for v in state.values()):
        # An event whose only actor was rejected goes, as extraction would have dropped it.
        facts = dedupe(settle_events(kept, graph.entities))
    outcome = ReviewOutcome(len(verdicts), state, tuple(rejected), tuple(orphans), dict(counts))
    return dataclasses.replace(
        graph,
        facts=facts,
        conflicts=find_conflicts(facts) if facts is not graph.facts else graph.conflicts,
        warnings=[*graph.warnings, *warnings],
        review=outcome,
    )


def _where(v: Verdict) -> str:
    k = v.fact
    return f"verdict on {k.subject} {k.predicate} {k.object!r} ({k.source} {k.start}-{k.end})"


def _corrected(f: Fact, value: str, kinds: dict[str, str]) -> tuple[Fact, str]:
    """The fact with its object replaced by ``value``, or a reason it cannot be."""
    o = f.obj
    obj: Obj
    if isinstance(o, Ref):
        if value not in kinds:
            return f, f"{value!r} is not an entity of the graph"
        obj = Ref(value)
    elif isinstance(o, Lit) and o.datatype in {"date", "gYearMonth", "gYear"}:
        if not _DATE.fullmatch(value):
            return f, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        obj = date_lit(value)
    elif isinstance(o, Lit):
        pattern = _NUMBER.get(o.datatype)
        if (pattern and not pattern.fullmatch(value)) or (o.datatype == "boolean" and value not in {"true", "false"}):
            return f, f"{value!r} is not a {o.datatype}"
        obj = Lit(value, o.datatype)
    else:
        return f, "a type cannot be corrected"
    return dataclasses.replace(f, obj=obj), ""


def review_of(graph: Graph, f: Fact) -> Verdict | None:
    """The verdict on a fact of the (reviewed) graph, if any."""
    return graph.review.state.get(fact_key(f)) if graph.review is not None and graph.review.state else None


# -- RDF ---------------------------------------------------------------------------------------------

_A = NamedNode(str(RDF.type))
_T = {
    name: NamedNode(f"{ns}{local}")
    for name, ns, local in [
        ("Annotation", OA, "Annotation"), ("motivatedBy", OA, "motivatedBy"), ("assessing", OA, "assessing"),
        ("hasTarget", OA, "hasTarget"), ("bodyValue", OA, "bodyValue"), ("attributed", PROV, "wasAttributedTo"),
        ("at", PROV, "generatedAtTime"), ("Agent", PROV, "Agent"), ("derived", PROV, "wasDerivedFrom"),
        ("label", RDFS, "label"), ("comment", RDFS, "comment"), ("Statement", RDF, "Statement"),
        ("subject", RDF, "subject"), ("predicate", RDF, "predicate"), ("object", RDF, "object"),
        ("evidence", KGO, "reviewedEvidence"), ("original", KGO, "correctionOf"),
    ]
}  # fmt: skip


def review_quads(outcome: ReviewOutcome, fact_objects: dict[FactKey, Quad]) -> Iterator[Quad]:
    """The annotations of the verdicts. ``fact_objects`` gives the RDF statement of each fact as
    :mod:`kg.rdf` wrote it (for a rejected one, what it would have been)."""
    for key, v in sorted(outcome.state.items()):
        st = fact_objects[key]
        target = st.graph_name
        assert isinstance(target, NamedNode)
        yield from _annotation(v, target, str(REVIEWS_GRAPH), key)
    g = NamedNode(str(REJECTED_GRAPH))
    for f, v in sorted(outcome.rejected, key=lambda r: r[1].fact):
        st = fact_objects[fact_key(f)]
        node = NamedNode(f"{KGR}rejected-{_digest(v.fact)}")
        yield Quad(node, _A, _T["Statement"], g)
        yield Quad(node, _T["subject"], st.subject, g)
        yield Quad(node, _T["predicate"], st.predicate, g)
        yield Quad(node, _T["object"], st.object, g)
        ev = f.evidence
        span = entity_iri(f"span-{ev.source}-{ev.start}-{ev.end}")
        yield Quad(node, _T["derived"], span, g)
        yield from _span_quads(span, ev.source, ev.start, ev.end, ev.quote, g)
        yield from _annotation(v, node, str(REJECTED_GRAPH), fact_key(f))  # the span as it now stands


def _annotation(v: Verdict, target: NamedNode, graph: str, key: FactKey) -> Iterator[Quad]:
    """The verdict as a Web Annotation on ``target``, in ``graph``; ``key`` is the fact as it now stands."""
    g = NamedNode(graph)
    node = NamedNode(f"{KGR}review-{_digest(v.fact)}")
    agent = entity_iri(f"reviewer-{v.by}")
    yield Quad(node, _A, _T["Annotation"], g)
    yield Quad(node, _T["motivatedBy"], _T["assessing"], g)
    yield Quad(node, _T["hasTarget"], target, g)
    yield Quad(node, _T["bodyValue"], Literal(v.verdict), g)  # the verdict: confirmed, rejected, corrected
    yield Quad(node, _T["evidence"], entity_iri(f"span-{key.source}-{key.start}-{key.end}"), g)
    yield Quad(node, _T["attributed"], agent, g)
    yield Quad(node, _T["at"], Literal(v.at, datatype=NamedNode(f"{XSD}dateTime")), g)
    yield Quad(agent, _A, _T["Agent"], g)
    yield Quad(agent, _T["label"], Literal(v.by), g)
    if v.reason:
        yield Quad(node, _T["comment"], Literal(v.reason), g)
    if v.verdict == "corrected":
        yield Quad(node, _T["original"], Literal(v.fact.object), g)


def _digest(key: FactKey) -> str:
    return hashlib.sha256(json.dumps(dataclasses.astuple(key)).encode()).hexdigest()[:16]


def statement_of(f: Fact) -> Quad:
    """The statement quad :mod:`kg.rdf` writes for a fact (subject, property, object, in its graph):
    the first that :func:`kg.rdf.fact_quads` yields."""
    return next(fact_quads([f]))


def graph_review_quads(graph: Graph) -> list[Quad]:
    if graph.review is None:
        return []
    facts = {fact_key(f): statement_of(f) for f in graph.facts if fact_key(f) in graph.review.state}
    facts |= {fact_key(f): statement_of(f) for f, _ in graph.review.rejected}
    return list(review_quads(graph.review, facts))


# -- the view's review records ---------------------------------------------------------------------


def reviewable(graph: Graph) -> list[Fact]:
    """The facts the graph view offers for review, in the graph's order: what its panel shows."""
    kinds = graph.kinds()
    return [
        f
        for f in graph.facts
        if f.predicate not in NOT_REVIEWABLE
        and f.subject in kinds
        and (not isinstance(f.obj, Ref) or f.obj.key in kinds)
    ]


def review_records(graph: Graph, facts: list[Fact], context: dict[int, tuple[str, str]]) -> list[dict[str, Any]]:
    """One record per reviewable fact for the page: the fact as its verdict must name it, what it
    says (labels), its quote in context, its confidence and any verdict it has."""
    docs: dict[str, Document] = {d.id: d for d in graph.documents}
    out = []
    for f in facts:
        v = review_of(graph, f)
        key = v.fact if v is not None else fact_key(f)
        o = f.obj
        shown = graph.label(o.key) if isinstance(o, Ref) else object_text(o)
        before, after = context.get(id(f), ("", ""))
        doc = docs.get(f.evidence.source)
        out.append(
            {
                "fact": key.as_dict(),
                "says": [graph.label(f.subject), f.predicate, shown],
                "node": entity_iri(f.subject).value,
                "title": doc.meta.title if doc is not None else f.evidence.source,
                "before": before,
                "after": after,
                "confidence": confidence(f),
                "verdict": v.verdict if v is not None else "",
                "by": v.by if v is not None else "",
                "at": v.at if v is not None else "",
                "reason": v.reason if v is not None else "",
                "correction": v.correction if v is not None else "",
            }
        )
    return out


# -- reading a build's review report: stats, orphans, scores ------------------------------------------


def build_reviews(build_dir: Path) -> dict[str, Any]:
    """The ``reviews`` section of a build's ``report.json``: what the verdicts did in that build."""
    path = build_dir / "report.json"
    try:
        section = json.loads(path.read_text(encoding="utf-8")).get("reviews")
    except (OSError, ValueError) as e:
        raise ReviewError(f"{path}: cannot be read ({e}); run `kg build` first") from e
    if not isinstance(section, dict) or "by_source_and_kind" not in section:
        raise ReviewError(f"{path}: has no review section; rebuild with this version of kg")
    return section


def format_stats(section: dict[str, Any]) -> str:
    """How many facts are reviewed, per source and kind (predicate), as a table."""
    rows = [(r["source"], r["kind"], r["facts"], *(r[k] for k in VERDICTS)) for r in section["by_source_and_kind"]]
    reviewed = [r for r in rows if sum(r[3:])]
    total, done = sum(r[2] for r in rows), sum(sum(r[3:]) for r in rows)
    head = ("source", "kind", "facts", *VERDICTS)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *reviewed, strict=True)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)).rstrip() for r in [head, *reviewed]]
    lines.append(f"{done} of {total} facts reviewed ({len(section['orphans'])} orphaned verdicts)")
    return "\n".join(lines)


def format_orphans(section: dict[str, Any]) -> str:
    orphans = section["orphans"]
    if not orphans:
        return "no orphaned verdicts: the build makes every fact a verdict names"
    lines = [f"{len(orphans)} verdicts name a fact the build no longer makes:"]
    for v in orphans:
        f = v["fact"]
        lines.append(
            f"  {v['verdict']} by {v['by']} at {v['at']}: {f['subject']} {f['predicate']} {f['object']!r}"
            f" — {f['source']} {f['start']}-{f['end']} “{f['quote']}”"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class ReviewScore:
    """The builder measured by the verdicts: a confirmed fact was right, a rejected or corrected one wrong."""

    confirmed: int = 0
    wrong: int = 0

    @property
    def precision(self) -> float:
        n = self.confirmed + self.wrong
        return self.confirmed / n if n else 0.0


def review_scores(section: dict[str, Any]) -> dict[str, ReviewScore]:
    """Precision per kind of fact (predicate) and over all (``"all facts"``), from the verdicts."""
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in section["by_source_and_kind"]:
        by_kind[r["kind"]][0] += r["confirmed"]
        by_kind[r["kind"]][1] += r["rejected"] + r["corrected"]
    scores = {k: ReviewScore(c, w) for k, (c, w) in sorted(by_kind.items()) if c + w}
    scores["all facts"] = ReviewScore(sum(s.confirmed for s in scores.values()), sum(s.wrong for s in scores.values()))
    return scores


def format_scores(scores: dict[str, ReviewScore]) -> str:
    lines = [f"{'kind':<24} {'reviewed':>8} {'confirmed':>9} {'wrong':>5} {'P':>5}"]
    for kind, s in scores.items():
        n = s.confirmed + s.wrong
        lines.append(f"{kind:<24} {n:>8} {s.confirmed:>9} {s.wrong:>5} {s.precision:>5.2f}")
    return "\n".join(lines)
