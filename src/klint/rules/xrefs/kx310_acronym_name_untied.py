"""KX310 acronym-name-untied: a full name, then its acronym, never tied together."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from klint import lazyre
from klint.claims import Acronym, Mention
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import defined_acronyms, in_references, line_of, q
from klint.rules.xrefs._marks import in_citation, link_target, linked_to_full_name

#: words that tie a name to the acronym after it: "or", "also known as", "commonly referred to
#: as", "usually called the", "abbreviated to", "now"
_TIE_WORD = (
    r"(?:or|also|known|as|now|renamed|abbreviated|shortened|to|commonly|often|usually|simply"
    r"|popularly|widely|referred|called|hereafter|hereinafter|formerly)"
)
#: between a full name and its acronym when the text gives both as one ("X or ACR", "X, ACR").
#: Its runs of blanks and punctuation are possessive: nothing after either run opens with one
#: of its characters, so a run never gives any back, and a long run of the view's blanks
#: fails at once where splitting it between the two runs took time growing with its square
_TIED_RE = lazyre.compile(
    r"[\"”’']?['’]?s?\)?[\s,;:(]*+"
    rf"(?:{_TIE_WORD}(?:\s+{_TIE_WORD}){{0,3}}(?:\s+the)?)?[\s,;:(]*+[\"“‘']?"
    r"(?:(?:No\.|Nr\.|#)[^\w\n]{0,2}\d+\s+|\d+(?:st|nd|rd|th)\s+)?"  # its number: "(No. 1 FTS)"
    r"|\s*\([^()]{1,80}[,;]\s*"  # "Koninklijk … Genootschap (Royal Dutch Geographical Society, KNAG)"
    r"|[\"”’']?\s+[a-z]+,?\s*\(\s*[\"“‘']?"  # a head noun between: '"Deep Water Charge" bomb, (DWC)'
)
#: how far (in characters) a full name may stand before the first use it should have defined
_NEAR = 3000
#: how far for KX302's wider reading (a definition deleted in the lead, its acronym used later)
_FAR = 15000


def full_name_before(
    ctx: Context, acronym: str, uses: list[Acronym], *, wide: bool = False
) -> Mention | None:
    """A name whose initials spell an acronym of three or more letters, in order, shortly
    before its first use ("International Monetary Fund … the IMF"): where "(IMF)" belongs.
    None when the text ties the two another way ("Treasury Account Symbol or TAS",
    "…Compagnie, VOC", "abbreviated to ECPM").

    ``wide`` reads further, for KX302: the last such name before the first use (an earlier
    one may stand far back, in the lead), a name running across the pack's
    ``acronym_minor_words`` ("International Union for Conservation of Nature": IUCN)."""
    if len(acronym) < 3:
        return None  # two letters are the initials of too many names ("Los Angeles": LA)
    first = uses[0].start
    found = None
    names = _names(ctx, first) if wide else _spelling(ctx, acronym)
    for m in names:
        if m.start >= first:
            break
        if len(m.words) == len(acronym) and "".join(w[:1] for w in m.words) == acronym:
            found = m if wide else found or m
            if any(_TIED_RE.fullmatch(ctx.doc.view, m.end, u.start) for u in uses):
                return None
    if found is None or first - found.end > (_FAR if wide else _NEAR):
        return None  # far apart (a reference list at the end): not a deleted definition
    return found


def _spelling(ctx: Context, acronym: str) -> list[Mention]:
    """The names of three or more words whose initials spell ``acronym``, in text order. The
    names are grouped by their first letter once a check, and a letter's names indexed by
    their initials on the first ask for an acronym with that letter: an article asks about a
    few letters, and a name's initials are joined only when its first letter is one (a
    name's words are never empty: its first letter is its initials' first)."""
    heads: dict[str, list[Mention]] | None = ctx.cache.get("kx.heads")
    if heads is None:
        heads = ctx.cache["kx.heads"] = {}
        for m in ctx.claims.mentions:
            words = m.words
            if len(words) >= 3:
                heads.setdefault(words[0][:1], []).append(m)
    index: dict[str, dict[str, list[Mention]]] = ctx.memo("kx.initials")
    head = acronym[:1]
    found = index.get(head)
    if found is None:
        found = index[head] = {}
        for m in heads.get(head, ()):
            # a list's join: a generator's costs twice as much
            found.setdefault("".join([w[:1] for w in m.words]), []).append(m)
    return found.get(acronym, [])


def _names(ctx: Context, before: int) -> Iterator[Mention]:
    """The mentions that end before ``before``, and each run of them joined by minor words
    only ("International Union" for "Conservation" of "Nature"), as one name."""
    view = ctx.doc.view
    gap = _gap_re(tuple(ctx.packs.acronym_minor_words))
    run: list[Mention] = []
    for m in ctx.claims.mentions:
        if m.end > before:
            break
        yield m
        if run and gap.fullmatch(view, run[-1].end, m.start):
            run.append(m)
            yield Mention(
                start=run[0].start,
                end=m.end,
                text=view[run[0].start : m.end],
                name=view[run[0].start : m.end],
                key=run[0].key,
                words=tuple(w for r in run for w in r.words),
            )
        else:
            run = [m]


@lru_cache(maxsize=4)
def _gap_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One or two minor words between two names ("for", "of the")."""
    alt = "|".join(map(re.escape, words)) or "(?!x)x"
    return re.compile(rf" (?:{alt})(?: (?:{alt}))? ")


