#!/usr/bin/env python3
"""Check the oxford-school-shooting corpus: sources, metadata and gold.

Checks, for every sources/NN-slug.txt:
  - it has a metadata file sources/NN-slug.toml and a gold file gold/NN-slug.toml;
  - its first two lines are "# source: ..." and "# title: ...";
  - the metadata parses (tomllib), has title, kind, publisher, url and licence, an ISO `date` if any,
    a known kind, no `source` key and no other keys;
  - the gold parses, names its source, and uses only the tables of docs/gold.md;
  - every entity has a known type, and its name and aliases occur in the text (compared without
    case, a leading "the", punctuation and spacing);
  - every person, actor, speaker, subject, object and position org is an entity name or alias;
  - event types, relation predicates and dates are those of docs/gold.md, statistic values numbers;
  - every quote occurs verbatim in the text (the text after the two header lines);
  - nothing is listed twice.
Exits 1 and lists the problems if any check fails.
"""
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent

ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning",
               "ReportRelease", "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing",
               "CourtOrder", "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement",
               "Appointment", "Resignation", "Dismissal", "Investigation", "Protest",
               "EmergencyDeclaration", "Funding", "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia"}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
META_REQUIRED = META_KEYS - {"date"}
TABLE_KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm(s):
    s = s.lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def main():
    problems = []
    srcdir, golddir = ROOT / "sources", ROOT / "gold"
    texts = sorted(srcdir.glob("*.txt"))
    if not texts:
        problems.append("no sources")
    ids = {t.stem for t in texts}
    for g in golddir.glob("*.toml"):
        if g.stem not in ids:
            problems.append(f"gold/{g.name}: no source text")
    for m in srcdir.glob("*.toml"):
        if m.stem not in ids:
            problems.append(f"sources/{m.name}: no source text")
    counts = {}
    for t in texts:
        sid = t.stem
        p = lambda msg: problems.append(f"{sid}: {msg}")  # noqa: E731
        raw = t.read_text(encoding="utf-8")
        lines = raw.split("\n")
        if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
            p("header lines missing")
        body = "\n".join(lines[2:])
        nbody = norm(body)
        # metadata
        mpath = srcdir / f"{sid}.toml"
        if not mpath.exists():
            p("no metadata file")
        else:
            try:
                meta = tomllib.loads(mpath.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as e:
                p(f"metadata does not parse: {e}")
                meta = {}
            if "source" in meta:
                p("metadata has a `source` key")
            for k in META_REQUIRED - meta.keys():
                p(f"metadata lacks {k}")
            for k in meta.keys() - META_KEYS:
                p(f"metadata has unknown key {k}")
            if "date" in meta and not ISO.match(str(meta["date"])):
                p(f"metadata date not ISO: {meta['date']}")
            if meta.get("kind") not in KINDS:
                p(f"metadata kind unknown: {meta.get('kind')}")
            if meta.get("url") and lines[0] != f"# source: {meta['url']}":
                p("metadata url differs from the text's source line")
            if meta.get("title") and lines[1] != f"# title: {meta['title']}":
                p("metadata title differs from the text's title line")
        # gold
        gpath = golddir / f"{sid}.toml"
        if not gpath.exists():
            p("no gold file")
            continue
        try:
            gold = tomllib.loads(gpath.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            p(f"gold does not parse: {e}")
            continue
        if gold.get("source") != sid:
            p(f"gold source is {gold.get('source')!r}")
        for k in gold.keys() - set(TABLE_KEYS) - {"source"}:
            p(f"gold has unknown key {k}")
        names = set()
        seen_names = set()
        for e in gold.get("entity", []):
            for n in [e.get("name", "")] + e.get("aliases", []):
                nn = norm(n)
                if nn in seen_names:
                    p(f"name listed twice: {n}")
                seen_names.add(nn)
                names.add(nn)
                if nn not in nbody:
                    p(f"entity name not in text: {n}")
            if e.get("type") not in ENTITY_TYPES:
                p(f"entity type unknown: {e.get('type')} ({e.get('name')})")
        for table, (req, opt) in TABLE_KEYS.items():
            seen = set()
            for row in gold.get(table, []):
                for k in req - row.keys():
                    p(f"{table} lacks {k}: {row}")
                for k in row.keys() - req - opt:
                    p(f"{table} has unknown key {k}: {row}")
                key = tuple(sorted((k, str(v)) for k, v in row.items()))
                if key in seen:
                    p(f"{table} listed twice: {row}")
                seen.add(key)
                q = row.get("quote")
                if q is not None and q not in body:
                    p(f"{table} quote not in text: {q!r}")
                for k in ("person", "actor", "speaker", "subject", "object", "org"):
                    if k in row and norm(row[k]) not in names:
                        p(f"{table} {k} is not an entity: {row[k]!r}")
                for k in ("date", "start", "end"):
                    if k in row and not ISO.match(str(row[k])):
                        p(f"{table} {k} not ISO: {row[k]}")
            counts.setdefault(table, 0)
            counts[table] += len(gold.get(table, []))
        for ev in gold.get("event", []):
            if ev.get("type") not in EVENT_TYPES:
                p(f"event type unknown: {ev.get('type')}")
        for r in gold.get("relation", []):
            if r.get("predicate") not in PREDICATES:
                p(f"predicate unknown: {r.get('predicate')}")
        for s in gold.get("statistic", []):
            if not isinstance(s.get("value"), (int, float)) or isinstance(s.get("value"), bool):
                p(f"statistic value not a number: {s.get('value')}")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print(f"OK: {len(texts)} documents; " + ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
