"""KX304 acronym-conflict.

One acronym defined with two expansions, or one expansion with two acronyms.
"""

from __future__ import annotations

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
    Reports one acronym defined with two different expansions, and two acronyms
    defined for one expansion. An organisation under its old and its new acronym
    is KX309.

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
    summary = "one acronym defined with two expansions, or one expansion with two acronyms (opt-in)"

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
