"""The curated gazetteer: known entities, names, aliases, parents and verified identifiers.

Reference data, not facts. See ``data/gazetteer.toml`` for the format.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Gazetteer:
    path: Path
    entities: dict[str, Entity]
    aliases: tuple[Alias, ...]
    creators: dict[str, str]  # report id -> gazetteer id of its author

    def get(self, key: str) -> Entity | None:
        return self.entities.get(key)


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
    """Read and check the gazetteer file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(path, f"cannot read: {e}") from e
    except tomllib.TOMLDecodeError as e:
        raise GazetteerError(path, f"invalid TOML: {e}") from e
    entities: dict[str, Entity] = {}
    aliases: list[Alias] = []
    creators: dict[str, str] = {}
    for i, row in enumerate(data.get("entity", []), 1):
        where = f"entity #{i} ({row.get('id', '?')})"
        unknown = set(row) - _KEYS
        if unknown:
            raise GazetteerError(path, f"{where}: unknown field(s) {sorted(unknown)}")
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
        aliases.extend(Alias(key, a, alias_pattern(a, fold)) for a in names)
    for ent in entities.values():
        for ref in (ent.parent, ent.post_in, creators.get(ent.key)):
            if ref is not None and ref not in entities:
                raise GazetteerError(path, f"entity {ent.key}: refers to unknown id {ref!r}")
    # Longest names first, so that "U.S. Department of Justice" wins over "U.S.".
    aliases.sort(key=lambda a: (-len(a.text), a.text, a.key))
    return Gazetteer(path=path, entities=entities, aliases=tuple(aliases), creators=creators)
