"""Check the comed-bribery corpus: gold files against their texts, and the metadata files.

Standard library only (Python 3.11, tomllib). Run from anywhere:
    python3 tools/check.py
Checks:
  - every gold and metadata file parses and has only the keys the corpora use;
  - every gold file names an existing source (`source` = the file name without .txt);
  - every quote occurs verbatim in its document (the text after the two header lines);
  - every entity name and alias occurs in the document (ignoring case, a leading "the",
    punctuation and spacing);
  - every position person/org, event actor, relation subject/object and claim speaker names an
    entity or alias of the same gold file;
  - entity types, event types and relation predicates are those docs/gold.md lists;
  - dates (event date, position start/end, metadata date) are ISO dates at some precision;
  - statistic values are numbers; nothing is listed twice;
  - metadata `kind` is one of the kinds the brief names; no `source`, `speaker` or `creator` key.
"""
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLD = ROOT / "gold"

ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning", "ReportRelease",
               "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing", "CourtOrder",
               "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement", "Appointment",
               "Resignation", "Dismissal", "Investigation", "Protest", "EmergencyDeclaration", "Funding",
               "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia"}

GOLD_KEYS = {"source", "entity", "position", "event", "statistic", "relation", "claim"}
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
ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def norm(s: str) -> str:
    s = s.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def body(path: pathlib.Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# source: "), f"{path.name}: first line is not '# source:'"
    assert lines[1].startswith("# title: "), f"{path.name}: second line is not '# title:'"
    return "\n".join(lines[2:])


def check_gold(path: pathlib.Path, errors: list) -> dict:
    err = lambda m: errors.append(f"{path.name}: {m}")
    g = tomllib.loads(path.read_text(encoding="utf-8"))
    for k in g:
        if k not in GOLD_KEYS:
            err(f"unknown key {k!r}")
    src = g.get("source")
    txt = SOURCES / f"{src}.txt"
    if src != path.stem:
        err(f"source {src!r} is not the file's stem")
    if not txt.exists():
        err(f"no source text {txt.name}")
        return {}
    text = body(txt)
    ntext = norm(text)
    names = set()
    counts = {}
    for kind, (req, opt) in TABLE_KEYS.items():
        rows = g.get(kind, [])
        counts[kind] = len(rows)
        seen = set()
        for i, row in enumerate(rows):
            where = f"{kind}[{i}]"
            keys = set(row)
            if not req <= keys:
                err(f"{where}: missing {sorted(req - keys)}")
            if keys - req - opt:
                err(f"{where}: unknown keys {sorted(keys - req - opt)}")
            frozen = repr(sorted(row.items()))
            if frozen in seen:
                err(f"{where}: listed twice")
            seen.add(frozen)
            if "quote" in row and row["quote"] not in text:
                err(f"{where}: quote not in text: {row['quote']!r}")
            if kind == "entity":
                if row.get("type") not in ENTITY_TYPES:
                    err(f"{where}: entity type {row.get('type')!r}")
                for n in [row["name"], *row.get("aliases", [])]:
                    if norm(n) not in ntext:
                        err(f"{where}: name/alias not in text: {n!r}")
                    if norm(n) in names:
                        err(f"{where}: name/alias given twice: {n!r}")
                    names.add(norm(n))
    ent_types = {}
    for row in g.get("entity", []):
        for n in [row["name"], *row.get("aliases", [])]:
            ent_types[norm(n)] = row["type"]

    def must_name(where, value):
        if norm(value) not in ent_types:
            err(f"{where}: {value!r} names no entity of this file")

    for i, row in enumerate(g.get("position", [])):
        must_name(f"position[{i}].person", row["person"])
        if "org" in row:
            must_name(f"position[{i}].org", row["org"])
        for k in ("start", "end"):
            if k in row and not ISO.match(str(row[k])):
                err(f"position[{i}].{k}: not ISO: {row[k]!r}")
    for i, row in enumerate(g.get("event", [])):
        if row.get("type") not in EVENT_TYPES:
            err(f"event[{i}]: event type {row.get('type')!r}")
        if not ISO.match(str(row.get("date", ""))):
            err(f"event[{i}]: date not ISO: {row.get('date')!r}")
        if "actor" in row:
            must_name(f"event[{i}].actor", row["actor"])
    for i, row in enumerate(g.get("statistic", [])):
        if not isinstance(row.get("value"), (int, float)) or isinstance(row.get("value"), bool):
            err(f"statistic[{i}]: value is not a number: {row.get('value')!r}")
    for i, row in enumerate(g.get("relation", [])):
        if row.get("predicate") not in PREDICATES:
            err(f"relation[{i}]: predicate {row.get('predicate')!r}")
        must_name(f"relation[{i}].subject", row["subject"])
        must_name(f"relation[{i}].object", row["object"])
    for i, row in enumerate(g.get("claim", [])):
        must_name(f"claim[{i}].speaker", row["speaker"])
    return {"entities": [r["type"] for r in g.get("entity", [])],
            "events": [r["type"] for r in g.get("event", [])],
            "relations": [r["predicate"] for r in g.get("relation", [])], **counts}


def check_meta(path: pathlib.Path, errors: list) -> None:
    err = lambda m: errors.append(f"{path.name}: {m}")
    m = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = set(m)
    if not META_REQUIRED <= keys:
        err(f"missing {sorted(META_REQUIRED - keys)}")
    if keys - META_REQUIRED - META_OPTIONAL:
        err(f"unknown keys {sorted(keys - META_REQUIRED - META_OPTIONAL)}")
    if m.get("kind") not in KINDS:
        err(f"kind {m.get('kind')!r}")
    if "date" in m and not ISO.match(str(m["date"])):
        err(f"date not ISO: {m['date']!r}")
    txt = path.with_suffix(".txt")
    if not txt.exists():
        err("no .txt beside it")
    else:
        first = txt.read_text(encoding="utf-8").split("\n")[0]
        if first != f"# source: {m.get('url')}":
            err("url differs from the text's '# source:' line")


def main() -> int:
    errors: list = []
    metas = sorted(SOURCES.glob("*.toml"))
    texts = sorted(SOURCES.glob("*.txt"))
    golds = sorted(GOLD.glob("*.toml"))
    for p in metas:
        check_meta(p, errors)
    if {p.stem for p in texts} != {p.stem for p in golds}:
        errors.append(f"texts without gold or gold without text: "
                      f"{sorted({p.stem for p in texts} ^ {p.stem for p in golds})}")
    from collections import Counter
    tot = Counter()
    ent, ev, rel = Counter(), Counter(), Counter()
    for p in golds:
        r = check_gold(p, errors)
        if not r:
            continue
        for k in TABLE_KEYS:
            tot[k] += r[k]
        ent.update(r["entities"]); ev.update(r["events"]); rel.update(r["relations"])
        print(f"{p.stem}: " + ", ".join(f"{r[k]} {k}" for k in TABLE_KEYS))
    print(f"\nTotals: {tot['entity']} entities ({', '.join(f'{n} {t}' for t, n in ent.most_common())})")
    facts = sum(tot[k] for k in TABLE_KEYS if k != "entity")
    print(f"{facts} facts: {tot['position']} positions, {tot['event']} events "
          f"({', '.join(f'{n} {t}' for t, n in ev.most_common())}), {tot['statistic']} statistics, "
          f"{tot['relation']} relations ({', '.join(f'{n} {t}' for t, n in rel.most_common())}), "
          f"{tot['claim']} claims")
    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        return 1
    print("\nAll checks pass.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
