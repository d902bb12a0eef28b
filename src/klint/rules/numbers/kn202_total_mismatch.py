"""KN202 total-mismatch: the listed parts add up to more than the stated total."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import (
    bounds,
    fmt,
    lines_of,
    paragraphs,
    sentence_text,
    stated,
)
from klint.text.words import has_cue

_YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


class TotalMismatch(Rule):
    """## What it does
    Reports a stated total that its listed parts exceed: in one paragraph, a figure
    marked as a total ("in total", "account for", "altogether") followed by the
    groups that make it up, speaking of the same event (displaced, killed, ...),
    whose smallest possible sum is larger than the largest possible total.

    ## Why is this bad?
    The parts cannot add up to more than the whole; either the total or a part is wrong.

    ## Example
        The floods displaced a total of 50,000 people. About 30,000 residents fled the capital and a further 35,000 fled the coast.

    ## Use instead
        The floods displaced a total of 65,000 people. About 30,000 residents fled the capital and a further 35,000 fled the coast.
    """

    code = "KN202"
    name = "total-mismatch"
    severity = Severity.ERROR
    summary = "the listed parts add up to more than the stated total"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        people = set(num.people_nouns)
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for i, total in enumerate(para):
                if (
                    total.unit != "count"
                    or total.low is None
                    or total.event is None
                    or total.qualifier in ("over", "at-least", "range")
                    or (total.counted is not None and total.counted not in people)
                    or not has_cue(
                        view[max(total.sentence_start or 0, total.start - 60) : total.end + 30],
                        num.total_cues,
                    )
                ):
                    continue
                parts = self._parts(ctx, para[i + 1 :], total, people)
                if len(parts) < 2:
                    continue
                tb = bounds(ctx, total)
                low_sum = sum(bounds(ctx, p)[0] for p in parts)
                if tb is None or low_sum <= tb[1] * (1 + num.total_tolerance):
                    continue
                listed = " + ".join(fmt(p.low) for p in parts)
                raw = sum(p.low for p in parts)
                yield self.diagnostic(
                    total.start,
                    total.end,
                    f"total {stated(total)} is less than its parts: {listed} = {fmt(raw)} "
                    f"({lines_of(ctx, parts)})",
                    related=[(p.start, p.end, f"part: {stated(p)}") for p in parts],
                )

    def _parts(
        self, ctx: Context, after: list[QuantityClaim], total: QuantityClaim, people: set[str]
    ) -> list[QuantityClaim]:
        num = ctx.packs.numbers
        view = ctx.doc.view
        parts: list[QuantityClaim] = []
        subpart_cues = tuple(c.lower() for c in num.subpart_cues)
        sentences = {total.sentence_start}
        years = set(_YEAR_RE.findall(sentence_text(ctx, total)))
        for q in after:
            if q.sentence_start not in sentences:
                said = sentence_text(ctx, q)
                if len(sentences) >= 4 or has_cue(said, num.total_cues):
                    break
                if set(_YEAR_RE.findall(said)) - years:
                    break  # another time frame: "In 1991, 4,000 more ..."
                sentences.add(q.sentence_start)
            if (
                q.unit != "count"
                or q.low is None
                or q.qualifier == "vague"
                or q.event != total.event
            ):
                continue
            before = view[max(q.sentence_start or 0, q.start - 25) : q.start].lower()
            after_text = view[q.end : q.end + 12].lower()
            if has_cue(before, num.subpart_cues) or after_text.lstrip(" (").startswith(
                subpart_cues
            ):
                continue
            if q.counted is None and not has_cue(before, num.additive_cues):
                continue
            if q.counted is not None and q.counted not in people:
                continue
            parts.append(q)
        return parts
