"""KX310 finds the names an acronym's letters spell by an index built one first letter at a
time; it must find what a reading of every name finds, for acronyms of one first letter and
of several."""

from __future__ import annotations

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.extract import extract
from klint.packs import load_packs
from klint.rules import Context
from klint.rules.xrefs import kx310_acronym_name_untied as kx310
from klint.sources import read_text

TEXT = (
    "The Regional Development Agency rebuilt the harbour, and the Rural Drainage Authority "
    "dug the ditches. Later the Royal Dockyard Administration, the Upper Valley Council "
    "and Robert Daniel Allen joined them.\n\n"
    "By 1990 the RDA had paved the quay and the UVC had met twice; the RXA never met.\n"
)


def _context(text: str) -> Context:
    packs = load_packs(())
    doc = read_text(text, "a.md")
    return Context(doc=doc, claims=extract(doc, packs), packs=packs, config=Config(), sidecar=None)


def _every_name(ctx: Context, acronym: str) -> list:
    return [
        m
        for m in ctx.claims.mentions
        if len(m.words) >= 3 and "".join(w[:1] for w in m.words) == acronym
    ]


@pytest.mark.parametrize("order", [("RDA", "UVC", "RXA", "RDB"), ("RXA", "UVC", "RDB", "RDA")])
def test_the_names_every_reading_finds(order: tuple[str, ...]) -> None:
    ctx = _context(TEXT)
    for acronym in order:  # asked in either order: one letter's index serves each of its acronyms
        assert kx310._spelling(ctx, acronym) == _every_name(ctx, acronym)
    spelled = [m.name for m in kx310._spelling(ctx, "RDA")]
    assert spelled == [
        "Regional Development Agency",
        "Rural Drainage Authority",
        "Royal Dockyard Administration",
        "Robert Daniel Allen",
    ]
    assert [m.name for m in kx310._spelling(ctx, "UVC")] == ["Upper Valley Council"]
    assert kx310._spelling(ctx, "RXA") == []  # its first letter's names spell other initials


def test_acronyms_of_two_first_letters_are_each_reported() -> None:
    found = [d for d in lint_text(TEXT, "a.md") if d.code == "KX310"]
    said = [d.message for d in found]
    assert len(found) == 2, said
    assert any("RDA" in m for m in said) and any("UVC" in m for m in said)
    # near miss: each tied to its name, nothing is reported
    tied = TEXT.replace("Agency rebuilt", "Agency (RDA) rebuilt").replace(
        "Valley Council", "Valley Council (UVC)"
    )
    assert [d for d in lint_text(tied, "a.md") if d.code == "KX310"] == []
