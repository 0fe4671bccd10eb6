"""A build against hand-checked gold files: precision, recall and F1 per kind of fact.

The gold format is documented in ``docs/gold.md``. The build is read back from its store, as any
user of the graph would read it: the statements, their evidence (source and offsets) and the labels.
Nothing here knows how the facts were extracted.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.query import open_store, plain, run_query
from kg.vocabulary import event_classes

KINDS = ("entities", "positions", "events", "statistics", "relations", "claims")
FACT_KINDS = KINDS[1:]
ENTITY_TYPES = frozenset(
    {
        "Agency", "Organization", "Group", "Official", "Person", "Policy", "LegalInstrument", "ExecutiveOrder",
        "Statute", "Convention", "Agreement", "CourtCase", "Report", "Place",
    }
)  # fmt: skip
CLAIM_TYPES = frozenset({"Claim", "Finding"})
RELATIONS = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
#: A class and the classes it specialises, for picking the most specific type of an entity.
_MORE_SPECIFIC = {"Official": "Person", "Agency": "Organization", "Finding": "Claim"} | dict.fromkeys(
    ("ExecutiveOrder", "Statute", "Convention", "Agreement", "CourtCase"), "LegalInstrument"
)
_KGO = "https://w3id.org/kg-accountability/ontology#"
_LOCAL = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/ns/org#holds": "holds",
    "http://www.w3.org/ns/org#member": "member",
    "http://www.w3.org/ns/org#subOrganizationOf": "subOrganizationOf",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor": "actor",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp": "date",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasBeginTimeStamp": "begin",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasEndTimeStamp": "end",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp": "earliest",
    "http://purl.org/dc/terms/creator": "creator",
    "https://schema.org/value": "value",
    "https://schema.org/text": "text",
    "https://schema.org/unitText": "unit",
} | {
    _KGO + p: p
    for p in ("failedToCoordinateWith", "reviews", "claimant", "qualifier", "countedThing", "tenurePost", "court")
}

_FACTS_QUERY = """SELECT ?s ?p ?o ?source ?start ?end ?quote WHERE {
  GRAPH ?g { ?s ?p ?o }
  GRAPH kgr:graph-provenance {
    ?g a kgo:Fact ; prov:wasDerivedFrom ?span .
    ?span oa:hasSource ?src ; oa:hasSelector ?pos , ?q .
    ?pos oa:start ?start ; oa:end ?end . ?q oa:exact ?quote .
  }
  ?src dcterms:identifier ?source .
}"""
_NAMES_QUERY = """SELECT DISTINCT ?s ?name ?main WHERE {
  { ?s rdfs:label ?name BIND(1 AS ?main) } UNION { ?s skos:altLabel ?name BIND(0 AS ?main) }
} ORDER BY DESC(?main) ?s ?name"""


class GoldError(KgError):
    """A gold file that cannot be read or does not fit the build."""


def norm(name: str) -> str:
    """A name as names are compared: no case, accents, leading article, possessive or punctuation.

    >>> norm("The U.S. Department of Justice’s")
    'us department of justice'
    """
    s = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().casefold()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"^the\s+", "", " ".join(s.split()))
    return s


# --- the build, read back ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Said:
    """One statement's evidence in one source."""

    s: str
    p: str
    o: str
    source: str
    start: int
    end: int
    quote: str


@dataclass
class Built:
    """A build's statements, indexed for scoring."""

    said: list[Said]
    names: dict[str, set[str]]  # entity IRI -> normalised labels, aliases and mention quotes
    labels: dict[str, str]
    texts: dict[str, str]  # source id -> stored text
    by_subject: dict[str, list[Said]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for x in self.said:
            self.by_subject[x.s].append(x)

    def values(self, s: str, p: str, source: str | None = None) -> set[str]:
        return {x.o for x in self.by_subject.get(s, ()) if x.p == p and (source is None or x.source == source)}

    def types(self, s: str, source: str | None = None) -> set[str]:
        return {t.removeprefix(_KGO) for t in self.values(s, "type", source)}

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri.rsplit("/", 1)[-1])


