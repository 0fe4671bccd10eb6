"""Query workers: child processes that hold the store open read-only and answer one query at a time.

A pyoxigraph query cannot be interrupted from another thread, so each query runs in a worker
process; one that overruns its time limit is stopped by killing its worker, and a fresh worker
takes its place. Other queries go on meanwhile in the other workers.

A worker reopens the store when the build folder has been swapped for a newer build (``kg build``
renames a fresh folder into place), so the server always answers from the latest build.

The worker side (:func:`_main`, run as ``python -m kg.workers STORE``) imports only pyoxigraph and
the standard library, so that a worker starts in a fraction of a second.
"""

from __future__ import annotations

import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, Store, Triple

from kg.sparql_results import Term, boolean_bytes, content_type, solutions_bytes, triples_bytes

_HEADER = struct.Struct(">I")


@dataclass(frozen=True)
class Job:
    """One query to run: the text, the chosen result format and the dataset."""

    query: str
    fmt: str  # a key of kg.sparql_results.MEDIA_TYPES
    max_rows: int
    prefixes: dict[str, str]
    default_graphs: tuple[str, ...] | None = None  # protocol-specified dataset (default-graph-uri)
    named_graphs: tuple[str, ...] | None = None  # protocol-specified dataset (named-graph-uri)
    union_default: bool = True  # the default graph is the union of all graphs (unless a dataset is given)
    base_iri: str | None = None  # relative IRIs in the query resolve against this (the endpoint's URL)


@dataclass(frozen=True)
class Answer:
    """What a worker returns: an HTTP status, a content type, a body, and whether rows were cut."""

    status: int
    content_type: str
    body: bytes
    truncated: bool = False


class QueryTimeout(Exception):
    """The query ran past its time limit and its worker was stopped."""


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def execute(store: Store, job: Job) -> Answer:
    """Run ``job`` on ``store`` and serialize the result, keeping at most ``job.max_rows`` rows."""
    kwargs: dict[str, Any] = {"prefixes": job.prefixes, "base_iri": job.base_iri}
    if job.default_graphs is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [NamedNode(g) for g in job.default_graphs or ()]
        kwargs["named_graphs"] = [NamedNode(g) for g in job.named_graphs or ()]
    elif job.union_default:
        kwargs["use_default_graph_as_union"] = True
    try:
        result = store.query(job.query, **kwargs)
        if isinstance(result, QueryBoolean):
            return Answer(200, content_type(job.fmt), boolean_bytes(bool(result), job.fmt))
        if isinstance(result, QuerySolutions):
            variables = [v.value for v in result.variables]
            rows: list[list[Term]] = []
            for solution in result:
                if len(rows) == job.max_rows:
                    return Answer(200, content_type(job.fmt), solutions_bytes(variables, rows, job.fmt), True)
                rows.append([solution[v] for v in variables])
            return Answer(200, content_type(job.fmt), solutions_bytes(variables, rows, job.fmt))
        triples: list[Triple] = []
        for t in result:
            if len(triples) == job.max_rows:
                return Answer(200, content_type(job.fmt), triples_bytes(triples, job.fmt, job.prefixes), True)
            triples.append(t)
        return Answer(200, content_type(job.fmt), triples_bytes(triples, job.fmt, job.prefixes))
    except SyntaxError as e:
        return _error(400, f"Malformed query: {e}")
    except (OSError, ValueError, TypeError) as e:
        return _error(500, f"The query failed: {e}")


def _write(out: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("the worker closed its pipe")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read(fd: int) -> object:
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    return pickle.loads(_read_exact(fd, size))


class _Opened:
    """The store of one worker, reopened whenever the folder is replaced by a newer build."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.inode = -1
        self.store: Store | None = None

    def get(self) -> Store:
        inode = os.stat(self.path).st_ino
        if self.store is None or inode != self.inode:
            self.store = None
            self.store = Store.read_only(self.path)
            self.inode = inode
        return self.store


def _main(path: str) -> None:  # pragma: no cover — runs in the worker process
    # Ctrl-C in a terminal reaches the whole process group: the server stops its workers itself, so
    # a worker ignores it rather than print a KeyboardInterrupt traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the answer pipe
    opened = _Opened(path)
    while True:
        try:
            job = _read(0)
        except EOFError:
            return
        assert isinstance(job, Job)
        try:
            answer = execute(opened.get(), job)
        except OSError as e:  # the build was swapped mid-query: reopen once
            opened.store = None
            try:
                answer = execute(opened.get(), job)
            except OSError as e2:
                answer = _error(503, f"The store is not available: {e2} (after {e})")
        _write(out, answer)


class _Worker:
    def __init__(self, store_path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.workers", str(store_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # its own process group: Ctrl-C in a terminal reaches the server's group, not a worker still
            # importing (before it can ignore SIGINT); the server stops its workers itself, and a worker
            # whose server is gone ends at the end of its input
            process_group=0,
        )
        assert self.proc.stdin and self.proc.stdout
        self.stdin = self.proc.stdin
        self.stdout_fd = self.proc.stdout.fileno()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.stdin.close()
        assert self.proc.stdout
        self.proc.stdout.close()


class WorkerPool:
    """``size`` worker processes over one store; :meth:`run` answers a job within a time limit."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.store_path = store_path
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        w = _Worker(self.store_path)
        with self._lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            self._idle.put(self._spawn())

    def run(self, job: Job, timeout: float) -> Answer:
        """Run ``job``; raise :class:`QueryTimeout` if no answer comes within ``timeout`` seconds
        (time spent waiting for a free worker counts)."""
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty as e:
            raise QueryTimeout from e
        try:
            _write(w.stdin, job)
            ready, _, _ = select.select([w.stdout_fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                self._retire(w)
                raise QueryTimeout
            answer = _read(w.stdout_fd)
        except (OSError, EOFError, pickle.PickleError) as e:
            self._retire(w)
            return _error(500, f"The query worker failed: {e}")
        self._idle.put(w)
        assert isinstance(answer, Answer)
        return answer

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.kill()


if __name__ == "__main__":  # pragma: no cover
    from kg.workers import _main as main  # the importable module's classes, which the parent pickles

    main(sys.argv[1])
