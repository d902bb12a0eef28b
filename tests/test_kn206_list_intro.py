"""KN206 holds a count to the list items after it only where a colon follows the count and
ends its region ("the following three founders:"); a count that no colon follows reads no
region."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers import kn206_count_vs_list as rule

INTRODUCED = [
    "The club had the following three founders:\n\n* Aldo\n* Bruna\n* Carla\n* Dino\n",
    "Its board named these two patrons :\n\n* Elena Ruiz\n* Marco Bianchi\n* Ada Conte\n",
    "History\n\nThe band recorded the following four albums:\n\n* Red\n* Blue\n* Green\n",
]
NOT_INTRODUCED = [
    # the colon follows other words, or no colon at all
    "The club had three founders in 1920, listed here:\n\n* Aldo\n* Bruna\n* Carla\n* Dino\n",
    "The club had three founders.\n\n* Aldo\n* Bruna\n* Carla\n* Dino\n",
    "Some 40 members joined in 1921 (of 12 towns)\n\n* Aldo\n* Bruna\n",
]


def kn206(text: str) -> list[str]:
    config = Config(select=("KN206",))
    return [d.message for d in lint_text(text, path="a.md", config=config) if d.code == "KN206"]


@pytest.mark.parametrize("text", INTRODUCED)
def test_a_count_before_its_colon_is_held_to_the_items(text: str) -> None:
    assert any("introduces a list of" in m for m in kn206(text)), text


@pytest.mark.parametrize("text", NOT_INTRODUCED)
def test_no_count_before_a_colon_reads_no_region(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unread(*args: object) -> None:
        raise AssertionError("the regions were read")

    monkeypatch.setattr(rule, "_top_items", unread)
    assert not any("introduces a list of" in m for m in kn206(text))
