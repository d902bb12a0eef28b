"""KD rules: dates against each other, against the subject's span and the calendar."""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.extract import _dateclock as clock
from klint.extract._literals import alternation, find_all, finditer_from
from klint.extract._numlex import ascii_lower
from klint.rules.base import Context, Rule

_NARRATIVE = frozenset({"paragraph", "list_item"})
# A date after one of these words in its sentence is a reference point, not the story's time.
_SUBORDINATE = re.compile(r"\b(?:[Aa]fter|which|who|whom|whose)\b")
_CLAUSE_END = re.compile(r"[,;:()\u2014]")
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)\]]*(?:\s+(?=[A-Z\"“(\[])|$)")
# Dates after these words are ends of periods, not events.
_ENDPOINT = frozenset({"until", "till", "through", "between", "from", "to"})
_MONTH_NAMES = tuple(calendar.month_name)[1:]  # English: klint never calls setlocale
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
_ARTICLE_NUMBERS = {"a": 1, "an": 1}  # "a year later"; number words come from the rule pack


# ---------------------------------------------------------------- shared helpers


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
    start = clock.sentence_start(view, region.start, c.start)
    stop = min(region.end, c.end + 600)
    m = _SENTENCE_STOP.search(view, c.end, stop)
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


def lexicon(ctx: Context) -> clock.Lexicon:
    return clock.lexicon(ctx.packs)


def _sound(c: DateClaim) -> bool:
    return c.valid and not c.reversed


@lru_cache(maxsize=32)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, in any case."""
    return re.compile(rf"\b(?:{alternation({w.lower() for w in words})})\b", re.IGNORECASE)


def _number(word: str, ctx: Context) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return ctx.packs.number_words.get(w) or _ARTICLE_NUMBERS.get(w)


def _in_units(shortest: int, longest: int, unit: str) -> str:
    """A span of days in the stated unit: "1–3 years", "5–7 months", "4 days"."""
    lo, hi = round(shortest / _UNIT_DAYS[unit]), round(longest / _UNIT_DAYS[unit])
    return f"{lo} {unit}{'s' if lo != 1 else ''}" if lo == hi else f"{lo}\u2013{hi} {unit}s"


def _fmt(d: date, precision: str) -> str:
    """A date at its precision: "1988", "May 1994", "May 16, 1994"."""
    if precision == "day":
        return f"{d.strftime('%B')} {d.day}, {d.year}"
    if precision in ("month", "season"):
        return f"{d.strftime('%B')} {d.year}"
    return str(d.year)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


# ---------------------------------------------------------------- KD101


class ImpossibleDate(Rule):
    """## What it does
    Reports a date that names no real day: February 30, April 31, February 29 in
    a common year, a month numbered 13. Quotations are left as their source
    wrote them.

    ## Why is this bad?
    The day does not exist, so at least one of its parts is a typo; every check
    that relies on the date is built on sand.

    ## Example
        The council met on February 30, 1992.

    ## Use instead
        The council met on February 28, 1992.
    """

    code = "KD101"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "a date that names no real day (February 30, April 31)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for c in ctx.claims.dates:
            if c.valid or c.cue == "quotation":  # a quotation keeps its source's words
                continue
            if c.precision != "day" or (c.latest - c.earliest).days > 31:
                yield self.diagnostic(c.start, c.end, f"{show(c)} names no real month")
                continue
            m = re.search(r"(?<![\d-])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", c.text)
            month, year = _MONTH_NAMES[c.earliest.month - 1], c.earliest.year
            last = c.latest.day
            day = m.group(1) if m else "?"
            yield self.diagnostic(
                c.start,
                c.end,
                f"{show(c)} names no real day: {month} {year} has {last} days, not {day}",
                severity=severity_for(c) if c.earliest.month == 2 else None,
            )


# ---------------------------------------------------------------- KD102

_BEGIN = re.compile(
    r"\b(?:began|begun|begins|started|starts|broke out|opened|was born|were born|born)\b"
)
_END = re.compile(r"\b(?:ended|ends|finished|closed|concluded|died|was killed|was closed)\b")


class ReversedRange(Rule):
    """## What it does
    Reports a range whose end comes before its start ("1994–1988", "from May 9
    to May 8", a life span "(1921–1889)"), and a sentence that says something
    began on one date and ended on an earlier one.

    ## Why is this bad?
    A period cannot end before it begins; one of the two dates is wrong or the
    two are swapped.

    ## Example
        The war began in 1990 and ended in 1985.

    ## Use instead
        The war began in 1980 and ended in 1985.
    """

    code = "KD102"
    name = "reversed-range"
    severity = Severity.ERROR
    summary = "a range or begin/end pair whose end is before its start"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        for c in ctx.claims.dates:
            if c.reversed and c.valid:
                start, end = c.range_start_latest, c.range_end_earliest
                assert start is not None and end is not None
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"range {show(c)} ends before it starts: {_fmt(end, c.precision)} is before "
                    f"{_fmt(start, c.precision)}",
                    severity=severity_for(c),
                )
        dated = [c for c in ctx.claims.dates if _sound(c) and not c.is_range]
        for i, a in enumerate(dated):
            region = region_of(ctx, a.start)
            if region is None or region.kind not in _NARRATIVE:
                continue
            s, e = sentence(ctx, a, region)
            if not _BEGIN.search(view, max(s, a.start - 40), a.start):
                continue
            for b in dated[i + 1 :]:
                if b.start >= e:
                    break
                if _END.search(view, max(a.end, b.start - 40), b.start) and b.latest < a.earliest:
                    yield self.diagnostic(
                        b.start,
                        b.end,
                        f"the end {show(b)} is before the beginning {show(a)} (line {line(ctx, a.start)})",
                        related=[(a.start, a.end, f"the beginning {show(a)}")],
                        severity=severity_for(a, b),
                    )
                    break


# ---------------------------------------------------------------- KD103


class OutsideSubjectSpan(Rule):
    """## What it does
    Finds the article's own span (the infobox "Date" field, a lead sentence
    "from February 1988 to May 1994", or else the claims file) and reports a
    date the text explicitly ties to the subject ("the war began…", "the final
    battles of the war…", "the cease-fire that ended the war…") that falls
    outside it. Background history is never tied to the subject this way and
    is not reported.

    ## Why is this bad?
    The span and the dated event cannot both be right: either the infobox is
    wrong or the event is misdated.

    ## Example
        The Valley War was fought from March 1978 to June 1983.

        The final battles of the war took place in March 1986.

    ## Use instead
        The Valley War was fought from March 1978 to June 1983.

        The final battles of the war took place in March 1983.
    """

    code = "KD103"
    name = "outside-subject-span"
    severity = Severity.ERROR
    summary = "a date tied to the article's subject that falls outside its stated span"

    def _span(self, ctx: Context) -> DateClaim | None:
        first_paragraph: Region | None = None
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or not _sound(c) or c.year_inferred:
                continue
            if region.kind == "infobox_field" and region.label == "Date":
                return c
            if region.kind == "paragraph":
                first_paragraph = first_paragraph or region
                if (
                    region is first_paragraph
                    and c.is_range
                    and c.preposition in ("from", "between")
                ):
                    return c
        return None

    @staticmethod
    def _sidecar_span(ctx: Context) -> tuple[date, date, str] | None:
        """The subject's span from the claims file, when it gives both ends."""
        model = getattr(ctx.sidecar, "model", None)
        span = getattr(getattr(model, "subject", None), "span", None)
        if span is None or not span.start or not span.end:
            return None
        from klint.claimsfile.dates import bounds

        return bounds(str(span.start))[0], bounds(str(span.end))[1], f"{span.start}..{span.end}"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        span = self._span(ctx)
        if span is not None:
            lo, hi = span.earliest, span.latest
            where = f"{show(span)} (line {line(ctx, span.start)})"
            related = [(span.start, span.end, f"the subject's span {show(span)}")]
        elif (side := self._sidecar_span(ctx)) is not None:
            lo, hi, text = side
            where, related = f"{text} (claims file)", []
        else:
            return
        cues = _words_re(tuple(ctx.packs.subject_cues))
        view = ctx.doc.view
        for c in ctx.claims.dates:
            if c is span or not _sound(c) or c.cue in ("quotation",):
                continue
            if lo <= c.latest and c.earliest <= hi:
                continue  # inside the span
            region = region_of(ctx, c.start)
            if region is None or region.kind not in _NARRATIVE:
                continue
            s, e = sentence(ctx, c, region)
            m = cues.search(view, max(s, c.start - 80), min(e, c.end + 80))
            if m is not None:
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)} is tied to the subject (\u201c{m.group()}\u201d) but lies outside its span {where}",
                    related=related,
                    severity=severity_for(c, span) if span is not None else severity_for(c),
                )


