"""KX305 name-variant: one person or place spelled two ways (transliteration or typo)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of


class NameVariant(Rule):
    """## What it does
    Reports a person or place spelled two ways in one article: transliteration
    variants (Gorbachev/Gorbachov), one-letter slips inside a name
    (Kowalski/Kowalsky), confusable letters (pack `confusable_letters`: d/t, a/e)
    and a hyphenated name written with a space (Stratford-upon-Avon/Stratford upon
    Avon). Each less frequent spelling is reported against the more frequent one.
    Never reported:
    different people who share a surname or have similar given names (given names
    are compared only when the surnames agree), inflections (Canada/Canadian),
    pairs listed in the pack's `allowed_variants`, renamings and aliases the text
    states ("Königsberg (now Kaliningrad)"), and spellings inside quotations.

    ## Why is this bad?
    Readers and search engines take two spellings for two places or people.

    ## Example
        Marta Kowalski founded the choir in 1950. In 1970 Marta Kowalsky led its first tour.

    ## Use instead
        Marta Kowalski founded the choir in 1950. In 1970 Marta Kowalski led its first tour.
    """

    code = "KX305"
    name = "name-variant"
    severity = Severity.WARNING
    summary = "one person or place spelled two ways (transliteration or typo)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract._names_match import find_variants, hyphen_variants
        from klint.text.words import lower_words

        text = ctx.doc.view
        mentions = ctx.claims.mentions
        lower = lower_words(text)
        paragraphs = [(r.start, r.end) for r in ctx.doc.regions_of("paragraph")]
        for v in find_variants(mentions, ctx.packs, text, lower):
            where = _Places(text, paragraphs, v.major.places)
            for s, e in v.minor.places:
                related = where.related(s, e)
                rs, re_ = related[0]
                yield self.diagnostic(
                    s,
                    e,
                    f"\u201c{text[s:e]}\u201d is spelled \u201c{text[rs:re_]}\u201d on line {line_of(ctx, rs)} "
                    f"({_times(len(v.major.places))} in the text; {v.how}): one name, two spellings",
                    related=[(a, b, f"spelled \u201c{text[a:b]}\u201d here") for a, b in related],
                )
        for minor, minor_places, major, major_places in hyphen_variants(mentions, ctx.packs, lower):
            where = _Places(text, paragraphs, major_places)
            for s, e in minor_places:
                related = where.related(s, e)
                rs = related[0][0]
                yield self.diagnostic(
                    s,
                    e,
                    f"\u201c{minor}\u201d is written \u201c{major}\u201d on line {line_of(ctx, rs)} "
                    f"({_times(len(major_places))} in the text): one name, two spellings",
                    related=[(a, b, f"written \u201c{major}\u201d here") for a, b in related],
                )


_WORD_RE = re.compile(r"\w+")


class _Places:
    """The places of one spelling, to point at from a variant: in the same longer name if it
    stands in one ("… Autonomous Oblast"), the last place before the variant, its first in a paragraph."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], places: list[tuple[int, int]]
    ) -> None:
        self.text, self.places = text, places
        self.starts = [p[0] for p in places]
        self.by_next: dict[tuple[str, ...], tuple[int, int]] = {}
        for p in places:
            self.by_next.setdefault(self._following(p[1]), p)
        par_starts = [p[0] for p in paragraphs]
        self.in_paragraph = None
        for p in places:
            i = bisect.bisect_right(par_starts, p[0]) - 1
            if i >= 0 and p[0] < paragraphs[i][1]:
                self.in_paragraph = p
                break

    def _following(self, offset: int) -> tuple[str, ...]:
        return tuple(_WORD_RE.findall(self.text, offset, offset + 40)[:2])

    def related(self, start: int, end: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        after = self._following(end)
        if after and after[0][:1].isupper() and after in self.by_next:
            out.append(self.by_next[after])
        i = bisect.bisect_left(self.starts, start) - 1
        out.append(self.places[i] if i >= 0 else self.places[0])
        if self.in_paragraph is not None:
            out.append(self.in_paragraph)
        return list(dict.fromkeys(out))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"
