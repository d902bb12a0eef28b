"""KN210 conversion-mismatch: a value and its conversion in parentheses that do not agree."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers import _units
from klint.rules.numbers._units import COMPOUND, FIRST_WORDS, UNITS, unit_pattern
from klint.text.numerals import NumberWords, number_words
from klint.text.words import alternation

_NUM = r"[−-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s(?:thousand|million|billion))?"
_SEP = r"\s?(?:–|—|-|to|and)\s?"
_SP = r"[ \u00a0]*"  # an HTML "&#160;" is a no-break space and padding in the view
_SHAPE = r"(?:-(?:high|long|tall|wide|deep|thick))?"  # "a 1,500-metre-high (5,000 ft) cliff"


def _side(p: str, words: tuple[str, ...] = ()) -> str:
    """One side of a pair: a value, a range or a compound ("5 ft 11 in"), and its unit;
    the value may be one of ``words`` ("two miles (3 km)")."""
    unit = unit_pattern()
    word = rf"|(?<![-\w])(?P<{p}w>(?i:{alternation(words)}))\b" if words else ""
    return (
        rf"(?:(?P<{p}n1>{_NUM}){_SCALE}(?:{_SP}(?P<{p}u1>{unit}))?{word})"
        rf"(?:{_SEP}(?P<{p}n2>{_NUM}){_SCALE})?"
        rf"(?:{_SP}-?|(?P<{p}per>/|{_SP}per\s))(?P<{p}u>{unit}){_SHAPE}"
        rf"(?:{_SP}(?P<{p}n3>\d+(?:\.\d+)?){_SP}(?P<{p}u3>{unit}))?"
    )


_APPROX = r"(?:about|approximately|approx\.|around|roughly|some|nearly|almost|c\.|ca\.|circa|~|≈)"
#: where a conversion may open: a parenthesis, a number and a word that may start a unit
_OPEN = lazyre.compile(
    rf"\(\s?(?:{_APPROX}\s?)?[−-]?\d[\d,.]*{_SCALE}(?:{_SEP}[−-]?\d[\d,.]*)?[ \u00a0]*(?:-|/|per\s)?"
    r"(?P<word>[^\W\d_]+|[°º′″])"
)
_REACH = 200  # how far before its parenthesis a pair may start (markup pads the view)


@cache
def _pair(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "100 miles (160 km)", "5 ft 11 in (1.80 m)", "10–12 miles (16–19 km; 8.6–10 nmi)"."""
    return re.compile(
        rf"(?<![\w.,$£€¥/])(?P<aq>{_APPROX}\s)?{_side('a', words)}(?:\[\d+\])*[ \t\u00a0]*(?P<open>\()\s?"
        rf"(?P<bq>{_APPROX}\s?)?{_side('b')}\s?(?:\)|[;,/]\s?(?:or\s)?[−-]?\d)"
    )


def pairs(view: str, words: tuple[str, ...] = ()) -> Iterator[re.Match[str]]:
    """The value-and-conversion pairs of ``view``, found from their parentheses; the value
    converted may be one of the number ``words``."""
    done = 0
    for o in _OPEN.finditer(view):
        if o.start() < done or o["word"] not in FIRST_WORDS:
            continue  # "(1992)", "(3 divisions)": the full pattern is not even compiled
        for m in _pair(words).finditer(view, max(done, o.start() - _REACH), o.start() + _REACH):
            if m.start("open") == o.start():
                done = m.end()
                yield m
                break


#: a number and a unit right before a pair's first value: "6 ft 5 in" read from "5 in"
_UNIT_BEFORE = lazyre.compile(r"\d[ \u00a0]*-?(?P<word>[^\W\d_]+|[°º′″])[ \u00a0]*$")
#: markup between a number and its unit that the view hides: "300{{e|9}} kg", "10<sup>6</sup>"
_HIDDEN = lazyre.compile(r"\{\{(?!\s*nbsp\s*\}\})|<sup|\^")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_CURRENCY = lazyre.compile(r"(?:[$£€¥₹]|\b[A-Z]{3})\s?$")  # "£5 m", "US$8 m", "EUR 5 m"

#: infobox fields that state one measure in two units: ``area_km2`` / ``area_sq_mi``
_FIELD = lazyre.compile(
    r"\|[ \t]*(?P<stem>[A-Za-z][\w ]*?)_(?P<unit>km2|sq_mi|sqmi|km|mi|m|ft|ha|acres?)"
    r"[ \t]*=[ \t]*(?P<num>-?\d[\d,]*(?:\.\d+)?)(?![\d,.]*\s*[-–]\s*\d)",
)
_FIELD_UNITS = {
    "km2": "kilometer ** 2", "sq_mi": "square_mile", "sqmi": "square_mile",
    "km": "kilometer", "mi": "mile", "m": "meter", "ft": "foot",
    "ha": "hectare", "acre": "acre", "acres": "acre",
}  # fmt: skip

