"""KX303: where a reader meets an acronym first. Each case is a pair: a text whose early use
is no place a reader meets the acronym in the prose (an infobox line, a table, a caption, a
hatnote) or names the subject as its acronym, and the same text with the early use in a
sentence of the prose, where it is still reported."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text

_LATER = "\n\nIn 1984 the club signed with the New England Sports Network (NESN) for ten years.\n"


def _before(text: str, path: str) -> list[str]:
    config = Config(select=("KX303",))
    return [d.message for d in lint_text(text, path=path, config=config) if d.code == "KX303"]


PAIRS = [
    # an infobox rendered as short lines of plain text
    (
        "Boston Bruins\n\nMedia\nNESN\nThe Sports Hub (98.5 FM)\n\n"
        "The Bruins are an ice hockey team based in Boston since 1924." + _LATER,
        "Boston Bruins\n\nThe Bruins are an ice hockey team whose games NESN has shown since "
        "1984." + _LATER,
        "t.txt",
    ),
    (
        "Boston Bruins\n\nOwner(s)\nDelaware North Companies\nAffiliates\nProvidence (NESN)\n\n"
        "The Bruins are an ice hockey team based in Boston since 1924." + _LATER,
        "Boston Bruins\n\nThe Bruins are an ice hockey team based in Boston; Providence plays "
        "on NESN." + _LATER,
        "t.txt",
    ),
    # a table's cells
    (
        'Boston Bruins\n\n{| class="wikitable"\n! Season !! Broadcaster\n|-\n| 1984 || NESN\n|}'
        "\n\nThe Bruins are an ice hockey team based in Boston since 1924." + _LATER,
        'Boston Bruins\n\n{| class="wikitable"\n! Season !! Broadcaster\n|-\n| 1984 || Radio\n|}'
        "\n\nThe Bruins are an ice hockey team seen on NESN since 1924." + _LATER,
        "t.wiki",
    ),
    # an image's caption
    (
        "Boston Bruins\n\n[[File:Garden.jpg|thumb|The Garden during a NESN broadcast]]\n"
        "The Bruins are an ice hockey team based in Boston since 1924." + _LATER,
        "Boston Bruins\n\n[[File:Garden.jpg|thumb|The Garden]]\n"
        "The Bruins are an ice hockey team shown by NESN since 1984." + _LATER,
        "t.wiki",
    ),
    # a hatnote
    (
        'Boston Bruins\n\n"NESN Bruins" redirects here. For other uses, see NESN (disambiguation).'
        "\n\nThe Bruins are an ice hockey team based in Boston since 1924." + _LATER,
        "Boston Bruins\n\nThe Bruins, a team of NESN, were founded in Boston in 1924. For other "
        "teams, see below.\n\nThe Bruins are an ice hockey team based in Boston since 1924."
        + _LATER,
        "t.txt",
    ),
    # the subject named as its acronym
    (
        "New England Sports Network\n\nThe New England Sports Network, also known as NESN, is a "
        "cable channel in Boston." + _LATER,
        "New England Sports Network\n\nThe New England Sports Network, best known for NESN "
        "Live, is a cable channel in Boston." + _LATER,
        "t.txt",
    ),
    (
        "New England Sports Network\n\nThe New England Sports Network (abbreviated as NESN) is "
        "a cable channel in Boston." + _LATER,
        "New England Sports Network\n\nThe New England Sports Network (a rival of NESN Plus) "
        "is a cable channel in Boston." + _LATER,
        "t.txt",
    ),
    (
        "New England Sports Network\n\nThe New England Sports Network (known in Maine as NESN "
        "North) is a cable channel in Boston." + _LATER,
        "New England Sports Network\n\nThe New England Sports Network (seen in Maine as the "
        "NESN North) is a cable channel in Boston." + _LATER,
        "t.txt",
    ),
    (
        "New England Sports Network\n\nThe network (formerly named NESN Plus) is a cable "
        "channel in Boston." + _LATER,
        "New England Sports Network\n\nThe network (formerly the NESN Plus) is a cable "
        "channel in Boston." + _LATER,
        "t.txt",
    ),
    # a use right after a name in parentheses: defined there, in another form
    (
        "Angela Merkel\n\nShe led a coalition with the [[Social Democratic Party of Germany]] "
        "(SPD) from 2005.\n\nIn 2013 the Social Democratic Party (SPD) joined her again.\n",
        "Angela Merkel\n\nShe led a coalition with the [[Social Democratic Party of Germany|"
        "party]] (SPD) from 2005.\n\nIn 2013 the Social Democratic Party (SPD) joined her "
        "again.\n",
        "t.wiki",
    ),
    (
        "Museum\n\nCadets trained at the [Royal Military Academy](https://example.org/kma) "
        "(KMA) in Breda.\n\nThe archives of the Koninklijke Militaire Academie (KMA) are in "
        "The Hague.\n",
        "Museum\n\nCadets trained at the [academy](https://example.org/kma) (KMA) in Breda."
        "\n\nThe archives of the Koninklijke Militaire Academie (KMA) are in The Hague.\n",
        "t.md",
    ),
    # a use in the sentence that expands it
    (
        "New England Sports Network\n\nThe NESN Bruins games are shown by the New England "
        "Sports Network (NESN) in Boston.\n",
        "New England Sports Network\n\nThe NESN Bruins games are shown in Boston. In 1984 "
        "the club signed with the New England Sports Network (NESN).\n",
        "t.txt",
    ),
]


@pytest.mark.parametrize(("not_prose", "prose", "path"), PAIRS)
def test_an_early_use_outside_the_prose_is_not_reported(not_prose, prose, path):
    assert _before(not_prose, path) == []
    assert len(_before(prose, path)) == 1, _before(prose, path)


def test_a_later_use_in_the_prose_is_reported_when_the_first_is_in_an_infobox_line():
    text = (
        "Boston Bruins\n\nMedia\nNESN\n\nThe Bruins are an ice hockey team whose games NESN "
        "has shown since 1984." + _LATER
    )
    (message,) = _before(text, "t.txt")
    assert message.startswith("NESN is used on line 6 ")
