"""Evaluate claims-file constraints and article-type constraints over the curated values.

Every value is an interval: a fact's ``nearly one million`` is [900,000, 1,000,000]
(tolerances from the rule packs' qualifiers), a date ``1994-05`` is May 1–31. A
constraint is violated only when it fails for every value the intervals allow.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from klint.articletypes import ArticleType, Selector, TypeConstraint
from klint.claimsfile import models as m
from klint.claimsfile.dates import bounds

if TYPE_CHECKING:
    from klint.packs import Packs

INF = float("inf")
_OPEN = (date.min, date.max)
_FALLBACK = {
    "over": (0.0, INF),
    "at-least": (0.0, INF),
    "at-most": (1.0, 0.0),
    "up-to": (1.0, 0.0),
    "as-many-as": (1.0, 0.0),
    "fewer-than": (1.0, 0.0),
}


@dataclass
class Violation:
    """A broken constraint: the message, the ids it rests on (first: where to report)."""

    message: str
    ids: list[str]
    constraint: int | None  # index in the claims file's constraints; None for a type constraint
    severity: str | None


def fmt(x: float) -> str:
    if x in (INF, -INF):
        return "unbounded"
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-6 * max(1.0, abs(x)) else f"{x:,.2f}"


def show(lo: float, hi: float) -> str:
    if hi == INF:
        return f"at least {fmt(lo)}"
    return fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}"


def fact_interval(f: m.Fact, packs: Packs | None) -> tuple[float, float]:
    """The values a fact allows, widened by its qualifier."""
    lo, hi = f.stated[0], f.stated[-1]
    if f.qualifier == "exact":
        return lo, hi
    below, above = _tolerance(f.qualifier, packs)
    return lo * (1 - below), (INF if above == INF else hi * (1 + above))


def _tolerance(kind: str, packs: Packs | None) -> tuple[float, float]:
    for q in (getattr(packs, "qualifiers", None) or {}).values():
        if q.kind == kind:
            return q.below, q.above
    return _FALLBACK.get(kind, (0.0, 0.0))


def period(item: m.Entity | m.Event | m.Subject) -> tuple[date, date]:
    """Earliest possible start and latest possible end (open ends are unbounded)."""
    if isinstance(item, m.Event):
        if item.date:
            return bounds(item.date)
        start, end = item.start, item.end
    elif isinstance(item, m.Subject):
        start, end = (item.span.start, item.span.end) if item.span else (None, None)
    else:
        start, end = item.born or item.founded, item.died or item.dissolved
    return (bounds(start)[0] if start else _OPEN[0]), (bounds(end)[1] if end else _OPEN[1])


def start_point(item: m.Entity | m.Event | m.Subject) -> tuple[date, date] | None:
    """The bounds of the day an event (or a life, or the subject) began."""
    if isinstance(item, m.Event):
        s = item.date or item.start
    elif isinstance(item, m.Subject):
        s = item.span.start if item.span else None
    else:
        s = item.born or item.founded
    return bounds(s) if s else None


def end_point(item: m.Subject) -> tuple[date, date] | None:
    e = item.span.end if item.span else None
    return bounds(e) if e else None


def _years(days: int) -> float:
    return days / 365.2425


def _gap_days(text: str) -> float:
    n = int("".join(c for c in text if c.isdigit()))
    unit = text.lstrip("0123456789 ").rstrip("s")
    return n * {"day": 1, "week": 7, "month": 30.44, "year": 365.2425}[unit]


def _overlap(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    slack = tolerance * max(
        abs(a[1]) if a[1] != INF else abs(a[0]), abs(b[1]) if b[1] != INF else abs(b[0])
    )
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


class Evaluator:
    """Checks constraints against a validated claims file."""

    def __init__(self, cf: m.ClaimsFile, packs: Packs | None) -> None:
        self.cf, self.packs = cf, packs
        self.index: dict[str, m.Entity | m.Fact | m.Event | m.Subject] = dict(cf.index())
        if cf.subject is not None:
            self.index[m.SUBJECT_ID] = cf.subject

    def _fact(self, ident: str) -> m.Fact | None:
        x = self.index.get(ident)
        return x if isinstance(x, m.Fact) else None

    def _timed(self, ident: str) -> m.Entity | m.Event | m.Subject | None:
        x = self.index.get(ident)
        return None if x is None or isinstance(x, m.Fact) else x

    def _name(self, ident: str) -> str:
        x = self.index.get(ident)
        if isinstance(x, m.Fact):
            lo, hi = fact_interval(x, self.packs)
            stated = show(x.stated[0], x.stated[-1])
            q = "" if x.qualifier == "exact" else f" ({x.qualifier} {stated})"
            return f"{ident} = {show(lo, hi)}{q}"
        if isinstance(x, m.Event):
            when = x.date or f"{x.start or '…'}..{x.end or '…'}"
            return f"{ident} ({when})"
        if isinstance(x, m.Entity):
            return f"{ident} ({x.born or x.founded or '…'}..{x.died or x.dissolved or '…'})"
        return ident

    # -- declared constraints -------------------------------------------------
    def declared(self) -> Iterator[Violation]:
        for i, c in enumerate(self.cf.constraints):
            if any(r not in self.index for r in c.refs()):
                continue  # KS006 reports the unknown id
            for message, ids in self._check(c):
                yield Violation(message, ids, i, c.severity)

    def _check(self, c: m.ConstraintBase) -> Iterator[tuple[str, list[str]]]:
        if isinstance(c, m.Sum):
            yield from self._sum(c)
        elif isinstance(c, (m.Before, m.After)):
            first, then = (c.first, c.then) if isinstance(c, m.Before) else (c.then, c.first)
            yield from self._before(first, then, c.gap)
        elif isinstance(c, m.Equal):
            yield from self._equal(c.ids, c.tolerance)
        elif isinstance(c, m.SingleValue):
            ids = [
                f.id
                for f in self.cf.facts
                if f.counted == c.counted and (c.side is None or f.side == c.side)
            ]
            yield from self._equal(ids, c.tolerance, f"single value of {c.counted!r}: ")
        elif isinstance(c, m.Range):
            yield from self._range(c)
        elif isinstance(c, m.DifferenceWithinRange):
            yield from self._difference(c.a, c.b, c.min, c.max, c.unit)
        elif isinstance(c, m.Contemporary):
            yield from self._contemporary(c.ids)

    def _sum(self, c: m.Sum) -> Iterator[tuple[str, list[str]]]:
        total = self._fact(c.total)
        found = [self._fact(p) for p in c.parts]
        parts = [p for p in found if p is not None]
        if total is None or len(parts) < len(found):
            return  # KS001 reports a sum over something that is not a fact
        t = fact_interval(total, self.packs)
        ivs = [fact_interval(p, self.packs) for p in parts]
        s = (sum(i[0] for i in ivs), sum(i[1] for i in ivs))
        if not _overlap(t, s, c.tolerance):
            stated = " + ".join(fmt(p.stated[0]) for p in parts)
            plain = sum(p.stated[0] for p in parts)
            rel = "less" if t[1] < s[0] else "more"
            widened = f" (allowing for qualifiers: {show(*s)})" if s != (plain, plain) else ""
            yield (
                (
                    f"total {self._name(c.total)} is {rel} than the sum of its parts "
                    f"{stated} = {fmt(plain)}{widened}"
                ),
                [c.total, *c.parts],
            )

    def _before(self, first: str, then: str, gap: m.Gap | None) -> Iterator[tuple[str, list[str]]]:
        a, b = self._timed(first), self._timed(then)
        pa, pb = (start_point(a) if a else None), (start_point(b) if b else None)
        if pa is None or pb is None:
            return
        if pa[0] > pb[1]:
            yield (
                f"{self._name(first)} must come before {self._name(then)}, but it is later",
                [first, then],
            )
            return
        if gap is not None:
            most, least = (pb[1] - pa[0]).days, (pb[0] - pa[1]).days
            if gap.min and most < _gap_days(gap.min):
                yield (
                    (
                        f"{self._name(first)} and {self._name(then)} are at most {most} days apart, "
                        f"less than the minimum gap of {gap.min}"
                    ),
                    [first, then],
                )
            if gap.max and least > _gap_days(gap.max):
                yield (
                    (
                        f"{self._name(first)} and {self._name(then)} are at least {least} days apart, "
                        f"more than the maximum gap of {gap.max}"
                    ),
                    [first, then],
                )

    def _equal(
        self, ids: list[str], tolerance: float, prefix: str = ""
    ) -> Iterator[tuple[str, list[str]]]:
        facts = [f for f in (self._fact(i) for i in ids) if f is not None]
        if facts:
            base = facts[0]
            for f in facts[1:]:
                if not _overlap(
                    fact_interval(base, self.packs), fact_interval(f, self.packs), tolerance
                ):
                    yield (
                        f"{prefix}{self._name(f.id)} differs from {self._name(base.id)}",
                        [f.id, base.id],
                    )
            return
        timed = [(i, self._timed(i)) for i in ids]
        starts = [(i, start_point(t)) for i, t in timed if t is not None]
        points = [(i, p) for i, p in starts if p is not None]
        for i, p in points[1:]:
            if p[0] > points[0][1][1] or points[0][1][0] > p[1]:
                yield (
                    f"{prefix}{self._name(i)} differs from {self._name(points[0][0])}",
                    [i, points[0][0]],
                )

    def _range(self, c: m.Range) -> Iterator[tuple[str, list[str]]]:
        fact = self._fact(c.of)
        if fact is not None:
            lo, hi = fact_interval(fact, self.packs)
            if c.min is not None and hi < c.min:
                yield f"{self._name(c.of)} is below the minimum {fmt(c.min)}", [c.of]
            if c.max is not None and lo > c.max:
                yield f"{self._name(c.of)} is above the maximum {fmt(c.max)}", [c.of]
            return
        within = c.within
        item, outer = self._timed(c.of), (self._timed(within) if within else None)
        if item is not None and within and outer is not None:
            yield from self._inside(c.of, item, within, outer)

    def _inside(
        self,
        ident: str,
        item: m.Entity | m.Event | m.Subject,
        outer_id: str,
        outer: m.Entity | m.Event | m.Subject,
    ) -> Iterator[tuple[str, list[str]]]:
        p, q = period(item), period(outer)
        if p[1] < q[0] or p[0] > q[1]:
            where = "before" if p[1] < q[0] else "after"
            yield (
                f"{self._name(ident)} falls {where} the span of {self._name(outer_id)}",
                [ident, outer_id],
            )

    def _difference(
        self, a: str, b: str, lo: float | None, hi: float | None, unit: str
    ) -> Iterator[tuple[str, list[str]]]:
        fa, fb = self._fact(a), self._fact(b)
        if fa is not None and fb is not None:
            ia, ib = fact_interval(fa, self.packs), fact_interval(fb, self.packs)
            d = (ib[0] - ia[1], ib[1] - ia[0])
        else:
            ta, tb = self._timed(a), self._timed(b)
            pa, pb = (start_point(ta) if ta else None), (start_point(tb) if tb else None)
            if pa is None or pb is None:
                return
            days = ((pb[0] - pa[1]).days, (pb[1] - pa[0]).days)
            d = (
                (_years(days[0]), _years(days[1]))
                if unit == "years"
                else (float(days[0]), float(days[1]))
            )
        yield from self._diff_message(a, b, d, lo, hi, unit)

    def _diff_message(
        self, a: str, b: str, d: tuple[float, float], lo: float | None, hi: float | None, unit: str
    ) -> Iterator[tuple[str, list[str]]]:
        u = "" if unit == "count" else f" {unit}"
        if lo == 0 and hi is None and d[1] < 0 and unit == "count":
            yield f"{self._name(a)} exceeds {self._name(b)}", [a, b]
            return
        if lo is not None and d[1] < lo:
            yield (
                f"{self._name(b)} minus {self._name(a)} is at most {fmt(d[1])}{u}, below the minimum {fmt(lo)}{u}",
                [a, b],
            )
        if hi is not None and d[0] > hi:
            yield (
                f"{self._name(b)} minus {self._name(a)} is at least {fmt(d[0])}{u}, above the maximum {fmt(hi)}{u}",
                [a, b],
            )

    def _contemporary(self, ids: list[str]) -> Iterator[tuple[str, list[str]]]:
        items = [(i, self._timed(i)) for i in ids]
        for k, (i, x) in enumerate(items):
            for j, y in items[k + 1 :]:
                if x is None or y is None:
                    continue
                p, q = period(x), period(y)
                if p[1] < q[0] or q[1] < p[0]:
                    yield (
                        f"{self._name(i)} and {self._name(j)} did not exist at the same time",
                        [i, j],
                    )

    # -- article-type constraints ---------------------------------------------
    def typed(self, t: ArticleType) -> Iterator[Violation]:
        for c in t.constraints:
            for message, ids in self._typed(c):
                yield Violation(f"{message} [{t.name}: {c.why}]", ids, None, c.severity)

    def _select(self, s: Selector | None) -> list[str]:
        if s is None:
            return []
        if s.subject is not None:
            return [m.SUBJECT_ID] if self.cf.subject is not None and self.cf.subject.span else []
        if s.events:
            return [e.id for e in self.cf.events]
        return [f.id for f in self.cf.facts if f.counted in s.counted]

    def _typed(self, c: TypeConstraint) -> Iterator[tuple[str, list[str]]]:
        subject = self.cf.subject
        if c.kind == "inside-span":
            if subject is None or subject.span is None:
                return
            for ident in self._select(c.a):
                item = self._timed(ident)
                if item is not None:
                    yield from self._inside(ident, item, m.SUBJECT_ID, subject)
            return
        if c.a.subject and c.b is not None and c.b.subject:  # the subject's own start and end
            s = start_point(subject) if subject else None
            e = end_point(subject) if subject else None
            span = subject.span if subject else None
            if s is None or e is None or span is None:  # an end point comes from the span
                return
            days = ((e[0] - s[1]).days, (e[1] - s[0]).days)
            if c.kind == "before":
                if s[0] > e[1]:
                    yield (
                        f"the subject's start {span.start} is after its end {span.end}",
                        [m.SUBJECT_ID],
                    )
                return
            d = (
                (_years(days[0]), _years(days[1]))
                if c.unit == "years"
                else (float(days[0]), float(days[1]))
            )
            u = "" if c.unit == "count" else f" {c.unit}"
            if c.max is not None and d[0] > c.max:
                yield (
                    f"the subject's span {span.start}..{span.end} is at least {fmt(d[0])}{u}, above {fmt(c.max)}{u}",
                    [m.SUBJECT_ID],
                )
            if c.min is not None and d[1] < c.min:
                yield (
                    f"the subject's span {span.start}..{span.end} is at most {fmt(d[1])}{u}, below {fmt(c.min)}{u}",
                    [m.SUBJECT_ID],
                )
            return
        a_ids, b_ids = self._select(c.a), self._select(c.b)
        for a in a_ids:
            for b in b_ids:
                fa, fb = self._fact(a), self._fact(b)
                if c.per == "side" and (
                    fa is None or fb is None or fa.side is None or fa.side != fb.side
                ):
                    continue
                if c.kind == "before":
                    yield from self._before(a, b, None)
                else:
                    yield from self._difference(a, b, c.min, c.max, c.unit)
