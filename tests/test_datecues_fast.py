"""The date cue readers' shortcuts: each leaves out only work whose answer is known, so the
readers give what they gave without it, and the cues at the edge of each shortcut are found."""

from __future__ import annotations

from dataclasses import replace
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import _datecues
from klint.extract._datecues import lexicon, not_a_year
from klint.extract.dates import extract_dates
from klint.packs import load_packs
from klint.sources import read_text
from klint.text.sentences import Nesting


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


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        (
            "He said in 1990 it rained. In 1991 it snowed, as reported in 1992. In 1993 it cleared.",
            [("1990", "said"), ("1991", None), ("1992", "reported"), ("1993", None)],
        ),
        (
            "It had closed in 1990. In 1991 it opened. By 1992 it had shut in 1993.",
            [("1990", "had"), ("1991", None), ("1992", None), ("1993", "had")],
        ),
        # near miss: one sentence, so the cue before the first date holds for the second
        ("He said in 1990 it rained and in 1991 it snowed.", [("1990", "said"), ("1991", "said")]),
    ],
)
def test_each_sentence_s_cues_stay_in_it(text: str, cues: list[tuple[str, str | None]]) -> None:
    """The dates of one paragraph are asked about in order: the cue words read for one
    sentence are not read into the next."""
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


# The word readers as they stepped back a character at a time: the reference for the slicing ones.
_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _spaces(view: str, lo: int, end: int) -> int:
    n = 0
    while n < 3 and end - n > lo and view[end - n - 1] in " \t":
        n += 1
    return end - n if 0 < n < 3 else -1


def _letters(view: str, lo: int, end: int) -> int:
    while end > lo and view[end - 1] in _ASCII:
        end -= 1
    return end


def _last_spaces(view: str, lo: int, pos: int) -> int:
    return _spaces(view, lo, pos - 1 if pos > lo and view[pos - 1] == "\n" else pos)


def _whole_word(view: str, lo: int, end: int) -> str | None:
    start = _letters(view, lo, end)
    if start == end or (start and (view[start - 1].isalnum() or view[start - 1] == "_")):
        return None
    return view[start:end].lower()


def _word_before_stepping(view: str, region_start: int, pos: int) -> str | None:
    lo = max(region_start, pos - 24)
    end = _last_spaces(view, lo, pos)
    if end < 0:
        return None
    if end - 3 >= lo and view.startswith("the", end - 3):
        before_the = _spaces(view, lo, end - 3)
        if before_the >= 0 and (word := _whole_word(view, lo, before_the)) is not None:
            return word
    return _whole_word(view, lo, end)


def _leader_stepping(view: str, region_start: int, start: int, leaders: frozenset[str]) -> bool:
    lo = max(region_start, start - 24)
    end = _last_spaces(view, lo, start)
    if end < 0:
        return False
    if end > lo and view[end - 1] == ".":
        end -= 1
    word = view[_letters(view, lo, end) : end]
    return bool(word) and word.lower() in leaders


_BEFORE = ["in", "the", "No.", "no", "page", "x1the", "café", "bathe", "since", "of", "é", "_a"]
_GAPS = [" ", "  ", "   ", "\t", " \t", "\n", " \n", "  \n", "", ".", "-", "the "]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_BEFORE), st.sampled_from(_GAPS)), max_size=10),
    st.integers(0, 40),
)
def test_the_word_before_is_what_stepping_back_finds(
    pieces: list[tuple[str, str]], region_start: int
) -> None:
    view = "".join(word + gap for word, gap in pieces) + "1990"
    pos = len(view) - 4
    region_start = min(region_start, pos)
    leaders = lexicon(load_packs()).not_year_leaders
    assert _datecues.word_before(view, region_start, pos) == _word_before_stepping(
        view, region_start, pos
    )
    with mock.patch.object(_datecues, "_WORD_AFTER", mock.Mock(match=lambda *_: None)):
        assert not_a_year(view, region_start, pos, pos + 4, lexicon(load_packs())) == (
            _leader_stepping(view, region_start, pos, leaders)
        )


def _nesting_by_counts(view: str, start: int, offsets: list[int]) -> list[str | None]:
    """Nesting read by counting each mark in each stretch, the slower way."""
    parens = straight = curly = 0
    pos, out = start, []
    for at in offsets:
        chunk = view[pos:at]
        pos = max(pos, at)
        parens += chunk.count("(") - chunk.count(")")
        straight += chunk.count('"')
        curly += chunk.count("“") - chunk.count("”")
        out.append(
            "parenthesis" if parens > 0 else "quotation" if straight % 2 or curly > 0 else None
        )
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet='ab ()"“”.', max_size=40),
    st.lists(st.integers(min_value=0, max_value=45), max_size=8),
)
def test_nesting_is_read_as_the_marks_counted_one_by_one(view: str, offsets: list[int]) -> None:
    nesting = Nesting(view, 0)
    offsets = sorted(offsets)
    assert [nesting.at(at) for at in offsets] == _nesting_by_counts(view, 0, offsets)


@pytest.mark.parametrize(
    ("view", "at", "state"),
    [
        ('He said "in 1994 it" rained', 12, "quotation"),
        ("The war (1994–1995) ended", 10, "parenthesis"),
        ("The war “of 1994” ended", 12, "quotation"),
        # near misses: closed before the offset
        ('He said "so" in 1994', 16, None),
        ("The war (of) in 1994", 16, None),
        ("The war “of” in 1994", 16, None),
    ],
)
def test_nesting_at_an_offset(view: str, at: int, state: str | None) -> None:
    assert Nesting(view, 0).at(at) == state


_CUE_PIECES = [
    "said",
    "unsaid",
    "reported",
    "report",
    "in the months before",
    "months",
    "since",
    "as early as",
    "born in",
    "reborn",
    "é",
    "—",
    "Said",
    "the",
    "town",
    "(",
    ")",
    '"',
]
_CUE_BETWEEN = [" ", "  ", ", ", "-", "", "—", "_"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_CUE_PIECES), st.sampled_from(_CUE_BETWEEN)), max_size=10),
    st.sampled_from(["1990", "May 1990"]),
)
def test_a_sentence_without_a_cue_s_word_is_not_searched(
    pieces: list[tuple[str, str]], date: str
) -> None:
    # the date after every piece in turn: each ask searches on from the last one
    text = "".join(f"{word}{between}{date} " for word, between in pieces)
    searched = lexicon(load_packs())
    assert searched.cue_words is not None
    with mock.patch.object(_datecues, "lexicon", lambda packs: replace(searched, cue_words=None)):
        expected = _cues(text)
    assert _cues(text) == expected
