"""Source files → :class:`~kg.model.Document`.

A source is a UTF-8 text file ``<id>.txt``, a PDF, a web page (``.html``/``.htm``) or a Word file
(``.docx``) anywhere under the sources folder, with an optional metadata file ``<id>.toml`` beside
it (title, kind, publisher, date, url, licence, speaker, creator). PDF, HTML and Word files are
turned into text by :mod:`kg.formats`, and the metadata they carry fills what the ``.toml`` does not
give. A text file may instead start with ``# source: <address>`` and ``# title: <title>`` lines;
those lines are metadata and are not part of the stored text. Dropping in a new file is enough
to add a source. What a file holds is judged by its content, not only by its name: PDF or HTML
bytes in a ``.txt`` are read as what they are, with a warning.

Bad input (see README, "Bad input"): a file that cannot be read as UTF-8 text, is over
:data:`MAX_SOURCE_BYTES`, or has malformed metadata is an error that names the file (and the line
where it helps); a file with nothing to read is skipped with a warning; a sentence longer than
:data:`MAX_SENTENCE_CHARS` is left out of fact extraction with a warning. Every problem in every
file is reported, not just the first.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection
from pathlib import Path

from pyoxigraph import NamedNode

from kg.errors import SkippedSource, SourceError, SourceErrors
from kg.formats import KINDS, convert, sniff
from kg.layout import normalise
from kg.model import Document, SourceMeta, Span
from kg.sentences import find_noise, split_sentences

#: Sources over this size are refused: extraction time grows faster than the text.
MAX_SOURCE_BYTES = 4_000_000  # ~40 s of extraction on one core; a 500-page report is ~1.5 MB
#: A PDF, HTML or Word file may be this many times the limit: the limit is on the text it holds.
DOCUMENT_FILE_FACTOR = 25
#: A "sentence" longer than this (a table, a run-on line without stops) is not read for facts.
MAX_SENTENCE_CHARS = 5_000

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HEADER = re.compile(r"^# (source|title): (.*)$")
_META_KEYS = {"title", "kind", "publisher", "date", "url", "licence", "speaker", "creator"}
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+")


def source_id(path: Path) -> str:
    """The id of a source file: its name without its ending, lower-cased, ``_`` as ``-``.

    >>> source_id(Path("corpus/04_EO-13841.txt"))
    '04-eo-13841'
    """
    return path.stem.lower().replace("_", "-").replace(" ", "-")


def find_source_files(root: Path) -> list[Path]:
    """Every file below ``root`` kg reads (:data:`kg.formats.KINDS`) except READMEs, in a stable order."""
    return [p for p in _files(root) if p.suffix.lower() in KINDS and not _ignored(p)]


def unreadable_files(root: Path) -> list[Path]:
    """Files below ``root`` of a kind kg cannot read (not metadata, READMEs or hidden files)."""
    return [
        p for p in _files(root) if p.suffix.lower() not in KINDS and p.suffix.lower() != ".toml" and not _ignored(p)
    ]


def _files(root: Path) -> list[Path]:
    if not root.is_dir():
        raise SourceError(root, "sources folder does not exist")
    files = [p for p in root.rglob("*") if p.is_file() and not any(s[0] == "." for s in p.relative_to(root).parts)]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def _ignored(path: Path) -> bool:
    return path.stem.lower() in {"readme", "licence", "license"}


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM is dropped), newlines as ``\\n``, NFC-normalised."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from e
    return decode(raw, path)


def decode(raw: bytes, path: Path | str = "<text>") -> str:
    """Bytes of a text file → its text, or a :class:`SourceError` that says where the bytes go wrong.

    >>> decode(b"\\xef\\xbb\\xbfOne\\r\\nTwo")
    'One\\nTwo'
    >>> decode(b"ok\\ncaf\\xe9 au lait", "a.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.SourceError: a.txt: is not valid UTF-8 at line 2, column 4 (byte 0xe9: invalid ...); save it as UTF-8
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise SourceError(path, f"is a binary file, not plain text (a NUL byte at {_where(raw, nul)})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bad = f"byte 0x{raw[e.start]:02x}: {e.reason}"
        raise SourceError(path, f"is not valid UTF-8 at {_where(raw, e.start)} ({bad}); save it as UTF-8") from e
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _where(raw: bytes, i: int) -> str:
    """Line and column (1-based; the column counts characters) of byte ``i``."""
    line_start = raw.rfind(b"\n", 0, i) + 1
    column = len(raw[line_start:i].decode("utf-8", "replace")) + 1
    line = raw.count(b"\n", 0, i) + 1
    return f"line {line}, column {column}"


def _split_header(text: str, path: Path | str = "<text>") -> tuple[dict[str, str], str, list[Span], list[str]]:
    """Leading ``# source:`` / ``# title:`` lines as metadata, the text after them, the header's
    furniture (the whole ``# source:`` line and the ``# title:`` label: the title itself is text), and
    warnings: words after the address of a ``# source:`` line are a note, not part of it.

    >>> _split_header("# source: https://a.example/p (a copy)\\nText.", "a.txt")[0::3]
    ({'url': 'https://a.example/p'}, ['a.txt: line 1: words after the address in "# source:" are left out: (a copy)'])
    """
    header: dict[str, str] = {}
    furniture: list[Span] = []
    warnings: list[str] = []
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos : nl if nl >= 0 else len(text)]
        m = _HEADER.match(line)
        if not m:
            break
        value = m.group(2).strip()
        lineno = text.count("\n", 0, pos) + 1
        if m.group(1) == "source" and len(value.split(maxsplit=1)) > 1:
            value, note = value.split(maxsplit=1)
            if _is_address(value):  # an address and a note on it; otherwise it is no address at all
                warnings.append(f'{path}: line {lineno}: words after the address in "# source:" are left out: {note}')
            else:
                value = f"{value} {note}"
        if m.group(1) == "source" and value and not _is_address(value):
            raise SourceError(path, f"line {lineno}: " + _BAD_URL.format(url=value))
        header["url" if m.group(1) == "source" else "title"] = value
        furniture.append(Span(pos, pos + len(line) if m.group(1) == "source" else pos + m.start(2)))
        if nl < 0:
            pos = len(text)
            break
        pos = nl + 1
    return header, text[pos:], furniture, warnings


def _read_meta(path: Path) -> dict[str, str]:
    meta_path = path.with_suffix(".toml")
    if not meta_path.is_file():
        return {}
    try:
        data = tomllib.loads(read_text(meta_path))
    except tomllib.TOMLDecodeError as e:
        raise SourceError(meta_path, f"invalid TOML: {e}") from e
    unknown = sorted(set(data) - _META_KEYS)
    if unknown:
        raise SourceError(meta_path, f"unknown metadata key(s): {', '.join(unknown)}")
    bad = sorted(k for k, v in data.items() if not isinstance(v, str))
    if bad:
        raise SourceError(meta_path, f"metadata values must be strings: {', '.join(bad)}")
    return dict(data)


_BAD_URL = 'url {url!r} is not an absolute address (no spaces, no <>"{{}}|^`)'


def _is_address(url: str) -> bool:
    try:
        return bool(_URL.fullmatch(url)) and NamedNode(url).value == url
    except ValueError:
        return False


def _usable(key: str, value: str) -> bool:
    """Whether a metadata value a PDF, HTML or Word file carries passes :func:`_check_meta`.

    >>> _usable("url", "/news/relative"), _usable("date", "2019-07-12"), _usable("date", "July 2019")
    (False, True, False)
    """
    return _is_address(value) if key == "url" else bool(_DATE.match(value)) if key == "date" else True


def _check_meta(path: Path, meta: dict[str, str], known_ids: Collection[str] | None) -> None:
    where = path.with_suffix(".toml") if path.with_suffix(".toml").is_file() else path
    date = meta.get("date")
    if date and not _DATE.match(date):
        raise SourceError(where, f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    url = meta.get("url")
    if url and not _is_address(url):
        raise SourceError(where, _BAD_URL.format(url=url))
    for key in ("speaker", "creator"):
        ref = meta.get(key)
        if ref and known_ids is not None and ref not in known_ids:
            raise SourceError(where, f"{key} {ref!r} is not an id in the gazetteer")


def load_document(
    path: Path, *, max_bytes: int = MAX_SOURCE_BYTES, known_ids: Collection[str] | None = None
) -> tuple[Document, list[str]]:
    """Read one source file (and its metadata) into a :class:`Document`, with warnings.

    Raises :class:`SourceError` if the file cannot be used, :class:`SkippedSource` if it has no text.
    """
    sid = source_id(path)
    if not _ID.match(sid):
        raise SourceError(path, f"file name gives the id {sid!r}; use letters, digits and '-'")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from e
    named = KINDS.get(path.suffix.lower(), "text")
    if size > max_bytes * (1 if named == "text" else DOCUMENT_FILE_FACTOR):
        raise _too_big(path, size, max_bytes)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from e
    kind, warnings = _kind(path, raw, named)
    if kind == "text":
        text = decode(raw, path)
        header, body, furniture, header_warnings = _split_header(text, path)
        warnings += header_warnings
    else:
        converted = convert(path, raw, kind)
        text = body = converted.text
        if len(text.encode()) > max_bytes:
            raise _too_big(path, len(text.encode()), max_bytes, " of text")
        # What a file says of itself is a hint, never a reason to refuse it: unusable values are dropped.
        header = {k: v for k, v in converted.meta.items() if _usable(k, v)}
        furniture = []
        warnings += converted.warnings
    meta = {**header, **_read_meta(path)}
    _check_meta(path, meta, known_ids)
    if not body.strip():
        what = (
            "is empty"
            if size == 0
            else "has only a byte-order mark"
            if not text
            else "has only a header"
            if header
            else "has only white space"
        )
        raise SkippedSource(path, f"{what}; skipped")
    source_meta = SourceMeta(
        id=sid,
        title=meta.get("title") or sid,
        path=path,
        kind=meta.get("kind", "document"),
        publisher=meta.get("publisher", ""),
        date=meta.get("date") or None,
        url=meta.get("url", ""),
        licence=meta.get("licence", ""),
        speaker=meta.get("speaker") or None,
        creator=meta.get("creator") or None,
    )
    # The stored text is the whole file: a title line often names the report, its number, its author.
    document, text_warnings = document_from_text(source_meta, text, furniture)
    return document, warnings + text_warnings


def _too_big(path: Path, size: int, max_bytes: int, what: str = "") -> SourceError:
    return SourceError(
        path, f"is {size / 1e6:.1f} MB{what}, over the {max_bytes / 1e6:g} MB limit for one source; split it, "
        "or raise the limit with --max-source-mb"
    )  # fmt: skip


def _kind(path: Path, raw: bytes, named: str) -> tuple[str, list[str]]:
    """What to read the file as, by its content where that is clear, else by its name; a warning
    when the two differ, an error when a PDF or Word file is not one."""
    found = sniff(raw)
    if found is not None and found != named:
        return found, [f"{path}: holds {found}, not {named} as its name ({path.suffix}) says; read as {found}"]
    if found is None and named == "PDF":
        raise SourceError(path, f"is not a PDF: it does not start with %PDF- ({_looks_like(raw)})")
    if found is None and named == "Word":
        raise SourceError(
            path, f"is not a Word (.docx) file: it is not a zip package with word/document.xml ({_looks_like(raw)})"
        )
    return named, []


def _looks_like(raw: bytes) -> str:
    """A few words on what bytes look like, for a message."""
    if not raw:
        return "it is empty"
    if b"\x00" in raw[:4096]:
        return "it holds binary data"
    return f"it starts {raw[:16].decode('utf-8', 'replace')!r}"


def document_from_text(meta: SourceMeta, stored: str, furniture: Collection[Span] = ()) -> tuple[Document, list[str]]:
    """A text's :class:`Document`: its layout-normalised text, its noise (with ``furniture``, spans of a
    header that are not text) and its sentences, less noise and over-long sentences.

    >>> doc, warnings = document_from_text(SourceMeta("a", "A", Path("a.txt")), "One. Two.")
    >>> [doc.text[s.start : s.end] for s in doc.sentences], warnings
    (['One.', 'Two.'], [])
    """
    layout = normalise(stored)
    text = layout.text
    noise = tuple(sorted((*furniture, *find_noise(text)), key=lambda n: (n.start, n.end)))
    sentences: list[Span] = []
    warnings: list[str] = []
    for s in _outside(split_sentences(text), noise):
        if s.end - s.start > MAX_SENTENCE_CHARS:
            line = text.count("\n", 0, s.start) + 1
            warnings.append(
                f"{meta.path}: line {line}: a sentence of {s.end - s.start:,} characters "
                f"(over {MAX_SENTENCE_CHARS:,}) is not read for facts"
            )
        else:
            sentences.append(s)
    document = Document(meta, text, tuple(sentences), noise, None if layout.identity else layout)
    return document, warnings


def _outside(sentences: list[Span], noise: tuple[Span, ...]) -> list[Span]:
    """The sentences not inside a noise span (both in order of start: one pass over each)."""
    out: list[Span] = []
    i, reach = 0, -1  # reach: the furthest end of the noise spans starting at or before s.start
    for s in sentences:
        while i < len(noise) and noise[i].start <= s.start:
            reach = max(reach, noise[i].end)
            i += 1
        if s.end > reach:
            out.append(s)
    return out


def load_documents(
    root: Path,
    *,
    max_bytes: int = MAX_SOURCE_BYTES,
    known_ids: Collection[str] | None = None,
    strict: bool = False,
) -> tuple[list[Document], list[str]]:
    """Every source below ``root`` and the warnings; ids must be unique.

    Every file is read before anything is raised, so that one error lists every bad file
    (:class:`SourceErrors`, or the :class:`SourceError` itself when there is one). With ``strict``,
    a skipped file or an over-long sentence is an error too.
    """
    docs: list[Document] = []
    warnings: list[str] = []
    errors: list[SourceError] = []
    seen: dict[str, Path] = {}
    files = find_source_files(root)
    unreadable = unreadable_files(root)
    if unreadable:
        names = ", ".join(p.relative_to(root).as_posix() for p in unreadable)
        readable = ", ".join(sorted(KINDS))
        warnings.append(
            f"{root}: {len(unreadable)} file(s) of a kind kg cannot read ({readable} only), skipped: {names}"
        )
    for path in files:
        try:
            doc, doc_warnings = load_document(path, max_bytes=max_bytes, known_ids=known_ids)
        except SkippedSource as e:
            if strict:
                errors.append(e)
            else:
                warnings.append(str(e))
            continue
        except SourceError as e:
            errors.append(e)
            continue
        if doc.id in seen:
            errors.append(SourceError(path, f"duplicate source id {doc.id!r} (also {seen[doc.id]})"))
            continue
        seen[doc.id] = path
        docs.append(doc)
        if strict:
            errors.extend(SourceError(path, w.removeprefix(f"{path}: ")) for w in doc_warnings)
        else:
            warnings.extend(doc_warnings)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise SourceErrors(errors)
    if not docs:
        kinds = ", ".join(sorted(f"*{k}" for k in KINDS))
        problem = (
            f"no usable source files: all {len(files)} were skipped" if files else f"no source files ({kinds}) found"
        )
        raise SourceError(root, problem)
    return docs, warnings
