"""KX310's tie between a full name and its acronym ("X or ACR", "X, ACR"): its runs of blanks
and punctuation are possessive, and it ties the same spans as the pattern with greedy runs
(the reference below), which took time growing with the square of a run of blanks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.rules.xrefs import kx310_acronym_name_untied as kx310

_TIE = kx310._TIE_WORD
REFERENCE = re.compile(
    r"[\"”’']?['’]?s?\)?[\s,;:(]*"
    rf"(?:{_TIE}(?:\s+{_TIE}){{0,3}}(?:\s+the)?)?[\s,;:(]*[\"“‘']?"
    r"(?:(?:No\.|Nr\.|#)[^\w\n]{0,2}\d+\s+|\d+(?:st|nd|rd|th)\s+)?"
    r"|\s*\([^()]{1,80}[,;]\s*"
    r"|[\"”’']?\s+[a-z]+,?\s*\(\s*[\"“‘']?"
)
PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        ",",
        ";",
        ":",
        "(",
        ")",
        '"',
        "“",
        "”",
        "’",
        "'",
        "s",
        "or",
        "also",
        "known",
        "as",
        "to",
        "the",
        "called",
        "No.",
        "#",
        "1",
        "12",
        "2nd",
        "x",
        "bomb",
        "Abc",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_ties_the_spans_the_greedy_pattern_ties(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert bool(kx310._TIED_RE.fullmatch(text)) == bool(REFERENCE.fullmatch(text)), text


def test_ties_and_near_misses() -> None:
    tied = [" or ", ", ", " (", "” (", " also known as the ", " (No. 1 ", ' bomb, ("']
    for gap in tied:
        assert kx310._TIED_RE.fullmatch(gap), gap
    for gap in [" station broadcasts in ", " and then ", "  " * 300 + "text "]:
        assert not kx310._TIED_RE.fullmatch(gap), gap
