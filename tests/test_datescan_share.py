"""The date triggers shared out region by region: each region gets what a scan of it alone
finds, in any order the regions are asked for, and a region without a trigger is passed over."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.document import Region
from klint.extract._datescan import _DIGITS, Triggers, scan
from klint.sources import read_text

_PIECES = ["1991", "12", "3rd", "May", "June", "Sept", "٣", "x", " ", "–", ".", "\n\n", "of"]


def _triggers(text: str) -> Triggers:
    return Triggers(read_text(text, "<t>", "text").text_index)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.randoms(use_true_random=False))
def test_a_region_s_share_is_what_a_scan_of_it_finds(pieces: list[str], rnd: random.Random) -> None:
    text = "".join(pieces)
    triggers = _triggers(text)
    cuts = sorted({0, len(text), *(rnd.randrange(len(text) + 1) for _ in range(6))})
    spans = list(itertools.pairwise(cuts))
    spans += [(a + 1, b) for a, b in spans if a + 1 < b]  # overlapping, starting inside a run
    rnd.shuffle(spans)  # out of text order too
    for start, end in spans:
        assert triggers.runs.of(start, end) == [
            m.span() for m in _DIGITS.finditer(text, start, end)
        ]
        assert [p for kind, p in triggers.of(start, end) if kind == "month"] == [
            p
            for p in triggers.months
            if start <= p < end - 2 and not (p > start and text[p - 1].isalpha())
        ]
        regions = [Region("paragraph", start, end)]
        if scan(triggers, start, end):
            assert list(triggers.regions(regions)) == regions


def _regions_with_dates(text: str) -> tuple[list[str], list[str]]:
    doc = read_text(text, "<t>", "text")
    triggers = Triggers(doc.text_index)
    regions = list(doc.content_regions())
    passed = [doc.view[r.start : r.end] for r in triggers.regions(regions)]
    dated = [doc.view[r.start : r.end] for r in regions if scan(triggers, r.start, r.end)]
    return passed, dated


def test_regions_without_a_digit_or_a_month_word_are_passed_over() -> None:
    text = "It rained.\n\nIn May it rained.\n\nNone fell then.\n\nBy 1990 it had.\n\nMayhem ensued."
    passed, dated = _regions_with_dates(text)
    assert passed == ["In May it rained.", "By 1990 it had.", "Mayhem ensued."]
    assert dated == ["In May it rained.", "By 1990 it had."]
    # near miss: the same words with no digit or month word anywhere
    assert _regions_with_dates("It rained.\n\nNone fell then.") == ([], [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "\n\n", "\n\n", "spring ", "Spring 1990"]), max_size=40))
def test_every_region_with_a_date_is_passed(pieces: list[str]) -> None:
    passed, dated = _regions_with_dates("".join(pieces))
    assert set(dated) <= set(passed)
