"""What the KD rules share: where a date stands (region, sentence, line), how a finding shows it."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from functools import lru_cache

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Severity
from klint.document import Region
from klint.rules.base import Context
from klint.text import sentences
from klint.text.numerals import number_words
from klint.text.words import alternation, words_re

NARRATIVE = frozenset({"paragraph", "list_item"})

UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
_ARTICLE_NUMBERS = {"a": 1, "an": 1}  # "a year later"; number words come from the rule pack


#: a region's start, read in C as a sort key
_START = operator.attrgetter("start")


def _regions(ctx: Context) -> tuple[list[int], list[Region]]:
    """The content regions by start, and their starts."""
    found: tuple[list[int], list[Region]] | None = ctx.cache.get("kd.regions")
    if found is None:
        regions = sorted(ctx.doc.content_regions(), key=_START)
        found = ctx.cache["kd.regions"] = (list(map(_START, regions)), regions)
    return found


def endpoints(ctx: Context) -> frozenset[str]:
    """The prepositions after which a date ends a period, not dates an event (the dates pack's
    ``endpoint_prepositions``)."""
    return _lower_set(tuple(ctx.packs.date_words.get("endpoint_prepositions", ())))


@lru_cache(maxsize=8)
def _lower_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def region_of(ctx: Context, offset: int) -> Region | None:
    """The content region holding ``offset`` (memoized per document: the KD rules ask about
    the same dates)."""
    # read from the cache here, not through ctx.memo: a call for each of thousands of asks
    memo: dict[int, Region | None] | None = ctx.cache.get("kd.region_of")
    if memo is None:
        memo = ctx.cache["kd.region_of"] = {}
    elif offset in memo:
        return memo[offset]
    found = memo[offset] = _region_of(ctx, offset)
    return found


def _region_of(ctx: Context, offset: int) -> Region | None:
    starts, regions = _regions(ctx)
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        r = regions[i]
        if r.start <= offset < r.end:
            return r
        if r.end <= offset and r.kind != "infobox_field":
            return None
        i -= 1
    return None


def sentence(ctx: Context, c: DateClaim, region: Region) -> tuple[int, int]:
    """The span of the sentence holding claim ``c`` (memoized per document)."""
    memo: dict[tuple[int, int], tuple[int, int]] = ctx.memo("kd.sentences")
    key = (c.start, c.end)
    if key not in memo:
        memo[key] = _sentence(ctx, c, region)
    return memo[key]


def _sentence(ctx: Context, c: DateClaim, region: Region) -> tuple[int, int]:
    view = ctx.doc.view
    start = sentence_start(ctx, region, c.start)
    stop = min(region.end, c.end + 600)
    m = sentences.STOP_OR_END.search(view, c.end, stop)
    return start, (m.end() if m else stop)


def sentence_start(ctx: Context, region: Region, pos: int) -> int:
    """``sentences.sentence_start(view, region.start, pos)``, read off the region's stops in the
    text index instead of a scan of the 400 characters before ``pos``: the end of the last
    :data:`~klint.text.sentences.STOP` before ``pos`` whose stop is in those 400, else their
    start."""
    view = ctx.doc.view
    lo = max(region.start, pos - 400)
    stops = ctx.doc.text_index.stops(region)  # the region's start, then each stop's end
    i = bisect.bisect_left(stops, pos) - 1
    # the stop of the match ending at stops[i] is the last "." "!" or "?" before that end
    if i > 0 and stops[i] >= lo and any(view.rfind(ch, lo, stops[i]) >= 0 for ch in ".!?"):
        return stops[i]
    return lo


# A paragraph that is apparatus, not prose: a footnote ("^ Smith 2001", "[15] ..."), a category
# tag, a table in markup the reader left as text ("| 23 December |"), a data note ("Note: ...").
_APPARATUS_LINE = re.compile(
    r"\s*(?:\^|\[\d{1,3}\]|\||\+-|(?:Category|Note|Notes|Source|Sources|Main article|See also)\s*:)"
)
_EDIT_LINK = re.compile(r"\[edit\]\s*$")  # the blanks before: the title is stripped
_SENTENCE_INSIDE = lazyre.compile(r"[.!?][\"\u201d)\]]*\s")


def _heading_like(view: str, r: Region, following: Region | None) -> bool:
    """Is the paragraph ``r`` a line of at most 80 characters with no sentence punctuation, not
    continued by the next line: a heading the reader could not tell apart (a plain-text
    "History[edit]", a Markdown line "Early life"), not a line of a hard-wrapped paragraph?"""
    text = view[r.start : r.end].strip()
    return (
        0 < len(text) <= 80
        and "\n" not in text
        and text[-1] not in ".!?:;,\"'\u201d"
        and not text[0].islower()
        and _SENTENCE_INSIDE.search(text) is None
        and not (following is not None and view[following.start : following.start + 1].islower())
    )


def units(ctx: Context) -> dict[int, int]:
    """The prose unit of each narrative region, by region start: a run of prose under one heading.

    A heading, or a paragraph that reads as one, starts a new unit; the regions under an
    apparatus heading (References, Notes, See also, from the rule pack) and apparatus lines
    (footnotes, category tags, table markup) belong to none, so they are absent.
    """
    if "kd.units" not in ctx.cache:
        view = ctx.doc.view
        apparatus_words = ctx.packs.date_words.get("apparatus_headings", ())
        apparatus = words_re(tuple(apparatus_words)) if apparatus_words else None
        regions = _regions(ctx)[1]
        out: dict[int, int] = {}
        unit, skipping = 0, False
        for k, r in enumerate(regions):
            kind = r.kind
            if kind in ("heading", "title") or (
                kind == "paragraph"
                and _heading_like(view, r, regions[k + 1] if k + 1 < len(regions) else None)
            ):
                unit += 1
                title = _EDIT_LINK.sub("", view[r.start : r.end]).strip()
                skipping = apparatus is not None and apparatus.fullmatch(title) is not None
            elif kind in NARRATIVE and not skipping and not _APPARATUS_LINE.match(view, r.start):
                out[r.start] = unit
        ctx.cache["kd.units"] = out
    units: dict[int, int] = ctx.cache["kd.units"]
    return units


def narrative_region(ctx: Context, offset: int) -> Region | None:
    """The prose region holding ``offset``: a paragraph or list item of the article's own text,
    not a heading, table, caption, reference list or footnote (memoized per document)."""
    memo: dict[int, Region | None] | None = ctx.cache.get("kd.narrative_region")  # as region_of
    if memo is None:
        memo = ctx.cache["kd.narrative_region"] = {}
    elif offset in memo:
        return memo[offset]
    r = region_of(ctx, offset)
    found = memo[offset] = r if r is not None and r.start in units(ctx) else None
    return found


def prose_dates(ctx: Context) -> list[tuple[DateClaim, Region]]:
    """The sound dates that stand in prose regions (see :func:`narrative_region`), each with
    its region, in the claims' order: found once per document for the KD rules that walk
    them, where each would step over every date of the tables and lists again."""
    found: list[tuple[DateClaim, Region]] | None = ctx.cache.get("kd.prose_dates")
    if found is None:
        found = ctx.cache["kd.prose_dates"] = [
            (c, region)
            for c in ctx.claims.dates
            if sound(c) and (region := narrative_region(ctx, c.start)) is not None
        ]
    return found


def line(ctx: Context, offset: int) -> int:
    return ctx.doc.position(offset)[0]


def show(c: DateClaim) -> str:
    """A claim's surface, with the year it was given when the text leaves it out."""
    text = " ".join(c.text.split())
    if c.year_inferred:
        return f"\u201c{text}\u201d ({c.earliest.year}, year inferred)"
    return f"\u201c{text}\u201d"


