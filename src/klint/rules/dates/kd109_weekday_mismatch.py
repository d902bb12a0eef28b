"""KD109 weekday-mismatch: a weekday that does not match its date."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import severity_for, show, sound


class WeekdayMismatch(Rule):
    """## What it does
    Reports a weekday written with a date when the calendar disagrees:
    "Monday, February 20, 1988" (that day was a Saturday).

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
    severity = Severity.ERROR
    summary = "a weekday that does not match its date"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for c in ctx.claims.dates:
            if not c.weekday or c.precision != "day" or not sound(c):
                continue
            actual = c.earliest.strftime("%A")
            if actual != c.weekday:
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)}: {c.earliest.strftime('%B')} {c.earliest.day}, {c.earliest.year} was a "
                    f"{actual}, not a {c.weekday}",
                    severity=severity_for(c),
                )
