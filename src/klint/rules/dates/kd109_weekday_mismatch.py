"""KD109 weekday-mismatch: a weekday that does not match its date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import severity_for, show, sound, year_certain


class WeekdayMismatch(Rule):
    """## What it does
    Reports a weekday written with a date when the calendar disagrees:
    "Monday, February 20, 1988" (that day was a Saturday). A date before 1923
    may be Old Style (Julian; England until 1752, Russia until 1918, with the
    year starting on 25 March in England) and is accepted when either calendar
    agrees. A date whose year the text leaves out is judged only when the
    reader would give it that year (a date stated earlier in its sentence, or a
    day or month stated in the sentence before, names it, or "that year"), and is accepted when the weekday fits the year before
    or after.

    ## Why is this bad?
    Either the weekday or the date is wrong; readers and calendars will not
    agree with the text.

    ## Example
        The vote took place on Monday, February 20, 1988.

    ## Use instead
        The vote took place on Saturday, February 20, 1988.
    """

    code = "KD109"
    name = "weekday-mismatch"
    severity = Severity.WARNING  # no corpus evidence yet for error level (>= 97 % precise)
    summary = "a weekday that does not match its date"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for c in ctx.claims.dates:
            if not c.weekday or c.precision != "day" or not sound(c):
                continue
            if not year_certain(ctx, c):  # a year the clock carried from elsewhere is a guess
                continue
            actual = c.earliest.strftime("%A")
            if actual != c.weekday and not _fits_another_reading(c):
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)}: {c.earliest.strftime('%B')} {c.earliest.day}, {c.earliest.year} was a "
                    f"{actual}, not a {c.weekday}",
                    severity=severity_for(c),
                )


#: The last year a country moved from the Julian to the Gregorian calendar (Greece, 1923).
_LAST_JULIAN_YEAR = 1922
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fits_another_reading(c: DateClaim) -> bool:
    """Does the weekday fit the date read Old Style, or in a neighbouring year when the year
    was inferred?"""
    d = c.earliest
    if c.year_inferred and any(
        _gregorian_weekday(d.year + k, d.month, d.day) == c.weekday for k in (-1, 1)
    ):
        return True
    if d.year > _LAST_JULIAN_YEAR:
        return False
    # Old Style years in England began on 25 March: "1 March 1710" may be 1711 New Style
    years = (d.year, d.year + 1) if (d.month, d.day) < (3, 25) else (d.year,)
    return any(_julian_weekday(y, d.month, d.day) == c.weekday for y in years)


def _gregorian_weekday(year: int, month: int, day: int) -> str | None:
    try:
        return _WEEKDAYS[date(year, month, day).weekday()]
    except ValueError:  # 29 February in a year that has none
        return None


def _julian_weekday(year: int, month: int, day: int) -> str:
    """The weekday of a Julian-calendar date, from its Julian day number."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return _WEEKDAYS[jdn % 7]