#: a sentence's end: not an initial's or an abbreviation's full stop ("U.S. EPA"), not a colon;
#: footnote marks may follow it ("… event ID.[48]")
_SENTENCE_END_RE = lazyre.compile(
    r"\w(?<![\s.][A-Z])(?<!^[A-Z])[.!?](?:\[[^\[\]\n]{1,12}\])*[\"\u201d')\]]*(?:\s|$)"
)


#: after an acronym that names a standard or a model: its code ("ASTM E2659-09"; not a
#: version, "MPL 2.0")
_DESIGNATION_RE = lazyre.compile(r" [A-Z]{1,2}\d")


#: between a full name and its acronym: an aside, then "or" ("X, in Spanish, or XS")
_TIED_ASIDE_RE = lazyre.compile(r",[^.;:()\n]{1,40},\s+or\s+(?:the\s+)?")
#: after an acronym: the rest of a registered company's name ("SFD Partners, LLC")
_COMPANY_AFTER_RE = lazyre.compile(
    r"(?: [A-Z][\w&'’-]*){1,3},? (?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|plc|PLC|GmbH|S\.A\.|LLP|Corp\.?)\b"
)


def in_prose(ctx: Context, a: Acronym) -> bool:
    """Whether a use stands in a sentence of prose: not in a citation or an entry of a reference
    section's list, not on a line with no sentence end (a list of links, a category or authority line, a table row), not the label
    of a link to an article titled by it ("[[BAFTA Award …|BAFTA Award]]"), not the name of a
    standard before its number ("ASTM E2659-09")."""
    view = ctx.doc.view
    if (
        not _has_sentence(ctx, a.start)
        or in_citation(ctx, a.start, a.end)
        or _DESIGNATION_RE.match(view, a.end)
    ):
        return False
    item = ctx.doc.region_at(a.start, "list_item")
    if item is not None and in_references(ctx, item):
        return (
            False  # a book's entry in the bibliography: "… AMS Colloquium Publications, vol. 41."
        )
    target = link_target(ctx.doc, a.start, a.end)
    return not (target and a.acronym.casefold() in re.findall(r"\w+", target.casefold()))


#: an acronym defined by the words after it ("MRG stands for …", "MRG, short for …")
_STANDS_FOR_RE = lazyre.compile(r",?\s+(?:stands|stood|is short|was short|short)\s+for\b")
#: an acronym followed by its words in parentheses or after a dash ("FFU (French Fixe of
#: Ushant)", "the FAA—Forças Armadas Angolanas")
_WORDS_AFTER_RE = lazyre.compile(r"\s*(?:\(\s*|[—–]\s*)['\"‘“]*[A-Z][a-z]")


def given_with_words(ctx: Context, acronym: str, uses: list[Acronym]) -> bool:
    """Whether the text gives the acronym with a name whose initials spell it, tied to one of
    its uses: "Treasury Account Symbol or TAS", "(Armée de Libération Nationale or ALN)", "MRG
    stands for …", "FFU (French Fixe of Ushant)"."""
    view = ctx.doc.view
    if any(_STANDS_FOR_RE.match(view, a.end) or _WORDS_AFTER_RE.match(view, a.end) for a in uses):
        return True
    names = [m for m in _names(ctx, len(view)) if _spells(m, acronym)]
    return any(
        _TIED_RE.fullmatch(view, m.end, a.start) for m in names for a in uses if m.end <= a.start
    )


def _spells(m: Mention, acronym: str) -> bool:
    """Whether a name's capitalised words' initials spell the acronym, in order."""
    return "".join(w[0] for w in m.words if w[:1].isupper()) == acronym


def _has_sentence(ctx: Context, offset: int) -> bool:
    """Whether the line holding ``offset``, or the paragraph wrapped across lines around it
    (Markdown), has a sentence end; each line and paragraph is read once a check."""
    view = ctx.doc.view
    found: tuple[list[int], dict[int, bool]] | None = ctx.cache.get("kx.lines")
    if found is None:
        found = ctx.cache["kx.lines"] = ([m.start() for m in _NEWLINE_RE.finditer(view)], {})
    ends, known = found
    i = bisect.bisect_left(ends, offset)
    lo = ends[i - 1] + 1 if i else 0
    if lo not in known:
        hi = ends[i] if i < len(ends) else len(view)
        known[lo] = bool(_SENTENCE_END_RE.search(view[lo:hi]))
    if known[lo]:
        return True
    para = _paragraph(ctx, offset)
    if para is None:
        return False
    key = -1 - para.start  # a paragraph's entry, apart from its first line's
    if key not in known:
        known[key] = bool(_SENTENCE_END_RE.search(view[para.start : para.end]))
    return known[key]


