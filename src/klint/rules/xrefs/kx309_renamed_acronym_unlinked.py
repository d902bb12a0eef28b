"""KX309 renamed-acronym-unlinked: an organisation under its old and its new acronym, never linked."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from klint.claims import Acronym
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of


class RenamedAcronymUnlinked(Rule):
    """## What it does
    Reports an organisation that appears under its old and its new acronym (the
    rule pack's `renamed_acronyms`: GATT → WTO, EEC → EU) with no sentence that
    names both, which is how a text says that one became the other.

    ## Why is this bad?
    The reader takes the two names for two organisations.

    ## Example
        The Kennedy Round of GATT talks cut tariffs on steel in 1967.

        In 2002 the WTO ruled against the new steel tariffs.

    ## Use instead
        The Kennedy Round of GATT talks cut tariffs on steel in 1967.

        In 2002 the WTO, which had replaced GATT in 1995, ruled against the new steel
        tariffs.
    """

    code = "KX309"
    name = "renamed-acronym-unlinked"
    severity = Severity.ERROR
    default_enabled = False
    summary = "an organisation under its old and its new acronym, never linked (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        first: dict[str, Acronym] = {}
        for a in ctx.claims.acronyms:
            if not a.in_quote:
                first.setdefault(a.acronym, a)
        for pair in ctx.packs.renamed_acronyms:
            if len(pair) < 2 or pair[0] not in first or pair[1] not in first:
                continue
            old, new = first[pair[0]], first[pair[1]]
            if self.stated_as_one(ctx, pair[0], pair[1]):
                continue
            later, earlier = (old, new) if old.start > new.start else (new, old)
            yield self.diagnostic(
                later.start,
                later.end,
                f"{later.acronym} here and {earlier.acronym} on line {line_of(ctx, earlier.start)} name one "
                f"organisation ({pair[0]} was renamed {pair[1]}), but the text never links them",
                related=[(earlier.start, earlier.end, f"{earlier.acronym} used here")],
            )

    @staticmethod
    def stated_as_one(ctx: Context, a: str, b: str) -> bool:
        """Whether a sentence names both acronyms (or one with the other's expansion)."""
        places: dict[str, list[int]] = {a: [], b: []}
        for acr in ctx.claims.acronyms:
            if acr.acronym in places:
                places[acr.acronym].append(acr.start)
        text = ctx.doc.view
        others = places[b]  # in text order
        for s in places[a]:
            i = bisect.bisect_left(others, s - 300)
            while i < len(others) and others[i] < s + 300:
                lo, hi = min(s, others[i]), max(s, others[i])
                if not re.search(r"[.!?]\s+[A-Z]|\n", text[lo:hi]):
                    return True
                i += 1
        return False
