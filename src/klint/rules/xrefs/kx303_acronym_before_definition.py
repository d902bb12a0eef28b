"""KX303 acronym-before-definition: an acronym used before the place that expands it (opt-in)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import BODY_KINDS, defined_acronyms, line_at, line_of


class AcronymBeforeDefinition(Rule):
    """## What it does
    Reports an acronym used in the prose before the place that defines it. Uses
    where a reader does not meet it in the prose are not checked: the title,
    headings, the infobox (also as short lines of plain text that are no
    sentence: "Media / NESN"), tables, captions, hatnotes ("For other uses, see
    ALP"), quotations, and the acronym given as the subject's own name ("Digital
    Equipment Corporation, also known as DEC"). Opt-in: many articles use an
    acronym in the lead and expand it in the body.

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
        defined = defined_acronyms(ctx)
        reported: set[str] = set()
        text = ctx.doc.view
        for a in ctx.claims.acronyms:
            d = defined.get(a.acronym)
            if not d or a.expansion or a.in_quote or a.acronym in reported or a.start >= d[0].start:
                continue
            if _named_as(text, a.start) or _after_name(text, a.start):
                reported.add(a.acronym)  # given as a name here: a definition of its own
                continue
            if _same_sentence(text, a.end, d[0].start):
                continue  # the sentence goes on to expand it
            if not _in_prose(ctx.doc, a.start):
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
_SENTENCE_END_RE = re.compile(r"[\w)\]\"'”’][.!?](?:\s|$)")
#: what a hatnote says ("'ALP' redirects here.", "For other uses, see ALP.")
_HATNOTE_RE = re.compile(
    r"\bredirects here\b|^(?:For (?:other|the)\b.*?, see\b|Not to be confused with\b|"
    r"This article is about\b|See also:)"
)
#: words that give what follows as a name of the thing before ("also known as DEC",
#: "known in the United States as UMG", "formerly named AT&T Bell Laboratories")
_NAMED_AS_RE = re.compile(
    r"\b(?:(?:known|abbreviated|shortened|referred to)(?: [^.;()]{0,30}?)?(?: (?:simply|as|to))+"
    r"|(?:called|named)(?: simply)?)\s*$"
)
#: a name of two capitalised words or more right before an opening parenthesis
_NAME_BEFORE_RE = re.compile(r"[A-Z][\w'’&-]*[\s\]]*\(\s*$")
_SENTENCE_RE = re.compile(r"[.!?][\"'”’)\]]*\s+[A-Z]|\n")
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
    return not _HATNOTE_RE.search(line)


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
