"""KN207 table-consistency: a table's totals, or a table cell against the text or the infobox."""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.packs import Packs
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import (
    bounds,
    fmt,
    line_of,
    lines_of,
    sentence_text,
    stated,
    subject_key,
    value,
)
from klint.text.words import has_cue


def subsets_of(packs: Packs, noun: str | None) -> list[str]:
    return packs.numbers.subsets.get(noun or "", [])


class TableConsistency(Rule):
    """## What it does
    Checks a table against itself and the rest of the article: a "Total" row against
    the sum of the rows above it; the infobox strengths against the table's personnel
    column (the rows must split between the sides so that each side's rows add up to
    its strength); and a figure the text gives for a subject against that subject's
    table row, using the rule pack's subset relations (fighter aircraft are combat
    aircraft, so a country's fighters never outnumber its combat aircraft).

    ## Why is this bad?
    A table that disagrees with the text or with its own totals leaves the reader
    unable to trust either.

    ## Example
        The forces of each army at the end of the war were:
        Entity Troops Tanks Guns
        North army 1,000 20 30
        South army 2,000 30 40
        Total 3,500 50 70

    ## Use instead
        The forces of each army at the end of the war were:
        Entity Troops Tanks Guns
        North army 1,000 20 30
        South army 2,000 30 40
        Total 3,000 50 70
    """

    code = "KN207"
    name = "table-consistency"
    severity = Severity.ERROR
    summary = "a table's totals, or a table cell against the text or the infobox"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        tables: dict[int, list[QuantityClaim]] = defaultdict(list)
        table_regions = sorted(ctx.doc.regions_of("table"), key=lambda r: r.start)
        starts = [r.start for r in table_regions]
        for q in ctx.claims.quantities:
            if q.source == "table" and q.low is not None:
                i = bisect.bisect_right(starts, q.start) - 1
                tables[max(i, 0)].append(q)
        for cells in tables.values():
            yield from self._totals(ctx, cells)
            yield from self._infobox(ctx, cells)
        yield from self._text(ctx, [c for cells in tables.values() for c in cells])

    def _totals(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        names = {n.lower() for n in ctx.packs.numbers.total_rows}
        by_col: dict[str | None, list[QuantityClaim]] = defaultdict(list)
        for c in cells:
            by_col[c.column].append(c)
        for column, col in by_col.items():
            totals = [c for c in col if (c.row or "").strip().lower().rstrip(":") in names]
            rows = [c for c in col if c not in totals]
            if len(totals) != 1 or len(rows) < 2:
                continue
            t, total = totals[0], value(totals[0])
            s = sum(value(c) for c in rows)
            if (
                total <= 0
                or not (0.5 * total <= s <= 1.5 * total)
                or max(value(c) for c in rows) > total
            ):
                continue  # rows far off, or one above the total: another column's, or estimates
            tol = 0.1 * len(rows) if t.unit == "percent" else max(0.5, abs(total) * 0.001)
            if abs(s - total) > tol:
                yield self.diagnostic(
                    t.start,
                    t.end,
                    f"{t.row} of {column or 'the column'} is {fmt(total)}, but its rows add up to {fmt(s)}",
                    related=[(rows[0].start, rows[-1].end, "the rows summed")],
                )

    def _infobox(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        """The personnel rows must split between the two sides so that each adds up to its strength."""
        strength = {
            q.side: q
            for q in ctx.claims.quantities
            if q.source == "infobox"
            and q.counted == "troops"
            and q.side in (1, 2)
            and q.low is not None
        }
        totals = {n.lower() for n in ctx.packs.numbers.total_rows}
        col = [
            c
            for c in cells
            if c.counted == "troops"
            and c.unit == "count"
            and (c.row or "").strip().lower().rstrip(":") not in totals
        ]
        if len(strength) != 2 or not (2 <= len(col) <= 10):
            return
        tol = ctx.packs.numbers.total_tolerance
        b = {k: bq for k, q in strength.items() if (bq := bounds(ctx, q)) is not None}
        for assign in itertools.product((1, 2), repeat=len(col)):
            sums = {
                k: sum(value(c) for c, a in zip(col, assign, strict=True) if a == k) for k in (1, 2)
            }
            if all(b[k][0] * (1 - tol) <= sums[k] <= b[k][1] * (1 + tol) for k in (1, 2)):
                return
        s1, s2 = strength[1], strength[2]
        rows = ", ".join(f"{c.row} {fmt(c.low)}" for c in col)
        yield self.diagnostic(
            s1.start,
            s2.end,
            f"infobox strengths {fmt(s1.low)} and {fmt(s2.low)} do not match the table's "
            f"{col[0].column or 'personnel'} column: no split of its rows ({rows}; {lines_of(ctx, col)}) "
            f"between the two sides adds up to each side's strength",
            related=[(c.start, c.end, f"{c.row}: {fmt(c.low)}") for c in col],
            severity=Severity.WARNING,
        )

    def _text(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        by_subject: dict[str, list[QuantityClaim]] = defaultdict(list)
        for c in cells:
            key = subject_key(c.row)
            if key:
                by_subject[key].append(c)
        if not by_subject:
            return
        for q in ctx.claims.quantities:
            key = _row_key(subject_key(q.subject), by_subject)
            if q.source != "body" or key is None or q.low is None or q.unit != "count":
                continue
            if not has_cue(sentence_text(ctx, q), num.stock_cues):
                continue
            bq = bounds(ctx, q)
            for c in by_subject[key]:
                if bq is None or c.counted is None:
                    continue
                cell = value(c)
                if q.counted in subsets_of(ctx.packs, c.counted) and cell > bq[1]:
                    why = f"{c.counted} are {q.counted}"
                elif c.counted in subsets_of(ctx.packs, q.counted) and bq[0] > cell:
                    why = f"{q.counted} are {c.counted}"
                elif c.counted == q.counted and q.scope is None and not (bq[0] <= cell <= bq[1]):
                    why = "the same count (unless they speak of different times)"
                else:
                    continue
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"{stated(q)} for {q.subject} conflicts with the table: {c.row} has {fmt(c.low)} "
                    f"{(c.column or '').lower()} (line {line_of(ctx, c.start)}), and {why}",
                    related=[(c.start, c.end, f"{c.row}, {c.column}: {fmt(c.low)}")],
                    severity=Severity.WARNING if c.counted == q.counted else None,
                )


def _row_key(key: str | None, rows: dict[str, list[QuantityClaim]]) -> str | None:
    """The table row a subject names: the same name, or its demonym ("Azerbaijani" -> "azerbaijan")."""
    if key is None:
        return None
    if key in rows:
        return key
    return next(
        (
            r
            for r in rows
            if len(r) >= 5 and " " not in key and key.startswith(r) and len(key) - len(r) <= 3
        ),
        None,
    )
