"""KD105 relative-order-conflict.

A relation in words (“two months later”) that contradicts the dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    UNIT_DAYS,
    endpoints,
    line,
    number,
    prose_dates,
    relations,
    sentence,
    severity_for,
    show,
)


class RelativeOrderConflict(Rule):
    """## What it does
    Checks a counted relation stated in words right before a date ("Two months
    later, on May 5", "One month prior, on November 21", "The following year,
    in 1994") against the nearest date before it (not an end point such as
    "until June 2007", not a parenthesis), and against the dates told before
    that one in the same paragraph (a relation may count from an earlier event
    than the last one named: it is reported only when none of them fits). It
    reports a "later" date that lies before its reference, an "earlier" one
    after it, and a count that misses by more than half a unit plus a quarter
    of the count (so "one month" accepts 15–53 days: a round phrase is an
    approximation, not a finding); "the
    next year" and "the following month" mean the next calendar year or month.
    When "after" or "before" takes the date as its object ("four years after the
    1868 Restoration") that date is the reference, not the event, and nothing is
    compared; nor is an item of an enumeration of dated names ("Falkirk in 1298,
    Halidon Hill in 1333 and Crécy ten years prior, in 1346"), dated from the
    article's subject. A date whose year the text leaves out ("Four months
    earlier, in August") takes its year from the relation: it is reported only
    when no year fits. "A before B" with no count is KD114. Only the article's
    prose is read, not references or footnotes.

    ## Why is this bad?
    The words and the dates contradict each other; one of them is wrong.

    ## Example
        The town fell on March 3, 1992. Two months later, on February 10, 1992,
        the army withdrew.

    ## Use instead
        The town fell on March 3, 1992. Two months later, on May 10, 1992,
        the army withdrew.
    """

    code = "KD105"
    name = "relative-order-conflict"
    severity = Severity.WARNING  # no corpus evidence yet for error level (>= 97 % precise)
    summary = "a relation in words (\u201ctwo months later\u201d) that contradicts the dates"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not ctx.claims.dates:
            return  # a relation is read before a date
        view = ctx.doc.view
        rel = relations(ctx)
        endpoint = endpoints(ctx)
        prev: DateClaim | None = None
        told: list[DateClaim] = []  # the section's dates a relation may count from
        section = -1
        for c, region in prose_dates(ctx):
            if region.section != section:
                section, prev, told = region.section, None, []
            # the relations before the date in its region, then in its sentence: a date with
            # none before it in the region (most) needs no sentence read
            near = max(region.start, c.start - 48)
            found = _relations(rel, view, near, c.start)
            s = sentence(ctx, c, region)[0] if found else near
            if s > near:
                found = _relations(rel, view, max(s, c.start - 48), c.start)
            m = found[-1] if found else None  # the relation nearest the date
            if (
                m is not None
                and prev is not None
                and prev.end <= m.start()
                and self._attached(view, m, c.start)
                and not _enumerated(view, s, m.start())
            ):
                finding = self._conflict(ctx, m, prev, c)
                if finding and any(
                    self._conflict(ctx, m, prev, r) is None for r in _other_years(c, prev)
                ):
                    finding = None  # "Four months earlier, in August": the relation gives the year
                if finding and self._fits_earlier(ctx, m, told, c):
                    finding = None  # "one week later" counted from the date before the last one
                if finding:
                    yield self.diagnostic(
                        c.start,
                        c.end,
                        f"\u201c{' '.join(m.group().split()).rstrip(',')}\u201d {show(c)} {finding} {show(prev)} "
                        f"(line {line(ctx, prev.start)})",
                        related=[(prev.start, prev.end, f"the reference date {show(prev)}")],
                        severity=severity_for(c, prev),
                    )
            if (
                c.cue not in ("quotation", "parenthesis")
                and c.precision in ("day", "month", "year")
                and not c.is_range
                and c.preposition not in endpoint
            ):
                prev = c  # the nearest date before the next relation, even "the 1972 Olympics"
                told.append(c)

    @staticmethod
    def _attached(view: str, m: re.Match[str], start: int) -> bool:
        """Is the relation said of the date right after it ("Two months later, on May 5")?

        Not when "after" or "before" takes the date as its object ("four years after the 1868
        Restoration", "500 years before 1257"): that date is the reference, not the event.
        """
        between = view[m.end() : start]
        if (m.group("dir") or "").lower() in ("after", "before") and not between.startswith(","):
            return False
        return (
            re.fullmatch(r"[ \t,]{0,3}(?:(?:on|in|by)[ \t]{1,2})?(?:the[ \t])?", between)
            is not None
        )

    @classmethod
    def _fits_earlier(
        cls, ctx: Context, m: re.Match[str], told: list[DateClaim], c: DateClaim
    ) -> bool:
        """Whether the relation fits a date told earlier in the same paragraph: "released on
        June 2 … its video on June 15 … the second single, one week later on June 9" counts
        from the first single, and a reader sees which."""
        paragraph = ctx.doc.view.rfind("\n", 0, m.start())
        return any(cls._conflict(ctx, m, ref, c) is None for ref in told if ref.start > paragraph)

    @staticmethod
    def _conflict(ctx: Context, m: re.Match[str], ref: DateClaim, c: DateClaim) -> str | None:
        direction = (m.group("dir") or "").lower()
        n: int | None
        if m.group("unit2"):
            unit, n, direction = m.group("unit2").lower(), 1, "later"
        else:
            unit, n = m.group("unit").lower(), number(m.group("n"), ctx)
        if n is None or not direction:
            return None
        if m.group("unit2"):  # "the next year": the next calendar year, month or day
            return _next_calendar(unit, ref, c)
        sign = -1 if direction in ("earlier", "prior", "before", "previously") else 1
        lo = (c.earliest - ref.latest).days * sign
        hi = (c.latest - ref.earliest).days * sign
        lo, hi = min(lo, hi), max(lo, hi)
        if hi < 0:
            return "is before, not after," if sign > 0 else "is after, not before,"
        stated = n * UNIT_DAYS[unit]
        tolerance = UNIT_DAYS[unit] / 2 + stated / 4
        if lo > stated + tolerance or hi < stated - tolerance:
            return (
                f"is {lo}\u2013{hi} days, not {n} {unit}{'s' if n != 1 else ''}, from"
                if lo != hi
                else f"is {lo} days, not {n} {unit}{'s' if n != 1 else ''}, from"
            )
        return None


def _relations(rel: re.Pattern[str], view: str, start: int, end: int) -> list[re.Match[str]]:
    """``rel.finditer(view, start, end)``, as a list. An ASCII text without a unit word (day,
    week, month, year) holds no relation, so the pattern (tried at every offset) is not run
    over it; other text may match a unit through a case fold, and is searched."""
    text = view[start:end]
    if text.isascii():
        low = text.lower()
        if "day" not in low and "week" not in low and "month" not in low and "year" not in low:
            return []
    return list(rel.finditer(view, start, end))


_ITEMS_REACH = 600  # how far before the relation the enumeration's items are looked for
# "Name in 1298, " items of an enumeration, and the next item's name right before the relation
_DATED_ITEM = lazyre.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+in[ \t]+\d{3,4}\b")
_NEXT_ITEM = re.compile(
    r"(?:,|\band)[ \t]+(?:(?:at|in|on)[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+$"
)


def _enumerated(view: str, start: int, relation: int) -> bool:
    """Whether the relation follows a new item of an enumeration of dated names ("such as
    Falkirk in 1298, Halidon Hill in 1333 and Crécy ten years prior, in 1346"): the item is
    dated from the article's subject, not from the item listed before it."""
    return (
        _NEXT_ITEM.search(view, max(start, relation - 60), relation) is not None
        and len(_DATED_ITEM.findall(view, max(start, relation - _ITEMS_REACH), relation)) >= 2
    )


def _other_years(c: DateClaim, ref: DateClaim) -> Iterator[DateClaim]:
    """A date whose year was inferred, read in each other year near its reference date's: the
    relation ties the date to the reference, so the reader gives it the year the count points at,
    not the one the narrative clock carried."""
    if not c.year_inferred:
        return
    span = c.latest.year - c.earliest.year
    near = range(ref.earliest.year - 11, ref.latest.year + 12)
    for year in near:
        if year == c.earliest.year:
            continue
        try:
            yield replace(
                c, earliest=c.earliest.replace(year=year), latest=c.latest.replace(year=year + span)
            )
        except ValueError:  # 29 February in a common year
            continue


def _next_calendar(unit: str, ref: DateClaim, c: DateClaim) -> str | None:
    """ "The next year, on March 9, 1999" after December 1998: the next calendar unit, checked
    as such (a year, not 365 days, later)."""
    if unit == "year" and c.precision in ("day", "month", "year"):
        if ref.latest.year + 1 < c.earliest.year or c.latest.year < ref.earliest.year + 1:
            return f"is in {c.earliest.year}, not in the year after"
        return None
    if unit == "month" and c.precision in ("day", "month") and ref.precision in ("day", "month"):
        months = (c.earliest.year - ref.earliest.year) * 12 + c.earliest.month - ref.earliest.month
        return None if months == 1 else "is not in the month after"
    return None  # a day or a week: too fine for a stated relation to be checked this way
