"""The masked view the markup readers build: blanked markup, line endings kept, and the
pieces of a token that markup split closed up against its longest piece."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.sources._markup import View, blank


def view(text: str, shown: list[tuple[int, int]], written: tuple = ()) -> str:
    """The view of ``text`` with the spans of ``shown`` shown and ``written`` written."""
    v = View(text)
    for start, end in shown:
        v.show(start, end)
    for start, end, rendering in written:
        v.write(start, end, rendering)
    out = v.build()
    assert len(out) == len(text)
    return out


def words(text: str, *pieces: str) -> list[tuple[int, int]]:
    """The spans of ``pieces`` in ``text``, each found after the one before."""
    spans, pos = [], 0
    for piece in pieces:
        start = text.index(piece, pos)
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


@pytest.mark.parametrize(
    ("s", "blanked"),
    [
        ("ab", "  "),
        ("ab\ncd\n", "  \n  \n"),
        ("a\r\nb", " \r\n "),
        ("\n\n", "\n\n"),
        ("é\u2028x\n", "   \n"),  # only \r and \n are line endings
        ("\U0001f600\r\n\ud800", " \r\n "),  # one space a character, beyond the BMP too
        ("", ""),
    ],
)
def test_blank_keeps_line_endings_only(s: str, blanked: str) -> None:
    assert blank(s) == blanked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a \t\r\né–\u2028\U0001f600\ud800"), max_size=30))
def test_blank_is_a_space_for_each_character_but_a_line_ending(s: str) -> None:
    assert blank(s) == "".join(c if c in "\r\n" else " " for c in s)


@pytest.mark.parametrize(
    ("text", "pieces", "shown"),
    [
        # link brackets inside a token: the longest piece stays, the rest close up to it
        ("[[Armenia]]'s army", ("Armenia", "'s army"), "  Armenia's   army"),
        (
            "in [[1988]]–[[1994]] war",
            ("in", "1988", "–", "1994", " war"),
            "in   1988–1994       war",
        ),
        ("x [[ab]]cdef", ("x ", "ab", "cdef"), "x     abcdef"),  # the longer piece after
        ("the (<small>x</small>) end", ("the (", "x", ") end"), "the        (x)         end"),
        # near-misses: a space after the markup, a line ending in it, markup between words
        ("[[Armenia]] army", ("Armenia", " army"), "  Armenia   army"),
        ("see [[a]]\n[[b]]c", ("see ", "a", "\n", "b", "c"), "see   a  \n  bc  "),
        ("a<ref>x</ref>b", ("a", "b"), "a            b"),
    ],
)
def test_markup_inside_a_token_closes_up(text: str, pieces: tuple[str, ...], shown: str) -> None:
    assert view(text, words(text, *pieces)) == shown


def test_the_padding_of_a_rendering_closes_up_too() -> None:
    text = "{{convert|5|km}}, far"
    assert view(text, [(16, len(text))], [(0, 16, "5 kilometres")]) == "5 kilometres,     far"
    # near-miss: a space after the rendering
    text = "{{convert|5|km}} far"
    assert view(text, [(16, len(text))], [(0, 16, "5 kilometres")]) == "5 kilometres     far"


def test_urls_are_blanked_and_close_nothing_up() -> None:
    text = "[[a]]http://x.org/b c"
    assert view(text, [(2, 3), (5, len(text))]) == "  a                 c"


#: texts of words, markup that sits inside a token, spaces, tabs and line endings
_TEXTS = st.lists(
    st.sampled_from(["ab", "1990", "[[", "]]", "''", "{{", "}}", " ", "  ", "\n", "\t", "-"]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.data())
def test_spaces_and_line_endings_shown_or_not_give_the_same_view(
    text: str, data: st.DataObject
) -> None:
    """The wikitext reader leaves runs of spaces and line endings alone unshown."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    shown = [(a, b) for a, b in spans if text[a:b].strip(" \n")]
    assert view(text, shown) == view(text, spans)


def test_a_tab_shown_is_kept_where_a_blanked_one_is_a_space() -> None:
    # near-miss: a tab is no blank the view keeps
    assert view("a\tb", [(0, 3)]) == "a\tb"
    assert view("a\tb", [(0, 1), (2, 3)]) == "a b"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]{}*_'~ \n<>/ab", min_size=1, max_size=8))
def test_marks_alone_are_joining_markup_as_the_pattern_tells(gap: str) -> None:
    """A gap of link, template and emphasis marks alone, told without the search, is one
    the pattern of joining markup takes, with no line ending in it; near-misses (a blank,
    a tag, a letter) are left to the pattern."""
    from klint.sources._markup import _JOINING_MARKS, _JOINING_RE

    if not gap.strip(_JOINING_MARKS):
        assert _JOINING_RE.fullmatch(gap) and "\n" not in gap
