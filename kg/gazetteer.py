"""The curated gazetteer: known entities, names, aliases, parents and verified identifiers.

Reference data, not facts. See ``data/gazetteer.toml`` for the format.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.errors import GazetteerError
from kg.model import ENTITY_KINDS, Entity

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QUOTES = "\"“”'‘’"
_KEYS = {"id", "type", "name", "aliases", "parent", "post_in", "wikidata", "fold_case", "department", "creator"}


@dataclass(frozen=True)
class Alias:
    """One name of one entity, as a compiled pattern."""

    key: str
    text: str
    pattern: re.Pattern[str]
    fold_case: bool = False


@dataclass(frozen=True)
class Gazetteer:
    path: Path
    entities: dict[str, Entity]
    aliases: tuple[Alias, ...]
    creators: dict[str, str]  # report id -> gazetteer id of its author

    def get(self, key: str) -> Entity | None:
        return self.entities.get(key)


@functools.lru_cache(maxsize=8192)  # compiled once a process: some 2 ms each, a build's half-second
def alias_pattern(alias: str, fold_case: bool) -> re.Pattern[str]:
    """A pattern for ``alias`` that tolerates line wrapping, hyphen/space and quote variants.

    >>> bool(alias_pattern("zero tolerance policy", True).search('a "zero-tolerance" Policy'))
    True
    >>> bool(alias_pattern("DOJ", False).search("DOJs"))
    False
    """
    words = re.split(r"[\s\-]+", alias.strip())
    sep = rf"[{_QUOTES}]?[\s\-]+[{_QUOTES}]?"
    body = sep.join(re.sub(r"['’]", "['’]", re.escape(w)) for w in words)
    flags = re.IGNORECASE if fold_case else 0
    return re.compile(rf"(?:(?<![\w.\-])|(?<=\b[Tt]hen-)|(?<=\b[Ff]ormer-)){body}(?![\w\-]|\.\w)", flags)


def load_gazetteer(path: Path) -> Gazetteer:
    """Read and check the gazetteer file: fields and their types, ids, types, references, aliases
    that name two entities, cycles of parents. Errors name the file and the entity."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise GazetteerError(path, f"cannot read: {e.strerror}") from e
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise GazetteerError(path, f"is not valid UTF-8 (byte {e.start}: {e.reason})") from e
    except tomllib.TOMLDecodeError as e:
        raise GazetteerError(path, f"invalid TOML: {e}") from e
    if set(data) - {"entity"} or not isinstance(data.get("entity", []), list):
        raise GazetteerError(path, f"expected only [[entity]] tables, found {sorted(data)}")
    entities: dict[str, Entity] = {}
    aliases: list[Alias] = []
    creators: dict[str, str] = {}
    for i, row in enumerate(data.get("entity", []), 1):
        where = f"entity #{i} ({row.get('id', '?')})"
        _check_row(path, where, row)
        key, kind, name = row.get("id", ""), row.get("type", ""), row.get("name", "")
        if not _ID.match(key):
            raise GazetteerError(path, f"{where}: id must be lower-case letters, digits and '-'")
        if key in entities:
            raise GazetteerError(path, f"{where}: duplicate id")
        if kind not in ENTITY_KINDS:
            raise GazetteerError(path, f"{where}: unknown type {kind!r}")
        if not name:
            raise GazetteerError(path, f"{where}: missing name")
        wikidata = row.get("wikidata")
        if wikidata is not None and not re.fullmatch(r"Q[1-9]\d*", wikidata):
            raise GazetteerError(path, f"{where}: wikidata must look like Q123")
        names = tuple(dict.fromkeys([name, *row.get("aliases", [])]))
        for a in names:
            if not re.search(r"\w", a):
                raise GazetteerError(path, f"{where}: name or alias {a!r} has no letter or digit")
        entities[key] = Entity(
            key=key,
            kind=kind,
            label=name,
            aliases=tuple(a for a in names if a != name),
            parent=row.get("parent"),
            post_in=row.get("post_in"),
            wikidata=wikidata,
            known=True,
            department=bool(row.get("department", False)),
        )
        if row.get("creator"):
            creators[key] = row["creator"]
        fold = bool(row.get("fold_case", False))
        aliases.extend(Alias(key, a, alias_pattern(a, fold), fold) for a in names)
    for ent in entities.values():
        for ref in (ent.parent, ent.post_in, creators.get(ent.key)):
            if ref is not None and ref not in entities:
                raise GazetteerError(path, f"entity {ent.key}: refers to unknown id {ref!r}")
    _check_cycles(path, entities)
    _check_shared_aliases(path, aliases)
    # Longest names first, so that "U.S. Department of Justice" wins over "U.S.".
    aliases.sort(key=lambda a: (-len(a.text), a.text, a.key))
    return Gazetteer(path=path, entities=entities, aliases=tuple(aliases), creators=creators)


_STRING_FIELDS = ("id", "type", "name", "parent", "post_in", "wikidata", "creator")


def _check_row(path: Path, where: str, row: object) -> None:
    if not isinstance(row, dict):
        raise GazetteerError(path, f"{where}: expected a table, found {row!r}")
    unknown = set(row) - _KEYS
    if unknown:
        raise GazetteerError(path, f"{where}: unknown field(s) {sorted(unknown)}")
    for k in _STRING_FIELDS:
        if k in row and not isinstance(row[k], str):
            raise GazetteerError(path, f"{where}: {k} must be a string, not {row[k]!r}")
    for k in ("fold_case", "department"):
        if k in row and not isinstance(row[k], bool):
            raise GazetteerError(path, f"{where}: {k} must be true or false, not {row[k]!r}")
    al = row.get("aliases", [])
    if not isinstance(al, list) or not all(isinstance(a, str) for a in al):
        raise GazetteerError(path, f"{where}: aliases must be a list of strings")


def _check_cycles(path: Path, entities: dict[str, Entity]) -> None:
    """No entity is its own ancestor through ``parent``."""
    done: set[str] = set()
    for start in sorted(entities):
        chain: list[str] = []
        key: str | None = start
        while key is not None and key not in done:
            if key in chain:
                cycle = [*chain[chain.index(key) :], key]
                raise GazetteerError(path, f"cycle of parents: {' → '.join(cycle)}")
            chain.append(key)
            key = entities[key].parent
        done.update(chain)


def _check_shared_aliases(path: Path, aliases: list[Alias]) -> None:
    """No name matches two entities (compared as the patterns compare: case-insensitively if either folds case)."""
    exact: dict[str, Alias] = {}
    folded: dict[str, list[Alias]] = {}
    for a in aliases:
        norm = " ".join(re.split(r"[\s\-]+", a.text.strip())).replace("’", "'")
        other = exact.get(norm)
        if other is None:
            other = next((b for b in folded.get(norm.casefold(), []) if a.fold_case or b.fold_case), None)
        if other is not None and other.key != a.key:
            raise GazetteerError(path, f"the name {a.text!r} is given to both {other.key!r} and {a.key!r}")
        exact.setdefault(norm, a)
        folded.setdefault(norm.casefold(), []).append(a)
