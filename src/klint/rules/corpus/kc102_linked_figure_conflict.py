"""KC102 linked-figure-conflict: a figure about a linked article's subject that its own article contradicts."""

from __future__ import annotations

import math
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context
from klint.rules.corpus._common import CorpusRule, Fact, is_linked, is_own
from klint.rules.numbers._common import bounds, rounded, stated

#: measures a thing keeps: compared whatever the time
_STATIC = frozenset({"floors", "height", "length", "area", "elevation"})
#: figures that change: compared only when both places give the same year
_CHANGING = frozenset({"population", "members", "employees"})


class LinkedFigureConflict(CorpusRule):
    """## What it does
    Checks a corpus (a MediaWiki dump, or a folder of articles linking to each other)
    and reports a figure an article gives about an entity it links to — a building's
    floors or height, a river's length, an area, an elevation; a population, a
    membership or a workforce in a stated year — that the entity's own article
    contradicts in its infobox or lead. The entity is the link target; the unit must
    match; a figure that changes is compared only when both places name the same
    year. Qualifiers ("about", "over") and a round figure's precision widen what
    agrees, as in KN209. Runs only when more than one article is checked.

    ## Why is this bad?
    Two articles of one wiki give the reader two figures for one thing; one of them
    is wrong, or out of date.

    ## Example
    ```wikitext Crane Tower
    {{Infobox building
    | name = Crane Tower
    | floor_count = 58
    }}
    '''Crane Tower''' is an office tower in Chicago.
    ```

    ```wikitext Chicago skyline
    '''Chicago skyline''' is a list of buildings.

    [[Crane Tower]] has 64 floors and a roof garden.
    ```

    ## Use instead
    ```wikitext Crane Tower
    {{Infobox building
    | name = Crane Tower
    | floor_count = 58
    }}
    '''Crane Tower''' is an office tower in Chicago.
    ```

    ```wikitext Chicago skyline
    '''Chicago skyline''' is a list of buildings.

    [[Crane Tower]] has 58 floors and a roof garden.
    ```
    """

    code = "KC102"
    name = "linked-figure-conflict"
    severity = Severity.WARNING
    summary = "a figure about a linked entity that its own article contradicts (opt-in)"

    def facts(self, ctx: Context) -> Iterator[Fact]:
        for q in ctx.claims.quantities:
            if (
                q.low is None
                or q.split
                or q.unit == "percent"
                or q.source not in ("body", "infobox", "caption")
            ):
                continue
            f = ctx.claims.frames.get(q)
            if f is None or f.subject is None or f.attribute is None:
                continue
            attribute = f.attribute
            if attribute not in _STATIC and not (attribute in _CHANGING and f.year):
                continue
            own = is_own(ctx, f)
            if not own and not is_linked(ctx, f):
                continue
            b = bounds(ctx, q)
            if b is None or math.isinf(b[1]):
                continue
            low, high = rounded(q, *b)
            yield self.fact(ctx, q, f, attribute, own, low, high, stated(q), q.unit)

    def compare(self, own: list[Fact], said: list[Fact]) -> Iterator[Diagnostic]:
        for s in said:
            like = [o for o in own if o.unit == s.unit and _same_time(o, s)]
            against = [o for o in like if o.high < s.low or s.high < o.low]
            if against and len(against) == len(like):
                o = min(against, key=lambda o: (o.origin != "infobox", o.path, o.start))
                when = f" in {s.year}" if s.year and s.attribute not in _STATIC else ""
                yield self.finding(
                    s,
                    o,
                    f"{s.name}: {s.attribute}{when} {s.shown} here, but {o.shown} in its own "
                    f"article ({o.path}, line {o.line}, {o.origin})",
                    f"{o.attribute} {o.shown} ({o.origin} of {o.name})",
                )


def _same_time(a: Fact, b: Fact) -> bool:
    return a.attribute in _STATIC or (a.year is not None and a.year == b.year)
