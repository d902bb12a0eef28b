"""The date scanner: compiled patterns for the standard English date forms.

Every pattern is linear: alternations of literals, bounded whitespace, no nested
repetition. ``scan`` returns raw matches (years may be missing); the caller
resolves overlaps, joins ranges and infers missing years.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from klint import lazyre
from klint.claims import DateQualifier, Precision
from klint.text.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    SEASONS,
    WEEKDAYS,
)
from klint.text.spans import ViewSpans, first_at
from klint.text.words import alternation

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from klint.document import Region
    from klint.text.index import TextIndex

_MFULL = "|".join(MONTH_NAMES)
_MABBR = "|".join(a for abbrs in MONTH_ABBREVIATIONS for a in sorted(abbrs, key=len, reverse=True))
_MANY = rf"(?:{_MFULL}|(?:{_MABBR})\.?)(?![a-z])"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|,\d)"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s?(?:BC|B\.C|BCE)\b)"
_YEAR2 = r"(?:1[0-9]\d\d|20\d\d|\d\d)(?![\d%]|[.,]\d|\s?(?:BC|B\.C|BCE)\b)"
_DASH = r"(?:[ \t]?[–-][ \t]?|—)"
_LINK = rf"(?:{_DASH}|[ \t]{{1,2}}(?:to|until|till|through|and)[ \t]{{1,2}})"
_QUAL = r"(?:[Ee]arly|[Mm]id|[Ll]ate)"
_WEEKDAY = rf"(?:(?P<wd>{'|'.join(WEEKDAYS)}),?[ \t]{{1,2}}(?:the[ \t])?)?"
_SP = r"[ \t]{1,2}"

# Each pattern is anchored at a trigger (a digit run, a month name or a season word)
# and tried with ``match``; optional words before the trigger (a weekday, a
# qualifier, a preposition) are found by looking back (see ``scan``).
_PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": lazyre.compile(r"(?P<y>1[0-9]\d\d|20\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)(?![\d\-])"),
    "mdy": re.compile(
        rf"(?P<m>{_MANY}){_SP}(?P<d>{_DAY})"
        rf"(?:{_LINK}(?:(?P<m2>{_MANY}){_SP})?(?P<d2>{_DAY}))?(?:,?{_SP}(?:of{_SP})?(?P<y>{_YEAR}))?"
    ),
    "dmy": re.compile(
        rf"(?P<d>{_DAY})(?:{_SP}(?:of{_SP})?(?P<m0>{_MANY}))?"
        rf"(?:{_LINK}(?P<d2>{_DAY}))?{_SP}(?:of{_SP})?(?P<m>{_MANY})(?:,?{_SP}(?P<y>{_YEAR}))?"
    ),
    "my": re.compile(
        rf"(?P<m>{_MANY})(?:{_DASH}(?P<m2>{_MANY}))?,?{_SP}(?:of{_SP})?(?P<y>{_YEAR})"
    ),
    "month": re.compile(
        rf"(?P<m>{_MFULL})(?:[ \t](?P<link>and|or|to|through|until)[ \t](?P<m2>{_MFULL}))?"
        rf"(?P<ty>[ \t]of[ \t]that[ \t]year)?(?![\w-]|[ \t]?\d|,[ \t]?\d|[ \t][A-Z]|[ \t]of[ \t]\d)"
    ),
    "season": re.compile(
        rf"(?P<s>(?i:spring|summer|autumn|winter|fall))(?:{_SP}of)?,?{_SP}(?P<y>{_YEAR})(?:{_DASH}(?P<y2>{_YEAR2}))?"
    ),
    "yseason": re.compile(
        rf"(?P<y>{_YEAR})(?:{_DASH}(?P<y2>{_YEAR2}))?{_SP}(?P<s>spring|summer|autumn|fall|winter)\b"
    ),
    "decade": re.compile(r"(?P<dec>1\d\d0|20\d0)'?s\b"),
    "century": re.compile(
        rf"(?P<c>1\d|20|[1-9])(?:st|nd|rd|th)"
        rf"(?:[ \t]and[ \t](?:{_QUAL}[- ]?)?(?P<c2>1\d|20|[1-9])(?:st|nd|rd|th))?[- ]centur(?:y|ies)\b"
    ),
    "yrange": re.compile(rf"(?P<y>{_YEAR}){_DASH}(?P<y2>{_YEAR2})(?![\w–-])"),
    "year": re.compile(rf"(?P<y>{_YEAR})(?P<poss>'s)?(?![\w–-])"),
}
_BY_TRIGGER = {
    "day": ("dmy",),
    "ordinal": ("dmy", "century"),
    "century": ("century",),
    "year": ("iso", "yrange", "yseason", "decade", "year"),  # a range before its season
    "month": ("mdy", "my", "month"),
    "season": ("season",),
}
_YEAR_END = " \t–-—"  # what follows the year of a range or a season ("1991–92", "1992 spring")
#: what a pattern needs at a distance from its trigger: (distance, the characters it takes);
#: where another stands, the pattern is not tried
_NEEDS = {"iso": (4, "-"), "yseason": (4, _YEAR_END), "decade": (3, "0"), "yrange": (4, _YEAR_END)}
#: per trigger, the patterns tried: ``(kind, pattern, distance, the characters it takes)``
#: (``None``: any), after ``_NEEDS``
_TRIED = {
    trigger: tuple((kind, _PATTERNS[kind], *_NEEDS.get(kind, (0, None))) for kind in kinds)
    for trigger, kinds in _BY_TRIGGER.items()
}
#: a dash right after a year's four digits: no bare year ("1994–", "1344-2905"), which the
#: "year" pattern refuses; a range or an ISO date may stand there
_NOT_YEAR_AFTER = "–-"


def _year_tried(c: str | None) -> tuple[tuple[str, re.Pattern[str], int, str | None], ...]:
    """The patterns a year trigger tries when ``c`` stands four on from it (None: past the
    region's end), those that need a character there told by it (so not again), "year" not
    before a dash."""
    return tuple(
        (kind, pattern, 0, None) if at == 4 else (kind, pattern, at, takes)
        for kind, pattern, at, takes in _TRIED["year"]
        if (at != 4 or (c is not None and takes is not None and c in takes))
        and not (kind == "year" and c is not None and c in _NOT_YEAR_AFTER)
    )


#: :func:`_year_tried` for each character a year's pattern needs four on or that bars "year",
#: and for any other
_YEAR_TRIED = {
    c: _year_tried(c)
    for c in {*"".join(t for _, _, at, t in _TRIED["year"] if at == 4 and t), *_NOT_YEAR_AFTER}
}
_YEAR_TRIED_ELSE = _year_tried(None)
#: how far after its trigger a day-month date's first month word may start (the bound
#: excluded): after the day ("12th": 4), a link and a second day (" through ": 11, and 4), one or
#: two spaces and "of" with its spaces (2 + 4)
_DMY_REACH = 26
#: what follows a year and a space or tab in a "yrange" date: its dash ("1991 – 92")
_RANGE_DASHES = frozenset("–-")
#: what follows the year or the range of a "yseason" date, then stands one or two characters
#: on: a space or tab, then the first letter of a lower-case season word ("1992 spring",
#: "1991 – 92  winter"); a "yseason" date with a range holds the "yrange" date there, whose
#: end is that range's end
_SPACES = frozenset(" \t")
_SEASON_HEADS = frozenset(s[0] for s in SEASONS)
#: the last two letters of each season word and "of" ("the spring of 1990")
_SEASON_ENDS = frozenset({s[-2:] for s in SEASONS} | {"of"})
#: what stands two characters before a year that a season word may end before: the last letter
#: of one of ``_SEASON_ENDS``, or the blank or comma after it (a table's "1- 1994" holds none)
_SEASON_LAST = frozenset({e[-1] for e in _SEASON_ENDS} | set(" \t,"))
# Triggers: a month word and a digit run, found once over the whole view (see ``Triggers``);
# the boundaries around them are checked in Python, region by region.
#: a run of digits from an ASCII one (every date pattern opens with one, so a run that opens
#: with another script's digit starts no date, and an ASCII digit after it stands after a letter)
_DIGITS = lazyre.compile(r"[0-9]\d*")
#: a view's characters as bytes (``encode("ascii", "replace")``: "?" for any beyond ASCII), an
#: ASCII digit as "0", "?" kept and everything else a space: ``re`` skips to a literal first
#: character ("0" of ``_ZEROS``) several times faster than to a class of them ("[0-9]")
_RUN_MARKS = bytes(48 if 48 <= b <= 57 else b if b == 63 else 32 for b in range(256))
_ZEROS = re.compile(rb"00*")  # not 0+: a leading repeat hides the literal from ``re``
#: the three letters every month name and abbreviation opens with ("Sep": "Sep", "Sept",
#: "September"); none stands inside another month word, so each place one stands opens one
_MONTH_HEADS = tuple(sorted({name[:3].encode() for name in MONTHS}))
#: a season word ending where the "season" pattern's year may start: that pattern matches only
#: before a year, so its triggers are looked for before the year triggers, not over all the text
_SEASON_BEFORE_YEAR = re.compile(
    rf"(?:{alternation([w for s in SEASONS for w in (s, s.title())])})"
    rf"(?:{_SP}of)?,?{_SP}$"
)
_QUAL_BEFORE = re.compile(rf"\b(?P<q>{_QUAL})[- ]?$")
#: the last letters of the qualifiers: one of them stands before the space or hyphen ending
#: the text before a qualified date
_QUAL_ENDS = ("y", "d", "e")
#: what follows a day (after its ordinal suffix, if any) in a day-month date: "12 May", "3–5 June"
_AFTER_DAY = " \t–-—"
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{'|'.join(WEEKDAYS)}),?[ \t]{{1,2}}(?:the[ \t])?$")
_MONTH_PREP = re.compile(
    r"(?:\b(?i:in|on|by|since|until|till|through|throughout|during|from|before|after|between|into"
    r"|the month of|end of|beginning of|middle of|start of)[ \t]{1,2}"
    rf"(?:(?P<q>{_QUAL})[- ]?)?|\b(?P<lead>{_QUAL})[- ]{{1,2}})$"
)
_FALL_BEFORE = lazyre.compile(r"\b(?i:the|in|early|late|mid)[- ]$")
# A capitalised word before "May" that is neither a function word nor a label makes it a name.
_SURNAME_MAY = re.compile(
    r"\b(?!(?:In|On|By|Since|Until|Till|From|During|Before|After|Between|Into|Through|Throughout|Of|Early|Late"
    r"|Mid|The|Date|Born|Died|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+ $"
)
_QUALIFIED = frozenset({"my", "month", "season", "decade", "century", "year"})
#: the forms built from their match alone: no qualifier, weekday or name is looked for before
#: them (each opens at a year); named, so that a form added later looks back unless put here
_READ_ALONE = frozenset({"iso", "yrange", "yseason"})

# "from February 1988 to May 1994", "between 1990 and 1993", "1988 – May 1994"
_JOIN = re.compile(r"[ \t]{0,2}(?:[–—-]|to|until|till|through|and)[ \t]{0,2}")
_FROM = re.compile(r"\b(?:[Ff]rom|[Bb]etween)[ \t]{1,2}$")


@dataclass(slots=True, unsafe_hash=True)
class Part:
    """One end of a date: what the text gives, with the year possibly missing.

    A value, never changed once built but for :attr:`days`, which is no part of it; not
    declared frozen, which would triple its cost.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    month2: int | None = None  # "October and November": the last month of a union
    season: str | None = None
    winter_from: int | None = None  # "the winter of 1991–1992": the year the winter begins
    decade: int | None = None
    century: int | None = None
    qualifier: DateQualifier | None = None
    #: the days it can mean, kept by :func:`interval` once worked out (a part of a bare year
    #: serves every date of its year); no part of its value
    days: tuple[date, date] | None = field(default=None, compare=False, repr=False)

    def with_year(self, year: int | None) -> Part:
        """This part in ``year`` (``dataclasses.replace`` reads every field by name, and costs
        several times more)."""
        return Part(
            year,
            self.month,
            self.day,
            self.month2,
            self.season,
            self.winter_from,
            self.decade,
            self.century,
            self.qualifier,
        )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.season is not None:
            return "season"
        if self.month is not None:
            return "month"
        if self.decade is not None:
            return "decade"
        if self.century is not None:
            return "century"
        return "year"


@dataclass(slots=True)
class Raw:
    """A match: the span, its start part and, for a range, its end part.

    Built with its fields in order for the commonest matches (years and year ranges): keyword
    arguments cost a fifth more."""

    start: int
    end: int
    a: Part
    b: Part | None = None
    weekday: str | None = None
    that_year: bool = False
    pattern: str = ""

    def with_parts(self, a: Part, b: Part | None) -> Raw:
        """This match with its parts ``a`` and ``b`` (see :meth:`Part.with_year`)."""
        return Raw(self.start, self.end, a, b, self.weekday, self.that_year, self.pattern)


#: a bare year's part, one per year: a part is never changed, so one serves every date of
#: its year ("1994–1995" in a hundred table rows)
_YEAR_PARTS: dict[int, Part] = {}


def year_part(year: int) -> Part:
    """``Part(year)``, built once per year."""
    part = _YEAR_PARTS.get(year)
    if part is None:
        part = _YEAR_PARTS[year] = Part(year)
    return part


_QUALIFIERS: dict[str, DateQualifier] = {"early": "early", "mid": "mid", "late": "late"}


def _qual(s: str | None) -> DateQualifier | None:
    return _QUALIFIERS[s.lower()] if s else None


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _day(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _year2(y: int, s: str | None) -> int | None:
    if s is None:
        return None
    if len(s) == 4:
        return int(s)
    y2 = y // 100 * 100 + int(s)
    return y2 + 100 if y2 < y else y2


def _build(
    kind: str, m: re.Match[str], start: int, q: DateQualifier | None, wd: str | None
) -> Raw | None:
    end = m.end()
    if kind == "year":  # the commonest, first
        poss = m.start("poss")
        year = int(m["y"])
        a = year_part(year) if q is None else Part(year, qualifier=q)
        return Raw(start, end if poss < 0 else poss, a, None, None, False, kind)  # see ``Raw``
    if kind == "yrange":  # the next
        first, second = m.group("y", "y2")
        year = int(first)
        last = _year2(year, second)
        if last is None or last > 2099 or abs(last - year) > 150:
            return None
        return Raw(start, end, year_part(year), year_part(last), None, False, kind)
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if kind == "iso":
        return Raw(start, end, Part(y, int(g["mo"]), int(g["d"])), pattern=kind)
    if kind == "mdy" or kind == "dmy":
        m1 = _month(g["m0"]) if g.get("m0") else _month(g["m"])
        d1 = _day(g["d"])
        a = Part(y, m1, d1)
        b = None
        if g.get("d2"):
            m2 = _month(g["m2"]) if g.get("m2") else _month(g["m"])
            b = Part(y, m2, _day(g["d2"]))
            if y is not None and m1 - m2 >= 6:
                a = a.with_year(y - 1)  # "December 30 – January 2, 1990"
        return Raw(start, end, a, b, weekday=wd, pattern=kind)
    if kind == "my":
        a = Part(y, _month(g["m"]), qualifier=q)
        b = Part(y, _month(g["m2"])) if g.get("m2") else None
        return Raw(start, end, a, b, pattern=kind)
    if kind == "month":
        first, last = _month(g["m"]), _month(g["m2"]) if g.get("m2") else None
        if last is not None and g["link"] in ("and", "or"):
            return Raw(
                start,
                end,
                Part(None, first, month2=last, qualifier=q),
                that_year=bool(g.get("ty")),
                pattern=kind,
            )
        b = Part(None, last) if last is not None else None
        return Raw(
            start, end, Part(None, first, qualifier=q), b, that_year=bool(g.get("ty")), pattern=kind
        )
    if kind in ("season", "yseason"):
        s = g["s"].lower()
        y2 = _year2(y, g.get("y2")) if y is not None else None
        if y is not None and y2 is not None:
            if s == "winter" and y2 == y + 1:
                return Raw(start, end, Part(y2, season=s, winter_from=y, qualifier=q), pattern=kind)
            return Raw(start, end, Part(y, season=s, qualifier=q), Part(y2, season=s), pattern=kind)
        return Raw(start, end, Part(y, season=s, qualifier=q), pattern=kind)
    if kind == "decade":
        dec = int(g["dec"])
        return Raw(start, end, Part(dec, decade=dec, qualifier=q), pattern=kind)
    if kind == "century":
        c = int(g["c"])
        b = Part((int(g["c2"]) - 1) * 100, century=int(g["c2"])) if g.get("c2") else None
        return Raw(start, end, Part((c - 1) * 100 or 1, century=c, qualifier=q), b, pattern=kind)
    return None


def _short(view: str, e: int) -> str | None:
    """What a number of one or two digits ending at ``e`` may open: a day before a month or a
    link ("day": "12 May", "3–5 June"), an ordinal ("ordinal": "3rd of June", "19th century";
    "century": "19th-century"), or nothing."""
    if view[e : e + 2] in _ORDINALS:
        return "ordinal" if view[e + 2 : e + 3] in _AFTER_DAY else "century"
    return "day" if view[e : e + 1] in _AFTER_DAY else None


class Triggers:
    """Where a date may open in the whole view: its digit runs and month words, found once.

    ``bytes.find`` skips to each month word's first three letters many times faster than ``re``
    scans for a month alternation. :meth:`of` gives one region its share, stepping on from the
    last region's when the regions come in text order (see :func:`first_at`).
    """

    __slots__ = ("index", "runs", "months", "heads", "_month")

    def __init__(self, index: TextIndex) -> None:
        view = index.view
        self.index = index
        #: the view's characters as bytes, "?" for any beyond ASCII (at the same offsets):
        #: ``bytes.find`` skips to an ASCII word faster than ``str.find`` does in a
        #: text with any other character
        ascii_view = view.encode("ascii", "replace")
        #: ``(start, end)`` of each digit run, as ``_DIGITS.finditer`` over the view finds them
        self.runs = ViewSpans(view, _DIGITS, _digit_runs(view, ascii_view))
        self.months = sorted(_finds(ascii_view, _MONTH_HEADS))
        #: where each digit run and month word starts
        self.heads = sorted(self.runs.starts + self.months)
        self._month = 0  # where the last region's month words ended

    def regions(self, regions: Iterable[Region]) -> Iterator[Region]:
        """The ``regions`` where a date may open: a digit run or a month word starts in each, or
        a digit opens it (a run going on into it). Every trigger of :meth:`of` (and every year
        ``_dateintl`` reads) stands at one, so no other region holds a date; each of those is
        passed over in a few steps (regions in text order), where :meth:`of` costs several
        times more."""
        view, heads = self.index.view, self.heads
        n, k = len(heads), 0
        for region in regions:
            start = region.start
            k = first_at(heads, start, k)
            if (k < n and heads[k] < region.end) or (
                start < region.end and view[start].isdecimal()
            ):
                yield region

    def of(self, start: int, end: int) -> list[tuple[str, int]]:
        """The triggers of ``view[start:end]``: ``(kind, offset)``, digit runs first."""
        view = self.index.view
        out: list[tuple[str, int]] = []
        for p, e in self.runs.of(start, end):
            n = e - p
            prev = view[p - 1] if p > start else " "
            if prev.isalnum() or prev in "_.,/–":
                continue
            if n <= 2 and prev != "-":
                if short := _short(view, e):
                    out.append((short, p))
            elif n == 4 and not (prev == "-" and p - 2 >= start and view[p - 2].isdigit()):
                out.append(("year", p))
                if (
                    prev in " \t"
                    and view[p - 2 : p - 1] in _SEASON_LAST  # a call spared for most years
                    and _season_may_end(view, start, p)
                ):
                    back = max(start, p - 16)
                    sm = _SEASON_BEFORE_YEAR.search(view, back, p)
                    if sm and not (sm.start() > start and view[sm.start() - 1].isalpha()):
                        out.append(("season", sm.start()))
        months, k = self.months, self._month
        # none from the last region's on starts before ``end - 2`` (most regions): none here
        if (k < len(months) and months[k] < end - 2) or (k and months[k - 1] >= start):
            k = first_at(months, start, k)
            last = k  # no month word before ``k`` starts at ``start`` or after
            while last < len(months) and months[last] < end - 2:
                last += 1
            self._month = last
            for p in months[k:last]:
                if not (p > start and view[p - 1].isalpha()):
                    out.append(("month", p))
        return out


def _season_may_end(view: str, start: int, p: int) -> bool:
    """May a season word (or "of" after one) end before the comma and spaces before ``p``, a
    year after a space? Where it cannot, ``_SEASON_BEFORE_YEAR`` is not looked for."""
    e = p - 1
    if e > start and view[e - 1] in " \t":
        e -= 1
    if e > start and view[e - 1] == ",":
        e -= 1
    return view[e - 2 if e - 2 > start else start : e] in _SEASON_ENDS


def _any_in(found: list[int], start: int, end: int) -> bool:
    """Does one of the sorted offsets ``found`` stand in ``[start, end)``?"""
    i = bisect.bisect_left(found, start)
    return i < len(found) and found[i] < end


def _finds(ascii_view: bytes, words: tuple[bytes, ...]) -> list[int]:
    """Where each of ``words`` starts in ``ascii_view``, word by word (no word overlaps itself,
    so a search goes on after the word found)."""
    found: list[int] = []
    for word in words:
        p = ascii_view.find(word)
        while p >= 0:
            found.append(p)
            p = ascii_view.find(word, p + len(word))
    return found


def _digit_runs(view: str, ascii_view: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of each match of ``_DIGITS`` in ``view``, found in its ``_RUN_MARKS``
    (``ascii_view`` is ``view.encode("ascii", "replace")``)."""
    marks = ascii_view.translate(_RUN_MARKS)
    p = marks.find(b"0?")
    while p >= 0:
        if view[p + 1].isdecimal():  # another script's digit after an ASCII one: ``\d`` takes it
            return [m.span() for m in _DIGITS.finditer(view)]
        p = marks.find(b"0?", p + 2)
    return [m.span() for m in _ZEROS.finditer(marks)]


def scan(triggers: Triggers, start: int, end: int) -> list[Raw]:
    """Every candidate date in ``view[start:end]``, overlaps unresolved."""
    view = triggers.index.view
    out: list[Raw] = []
    for trigger, p in triggers.of(start, end):
        ranged = p + 4  # where the year ends, or the "yrange" date found there
        if trigger != "year":
            tried = _TRIED[trigger]
        elif ranged < end:
            tried = _YEAR_TRIED.get(view[ranged], _YEAR_TRIED_ELSE)
        else:
            tried = _YEAR_TRIED_ELSE
        for kind, pattern, at, takes in tried:
            if takes is not None and (p + at >= end or view[p + at] not in takes):
                continue
            if (
                kind == "yrange"
                and view[p + 4] in _SPACES
                and view[p + 5 : p + 6] not in _RANGE_DASHES
            ):
                continue
            if kind == "yseason" and (
                view[ranged : ranged + 1] not in _SPACES
                or (
                    view[ranged + 1 : ranged + 2] not in _SEASON_HEADS
                    and view[ranged + 2 : ranged + 3] not in _SEASON_HEADS
                )
            ):
                continue
            if kind == "dmy" and not _any_in(triggers.months, p + 2, p + _DMY_REACH):
                continue
            m = pattern.match(view, p, end)
            if m is None:
                continue
            if kind in _READ_ALONE:  # nothing before it is read: built at once
                if kind == "yrange":
                    ranged = m.end()
                raw = _build(kind, m, p, None, None)
                if raw is not None:
                    out.append(raw)
                continue
            s, q, wd = p, None, None
            back = p - 24 if p - 24 > start else start  # a fraction of the cost of ``max``
            before = view[back:p]
            if kind == "month":
                pm = _MONTH_PREP.search(before)
                if pm is None:
                    continue
                q = pm.group("q") or pm.group("lead")
                if q:
                    s = back + (pm.start("q") if pm.group("q") else pm.start("lead"))
            elif (
                kind == "season"
                and m.group("s").lower() == "fall"
                and not _FALL_BEFORE.search(before)
            ):
                continue
            elif (
                kind in _QUALIFIED
                and before[-1:] in (" ", "-")
                and before[-2:-1] in _QUAL_ENDS
                and (qm := _QUAL_BEFORE.search(before))
            ):
                q, s = qm.group("q"), back + qm.start()
            elif (
                kind in ("mdy", "dmy")
                and before[-1:] == " "
                and (wm := _WEEKDAY_BEFORE.search(before))
            ):
                wd, s = wm.group("wd"), back + wm.start()
            if trigger == "month" and view.startswith("May", p) and _SURNAME_MAY.search(before):
                continue  # "Theresa May 2019", "Brian May"
            raw = _build(kind, m, s, _qual(q) if q else None, wd)
            if raw is not None:
                out.append(raw)
    return out


_ORDER = {k: i for i, k in enumerate(_PATTERNS)}


def resolve(raws: list[Raw]) -> list[Raw]:
    """Of overlapping matches keep the longest (ties: the earlier pattern), in text order."""
    if len(raws) < 2:
        return raws
    kept: list[Raw] = []
    for r in sorted(raws, key=lambda r: (r.start, -(r.end - r.start), _ORDER[r.pattern])):
        if not kept or r.start >= kept[-1].end:
            kept.append(r)
            continue
        last = kept[-1]
        before_end = kept[-2].end if len(kept) > 1 else -1
        if r.end - r.start > last.end - last.start and r.start >= before_end:
            kept[-1] = r
    return kept


def join_ranges(view: str, raws: list[Raw], region_start: int) -> list[Raw]:
    """Join "from A to B", "between A and B" and "A – B" into one range claim."""
    out: list[Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        if i + 1 < len(raws) and a.b is None and raws[i + 1].b is None:
            b = raws[i + 1]
            m = _JOIN.fullmatch(view, a.end, b.start)
            lead = _FROM.search(view, max(region_start, a.start - 12), a.start) if m else None
            word = m.group().strip() if m else ""
            ok = m is not None and (
                (word in ("–", "—", "-") and a.a.year is not None and b.a.year is not None)
                or (word in ("to", "until", "till", "through") and lead is not None)
                or (word == "and" and lead is not None and lead.group().strip()[0] in "Bb")
            )
            if (ok and a.a.precision == b.a.precision) or (
                ok and b.a.year is not None and a.a.precision == "day"
            ):
                pa, pb = a.a, b.a
                if pa.year is None and pb.year is not None:
                    later = (pa.month or 1, pa.day or 1) > (pb.month or 12, pb.day or 31)
                    pa = pa.with_year(pb.year - 1 if later else pb.year)
                out.append(Raw(a.start, b.end, pa, pb, a.weekday, pattern="join"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: 29 in a leap year


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without working out the weekday it also gives."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year))


def is_valid(p: Part) -> bool:
    if p.year is None or p.month is None:
        return True
    if not 1 <= p.month <= 12:
        return False
    return p.day is None or 1 <= p.day <= days_in_month(p.year, p.month)


def _halve(lo: date, hi: date, q: str | None) -> tuple[date, date]:
    """Narrow an interval by a qualifier: early and late take a half, mid the middle half."""
    if q is None:
        return lo, hi
    span = (hi - lo).days
    from datetime import timedelta

    if q == "early":
        return lo, lo + timedelta(days=span // 2)
    if q == "late":
        return lo + timedelta(days=span - span // 2), hi
    return lo + timedelta(days=span // 4), hi - timedelta(days=span // 4)


def interval(p: Part) -> tuple[date, date]:
    """The days a part can mean, narrowed by its qualifier, kept on the part once worked out.
    The year must be known."""
    days = p.days
    if days is None:
        days = p.days = _interval(p)
    return days


def _interval(p: Part) -> tuple[date, date]:
    """:func:`interval`, worked out."""
    y = p.year
    assert y is not None
    if not 1 <= y <= 9999:  # a comparison costs a fraction of a call to ``min`` or ``max``
        y = 1 if y < 1 else 9999
    if p.century is not None:
        lo, hi = (
            date(max(1, (p.century - 1) * 100 + 1), 1, 1),
            date(min(9999, p.century * 100), 12, 31),
        )
    elif p.decade is not None:
        first, last = {"early": (0, 4), "mid": (3, 6), "late": (5, 9)}.get(
            p.qualifier or "", (0, 9)
        )
        return date(p.decade + first, 1, 1), date(p.decade + last, 12, 31)
    elif p.season is not None:
        first, last = SEASONS[p.season]
        if p.season == "winter":
            if p.winter_from is not None:
                lo, hi = date(p.winter_from, 12, 1), date(y, 2, days_in_month(y, 2))
            elif p.qualifier == "late":
                return date(y, 1, 1), date(y, 3, 31)
            else:  # "the winter of 1992": the one it ends or the one it begins
                lo, hi = date(y - 1, 12, 1), date(y, 12, 31)
                return lo, hi
        else:
            lo, hi = date(y, first, 1), date(y, last, days_in_month(y, last))
    elif p.month is not None and 1 <= p.month <= 12:
        last = p.month2 if p.month2 and p.month2 >= p.month else p.month
        if p.day is not None and is_valid(p):
            d = date(y, p.month, p.day)
            return d, d
        lo, hi = date(y, p.month, 1), date(y, last, days_in_month(y, last))
    elif p.qualifier is None:
        return _year_span(y)
    else:
        lo, hi = date(y, 1, 1), date(y, 12, 31)
    return _halve(lo, hi, p.qualifier)


#: the first and last day of each year asked for
_YEAR_SPANS: dict[int, tuple[date, date]] = {}


def _year_span(y: int) -> tuple[date, date]:
    """The first and last day of the year ``y``, built once per year."""
    span = _YEAR_SPANS.get(y)
    if span is None:
        span = _YEAR_SPANS[y] = date(y, 1, 1), date(y, 12, 31)
    return span
