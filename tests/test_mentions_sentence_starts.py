"""A capitalized common word that opens a sentence is no name, however many sentences its
region holds (a few starts are looked up in a list, many in a set)."""

from __future__ import annotations

import pytest

from klint.extract.names import extract_mentions
from klint.packs import load_packs
from klint.sources import read_text


def _names(text: str) -> list[str]:
    return [m.name for m in extract_mentions(read_text(text, "t.txt", "text"), load_packs())]


@pytest.mark.parametrize("before", [0, 1, 3, 4, 5, 9])
def test_a_sentence_opening_common_word_is_no_name(before: int) -> None:
    lead = "It rained. " * before
    text = f"{lead}Soldiers met Anna Petrova there. The soldiers left."
    assert _names(text) == ["Anna Petrova"]


@pytest.mark.parametrize("before", [0, 1, 4, 5, 9])
def test_the_same_word_inside_a_sentence_is_a_name(before: int) -> None:
    lead = "It rained. " * before
    text = f"{lead}Then Soldiers met Anna Petrova there. The soldiers left."
    assert _names(text) == ["Soldiers", "Anna Petrova"]