# ---------------------------------------------------------------- KD104


class ChronologyRegression(Rule):
    """## What it does
    Walks the dated sentences of each section of narrative in order and reports a
    sentence whose date jumps back past the previous dated sentence by more than
    a threshold (default: one month; option ``threshold-days``), when nothing in
    the sentence marks a flashback ("earlier", "previously", "had …", "prior to",
    "since", "in the years before"). Report dates ("as reported in 1993"),
    parentheses, quotations, captions, dates in "after …" or relative clauses,
    and dates coarser than a season are not narrative time and are skipped. A
    section counts as narrative once three dated sentences ran in order; a
    section with more than one jump back is not told in order and is left alone;
    a paragraph that opens with an undated sentence starts a new topic; and a
    jump after which the story goes on from the earlier date starts a new
    thread rather than a slip.

    ## Why is this bad?
    A reader follows a narrative in order; an unmarked jump back usually means a
    misdated event or a paragraph that was moved.

    ## Example
        The council met in March 1989. It called a strike in June 1989.

        In January 1990, a pogrom broke out in Baku.

        Fighting spread to other cities in December 1988.

    ## Use instead
        The council met in March 1989. It called a strike in June 1989.

        In January 1990, a pogrom broke out in Baku.

        Fighting had already spread to other cities in December 1988.
    """

    code = "KD104"
    name = "chronology-regression"
    severity = Severity.ERROR
    summary = "a dated sentence jumps back past the previous one with no flashback cue"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        default = ctx.packs.thresholds.get("KD104_days", 31)
        value = ctx.options(self.code).get("threshold-days", default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(
                f"[tool.klint.rules.KD104] threshold-days must be a number of days, got {value!r}"
            )
        threshold = float(value)
        for anchors in self._sections(ctx):
            found = self._regressions(anchors, threshold)
            if len(found) != 1:
                continue  # no jump, or a section that is not told in order at all
            i = found[0]
            c, prev = anchors[i][0], anchors[i - 1][0]
            if any(
                later.latest < prev.earliest - timedelta(days=threshold)
                for later, _ in anchors[i + 1 :]
            ):
                continue  # the story goes on from the earlier date: a new thread, not a slip
            gap = _months_between(c.latest, prev.earliest)
            amount = f"{gap} months" if gap >= 2 else f"{(prev.earliest - c.latest).days} days"
            yield self.diagnostic(
                c.start,
                c.end,
                f"chronology goes back: {show(c)} comes after {show(prev)} (line {line(ctx, prev.start)}) "
                f"in the same section with no flashback cue, a jump back of {amount}",
                related=[(prev.start, prev.end, f"the previous dated sentence: {show(prev)}")],
                severity=severity_for(c, prev),
            )

    def _regressions(self, anchors: list[tuple[DateClaim, bool]], threshold: float) -> list[int]:
        """Indexes of anchors that jump back, after a run of at least MIN_RUN in order."""
        out: list[int] = []
        run = 0
        for i, (c, fresh) in enumerate(anchors):
            prev = anchors[i - 1][0] if i else None
            back = prev is not None and (prev.earliest - c.latest).days > threshold
            if back and not fresh and run >= self.MIN_RUN:
                out.append(i)
            run = 1 if back else run + 1
        return out

    def _sections(self, ctx: Context) -> Iterator[list[tuple[DateClaim, bool]]]:
        """Per section, the dated sentences' anchor dates, each with a flag: first of a new topic.

        A paragraph that opens with an undated sentence starts a new topic: its
        first anchor is not compared with the paragraphs before it.
        """
        lex = lexicon(ctx)
        view = ctx.doc.view
        dated_sentences = {
            sentence(ctx, c, r)[0] for c in ctx.claims.dates if (r := region_of(ctx, c.start))
        }
        anchors: list[tuple[DateClaim, bool]] = []
        section, paragraph = -1, None
        done: set[int] = set()
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or region.kind not in _NARRATIVE:
                continue
            if region.section != section:
                if anchors:
                    yield anchors
                section, anchors = region.section, []
            s, e = sentence(ctx, c, region)
            if (
                s in done
                or not self._eligible(c)
                or c.preposition in _ENDPOINT
                or _SUBORDINATE.search(view, s, c.start)
            ):
                continue
            done.add(s)
            clause_end = _CLAUSE_END.search(view, c.end, e)
            tail_end = clause_end.start() if clause_end else e
            if lex.flashback.search(view, c.end, tail_end) or lex.clause_flashback.search(
                view, c.end, tail_end
            ):
                continue
            fresh = region is not paragraph and region.start not in dated_sentences
            paragraph = region
            anchors.append((c, fresh))
        if anchors:
            yield anchors

    #: Dated sentences in order that make a section read as a chronological narrative.
    MIN_RUN = 3

    @staticmethod
    def _eligible(c: DateClaim) -> bool:
        return (
            _sound(c)
            and c.cue is None
            and c.precision in ("day", "month", "season")
            and (c.latest - c.earliest).days <= 120
        )


# ---------------------------------------------------------------- KD105

_REL = re.compile(
    r"\b(?:(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)[ -]"
    r"(?P<unit>day|week|month|year)s?|the[ \t](?:following|next)[ \t](?P<unit2>day|week|month|year))"
    r"[ \t,]{0,3}(?P<dir>later|afterwards?|after|earlier|prior|before|previously)?",
    re.IGNORECASE,
)


# "A, before B" / "A after B": the order word between two dates of one sentence, nothing else dated
_ORDER_WORD = re.compile(r"[^.;!?\d]{0,40}?\b(?P<word>before|prior to|after)\b[^.;!?\d]{0,60}")


class RelativeOrderConflict(Rule):
    """## What it does
    Checks a counted relation stated in words right before a date ("Two months
    later, on May 5", "One month prior, on November 21", "The following year,
    in 1994") against the nearest date before it (not an end point such as
    "until June 2007", not a parenthesis). It reports a "later" date that
    lies before its reference, an "earlier" one after it, and a count that
    misses by more than half a unit plus a quarter of the count (so "one month"
    accepts 15–53 days: a round phrase is an approximation, not a finding). It
    also reports "A before B" and "A after B" within one sentence when the two
    dates say the opposite.

    ## Why is this bad?
    The words and the dates contradict each other; one of them is wrong.

    ## Example
        The town fell on March 3, 1992. Two months later, on February 10, 1992,
        the army withdrew.

    ## Use instead
        The town fell on March 3, 1992. Two months later, on May 10, 1992,
        the army withdrew.
    """

    code = "KD105"
    name = "relative-order-conflict"
    severity = Severity.ERROR
    summary = "a relation in words (\u201ctwo months later\u201d) that contradicts the dates"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        prev: DateClaim | None = None
        section = -1
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or region.kind not in _NARRATIVE or not _sound(c):
                continue
            if region.section != section:
                section, prev = region.section, None
            s, _ = sentence(ctx, c, region)
            m = None
            for m in _REL.finditer(view, max(s, c.start - 48), c.start):  # noqa: B007 (keep the last)
                pass
            if (
                m is not None
                and prev is not None
                and prev.end <= m.start()
                and self._attached(view, m.end(), c.start)
            ):
                finding = self._conflict(ctx, m, prev, c)
                if finding:
                    yield self.diagnostic(
                        c.start,
                        c.end,
                        f"\u201c{' '.join(m.group().split()).rstrip(',')}\u201d {show(c)} {finding} {show(prev)} "
                        f"(line {line(ctx, prev.start)})",
                        related=[(prev.start, prev.end, f"the reference date {show(prev)}")],
                        severity=severity_for(c, prev),
                    )
            if (
                c.cue not in ("quotation", "parenthesis")
                and c.precision in ("day", "month", "year")
                and not c.is_range
                and c.preposition not in _ENDPOINT
            ):
                prev = c  # the nearest date before the next relation, even "the 1972 Olympics"
        yield from self._uncounted(ctx)

    def _uncounted(self, ctx: Context) -> Iterator[Diagnostic]:
        """ "A before B" / "A after B" in one sentence, both dated, in the wrong order."""
        view = ctx.doc.view
        dated = [
            c for c in ctx.claims.dates if _sound(c) and c.cue not in ("quotation", "parenthesis")
        ]
        for a, b in pairwise(dated):
            m = _ORDER_WORD.fullmatch(view, a.end, b.start)
            if m is None or _REL.search(view, a.end, b.start):
                continue
            region = region_of(ctx, a.start)
            if region is None or region.kind not in _NARRATIVE or b.start >= region.end:
                continue
            word = m.group("word").lower()
            wrong = a.earliest > b.latest if word != "after" else a.latest < b.earliest
            if wrong:
                yield self.diagnostic(
                    a.start,
                    a.end,
                    f"{show(a)} is said to come {word} {show(b)}, but it is "
                    f"{'later' if word != 'after' else 'earlier'}",
                    related=[(b.start, b.end, f"the event it is {word}: {show(b)}")],
                    severity=severity_for(a, b),
                )

    @staticmethod
    def _attached(view: str, end: int, start: int) -> bool:
        return (
            re.fullmatch(r"[ \t,]{0,3}(?:(?:on|in|by)[ \t]{1,2})?(?:the[ \t])?", view[end:start])
            is not None
        )

    @staticmethod
    def _conflict(ctx: Context, m: re.Match[str], ref: DateClaim, c: DateClaim) -> str | None:
        direction = (m.group("dir") or "").lower()
        if m.group("unit2"):
            unit, n, direction = m.group("unit2").lower(), 1, "later"
        else:
            unit, n = m.group("unit").lower(), _number(m.group("n"), ctx)
        if n is None or not direction:
            return None
        sign = -1 if direction in ("earlier", "prior", "before", "previously") else 1
        lo = (c.earliest - ref.latest).days * sign
        hi = (c.latest - ref.earliest).days * sign
        lo, hi = min(lo, hi), max(lo, hi)
        if hi < 0:
            return "is before, not after," if sign > 0 else "is after, not before,"
        stated = n * _UNIT_DAYS[unit]
        tolerance = _UNIT_DAYS[unit] / 2 + stated / 4
        if lo > stated + tolerance or hi < stated - tolerance:
            return (
                f"is {lo}\u2013{hi} days, not {n} {unit}{'s' if n != 1 else ''}, from"
                if lo != hi
                else f"is {lo} days, not {n} {unit}{'s' if n != 1 else ''}, from"
            )
        return None


# ---------------------------------------------------------------- KD106

_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|twenty|thirty|forty|fifty)[ -](?P<unit>day|week|month|year)s?\b",
    re.IGNORECASE,
)


