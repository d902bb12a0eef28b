"""KD108's event-word scan finds what the literal-alternation regex scan finds."""

from __future__ import annotations

import random

from klint.document import Region
from klint.rules.dates.kd108_event_date_conflict import _shadow_of, _whole_literals
from klint.text.words import ascii_lower, ascii_shadow, literal_alternation, whole_words


def test_whole_literals_match_a_regex_scan() -> None:
    words = ("captured", "capture", "fell", "fall", "born", "birth", "died", "death")
    rng = random.Random(5)
    pieces = [*words, "x", " ", "s", "-", "re", "en", "\n"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        expected = whole_words(literal_alternation(words), text, 0)
        found += bool(expected)
        assert _whole_literals(words, text, text, [(0, len(text))]) == expected, text
    assert found > 500


def test_whole_literals_in_the_ascii_shadow_match_a_scan_of_the_lowered_text() -> None:
    """Found in the shadow (one "?" a character beyond ASCII), the words stand where a scan
    of the text lowered letter by letter finds them: capitals, letters beyond ASCII next to
    a word, and the characters whose lower case is odd ("İ", the Kelvin sign)."""
    words = ("captured", "capture", "fell", "fall", "died", "death")
    rng = random.Random(7)
    pieces = [*words, "CAPTURED", "Fell", "x", " ", "s", "é", "É", "ß", "\u0130", "\u212a", "日"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        low = ascii_lower(text)
        expected = whole_words(literal_alternation(words), low, 0)
        found += bool(expected)
        assert _whole_literals(words, ascii_shadow(text), text, [(0, len(text))]) == expected, text
    assert found > 300


def test_the_words_of_the_regions_are_those_of_the_whole_text() -> None:
    """Read only around some regions (cut anywhere, even inside a word), the words that stand
    inside those regions are the ones a scan of the whole text finds there."""
    words = ("captured", "capture", "fell", "fall", "died", "death")
    rng = random.Random(11)
    pieces = [*words, "Fell", "x", " ", "s", "-", "é", "\n", "re"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.choice((2, 4, 6)))))
        regions = [Region("paragraph", a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
        whole = _whole_literals(words, ascii_shadow(text), text, [(0, len(text))])
        low, spans = _shadow_of(text, regions)
        around = _whole_literals(words, low, text, spans)

        found += bool(_inside(whole, regions))
        assert _inside(around, regions) == _inside(whole, regions), (text, cuts)
    assert found > 300


def _inside(found: list[tuple[int, int]], regions: list[Region]) -> list[tuple[int, int]]:
    return [(a, b) for a, b in found if any(r.start <= a and b <= r.end for r in regions)]
