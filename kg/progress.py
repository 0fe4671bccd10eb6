"""A progress bar on stderr for builds that take more than a moment.

It draws nothing for the first ``delay`` seconds (a short build stays silent), nothing when the
stream is not a terminal or ``CI`` is set, and it erases itself when done.

>>> import io
>>> p = Progress(io.StringIO(), enabled=True, delay=0.0)
>>> p.start("extracting", 4); p.advance(2); p.line()
'extracting [##########----------] 2/4'
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

WIDTH = 20


def wanted(stream: TextIO, quiet: bool = False) -> bool:
    """Whether a bar belongs on ``stream``: a terminal, not in CI, not asked to be quiet."""
    ci = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
    return not quiet and not ci and stream.isatty()


class Progress:
    """Stages (``start``), each with a count of steps (``advance``); ``done`` clears the line."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, delay: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.delay = delay
        self._t0 = time.monotonic()
        self._label = ""
        self._total = 0
        self._done = 0
        self._drawn = False

    def start(self, label: str, total: int = 0) -> None:
        self._label, self._total, self._done = label, total, 0
        self._draw()

    def advance(self, n: int = 1) -> None:
        self._done += n
        self._draw()

    def line(self) -> str:
        if not self._total:
            return f"{self._label}..."
        filled = WIDTH * self._done // self._total
        width = len(str(self._total))
        return f"{self._label} [{'#' * filled}{'-' * (WIDTH - filled)}] {self._done:>{width}}/{self._total}"

    def _draw(self) -> None:
        if not self.enabled or time.monotonic() - self._t0 < self.delay:
            return
        self.stream.write(f"\r\x1b[2Kkg build: {self.line()}")
        self.stream.flush()
        self._drawn = True

    def done(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
