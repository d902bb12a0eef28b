"""KD101 impossible-date: a date that names no real day (February 30, April 31)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import severity_for, show, year_certain
from klint.text.calendar import MONTH_NAMES


class ImpossibleDate(Rule):
    """## What it does
    Reports a date that names no real day: February 30, April 31, February 29 in
    a common year, a month numbered 13. Quotations are left as their source
    wrote them; a date whose year the text leaves out is judged only when the
    reader would give it that year (a date stated earlier in its sentence, or a
    day or month stated in the sentence before, names it, or "that year").

    ## Why is this bad?
    The day does not exist, so at least one of its parts is a typo; every check
    that relies on the date is built on sand.

    ## Example
        The council met on February 30, 1992.

    ## Use instead
        The council met on February 28, 1992.
    """

    code = "KD101"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "a date that names no real day (February 30, April 31)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for c in ctx.claims.dates:
            if c.valid or c.cue == "quotation":  # a quotation keeps its source's words
                continue
            if not year_certain(ctx, c):  # "February 29" in a year the clock guessed
                continue
            if c.precision != "day" or (c.latest - c.earliest).days > 31:
                yield self.diagnostic(c.start, c.end, f"{show(c)} names no real month")
                continue
            m = re.search(r"(?<![\d-])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", c.text)
            month, year = MONTH_NAMES[c.earliest.month - 1], c.earliest.year
            last = c.latest.day
            day = m.group(1) if m else "?"
            yield self.diagnostic(
                c.start,
                c.end,
                f"{show(c)} names no real day: {month} {year} has {last} days, not {day}",
                severity=severity_for(c) if c.earliest.month == 2 else None,
            )
