"""KN201 value-conflict: the same quantity given conflicting values in two places."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, line_of, sentence_text, stated, subject_key
from klint.text.words import has_cue


def _field(label: str | None) -> str:
    """An infobox field's kind without its side: "Casualties 2" → "casualties"."""
    return (label or "").rstrip(" 0123456789").casefold()


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
        Valoria's army lost 1,200 dead in the war.
        ...
        In total, Valoria's army lost 2,000 dead in the war.

    ## Use instead
        Valoria's army lost about 1,200 dead in the war.
        ...
        In total, Valoria's army lost nearly 1,200 dead in the war.
    """

    code = "KN201"
    name = "value-conflict"
    severity = Severity.ERROR
    summary = "the same quantity given conflicting values in two places"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        cues = ctx.packs.numbers.whole_scope_cues
        known = set(ctx.packs.counted_nouns)
        buckets: dict[tuple[str | None, str, str, str | None], list[QuantityClaim]]
        buckets = defaultdict(list)
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
            group = group[:50]  # one quantity restated, not a data dump
            for i, b in enumerate(group):
                others = [a for a in group[:i] if self._conflict(ctx, a, b)]
                if not others:
                    continue
                a = others[-1]
                more = f" and {len(others) - 1} more" if len(others) > 1 else ""
                yield self.diagnostic(
                    b.start,
                    b.end,
                    f"{stated(b)} ({counted}, {b.subject}) conflicts with {stated(a)} "
                    f"on line {line_of(ctx, a.start)}{more}",
                    related=[
                        (o.start, o.end, f"the other value: {stated(o)}") for o in reversed(others)
                    ],
                )

    @staticmethod
    def _conflict(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
        """Whether two values of one quantity cannot both be true.

        Two figures of one sentence, or of one infobox field (an infobox lists a side's
        figures item by item: each party, each arm), are different facts; so are figures
        of two infobox fields of different kinds (strength, casualties).
        """
        if a.sentence_start == b.sentence_start and a.source == b.source == "body":
            return False
        if a.source == b.source == "infobox":
            fa = ctx.doc.region_at(a.start, "infobox_field")
            fb = ctx.doc.region_at(b.start, "infobox_field")
            if (
                fa is not None
                and fb is not None
                and (fa.label == fb.label or _field(fa.label) != _field(fb.label))
            ):
                return False  # one field's items, or a strength against a casualty figure
        ba, bb = bounds(ctx, a), bounds(ctx, b)
        return ba is not None and bb is not None and not (ba[0] <= bb[1] and bb[0] <= ba[1])
