"""Markdown reader: regions, offsets into the original text, the masked view, front matter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import extract
from klint.packs import load_packs
from klint.sources import read_text


def md(text: str):
    return read_text(text, "a.md")


def regions(doc, *kinds):
    return [
        (r.kind, r.label, doc.text[r.start : r.end])
        for r in doc.regions
        if not kinds or r.kind in kinds
    ]


def test_blocks_and_labels():
    doc = md(
        "# The War\n\nIt began in **1988**, see [the map](http://example.org/map-1990).\n\n"
        "## Course\n\n- first item\n- second item\n\n> A quoted line.\n\n"
        "| Entity | Tanks | Guns |\n|---|--:|--:|\n| Armenia | 160 | 170 |\n| Azerbaijan | 280 | 330 |\n"
    )
    assert doc.format == "markdown"
    got = regions(doc, "title", "heading", "paragraph", "list_item", "quote")
    assert got == [
        ("title", None, "The War"),
        ("paragraph", None, "It began in **1988**, see [the map](http://example.org/map-1990)."),
        ("heading", "2", "Course"),
        ("list_item", None, "first item"),
        ("list_item", None, "second item"),
        ("quote", None, "A quoted line."),
    ]
    para = next(r for r in doc.regions if r.kind == "paragraph")
    assert " ".join(doc.view[para.start : para.end].split()) == "It began in 1988, see the map."
    assert regions(doc, "table_row") == [
        ("table_row", "header", "Entity | Tanks | Guns"),
        ("table_row", "Armenia", "Armenia | 160 | 170"),
        ("table_row", "Azerbaijan", "Azerbaijan | 280 | 330"),
    ]
    assert regions(doc, "table_cell")[:2] == [
        ("table_cell", "Tanks", "160"),
        ("table_cell", "Guns", "170"),
    ]
    heading = next(r for r in doc.regions if r.kind == "heading")
    assert all(doc.regions[r.section] is heading for r in doc.regions if r.start > heading.start)


def test_text_is_unchanged_and_view_has_the_same_length():
    text = "Intro with `code 1990` and <!-- 1977 --> text.\r\n\r\n```\r\nfenced 1991\r\n```\r\n"
    doc = md(text)
    assert doc.text == text and len(doc.view) == len(text)
    assert doc.view.count("\r\n") == doc.text.count("\r\n") == 5
    assert "1990" not in doc.view and "1977" not in doc.view and "1991" not in doc.view


def test_image_alt_text_and_caption_line_are_captions():
    doc = md(
        '![A tank memorial near Askeran.](tank.jpg "title")\n*A tank memorial near Askeran.*\n'
    )
    assert regions(doc) == [
        ("caption", None, "A tank memorial near Askeran."),
        ("caption", None, "A tank memorial near Askeran."),
    ]


def test_code_urls_and_comments_give_no_claims():
    text = (
        "# Dates\n\n"
        "The war began in February 1988 and 400 soldiers died.\n\n"
        "Inline `in March 1977 some 500 soldiers` code, a URL https://example.org/1979/600-dead and "
        "<https://example.org/April-1980> and [a link](https://example.org/May-1981/700) and "
        "<!-- in June 1982 800 soldiers died -->.\n\n"
        "```\nIn July 1983, 900 soldiers died.\n```\n\n"
        "    In August 1984, 1,000 soldiers died.\n\n"
        "<div>\nIn September 1985, 1,100 soldiers died.\n</div>\n"
    )
    doc = md(text)
    claims = extract(doc, load_packs())
    allowed = (text.index("February 1988"), text.index("400 soldiers") + 12)
    found = [*claims.dates, *claims.quantities]
    assert found, "the visible date and number must be found"
    for c in found:
        assert allowed[0] <= c.start and c.end <= allowed[1], (
            c.text if hasattr(c, "text") else c,
            c.start,
        )
    for word in ("1977", "1979", "1980", "1981", "1982", "1983", "1984", "1985"):
        assert word not in doc.view


def test_front_matter_infobox_fields_point_into_the_front_matter():
    text = (
        '---\r\ntitle: X\r\ninfobox:\r\n  date: "1988–1994"\r\n  commanders1:\r\n    - İsgandar Hamidov 🎉\r\n'
        "    - Suret Huseynov\r\n  strength1: 20,000\r\n  casualties2: 11,000 dead\r\n  image: x.jpg\r\n"
        "  caption: Guerrillas in trenches.\r\n---\r\n\r\nBody text.\r\n"
    )
    doc = md(text)
    assert doc.front_matter["infobox"]["strength1"] == "20,000"
    fields = regions(doc, "infobox_field", "caption")
    assert fields == [
        ("infobox_field", "Date", "1988–1994"),
        ("infobox_field", "Commanders 1", "İsgandar Hamidov 🎉"),
        ("infobox_field", "Commanders 1", "Suret Huseynov"),
        ("infobox_field", "Strength 1", "20,000"),
        ("infobox_field", "Casualties 2", "11,000 dead"),
        ("caption", None, "Guerrillas in trenches."),
    ]
    suret = next(r for r in doc.regions if doc.text[r.start : r.end] == "Suret Huseynov")
    assert doc.position(suret.start) == (7, 7)
    strength = next(r for r in doc.regions if r.label == "Strength 1")
    assert doc.position(strength.start) == (8, 14)
    assert "title: X" not in doc.view and "20,000" in doc.view
    assert regions(doc, "paragraph") == [("paragraph", None, "Body text.")]


@pytest.mark.parametrize(
    "front",
    [
        "---\ninfobox: [unclosed\n---\n",
        "---\n- a list\n---\n",
        "---\nkey: 'bad\n  : x\n---\n",
        "---\na: &x [*x]\n---\n",
        "---\n" + "[" * 500 + "\n---\n",
        "---\n\x07 control\n---\n",
    ],
)
def test_broken_front_matter_never_raises(front):
    doc = md(front + "\nBody with 1990.\n")
    assert doc.front_matter is None or isinstance(doc.front_matter, dict)
    if doc.front_matter is None:
        assert doc.front_matter_error and "front matter" in doc.front_matter_error
    assert regions(doc, "paragraph") == [("paragraph", None, "Body with 1990.")]


def test_broken_front_matter_names_the_line():
    doc = md("---\ntitle: ok\ninfobox:\n  date: [1990\n---\nBody.\n")
    assert doc.front_matter is None
    assert re.search(r"line [56]\b", doc.front_matter_error or "")


TOML = """+++
title = "The Garrison of 1810"
date = 2015-05-15
born = "2 May 1790"   # as Hugo and Zola write it
'died' = 1840
tags = ["1", "2"]

