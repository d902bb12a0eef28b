"""The narrative clock: the story's current date, and the year it gives a date without one.

Section headings and narrative dates move the clock; dates that look back, report
dates, parentheses, quotations and captions do not (their cue: :mod:`._datecues`).
A date without a year takes the year that puts it closest to the clock, a step
forward costing half as much as a step back (stories move forward); after a
flashback cue the year after the clock is not a candidate.
"""

from __future__ import annotations

from datetime import date

from klint.document import Region
from klint.extract._datescan import Part, Raw, interval
from klint.text.calendar import SEASONS


def _clock_date(p: Part) -> date:
    """Where a narrative date puts the story's clock: the start of what it names."""
    y = p.year or 1
    if p.season is not None:
        if p.season == "winter":
            return date(p.winter_from, 12, 1) if p.winter_from else date(y, 1, 1)
        return date(y, SEASONS[p.season][0], 1)
    return interval(p)[0]


class Clock:
    """The narrative clock and where it was last set."""

    def __init__(self) -> None:
        self.at: date | None = None
        self.coarse = False  # set by a year: the month is unknown
        self.kind = ""  # "section heading" or "paragraph"
        self.region: Region | None = None

    def source(self, region: Region) -> str:
        if self.kind == "section heading":
            return "section heading"
        return "paragraph" if self.region == region else "previous paragraph"

    def move(self, p: Part, region: Region, kind: str) -> None:
        new = _clock_date(p)
        coarse = p.precision == "year"
        if (
            self.at is not None
            and p.precision in ("season", "year")
            and self.at.year == p.year
            and kind != "section heading"
        ):
            return  # a coarser date in the same year keeps the finer clock
        self.at, self.coarse, self.kind, self.region = new, coarse, kind, region


def fill_year(
    raw: Raw, clock: Clock, region: Region, looking_back: bool
) -> tuple[Raw, str | None] | None:
    """Give a yearless date its year from the clock; None when there is no clock."""
    a, b = raw.a, raw.b
    if a.year is not None:
        return raw, None
    if clock.at is None or a.month is None:
        return None
    if raw.that_year:
        year, source = clock.at.year, "that year"
    elif clock.coarse:
        year, source = clock.at.year, clock.source(region)
    else:
        year, source = infer_year(a.month, a.day, clock.at, looking_back), clock.source(region)
    a = a.with_year(year)
    if b is not None and b.year is None:
        later = (b.month or 1, b.day or 1) >= (a.month or 1, a.day or 1)
        b = b.with_year(year if later else year + 1)
    return raw.with_parts(a, b), source


def infer_year(month: int, day: int | None, clock: date, looking_back: bool) -> int:
    """The year for a month (and day) given the clock; see the module docstring."""
    y = clock.year
    d = day or 1

    def at(year: int) -> int:
        try:
            return (date(year, month, min(d, 28)) - clock).days
        except ValueError:
            return 10**6

    costs = {}
    for cand in (y - 1, y) if looking_back else (y - 1, y, y + 1):
        delta = at(cand)
        costs[cand] = delta if delta >= 0 else -2 * delta
    return min(costs, key=lambda k: (costs[k], abs(k - y)))
