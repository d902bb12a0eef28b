"""Random and adversarial text through every reader, the extractor and every rule.

Allowed outcomes: a Document whose regions stay inside the text, and
diagnostics — never an exception, never KI001 (a rule crashed). Readers that
have not landed yet are skipped. The strategies mix article-like fragments
(dates, ranges, numbers with separators, acronyms, infobox labels, headings,
Markdown/wikitext/HTML markup) with arbitrary Unicode.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from klint.config import Config
from klint.engine import lint_text
from klint.sources import SourceError, read_text

from ._fuzz import available_formats, internal_errors, scaled

FORMATS = available_formats()
EXTENSIONS = {"text": "a.txt", "markdown": "a.md", "wikitext": "a.wiki", "html": "a.html"}
ALL = Config(select=("ALL",))

FRAGMENTS = [
    "1988",
    "1994",
    "12 May 1990",
    "May 12, 1990",
    "1990–1994",
    "1990-94",
    "c. 1500",
    "1990s",
    "AD 5",
    "5 BC",
    "in the spring of 1992",
    "3,000",
    "12,000-strong",
    "1.5 million",
    "30%",
    "$4 billion",
    "about 3,000",
    "over 1,000",
    "killed",
    "wounded",
    "casualties",
    "total of",
    "between 20 and 30",
    "North Atlantic Treaty Organization (NATO)",
    "NATO",
    "(UN)",
    "see above",
    "see Section 3",
    "as mentioned earlier",
    "Figure 2",
    "Table 1",
    "Date",
    "Location",
    "Result",
    "Strength",
    "Casualties and losses",
    "Commanders and leaders",
    "İsgandar",
    "Ağdam",
    "Nagorno-Karabakh",
    "== Heading ==",
    "# Heading",
    "- item",
    "> quote",
    "* item",
    "| a | b |",
    "|---|---|",
    "{{Infobox",
    "}}",
    "[[Link|text]]",
    "<ref>",
    "</ref>",
    "<table><tr><td>1</td></tr></table>",
    "<p>",
    "</p>",
    "<!-- klint: disable=KN201 -->",
    "<!-- klint: disable-next-line -->",
    "[klint: enable]",
    "<!--",
    "-->",
    "\u200f",
    "\u0301",
    "\ufeff",
    "\x00",
    "—",
    "–",
    "-",
    ",",
    ".",
    ";",
    "(",
    ")",
    '"',
    "'",
    "\t",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "0",
    "9",
    "00",
    "1,0",
    ",,,",
    "...",
    "1st",
    "2nd",
    "twenty",
    "hundred",
    "thousand",
    "first",
    "last",
    "born",
    "died",
    "aged 45",
    "the war",
    "The War",
]
ARTICLE = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=80).map(" ".join)
NOISE = st.text(max_size=400)
TEXTS = ARTICLE | NOISE | st.lists(ARTICLE, max_size=6).map("\n\n".join)


def _check_document(text: str, fmt: str) -> None:
    try:
        doc = read_text(text, EXTENSIONS[fmt], fmt)
    except SourceError:
        return  # a clean, explained refusal
    assert doc.text == text
    for r in doc.regions:
        assert 0 <= r.start <= r.end <= len(text), r
        assert 0 <= r.section < max(1, len(doc.regions))


@pytest.mark.parametrize("fmt", FORMATS)
@scaled(80)
@given(text=TEXTS)
@example(text="")
@example(text="\r\n\r")
@example(text="Title\n\nTitle\nDate 1990\nStrength\n1,000 2,000\nCasualties and losses\n")
def test_reader_regions_stay_inside_the_text(fmt: str, text: str) -> None:
    _check_document(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@scaled(80)
@given(text=TEXTS)
@example(text="The war began in 1988 and ended in 1994 after 3,000 deaths; 1,000 + 2,500 = 3,000.")
@example(
    text="Battle\n\nBattle\nDate 1990–1988\nLocation X\nStrength\n10 20\nCasualties and losses\n5\n6\n"
)
@example(text="NATO (North Atlantic Treaty Organization) NATO NATO (NATO) ()")
def test_every_rule_on_random_text(fmt: str, text: str) -> None:
    diagnostics = lint_text(text, EXTENSIONS[fmt], ALL, fmt)
    assert not internal_errors(diagnostics)
    for d in diagnostics:
        assert 1 <= d.line and 1 <= d.column, d
        assert 0 <= d.start <= len(text) and d.start <= max(d.end, d.start)


@scaled(40)
@given(
    seed_slice=st.tuples(st.integers(0, 64_000), st.integers(200, 6_000)), junk=st.text(max_size=30)
)
def test_every_rule_on_cut_and_spliced_seed(
    seed_text: str, seed_slice: tuple[int, int], junk: str
) -> None:
    """Pieces of a real article, cut at arbitrary offsets and spliced with junk."""
    start, length = seed_slice
    piece = seed_text[start : start + length]
    cut = len(piece) // 2
    text = piece[:cut] + junk + piece[cut:]
    assert not internal_errors(lint_text(text, "a.txt", ALL, "text"))


def test_every_rule_on_the_whole_seed_with_line_endings_changed(seed_text: str) -> None:
    for ending in ("\r\n", "\r"):
        text = seed_text.replace("\n", ending)
        assert not internal_errors(lint_text(text, "a.txt", ALL, "text"))
