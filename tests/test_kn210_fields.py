"""KN210 compares an infobox's two fields of one measure in two units; a field whose value
opens with no number is passed over without its pattern."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers import kn210_conversion_mismatch as rule

BOX = "{{{{Infobox settlement\n| name = Carran\n{}\n}}}}\n'''Carran''' is a town.\n"
WRONG = [
    "| area_km2 = 120\n| area_sq_mi = 66",
    "| elevation_m = -34\n| elevation_ft = -250",
    "| length_km = 12.5\n| length_mi = 3.1",
]
RIGHT_OR_NO_NUMBER = [
    "| area_km2 = 120\n| area_sq_mi = 46",
    "| area_km2 = c. 120\n| area_sq_mi = 66",  # no number opens the first value
    "| area_km2 = {{circa|120}}\n| area_sq_mi = about 66",
]


def kn210(text: str) -> list[str]:
    config = Config(select=("KN210",))
    return [d.message for d in lint_text(text, path="a.wiki", config=config) if d.code == "KN210"]


@pytest.mark.parametrize("fields", WRONG)
def test_two_fields_that_disagree(fields: str) -> None:
    assert kn210(BOX.format(fields)), fields


@pytest.mark.parametrize("fields", RIGHT_OR_NO_NUMBER)
def test_near_misses(fields: str) -> None:
    assert kn210(BOX.format(fields)) == []


def test_a_value_with_no_number_first_is_not_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[int] = []
    pattern = rule._FIELD

    class Recording:
        def match(self, text: str, pos: int) -> object:
            tried.append(pos)
            return pattern.match(text, pos)

    monkeypatch.setattr(rule, "_FIELD", Recording())
    text = BOX.format("| area_km2 = 120\n| area_sq_mi = about 66\n| motto = Ever onward")
    kn210(text)
    assert [text[p : text.index("=", p)].strip("| ") for p in tried] == ["area_km2"]
