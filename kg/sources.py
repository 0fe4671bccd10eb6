"""Source files → :class:`~kg.model.Document`.

A source is a UTF-8 text file ``<id>.txt`` anywhere under the sources folder, with an optional
metadata file ``<id>.toml`` beside it (title, kind, publisher, date, url, licence, speaker,
creator). A file may instead start with ``# source: <address>`` and ``# title: <title>`` lines;
those lines are metadata and are not part of the stored text. Dropping in a new file is enough
to add a source.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

from kg.errors import SourceError
from kg.layout import normalise
from kg.model import Document, SourceMeta, Span
from kg.sentences import find_noise, split_sentences

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HEADER = re.compile(r"^# (source|title): (.*)$")
_META_KEYS = {"title", "kind", "publisher", "date", "url", "licence", "speaker", "creator"}


def source_id(path: Path) -> str:
    """The id of a source file: its name without ``.txt``, lower-cased, ``_`` as ``-``.

    >>> source_id(Path("corpus/04_EO-13841.txt"))
    '04-eo-13841'
    """
    return path.stem.lower().replace("_", "-").replace(" ", "-")


def find_source_files(root: Path) -> list[Path]:
    """Every ``*.txt`` below ``root`` except READMEs, in a stable order."""
    if not root.is_dir():
        raise SourceError(root, "sources folder does not exist")
    files = [p for p in root.rglob("*.txt") if p.name.lower() != "readme.txt"]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM is dropped), newlines as ``\\n``, NFC-normalised."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from e
    if b"\x00" in raw:
        raise SourceError(path, "is a binary file (contains NUL bytes), not plain text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(path, f"is not valid UTF-8 (byte {e.start}): {e.reason}") from e
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _split_header(text: str) -> tuple[dict[str, str], str, list[Span]]:
    """Leading ``# source:`` / ``# title:`` lines as metadata, the text after them, and the header's
    furniture: the whole ``# source:`` line and the ``# title:`` label (the title itself is text)."""
    header: dict[str, str] = {}
    furniture: list[Span] = []
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos : nl if nl >= 0 else len(text)]
        m = _HEADER.match(line)
        if not m:
            break
        header["url" if m.group(1) == "source" else "title"] = m.group(2).strip()
        furniture.append(Span(pos, pos + len(line) if m.group(1) == "source" else pos + m.start(2)))
        if nl < 0:
            pos = len(text)
            break
        pos = nl + 1
    return header, text[pos:], furniture


def _read_meta(path: Path) -> dict[str, str]:
    meta_path = path.with_suffix(".toml")
    if not meta_path.exists():
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


def load_document(path: Path) -> Document:
    """Read one source file (and its metadata) into a :class:`Document`."""
    sid = source_id(path)
    if not _ID.match(sid):
        raise SourceError(path, f"file name gives the id {sid!r}; use letters, digits and '-'")
    full = read_text(path)
    header, body, furniture = _split_header(full)
    meta = {**header, **_read_meta(path)}
    date = meta.get("date") or None
    if date is not None and not _DATE.match(date):
        raise SourceError(path.with_suffix(".toml"), f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if not body.strip():
        raise SourceError(path, "has no text")
    source_meta = SourceMeta(
        id=sid,
        title=meta.get("title") or sid,
        path=path,
        kind=meta.get("kind", "document"),
        publisher=meta.get("publisher", ""),
        date=date,
        url=meta.get("url", ""),
        licence=meta.get("licence", ""),
        speaker=meta.get("speaker") or None,
        creator=meta.get("creator") or None,
    )
    # The stored text is the whole file: a title line often names the report, its number, its author.
    layout = normalise(full)
    text = layout.text
    noise = tuple(sorted((*furniture, *find_noise(text)), key=lambda n: (n.start, n.end)))
    sentences = tuple(s for s in split_sentences(text) if not _inside(s, noise))
    return Document(source_meta, text, sentences, noise, None if layout.identity else layout)


def _inside(s: Span, noise: tuple[Span, ...]) -> bool:
    return any(n.start <= s.start and s.end <= n.end for n in noise)


def load_documents(root: Path) -> list[Document]:
    """Every source below ``root``; ids must be unique."""
    docs: list[Document] = []
    seen: dict[str, Path] = {}
    for path in find_source_files(root):
        doc = load_document(path)
        if doc.id in seen:
            raise SourceError(path, f"duplicate source id {doc.id!r} (also {seen[doc.id]})")
        seen[doc.id] = path
        docs.append(doc)
    if not docs:
        raise SourceError(root, "no source files (*.txt) found")
    return docs
