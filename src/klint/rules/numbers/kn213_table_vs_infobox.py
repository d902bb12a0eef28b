"""KN213 table-vs-infobox: the infobox strengths against a table's personnel column."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, fmt, lines_of, tables, total_row, value


class TableVsInfobox(Rule):
    """## What it does
    Checks the infobox strengths of the two sides against a table's personnel
    column: the column's rows (two to ten, total rows left out) must split between
    the sides so that each side's rows add up to its strength, within the rule
    pack's total tolerance. It is reported at warning level: the table may count
    at another date than the infobox.

    ## Why is this bad?
    A table that disagrees with the infobox leaves the reader unable to trust either.

    ## Example
        War of the Two Rivers

        War of the Two Rivers
        Date 1990–1992
        Location the two rivers
        Result Truce.
        Anna Berg
        Louis Marchand
        30,000 25,000
        Casualties and losses
        2,000 dead,
        5,000 wounded
        1,000 dead,
        3,000 wounded

        The forces of each side in 1991 were as follows:

        Entity Military Personnel Artillery Tanks
        Northern League 12,000 30 40
        Southern Crown 25,000 50 60

    ## Use instead
        War of the Two Rivers

        War of the Two Rivers
        Date 1990–1992
        Location the two rivers
        Result Truce.
        Anna Berg
        Louis Marchand
        30,000 25,000
        Casualties and losses
        2,000 dead,
        5,000 wounded
        1,000 dead,
        3,000 wounded

        The forces of each side in 1991 were as follows:

        Entity Military Personnel Artillery Tanks
        Northern League 30,000 30 40
        Southern Crown 25,000 50 60
    """

    code = "KN213"
    name = "table-vs-infobox"
    severity = Severity.ERROR
    summary = "the infobox strengths and a table's personnel column that do not agree"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for cells in tables(ctx):
            yield from self._table(ctx, cells)

    def _table(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        """The personnel rows must split between the two sides so that each adds up to its strength."""
        strength = {
            q.side: q
            for q in ctx.claims.quantities
            if q.source == "infobox"
            and q.counted == "troops"
            and q.side in (1, 2)
            and q.low is not None
        }
        col = [
            c
            for c in cells
            if c.counted == "troops" and c.unit == "count" and not total_row(ctx, c)
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
