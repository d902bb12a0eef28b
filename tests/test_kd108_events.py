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


# The event words are looked for only around the regions of dates in prose (a table's dates
# have no event): each text here gets the findings a search of the whole text gives.
READ_AROUND = [
    # far apart in two paragraphs, a table between
    article(
        "Rebel forces captured Millbrook on April 3, 1993.",
        '{| class="wikitable"\n|-\n| Millbrook captured || 1994\n|-\n| Founded || 1820\n|}',
        "After rebel forces captured Millbrook on April 5, 1993, the council met.",
    ),
    # a list, then prose: the word and its date in one list item
    article(
        "* Millbrook was founded in 1820.\n* Its mill opened in 1840.",
        "Millbrook was founded in 1822 by settlers from Ohio.",
    ),
    # a near miss: the second date is the founding of another town
    article(
        "Millbrook was founded in 1820.",
        "Oakdale was founded in 1822, twenty miles away.",
    ),
]


@pytest.mark.parametrize("text", READ_AROUND)
@pytest.mark.parametrize("path", ["a.txt", "a.wiki"])
def test_the_words_around_the_dates_are_those_of_the_whole_text(
    text: str, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from klint.rules.dates import kd108_event_date_conflict as rule
    from klint.text.words import ascii_shadow

    def found() -> list[tuple[int, int, str]]:
        config = Config(select=("KD108",))
        return [(d.line, d.column, d.message) for d in lint_text(text, path=path, config=config)]

    around = found()
    with monkeypatch.context() as m:  # the whole text read
        m.setattr(rule, "_shadow_of", lambda view, regions: (ascii_shadow(view), [(0, len(view))]))
        assert found() == around


def test_dates_in_prose_are_read_and_a_near_miss_is_not() -> None:
    first, founded, near_miss = READ_AROUND
    assert len(kd108(first)) == 1  # the capture dated April 3 and April 5
    assert len(kd108(founded)) == 1  # the founding dated 1820 and 1822
    assert kd108(near_miss) == []


def test_a_region_is_read_in_whole_words() -> None:
    from klint.document import Region
    from klint.rules.dates import kd108_event_date_conflict as rule

    view = "The fort fell. Its garrison captured the town in 1920 and left."
    inner = Region("paragraph", view.index("ptured"), view.index(" and"))  # cut inside a word
    low, spans = rule._shadow_of(view, [inner])
    assert spans == [(view.index("captured"), view.index(" and"))]
    assert low[spans[0][0] : spans[0][1]] == "captured the town in 1920"
    assert low[: spans[0][0]].strip() == ""  # the rest blank
