"""A cache of per-document extractions, so that a rebuild re-extracts only what changed.

An entry is one :class:`~kg.build.DocumentExtraction`, pickled, under a key that hashes everything
the extraction depends on: the version of the code (every ``.py`` file of the ``kg`` package), the
gazetteer file, and the document (its metadata and stored text, from which loading derives the rest).
Change any of them and the key changes, so a stale entry is never read; entries the last build did
not use are removed after it. The cache lives beside the output folder (``.build.cache/`` for
``build/``), because the output folder is replaced whole by every build.

Entries are pickles written by kg itself into a folder of the project; like any build cache they
are trusted — do not point ``--cache`` at a folder others can write.

>>> key = document_key("code", "gaz", "<meta>", "text")
>>> len(key), key == document_key("code", "gaz", "<meta>", "text!")
(64, False)
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.build import DocumentExtraction
    from kg.model import Document

_PACKAGE = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """A hash of the ``kg`` package's Python sources: a change to any rule invalidates the cache."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_key(code: str, gazetteer: str, meta: str, stored: str) -> str:
    h = hashlib.sha256()
    for part in (code, gazetteer, meta, stored):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def cache_dir_for(out_dir: Path) -> Path:
    """Where the cache of a build into ``out_dir`` lives: beside it, as ``.<name>.cache``.

    >>> cache_dir_for(Path("project/build")).as_posix()
    'project/.build.cache'
    """
    return out_dir.parent / f".{out_dir.name}.cache"


def write_atomic(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (a temporary file beside it, then renamed); False if it
    cannot be written, which is not an error for a cache, only a slower next build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


class ExtractionCache:
    """Pickled extractions in ``root``, one file per key."""

    def __init__(self, root: Path, gazetteer_path: Path, grammar: str = "") -> None:
        self.root = root
        # The grammar is data the extraction depends on as much as the code: its digest is part of the key.
        self._prefix = (code_version() + grammar, file_hash(gazetteer_path))
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, doc: Document) -> str:
        return document_key(*self._prefix, repr(doc.meta), doc.stored)

    def get(self, doc: Document) -> DocumentExtraction | None:
        key = self.key(doc)
        self.used.add(key)
        try:
            data = (self.root / f"{key}.pickle").read_bytes()
            part: DocumentExtraction = pickle.loads(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return part

    def put(self, doc: Document, part: DocumentExtraction) -> None:
        """Store an entry (see :func:`write_atomic`)."""
        key = self.key(doc)
        self.used.add(key)
        write_atomic(self.root / f"{key}.pickle", pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Remove the entries this build did not use (old versions of documents, of code, of the gazetteer)."""
        if not self.root.is_dir():
            return
        for path in self.root.iterdir():
            if path.suffix in {".pickle", ".tmp"} and path.stem not in self.used:
                path.unlink(missing_ok=True)
