"""The event grammar, read from ``data/grammar/*.toml`` and checked against the ontology.

A rule (see the comments in ``data/grammar/events.toml``) is data: trigger lemmas and parts of
speech, the class it yields, argument paths over the dependency parse, the kinds its arguments
may have, and a confidence. This module only reads and checks it; :mod:`kg.extract.events` runs it.

>>> g = load_grammar()
>>> rule = next(r for r in g.rules if r.name == "resign")
>>> rule.cls, rule.actor[0].steps[0].deps
('Resignation', ('nsubj',))
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import BuildError
from kg.vocabulary import ONTOLOGY_DIR, event_classes

GRAMMAR_DIR = Path(__file__).resolve().parents[2] / "data" / "grammar"
_ROLES = ("actor", "object")
_RULE_KEYS = {
    "name", "class", "lemmas", "pos", "needs", "confidence", "priority", "actor", "object", "actor_kinds",
    "object_kinds", "actor_words", "object_words", "particle", "takes", "refuses",
}  # fmt: skip
#: The settings tables a grammar file may hold besides its rules, and the keys each takes.
_SECTIONS = {
    "statistics": {"not_counted", "not_counted_alone", "penalty_verbs", "penalty_nouns"},
    "entities": {
        "agency_words",
        "titles",
        "event_words",
        "craft_words",
        "institution_words",
        "honorifics",
        "post_nominals",
    },
    "claims": {
        "verbs",
        "finding_verbs",
        "sources",
        "performatives",
        "statement_verbs",
        "statement_nouns",
        "group_nouns",
        "member_nouns",
        "that_only",
        "release_verbs",
        "release_kinds",
    },
    "positions": {"roles", "tenure_verbs", "abbreviations", "ranks", "title_modifiers"},
    "relations": {"unit_words", "small_units", "chambers"},
    "enforcement": {"label", "verbs", "affected"},
}
_DEFAULT_KEYS = {"actor", "object", "actor_kinds", "missing_actor", "missing_date", "not_under", "not_with"}


class GrammarError(BuildError):
    """A grammar file that cannot be read or names what the ontology does not have."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path: to a child by one of ``deps``, whose lemma is one of ``lemmas`` (if any)."""

    deps: tuple[str, ...]
    lemmas: tuple[str, ...] = ()
    up: bool = False  # "^acl": up to the word's head, where the word hangs on it by one of ``deps``


@dataclass(frozen=True, slots=True)
class Path_:
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    cls: str
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    actor: tuple[Path_, ...]
    object: tuple[Path_, ...]
    actor_kinds: frozenset[str]
    object_kinds: frozenset[str]  # empty: any kind
    actor_words: frozenset[str]  # the actor is a word ("a federal judge"), not necessarily an entity
    object_words: frozenset[str]  # the object is a word ("a lawsuit"): required, never a fact's object
    needs: frozenset[str]
    confidence: float
    priority: int = 1
    particle: str = ""  # "step down": the trigger's particle
    takes: frozenset[str] = frozenset()  # lemmas the trigger's direct object must have ("filed charges")
    refuses: frozenset[str] = frozenset()  # lemmas it must not have ("reviewing recommendations": no inquiry)


