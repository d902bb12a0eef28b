"""KX310 acronym-name-untied: a full name, then its acronym, never tied together."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.claims import Acronym, Mention
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import defined_acronyms, line_of, q
from klint.rules.xrefs._marks import in_citation

#: between a full name and its acronym when the text gives both as one ("X or ACR", "X, ACR")
_TIED_RE = re.compile(
    r"['’]?s?\)?[\s,;:(]*(?:or|abbreviated(?:\s+(?:to|as))?|also|known|as)?[\s,;:(]*"
    r"|\s*\([^()]{1,80}[,;]\s*"  # "Koninklijk … Genootschap (Royal Dutch Geographical Society, KNAG)"
)
#: how far (in characters) a full name may stand before the first use it should have defined
_NEAR = 3000


def full_name_before(ctx: Context, acronym: str, uses: list[Acronym]) -> Mention | None:
    """A name whose initials spell an acronym of three or more letters, in order, shortly
    before its first use ("International Monetary Fund … the IMF"): where "(IMF)" belongs.
    None when the text ties the two another way ("Treasury Account Symbol or TAS",
    "…Compagnie, VOC", "abbreviated to ECPM")."""
    if len(acronym) < 3:
        return None  # two letters are the initials of too many names ("Los Angeles": LA)
    first = uses[0].start
    found = None
    for m in _by_initials(ctx).get(acronym, ()):
        if m.start >= first:
            break
        if len(m.words) == len(acronym):
            found = found or m
            if any(_TIED_RE.fullmatch(ctx.doc.view, m.end, u.start) for u in uses):
                return None
    if found is None or first - found.end > _NEAR:
        return None  # far apart (a reference list at the end): not a deleted definition
    return found


def _by_initials(ctx: Context) -> dict[str, list[Mention]]:
    """Names of three or more words by their initials, each list in text order (once a check)."""
    found: dict[str, list[Mention]] | None = ctx.cache.get("kx.initials")
    if found is None:
        found = {}
        for m in ctx.claims.mentions:
            if len(m.words) >= 3:
                found.setdefault("".join(w[:1] for w in m.words), []).append(m)
        ctx.cache["kx.initials"] = found
    return found


def untied(ctx: Context) -> Iterator[tuple[str, list[Acronym], Mention]]:
    """Each acronym the text uses, never defines, and writes shortly after a full name whose
    initials spell it, with its uses and that name."""
    common = set(ctx.packs.common_acronyms)
    defined = defined_acronyms(ctx)
    uses: dict[str, list[Acronym]] = {}
    for a in ctx.claims.acronyms:
        if not a.in_quote:
            uses.setdefault(a.acronym, []).append(a)
    for acronym, found in uses.items():
        if acronym in common or acronym in defined:
            continue
        full = full_name_before(ctx, acronym, found)
        if full is not None:
            yield acronym, found, full


class AcronymNameUntied(Rule):
    """## What it does
    Reports an acronym that the article never expands although the full name whose
    initials spell it, in order, stands shortly before its first use: "the Regional
    Development Agency … the RDA" is where "(RDA)" was left out or deleted, and the
    finding says where to write it. A name tied to the acronym another way counts as
    its definition ("Regional Development Agency or RDA", "… Agency, RDA",
    "abbreviated to RDA"), and so does a definition anywhere in the text, either order.
    Acronyms of two letters, the pack's `common_acronyms`, quotations and acronyms used
    only in citations (footnotes, reference lists: a journal's or publisher's
    abbreviation) are not checked. KX302 (opt-in) reports acronyms never expanded
    at all.

    ## Why is this bad?
    The reader meets the acronym without being told that it stands for the name just read.

    ## Example
        The Regional Development Agency rebuilt the harbour. By 1990 the RDA had also paved the quay.

    ## Use instead
        The Regional Development Agency (RDA) rebuilt the harbour. By 1990 the RDA had also paved the quay.
    """

    code = "KX310"
    name = "acronym-name-untied"
    severity = Severity.WARNING
    summary = "a full name, then its acronym, never tied together"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for acronym, found, full in untied(ctx):
            if all(in_citation(ctx.doc, a.start, a.end) for a in found):
                continue
            lines = sorted({line_of(ctx, a.start) for a in found})
            where = (
                f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:6]))
            )
            message = f"{acronym} is used ({where}) but never expanded"
            known = ctx.packs.known_acronyms.get(acronym, [])
            if known:
                message += f" (usually: {known[0]})"
            message += (
                f"; {q(full.text)} on line {line_of(ctx, full.start)} may be its "
                f"full name: write \u201c{full.text} ({acronym})\u201d there"
            )
            related = [(full.start, full.end, "possible full name, not linked to the acronym")]
            yield self.diagnostic(found[0].start, found[0].end, message, related=related)
