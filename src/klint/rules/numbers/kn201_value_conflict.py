"""KN201 value-conflict: the same quantity given conflicting values in two places."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, has_cue, line_of, sentence_text, stated, subject_key


class ValueConflict(Rule):
    """## What it does
    Reports the same quantity (the same counted noun, subject and scope) given two
    values that cannot both be true, once qualifiers are taken into account: "about
    6,000" and "nearly 6,000" agree with 5,900, "at least 400" agrees with 485 and "as
    many as 5,000" with 3,000. Only figures that say they cover the whole war or
    conflict ("in the war", "in total", the infobox) are compared across places.

    ## Why is this bad?
    A reader cannot tell which figure is right; one of them is usually a stale edit.

    ## Example
        Armenia's army lost 6,000 dead in the war.
        ...
        In total, Armenia's army lost 9,000 dead in the war.

    ## Use instead
        Armenia's army lost about 6,000 dead in the war.
        ...
        In total, Armenia's army lost nearly 6,000 dead in the war.
    """

    code = "KN201"
    name = "value-conflict"
    severity = Severity.ERROR
    summary = "the same quantity given conflicting values in two places"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        cues = ctx.packs.numbers.whole_scope_cues
        known = set(ctx.packs.counted_nouns)
        buckets: dict[tuple, list[QuantityClaim]] = defaultdict(list)
        for q in ctx.claims.quantities:
            if (
                q.source not in ("body", "infobox")
                or q.split
                or q.low is None
                or q.counted not in known
            ):
                continue
            key = subject_key(q.subject)
            if key is None:
                continue
            if q.source == "body" and not has_cue(sentence_text(ctx, q), cues):
                continue
            buckets[(q.counted, key, q.unit, q.scope)].append(q)
        for (counted, _, _, _), group in buckets.items():
            for a, b in itertools.combinations(
                group[:50], 2
            ):  # one quantity restated, not a data dump
                if a.sentence_start == b.sentence_start and a.source == b.source == "body":
                    continue
                ba, bb = bounds(ctx, a), bounds(ctx, b)
                if ba is None or bb is None or (ba[0] <= bb[1] and bb[0] <= ba[1]):
                    continue
                line = line_of(ctx, a.start)
                yield self.diagnostic(
                    b.start,
                    b.end,
                    f"{stated(b)} ({counted}, {b.subject}) conflicts with {stated(a)} on line {line}",
                    related=[(a.start, a.end, f"the other value: {stated(a)}")],
                )
