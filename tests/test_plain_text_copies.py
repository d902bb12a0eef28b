"""Plain-text copies of web pages: a no-break space turned into U+FFFD is read as one where it
can only have been one."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.sources import read_text


def found(text: str, code: str) -> list[str]:
    diags = lint_text(text, path="article.txt", config=Config(select=(code,)))
    return [d.message for d in diags if d.code == code]


@pytest.mark.parametrize(
    "text",
    [
        "The piers, about 105 feet (46\ufffdm) from one another, stretched across the river.",
        "The ship had a beam of 36\ufffdm (148\ufffdft) and a draught of 10 m.",
        "Its belt was 320\ufffdmm (17\ufffdin) thick at the waterline.",
        "The town lies 12 miles (3.2\ufffdkm) north of the border.",
    ],
)
def test_a_lost_no_break_space_between_a_number_and_its_unit(text: str) -> None:
    assert found("Title\n\n" + text + "\n", "KN210")


@pytest.mark.parametrize(
    "text",
    [
        "The piers, about 150 feet (46\ufffdm) from one another, stretched across the river.",
        "The ship had a beam of 36\ufffdm (118\ufffdft) and a draught of 10 m.",
    ],
)
def test_a_right_conversion_after_a_lost_no_break_space_is_left_alone(text: str) -> None:
    assert found("Title\n\n" + text + "\n", "KN210") == []


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("It opened on 5\ufffdJune 1944.", "It opened on 5\u00a0June 1944."),
        ("It opened on June\ufffd5, 1944.", "It opened on June\u00a05, 1944."),
        ("Ann (July 4, 1872\ufffd– 1933) wrote.", "Ann (July 4, 1872\u00a0– 1933) wrote."),
        ("Ann (1872 \ufffd– 1933) wrote.", "Ann (1872 \ufffd– 1933) wrote."),  # no number before
        ("He was 6-foot-3\ufffd1⁄2 inches tall.", "He was 6-foot-3\u00a01⁄2 inches tall."),
        ("It ran for nine\ufffdyears.", "It ran for nine\ufffdyears."),  # no number before
        ("Part 3, Act\ufffd2, Scene\ufffd5.", "Part 3, Act\ufffd2, Scene\ufffd5."),  # no unit
        ("He had 50,000\ufffdsoldiers.", "He had 50,000\ufffdsoldiers."),  # a noun, no unit
        (
            "It came to 3\ufffdinto the lead.",
            "It came to 3\ufffdinto the lead.",
        ),  # "in" begins a word
    ],
)
def test_only_a_lost_no_break_space_is_given_back(text: str, view: str) -> None:
    doc = read_text("Title\n\n" + text + "\n", "article.txt", "text")
    assert doc.view == "Title\n\n" + view + "\n"
    assert doc.text == "Title\n\n" + text + "\n"  # what the file says is quoted


def test_a_text_without_a_lost_no_break_space_has_no_view_of_its_own() -> None:
    assert read_text("Title\n\nA piece 46 m long.\n", "article.txt", "text").masked is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a maximum speed of 30.8\ufffdkn on speed trials", "a design speed of 26\ufffdkn"),
        ("engines of 121,568\ufffdkW on trials", "engines of 48,000\ufffdkW"),
        ("a range of 8,870\ufffdnmi at cruising speed", "a range of 6,500\ufffdnmi"),
    ],
)
def test_a_measure_after_a_lost_no_break_space_is_no_count(first: str, second: str) -> None:
    text = (
        f"Tirpitz\n\nTirpitz had {first}, the fastest of the class.\n\n"
        f"Admiral Scheer, with {second}, was too slow to sail with Tirpitz.\n"
    )
    assert found(text, "KN215") == []
