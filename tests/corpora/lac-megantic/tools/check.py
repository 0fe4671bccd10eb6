"""Check the lac-megantic corpus: sources, metadata and gold.

Checks: each sources/*.txt has a metadata file (sources/*.toml) and a gold file (gold/*.toml); the
metadata parse, have the expected keys and no `source` key; the gold parses, names its source and uses
only the tables and keys of docs/gold.md; every quote occurs verbatim in its text (the text after the
two header lines); every entity name and alias occurs in the text (ignoring case, a leading "the",
punctuation and spacing); every name used in positions, events, relations and claims is an entity name
or alias of the same file; entity types, event types and predicates are those of docs/gold.md; dates
are ISO dates at some precision; statistic values are numbers; nothing is listed twice.
Run: python3 tools/check.py   (exit status 1 if anything fails)
"""
import pathlib
import re
import sys
import tomllib
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning", "ReportRelease",
               "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing", "CourtOrder",
               "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement", "Appointment",
               "Resignation", "Dismissal", "Investigation", "Protest", "EmergencyDeclaration", "Funding",
               "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
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
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia", "order"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def words(s):
    """Lower-cased words joined by single spaces, with a space at each end (for whole-word search)."""
    s = unicodedata.normalize("NFC", s).lower()
    return " " + " ".join(re.findall(r"[^\W_]+", s)) + " "


def norm(s):
    s = unicodedata.normalize("NFC", s).lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def main():
    errors = []
    counts = {}
    err = errors.append
    texts = sorted((ROOT / "sources").glob("*.txt"))
    if len(texts) != 10:
        err(f"expected 10 sources, found {len(texts)}")
    for txt in texts:
        stem = txt.stem
        raw = txt.read_text(encoding="utf-8")
        lines = raw.split("\n", 2)
        if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
            err(f"{stem}: header lines missing")
        body = lines[2]
        wbody = words(body)
        meta_path = txt.with_suffix(".toml")
        gold_path = ROOT / "gold" / f"{stem}.toml"
        # metadata
        if not meta_path.exists():
            err(f"{stem}: no metadata file")
        else:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
            if "source" in meta:
                err(f"{stem}: metadata has a source key")
            missing = META_REQUIRED - meta.keys()
            extra = meta.keys() - META_REQUIRED - META_OPTIONAL
            if missing or extra:
                err(f"{stem}: metadata keys missing {missing} extra {extra}")
            if meta.get("kind") not in KINDS:
                err(f"{stem}: kind {meta.get('kind')!r}")
            if "date" in meta and not DATE.match(meta["date"]):
                err(f"{stem}: metadata date {meta['date']!r}")
            if lines[0] != f"# source: {meta.get('url')}":
                err(f"{stem}: header url differs from metadata url")
            if lines[1] != f"# title: {meta.get('title')}":
                err(f"{stem}: header title differs from metadata title")
        # gold
        if not gold_path.exists():
            err(f"{stem}: no gold file")
            continue
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("source") != stem:
            err(f"{stem}: gold source is {gold.get('source')!r}")
        unknown = gold.keys() - {"source"} - KEYS.keys()
        if unknown:
            err(f"{stem}: unknown gold tables {unknown}")
        names = {}
        for table, (required, optional) in KEYS.items():
            rows = gold.get(table, [])
            counts.setdefault(table, 0)
            counts[table] += len(rows)
            seen = set()
            for i, row in enumerate(rows):
                where = f"{stem}: {table} {i + 1}"
                if required - row.keys() or row.keys() - required - optional:
                    err(f"{where}: keys {sorted(row.keys())}")
                key = tuple(sorted((k, str(v)) for k, v in row.items()))
                if key in seen:
                    err(f"{where}: listed twice")
                seen.add(key)
                if "quote" in row and row["quote"] not in body:
                    err(f"{where}: quote not in text: {row['quote']!r}")
                for k in ("date", "start", "end"):
                    if k in row and not DATE.match(row[k]):
                        err(f"{where}: {k} {row[k]!r} not ISO")
        for i, ent in enumerate(gold.get("entity", [])):
            where = f"{stem}: entity {ent.get('name')!r}"
            if ent.get("type") not in ENTITY_TYPES:
                err(f"{where}: type {ent.get('type')!r}")
            for n in [ent["name"], *ent.get("aliases", [])]:
                w = words(re.sub(r"^(?i:the)\s+", "", n.strip()))
                if w not in wbody:
                    err(f"{where}: name {n!r} not in text")
                if norm(n) in names:
                    err(f"{where}: name {n!r} also names {names[norm(n)]!r}")
                names[norm(n)] = ent["name"]
        def known(n, where):
            if norm(n) not in names:
                err(f"{where}: {n!r} is no entity name or alias")
        for p in gold.get("position", []):
            known(p["person"], f"{stem}: position")
            if "org" in p:
                known(p["org"], f"{stem}: position org")
        for e in gold.get("event", []):
            if e["type"] not in EVENT_TYPES:
                err(f"{stem}: event type {e['type']!r}")
            if "actor" in e:
                known(e["actor"], f"{stem}: event actor")
        for r in gold.get("relation", []):
            if r["predicate"] not in PREDICATES:
                err(f"{stem}: predicate {r['predicate']!r}")
            known(r["subject"], f"{stem}: relation subject")
            known(r["object"], f"{stem}: relation object")
        for c in gold.get("claim", []):
            known(c["speaker"], f"{stem}: claim speaker")
        for s in gold.get("statistic", []):
            if isinstance(s["value"], bool) or not isinstance(s["value"], (int, float)):
                err(f"{stem}: statistic value {s['value']!r} not a number")
    for e in errors:
        print("FAIL", e)
    print("counts:", counts)
    if errors:
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("all checks pass")


if __name__ == "__main__":
    main()
