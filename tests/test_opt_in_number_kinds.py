"""KN220 reads a number joined to its noun by a hyphen as a kind, not a count: "a 33-yard
field goal", "the four-man event" are no total and no part."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def found(text: str, code: str) -> list[str]:
    diags = lint_text("Title\n\n" + text + "\n", config=Config(select=(code,)))
    return [d.message for d in diags if d.code == code]


@pytest.mark.parametrize(
    "text",
    [
        "The 49ers tied it with a 33-yard field goal by Schmitt. In the third quarter came 2 "
        "touchdowns. First a 2-yard catch by Davis, then a 1-yard run by Gore.",
        "Akers opened the scoring with a 45-yard field goal. In the second quarter came 2 "
        "touchdowns. First a 5-yard catch by Smith, then a 9-yard run by Jones.",
        "For the four-man event's first two runs, Holcomb was fastest. Zubkov, the four-man "
        "silver medalist and bronze medalist in the two-man event, crashed out.",
    ],
)
def test_kn220_a_compound_is_a_kind(text: str) -> None:
    assert found(text, "KN220") == []


@pytest.mark.parametrize(
    "text",
    [
        "The four men of the crew came in two boats. The first had 4 men and the second 2 men.",
        "The 900 soldiers came in three groups. The first had 450 soldiers, the second 300 "
        "soldiers and the third 250 soldiers.",
    ],
)
def test_kn220_a_count_is_still_a_total(text: str) -> None:
    assert found(text, "KN220")


SEASON = """# 2009 Hale Utes football team

The team played twelve games.

## {first}

Running back Eddie Wide had a career high 129 yards rushing in the game against Louisville.

## {second}

Eddie Wide finished the game against Air Force with 121 yards rushing.
"""

FLOODS = """# 2022 Sindh floods

The floods struck Sindh and Balochistan in August.

## Khyber Pakhtunkhwa

The floods damaged 326,897 houses across the province's districts.

## Balochistan

The floods damaged 426,897 houses across the province's districts.
"""

STAGES = """# Hale Cycling 2010 season

The team raced all year.

## Tour de France

Pineau won the first four climbs of the stage and took the mountains jersey.

## Vuelta a España

Pineau won the first five climbs of the stage before pulling up.
"""

PALACE = """# Hale Palace

The palace has 775 rooms.

## History

The palace was built in 1703 with 757 rooms and a garden.
"""


def twins(text: str) -> list[str]:
    diags = lint_text(text, path="article.md", config=Config(select=("KN215",)))
    return [d.message for d in diags if d.code == "KN215"]


@pytest.mark.parametrize(
    "text", [SEASON.format(first="Louisville", second="Air Force"), FLOODS, STAGES]
)
def test_kn215_sections_named_for_two_things(text: str) -> None:
    assert twins(text) == []


@pytest.mark.parametrize(
    "text",
    [
        SEASON.format(first="History", second="Legacy"),  # topics, not names
        SEASON.format(first="Early games", second="Later games"),
        PALACE,  # the lead has no heading
    ],
)
def test_kn215_figures_under_topics_are_still_twins(text: str) -> None:
    assert twins(text)
