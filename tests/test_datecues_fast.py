"""The date cue readers' shortcuts: each leaves out only work whose answer is known, so the
readers give what they gave without it, and the cues at the edge of each shortcut are found."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import _datecues
from klint.extract._datecues import lexicon, not_a_year
from klint.extract.dates import extract_dates
from klint.packs import load_packs
from klint.sources import read_text


class _Everything:
    def __contains__(self, _: object) -> bool:
        return True


def _cues(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.cue) for c in extract_dates(read_text(text, "<t>", "text"), load_packs())]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("He had left Berlin in 1994.", [("1994", "had")]),
        ("The mill had been closed in May 1994.", [("May 1994", "had been")]),
        ("The 1921 decision stood.", [("1921", "attributive")]),
        ("Its\tMay 1921 vote stood.", [("May 1921", "attributive")]),
        # near misses: no whole word "had" before the date, nothing after it, no determiner
        ("Shad fishing began in 1994.", [("1994", None)]),
        ("In 1994 he had left.", [("1994", None)]),
        ("He hadn't left in 1994.", [("1994", None)]),
        ("It was the 1921\ndecision.", [("1921", None)]),
        ("It was the 1921 .", [("1921", None)]),
        ("It was in 1921 decision time.", [("1921", None)]),
    ],
)
def test_cues_at_the_edge_of_a_shortcut(text: str, cues: list[tuple[str, str | None]]) -> None:
    assert _cues(text) == cues


_WORDS = ["1990", "1994–1995", "No.", "no", "page", "people", "cars", "kg", "in", "the", "é", ""]
_BETWEEN = [" ", "  ", "\t", "\n", ". ", "-", "", " \t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_BETWEEN)), max_size=12))
def test_a_number_s_word_after_is_read_only_after_a_blank(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + between for word, between in pieces)
    lex = lexicon(load_packs())
    for p in range(len(text) - 3):
        if text[p : p + 4].isdigit():
            fast = not_a_year(text, 0, p, p + 4, lex)
            with mock.patch.object(_datecues, "_BLANKS", _Everything()):
                assert not_a_year(text, 0, p, p + 4, lex) == fast


def _letters_stepping(view: str, lo: int, end: int) -> int:
    while end > lo and view[end - 1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        end -= 1
    return end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZq é1 \t-.", max_size=30), st.data())
def test_a_run_of_letters_starts_where_stepping_back_finds(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    assert _datecues._letters(text, lo, end) == _letters_stepping(text, lo, end)
