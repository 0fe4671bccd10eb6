"""Documents as users have them — PDF, web pages, Word — turned into the text a build stores.

The text a converter returns is what ``build/sources/<id>.txt`` holds, so every quote is a slice of
it, as for a plain-text source. PDF pages are separated by a form feed (``\\f``, as ``pdftotext``
does): the page of any offset is the number of form feeds before it, plus one (:func:`page_at`), so
the page travels with the text and needs no record of its own.

- **PDF**: pdfplumber (pdfminer.six), with the page read as a reader would (:func:`_page_lines`):
  lines grouped by height, a two-column stretch read left column first, running heads and footers
  (lines in the top or bottom margin that recur on other pages) and page numbers left out. Words
  hyphenated across lines stay as printed; :mod:`kg.layout` joins them, mapped back to the text.
- **HTML**: trafilatura, which keeps the article and leaves navigation, menus, cookie banners and
  footers out; its metadata gives the title, date, canonical address and site name.
- **Word** (``.docx``): python-docx, paragraphs and tables in document order, a table row a line.

README ("Documents: PDF, HTML, Word") gives the measurements that chose these libraries.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import SkippedSource

#: File name endings kg reads, and what each holds.
KINDS = {".txt": "text", ".pdf": "PDF", ".html": "HTML", ".htm": "HTML", ".docx": "Word"}

_MARGIN = 0.08  # running heads and footers sit in the top and bottom 8 % of a page
_PAGE_NUMBER = re.compile(r"^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s+of\s+\d{1,4})?$", re.IGNORECASE)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True)
class Converted:
    """A document's text (PDF pages separated by ``\\f``), the metadata it carries, and warnings."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def page_starts(text: str) -> tuple[int, ...]:
    """Where each page of a stored text starts, for a text with form-feed page breaks; () without.

    >>> page_starts("one\ftwo\fthree"), page_starts("no pages")
    ((0, 4, 8), ())
    """
    if "\f" not in text:
        return ()
    return (0, *(i + 1 for i, c in enumerate(text) if c == "\f"))


def page_at(text: str, offset: int) -> int | None:
    """The page (1-based) of an offset in a stored text with form-feed page breaks; None without any.

    >>> page_at("one\\ftwo\\fthree", 9), page_at("no pages", 3)
    (3, None)
    """
    if "\f" not in text:
        return None
    return text.count("\f", 0, offset) + 1


def sniff(raw: bytes) -> str | None:
    """What the bytes are by their content ("PDF", "Word", "HTML"), or None for anything else.

    >>> sniff(b"%PDF-1.7\\n..."), sniff(b"\\n<!DOCTYPE html><html>"), sniff(b"Plain words.")
    ('PDF', 'HTML', None)
    """
    if b"%PDF-" in raw[:1024]:  # the PDF header may follow up to 1 KB of junk (PDF 32000-1, 7.5.2)
        return "PDF"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                return "Word" if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or re.search(rb"<(html|head|body)[\s>]", head):
        return "HTML"
    return None


def convert(path: Path, raw: bytes, kind: str) -> Converted:
    """The text and metadata of a PDF, HTML or Word file; :class:`SourceError` if it cannot be read."""
    if kind == "PDF":
        return _pdf(path, raw)
    if kind == "HTML":
        return _html(path, raw)
    if kind == "Word":
        return _docx(path, raw)
    raise ValueError(f"not a document kind: {kind}")


def _pdf(path: Path, raw: bytes) -> Converted:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
            info = {k: _pdf_str(v) for k, v in pdf.metadata.items()}
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, PDFPasswordIncorrect):
            problem = "is an encrypted PDF (it needs a password); skipped: save an unprotected copy"
            raise SkippedSource(path, problem) from e
        raise _damaged(path, "PDF", cause) from e
    except Exception as e:  # pdfminer raises many kinds on broken files; all mean the same to a user
        raise _damaged(path, "PDF", e) from e
    if not pages or not any(pages):
        raise SkippedSource(path, "is a PDF with no text layer (a scanned document?); kg does no OCR; skipped")
    pages = _without_running_lines(pages)
    meta = {"title": info.get("Title", ""), "publisher": info.get("Author", "")}
    m = _PDF_DATE.match(info.get("CreationDate", ""))
    if m:
        meta["date"] = "-".join(g for g in m.groups() if g)
    text = "\f".join("\n".join(line for line, _ in lines) for lines in pages) + "\n"
    return Converted(text, {k: v.strip() for k, v in meta.items() if v.strip()})


def _damaged(path: Path, kind: str, e: BaseException) -> SkippedSource:
    """A file that cannot be read is left out, and the other documents are still built (an error
    with ``--strict``): one broken download must not stop a folder of reports."""
    return SkippedSource(path, f"is a damaged {kind} file that cannot be read ({type(e).__name__}: {e}); skipped")


def _pdf_str(value: Any) -> str:
    """A PDF info value as text (pdfminer gives bytes, PDF strings or names)."""
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1")
    return value if isinstance(value, str) else ""


# A line of a page: its text and whether it sits in the top or bottom margin (a candidate running line).
Line = tuple[str, bool]


