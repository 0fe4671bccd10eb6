"""Check the columbia-shuttle corpus: sources, metadata and gold.

Standard library only (Python 3.11 tomllib). Run from anywhere:

    python3 tools/check.py

Checks, for every gold/NN-slug.toml:
- it parses, names its source (`source` = the file name without .toml) and has only the tables and
  keys of docs/gold.md;
- every `quote` occurs verbatim in the source text (the text after the two header lines);
- every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
  spacing), and no name or alias is given to two entities;
- every position person and org, event actor, relation subject and object and claim speaker names an
  entity (name or alias) of the same file;
- entity types, event types and relation predicates are those docs/gold.md lists;
- every event has a date; every date, start and end is an ISO date at some precision (YYYY, YYYY-MM
  or YYYY-MM-DD, and a real day);
- statistic values are numbers; no fact is listed twice.
And for every sources/NN-slug.toml: it parses, has only title, kind, publisher, date, url and
licence (no `source`), its kind is one of the corpus kinds, its date (if any) is ISO, and its url and
title are those of the .txt header.
"""
import datetime
import pathlib
import re
import sys
import tomllib

CORPUS = pathlib.Path(__file__).resolve().parent.parent

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
META_KEYS = ({"title", "kind", "publisher", "url", "licence"}, {"date"})

errors = []


def err(where, message):
    errors.append(f"{where}: {message}")


def norm(s):
    s = s.lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def iso_ok(value):
    if not isinstance(value, str):
        return False
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


def read_source(stem):
    path = CORPUS / "sources" / f"{stem}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        err(path.name, "the first two lines must be '# source:' and '# title:'")
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(path):
    where = f"sources/{path.name}"
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"does not parse: {e}")
        return
    required, optional = META_KEYS
    for key in required - meta.keys():
        err(where, f"missing key {key!r}")
    for key in meta.keys() - required - optional:
        err(where, f"unexpected key {key!r}")
    if meta.get("kind") not in KINDS:
        err(where, f"kind {meta.get('kind')!r} is not one of {sorted(KINDS)}")
    if "date" in meta and not iso_ok(meta["date"]):
        err(where, f"date {meta['date']!r} is not ISO")
    url, title, _ = read_source(path.stem)
    if meta.get("url") != url:
        err(where, "url differs from the .txt header")
    if meta.get("title") != title:
        err(where, "title differs from the .txt header")


def check_gold(path, counts):
    where = f"gold/{path.name}"
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"does not parse: {e}")
        return
    if gold.get("source") != path.stem:
        err(where, f"source {gold.get('source')!r} is not {path.stem!r}")
    if not (CORPUS / "sources" / f"{path.stem}.txt").exists():
        err(where, "no source text")
        return
    for key in gold.keys() - {"source"} - TABLE_KEYS.keys():
        err(where, f"unexpected table or key {key!r}")
    _, _, text = read_source(path.stem)
    ntext = norm(text)

    names = {}
    for i, ent in enumerate(gold.get("entity", [])):
        w = f"{where} entity {ent.get('name')!r}"
        if ent.get("type") not in ENTITY_TYPES:
            err(w, f"type {ent.get('type')!r} is not an entity type")
        for name in [ent.get("name", "")] + list(ent.get("aliases", [])):
            n = norm(name)
            if not n or n not in ntext:
                err(w, f"name or alias {name!r} does not occur in the text")
            if n in names and names[n] != i:
                err(w, f"name or alias {name!r} is given to two entities")
            names[n] = i
        counts["entity:" + str(ent.get("type"))] = counts.get("entity:" + str(ent.get("type")), 0) + 1

    def known(value, w, role):
        if norm(value or "") not in names:
            err(w, f"{role} {value!r} names no entity of this file")

    for table, (required, optional) in TABLE_KEYS.items():
        seen = set()
        for row in gold.get(table, []):
            w = f"{where} {table} {row.get('quote', row.get('name', ''))[:50]!r}"
            for key in required - row.keys():
                err(w, f"missing key {key!r}")
            for key in row.keys() - required - optional:
                err(w, f"unexpected key {key!r}")
            if table == "entity":
                continue
            quote = row.get("quote", "")
            if quote not in text:
                err(w, "quote does not occur verbatim in the text")
            frozen = tuple(sorted((k, str(v)) for k, v in row.items()))
            if frozen in seen:
                err(w, "listed twice")
            seen.add(frozen)
            if table == "position":
                known(row.get("person"), w, "person")
                if "org" in row:
                    known(row["org"], w, "org")
                for key in ("start", "end"):
                    if key in row and not iso_ok(row[key]):
                        err(w, f"{key} {row[key]!r} is not ISO")
            elif table == "event":
                if row.get("type") not in EVENT_TYPES:
                    err(w, f"type {row.get('type')!r} is not an event type")
                if not iso_ok(row.get("date")):
                    err(w, f"date {row.get('date')!r} is not ISO")
                if "actor" in row:
                    known(row["actor"], w, "actor")
                counts["event:" + str(row.get("type"))] = counts.get("event:" + str(row.get("type")), 0) + 1
            elif table == "statistic":
                value = row.get("value")
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    err(w, f"value {value!r} is not a number")
            elif table == "relation":
                if row.get("predicate") not in PREDICATES:
                    err(w, f"predicate {row.get('predicate')!r} is not a relation predicate")
                known(row.get("subject"), w, "subject")
                known(row.get("object"), w, "object")
                counts["relation:" + str(row.get("predicate"))] = counts.get("relation:" + str(row.get("predicate")), 0) + 1
            elif table == "claim":
                known(row.get("speaker"), w, "speaker")
            counts[table] = counts.get(table, 0) + 1


def main():
    counts = {}
    metas = sorted((CORPUS / "sources").glob("*.toml"))
    texts = sorted((CORPUS / "sources").glob("*.txt"))
    golds = sorted((CORPUS / "gold").glob("*.toml"))
    if {p.stem for p in metas} != {p.stem for p in texts} or {p.stem for p in golds} != {p.stem for p in texts}:
        err("corpus", "sources/*.txt, sources/*.toml and gold/*.toml do not match one to one")
    for path in metas:
        check_meta(path)
    for path in golds:
        check_gold(path, counts)
    for line in errors:
        print("FAIL", line)
    ents = sum(v for k, v in counts.items() if k.startswith("entity:"))
    print(f"{len(golds)} gold files, {len(metas)} metadata files; {ents} entities;",
          ", ".join(f"{counts.get(t, 0)} {t}s" for t in ("position", "event", "statistic", "relation", "claim")))
    for prefix in ("entity:", "event:", "relation:"):
        print(" ", prefix[:-1], ", ".join(f"{k[len(prefix):]} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if k.startswith(prefix)))
    if errors:
        print(f"{len(errors)} problems")
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
