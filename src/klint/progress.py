"""A progress bar on stderr for long runs; silent in CI, when piped, and for quick runs."""

from __future__ import annotations

import os
import sys
import time
from typing import Self, TextIO

DELAY = 0.5  # seconds before the bar appears: short runs never show it
EVERY = 0.1  # seconds between redraws


def wanted(stream: TextIO) -> bool:
    """True on an interactive terminal outside CI."""
    return stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class Progress:
    """``with Progress(total) as p: ... p.advance()`` draws ``[####....] 120/200 files``."""

    def __init__(
        self, total: int, stream: TextIO | None = None, enabled: bool | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.shown = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (before other output on the terminal); the next advance redraws it."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
            self.drawn_at = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled or self.total < 2:
            return
        now = time.monotonic()
        if now - self.started < DELAY or now - self.drawn_at < EVERY:
            return
        self.drawn_at, self.shown = now, True
        width = 30
        filled = width * self.done // self.total
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
        )
        self.stream.flush()
