"""KD105 relative-order-conflict.

A relation in words (“two months later”) that contradicts the dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    ENDPOINT,
    UNIT_DAYS,
    line,
    narrative_region,
    number,
    sentence,
    severity_for,
    show,
    sound,
)
from klint.text.numerals import number_words
from klint.text.words import alternation


@lru_cache(maxsize=8)
def _relation_re(numbers: tuple[str, ...]) -> re.Pattern[str]:
    """ "two years later", "a month earlier", "the next day": a count (digits, one of
    ``numbers``, "a"), a unit and the direction."""
    return re.compile(
        rf"\b(?:(?P<n>\d{{1,3}}|{alternation((*numbers, 'a', 'an'))})[ -]"
        r"(?P<unit>day|week|month|year)s?|the[ \t](?:following|next)[ \t](?P<unit2>day|week|month|year))"
        r"[ \t,]{0,3}(?P<dir>later|afterwards?|after|earlier|prior|before|previously)?",
        re.IGNORECASE,
    )


def _rel(ctx: Context) -> re.Pattern[str]:
    return _relation_re(number_words(ctx.packs).words())


# "A, before B" / "A after B": the order word between two dates of one sentence, nothing else dated
_ORDER_WORD = re.compile(r"[^.;!?\d]{0,40}?\b(?P<word>before|prior to|after)\b[^.;!?\d]{0,60}")
# "selected in 1931, but after Hitler's rise in 1933, ..."; "the 1982 final, and the second,
# after 1994": a conjunction, or a comma not right before the order word, opens a clause of its
# own, which orders its own main clause, not the date before it. So does a relative ("married
# in 1895, after whose death in 1906 she ...").
_NEW_CLAUSE = re.compile(r"\b(?:and|but|or|while|whereas|although|though|yet|so|when)\b|[,\u2014(]")
_RELATIVE = re.compile(r"[ \t]+(?:whose|which|whom)\b")


def _own_clause(view: str, a_end: int, m: re.Match[str]) -> bool:
    """Does the order word open a clause of its own rather than order the date before it?"""
    between = view[a_end : m.start("word")].rstrip()
    if between.endswith(","):
        between = between[:-1]  # "on May 9, 1992, before ...": the date's own comma
    return (
        _NEW_CLAUSE.search(between) is not None or _RELATIVE.match(view, m.end("word")) is not None
    )


class RelativeOrderConflict(Rule):
    """## What it does
    Checks a counted relation stated in words right before a date ("Two months
    later, on May 5", "One month prior, on November 21", "The following year,
    in 1994") against the nearest date before it (not an end point such as
    "until June 2007", not a parenthesis). It reports a "later" date that
    lies before its reference, an "earlier" one after it, and a count that
    misses by more than half a unit plus a quarter of the count (so "one month"
    accepts 15–53 days: a round phrase is an approximation, not a finding); "the
    next year" and "the following month" mean the next calendar year or month.
    When "after" or "before" takes the date as its object ("four years after the
    1868 Restoration") that date is the reference, not the event, and nothing is
    compared. It also reports "A before B" and "A after B" within one sentence
    when the two dates say the opposite, unless the order word opens a clause of
    its own ("in 1931, but after Hitler's rise in 1933, ...", "married in 1895,
    after whose death in 1906 ..."). Only the article's prose is read, not
    references or footnotes.

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
        view = ctx.doc.view
        rel = _rel(ctx)
        prev: DateClaim | None = None
        section = -1
        for c in ctx.claims.dates:
            region = narrative_region(ctx, c.start)
            if region is None or not sound(c):
                continue
            if region.section != section:
                section, prev = region.section, None
            s, _ = sentence(ctx, c, region)
            relations = list(rel.finditer(view, max(s, c.start - 48), c.start))
            m = relations[-1] if relations else None  # the relation nearest the date
            if (
                m is not None
                and prev is not None
                and prev.end <= m.start()
                and self._attached(view, m, c.start)
            ):
                finding = self._conflict(ctx, m, prev, c)
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
                and c.preposition not in ENDPOINT
            ):
                prev = c  # the nearest date before the next relation, even "the 1972 Olympics"
        yield from self._uncounted(ctx)

    def _uncounted(self, ctx: Context) -> Iterator[Diagnostic]:
        """ "A before B" / "A after B" in one sentence, both dated, in the wrong order."""
        view = ctx.doc.view
        rel = _rel(ctx)
        dated = [
            c for c in ctx.claims.dates if sound(c) and c.cue not in ("quotation", "parenthesis")
        ]
        for a, b in pairwise(dated):
            m = _ORDER_WORD.fullmatch(view, a.end, b.start)
            if m is None or rel.search(view, a.end, b.start) or _own_clause(view, a.end, m):
                continue
            region = narrative_region(ctx, a.start)
            if region is None or b.start >= region.end:
                continue
            word = m.group("word").lower()
            wrong = a.earliest > b.latest if word != "after" else a.latest < b.earliest
            if wrong:
                yield self.diagnostic(
                    a.start,
                    a.end,
                    f"{show(a)} is said to come {word} {show(b)}, but it is "
                    f"{'later' if word != 'after' else 'earlier'}",
                    related=[(b.start, b.end, f"the event it is {word}: {show(b)}")],
                    severity=severity_for(a, b),
                )

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
