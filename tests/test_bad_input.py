"""Bad input: every case names the file and the problem, and the previous build survives.

Each case writes files into a throw-away project that already has a good build, runs ``kg build``
through the real CLI, and checks the exit code, the message and that ``build/`` is unchanged.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.api import Graph
from kg.cli import main
from kg.model import SourceMeta
from kg.sources import MAX_SENTENCE_CHARS, document_from_text

GOOD = b"The Department of Justice (DOJ) issued the policy on April 6, 2018.\n"
DOCUMENTS = Path(__file__).parent / "cases" / "documents"
PDF = (DOCUMENTS / "oig-review.pdf").read_bytes()
HTML = (DOCUMENTS / "oversight-press-release.html").read_bytes()


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


DAMAGED_DOCX = _zip({"word/document.xml": b"<w:document>not closed", "[Content_Types].xml": b"<Types/>"})

# name -> (files to add under data/sources, exit code, words the message must contain)
SOURCE_CASES: dict[str, tuple[dict[str, bytes], int, list[str]]] = {
    "empty": ({"empty.txt": b""}, 0, ["empty.txt", "is empty; skipped"]),
    "whitespace-only": ({"blank.txt": b" \n\t\n  \n"}, 0, ["blank.txt", "only white space; skipped"]),
    "bom-only": ({"bom.txt": b"\xef\xbb\xbf"}, 0, ["bom.txt", "only a byte-order mark; skipped"]),
    "header-only": ({"head.txt": b"# source: https://example.org/a\n# title: A\n"}, 0, ["head.txt", "only a header"]),
    "binary": ({"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, 1, ["image.txt", "binary file", "NUL"]),
    "nul-byte": ({"nul.txt": GOOD + b"Second line\x00 here"}, 1, ["nul.txt", "NUL byte at line 2, column 12"]),
    "latin-1": ({"latin.txt": b"caf\xe9 au lait"}, 1, ["latin.txt", "not valid UTF-8 at line 1, column 4"]),
    "mixed-encodings": (
        {"mixed.txt": "Line one is UTF-8: ‘quoted’.\n".encode() + b"Line two is Latin-1: na\xefve.\n"},
        1,
        ["mixed.txt", "not valid UTF-8 at line 2, column 24", "0xef"],
    ),
    "lone-surrogate": ({"sur.txt": b"A lone surrogate \xed\xa0\x80 here."}, 1, ["sur.txt", "not valid UTF-8"]),
    "utf-16": ({"wide.txt": "DOJ said so.".encode("utf-16")}, 1, ["wide.txt", "UTF-16"]),
    "invalid-toml": ({"m.txt": GOOD, "m.toml": b'title = "unclosed\n'}, 1, ["m.toml", "invalid TOML", "line 1"]),
    "surrogate-escape-in-toml": ({"m.txt": GOOD, "m.toml": b'title = "\\ud800"\n'}, 1, ["m.toml", "Unicode scalar"]),
    "unknown-metadata-key": ({"m.txt": GOOD, "m.toml": b'author = "x"\n'}, 1, ["m.toml", "unknown metadata key"]),
    "non-string-metadata": ({"m.txt": GOOD, "m.toml": b"date = 2021-01-01\n"}, 1, ["m.toml", "must be strings"]),
    "bad-date": ({"m.txt": GOOD, "m.toml": b'date = "5 May"\n'}, 1, ["m.toml", "date '5 May'"]),
    "bad-url": ({"m.txt": GOOD, "m.toml": b'url = "http://a b/<c>"\n'}, 1, ["m.toml", "url", "not an absolute"]),
    "bad-header-url": ({"h.txt": b"# source: not a url\n" + GOOD}, 1, ["h.txt: line 1: url 'not a url'"]),
    "unknown-speaker": ({"m.txt": GOOD, "m.toml": b'speaker = "nobody"\n'}, 1, ["m.toml", "not an id in the"]),
    "bad-file-name": ({"Café!.txt": GOOD}, 1, ["Café!.txt", "use letters, digits and '-'"]),
    "duplicate-id": ({"a/dup.txt": GOOD, "b/DUP.txt": GOOD}, 1, ["DUP.txt", "duplicate source id 'dup'", "a/dup.txt"]),
    "metadata-only-in-toml": ({"plain.txt": GOOD}, 0, []),
    "source-line-with-a-note": (
        {"note.txt": b"# source: https://example.org/page (reproduced from the agency)\n" + GOOD},
        0,
        ["note.txt: line 1", "words after the address", "(reproduced from the agency)"],
    ),
    "files-kg-cannot-read": (
        {"scan.png": b"\x89PNG\r\n\x1a\n", "notes.rtf": b"{\\rtf1 x}", "sub/sheet.xlsx": b"PK"},
        0,
        ["3 file(s) of a kind kg cannot read", "notes.rtf, scan.png, sub/sheet.xlsx"],
    ),
    "pdf-named-txt": ({"report.txt": PDF}, 0, ["report.txt", "holds PDF, not text", "read as PDF"]),
    "html-named-txt": ({"page.txt": HTML}, 0, ["page.txt", "holds HTML, not text", "read as HTML"]),
    "text-named-pdf": ({"fake.pdf": GOOD}, 1, ["fake.pdf", "is not a PDF", "does not start with %PDF-"]),
    "damaged-pdf": ({"cut.pdf": PDF[: len(PDF) // 2]}, 0, ["cut.pdf", "is a damaged PDF file", "skipped"]),
    "encrypted-pdf": ({"locked.pdf": (DOCUMENTS / "encrypted.pdf").read_bytes()}, 0, ["locked.pdf", "encrypted PDF"]),
    "damaged-docx": ({"memo.docx": DAMAGED_DOCX}, 0, ["memo.docx", "is a damaged Word file", "skipped"]),
    "scanned-pdf": ({"scan.pdf": (DOCUMENTS / "scanned.pdf").read_bytes()}, 0, ["scan.pdf", "no text layer", "no OCR"]),
    "not-a-docx": ({"memo.docx": b"PK\x03\x04 not a zip"}, 1, ["memo.docx", "is not a Word (.docx) file"]),
}


@pytest.fixture()
def built(project: Path, founding: tuple[Graph, Path]) -> Path:
    """The throw-away project with a good build already in ``build/`` (copied, not rebuilt)."""
    shutil.copytree(founding[1], project / "build")
    return project


def snapshot(build: Path) -> dict[str, bytes]:
    return {p.relative_to(build).as_posix(): p.read_bytes() for p in sorted(build.rglob("*")) if p.is_file()}


def run(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["build", str(project), *args])


def assert_previous_build_intact(project: Path, before: dict[str, bytes]) -> None:
    assert snapshot(project / "build") == before
    assert {p.name for p in project.iterdir() if p.name.startswith(".build")} <= {".build.lock"}


@pytest.mark.parametrize("case", sorted(SOURCE_CASES))
def test_bad_source(built: Path, case: str) -> None:
    files, code, words = SOURCE_CASES[case]
    for rel, data in files.items():
        path = built / "data/sources" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    before = snapshot(built / "build")
    result = run(built)
    assert result.exit_code == code, result.output
    for w in words:
        assert w in result.output, (w, result.output)
    if code:
        assert_previous_build_intact(built, before)
    elif words:  # a warning: the build goes on, and --strict makes it an error
        strict = run(built, "--strict")
        assert strict.exit_code == 1 and words[0] in strict.output, strict.output


def test_a_source_without_metadata_takes_its_id_as_title(built: Path) -> None:
    (built / "data/sources/plain.txt").write_bytes(GOOD)
    assert run(built).exit_code == 0
    assert "plain" in json.loads((built / "build/report.json").read_text())["sources"]
    assert '"plain"' in (built / "build/kg.ttl").read_text(encoding="utf-8")


def test_every_bad_file_is_listed_at_once(built: Path) -> None:
    for name, data in {"one.txt": b"\xff", "two.txt": b"\x00", "three.txt": b""}.items():
        (built / "data/sources" / name).write_bytes(data)
    result = run(built, "--strict")
    assert result.exit_code == 1
    assert "3 source files cannot be used" in result.output
    for name in ("one.txt", "two.txt", "three.txt"):
        assert name in result.output


def test_all_sources_skipped_is_an_error(project: Path) -> None:
    for p in (project / "data/sources").iterdir():
        p.unlink()
    (project / "data/sources/empty.txt").write_bytes(b"")
    result = run(project)
    assert result.exit_code == 1 and "no usable source files: all 1 were skipped" in result.output


def test_a_50_mb_source_is_refused_quickly(built: Path) -> None:
    text = GOOD.decode() * (50_000_000 // len(GOOD) + 1)
    (built / "data/sources/huge.txt").write_text(text, encoding="utf-8")
    before = snapshot(built / "build")
    result = run(built)  # refused from its size, before it is read (bench/ measures speed)
    assert result.exit_code == 1
    assert "huge.txt: is 50.0 MB, over the 4 MB limit" in result.output and "--max-source-mb" in result.output
    assert_previous_build_intact(built, before)


def test_a_5_mb_single_line_is_refused_quickly(built: Path) -> None:
    line = GOOD.decode().strip() + " "
    (built / "data/sources/one-line.txt").write_text(line * (5_000_000 // len(line)), encoding="utf-8")
    result = run(built)
    assert result.exit_code == 1 and "one-line.txt: is 5.0 MB" in result.output


def test_a_5_mb_single_line_splits_in_linear_time() -> None:
    """The text stages stay linear on one 5 MB line, with or without sentence ends."""
    meta = SourceMeta("x", "x", Path("x.txt"))
    for unit in ("The Department of Justice (DOJ) said so on May 4, 2018. ", "Aaa Bbb, Ccc and ", "a" * 7 + " "):
        text = unit * (5_000_000 // len(unit))
        doc, warnings = document_from_text(meta, text)  # a quadratic stage would not finish in CI's time
        assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in doc.sentences)
        assert bool(warnings) == (not unit.endswith(". "))


def test_a_long_run_on_line_builds_with_a_warning(built: Path) -> None:
    """50 kB without a sentence end: built in reasonable time, the run-on sentence not read for facts."""
    unit = "Attorney General Jeff Sessions and the Department of Justice and Aaa Bbb Ccc "
    (built / "data/sources/run-on.txt").write_text(unit * (50_000 // len(unit)), encoding="utf-8")
    result = run(built)
    assert result.exit_code == 0, result.output
    assert "run-on.txt: line 1: a sentence of 49," in result.output and "is not read for facts" in result.output


# The gazetteer: each case appends to (or replaces) the real one.
DOJ_TWIN = '[[entity]]\nid = "doj-twin"\ntype = "Agency"\nname = "Twin"\naliases = ["Justice Department"]\n'
GAZETTEER_CASES: dict[str, tuple[str, list[str]]] = {
    "same-alias-two-entities": (DOJ_TWIN, ["'Justice Department' is given to both 'doj' and 'doj-twin'"]),
    "same-alias-folded": (
        '[[entity]]\nid = "x"\ntype = "Agency"\nname = "justice department"\nfold_case = true\n',
        ["is given to both 'doj' and 'x'"],
    ),
    "unknown-type": ('[[entity]]\nid = "x"\ntype = "Spaceship"\nname = "X"\n', ["entity #", "(x)", "unknown type"]),
    "cycle-of-parents": (
        '[[entity]]\nid = "aa"\ntype = "Agency"\nname = "Aa Office"\nparent = "bb"\n'
        '[[entity]]\nid = "bb"\ntype = "Agency"\nname = "Bb Office"\nparent = "aa"\n',
        ["cycle of parents: aa → bb → aa"],
    ),
    "self-parent": ('[[entity]]\nid = "aa"\ntype = "Agency"\nname = "Aa"\nparent = "aa"\n', ["aa → aa"]),
    "unknown-parent": ('[[entity]]\nid = "aa"\ntype = "Agency"\nname = "Aa"\nparent = "zz"\n', ["unknown id 'zz'"]),
    "aliases-not-a-list": ('[[entity]]\nid = "aa"\ntype = "Agency"\nname = "Aa"\naliases = "A"\n', ["list of strings"]),
    "alias-without-letters": ('[[entity]]\nid = "aa"\ntype = "Agency"\nname = "Aa"\naliases = [" "]\n', ["no letter"]),
    "duplicate-id": ('[[entity]]\nid = "doj"\ntype = "Agency"\nname = "Again"\n', ["(doj)", "duplicate id"]),
    "syntax-error": ("[[entity]\n", ["invalid TOML", "line"]),
    "misspelt-table": ('[[entities]]\nid = "aa"\n', ["expected only [[entity]] tables"]),
}


@pytest.mark.parametrize("case", sorted(GAZETTEER_CASES))
def test_bad_gazetteer(built: Path, case: str) -> None:
    text, words = GAZETTEER_CASES[case]
    gaz = built / "data/gazetteer.toml"
    gaz.write_text(gaz.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
    before = snapshot(built / "build")
    result = run(built)
    assert result.exit_code == 1
    for w in ["gazetteer.toml", *words]:
        assert w in result.output, (w, result.output)
    assert_previous_build_intact(built, before)


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_ontology_or_shapes_with_a_syntax_error(built: Path, name: str) -> None:
    path = built / "ontology" / name
    path.write_text(path.read_text(encoding="utf-8") + "\nkgo:Broken a owl:Class ;; <no closing\n", encoding="utf-8")
    before = snapshot(built / "build")
    result = run(built)
    assert result.exit_code == 1
    assert name in result.output and "syntax error" in result.output, result.output
    assert_previous_build_intact(built, before)


def test_missing_shapes_file(built: Path) -> None:
    (built / "ontology/shapes.ttl").unlink()
    result = run(built)
    assert result.exit_code == 1 and "shapes.ttl: is missing" in result.output


def test_an_out_folder_that_is_not_a_build_is_never_replaced(project: Path) -> None:
    (project / "notes").mkdir()
    (project / "notes/keep.txt").write_text("mine")
    result = CliRunner().invoke(main, ["build", str(project), "--out", str(project / "notes")])
    assert result.exit_code == 1 and "is not a kg build" in result.output
    assert (project / "notes/keep.txt").read_text() == "mine"
