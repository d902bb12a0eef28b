"""KD108's event-word scan finds what the literal-alternation regex scan finds."""

from __future__ import annotations

import random

from klint.rules.dates.kd108_event_date_conflict import _whole_literals
from klint.text.words import literal_alternation, whole_words


def test_whole_literals_match_a_regex_scan() -> None:
    words = ("captured", "capture", "fell", "fall", "born", "birth", "died", "death")
    rng = random.Random(5)
    pieces = [*words, "x", " ", "s", "-", "re", "en", "\n"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        expected = whole_words(literal_alternation(words), text, 0)
        found += bool(expected)
        assert _whole_literals(words, text) == expected, text
    assert found > 500
