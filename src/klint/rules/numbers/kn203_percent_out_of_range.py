"""KN203 percent-out-of-range: a share given as more than 100% (or less than 0%)."""

from __future__ import annotations

from collections.abc import Iterator

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import stated
from klint.text.words import has_cue


class PercentOutOfRange(Rule):
    """## What it does
    Reports a percentage below 0 or above 100 where it is a share of a whole ("120%
    of the residents", "a 104% Catholic majority"), not a growth or a ratio ("rose by
    150%", "equal to 140% of the annual sink", "a mass 102% of the Sun's", "112% of
    Earth's radius": one thing's measure set against another's).

    ## Why is this bad?
    A share cannot exceed the whole; the figure is mistyped or misplaced.

    ## Example
        By 1950 the town was 104% Catholic.

    ## Use instead
        By 1950 the town was 94% Catholic.
    """

    code = "KN203"
    name = "percent-out-of-range"
    severity = Severity.ERROR
    summary = "a share given as more than 100% (or less than 0%)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        view = ctx.doc.view
        for q in ctx.claims.quantities:
            if q.unit != "percent" or q.low is None or q.split or q.source == "table":
                continue
            bad = [v for v in (q.low, q.high) if v is not None and (v > 100 or v < 0)]
            if not bad or q.counted is None:
                continue
            # the sentence up to the claim (masked markup such as <ref>s is blank there) and a
            # little after it: "a growth of 8% yearly, an augmentation of 80% to 250%"
            window = view[
                max(q.sentence_start or 0, q.start - 300) : min(q.sentence_end or q.end, q.end + 40)
            ]
            if has_cue(window, num.share_blockers) or has_cue(q.counted, num.share_blockers):
                continue
            if _anothers_measure(q.counted, num.ratio_measures):
                continue
            yield self.diagnostic(
                q.start,
                q.end,
                f"{stated(q)} of {q.counted} is a share above 100%"
                if bad[0] > 100
                else f"{stated(q)} of {q.counted} is a negative share",
            )


#: "the Sun's", "Earth's radius": an owner and what follows it, at the end of the counted
_OWNED_RE = lazyre.compile(r"\w['’]s?(?:\s+(?P<head>[\w-]+))?$")


def _anothers_measure(counted: str, measures: list[str]) -> bool:
    """Whether the counted is another thing's measure: "of the Sun's" (its head left to the
    sentence) or "of Earth's radius", where no part can be a share of the whole."""
    m = _OWNED_RE.search(counted)
    return m is not None and (m["head"] is None or m["head"].lower() in measures)
