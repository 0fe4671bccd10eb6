"""Check the healthcare-gov corpus: sources, metadata and gold (Python 3.11+, standard library only).

Checks that every gold file parses and names its source; every quote occurs verbatim in its source
text (the text after the "# source:" and "# title:" lines); every entity name and alias occurs in
the text (ignoring case, a leading "the", punctuation and spacing); every person, actor, speaker,
subject, object and position org names an entity or alias of the same file; entity types, event
types and relation predicates are those docs/gold.md lists; dates are ISO dates at some precision;
statistic values are numbers; nothing is listed twice; every metadata file has the keys the corpora
use (no "source" key), a kind from the list the brief gives and an ISO date if any.
Run: python3 tools/check.py   (exit status 1 on any problem)
"""
import datetime
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
META_REQUIRED = {"title", "kind", "publisher", "url", "licence"}
KEYS = {
    "entity": ({"name", "type"}, {"aliases"}),
    "position": ({"person", "post", "quote"}, {"org", "start", "end"}),
    "event": ({"type", "quote"}, {"date", "actor"}),
    "statistic": ({"value", "quote"}, {"qualifier", "counted"}),
    "relation": ({"subject", "predicate", "object", "quote"}, set()),
    "claim": ({"speaker", "quote"}, set()),
}

problems: list[str] = []


def problem(where: str, what: str) -> None:
    problems.append(f"{where}: {what}")


def norm(name: str) -> str:
    s = name.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def iso(value: str) -> bool:
    for fmt, pattern in (("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y", r"\d{4}")):
        if re.fullmatch(pattern, value):
            try:
                datetime.datetime.strptime(value, fmt)
                return True
            except ValueError:
                return False
    return False


def source_text(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines[0].startswith("# source: ") or not lines[1].startswith("# title: "):
        problem(path.name, "first two lines must be '# source:' and '# title:'")
    return "\n".join(lines[2:])


def check_meta(path: Path) -> None:
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problem(path.name, f"does not parse: {exc}")
        return
    for key in META_REQUIRED - meta.keys():
        problem(path.name, f"missing key {key}")
    for key in meta.keys() - META_KEYS:
        problem(path.name, f"unexpected key {key}")
    if meta.get("kind") not in KINDS:
        problem(path.name, f"kind {meta.get('kind')!r} not one of {sorted(KINDS)}")
    if "date" in meta and not iso(str(meta["date"])):
        problem(path.name, f"date {meta['date']!r} is not ISO")
    txt = path.with_suffix(".txt")
    if txt.exists():
        first = txt.read_text(encoding="utf-8").split("\n")[0]
        if first != f"# source: {meta.get('url')}":
            problem(path.name, "url differs from the text's '# source:' line")


def check_gold(path: Path, counts: dict) -> None:
    where = path.name
    try:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        problem(where, f"does not parse: {exc}")
        return
    src = ROOT / "sources" / f"{gold.get('source')}.txt"
    if gold.get("source") != path.stem or not src.exists():
        problem(where, f"source {gold.get('source')!r} does not name its own sources/*.txt")
        return
    text = source_text(src)
    ntext = " " + norm(text) + " "
    for key in gold.keys() - {"source"} - KEYS.keys():
        problem(where, f"unexpected table {key}")
    names: set[str] = set()
    seen_names: set[str] = set()
    for i, ent in enumerate(gold.get("entity", [])):
        for nm in [ent.get("name", "")] + list(ent.get("aliases", [])):
            n = norm(nm)
            if f" {n} " not in ntext:
                problem(where, f"entity name/alias {nm!r} does not occur in the text")
            if n in seen_names:
                problem(where, f"entity name/alias {nm!r} listed twice")
            seen_names.add(n)
            names.add(n)
        if ent.get("type") not in ENTITY_TYPES:
            problem(where, f"entity {ent.get('name')!r}: type {ent.get('type')!r} not allowed")
    for kind, (required, optional) in KEYS.items():
        seen = set()
        for i, row in enumerate(gold.get(kind, [])):
            tag = f"{kind} {i + 1}"
            for key in required - row.keys():
                problem(where, f"{tag}: missing {key}")
            for key in row.keys() - required - optional:
                problem(where, f"{tag}: unexpected key {key}")
            if kind == "entity":
                continue
            counts[kind] = counts.get(kind, 0) + 1
            frozen = tuple(sorted((k, str(v)) for k, v in row.items()))
            if frozen in seen:
                problem(where, f"{tag}: listed twice")
            seen.add(frozen)
            quote = row.get("quote", "")
            if quote not in text:
                problem(where, f"{tag}: quote not in text: {quote[:60]!r}")
            for ref in ("person", "actor", "speaker", "subject", "object", "org"):
                if ref in row and norm(row[ref]) not in names:
                    problem(where, f"{tag}: {ref} {row[ref]!r} names no entity of this file")
            for dk in ("date", "start", "end"):
                if dk in row and not iso(str(row[dk])):
                    problem(where, f"{tag}: {dk} {row[dk]!r} is not ISO")
            if kind == "event":
                if row.get("type") not in EVENT_TYPES:
                    problem(where, f"{tag}: event type {row.get('type')!r} not allowed")
                counts.setdefault("event types", {}).setdefault(row.get("type"), 0)
                counts["event types"][row.get("type")] += 1
            if kind == "relation":
                if row.get("predicate") not in PREDICATES:
                    problem(where, f"{tag}: predicate {row.get('predicate')!r} not allowed")
                counts.setdefault("predicates", {}).setdefault(row.get("predicate"), 0)
                counts["predicates"][row.get("predicate")] += 1
            if kind == "statistic" and (isinstance(row.get("value"), bool)
                                        or not isinstance(row.get("value"), (int, float))):
                problem(where, f"{tag}: value {row.get('value')!r} is not a number")
    for ent in gold.get("entity", []):
        counts.setdefault("entity types", {}).setdefault(ent.get("type"), 0)
        counts["entity types"][ent.get("type")] += 1
        counts["entity"] = counts.get("entity", 0) + 1


def main() -> int:
    counts: dict = {}
    metas = sorted((ROOT / "sources").glob("*.toml"))
    texts = sorted((ROOT / "sources").glob("*.txt"))
    golds = sorted((ROOT / "gold").glob("*.toml"))
    stems = {p.stem for p in texts}
    if {p.stem for p in metas} != stems or {p.stem for p in golds} != stems:
        problem("corpus", "sources/*.txt, sources/*.toml and gold/*.toml do not pair up")
    for p in texts:
        source_text(p)
    for p in metas:
        check_meta(p)
    for p in golds:
        check_gold(p, counts)
    for line in problems:
        print("PROBLEM", line)
    print(f"{len(texts)} documents, {len(golds)} gold files")
    print(f"entities: {counts.get('entity', 0)} {dict(sorted(counts.get('entity types', {}).items(), key=lambda kv: -kv[1]))}")
    facts = sum(counts.get(k, 0) for k in ("position", "event", "statistic", "relation", "claim"))
    print(f"facts: {facts}; positions {counts.get('position', 0)}, events {counts.get('event', 0)} "
          f"{counts.get('event types', {})}, statistics {counts.get('statistic', 0)}, relations "
          f"{counts.get('relation', 0)} {counts.get('predicates', {})}, claims {counts.get('claim', 0)}")
    print("all checks pass" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