class DurationMismatch(Rule):
    """## What it does
    Reports a stated duration next to the range it measures that does not fit it:
    "five years (1992–1994)", "a three-month siege, from May to November 1990";
    and an age ("at the age of 30") that does not fit the birth the article gives
    the one person named in that sentence ("X (born 1950)", "X (1921–1989)").
    Year ranges allow one year either way (1992–1997 may mean five or six
    calendar years); a duration far from any range ("After six years of
    fighting") is not compared.

    ## Why is this bad?
    The count and the dates cannot both be right.

    ## Example
        He remained in the region for five years (1992–1994).

    ## Use instead
        He remained in the region for two years (1992–1994).
    """

    code = "KD106"
    name = "duration-mismatch"
    severity = Severity.ERROR
    summary = "a stated duration that does not fit the range beside it"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        for c in ctx.claims.dates:
            if not (c.is_range and _sound(c) and c.range_end_earliest and c.range_start_latest):
                continue
            region = region_of(ctx, c.start)
            if region is None or region.kind not in _NARRATIVE:
                continue
            lo_s, hi_e = max(region.start, c.start - 40), min(region.end, c.end + 40)
            for m in _DURATION.finditer(view, lo_s, hi_e):
                if not (m.end() <= c.start or m.start() >= c.end):
                    continue
                between = view[m.end() : c.start] if m.end() <= c.start else view[c.end : m.start()]
                if re.search(r"[.;]|\b(?:and|but|after|before|later|earlier|ago)\b", between):
                    continue
                if m.group("unit")[0].isupper() or re.match(
                    r"['’]?s?[ \t]+[Ww]ar\b", view[m.end() : m.end() + 8]
                ):
                    continue  # a name: "the Thirty Years War", "the Six-Day War"
                n = _number(m.group("n"), ctx)
                if n is None:
                    continue
                unit = m.group("unit").lower()
                shortest = (c.range_end_earliest - c.range_start_latest).days
                longest = (c.latest - c.earliest).days + 1
                stated = n * _UNIT_DAYS[unit]
                slack = _UNIT_DAYS[unit]
                if stated + slack < shortest or stated - slack > longest:
                    yield self.diagnostic(
                        m.start(),
                        m.end(),
                        f"\u201c{m.group()}\u201d does not fit {show(c)} (line {line(ctx, c.start)}), "
                        f"which spans {_in_units(shortest, longest, unit)}",
                        related=[(c.start, c.end, f"the range {show(c)}")],
                        severity=severity_for(c),
                    )
        yield from self._ages(ctx)

    def _ages(self, ctx: Context) -> Iterator[Diagnostic]:
        """An age ("at the age of 30") against the birth the article gives the person named beside it."""
        births = _births(ctx)
        if not births:
            return
        view = ctx.doc.view
        dated = [
            c
            for c in ctx.claims.dates
            if _sound(c) and not c.is_range and c.cue not in ("quotation",)
        ]
        starts = [c.start for c in dated]
        for m in _AGE.finditer(view):
            n = _age_number(m.group("n"), ctx)
            region = region_of(ctx, m.start())
            if n is None or region is None or region.kind not in _NARRATIVE:
                continue
            s = clock.sentence_start(view, region.start, m.start())
            e_m = _SENTENCE_STOP.search(view, m.end(), min(region.end, m.end() + 600))
            e = e_m.end() if e_m else min(region.end, m.end() + 600)
            i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            in_sentence = [c for c in dated[i:j] if c.earliest.year >= 100]
            if not in_sentence:
                continue
            when = min(in_sentence, key=lambda c: abs(c.start - m.start()))
            named = [
                (pos, name)
                for name in births
                for form in _forms(name, births)
                if (pos := _find_word(view, form, s, m.start())) >= 0
            ]
            named = list({name: pos for pos, name in named}.items())
            if len(named) != 1:
                continue  # nobody named, or more than one person: no guess
            name = named[0][0]
            lo, hi, birth = births[name]
            youngest, oldest = _years_between(hi, when.earliest), _years_between(lo, when.latest)
            if when is birth or youngest <= n <= oldest:
                continue
            age = f"{youngest}" if youngest == oldest else f"{youngest}–{oldest}"
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"“{m.group()}” does not fit: {name} was born {show(birth)} (line {line(ctx, birth.start)}), "
                f"so at {show(when)} the age was {age}",
                related=[(birth.start, birth.end, f"birth of {name}: {show(birth)}")],
                severity=severity_for(when, birth, guess=True),  # the person is matched by name
            )


