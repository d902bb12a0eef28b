"""Word lists as prefix-tree patterns: the same matches as the flat alternation, longest first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.text.words import alternation

ANY_SPACE = r"\s+"


def _flat(words: set[str], space: str) -> str:
    norm = sorted({" ".join(w.split()) for w in words} - {""}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", space) for w in norm) or r"(?!x)x"


@settings(max_examples=400, deadline=None)
@given(
    st.sets(st.text(alphabet="ab c", min_size=1, max_size=6), max_size=8),
    st.text(alphabet="abcAB  \n", max_size=30),
    st.sampled_from(["", r"\b", "c"]),
    st.sampled_from([r"\ ", ANY_SPACE]),
    st.booleans(),
)
def test_prefix_tree_matches_what_the_flat_alternation_matches(
    words: set[str], text: str, suffix: str, space: str, ignore_case: bool
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    flat = re.compile(f"(?:{_flat(words, space)}){suffix}", flags)
    tree = re.compile(f"(?:{alternation(words, space)}){suffix}", flags)
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in tree.finditer(text)]


def test_a_word_that_is_a_prefix_of_another_is_tried_after_it() -> None:
    pattern = re.compile(alternation(["had", "had been", "hadn"]))
    assert pattern.match("had been there").group() == "had been"
    assert pattern.match("hadn't").group() == "hadn"
    assert pattern.match("had it").group() == "had"


def test_no_words_never_match() -> None:
    assert re.compile(alternation([])).search("anything") is None
    assert re.compile(alternation(["  ", ""])).search("a  b") is None
