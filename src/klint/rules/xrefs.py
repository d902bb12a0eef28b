"""KX rules: references, acronyms, names and repeated text checked across the article."""

from __future__ import annotations

import re
from typing import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


def _excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class DuplicateText(Rule):
    """## What it does
    Reports a paragraph or caption that repeats an earlier one verbatim
    (ignoring differences in whitespace).

    ## Why is this bad?
    A repeated block is usually a copy-and-paste slip or an image caption
    printed twice when a page was flattened; readers see the same text twice.

    ## Example
        A T-72 tank memorial near the town of Askeran.
        A T-72 tank memorial near the town of Askeran.

    ## Use instead
        A T-72 tank memorial near the town of Askeran.
    """

    code = "KX306"
    name = "duplicate-text"
    severity = Severity.WARNING
    summary = "a paragraph or caption repeated verbatim"

    MIN_WORDS = 5  # captions
    MIN_PARAGRAPH_WORDS = 8  # shorter repeated lines are list entries ("Feud of the Year (2003)")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        seen: dict[str, tuple[int, int]] = {}
        for region in ctx.doc.regions_of("paragraph", "caption", "list_item", "quote"):
            raw = ctx.doc.text[region.start : region.end]
            key = re.sub(r"\s+", "", raw).casefold()
            words = len(raw.split())
            if words < self.MIN_WORDS or (
                region.kind != "caption" and (words < self.MIN_PARAGRAPH_WORDS or raw.rstrip()[-1:] not in ".!?\"”")
            ):
                continue
            if key in seen:
                first = seen[key]
                line, _ = ctx.doc.position(first[0])
                kind = "caption" if region.kind == "caption" else "paragraph"
                yield self.diagnostic(
                    region.start,
                    region.end,
                    f"{kind} repeats line {line} verbatim: \u201c{_excerpt(raw)}\u201d",
                    related=[(first[0], first[1], "first occurrence")],
                )
            else:
                seen[key] = (region.start, region.end)


RULES: tuple[type[Rule], ...] = (DuplicateText,)
