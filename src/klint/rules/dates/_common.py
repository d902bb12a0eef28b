"""What the KD rules share: where a date stands (region, sentence, line), how a finding shows it."""

from __future__ import annotations

import bisect

from klint.claims import DateClaim
from klint.diagnostics import Severity
from klint.document import Region
from klint.rules.base import Context
from klint.text import sentences

NARRATIVE = frozenset({"paragraph", "list_item"})

# Dates after these words are ends of periods, not events.
ENDPOINT = frozenset({"until", "till", "through", "between", "from", "to"})
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
_ARTICLE_NUMBERS = {"a": 1, "an": 1}  # "a year later"; number words come from the rule pack


def _regions(ctx: Context) -> tuple[list[int], list[Region]]:
    if "kd.regions" not in ctx.cache:
        regions = sorted(ctx.doc.content_regions(), key=lambda r: r.start)
        ctx.cache["kd.regions"] = ([r.start for r in regions], regions)
    return ctx.cache["kd.regions"]


def region_of(ctx: Context, offset: int) -> Region | None:
    """The content region holding ``offset``."""
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
    memo = ctx.cache.setdefault("kd.sentences", {})
    key = (c.start, c.end)
    if key not in memo:
        memo[key] = _sentence(ctx, c, region)
    return memo[key]


def _sentence(ctx: Context, c: DateClaim, region: Region) -> tuple[int, int]:
    view = ctx.doc.view
    start = sentences.sentence_start(view, region.start, c.start)
    stop = min(region.end, c.end + 600)
    m = sentences.STOP_OR_END.search(view, c.end, stop)
    return start, (m.end() if m else stop)


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
