"""KD109 on real articles: which calendar, which year.

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


def kd109(text: str) -> list:
    return [
        d
        for d in lint_text(text, path="a.txt", config=Config(select=("KD109",)))
        if d.code == "KD109"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Maundy Thursday 6 April 1710, the queen and the duchess met for the last time.",
        "The battle was fought on Friday, 25 October 1415.",
        "Parliament met on Wednesday 1 March 1709.",  # Old Style year: 1 March 1710 New Style
        "The revolution began on Thursday, 23 February 1917.",
    ],
)
def test_old_style_dates(text: str) -> None:
    assert kd109(article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The battle was fought on Monday, 25 October 1415.",
        "The revolution began on Wednesday, 8 March 1930.",
    ],
)
def test_near_miss_a_weekday_no_calendar_gives(text: str) -> None:
    assert len(kd109(article(text))) == 1


def test_a_weekday_fits_the_year_next_to_the_inferred_one() -> None:
    text = (
        "The 2014 elections were held in May 2015. The group leaders met on Tuesday 27 May, "
        "and the council proposed its candidate on Friday, 27 June."
    )
    assert kd109(article(text)) == []
    # near-miss: 27 June was a Wednesday in none of 2014, 2015, 2016
    assert len(kd109(article(text.replace("Friday, 27 June", "Wednesday, 27 June")))) == 1