def severity_for(*claims: DateClaim, guess: bool = False) -> Severity | None:
    """WARNING when a finding rests on an inferred year or a guessed match; else the rule's default."""
    return Severity.WARNING if guess or any(c.year_inferred for c in claims) else None


def sound(c: DateClaim) -> bool:
    return c.valid and not c.reversed


def number(word: str, ctx: Context) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return ctx.packs.number_words.get(w) or _ARTICLE_NUMBERS.get(w)


@lru_cache(maxsize=8)
def _relation_re(numbers: tuple[str, ...]) -> re.Pattern[str]:
    """ "two years later", "a month earlier", "the next day": a count (digits, one of
    ``numbers``, "a"), a unit and the direction."""
    return re.compile(
        rf"\b(?:(?P<n>\d{{1,3}}|{alternation((*numbers, 'a', 'an'))})[ -]"
        r"(?P<unit>day|week|month|year)s?|the[ \t](?:following|next)[ \t](?P<unit2>day|week|month|year))"
        r"[ \t,]{0,3}(?P<dir>later|afterwards?|after|earlier|prior|before|previously)?",
        re.IGNORECASE,
    )


def relations(ctx: Context) -> re.Pattern[str]:
    """The counted relations of the pack's number words: "two years later", "the next day"."""
    return _relation_re(number_words(ctx.packs).words())


def typing_slips(year: int) -> Iterator[int]:
    """The years one typing slip turns into ``year``: two neighbouring digits swapped, or one
    digit changed other than the last (which moves a year less than a decade, as often a
    detail told out of turn as a slip); never ``year`` itself (a date in its neighbour's year
    is no slip of the year's keys)."""
    digits = str(year)
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
        for d in "0123456789":
            if d != digits[i]:
                yield int(digits[:i] + d + digits[i + 1 :])


def year_certain(ctx: Context, c: DateClaim) -> bool:
    """Is the year of ``c`` one the reader would give it: stated, "that year", or inferred
    as the year a date stated earlier in its sentence names, or a day or month stated in the
    sentence before ("held in May 2015. The leaders met on Tuesday 27 May")? A year the
    narrative clock carried from further back, or from a year alone in the sentence before
    ("In 1897, she had written instructions for her funeral. Her funeral was held on Saturday
    2 February"), is a guess."""
    if not c.year_inferred or c.year_source == "that year":
        return True
    region = region_of(ctx, c.start)
    if region is None:
        return False
    start, _ = sentence(ctx, c, region)
    before = start
    if start > region.start:
        before = sentence_start(ctx, region, start - 1)
    return any(
        before <= d.start
        and d.end <= c.start
        and not d.year_inferred
        and d.earliest.year == c.earliest.year
        and (d.start >= start or d.precision in ("day", "month"))
        for d in ctx.claims.dates
    )