@dataclass(frozen=True)
class Enforcement:
    """A series of enforcement actions the pattern rules read per policy (``[enforcement]``)."""

    label: str
    verbs: tuple[str, ...]
    affected: tuple[str, ...]


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    threshold: float
    missing_actor: float
    missing_date: float
    not_under: frozenset[str]  # a trigger governed by one of these lemmas is not asserted
    not_with: frozenset[str]  # nor one with one of these auxiliaries ("would", "may")
    digest: str  # of the files: part of the extraction cache's key
    not_counted: frozenset[str] = frozenset()  # nouns of change a number does not count
    agency_words: frozenset[str] = frozenset()  # words that make an organisation's name a government body's
    titles: frozenset[str] = frozenset()  # words before a name that are its bearer's title, not the name
    event_words: frozenset[str] = frozenset()  # a name ending in one names what happened ("… Crisis")
    institution_words: frozenset[str] = frozenset()  # words of an organisation's name before "of"
    craft_words: frozenset[str] = frozenset()  # a name holding one names a vessel or a craft, no person
    roles: frozenset[str] = frozenset()  # words that head a post's title
    unit_words: frozenset[str] = frozenset()  # words that end the name of a unit of an organisation
    small_units: tuple[str, ...] = ()  # units no department or agency is part of, the larger kind first
    enforcement: Enforcement | None = None
    claim_verbs: dict[str, str] = field(
        default_factory=dict, hash=False, compare=False
    )  # reporting verb → the class of its statement
    finding_verbs: frozenset[str] = frozenset()  # verbs of a finding: "the OIG found that …"
    claim_sources: frozenset[str] = frozenset()  # nouns that speak for their author: "the report found"
    performatives: frozenset[str] = frozenset()  # first-person verbs that do, not assert: "I thank"
    statement_verbs: frozenset[str] = frozenset()  # "issued the following statement: …"
    statement_nouns: frozenset[str] = frozenset()
    tenure_verbs: frozenset[str] = frozenset()  # verbs that date a tenure: "sworn in … on April 16, 2012"
    title_abbreviations: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # "Sen": "Senator"
    chambers: frozenset[str] = frozenset()  # last words of a legislature's name: its committees are parts of it
    group_nouns: frozenset[str] = frozenset()  # "the senators said": the people the text named together
    that_only: frozenset[str] = frozenset()  # verbs that report words only through "that …"
    release_verbs: frozenset[str] = frozenset()  # "…,” said X" in a release: said on the release's day
    release_kinds: frozenset[str] = frozenset()  # the kinds of document that are such releases
    penalty_verbs: frozenset[str] = frozenset()  # "faces 20 years in prison": what the law allows at most
    penalty_nouns: frozenset[str] = frozenset()  # the nouns of such a penalty ("prison", "fine")
    member_nouns: frozenset[str] = frozenset()  # "a Justice Department official said": one of its people, unnamed
    ranks: frozenset[str] = frozenset()  # "Major General", "Captain": a rank, no post, unless a body is named
    not_counted_alone: frozenset[str] = frozenset()  # "100% of the time", but "25% of their work time" counts
    title_modifiers: frozenset[str] = frozenset()  # "Athletic", "District": a word of a title's own before it
    honorifics: frozenset[str] = frozenset()  # "Ms", "Sir": a person's, before a name
    post_nominals: frozenset[str] = frozenset()  # "QC", "MP", "CBE": a person's, after a name

    @functools.cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """The verbs of saying and of finding: "said", "testified", "found"."""
        return frozenset(self.claim_verbs) | self.finding_verbs

    @functools.cached_property
    def organisation_words(self) -> frozenset[str]:
        """The words of a government body's or an institution's name ("Department", "Bank")."""
        return self.agency_words | self.institution_words

    @functools.cached_property
    def class_lemmas(self) -> dict[str, frozenset[str]]:
        """Each event class's trigger lemmas, over all the rules that yield it."""
        out: dict[str, frozenset[str]] = {}
        for r in self.rules:
            out[r.cls] = out.get(r.cls, frozenset()) | frozenset(r.lemmas)
        return out


def parse_path(text: str) -> Path_:
    """ "prep[on|in]/pobj" → two steps; "^acl" one step up, to the noun a participle modifies.

    >>> parse_path("prep[on|in]/pobj").steps
    (Step(deps=('prep',), lemmas=('on', 'in'), up=False), Step(deps=('pobj',), lemmas=(), up=False))
    """
    steps = []
    for part in text.split("/"):
        up = part.startswith("^")
        deps, _, rest = part.removeprefix("^").partition("[")
        if not deps or (rest and not rest.endswith("]")):
            raise ValueError(f"bad path step {part!r} in {text!r}")
        lemmas = tuple(w for w in rest[:-1].split("|") if w) if rest else ()
        steps.append(Step(tuple(deps.split("|")), lemmas, up))
    return Path_(tuple(steps))


