"""Dates in other languages: the scanner finds the spans, dateparser reads them.

Used only when the configuration sets ``languages``. Each four-digit year is
looked back from with one bounded pattern, which finds "20 Şubat 1988",
"20 февраля 1988 года" and "Mart 1992"; a candidate goes on only when its month
word is a month name of a configured language (not an English one, which the
English scanner reads). dateparser then normalizes that span alone — never the
whole text — in the languages the month word belongs to, absolute dates only,
with one cached parser per language set. dateparser is imported here, lazily, so
an English-only run never loads it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from klint import lazyre
from klint.extract._datescan import Part, Raw
from klint.text.calendar import MONTHS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_SP = r"[ \t\u00a0]{1,2}"
# Anchored at a year, looking back: "20 Şubat 1988", "20. Februar 1988", "Mart 1992", "февраль 1988"
_YEARS = lazyre.compile(r"(?<![\w.,/–-])(?:1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d)")
_BEFORE = lazyre.compile(
    rf"(?<![\w.,-])(?:(?P<d>[12][0-9]|3[01]|0?[1-9])\.?{_SP})?(?P<m>[^\W\d_]{{3,12}})\.?{_SP}\Z"
)
_TAIL = lazyre.compile(rf"{_SP}(?:года|г\.|yılı)(?!\w)")  # "20 февраля 1988 года", "1988 yılı"
_ENGLISH = frozenset(name.lower() for name in MONTHS)

_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["absolute-time"],  # no "yesterday", "2 weeks ago", timestamps
    "REQUIRE_PARTS": ["month", "year"],
    "DATE_ORDER": "DMY",
}


def supported_languages() -> frozenset[str]:
    """Language codes dateparser knows (imports dateparser)."""
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


@lru_cache(maxsize=32)
def _parser(languages: tuple[str, ...]) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages), settings=_SETTINGS)


@lru_cache(maxsize=8)
def month_words(languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Month names (and abbreviations) of ``languages``, lower-cased, English ones left out,
    each with the languages it is a month in."""
    from dateparser.languages.loader import default_loader

    words: dict[str, tuple[str, ...]] = {}
    for code in languages:
        info: dict[str, Any] = default_loader.get_locale(code).info
        for month in (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ):
            for w in info.get(month, ()):
                key = w.lower().rstrip(".")
                if key not in _ENGLISH and code not in words.get(key, ()):
                    words[key] = (*words.get(key, ()), code)
    return words


@lru_cache(maxsize=4096)
def _normalize(languages: tuple[str, ...], text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) that dateparser reads in ``text``; None when it reads no date.

    ``languages`` are those the month word belongs to: with others, "6 Mart 1982"
    can read as June 1982 in the "MART" time zone.
    """
    data = _parser(languages).get_date_data(text)
    d = data.date_obj
    if d is None or d.tzinfo is not None or data.period not in ("day", "month"):
        return None
    return d.year, d.month, d.day if data.period == "day" else None


def scan(view: str, start: int, end: int, languages: tuple[str, ...]) -> list[Raw]:
    """Day-month-year and month-year dates of ``languages`` in ``view[start:end]``."""
    out: list[Raw] = []
    words: dict[str, tuple[str, ...]] | None = None
    for ym in _YEARS.finditer(view, start, end):
        m = _BEFORE.search(view, max(start, ym.start() - 40), ym.start())
        if m is None or (word := m.group("m").lower()) in _ENGLISH:
            continue
        if words is None:
            words = month_words(languages)
        langs = words.get(word)
        if langs is None:
            continue
        y = int(ym.group())
        if m.group("d") is None:
            month = _normalize(langs, f"{m.group('m')} {y}")
            if month is not None and month[0] == y:
                out.append(Raw(m.start(), ym.end(), Part(y, month[1]), pattern="my"))
            continue
        day = int(m.group("d"))
        read = _normalize(langs, view[m.start() : ym.end()])
        if read is None:  # "31 Şubat 1988": no such day, but the month is known (an invalid date)
            month = _normalize(langs, f"{m.group('m')} {y}")
            read = (y, month[1], day) if month is not None else None
        if read is not None and read[0] == y and read[2] == day:
            tail = _TAIL.match(view, ym.end(), end)
            out.append(
                Raw(
                    m.start(),
                    tail.end() if tail else ym.end(),
                    Part(y, read[1], day),
                    pattern="dmy",
                )
            )
    return out