def read_build(build_dir: Path) -> Built:
    store = open_store(build_dir)
    said = []
    for r in run_query(store, _FACTS_QUERY).dicts():
        p = _LOCAL.get(r["p"])
        if p is not None:
            said.append(Said(r["s"], p, r["o"], r["source"], int(r["start"]), int(r["end"]), r["quote"]))
    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in run_query(store, _NAMES_QUERY).rows:
        s, name = plain(row[0]), plain(row[1])
        names[s].add(norm(name))
        if plain(row[2]) == "1":
            labels.setdefault(s, name)
    for x in said:
        if x.p == "type":
            names[x.s].add(norm(x.quote))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((build_dir / "sources").glob("*.txt"))}
    return Built(sorted(said, key=lambda x: (x.source, x.start, x.end, x.s, x.p, x.o)), names, labels, texts)


def most_specific(types: Iterable[str]) -> str:
    ts = set(types)
    general = {_MORE_SPECIFIC[t] for t in ts if t in _MORE_SPECIFIC}
    return min(ts - general or ts)


# --- gold -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldItem:
    kind: str
    source: str
    fields: dict[str, Any]
    quote: str
    start: int  # -1 when the item has no quote
    others: tuple[int, ...] = ()  # where else the same quote occurs in the source

    def spans(self) -> list[tuple[int, int]]:
        return [(x, x + len(self.quote)) for x in (self.start, *self.others) if x >= 0]

    def describe(self) -> str:
        keys = ("type", "name", "person", "post", "subject", "predicate", "object", "speaker", "value", "date")
        return ", ".join(f"{k}={self.fields[k]}" for k in keys if k in self.fields)


@dataclass
class Gold:
    items: list[GoldItem]
    names: dict[str, dict[str, set[str]]]  # source -> normalised name -> all normalised names of that entity


_REQUIRED = {
    "entity": ("name", "type"),
    "position": ("person", "post", "quote"),
    "event": ("type", "date", "quote"),
    "statistic": ("value", "quote"),
    "relation": ("subject", "predicate", "object", "quote"),
    "claim": ("speaker", "quote"),
}
_PLURAL = dict(zip(_REQUIRED, KINDS, strict=True))


def gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise GoldError(f"{path}: no gold files (*.toml) in this folder")
        return files
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file or folder")
    return [path]


