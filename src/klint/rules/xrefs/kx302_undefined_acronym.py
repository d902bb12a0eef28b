"""KX302 undefined-acronym: an acronym used but never expanded (opt-in)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint import lazyre
from klint.claims import Acronym, Mention
from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import BODY_KINDS, defined_acronyms, line_at, line_of, q
from klint.rules.xrefs._marks import in_citation, link_target
from klint.rules.xrefs.kx310_acronym_name_untied import (
    full_name_before,
    given_with_words,
    in_prose,
)


def _candidate_expansion(ctx: Context, acronym: str) -> Mention | None:
    """A capitalized name whose initials are the acronym's letters ("Northern Ireland Assembly":
    NIA): one that spells them in order first ("Sydney Cricket Ground", not "Sydney Grade
    Cricket", for SCG)."""
    letters = sorted(acronym.upper())
    found = None
    for m in ctx.claims.mentions:
        if len(m.words) < 2:
            continue
        initials = [p[0].upper() for w in m.words for p in w.split("-") if p and p[0].isupper()]
        if "".join(initials) == acronym.upper():
            return m
        if found is None and sorted(initials) == letters:
            found = m
    return found


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


_SENTENCE_END_RE = lazyre.compile(r"[.!?:;][\"\u201d')\]]*\s*$")


def _explained_or_not_prose(ctx: Context, uses: list[Acronym]) -> bool:
    """Whether the acronym is a name (a use links to an article titled by it: "[[TGV]]",
    "[[RTL Television|RTL]]"), the text gives it as a code or with
    its words (:func:`_given_as_code`), or no use stands in prose: each is part of a longer
    name, in a citation, a table, an infobox, or alone on a short line that is no sentence (a
    navbox's list of names, "1 (DIKO)" in a results table as plain text)."""
    doc, text = ctx.doc, ctx.doc.view
    if any(_titled_by_it(doc, a) or _given_as_code(text, a) for a in uses):
        return True
    if len(set(uses[0].acronym)) == 1:
        return True  # a placeholder ("NNNNN"), not an acronym
    return all(
        in_citation(ctx, a.start, a.end)
        or _in_longer_name(text, a)
        or doc.region_at(a.start, "table_row", "table_cell", "infobox_field", "infobox")
        or _short_line(doc.view, a.start)
        for a in uses
    )


def _titled_by_it(doc: Document, a: Acronym) -> bool:
    """Whether the use links to an article whose title holds the acronym itself: the thing is
    known by it ("[[TGV]]", "[[RTL Television|RTL]]"). A link to the full name
    ("[[Asian Football Confederation|AFC]]") still leaves the text to expand it."""
    target = link_target(doc, a.start, a.end)
    return bool(target and a.acronym.casefold() in re.findall(r"\w+", target))


_PAREN_BEFORE_RE = lazyre.compile(r"\w[^\w()]*\((?:[^()]{1,80},\s*)?$")
_PAREN_AFTER_RE = lazyre.compile(r"\s*[),;]")
_EQUALS_RE = lazyre.compile(r"\s*=\s*\w|\s+\((?:\[\[[^\]\[]+\]\]|[a-z]+(?: [a-z]+)+)\)")
_NAME_AFTER_RE = lazyre.compile(r" [A-Z][a-z]")
_NUMBER_BEFORE_RE = lazyre.compile(r"\d $")


def _given_as_code(text: str, a: Acronym) -> bool:
    """Whether the text gives the acronym as an abbreviation or code of what stands beside it,
    or as part of a longer name: in parentheses after a name ("Tuscaloosa Regional Airport
    (TCL)", "Bureau of Weights and Measures (BIPM, France)", "(Marinha de Guerra, MGA)"), as a
    key ("GD = Goal difference") or with its words after it ("IDE (developer environment)",
    "PRK ([[Photorefractive keratectomy]])"), before a capitalised word of the same name ("DKB
    Foundation", "CFO Michael Sears") or after a model number ("Model 33 ASR")."""
    before = text[max(0, a.start - 90) : a.start]
    if _PAREN_BEFORE_RE.search(before) and _PAREN_AFTER_RE.match(text, a.end):
        return True
    return bool(_EQUALS_RE.match(text, a.end))


def _in_longer_name(text: str, a: Acronym) -> bool:
    """Whether the acronym stands before a capitalised word of the same name ("DKB
    Foundation", "CFO Michael Sears") or after a model number ("Model 33 ASR")."""
    return bool(
        _NAME_AFTER_RE.match(text, a.end)
        or _NUMBER_BEFORE_RE.search(text, max(0, a.start - 3), a.start)
    )


def _short_line(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` has at most four words and no sentence end."""
    line = line_at(text, offset)
    return len(re.findall(r"\w+", line)) <= 4 and not _SENTENCE_END_RE.search(line)


class UndefinedAcronym(Rule):
    """## What it does
    Reports an acronym that the article uses but never expands, unless a rule
    pack lists it as common (`common_acronyms`: UN, NATO, USA…). A definition
    anywhere counts, either order: "Regional Development Agency (RDA)" or
    "RDA (Regional Development Agency)", in the body or the infobox, and so does
    a name given with it ("Regional Development Agency or RDA", "… Agency, RDA").
    A name whose initials spell it, in order, shortly before its first use is
    where the definition was left out (or deleted): that is KX310's finding; a
    name further back (the lead's "Commonwealth War Graves Commission", the
    acronym used pages later), or one across small words ("International Union
    for Conservation of Nature" … "the IUCN"), is reported here, with the place
    to write the definition, when the acronym stands in a sentence of prose. A
    name elsewhere whose initials are its letters is offered as its full name (one
    that spells them in order first), when a use stands in prose and the text does not
    give the two together ("Fluids Generic Bioprocessing Apparatus or FGBA", "FFU
    (French Fixe of Ushant)", "MRG stands for …"); one that only begins with its
    letters counts as its expansion. Not reported
    either: an acronym linked to an article titled by it ("[[TGV]]": known by it),
    one given as the code of the name before it ("Tuscaloosa Regional Airport
    (TCL)", "(Marinha de Guerra, MGA)"), with its words after it ("IDE (integrated
    development environment)", "GD = goal difference"), as part of a longer name
    ("DKB Foundation") or after a model number, a placeholder ("NNNNN"), and one
    that stands in no prose (only in citations, tables, the infobox or short lines
    of names such as a navbox). Quotations,
    designations (T-72,
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
            if _explained_or_not_prose(ctx, found):
                continue
            if full_name_before(ctx, acronym, found) is not None:
                continue  # its full name stands shortly before: KX310
            before = full_name_before(ctx, acronym, found, wide=True)
            if before is not None and not any(in_prose(ctx, a) for a in found):
                before = None
            if (
                before is None
                and acronym not in spelled
                and any(i.startswith(acronym) for i in spelled)
            ):
                continue  # "the RDA" after "the Regional Development Agency Board"
            if (
                before is None
                and acronym in spelled
                and (
                    len(acronym) < 3  # two letters are the initials of too many names
                    or not any(in_prose(ctx, a) for a in found)
                    or given_with_words(ctx, acronym, found)
                )
            ):
                continue  # a name elsewhere whose initials spell it is offered as its full name,
                # unless the text gives the two together ("Treasury Account Symbol or TAS")
            first = found[0]
            candidate = before or _candidate_expansion(ctx, acronym)
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
