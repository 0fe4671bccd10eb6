#!/usr/bin/env python3
"""Check the tomah-va corpus: layout, metadata, gold.

- every sources/*.txt has sources/*.toml metadata and a gold/*.toml file, and nothing is left over;
- every .txt starts with "# source:" and "# title:" lines; the text is what follows them;
- metadata parses, has title/kind/publisher/url/licence (date optional, an ISO date at some
  precision) and no `source` key, nor any key outside these;
- gold parses, names its source, has only the six tables of docs/gold.md with their keys;
- every quote occurs verbatim in the text;
- every entity name and alias occurs in the text (ignoring case, a leading "the", punctuation and
  spacing); entity types, event types and predicates are those of docs/gold.md;
- every person, actor, speaker, subject, object and position org names an entity (name or alias);
- dates are ISO at some precision; statistic values are numbers; nothing is listed twice.
"""
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTITY_TYPES = {"Agency", "Organization", "Group", "Official", "Person", "Policy", "ExecutiveOrder",
                "Statute", "Agreement", "CourtCase", "Convention", "LegalInstrument", "Report", "Place"}
EVENT_TYPES = {"Announcement", "PolicyAnnouncement", "Signing", "ExecutiveOrderSigning", "ReportRelease",
               "Statement", "Testimony", "Warning", "Denial", "Criticism", "Hearing", "CourtOrder",
               "Lawsuit", "Charge", "Plea", "Conviction", "Sentencing", "Settlement", "Appointment",
               "Resignation", "Dismissal", "Investigation", "Protest", "EmergencyDeclaration", "Funding",
               "PracticeChange", "EnforcementAction"}
PREDICATES = {"subOrganizationOf", "failedToCoordinateWith", "reviews", "creator", "court"}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
KINDS = {"press-release", "report-summary", "statement", "letter", "court", "hearing", "news",
         "encyclopedia", "bill-summary"}
KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "date", "quote"}, {"actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm(s):
    s = s.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\W_]+", "", s)


def main():
    errors = []
    err = errors.append
    texts = sorted((ROOT / "sources").glob("*.txt"))
    ids = {p.stem for p in texts}
    for extra in sorted({p.stem for p in (ROOT / "sources").glob("*.toml")} - ids):
        err(f"metadata without text: {extra}")
    for extra in sorted({p.stem for p in (ROOT / "gold").glob("*.toml")} - ids):
        err(f"gold without text: {extra}")
    counts = {}
    for tp in texts:
        sid = tp.stem
        raw = tp.read_text(encoding="utf-8")
        lines = raw.split("\n")
        if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
            err(f"{sid}: header lines missing")
        text = "\n".join(lines[2:])
        ntext = norm(text)
        # metadata
        mp = tp.with_suffix(".toml")
        if not mp.exists():
            err(f"{sid}: no metadata")
        else:
            try:
                meta = tomllib.loads(mp.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as e:
                err(f"{sid}: metadata does not parse: {e}")
                meta = {}
            if "source" in meta:
                err(f"{sid}: metadata has a source key")
            for k in META_KEYS - {"date"}:
                if k not in meta:
                    err(f"{sid}: metadata lacks {k}")
            for k in set(meta) - META_KEYS:
                err(f"{sid}: metadata has unexpected key {k}")
            if "date" in meta and not DATE.match(str(meta["date"])):
                err(f"{sid}: metadata date {meta['date']!r} not ISO")
            if meta.get("kind") not in KINDS:
                err(f"{sid}: kind {meta.get('kind')!r}")
            if lines[0] != f"# source: {meta.get('url')}":
                err(f"{sid}: header url differs from metadata")
            if lines[1] != f"# title: {meta.get('title')}":
                err(f"{sid}: header title differs from metadata")
        # gold
        gp = ROOT / "gold" / f"{sid}.toml"
        if not gp.exists():
            err(f"{sid}: no gold")
            continue
        try:
            gold = tomllib.loads(gp.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            err(f"{sid}: gold does not parse: {e}")
            continue
        if gold.get("source") != sid:
            err(f"{sid}: gold source is {gold.get('source')!r}")
        for k in set(gold) - set(KEYS) - {"source"}:
            err(f"{sid}: gold has unexpected table {k}")
        names = {}
        for kind, (req, opt) in KEYS.items():
            rows = gold.get(kind, [])
            counts.setdefault(kind, 0)
            counts[kind] += len(rows)
            seen = set()
            for r in rows:
                for k in req - set(r):
                    err(f"{sid}: {kind} lacks {k}: {r}")
                for k in set(r) - req - opt:
                    err(f"{sid}: {kind} has unexpected key {k}: {r}")
                key = repr(sorted(r.items()))
                if key in seen:
                    err(f"{sid}: {kind} listed twice: {r}")
                seen.add(key)
                if "quote" in r and r["quote"] not in text:
                    err(f"{sid}: {kind} quote not in text: {r['quote']!r}")
        for e in gold.get("entity", []):
            if e.get("type") not in ENTITY_TYPES:
                err(f"{sid}: entity type {e.get('type')!r}")
            for n in [e.get("name", "")] + e.get("aliases", []):
                if norm(n) not in ntext:
                    err(f"{sid}: entity name not in text: {n!r}")
                if norm(n) in names and names[norm(n)] != e["name"]:
                    err(f"{sid}: name {n!r} used by two entities")
                names[norm(n)] = e["name"]
        if len({e["name"] for e in gold.get("entity", [])}) != len(gold.get("entity", [])):
            err(f"{sid}: an entity is listed twice")

        def ref(v, what):
            if norm(v) not in names:
                err(f"{sid}: {what} {v!r} is no entity name or alias")

        for p in gold.get("position", []):
            ref(p["person"], "position person")
            if "org" in p:
                ref(p["org"], "position org")
            for k in ("start", "end"):
                if k in p and not DATE.match(p[k]):
                    err(f"{sid}: position {k} {p[k]!r} not ISO")
        for ev in gold.get("event", []):
            if ev["type"] not in EVENT_TYPES:
                err(f"{sid}: event type {ev['type']!r}")
            if not DATE.match(ev["date"]):
                err(f"{sid}: event date {ev['date']!r} not ISO")
            if "actor" in ev:
                ref(ev["actor"], "event actor")
        for st in gold.get("statistic", []):
            if isinstance(st["value"], bool) or not isinstance(st["value"], (int, float)):
                err(f"{sid}: statistic value {st['value']!r} is no number")
        for rel in gold.get("relation", []):
            ref(rel["subject"], "relation subject")
            ref(rel["object"], "relation object")
            if rel["predicate"] not in PREDICATES:
                err(f"{sid}: predicate {rel['predicate']!r}")
        for c in gold.get("claim", []):
            ref(c["speaker"], "claim speaker")
    for e in errors:
        print("ERROR", e)
    print(f"{len(texts)} documents;", ", ".join(f"{v} {k}" for k, v in counts.items()))
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