_AGE = re.compile(r"\b(?:at the age of|at age|aged)[ \t](?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b")
_BORN_PAREN = re.compile(r"\((?:[^()]{0,40}?[;,][ \t])?born[ \t](?:on[ \t]|in[ \t])?$")
_WAS_BORN = re.compile(r"[ \t](?:was|were)[ \t]born[ \t](?:on|in)[ \t]$")
_NAME_END = re.compile(r"([A-Z][a-z]{1,30}(?:[ -][A-Z][a-z]{1,30}){0,3})$")


def _forms(name: str, births: dict[str, tuple[date, date, DateClaim]]) -> list[str]:
    """A person's name, and the surname alone when no one else born in the article shares it."""
    surname = name.split()[-1]
    shared = sum(1 for other in births if other.split()[-1] == surname)
    return [name, surname] if " " in name and shared == 1 else [name]


def _find_word(view: str, word: str, start: int, end: int) -> int:
    m = re.search(rf"\b{re.escape(word)}\b", view[start:end])
    return start + m.start() if m else -1


def _age_number(word: str, ctx: Context) -> int | None:
    parts = word.lower().split("-")
    values = [_number(p, ctx) for p in parts]
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _years_between(a: date, b: date) -> int:
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def _births(ctx: Context) -> dict[str, tuple[date, date, DateClaim]]:
    """Each person's birth as (earliest, latest, claim), by name: "X (born 1950)", "X (1921–1989)",
    "X was born on ..."."""
    if "kd.births" in ctx.cache:
        return ctx.cache["kd.births"]
    view = ctx.doc.view
    out: dict[str, tuple[date, date, DateClaim]] = {}
    for c in ctx.claims.dates:
        if not _sound(c):
            continue
        before = view[max(0, c.start - 60) : c.start]
        if (
            c.is_range
            and c.precision == "year"
            and view[c.end : c.end + 1] == ")"
            and before.endswith("(")
        ):
            if 15 <= c.latest.year - c.earliest.year <= 110 and c.range_start_latest:
                m = _NAME_END.search(before[:-1].rstrip())
                if m:
                    out.setdefault(m.group(1), (c.earliest, c.range_start_latest, c))
            continue
        if c.is_range:
            continue
        paren = _BORN_PAREN.search(before)
        if paren:
            m = _NAME_END.search(before[: paren.start()].rstrip())
        else:
            born = _WAS_BORN.search(before)
            m = _NAME_END.search(before[: born.start()]) if born else None
        if m:
            out.setdefault(m.group(1), (c.earliest, c.latest, c))
    ctx.cache["kd.births"] = out
    return out


