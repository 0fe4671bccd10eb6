"""One process at a time on an output folder: an exclusive lock that a dead holder cannot leave behind.

The lock is an ``fcntl.flock`` on a small file beside the folder (``build/`` → ``.build.lock``). The
operating system releases it when the holder exits, however it exits (SIGKILL included), so a stale
lock file never blocks anyone; the file itself stays, holding the last holder's PID and purpose, which
is what the "in use" message quotes. Used by ``kg build`` around the whole build, and meant for
``kg serve`` around the whole time it serves a store.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp()) / "build"
>>> with hold_lock(out, "kg build") as lock:
...     try:
...         with hold_lock(out, "kg serve"):
...             pass
...     except InUseError as e:
...         print("in use" in str(e), lock.name)
True .build.lock
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import InUseError

_HELD: set[int] = set()  # the descriptors of the locks this process holds


def forget_inherited_locks() -> None:
    """In a forked child: close the descriptors of the parent's locks (without unlocking them).

    A lock lasts while any descriptor of it is open, so a child that kept them would hold the
    parent's lock after the parent was killed, and the next build would find the folder "in use".
    """
    for fd in sorted(_HELD):
        os.close(fd)
    _HELD.clear()


def lock_path(target: Path) -> Path:
    """The lock file of an output folder: beside it, so that swapping the folder keeps the lock.

    >>> lock_path(Path("/p/build")).as_posix()
    '/p/.build.lock'
    """
    target = target.absolute()
    return target.parent / f".{target.name}.lock"


@contextmanager
def hold_lock(target: Path, purpose: str) -> Iterator[Path]:
    """Hold the exclusive lock on ``target`` for the ``with`` block; yields the lock file's path.

    Never waits: if another process holds the lock, raises :class:`~kg.errors.InUseError` naming
    the folder, the holder's purpose and PID.
    """
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise InUseError(
                f"{target} is in use by {holder}; wait for it to finish or stop it, then try again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{purpose} (pid {os.getpid()})\n".encode(), 0)
        _HELD.add(fd)
        try:
            yield path
        finally:
            _HELD.discard(fd)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
