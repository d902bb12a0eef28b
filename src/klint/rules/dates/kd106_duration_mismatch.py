"""KD106 duration-mismatch: a stated duration that does not fit the range beside it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

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
from klint.text import sentences
from klint.text.numerals import number_words
from klint.text.words import alternation


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
        rf"\b(?P<n>\d{{1,3}}|{alternation(numbers)})[ -](?P<unit>day|week|month|year)s?\b",
        re.IGNORECASE,
    )


class DurationMismatch(Rule):
    """## What it does
    Reports a stated duration next to the range it measures that does not fit it:
    "five years (1992–1994)", "a three-month siege, from May to November 1990";
    and an age ("at the age of 30") that does not fit the birth the article gives
    the one person named in that sentence ("X (born 1950)", "X (1921–1989)").
    Year ranges allow one year either way (1992–1997 may mean five or six
    calendar years); a duration far from any range ("After six years of
    fighting"), one in another clause ("X (1906–1953), who was eight years his
    senior") and an age ("a 22-year-old") are not compared, and a duration that
    fits the ranges of its sentence together ("twelve years, first from 1992 to
    1996, then from 1996 to 2004") is right. An age said of
    someone else ("Anne's son died at the age of eleven", a relative clause about
    another person) is not checked against the named person's birth. Only the
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
    severity = Severity.WARNING  # no corpus evidence yet for error level (>= 97 % precise)
    summary = "a stated duration that does not fit the range beside it"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        duration = _duration_re(number_words(ctx.packs).words())
        for c in ctx.claims.dates:
            if not (c.is_range and sound(c) and c.range_end_earliest and c.range_start_latest):
                continue
            region = narrative_region(ctx, c.start)
            if region is None:
                continue
            lo_s, hi_e = max(region.start, c.start - 40), min(region.end, c.end + 40)
            for m in duration.finditer(view, lo_s, hi_e):
                if not (m.end() <= c.start or m.start() >= c.end):
                    continue
                between = view[m.end() : c.start] if m.end() <= c.start else view[c.end : m.start()]
                if re.search(
                    r"[.;]|\b(?:and|but|after|before|later|earlier|ago|who|whom|whose|which)\b",
                    between,
                ) or _AGE_AFTER.match(view, m.end()):
                    continue  # another statement, or an age ("a 22-year-old", "eight years his senior")
                if m.group("unit")[0].isupper() or re.match(
                    r"['’]?s?[ \t]+[Ww]ar\b", view[m.end() : m.end() + 8]
                ):
                    continue  # a name: "the Thirty Years War", "the Six-Day War"
                n = number(m.group("n"), ctx)
                if n is None:
                    continue
                unit = m.group("unit").lower()
                shortest = (c.range_end_earliest - c.range_start_latest).days
                longest = (c.latest - c.earliest).days + 1
                stated = n * UNIT_DAYS[unit]
                slack = UNIT_DAYS[unit]
                if (stated + slack < shortest or stated - slack > longest) and not _fits_the_parts(
                    ctx, c, region, stated, slack
                ):
                    yield self.diagnostic(
                        m.start(),
                        m.end(),
                        f"\u201c{m.group()}\u201d does not fit {show(c)} (line {line(ctx, c.start)}), "
                        f"which spans {_in_units(shortest, longest, unit)}",
                        related=[(c.start, c.end, f"the range {show(c)}")],
                        severity=severity_for(c),
                    )
        yield from self._ages(ctx)

    def _ages(self, ctx: Context) -> Iterator[Diagnostic]:
        """An age ("at the age of 30") against the birth the article gives the person named beside it."""
        births = _births(ctx)
        if not births:
            return
        view = ctx.doc.view
        dated = [
            c
            for c in ctx.claims.dates
            if sound(c) and not c.is_range and c.cue not in ("quotation",)
        ]
        starts = [c.start for c in dated]
        for m in _AGE.finditer(view):
            n = _age_number(m.group("n"), ctx)
            region = narrative_region(ctx, m.start())
            if n is None or region is None:
                continue
            s = sentences.sentence_start(view, region.start, m.start())
            e_m = sentences.STOP_OR_END.search(view, m.end(), min(region.end, m.end() + 600))
            e = e_m.end() if e_m else min(region.end, m.end() + 600)
            i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            in_sentence = [c for c in dated[i:j] if c.earliest.year >= 100]
            if not in_sentence:
                continue
            when = min(in_sentence, key=lambda c: abs(c.start - m.start()))
            named = [
                (pos, name)
                for name in births
                for form in _forms(name, births)
                if (pos := _find_word(view, form, s, m.start())) >= 0
                and _age_is_theirs(view, pos + len(form), m.start())
            ]
            people = {name for _, name in named}
            if len(people) != 1:
                continue  # nobody named, or more than one person: no guess
            (name,) = people
            lo, hi, birth = births[name]
            youngest, oldest = _years_between(hi, when.earliest), _years_between(lo, when.latest)
            if when is birth or youngest <= n <= oldest:
                continue
            age = f"{youngest}" if youngest == oldest else f"{youngest}–{oldest}"
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"“{m.group()}” does not fit: {name} was born {show(birth)} (line {line(ctx, birth.start)}), "
                f"so at {show(when)} the age was {age}",
                related=[(birth.start, birth.end, f"birth of {name}: {show(birth)}")],
                severity=severity_for(when, birth, guess=True),  # the person is matched by name
            )


# after a duration: an age, not a length of time ("a 22-year-old", "eight years his senior")
_AGE_AFTER = re.compile(
    r"(?:-old\b|[ \t]+old\b|[ \t]+(?:his|her|their)[ \t]+(?:senior|junior)\b|[ \t]+(?:older|younger)\b)"
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b")


def _age_is_theirs(view: str, name_end: int, age_start: int) -> bool:
    """Is an age after a name said of that person? Not in "Anne's child ... at the age of
    eleven", nor inside a relative clause about someone else ("X, the youngest since her
    predecessor, who had taken the title at age 29"); "Smith, who ..., died at 80" is Smith's."""
    between = view[name_end:age_start]
    if re.match(r"['\u2019]s\b", between):
        return False
    for rel in _RELATIVE.finditer(between):
        if re.fullmatch(r",?[ \t]*", between[: rel.start()]):
            continue  # the relative clause is about the named person
        if "," not in between[rel.end() :]:
            return False  # the age sits in a relative clause about someone else
    return True


_AGE = re.compile(r"\b(?:at the age of|at age|aged)[ \t](?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b")
_BORN_PAREN = re.compile(r"\((?:[^()]{0,40}?[;,][ \t])?born[ \t](?:on[ \t]|in[ \t])?$")
_WAS_BORN = re.compile(r"[ \t](?:was|were)[ \t]born[ \t](?:on|in)[ \t]$")
_NAME_END = re.compile(r"([A-Z][a-z]{1,30}(?:[ -][A-Z][a-z]{1,30}){0,3})$")


def _forms(name: str, births: dict[str, tuple[date, date, DateClaim]]) -> list[str]:
    """A person's name, and the surname alone when no one else born in the article shares it."""
    surname = name.split()[-1]
    shared = sum(1 for other in births if other.split()[-1] == surname)
    return [name, surname] if " " in name and shared == 1 else [name]


def _find_word(view: str, word: str, start: int, end: int) -> int:
    m = re.search(rf"\b{re.escape(word)}\b", view[start:end])
    return start + m.start() if m else -1


def _age_number(word: str, ctx: Context) -> int | None:
    parts = word.lower().split("-")
    values = [number(p, ctx) for p in parts]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _years_between(a: date, b: date) -> int:
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def _births(ctx: Context) -> dict[str, tuple[date, date, DateClaim]]:
    """Each person's birth as (earliest, latest, claim), by name: "X (born 1950)", "X (1921–1989)",
    "X was born on ..."."""
    out: dict[str, tuple[date, date, DateClaim]]
    if "kd.births" in ctx.cache:
        out = ctx.cache["kd.births"]
        return out
    view = ctx.doc.view
    out = {}
    for c in ctx.claims.dates:
        if not sound(c) or narrative_region(ctx, c.start) is None:
            continue
        before = view[max(0, c.start - 60) : c.start]
        if (
            c.is_range
            and c.precision == "year"
            and view[c.end : c.end + 1] == ")"
            and before.endswith("(")
        ):
            if 15 <= c.latest.year - c.earliest.year <= 110 and c.range_start_latest:
                m = _NAME_END.search(before[:-1].rstrip())
                if m:
                    out.setdefault(m.group(1), (c.earliest, c.range_start_latest, c))
            continue
        if c.is_range:
            continue
        paren = _BORN_PAREN.search(before)
        if paren:
            m = _NAME_END.search(before[: paren.start()].rstrip())
        else:
            born = _WAS_BORN.search(before)
            m = _NAME_END.search(before[: born.start()]) if born else None
        if m:
            out.setdefault(m.group(1), (c.earliest, c.latest, c))
    ctx.cache["kd.births"] = out
    return out