# ---------------------------------------------------------------- KD107

_NAME = r"(?P<name>[A-Z][a-z]{1,30}(?:[ -](?:[A-Z][a-z]{1,30}|de|von|van|al|bin|ibn)\b){0,3})"
# no leading \b (it would make ``re`` try every offset): the caller checks the word start
_DEATH_WORDS = ("died", "killed", "assassinated", "executed", "murdered", "death")
_DEATH_WORD = re.compile("(?:" + alternation(_DEATH_WORDS) + r")\b")
# the name before a death word: "X died", "X, who was killed", "the death of X, who was killed"
_NAME_BEFORE_DIED = re.compile(_NAME + r",?[ \t](?:who[ \t])?(?:had[ \t])?$")
_NAME_BEFORE_KILLED = re.compile(_NAME + r",?[ \t](?:who[ \t])?(?:was|had[ \t]been)[ \t]$")
# "his death in 1989, X ..."
_NAME_AFTER_DEATH = re.compile(r"[ \t]in[ \t][^,.;]{1,30},[ \t]" + _NAME)
_NAME_BEFORE_LIFESPAN = re.compile(_NAME + r"[ \t]\((?:c\.[ \t])?$")
_DEATH_OF = re.compile(r"\bdeath[ \t]of[ \t]" + _NAME + r",?[ \t]who[ \t]was[ \t]$")


