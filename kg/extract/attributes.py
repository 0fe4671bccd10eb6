"""The model's attribute rules (coarse parts of speech, morphology and lemma exceptions from the
fine tags), applied by lookup instead of by a general matcher.

spaCy's ``attribute_ruler`` runs its ~180 patterns through a ``Matcher``, which tries every pattern
at every token: about a tenth of the whole parse. Nearly all the patterns are one token long and
test a word's fine tag or lower-case form, so the patterns that can match a token are found by a
dictionary lookup on those, and only they are tested. The patterns are the model's own, read
from its pipe; what this sets is what spaCy's component sets, token for token (spaCy's component
is this one's test oracle, in ``tests/test_parse_speed.py``; its speed is measured against it in
``bench/attributes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

#: The token attributes the model's patterns test, in the order of the array read from a Doc.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")

Row = tuple[int, int, int, int]
Test = Callable[[Row, "StringStore"], bool]


@dataclass(frozen=True)
class _Check:
    """One attribute's test: equal to a value, in or out of a set of values, or matching a regex."""

    column: int
    op: str
    values: frozenset[int]
    regex: re.Pattern[str] | None = None

    def __call__(self, row: Row, strings: StringStore) -> bool:
        got = row[self.column]
        if self.op == "IN":
            return got in self.values
        if self.op == "NOT_IN":
            return got not in self.values
        assert self.regex is not None
        return bool(self.regex.search(strings[got] if got else ""))


def _test(spec: dict[str, Any], strings: StringStore) -> Test:
    """One token's spec of a pattern ({"TAG": "VBZ", "LOWER": {"IN": [...]}}) as a test of a row."""
    checks: list[_Check] = []
    for name, want in spec.items():
        if name not in _TESTED:
            raise ValueError(f"the model's attribute rules test {name}, which this ruler does not read")
        col = _TESTED.index(name)

        def value(x: object, name: str = name) -> int:
            return int(bool(x)) if name == "IS_SPACE" else int(strings[str(x)]) if x != "" else 0

        if not isinstance(want, dict):
            checks.append(_Check(col, "IN", frozenset({value(want)})))
        elif set(want) in ({"IN"}, {"NOT_IN"}):
            op = next(iter(want))
            checks.append(_Check(col, op, frozenset(value(x) for x in want[op])))
        elif set(want) == {"REGEX"}:
            checks.append(_Check(col, "REGEX", frozenset(), re.compile(want["REGEX"])))
        else:
            raise ValueError(f"the model's attribute rules use {sorted(want)}, which this ruler does not read")

    def test(row: Row, strings: StringStore) -> bool:
        return all(check(row, strings) for check in checks)

    return test


def _keys(spec: dict[str, Any], strings: StringStore) -> tuple[str, list[int]] | None:
    """The index a pattern's first token is filed under: its exact lower-case forms, else its exact
    fine tags or dependency labels, else none (it is tested at every token)."""
    for name in ("LOWER", "TAG", "DEP"):
        want = spec.get(name)
        if isinstance(want, str):
            return name, [int(strings[want])]
        if isinstance(want, dict) and set(want) == {"IN"}:
            return name, [int(strings[x]) for x in want["IN"]]
    return None


Entry = tuple[int, list[Test], int, dict[int, int]]
Matched = list[tuple[int, dict[int, int]]]


class _Filed:
    """Patterns filed by what their first token must be, so that those that may start at a token
    are found by lookup: by its lower-case form, its fine tag or its dependency label, else tried
    everywhere."""

    def __init__(self) -> None:
        self.by: tuple[dict[int, list[Entry]], ...] = ({}, {}, {})  # by column: TAG, LOWER, DEP
        self.anywhere: list[Entry] = []

    def add(self, entry: Entry, first: dict[str, Any], strings: StringStore) -> None:
        keyed = _keys(first, strings)
        if keyed is None:
            self.anywhere.append(entry)
            return
        name, keys = keyed
        index = self.by[_TESTED.index(name)]
        for k in keys:
            index.setdefault(k, []).append(entry)

    def starting(self, row: Row) -> tuple[Entry, ...]:
        by_tag, by_lower, by_dep = self.by
        return (*by_lower.get(row[1], ()), *by_tag.get(row[0], ()), *by_dep.get(row[2], ()), *self.anywhere)


class AttributeRules:
    """The patterns of a model's ``attribute_ruler``, indexed; call it on a Doc as a pipe."""

    def __init__(self, patterns: list[dict[str, Any]], attrs: list[dict[int, int]], strings: StringStore) -> None:
        self.strings = strings
        #: Patterns of one token, and of more, as (pattern id, token tests, token it sets, what it sets).
        self.single = _Filed()
        self.longer = _Filed()
        for pid, (p, normal) in enumerate(zip(patterns, attrs, strict=True)):
            for tokens in p["patterns"]:
                entry = (pid, [_test(spec, strings) for spec in tokens], int(p.get("index", 0)), normal)
                if not tokens or entry[2] >= len(tokens) or entry[2] < -len(tokens):
                    raise ValueError(f"an attribute rule sets a token outside its pattern: {p}")
                (self.single if len(tokens) == 1 else self.longer).add(entry, tokens[0], strings)
        #: A token's attributes decide which one-token patterns match it: what they set, by row.
        self._seen: dict[Row, tuple[Matched, dict[int, int]]] = {}
        from spacy.tokens._retokenize import set_token_attrs

        #: spaCy's own setter, which its component calls (it writes the token's C struct).
        self._set = set_token_attrs

    @classmethod
    def of(cls, nlp: Language) -> AttributeRules:
        """The rules of ``nlp``'s ``attribute_ruler``."""
        ruler: Any = nlp.get_pipe("attribute_ruler")
        return cls(list(ruler.patterns), list(ruler.attrs), nlp.vocab.strings)

    def _single(self, row: Row) -> tuple[Matched, dict[int, int]]:
        """The one-token patterns matching a token of this row, and what they set together."""
        found = self._seen.get(row)
        if found is None:
            if len(self._seen) > 200_000:  # a bound on memory over a long run; refilled as needed
                self._seen.clear()
            matched = sorted(
                ((pid, attrs) for pid, (t,), _, attrs in self.single.starting(row) if t(row, self.strings)),
                key=lambda x: x[0],
            )
            found = self._seen[row] = (matched, _merged(matched))
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows: list[Row] = [tuple(r) for r in doc.to_array(list(_TESTED)).tolist()]
        n = len(rows)
        more: dict[int, Matched] = {}
        for i, row in enumerate(rows):
            for pid, tests, index, attrs in self.longer.starting(row):
                if i + len(tests) <= n and all(t(rows[i + k], self.strings) for k, t in enumerate(tests)):
                    more.setdefault(i + (index if index >= 0 else len(tests) + index), []).append((pid, attrs))
        for i, row in enumerate(rows):
            matched, final = self._single(row)
            if i in more:
                final = _merged(sorted([*matched, *more[i]], key=lambda x: x[0]))
            if final:
                self._set(doc[i], final)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _merged(matched: Matched) -> dict[int, int]:
    """What the matches set together: spaCy applies them in the order of the patterns, so a later
    pattern's value wins."""
    final: dict[int, int] = {}
    for _, attrs in matched:
        final.update(attrs)
    return final
