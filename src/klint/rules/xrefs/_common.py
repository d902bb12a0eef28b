"""What the KX rules share: excerpts, line numbers and the acronyms the text defines."""

from __future__ import annotations

from klint.rules.base import Context


def excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def line_of(ctx: Context, offset: int) -> int:
    return ctx.doc.position(offset)[0]


def q(text: str) -> str:
    return f"\u201c{excerpt(text, 60)}\u201d"


BODY_KINDS = ("paragraph", "caption", "list_item", "quote", "table_row", "heading")


def defined_acronyms(ctx: Context) -> dict[str, list]:
    out: dict[str, list] = {}
    for a in ctx.claims.acronyms:
        if a.expansion:
            out.setdefault(a.acronym, []).append(a)
    return out