class AfterDeath(Rule):
    """## What it does
    Collects the deaths the article states ("X died in 1989", "X was killed on
    June 12, 1993", "Prior to his death in 1989, X …", a life span "X
    (1921–1989)" of 15 to 110 years) and
    reports a later sentence, dated after that death, in which the same person
    acts. Possessives ("X's fighters") and posthumous mentions ("his death was
    mourned", "a memorial to X", "the grave of X") are not actions.

    ## Why is this bad?
    A dead person cannot act; the death date, the event date or the name is
    wrong.

    ## Example
        Ivan Petrov died in March 1990. In June 1991, Ivan Petrov signed the
        treaty.

    ## Use instead
        Ivan Petrov died in March 1992. In June 1991, Ivan Petrov signed the
        treaty.
    """

    code = "KD107"
    name = "after-death"
    severity = Severity.WARNING  # the person is matched by name: a guess
    summary = "a person acts in a sentence dated after the death the article gives them"

    @staticmethod
    def _acting(view: str, s: int, pos: int, name: str) -> bool:
        """Is the name at ``pos`` a subject rather than an object, and the same person?"""
        before = view[max(s, pos - 24) : pos]
        if re.search(r"\b(?:of|to|by|for|with|about|after|than)[ \t]{1,2}$", before):
            return False
        # a bare surname after another given name is someone else ("Markar Melkonian")
        return " " in name or not re.search(r"\b[A-Z][a-z]+[ \t]$", before)

    def _deaths(self, ctx: Context) -> dict[str, DateClaim]:
        """Each person's death date, by the name the text gives them."""
        view = ctx.doc.view
        claims = [c for c in ctx.claims.dates if _sound(c)]
        starts = [c.start for c in claims]
        deaths: dict[str, DateClaim] = {}

        def first_date(lo: int, hi: int) -> DateClaim | None:
            i = bisect.bisect_left(starts, lo)
            return claims[i] if i < len(claims) and claims[i].start < hi else None

        for c in claims:  # life spans: "X (1921–1989)"
            lifetime = c.latest.year - c.earliest.year
            if (
                c.is_range
                and c.precision == "year"
                and view[c.end : c.end + 1] == ")"
                and 15 <= lifetime <= 110
            ):
                m = _NAME_BEFORE_LIFESPAN.search(view, max(0, c.start - 60), c.start)
                if m:
                    deaths.setdefault(m.group("name"), c)
        for w in finditer_from(_DEATH_WORD, view, find_all(view, _DEATH_WORDS)):
            if w.start() and (view[w.start() - 1].isalnum() or view[w.start() - 1] == "_"):
                continue  # not a word start ("undied"); \w is exactly isalnum() or "_"
            if w.group() == "death":
                before = view[max(0, w.start() - 4) : w.start()]
                m = _NAME_AFTER_DEATH.match(view, w.end()) if before in ("his ", "her ") else None
                if m is not None:  # "his death in 1989, X"
                    date_ = first_date(w.end(), m.start("name"))
                    if date_:
                        deaths.setdefault(m.group("name"), date_)
                continue
            date_ = first_date(w.end(), min(len(view), w.end() + 60))
            if date_ is None or re.search(r"[.;]", view[w.end() : date_.start]):
                continue
            lo = max(0, w.start() - 80)
            named = _NAME_BEFORE_DIED if w.group() == "died" else _NAME_BEFORE_KILLED
            m = _DEATH_OF.search(view, lo, w.start()) or named.search(view, lo, w.start())
            if m:
                deaths.setdefault(m.group("name"), date_)
        return deaths

    @staticmethod
    def _narrative(
        ctx: Context, c: DateClaim, posthumous: re.Pattern[str]
    ) -> tuple[int, int] | None:
        """The sentence of a date in narrative text, unless a posthumous cue explains it."""
        region = region_of(ctx, c.start)
        if region is None or region.kind not in _NARRATIVE:
            return None
        s, e = sentence(ctx, c, region)
        return None if posthumous.search(ctx.doc.view, s, e) else (s, e)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        deaths = self._deaths(ctx)
        if not deaths:
            return
        view = ctx.doc.view
        posthumous = _words_re(tuple(ctx.packs.posthumous_cues))
        spans: dict[int, tuple[int, int] | None] = {}  # a date's sentence, if it can be dated
        for name, death in deaths.items():
            who = re.compile(
                rf"\b{re.escape(name)}\b(?!['’]s|[ \t]\(|[ \t]was[ \t](?:killed|buried|mourned))"
            )
            for k, c in enumerate(ctx.claims.dates):
                if (
                    c.start <= death.start
                    or not _sound(c)
                    or c.cue is not None
                    or c.earliest <= death.latest
                ):
                    continue
                if k not in spans:
                    spans[k] = self._narrative(ctx, c, posthumous)
                span = spans[k]
                if span is None:
                    continue
                s, e = span
                m = next(
                    (m for m in who.finditer(view, s, e) if self._acting(view, s, m.start(), name)),
                    None,
                )
                if m is None:
                    continue
                yield self.diagnostic(
                    m.start(),
                    m.end(),
                    f"{name} acts in a sentence dated {show(c)} (line {line(ctx, c.start)}), after the death "
                    f"dated {show(death)} (line {line(ctx, death.start)})",
                    related=[(death.start, death.end, f"death of {name}: {show(death)}")],
                    severity=severity_for(c, death, guess=True),
                )
                break


