"""KX304 acronym-conflict.

One acronym with two expansions, or one organisation under two acronyms.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from klint.claims import Acronym
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import defined_acronyms, expansion, line_of


def _norm_expansion(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("-", ""))
    return " ".join(w[:4] for w in words if w not in ("the", "of", "and", "for", "plus", "per"))


def _same_expansion(a: str, b: str) -> bool:
    """Two spellings of one expansion: most words shared ("walks plus hits per inning pitched" /
    "Walks and hits per innings pitched average"), or one inside the other ("... Fertiliser Sdn Bhd")."""
    wa, wb = set(_norm_expansion(a).split()), set(_norm_expansion(b).split())
    return bool(wa and wb) and len(wa & wb) * 3 >= 2 * min(len(wa), len(wb))


class AcronymConflict(Rule):
    """## What it does
    Reports one acronym defined with two different expansions, two acronyms
    defined for one expansion, and an organisation that appears under its old
    and its new acronym (pack `renamed_acronyms`: CSCE → OSCE) with no sentence
    that names both, which is how a text says that one became the other.

    ## Why is this bad?
    The reader takes the two names for two organisations, or one name for two.

    ## Example
        The Harbour Works Board (HWB) rebuilt the quay.
        In 1970 the Harbour Works Board (HB) closed the old dock.

    ## Use instead
        The Harbour Works Board (HWB) rebuilt the quay.
        In 1970 the Harbour Works Board (HWB) closed the old dock.
    """

    code = "KX304"
    name = "acronym-conflict"
    severity = Severity.ERROR
    default_enabled = False
    summary = "one acronym with two expansions, or one organisation under two acronyms (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        defined = defined_acronyms(ctx)
        by_expansion: dict[str, Acronym] = {}
        for acronym, defs in defined.items():
            first = defs[0]
            for d in defs[1:]:
                if not _same_expansion(expansion(d), expansion(first)):
                    yield self.diagnostic(
                        d.start,
                        d.end,
                        f"{acronym} is defined as \u201c{d.expansion}\u201d here but as "
                        f"\u201c{first.expansion}\u201d on line {line_of(ctx, first.start)}",
                        related=[(first.start, first.end, "first definition")],
                    )
                    break
        for d in sorted((x[0] for x in defined.values()), key=lambda a: a.start):
            key = _norm_expansion(expansion(d))
            other = by_expansion.setdefault(key, d)
            if other is not d:
                yield self.diagnostic(
                    d.start,
                    d.end,
                    f"\u201c{d.expansion}\u201d is abbreviated {d.acronym} here but {other.acronym} "
                    f"on line {line_of(ctx, other.start)}",
                    related=[(other.start, other.end, f"defined as {other.acronym}")],
                )
        yield from self._renamed(ctx)

    def _renamed(self, ctx: Context) -> Iterator[Diagnostic]:
        first: dict[str, Acronym] = {}
        for a in ctx.claims.acronyms:
            if not a.in_quote:
                first.setdefault(a.acronym, a)
        for pair in ctx.packs.renamed_acronyms:
            if len(pair) < 2 or pair[0] not in first or pair[1] not in first:
                continue
            old, new = first[pair[0]], first[pair[1]]
            if self._linked(ctx, pair[0], pair[1]):
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
    def _linked(ctx: Context, a: str, b: str) -> bool:
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
