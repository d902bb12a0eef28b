"""The frames' "a date just after a name" gap: its blank runs possessive, the same gaps as the
greedy pattern (the reference), which took time growing with the square of a run of blanks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import frames

REFERENCE = re.compile(r",?\s*(?:in|on|by)?\s*")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", ",", "in", "on", "by", "i", "x", "\t"]), max_size=10))
def test_the_same_gaps_as_the_greedy_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert bool(frames._DATE_JUST_AFTER_RE.fullmatch(text)) == bool(REFERENCE.fullmatch(text))


def test_gaps_and_near_misses() -> None:
    for gap in ["", ", ", " in ", ",  on  ", " by"]:
        assert frames._DATE_JUST_AFTER_RE.fullmatch(gap), gap
    for gap in [" at ", ", and in ", " " * 500 + "x"]:
        assert not frames._DATE_JUST_AFTER_RE.fullmatch(gap), gap
