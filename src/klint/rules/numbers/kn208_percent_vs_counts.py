"""KN208 percent-vs-counts: a percentage against the counts it summarizes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from klint import lazyre
from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.packcache import per_packs
from klint.packs import Packs
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, paragraphs, stated
from klint.text.words import alternation

_WHOLE_BEFORE = lazyre.compile(
    r"\b(?:out of|of(?: the| its| their| a total of)?|total of) $", re.IGNORECASE
)
# "571 households, out of which 109 (19.1%)": the count that "of which" points back at
_WHOLE_AFTER = lazyre.compile(r"[^,;.()]{0,40}?,? (?:out )?of (?:which|whom|these|them)\b")
# "a density of 1,115.1 per square mile": a rate, never a whole
_RATE_AFTER = lazyre.compile(
    r"[^,;.()]{0,30}?\b(?:per|a|an)\s+(?:square|sq|km|mile|head|capita|year|cent)\b|\s*/"
)


class PercentVsCounts(Rule):
    """## What it does
    Reports a percentage that does not match the counts it summarizes in the same
    sentence: "of the 600 soldiers, 150 (40%) were killed" (150 of 600 is 25%).

    ## Why is this bad?
    The percentage and the counts cannot both be right.

    ## Example
        Of the 600 members, 150 (40%) voted for the motion.

    ## Use instead
        Of the 600 members, 150 (25%) voted for the motion.
    """

    code = "KN208"
    name = "percent-vs-counts"
    severity = Severity.ERROR
    summary = "a percentage against the counts it summarizes"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        tol = ctx.packs.numbers.percent_tolerance
        after_count = _pct_after_count(ctx.packs)
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                qs = list(group)
                if not any(
                    a.unit == "count" and p.unit == "percent" for a, p in itertools.pairwise(qs)
                ):
                    continue  # no count with its percentage (the common case, found cheaply)
                whole = self._whole(view, qs)
                if whole is None or whole.low is None:
                    continue
                total = whole.low
                pairs = [
                    (a, p, a.low, p.low)
                    for a, p in itertools.pairwise(qs)
                    if p.unit == "percent"
                    and a.unit == "count"
                    and a is not whole
                    and a.low is not None
                    and p.low is not None
                    and after_count.fullmatch(view[a.end : p.start])
                ]
                if any(part > total for _, _, part, _ in pairs):
                    continue  # a part larger than the whole: the whole is another count
                off = []
                for a, p, part, pct in pairs:
                    share = 100.0 * part / total
                    slack = tol + (pct * 0.1 if p.qualifier != "exact" else 0.5)
                    if abs(share - pct) > slack:
                        off.append((a, p, share))
                if len(pairs) > 1 and 2 * len(off) > len(pairs):
                    continue  # most shares miss this whole: they are shares of another one
                for a, p, share in off:
                    yield self.diagnostic(
                        p.start,
                        p.end,
                        f"{stated(p)} does not match {fmt(a.low)} of {fmt(whole.low)}, which is {fmt(round(share, 1))}%",
                        related=[
                            (whole.start, whole.end, "the whole"),
                            (a.start, a.end, "the part"),
                        ],
                    )

    @staticmethod
    def _whole(view: str, qs: list[QuantityClaim]) -> QuantityClaim | None:
        """The one count of the sentence that its shares are of ("of the 600", "571 households, of which")."""
        wholes = [
            q
            for q in qs
            if q.unit == "count"
            and q.low
            and q.qualifier == "exact"
            and not _RATE_AFTER.match(view, q.end)
            and (
                _WHOLE_BEFORE.search(view[max(q.sentence_start or 0, q.start - 20) : q.start])
                or _WHOLE_AFTER.match(view, q.end)
            )
        ]
        return wholes[0] if len(wholes) == 1 else None


@per_packs
def _pct_after_count(packs: Packs) -> re.Pattern[str]:
    """What may stand between a count and its percentage: "(", ", ", " or ", then an
    approximating qualifier of the pack ("about", "nearly")."""
    approximate = sorted(
        w
        for w, q in packs.qualifiers.items()
        if q.kind in ("about", "nearly") and not w.startswith("or ")
    )
    return re.compile(rf" ?(?:\(|, ?(?:or )?| or )(?:(?:{alternation(approximate)}) )?")
