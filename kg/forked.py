"""A computation run in a forked child while the parent goes on: one of the build's two cores.

Forking copies the parent's memory lazily, so the child needs no pickled copy of its input; only the
result (bytes) comes back, through a pipe. Where forking is unsafe (threads are running) or
impossible, or ``background`` is False, the work is done in the parent when its result is asked for.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.errors import BuildError
from kg.lock import forget_inherited_locks


class Forked:
    """``work()`` started now, in a child process if possible; :meth:`result` waits for it."""

    def __init__(self, work: Callable[[], bytes], background: bool = True) -> None:
        self._work = work
        self._proc: BaseProcess | None = None
        self._receive: Connection | None = None
        if background and can_fork():
            ctx = multiprocessing.get_context("fork")
            self._receive, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_child, args=(work, send), daemon=True)
            self._proc.start()
            send.close()

    def result(self) -> bytes:
        if self._proc is None or self._receive is None:
            return self._work()
        try:
            data = self._receive.recv_bytes()
        except EOFError:
            self._proc.join(timeout=10)  # the pipe closes a moment before the child is reaped
            raise BuildError(f"a build worker died (exit code {self._proc.exitcode})") from None
        finally:
            self.cancel()
        if data[:1] == b"\1":
            raise BuildError(f"a build worker failed: {data[1:].decode('utf-8', 'replace')}")
        return data[1:]

    def cancel(self) -> None:
        """Stop the child, if it is still running (the parent failed, or has the result)."""
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join()
            self._proc = None
        if self._receive is not None:
            self._receive.close()
            self._receive = None


def can_fork() -> bool:
    """Whether this process may fork: the platform has ``fork`` and no other thread is running (a
    forked copy of a running thread's locks can deadlock the child)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def become_worker() -> None:
    """First thing in a build's worker process: let go of the parent's locks and die with it, so that
    a killed build leaves nothing running and nothing locked."""
    die_with_parent()
    forget_inherited_locks()


def _child(work: Callable[[], bytes], send: Connection) -> None:
    become_worker()
    try:
        data = b"\0" + work()
    except Exception as e:  # the parent reports it, naming the worker
        data = b"\1" + f"{type(e).__name__}: {e}".encode("utf-8", "replace")
    send.send_bytes(data)
    send.close()


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so that
    a build killed mid-way leaves no worker behind; elsewhere, nothing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        pass