_SLACK = 0.02  # converters round half-way cases and use slightly different factors
_SLACK_APPROX = 0.10  # "about 100 miles (160 km)"


_FRACTION_BEFORE = lazyre.compile(
    r"\d\s?[⁄/]$"
)  # a fraction slash (U+2044) or a slash after a digit


@dataclass(frozen=True)
class Amount:
    """One side of a conversion: values (one, or a range's two), their precision, units."""

    values: tuple[float, ...]
    precision: float  # half the step of the last digit stated
    units: tuple[str, ...]  # pint names; several when the spelling is ambiguous
    start: int
    end: int
    text: str


def _number(s: str) -> float:
    return float(s.replace(",", "").replace("−", "-"))


def _step(s: str, generous: bool) -> float:
    """Half the step of the last stated digit of ``s``.

    "1.80" -> 0.005. An integer's trailing zeros may or may not be significant: "2,000"
    is read as 2,000 ± 500 when ``generous`` (a conversion's rounded output), else as at
    least two significant figures, 2,000 ± 50 (the value the text starts from).
    """
    digits = s.replace(",", "").lstrip("−-")
    if "." in digits:
        return 0.5 * float(10 ** -len(digits.split(".")[1]))
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    if not generous:
        zeros = min(zeros, max(len(digits) - 2, 0))
    return 0.5 * float(10**zeros)


def _unit(spelt: str) -> tuple[str, ...]:
    return UNITS[" ".join(spelt.replace("-", " ").split())]


def _amount(
    m: re.Match[str], p: str, text: str, generous: bool, words: NumberWords | None = None
) -> Amount | None:
    if m.groupdict().get(p + "w"):
        value = words.value(m[p + "w"]) if words else None  # "Twelve miles (19 km)"
        if value is None or m[p + "n2"] or m[p + "u3"]:
            return None
        start, end = m.start(p + "w"), m.end(p + "u")
        unit = _unit(m[p + "u"])
        return Amount((float(value),), 0.5, unit, start, end, " ".join(text[start:end].split()))
    n1, u = m.span(p + "n1"), m.span(p + "u")
    if text[n1[0] : n1[1]] == m[p + "n1"] and _HIDDEN.search(text, n1[1], u[0]):
        return None  # the file writes more between number and unit than the view shows
    unit = _unit(m[p + "u"])
    if m[p + "per"]:  # a density: "115/km2 (298/sq mi)", "1,115 per square mile"
        unit = tuple(f"1 / ({u})" for u in unit)
    if m[p + "u1"] and (not m[p + "n2"] or _unit(m[p + "u1"]) != unit):
        return None  # "15 m–30 m" is a range; "390 m to 1.5 km" is not read
    scale = 1.0
    tail = m.string[m.end(p + "n1") : m.start(p + "u")].replace(m[p + "u1"] or "", "")
    for word, factor in _SCALES.items():
        if word in tail:
            scale = factor
    nums = [m[p + "n1"]] + ([m[p + "n2"]] if m[p + "n2"] else [])
    values = tuple(_number(n) * scale for n in nums)
    step = _step(nums[-1], generous) * scale
    start, end = m.start(p + "n1"), m.end(p + "u")
    if m[p + "u3"]:
        small = _unit(m[p + "u3"])
        if len(values) > 1 or COMPOUND.get(unit[0]) != small[0]:
            return None
        extra = _units.convert(_number(m[p + "n3"]), small[0], unit[0])
        step = _units.convert(_step(m[p + "n3"], generous), small[0], unit[0])
        values = (values[0] + extra,)
        end = m.end(p + "u3")
    return Amount(values, step, unit, start, end, " ".join(m.string[start:end].split()))


def _fits(a: Amount, b: Amount, slack: float) -> float | None:
    """None when some reading of ``a`` converts to ``b`` at their precision, else a's value in b's unit."""
    best: float | None = None
    for ua in a.units:
        for ub in b.units:
            if ua == ub or _units.dimension(ua) != _units.dimension(ub):
                continue
            readings = (False, True) if ua.startswith("deg") else (False,)
            for delta in readings:
                if all(
                    _agree(va, a.precision, vb, b.precision, ua, ub, delta, slack)
                    for va, vb in zip(a.values, b.values)
                ):
                    return None
                if best is None:
                    best = _units.convert(a.values[-1], ua, ub, delta)
    return best


def _agree(
    va: float, pa: float, vb: float, pb: float, ua: str, ub: str, delta: bool, slack: float
) -> bool:
    ends = [_units.convert(va - pa, ua, ub, delta), _units.convert(va + pa, ua, ub, delta)]
    lo, hi = min(ends), max(ends)
    # temperatures: a degree either way (°F rounds to whole degrees); else a share of the value
    room = pb + (1.0 + 30 * slack if ua.startswith("deg") else slack * max(abs(vb), abs(hi)))
    return vb + room >= lo and vb - room <= hi


