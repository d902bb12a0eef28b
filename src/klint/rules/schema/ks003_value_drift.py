"""KS003 value-drift: a quoted number or date in the article differs from the claims file."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from klint.diagnostics import Diagnostic
from klint.rules.base import Context, Rule
from klint.rules.schema._common import (
    anchor,
    anchored,
    claim_dates,
    data_path,
    evaluate,
    excerpt,
    m,
    quote_anchors,
    related_in_file,
    valid_sidecar,
)

if TYPE_CHECKING:
    from klint.claimsfile.loader import Sidecar


def _inside(claims: list[Any], a: anchor.Anchor) -> list[Any]:
    """The claims (sorted by start, as extracted) that lie inside the anchor's span."""
    i = bisect.bisect_left(claims, a.start, key=lambda c: c.start)
    out = []
    while i < len(claims) and claims[i].start < a.end:
        if claims[i].end <= a.end:
            out.append(claims[i])
        i += 1
    return out


class ValueDrift(Rule):
    """## What it does
    Reports a fact or event whose quote is still in the article but whose
    number or date there now differs from the value in the claims file: the
    article was edited (or the claims file was mistyped). The message gives the
    old and the new value; the related location is the value in the claims file.

    ## Why is this bad?
    A curated fact silently disagrees with the text it was taken from; one of
    the two is wrong.

    ## Example
        The Mill Bridge carries 15,000 cars a day.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: traffic, value: 12000, counted: cars, quote: "carries 12,000 cars a day"}
    ```

    ## Use instead
        The Mill Bridge carries 12,000 cars a day.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: traffic, value: 12000, counted: cars, quote: "carries 12,000 cars a day"}
    ```
    """

    code = "KS003"
    name = "value-drift"
    summary = "a quoted number or date in the article differs from the claims file"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = valid_sidecar(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = quote_anchors(ctx, cf)
        for ident, section, index, item in anchored(cf):
            a = anchors.get(ident)
            if a is None or not item.quote:
                continue
            if isinstance(item, m.Fact):
                yield from self._fact(ctx, sc, item, index, a)
            else:
                yield from self._dates(ctx, sc, ident, section, index, item, a)

    def _fact(
        self, ctx: Context, sc: Sidecar, f: m.Fact, index: int | None, a: anchor.Anchor
    ) -> Iterator[Diagnostic]:
        span = ctx.doc.view[a.start : a.end]
        found = anchor.numbers_in(span, ctx.packs)
        if not found:
            return
        values = {v for v, _, _ in found}
        for q in _inside(ctx.claims.quantities, a):
            values |= {x for x in (q.low, q.high) if x is not None}
        wanted = list(f.stated)
        if all(any(abs(w - v) <= 1e-9 * max(1.0, abs(w)) for v in values) for w in wanted):
            return
        old = wanted[0]
        in_quote = [v for v, _, _ in anchor.numbers_in(f.quote or "", ctx.packs)]
        k = next(
            (i for i, v in enumerate(in_quote) if abs(v - old) <= 1e-9 * max(1.0, abs(old))), None
        )
        if k is not None and len(in_quote) == len(found):
            new, s, e = found[k]
        else:
            new, s, e = found[0]
        stated = " to ".join(evaluate.fmt(w) for w in wanted)
        where = "now says" if not a.exact else "says"
        d = self.diagnostic(
            a.start + s,
            a.start + e,
            f"fact {f.id!r} is {stated} in the claims file, but the article {where} {evaluate.fmt(new)}: "
            f"\u201c{excerpt(span)}\u201d",
        )
        d.related = [
            related_in_file(
                sc,
                sc.where(*data_path("facts", index, "range" if f.range else "value")),
                f"claims-file value {stated}",
            )
        ]
        yield d

    def _dates(
        self,
        ctx: Context,
        sc: Sidecar,
        ident: str,
        section: str,
        index: int | None,
        item: m.Anchored,
        a: anchor.Anchor,
    ) -> Iterator[Diagnostic]:
        if isinstance(item, m.Event):
            wanted = [(k, getattr(item, k)) for k in ("date", "start", "end") if getattr(item, k)]
        elif isinstance(item, m.Subject) and item.span is not None:
            wanted = [
                (f"span.{k}", getattr(item.span, k))
                for k in ("start", "end")
                if getattr(item.span, k)
            ]
        else:
            return
        span = ctx.doc.view[a.start : a.end]
        found = anchor.dates_in(span)
        if not found:
            return
        extracted = [(d.earliest, d.latest) for d in _inside(ctx.claims.dates, a)]
        for key, value in wanted:
            if (
                any(anchor.date_agrees(p, value) for p, _, _ in found)
                or claim_dates.bounds(value) in extracted
            ):
                continue
            parts, s, e = found[0] if len(wanted) == 1 or key != "end" else found[-1]
            what = "the subject" if ident == m.SUBJECT_ID else f"{section[:-1]} {ident!r}"
            d = self.diagnostic(
                a.start + s,
                a.start + e,
                f"{what} has {key} {value} in the claims file, but the article "
                f"{'now says' if not a.exact else 'says'} {anchor.show_date(parts)}: \u201c{excerpt(span)}\u201d",
            )
            d.related = [
                related_in_file(
                    sc,
                    sc.where(*data_path(section, index, *key.split("."))),
                    f"claims-file {key} {value}",
                )
            ]
            yield d
