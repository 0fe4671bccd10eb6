"""Check the walkerton corpus: gold quotes occur verbatim in their source text, every name used
names an entity or alias of that file, types/predicates are those of docs/gold.md, dates are ISO,
entity names and aliases occur in the text, metadata files parse with the expected keys."""
import re, sys, tomllib, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning", "ReportRelease",
               "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing", "CourtOrder",
               "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement", "Appointment",
               "Resignation", "Dismissal", "Investigation", "Protest", "EmergencyDeclaration", "Funding",
               "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news", "encyclopedia"}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = {"entity": {"name", "type", "aliases"},
        "position": {"person", "post", "org", "start", "end", "quote"},
        "event": {"type", "date", "actor", "quote"},
        "statistic": {"value", "qualifier", "counted", "quote"},
        "relation": {"subject", "predicate", "object", "quote"},
        "claim": {"speaker", "quote"}}

def norm(s):
    s = s.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\W_]+", "", s)

errors = []
def err(f, msg): errors.append(f"{f}: {msg}")

def valid_date(d):
    if not isinstance(d, str) or not ISO.match(d): return False
    parts = [int(x) for x in d.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12: return False
    if len(parts) > 2 and not 1 <= parts[2] <= 31: return False
    return True

counts = {}
for meta in sorted((ROOT / "sources").glob("*.toml")):
    m = tomllib.loads(meta.read_text(encoding="utf-8"))
    if set(m) - META_KEYS: err(meta.name, f"unexpected keys {set(m) - META_KEYS}")
    for k in META_KEYS - {"date"}:
        if k not in m: err(meta.name, f"missing {k}")
    if m.get("kind") not in KINDS: err(meta.name, f"kind {m.get('kind')}")
    if "date" in m and not valid_date(m["date"]): err(meta.name, f"date {m['date']}")
    txt = meta.with_suffix(".txt").read_text(encoding="utf-8").split("\n")
    if not txt[0] == f"# source: {m.get('url')}": err(meta.name, "source line does not match url")
    if not txt[1] == f"# title: {m.get('title')}": err(meta.name, "title line does not match title")

for gold in sorted((ROOT / "gold").glob("*.toml")):
    g = tomllib.loads(gold.read_text(encoding="utf-8"))
    sid = g.get("source")
    if sid != gold.stem: err(gold.name, f"source {sid!r} is not the file's name")
    src = ROOT / "sources" / f"{sid}.txt"
    if not src.exists(): err(gold.name, "no source text"); continue
    text = "\n".join(src.read_text(encoding="utf-8").split("\n")[2:])
    ntext = norm(text)
    names = {}
    for k in g:
        if k != "source" and k not in KEYS: err(gold.name, f"unknown table {k}")
    for kind, keys in KEYS.items():
        for i, row in enumerate(g.get(kind, [])):
            counts[kind] = counts.get(kind, 0) + 1
            if set(row) - keys: err(gold.name, f"{kind}[{i}] unexpected keys {set(row) - keys}")
            if kind != "entity":
                q = row.get("quote")
                if not q: err(gold.name, f"{kind}[{i}] has no quote")
                elif q not in text: err(gold.name, f"{kind}[{i}] quote not in text: {q!r}")
    seen = set()
    for e in g.get("entity", []):
        if e.get("type") not in ENTITY_TYPES: err(gold.name, f"entity type {e.get('type')}")
        counts["type:" + str(e.get("type"))] = counts.get("type:" + str(e.get("type")), 0) + 1
        for n in [e["name"]] + e.get("aliases", []):
            if norm(n) not in ntext: err(gold.name, f"entity name not in text: {n!r}")
            if norm(n) in seen: err(gold.name, f"name listed twice: {n!r}")
            seen.add(norm(n))
    def known(n, what):
        if norm(n) not in seen: err(gold.name, f"{what} {n!r} names no entity")
    for p in g.get("position", []):
        known(p["person"], "person")
        if "org" in p: known(p["org"], "org")
        for k in ("start", "end"):
            if k in p and not valid_date(p[k]): err(gold.name, f"position {k} {p[k]}")
    for ev in g.get("event", []):
        if ev.get("type") not in EVENT_TYPES: err(gold.name, f"event type {ev.get('type')}")
        counts["event:" + str(ev.get("type"))] = counts.get("event:" + str(ev.get("type")), 0) + 1
        if not valid_date(ev.get("date")): err(gold.name, f"event date {ev.get('date')}")
        if "actor" in ev: known(ev["actor"], "actor")
    for s in g.get("statistic", []):
        if not isinstance(s.get("value"), (int, float)): err(gold.name, f"statistic value {s.get('value')!r}")
    for r in g.get("relation", []):
        if r.get("predicate") not in PREDICATES: err(gold.name, f"predicate {r.get('predicate')}")
        counts["rel:" + str(r.get("predicate"))] = counts.get("rel:" + str(r.get("predicate")), 0) + 1
        known(r["subject"], "subject"); known(r["object"], "object")
    for c in g.get("claim", []):
        known(c["speaker"], "speaker")
    qs = [(k, r.get("quote"), r.get("speaker") or r.get("person") or r.get("value") or r.get("type")) for k in KEYS if k != "entity" for r in g.get(k, [])]
    if len(qs) != len(set(map(str, qs))): err(gold.name, "a fact is listed twice")

golds = {p.stem for p in (ROOT / "gold").glob("*.toml")}
srcs = {p.stem for p in (ROOT / "sources").glob("*.txt")}
if golds != srcs: err("corpus", f"gold/source mismatch {golds ^ srcs}")
for k in sorted(counts): print(f"{k}: {counts[k]}")
if errors:
    print("\n".join(errors)); sys.exit(1)
print("all checks pass")
