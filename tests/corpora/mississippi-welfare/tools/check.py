"""Check the mississippi-welfare corpus: sources, metadata and gold (Python 3.11+, standard library).

Checks that every gold quote occurs verbatim in its source text (the text after the two header
lines), every entity name and alias occurs in it (ignoring case, a leading "the", punctuation and
spacing), every person, actor, speaker, subject, object and position org names an entity or alias of
the same file, entity types, event types and relation predicates are those docs/gold.md lists, every
event has a date, dates are ISO dates at some precision, statistic values are numbers, nothing is
listed twice, and every metadata file has the expected keys (no `source` key), a known kind, and the
title and address of its text's header lines. Exit status 1 on any failure.
"""
import datetime
import pathlib
import re
import sys
import tomllib
import unicodedata

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
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia"}
TOP_KEYS = {"source", "entity", "position", "event", "statistic", "relation", "claim"}
KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
META_KEYS = ({"title", "kind", "publisher", "url", "licence"}, {"date"})
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm(s):
    """Lower case, no leading 'the', no punctuation or spacing (as docs/gold.md compares names)."""
    s = unicodedata.normalize("NFKC", s).lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return "".join(ch for ch in s if ch.isalnum())


def iso_ok(d):
    if not isinstance(d, str) or not DATE_RE.match(d):
        return False
    parts = [int(p) for p in d.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def read_source(stem):
    path = ROOT / "sources" / f"{stem}.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
        err(path.name, "first two lines must be '# source:' and '# title:'")
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(stem, url, title):
    path = ROOT / "sources" / f"{stem}.toml"
    if not path.exists():
        err(stem, "no metadata file")
        return
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(path.name, f"does not parse: {e}")
        return
    need, opt = META_KEYS
    for k in need - meta.keys():
        err(path.name, f"missing key {k}")
    for k in meta.keys() - need - opt:
        err(path.name, f"unexpected key {k}")
    if meta.get("kind") not in KINDS:
        err(path.name, f"unknown kind {meta.get('kind')!r}")
    if "date" in meta and not iso_ok(meta["date"]):
        err(path.name, f"date not ISO: {meta['date']!r}")
    if meta.get("url") != url:
        err(path.name, "url differs from the text's '# source:' line")
    if meta.get("title") != title:
        err(path.name, "title differs from the text's '# title:' line")


def check_gold(path):
    where = path.name
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        err(where, f"does not parse: {e}")
        return {}
    for k in gold.keys() - TOP_KEYS:
        err(where, f"unexpected top-level key {k}")
    stem = gold.get("source")
    if stem != path.stem:
        err(where, f"source {stem!r} is not the file's name")
        return {}
    url, title, text = read_source(stem)
    check_meta(stem, url, title)
    ntext = norm(text)

    counts = {}
    for kind, (need, opt) in KEYS.items():
        rows = gold.get(kind, [])
        counts[kind] = rows
        for i, row in enumerate(rows):
            w = f"{where} {kind}[{i}]"
            for k in need - row.keys():
                err(w, f"missing key {k}")
            for k in row.keys() - need - opt:
                err(w, f"unexpected key {k}")
            q = row.get("quote")
            if q is not None and q not in text:
                err(w, f"quote not in text: {q!r}")

    names = {}
    for i, ent in enumerate(counts["entity"]):
        w = f"{where} entity[{i}] {ent.get('name')!r}"
        if ent.get("type") not in ENTITY_TYPES:
            err(w, f"unknown type {ent.get('type')!r}")
        for n in [ent.get("name", "")] + list(ent.get("aliases", [])):
            if not n or norm(n) not in ntext:
                err(w, f"name or alias not in text: {n!r}")
            key = norm(n)
            if key in names and names[key] != i:
                err(w, f"name or alias {n!r} also names entity[{names[key]}]")
            names[key] = i

    def known(n, w, role):
        if not isinstance(n, str) or norm(n) not in names:
            err(w, f"{role} {n!r} names no entity of this file")

    for i, p in enumerate(counts["position"]):
        w = f"{where} position[{i}]"
        known(p.get("person"), w, "person")
        if "org" in p:
            known(p["org"], w, "org")
        for k in ("start", "end"):
            if k in p and not iso_ok(p[k]):
                err(w, f"{k} not ISO: {p[k]!r}")
    for i, e in enumerate(counts["event"]):
        w = f"{where} event[{i}]"
        if e.get("type") not in EVENT_TYPES:
            err(w, f"unknown event type {e.get('type')!r}")
        if not iso_ok(e.get("date")):
            err(w, f"date missing or not ISO: {e.get('date')!r}")
        if "actor" in e:
            known(e["actor"], w, "actor")
    for i, s in enumerate(counts["statistic"]):
        w = f"{where} statistic[{i}]"
        v = s.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            err(w, f"value is not a number: {v!r}")
    for i, r in enumerate(counts["relation"]):
        w = f"{where} relation[{i}]"
        if r.get("predicate") not in PREDICATES:
            err(w, f"unknown predicate {r.get('predicate')!r}")
        known(r.get("subject"), w, "subject")
        known(r.get("object"), w, "object")
    for i, c in enumerate(counts["claim"]):
        known(c.get("speaker"), f"{where} claim[{i}]", "speaker")

    for kind in ("position", "event", "statistic", "relation", "claim"):
        seen = set()
        for i, row in enumerate(counts[kind]):
            key = tuple(sorted((k, str(v)) for k, v in row.items()))
            if key in seen:
                err(f"{where} {kind}[{i}]", "listed twice")
            seen.add(key)
    return {k: len(v) for k, v in counts.items()} | {
        "entity_types": [e.get("type") for e in counts["entity"]],
        "event_types": [e.get("type") for e in counts["event"]],
        "predicates": [r.get("predicate") for r in counts["relation"]],
    }


def main():
    golds = sorted((ROOT / "gold").glob("*.toml"))
    texts = sorted((ROOT / "sources").glob("*.txt"))
    if {g.stem for g in golds} != {t.stem for t in texts}:
        err("corpus", "gold files and source texts do not pair up")
    totals = {}
    from collections import Counter
    etypes, evtypes, preds = Counter(), Counter(), Counter()
    for g in golds:
        c = check_gold(g)
        for k in KEYS:
            totals[k] = totals.get(k, 0) + c.get(k, 0)
        etypes.update(c.get("entity_types", []))
        evtypes.update(c.get("event_types", []))
        preds.update(c.get("predicates", []))
    for e in errors:
        print("FAIL", e)
    facts = sum(v for k, v in totals.items() if k != "entity")
    print(f"{len(golds)} gold files; entities {totals.get('entity', 0)} ({dict(etypes.most_common())}); "
          f"facts {facts}: positions {totals.get('position', 0)}, events {totals.get('event', 0)} "
          f"({dict(evtypes.most_common())}), statistics {totals.get('statistic', 0)}, relations "
          f"{totals.get('relation', 0)} ({dict(preds.most_common())}), claims {totals.get('claim', 0)}")
    print("all checks pass" if not errors else f"{len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
