"""The date scanner's shortcuts: a pattern is not tried where what it needs is missing.

Each shortcut only leaves out tries that cannot match, so the scan with them gives what the
scan without them gives; the forms at the edge of each reach are still found.
"""

from __future__ import annotations

import calendar
from datetime import date
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import _datescan
from klint.extract._datescan import Part, Raw, Triggers, interval, scan, year_part
from klint.sources import read_text


def _scan(text: str) -> list[Raw]:
    doc = read_text(text, "<t>", "text")
    triggers = Triggers(doc.text_index)
    return [raw for r in doc.content_regions() for raw in scan(triggers, r.start, r.end)]


class _Everything:
    def __contains__(self, _: object) -> bool:
        return True


def _scan_trying_all(text: str) -> list[Raw]:
    """The scan with every pattern tried at every trigger (no word looked for first)."""
    with (
        mock.patch.object(_datescan, "_any_in", lambda *_: True),
        mock.patch.object(_datescan, "_season_may_end", lambda *_: True),
        mock.patch.object(_datescan, "_SEASON_LAST", _Everything()),
        mock.patch.object(_datescan, "_READ_ALONE", frozenset()),
        mock.patch.object(_datescan, "_SEASON_HEADS", _Everything()),
        mock.patch.object(_datescan, "_SPACES", _Everything()),
        mock.patch.object(_datescan, "_RANGE_DASHES", _Everything()),
        mock.patch.object(_datescan, "_NOT_YEAR_AFTER", ""),
    ):
        return _scan(text)


def _spans(text: str) -> list[tuple[str, str]]:
    return [(r.pattern, text[r.start : r.end]) for r in _scan(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It fell in 1991 – 1992  spring.", ("yseason", "1991 – 1992  spring")),
        ("It fell in 1991–92 winter.", ("yseason", "1991–92 winter")),
        ("It fell in 1992  autumn.", ("yseason", "1992  autumn")),
        ("It fell in 1991 –92  winter.", ("yseason", "1991 –92  winter")),
        ("It fell in 1991—1992 autumn.", ("yseason", "1991—1992 autumn")),
        ("The Spring 1990 offensive.", ("season", "Spring 1990")),
        ("In the autumn of, 1990 it rained.", ("season", "autumn of, 1990")),
        ("In the fall,  1990 it rained.", ("season", "fall,  1990")),
        # each letter a season word or "of" ends with, two characters before the year
        ("The Summer 1990 offensive.", ("season", "Summer 1990")),
        ("The Autumn 1990 offensive.", ("season", "Autumn 1990")),
        ("In the winter of 1990 it rained.", ("season", "winter of 1990")),
        ("In the Fall 1990 term.", ("season", "Fall 1990")),
        # the month word of a day range at the far edge of its reach
        (
            "Held 30th  through  31st  of  September 1931.",
            ("dmy", "30th  through  31st  of  September 1931"),
        ),
        ("Held 3 of June 1931.", ("dmy", "3 of June 1931")),
        ("The war lasted 1991–1994.", ("yrange", "1991–1994")),
        ("The war lasted 1991 -1994.", ("yrange", "1991 -1994")),
        ("Cast\n| 1994–1997\n| 2001–2006", ("yrange", "2001–2006")),
        ("Founded 1994-05-12.", ("iso", "1994-05-12")),
        # the forms built from their match alone, after words the others look back for
        ("It ran early 1991–1994.", ("yrange", "1991–1994")),
        ("On Monday 1994-05-12 it opened.", ("iso", "1994-05-12")),
        ("In late 1991–92 winter.", ("yseason", "1991–92 winter")),
    ],
)
def test_forms_at_the_edge_of_a_reach_are_found(text: str, found: tuple[str, str]) -> None:
    assert found in _spans(text)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # near misses: the word the form needs stands one step too far, or not at all
        ("It fell in 1991 – 1992   spring.", "yseason"),
        ("It fell in 1992   spring.", "yseason"),
        ("It fell in 1992 and in spring.", "yseason"),
        ("It fell in 1992 summits.", "yseason"),
        ("It fell in 1991–92   winter.", "yseason"),
        ("It fell in 1991–92,  winter came.", "yseason"),
        ("Cast\n| 1994–1997\n| 2001–2006\nspring", "yseason"),
        ("The war lasted 1991  -1994.", "yrange"),
        ("In 1991 the war began.", "yrange"),
        ("The Springs 1990 offensive.", "season"),
        ("The Summers 1990 offensive.", "season"),
        ("Cast\n| Irene Weigel 1- 1994 spring", "season"),
        ("The spring and 1990.", "season"),
        ("Held 30th  through  31st  of   September 1931.", "dmy"),
        ("The 3 players left in 1931.", "dmy"),
        ("Episodes 1344-2905 aired.", "year"),
        ("Since 1994– the show ran.", "year"),
    ],
)
def test_a_form_without_its_word_is_not_found(text: str, missing: str) -> None:
    assert missing not in [pattern for pattern, _ in _spans(text)]
    assert _scan(text) == _scan_trying_all(text)


_WORDS = [
    *("1991", "1992", "92", "2005", "3", "30th", "12", "19th", "1990s", "the", "and"),
    *("spring", "Spring", "winter", "fall", "Autumn", "of", "to", "through", "in", "BC"),
    *("June", "May", "Sept", "September", "Monday", "early", "century", "", ""),
]
_BETWEEN = [" ", "  ", "   ", "\t", "–", "-", "—", ",", ".", "'s", "\n\n", " – ", ", "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_BETWEEN)), max_size=24))
def test_the_shortcuts_leave_out_no_match(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + between for word, between in pieces)
    assert _scan(text) == _scan_trying_all(text)


@pytest.mark.parametrize("year", [1000, 1900, 1992, 2000, 2024, 2099])
def test_a_year_s_shared_part_and_span_are_what_building_them_gives(year: int) -> None:
    part = year_part(year)
    assert part == Part(year) and year_part(year) is part
    assert interval(part) == interval(Part(year)) == (date(year, 1, 1), date(year, 12, 31))
    # near misses: a qualified year or a month is narrowed, not the whole year
    early = interval(Part(year, qualifier="early"))
    assert early[0] == date(year, 1, 1) and date(year, 6, 30) <= early[1] <= date(year, 7, 2)
    assert interval(Part(year, 2)) == (date(year, 2, 1), date(year, 2, 28 + calendar.isleap(year)))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Cast 1994–1995 and 1994–97.", [(1994, 1995), (1994, 1997)]),
        ("Founded in 1994, closed in 1995's spring.", [(1994, None), (1995, None)]),
    ],
)
def test_years_and_year_ranges_get_plain_parts(
    text: str, parts: list[tuple[int, int | None]]
) -> None:
    raws = [r for r in _scan(text) if r.pattern in ("year", "yrange")]
    assert [(r.a, r.b) for r in raws] == [
        (Part(a), None if b is None else Part(b)) for a, b in parts
    ]
