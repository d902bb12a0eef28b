"""A file's time budget as a deadline: checking stops in the middle of a rule or an extractor.

``SIGALRM`` interrupts Python code, and the ``re`` engine, which checks for signals as it
matches, once the budget runs out. Where no alarm can be set (no ``setitimer``, a thread other
than the main one, an alarm of the caller's already pending), the engine's check between rules
is the only stop.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OutOfTime(BaseException):
    """Raised in the checking code when its file's time budget runs out (not an ``Exception``,
    so that a rule's or the engine's ``except Exception`` does not take it for a failure)."""


#: a budget this long is no deadline (and past what an interval timer takes)
_LONGEST = 1e8
_armed = False  # whether an alarm that rings now is this module's and still wanted


def _ring(signum: int, frame: FrameType | None) -> None:
    global _armed
    if _armed:
        _armed = False  # once: the block's own clean-up must not be stopped too
        raise OutOfTime


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`OutOfTime` inside the block once ``seconds`` have passed, where an alarm
    can be set (see the module's docstring)."""
    global _armed
    if (
        not 0 < seconds < _LONGEST
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
