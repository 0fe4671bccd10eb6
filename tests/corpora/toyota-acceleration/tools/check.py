"""Check the toyota-acceleration corpus's gold and metadata files (standard library only, Python 3.11).

Checks: every gold and metadata file parses with tomllib and has only the known keys; every quote
occurs verbatim in its source text (after the two header lines); every entity name and alias occurs
in the text (ignoring case, a leading "the", punctuation and spacing); every person, actor, speaker,
subject, object and position org names an entity or alias of the same file; entity types, event
types and predicates are those of docs/gold.md; dates are ISO at some precision; statistic values
are numbers; nothing is listed twice; metadata kinds are those of the example corpus.
"""
import datetime
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
KINDS = {"report-summary", "statement", "press-release", "court", "encyclopedia", "news", "hearing", "letter"}
KEYS = {
    "entity": {"name", "type", "aliases"},
    "position": {"person", "post", "org", "start", "end", "quote"},
    "event": {"type", "date", "actor", "quote"},
    "statistic": {"value", "qualifier", "counted", "quote"},
    "relation": {"subject", "predicate", "object", "quote"},
    "claim": {"speaker", "quote"},
}
META_KEYS = {"title", "kind", "publisher", "date", "url", "licence"}
errors: list[str] = []


def norm(s: str) -> str:
    s = s.lower().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[\W_]+", "", s)


def iso(d: str) -> bool:
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.datetime.strptime(d, fmt)
            return True
        except ValueError:
            pass
    return False


def check_gold(path: pathlib.Path) -> None:
    g = tomllib.loads(path.read_text(encoding="utf-8"))
    src_id = g.get("source")
    if src_id != path.stem:
        errors.append(f"{path.name}: source {src_id!r} is not the file name")
    txt_path = ROOT / "sources" / f"{path.stem}.txt"
    lines = txt_path.read_text(encoding="utf-8").split("\n")
    if not (lines[0].startswith("# source: ") and lines[1].startswith("# title: ")):
        errors.append(f"{txt_path.name}: bad header")
    text = "\n".join(lines[2:])
    ntext = norm(text)
    for k in g:
        if k != "source" and k not in KEYS:
            errors.append(f"{path.name}: unknown table {k}")
    names: set[str] = set()
    seen_names: set[str] = set()
    for e in g.get("entity", []):
        if set(e) - KEYS["entity"]:
            errors.append(f"{path.name}: entity keys {set(e) - KEYS['entity']}")
        if e["type"] not in ENTITY_TYPES:
            errors.append(f"{path.name}: entity type {e['type']}")
        for n in [e["name"], *e.get("aliases", [])]:
            if norm(n) not in ntext:
                errors.append(f"{path.name}: name not in text: {n!r}")
            if norm(n) in seen_names:
                errors.append(f"{path.name}: name listed twice: {n!r}")
            seen_names.add(norm(n))
            names.add(norm(n))
    seen: set[tuple] = set()
    for kind in ("position", "event", "statistic", "relation", "claim"):
        for f in g.get(kind, []):
            extra = set(f) - KEYS[kind]
            if extra:
                errors.append(f"{path.name}: {kind} keys {extra}")
            q = f.get("quote")
            if not q:
                errors.append(f"{path.name}: {kind} without quote")
            elif q not in text:
                errors.append(f"{path.name}: quote not in text: {q!r}")
            key = (kind, tuple(sorted((k, str(v)) for k, v in f.items())))
            if key in seen:
                errors.append(f"{path.name}: {kind} listed twice: {q!r}")
            seen.add(key)
            for ref in ("person", "actor", "speaker", "subject", "object", "org"):
                if ref in f and norm(f[ref]) not in names:
                    errors.append(f"{path.name}: {kind} {ref} names no entity: {f[ref]!r}")
            for dk in ("date", "start", "end"):
                if dk in f and not iso(f[dk]):
                    errors.append(f"{path.name}: bad date {f[dk]!r}")
            if kind == "event":
                if f.get("type") not in EVENT_TYPES:
                    errors.append(f"{path.name}: event type {f.get('type')}")
                if "date" not in f:
                    errors.append(f"{path.name}: event without date: {q!r}")
            if kind == "relation" and f.get("predicate") not in PREDICATES:
                errors.append(f"{path.name}: predicate {f.get('predicate')}")
            if kind == "statistic" and not isinstance(f.get("value"), (int, float)):
                errors.append(f"{path.name}: statistic value not a number: {f.get('value')!r}")


def check_meta(path: pathlib.Path) -> None:
    m = tomllib.loads(path.read_text(encoding="utf-8"))
    if set(m) - META_KEYS:
        errors.append(f"{path.name}: metadata keys {set(m) - META_KEYS}")
    for k in ("title", "kind", "publisher", "url", "licence"):
        if k not in m:
            errors.append(f"{path.name}: no {k}")
    if m.get("kind") not in KINDS:
        errors.append(f"{path.name}: kind {m.get('kind')}")
    if "date" in m and not iso(m["date"]):
        errors.append(f"{path.name}: bad date {m['date']!r}")
    txt = (ROOT / "sources" / f"{path.stem}.txt").read_text(encoding="utf-8").split("\n")
    if txt[0] != f"# source: {m.get('url')}":
        errors.append(f"{path.name}: url differs from the text's source line")
    if txt[1] != f"# title: {m.get('title')}":
        errors.append(f"{path.name}: title differs from the text's title line")


def main() -> int:
    golds = sorted((ROOT / "gold").glob("*.toml"))
    metas = sorted((ROOT / "sources").glob("*.toml"))
    if {p.stem for p in golds} != {p.stem for p in metas}:
        errors.append("gold and metadata files do not pair up")
    for p in golds:
        check_gold(p)
    for p in metas:
        check_meta(p)
    for e in errors:
        print(e)
    print(f"{len(golds)} gold files, {len(metas)} metadata files: {'FAIL' if errors else 'all checks pass'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