# ---------------------------------------------------------------- KD108

# An event word and its date stand in one phrase: no comma, "and" or "but" between them
# ("captured Orsk on April 3"; "On April 3, rebels captured Orsk").
_TIGHT_BEFORE = re.compile(r"(?:(?![,;]|\band\b|\bbut\b)[^.!?]){0,60}")
_TIGHT_AFTER = re.compile(r",?(?:(?![,;]|\band\b|\bbut\b)[^.!?]){0,40}")


_NAME_AFTER_EVENT = re.compile(
    r"[ \t]{1,2}(?:of[ \t])?(?:the[ \t])?([A-Z][\w-]{0,30}(?:[ \t][A-Z][\w-]{0,30}){0,2})"
)
_NAME_BEFORE_EVENT = re.compile(
    r"([A-Z][\w-]{0,30}(?:[ \t][A-Z][\w-]{0,30}){0,2})[ \t]{1,2}(?:was[ \t]|had[ \t]been[ \t])?$"
)


class EventDateConflict(Rule):
    """## What it does
    Finds the same one-time event dated in two places — an event word from the
    rule pack ("captured", "the fall of", "founded", "died") with the same name
    next to it — and reports two dates that cannot both be true ("captured on
    April 3" and "captured on April 5"). A coarser date that contains the finer
    one ("signed in May of 1994" and "May 16") is consistent. The match of the
    two events is a guess, so findings are warnings.

    ## Why is this bad?
    One event happened once; two different dates for it are a contradiction.

    ## Example
        Armenian forces captured Kelbajar on April 3, 1993. ... After Armenian
        forces captured Kelbajar on April 5, 1993, the council met.

    ## Use instead
        Armenian forces captured Kelbajar on April 3, 1993. ... After Armenian
        forces captured Kelbajar on April 3, 1993, the council met.
    """

    code = "KD108"
    name = "event-date-conflict"
    severity = Severity.WARNING
    summary = "the same named event given two different dates"

    def _key(
        self,
        ctx: Context,
        c: DateClaim,
        events: dict[str, str],
        words: list[tuple[int, int, str]],
        starts: list[int],
    ) -> str | None:
        """The event a date is given to: an event word near it and the name beside that word."""
        i = bisect.bisect_left(starts, c.start - 260)
        if i >= len(starts) or starts[i] > c.end + 40:
            return None  # no event word near the date (the common case)
        region = region_of(ctx, c.start)
        if region is None or region.kind not in _NARRATIVE:
            return None
        view = ctx.doc.view
        s, e = sentence(ctx, c, region)
        lo = max(s, clock.clause_start(view, max(s, c.start - 200), c.start) - 60)
        near = [
            w
            for w in words[i : bisect.bisect_right(starts, c.end + 40)]
            if w[0] >= lo and w[1] <= e
        ]
        before_claim = [
            w for w in near if w[1] <= c.start and _TIGHT_BEFORE.fullmatch(view, w[1], c.start)
        ]
        after_claim = [
            w for w in near if w[0] >= c.end and _TIGHT_AFTER.fullmatch(view, c.end, w[0])
        ]
        for start, end, word in [*before_claim[-1:], *after_claim[:1]]:
            after = _NAME_AFTER_EVENT.match(view, end, end + 50)
            before = _NAME_BEFORE_EVENT.search(view, max(s, start - 50), start)
            name = after.group(1) if after else (before.group(1) if before else None)
            if name and name not in _MONTH_NAMES:
                return f"{events[word]}:{name}"
        return None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        events = {k.lower(): v for k, v in ctx.packs.date_words.get("event_words", {}).items()}
        if not events:
            return
        low = ascii_lower(ctx.doc.view)  # same length: offsets stay the view's ("İ" lowers to two)
        words = [(a, b, low[a:b]) for a, b in _whole_literals(tuple(events), low)]
        starts = [w[0] for w in words]
        seen: dict[str, DateClaim] = {}
        for c in ctx.claims.dates:
            if (
                not _sound(c)
                or c.is_range
                or c.cue in ("quotation", "parenthesis")
                or c.precision not in ("day", "month", "year")
            ):
                continue
            key = self._key(ctx, c, events, words, starts)
            if key is None:
                continue
            first = seen.setdefault(key, c)
            if first is c:
                continue
            if c.latest < first.earliest or c.earliest > first.latest:
                kind, name = key.split(":", 1)
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"the {kind} of {name} is dated {show(c)} here but {show(first)} at line "
                    f"{line(ctx, first.start)}",
                    related=[(first.start, first.end, f"first dated {show(first)}")],
                    severity=Severity.WARNING,
                )


