#!/usr/bin/env python3
"""Check the aliso-canyon corpus: sources, metadata and gold (standard library only, Python 3.11+).

Checks that every gold file parses and names an existing source; every quote occurs verbatim in its
source's text (after the two header lines); every entity name and alias occurs in the text (ignoring
case, a leading "the", punctuation and spacing); every person, actor, speaker, subject, object and
position org names an entity or alias of the same file; entity types, event types and relation
predicates are those docs/gold.md lists; dates are real ISO dates at year, month or day precision;
statistic values are numbers; nothing is listed twice; the metadata files have the expected keys (no
`source`), a known kind, an ISO date if any, and the url and title of their text's header lines.
"""
import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLD = ROOT / "gold"

ENTITY_TYPES = {
    "Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder", "Statute",
    "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place",
}
EVENT_TYPES = {
    "Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning", "ReportRelease",
    "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing", "CourtOrder", "Lawsuit",
    "Charge", "Plea", "Conviction", "Sentencing", "Settlement", "Appointment", "Resignation",
    "Dismissal", "Investigation", "Protest", "EmergencyDeclaration", "Funding", "PracticeChange",
    "EnforcementAction",
}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
KINDS = {
    "press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
    "encyclopedia",
}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
GOLD_TOP = {"source", "entity", "position", "event", "statistic", "relation", "claim"}
TABLE_KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "quote"}, {"date", "actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}

errors: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def norm(name: str) -> str:
    s = name.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def iso_ok(value: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}", value):
            return True
        if re.fullmatch(r"\d{4}-\d{2}", value):
            datetime.date(int(value[:4]), int(value[5:7]), 1)
            return True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return True
    except ValueError:
        return False
    return False


def read_source(stem: str) -> tuple[str, str, str]:
    lines = (SOURCES / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        err(f"sources/{stem}.txt", "first two lines must be '# source:' and '# title:'")
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(stem: str, url: str, title: str) -> None:
    where = f"sources/{stem}.toml"
    path = SOURCES / f"{stem}.toml"
    if not path.exists():
        err(where, "missing")
        return
    meta = tomllib.loads(path.read_text(encoding="utf-8"))
    if set(meta) - META_KEYS:
        err(where, f"unexpected keys {sorted(set(meta) - META_KEYS)}")
    if META_REQUIRED - set(meta):
        err(where, f"missing keys {sorted(META_REQUIRED - set(meta))}")
    if meta.get("kind") not in KINDS:
        err(where, f"unknown kind {meta.get('kind')!r}")
    if "date" in meta and not (isinstance(meta["date"], str) and iso_ok(meta["date"])):
        err(where, f"date not ISO: {meta['date']!r}")
    if meta.get("url") != url:
        err(where, "url differs from the text's '# source:' line")
    if meta.get("title") != title:
        err(where, "title differs from the text's '# title:' line")


def check_gold(path: pathlib.Path) -> dict[str, int]:
    where = f"gold/{path.name}"
    counts: dict[str, int] = {}
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"TOML: {e}")
        return counts
    if set(gold) - GOLD_TOP:
        err(where, f"unexpected top-level keys {sorted(set(gold) - GOLD_TOP)}")
    stem = gold.get("source")
    if stem != path.stem:
        err(where, f"source {stem!r} is not the file's stem")
        return counts
    if not (SOURCES / f"{stem}.txt").exists():
        err(where, "no such source text")
        return counts
    _, _, text = read_source(stem)
    ntext = " " + norm(text) + " "

    for kind, (required, optional) in TABLE_KEYS.items():
        for i, row in enumerate(gold.get(kind, [])):
            keys = set(row)
            if required - keys:
                err(where, f"{kind}[{i}] missing {sorted(required - keys)}")
            if keys - required - optional:
                err(where, f"{kind}[{i}] unexpected {sorted(keys - required - optional)}")

    names: dict[str, str] = {}
    seen_entities: set[str] = set()
    for e in gold.get("entity", []):
        if e.get("type") not in ENTITY_TYPES:
            err(where, f"entity {e.get('name')!r}: unknown type {e.get('type')!r}")
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            k = norm(n)
            if not k:
                err(where, f"empty name in entity {e.get('name')!r}")
                continue
            if " " + k + " " not in ntext:
                err(where, f"entity name/alias not in text: {n!r}")
            if k in names and names[k] != e.get("name"):
                err(where, f"name {n!r} given to two entities")
            names[k] = e.get("name")
        if norm(e.get("name", "")) in seen_entities:
            err(where, f"entity listed twice: {e.get('name')!r}")
        seen_entities.add(norm(e.get("name", "")))
    counts["entity"] = len(gold.get("entity", []))

    def known(n: str | None, label: str) -> None:
        if n is None:
            return
        if norm(n) not in names:
            err(where, f"{label} {n!r} names no entity or alias of this file")

    for kind in ("position", "event", "statistic", "relation", "claim"):
        rows = gold.get(kind, [])
        counts[kind] = len(rows)
        seen = set()
        for r in rows:
            q = r.get("quote", "")
            if not q or q not in text:
                err(where, f"{kind} quote not in text: {q!r}")
            key = tuple(sorted((k, str(v)) for k, v in r.items()))
            if key in seen:
                err(where, f"{kind} listed twice: {q!r}")
            seen.add(key)
            for dk in ("date", "start", "end"):
                if dk in r and not (isinstance(r[dk], str) and iso_ok(r[dk])):
                    err(where, f"{kind} {dk} not ISO: {r[dk]!r}")
        if kind == "position":
            for r in rows:
                known(r.get("person"), "person")
                known(r.get("org"), "org")
        if kind == "event":
            for r in rows:
                if r.get("type") not in EVENT_TYPES:
                    err(where, f"unknown event type {r.get('type')!r}")
                known(r.get("actor"), "actor")
        if kind == "statistic":
            for r in rows:
                v = r.get("value")
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    err(where, f"statistic value not a number: {v!r}")
        if kind == "relation":
            for r in rows:
                if r.get("predicate") not in PREDICATES:
                    err(where, f"unknown predicate {r.get('predicate')!r}")
                known(r.get("subject"), "subject")
                known(r.get("object"), "object")
        if kind == "claim":
            for r in rows:
                known(r.get("speaker"), "speaker")
    return counts


def main() -> int:
    stems = sorted(p.stem for p in SOURCES.glob("*.txt"))
    for stem in stems:
        url, title, _ = read_source(stem)
        check_meta(stem, url, title)
        if not (GOLD / f"{stem}.toml").exists():
            err(f"gold/{stem}.toml", "missing")
    totals: dict[str, int] = {}
    for path in sorted(GOLD.glob("*.toml")):
        for k, v in check_gold(path).items():
            totals[k] = totals.get(k, 0) + v
    for e in errors:
        print("FAIL", e)
    print(f"{len(stems)} sources; totals: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    print("all checks pass" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
