"""KX302: acronyms the markup or the words around explain, or that stand in no prose, beside
the same acronym left unexplained in a sentence, which is still reported."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text


def _undefined(text: str, path: str) -> list[str]:
    config = Config(select=("KX302",))
    diags = lint_text(text, path=path, config=config)
    return [d.message for d in diags if d.code == "KX302"]


PAIRS = [
    # a link to an article titled by the acronym: the thing is known by it
    (
        "Title\n\nThe final was hosted by [[WHC]] clubs in 1990.\n",
        "Title\n\nThe final was hosted by WHC clubs in 1990.\n",
        "t.wiki",
    ),
    (
        '<p>The final was hosted by <a href="/wiki/WHC_Hockey">WHC</a> clubs.</p>\n',
        "<p>The final was hosted by WHC clubs in 1990.</p>\n",
        "t.html",
    ),
    # only in citations
    (
        "Title\n\nThe quay was paved in 2004.[1]\n\n"
        "^ Brown, Tom (2009). The Quay. London: HPC. ISBN 978-0-19-925101-9.\n",
        "Title\n\nThe quay was paved in 2004 by the HPC.\n",
        "t.txt",
    ),
    (
        "# Title\n\nThe quay was paved in 2004.\n\n[12] Brown, Tom. The Quay. London: HPC, 2009.\n",
        "# Title\n\nThe quay was paved in 2004 by the HPC.\n",
        "t.md",
    ),
    # only in a list of names or a table, never in a sentence
    (
        "Title\n\nThe members were:\n\nHarbour Board\nTSK\nPort Guild\n",
        "Title\n\nThe members were the Harbour Board and the TSK, with the Port Guild.\n",
        "t.txt",
    ),
    (
        'Title\n\n{| class="wikitable"\n! Party !! Seats\n|-\n| DKP || 4\n|}\n',
        "Title\n\nThe DKP won four seats in the election of 1990.\n",
        "t.wiki",
    ),
    # given as the code of the name before it, or with its words after it
    (
        "Title\n\nFlights leave from Tuscaloosa Regional Airport (TCL) daily.\n",
        "Title\n\nFlights leave from TCL daily.\n",
        "t.txt",
    ),
    (
        "Title\n\nThe Bureau of Weights and Measures (BWPM, France) keeps the standard.\n",
        "Title\n\nThe Bureau keeps the standard, as the BWPM says.\n",
        "t.txt",
    ),
    (
        "Title\n\nMost use an IDE (integrated development environment) to write code.\n",
        "Title\n\nMost use an IDE to write code.\n",
        "t.txt",
    ),
    (
        "Title\n\nIn the table key, GD = goal difference and Pts = points.\n",
        "Title\n\nThe club had the best GD in the league.\n",
        "t.txt",
    ),
    # part of a longer name
    (
        "Title\n\nThe land is managed by the DKB Foundation.\n",
        "Title\n\nThe land is managed by the DKB.\n",
        "t.txt",
    ),
    # a placeholder
    (
        "Title\n\nThe plates use the format XL·NNNNN, with a red letter.\n",
        "Title\n\nThe plates use the format of the NPRC, with a red letter.\n",
        "t.txt",
    ),
]


@pytest.mark.parametrize(("explained", "unexplained", "path"), PAIRS)
def test_explained_or_not_prose_and_the_same_acronym_in_prose(explained, unexplained, path):
    assert _undefined(explained, path) == []
    assert len(_undefined(unexplained, path)) == 1, _undefined(unexplained, path)


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Title\n\nThe final was hosted by [[Western Hockey Congress|WHC]] clubs.\n", "t.wiki"),
        (
            '<p>The final was hosted by <a href="/wiki/Western_Hockey_Congress">WHC</a> '
            "clubs.</p>\n",
            "t.html",
        ),
    ],
)
def test_a_link_to_the_full_name_still_leaves_the_text_to_expand_it(text, path):
    assert len(_undefined(text, path)) == 1


def test_a_full_name_shortly_before_is_kx310_not_kx302():
    text = "Title\n\nThe Northern Harbour Company rebuilt the quays. The NHC kept the lease.\n"
    config = Config(select=("KX302", "KX310"))
    codes = [d.code for d in lint_text(text, path="t.txt", config=config)]
    assert codes == ["KX310"]
