"""KD105 and KD114 on real articles: a relation is checked against the date it is said of.

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


def kd105(text: str, code: str = "KD105") -> list:
    """The findings of KD105 (or of KD114, the uncounted order words split from it)."""
    return [
        d for d in lint_text(text, path="a.txt", config=Config(select=(code,))) if d.code == code
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 1895 she married Pierre Curie, after whose death in 1906 she took over his chair.",
        "She married the painter John Hale in 1950 and after his death in 1985 ran the gallery alone.",
        "She married John Hale in 1950, but after his death in 1985 she sold the farm.",
        "Married to John Hale in 1950, she ran the gallery after his death in 1985.",
        "Berlin had been chosen in 1931, but after the election in 1933 observers objected.",
        "It was the first such final since the 1982 World Cup, and the second final, after 1994, "
        "to be decided on penalties.",
    ],
)
def test_an_order_word_opening_its_own_clause_orders_nothing(text: str) -> None:
    assert kd105(article(text), "KD114") == []


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1994 after the war ended in 1995.",
        "The garrison surrendered on May 9, 1992, before the final assault on May 8, 1992, had begun.",
    ],
)
def test_near_miss_the_order_word_orders_the_date_before_it(text: str) -> None:
    assert len(kd105(article(text), "KD114")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Scientists linked the records in 2013. Activity continued until about 500 years before 1257.",
        "The clan invaded in 1609. Four years after the 1868 Restoration, the kingdom was annexed.",
        "The port opened in 1850. Two months before the 1936 Games, she equalled the record.",
    ],
)
def test_after_or_before_a_date_measures_from_that_date(text: str) -> None:
    assert kd105(article(text)) == []


def test_near_miss_a_counted_relation_said_of_the_date() -> None:
    text = "The clan invaded in 1609. Four years later, in 1868, the kingdom was annexed."
    assert len(kd105(article(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On December 14, 1998, the bank bought a stake. The next year, on March 9, 1999, four firms did.",
        "On December 14, 1998, the bank bought a stake. The following year, in November 1999, "
        "four firms did.",
        "On 30 January 1999 the bank bought a stake. The following month, on 2 February 1999, it sold.",
    ],
)
def test_the_next_year_is_the_next_calendar_year(text: str) -> None:
    assert kd105(article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "On December 14, 1998, the bank bought a stake. The next year, on March 9, 2001, four firms did.",
        "On 30 January 1999 the bank bought a stake. The following month, on 2 April 1999, it sold.",
    ],
)
def test_near_miss_not_the_next_calendar_unit(text: str) -> None:
    assert len(kd105(article(text))) == 1


def test_references_are_not_prose() -> None:
    text = article(
        "The games opened in 1936.",
        "References\n\n^ Sandomir, Richard (7 July 2004). New York Times. Retrieved 4 July 2008. "
        "She equalled the record a month before the 1936 Games.",
    )
    assert kd105(text) == []
