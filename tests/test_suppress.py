"""Inline suppressions and the unused-suppression rule."""

from __future__ import annotations

from klint.config import Config
from klint.engine import lint_text

LINE = "A memorial fountain near Vaik, Armenia, in the spring.\n"


def codes(text: str, **cfg) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint_text(text, config=Config(**cfg))]


def test_disable_next_line():
    text = LINE + "<!-- klint: disable-next-line=KX306 -->\n" + LINE
    assert codes(text) == []


def test_disable_next_line_other_code_does_not_suppress():
    text = LINE + "<!-- klint: disable-next-line=KN201 -->\n" + LINE
    assert codes(text) == [("KX306", 3)]


def test_disable_and_enable_block():
    text = "<!-- klint: disable=KX306 -->\n" + LINE + LINE + "<!-- klint: enable=KX306 -->\n" + LINE
    assert codes(text) == [("KX306", 5)]


def test_bracket_form_for_plain_text():
    text = LINE + "[klint: disable-next-line=KX306]\n" + LINE
    assert codes(text) == []


def test_unused_suppression_is_reported_when_selected():
    text = "<!-- klint: disable-next-line=KN201 -->\n" + LINE
    assert codes(text, extend_select=("KI003",)) == [("KI003", 1)]
    assert codes(text) == []


def test_the_engine_checks_follow_the_selection_like_rules():
    """KI003 and KI005 are on or off as the configuration says, for the file at hand."""
    unused = "<!-- klint: disable-next-line=KN201 -->\n" + LINE
    unknown = "<!-- klint: disable-next-line=KN2O1 -->\n" + LINE
    assert codes(unknown) == [("KI005", 1)]
    assert codes(unknown, ignore=("KI005",)) == []
    assert codes(unknown, ignore=("KI",)) == []
    assert codes(unknown, per_file_ignores=(("<text>", ("KI005",)),)) == []
    assert codes(unknown, per_file_ignores=(("other.txt", ("KI005",)),)) == [("KI005", 1)]
    assert codes(unused, select=("KI",)) == [("KI003", 1)]
    assert codes(unused, select=("KI003",), per_file_ignores=(("<text>", ("KI",)),)) == []
