"""KN204 shares-exceed-whole: shares of one whole above 100%, or a part larger than its whole."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, fmt, line_of, paragraphs, stated
from klint.text.words import alternation

_OF_THE_START = re.compile(r"\s{0,3}(?:[Oo]f|[Oo]ut of) (?:the|its|their|all|his|her) ")
_TO_PART = re.compile(r"[^.;:0-9]{0,40}?, ")
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:its|the|their|his|her|a\s+total\s+of)\s+$")


def _without_breakdowns(parts: list[QuantityClaim]) -> list[QuantityClaim]:
    """Parts without those that break down an earlier part ("1,860,000 Jews: 490,000 at
    Belzec, 60,000 at Sobibor…" lists the 1,860,000 again, camp by camp)."""
    out: list[QuantityClaim] = []
    i = 0
    while i < len(parts):
        out.append(parts[i])
        total, j = 0.0, i + 1
        while j < len(parts) and total < (parts[i].low or 0):
            total += parts[j].low or 0
            j += 1
        if j > i + 2 and abs(total - (parts[i].low or 0)) <= 0.01 * (parts[i].low or 0):
            i = j  # parts[i+1:j] add up to parts[i]: its breakdown
        else:
            i += 1
    return out


class SharesExceedWhole(Rule):
    """## What it does
    Reports parts larger than their whole: shares of one whole in a sentence that add
    up to more than 100%, "485 of its 300 residents", "of the 40 crew, 45 were
    rescued", sub-parts ("of them ...") that
    add up to more than the group they break down, and infobox dead greater than
    the same side's strength.

    ## Why is this bad?
    A part cannot exceed its whole; one of the figures is wrong.

    ## Example
        The council was 60% Liberal, 30% Labour and 20% Green.

    ## Use instead
        The council was 60% Liberal, 30% Labour and 10% Green.
    """

    code = "KN204"
    name = "shares-exceed-whole"
    severity = Severity.ERROR
    summary = "shares of one whole above 100%, or a part larger than its whole"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        yield from self._shares(ctx)
        yield from self._part_of_whole(ctx)
        yield from self._infobox(ctx)

    def _shares(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        tol = ctx.packs.numbers.percent_tolerance
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                pcts = [
                    q
                    for q in group
                    if q.unit == "percent" and q.low is not None and q.qualifier != "range"
                ]
                run: list[QuantityClaim] = []
                for q in pcts:
                    if run and not re.fullmatch(
                        r"[\w\s'’-]{0,30}?(?:,\s*|\s+)(?:and\s+)?", view[run[-1].end : q.start]
                    ):
                        yield from self._report_shares(ctx, run, tol)
                        run = []
                    # a group named by a capitalized word ("60% Armenian"): one dimension of one whole
                    named = re.match(r"\s?%\s+[A-Z]", view[q.number_end or q.end : q.end + 3])
                    if (
                        named
                        and q.counted is not None
                        and q.counted not in {r.counted for r in run}
                    ):
                        run.append(q)
                yield from self._report_shares(ctx, run, tol)

    def _report_shares(
        self, ctx: Context, run: list[QuantityClaim], tol: float
    ) -> Iterator[Diagnostic]:
        if len(run) < 2:
            return
        gaps = [ctx.doc.view[a.end : b.start].lower() for a, b in itertools.pairwise(run)]
        if any(
            re.search(
                r"\b(?:or|even|as high|to|from|between|while|whereas|compared|versus|vs)\b", g
            )
            for g in gaps
        ):
            return
        total = sum(q.low for q in run)
        if total <= 100 + tol * len(run):
            return
        first = run[0]
        yield self.diagnostic(
            first.start,
            run[-1].end,
            "shares add up to more than 100%: "
            + " + ".join(f"{fmt(q.low)}% {q.counted}" for q in run)
            + f" = {fmt(total)}%",
            related=[(q.start, q.end, f"share: {stated(q)}") for q in run[1:]],
        )

    def _part_of_whole(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for i, q in enumerate(para):
                if q.unit != "count" or q.low is None:
                    continue
                # "485 of its 300 residents"
                nxt = para[i + 1] if i + 1 < len(para) else None
                if (
                    nxt is not None
                    and nxt.low is not None
                    and nxt.unit == "count"
                    and _OF_WHOLE.fullmatch(" " + view[q.number_end or q.end : nxt.start])
                    and q.low > nxt.high
                ):
                    yield self.diagnostic(
                        q.start,
                        nxt.end,
                        f"part {fmt(q.low)} is larger than its whole {stated(nxt)}",
                        related=[(nxt.start, nxt.end, "the whole")],
                    )
                    continue
                # "Of the 40 crew, 45 were rescued"
                if (
                    nxt is not None
                    and nxt.low is not None
                    and nxt.unit == "count"
                    and not nxt.split
                    and nxt.sentence_start == q.sentence_start
                    and nxt.counted in (None, q.counted)
                    and _OF_THE_START.fullmatch(view[q.sentence_start or 0 : q.start])
                    and _TO_PART.fullmatch(view[q.end : nxt.start])
                    and (b := bounds(ctx, q)) is not None
                    and (bounds(ctx, nxt) or (0, 0))[0] > b[1]
                ):
                    yield self.diagnostic(
                        nxt.start,
                        nxt.end,
                        f"part {stated(nxt)} is larger than its whole {stated(q)}",
                        related=[(q.start, q.end, "the whole")],
                    )
                    continue
                # "613 civilians, of them 106 women and 83 children"
                subs = _without_breakdowns(self._subparts(ctx, para[i + 1 :], q))
                if len(subs) >= 2 and all(float(x.low or 0).is_integer() for x in (q, *subs)):
                    b = bounds(ctx, q)
                    s = sum(p.low for p in subs)
                    if b is not None and s > b[1]:
                        yield self.diagnostic(
                            q.start,
                            q.end,
                            f"{stated(q)} is less than its listed parts: "
                            + " + ".join(fmt(p.low) for p in subs)
                            + f" = {fmt(s)}",
                            related=[(p.start, p.end, f"part: {stated(p)}") for p in subs],
                        )

    @staticmethod
    def _subparts(
        ctx: Context, after: list[QuantityClaim], whole: QuantityClaim
    ) -> list[QuantityClaim]:
        view = ctx.doc.view
        opens, joins = _subpart_res(tuple(ctx.packs.numbers.subpart_cues))
        gap = view[whole.end : whole.end + 16].lower()
        if not opens.match(gap):
            return []
        subs = []
        for q in after:
            if q.sentence_start != whole.sentence_start or q.unit != "count" or q.low is None:
                break
            between = view[(subs[-1].end if subs else whole.end) : q.start]
            if not joins.fullmatch(between.lower()):
                break
            subs.append(q)
        return subs

    def _infobox(self, ctx: Context) -> Iterator[Diagnostic]:
        # a side's strength is the one troop figure of its strength field: a field that lists
        # several (each party, each arm) gives no single whole
        figures: dict[int, list[QuantityClaim]] = defaultdict(list)
        for q in ctx.claims.quantities:
            if q.source == "infobox" and q.side and q.low is not None:
                field = ctx.doc.region_at(q.start, "infobox_field")
                if field is not None and (field.label or "").casefold().startswith("strength"):
                    figures[q.side].append(q)
        strength = {
            side: qs[0]
            for side, qs in figures.items()
            if len(qs) == 1 and qs[0].counted == "troops"
        }
        for q in ctx.claims.quantities:
            if (
                q.source != "infobox"
                or q.counted != "dead"
                or q.side not in strength
                or q.low is None
            ):
                continue
            s = strength[q.side]
            bq, bs = bounds(ctx, q), bounds(ctx, s)
            if bq and bs and bq[0] > bs[1]:
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"side {q.side}: {stated(q)} is more than its strength {stated(s)} (line {line_of(ctx, s.start)})",
                    related=[(s.start, s.end, "the side's strength")],
                )


@lru_cache(maxsize=8)
def _subpart_res(cues: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """After a whole, a sub-part cue opening its parts ("613 civilians, of them ..."); between
    two parts, cues and "and" only."""
    words = alternation({c.lower() for c in cues})
    return (
        re.compile(rf"[\s,;:(]*(?:{words})\b"),
        re.compile(rf"[\s,;:(]*(?:(?:{words}|and)\s+)*"),
    )
