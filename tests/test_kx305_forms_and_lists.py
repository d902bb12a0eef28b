"""KX305: spellings the text gives as forms, lists beside each other, keeps in addresses,
file names or column labels, spells by another convention, or holds in a name of its own.
Each case is a pair: the text with the signal (nothing reported) and a near miss without it,
where the slip is still found."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def _variants(text: str, path: str) -> list[str]:
    config = Config(select=("KX305",))
    return [d.message for d in lint_text(text, path=path, config=config) if d.code == "KX305"]


_SHANXI = "\n\nShanxi has coal. Shanxi mines grew. Mines in Shanxi closed.\n"
_LOHRA = "\n\nThe Lohra smith iron. The Lohra live in villages. Many Lohra farm.\n"
_VIERK = "\n\nVierkoetter trained in Cologne. Vierkoetter swam in 1926. Vierkoetter won.\n"
_MOSCOU = "\n\nMoscou is on maps. Moscou grew. Old Moscou burned.\n"
_GREY = "\n\nMount Greylock is high. Greylock has a road. Greylock is in Massachusetts.\n"
_PARIS = (
    "\n\nThe Parisian dialect grew. A Parisian guild met. Parisian streets were paved. "
    "Parisian life. Parisian art. Parisian food. Parisian wine.\n"
)
_AEGEUS = "\n\nAegeus was a king. Aegeus had a son. Aegeus died at sea.\n"
_COPTIC = "\n\nKhairon is one form. Khairon was used. Khairon lasted.\n"
_DENMARK = "\n\nThe channel is seen in Denmark. Denmark has many channels. It moved to Denmark.\n"
_CENTRE = "\n\nThe Skoda Centre opened. The Skoda Centre grew. The Skoda Centre closed.\n"
_WHO = (
    "\n\nThe World Health Organization met. The World Health Organization spoke. "
    "The World Health Organization ruled.\n"
)
_AUSTER = (
    "\n\nGérard de Cortanze wrote on him. Gérard de Cortanze met him in 1995. "
    "Gérard de Cortanze, Paris.\n"
)
_CLARKE = "\n\nDavid Clarke stood for the BNP. David Clarke lost. David Clarke was a baker.\n"

PAIRS = [
    # neighbouring items of one list: two forms named side by side, whatever their counts
    (
        "Title\n\nPlants in the coal regions of Shanxi, Inner Mongolia and Shaanxi pollute it."
        + _SHANXI,
        "Title\n\nPlants in the coal regions of Inner Mongolia pollute what Shaanxi breathes."
        + _SHANXI,
        "t.txt",
    ),
    (
        "Title\n\nThe castes include the Kumhar, Lohar/Lohra and Mahli. A Lohar told us." + _LOHRA,
        "Title\n\nThe castes include the Kumhar and Mahli; a Lohar told us so." + _LOHRA,
        "t.md",
    ),
    (
        "Title\n\nThe race was won by Vierkotter, also Vierkoetter, in August 1927." + _VIERK,
        "Title\n\nThe race was won by Vierkotter in August 1927." + _VIERK,
        "t.md",
    ),
    (
        "Title\n\nThe name spread: German: Moskau; French: Moscou; and Spanish: Moscú." + _MOSCOU,
        "Title\n\nThe name spread to Spain, where Moscú is now its name." + _MOSCOU,
        "t.txt",
    ),
    # a form given as such by the words before it
    (
        "Title\n\nHawthorne simply called it Graylock in his journal." + _GREY,
        "Title\n\nHawthorne simply climbed Graylock in his journal." + _GREY,
        "t.md",
    ),
    (
        "Title\n\nThe town was later attested as Parision in the 5th century." + _PARIS,
        "Title\n\nThe town grew. In the 5th century, Parision merchants traded." + _PARIS,
        "t.txt",
    ),
    (
        "Title\n\nThe name is recorded as Parision in the 5th century." + _PARIS,
        "Title\n\nThe name of Parision was in the 5th century." + _PARIS,
        "t.txt",
    ),
    (
        "Title\n\nLatin authors referred the name ''Aegaeus'' to the king." + _AEGEUS,
        "Title\n\nLatin authors say ''Aegaeus'' was the king." + _AEGEUS,
        "t.wiki",
    ),
    # the romanisation in brackets after another script
    (
        "Title\n\nIts modern rendering (others being Ⲕⲁⲓⲣⲟⲛ [Kairon]) is folk etymology." + _COPTIC,
        "Title\n\nIts modern rendering (others being [Kairon]) is folk etymology." + _COPTIC,
        "t.txt",
    ),
    # a file's name or a web address
    (
        "{{Infobox TV channel\n| logofile = Kanal 5 logo Danmark.png\n}}\nTitle\n\nIt airs."
        + _DENMARK,
        "{{Infobox TV channel\n| area = Danmark\n}}\nTitle\n\nIt airs in Danmark today." + _DENMARK,
        "t.wiki",
    ),
    (
        "Title\n\nThe archive is at https://archive.org/details/maps?q=Danmark for readers."
        + _DENMARK,
        "Title\n\nThe archive is at Danmark for readers." + _DENMARK,
        "t.md",
    ),
    # one word spelt by two conventions; a slip of it is still a slip
    (
        "Title\n\nThe Skoda Center for Logic is in Vienna." + _CENTRE,
        "Title\n\nThe Skoda Cetnre for Logic is in Vienna." + _CENTRE,
        "t.md",
    ),
    (
        "Title\n\nThe World Health Organisation warned of plague." + _WHO,
        "Title\n\nThe World Health Organizaton warned of plague." + _WHO,
        "t.txt",
    ),
    # the first word of another name: the rest of the names shares no word
    (
        "Title\n\nSee Gerald Howard, Publishing Auster (1994)." + _AUSTER,
        "Title\n\nSee Gerald de Cortanze, Publishing Auster (1994)." + _AUSTER,
        "t.txt",
    ),
    (
        "Title\n\nThe fourth seat went to Davied Roberts of the Greens." + _CLARKE,
        "Title\n\nThe fourth seat went to Davied Edward Clarke of the BNP." + _CLARKE,
        "t.txt",
    ),
]


@pytest.mark.parametrize(("told_apart", "slip", "path"), PAIRS)
def test_told_apart_and_the_same_slip_found(told_apart, slip, path):
    assert _variants(told_apart, path) == []
    assert len(_variants(slip, path)) == 1, _variants(slip, path)


_COLUMNS = (
    "Title\n\nShanxi has coal. Shanxi mines grew. Mines in Shanxi closed.\n\n"
    '{{| class="wikitable"\n{cell}Region/Shaanxi\n|-\n| 1 || 2\n|}}\n'
)


def test_a_column_label_is_no_name_of_the_prose():
    assert _variants(_COLUMNS.format(cell="! "), "t.wiki") == []
    assert len(_variants(_COLUMNS.format(cell="| "), "t.wiki")) == 1
    # a row's header names a thing of the table: its slips are slips
    assert len(_variants(_COLUMNS.format(cell='! scope="row" | '), "t.wiki")) == 1


def test_a_column_label_in_html_is_no_name_of_the_prose():
    text = (
        "<p>Shanxi has coal. Shanxi mines grew. Mines in Shanxi closed.</p>\n"
        "<table><tr><{cell}>Region/Shaanxi</{cell}></tr></table>\n"
    )
    assert _variants(text.format(cell="th"), "t.html") == []
    assert len(_variants(text.format(cell="td"), "t.html")) == 1
    row = text.replace("<{cell}>", '<th scope="row">').replace("</{cell}>", "</th>")
    assert len(_variants(row, "t.html")) == 1


_BERTRAND = (
    "\n\nSaint-Bertrand lies south of the wall. Saint-Bertrand grew. A road ran to "
    "Saint-Bertrand.\n"
)


@pytest.mark.parametrize(
    ("saint", "slip"),
    [
        ("The abbey was founded by Saint Bertrand, Bishop of Le Mans.", None),
        ("Its church was given to St Bertrand by the king.", None),
        (None, "The road to Bertrand Castle met the Saint Bertrand Road there."),
    ],
)
def test_a_saint_spaced_and_the_place_named_after_him_hyphened(saint, slip):
    """A saint is written with a space, a place named after him with a hyphen; another
    hyphened compound written with a space is still reported."""
    if saint:
        assert _variants("Title\n\n" + saint + _BERTRAND, "t.md") == []
    if slip:
        text = "Title\n\nThe Grand-Bertrand lies south. Grand-Bertrand grew. Grand-Bertrand.\n"
        assert len(_variants(text + "The Grand Bertrand road ran there.\n", "t.md")) == 1


def test_a_country_before_also_is_no_adjective_before_a_noun():
    """ "Argentina also operated" is the country, not "Argentina" before a noun: the
    adjective ("Argentine Air Force") is told apart from it; a slip is still found."""
    body = (
        "Title\n\n{a} Air Force C-130s flew at night. Supplies went to the {a} garrison.\n\n"
        "Argentina also operated two tankers. Argentina bought more in 1990. "
        "In Argentina they flew on.\n"
    )
    assert _variants(body.format(a="Argentine"), "t.txt") == []
    assert len(_variants(body.format(a="Argentinia"), "t.txt")) >= 1


_SUGOD = (
    "\n\nSugod Bahay, Mga Kapatid! began in 2023. The hosts of Sugod Bahay visit homes. "
    "Sugod Bahay airs daily.\n"
)


@pytest.mark.parametrize(
    ("told_apart", "slip"),
    [
        (
            "The old segment was Juan for All: Sugod-Bahay sa Barangay, with prizes.",
            "The old segment was Juan for All: Sugod-Bahay, with prizes for the barangay.",
        ),
        (
            "Its theme was ang Sugod-Bahay ng bayan, sung by the hosts.",
            "Its theme was the Sugod-Bahay song, sung by the hosts.",
        ),
    ],
)
def test_a_hyphened_name_inside_a_phrase_of_another_language(told_apart, slip):
    assert _variants("Title\n\n" + told_apart + _SUGOD, "t.md") == []
    assert len(_variants("Title\n\n" + slip + _SUGOD, "t.md")) == 1


def test_a_name_ending_in_our_dropping_its_u_is_still_a_slip():
    """-our/-or is no convention the pack reads: names end so (Seymour, Balfour)."""
    text = (
        "Title\n\nJane Seymour married the king. Seymour died in 1537. Seymour was buried at "
        "Windsor.\n\nIn 1536 Jane Seymor moved to Greenwich.\n"
    )
    assert len(_variants(text, "t.txt")) == 1
