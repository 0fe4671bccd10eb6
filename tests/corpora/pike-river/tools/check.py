"""Check the pike-river corpus: gold files against their sources, and the metadata files.

Standard library only (Python 3.11+ for tomllib). Run: python3 tools/check.py  (from the corpus folder
or anywhere). Exits 1 and lists every problem if any check fails.

Checks:
- every gold and metadata file parses with tomllib and uses only the known keys;
- every gold file names an existing source (`source` = the file name without .txt);
- every quote occurs verbatim in its source text (the text after the two header lines);
- every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
  spacing), and no name or alias is given twice in a file;
- every person, actor, speaker, subject, object and position org names an entity or alias of the file;
- entity types, event types and relation predicates are those docs/gold.md lists;
- every event has a date; all dates (event date, position start/end, metadata date) are ISO dates at
  some precision (YYYY, YYYY-MM, YYYY-MM-DD) and real;
- statistic values are numbers; no fact is listed twice;
- metadata kinds are among the corpus kinds and the metadata has no `source` key.
"""
import datetime
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = "".join(" " if (unicodedata.category(c).startswith("P") or c in "ʼ`´") else c for c in s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def iso_ok(d) -> bool:
    if not isinstance(d, str) or not ISO.match(d):
        return False
    parts = [int(p) for p in d.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def source_text(slug: str) -> str:
    lines = (SOURCES / f"{slug}.txt").read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# source: ") and lines[1].startswith("# title: "), slug
    return "\n".join(lines[2:])


def check_gold(path: Path, errors: list) -> dict:
    counts = {}
    def err(msg):
        errors.append(f"{path.name}: {msg}")
    try:
        g = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(f"does not parse: {e}")
        return counts
    for k in g:
        if k not in GOLD_KEYS:
            err(f"unknown key {k!r}")
    slug = g.get("source")
    if slug != path.stem or not (SOURCES / f"{slug}.txt").exists():
        err(f"source {slug!r} does not name this file's source")
        return counts
    text = source_text(slug)
    ntext = " " + norm(text) + " "
    names = {}
    for table, (req, opt) in TABLE_KEYS.items():
        rows = g.get(table, [])
        counts[table] = rows
        seen = set()
        for r in rows:
            missing = req - set(r)
            extra = set(r) - req - opt
            if missing:
                err(f"{table} {r} lacks {sorted(missing)}")
            if extra:
                err(f"{table} {r} has unknown keys {sorted(extra)}")
            key = tuple(sorted((k, str(v)) for k, v in r.items()))
            if key in seen:
                err(f"{table} listed twice: {r}")
            seen.add(key)
            if "quote" in r and r["quote"] not in text:
                err(f"{table} quote not in text: {r['quote']!r}")
    for e in g.get("entity", []):
        if e.get("type") not in ENTITY_TYPES:
            err(f"entity type {e.get('type')!r} of {e.get('name')!r}")
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            nn = norm(n)
            if not nn or (" " + nn + " ") not in ntext:
                err(f"entity name/alias not in text: {n!r}")
            if nn in names:
                err(f"entity name/alias given twice: {n!r}")
            names[nn] = e.get("name")
    def ref(v, what):
        if norm(v) not in names:
            err(f"{what} {v!r} names no entity of this file")
    for p in g.get("position", []):
        ref(p.get("person", ""), "position person")
        if "org" in p:
            ref(p["org"], "position org")
        for k in ("start", "end"):
            if k in p and not iso_ok(p[k]):
                err(f"position {k} {p[k]!r} is not an ISO date")
    for ev in g.get("event", []):
        if ev.get("type") not in EVENT_TYPES:
            err(f"event type {ev.get('type')!r}")
        if not iso_ok(ev.get("date")):
            err(f"event date {ev.get('date')!r} is not an ISO date")
        if "actor" in ev:
            ref(ev["actor"], "event actor")
    for s in g.get("statistic", []):
        if isinstance(s.get("value"), bool) or not isinstance(s.get("value"), (int, float)):
            err(f"statistic value {s.get('value')!r} is not a number")
    for r in g.get("relation", []):
        if r.get("predicate") not in PREDICATES:
            err(f"relation predicate {r.get('predicate')!r}")
        ref(r.get("subject", ""), "relation subject")
        ref(r.get("object", ""), "relation object")
    for c in g.get("claim", []):
        ref(c.get("speaker", ""), "claim speaker")
    return counts


def check_meta(path: Path, errors: list):
    def err(msg):
        errors.append(f"{path.name}: {msg}")
    try:
        m = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(f"does not parse: {e}")
        return
    if META_REQUIRED - set(m):
        err(f"lacks {sorted(META_REQUIRED - set(m))}")
    if set(m) - META_REQUIRED - META_OPTIONAL:
        err(f"unknown keys {sorted(set(m) - META_REQUIRED - META_OPTIONAL)}")
    if m.get("kind") not in KINDS:
        err(f"kind {m.get('kind')!r}")
    if "date" in m and not iso_ok(m["date"]):
        err(f"date {m['date']!r} is not an ISO date")
    first = (SOURCES / f"{path.stem}.txt").read_text(encoding="utf-8").split("\n")[:2]
    if first[0] != f"# source: {m.get('url')}":
        err("url differs from the text's '# source:' line")
    if first[1] != f"# title: {m.get('title')}":
        err("title differs from the text's '# title:' line")


def main():
    errors = []
    texts = sorted(SOURCES.glob("*.txt"))
    for t in texts:
        if not (SOURCES / f"{t.stem}.toml").exists():
            errors.append(f"{t.name}: no metadata file")
        if not (GOLD / f"{t.stem}.toml").exists():
            errors.append(f"{t.name}: no gold file")
    for m in sorted(SOURCES.glob("*.toml")):
        check_meta(m, errors)
    totals = {}
    ent_types, ev_types, preds = {}, {}, {}
    for gpath in sorted(GOLD.glob("*.toml")):
        counts = check_gold(gpath, errors)
        for k, rows in counts.items():
            totals[k] = totals.get(k, 0) + len(rows)
            for r in rows:
                if k == "entity":
                    ent_types[r.get("type")] = ent_types.get(r.get("type"), 0) + 1
                elif k == "event":
                    ev_types[r.get("type")] = ev_types.get(r.get("type"), 0) + 1
                elif k == "relation":
                    preds[r.get("predicate")] = preds.get(r.get("predicate"), 0) + 1
    def fmt(d):
        return ", ".join(f"{v} {k}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"{len(texts)} sources, {len(list(GOLD.glob('*.toml')))} gold files")
    print(f"entities {totals.get('entity', 0)} ({fmt(ent_types)})")
    facts = sum(v for k, v in totals.items() if k != "entity")
    print(f"facts {facts}: positions {totals.get('position', 0)}, events {totals.get('event', 0)} ({fmt(ev_types)}), "
          f"statistics {totals.get('statistic', 0)}, relations {totals.get('relation', 0)} ({fmt(preds)}), "
          f"claims {totals.get('claim', 0)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
