"""KD103 outside-subject-span.

A date tied to the article's subject that falls outside its stated span.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    NARRATIVE,
    line,
    region_of,
    sentence,
    severity_for,
    show,
    sound,
)
from klint.text.words import words_re


class OutsideSubjectSpan(Rule):
    """## What it does
    Finds the article's own span (the infobox "Date" field, a lead sentence
    "from February 1988 to May 1994", or else the claims file) and reports a
    date the text explicitly ties to the subject ("the war began…", "the final
    battles of the war…", "the cease-fire that ended the war…") that falls
    outside it. Background history is never tied to the subject this way and
    is not reported.

    ## Why is this bad?
    The span and the dated event cannot both be right: either the infobox is
    wrong or the event is misdated.

    ## Example
        The Valley War was fought from March 1978 to June 1983.

        The final battles of the war took place in March 1986.

    ## Use instead
        The Valley War was fought from March 1978 to June 1983.

        The final battles of the war took place in March 1983.
    """

    code = "KD103"
    name = "outside-subject-span"
    severity = Severity.ERROR
    summary = "a date tied to the article's subject that falls outside its stated span"

    def _span(self, ctx: Context) -> DateClaim | None:
        first_paragraph: Region | None = None
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or not sound(c) or c.year_inferred:
                continue
            if region.kind == "infobox_field" and region.label == "Date":
                return c
            if region.kind == "paragraph":
                first_paragraph = first_paragraph or region
                if (
                    region is first_paragraph
                    and c.is_range
                    and c.preposition in ("from", "between")
                ):
                    return c
        return None

    @staticmethod
    def _sidecar_span(ctx: Context) -> tuple[date, date, str] | None:
        """The subject's span from the claims file, when it gives both ends."""
        model = getattr(ctx.sidecar, "model", None)
        span = getattr(getattr(model, "subject", None), "span", None)
        if span is None or not span.start or not span.end:
            return None
        from klint.claimsfile.dates import bounds

        return bounds(str(span.start))[0], bounds(str(span.end))[1], f"{span.start}..{span.end}"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        span = self._span(ctx)
        if span is not None:
            lo, hi = span.earliest, span.latest
            where = f"{show(span)} (line {line(ctx, span.start)})"
            related = [(span.start, span.end, f"the subject's span {show(span)}")]
        elif (side := self._sidecar_span(ctx)) is not None:
            lo, hi, text = side
            where, related = f"{text} (claims file)", []
        else:
            return
        cues = words_re(tuple(ctx.packs.subject_cues))
        view = ctx.doc.view
        for c in ctx.claims.dates:
            if c is span or not sound(c) or c.cue in ("quotation",):
                continue
            if lo <= c.latest and c.earliest <= hi:
                continue  # inside the span
            region = region_of(ctx, c.start)
            if region is None or region.kind not in NARRATIVE:
                continue
            s, e = sentence(ctx, c, region)
            m = cues.search(view, max(s, c.start - 80), min(e, c.end + 80))
            if m is not None:
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)} is tied to the subject (\u201c{m.group()}\u201d) but lies outside its span {where}",
                    related=related,
                    severity=severity_for(c, span) if span is not None else severity_for(c),
                )
