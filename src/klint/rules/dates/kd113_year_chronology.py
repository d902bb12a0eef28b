"""KD113 year-chronology-regression: one date of a narrative told in order stands out of place."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    line,
    narrative_region,
    sentence,
    show,
    sound,
    typing_slips,
    units,
)
from klint.rules.dates.kd104_chronology_regression import (
    _SUBORDINATE,
    _THREAD_TURN,
    ChronologyRegression,
    dated_anchors,
    lexicon,
)
from klint.rules.dates.kd110_attribute_date_conflict import dated
from klint.rules.dates.kd112_act_outside_life import POSTHUMOUS, life_of
from klint.text.words import words_re

#: the words before a year that make it the time of the sentence ("In 1921 he married …")
_NARRATIVE_TIME = frozenset({"in", "by", "during", "on"})
#: the words before a date that end a period: such a date may tell ahead, never back
_PERIOD_END = frozenset({"until", "till"})
#: how many whole years a date may stand out of order unremarked: "In 1921 … In 1919 …"
#: is a common way to tell two threads; three years or more is a broken order
_YEARS_OUT = 2
#: the dated sentences around a date (at most _WINDOW each side, in its paragraph) that must
#: run in order for it to stand out: at least _AROUND of them
_WINDOW = 3
_AROUND = 2
#: a sentence with this many dates lists dated items ("sponsored by A in 1993, B in 1997 and
#: C in 2003"): its order is the list's, not the story's
_LISTING = 3
_CLAUSE_END = lazyre.compile(r"[,;]")
#: a relative clause after a date ("…, who would later serve …") tells about someone else
_RELATIVE = lazyre.compile(r",\s+(?:who|which|whom|whose)\b")
#: a sentence's end, citation marks after it too ("lupus.[2] In 1926")
_CITED_STOP = lazyre.compile(
    r"[.!?](?:\[[\w ]{1,12}\]|[\"\u201d\u2019)\]])*\s+(?=[A-Z\"\u201c(\[])"
)
#: how near a figure stands to the date that says when it holds
_MEASURE_GAP = 30
_BLANK_LINE = lazyre.compile(r"\n[ \t]*\n|<p\b|</p>")
#: a sentence's end at a line's end, citation marks after it too ("magazine.[12]")
_SENTENCE_END = lazyre.compile(r"[.!?](?:[\"'\u201d)\]]|\[[\w ]{1,12}\])*\s*$")
#: a sentence's end with citation marks after it ("Yekaterinburg.[2] There")
_MARKED_STOP = lazyre.compile(r"[.!?](?:\[[\w ]{1,12}\])+\s+(?=[A-Z\"\u201c(])")
#: a verb opening what was said or thought ("emphasizing that", "claimed that")
_CONTENT = lazyre.compile(r"\b[a-z]{3,}(?:ing|ed|s)\s+that\b")
#: a citation mark left as text after a sentence or clause ("Lash.[54]", "1910,[3]")
_CITATION_MARK = lazyre.compile(r"\[\d{1,3}\]")


def _wrapped(view: str, end: int, start: int) -> bool:
    """Whether the line at ``start`` goes on a hard-wrapped paragraph whose date ended at
    ``end``: no blank line between, and the line before stops mid-sentence."""
    if start <= end or _BLANK_LINE.search(view, end, start):
        return start <= end
    return _SENTENCE_END.search(view, end, start) is None


#: a sentence that opens on another person: "His mother died in 1952." (not "His ratings …")
_OTHER_PERSON = lazyre.compile(
    r"\s*(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:elder|younger|eldest|youngest|late|first|"
    r"second|only|new|former|future)\s+)?(?:mother|father|parents?|wife|husband|son|daughter|"
    r"children|child|brothers?|sisters?|siblings?|family|uncle|aunt|grand\w+|cousin|nephew|"
    r"niece|widow|widower|fianc\w+|partner|friends?|successor|predecessor|teacher|mentor|"
    r"pupil|student|heir|ancestors?|descendants?|in-laws?|mother-in-law|father-in-law)\b"
)
#: what may stand before a date that opens its sentence: "In", "On", "By", "In early", "Late in"
_OPENING = lazyre.compile(
    r"\s*(?:(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring|[Ll]ater|[Ee]arly|[Ll]ate|[Tt]hen)"
    r"(?:\s+(?:in|on|the|early|late|mid|spring|summer|autumn|fall|winter|of))*\s+)?"
)
#: words that mark a sentence as telling ahead of the story or back from it
_LOOK_AHEAD = lazyre.compile(
    r"\b(?:would|later|eventually|subsequently|until|till|future|went on to|by then|"
    r"by the time|since|ago|back|(?:a|the|new|all-time) record|consequently|forecast|"
    r"projected|expected|planned|scheduled|to date|(?:his|her|their|its) (?:last|final)|"
    # the present ("is now part of", "today", "to this day") and an example given aside
    r"(?:is|are) now|today|currently|nowadays|to this day|for (?:example|instance))\b",
    re.I,
)


#: the words of _LOOK_AHEAD that tell ahead only, and those that tell back only: a sentence
#: that tells ahead ("worked there until 1866") does not excuse a date that goes back, nor one
#: that tells back ("since 1896") a date that runs ahead
_TELLS_AHEAD = frozenset(
    "would later eventually subsequently until till future forecast projected expected "
    "planned scheduled consequently today currently nowadays".split()
) | {"is now", "are now", "to this day"}
_TELLS_BACK = frozenset({"since", "ago", "back"})
#: "was not completed until 1921", "it was not until 1938 that": the time the thing happened
_NOT_UNTIL = lazyre.compile(r"\bnot\b[^,;.:]{0,80}$")
#: "two weeks later", "a year later": a step from the date before, not a look ahead
_COUNTED_LATER = lazyre.compile(r"\b(?:day|week|month|year|decade)s?\s+$", re.I)
#: a preposition opening a sentence on what its main clause goes by, not on its time
_FRONTED = lazyre.compile(
    r"\s*(?:Under|With|Without|Despite|Unlike|Like|Through|Against|Within|Beyond|Besides|"
    r"Per|Via|Because of|Owing to|Due to|Thanks to|According to|In line with)\s",
)
#: a subject pronoun or an auxiliary: a main clause has begun
_FINITE = lazyre.compile(r"\b(?:he|she|it|they|we|I|was|were|is|are|had|has|have)\b")
#: "back to" a level, not a time ("dropped back to the low 40s"; not "back to 1990",
#: "back to the 1850s", "back to the Roman era")
_BACK_TO_LEVEL = lazyre.compile(r"\s+to\s+(?:the\s+)?(?!\d|early|late|mid|[A-Z])")
#: "Later in July 1720 …", "Later that year …" opening a sentence: the story's next step
_LATER_STEP = lazyre.compile(r",?\s+(?:in|on|during|that|the same)\b", re.I)
#: the verbs of a report that date the act itself when nothing comes between ("was published
#: in April 1982", "announced its exit in April 2020"), not a content ("wrote that in 1930 …")
_DATED_ACTS = frozenset({"published", "announced", "revealed"})
#: flashback cues that date a thing by its start ("born in", "founded in", "built in"), not a
#: story told back
_DATING_CUES = frozenset({"born", "established", "founded", "built", "dating"})
#: a past perfect ("had sold", "had been"), not a possession ("had one daughter", "had a son")
_HAD = lazyre.compile(
    r"\bhad\s+(?!(?:a|an|one|two|three|four|five|six|no|the|his|her|their|its|some|many|"
    r"several|\d+)\b)\w",
    re.I,
)
_AFTER_COMMA = lazyre.compile(r"[,(]\s*$")
_REPORTED_CONTENT = lazyre.compile(r"\bthat\b|\baccording\b|[:\"\u201c]|\b(?!during\b)\w{3,}ing\b")
#: how far the year one slip away from the first or last date of a paragraph may stand before
#: the date after it or after the date before it
_SLIP_REACH = 10
#: a date this many years from every other date of an article (of at least _FAR_DATES dates)
#: stands generations out of its time
_FAR_YEARS = 40
_FAR_DATES = 8
_WHY_FAR = (
    f"with no other date of the article within {_FAR_YEARS} years of it, and two digits "
    "swapped put it between the dates around it"
)
#: how near the dates on both sides of a date must lie for a slip between them to stand out
#: whatever the words around it: a passage told within a year or two
_CLOSE = 2
_WHY_CLOSE = (
    f"in a passage whose dates around it lie within {_CLOSE} years of each other, and one "
    "slip of the keys puts it between them"
)
#: a date this many years from every other date of its section, out of order with the section's
#: dates on both sides of it, stands out of the narrative the section tells
_SECTION_FAR = 15
_WHY_SECTION = (
    f"in a section whose other dates all lie {_SECTION_FAR} years or more from it, and one slip "
    "of the keys puts it between the dates around it"
)
#: how many times the span between the dates around it the date must stand from the section's
#: other dates
_SECTION_SPREAD = 5
#: the prepositions of a date that tells a step of a section's story: its time, or a period's
#: start or end
_SECTION_TIME = _NARRATIVE_TIME | {"from", "until", "till"}
#: the end of a period told after its start ("from 1918 until her retirement"): a "from" date
#: with no end after it dates a thing's origin ("the castle dates from 1287")
_PERIOD_ON = lazyre.compile(r"\s+(?:until|till|to|through)\b")
#: the cues of a date told aside: in parentheses, quotation marks, or before a noun
_ASIDE_CUES = frozenset({"parenthesis", "quotation", "attributive"})
#: the words before a date that tell no step of the story: "since 1714", "the Act of 1714"
_NOT_STORY = frozenset({"since", "of", "from", "until", "till"})
#: the attributes that date a life's own ends, not a step of it
_LIFE_ENDS = frozenset({"born", "died", "lifespan"})
#: a relative clause opening before a date: the date is another thing's
_RELATIVE_BEFORE = lazyre.compile(r"\b(?:which|who|whom|whose)\b")


def _tells(view: str, start: int, end: int, skip: list[tuple[int, int]] | None = None) -> set[str]:
    """Which way the sentence in ``[start, end)`` tells from the story's time: "ahead",
    "back", or both (an empty set when it tells neither); cues inside ``skip`` not counted."""
    out: set[str] = set()
    for m in _LOOK_AHEAD.finditer(view, start, end):
        if skip and any(a <= m.start() < b for a, b in skip):
            continue
        word = m.group().lower()
        if word in ("until", "till") and _NOT_UNTIL.search(view, start, m.start()):
            continue
        if word == "later" and (
            _COUNTED_LATER.search(view, max(start, m.start() - 12), m.start())
            or (not view[start : m.start()].strip() and _LATER_STEP.match(view, m.end()))
        ):
            continue
        if word == "back" and _BACK_TO_LEVEL.match(view, m.end()):
            continue  # "dropped back to the low 40s": no time told back
        if word in _TELLS_AHEAD or word == "went on to" or word.endswith(("last", "final")):
            out.add("ahead")
        elif word in _TELLS_BACK:
            out.add("back")
        else:
            out |= {"ahead", "back"}
    return out


def _start_of(c: DateClaim) -> DateClaim:
    """A range told as its start ("From 1936 until 1940, a detachment …" tells 1936); any
    other date as it is."""
    if not c.is_range or c.range_start_latest is None:
        return c
    return replace(
        c,
        latest=c.range_start_latest,
        is_range=False,
        range_start_latest=None,
        range_end_earliest=None,
    )


#: cues that leave a date the story's time: a child's birth, and a look ahead ("would later
#: … until his departure in 1995"), which excuses no date that goes back (see _tells)
_TELLING_CUES = frozenset({"born", "would"})


def _by_perfect(c: DateClaim) -> bool:
    """Whether ``c`` is the time a past perfect is done by ("had acquired the firm by March
    2010"): the story's time, not a flashback."""
    return c.cue == "had" and c.preposition == "by"


#: a determiner right before a date: the date names a thing ("the 1934 comic song")
_DETERMINER = lazyre.compile(r"\b(?:the|a|an|its|his|her|their)\s+$", re.I)
#: a relative clause on a place or time opening before a date ("the park, where the last wolf
#: was killed in 1905"): the date is that place's
_WHERE = lazyre.compile(r",\s+(?:where|whereupon)\b")
#: a sentence opening on the thing the sentence before told of ("This population was removed
#: in 1998"): running ahead, it tells that thing's story to its end
_DEMONSTRATIVE = lazyre.compile(r"\s*(?:This|That|These|Those)\s+[a-z]+\b")


def _story_time(view: str, c: DateClaim) -> bool:
    """Whether ``c`` may tell the story's time: no cue, or the cue is the act the date dates
    ("was published in hardcover in April 1982", "announced its exit in April 2020", "a
    daughter, born on 22 June 1994"), nothing of a reported content between them."""
    if c.precision == "year" and c.preposition == "on":
        return False  # "except on 1275 GT models": a year is "in" a year, not "on" it
    if c.precision == "year" and _DETERMINER.search(view, max(0, c.start - 8), c.start):
        return False  # "commemorated in the 1934 comic song": a thing named by its year
    if c.cue is None or c.cue in _TELLING_CUES:
        return True
    if _by_perfect(c):
        return True
    lo = max(0, c.start - 300)
    at = view[lo : c.start].lower().rfind(c.cue)  # the cue's last place in the 300 before
    at = lo + at if at >= 0 else -1
    if at >= 0 and _CITED_STOP.search(view, at, c.start):
        return True  # the cue ends a sentence before, its citation marks hid the stop
    if c.cue not in _DATED_ACTS:
        return False
    return (
        at >= 0
        and _REPORTED_CONTENT.search(view, at, c.start) is None
        # "the element thallium, announced in 1861": a detail of the noun before it
        and _AFTER_COMMA.search(view, max(0, at - 3), at) is None
    )


def _reported(view: str, start: int, at: int, report: re.Pattern[str]) -> bool:
    """Whether the date at ``at`` is in what a report says ("wrote that in 1930 …", "according
    to …"), not the time of the report itself ("announced its exit in April 2020")."""
    for m in report.finditer(view, start, at):
        if m.group().lower() == "according to" or _REPORTED_CONTENT.search(view, m.end(), at):
            return True
    return False


def _period_of(view: str, c: DateClaim, periods: frozenset[str]) -> bool:
    """Whether ``c`` follows "of" after a stretch of time: "by the end of 2002"."""
    m = _WORD_BEFORE_OF.search(view, max(0, c.start - 24), c.start)
    return m is not None and m.group(1).lower() in periods


_WORD_BEFORE_OF = lazyre.compile(r"\b([A-Za-z]+)\s+of\s+$")


def _before(a: DateClaim, b: DateClaim) -> bool:
    """Whether ``b`` goes back more than the slack before ``a`` (years for a year, a month else)."""
    if "year" in (a.precision, b.precision):
        return a.earliest.year - b.latest.year > _YEARS_OUT
    return (a.earliest - b.latest).days > 31


def _stands_out(
    claims: list[DateClaim], k: int, reach: int = _SLIP_REACH, near: bool = True
) -> bool:
    """Whether ``claims[k]`` stands out the same way from the dates on both sides of it, which
    run in order, and one slip of the keys turns it into a year between them ("1864 … 1856 …
    1866": "1865" with two digits swapped). The last date of a paragraph stands out when it
    goes back before the two dates before it and one slip turns it into a year that goes on
    from them ("1870 … 1871 … 1851": "1871")."""
    c = claims[k]
    year = c.earliest.year
    if k == 0:
        if len(claims) < 3 or not all(_fine(d) and _before(c, d) for d in claims[1:3]):
            return False
        nxt = claims[1]
        low, high = nxt.earliest.year - reach, nxt.latest.year
        return any(low <= y <= high and _nearer(y, year, nxt) for y in typing_slips(year))
    prev = claims[k - 1]
    if not _fine(prev):
        return False
    if k + 1 < len(claims):
        nxt = claims[k + 1]
        if (
            not _fine(nxt)
            or _before(prev, nxt)
            or not (
                (_before(prev, c) and _before(nxt, c)) or (_before(c, prev) and _before(c, nxt))
            )
        ):
            return False
        low, high = prev.earliest.year, nxt.latest.year
    else:
        if k < 2 or not (_before(prev, c) and _before(claims[k - 2], c)):
            return False
        low, high = prev.earliest.year, prev.latest.year + reach
        return any(
            low <= y <= high and (not near or _nearer(y, year, prev)) for y in typing_slips(year)
        )
    return any(low <= y <= high for y in typing_slips(year))


def _mends_beside(c: DateClaim, d: DateClaim | None, way: str) -> bool:
    """Whether one slip of the keys puts ``c``, which goes ``way`` from ``d``, up to
    _SLIP_REACH years on the story's side of ``d`` and nearer to it (see _nearer)."""
    if d is None:
        return False
    year = c.earliest.year
    low, high = (
        (d.earliest.year, d.latest.year + _SLIP_REACH)
        if way == "back"
        else (d.earliest.year - _SLIP_REACH, d.latest.year)
    )
    return any(low <= y <= high and _nearer(y, year, d) for y in typing_slips(year))


def _slip_fits(c: DateClaim, prev: DateClaim, nxt: DateClaim | None) -> bool:
    """Whether one slip of the keys turns ``c``'s year into one between the dates before and
    after it (after the last one: up to _SLIP_REACH years after the date before)."""
    low = prev.earliest.year
    high = nxt.latest.year if nxt is not None else prev.latest.year + _SLIP_REACH
    return any(low <= y <= high for y in typing_slips(c.earliest.year))


def _nearer(slip: int, year: int, d: DateClaim) -> bool:
    """Whether the year one slip away from ``year`` stands within _YEARS_OUT of ``d`` or at
    less than half the distance ``year`` stands from it: the slip mends the order, it does
    not just move the date elsewhere beside ``d``."""
    away = min(abs(slip - d.earliest.year), abs(slip - d.latest.year))
    return away <= _YEARS_OUT or 2 * away < min(
        abs(year - d.earliest.year), abs(year - d.latest.year)
    )


def _swaps(year: int) -> set[int]:
    """The years two neighbouring digits of ``year`` swapped give."""
    digits = str(year)
    return {
        int(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :])
        for i in range(len(digits) - 1)
    } - {year}


