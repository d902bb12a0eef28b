"""KX303: uses whose reader is told the full name on the spot, and places that are no
definition. Each case is a pair: the text where the reader learns the name at the use (its
sentence spells it out, a link's title gives it) or meets the use outside the prose (a note
under a table), or where the only "definition" is a reference's title, and a near miss that
is still reported."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def _before(text: str, path: str) -> list[str]:
    config = Config(select=("KX303",))
    return [d.message for d in lint_text(text, path=path, config=config) if d.code == "KX303"]


_NPL = "\n\nThe National Physical Laboratory (NPL) in Teddington keeps the clock of the UK.\n"
_GLR = "\n\nA glass lined reactor (GLR) resists acids that would eat through bare steel.\n"
_SUD = "\n\nThe stretched upper deck (SUD) gave the aircraft room for more seats on top.\n"
_FAO = "\n\nThe Food and Agriculture Organization (FAO) publishes yearly statistics of food.\n"
_PSL = "\n\nThe Premier Soccer League (PSL) is the top league of football in South Africa.\n"
_RFUW = "\n\nIn 1994 the Rugby Football Union for Women (RFUW) was formed in England.\n"

PAIRS = [
    # the sentence of the use spells the full name out after it, or as "ACR for <name>"
    (
        "Clocks\n\nScales are written UTC(NPL), where NPL in this case identifies the National "
        "Physical Laboratory in England." + _NPL,
        "Clocks\n\nScales are written UTC(NPL) by the laboratories of England. The National "
        "Physical Laboratory keeps one." + _NPL,
        "t.txt",
    ),
    (
        "Boilers\n\nThe tank was first sold as the 5GLR for glass lined reactor, then as the "
        "GLR Mark 6 in steel." + _GLR,
        "Boilers\n\nThe tank was first sold as the 5GLR in enamel, then as the GLR Mark 6 in "
        "steel." + _GLR,
        "t.md",
    ),
    (
        "Boeing 747\n\nThe variant was first designated 747SUD for stretched upper deck, then "
        "747-200 SUD, before the 747-300 name." + _SUD,
        "Boeing 747\n\nThe variant was first designated 747-200 SUD, before the 747-300 name was "
        "given to it." + _SUD,
        "t.txt",
    ),
    # a link whose title spells the acronym out
    (
        "Farming\n\nThe [[Food and Agriculture Organization|FAO]] counts the world's farms each "
        "year." + _FAO,
        "Farming\n\nThe [[Rome|FAO]] counts the world's farms each year for its members." + _FAO,
        "t.wiki",
    ),
    (
        "Pretoria\n\nSupersport United were the [[2008–09 Premier Soccer League|2008–09 PSL "
        "Champions]] that year." + _PSL,
        "Pretoria\n\nSupersport United were the [[Supersport United|2008–09 PSL Champions]] that "
        "year." + _PSL,
        "t.wiki",
    ),
    # a note under a table, not the prose
    (
        "England\n\n(Source: the annual report of the RFUW for the season, as printed.)" + _RFUW,
        "England\n\nThe main source of money for the RFUW was the men's union, as printed." + _RFUW,
        "t.txt",
    ),
    (
        "England\n\nNotes\nA By 1983, the RFUW side of the club joined the league in "
        "1994 after a vote." + _RFUW,
        "England\n\nHistory\nBy 1983, the RFUW side of the club joined the league in "
        "1994 after a vote." + _RFUW,
        "t.txt",
    ),
]


@pytest.mark.parametrize(("told", "reported", "path"), PAIRS)
def test_told_on_the_spot_and_the_near_miss_reported(told, reported, path):
    assert _before(told, path) == []
    assert len(_before(reported, path)) == 1, _before(reported, path)


def test_a_link_in_html_whose_title_spells_it_out():
    text = (
        '<p>Many clients include a <a href="/wiki/{t}" title="{t}">GUI'
        "</a> editor for composing mail in several windows at once.</p>\n"
        "<p>A graphical user interface (GUI) shows windows, icons and menus to its user.</p>\n"
    )
    assert _before(text.format(t="Graphical user interface"), "t.html") == []
    assert len(_before(text.format(t="Mail client"), "t.html")) == 1


_CITED = (
    "Boeing\n\nBoeing was a prime contractor of the FCS program until the army ended it in "
    "June 2009.{ref}\n\n"
)


def test_a_reference_title_is_no_definition():
    ref = (
        "<ref>{{cite web |title=Future Combat System (FCS) Program to Army Brigade "
        "Modernization |publisher=DoD}}</ref>"
    )
    assert _before(_CITED.format(ref=ref), "t.wiki") == []
    prose = _CITED.format(ref="") + "The Future Combat System (FCS) was a family of vehicles.\n"
    assert len(_before(prose, "t.wiki")) == 1


def test_the_full_name_in_the_sentence_before_is_no_definition():
    text = (
        "Radio\n\nThe act established the Corporation for Public Broadcasting in 1967. A CPB "
        "committee under John Witherspoon first created a plan.\n\nThe Corporation for Public "
        "Broadcasting (CPB) funds public radio stations across the country.\n"
    )
    assert len(_before(text, "t.txt")) == 1
