"""KD103 on real articles: what the subject's span is, and which war "the war" is.

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


def kd103(text: str, fmt: str = "text") -> list:
    path = {"text": "a.txt", "wikitext": "a.wiki"}[fmt]
    return [
        d for d in lint_text(text, path=path, config=Config(select=("KD103",))) if d.code == "KD103"
    ]


INFOBOX = (
    "{{{{Infobox military conflict\n|conflict=Valley War\n"
    "|date=April 19, 1775{{{{snds}}}}September 3, 1783<br />Ratification effective: May 12, 1784\n"
    "}}}}\nThe '''Valley War''' was a war in the valley.\n\n{0}\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "In 1783, the Treaty of Paris ended the war.",
        "The formal end of the war did not come until the treaty of September 3, 1783.",
        "Congress ratified the treaty that ended the war on January 14, 1784.",
    ],
)
def test_the_span_is_every_date_of_the_infobox_field(text: str) -> None:
    assert kd103(INFOBOX.format(text), "wikitext") == []


def test_near_miss_a_date_outside_every_date_of_the_field() -> None:
    assert (
        len(kd103(INFOBOX.format("In 1786, the Treaty of Paris ended the war."), "wikitext")) == 1
    )


@pytest.mark.parametrize(
    "lead",
    [
        "Berlin is a city. West Berlin was surrounded by the Wall (from August 1961 to November 1989).",
        "Berlin is a city on the Spree. It was divided from August 1961 to November 1989.",
    ],
)
def test_a_range_past_the_opening_sentence_is_not_the_subjects_span(lead: str) -> None:
    assert kd103(article(lead, "After the end of the war in May 1945, refugees arrived.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "In 1780 the Second Hill War broke out in the south, and the war ended with the 1785 treaty.",
        "The Coastal War began in 1981. Its navies fought for years, and the war ended in 1986.",
    ],
)
def test_the_war_after_another_named_war_is_that_war(text: str) -> None:
    assert kd103(article("The Valley War was fought from March 1978 to June 1983.", text)) == []


def test_near_miss_no_other_war_named() -> None:
    text = "In 1980 fighting broke out in the south, and the war ended with the 1985 treaty."
    assert len(kd103(article("The Valley War was fought from March 1978 to June 1983.", text))) == 1
