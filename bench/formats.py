"""Which library reads PDF and HTML best, measured on kg's fixtures (tests/cases/documents/).

    python -m bench.formats

PDF: kg's reader (pdfplumber's words, read by column, running heads and page numbers dropped)
against pdfplumber's and pdfminer.six's own text, pypdfium2 and pypdf, on the report fixture as
drawn in reading order and as drawn out of it (footnote and right column first, as some layout
programs write a page). For each: the paragraphs that come out whole and in reading order, the
running heads and page numbers left in, and the time per document.

HTML: trafilatura (kg's choice) against jusText alone and lxml's whole-page text, on the press
release fixture: the article's sentences kept, the boilerplate strings (menu, cookie banner, related
links, footer) left in, and the time.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "documents"
PDFS = ["oig-review.pdf", "oig-review-drawn-out-of-order.pdf"]
HTML = "oversight-press-release.html"
#: The article's sentences, and the page's boilerplate, in the HTML fixture.
ARTICLE = [
    "Rep. Carolyn B. Maloney, the Chairwoman of the Committee on Oversight and Reform, wrote to Kevin McAleenan",
    "The Department of Homeland Security did not coordinate with the Department of Health and Human Services",
    "According to the Government Accountability Office, 2,654 children were separated from their parents.",
    "These families deserve answers, and the Committee will get them",
    "Jeff Sessions issued the zero tolerance policy in April 2018.",
]
BOILERPLATE = [
    "uses cookies", "Accept all cookies", "Subcommittees", "Contact the Committee", "Search the site",
    "Related news", "Staff Report on Border Facilities", "Share this", "Rayburn House Office Building",
    "All rights reserved", "Site Map",
]  # fmt: skip


def _flat(text: str) -> str:
    """Text with runs of white space as one space and words hyphenated across lines joined."""
    return re.sub(r"\s+", " ", re.sub(r"-\n(?=[a-z])", "", text)).strip()


def _paragraphs() -> list[str]:
    spec = importlib.util.spec_from_file_location("make_fixtures", CASES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    fx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fx)
    return [_flat(p) for p in (*fx.TITLE_PAGE[1:], *fx.LEFT, *fx.RIGHT, fx.FOOTNOTE, "\n".join(fx.LAST))]


def _kg(raw: bytes) -> str:
    from kg.formats import convert

    return convert(Path("x.pdf"), raw, "PDF").text


def _pdfplumber(raw: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return "\f".join(page.extract_text() for page in pdf.pages)


def _pdfminer(raw: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(io.BytesIO(raw), laparams=LAParams())


def _pypdfium2(raw: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(raw)
    return "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def _pypdf(raw: bytes) -> str:
    from pypdf import PdfReader

    return "\f".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages)


PDF_READERS: dict[str, Callable[[bytes], str]] = {
    "kg (pdfplumber words)": _kg,
    "pdfplumber extract_text": _pdfplumber,
    "pdfminer.six LAParams": _pdfminer,
    "pypdfium2": _pypdfium2,
    "pypdf": _pypdf,
}


def _in_order(text: str, paragraphs: list[str]) -> tuple[int, int]:
    """Paragraphs found whole, and how many of those come after the one before them (reading order)."""
    flat = _flat(text)
    at = [flat.find(p) for p in paragraphs]
    whole = [i for i in at if i >= 0]
    ordered = sum(1 for a, b in pairwise(whole) if a < b) + (1 if whole else 0)
    return len(whole), ordered


def _noise(text: str) -> int:
    """Running heads and page-number lines left in the text."""
    heads = text.count("21-028")
    numbers = sum(1 for line in text.splitlines() if re.fullmatch(r"\s*\d{1,3}\s*", line))
    return heads + numbers


def _timed(fn: Callable[[bytes], str], raw: bytes, repeat: int) -> tuple[str, float]:
    best = float("inf")
    text = ""
    for _ in range(repeat):
        t = time.perf_counter()
        text = fn(raw)
        best = min(best, time.perf_counter() - t)
    return text, best


def _lxml(raw: bytes) -> str:
    import lxml.html

    return str(lxml.html.fromstring(raw).text_content())


def _justext(raw: bytes) -> str:
    import justext

    paragraphs = justext.justext(raw, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _trafilatura(raw: bytes) -> str:
    from kg.formats import convert

    return convert(Path("x.html"), raw, "HTML").text


HTML_READERS: dict[str, Callable[[bytes], str]] = {
    "kg (trafilatura)": _trafilatura,
    "jusText": _justext,
    "lxml text_content": _lxml,
}


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m bench.formats", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per reader and file, the best kept (default: 5)")
    args = parser.parse_args(argv)
    paragraphs = _paragraphs()
    results: dict[str, dict[str, float]] = {}
    print(f"PDF: {len(paragraphs)} paragraphs per file; whole / in order / noise lines (goal: all, all, 0) / ms")
    print(f"   {'reader':<26}" + "".join(f"{name:>40}" for name in PDFS))
    for name, fn in PDF_READERS.items():
        cells = []
        for pdf in PDFS:
            text, s = _timed(fn, (CASES / pdf).read_bytes(), args.repeat)
            whole, ordered = _in_order(text, paragraphs)
            noise = _noise(text)
            results[f"{name} / {pdf}"] = {"whole": whole, "ordered": ordered, "noise": noise, "ms": s * 1000}
            met = "met" if whole == ordered == len(paragraphs) and noise == 0 else "NOT MET"
            cells.append(f"{whole:>3} {ordered:>3} {noise:>3} {s * 1000:>7.1f} ms  {met:>8}")
        print(f"   {name:<26}" + "".join(f"{c:>40}" for c in cells))
    raw = (CASES / HTML).read_bytes()
    print(f"\nHTML: {HTML}, article sentences kept (of {len(ARTICLE)}), boilerplate kept (of {len(BOILERPLATE)}), ms")
    for name, fn in HTML_READERS.items():
        text, s = _timed(fn, raw, args.repeat)
        flat = _flat(text)
        kept = sum(1 for a in ARTICLE if a in flat)
        noise = sum(1 for b in BOILERPLATE if b in flat)
        results[f"{name} / {HTML}"] = {"kept": kept, "noise": noise, "ms": s * 1000}
        met = "met" if kept == len(ARTICLE) and noise == 0 else "NOT MET"
        print(f"   {name:<26} {kept:>3} {noise:>3} {s * 1000:>7.1f} ms  goal (all kept, none left in): {met}")
    return results


if __name__ == "__main__":
    main()
