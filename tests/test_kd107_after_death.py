"""KD107 on real articles: who died, and who acts.

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


def kd107(text: str, fmt: str = "text") -> list:
    path = {"text": "a.txt", "markdown": "a.md"}[fmt]
    return [
        d for d in lint_text(text, path=path, config=Config(select=("KD107",))) if d.code == "KD107"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He died in 1324 and was buried in Venice. In 1605, a traveller reached the wall. "
        "He never found the kingdom he sought.",
        "She died on 9 November 1953. In 2009, a poll ranked her tenth; She was not forgotten.",
        "They died in 1901. In 1950, They were remembered by the town.",
    ],
)
def test_a_pronoun_is_not_a_name(text: str) -> None:
    assert kd107(article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Charles II of Spain had died childless in 1700. In January 1711, the ministry offered "
        "Spain to the Bourbon claimant.",
        "Henry IV of England died in 1413. In August 1415, England sent an army to Harfleur.",
    ],
)
def test_the_place_in_a_title_is_not_the_dead_person(text: str) -> None:
    assert kd107(article(text)) == []


def test_near_miss_the_named_person_acts_after_death() -> None:
    assert (
        len(
            kd107(
                article(
                    "Charles Stuart died in 1700. In January 1711, Charles Stuart signed the treaty."
                )
            )
        )
        == 1
    )


@pytest.mark.parametrize(
    "apparatus",
    [
        "Further reading\n\nHamowy, Ronald (2008). Smith, Adam (1732–1790). Encyclopedia.\n\n"
        "Adam Smith and Empire, a podcast, 12 March 2014.",
        "Climate data for Cape Town (1961–1990)\n\nIn 1994, Cape Town became a metropolitan municipality.",
        "Main article: Hundred Years War (1337–1360)\n\nIn 1455, War broke out between the houses.",
    ],
)
def test_life_spans_outside_prose_are_not_deaths(apparatus: str) -> None:
    assert kd107(article("The city grew.", apparatus)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Speer died of a stroke in 1981. In 2005, a newspaper reported that documents showed "
        "that Speer had approved the expansion of the camp.",
        "Speer died of a stroke in 1981. In 2007, a newspaper reported that a letter from Speer "
        "had been found.",
    ],
)
def test_reports_about_the_dead_are_not_their_acts(text: str) -> None:
    assert kd107(article(text)) == []


def test_near_miss_the_dead_person_is_the_subject() -> None:
    text = "Speer died of a stroke in 1981. In 2005, Speer approved the expansion of the camp."
    assert len(kd107(article(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Lincoln died on April 15, 1865. A historian called Lincoln a white supremacist in 1968.",
        "Lincoln died on April 15, 1865. In 1968 critics praised Lincoln again.",
        "Tarkovsky died in Paris on 29 December 1986. In 1991 it was alleged that Tarkovsky did "
        "not die of natural causes.",
    ],
)
def test_the_dead_as_object_or_in_a_posthumous_debate(text: str) -> None:
    assert kd107(article(text)) == []


def test_a_firm_named_after_its_dead_founder() -> None:
    text = (
        "John Lewis Partnership\n\nJohn Lewis died aged 92 in 1928. In 1929, John Lewis "
        "stores began to share their profits.\n"
    )
    assert kd107(text) == []
    # near-miss: an article about someone else, where John Lewis is only the man
    assert len(kd107(text.replace("John Lewis Partnership", "Oxford Street"))) == 1
