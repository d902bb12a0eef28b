"""KX305: what the markup and the words around a spelling say about it. Each case is a pair:
two spellings the text or its markup tells apart (two names, or one name given in two forms
on purpose), and the same text without that signal, where the slip is still found."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def _variants(text: str, path: str) -> list[str]:
    config = Config(select=("KX305",))
    return [d.message for d in lint_text(text, path=path, config=config) if d.code == "KX305"]


PAIRS = [
    # the article's alternative names, in bold
    (
        "'''Pericles''' was an Athenian statesman of the fifth century; Greek authors write "
        "'''Perikles'''.\n\nPericles led Athens. Pericles built the Parthenon.\n",
        "'''Pericles''' was an Athenian statesman of the fifth century; Greek authors write "
        "Perikles.\n\nPericles led Athens. Pericles built the Parthenon.\n",
        "t.wiki",
    ),
    (
        "<p><b>Pericles</b> was an Athenian statesman of the fifth century; Greek authors write "
        "<b>Perikles</b>.</p>\n<p>Pericles led Athens. Pericles built the Parthenon.</p>\n",
        "<p><b>Pericles</b> was an Athenian statesman of the fifth century; Greek authors write "
        "Perikles.</p>\n<p>Pericles led Athens. Pericles built the Parthenon.</p>\n",
        "t.html",
    ),
    # another name given in an infobox field of names
    (
        "{{Infobox person\n| name = Roy Haller\n| other_names = Roy Hallier\n}}\n"
        "Roy Haller was an actor. Haller was born in Ohio; Haller died in 2008.\n",
        "{{Infobox person\n| name = Roy Haller\n| occupation = Actor\n}}\n"
        "Roy Haller was an actor. Haller was born in Ohio; Roy Hallier died in 2008.\n",
        "t.wiki",
    ),
    (
        '<table class="infobox"><tr><th scope="row">Other names</th>\n'
        '<td class="nickname">Roy Hallier</td></tr></table>\n'
        "<p>Roy Haller was an actor. Haller was born in Ohio; Haller died in 2008.</p>\n",
        '<table class="infobox"><tr><th scope="row">Occupation</th>\n'
        "<td>Actor</td></tr></table>\n"
        "<p>Roy Haller was an actor. Haller was born in Ohio; Roy Hallier died in 2008.</p>\n",
        "t.html",
    ),
    # the romanisation given after a foreign-language template
    (
        "Title\n\nThe statesman ({{lang-grc|Περικλῆς}}, ''Perikles'') is shown here.\n\n"
        "Pericles led Athens. Pericles built the Parthenon.\n",
        "Title\n\nThe statesman ''Perikles'' is shown here.\n\n"
        "Pericles led Athens. Pericles built the Parthenon.\n",
        "t.wiki",
    ),
    (
        "Title\n\nA bust ({{lang-el|Περικλής}}; ''Perikles'') stands in Rome.\n\n"
        "Pericles led Athens. Pericles built the Parthenon.\n",
        "Title\n\nA bust of ''Perikles'' stands in Rome.\n\n"
        "Pericles led Athens. Pericles built the Parthenon.\n",
        "t.wiki",
    ),
    # a source quoted inline
    (
        "<p>Tasman named it Staten Landt, and Staten Landt stayed on the charts. The journal "
        "says <q>he called the coast Staaten Landt after the States</q>.</p>\n",
        "<p>Tasman named it Staten Landt, and Staten Landt stayed on the charts. The journal "
        "says he called the coast Staaten Landt after the States.</p>\n",
        "t.html",
    ),
    # a name as another language spells it
    (
        "Title\n\nHe wrote the suite Hommage à Rameau in 1905. A Homage to Purcell and a Homage "
        "to Byrd followed.\n",
        "Title\n\nHe wrote the suite Hommage to Rameau in 1905. A Homage to Purcell and a Homage "
        "to Byrd followed.\n",
        "t.txt",
    ),
    (
        "Title\n\nThe anthem of the kingdom, Heil dir, Hannover, was sung in Hanover. "
        "Hanover grew, and Hanover kept the tune.\n",
        "Title\n\nThe anthem of the kingdom, Heil to Hannover, was sung in Hanover. "
        "Hanover grew, and Hanover kept the tune.\n",
        "t.txt",
    ),
    (
        "Title\n\nThe cities Hannover und Bremen joined. Hanover grew, and Hanover kept the "
        "tune.\n",
        "Title\n\nThe cities Hannover and Bremen joined. Hanover grew, and Hanover kept the "
        "tune.\n",
        "t.txt",
    ),
    # two people: the given names before them differ
    (
        "Title\n\nThe volume was edited by Clarence C. Harvel in 1884. General Don Carlos Harvell "
        "marched south; Harvell reached the river, and Harvell crossed it.\n",
        "Title\n\nThe volume was edited by Harvel in 1884. General Don Carlos Harvell "
        "marched south; Harvell reached the river, and Harvell crossed it.\n",
        "t.txt",
    ),
    (
        "Title\n\nThe volume was edited by Clarence C. Harvel in 1884. General Don Carlos Harvell "
        "marched south; Harvell reached the river, and Harvell crossed it.\n",
        "Title\n\nThe volume was edited by Clarence C. Harvel in 1884. Clarence Harvell "
        "marched south; Harvell reached the river, and Harvell crossed it.\n",
        "t.txt",
    ),
    # a country and its adjective
    (
        "Title\n\nThe fleet sailed for Sardinia in May. Sardinia fell in 1720. A Sardinie captain "
        "was ceded to Savoy.\n",
        "Title\n\nThe fleet sailed for Sardinia in May. Sardinia fell in 1720. Sardinie was "
        "ceded to Savoy.\n",
        "t.txt",
    ),
    # product or model codes
    (
        "Title\n\nThe ATmega series has 28 pins. The ATmega parts are cheap. The ATxmega series "
        "is newer.\n",
        "Title\n\nThe Atmega series has 28 pins. The Atmega parts are cheap. The Atxmega series "
        "is newer.\n",
        "t.txt",
    ),
    # a hyphenated form inside a longer compound name
    (
        "Title\n\nThe kings lie in the [[Saint Denis Basilica]]. The departments are [[Essonne]] "
        "and [[Seine-Saint-Denis]].\n",
        "Title\n\nThe kings lie in the [[Saint Denis Basilica]]. The departments are [[Essonne]] "
        "and [[Saint-Denis]].\n",
        "t.wiki",
    ),
]


@pytest.mark.parametrize(("told_apart", "slip", "path"), PAIRS)
def test_told_apart_and_the_same_slip_found(told_apart, slip, path):
    assert _variants(told_apart, path) == []
    assert len(_variants(slip, path)) == 1, _variants(slip, path)


def test_the_same_compound_hyphenated_and_spaced_is_still_one_name():
    text = (
        "Title\n\nThe abbey of Mont Saint-Michel stands on a rock. Pilgrims walked to "
        "Mont-Saint-Michel and Mont-Saint-Michel at low tide.\n"
    )
    (message,) = _variants(text, "t.txt")
    assert "\u201cMont Saint\u201d is written \u201cMont-Saint\u201d" in message


@pytest.mark.parametrize(
    "text",
    [
        # a title written with the other spelling: one district
        "Title\n\nIt is spoken in [[Hazaribagh district|Hazaribag]] and [[Palamu]].\n\n"
        "The speakers of [[Hazaribagh]] and [[Hazaribagh]] towns differ.\n",
        # two titles of one longer name that differ in this word only: a redirect
        "Title\n\nAuthors like [[Ibn Khaldoun]] wrote here.\n\n"
        "[[Ibn Khaldun]] was born in Tunis; [[Ibn Khaldun]] died in Cairo.\n",
    ],
)
def test_links_naming_one_thing_still_found(text):
    assert len(_variants(text, "t.wiki")) == 1, _variants(text, "t.wiki")


def test_links_to_two_places_of_one_word_told_apart():
    text = (
        "Title\n\nCities of Hubei: [[Jingmen]] and [[Yichang]].\n\n"
        "Cities of Guangdong: [[Jiangmen]], [[Foshan]]; [[Jiangmen]] is old.\n"
    )
    assert _variants(text, "t.wiki") == []


def test_a_variant_points_at_the_other_spelling_in_the_same_longer_name():
    text = (
        "Title\n\nThe role went to Anatoly Petrenko in 1970.\n\n"
        "The film starred Anatoli Sokolov; Anatoli Sokolov toured.\n\n"
        "Later Anatoli Petrenko retired.\n"
    )
    (message,) = _variants(text, "t.wiki")
    assert "\u201cAnatoly\u201d is spelled \u201cAnatoli\u201d on line 7" in message, message


@pytest.mark.parametrize(
    "text",
    [
        # a link whose label is no word of its title says nothing of the word's own entity
        "Title\n\nHe won at the [[2009 World Final|2009 Thessaloniki]] meeting.\n\n"
        "He ran at [[Thesaloniki]] in 2010.\n",
        "Title\n\nThe Dutch ceded [[Nagapattinam|Negapatnam]] to Britain.\n\n"
        "The Dutch lost the port of [[Negapatam]] in 1784.\n",
        '<p>He ran in the <a href="/wiki/2009_World_Final">2009 Kowalskiville</a> race.</p>\n'
        '<p>He ran in <a href="/wiki/Kowalskyville">Kowalskyville</a> too.</p>\n',
        # two one-word titles apart by a doubled letter: one name and its redirect
        "Title\n\nThe kingdom peaked under [[Massinissa]] in 200 BC.\n\n"
        "After Masinissa's death the realm split. Massinissa's line ruled on.\n\n"
        "A coin of King [[Masinissa]].\n",
    ],
)
def test_links_that_do_not_tell_two_things_apart(text):
    path = "t.html" if text.startswith("<") else "t.wiki"
    assert len(_variants(text, path)) == 1, _variants(text, path)


@pytest.mark.parametrize(
    "text",
    [
        # the near miss: a label that is a word of its title, linked to another one
        "Title\n\nHe won the [[Thessaloniki Final]] in 2009.\n\nHe ran at [[Thesaloniki]] in 2010.\n",
        # two one-word titles apart by another letter than a doubled one: two places
        "Title\n\nCities of Hubei: [[Jingmen]] and [[Yichang]].\n\n"
        "Cities of Guangdong: [[Jiangmen]], [[Foshan]]; Jiangmen is old.\n",
    ],
)
def test_links_to_two_titles_named_by_each_word_still_told_apart(text):
    assert _variants(text, "t.wiki") == []