def _fine(c: DateClaim) -> bool:
    """Whether ``c`` is dated to the year or finer: a decade ("the 1960s") places nothing
    precisely enough to tell a slip."""
    return c.precision in ("day", "month", "season", "year")


def _returns(c: DateClaim, told: list[DateClaim]) -> bool:
    """Whether ``c`` goes back to a year the paragraph told already: "In 1900 … had 79,000
    voters. By 1903 … 1,081. In 1900 … 181,000. By 1903 …" compares, it does not slip."""
    return any(d.earliest.year <= c.earliest.year <= d.latest.year for d in told)


def _subordinate(view: str, start: int, at: int) -> bool:
    """Whether the date at ``at`` stands in a clause opened by "after", "following" or a
    relative pronoun ("which went to number 22 in 1986"), not in the main clause after it
    ("After a long debate, it passed on 31 January 1865")."""
    ends = [m.end() for m in _SUBORDINATE.finditer(view, start, at)]
    return bool(ends) and _CLAUSE_END.search(view, ends[-1], at) is None


def _sentence(ctx: Context, c: DateClaim, region: Region) -> tuple[int, int]:
    """The sentence of ``c``, citation marks ending one too ("Yekaterinburg.[2] There he …")."""
    s, e = sentence(ctx, c, region)
    view = ctx.doc.view
    for m in _MARKED_STOP.finditer(view, s, c.start):
        s = m.end()
    stop = _MARKED_STOP.search(view, c.end, e)
    return s, (stop.end() if stop else e)


