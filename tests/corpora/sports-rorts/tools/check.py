"""Check the sports-rorts corpus: gold files against their sources, metadata files against the format.

Standard library only (Python 3.11 for tomllib). Run from anywhere: python3 tools/check.py
Checks, for every gold/NN-slug.toml:
  - it parses, its keys are those of the gold format (docs/gold.md), `source` names an existing
    sources/NN-slug.txt and equals the file's own name;
  - every `quote` occurs verbatim in the source text (the text after the two header lines);
  - every entity name and alias occurs in the text (compared without case, a leading "the",
    punctuation and spacing; a name given in natural order for a "SURNAME, Title Given" list entry
    passes when each of its words occurs in the text, and is reported);
  - every position person and org, event actor, relation subject and object and claim speaker names
    an entity or alias of the same file;
  - entity types, event types and relation predicates are among those docs/gold.md lists;
  - every date (event date, position start/end) is an ISO date at some precision (YYYY, YYYY-MM,
    YYYY-MM-DD) and a real calendar date; every event has one;
  - statistic values are numbers; no table is listed twice; no name is given to two entities.
and for every sources/NN-slug.toml: it parses, has the keys title, kind, publisher, url, licence
(date optional, ISO), no `source` key, a `kind` among the corpus kinds, a `url` and `title` equal to
the text's header lines.
Exits non-zero on any failure.
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
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news", "encyclopedia"}

KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
META_OPTIONAL = {"date"}

errors = []
notes = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm(s):
    s = s.lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def iso_ok(d):
    if not isinstance(d, str):
        return False
    try:
        if re.fullmatch(r"\d{4}", d):
            return True
        if re.fullmatch(r"\d{4}-\d{2}", d):
            datetime.date(int(d[:4]), int(d[5:7]), 1)
            return True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            datetime.date.fromisoformat(d)
            return True
    except ValueError:
        return False
    return False


def read_source(slug):
    path = SOURCES / f"{slug}.txt"
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n", 2)
    if len(lines) < 3 or not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        err(path.name, "first two lines must be '# source: ' and '# title: '")
        return None, None, raw
    return lines[0][len("# source: "):], lines[1][len("# title: "):], lines[2]


def check_meta(path):
    where = f"sources/{path.name}"
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"does not parse: {e}")
        return
    keys = set(meta)
    if META_REQUIRED - keys:
        err(where, f"missing keys {sorted(META_REQUIRED - keys)}")
    if keys - META_REQUIRED - META_OPTIONAL:
        err(where, f"unexpected keys {sorted(keys - META_REQUIRED - META_OPTIONAL)}")
    if meta.get("kind") not in KINDS:
        err(where, f"kind {meta.get('kind')!r} not among {sorted(KINDS)}")
    if "date" in meta and not iso_ok(meta["date"]):
        err(where, f"date {meta['date']!r} is not ISO")
    txt = path.with_suffix(".txt")
    if not txt.exists():
        err(where, "no matching .txt")
        return
    url, title, _ = read_source(path.stem)
    if url != meta.get("url"):
        err(where, f"url differs from the text's header: {url!r}")
    if title != meta.get("title"):
        err(where, f"title differs from the text's header: {title!r}")


def check_gold(path):
    where = f"gold/{path.name}"
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"does not parse: {e}")
        return {}
    if gold.get("source") != path.stem:
        err(where, f"source {gold.get('source')!r} is not the file's name {path.stem!r}")
    if not (SOURCES / f"{path.stem}.txt").exists():
        err(where, "no source text")
        return {}
    extra = set(gold) - {"source"} - set(KEYS)
    if extra:
        err(where, f"unexpected tables/keys {sorted(extra)}")
    _, _, text = read_source(path.stem)
    ntext = norm(text)
    textwords = set(re.findall(r"\w+", text.lower()))

    names = {}
    for i, e in enumerate(gold.get("entity", [])):
        for n in [e.get("name")] + list(e.get("aliases", [])):
            if not isinstance(n, str) or not n:
                err(where, f"entity {i}: bad name {n!r}")
                continue
            k = norm(n)
            if k in names and names[k] != i:
                err(where, f"name {n!r} given to two entities")
            names[k] = i
            if k not in ntext:
                words = re.findall(r"\w+", n.lower())
                if words and all(w in textwords for w in words):
                    notes.append(f"{where}: entity name {n!r} passes by its words (reordered list entry)")
                else:
                    err(where, f"entity name {n!r} does not occur in the text")
        if e.get("type") not in ENTITY_TYPES:
            err(where, f"entity {e.get('name')!r}: type {e.get('type')!r} not in docs/gold.md")

    def named(v, what):
        if v is None:
            return
        if norm(v) not in names:
            err(where, f"{what} {v!r} names no entity or alias of this file")

    counts = {}
    for table, (req, opt) in KEYS.items():
        seen = set()
        for i, row in enumerate(gold.get(table, [])):
            keys = set(row)
            if req - keys:
                err(where, f"{table} {i}: missing {sorted(req - keys)}")
            if keys - req - opt:
                err(where, f"{table} {i}: unexpected {sorted(keys - req - opt)}")
            frozen = tuple(sorted((k, str(v)) for k, v in row.items()))
            if frozen in seen:
                err(where, f"{table} {i}: listed twice")
            seen.add(frozen)
            q = row.get("quote")
            if table != "entity":
                if not isinstance(q, str) or not q:
                    err(where, f"{table} {i}: empty quote")
                elif q not in text:
                    err(where, f"{table} {i}: quote not in the text: {q!r}")
        counts[table] = len(gold.get(table, []))

    for i, p in enumerate(gold.get("position", [])):
        named(p.get("person"), f"position {i} person")
        named(p.get("org"), f"position {i} org")
        for k in ("start", "end"):
            if k in p and not iso_ok(p[k]):
                err(where, f"position {i} {k} {p[k]!r} is not ISO")
    for i, ev in enumerate(gold.get("event", [])):
        if ev.get("type") not in EVENT_TYPES:
            err(where, f"event {i}: type {ev.get('type')!r} not in docs/gold.md")
        if not iso_ok(ev.get("date")):
            err(where, f"event {i}: date {ev.get('date')!r} is not ISO")
        named(ev.get("actor"), f"event {i} actor")
    for i, s in enumerate(gold.get("statistic", [])):
        v = s.get("value")
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            err(where, f"statistic {i}: value {v!r} is not a number")
    for i, r in enumerate(gold.get("relation", [])):
        if r.get("predicate") not in PREDICATES:
            err(where, f"relation {i}: predicate {r.get('predicate')!r} not in docs/gold.md")
        named(r.get("subject"), f"relation {i} subject")
        named(r.get("object"), f"relation {i} object")
    for i, c in enumerate(gold.get("claim", [])):
        named(c.get("speaker"), f"claim {i} speaker")
    return gold


def main():
    metas = sorted(SOURCES.glob("*.toml"))
    texts = sorted(SOURCES.glob("*.txt"))
    golds = sorted(GOLD.glob("*.toml"))
    if {p.stem for p in metas} != {p.stem for p in texts} or {p.stem for p in golds} != {p.stem for p in texts}:
        err("corpus", "sources/*.txt, sources/*.toml and gold/*.toml do not name the same documents")
    for m in metas:
        check_meta(m)
    totals = {}
    etypes = {}
    evtypes = {}
    preds = {}
    for g in golds:
        gold = check_gold(g)
        for table in KEYS:
            totals[table] = totals.get(table, 0) + len(gold.get(table, []))
        for e in gold.get("entity", []):
            etypes[e.get("type")] = etypes.get(e.get("type"), 0) + 1
        for e in gold.get("event", []):
            evtypes[e.get("type")] = evtypes.get(e.get("type"), 0) + 1
        for r in gold.get("relation", []):
            preds[r.get("predicate")] = preds.get(r.get("predicate"), 0) + 1
    for n in notes:
        print("note:", n)
    def fmt(d):
        return ", ".join(f"{v} {k}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"{len(texts)} documents; totals: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    print(f"  facts (all but entities): {sum(v for k, v in totals.items() if k != 'entity')}")
    print(f"  entity types: {fmt(etypes)}")
    print(f"  event types: {fmt(evtypes)}")
    print(f"  predicates: {fmt(preds)}")
    if errors:
        print(f"\n{len(errors)} FAILURES:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
