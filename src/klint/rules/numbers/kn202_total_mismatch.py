"""KN202 total-mismatch: the listed parts add up to more than the stated total."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint import lazyre
from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._breakdown import (
    Breakdown,
    Part,
    adds_up_early,
    breakdowns,
    tolerance,
)
from klint.rules.numbers._common import (
    bounds,
    fmt,
    lines_of,
    paragraphs,
    sentence_text,
    stated,
    value,
)
from klint.text.words import has_cue

_YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_FIGURE = lazyre.compile(r"\d[\d,]*(?:\.\d+)?")


def _stated_value(p: Part) -> float:
    """A part's number as written (its bounds widen it by the qualifier)."""
    m = _FIGURE.search(p.text)
    if m is None:
        return p.low
    v = float(m.group().replace(",", ""))
    return v if p.low <= v <= p.high else p.low


def _other_unit_among(ctx: Context, b: Breakdown) -> bool:
    """Whether an amount of another unit stands among the listed parts, outside brackets
    ("75 routes: 141 buses, 74 kilometres and 24 bus routes were added"): the list names
    several kinds of thing, not the parts of one whole ("22 (55%) diesel" brackets a share)."""
    view = ctx.doc.view
    first, last = b.parts[0].start, b.parts[-1].end
    for q in ctx.claims.quantities:
        if first < q.start < last and q.unit not in (b.whole.unit, "percent"):
            inside = view[first : q.start]
            if inside.count("(") <= inside.count(")"):
                return True
    return False


class TotalMismatch(Rule):
    """## What it does
    Reports a total and its listed parts that do not add up. A whole with the list of
    parts its sentence splits it into ("4,000 men in all: 2,500 ..., 1,200 ... and
    600 ...", "consisted of", "made up of", "comprising", "split between the Guelphs
    (50), ...", "700 archers and 450 pikemen, a total of 1,050 men", "3,500 horses came
    from Tigray and 6,000 from Shewa, a total of 8,600"; not "out of a total of"): the parts may
    not add up to more than the whole, and, where the list is stated as complete
    ("in all:", "made up of", "consisting of", "split between", "a total of"), not to
    less either; a list that leaves some out ("and the rest", "some Greeks") is
    checked only for more. Also a figure marked as a total ("in total", "account
    for", "altogether") and the groups of the same event (displaced, killed, ...)
    in the sentences after it. A list with an amount of another unit among its items
    ("75 routes: 141 buses, 74 kilometres and 24 bus routes were added") names several
    kinds of thing, not parts. Sub-parts ("of whom", "including") are KN211's; parts
    stated item by item in other sentences or list items are KN220's.

    ## Why is this bad?
    The parts cannot add up to more than the whole, nor a complete breakdown to less;
    either the total or a part is wrong.

    ## Example
        The garrison counted 4,000 men in all: 2,500 Genoese, 1,200 Catalan crossbowmen and 600 local militia.
        The 4,000-strong reserve was made up of 2,500 Genoese and 1,200 Catalans.
        In the end 3,500 horses came from Tigray and 6,000 from Shewa, a total of 8,600.

    ## Use instead
        The garrison counted 4,000 men in all: 2,500 Genoese, 1,200 Catalan crossbowmen and 300 local militia.
        The 4,000-strong reserve was made up of 2,500 Genoese and 1,500 Catalans.
        In the end 3,500 horses came from Tigray and 5,100 from Shewa, a total of 8,600.
    """

    code = "KN202"
    name = "total-mismatch"
    severity = Severity.ERROR
    summary = "the listed parts add up to more than the stated total, or a complete list to less"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not paragraphs(ctx):
            return  # both checks read the body's quantities
        num = ctx.packs.numbers
        people = set(num.people_nouns)
        view = ctx.doc.view
        yield from self._breakdowns(ctx, [b for b in breakdowns(ctx) if not b.subset])
        wholes = {id(b.whole) for b in breakdowns(ctx)}
        for para in paragraphs(ctx):
            for i, total in enumerate(para):
                if (
                    id(total) in wholes
                    or total.unit != "count"
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
                low_sum = sum(b[0] for p in parts if (b := bounds(ctx, p)) is not None)
                if tb is None or low_sum <= tb[1] * (1 + num.total_tolerance):
                    continue
                listed = " + ".join(fmt(p.low) for p in parts)
                raw = sum(value(p) for p in parts)
                yield self.diagnostic(
                    total.start,
                    total.end,
                    f"total {stated(total)} is less than its parts: {listed} = {fmt(raw)} "
                    f"({lines_of(ctx, parts)})",
                    related=[(p.start, p.end, f"part: {stated(p)}") for p in parts],
                )

    def _breakdowns(self, ctx: Context, listed: list[Breakdown]) -> Iterator[Diagnostic]:
        """A whole and the list of parts its sentence splits it into ("4,000 men in all:
        2,500 ..."): the parts may not add up to more, nor, when the list is stated as
        complete, to less."""
        for b in listed:
            whole = bounds(ctx, b.whole)
            if whole is None or adds_up_early(b) or _other_unit_among(ctx, b):
                continue
            tol = tolerance(ctx, b)
            low = sum(p.low for p in b.parts)
            high = sum(p.high for p in b.parts)
            if low > whole[1] * (1 + tol):
                relation = "less than"
            elif b.complete and high < whole[0] * (1 - tol):
                relation = "more than"
            else:
                continue
            raw = " + ".join(p.text for p in b.parts)
            yield self.diagnostic(
                b.whole.start,
                b.whole.end,
                f"total {stated(b.whole)} is {relation} its parts: {raw} "
                f"= {fmt(sum(_stated_value(p) for p in b.parts))}",
                related=[(p.start, p.end, f"part: \u201c{p.text}\u201d") for p in b.parts],
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
