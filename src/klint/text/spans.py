"""A pattern's matches over a whole view, found once and shared out region by region."""

from __future__ import annotations

import bisect
import re

Span = tuple[int, int]


class ViewSpans:
    """Where ``pattern`` matches in ``view`` (``spans``, found once by the caller, in order):
    :meth:`of` gives one region its share by bisection, as the pattern's own scan of the
    region finds it. The pattern's matches must not overlap, and a match cut short by a
    region's end must be the pattern's match there (a run of digits)."""

    __slots__ = ("view", "pattern", "spans", "starts")

    def __init__(self, view: str, pattern: re.Pattern[str], spans: list[Span]) -> None:
        self.view, self.pattern, self.spans = view, pattern, spans
        self.starts = [p for p, _ in spans]

    def of(self, start: int, end: int) -> list[Span]:
        """The spans ``pattern.finditer(view, start, end)`` finds."""
        spans, i = self.spans, bisect.bisect_left(self.starts, start)
        if i and spans[i - 1][1] > start:  # a match goes on into the region: read it alone
            return [m.span() for m in self.pattern.finditer(self.view, start, end)]
        found = spans[i : bisect.bisect_left(self.starts, end, i)]
        if found and found[-1][1] > end:  # a match cut short by the region's end
            found[-1] = (found[-1][0], end)
        return found
