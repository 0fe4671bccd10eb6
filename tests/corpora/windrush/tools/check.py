"""Check the windrush corpus: sources, metadata and gold.

- every sources/*.txt has a metadata file sources/*.toml and a gold file gold/*.toml;
- metadata parses, has only the keys title, kind, publisher, date, url, licence (title, kind,
  publisher, url, licence required), no `source` key, a known kind and an ISO date if any; the text's
  "# source:" and "# title:" lines agree with it;
- gold parses, names its source, has only the six tables of docs/gold.md with their keys;
- every quote occurs verbatim in the text (after the two header lines);
- every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
  spacing); no two entities share a name or alias;
- every person, actor, speaker, subject, object and position org is a name or alias of an entity of
  the same file; entity types, event types and predicates are those of docs/gold.md; dates are ISO
  dates at some precision; statistic values are numbers; nothing is listed twice.
Exit status 1 on any failure.
"""
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES, GOLD = ROOT / "sources", ROOT / "gold"

KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia"}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning",
               "ReportRelease", "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing",
               "CourtOrder", "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement",
               "Appointment", "Resignation", "Dismissal", "Investigation", "Protest",
               "EmergencyDeclaration", "Funding", "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
TABLES = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm(s):
    s = s.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\W_]+", "", s)


def check_date(where, d):
    if not isinstance(d, str) or not DATE.match(d):
        err(where, f"not an ISO date: {d!r}")


def body_of(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
        err(path.name, "first two lines must be '# source:' and '# title:'")
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


texts = sorted(SOURCES.glob("*.txt"))
if len(texts) != 10:
    err("sources", f"{len(texts)} texts, expected 10")
for gold_path in GOLD.glob("*.toml"):
    if not (SOURCES / (gold_path.stem + ".txt")).exists():
        err(gold_path.name, "gold file without a text")

totals = {k: 0 for k in TABLES}
for txt in texts:
    sid = txt.stem
    src_url, src_title, body = body_of(txt)
    nbody = norm(body)
    meta_path = SOURCES / f"{sid}.toml"
    gold_path = GOLD / f"{sid}.toml"
    if not meta_path.exists():
        err(sid, "no metadata file")
    else:
        try:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            err(meta_path.name, f"does not parse: {e}")
            meta = {}
        if "source" in meta:
            err(meta_path.name, "has a source key")
        if set(meta) - META_KEYS:
            err(meta_path.name, f"unknown keys {set(meta) - META_KEYS}")
        if META_REQUIRED - set(meta):
            err(meta_path.name, f"missing keys {META_REQUIRED - set(meta)}")
        if meta.get("kind") not in KINDS:
            err(meta_path.name, f"unknown kind {meta.get('kind')!r}")
        if "date" in meta:
            check_date(meta_path.name, meta["date"])
        if meta.get("url") != src_url:
            err(meta_path.name, "url differs from the text's '# source:' line")
        if meta.get("title") != src_title:
            err(meta_path.name, "title differs from the text's '# title:' line")
    if not gold_path.exists():
        err(sid, "no gold file")
        continue
    try:
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(gold_path.name, f"does not parse: {e}")
        continue
    where = gold_path.name
    if gold.get("source") != sid:
        err(where, f"source is {gold.get('source')!r}, expected {sid!r}")
    if set(gold) - set(TABLES) - {"source"}:
        err(where, f"unknown tables {set(gold) - set(TABLES) - {'source'}}")
    for table, (required, optional) in TABLES.items():
        rows = gold.get(table, [])
        totals[table] += len(rows)
        seen = set()
        for i, row in enumerate(rows):
            w = f"{where} {table}[{i}]"
            if required - set(row):
                err(w, f"missing {required - set(row)}")
            if set(row) - required - optional:
                err(w, f"unknown keys {set(row) - required - optional}")
            key = tuple(sorted((k, str(v)) for k, v in row.items()))
            if key in seen:
                err(w, "listed twice")
            seen.add(key)
            q = row.get("quote")
            if q is not None and q not in body:
                err(w, f"quote not in text: {q!r}")
    # entities
    names = {}
    for i, ent in enumerate(gold.get("entity", [])):
        w = f"{where} entity[{i}] {ent.get('name')!r}"
        if ent.get("type") not in ENTITY_TYPES:
            err(w, f"unknown type {ent.get('type')!r}")
        for n in [ent.get("name", "")] + list(ent.get("aliases", [])):
            if norm(n) not in nbody:
                err(w, f"name or alias not in text: {n!r}")
            if norm(n) in names and names[norm(n)] != ent.get("name"):
                err(w, f"name or alias {n!r} also names {names[norm(n)]!r}")
            names[norm(n)] = ent.get("name")

    def ref(w, n):
        if norm(n) not in names:
            err(w, f"{n!r} is no entity name or alias")

    for i, p in enumerate(gold.get("position", [])):
        w = f"{where} position[{i}]"
        ref(w, p.get("person", ""))
        if "org" in p:
            ref(w, p["org"])
        for k in ("start", "end"):
            if k in p:
                check_date(w, p[k])
    for i, e in enumerate(gold.get("event", [])):
        w = f"{where} event[{i}]"
        if e.get("type") not in EVENT_TYPES:
            err(w, f"unknown event type {e.get('type')!r}")
        check_date(w, e.get("date"))
        if "actor" in e:
            ref(w, e["actor"])
    for i, s in enumerate(gold.get("statistic", [])):
        w = f"{where} statistic[{i}]"
        if not isinstance(s.get("value"), (int, float)) or isinstance(s.get("value"), bool):
            err(w, f"value is not a number: {s.get('value')!r}")
    for i, r in enumerate(gold.get("relation", [])):
        w = f"{where} relation[{i}]"
        if r.get("predicate") not in PREDICATES:
            err(w, f"unknown predicate {r.get('predicate')!r}")
        ref(w, r.get("subject", ""))
        ref(w, r.get("object", ""))
    for i, c in enumerate(gold.get("claim", [])):
        ref(f"{where} claim[{i}]", c.get("speaker", ""))

for e in errors:
    print(e)
print(("FAIL" if errors else "OK"), {k: v for k, v in totals.items()})
sys.exit(1 if errors else 0)
