"""The reference extractor skips a regex scan only when no match is possible."""

from __future__ import annotations

import random

from klint.extract import names

_PIECES = ["see", "See", "noted", "listed", "below", "later", "earlier", "above", "  ", "\n", " ", "x",
           "aforementioned", "Above-mentioned", "abovementioned", "treaty", "aforesaid", "\t"]


def test_prefilters_never_hide_a_match() -> None:
    rng = random.Random(7)
    hits = 0
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8)))
        if names._POINTER_RE.search(text):
            hits += 1
            assert names._pointer_possible(text), text
        if names._ANAPHOR_RE.search(text):
            assert any(n in text for n in names._ANAPHOR_NEEDS), text
    assert hits > 100  # the generator does produce matches


def test_pointer_prefilter_rejects_text_without_a_cue() -> None:
    assert not names._pointer_possible("It happened later. Earlier, above all, x below")
    assert names._pointer_possible("as noted\n  above, the")
