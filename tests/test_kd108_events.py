"""KD108 on real articles: a capitalized event word or a pronoun names no event.

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


def kd108(text: str) -> list:
    return [
        d
        for d in lint_text(text, path="a.txt", config=Config(select=("KD108",)))
        if d.code == "KD108"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He adopted the theory for the Black Death in 1908. A study of the Black Death in 2011 "
        "confirmed it.",
        "Walkers reached the Black Death memorial in 1950; the Black Death was studied again in 1999.",
        "The Great Fall of 1920 was mapped. Tourists saw the Great Fall in 1961.",
    ],
)
def test_an_event_word_capitalized_inside_a_name(text: str) -> None:
    assert kd108(article(text)) == []


def test_near_miss_the_same_death_dated_twice() -> None:
    text = "Ivan Black died on 3 April 1908 in Paris. In 1911 the town recalled that Black died on 5 May 1908."
    assert len(kd108(article(text))) == 1


@pytest.mark.parametrize("pronoun", ["It", "They", "She"])
def test_a_pronoun_names_no_event(pronoun: str) -> None:
    text = article(
        f"Samsung Engineering is a builder. {pronoun} was founded in January 1969.",
        f"Samsung Life is an insurer. {pronoun} was founded in March 1957.",
    )
    assert kd108(text) == []


def test_near_miss_the_same_name_founded_twice() -> None:
    text = article(
        "Samsung Engineering was founded in January 1969.",
        "Samsung Engineering was founded in March 1957.",
    )
    assert len(kd108(text)) == 1