def load_gold(path: Path, texts: dict[str, str]) -> Gold:
    items: list[GoldItem] = []
    names: dict[str, dict[str, set[str]]] = {}
    for f in gold_files(path):
        try:
            data = tomllib.loads(f.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise GoldError(f"{f}: not valid TOML: {e}") from e
        source = data.get("source")
        if not isinstance(source, str):
            raise GoldError(f'{f}: needs a line source = "<source id>"')
        if source not in texts:
            raise GoldError(f"{f}: source {source!r} is not in the build (build it first)")
        text = texts[source]
        unknown = set(data) - {"source", *_REQUIRED}
        if unknown:
            raise GoldError(f"{f}: unknown table(s) {sorted(unknown)}; expected {sorted(_REQUIRED)}")
        table: dict[str, set[str]] = {}
        for kind, required in _REQUIRED.items():
            for n, entry in enumerate(data.get(kind, []), 1):
                missing = [k for k in required if k not in entry]
                if missing:
                    raise GoldError(f"{f}: [[{kind}]] number {n} lacks {', '.join(missing)}")
                quote = str(entry.get("quote", ""))
                start = text.find(quote) if quote else -1
                if quote and start < 0:
                    raise GoldError(f"{f}: [[{kind}]] number {n}: quote not found in the source: {quote!r}")
                others = (
                    tuple(m.start() for m in re.finditer(re.escape(quote), text) if m.start() != start) if quote else ()
                )
                items.append(GoldItem(_PLURAL[kind], source, dict(entry), quote, start, others))
                if kind == "entity":
                    all_names = {norm(entry["name"]), *(norm(a) for a in entry.get("aliases", []))}
                    for nm in all_names:
                        table.setdefault(nm, set()).update(all_names)
        names[source] = table
    return Gold(items, names)


# --- scoring ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A built fact of one kind, in one source, as scoring sees it."""

    kind: str
    source: str
    key: tuple[str, ...]  # what identifies it (for de-duplication)
    describe: str
    quote: str
    start: int
    end: int
    data: dict[str, Any]


@dataclass
class Score:
    gold: int = 0
    built: int = 0
    matched_gold: int = 0
    matched_built: int = 0
    typed_right: int = 0  # entities only

    @property
    def precision(self) -> float:
        return self.matched_built / self.built if self.built else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.typed_right / self.matched_gold if self.matched_gold else 1.0


@dataclass
class Evaluation:
    scores: dict[str, Score]
    missed: list[GoldItem]
    extra: list[Candidate]

    def total(self, kinds: Iterable[str] = FACT_KINDS) -> Score:
        t = Score()
        for k in kinds:
            s = self.scores[k]
            t.gold, t.built = t.gold + s.gold, t.built + s.built
            t.matched_gold, t.matched_built = t.matched_gold + s.matched_gold, t.matched_built + s.matched_built
        return t

    def as_dict(self) -> dict[str, dict[str, float]]:
        out = {}
        for k, s in [*self.scores.items(), ("facts", self.total()), ("all", self.total(KINDS))]:
            out[k] = {
                "gold": s.gold, "built": s.built, "matched": s.matched_gold,
                "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            }  # fmt: skip
        out["entities"]["type_accuracy"] = round(self.scores["entities"].type_accuracy, 4)
        return out


def candidates(b: Built, sources: set[str]) -> list[Candidate]:
    out: dict[tuple[str, ...], Candidate] = {}

    def add(kind: str, x: Said, key: tuple[str, ...], describe: str, **data: Any) -> None:
        k = (kind, x.source, *key)
        if k not in out or (x.start, x.end) < (out[k].start, out[k].end):
            out[k] = Candidate(kind, x.source, k, describe, x.quote, x.start, x.end, data)

    for x in b.said:
        if x.source not in sources:
            continue
        if x.p == "type":
            t = x.o.removeprefix(_KGO)
            all_types = b.types(x.s) & ENTITY_TYPES
            if t in ENTITY_TYPES and all_types:
                typ = most_specific(all_types)
                add("entities", x, (x.s,), f"{typ} {b.label(x.s)}", iri=x.s, type=typ)
            if t in event_classes():
                for d in sorted(b.values(x.s, "date", x.source) | b.values(x.s, "begin", x.source)):
                    add("events", x, (x.s, d), f"{t} {b.label(x.s)} on {d}", iri=x.s, type=t, date=d)
        elif x.p == "holds":
            add("positions", x, (x.s, x.o), f"{b.label(x.s)} holds {b.label(x.o)}", person=x.s, post=x.o)
        elif x.p == "value" and "Statistic" in b.types(x.s):
            q = sorted(b.values(x.s, "qualifier"))
            add("statistics", x, (x.s,), f"{x.o} ({', '.join(q)})", value=x.o, qualifier=q, iri=x.s)
        elif x.p in RELATIONS and not (b.types(x.s) & (event_classes() | CLAIM_TYPES)):
            add("relations", x, (x.s, x.p, x.o), f"{b.label(x.s)} {x.p} {b.label(x.o)}", s=x.s, p=x.p, o=x.o)
        elif x.p == "text" and b.types(x.s) & CLAIM_TYPES:
            for who in sorted(b.values(x.s, "claimant")):
                add("claims", x, (x.s, who), f"{b.label(who)}: {x.o[:60]}", speaker=who)
    return sorted(out.values(), key=lambda c: (c.kind, c.source, c.start, c.key))


_QUALIFIER_WORDS = {
    "lower-bound": "at least|more than|over|above|exceeding|no fewer than|no less than|upwards of|a minimum of"
    "|minimum|in excess of|greater than|not less than",
    "upper-bound": "fewer than|less than|under|below|up to|at most|no more than|a maximum of|maximum|within"
    "|no later than|not more than|as many as|as much as",
    "approximate": "about|approximately|nearly|almost|roughly|around|some|an estimated|estimated|approx|close to",
    "exact": "exactly|precisely|exact",
    "average": "an average of|average|averaging|on average|an annual average of|average of",
}


def qualifier_class(word: str) -> str:
    """A gold qualifier (a word or phrase, or one of the four classes) as the class the graph uses.

    >>> qualifier_class("More than"), qualifier_class("nearly"), qualifier_class("upper-bound")
    ('lower-bound', 'approximate', 'upper-bound')
    """
    w = " ".join(word.lower().replace(".", "").split())
    if w in _QUALIFIER_WORDS:
        return w
    return next((c for c, words in _QUALIFIER_WORDS.items() if w in words.split("|")), w)


def _date_eq(gold: Any, built: str) -> bool:
    return str(gold) == built


def _num_eq(gold: Any, built: str) -> bool:
    try:
        return float(str(gold).replace(",", "")) == float(built)
    except ValueError:
        return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= min(a[1] - a[0], b[1] - b[0])


def evaluate(gold: Gold, b: Built) -> Evaluation:
    sources = {g.source for g in gold.items}
    cands = candidates(b, sources)
    by_kind: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_kind[c.kind].append(c)
    scores = {k: Score() for k in KINDS}
    missed: list[GoldItem] = []
    used: set[tuple[str, ...]] = set()

    for g in gold.items:
        table = gold.names.get(g.source, {})

        def same(gold_name: Any, iri: str, table: dict[str, set[str]] = table) -> bool:
            n = norm(str(gold_name))
            return bool(table.get(n, {n}) & b.names.get(iri, set()))

        test = _matcher(g, same, b)
        s = scores[g.kind]
        s.gold += 1
        hit = next((c for c in by_kind[g.kind] if c.source == g.source and c.key not in used and test(c)), None)
        if hit is None:
            missed.append(g)
            continue
        used.add(hit.key)
        s.matched_gold += 1
        if g.kind == "entities" and hit.data["type"] == g.fields["type"]:
            s.typed_right += 1
    for c in cands:
        scores[c.kind].built += 1
        if c.key in used:
            scores[c.kind].matched_built += 1
    extra = [c for c in cands if c.key not in used]
    return Evaluation(scores, missed, extra)


def _matcher(g: GoldItem, same: Callable[[Any, str], bool], b: Built) -> Callable[[Candidate], bool]:
    f = g.fields
    spans = g.spans()
    if g.kind == "entities":
        names = [f["name"], *f.get("aliases", [])]
        return lambda c: any(same(n, c.data["iri"]) for n in names)
    if g.kind == "positions":

        def position(c: Candidate) -> bool:
            words = _stems(f["post"])
            if not (same(f["person"], c.data["person"]) and any(words <= _stems(n) for n in b.names[c.data["post"]])):
                return False
            tenure = _tenure(b, c.data["person"], c.data["post"], g.source)
            return all(str(f[k]) in tenure.get(k, set()) for k in ("start", "end") if k in f)

        return position
    if g.kind == "events":
        return lambda c: (
            c.data["type"] == f["type"]
            and _date_eq(f["date"], c.data["date"])
            and ("actor" not in f or any(same(f["actor"], a) for a in b.values(c.data["iri"], "actor")))
        )
    if g.kind == "statistics":
        return lambda c: (
            _num_eq(f["value"], c.data["value"])
            and ("qualifier" not in f or qualifier_class(f["qualifier"]) in c.data["qualifier"])
        )
    if g.kind == "relations":
        return lambda c: (
            c.data["p"] == f["predicate"] and same(f["subject"], c.data["s"]) and same(f["object"], c.data["o"])
        )
    return lambda c: same(f["speaker"], c.data["speaker"]) and any(_overlap(sp, (c.start, c.end)) for sp in spans)


def _stems(name: str) -> set[str]:
    return {w.removesuffix("s") for w in norm(name).split()}


def _tenure(b: Built, person: str, post: str, source: str) -> dict[str, set[str]]:
    """The begin and end dates of the person's tenure of the post, as stated in ``source``."""
    out: dict[str, set[str]] = {"start": set(), "end": set()}
    for x in b.said:
        if x.p == "member" and x.o == person and post in b.values(x.s, "tenurePost"):
            out["start"] |= b.values(x.s, "begin", source)
            out["end"] |= b.values(x.s, "end", source)
    return out


# --- report -----------------------------------------------------------------------------------------


def format_report(ev: Evaluation, details: bool = True) -> str:
    lines = [f"{'kind':<12}{'gold':>6}{'built':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    rows = [*ev.scores.items(), ("facts", ev.total())]
    for k, s in rows:
        lines.append(
            f"{k:<12}{s.gold:>6}{s.built:>7}{s.matched_gold:>7}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    lines.append(f"entity type accuracy: {ev.scores['entities'].type_accuracy:.3f}")
    if details:
        lines.append(f"\nmissed ({len(ev.missed)}): in the gold, not in the build")
        lines += [f"  {g.kind:<11} {g.source}: {g.describe()}  “{_one_line(g.quote)}”" for g in ev.missed]
        lines.append(f"\nextra ({len(ev.extra)}): in the build, not in the gold")
        lines += [f"  {c.kind:<11} {c.source}@{c.start}: {c.describe}  “{_one_line(c.quote)}”" for c in ev.extra]
    return "\n".join(lines)


def _one_line(s: str, limit: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def run_eval(gold_path: Path, build_dir: Path) -> Evaluation:
    b = read_build(build_dir)
    return evaluate(load_gold(gold_path, b.texts), b)
