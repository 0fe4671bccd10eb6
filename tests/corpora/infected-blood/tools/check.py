#!/usr/bin/env python3
"""Check the infected-blood corpus: gold files against their sources, and the metadata files.

Standard library only (Python 3.11+, tomllib). Run from anywhere:  python3 tools/check.py
Checks:
  - every gold and metadata file parses, with only the keys the gold format (docs/gold.md) and the
    example corpus use;
  - each gold file's `source` is its file name and names a source text;
  - every quote occurs verbatim in the source text (the text after the two header lines);
  - every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
    spacing);
  - every position person/org, event actor, relation subject/object and claim speaker names an
    entity (name or alias) of the same file;
  - entity types, event types and relation predicates are among those docs/gold.md lists;
  - dates are ISO dates at some precision (YYYY, YYYY-MM, YYYY-MM-DD), and real dates;
  - statistic values are numbers;
  - nothing is listed twice;
  - metadata: kind is one of the corpus kinds, date (if any) is ISO, url and title equal the
    source text's header lines.
Exits 1 and lists every problem if any check fails.
"""
import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent

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
    "event": ({"type", "quote"}, {"date", "actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
META_KEYS = ({"title", "kind", "publisher", "url", "licence"}, {"date"})

problems: list[str] = []


def problem(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def norm(s: str) -> str:
    s = s.strip().lower()
    s = re.sub(r"^the\s+", "", s)
    return "".join(ch for ch in s if ch.isalnum())


def iso_ok(d: object) -> bool:
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


def read_source(stem: str) -> tuple[str, str, str] | None:
    p = ROOT / "sources" / f"{stem}.txt"
    if not p.exists():
        return None
    lines = p.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        problem(p.name, "header lines missing")
        return None
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(path: pathlib.Path) -> None:
    where = f"sources/{path.name}"
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        problem(where, f"does not parse: {e}")
        return
    req, opt = META_KEYS
    for k in req - meta.keys():
        problem(where, f"missing key {k}")
    for k in meta.keys() - req - opt:
        problem(where, f"unexpected key {k}")
    if meta.get("kind") not in KINDS:
        problem(where, f"kind {meta.get('kind')!r} not a corpus kind")
    if "date" in meta and not iso_ok(meta["date"]):
        problem(where, f"date {meta['date']!r} not ISO")
    src = read_source(path.stem)
    if src is None:
        problem(where, "no source text")
        return
    url, title, _ = src
    if meta.get("url") != url:
        problem(where, "url differs from the text's '# source:' line")
    if meta.get("title") != title:
        problem(where, "title differs from the text's '# title:' line")


def check_gold(path: pathlib.Path) -> dict[str, int]:
    where = f"gold/{path.name}"
    counts: dict[str, int] = {}
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        problem(where, f"does not parse: {e}")
        return counts
    if gold.get("source") != path.stem:
        problem(where, f"source {gold.get('source')!r} is not the file's name")
    for k in gold.keys() - set(KEYS) - {"source"}:
        problem(where, f"unexpected table or key {k}")
    src = read_source(path.stem)
    if src is None:
        problem(where, "no source text")
        return counts
    text = src[2]
    ntext = norm(text)

    for kind, (req, opt) in KEYS.items():
        rows = gold.get(kind, [])
        counts[kind] = len(rows)
        for i, row in enumerate(rows):
            w = f"{where} {kind}[{i}]"
            for k in req - row.keys():
                problem(w, f"missing key {k}")
            for k in row.keys() - req - opt:
                problem(w, f"unexpected key {k}")
            q = row.get("quote")
            if q is not None and q not in text:
                problem(w, f"quote not in text: {q!r}")

    names: dict[str, str] = {}
    seen_entities = set()
    for i, e in enumerate(gold.get("entity", [])):
        w = f"{where} entity[{i}] {e.get('name')!r}"
        if e.get("type") not in ENTITY_TYPES:
            problem(w, f"type {e.get('type')!r} not an entity type")
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            nn = norm(n)
            if not nn or nn not in ntext:
                problem(w, f"name or alias {n!r} not in text")
            if nn in names and names[nn] != e.get("name"):
                problem(w, f"name or alias {n!r} also names {names[nn]!r}")
            names[nn] = e.get("name")
        key = norm(e.get("name", ""))
        if key in seen_entities:
            problem(w, "entity listed twice")
        seen_entities.add(key)

    def ref(w: str, field: str, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str) or norm(value) not in names:
            problem(w, f"{field} {value!r} names no entity of this file")

    for i, p in enumerate(gold.get("position", [])):
        w = f"{where} position[{i}]"
        ref(w, "person", p.get("person"))
        ref(w, "org", p.get("org"))
        for k in ("start", "end"):
            if k in p and not iso_ok(p[k]):
                problem(w, f"{k} {p[k]!r} not ISO")
    for i, ev in enumerate(gold.get("event", [])):
        w = f"{where} event[{i}]"
        if ev.get("type") not in EVENT_TYPES:
            problem(w, f"type {ev.get('type')!r} not an event type")
        if "date" in ev and not iso_ok(ev["date"]):
            problem(w, f"date {ev['date']!r} not ISO")
        ref(w, "actor", ev.get("actor"))
    for i, s in enumerate(gold.get("statistic", [])):
        w = f"{where} statistic[{i}]"
        v = s.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            problem(w, f"value {v!r} is not a number")
    for i, r in enumerate(gold.get("relation", [])):
        w = f"{where} relation[{i}]"
        if r.get("predicate") not in PREDICATES:
            problem(w, f"predicate {r.get('predicate')!r} not allowed")
        ref(w, "subject", r.get("subject"))
        ref(w, "object", r.get("object"))
    for i, c in enumerate(gold.get("claim", [])):
        ref(f"{where} claim[{i}]", "speaker", c.get("speaker"))

    # Nothing listed twice.
    for kind in ("position", "event", "statistic", "relation", "claim"):
        seen = set()
        for i, row in enumerate(gold.get(kind, [])):
            key = tuple(sorted((k, str(v)) for k, v in row.items()))
            if key in seen:
                problem(f"{where} {kind}[{i}]", "listed twice")
            seen.add(key)
    return counts


def main() -> int:
    metas = sorted((ROOT / "sources").glob("*.toml"))
    texts = sorted((ROOT / "sources").glob("*.txt"))
    golds = sorted((ROOT / "gold").glob("*.toml"))
    if {p.stem for p in metas} != {p.stem for p in texts} or {p.stem for p in golds} != {p.stem for p in texts}:
        problem("corpus", "sources/*.txt, sources/*.toml and gold/*.toml do not pair up")
    for m in metas:
        check_meta(m)
    totals: dict[str, int] = {}
    etypes: dict[str, int] = {}
    evtypes: dict[str, int] = {}
    preds: dict[str, int] = {}
    for g in golds:
        counts = check_gold(g)
        print(f"{g.stem}: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in KEYS))
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        try:
            gold = tomllib.loads(g.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue
        for e in gold.get("entity", []):
            etypes[e.get("type")] = etypes.get(e.get("type"), 0) + 1
        for e in gold.get("event", []):
            evtypes[e.get("type")] = evtypes.get(e.get("type"), 0) + 1
        for r in gold.get("relation", []):
            preds[r.get("predicate")] = preds.get(r.get("predicate"), 0) + 1
    print("totals: " + ", ".join(f"{totals.get(k, 0)} {k}" for k in KEYS))
    print("entity types: " + ", ".join(f"{v} {k}" for k, v in sorted(etypes.items(), key=lambda x: -x[1])))
    print("event types: " + ", ".join(f"{v} {k}" for k, v in sorted(evtypes.items(), key=lambda x: -x[1])))
    print("predicates: " + ", ".join(f"{v} {k}" for k, v in sorted(preds.items(), key=lambda x: -x[1])))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nAll checks pass.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
