"""Whose life a surname alone stands for: ``lived`` of KD110–KD112."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from klint.claims import Frame
from klint.rules.dates.kd112_act_outside_life import lived

BORN = date(1791, 9, 22)


def _facts(*names: tuple[str, str]) -> dict:
    return {
        (name, "born"): [(SimpleNamespace(precision="day"), Frame(origin=origin), BORN, BORN)]
        for name, origin in names
    }


def test_an_initial_stands_for_the_first_name_it_opens() -> None:
    for initial, full in (("m.", "michael"), ("j.", "james"), ("a.", "anne")):
        facts = _facts((f"{full} faraday", "infobox"), (f"{initial} faraday", "body"))
        assert len(lived(facts, "faraday", "born")) == 2, initial


def test_an_initial_of_another_first_name_is_another_person() -> None:
    for names in (
        (("michael faraday", "infobox"), ("j. faraday", "body")),
        (("michael faraday", "infobox"), ("mary faraday", "body"), ("m. faraday", "body")),
        (("michael faraday", "infobox"), ("james faraday", "body")),
    ):
        assert lived(_facts(*names), "faraday", "born") == [], names
