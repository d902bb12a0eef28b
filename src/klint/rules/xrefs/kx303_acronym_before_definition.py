"""KX303 acronym-before-definition: an acronym used before the place that expands it (opt-in)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import BODY_KINDS, defined_acronyms, line_at, line_of
from klint.rules.xrefs._marks import in_citation, linked_to_full_name, spells


class AcronymBeforeDefinition(Rule):
    """## What it does
    Reports an acronym used in the prose before the place that defines it. Uses
    where a reader does not meet it in the prose are not checked: the title,
    headings, the infobox (also as short lines of plain text that are no
    sentence: "Media / NESN"), tables, captions, hatnotes ("For other uses, see
    ALP"), notes under a table ("(Source: RFUW)", a line under a bare "Notes"),
    quotations, and the acronym given as the subject's own name ("Digital
    Equipment Corporation, also known as DEC"). Nor is a use the reader is told
    the full name at: its sentence spells it out after it ("NPL in this case
    identifies the National Physical Laboratory") or as "747SUD for stretched
    upper deck", or it is the label of a link whose title spells it out
    ("[[Food and Agriculture Organization|FAO]]"). A reference's title is no
    definition: an acronym expanded only there is not reported. A full name
    earlier in the sentence or in the one before, with no tie to the acronym,
    defines nothing ("The New England Sports Network, best known for NESN
    Live"). Opt-in: many articles use an acronym in the lead and expand it in
    the body.

    ## Why is this bad?
    The reader meets the acronym before learning what it stands for.

    ## Example
        The RDA paid for the new harbour.
        In 1998 the town set up a Regional Development Agency (RDA).

    ## Use instead
        In 1998 the town set up a Regional Development Agency (RDA).
        The RDA paid for the new harbour.
    """

    code = "KX303"
    name = "acronym-before-definition"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an acronym used before the place that expands it (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        doc = ctx.doc
        defined = {
            acr: prose
            for acr, found in defined_acronyms(ctx).items()
            if (prose := [d for d in found if not in_citation(ctx, d.start, d.end)])
        }  # a reference's title is no place a reader is told what an acronym stands for
        minor = frozenset(ctx.packs.acronym_minor_words)
        reported: set[str] = set()
        text = doc.view
        for a in ctx.claims.acronyms:
            d = defined.get(a.acronym)
            if not d or a.expansion or a.in_quote or a.acronym in reported or a.start >= d[0].start:
                continue
            if _named_as(text, a.start) or _after_name(text, a.start):
                reported.add(a.acronym)  # given as a name here: a definition of its own
                continue
            if _same_sentence(text, a.end, d[0].start):
                continue  # the sentence goes on to expand it
            if _spelled_out_near(
                text, a.start, a.end, a.acronym, d[0].expansion or "", minor
            ) or linked_to_full_name(doc, a.start, a.end, a.acronym, minor):
                reported.add(a.acronym)  # the full name in its sentence, or the link's title
                continue
            if not _in_prose(doc, a.start):
                continue
            reported.add(a.acronym)
            yield self.diagnostic(
                a.start,
                a.end,
                f"{a.acronym} is used on line {line_of(ctx, a.start)} before it is defined as "
                f"\u201c{d[0].expansion}\u201d on line {line_of(ctx, d[0].start)}",
                related=[(d[0].start, d[0].end, "definition")],
            )


#: region kinds whose text a reader does not take for the prose: it labels, it does not tell
_NOT_PROSE = frozenset({"heading", "caption", "table_row"})
#: a sentence's end inside a line
_SENTENCE_END_RE = lazyre.compile(r"[\w)\]\"'”’][.!?](?:\s|$)")
#: what a hatnote says ("'ALP' redirects here.", "For other uses, see ALP.")
_HATNOTE_RE = lazyre.compile(
    r"\bredirects here\b|^(?:For (?:other|the)\b.*?, see\b|Not to be confused with\b|"
    r"This article is about\b|See also:)"
)
#: words that give what follows as a name of the thing before ("also known as DEC",
#: "known in the United States as UMG", "formerly named AT&T Bell Laboratories")
_NAMED_AS_RE = lazyre.compile(
    r"\b(?:(?:known|abbreviated|shortened|referred to)(?: [^.;()]{0,30}?)?(?: (?:simply|as|to))+"
    r"|(?:called|named)(?: simply)?)\s*$"
)
#: a name of two capitalised words or more right before an opening parenthesis
_NAME_BEFORE_RE = lazyre.compile(r"[A-Z][\w'’&-]*[\s\]]*\(\s*$")
_SENTENCE_RE = lazyre.compile(r"[.!?][\"'”’)\]]*\s+[A-Z]|\n")
_SHORT_LINE = 70


def _in_prose(doc: Document, start: int) -> bool:
    """Whether a reader meets the use in a sentence of the prose: not in a heading, caption or
    table, not on a short line that is no sentence (an infobox or a navigation box rendered
    as plain text, an entry of a list), not in a hatnote."""
    region = doc.region_at(start, *BODY_KINDS)
    if region is None or region.kind in _NOT_PROSE:
        return False
    line = line_at(doc.view, start).strip()
    if len(line) <= _SHORT_LINE and not _SENTENCE_END_RE.search(line):
        return False
    return not (_HATNOTE_RE.search(line) or _NOTE_RE.match(line) or _under_notes(doc.view, start))


#: a note under a table or a figure: "(Source: RFUW)", "Note: …"
_NOTE_RE = lazyre.compile(r"[(\[]?\s*(?:Sources?|Notes?|Credits?)\s*:", re.IGNORECASE)
#: a label line that opens a block of notes in plain text ("Notes" above "A Originally …")
_NOTES_LABEL_RE = lazyre.compile(r"(?:Notes?|Footnotes|Sources?)\s*:?", re.IGNORECASE)


def _under_notes(text: str, start: int) -> bool:
    """Whether the line right above the use's line is a bare "Notes" label: the use is in a
    note printed under a table or a box, not in the prose."""
    lo = text.rfind("\n", 0, start)
    if lo <= 0:
        return False
    above = text.rfind("\n", 0, lo) + 1
    return bool(_NOTES_LABEL_RE.fullmatch(text[above:lo].strip()))


_NAME_WORD_RE = lazyre.compile(r"[^\W\d_][\w'’]*")


def _spelled_out_near(
    text: str, start: int, end: int, acronym: str, expansion: str, minor: frozenset[str]
) -> bool:
    """Whether the sentence of the use tells the reader the full name: after the use, in
    capitalised words whose initials spell the acronym or in the words of its later
    definition ("NPL in this case identifies the National Physical Laboratory"), or anywhere
    in it as "ACR for <full name>" ("747SUD for stretched upper deck, then 747-200 SUD").
    (A full name before the use, no tie between them, is no definition: "The New England
    Sports Network, best known for NESN Live"; nor one in the sentence before.)"""
    letters = "".join(c for c in acronym.casefold() if c.isalpha())
    before = [m.end() for m in _SENTENCE_RE.finditer(text, max(0, start - _NEAR), start)]
    lo = before[-1] - 1 if before else max(0, start - _NEAR)
    after = _SENTENCE_RE.search(text, end, min(len(text), end + _NEAR))
    hi = after.start() + 1 if after else min(len(text), end + _NEAR)
    spelled = expansion.casefold().split()
    chunks = [text[end:hi]]
    chunks += [text[m.end() : hi] for m in _for_re(acronym).finditer(text, lo, start)]
    for chunk in chunks:
        words = _NAME_WORD_RE.findall(chunk.replace("-", " ").replace("/", " "))
        for i, w in enumerate(words):
            if w[0].casefold() != letters[0]:
                continue
            run = words[i : i + 2 * len(letters)]
            if not spells(run, letters, minor):
                continue
            taken = run[: _taken(run, letters, minor)]
            if all(x[0].isupper() or x.casefold() in minor for x in taken):
                return True
            if [x.casefold() for x in taken] == spelled[: len(taken)]:
                return True
    return False


def _for_re(acronym: str) -> re.Pattern[str]:
    """The acronym (glued to a model number too: "747SUD") before "for" or "stands for"."""
    return re.compile(re.escape(acronym) + r"\b,?\s+(?:(?:stands|standing|short) )?for\s+(?=\S)")


def _taken(words: list[str], letters: str, minor: frozenset[str]) -> int:
    """How many of ``words`` spell ``letters`` (see ``spells``), the shortest way."""
    for n in range(len(letters), len(words) + 1):
        if spells(words[:n], letters, minor) and words[n - 1][0].casefold() == letters[-1]:
            return n
    return len(words)


#: how far before and after a use the ends of its sentence are looked for
_NEAR = 400


def _after_name(text: str, start: int) -> bool:
    """Whether the use opens a parenthesis right after a name of capitalised words: the text
    defines it there, in a form the expansion reader did not match ("the [[Social Democratic
    Party of Germany]] (SPD)", "the Royal Military Academy (KMA)", "(ALDE party)")."""
    m = _NAME_BEFORE_RE.search(text, max(0, start - 120), start)  # a link target blanked
    if m is None:
        return False
    before = [w for w in text[max(0, m.start() - 40) : m.start()].split() if w not in _JOINS]
    return bool(before) and before[-1][:1].isupper()


#: small words inside a name ("Party of Germany", "Alliance for Europe")
_JOINS = frozenset({"of", "for", "and", "the", "&", "de", "du", "des", "la", "le", "di", "van"})


def _same_sentence(text: str, end: int, definition: int) -> bool:
    """Whether the definition comes later in the sentence of the use ("the UNLV Rebels team of
    the University of Nevada, Las Vegas (UNLV)"): the reader learns it before the full stop."""
    return definition - end <= 200 and not _SENTENCE_RE.search(text, end, definition)


def _named_as(text: str, start: int) -> bool:
    """Whether the use follows words that give it as a name of the thing before it
    ("Digital Equipment Corporation, also known as DEC", "(abbreviated as UMG)")."""
    return bool(_NAMED_AS_RE.search(text, max(0, start - 40), start))
