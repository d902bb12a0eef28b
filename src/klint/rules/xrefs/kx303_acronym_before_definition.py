"""KX303 acronym-before-definition: an acronym used before the place that expands it (opt-in)."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import BODY_KINDS, defined_acronyms, line_of


class AcronymBeforeDefinition(Rule):
    """## What it does
    Reports an acronym used in the body before the place that defines it.
    Uses in the title, headings and infobox (which summarise the article) and
    in quotations are not checked. Opt-in: many articles use an acronym in the
    lead and expand it in the body.

    ## Why is this bad?
    The reader meets the acronym before learning what it stands for.

    ## Example
        The RDA paid for the new harbour.
        In 1998 the town set up a Regional Development Agency (RDA).

    ## Use instead
        In 1998 the town set up a Regional Development Agency (RDA).
        The RDA paid for the new harbour.
    """

    code = "KX303"
    name = "acronym-before-definition"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an acronym used before the place that expands it (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        defined = defined_acronyms(ctx)
        reported: set[str] = set()
        for a in ctx.claims.acronyms:
            d = defined.get(a.acronym)
            if not d or a.expansion or a.in_quote or a.acronym in reported or a.start >= d[0].start:
                continue
            region = ctx.doc.region_at(a.start, *BODY_KINDS)
            if region is None or region.kind == "heading":
                continue
            reported.add(a.acronym)
            yield self.diagnostic(
                a.start,
                a.end,
                f"{a.acronym} is used on line {line_of(ctx, a.start)} before it is defined as "
                f"\u201c{d[0].expansion}\u201d on line {line_of(ctx, d[0].start)}",
                related=[(d[0].start, d[0].end, "definition")],
            )