def _shown(v: float, like: Amount) -> str:
    """``v`` rounded one digit finer than the value it is compared with."""
    digits = max(0, -math.floor(math.log10(like.precision * 2)) + 1) if like.precision else 0
    text = f"{v:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ConversionMismatch(Rule):
    """## What it does
    Reports a value whose conversion into another unit, stated beside it, is not what the
    value converts to: "100 miles (260 km)", "5 ft 11 in (1.65 m)", "30 °C (66 °F)",
    "twelve miles (29 km)", "1,100/km2 (1,800/sq mi)", a wikitext ``{{convert|90|km}}``
    followed by a conversion written by hand, and infobox fields that give one measure in
    two units (``area_km2`` against ``area_sq_mi``). Each side is read at the precision it
    is written to ("1.80" to the hundredth, "160" to the ten); a conversion that some
    rounding explains is never reported, and "about" widens the tolerance. A spelling that
    names more than one unit (statute or nautical "miles"; short, long or metric "tons"; US
    or imperial "gallons"; avoirdupois or troy "ounces") is accepted in any of its readings,
    and a temperature may be a difference (a rise of 5 °C (9 °F)). Ranges are compared end
    by end; a parenthesis that is not a conversion ("100 miles (the longest stage)"), years
    and money are left alone. Units come from ``pint``, loaded only for an article that has
    such a pair.

    On by default since its findings on the judged corpus reached ten, all true (the
    tenth on a held-out set): real articles state hundreds of conversions and get very
    few wrong.

    ## Why is this bad?
    One of the two figures was changed without the other, or the conversion was done with
    the wrong factor; either way the reader is given two different measures.

    ## Example
        The pass climbs 1,480 metres (5,860 ft) above the valley, and the trail is
        12 miles (26 km) long.

    ## Use instead
        The pass climbs 1,480 metres (4,860 ft) above the valley, and the trail is
        12 miles (19 km) long.
    """

    code = "KN210"
    name = "conversion-mismatch"
    severity = Severity.WARNING
    summary = "a value and its conversion in parentheses that do not agree"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        words = number_words(ctx.packs)
        for m in pairs(view, words.words(1, 100)):
            yield from self._pair(ctx.doc.text, view, m, words)
        if ctx.doc.format == "wikitext":
            yield from self._fields(ctx)

    def _pair(
        self, text: str, view: str, m: re.Match[str], words: NumberWords
    ) -> Iterator[Diagnostic]:
        if _CURRENCY.search(view[max(0, m.start() - 4) : m.start()]):
            return  # "£5 m (US$8 m)": money, never converted
        if _FRACTION_BEFORE.search(view, max(0, m.start() - 3), m.start()):
            return  # "4 ft 8 1⁄2 in (1,435 mm)": the denominator of a fraction, not the value
        before = _UNIT_BEFORE.search(view, max(0, m.start() - _REACH), m.start())
        if before and before["word"] in FIRST_WORDS:
            return  # the first value is the tail of a compound not read whole
        if m["au"] == "st" and m["an1"] and view[m.end("an1")] != " ":
            return  # "the 21st (…)": an ordinal
        a = _amount(m, "a", text, generous=False, words=words)
        b = _amount(m, "b", text, generous=True)
        if a is None or b is None or len(a.values) != len(b.values):
            return  # a range against one value: the text around is not read
        slack = _SLACK_APPROX if m["aq"] or m["bq"] else _SLACK
        expected = _fits(a, b, slack)
        if expected is None:
            return
        yield self.diagnostic(
            b.start,
            b.end,
            f"“{b.text}” is not a conversion of “{a.text}”, "
            f"which is about {_shown(expected, b)}{m['bper'] or ' '}{m['bu']}",
            related=[(a.start, a.end, "the value converted")],
        )

    def _fields(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.doc.text
        seen: dict[str, list[Amount]] = {}
        for region in ctx.doc.regions_of("infobox_field"):
            first = text[region.start : region.start + 1]
            if first != "-" and not first.isdecimal():
                continue  # a value that opens with no number (most): the pattern is not tried
            m = _FIELD.match(text, text.rfind("|", 0, region.start))
            if m is None or m.start("num") != region.start:
                continue
            unit = _FIELD_UNITS[m["unit"]]
            stem = m["stem"].strip().lower()
            if "density" in stem:
                unit = f"1 / ({unit})"
            num = m["num"]
            if num.startswith("0") and not num.startswith("0."):
                continue
            field = f"{m['stem'].strip()}_{m['unit']}"
            here = Amount(
                (_number(num),), _step(num, generous=True), (unit,),
                m.start("num"), m.end("num"), f"{field} = {num}",
            )  # fmt: skip
            for other in seen.get(stem, ()):
                expected = _fits(other, here, _SLACK)
                if expected is not None:
                    yield self.diagnostic(
                        here.start,
                        here.end,
                        f"“{here.text}” is not a conversion of “{other.text}”, "
                        f"which is about {_shown(expected, here)} {m['unit'].replace('_', ' ')}",
                        related=[(other.start, other.end, "the same measure in another unit")],
                    )
            seen.setdefault(stem, []).append(here)