def _whole_literals(words: tuple[str, ...], low: str) -> list[tuple[int, int]]:
    """``clock.whole_words(clock.literal_alternation(words), low, 0)``, with the pattern tried only
    where ``str.find`` sees one of the words start (a regex scan tries every offset)."""
    pattern = clock.literal_alternation(words)
    starts: set[int] = set()
    for w in {w.lower() for w in words}:
        p = low.find(w)
        while p >= 0:
            starts.add(p)
            p = low.find(w, p + 1)
    out = []
    end = 0
    for s in sorted(starts):  # leftmost, non-overlapping: what finditer returns
        m = pattern.match(low, s) if s >= end else None
        if m is None:
            continue
        end = m.end()
        if (s == 0 or not low[s - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            out.append((s, end))
    return out


# ---------------------------------------------------------------- KD109


class WeekdayMismatch(Rule):
    """## What it does
    Reports a weekday written with a date when the calendar disagrees:
    "Monday, February 20, 1988" (that day was a Saturday).

    ## Why is this bad?
    Either the weekday or the date is wrong; readers and calendars will not
    agree with the text.

    ## Example
        The vote took place on Monday, February 20, 1988.

    ## Use instead
        The vote took place on Saturday, February 20, 1988.
    """

    code = "KD109"
    name = "weekday-mismatch"
    severity = Severity.ERROR
    summary = "a weekday that does not match its date"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for c in ctx.claims.dates:
            if not c.weekday or c.precision != "day" or not _sound(c):
                continue
            actual = c.earliest.strftime("%A")
            if actual != c.weekday:
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{show(c)}: {c.earliest.strftime('%B')} {c.earliest.day}, {c.earliest.year} was a "
                    f"{actual}, not a {c.weekday}",
                    severity=severity_for(c),
                )


RULES: tuple[type[Rule], ...] = (
    ImpossibleDate,
    ReversedRange,
    OutsideSubjectSpan,
    ChronologyRegression,
    RelativeOrderConflict,
    DurationMismatch,
    AfterDeath,
    EventDateConflict,
    WeekdayMismatch,
)
