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
        "markdown/John_Harrison_Stonehouse.md",
        "KD112",
        "f04b7d83322261f2",
    ),  # "featured as a character in a novel" in 2001 is his legacy
    (
        "text/Beijing.txt",
        "KD112",
        "031ecf0697238e79",
    ),  # "the dynasty imploded in 1911": the dynasty is the subject
    (
        "text/Boston.txt",
        "KD110",
        "a337971a26ae8512",
    ),  # "the Boston Redevelopment Authority (BRA) established in 1
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
        "wikitext/Elizabeth_II.wiki",
        "KD110",
        "17759de5c7b65dcc",
    ),  # "his death in 2021" is Prince Philip"s, not hers
    (
        "wikitext/Elizabeth_II.wiki",
        "KD110",
        "8b48c1e1652fcfcd",
    ),  # "King Abdullah of Saudi Arabia died on 23 January 2015": h
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
        "1e5b4d29291f3567",
    ),  # "Danmark" is in a logo's file name
    # held-out set 6: judged before any change was made for it, its classes left open
    ("html/Microsoft.html", "KD104", "c8cf32e644c40ff9"),
    ("wikitext/Piedmont.wiki", "KN209", "f81a0246a39c9749"),
    ("wikitext/Asterales.wiki", "KN211", "93f63e876ca88694"),
    ("wikitext/Aegean_Sea.wiki", "KX305", "ef2db14e76df254e"),
}

#: findings judged TRUE that the rule no longer reports, each with why
STILL_LOST = {
    # "Isabelle" stands once for Isabella of France and once for a cited author, Isabelle
    # Janvrin: the author's surname tells the spelling apart from Isabella's names
    ("text/Hundred_Years_War.txt", "KX305", "26f79eb4cffb0092"),
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
