"""KN204 reads no sentence of a text whose body states no percentage: nothing there adds up
to more than 100%. A text with shares is still read and reported."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers import kn204_shares_exceed_whole as rule

SHARES = [
    "In the referendum 60% voted yes and 45% no.\n",
    "Exports made up 65% of sales and the home market 45%.\n",
    "The vote split 40% for Ames and 70% for Bexley (2008).\n",
]
NO_SHARES = [
    "* total: 6\n* by type: cargo 1, passenger/cargo 2, petroleum tanker 2 (2008)\n",
    "The council has 60 members: 45 Labour and 20 Green.\n",
    "The rate rose by sixty per cents on the dollar, and 2,000 people left.\n",
]


def kn204(text: str) -> list[str]:
    config = Config(select=("KN204",))
    return [d.message for d in lint_text(text, path="a.md", config=config)]


@pytest.mark.parametrize("text", SHARES)
def test_shares_over_the_whole_are_reported(text: str) -> None:
    assert kn204(text), text


@pytest.mark.parametrize("text", NO_SHARES)
def test_a_text_without_a_percentage_is_not_read(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unread(*args: object) -> None:
        raise AssertionError("a sentence was read")

    monkeypatch.setattr(rule, "_sentence_shares", unread)
    monkeypatch.setattr(rule.SharesExceedWhole, "_report_shares", unread)
    assert kn204(text) == []