def _page_lines(page: Any) -> list[Line]:
    """A page's lines in reading order: full-width lines as they come, a two-column stretch left
    column first. Words are grouped into lines by their top; a stretch is in two columns when no word
    crosses the page's gutter (the widest vertical gap in its middle third)."""
    words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
    rows: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    gutter = _gutter(rows, float(page.width))
    height = float(page.height)
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    bottoms: dict[int, float] = {}  # per stream (id of its list): the bottom of its last line

    def gap(stream: list[Line], ws: list[dict[str, Any]]) -> None:
        """A blank line where more than half a line's height of space separates it from the last
        (a paragraph or a heading ends there: sentences do not run on across it)."""
        top, bottom = min(w["top"] for w in ws), max(w["bottom"] for w in ws)
        last = bottoms.get(id(stream))
        if stream and last is not None and top - last > (bottom - top) / 2 and stream[-1][0]:
            stream.append(("", False))
        bottoms[id(stream)] = bottom

    def flush() -> None:
        for side in (left, right):
            if side and out and out[-1][0]:
                out.append(("", False))
            out.extend(side)
            bottoms[id(out)] = max(bottoms.get(id(out), 0.0), bottoms.get(id(side), 0.0))
        left.clear()
        right.clear()

    for row in rows:
        row.sort(key=lambda w: w["x0"])
        margin = row[0]["top"] < height * _MARGIN or row[0]["bottom"] > height * (1 - _MARGIN)
        split = gutter is not None and not margin and not any(w["x0"] < gutter < w["x1"] for w in row)
        if not split or gutter is None:
            flush()
            gap(out, row)
            out.append((" ".join(w["text"] for w in row), margin))
            continue
        for side, ws in ((left, [w for w in row if w["x1"] <= gutter]), (right, [w for w in row if w["x0"] >= gutter])):
            if ws:
                gap(side, ws)
                side.append((" ".join(w["text"] for w in ws), False))
    flush()
    return out


def _gutter(rows: list[list[dict[str, Any]]], width: float) -> float | None:
    """The middle of the widest vertical band in the middle third of the page that at most a quarter
    of the lines cross (titles, footnotes and page numbers run across a gutter), if it is at least 6
    points wide; None for a page in one column."""
    lo, hi = int(width / 3), int(2 * width / 3)
    crossing = [0] * (hi - lo)
    for row in rows:
        for w in row:
            for x in range(max(lo, int(w["x0"])), min(hi, int(w["x1"]) + 1)):
                crossing[x - lo] += 1
    best, run = (0, 0), 0
    for i, n in enumerate(crossing):
        run = run + 1 if n * 4 <= len(rows) else 0
        if run > best[1]:
            best = (i - run + 1, run)
    if best[1] < 6:
        return None
    gutter = lo + best[0] + best[1] / 2
    # Two columns need lines on both sides of it: a page of short lines has a gap but no columns.
    both = sum(
        1
        for row in rows
        if any(w["x1"] <= gutter for w in row)
        and any(w["x0"] >= gutter for w in row)
        and not any(w["x0"] < gutter < w["x1"] for w in row)
    )
    return gutter if both >= 3 else None


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages less page numbers and margin lines that recur (digits aside) on another page."""

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().lower())

    recurring = Counter(shape(t) for lines in pages for t in {t for t, m in lines if m})
    out: list[list[Line]] = []
    for lines in pages:
        kept: list[Line] = []
        for t, m in lines:
            if m and (_PAGE_NUMBER.match(t.strip()) or (len(pages) > 1 and recurring[shape(t)] > 1)):
                continue
            if t or (kept and kept[-1][0]):  # no blank line first or twice in a row
                kept.append((t, m))
        out.append(kept[:-1] if kept and not kept[-1][0] else kept)
    return out


def _html(path: Path, raw: bytes) -> Converted:
    import trafilatura

    html = raw.decode("utf-8-sig", "replace")
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, deduplicate=False, with_metadata=False
    )
    if not text or not text.strip():
        raise SkippedSource(path, "is a web page with no article text found; skipped")
    doc = trafilatura.extract_metadata(html, extensive=False)
    meta: dict[str, str] = {}
    if doc is not None:
        for key, value in (("title", doc.title), ("date", doc.date), ("url", doc.url), ("publisher", doc.sitename)):
            if isinstance(value, str) and value.strip():
                meta[key] = value.strip()
    # trafilatura gives a paragraph (or heading) a line; a blank line between them keeps a headline
    # without a full stop out of the sentence that follows it.
    return Converted(text.strip().replace("\n", "\n\n") + "\n", meta)


def _docx(path: Path, raw: bytes) -> Converted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors... on a broken package
        raise _damaged(path, "Word", e) from e
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            blocks.extend("\t".join(cell.text.strip() for cell in row.cells) for row in item.rows)
    props = document.core_properties
    meta = {"title": props.title or "", "publisher": props.author or ""}
    when = props.created
    if when is not None:
        meta["date"] = when.date().isoformat()
    return Converted("\n".join(blocks).strip() + "\n", {k: v.strip() for k, v in meta.items() if v.strip()})
