"""KX308 dangling-pointer: “see below”, “(see the section on X)” with nothing to point at."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import q
from klint.rules.xrefs._marks import in_citation


class DanglingPointer(Rule):
    """## What it does
    Reports a pointer with nothing to point at: "(see the section on X)" or
    "see the X section" when no heading matches X, "see below" or "discussed
    below" in the article's last block, "as mentioned above" in its first. A
    pointer in a citation or footnote is not read: it may point into the cited
    work ("Smith 2001 (see Methods section)").

    ## Why is this bad?
    The reader looks for text that is not there, usually after a section was
    removed or renamed.

    ## Example
        The mayor denied any part in it (see the section on harbour contracts).

    ## Use instead
        The mayor denied any part in it (see Harbour contracts, below).
    """

    code = "KX308"
    name = "dangling-pointer"
    severity = Severity.WARNING
    summary = "\u201csee below\u201d, \u201c(see the section on X)\u201d with nothing to point at"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if all(ref.ref_type != "pointer" for ref in ctx.claims.references):
            return  # no pointer to follow
        doc = ctx.doc
        headings = [_norm_heading(doc.view[r.start : r.end]) for r in doc.regions_of("heading")]
        stems: dict[str, set[int]] = {}  # word stem -> the headings that have it
        for k, h in enumerate(headings):
            for w in h.split():
                stems.setdefault(w[:5], set()).add(k)
        blocks = [
            r
            for r in doc.content_regions()
            if r.kind in ("paragraph", "list_item", "table_row", "quote")
        ]
        found: dict[str, bool] = {}
        for ref in ctx.claims.references:
            if ref.ref_type != "pointer" or in_citation(ctx, ref.start, ref.end):
                continue  # a pointer in a citation or footnote may point into the cited work
            if ref.direction == "none" and ref.target:
                want = _norm_heading(ref.target)
                if want and want not in found:
                    found[want] = _heading_exists(want, headings, stems)
                if want and not found[want]:
                    yield self.diagnostic(
                        ref.start,
                        ref.end,
                        f"{q(ref.text)} points at a section \u201c{ref.target}\u201d, but no heading "
                        f"matches it ({len(headings)} heading{'' if len(headings) == 1 else 's'})",
                    )
            elif blocks and ref.direction == "forward" and ref.start >= blocks[-1].start:
                yield self.diagnostic(
                    ref.start,
                    ref.end,
                    f"{q(ref.text)} points forward, but nothing follows: this is the last block",
                )
            elif (
                blocks and ref.direction == "back" and blocks[0].start <= ref.start < blocks[0].end
            ):
                yield self.diagnostic(
                    ref.start,
                    ref.end,
                    f"{q(ref.text)} points back, but nothing comes before: this is the first block",
                )


def _norm_heading(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return " ".join(w for w in words if w not in ("the", "a", "an", "of", "on"))


def _heading_exists(want: str, headings: list[str], stems: dict[str, set[int]]) -> bool:
    """A heading contains the wanted words, or shares the stems of half of them ("volunteer units")."""
    wanted = {w[:5] for w in want.split()}
    hits: dict[int, int] = {}
    for w in wanted:
        for k in stems.get(w, ()):
            hits[k] = hits.get(k, 0) + 1
    for k, n in hits.items():
        h = headings[k]
        if want in h or h in want or n * 2 >= len(wanted):
            return True
    return False