_NEWLINE_RE = lazyre.compile("\n")


def _paragraph(ctx: Context, offset: int) -> Region | None:
    """The paragraph holding ``offset`` (paragraphs indexed once a check)."""
    found = ctx.cache.get("kx.paragraphs")
    if found is None:
        paras = sorted(ctx.doc.regions_of("paragraph"), key=lambda r: r.start)
        found = ctx.cache["kx.paragraphs"] = (paras, [r.start for r in paras])
    paras, starts = found
    i = bisect.bisect_right(starts, offset) - 1
    return paras[i] if i >= 0 and offset < paras[i].end else None


def untied(ctx: Context) -> Iterator[tuple[str, list[Acronym], Mention]]:
    """Each acronym the text uses, never defines, and writes shortly after a full name whose
    initials spell it, with its uses and that name."""
    common = set(ctx.packs.common_acronyms)
    defined = defined_acronyms(ctx)
    view = ctx.doc.view
    uses: dict[str, list[Acronym]] = {}
    quoted: dict[str, list[Acronym]] = {}
    for a in ctx.claims.acronyms:
        (quoted if a.in_quote else uses).setdefault(a.acronym, []).append(a)
    for acronym, found in uses.items():
        if acronym in common or acronym in defined or not _spelling(ctx, acronym):
            continue  # no name spells it (nor any of two letters: too many names would)
        if any(_STANDS_FOR_RE.match(view, a.end) or _named_after(view, a) for a in found):
            continue  # "The acronym MRG stands for …", "Test RHC 12-7 (Rocky Hill Centre)"
        full = full_name_before(ctx, acronym, found)
        if full is None and not in_prose(ctx, found[0]):
            # the reader meets it in prose: an infobox field or a citation before does not count
            found = found[next((i for i, a in enumerate(found) if in_prose(ctx, a)), 0) :]
            full = full_name_before(ctx, acronym, found)
        if full is None or any(
            _TIED_RE.fullmatch(view, full.end, a.start) for a in quoted.get(acronym, ())
        ):
            continue  # 'Joint Operating Agreements ("JOA"s)': defined in quotation marks
        yield acronym, found, full


#: after an acronym: a code, then its name in parentheses ("Test RHC 12-7 (Rocky Hill Centre)")
# a code's run is read once: a digit looked for ahead, then the run to its end (the bracket
# after it stands outside the run, so no shorter run could be the one that matches)
_CODE_THEN_WORDS_RE = lazyre.compile(
    r"(?:[ -](?=[\w./-]*?\d)[\w./-]*+)?\s*\(\s*['\"‘“]?([^()]{3,80})\)"
)


def _named_after(view: str, a: Acronym) -> bool:
    """Whether a use is followed, past a code or none, by its name in parentheses, the
    initials of whose capitalised words spell it."""
    m = _CODE_THEN_WORDS_RE.match(view, a.end)
    return m is not None and "".join(re.findall(r"\b[A-Z]", m.group(1))) == a.acronym


class AcronymNameUntied(Rule):
    """## What it does
    Reports an acronym that the article never expands although the full name whose
    initials spell it, in order, stands shortly before its first use in a sentence of
    prose (a use in the infobox or a citation before does not count): "the Regional
    Development Agency … the RDA" is where "(RDA)" was left out or deleted, and the
    finding says where to write it. A name tied to the acronym another way counts as
    its definition ("Regional Development Agency or RDA", "… Agency, RDA",
    "abbreviated to RDA", "Agencia Regional, in Spanish, or ARD", "RDA stands for …",
    'Regional Development Agencies ("RDA"s)', '"Regional Development" agency, (RDA)',
    "(shortened RDA", "Test RDA 64-4 (Regional Development Agency)"), and
    so does a definition anywhere in the text, either order, and a use that links to the
    article of its full name ("[[Regional Development Agency|RDA]]"). An acronym met only at the
    head of a registered company's name ("RDA Partners, LLC") is that name's, not a short
    form.
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
        if not ctx.claims.acronyms:
            return  # no acronym to tie
        minor = frozenset(ctx.packs.acronym_minor_words)
        for acronym, found, full in untied(ctx):
            prose = [a for a in found if in_prose(ctx, a)]
            if in_citation(ctx, full.start, full.end) or not prose:
                continue  # a cited title, or uses only in lists of links, categories, captions
            if any(linked_to_full_name(ctx.doc, a.start, a.end, acronym, minor) for a in prose):
                continue  # "[[South East Asia Command|SEAC]]": the link is the tie
            view = ctx.doc.view
            if _TIED_ASIDE_RE.fullmatch(view, full.end, found[0].start):
                continue  # "Universidad Simón Bolívar, in Spanish, or USB": tied past an aside
            if all(_COMPANY_AFTER_RE.match(view, a.end) for a in prose):
                continue  # only inside a company's registered name ("SFD Partners, LLC")
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
