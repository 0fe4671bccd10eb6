#!/usr/bin/env python3
"""Check the corpus: sources, metadata and gold files.

Checks that
- every sources/*.txt has a sources/*.toml and a gold/*.toml, and every gold file a text;
- each text starts with the two header lines "# source: <url>" and "# title: <title>", matching
  the metadata's url and title;
- metadata parse with tomllib, have the keys title, kind, publisher, url, licence (date optional,
  an ISO date at some precision) and no `source` (nor `speaker`/`creator`) key;
- gold files parse, name their source (`source` = the file's stem), use only the tables and keys of
  docs/gold.md, the entity types, event types and predicates it lists, ISO dates, numeric statistic
  values;
- every quote occurs verbatim in the document's text (the text after the two header lines);
- every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
  spacing);
- every person, actor, speaker, subject, object and position org is an entity name or alias of the
  same gold file, and no name or alias is given to two entities;
- nothing is listed twice.
Exit status 1 when anything fails.
"""
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
TABLE_KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
META_OPTIONAL = {"date"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm(s):
    s = s.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def read_text(path):
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    if len(lines) < 3 or not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        err(path.name, "missing the two header lines")
        return None, None, raw
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(stem, url, title):
    path = SOURCES / f"{stem}.toml"
    if not path.exists():
        err(stem, "no metadata file")
        return
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(path.name, f"does not parse: {e}")
        return
    keys = set(meta)
    for k in META_REQUIRED - keys:
        err(path.name, f"missing key {k}")
    for k in keys - META_REQUIRED - META_OPTIONAL:
        err(path.name, f"unexpected key {k}")
    if "date" in meta and not DATE_RE.match(str(meta["date"])):
        err(path.name, f"bad date {meta['date']!r}")
    if meta.get("kind") not in KINDS:
        err(path.name, f"unknown kind {meta.get('kind')!r}")
    if url is not None and meta.get("url") != url:
        err(path.name, "url differs from the text's header")
    if title is not None and meta.get("title") != title:
        err(path.name, "title differs from the text's header")


def check_gold(stem, text):
    path = GOLD / f"{stem}.toml"
    if not path.exists():
        err(stem, "no gold file")
        return {}
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(path.name, f"does not parse: {e}")
        return {}
    if gold.get("source") != stem:
        err(path.name, f"source is {gold.get('source')!r}, not {stem!r}")
    for k in set(gold) - {"source"} - set(TABLE_KEYS):
        err(path.name, f"unexpected key {k}")
    ntext = norm(text)
    names = {}
    for e in gold.get("entity", []):
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            if not n:
                continue
            if norm(n) not in ntext:
                err(path.name, f"entity name/alias not in text: {n!r}")
            if norm(n) in names and names[norm(n)] != e.get("name"):
                err(path.name, f"name/alias {n!r} given to two entities")
            names[norm(n)] = e.get("name")
        if e.get("type") not in ENTITY_TYPES:
            err(path.name, f"bad entity type {e.get('type')!r} for {e.get('name')!r}")
    for table, (required, optional) in TABLE_KEYS.items():
        seen = set()
        for i, row in enumerate(gold.get(table, [])):
            where = f"{path.name} {table}[{i}]"
            keys = set(row)
            for k in required - keys:
                err(where, f"missing key {k}")
            for k in keys - required - optional:
                err(where, f"unexpected key {k}")
            key = tuple(sorted((k, str(v)) for k, v in row.items()))
            if key in seen:
                err(where, "listed twice")
            seen.add(key)
            q = row.get("quote")
            if q is not None and q not in text:
                err(where, f"quote not in text: {q!r}")
            for ref in ("person", "actor", "speaker", "subject", "object", "org"):
                if ref in row and norm(row[ref]) not in names:
                    err(where, f"{ref} {row[ref]!r} is no entity name or alias")
            if table == "event":
                if row.get("type") not in EVENT_TYPES:
                    err(where, f"bad event type {row.get('type')!r}")
            if table == "relation" and row.get("predicate") not in PREDICATES:
                err(where, f"bad predicate {row.get('predicate')!r}")
            for dk in ("date", "start", "end"):
                if dk in row and not DATE_RE.match(str(row[dk])):
                    err(where, f"bad {dk} {row[dk]!r}")
            if table == "statistic" and not isinstance(row.get("value"), (int, float)):
                err(where, f"value is not a number: {row.get('value')!r}")
    return gold


def main():
    totals = {}
    texts = sorted(SOURCES.glob("*.txt"))
    for p in texts:
        url, title, text = read_text(p)
        check_meta(p.stem, url, title)
        gold = check_gold(p.stem, text)
        for table in TABLE_KEYS:
            totals.setdefault(table, 0)
            totals[table] += len(gold.get(table, []))
    for g in sorted(GOLD.glob("*.toml")):
        if not (SOURCES / f"{g.stem}.txt").exists():
            err(g.name, "gold file without a text")
    for m in sorted(SOURCES.glob("*.toml")):
        if not (SOURCES / f"{m.stem}.txt").exists():
            err(m.name, "metadata without a text")
    print(f"{len(texts)} documents; " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
