"""KD106 duration-mismatch: a stated duration that does not fit the range beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
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
from klint.text.words import alternation, exact_words_re


def _fits_the_parts(
    ctx: Context, c: DateClaim, region: Region, stated: float, slack: float
) -> bool:
    """Does the duration fit the ranges of the sentence together ("for twelve years, first as a
    lecturer from 1992 to 1996, then as a senior lecturer from 1996 to 2004")?"""
    s, e = sentence(ctx, c, region)
    parts = [  # (claim, the last day of its start, the first day of its end)
        (r, r.range_start_latest, r.range_end_earliest)
        for r in ctx.claims.dates
        if s <= r.start < e
        and r.is_range
        and sound(r)
        and r.range_end_earliest
        and r.range_start_latest
    ]
    if len(parts) < 2:
        return False
    shortest = (max(end for _, _, end in parts) - min(start for _, start, _ in parts)).days
    longest = (max(r.latest for r, _, _ in parts) - min(r.earliest for r, _, _ in parts)).days + 1
    return shortest - slack <= stated <= longest + slack


def _in_units(shortest: int, longest: int, unit: str) -> str:
    """A span of days in the stated unit: "1–3 years", "5–7 months", "4 days"."""
    lo, hi = round(shortest / UNIT_DAYS[unit]), round(longest / UNIT_DAYS[unit])
    return f"{lo} {unit}{'s' if lo != 1 else ''}" if lo == hi else f"{lo}\u2013{hi} {unit}s"


@lru_cache(maxsize=8)
def _duration_re(numbers: tuple[str, ...]) -> re.Pattern[str]:
    """ "six years", "18-month": a count (digits or one of ``numbers``) and a unit."""
    return re.compile(
        rf"(?<![\w-])(?P<n>\d{{1,3}}|{alternation(numbers)})[ -](?P<unit>day|week|month|year)s?\b",
        re.IGNORECASE,
    )


class DurationMismatch(Rule):
    """## What it does
    Reports a stated duration next to the range it measures that does not fit it:
    "five years (1992–1994)", "a three-month siege, from May to November 1990".
    Year ranges allow one year either way (1992–1997 may mean five or six
    calendar years); a duration far from any range ("After six years of
    fighting"), one in another clause ("X (1906–1953), who was eight years his
    senior"), an age ("a 22-year-old") and a range that names a sports season
    ("their first title in 50 years, in the 1999–2000 season") are not compared,
    and a duration that fits the ranges of its sentence together ("twelve years,
    first from 1992 to 1996, then from 1996 to 2004") is right. A range before the
    common era is read too ("ruled for 138 years from 799 to 684 BC" spans 115),
    unless approximate ("c. 799–684 BC"). A duration after "within" bounds the range
    ("Within six months, from December 20 to 22, 2013"): only a longer range is reported. An age against a birth is KD115. Only the
    article's prose is read, not references or footnotes.

    ## Why is this bad?
    The count and the dates cannot both be right.

    ## Example
        He remained in the region for five years (1992–1994).

    ## Use instead
        He remained in the region for two years (1992–1994).
    """

    code = "KD106"
    name = "duration-mismatch"
    severity = Severity.WARNING
    # off until it is right nine times in ten on articles it was not written beside:
    # 0 of 2 right on held-out set 5
    default_enabled = False
    summary = "a stated duration that does not fit the range beside it (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        duration = _duration_re(number_words(ctx.packs).words())
        breaks = exact_words_re(tuple(ctx.packs.date_words.get("duration_breaks", ())))
        for c in ctx.claims.dates:
            if not (c.is_range and sound(c) and c.range_end_earliest and c.range_start_latest):
                continue
            region = narrative_region(ctx, c.start)
            if region is None or _SEASON_AFTER.match(view, c.end):
                continue  # "the 1956–57 season" names one season: a duration beside it is not its length
            shortest = (c.range_end_earliest - c.range_start_latest).days
            longest = (c.latest - c.earliest).days + 1
            for m, unit, stated, slack in self._durations(
                ctx, region, c.start, c.end, duration, breaks
            ):
                if (
                    stated + slack < shortest or (stated - slack > longest and not _within(view, m))
                ) and not _fits_the_parts(ctx, c, region, stated, slack):
                    yield self._finding(ctx, m, unit, show(c), c.start, c.end, shortest, longest, c)
        yield from self._bc_ranges(ctx, duration, breaks)

    def _bc_ranges(
        self, ctx: Context, duration: re.Pattern[str], breaks: re.Pattern[str]
    ) -> Iterator[Diagnostic]:
        """The year ranges before the common era ("from 799 to 684 BC", "1550–1292 BCE"), which
        the date reader leaves aside: the first year is the larger, and the span is their
        difference, one year either way as for any year range."""
        view = ctx.doc.view
        if "BC" not in view and "B.C" not in view:
            return
        for r in _bc_range_re().finditer(view):
            first, last = int(r.group("a")), int(r.group("b"))
            if first <= last or _CIRCA.search(view, max(0, r.start() - 8), r.start() + 1):
                continue  # reversed (KD102's), or approximate
            region = narrative_region(ctx, r.start())
            if region is None or r.end() > region.end:
                continue
            years = first - last
            shortest = round((years - 1) * UNIT_DAYS["year"])
            longest = round((years + 1) * UNIT_DAYS["year"])
            start = r.start("a")
            label = f"\u201c{' '.join(view[start : r.end()].split())}\u201d"
            for m, unit, stated, slack in self._durations(
                ctx, region, r.start(), r.end(), duration, breaks
            ):
                if stated + slack < shortest or (stated - slack > longest and not _within(view, m)):
                    yield self._finding(ctx, m, unit, label, start, r.end(), shortest, longest)

    def _durations(
        self,
        ctx: Context,
        region: Region,
        start: int,
        end: int,
        duration: re.Pattern[str],
        breaks: re.Pattern[str],
    ) -> Iterator[tuple[re.Match[str], str, float, float]]:
        """The durations of the same statement beside the range at ``start:end``: each match,
        its unit, its length in days and the slack of its unit."""
        view = ctx.doc.view
        lo_s, hi_e = max(region.start, start - 40), min(region.end, end + 40)
        for m in duration.finditer(view, lo_s, hi_e):
            if not (m.end() <= start or m.start() >= end):
                continue
            between = view[m.end() : start] if m.end() <= start else view[end : m.start()]
            if (
                _STATEMENT_END.search(between)
                or breaks.search(between)
                or _AGE_AFTER.match(view, m.end())
            ):
                continue  # another statement, or an age ("a 22-year-old", "eight years his senior")
            if _EACH_AFTER.match(view, m.end()) or _TOTAL_BEFORE.search(
                view, max(0, m.start() - 20), m.start()
            ):
                continue  # "five weeks each summer", "totaling 109 weeks": not the span's length
            if m.group("unit")[0].isupper() or re.match(
                r"['’]?s?[ \t]+[Ww]ar\b", view[m.end() : m.end() + 8]
            ):
                continue  # a name: "the Thirty Years War", "the Six-Day War"
            n = number(m.group("n"), ctx)
            if n is None:
                continue
            unit = m.group("unit").lower()
            yield m, unit, n * UNIT_DAYS[unit], UNIT_DAYS[unit]

    def _finding(
        self,
        ctx: Context,
        m: re.Match[str],
        unit: str,
        label: str,
        start: int,
        end: int,
        shortest: int,
        longest: int,
        c: DateClaim | None = None,
    ) -> Diagnostic:
        return self.diagnostic(
            m.start(),
            m.end(),
            f"\u201c{m.group()}\u201d does not fit {label} (line {line(ctx, start)}), "
            f"which spans {_in_units(shortest, longest, unit)}",
            related=[(start, end, f"the range {label}")],
            severity=severity_for(c) if c is not None else None,
        )


_STATEMENT_END = lazyre.compile(r"[.;]")
# "within six months": a bound the range lies inside, so only a longer range contradicts it
_WITHIN_BEFORE = lazyre.compile(
    r"\b[Ww]ithin[ \t]+(?:(?:the|a)[ \t]+)?(?:(?:first|next|last)[ \t]+)?$"
)


def _within(view: str, m: re.Match[str]) -> bool:
    """Whether the duration is a bound ("Within six months, from December 20 to 22, 2013"):
    the range need only fit inside it."""
    return _WITHIN_BEFORE.search(view, max(0, m.start() - 20), m.start()) is not None


# after a range: the season it names ("1956–57 season", "2014–15 NHL season")
_SEASON_AFTER = lazyre.compile(r"[ \t]+(?:[A-Z][\w.-]*[ \t]+){0,2}season\b")
# after a duration: an age, not a length of time ("a 22-year-old", "eight years his senior")
#: A length given for each part of the span, or as the sum of stretches within it.
_EACH_AFTER = lazyre.compile(
    r"\s+(?:(?:each|every|a|per)\s+(?:year|summer|winter|spring|autumn|season|month|week)\b"
    r"|annually\b|yearly\b)"
)
_TOTAL_BEFORE = lazyre.compile(r"\b(?:total(?:l)?ing|in total|in all|a total of|altogether)\s+$")
_AGE_AFTER = lazyre.compile(
    r"(?:-old\b|[ \t]+old\b|[ \t]+(?:his|her|their)[ \t]+(?:senior|junior)\b|[ \t]+(?:older|younger)\b)"
)

_ERA = r"(?:BCE?|B\.C\.(?:E\.)?)(?!\w)"
_CIRCA = lazyre.compile(r"\b(?:c\.|ca\.|circa|about|around|approximately)\s*$|~\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _bc_range_re() -> re.Pattern[str]:
    """ "from 799 to 684 BC", "799–684 BCE", "between 799 BC and 684 BC": two years, the
    second marked before the common era (the first may be)."""
    return re.compile(
        r"(?<![\w.,/$£€–—-])(?:(?:from|between)[ \t]+)?(?P<a>\d{1,4})(?:[ \t]?" + _ERA + r")?"
        r"[ \t]*(?:to|until|till|and|[–—-])[ \t]*(?P<b>\d{1,4})[ \t]?" + _ERA
    )
