"""An acronym's expansion before it: the letters found by searches in a lower-cased copy of an
ASCII window, and the window's last words found back from its end, give what the readings of
every character (``_long_form_by_character``) and of every word (the reference below) give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import names
from klint.packs import load_packs

MINOR = frozenset(load_packs(()).acronym_minor_words)


def expansion_before(text: str, lo: int, paren: int, short: str) -> tuple[int, int] | None:
    """The expansion before "(" read from every word of the window (the reference)."""
    head_end = len(text[lo:paren].rstrip()) + lo
    limit = min(len(short) + 5, 2 * len(short))
    toks = list(re.finditer(r"\S+", text[max(lo, head_end - 40 * limit) : head_end]))[-limit:]
    if not toks:
        return None
    base = max(lo, head_end - 40 * limit) + toks[0].start()
    window = text[base:head_end]
    k = names._long_form_by_character(short, window)
    if k is not None and names._initials_ok(short, window[k:], MINOR):
        return base + k, head_end
    initials: list[str] = []
    start = None
    for m in reversed(toks):
        w = m.group().strip("\"'“”,;:")
        if not w or not (w[0].isupper() or w in MINOR):
            break
        if w[0].isupper():
            initials.extend(p[0] for p in w.split("-") if p)
            start = base - toks[0].start() + m.start()
    if start is not None and sorted(initials) == sorted(short.upper()):
        return start, head_end
    return None


SHORTS = st.sampled_from(["BBC", "UN", "NATO", "AHN", "RSS", "U.S.", "CIS", "ÉU", "A&M"])
WORDS = st.lists(
    st.sampled_from(
        [
            "British",
            "Broadcasting",
            "Corporation",
            "of",
            "the",
            "Republic",
            "South",
            "Sudan",
            "bbc",
            "Nations",
            "United",
            "Austro-Hungarian",
            "Navy",
            "'Quoted'",
            "x1",
            "État",
            "Unis",
            "and",
            "Agricultural",
            "Mechanical",
            "İstanbul",
            "b",
            "c",
            ",",
            "(BBC),",
        ]
    ),
    max_size=40,
)
BLANKS = st.sampled_from([" ", "  ", "\n", "\t ", "\u00a0", " \u2003 "])


@settings(max_examples=600, deadline=None)
@given(SHORTS, st.text(alphabet="abcBC nrtoU.İé-", max_size=60))
def test_the_letters_are_found_as_a_reading_of_every_character_finds_them(
    short: str, window: str
) -> None:
    assert names._long_form(short, window) == names._long_form_by_character(short, window)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0\u2003(", max_size=40), st.integers(1, 8))
def test_the_last_words_are_those_a_scan_of_every_word_finds(text: str, limit: int) -> None:
    want = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)][-limit:]
    assert names._last_words(text, limit) == want[::-1]


@settings(max_examples=600, deadline=None)
@given(SHORTS, WORDS, st.lists(BLANKS, min_size=41, max_size=41), st.integers(0, 30))
def test_the_window_is_read_as_a_reading_of_every_word_reads_it(
    short: str, words: list[str], blanks: list[str], lo: int
) -> None:
    head = "".join(b + w for b, w in zip(blanks, words))
    text = "Intro text here, " * 2 + head + blanks[-1] + "(" + short + ") after."
    paren = text.rindex("(")
    lo = min(lo, paren)
    got = names._expansion_before(text, lo, paren, short, MINOR)
    assert got == expansion_before(text, lo, paren, short)


def test_expansions_found_and_missed() -> None:
    """Defined in either reading, and a credit's "(BBC)" with no name before it is no
    definition."""
    cases = {
        "the British Broadcasting Corporation (BBC) said": "British Broadcasting Corporation",
        "in the Republic of South Sudan (RSS) today": "Republic of South Sudan",
        "the Austro-Hungarian Navy (AHN) sailed": "Austro-Hungarian Navy",
        "Hyperdrive (BBC), Nighty Night (BBC), Snuff Box (BBC)": None,
    }
    for text, want in cases.items():
        paren = text.index("(")
        short = text[paren + 1 : text.index(")")]
        got = names._expansion_before(text, 0, paren, short, MINOR)
        assert (None if got is None else text[got[0] : got[1]]) == want, text
