"""What the KX rules share: excerpts, line numbers, the acronyms the text defines and the
reference sections."""

from __future__ import annotations

import re

from klint.claims import Acronym
from klint.document import Region
from klint.rules.base import Context


def excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def line_of(ctx: Context, offset: int) -> int:
    return ctx.doc.position(offset)[0]


def line_at(text: str, offset: int) -> str:
    """The line of ``text`` that holds ``offset``, without its line break."""
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return text[lo : hi if hi >= 0 else len(text)]


def q(text: str) -> str:
    return f"\u201c{excerpt(text, 60)}\u201d"


BODY_KINDS = ("paragraph", "caption", "list_item", "quote", "table_row", "heading")


def expansion(definition: Acronym) -> str:
    """The expansion of a definition (what :func:`defined_acronyms` holds)."""
    if definition.expansion is None:
        raise ValueError(f"not a definition: {definition.text!r}")
    return definition.expansion


def defined_acronyms(ctx: Context) -> dict[str, list[Acronym]]:
    out: dict[str, list[Acronym]] = {}
    for a in ctx.claims.acronyms:
        if a.expansion:
            out.setdefault(a.acronym, []).append(a)
    return out


_REFERENCES_RE = re.compile(
    r"(?:references|notes|footnotes|citations|sources|bibliography|works cited)\b", re.I
)


def in_references(ctx: Context, region: Region) -> bool:
    """Whether the region lies in a reference list's section ("References", "Notes", …)."""
    if region.section <= 0:
        return False
    heading = ctx.doc.regions[region.section]
    title = ctx.doc.view[heading.start : heading.end].strip(" =#\n")
    return bool(_REFERENCES_RE.match(title))
