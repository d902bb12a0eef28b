"""The judged-findings ledger holds for opt-in rules that have reached the precision bar, run
with them enabled: no finding judged FALSE comes back, none judged TRUE is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import precision

pytestmark = pytest.mark.skipif(not precision.CORPUS.is_dir(), reason="no eval/corpus")

#: opt-in rules whose FALSE classes on the corpus are fixed, or listed below, checked as if
#: they were on by default
OPT_IN = (
    *("KD102", "KD104", "KD106", "KD114", "KN205", "KN211"),  # on by default until held-out set 5
    *("KD110", "KD111", "KD112", "KN209", "KX303", "KX305"),
)

#: findings judged FALSE that are still reported: classes not yet told apart (their reasons
#: are in the ledger); any other finding judged FALSE must not come back
STILL_FALSE = {
    # held-out set 9: judged before any change was made for it, its classes left open
    ("text/AACR_Awards.txt", "KX305", "4c0ab734a9900e7d"),  # two laureates, Cheng and Ching
    ("text/MaximaTelecom.txt", "KD104", "9831880fc2948178"),  # company news not in date order
    # held-out set 5: judged before any change was made for it, its classes left open
    ("text/Tokyo.txt", "KN209", "b453e8f7f6d97ce4"),
    ("text/Toronto.txt", "KN209", "32e474e264a9db77"),
    ("markdown/Fantastic_Beasts_The_Secrets_of_Dumbledore.md", "KX305", "8dd228b5059bcd97"),
    ("markdown/O_Sulloc_Tea.md", "KX305", "55a5d0fb5fbc1fb0"),
    ("markdown/Storm_Eunice.md", "KX305", "fff73da1ee39cef2"),
    ("markdown/Storm_Eunice.md", "KX305", "56a767dd9588af63"),
    ("text/Copenhagen.txt", "KX305", "927be0df82d4efab"),
    ("text/Lisbon.txt", "KX305", "3ebd6941c0724148"),
    ("text/Lisbon.txt", "KX305", "1feaf64c34f8f0e6"),
    ("text/Tokyo.txt", "KX305", "ae64bdc1f428b02e"),
    ("text/Houston.txt", "KD102", "882114421e550b8e"),
    ("markdown/2022_Hungarian_parliamentary_election.md", "KD104", "ab4b4ee292398c8b"),
    ("wikitext/Elizabeth_II.wiki", "KD104", "5e4bcba989cc8b05"),
    ("text/Boston.txt", "KD106", "c3e0edded96938c7"),
    ("text/Boston.txt", "KD114", "c72d2f55ac2b71b6"),
    ("markdown/2022_UEFA_Champions_League_final.md", "KN205", "8d804d47fa61230c"),
    ("markdown/October_2022_United_Kingdom_government_crisis.md", "KN205", "efbef1928f26c896"),
    (
        "text/Cairo.txt",
        "KX305",
        "e094411d9a7e3265",
    ),  # "Dar Al Fouad" hospital and King Fuad are different names
    (
        "text/Paris.txt",
        "KX305",
        "41a98b01632d415b",
    ),  # "Hôpital Européen Georges-Pompidou" keeps the hospital"s F
    (
        "markdown/Eureka_Rebellion.md",
        "KX305",
        "2fab84b79c490724",
    ),  # Ballaarat Old Cemetery is that cemetery's own historic name
    (
        "markdown/Francis_II_Holy_Roman_Emperor.md",
        "KX305",
        "8522e928e88e79bb",
    ),  # two people: Empress Maria Theresa and Maria Teresa of the Tw
    (
        "markdown/Indus_River.md",
        "KX305",
        "301cf475c15b9ff6",
    ),  # Kalash people/language vs Mount Kailash: different things
    (
        "text/1980_Summer_Olympics.txt",
        "KX305",
        "ba6d2568476da287",
    ),  # two venues: Dinamo Stadium in Minsk and Dynamo Shooting Rang
    (
        "text/Adam_Smith.txt",
        "KX305",
        "7715a8611f2c28be",
    ),  # "fellow Scot" is a demonym, not the surname Scott
    (
        "text/Adam_Smith.txt",
        "KX305",
        "8ae3a7c640763cfa",
    ),  # economist Hébert (Ekelund and Hebert) is not Herbert
    (
        "text/American_Airlines.txt",
        "KX305",
        "3da75590dd9d4dce",
    ),  # Luis Muñoz Marín and St. Louis are different names
    (
        "text/Aston_Villa_F_C.txt",
        "KX305",
        "22dc8a5171637182",
    ),  # the fanzine "Heroes and Villains" and the nickname "The Vill
    (
        "text/George_II_of_Great_Britain.txt",
        "KX305",
        "66abe21f1d76ab89",
    ),  # Lord Hervey and John Harvey Pinches are different people
    (
        "text/Marie_Curie.txt",
        "KX305",
        "e7b1a4a4923d0c35",
    ),  # a play's title (Manya) and Marie Curie's nickname (Mania)
    (
        "text/Marie_Curie.txt",
        "KX305",
        "7e1e864780e5224b",
    ),  # Polish case forms in Polish titles (Mazowsza is the genitive
    (
        "text/The_Irish_Times.txt",
        "KX305",
        "7e962aa1cb564ad3",
    ),  # "Inish Times" is a different title, not a misspelt Irish Tim
    (
        "text/Wembley_Stadium.txt",
        "KX305",
        "10d070e6348fee38",
    ),  # two stadiums: Sanford Stadium and Stanford Stadium
    (
        "wikitext/Apollo.wiki",
        "KX305",
        "c541d052892200cd",
    ),  # the epithet Ismenius and Ismenus, son of Amphion, are differ
    (
        "wikitext/IKEA.wiki",
        "KX305",
        "5000f7273a2b72cf",
    ),  # Operation Scandinavica is a name of its own
    (
        "wikitext/Kanal_5_Denmark.wiki",
        "KX305",
        "074820bc2cf3a96c",
    ),  # "TV Danmark 1", the channel's former name, is Danish
    # held-out set 6: judged before any change was made for it, its classes left open
    ("html/Microsoft.html", "KD104", "c8cf32e644c40ff9"),
    ("wikitext/Piedmont.wiki", "KN209", "f81a0246a39c9749"),
    ("wikitext/Asterales.wiki", "KN211", "93f63e876ca88694"),
    ("wikitext/Aegean_Sea.wiki", "KX305", "ef2db14e76df254e"),
    # held-out sets 7 and 8: judged before any change was made for them, their classes left open
    ("markdown/byzantine_civil_war_of_1341_1347.md", "KX305", "a87e23bd798a66b0"),
    ("markdown/homs.md", "KX305", "df822a6d12ed339e"),
    ("markdown/sirius.md", "KN209", "b1b623b72b7be2d4"),
    ("markdown/trappist-1.md", "KX305", "5446cb2047ebfd43"),
    ("markdown/ulysses_(poem).md", "KD110", "70970ad51fa3127e"),
    ("text/Aquaria_(video_game).txt", "KD110", "256237c9cb164764"),
    ("text/John_A._Macdonald.txt", "KD112", "50850a26c646671c"),
    ("text/John_A._Macdonald.txt", "KD112", "b96bdeb295b3fbc9"),
    ("text/John_A._Macdonald.txt", "KX305", "59a43d2f3295a617"),
    ("text/John_Calvin.txt", "KX305", "3b31e81e70571177"),
    ("text/Mike_Jackson.txt", "KX305", "37327b67e1bed55f"),
    ("text/Order_of_St._Patrick.txt", "KD110", "7f8f111b02a5c803"),
    ("text/SMS_K_nig_Albert.txt", "KD104", "ad22c37510815497"),
    ("text/Virginia_Eliza_Clemm_Poe.txt", "KD110", "d542f665fefc183f"),
    ("text/Wintjiya_Napaltjarri.txt", "KX305", "17903d101f84da7f"),
    ("wikitext/Adrian_Cole_(RAAF_officer).wiki", "KD104", "60be2eca008caf0f"),
    ("wikitext/Art_Houtteman.wiki", "KN209", "88986e31995087e9"),
    ("wikitext/Bart_King.wiki", "KN211", "1ff7791ddcfa2d93"),
    ("wikitext/Benjamin_Mountfort.wiki", "KN211", "94fa8643d2cd1af1"),
    ("wikitext/Clement_of_Dunblane.wiki", "KX305", "7715a8611f2c28be"),
    ("wikitext/El_Lissitzky.wiki", "KD110", "85ee740298d3b49d"),
    ("wikitext/Fightin'_Texas_Aggie_Band.wiki", "KN209", "6461b240dde6012c"),
    ("wikitext/Fightin'_Texas_Aggie_Band.wiki", "KN209", "f9b6192ac082e28f"),
}

#: findings judged TRUE that the rule no longer reports, each with why
STILL_LOST = {
    # "Isabelle" stands once for Isabella of France and once for a cited author, Isabelle
    # Janvrin: the author's surname tells the spelling apart from Isabella's names
    ("text/Hundred_Years_War.txt", "KX305", "26f79eb4cffb0092"),
    # "St Calais" once against 99 "St-Calais": a saint's name and the place named after him
    # are told apart by the hyphen, so a hyphen dropped from the place's name is read as the saint
    ("text/William_de_St-Calais.txt", "KX305", "b2d8a52be12729eb"),
    # "Prosopography of Anglo Saxon England", an external link's label in a list of links: lost
    # with this round's KX305 classes, the cause not yet traced
    ("wikitext/Ælfheah_of_Canterbury.wiki", "KX305", "ef1a7fb3c5965c34"),
}


@pytest.fixture(scope="module")
def judged() -> tuple[dict, set]:
    ledger = {k: e for k, e in precision.load_ledger().items() if e.code in OPT_IN}
    found = precision.lint_corpus(select=OPT_IN)
    seen = {precision.key_of(a, d) for a, diags in found.items() for d in diags}
    return ledger, seen


def test_no_false_finding_comes_back(judged):
    ledger, seen = judged
    back = sorted(
        f"{e.article}:{e.line} {e.code} {e.message} — {e.reason}"
        for k, e in ledger.items()
        if e.verdict == "FALSE" and k in seen and k not in STILL_FALSE
    )
    assert not back, "findings judged FALSE are reported again:\n" + "\n".join(back)


def test_no_true_finding_is_lost(judged):
    ledger, seen = judged
    lost = sorted(
        f"{e.article}:{e.line} {e.code} {e.message}"
        for k, e in ledger.items()
        if e.verdict == "TRUE" and k not in seen and k not in STILL_LOST
    )
    assert not lost, "findings judged TRUE are no longer reported:\n" + "\n".join(lost)


def test_the_listed_ones_are_still_as_listed(judged):
    """A class fixed or a finding re-judged is taken off its list."""
    ledger, seen = judged
    assert all(ledger[k].verdict == "FALSE" and k in seen for k in STILL_FALSE)
    assert all(ledger[k].verdict == "TRUE" and k not in seen for k in STILL_LOST)