def _close_bounds(before: list[DateClaim], after: list[DateClaim]) -> tuple[int, int] | None:
    """The years a slip must put a date in, between the dates ``before`` and ``after`` it (two
    each side at most), when those lie within _CLOSE years of each other: between its two
    neighbours (three dates around it at least), or at a paragraph's end up to _CLOSE years
    beyond the two dates on its one side; None when they lie further apart or are too few."""
    if before and after:
        if len(before) + len(after) < 3:
            return None
        low, high = before[-1].earliest.year, after[0].latest.year
        return (low, high) if high - low <= _CLOSE else None
    side = before or after
    if len(side) < 2 or side[1].latest.year - side[0].earliest.year > _CLOSE:
        return None
    if before:
        return side[0].earliest.year, side[1].latest.year + _CLOSE
    return side[0].earliest.year - _CLOSE, side[1].latest.year


def _clause_of(view: str, opener: re.Pattern[str], start: int, at: int) -> bool:
    """Whether the date at ``at`` stands in a clause ``opener`` opens after ``start``, no comma or
    semicolon between."""
    ends = [m.end() for m in opener.finditer(view, start, at)]
    return bool(ends) and _CLAUSE_END.search(view, ends[-1], at) is None


def _clause_end(view: str, start: int, end: int) -> int:
    """Where the clause from ``start`` ends: at a comma or semicolon, else at ``end``."""
    m = _CLAUSE_END.search(view, start, end)
    return m.start() if m else end


def _dated_before(
    ctx: Context, c: DateClaim, start: int, prev: DateClaim | None, nxt: DateClaim | None
) -> bool:
    """Whether the sentence of ``c`` (from ``start``) dates its thing before ``c`` by a year that
    fits between ``prev`` and ``nxt`` ("The broadcast of September 8, 1937 … was released in
    1998"): the sentence keeps the order, ``c`` tells a later detail of it. ``prev`` itself is
    no such date ("stayed above half until November 2009, and by August 2030 …")."""
    low = prev.earliest.year if prev is not None else None
    high = nxt.latest.year if nxt is not None else None
    return any(
        start <= d.start < c.start
        and (prev is None or d.start != prev.start)
        and sound(d)
        and (low is None or low <= d.earliest.year)
        and (high is None or d.latest.year <= high)
        for d in ctx.claims.dates
    )


def _fronted(view: str, start: int, at: int) -> bool:
    """Whether the date at ``at`` stands in a phrase that opens its sentence on a preposition
    of its own ("Under the rules of the Salic Law adopted in 1316, the crown …"): it dates a
    thing that phrase names, not the main clause's act."""
    m = _FRONTED.match(view, start)
    return (
        m is not None
        and not _CLAUSE_END.search(view, start, at)
        # "Despite this he was granted leave until 1822": the main clause, its comma left out
        and not _FINITE.search(view, m.end(), at)
    )


def _measured(
    ctx: Context, c: DateClaim, start: int, end: int, opening: bool, gap: int = _MEASURE_GAP
) -> bool:
    """Whether the date in ``[start, end)`` is the time a figure holds: the figure just before
    it ("the port handled 115 million t in 2000", "95 men in 1857"), or just after it when the
    date opens the sentence ("In 2019, about 437,000 residents …"), within _MEASURE_GAP
    characters. A statistic, not a step of the story."""
    frames = ctx.claims.frames
    view = ctx.doc.view
    for q in ctx.claims.quantities:
        if not start <= q.start < end or _CITATION_MARK.match(view, q.start - 1):
            continue  # "lash.[54] They married in 1986": a citation mark counts nothing
        before = q.end <= c.start and c.start - q.end <= gap
        after = opening and q.start >= c.end and q.start - c.end <= gap
        f = frames.get(q) if before or after else None
        if f is not None and f.year == c.earliest.year:
            return True
    return False


