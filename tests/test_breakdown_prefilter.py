"""The cheap test that spares most sentences the search for a whole and its parts.

``_may_hold_list`` passes over a sentence that cannot give a breakdown; each text here is
read with it and with every sentence let through, and both must find the same breakdowns
(and the same KN202 findings), whether the sentence is passed over or not.
"""

from __future__ import annotations

import itertools

import pytest

from klint.config import Config
from klint.engine import check_document
from klint.extract import extract
from klint.packs import load_packs
from klint.rules import Context
from klint.rules.numbers import _breakdown
from klint.rules.numbers._common import paragraphs
from klint.sources import read_text

TEXTS = [
    # a figure and its year in brackets: passed over
    "* 1,300 km navigable (2008)\n* gas, 2 km; crude oil 87 km (2008)\n",
    "The fleet counted 211 ships (2008).\n\nForeign owned: 1 (Spain) (2010).\n",
    "* Paved runways: 42 (2008)\n* Unpaved runways: 18 km (2010)\n",
    # counts with numbers in brackets as parts: read
    "The 120 seats were split between Labour (45) and the Conservatives (75).\n",
    "The council has 60 members: Labour (45) and Greens (20).\n",
    "Of the 90 seats, Labour won 50 (2019) and the Greens (40).\n",
    "The port handled 42 ships (2008) and 18 barges.\n",  # "(2008)" may be a part
    # three claims: read
    "The garrison counted 4,000 men in all: 2,500 Genoese, 1,200 Catalans and 600 militia.\n",
    "In the end 3,500 horses came from Tigray and 6,000 from Shewa, a total of 8,600.\n",
    "By type: cargo 1, passenger/cargo 2, petroleum tanker 2, roll on/roll off 1 (2008).\n",
]


def _read(text: str) -> Context:
    packs = load_packs(())
    doc = read_text(text, "a.wiki")
    return Context(doc=doc, claims=extract(doc, packs), packs=packs, config=Config(), sidecar=None)


def _found(ctx: Context) -> list[tuple[str, tuple[str, ...], bool, bool]]:
    return [
        (b.whole.text, tuple(p.text for p in b.parts), b.subset, b.complete)
        for b in _breakdown.breakdowns(ctx)
    ]


def _sentences(ctx: Context) -> list[list]:
    return [
        list(group)
        for para in paragraphs(ctx)
        for _, group in itertools.groupby(para, key=_breakdown._SENTENCE_START)
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_breakdowns_with_every_sentence_read(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    filtered = _found(_read(text))
    findings = [
        (d.code, d.message) for d in check_document(read_text(text, "a.wiki"), Config()).diagnostics
    ]
    with monkeypatch.context() as m:
        m.setattr(_breakdown, "_may_hold_list", lambda view, sentence: True)
        assert _found(_read(text)) == filtered
        every = check_document(read_text(text, "a.wiki"), Config()).diagnostics
        assert [(d.code, d.message) for d in every] == findings


def test_a_figure_and_its_year_in_brackets_is_passed_over() -> None:
    ctx = _read(TEXTS[0] + TEXTS[1] + TEXTS[2])
    sentences = _sentences(ctx)
    assert sentences  # each holds a figure, and "(" after it
    assert not any(_breakdown._may_hold_list(ctx.doc.view, s) for s in sentences)


@pytest.mark.parametrize("text", TEXTS[3:])
def test_a_sentence_that_may_hold_a_list_is_read(text: str) -> None:
    ctx = _read(text)
    assert any(_breakdown._may_hold_list(ctx.doc.view, s) for s in _sentences(ctx))


def test_parts_in_brackets_still_make_a_breakdown() -> None:
    ctx = _read(TEXTS[3])
    assert [(whole, parts) for whole, parts, *_ in _found(ctx)] == [("120 seats", ("45", "75"))]
