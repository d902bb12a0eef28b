"""KX302 undefined-acronym: an acronym used but never expanded (opt-in)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.claims import Acronym, Mention
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import BODY_KINDS, defined_acronyms, line_of, q


def _candidate_expansion(ctx: Context, acronym: str) -> Mention | None:
    """A capitalized name whose initials are the acronym's letters ("Northern Ireland Assembly": NIA)."""
    letters = sorted(acronym.upper())
    for m in ctx.claims.mentions:
        if len(m.words) < 2:
            continue
        initials = sorted(
            p[0].upper() for w in m.words for p in w.split("-") if p and p[0].isupper()
        )
        if initials == letters:
            return m
    return None


def _spelled_out(ctx: Context) -> set[str]:
    """Initials of the capitalized names of the text ("Soviet Socialist Republic of Latvia": SSRL)."""
    out = set()
    for m in ctx.claims.mentions:
        if len(m.words) >= 2:
            out.add(
                "".join(p[0].upper() for w in m.words for p in w.split("-") if p and p[0].isupper())
            )
    return out


def _alias_place(ctx: Context, aliases: list[str]) -> tuple[int, int] | None:
    """The first place where one of an acronym's other names (pack ``known_acronyms``) is used."""
    if not aliases:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in aliases) + r")\b", re.IGNORECASE)
    text = ctx.doc.view
    for region in ctx.doc.regions_of(*BODY_KINDS):
        m = pattern.search(text, region.start, region.end)
        if m:
            return m.start(), m.end()
    return None


#: between a full name and its acronym when the text gives both as one ("X or ACR", "X, ACR")
_TIED_RE = re.compile(
    r"['’]?s?\)?[\s,;:(]*(?:or|abbreviated(?:\s+(?:to|as))?|also|known|as)?[\s,;:(]*"
    r"|\s*\([^()]{1,80}[,;]\s*"  # "Koninklijk … Genootschap (Royal Dutch Geographical Society, KNAG)"
)
#: how far (in characters) a full name may stand before the first use it should have defined
_NEAR = 3000


def _full_name_before(ctx: Context, acronym: str, uses: list[Acronym]) -> Mention | None:
    """A name whose initials spell an acronym of three or more letters, in order, shortly
    before its first use ("International Monetary Fund … the IMF"): where "(IMF)" belongs.
    None when the text ties the two another way ("Treasury Account Symbol or TAS",
    "…Compagnie, VOC", "abbreviated to ECPM")."""
    if len(acronym) < 3:
        return None  # two letters are the initials of too many names ("Los Angeles": LA)
    first = uses[0].start
    found = None
    for m in ctx.claims.mentions:
        if m.start >= first:
            break
        if len(m.words) == len(acronym) and "".join(w[0] for w in m.words) == acronym:
            found = found or m
            if any(_TIED_RE.fullmatch(ctx.doc.view, m.end, u.start) for u in uses):
                return None
    if found is None or first - found.end > _NEAR:
        return None  # far apart (a reference list at the end): not a deleted definition
    return found


class UndefinedAcronym(Rule):
    """## What it does
    Reports an acronym that the article uses but never expands, unless a rule
    pack lists it as common (`common_acronyms`: UN, NATO, USA…). A definition
    anywhere counts, either order: "Regional Development Agency (RDA)" or
    "RDA (Regional Development Agency)", in the body or the infobox, and so does
    a name given with it ("Regional Development Agency or RDA", "… Agency, RDA").
    A name whose initials spell it, in order, shortly before its first use is
    where the definition was left out (or deleted): "the Regional Development
    Agency … the RDA" is reported with "write “Regional Development Agency (RDA)”".
    A name further away, or one that only begins with its letters, counts as its
    expansion. Quotations, designations (T-72,
    Su-25), roman numerals, dotted abbreviations (P.M.), runs of capitals
    (MEGA OIL) and `not_acronyms` are not checked.
    Opt-in: real articles use many acronyms without expanding them.

    ## Why is this bad?
    A reader who does not know the acronym cannot find out what it stands for.

    ## Example
        The town relied on the RDA to rebuild the harbour.

    ## Use instead
        The town relied on the Regional Development Agency (RDA) to rebuild the harbour.
    """

    code = "KX302"
    name = "undefined-acronym"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an acronym used but never expanded (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        common = set(ctx.packs.common_acronyms)
        defined = defined_acronyms(ctx)
        uses: dict[str, list[Acronym]] = {}
        for a in ctx.claims.acronyms:
            if not a.in_quote:
                uses.setdefault(a.acronym, []).append(a)
        spelled = _spelled_out(ctx)
        for acronym, found in uses.items():
            if acronym in common or acronym in defined:
                continue
            first = found[0]
            full = _full_name_before(ctx, acronym, found)
            if full is None and any(i.startswith(acronym) for i in spelled):
                continue  # "the RDA" after "the Regional Development Agency Board"
            candidate = full or _candidate_expansion(ctx, acronym)
            lines = sorted({line_of(ctx, a.start) for a in found})
            where = (
                f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines[:6]))
            )
            related = [(a.start, a.end, f"{acronym} used again") for a in found[1:2]]
            message = f"{acronym} is used ({where}) but never expanded"
            known = ctx.packs.known_acronyms.get(acronym, [])
            if known:
                message += f" (usually: {known[0]})"
            alias = _alias_place(ctx, known[1:]) if candidate is None else None
            if candidate is not None:
                message += (
                    f"; {q(candidate.text)} on line {line_of(ctx, candidate.start)} may be its "
                    f"full name: write \u201c{candidate.text} ({acronym})\u201d there"
                )
                related = [
                    (
                        candidate.start,
                        candidate.end,
                        "possible full name, not linked to the acronym",
                    )
                ]
            elif alias is not None:
                s, e = alias
                message += (
                    f"; {q(ctx.doc.view[s:e])} on line {line_of(ctx, s)} may name the same body "
                    "without saying so"
                )
                related = [(s, e, f"possibly the same body as {acronym}")]
            yield self.diagnostic(first.start, first.end, message, related=related)