def load_grammar(directory: Path = GRAMMAR_DIR, ontology_dir: Path = ONTOLOGY_DIR) -> Grammar:
    """Every ``*.toml`` in ``directory``, in name order; the first file's settings hold."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise GrammarError(f"{directory}: no grammar (*.toml) found")
    classes = event_classes(ontology_dir)
    digest = hashlib.sha256()
    rules: list[Rule] = []
    settings: dict[str, object] = {}
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise GrammarError(f"{path}: {e}") from e
        for key in ("threshold", "defaults", *_SECTIONS):
            if key in data:
                settings.setdefault(key, data[key])
        defaults = data.get("defaults", settings.get("defaults", {}))
        if not isinstance(defaults, dict) or set(defaults) - _DEFAULT_KEYS:
            raise GrammarError(f"{path}: [defaults] has unknown keys {sorted(set(defaults) - _DEFAULT_KEYS)}")
        for i, r in enumerate(data.get("rule", [])):
            rules.append(_rule(path, i, r, defaults, classes))
    names = [r.name for r in rules]
    if dupes := sorted({n for n in names if names.count(n) > 1}):
        raise GrammarError(f"{directory}: rule names used twice: {', '.join(dupes)}")
    d = settings.get("defaults", {})
    assert isinstance(d, dict)
    threshold = settings.get("threshold", 0.6)
    if not isinstance(threshold, int | float):
        raise GrammarError(f"{files[0]}: threshold must be a number")
    stats, ents = _table(settings, "statistics", directory), _table(settings, "entities", directory)
    claims = _table(settings, "claims", directory)
    return Grammar(
        tuple(sorted(rules, key=lambda r: (-r.priority, r.name))),
        float(threshold),
        float(d.get("missing_actor", 0.2)),
        float(d.get("missing_date", 0.15)),
        frozenset(d.get("not_under", ())),
        frozenset(d.get("not_with", ())),
        digest.hexdigest()[:16],
        frozenset(str(w).lower() for w in stats.get("not_counted", ())),
        frozenset(str(w) for w in ents.get("agency_words", ())),
        frozenset(str(w) for w in ents.get("titles", ())),
        frozenset(str(w) for w in ents.get("event_words", ())),
        frozenset(str(w) for w in ents.get("institution_words", ())),
        frozenset(str(w) for w in ents.get("craft_words", ())),
        frozenset(str(w) for w in _table(settings, "positions", directory).get("roles", ())),
        frozenset(str(w) for w in _table(settings, "relations", directory).get("unit_words", ())),
        tuple(str(w) for w in _table(settings, "relations", directory).get("small_units", ())),
        _enforcement(_table(settings, "enforcement", directory)),
        _claim_verbs(claims, classes, directory),
        _words(claims, "finding_verbs", directory),
        _words(claims, "sources", directory),
        _words(claims, "performatives", directory),
        _words(claims, "statement_verbs", directory),
        _words(claims, "statement_nouns", directory),
        _words(_table(settings, "positions", directory), "tenure_verbs", directory),
        _abbreviations(_table(settings, "positions", directory), directory),
        frozenset(str(w) for w in _table(settings, "relations", directory).get("chambers", ())),
        _words(claims, "group_nouns", directory),
        _words(claims, "that_only", directory),
        _words(claims, "release_verbs", directory),
        _words(claims, "release_kinds", directory),
        _words(stats, "penalty_verbs", directory),
        _words(stats, "penalty_nouns", directory),
        _words(claims, "member_nouns", directory),
        _words(_table(settings, "positions", directory), "ranks", directory),
        _words(stats, "not_counted_alone", directory),
        _words(_table(settings, "positions", directory), "title_modifiers", directory),
        frozenset(str(w) for w in ents.get("honorifics", ())),
        frozenset(str(w) for w in ents.get("post_nominals", ())),
    )


def _claim_verbs(table: dict[str, Any], classes: frozenset[str], directory: Path) -> dict[str, str]:
    verbs = table.get("verbs", {})
    if not isinstance(verbs, dict):
        raise GrammarError(f"{directory}: [claims] verbs must be a table of verb = class")
    for verb, cls in verbs.items():
        if cls not in classes:
            raise GrammarError(f"{directory}: [claims] {verb} = {cls!r} is not an event class of the ontology")
    return {str(k): str(v) for k, v in verbs.items()}


def _abbreviations(table: dict[str, Any], directory: Path) -> dict[str, str]:
    found = table.get("abbreviations", {})
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        raise GrammarError(f"{directory}: [positions] abbreviations must be a table of abbreviation = title")
    return {str(k): str(v) for k, v in found.items()}


def _words(table: dict[str, Any], key: str, directory: Path) -> frozenset[str]:
    """A table's list of words, lower-cased (they are matched against lemmas)."""
    words = table.get(key, ())
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise GrammarError(f"{directory}: {key} must be a list of words")
    return frozenset(w.lower() for w in words)


