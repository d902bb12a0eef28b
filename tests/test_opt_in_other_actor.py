"""KD110, KD111 and KD112 read a date or an age of someone else's clause as the subject's no
more; KD113 reports a date out of turn only when one slip of the keys mends it."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text

LEAD = "'''Mary Rowe''' (2 May 1790 – 12 June 1836) was an English painter of river scenes.\n\n"


def found(body: str, code: str) -> list[str]:
    text = LEAD + "== Later life ==\n" + body + "\n"
    diags = lint_text(text, path="Mary_Rowe.wiki", config=Config(select=(code,)))
    return [d.message for d in diags if d.code == code]


@pytest.mark.parametrize(
    "body",
    [
        # the date stands in a link's text, the link is another's
        "She was the youngest member of the academy to die until "
        "[[John Hale (painter)|John Hale in 1901]].",
        "Their marriage lasted until [[Death and funeral of Thomas Hale|his death in 1850]].",
        # a link to another article acts right before the date
        "She became the oldest member of the academy after [[Thomas Hale]] died on 3 March 1835.",
        "She became the first woman member after [[Anne Lister]] died in 1834.",
        # "he" or "she" goes on with the name that acted last in the sentence
        "Respect for the academy did not mean that Turner stopped painting; he died in 1851 "
        "while on a visit to Chelsea.",
        "Hale's account is shorter, although decades later (he died in 1880, aged 91) he "
        "spoke out.",
        # a relative named right after the date
        "She was ill for a year, and in 1830, her father died.",
        "In the winter of 1829 she fell ill, and in 1830, her elder sister died.",
    ],
)
def test_kd110_someone_else_dies(body: str) -> None:
    assert found(body, "KD110") == []


@pytest.mark.parametrize(
    "body",
    [
        "[[Death of Mary Rowe|Her death in 1838]] shocked the academy.",  # her own link
        "She died on 3 March 1838 after [[Thomas Hale]] visited her.",  # Hale does not die
        "Turner praised her work; she died in 1838 at Bath.",  # the one Turner acts on
        "She was ill for a year, and in 1838, she died.",
        "Rowe died in 1838 at Bath.",
    ],
)
def test_kd110_the_subject_still_dies(body: str) -> None:
    assert found(body, "KD110"), body


@pytest.mark.parametrize(
    "body",
    [
        "[[Emilia Blake]] wrote a poem about Rowe, which she recited at a gathering in June 1840.",
        "[[Emilia Blake]] painted a portrait titled ''Mary Rowe'', which she showed in June 1840.",
        "[[Emilia Blake]] painted a portrait of Rowe, which she exhibited in June 1840.",
        "Rowe died in June 1836 and the academy collapsed in 1840.",
        "Rowe died in June 1836 and the studio finally closed in 1840.",
    ],
)
def test_kd112_someone_else_acts(body: str) -> None:
    assert found(body, "KD112") == []


@pytest.mark.parametrize(
    "body",
    [
        "Rowe wrote a poem about [[Emilia Blake]] and recited it at a gathering in June 1840.",
        "Rowe admired [[Emilia Blake]] and exhibited in Paris in June 1840.",
        "Rowe died in June 1836, and she exhibited in Paris in 1840.",
    ],
)
def test_kd112_the_subject_still_acts(body: str) -> None:
    assert found(body, "KD112"), body


def test_kd111_a_count_after_the_age_is_no_age() -> None:
    right = (
        "She died at Bath on 12 June 1836 at the age of 46, with two of her sisters by her side."
    )
    wrong = (
        "She died at Bath on 12 June 1836 at the age of 49, with two of her sisters by her side."
    )
    assert found(right, "KD111") == []
    assert [m for m in found(wrong, "KD111") if "not 49" in m]
    assert not [m for m in found(wrong, "KD111") if "not 2" in m]


def chronology(year: int) -> list[str]:
    text = (
        "Tom Hale\n\nTom Hale was an English painter.\n\n"
        "In 1901 he moved to London. In 1903 he opened a studio in Soho. "
        f"In {year} he exhibited at the Royal Academy. In 1905 he married Ann Webb. "
        "In 1907 he left for Paris.\n"
    )
    return [d.message for d in lint_text(text, config=Config(select=("KD113",)))]


@pytest.mark.parametrize("year", [1940, 1930, 1094])  # 1904 with two digits swapped
def test_kd113_a_slip_out_of_turn_is_reported(year: int) -> None:
    assert chronology(year)


@pytest.mark.parametrize("year", [1962, 1977, 1958])  # no one slip puts it in 1903-1905
def test_kd113_a_date_no_slip_mends_is_left_alone(year: int) -> None:
    assert chronology(year) == []


GAME = "# Hale Quest\n\nHale Quest is a 2007 puzzle game developed by Valve. It was released in 2007 for Windows. "
TOWN = "# Tollbridge\n\nTollbridge is a town in Kent. It was founded in 1630 by settlers.\n\n## History\n\n"


def dated_twice(text: str) -> list[str]:
    diags = lint_text(text + "\n", path="article.md", config=Config(select=("KD110",)))
    return [d.message for d in diags if d.code == "KD110"]


@pytest.mark.parametrize(
    "text",
    [
        GAME + "A sequel, Hale Quest 2, was released in 2011.",
        TOWN + "Tollbridge responded by starting renewal projects, under the direction of the "
        "Tollbridge Redevelopment Authority (TRA) established in 1957.",
    ],
)
def test_kd110_a_longer_name_is_another_thing(text: str) -> None:
    assert dated_twice(text) == []


@pytest.mark.parametrize(
    "text",
    [
        GAME + "A year later, Hale Quest was released in 2010.",
        TOWN + "Tollbridge responded by starting renewal projects, and Tollbridge was founded "
        "in 1637 according to the Tollbridge Society.",
    ],
)
def test_kd110_the_name_itself_is_the_subject(text: str) -> None:
    assert dated_twice(text)


@pytest.mark.parametrize(
    "body",
    [
        "In 1840, Rowe featured as a character in Tom Hale's novel The River.",
        "In 1845, Rowe appeared as a character in a play by Tom Hale.",
    ],
)
def test_kd112_a_depiction_is_no_act(body: str) -> None:
    assert found(body, "KD112") == []


def test_kd112_a_feature_is_still_an_act() -> None:
    assert found("In 1840, Rowe featured in an exhibition at the academy.", "KD112")
