"""KD103 outside-subject-span.

A date tied to the article's subject that falls outside its stated span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    line,
    prose_dates,
    region_of,
    sentence,
    severity_for,
    show,
    sound,
)
from klint.text.words import words_re


class OutsideSubjectSpan(Rule):
    """## What it does
    Finds the article's own span (every date of the infobox "Date" field, a
    range in the article's opening sentence "from February 1988 to May 1994",
    or else the claims file) and reports a
    date the text explicitly ties to the subject ("the war began…", "the final
    battles of the war…", "the cease-fire that ended the war…") that falls
    outside it. Background history is never tied to the subject this way and
    is not reported, nor is "the war" in a paragraph that named another war
    before it ("the Second Anglo-Mysore War ... the war ended in 1784").

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
    severity = Severity.WARNING  # no corpus evidence yet for error level (>= 97 % precise)
    summary = "a date tied to the article's subject that falls outside its stated span"

    def _span(self, ctx: Context) -> list[DateClaim]:
        """The dates that state the subject's span: every date of the infobox "Date" field
        (it may hold a start, an end and a ratification), else a range in the opening
        sentence of the first paragraph ("The Valley War was fought from March 1978 to June
        1983"), outside any parenthesis."""
        field: list[DateClaim] = []
        first_paragraph: Region | None = None
        lead: DateClaim | None = None
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or not sound(c) or c.year_inferred:
                continue
            if region.kind == "infobox_field" and region.label == "Date":
                field.append(c)  # every line of the field ("<br />Ratification: May 12, 1784")
                continue
            if region.kind != "paragraph":
                continue
            first_paragraph = first_paragraph or region
            if (
                lead is None
                and region is first_paragraph
                and c.is_range
                and c.preposition in ("from", "between")
                and c.cue is None
                and sentence(ctx, c, region)[0] == region.start
            ):
                lead = c
        return field or ([lead] if lead else [])

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
        spans = self._span(ctx)
        if spans:
            first, last = spans[0], spans[-1]
            lo, hi = min(c.earliest for c in spans), max(c.latest for c in spans)
            shown = show(first) if first is last else f"{show(first)} \u2026 {show(last)}"
            where = f"{shown} (line {line(ctx, first.start)})"
            related = [(first.start, last.end, f"the subject's span {shown}")]
        elif (side := self._sidecar_span(ctx)) is not None:
            lo, hi, text = side
            where, related = f"{text} (claims file)", []
        else:
            return
        cues = words_re(tuple(ctx.packs.subject_cues))
        view = ctx.doc.view
        titles = {" ".join(view[r.start : r.end].split()) for r in ctx.doc.regions_of("title")}
        span_starts = {c.start for c in spans}
        for c, region in prose_dates(ctx):
            # equal claims start alike: the start first, then (rarely) every field
            if (c.start in span_starts and c in spans) or c.cue in ("quotation",):
                continue
            if lo <= c.latest and c.earliest <= hi:
                continue  # inside the span
            s, e = sentence(ctx, c, region)
            m = cues.search(view, max(s, c.start - 80), min(e, c.end + 80))
            if m is not None and not _another_named(
                view, region.start, m, titles, ctx.packs.date_words.get("event_heads", [])
            ):
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)} is tied to the subject (\u201c{m.group()}\u201d) but lies outside its span {where}",
                    related=related,
                    severity=severity_for(c, *spans),
                )


def _another_named(
    view: str, start: int, cue: re.Match[str], titles: set[str], heads: list[str]
) -> bool:
    """Does the paragraph name another war before "the war" ("... to open the Second
    Anglo-Mysore War in 1780. ... and the war ended with the 1784 treaty")? Then the cue may
    be about that one, not the article's subject."""
    words = cue.group().lower().split()
    for head in heads:
        if head not in words:
            continue
        named = re.compile(rf"(?:[A-Z][\w'\u2019-]*[ \t]+)+{head.capitalize()}\b")
        for m in named.finditer(view, start, cue.start()):
            name = re.sub(r"^(?:The|In|During|After|Before)[ \t]+", "", m.group())
            if not any(name in title for title in titles):  # "the Revolutionary War" is the subject
                return True
    return False
