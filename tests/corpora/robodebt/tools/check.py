#!/usr/bin/env python3
"""Check the robodebt corpus: sources, metadata and gold files.

Checks that
  - every sources/NN-slug.txt has a sources/NN-slug.toml and a gold/NN-slug.toml (and no gold or
    metadata file lacks its text);
  - each text starts with "# source: " and "# title: " lines;
  - every metadata file parses with tomllib, has no `source` key and only the keys title, kind,
    publisher, date, url, licence (title, kind, url and licence required); its date is ISO at some
    precision;
  - every gold file parses, names its own source, and uses only the six tables of docs/gold.md with
    their keys;
  - every quote occurs verbatim in its text (the text after the two header lines);
  - every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
    spacing), entity types, event types and relation predicates are those of docs/gold.md;
  - every person, actor, speaker, subject, object and position org is the name or an alias of an
    entity of the same file (and no name or alias is given to two entities);
  - dates are ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), statistic values are numbers;
  - nothing is listed twice.
Exits non-zero and lists every problem when a check fails.
"""
import pathlib
import re
import sys
import tomllib
import unicodedata

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
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = {"title", "kind", "url", "licence"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia"}
TABLE_KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "quote"}, {"date", "actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def norm(s):
    """Compare names without case, a leading "the", punctuation and spacing."""
    s = unicodedata.normalize("NFKC", s).lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def body_of(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n", 2)
    if len(lines) < 3 or not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        problem(path.name, "does not start with '# source: ' and '# title: ' lines")
        return text
    return lines[2]


def check_date(where, value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        problem(where, f"date {value!r} is not an ISO date at some precision")


def check_meta(doc_id):
    path = SOURCES / f"{doc_id}.toml"
    if not path.exists():
        problem(doc_id, "no metadata file")
        return
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        problem(path.name, f"does not parse: {e}")
        return
    if "source" in meta:
        problem(path.name, "has a `source` key")
    for key in set(meta) - META_KEYS:
        problem(path.name, f"unexpected key {key!r}")
    for key in META_REQUIRED - set(meta):
        problem(path.name, f"missing key {key!r}")
    if meta.get("kind") not in KINDS:
        problem(path.name, f"kind {meta.get('kind')!r} not one of {sorted(KINDS)}")
    if "date" in meta:
        check_date(path.name, meta["date"])


def check_gold(doc_id, body):
    path = GOLD / f"{doc_id}.toml"
    if not path.exists():
        problem(doc_id, "no gold file")
        return None
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        problem(path.name, f"does not parse: {e}")
        return None
    where = path.name
    if gold.get("source") != doc_id:
        problem(where, f"source is {gold.get('source')!r}, not {doc_id!r}")
    for key in set(gold) - set(TABLE_KEYS) - {"source"}:
        problem(where, f"unexpected top-level key {key!r}")
    for table, (required, optional) in TABLE_KEYS.items():
        for i, row in enumerate(gold.get(table, [])):
            for key in required - set(row):
                problem(where, f"{table} #{i + 1} lacks {key!r}")
            for key in set(row) - required - optional:
                problem(where, f"{table} #{i + 1} has unexpected key {key!r}")

    nbody = norm(body)
    names = {}
    for i, ent in enumerate(gold.get("entity", [])):
        if ent.get("type") not in ENTITY_TYPES:
            problem(where, f"entity {ent.get('name')!r}: type {ent.get('type')!r} unknown")
        for n in [ent.get("name", "")] + list(ent.get("aliases", [])):
            if not n or norm(n) not in nbody:
                problem(where, f"entity name/alias {n!r} does not occur in the text")
            key = norm(n)
            if key in names and names[key] != i:
                problem(where, f"name/alias {n!r} given to two entities")
            names[key] = i

    def known(role, value, table, i):
        if norm(value) not in names:
            problem(where, f"{table} #{i + 1}: {role} {value!r} is not an entity name or alias")

    for table in TABLE_KEYS:
        if table == "entity":
            continue
        seen = set()
        for i, row in enumerate(gold.get(table, [])):
            q = row.get("quote", "")
            if q not in body:
                problem(where, f"{table} #{i + 1}: quote not in text: {q!r}")
            frozen = tuple(sorted((k, str(v)) for k, v in row.items()))
            if frozen in seen:
                problem(where, f"{table} #{i + 1}: listed twice")
            seen.add(frozen)
    for i, p in enumerate(gold.get("position", [])):
        known("person", p.get("person", ""), "position", i)
        if "org" in p:
            known("org", p["org"], "position", i)
        for k in ("start", "end"):
            if k in p:
                check_date(f"{where} position #{i + 1}", p[k])
    for i, e in enumerate(gold.get("event", [])):
        if e.get("type") not in EVENT_TYPES:
            problem(where, f"event #{i + 1}: type {e.get('type')!r} unknown")
        if "actor" in e:
            known("actor", e["actor"], "event", i)
        if "date" in e:
            check_date(f"{where} event #{i + 1}", e["date"])
    for i, s in enumerate(gold.get("statistic", [])):
        if not isinstance(s.get("value"), (int, float)) or isinstance(s.get("value"), bool):
            problem(where, f"statistic #{i + 1}: value {s.get('value')!r} is not a number")
    for i, r in enumerate(gold.get("relation", [])):
        if r.get("predicate") not in PREDICATES:
            problem(where, f"relation #{i + 1}: predicate {r.get('predicate')!r} unknown")
        known("subject", r.get("subject", ""), "relation", i)
        known("object", r.get("object", ""), "relation", i)
    for i, c in enumerate(gold.get("claim", [])):
        known("speaker", c.get("speaker", ""), "claim", i)
    return gold


def main():
    texts = sorted(SOURCES.glob("*.txt"))
    if not texts:
        problem("sources", "no texts")
    ids = {p.stem for p in texts}
    for p in SOURCES.glob("*.toml"):
        if p.stem not in ids:
            problem(p.name, "metadata without a text")
    for p in GOLD.glob("*.toml"):
        if p.stem not in ids:
            problem(p.name, "gold file without a text")
    totals = {}
    for path in texts:
        doc_id = path.stem
        body = body_of(path)
        check_meta(doc_id)
        gold = check_gold(doc_id, body)
        if gold:
            for table in TABLE_KEYS:
                totals[table] = totals.get(table, 0) + len(gold.get(table, []))
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print(f"OK: {len(texts)} documents; " + ", ".join(f"{v} {k}" for k, v in totals.items()))


if __name__ == "__main__":
    main()