def _rule(path: Path, i: int, r: object, defaults: dict[str, object], classes: frozenset[str]) -> Rule:
    where = f"{path}: rule {i + 1}"
    if not isinstance(r, dict):
        raise GrammarError(f"{where}: not a table")
    if unknown := set(r) - _RULE_KEYS:
        raise GrammarError(f"{where} ({r.get('name')}): unknown keys {sorted(unknown)}")
    for key in ("name", "class", "lemmas"):
        if key not in r:
            raise GrammarError(f"{where}: '{key}' is missing")
    where = f"{path}: rule {r['name']!r}"
    if r["class"] not in classes:
        raise GrammarError(f"{where}: class {r['class']!r} is not an event class of the ontology (ontology/kg.ttl)")
    needs = frozenset(r.get("needs", ()))
    if needs - {*_ROLES, "date"}:
        raise GrammarError(f"{where}: needs {sorted(needs)}: only actor, object, date")

    def strings(key: str, fallback: object = ()) -> tuple[str, ...]:
        value = r.get(key, defaults.get(key, fallback))
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise GrammarError(f"{where}: {key} must be a list of strings")
        return tuple(value)

    try:
        actor = tuple(parse_path(p) for p in strings("actor"))
        obj = tuple(parse_path(p) for p in strings("object"))
    except ValueError as e:
        raise GrammarError(f"{where}: {e}") from e
    confidence = r.get("confidence", 0.7)
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise GrammarError(f"{where}: confidence must be a number in (0, 1]")
    return Rule(
        name=r["name"],
        cls=r["class"],
        lemmas=strings("lemmas"),
        pos=strings("pos", ("VERB",)),
        actor=actor,
        object=obj,
        actor_kinds=frozenset(strings("actor_kinds")),
        object_kinds=frozenset(strings("object_kinds")),
        actor_words=frozenset(strings("actor_words")),
        object_words=frozenset(strings("object_words")),
        needs=needs,
        confidence=float(confidence),
        priority=int(r.get("priority", 1)),
        particle=str(r.get("particle", "")),
        takes=frozenset(strings("takes")),
        refuses=frozenset(strings("refuses")),
    )


def _table(settings: dict[str, object], name: str, directory: Path) -> dict[str, Any]:
    """The settings table ``name``, checked for keys it does not take."""
    table = settings.get(name, {})
    if not isinstance(table, dict) or set(table) - _SECTIONS[name]:
        raise GrammarError(f"{directory}: [{name}] takes only {', '.join(sorted(_SECTIONS[name]))}")
    return table


def _enforcement(table: dict[str, Any]) -> Enforcement | None:
    if not table.get("verbs"):
        return None
    return Enforcement(
        str(table.get("label", "Enforcement actions")), tuple(table["verbs"]), tuple(table.get("affected", ()))
    )


@functools.lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    """The grammar in ``data/grammar/`` beside the package."""
    return load_grammar()
