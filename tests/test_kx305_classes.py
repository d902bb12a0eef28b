"""KX305: classes of two names one letter apart that the words, the markup or the word's
structure tell apart. Each case is a pair: the text with the signal (nothing reported) and
the same text without it, where the slip is still found."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def _variants(text: str, path: str) -> list[str]:
    config = Config(select=("KX305",))
    return [d.message for d in lint_text(text, path=path, config=config) if d.code == "KX305"]


_POITIERS = "\n\nPoitiers lies on the Clain. Poitiers has a cathedral. Poitiers grew.\n"
_NIKITA = "\n\nKrushchev led the party. Krushchev fell in 1964. Krushchev died in 1971.\n"
_DELOS = " Delos is an island. Delos was sacred; Delos had a temple. Delos, Delos and Delos.\n"

PAIRS = [
    # a form of the name given as such by the words before it
    (
        "Title\n\nThe town was often referred to as Poictiers in English chronicles." + _POITIERS,
        "Title\n\nThe town of Poictiers was taken by the English chroniclers." + _POITIERS,
        "t.txt",
    ),
    (
        "Title\n\nIn older maps the town is called Poictiers." + _POITIERS,
        "Title\n\nIn older maps the town Poictiers is shown." + _POITIERS,
        "t.md",
    ),
    (
        "Title\n\nThe leader (Хрущёв, transliterated: Khrushchev) was born in 1894." + _NIKITA,
        "Title\n\nThe leader Khrushchev was born in 1894." + _NIKITA,
        "t.txt",
    ),
    # the romanisation right after another script
    (
        "Title\n\nThe leader (Russian: Хрущёв; Khrushchev) was born in 1894." + _NIKITA,
        "Title\n\nThe leader (Russian: Khrushchev) was born in 1894." + _NIKITA,
        "t.txt",
    ),
    (
        "Title\n\nThe epithet (Δήλιος, ''Delios'') means Delian." + _DELOS,
        "Title\n\nThe epithet ''Delios'' means Delian." + _DELOS,
        "t.wiki",
    ),
    # two names side by side in one sentence, each once
    (
        "Title\n\nThe saint is remembered at Kilbagie in Clackmannanshire and Kilbegie in "
        "Argyllshire.\n",
        "Title\n\nThe saint is remembered at Kilbagie in Clackmannanshire.\n\nA chapel of "
        "Kilbegie stood by the loch.\n",
        "t.txt",
    ),
    # an entry of a list of plain text, a name of its own
    (
        "Title\n\nFlights to Europe stopped. Europe was far. Europe was costly.\n\nPartners\n"
        "Air Corsica\nAir Europa\nAir France\n",
        "Title\n\nFlights to Europe stopped. Europe was far. Europe was costly.\n\nPartners "
        "flew to Europa and France for a while.\n",
        "t.txt",
    ),
    # a word of the label of a link to a longer title that lacks the other spelling
    (
        "Title\n\nA plaque was put on the Wolff building.\n\nFilms\n"
        "* [[The Lamb, the Woman, the Wolf]] (1914)\n* [[The End of the Feud]] (1914)\n",
        "Title\n\nA plaque was put on the Wolff building.\n\nFilms\n"
        "* ''The Lamb, the Woman, the Wolf'' (1914)\n* [[The End of the Feud]] (1914)\n",
        "t.wiki",
    ),
    (
        '<p>A plaque was put on the Wolff building.</p>\n<ul><li><a href="/wiki/The_Lamb,'
        '_the_Woman,_the_Wolf" title="The Lamb, the Woman, the Wolf">The Lamb, the Woman, '
        "the Wolf</a> (1914)</li></ul>\n",
        '<p>A plaque was put on the Wolff building.</p>\n<ul><li><a href="/wiki/Wolff_'
        'building" title="Wolff building">The Lamb, the Woman, the Wolf</a> (1914)</li></ul>\n',
        "t.html",
    ),
    # an adjective before a word, the other spelling never
    (
        "Title\n\nThe Argentine Chamber of Deputies met. The Argentine military waited. The "
        "crisis hit Argentina, and Argentina's exports fell.\n",
        "Title\n\nThe Argentine Chamber of Deputies met. The Argentine military waited. The "
        "crisis hit Argentina Chamber members.\n",
        "t.txt",
    ),
    # two people each named once, surnames a transliteration apart
    (
        "Title\n\nHer husband, George Backer, was named editor. A cartoon showed James Baker "
        "in fur.\n",
        "Title\n\nHer husband, George Backer, was named editor. A cartoon showed George Baker "
        "in fur.\n",
        "t.txt",
    ),
]


@pytest.mark.parametrize(("told_apart", "slip", "path"), PAIRS)
def test_told_apart_and_the_same_slip_found(told_apart, slip, path):
    assert _variants(told_apart, path) == []
    assert len(_variants(slip, path)) == 1, _variants(slip, path)


@pytest.mark.parametrize(
    ("plural", "slip"),
    [
        ("the women as Amazons", "the women as Amazonus"),  # a plural's letter before its s
        ("the tribe of Amazons", "the tribe of Amazonsa"),
    ],
)
def test_a_plural_beside_a_name_of_the_title_is_no_slip(plural, slip):
    base = "Title\n\nAmazonas rose. Amazonas grew. Amazonas fell. Later {} came.\n"
    assert _variants(base.format(plural), "Amazonas.txt") == []
    assert len(_variants(base.format(slip), "Amazonas.txt")) == 1


@pytest.mark.parametrize(
    ("cited", "given"),
    [
        ("^ McKee, Alan (April 15, 2008). Things.", "Alan"),
        ("^ McKee, Alan (2008). Things.", "Alan"),
        ("McKee, Alan (Sept. 2, 2011), p. 4.", "Alan"),
    ],
)
def test_a_given_name_cited_surname_first(cited, given):
    from klint.extract._names_match import _inverted_surname

    start = cited.index(given)
    assert _inverted_surname(cited, start, start + len(given)) == "McKee"
    prose = cited.replace(f"McKee, {given} (", f"McKee, {given} (the guide, ")
    assert _inverted_surname(prose, start, start + len(given)) is None


def test_a_plural_of_man_in_one_longer_name_is_another_title():
    base = (
        "Title\n\nThe Bronze Horseman stands in the square. Pushkin wrote The Bronze Horseman. "
        "The Bronze Horseman is famous.\n\nA book: Between Two Bronze {}.\n"
    )
    assert _variants(base.format("Horsemen"), "t.txt") == []
    assert len(_variants(base.format("Horsaman"), "t.txt")) == 1
