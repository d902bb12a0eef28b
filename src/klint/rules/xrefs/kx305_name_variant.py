"""KX305 name-variant: one person or place spelled two ways (transliteration or typo)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.document import Document
from klint.rules.base import Context, Rule
from klint.rules.xrefs._common import line_of
from klint.rules.xrefs._marks import link_target, set_apart


class NameVariant(Rule):
    """## What it does
    Reports a person or place spelled two ways in one article: transliteration
    variants (Gorbachev/Gorbachov), one-letter slips inside a name
    (Kowalski/Kowalsky), confusable letters (pack `confusable_letters`: d/t, a/e)
    and a hyphenated name written with a space (Stratford-upon-Avon/Stratford upon
    Avon). A slip is found at the start of a sentence of prose too ("Carringon was
    killed" where the text writes Carrington), but not in a citation or a list line.
    Each less frequent spelling is reported once, at its first place, against
    the more frequent one; its other places are listed as related. Never reported:
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
    default_enabled = False
    summary = "one person or place spelled two ways (transliteration or typo; opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract._names_match import find_variants, hyphen_variants
        from klint.text.words import lower_words

        text = ctx.doc.view
        mentions = ctx.claims.mentions
        lower = lower_words(text)
        paragraphs = [(r.start, r.end) for r in ctx.doc.regions_of("paragraph")]
        for v in find_variants(mentions, ctx.packs, text, lower):
            if _told_apart(ctx.doc, v.minor.places, v.major.places):
                continue
            where = _Places(text, paragraphs, v.major.places)
            (s, e), *more = v.minor.places
            related = where.related(s, e)
            rs, re_ = related[0]
            yield self.diagnostic(
                s,
                e,
                f"\u201c{text[s:e]}\u201d is spelled \u201c{text[rs:re_]}\u201d on line {line_of(ctx, rs)} "
                f"({_times(len(v.major.places))} in the text; {v.how}): one name, two spellings"
                + _also(len(more)),
                related=[(a, b, f"spelled \u201c{text[a:b]}\u201d here") for a, b in related]
                + _again(text, where, more, related),
            )
        for minor, minor_places, major, major_places in hyphen_variants(
            mentions, ctx.packs, text, lower
        ):
            if all(set_apart(ctx.doc, s, e) for s, e in minor_places):
                continue
            where = _Places(text, paragraphs, major_places)
            (s, e), *more = minor_places
            related = where.related(s, e)
            rs = related[0][0]
            yield self.diagnostic(
                s,
                e,
                f"\u201c{minor}\u201d is written \u201c{major}\u201d on line {line_of(ctx, rs)} "
                f"({_times(len(major_places))} in the text): one name, two spellings"
                + _also(len(more)),
                related=[(a, b, f"written \u201c{major}\u201d here") for a, b in related]
                + _again(text, where, more, related),
            )


def _told_apart(doc: Document, minor: list[tuple[int, int]], major: list[tuple[int, int]]) -> bool:
    """Whether the markup says the two spellings are not one name spelled two ways: every place
    of the less frequent one is set apart (italics, a foreign-language template, ``{{sic}}``:
    a deliberate variant), or the two are labels of links to different articles."""
    if all(set_apart(doc, s, e) for s, e in minor):
        return True

    to_minor = {t for s, e in minor if (t := link_target(doc, s, e))}
    to_major = {t for s, e in major if (t := link_target(doc, s, e))}
    return bool(to_minor and to_major and not to_minor & to_major)


def _again(
    text: str, where: _Places, more: list[tuple[int, int]], shown: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """The other places of the less frequent spelling, each with the other spelling's place it is
    read against (in the same longer name, or the last before it)."""
    out: list[tuple[int, int, str]] = []
    seen = set(shown)
    for s, e in more:
        out.append((s, e, f"\u201c{text[s:e]}\u201d again here"))
        a, b = where.related(s, e)[0]
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b, f"\u201c{text[a:b]}\u201d here"))
    return out


def _also(n: int) -> str:
    """The other places of the less frequent spelling, reported with its first."""
    return "" if not n else f" (and {_times(n)} more, listed as related)"


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
