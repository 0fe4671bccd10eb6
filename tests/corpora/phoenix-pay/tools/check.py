"""Check the phoenix-pay corpus: gold quotes, names, types, dates and metadata.

Standard library only (Python 3.11, tomllib). Run: python3 tools/check.py  (from the corpus folder or
anywhere). Exits 1 and lists every problem when a check fails.
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
QUALIFIER_WORDS = {"exact", "lower-bound", "upper-bound", "approximate", "average"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news", "encyclopedia"}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
TABLE_KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def norm(s):
    """Lower case, no leading 'the', no punctuation, single spaces (as docs/gold.md compares names)."""
    s = s.lower().replace("\u2011", "-")
    s = re.sub(r"[^\w\s]", " ", s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def body_of(txt_path):
    lines = txt_path.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        problem(txt_path.name, "first two lines must be '# source:' and '# title:'")
    return lines[0][len("# source: "):], lines[1][len("# title: "):], "\n".join(lines[2:])


def check_meta(stem, url, title):
    where = f"sources/{stem}.toml"
    path = SOURCES / f"{stem}.toml"
    if not path.exists():
        problem(where, "missing")
        return
    meta = tomllib.loads(path.read_text(encoding="utf-8"))
    for k in meta:
        if k not in META_KEYS:
            problem(where, f"unexpected key {k!r}")
    for k in META_REQUIRED - meta.keys():
        problem(where, f"missing key {k!r}")
    if meta.get("kind") not in KINDS:
        problem(where, f"kind {meta.get('kind')!r} not among {sorted(KINDS)}")
    if "date" in meta and not (isinstance(meta["date"], str) and DATE_RE.match(meta["date"])):
        problem(where, f"date {meta['date']!r} is not an ISO date")
    if meta.get("url") != url:
        problem(where, "url differs from the text's '# source:' line")
    if meta.get("title") != title:
        problem(where, "title differs from the text's '# title:' line")


def check_gold(stem, body):
    where = f"gold/{stem}.toml"
    path = GOLD / f"{stem}.toml"
    if not path.exists():
        problem(where, "missing")
        return {}
    gold = tomllib.loads(path.read_text(encoding="utf-8"))
    counts = {}
    if gold.get("source") != stem:
        problem(where, f"source {gold.get('source')!r} is not {stem!r}")
    for k in gold:
        if k != "source" and k not in TABLE_KEYS:
            problem(where, f"unexpected key {k!r}")
    nbody = norm(body)
    names = {}
    for i, e in enumerate(gold.get("entity", [])):
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            key = norm(n)
            if key in names:
                problem(where, f"entity name/alias {n!r} listed twice")
            names[key] = e.get("type")
            if f" {key} " not in f" {nbody} ":
                problem(where, f"entity name/alias {n!r} does not occur in the text")
    for kind, (required, optional) in TABLE_KEYS.items():
        rows = gold.get(kind, [])
        counts[kind] = len(rows)
        seen = set()
        for i, row in enumerate(rows):
            w = f"{where} [{kind} {i + 1}]"
            for k in required - row.keys():
                problem(w, f"missing {k!r}")
            for k in row.keys() - required - optional:
                problem(w, f"unexpected key {k!r}")
            ident = tuple(sorted((k, str(v)) for k, v in row.items()))
            if ident in seen:
                problem(w, "listed twice")
            seen.add(ident)
            if "quote" in row and row["quote"] not in body:
                problem(w, f"quote not in text: {row['quote'][:70]!r}")
            if kind == "entity" and row.get("type") not in ENTITY_TYPES:
                problem(w, f"entity type {row.get('type')!r}")
            if kind == "event":
                if row.get("type") not in EVENT_TYPES:
                    problem(w, f"event type {row.get('type')!r}")
                if not DATE_RE.match(str(row.get("date", ""))):
                    problem(w, f"date {row.get('date')!r} is not an ISO date")
            if kind == "position":
                for k in ("start", "end"):
                    if k in row and not DATE_RE.match(str(row[k])):
                        problem(w, f"{k} {row[k]!r} is not an ISO date")
            if kind == "relation" and row.get("predicate") not in PREDICATES:
                problem(w, f"predicate {row.get('predicate')!r}")
            if kind == "statistic":
                v = row.get("value")
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    problem(w, f"value {v!r} is not a number")
                q = row.get("qualifier")
                if q is not None and q not in QUALIFIER_WORDS and q.lower() not in row.get("quote", "").lower():
                    problem(w, f"qualifier {q!r} neither a listed word nor in the quote")
            refs = {"position": ("person", "org"), "event": ("actor",),
                    "relation": ("subject", "object"), "claim": ("speaker",)}.get(kind, ())
            for k in refs:
                if k in row and norm(row[k]) not in names:
                    problem(w, f"{k} {row[k]!r} names no entity or alias of this file")
    return counts


def main():
    txts = sorted(SOURCES.glob("*.txt"))
    totals = {}
    for txt in txts:
        stem = txt.stem
        url, title, body = body_of(txt)
        check_meta(stem, url, title)
        for k, v in check_gold(stem, body).items():
            totals[k] = totals.get(k, 0) + v
    for g in GOLD.glob("*.toml"):
        if not (SOURCES / f"{g.stem}.txt").exists():
            problem(f"gold/{g.name}", "no source text")
    if problems:
        print("\n".join(problems))
        print(f"FAILED: {len(problems)} problem(s)")
        sys.exit(1)
    print(f"OK: {len(txts)} documents; " + ", ".join(f"{v} {k}" for k, v in totals.items()))


if __name__ == "__main__":
    main()
