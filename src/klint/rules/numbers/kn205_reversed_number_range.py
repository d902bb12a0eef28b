"""KN205 reversed-number-range: a range whose low end is larger than its high end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, stated


class ReversedRange(Rule):
    """## What it does
    Reports a range whose first value is larger than its second: "10,000–6,000 people".

    ## Why is this bad?
    A range runs from low to high; a reversed range is a typo that hides the real bounds.

    ## Example
        Khojaly had a population of 10,000–6,000 people.

    ## Use instead
        Khojaly had a population of 6,000–10,000 people.
    """

    code = "KN205"
    name = "reversed-number-range"
    severity = Severity.ERROR
    summary = "a range whose low end is larger than its high end"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for q in ctx.claims.quantities:
            if q.qualifier != "range" or q.low is None or q.high is None or q.low <= q.high:
                continue
            num_text = ctx.doc.text[q.number_start or q.start : q.number_end or q.end]
            parts = re.findall(r"[0-9][0-9,.]*", num_text)
            if len(parts) != 2:
                continue
            a, b = parts
            grouped = "," in a and "," in b
            if not grouped and len(b.replace(",", "")) < len(a.replace(",", "")):
                continue  # "123–45": an abbreviated range (123–145)
            if not grouped and q.counted is None and q.unit == "count":
                continue
            yield self.diagnostic(
                q.start,
                q.end,
                f"range {stated(q)} runs from {fmt(q.low)} down to {fmt(q.high)}; write the lower value first",
            )
