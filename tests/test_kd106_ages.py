"""KD106 and KD115 on real articles: ages are not durations, and belong to the person in their clause.

Each class of false finding seen on the development corpus has texts in several
phrasings that must stay quiet, and a near-miss that is a real error and must still
be found.
"""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def article(*paragraphs: str) -> str:
    return "Title\n\n" + "\n\n".join(paragraphs) + "\n"


def kd106(text: str, code: str = "KD106") -> list:
    """The findings of KD106 (or of KD115, the ages split from it)."""
    return [
        d for d in lint_text(text, path="a.txt", config=Config(select=(code,))) if d.code == code
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He had one sister, Nancy Marles (1906–1953), who was eight years his senior.",
        "He met Caitlin Macnamara (1913–1994), a 22-year-old dancer, in a pub.",
        "Her brother Tom Reed (1920–1990) was ten years older.",
        "The firm (1950–1999), which had thirty years of profit behind it, was sold.",
    ],
)
def test_an_age_beside_a_life_span_is_not_its_length(text: str) -> None:
    assert kd106(article(text)) == []


def test_near_miss_a_duration_measuring_the_range() -> None:
    assert len(kd106(article("He remained in the region for five years (1992–1994)."))) == 1


BIRTH = "Anne Stuart (born 6 February 1665) was queen. "


@pytest.mark.parametrize(
    "text",
    [
        BIRTH
        + "Stuart's sole surviving child, the Duke, died at the age of eleven on 30 July 1700.",
        BIRTH + "In 1702 Stuart was the oldest since her predecessor, who had taken the throne "
        "at age 29 in 1689.",
        BIRTH + "Stuart’s son, born in 1689, died aged eleven in July 1700.",
    ],
)
def test_an_age_said_of_someone_else(text: str) -> None:
    assert kd106(article(text), "KD115") == []


@pytest.mark.parametrize(
    "text",
    [
        BIRTH + "Stuart was crowned at the age of 25 on 23 April 1702.",
        BIRTH
        + "Stuart, who had been ill for years, was crowned at the age of 25 on 23 April 1702.",
    ],
)
def test_near_miss_an_age_said_of_the_named_person(text: str) -> None:
    assert len(kd106(article(text), "KD115")) == 1


def test_a_life_span_in_a_bibliography_is_no_birth() -> None:
    crowned = "Anne was crowned at the age of 25 on 23 April 1702."
    bibliography = "Ward, Adolphus (1885). Anne (1665–1714). Dictionary of National Biography."
    assert kd106(article(crowned, "Bibliography\n\n" + bibliography), "KD115") == []
    # near-miss: the same life span in the prose is a birth
    assert len(kd106(article("Queen Anne (1665–1714) reigned.", crowned), "KD115")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "He taught law for twelve years, first as a lecturer from 1992 to 1996, and then as a "
        "senior lecturer from 1996 to 2004.",
        "She served for ten years, from 1980 to 1984 as deputy and from 1984 to 1990 as head.",
    ],
)
def test_a_duration_told_in_parts(text: str) -> None:
    assert kd106(article(text)) == []


def test_near_miss_the_parts_do_not_add_up() -> None:
    text = "He taught law for twenty years, first from 1992 to 1996, and then from 1996 to 2004."
    assert len(kd106(article(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Pradyota dynasty ruled Magadha for 138 years from 799 to 684 BC.",
        "Its kings reigned 799–684 BCE, some forty years in all.",
        "The dynasty ruled for twenty years, between 1200 BC and 1150 BC.",
        "The temple stood for 300 years (from 530 B.C. to 480 B.C.).",
    ],
)
def test_a_duration_against_a_range_before_the_common_era(text: str) -> None:
    assert len(kd106(article(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Pradyota dynasty ruled Magadha for 115 years from 799 to 684 BC.",
        "Its kings reigned 799–684 BCE, some 116 years in all.",
        "The dynasty ruled for fifty years, between 1200 BC and 1150 BC.",
        # approximate, or not a range before the common era
        "The dynasty lasted some time (c. 799–500 BC) and ruled for 138 years.",
        "He reigned for 138 years from 684 to 799 AD.",
        "The war lasted 12 years, from 300 BC to AD 10.",
    ],
)
def test_near_miss_a_range_before_the_common_era_that_fits(text: str) -> None:
    assert kd106(article(text)) == []


def test_age_scan_finds_what_a_full_scan_finds() -> None:
    """KD115 tries its age pattern only where an age phrase or a "-year-old" is; that finds
    every match a scan of the whole text finds, in numbers, number words and hyphenated ones."""
    import random

    from klint.packs import load_packs
    from klint.rules.dates import kd115_age_vs_birth as kd115
    from klint.text.words import finditer_from

    phrases = tuple(load_packs().date_words["age_phrases"])
    pattern = kd115._age_re(phrases)
    pieces = [*phrases, "-year-old", "year-old", "twenty", "-two", "22", "١٢", "x", "Aged"]
    pieces += ["managed", "at the", "age of", "-", " ", "\n", "é", "."]
    rng = random.Random(5)
    hits = 0
    for _ in range(5000):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10))
        )
        full = [m.span() for m in pattern.finditer(text)]
        hits += bool(full)
        found = finditer_from(pattern, text, kd115._age_starts(text, phrases))
        assert [m.span() for m in found] == full, text
    assert hits > 500
