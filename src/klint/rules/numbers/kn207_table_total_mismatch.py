"""KN207 table-total-mismatch: a table's total row against the sum of the rows above it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, tables, total_row, value


class TableTotalMismatch(Rule):
    """## What it does
    Checks a table's total row (a row the rule pack names a total: "Total", "Sum")
    against the sum of the rows above it, column by column. A column whose rows are
    far from the total, or hold a value above it, is another column's or a list of
    estimates, and is left alone; percentages allow a tenth of a point a row for
    rounding. A total row with a figure under a column of words (more cells of words
    than figures) has lost a merged cell in conversion, its figures standing a column
    or more to the left of theirs, and is left alone too.

    ## Why is this bad?
    A table that disagrees with its own totals leaves the reader unable to trust
    either.

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
    name = "table-total-mismatch"
    severity = Severity.ERROR
    summary = "a table's total row that is not the sum of its rows"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for cells in tables(ctx):
            yield from self._table(ctx, cells)

    def _table(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        if not any(total_row(ctx, c) for c in cells):
            return  # no total row: nothing to check, and no cell of words to count
        by_col: dict[str | None, list[QuantityClaim]] = defaultdict(list)
        for c in cells:
            by_col[c.column].append(c)
        words = _word_cells(ctx, cells)
        shifted = {  # a figure under a column of words: the row's cells moved
            c.sentence_start
            for c in cells
            if total_row(ctx, c)
            and words[c.column] >= max(2, sum(not total_row(ctx, d) for d in by_col[c.column]))
        }
        for column, col in by_col.items():
            totals = [c for c in col if total_row(ctx, c) and c.sentence_start not in shifted]
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


def _word_cells(ctx: Context, cells: list[QuantityClaim]) -> Counter[str | None]:
    """How many cells of words (no digit) each column of the table of ``cells`` holds."""
    lo = min(c.start for c in cells)
    hi = max(c.end for c in cells)
    view = ctx.doc.view
    return Counter(
        r.label or None
        for r in ctx.doc.regions_of("table_cell")
        if lo <= r.start < hi and not any(ch.isdigit() for ch in view[r.start : r.end])
    )
