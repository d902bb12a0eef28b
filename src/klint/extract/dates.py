"""Date extraction: a hand-written scanner over the standard English date forms.

Each content region is scanned with compiled, linear patterns (``_datescan``);
overlapping matches keep the longest, "from A to B" and "A – B" become ranges, a
bare four-digit number is a year only in a date context, and a date without a
year takes it from the narrative clock (``_clock``). dateparser is not a
scanner here: this one gives offsets, ranges, seasons and decades, which it cannot,
and reads the 64 KB seed in about 10 ms (warm) where ``search_dates`` takes
0.4-0.6 s. With ``languages`` set, ``_dateintl`` adds dates in those languages,
located by its own patterns and normalized by dateparser span by span.
"""

from __future__ import annotations

from klint.claims import DateClaim, Precision
from klint.document import Document, Region
from klint.extract import _datecues as ctx
from klint.extract import _dateintl
from klint.extract._clock import Clock, fill_year
from klint.extract._datescan import (
    Raw,
    Triggers,
    interval,
    is_valid,
    join_ranges,
    resolve,
    scan,
)
from klint.packs import Packs

_NARRATIVE_KINDS = frozenset({"paragraph", "list_item"})
_CLOCK_KINDS = frozenset({"heading", "title"})
#: A claim's instance before its fields are set: ``_claim`` sets its slots one by one, at a
#: fifth of the cost of ``DateClaim(...)``, whose eighteen keywords are matched one by one.
_bare = object.__new__


def _bare_year_ok(
    view: str, region: Region, raw: Raw, prev_end: int, lex: ctx.Lexicon, before: ctx.Window
) -> bool:
    """Is a bare four-digit number (or a year range) a year here (``before``: its window)?"""
    if ctx.not_a_year(view, region.start, raw.start, raw.end, lex, before):
        return False
    if raw.pattern == "yrange":
        return True
    if region.kind == "infobox_field" and not lex.date_labels.isdisjoint(
        (region.label or "").lower().split()
    ):
        return True  # "Founded", "Established date 1"
    if region.kind in _CLOCK_KINDS and (raw.a.year or 0) >= 1200:
        return True  # a four-digit number in a heading or title is a year ("Summer 1993, ...")
    if view.startswith("'s", raw.end):
        return True
    word = ctx.word_before(view, region.start, raw.start, before)
    if word in lex.year_prepositions:
        return True
    if word in lex.year_chain_words and 0 <= raw.start - prev_end <= 12:
        return True
    if word == "of":
        words = view[max(region.start, raw.start - 24) : raw.start].split()
        return len(words) >= 2 and words[-2].lower() in lex.year_period_nouns
    return (
        bool(ctx.determiner_before(view, region.start, raw.start))
        and view[raw.end : raw.end + 1] == " "
    )


def _accept(
    view: str,
    region: Region,
    raws: list[Raw],
    lex: ctx.Lexicon,
    windows: dict[int, ctx.Window],
) -> list[Raw]:
    """The matches that are dates; the window before each is kept in ``windows`` (by start),
    read once for the year's tests and the preposition."""
    out: list[Raw] = []
    prev_end = -100
    for raw in raws:
        before = windows[raw.start] = ctx.window(view, region.start, raw.start)
        bare = raw.pattern in ("year", "yrange") and raw.a.qualifier is None
        if bare and not _bare_year_ok(view, region, raw, prev_end, lex, before):
            continue
        out.append(raw)
        prev_end = raw.end
    return out


def _claim(
    doc: Document,
    raw: Raw,
    cue: str | None,
    prep: str | None,
    inferred: str | None,
    precision: Precision,
) -> DateClaim:
    """The claim of ``raw``, whose start part has ``precision`` (read once by the caller)."""
    a, b = raw.a, raw.b
    # a part without a month is valid (most: years), told without a call
    valid = (a.month is None or is_valid(a)) and (b is None or b.month is None or is_valid(b))
    lo, hi = interval(a)
    is_range = b is not None
    rsl = ree = None
    rev = False
    if b is not None:
        blo, bhi = interval(b)
        rsl, ree = hi, blo
        rev = bhi < lo
        if blo < lo:  # a conditional costs a fraction of a call to ``min`` or ``max``
            lo = blo
        if bhi > hi:
            hi = bhi
    claim = _bare(DateClaim)  # see _bare; every field is set, as a test checks
    claim.kind = "date"
    claim.start = raw.start
    claim.end = raw.end
    claim.text = doc.text[raw.start : raw.end]
    claim.earliest = lo
    claim.latest = hi
    claim.precision = precision
    claim.qualifier = a.qualifier
    claim.is_range = is_range
    claim.range_start_latest = rsl
    claim.range_end_earliest = ree
    claim.year_inferred = inferred is not None
    claim.year_source = inferred
    claim.valid = valid
    claim.preposition = prep
    claim.cue = cue
    claim.weekday = raw.weekday
    claim.reversed = rev
    return claim


def extract_dates(doc: Document, packs: Packs, languages: tuple[str, ...] = ()) -> list[DateClaim]:
    """Every date, range and period the document's content regions state, in text order.

    ``languages`` (ISO 639-1 codes) adds day-month-year and month-year dates in
    those languages ("20 Şubat 1988", "20 февраля 1988 года").
    """
    view = doc.view
    lex = ctx.lexicon(packs)
    clock = Clock()
    index = doc.text_index
    triggers = Triggers(index)
    out: list[DateClaim] = []
    for region in triggers.regions(doc.content_regions()):
        raws = scan(triggers, region.start, region.end)
        if languages:
            raws += _dateintl.scan(view, region.start, region.end, languages)
        if not raws:
            continue
        windows: dict[int, ctx.Window] = {}
        if len(raws) > 1:  # most regions hold one date: nothing overlaps it or joins it
            raws = join_ranges(
                view, _accept(view, region, resolve(raws), lex, windows), region.start
            )
        else:
            raws = _accept(view, region, raws, lex, windows)
        if not raws:
            continue
        text = ctx.RegionText(view, region.start, region.end, index.stops(region), lex)
        narrative_region = region.kind in _NARRATIVE_KINDS
        for raw in raws:
            precision = raw.a.precision  # a year filled in below leaves it as it is
            cue = text.cue(raw.start, raw.end, precision in ("year", "month"))
            inferred = None
            if raw.a.year is None:
                if ctx.recurring(view, region.start, raw.start, raw.end):
                    continue
                filled = fill_year(raw, clock, region, cue in lex.flashback_words)
                if filled is None:
                    continue
                raw, inferred = filled
            prep = ctx.preposition(
                view, region.start, raw.start, lex.prepositions, windows.get(raw.start)
            )
            claim = _claim(doc, raw, cue, prep, inferred, precision)
            out.append(claim)
            if not claim.valid or claim.reversed:
                continue
            if region.kind in _CLOCK_KINDS:
                if inferred is None and precision not in ("decade", "century"):
                    clock.move(raw.a, region, "section heading")
            elif (
                narrative_region
                and cue is None
                and precision in ("day", "month", "season", "year")
                and (
                    # a year or season moves the clock only from the paragraph's opening sentence
                    precision in ("day", "month") or text.sentence_start(raw.start) == region.start
                )
            ):
                clock.move(raw.a, region, "paragraph")
    return out
