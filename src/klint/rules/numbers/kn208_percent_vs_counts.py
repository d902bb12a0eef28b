"""KN208 percent-vs-counts: a percentage against the counts it summarizes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, paragraphs, stated

_PCT_AFTER_COUNT = re.compile(r" ?(?:\(|, ?(?:or )?| or )(?:(?:about|some|nearly|almost) )?")
_WHOLE_BEFORE = re.compile(
    r"\b(?:out of|of(?: the| its| their| a total of)?|total of) $", re.IGNORECASE
)


class PercentVsCounts(Rule):
    """## What it does
    Reports a percentage that does not match the counts it summarizes in the same
    sentence: "of the 600 soldiers, 150 (40%) were killed" (150 of 600 is 25%).

    ## Why is this bad?
    The percentage and the counts cannot both be right.

    ## Example
        Of the 600 soldiers, 150 (40%) were killed.

    ## Use instead
        Of the 600 soldiers, 150 (25%) were killed.
    """

    code = "KN208"
    name = "percent-vs-counts"
    severity = Severity.ERROR
    summary = "a percentage against the counts it summarizes"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        tol = ctx.packs.numbers.percent_tolerance
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                qs = list(group)
                wholes = [
                    q
                    for q in qs
                    if q.unit == "count"
                    and q.low
                    and q.qualifier == "exact"
                    and _WHOLE_BEFORE.search(
                        view[max(q.sentence_start or 0, q.start - 20) : q.start]
                    )
                ]
                if len(wholes) != 1:
                    continue
                whole = wholes[0]
                for a, p in itertools.pairwise(qs):
                    if (
                        p.unit != "percent"
                        or a.unit != "count"
                        or a is whole
                        or a.low is None
                        or p.low is None
                        or not _PCT_AFTER_COUNT.fullmatch(view[a.end : p.start])
                    ):
                        continue
                    share = 100.0 * a.low / whole.low
                    slack = tol + (p.low * 0.1 if p.qualifier != "exact" else 0.5)
                    if abs(share - p.low) > slack:
                        yield self.diagnostic(
                            p.start,
                            p.end,
                            f"{stated(p)} does not match {fmt(a.low)} of {fmt(whole.low)}, which is {fmt(round(share, 1))}%",
                            related=[
                                (whole.start, whole.end, "the whole"),
                                (a.start, a.end, "the part"),
                            ],
                        )
