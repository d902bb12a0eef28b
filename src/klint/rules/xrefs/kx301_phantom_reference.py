"""KX301 phantom-reference.

A counting or naming phrase points back at material the text does not contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.claims import Reference
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of, q


class PhantomReference(Rule):
    """## What it does
    Reports a phrase that counts or names earlier material that is not there:
    "the previous two" resolutions when only one numbered resolution comes
    before it, or "the aforementioned treaty" when no treaty was mentioned.
    Counting phrases are checked against numbered identifiers ("Resolution 822")
    of the same kind; "aforementioned X" against any earlier mention of X.

    ## Why is this bad?
    The reader is sent back to something the article never said: a step was
    deleted, or the sentence was copied from a longer text.

    ## Example
        In March the assembly passed Resolution 41.
        Resolutions 45 and 47 repeated the points of the previous two.

    ## Use instead
        In March the assembly passed Resolution 41.
        Resolutions 45 and 47 repeated the points of Resolution 41.
    """

    code = "KX301"
    name = "phantom-reference"
    severity = Severity.ERROR
    default_enabled = False
    summary = "a phrase points back at material the text does not contain (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        refs = ctx.claims.references
        idents = [r for r in refs if r.ref_type == "identifier" and r.ident]
        for ref in refs:
            if ref.ref_type == "count-back" and ref.count and ref.target:
                yield from self._count_back(
                    ctx, ref, ref.count, ref.target, [r for r in idents if r.target == ref.target]
                )
            elif ref.ref_type == "anaphor" and ref.target:
                yield from self._anaphor(ctx, ref, ref.target)

    def _count_back(
        self, ctx: Context, ref: Reference, count: int, target: str, same: list[Reference]
    ) -> Iterator[Diagnostic]:
        if not same:
            return  # only numbered items can be counted with confidence
        scope = ref.sentence_start if ref.sentence_start is not None else ref.start
        before: dict[str | None, Reference] = {}
        for r in same:
            if r.start < scope:
                before.setdefault(r.ident, r)
        if len(before) >= count:
            return
        noun = target + ("s" if count != 1 else "")
        if before:
            listed = ", ".join(f"{r.text} (line {line_of(ctx, r.start)})" for r in before.values())
            message = (
                f"{q(ref.text)} points back at {count} {noun}, but only {len(before)} "
                f"comes before it: {listed}"
            )
            related = [(r.start, r.end, f"the only earlier {target}") for r in before.values()]
        else:
            first = same[0]
            message = (
                f"{q(ref.text)} points back at {count} {noun}, but none comes before it; "
                f"the first is {first.text} on line {line_of(ctx, first.start)}"
            )
            related = [(first.start, first.end, f"first {target}")]
        yield self.diagnostic(ref.start, ref.end, message, related=related)

    def _anaphor(self, ctx: Context, ref: Reference, target: str) -> Iterator[Diagnostic]:
        from klint.text.words import plural_forms

        text = ctx.doc.view
        forms = "|".join(re.escape(f) for f in plural_forms(target))
        pattern = re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)
        for region in ctx.doc.content_regions():
            if region.start >= ref.start:
                break
            if pattern.search(text, region.start, min(region.end, ref.start)):
                return
        yield self.diagnostic(  # the earlier text may use a synonym: a guess, so a warning
            ref.start,
            ref.end,
            f"{q(ref.text)} refers to an earlier {target}, but no {target} is mentioned "
            f"before line {line_of(ctx, ref.start)}",
            severity=Severity.WARNING,
        )
