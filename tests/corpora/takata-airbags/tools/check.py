"""Check the takata-airbags corpus: gold quotes, names, types, dates and metadata.

Standard library only (Python 3.11 tomllib). Run from anywhere:  python3 tools/check.py
Checks, for every gold file and its source text (the text after the two header lines):
  - every gold and metadata file parses, with only the keys the format (docs/gold.md) and the
    example corpus use;
  - every quote occurs verbatim in the text (quotes keep the page's line breaks as \\n);
  - every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
    spacing), and no name or alias is given to two entities;
  - every position person/org, event actor, relation subject/object and claim speaker names an entity
    or alias of the same file;
  - entity types, event types and relation predicates are among those docs/gold.md lists;
  - dates (event date, position start/end, metadata date) are ISO dates at some precision;
  - statistic values are numbers; nothing is listed twice;
  - every metadata kind is one the brief lists, and every source has a metadata file and a gold file.
Exits 1 and lists the failures if any check fails.
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
GOLD_KEYS = {
    "source": None,
    "entity": {"name", "type", "aliases"},
    "position": {"person", "post", "org", "start", "end", "quote"},
    "event": {"type", "date", "actor", "quote"},
    "statistic": {"value", "qualifier", "counted", "quote"},
    "relation": {"subject", "predicate", "object", "quote"},
    "claim": {"speaker", "quote"},
}
REQUIRED = {
    "entity": {"name", "type"},
    "position": {"person", "post", "quote"},
    "event": {"type", "quote"},
    "statistic": {"value", "quote"},
    "relation": {"subject", "predicate", "object", "quote"},
    "claim": {"speaker", "quote"},
}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def norm(name):
    s = name.casefold()
    s = re.sub(r"^\s*the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def body(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# source: "), path
    assert lines[1].startswith("# title: "), path
    return "\n".join(lines[2:])


def check_file(gold_path, errors):
    def err(msg):
        errors.append(f"{gold_path.name}: {msg}")

    data = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    for key in data:
        if key not in GOLD_KEYS:
            err(f"unknown top-level key {key!r}")
    source = data.get("source")
    if source != gold_path.stem:
        err(f"source {source!r} is not the file's stem")
    src = SOURCES / f"{gold_path.stem}.txt"
    if not src.exists():
        err("no source text")
        return {}
    text = body(src)
    ntext = norm(text)

    counts = {}
    for kind, allowed in GOLD_KEYS.items():
        if allowed is None:
            continue
        rows = data.get(kind, [])
        counts[kind] = rows
        seen = set()
        for i, row in enumerate(rows):
            where = f"{kind}[{i}]"
            for k in row:
                if k not in allowed:
                    err(f"{where}: unknown key {k!r}")
            for k in REQUIRED[kind]:
                if k not in row:
                    err(f"{where}: missing {k!r}")
            frozen = repr(sorted(row.items()))
            if frozen in seen:
                err(f"{where}: listed twice")
            seen.add(frozen)
            if "quote" in row and row["quote"] not in text:
                err(f"{where}: quote not in text: {row['quote']!r}")

    names = {}
    for i, ent in enumerate(counts["entity"]):
        if ent.get("type") not in ENTITY_TYPES:
            err(f"entity {ent.get('name')!r}: type {ent.get('type')!r}")
        for n in [ent.get("name", "")] + list(ent.get("aliases", [])):
            k = norm(n)
            if not k or k not in ntext:
                err(f"entity {ent.get('name')!r}: name/alias {n!r} not in text")
            if k in names and names[k] != i:
                err(f"name/alias {n!r} given to two entities")
            names[k] = i

    def known(n, where):
        if norm(n) not in names:
            err(f"{where}: {n!r} names no entity of this file")

    for i, p in enumerate(counts["position"]):
        known(p.get("person", ""), f"position[{i}] person")
        if "org" in p:
            known(p["org"], f"position[{i}] org")
        for k in ("start", "end"):
            if k in p and not ISO.match(p[k]):
                err(f"position[{i}]: {k} {p[k]!r} is not ISO")
    for i, e in enumerate(counts["event"]):
        if e.get("type") not in EVENT_TYPES:
            err(f"event[{i}]: type {e.get('type')!r}")
        if "date" in e and not ISO.match(e["date"]):
            err(f"event[{i}]: date {e['date']!r} is not ISO")
        if "actor" in e:
            known(e["actor"], f"event[{i}] actor")
    for i, s in enumerate(counts["statistic"]):
        v = s.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            err(f"statistic[{i}]: value {v!r} is not a number")
    for i, r in enumerate(counts["relation"]):
        if r.get("predicate") not in PREDICATES:
            err(f"relation[{i}]: predicate {r.get('predicate')!r}")
        known(r.get("subject", ""), f"relation[{i}] subject")
        known(r.get("object", ""), f"relation[{i}] object")
    for i, c in enumerate(counts["claim"]):
        known(c.get("speaker", ""), f"claim[{i}] speaker")
    return counts


def check_meta(meta_path, errors):
    data = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    for k in data:
        if k not in META_KEYS:
            errors.append(f"{meta_path.name}: unknown key {k!r}")
    for k in META_REQUIRED:
        if k not in data:
            errors.append(f"{meta_path.name}: missing {k!r}")
    if data.get("kind") not in KINDS:
        errors.append(f"{meta_path.name}: kind {data.get('kind')!r}")
    if "date" in data and not ISO.match(data["date"]):
        errors.append(f"{meta_path.name}: date {data['date']!r} is not ISO")
    src = meta_path.with_suffix(".txt")
    first = src.read_text(encoding="utf-8").split("\n", 2)
    if first[0] != f"# source: {data.get('url')}":
        errors.append(f"{meta_path.name}: url differs from the text's '# source:' line")
    if first[1] != f"# title: {data.get('title')}":
        errors.append(f"{meta_path.name}: title differs from the text's '# title:' line")


def main():
    errors = []
    totals = {}
    etypes, evtypes, preds = {}, {}, {}
    texts = sorted(SOURCES.glob("*.txt"))
    for src in texts:
        if not (SOURCES / f"{src.stem}.toml").exists():
            errors.append(f"{src.name}: no metadata file")
        if not (GOLD / f"{src.stem}.toml").exists():
            errors.append(f"{src.name}: no gold file")
    for meta in sorted(SOURCES.glob("*.toml")):
        check_meta(meta, errors)
    for gold in sorted(GOLD.glob("*.toml")):
        counts = check_file(gold, errors)
        for kind, rows in counts.items():
            totals[kind] = totals.get(kind, 0) + len(rows)
        for e in counts.get("entity", []):
            etypes[e.get("type")] = etypes.get(e.get("type"), 0) + 1
        for e in counts.get("event", []):
            evtypes[e.get("type")] = evtypes.get(e.get("type"), 0) + 1
        for r in counts.get("relation", []):
            preds[r.get("predicate")] = preds.get(r.get("predicate"), 0) + 1
    facts = sum(v for k, v in totals.items() if k != "entity")
    print(f"{len(texts)} documents; totals: {totals}; facts (all but entities): {facts}")
    print("entity types:", dict(sorted(etypes.items(), key=lambda kv: -kv[1])))
    print("event types:", dict(sorted(evtypes.items(), key=lambda kv: -kv[1])))
    print("predicates:", dict(sorted(preds.items(), key=lambda kv: -kv[1])))
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("All checks pass.")


if __name__ == "__main__":
    main()