class YearChronologyRegression(Rule):
    """## What it does
    Finds one date out of place in a paragraph told in order, dated by years or
    finer ("In 1910 he moved …", "in March 1915 …", "By 1921 …"): the dated
    sentences around it in its paragraph (at least two, up to three on each
    side) run in order without it, it stands more than two years ahead of
    the next one or behind the one before, and one slip of the keys (see
    below) turns it into a year between them (a date told out of turn on
    purpose, an aside or a new topic, is seldom one slip from its place). A date inside the span of the
    paragraph's other dates counts only when the dates around it open their
    sentences too. The date itself must open its sentence ("In 1921 …", "On 3
    May 1921 …"), the way a story tells its time; a date inside a sentence
    ("was discovered in 1982", "up from 677,400 hectares in 1990") dates a
    detail. A sentence opening with "During …", "Throughout …" or "Meanwhile"
    starts a thread of its own, and a sentence about someone else ("His mother
    died in 1952.", not "His ratings …") is not compared. When either of two neighbouring dates may
    be the one out of place, one finding shows the jump between them. Only
    the sentence's own time counts ("in 1921",
    "by 1921", "during 1921", not "the 1921 census"), read as KD104 reads it:
    not in lists, tables, timeline entries, captions, quotations or
    parentheses, not after "after", "following" or a relative pronoun, not
    with a flashback cue ("earlier", "previously", "had …", "in retrospect"),
    and not in a sentence that tells ahead or back ("would", "later",
    "until", "since", "ago", "forecast", "record", "her last film"; "Later in July 1720 …"
    opening a sentence is the story's next step, and "dropped back to the low
    40s" tells no time back). The first dated sentence
    of a paragraph is compared with what follows only; a date that goes back to a
    year the paragraph told already ("In 1900 … By 1903 … In 1900 …" compares
    two times) and a date after a sentence that lists three or more dated
    items are not compared, nor is the time of a figure ("In 1900, the county had
    79,000 voters").

    A date inside a sentence ("it passed Congress on January 31, 1856",
    "broke out in Bari in 1171") counts when it looks like a typing slip: every
    date of the paragraph's own time is read, not only the first of each
    sentence; the dates on both sides of it run in order and it stands out the
    same way from both (the last date of a paragraph: from the two before it;
    the first: from the two after it); and one slip of the keys — two
    neighbouring digits swapped, or one digit other than the last changed —
    turns it into a year that fits between them (for the first or last date:
    up to ten years before the date after it or after the date before it, and
    nearer to it by half; a last date that goes back before every date of its
    paragraph in a sentence that tells ahead, "He later rebelled and was
    defeated in 1112", need not be nearer). Its neighbours must be dated to the year or finer;
    the date must follow "in", "on", "by", "during" or "the end of", or
    "until" when it goes back ("worked there until 1866" after 1884), stand
    outside the span the paragraph's other dates cover, and not be in a
    relative or "after" clause, in what a report says ("wrote that in 1930",
    "according to", "emphasizing that the money was paid in 2002"), in a
    phrase that opens its sentence on a preposition of its own ("Under the
    rules of the Salic Law adopted in 1316, …"), or beside a figure it dates
    ("95 men in 1857"). A date in a sentence listing three or more dated
    items counts when the list's other dates run in order ("in 1982, a plant
    in Portugal; in 1974, a plant in New York; in 1985, …"); one after such a
    list does not. Nor does a date after a determiner ("in the 1934 comic
    song"), in a "where" clause ("the park, where the last wolf was killed in
    1905"), one compared with a date in an "after" or relative clause ("sold
    it in 1957 after splitting the trades in 1953", "the festival, which
    began in 2005"), or one that runs ahead in a sentence opening on what the
    sentence before told of ("This population was removed in 1998"). A date
    of a publication or an announcement counts ("was published in April
    1982", "announced its exit in April 2020"), not one after a comma ("the
    element, announced in 1861"); a child's birth counts too ("a daughter,
    born on 22 June 1994"), and so does a date told ahead ("would later be in
    charge until his departure in 1995"). A sentence that tells ahead ("would",
    "later", "until") does not excuse a date that goes back, nor one that tells back
    ("since", "ago") a date that runs ahead; "not … until" and "two weeks
    later" tell neither way. A date that goes back after a past perfect or a
    flashback word ("had made", "earlier") is told back (not by the cue of
    the sentence before's own date, "By 1123, he had won …", nor by a past
    perfect done by the date, "had acquired it by March 2000"), and one that runs
    ahead of a year the paragraph goes back to is no slip. A period tells the
    story at its start ("From 1936 until 1940, a detachment …"), with no wider
    reach at a paragraph's ends (a sponsorship "from 1967 to 2003" after one
    "from 1983 to 1986" is a thread of its own). Citation marks end a sentence
    ("lupus.[2] In 1926 …") and count nothing; a date is not compared with one
    whose sentence tells the other way or which dates a figure of its sentence
    ("55% of the exports in 2014"); and a relative clause after the date ("…, which
    would later house …") does not tell its time, nor does the cue of another
    date of its sentence ("until November 2009 and by August 2030 …"). A
    relative clause does not hide an end that goes back ("New Guinea, which
    remained Dutch until 1693" after 1949). A sentence that reaches the present
    ("and is now part of", "today", "to this day") tells ahead, and an example
    ("For example, in 1952 …") tells either way; a date in its neighbour's year
    is no slip of the year's keys; a neighbour on the far side whose sentence
    tells the other way ("That building would be torn down in 1996") bounds no
    slip, the date must then mend up to ten years beside the one it is compared
    with; and a date that runs ahead in a sentence dating its thing earlier,
    between the dates around it ("The broadcast of September 8, 1937 … was
    released in 1998"), tells a later detail. A line of a hard-wrapped text that
    ends a sentence, citation marks after it too ("magazine.[12]"), ends its
    paragraph.

    A date of a paragraph with no other date of the article (of eight dates or
    more) within 40 years of it counts whatever the words around it, when it is
    out of order with the paragraph's dates on both sides of it and two
    neighbouring digits swapped put it between them ("first shown in 1949 …
    acquired by the city in 1592 … loaned in 1971": 1952), or, for the first
    date of a paragraph that opens its sentence, up to ten years before the
    date after it ("In 1294, when the crisis had abated, … In 1925 …"); not a
    date after "of", attributive or in parentheses or quotation marks.

    A date of a paragraph told within a year or two counts whatever the words
    around it, when the dates on both sides of it lie within two years of each
    other, run in order with the next ones around (two each side, at least
    three), and one slip of the keys puts it between them ("debuted on October
    6, 2026 on a music show" between March and 12 October 2016; a table of
    matches read as a paragraph, "12 March 1975" between 5 and 19 March 1955);
    at a paragraph's end, when the two dates on its one side lie within two
    years of each other and the slip puts it up to two years beyond them ("on
    October 18, 2016 … on October 22, 2016 … unveiled on October 28, 2006"),
    in a sentence with no look-ahead, look-back or aside cue.
    Every date of the paragraph that tells the story's time bounds it, not only
    those that open their sentences; the date itself must tell the story's
    time too, not after "since", "of", "from" or "until", not in parentheses,
    quotation marks or before a noun, not after a relative pronoun or a past
    perfect ("which in 1985 had been …"), not in a reported content, and not
    after a sentence listing dated items.

    A date whose frame is a person's (by name or pronoun), before the birth or
    after the death the article gives them (KD112's life: infobox, front
    matter, lead span), counts when the dates around it in its paragraph (two
    each side at most) lie inside that life in order and one slip of the keys
    puts it between its neighbours, the life's ends standing in for a missing
    one ("born on 4 December 1873. … made his stage debut in 1869 … between
    1902 and 1905"; of someone whose life has one end given, with dates on
    both sides of it); not after "since", "of", "from" (unless the period's end
    follows: "taught there from 1918 until her retirement in 1998") or
    "until", not in parentheses or quotation marks, not after a relative
    pronoun, not about another person ("His father …"), and nothing
    posthumous ("a memorial edition", "inducted into the Hall of Fame"). A date that goes
    back in a past perfect clause of its own ("in 1869 its first director had written its
    rules") is told back.

    A section's narrative is read as one run too, its paragraphs and list
    items in order ("In 1982 it built a plant in Portugal, and in 1984 a
    plant in New York. ¶ The next plant, in Tokyo, followed in 1895. In 1987
    …"): a date that stands 15 years or more from every other date of its
    section (decades and periods included), out of order the same way with
    the dates on both sides of it, which run in order with those around them
    (two each side), counts when one slip of the keys puts it between them
    and the span between them is at most a fifth of how far it stands (a
    section of sparse dates may tell threads decades apart); the section's
    last date, when it goes back in the paragraph of the date before it and a
    slip puts it up to two years after that date. It must tell the story's
    time ("in", "on", "by", "during", "until", or "from" with the period's
    end after it, not "the castle dates from 1287"), and not be a birth or
    death ("Jin Lee, born in 1915, took over …"), an aside, in a sentence
    that tells its way or back ("Back in 1905 he had sold rice …"), after a
    relative pronoun, in a reported content, about another person, or the
    time of a figure.

    ## Why is this bad?
    A biography told in order with one year out of place usually holds a typo
    ("1912" for "1921") or a sentence moved from elsewhere.

    ## Example
        In 1905 she moved to Paris. In 1910 she married Tom Keel. In 1921 she
        exhibited at the Salon. In 1912 she left for Rome. In 1925 she returned.

        The board hired her on 3 May 1862, and she surveyed the line in 1856 for
        the board. She married Olof Berg in 1867.

        Berg moved to Stockholm in March 1880. She chaired the society in 1881.
        She retired to Lund in 1818.

    ## Use instead
        In 1905 she moved to Paris. In 1910 she married Tom Keel. In 1921 she
        exhibited at the Salon. In 1922 she left for Rome. In 1925 she returned.

        The board hired her on 3 May 1862, and she surveyed the line in 1865 for
        the board. She married Olof Berg in 1867.

        Berg moved to Stockholm in March 1880. She chaired the society in 1881.
        She retired to Lund in 1881.
    """

    code = "KD113"
    name = "year-chronology-regression"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one date of a narrative told in order stands years out of place (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        found_at: set[int] = set()
        for anchors in dated_anchors(ctx, self._eligible):
            paragraphs: dict[tuple[int, int], list[DateClaim]] = {}
            thread, paragraph, last = 0, -1, None
            for a in anchors:
                if last is None or not _wrapped(ctx.doc.view, last.claim.end, a.paragraph):
                    paragraph = a.paragraph
                    thread += a.fresh  # "During 2014, …", "Meanwhile …": a thread of its own
                elif _THREAD_TURN.search(ctx.doc.view, last.claim.end, a.claim.start):
                    thread += 1
                paragraphs.setdefault((paragraph, thread), []).append(a.claim)
                last = a
            for claims in paragraphs.values():
                found = [f for k in range(1, len(claims)) if (f := self._out(ctx, claims, k))]
                for k, (c, prev, nxt, behind) in enumerate(found):
                    if k + 1 < len(found) and found[k + 1][1] is c:
                        continue  # this date or the next is out of place: one finding, on the next
                    if k and found[k - 1][0] is prev:
                        nxt = None  # which of the two is wrong is not known: the jump between them
                    found_at.add(c.start)
                    yield self._finding(ctx, c, prev, nxt, behind)
        for c, before, nxt in self._inside(ctx):
            if c.start not in found_at:
                found_at.add(c.start)
                behind = before is not None and _before(before, c)
                yield self._finding(ctx, c, before, nxt, behind)
        for c, before, nxt in self._far(ctx):
            if c.start not in found_at:
                found_at.add(c.start)
                behind = before is not None and _before(before, c)
                yield self._finding(ctx, c, before, nxt, behind, why=_WHY_FAR)
        for c, before, nxt, end in self._outside_life(ctx):
            if c.start not in found_at:
                found_at.add(c.start)
                why = (
                    f"outside the life the article gives its subject ({show(end)}, line "
                    f"{line(ctx, end.start)}), while the dates around it lie inside it, and one "
                    "slip of the keys puts it between them"
                )
                yield self._finding(ctx, c, before, nxt, c.latest < end.earliest, why=why)
        for c, before, nxt in self._close(ctx):
            # one finding for a jump: not beside a date found out of place already
            if not {d.start for d in (c, before, nxt) if d is not None} & found_at:
                found_at.add(c.start)
                behind = before is not None and _before(before, c)
                yield self._finding(ctx, c, before, nxt, behind, why=_WHY_CLOSE)
        for c, before, nxt in self._section(ctx):
            if c.start not in found_at:
                found_at.add(c.start)
                behind = before is not None and _before(before, c)
                yield self._finding(ctx, c, before, nxt, behind, why=_WHY_SECTION)

    @staticmethod
    def _outside_life(
        ctx: Context,
    ) -> Iterator[tuple[DateClaim, DateClaim | None, DateClaim | None, DateClaim]]:
        """``(date, the one before, the one after, the birth or death)`` for each date of a
        paragraph whose frame is a person's, before the birth or after the death the article
        gives them, while the dates around it in its paragraph (two each side at most) lie
        inside that life in order, and one slip of the keys puts it between its neighbours,
        the life's ends standing in for a missing one ("born on 4 December 1873. … made his
        stage debut in 1869 … between 1902 and 1905")."""
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        facts = dated(ctx)
        view = ctx.doc.view
        paragraphs: dict[int, list[DateClaim]] = {}
        for c in ctx.claims.dates:
            if sound(c) and not c.year_inferred and _fine(c) and c.cue not in _ASIDE_CUES:
                region = narrative_region(ctx, c.start)
                if region is not None and region.kind == "paragraph":
                    paragraphs.setdefault(region.start, []).append(_start_of(c))
        for claims in paragraphs.values():
            for k, c in enumerate(claims):
                f = ctx.claims.frames.get(c)
                if (
                    f is None
                    or f.subject is None
                    or f.how not in ("title", "name", "link", "pronoun")
                    or f.attribute in _LIFE_ENDS
                    # a period's start told with its end ("taught there from 1981 until her
                    # retirement") is a step of the life
                    or (
                        c.preposition in _NOT_STORY
                        and not (c.preposition == "from" and _PERIOD_ON.match(view, c.end))
                    )
                ):
                    continue
                born, died = life_of(facts, subject_key(f.subject))
                if born is not None and c.latest < born[1]:
                    end = born[0]
                elif died is not None and c.earliest > died[2]:
                    end = died[0]
                else:
                    continue  # inside the life, or no end of it on that side
                prev = claims[k - 1] if k else None
                nxt = claims[k + 1] if k + 1 < len(claims) else None
                around = [*claims[max(0, k - 2) : k], *claims[k + 1 : k + 3]]
                if (
                    not around
                    or any(
                        (born is not None and d.earliest < born[1])
                        or (died is not None and d.latest > died[2])
                        for d in around
                    )
                    or any(a.earliest.year > b.latest.year for a, b in pairwise(around))
                ):
                    continue
                if born is None or died is None:
                    # a life with one end given: the date's own neighbours must bound it
                    if prev is None or nxt is None:
                        continue
                    low, high = prev.earliest.year, nxt.latest.year
                else:
                    low = prev.earliest.year if prev is not None else born[1].year
                    high = nxt.latest.year if nxt is not None else died[2].year
                if not any(low <= y <= high for y in typing_slips(c.earliest.year)):
                    continue
                region = narrative_region(ctx, c.start)
                assert region is not None
                s, e = _sentence(ctx, c, region)
                if (
                    POSTHUMOUS.search(view, s, e)
                    or _OTHER_PERSON.match(view, s)
                    or _RELATIVE_BEFORE.search(view, s, c.start)
                ):
                    continue
                yield c, prev, nxt, end

    @staticmethod
    def _section(ctx: Context) -> Iterator[tuple[DateClaim, DateClaim | None, DateClaim | None]]:
        """``(date, the one before, the one after)`` for each date of a section's narrative (its
        paragraphs and list items, read in order as one run) that stands _SECTION_FAR years
        or more from every other date of the section, out of order the same way with the
        dates on both sides of it, which run in order with those around them, where one slip
        of the keys puts it between them ("in 1982 … in 1984 … followed in 1895. In 1987 …");
        at the section's end, up to _SLIP_REACH years after the date before it and nearer."""
        view = ctx.doc.view
        unit_of = units(ctx)
        report = words_re(tuple(ctx.packs.date_words.get("report_cues", ())))
        frames = ctx.claims.frames
        runs: dict[int, list[DateClaim]] = {}
        years: dict[int, list[int]] = {}  # every year a date of the section names
        periods: set[int] = set()  # the starts of periods told with their end, by id
        for c in ctx.claims.dates:
            region = narrative_region(ctx, c.start)
            if region is None or not sound(c) or c.year_inferred:
                continue
            unit = unit_of[region.start]
            if c.latest.year - c.earliest.year <= 10 or c.is_range:
                years.setdefault(unit, []).extend({c.earliest.year, c.latest.year})
            if _fine(c) and c.cue not in _ASIDE_CUES and c.preposition != "of":
                d = _start_of(c)
                if d is not c or (c.preposition == "from" and _PERIOD_ON.match(view, c.end)):
                    periods.add(id(d))
                runs.setdefault(unit, []).append(d)
        for unit, claims in runs.items():
            told = sorted(years[unit])
            for k, c in enumerate(claims):
                year = c.earliest.year
                near = bisect_right(told, year + _SECTION_FAR - 1) - bisect_left(
                    told, year - _SECTION_FAR + 1
                )
                if (
                    near > 1
                    or c.preposition not in _SECTION_TIME
                    or (c.preposition == "from" and id(c) not in periods)
                ):
                    continue  # the section tells other dates of its time, or this one tells none
                prev = claims[k - 1] if k else None
                nxt = claims[k + 1] if k + 1 < len(claims) else None
                around = [*claims[max(0, k - 2) : k], *claims[k + 1 : k + 3]]
                if prev is None or any(_before(a, b) for a, b in pairwise(around)):
                    continue
                far = min(abs(year - y) for y in told if y != year)
                if nxt is not None:
                    if not (
                        (_before(prev, c) and _before(nxt, c))
                        or (_before(c, prev) and _before(c, nxt))
                    ):
                        continue
                    low, high = prev.earliest.year, nxt.latest.year
                elif (
                    len(around) < 2
                    or not _before(prev, c)
                    or narrative_region(ctx, prev.start) is not narrative_region(ctx, c.start)
                ):
                    continue  # a section's last paragraph may turn to a time of its own
                else:  # the section's last date: a slip puts it just after the date before it
                    low, high = prev.earliest.year, prev.latest.year + _CLOSE
                # the span the slip must land in is narrow beside how far the date stands: in
                # a section of sparse dates, one told decades apart may be a thread of its own
                if _SECTION_SPREAD * (high - low) > far or not any(
                    low <= y <= high for y in typing_slips(year)
                ):
                    continue
                f = frames.get(c)
                if f is not None and f.attribute in _LIFE_ENDS:
                    continue  # "Jin Lee, born in 1915, took over …": a life recalled
                region = narrative_region(ctx, c.start)
                assert region is not None
                s, e = _sentence(ctx, c, region)
                way = "back" if _before(prev, c) else "ahead"
                if (
                    way in _tells(view, s, e)
                    or _RELATIVE_BEFORE.search(view, s, c.start)
                    or _HAD.search(view, s, e)
                    or YearChronologyRegression._flashback(ctx, s, e)
                    or _CONTENT.search(view, s, c.start)
                    or _reported(view, s, c.start, report)
                    or _OTHER_PERSON.match(view, s)
                    or _fronted(view, s, c.start)
                    or _measured(ctx, c, s, e, YearChronologyRegression._opening(ctx, c))
                    or not _story_time(view, c)
                ):
                    continue
                yield c, prev, nxt

    @staticmethod
    def _close(
        ctx: Context,
    ) -> Iterator[tuple[DateClaim, DateClaim | None, DateClaim | None]]:
        """``(date, the one before, the one after)`` for each date of a paragraph that stands
        years away from the dates on both sides of it, which lie within _CLOSE years of each
        other and run in order with those around them, where one slip of the keys puts it
        between them ("on 2 May 2016 … On May 19, 2030 at 8:30pm … by June 2016"); at a
        paragraph's end, from the two dates on its one side, the slip up to _CLOSE years
        beyond them (see _close_bounds). Every dated word of the paragraph bounds it; the
        date itself must tell the story's time."""
        view = ctx.doc.view
        report = words_re(tuple(ctx.packs.date_words.get("report_cues", ())))
        paragraphs: dict[int, list[DateClaim]] = {}
        for c in ctx.claims.dates:
            if not (sound(c) and _story_time(view, c)) or c.year_inferred or not _fine(c):
                continue
            region = narrative_region(ctx, c.start)
            if region is not None and region.kind == "paragraph":
                paragraphs.setdefault(region.start, []).append(_start_of(c))
        for claims in paragraphs.values():
            for k, c in enumerate(claims):
                prev = claims[k - 1] if k else None
                nxt = claims[k + 1] if k + 1 < len(claims) else None
                before, after = claims[max(0, k - 2) : k], claims[k + 1 : k + 3]
                around = [*before, *after]
                bounds = _close_bounds(before, after)
                if (
                    bounds is None
                    or any(a.earliest.year > b.latest.year for a, b in pairwise(around))
                    or not (
                        (prev is not None and _before(prev, c))
                        or (nxt is not None and _before(c, nxt))
                    )
                    or not any(bounds[0] <= y <= bounds[1] for y in typing_slips(c.earliest.year))
                    or c.preposition in _NOT_STORY
                    or c.cue in _ASIDE_CUES
                ):
                    continue
                region = narrative_region(ctx, c.start)
                assert region is not None
                s, e = _sentence(ctx, c, region)
                if (
                    # at a paragraph's end, a look ahead or back, or an aside ("For example,
                    # in 1952 a vessel was found"), may leave the story's time
                    ((prev is None or nxt is None) and _tells(view, s, e))
                    # "which in 1985 had been the first to fund it": another's time
                    or _RELATIVE_BEFORE.search(view, s, c.start)
                    # "This population was removed in 1998": a thread told to its end
                    or (
                        prev is not None
                        and nxt is not None
                        and _before(c, nxt)
                        and _DEMONSTRATIVE.match(view, s)
                    )
                    or _HAD.search(view, s, c.start)
                    # "emphasizing that the money was paid in 2002", "according to …"
                    or _CONTENT.search(view, s, c.start)
                    or _reported(view, s, c.start, report)
                    # a list of dated items before it tells the list's order ("funded by A in
                    # 1885, B in 1886 and C in 1887. In 1878 …"); one it is part of, told in
                    # order around it, is a chronology (a table of matches by date)
                    or (
                        prev is not None
                        and prev.end <= s
                        and YearChronologyRegression._listing(ctx, prev)
                    )
                ):
                    continue
                yield c, prev, nxt

    @staticmethod
    def _far(ctx: Context) -> Iterator[tuple[DateClaim, DateClaim | None, DateClaim | None]]:
        """``(date, the one before, the one after)`` for each date of a paragraph that stands
        generations from every other date of the article, where two neighbouring digits
        swapped put it between the paragraph's dates on both sides of it ("acquired in 1949
        … in 1592 … in 1971": 1952), whatever the words around it."""
        fine = [
            c
            for c in ctx.claims.dates
            if sound(c) and not c.year_inferred and _fine(c) and c.cue != "quotation"
        ]
        if len(fine) < _FAR_DATES:
            return
        years = sorted(c.earliest.year for c in fine)
        paragraphs: dict[int, list[DateClaim]] = {}
        for c in fine:
            region = narrative_region(ctx, c.start)
            if region is not None and region.kind == "paragraph":
                paragraphs.setdefault(region.start, []).append(_start_of(c))
        for claims in paragraphs.values():
            for k, c in enumerate(claims):
                year = c.earliest.year
                if c.preposition == "of" or c.cue in ("attributive", "parenthesis"):
                    continue  # a thing named by its date ("the Revenue Act of 1816")
                near = bisect_right(years, year + _FAR_YEARS) - bisect_left(
                    years, year - _FAR_YEARS
                )
                if near > 1:
                    continue  # the article tells other dates of its time
                prev = claims[k - 1] if k else None
                nxt = claims[k + 1] if k + 1 < len(claims) else None
                if prev is not None:
                    low = prev.earliest.year
                    high = nxt.latest.year if nxt is not None else low + _SLIP_REACH
                elif nxt is not None:
                    high = nxt.latest.year
                    low = high - _SLIP_REACH
                else:
                    continue
                if low > high or (year >= low if nxt is None else low <= year <= high):
                    continue  # its neighbours are not in order either, or it is in order
                if prev is None and not YearChronologyRegression._opening(ctx, c):
                    continue  # a paragraph may open on an older time ("after the fall of … in 1453")
                if any(low <= y <= high for y in _swaps(year)):
                    yield c, prev, nxt

    def _inside(
        self, ctx: Context
    ) -> Iterator[tuple[DateClaim, DateClaim | None, DateClaim | None]]:
        """``(date, the one before, the one after)`` for each date inside a sentence that
        stands years out the same way from the paragraph's dates on both sides of it, while
        those run in order. Every date of the paragraph's own time counts, not only the
        first of each sentence."""
        runs: dict[int, list[DateClaim]] = {}
        starts: set[int] = set()  # the ranges' starts ("From 1936 until 1940"), by id
        view = ctx.doc.view
        periods = frozenset(ctx.packs.date_words.get("year_period_nouns", ()))
        for c in ctx.claims.dates:
            # a date after "of" names a thing ("the Treaty of 1834", "the broadcast of
            # September 8, 1937"), it does not tell the paragraph's time; "the end of 2002" does
            if (
                sound(c)
                and _story_time(view, c)
                and not c.year_inferred
                and (c.preposition != "of" or _period_of(view, c, periods))
            ):
                region = narrative_region(ctx, c.start)
                if region is not None and region.kind == "paragraph":
                    d = _start_of(c)
                    if d is not c:
                        starts.add(id(d))
                    runs.setdefault(region.start, []).append(d)
        report = words_re(tuple(ctx.packs.date_words.get("report_cues", ())))
        for claims in runs.values():
            for k in range(len(claims)):
                c, prev = claims[k], (claims[k - 1] if k else None)
                nxt = claims[k + 1] if k + 1 < len(claims) else None
                if (
                    c.is_range
                    # a period counts only as told "from" its start ("died in 1348–1350" in a
                    # list of outbreaks is no step of a story)
                    or (
                        c.preposition != "from"
                        if id(c) in starts
                        else not (
                            c.preposition in _NARRATIVE_TIME  # "the Battle of December 1851"
                            or (c.preposition == "of" and _period_of(view, c, periods))
                            # "worked there until 1866" after 1884: an end before the story's time
                            or (
                                c.preposition in _PERIOD_END
                                and prev is not None
                                and _before(prev, c)
                            )
                        )
                    )
                    or c.precision not in ("day", "month", "season", "year")
                    # a period's start may be a thread of its own: no wider reach for it
                    or not (
                        _stands_out(claims, k, _YEARS_OUT if id(c) in starts else _SLIP_REACH)
                        or self._later_before_all(ctx, claims, k)
                    )
                ):
                    continue
                around = [*claims[max(0, k - _WINDOW) : k], *claims[k + 1 : k + 1 + _WINDOW]]
                if any(_before(a, b) for a, b in pairwise(around)):
                    continue  # the dates around it are not told in order either
                others = claims[:k] + claims[k + 1 :]
                if (
                    min(d.earliest for d in others) <= c.earliest
                    and c.latest <= max(d.latest for d in others)
                ) or _returns(c, claims[:k]):
                    continue  # the run tells that time elsewhere: a detail told out of turn
                if self._listing(ctx, c):
                    # a list of dated items told in order ("in 1982, a plant in Portugal; in
                    # 1974, a plant in New York; in 1985, …") is a chronology, the date out of
                    # its order in it stands out; a list told in another order tells none
                    if not self._in_order(ctx, c):
                        continue
                elif prev is not None and self._listing(ctx, prev):
                    continue
                region = narrative_region(ctx, c.start)
                assert region is not None
                s, e = _sentence(ctx, c, region)
                if nxt is not None and prev is not None and not _before(prev, c):
                    if _returns(nxt, claims[:k]):
                        continue  # the paragraph goes back to a year it told: no slip ahead
                # not the cue of the date before's own sentence: "By 1123, he had increased
                # ties", "(Ewing had worn a hat)" tell that sentence's story
                elif (
                    prev is not None
                    and not _by_perfect(c)
                    and self._flashback(
                        ctx, max(prev.end, min(s, _sentence(ctx, prev, region)[1])), c.start
                    )
                ):
                    continue  # "When Charles IV died, Edward had made a claim …": told back
                # which way it stands out: back before the date before it, or ahead of the next
                way = "back" if prev is not None and _before(prev, c) else "ahead"
                # the neighbour it is compared with must not tell the other way: a date back
                # before one that tells ahead, or ahead of one that tells back, shows nothing
                against, beyond = (prev, nxt) if way == "back" else (nxt, prev)
                other = "ahead" if way == "back" else "back"
                rel = _RELATIVE.search(view, c.end, e)
                # the cue of another date of the sentence is that date's ("remained above it
                # until November 2009 and by August 2030 …" tells nothing ahead of August 2030)
                theirs = [
                    (max(s, view.rfind(" ", s, d.start - 1)), d.start)
                    for d in claims
                    if d is not c and s <= d.start < e
                ]
                if (
                    way in _tells(view, s, rel.start() if rel else e, theirs)
                    or _reported(view, s, c.start, report)
                    or _OTHER_PERSON.match(view, s)
                    # "New Guinea, which remained Dutch until 1693" after 1949: no detail
                    or (_subordinate(view, s, c.start) and c.preposition not in _PERIOD_END)
                    or _clause_of(view, _WHERE, s, c.start)
                    # the neighbour it is compared with is no step of the story: in an "after"
                    # or relative clause of its sentence ("sold it in 1957 after splitting the
                    # trades in 1953", "the festival, which began in the park in 2005")
                    or (against is not None and self._aside(ctx, against))
                    # "In 1989 … This population was removed in 1998": the thread the date
                    # before began, told to its end
                    or (
                        way == "ahead"
                        and prev is not None
                        and _DEMONSTRATIVE.match(view, s) is not None
                    )
                    or _fronted(view, s, c.start)
                    or _measured(ctx, c, s, e, self._opening(ctx, c))
                    or (against is not None and other in self._telling(ctx, against, c))
                    # a neighbour on the far side that tells the other way bounds no slip
                    # ("in 1891 … That building would be torn down in 1996" after 1896): the
                    # slip must put the date just beside the one it is compared with
                    or (
                        beyond is not None
                        and other in self._telling(ctx, beyond, c)
                        and not _mends_beside(c, against, way)
                    )
                    # "repeated his stance, emphasizing that the money was paid in 2002"
                    or _CONTENT.search(view, s, c.start)
                    or (way == "ahead" and _dated_before(ctx, c, s, prev, nxt))
                    # "in 1869 its first director had written its rules": told back
                    or (way == "back" and _HAD.search(view, c.end, _clause_end(view, c.end, e)))
                ):
                    continue  # not the story's time, or compared with what is not
                yield c, prev, nxt

    @staticmethod
    def _later_before_all(ctx: Context, claims: list[DateClaim], k: int) -> bool:
        """Whether the last date of a paragraph, in a sentence that tells ahead ("He later
        rebelled and was defeated in 1112"), goes back before every date the paragraph told,
        and one slip of the keys puts it up to ten years after the date before it."""
        c = claims[k]
        if (
            k < 2
            or k + 1 < len(claims)
            or c.preposition not in _NARRATIVE_TIME
            or not all(_before(d, c) for d in claims[:k])
        ):
            return False
        region = narrative_region(ctx, c.start)
        if region is None or not _stands_out(claims, k, near=False):
            return False
        s, _ = _sentence(ctx, c, region)
        return _tells(ctx.doc.view, s, c.start) == {"ahead"}

    @staticmethod
    def _flashback(ctx: Context, start: int, end: int) -> bool:
        """Whether a flashback cue ("had", "earlier", "previously") stands in ``[start, end)``."""
        view = ctx.doc.view
        return _HAD.search(view, start, end) is not None or any(
            m.group().split()[0].lower() not in _DATING_CUES
            for m in lexicon(ctx).flashback.finditer(view, start, end)
        )

    @staticmethod
    def _telling(ctx: Context, d: DateClaim, c: DateClaim) -> set[str]:
        """Which way the sentence of ``d`` tells from the story's time (see _tells), without
        the part of it that belongs to ``c`` when the two share a sentence."""
        region = narrative_region(ctx, d.start)
        if region is None:
            return {"ahead", "back"}
        s, e = _sentence(ctx, d, region)
        if s <= c.start < e:
            # the word before ``c`` ("until 1868") is its own, not ``d``'s
            before = max(s, ctx.doc.view.rfind(" ", s, c.start - 1))
            s, e = (s, before) if d.start < c.start else (c.end, e)
        return _tells(ctx.doc.view, s, e)

    @staticmethod
    def _listing(ctx: Context, c: DateClaim) -> bool:
        """Whether the sentence of ``c`` lists dated items: _LISTING dates or more. The
        sentence is sought back to its paragraph's start, however long the citations in it."""
        region = narrative_region(ctx, c.start)
        if region is None:
            return False
        view = ctx.doc.view
        s = region.start
        for m in _CITED_STOP.finditer(view, region.start, c.start):
            s = m.end()
        stop = _CITED_STOP.search(view, c.end, region.end)
        e = stop.end() if stop else region.end
        return sum(1 for d in ctx.claims.dates if s <= d.start < e) >= _LISTING

    @staticmethod
    def _aside(ctx: Context, d: DateClaim) -> bool:
        """Whether ``d`` stands in an "after", "following" or relative clause inside its
        sentence; one that opens the sentence ("After her exams in 1882 she stayed on") tells
        the story's time."""
        region = narrative_region(ctx, d.start)
        if region is None:
            return True
        view = ctx.doc.view
        s, _ = _sentence(ctx, d, region)
        last = max(_SUBORDINATE.finditer(view, s, d.start), key=lambda m: m.start(), default=None)
        return (
            last is not None
            and bool(view[s : last.start()].strip())
            and _CLAUSE_END.search(view, last.end(), d.start) is None
        )

    @staticmethod
    def _in_order(ctx: Context, c: DateClaim) -> bool:
        """Whether the other dates of the sentence of ``c`` (_LISTING - 1 at least) run in
        order, each dated to the year or finer."""
        region = narrative_region(ctx, c.start)
        if region is None:
            return False
        s, e = _sentence(ctx, c, region)
        others = [d for d in ctx.claims.dates if s <= d.start < e and d is not c]
        return (
            len(others) >= _LISTING - 1
            and all(_fine(d) and sound(d) for d in others)
            and not any(a.earliest > b.latest for a, b in pairwise(others))
        )

    @staticmethod
    def _opening(ctx: Context, c: DateClaim) -> bool:
        """Whether the date opens its sentence ("In 1921, …", "On 3 May 1921 he …")."""
        region = narrative_region(ctx, c.start)
        if region is None:
            return False
        s, _ = _sentence(ctx, c, region)
        return _OPENING.fullmatch(ctx.doc.view, s, c.start) is not None

    def _out(
        self, ctx: Context, claims: list[DateClaim], k: int
    ) -> tuple[DateClaim, DateClaim, DateClaim | None, bool] | None:
        """``(date, the one before, the one after it is ahead of, behind)`` when ``claims[k]``
        stands out of order while the dates around it in its paragraph run in order."""
        c, prev = claims[k], claims[k - 1]
        nxt = claims[k + 1] if k + 1 < len(claims) else None
        behind = _before(prev, c)
        ahead = nxt is not None and _before(c, nxt)
        if not (behind or ahead):
            return None
        around = [*claims[max(0, k - _WINDOW) : k], *claims[k + 1 : k + 1 + _WINDOW]]
        if len(around) < _AROUND or any(_before(a, b) for a, b in pairwise(around)):
            return None  # too few dates around it, or they are not told in order either
        others = [d for d in claims if d is not c]
        inside = min(d.earliest for d in others) <= c.earliest and c.latest <= max(
            d.latest for d in others
        )
        if not self._opening(ctx, c):
            return None  # a date inside a sentence dates a detail, not the story's time
        if inside and not all(self._opening(ctx, a) for a in around):
            return None  # inside the paragraph's span, among dates that do not tell a story
        view = ctx.doc.view
        region = narrative_region(ctx, c.start)
        if region is None:
            return None
        s, e = _sentence(ctx, c, region)
        if (
            _LOOK_AHEAD.search(view, s, e)
            or _OTHER_PERSON.match(view, s)
            or _measured(ctx, c, s, e, True)
        ):
            return None
        if (
            _returns(c, claims[:k])
            or (ahead and nxt is not None and _returns(nxt, claims[:k]))
            or self._listing(ctx, prev)
        ):
            return None  # a comparison of two times, or a list of dated items
        if self._unlike(ctx, prev if behind else nxt, c, "ahead" if behind else "back"):
            return None
        if not _slip_fits(c, prev, nxt):
            return None  # told out of turn on purpose (a topic, an aside): no slip mends it
        return c, prev, (nxt if ahead else None), behind

    def _unlike(self, ctx: Context, d: DateClaim | None, c: DateClaim, way: str) -> bool:
        """Whether ``d``, the date ``c`` is compared with, is no step of the story to go
        back or ahead from: its sentence tells ``way`` ("By 2050 the median age is
        projected …" before "In 2008 …"), or it is the time of a figure of its sentence
        ("Food made up 55% of the exports in 2014")."""
        if d is None:
            return False
        region = narrative_region(ctx, d.start)
        if region is None or way in self._telling(ctx, d, c):
            return True
        s, e = _sentence(ctx, d, region)
        return _measured(ctx, d, s, e, self._opening(ctx, d), gap=e - s)

    def _finding(
        self,
        ctx: Context,
        c: DateClaim,
        prev: DateClaim | None,
        nxt: DateClaim | None,
        behind: bool,
        why: str = "in a narrative the dates around it tell in order, with no flashback or "
        "look-ahead cue",
    ) -> Diagnostic:
        related = []
        if prev is not None:
            related.append((prev.start, prev.end, f"the dated sentence before: {show(prev)}"))
        if nxt is not None:
            related.append((nxt.start, nxt.end, f"the dated sentence after: {show(nxt)}"))
        if behind and prev is not None:
            where = f"goes back before {show(prev)} (line {line(ctx, prev.start)})"
        elif nxt is not None:
            side = "long before" if c.latest < nxt.earliest else "ahead of"
            where = f"stands {side} {show(nxt)} (line {line(ctx, nxt.start)})"
        else:
            assert prev is not None
            where = f"breaks the order after {show(prev)} (line {line(ctx, prev.start)})"
        return self.diagnostic(
            c.start, c.end, f"chronology out of order: {show(c)} {where} {why}", related=related
        )

    @staticmethod
    def _eligible(c: DateClaim) -> bool:
        if c.year_inferred:
            return False  # its year follows the date before it, right or wrong
        if c.precision == "year":
            return sound(c) and c.cue is None and c.preposition in _NARRATIVE_TIME
        return ChronologyRegression._eligible(c)
