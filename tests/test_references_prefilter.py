"""The reference extractor skips a regex scan only when no match is possible."""

from __future__ import annotations

import random

from klint.extract import references
from klint.packs import load_packs
from klint.text.words import find_all, finditer_from

PACKS = load_packs()
VERBS, PLACES = tuple(PACKS.pointer_verbs), tuple(PACKS.pointer_places)
COUNT_BACK = tuple(PACKS.count_back_words)

_PIECES = [
    "see",
    "See",
    "noted",
    "listed",
    "below",
    "later",
    "earlier",
    "above",
    "  ",
    "\n",
    " ",
    "x",
    "aforementioned",
    "Above-mentioned",
    "abovementioned",
    "treaty",
    "aforesaid",
    "\t",
]


def test_prefilters_never_hide_a_match() -> None:
    rng = random.Random(7)
    hits = 0
    for _ in range(5000):
        text = "".join(
            rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8))
        )
        if references.pointer_re(VERBS, PLACES).search(text):
            hits += 1
            assert references._pointer_possible(text, VERBS, PLACES), text
        if references._ANAPHOR_RE.search(text):
            assert any(n in text for n in references._ANAPHOR_NEEDS), text
    assert hits > 100  # the generator does produce matches


def test_pointer_prefilter_rejects_text_without_a_cue() -> None:
    assert not references._pointer_possible(
        "It happened later. Earlier, above all, x below", VERBS, PLACES
    )
    assert references._pointer_possible("as noted\n  above, the", VERBS, PLACES)


_COUNT_PIECES = [
    "the",
    "The",
    "THE",
    "tHe",
    " ",
    "  ",
    "\n",
    "last",
    "former",
    "above",
    "above-mentioned",
    "previous",
    "two",
    "three",
    "12",
    "resolutions",
    "the",
    "x",
    "-",
]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_count_back_scan_finds_what_a_full_scan_finds() -> None:
    rng = random.Random(11)
    pattern = references.count_back_re(COUNT_BACK, ("two", "three"))
    hits = 0
    for _ in range(5000):
        text = "".join(
            rng.choice(_COUNT_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10))
        )
        full = _spans(pattern.finditer(text))
        hits += bool(full)
        assert (
            _spans(finditer_from(pattern, text, references._count_back_starts(text, COUNT_BACK)))
            == full
        ), text
    assert hits > 20


def test_identifier_scan_finds_what_a_full_scan_finds() -> None:
    pattern, firsts = references._noun_re(
        ("article", "articles", "order", "orders", "section", "sections")
    )
    rng = random.Random(3)
    pieces = [
        "Article",
        "articles",
        "order",
        "Orders",
        "ordered",
        "sections",
        "Section",
        "x",
        " ",
        "-",
        "s",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert _spans(finditer_from(pattern, text, find_all(text, firsts))) == _spans(
            pattern.finditer(text)
        ), text
