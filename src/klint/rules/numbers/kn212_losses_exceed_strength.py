"""KN212 losses-exceed-strength: infobox dead greater than the same side's strength."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, line_of, stated


class LossesExceedStrength(Rule):
    """## What it does
    Reports an infobox that gives a side more dead than its strength: the side's
    strength is the one troop figure of its strength field (a field that lists
    several, one for each party or arm, gives no single whole), and its dead are
    the casualties field's dead figure for the same side.

    ## Why is this bad?
    A side cannot lose more soldiers than it fielded; one of the figures is wrong, or
    they belong to different sides or columns.

    ## Example
    ```wikitext
    {{Infobox military conflict
    | conflict = Battle of the Ford
    | combatant1 = [[Northern army]]
    | combatant2 = [[Southern army]]
    | strength1 = 8,000 troops
    | strength2 = 6,000 troops
    | casualties1 = 9,000 killed
    | casualties2 = 1,000 killed
    }}
    The '''Battle of the Ford''' was fought at the ford.
    ```

    ## Use instead
    ```wikitext
    {{Infobox military conflict
    | conflict = Battle of the Ford
    | combatant1 = [[Northern army]]
    | combatant2 = [[Southern army]]
    | strength1 = 8,000 troops
    | strength2 = 6,000 troops
    | casualties1 = 900 killed
    | casualties2 = 1,000 killed
    }}
    The '''Battle of the Ford''' was fought at the ford.
    ```
    """

    code = "KN212"
    name = "losses-exceed-strength"
    severity = Severity.ERROR
    summary = "an infobox side with more dead than its strength"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
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
