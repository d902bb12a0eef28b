"""A pattern's matches over a whole view, found once and shared out region by region."""

from __future__ import annotations

import bisect
import re

Span = tuple[int, int]


class ViewSpans:
    """Where ``pattern`` matches in ``view`` (``spans``, found once by the caller, in order):
    :meth:`of` gives one region its share, as the pattern's own scan of the region finds it,
    stepping on from the last region's share when the regions come in text order (see
    :func:`first_at`). The pattern's matches must not overlap, and a match cut short by a
    region's end must be the pattern's match there (a run of digits)."""

    __slots__ = ("view", "pattern", "spans", "starts", "_next")

    def __init__(self, view: str, pattern: re.Pattern[str], spans: list[Span]) -> None:
        self.view, self.pattern, self.spans = view, pattern, spans
        self.starts = [p for p, _ in spans]
        self._next = 0  # where the last region's share ended

    def of(self, start: int, end: int) -> list[Span]:
        """The spans ``pattern.finditer(view, start, end)`` finds."""
        spans, i = self.spans, first_at(self.starts, start, self._next)
        if i and spans[i - 1][1] > start:  # a match goes on into the region: read it alone
            return [m.span() for m in self.pattern.finditer(self.view, start, end)]
        starts, j = self.starts, i  # no offset before ``i`` is ``end`` or more: step on from it
        n = len(starts)
        while j < n and starts[j] < end:
            j += 1
        self._next = j
        found = spans[i:j]
        if found and found[-1][1] > end:  # a match cut short by the region's end
            found[-1] = (found[-1][0], end)
        return found


def first_at(found: list[int], pos: int, k: int) -> int:
    """``bisect_left(found, pos)`` for the sorted ``found``, stepping on from ``k`` when no
    offset before ``k`` is ``pos`` or more: regions asked for in text order step over each
    offset once, where a bisection costs about as much as ten steps."""
    if k and found[k - 1] >= pos:
        return bisect.bisect_left(found, pos)
    n = len(found)
    while k < n and found[k] < pos:
        k += 1
    return k
