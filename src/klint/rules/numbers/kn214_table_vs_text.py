"""KN214 table-vs-text: a figure the text gives for a subject against that subject's table row."""

from __future__ import annotations

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
    sentence_text,
    stated,
    subject_key,
    tables,
    value,
)
from klint.text.words import has_cue


def subsets_of(packs: Packs, noun: str | None) -> list[str]:
    return packs.numbers.subsets.get(noun or "", [])


class TableVsText(Rule):
    """## What it does
    Checks a figure the text gives for a subject (a stock: "fielded", "had",
    "consisted of") against that subject's table row, using the rule pack's subset
    relations: fighter aircraft are combat aircraft, so a country's fighters never
    outnumber its combat aircraft, and the same count must agree unless the text
    speaks of another time.

    ## Why is this bad?
    A table that disagrees with the text leaves the reader unable to trust either.

    ## Example
        The Air War

        Northland's air force was composed of forty-five combat aircraft flown by hired pilots.

        The holdings of each state in 1995 were:

        Entity Personnel Tanks Fighter aircraft
        Republic of Northland 20,000 160 170
        Republic of Southland 42,000 280 90

    ## Use instead
        The Air War

        Northland's air force was composed of some two hundred combat aircraft flown by hired pilots.

        The holdings of each state in 1995 were:

        Entity Personnel Tanks Fighter aircraft
        Republic of Northland 20,000 160 170
        Republic of Southland 42,000 280 90
    """

    code = "KN214"
    name = "table-vs-text"
    severity = Severity.ERROR
    summary = "a figure in the text that the subject's table row contradicts"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        cells = [c for cells in tables(ctx) for c in cells]
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
    """The table row a subject names: the same name, or its demonym ("Icelandic" -> "iceland")."""
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