[infobox]
strength = "20,000 (1810)"
+++

# The garrison

Hale was born on 12 May 1790.
"""


def test_toml_front_matter_facts_and_infobox_table():
    doc = md(TOML)
    assert doc.front_matter_error is None
    assert doc.front_matter["born"] == "2 May 1790" and doc.front_matter["died"] == 1840
    # the generator's keys (title, date, tags) are not facts; quotes and comments are not values
    assert regions(doc, "infobox_field") == [
        ("infobox_field", "Born", "2 May 1790"),
        ("infobox_field", "Died", "1840"),
        ("infobox_field", "Strength", "20,000 (1810)"),
    ]
    assert regions(doc, "title", "paragraph") == [
        ("title", None, "The garrison"),
        ("paragraph", None, "Hale was born on 12 May 1790."),
    ]
    assert "Garrison of 1810" not in doc.view and "2015" not in doc.view


@pytest.mark.parametrize(
    "text",
    [
        '+++\ntitle = "x"\n\nborn = 1790\n',  # never closed: not front matter
        "Text first.\n\n+++\nborn = 1790\n+++\n",  # not at the top
    ],
)
def test_toml_front_matter_near_misses(text):
    doc = md(text)
    assert doc.front_matter is None and doc.front_matter_error is None
    assert not regions(doc, "infobox_field")


def test_broken_toml_front_matter_names_the_line():
    doc = md('+++\ntitle = "ok"\nborn = [1790\n+++\nBody.\n')
    assert doc.front_matter is None
    assert re.search(r"not valid TOML at line [34]\b", doc.front_matter_error or "")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_multibyte_and_line_endings_map_to_line_and_column(newline):
    lines = ["# İsgandar 🎉 Hamidov", "", "🎉🎉 In **1992**, İsgandar Hamidov led the 🎖️ offensive."]
    doc = md(newline.join(lines) + newline)
    para = next(r for r in doc.regions if r.kind == "paragraph")
    assert doc.position(para.start) == (3, 1)
    year = doc.view.index("1992")
    assert doc.position(year) == (3, lines[2].index("1992") + 1)
    name = doc.view.index("İsgandar Hamidov led")
    assert doc.position(name) == (3, lines[2].index("İsgandar Hamidov led") + 1)
    title = next(r for r in doc.regions if r.kind == "title")
    assert doc.text[title.start : title.end] == "İsgandar 🎉 Hamidov"


@pytest.mark.parametrize(
    "text",
    [
        "**unclosed *emphasis [link](",
        "[a]: <",
        "> " * 500 + "deep",
        "- " * 500 + "deep",
        "`" * 1000,
        "| a |\n|---|\n" + "| x |\n" * 50 + "| unclosed",
        "<div>" * 300,
        "![" * 300 + "x",
        "\\" * 99 + "*",
        "&#xFFFFFFF; &bogus; &#0;",
        "---\n",
        "---\n---\n",
        "\ufeff# BOM heading",
    ],
)
def test_malformed_input_never_raises(text):
    doc = md(text)
    assert len(doc.view) == len(doc.text)
    assert all(0 <= r.start < r.end <= len(text) for r in doc.regions)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\n\r*_`[]()!#>|-:<>&;\\\"'=İ🎉")), max_size=200))
def test_any_text_reads(text):
    doc = md(text)
    assert doc.text == text and len(doc.view) == len(text)
    for r in doc.regions:
        assert 0 <= r.start < r.end <= len(text)
    for a, b in zip(doc.text, doc.view):  # line endings are kept, and only they
        assert (a in "\r\n") == (b in "\r\n") and (a not in "\r\n" or a == b)


def test_html_comments_carry_inline_suppressions():
    import klint
    from klint.config import Config

    caption = "![A memorial fountain near Vaik, Armenia.](f.jpg)\n*A memorial fountain near Vaik, Armenia.*\n"
    config = Config(select=("KX306",))
    assert [d.code for d in klint.lint_text(caption, "a.md", config)] == ["KX306"]
    suppressed = (
        "![A memorial fountain near Vaik, Armenia.](f.jpg)\n<!-- klint: disable-next-line=KX306 -->\n"
        "*A memorial fountain near Vaik, Armenia.*\n"
    )
    assert klint.lint_text(suppressed, "a.md", config) == []


def test_format_can_be_forced():
    doc = read_text("# Title\n\nText with `code 1990`.\n", "notes.txt", "markdown")
    assert doc.format == "markdown" and "1990" not in doc.view


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\n\r\t*_`[]()!#|<>&;İ🎉")), max_size=200))
def test_compacted_view_maps_every_character_back(text):
    from klint.extract._compact import Compacted

    doc = md(text)
    compact = Compacted(doc)
    ctext = compact.doc.text
    offsets = [compact.outward(i) for i in range(len(ctext))]
    assert offsets == sorted(set(offsets)) and all(
        compact.inward(o) == i for i, o in enumerate(offsets)
    )
    assert "  " not in ctext and "\t" not in ctext
    assert sum(ctext.count(c) for c in "\r\n") == sum(doc.view.count(c) for c in "\r\n")
    for i, ch in enumerate(ctext):
        assert ch == doc.view[offsets[i]] or (ch == " " and doc.view[offsets[i]] in " \t")
    for r, c in zip(doc.regions, compact.doc.regions):
        assert compact.outward(c.start) >= r.start and (
            c.end == c.start or compact.outward(c.end, end=True) <= r.end
        )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab\n\r", max_size=24))
def test_line_starts_are_where_each_line_begins_then_the_end(text: str) -> None:
    """After "\n", "\r" or "\r\n" each line starts; the text's length closes the list."""
    from klint.sources.markdown import _line_starts

    want = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    if want[-1] != len(text):
        want.append(len(text))
    assert _line_starts(text) == want


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \t\n\r", max_size=16))
def test_compaction_closes_the_blank_runs_the_plain_rule_names(view: str) -> None:
    """Runs of two or more blanks, tabs, blanks at a line's start or end, or the text's ends."""
    from klint.extract._compact import _squeezed

    rule = re.compile(r"[ \t]{2,}|\t|(?<=[\r\n])[ \t]+|[ \t]+(?=[\r\n])|\A[ \t]+|[ \t]+\Z")
    assert _squeezed(view) == [m.span() for m in rule.finditer(view)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab \n", max_size=24))
def test_compaction_without_tabs_or_carriage_returns_closes_the_same_runs(view: str) -> None:
    """A view with no tab and no "\r" (its runs found by literal searches): the same runs."""
    from klint.extract._compact import _squeezed

    rule = re.compile(r"[ ]{2,}|(?<=\n)[ ]+|[ ]+(?=\n)|\A[ ]+|[ ]+\Z")
    assert _squeezed(view) == [m.span() for m in rule.finditer(view)]


def test_restore_moves_every_offset_field_of_every_claim_class():
    """Each claim has ``start``, ``end`` and every ``*_start`` and ``*_end`` moved onto the
    file (an end past its last character), in place, the other fields kept, an unset offset
    left unset."""
    import dataclasses
    from datetime import date

    from klint.claims import Acronym, Claims, DateClaim, Mention, QuantityClaim, Reference
    from klint.extract._compact import Compacted

    doc = md("In  **1990**,   the *Army*   lost   `x` 3,000 men.\n")
    compact = Compacted(doc)
    at = compact.doc.text.index("1990")
    span = {"start": at, "end": at + 4, "text": "1990"}
    claims = Claims(
        dates=[
            DateClaim(
                **span, earliest=date(1990, 1, 1), latest=date(1990, 12, 31), precision="year"
            )
        ],
        quantities=[
            QuantityClaim(
                **span, low=3000, high=3000, number_start=4, number_end=9, sentence_start=0
            ),
            QuantityClaim(**span, low=1, high=1, split=(4, 3), side=2),
        ],
        mentions=[Mention(**span, name="Army", key="army", words=("Army",))],
        acronyms=[
            Acronym(**span, acronym="AR", expansion="Army", expansion_start=12, expansion_end=16)
        ],
        references=[Reference(**span, ref_type="pointer", count=2, sentence_start=8)],
    )
    before = [dataclasses.replace(c) for c in claims.all()]
    restored = compact.restore(claims)
    assert restored is claims
    for old, new in zip(before, restored.all()):
        assert type(new) is type(old)
        for f in dataclasses.fields(old):
            value = getattr(old, f.name)
            if f.name in ("start", "end") or f.name.endswith(("_start", "_end")):
                is_end = f.name == "end" or f.name.endswith("_end")
                value = None if value is None else compact.outward(value, end=is_end)
            assert getattr(new, f.name) == value, f.name
    assert {doc.text[c.start : c.end] for c in restored.all()} == {"1990"}


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 1\n\t*_`[]()")), max_size=80),
    st.lists(st.tuples(st.integers(-2, 90), st.integers(-2, 90) | st.none()), max_size=12),
)
def test_restore_moves_each_offset_as_outward_does(text, spans):
    """Offsets in text order or not, in one segment or across gaps, past either end of the
    compact text, unset: each restored as :meth:`outward` maps it."""
    from klint.claims import Claims, QuantityClaim
    from klint.extract._compact import Compacted

    compact = Compacted(md(text))
    sweep = [(i, i + 1) for i in range(-2, compact.size + 3)]  # every segment's bounds in turn
    claims = [
        QuantityClaim(
            start=a,
            end=a if b is None else b,
            text="",
            low=1,
            high=1,
            number_start=b,
            number_end=b,
            sentence_start=a if b is None else a - 1,
            sentence_end=b,
        )
        for a, b in sweep + spans
    ]

    def moved(value: int | None, end: bool) -> int | None:
        return None if value is None else compact.outward(value, end=end)

    expected = [
        (
            moved(c.start, False),
            moved(c.end, True),
            moved(c.number_start, False),
            moved(c.number_end, True),
            moved(c.sentence_start, False),
            moved(c.sentence_end, True),
        )
        for c in claims
    ]
    compact.restore(Claims(quantities=claims))
    offsets = [
        (c.start, c.end, c.number_start, c.number_end, c.sentence_start, c.sentence_end)
        for c in claims
    ]
    assert offsets == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\n\r\t*_`[]()")), max_size=120))
def test_compacted_offsets_inward_are_the_kept_characters_before(text: str) -> None:
    """A file offset maps inward to the first kept character at or after it, a compact end
    outward one past its last character: inside a gap, at a line's end, at the text's ends."""
    import bisect

    from klint.extract._compact import Compacted

    doc = md(text)
    compact = Compacted(doc)
    kept = [compact.outward(i) for i in range(len(compact.doc.text))]
    for offset in range(len(doc.view) + 1):
        assert compact.inward(offset) == bisect.bisect_left(kept, offset), offset
    for i in range(1, len(kept) + 1):
        assert compact.outward(i, end=True) == kept[i - 1] + 1


GRID = """Before the table.

+------------+--------------------------------+-------+
| Fort       | style="text-align:right;"| Men | Guns  |
|            |                                | (all) |
+============+================================+=======+
| | North    | | 1,200                        | 14    |
+------------+--------------------------------+-------+
| South fort | 800 and 40 more who came       | _9_   |
|            | later                          |       |
+------------+--------------------------------+-------+
"""


def test_grid_table_rows_and_cells():
    doc = md(GRID)
    rows = [r for r in doc.regions if r.kind == "table_row"]
    assert [(r.label, " ".join(doc.view[r.start : r.end].split())) for r in rows] == [
        ("header", "Fort Men Guns (all)"),
        ("North", "North 1,200 14"),
        ("South fort", "South fort 800 and 40 more who came 9 later"),  # line by line
    ]
    # one-line cells only, labelled by the column's whole header; a wiki cell's attributes dropped
    assert regions(doc, "table_cell") == [
        ("table_cell", "Men", "1,200"),
        ("table_cell", "Guns (all)", "14"),
        ("table_cell", "Guns (all)", "9"),
    ]
    assert "+---" not in doc.view and "|" not in doc.view and "style" not in doc.view
    assert regions(doc, "paragraph") == [("paragraph", None, "Before the table.")]


@pytest.mark.parametrize(
    "text",
    [
        "+------+------+\nNot a row, just text under a rule.\n+------+------+\n",  # no bars
        "+------+------+\n| a    | b    |\n",  # no closing rule
        "Text first.\n+------+------+\n| a    | b    |\n+------+------+\n",  # a paragraph
        " +------+------+\n | a    | b    |\n +------+------+\n",  # indented: no rule line
    ],
)
def test_grid_table_near_misses_stay_paragraphs(text):
    doc = md(text)
    assert not regions(doc, "table", "table_row", "table_cell")
    assert regions(doc, "paragraph")
