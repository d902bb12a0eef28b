"""Wikitext read ahead of the parser: tables line by line, plain lines directly.

``_wikiscan.read_ahead`` finds a table's rows and cells, and the lines of plain prose,
without mwparserfromhell's tree; the wikitext reader then shows them as it would have
shown the parser's nodes. Each test reads real markup and checks the cells and lines,
their text at their offsets, and that the Document (regions and masked view) is the one
the parser alone gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.document import Document
from klint.sources import _wikiscan, _wikitree, read_text
from klint.sources import wikitext as wikitext_reader

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus" / "wikitext"


def tables(text: str) -> list[_wikiscan.Table]:
    return _wikiscan.read_ahead(text).tables


def cells(text: str) -> list[list[tuple[str, str]]]:
    """Each table row's items as (tag, contents) — the one table in ``text``."""
    (table,) = tables(text)
    assert text[table.start : table.start + 2] == "{|"
    assert text[table.end - 2 : table.end] == "|}"
    return [[(item.tag, text[item.start : item.end]) for item in row] for row in table.rows]


def by_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The Document's regions and view when the parser reads everything."""
    with monkeypatch.context() as m:
        m.setattr(_wikiscan, "read_ahead", lambda *args: _wikiscan.Layout([], []))
        doc = read_text(text, "a.wiki")
    return doc.regions, doc.masked


def read_both(text: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    doc = read_text(text, "a.wiki")
    assert (doc.regions, doc.masked) == by_parser(text, monkeypatch)
    return doc


def table_regions(doc: Document) -> list[tuple[str, str | None, str]]:
    return [
        (r.kind, r.label, " ".join(doc.view[r.start : r.end].split()))
        for r in doc.regions
        if r.kind in ("table_row", "table_cell", "caption")
    ]


RESULTS = """Scotland and Wales have played each other since 1883.

{| class="wikitable sortable"
|+ Results since 2015
|-
! rowspan="2" | No.
!width="125"| Date !! Venue
|-
! 122
|25 February 2017
|[[Murrayfield Stadium|Murrayfield]], [[Edinburgh]]
|-
! 121
| colspan=2 align="center" | 13 February 2016 || ''[[Millennium Stadium]]''
|}
After the table.
"""


def test_rows_cells_headers_and_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cells(RESULTS) == [
        [("td", "+ Results since 2015\n")],
        [("th", " No.\n"), ("th", " Date "), ("th", " Venue\n")],
        [
            ("th", " 122\n"),
            ("td", "25 February 2017\n"),
            ("td", "[[Murrayfield Stadium|Murrayfield]], [[Edinburgh]]\n"),
        ],
        [("th", " 121\n"), ("td", " 13 February 2016 "), ("td", " ''[[Millennium Stadium]]''\n")],
    ]
    doc = read_both(RESULTS, monkeypatch)
    assert table_regions(doc) == [
        ("table_row", "+ Results since 2015", "+ Results since 2015"),  # as the parser reads |+
        ("table_row", "header", "No. Date Venue"),
        ("table_row", "122", "122 25 February 2017 Murrayfield, Edinburgh"),
        ("table_cell", "Date", "25 February 2017"),
        ("table_cell", "Venue", "Murrayfield, Edinburgh"),
        ("table_row", "121", "121 13 February 2016 Millennium Stadium"),
        ("table_cell", "Date", "13 February 2016"),
        ("table_cell", "Venue", "Millennium Stadium"),
    ]
    (table,) = [r for r in doc.regions if r.kind == "table"]
    assert doc.text[table.start : table.end].startswith("{|")
    assert doc.text[table.end :].startswith("\nAfter the table.")


PLAIN_CELLS = """{| class="wikitable"
! Actor !! Role !! Years
|-
| Ann Lee || Eva "Evi" Wagner = lead || 2001–2006
|-
| Bo Ray ||| Carl || 1999
|-
| style="color:red" | Cy Dee || ||
|-
! Dot ! Eve || Fay !! 2002 ! 3
|-
| a & b || c:d || e|f
|-
| x  ||  ''y'' || [[z]]
|}
"""


def test_plain_cells_and_those_that_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell of text alone is read as the cell's pattern reads it; one with attributes
    (a lone "|"), a "!" in a header cell, an "&", a colon or markup is read by the pattern."""
    rows = cells(PLAIN_CELLS)
    assert rows[1] == [
        ("td", " Ann Lee "),
        ("td", ' Eva "Evi" Wagner = lead '),
        ("td", " 2001–2006\n"),
    ]
    assert rows[2] == [("td", " Bo Ray "), ("td", " Carl "), ("td", " 1999\n")]  # "|" after "||"
    assert rows[3] == [("td", " Cy Dee "), ("td", " "), ("td", "\n")]
    assert rows[4] == [("th", " Dot ! Eve "), ("th", " Fay "), ("th", " 2002 ! 3\n")]
    assert rows[5] == [("td", " a & b "), ("td", " c:d "), ("td", "f\n")]  # "e|": attributes
    assert rows[6] == [("td", " x  "), ("td", "  ''y'' "), ("td", " [[z]]\n")]
    plain = [[item.plain for item in row] for row in tables(PLAIN_CELLS)[0].rows]
    assert plain[1:5] == [[True] * 3] * 4
    assert plain[5:] == [[False, False, True], [True, False, False]]
    read_both(PLAIN_CELLS, monkeypatch)


def test_each_item_has_every_field() -> None:
    """The scan sets an item's fields one by one: each is set, on a cell that ends its line
    and one that does not."""
    import dataclasses

    items = [item for row in tables(PLAIN_CELLS)[0].rows for item in row]
    assert len(items) == 21
    names = [f.name for f in dataclasses.fields(_wikiscan.Item)]
    assert all(hasattr(item, name) for item in items for name in names)


TEMPLATES = """{| class="wikitable"
! Year !! Distance !! Notes
|-
| {{sort|1988|1988}} || {{convert|25|km|mi}} || {{small|[[Stepanakert]] a}}<ref>A source.</ref>
|-
| 1990 || 4 km || Multi-line
note with a [[link|Link]]
and {{nowrap|two lines}}
|}
"""


def test_templates_and_multiline_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = cells(TEMPLATES)
    assert rows[1][2] == ("td", " {{small|[[Stepanakert]] a}}<ref>A source.</ref>\n")
    assert rows[2][2] == (
        "td",
        " Multi-line\nnote with a [[link|Link]]\nand {{nowrap|two lines}}\n",
    )
    doc = read_both(TEMPLATES, monkeypatch)
    assert table_regions(doc) == [
        ("table_row", "header", "Year Distance Notes"),
        ("table_row", "1988", "1988 25 kilometres Stepanakert a"),
        ("table_cell", "Distance", "25 kilometres"),
        ("table_cell", "Notes", "Stepanakert a"),
        ("table_row", "1990", "1990 4 km Multi-line note with a Link and two lines"),
        ("table_cell", "Distance", "4 km"),
        ("table_cell", "Notes", "Multi-line note with a Link and two lines"),
    ]


NESTED = """{{Collapse top|Squads}}
{| class="wikitable"
! Team !! Players
|-
| Wales ||
{| class="wikitable"
| Jones || 24
|}
|}
{{Collapse bottom}}
{{center|
{| class="wikitable"
| Inside a template
|}
}}
"""


def test_a_nested_table_is_its_cells_content_and_one_in_a_template_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = tables(NESTED)
    assert [NESTED[t.start : t.end].split("\n")[1] for t in found] == [
        "! Team !! Players",
        "| Inside a template",
    ]
    inner = found[0].rows[1][1]
    assert NESTED[inner.start : inner.end].startswith("\n{|")
    doc = read_both(NESTED, monkeypatch)
    assert table_regions(doc) == [
        ("table_row", "header", "Team Players"),
        ("table_row", "Wales", "Wales"),  # the cell holding the inner table shows no text
        ("table_row", "Jones", "Jones 24"),
        ("table_cell", "", "24"),
        ("table_row", "Inside a template", "Inside a template"),
    ]


@pytest.mark.parametrize(
    "markup",
    [
        "{|\n| a <span>x || y</span>\n|}\n",  # a separator inside a tag
        "{|\n| ''a || b''\n|}\n",  # inside an italic run
        "{|\n| [[a|b]] c | d\n|}\n",  # a link where the attributes would be
        "{|\n  | a\n|}\n",  # a mark after spaces
        "{|\n| {{a\n|}\n",  # a template still open at the end
        "{|\n| {{a|''b}}''\n|}\n",  # an italic run opened in a template reads on past it
        "{|\n{{t<!---->-->\n|}}\n|}\n",  # a comment ends at its first -->: no template
        "{|\n* a\n|-\n| b\n|}\n",  # a list item between rows
        "{|\n| a\n|-\n=b=\n| c\n|}\n",  # a heading between rows
        "{|\n| a\n|-\n----\n| c\n|}\n",  # a rule between rows
        "{|\n! a ||\n!!\n|}\n",  # "!!" at a line's start: both may be the mark
        "{|\n! a news:x!! b\n|}\n",  # a bare URL of any scheme takes in a separator
        "{|\n| '''a\n'''| b\n|}\n",  # a bold run over lines: then a "|" may end the cell's style
    ],
)
def test_unsure_tables_are_left_to_the_parser(markup: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tables(markup) == []
    read_both("Text.\n" + markup + "More text.\n", monkeypatch)


def test_what_follows_a_table_left_to_the_parser_is_left_too() -> None:
    text = "{|\n| ''a || b''\n|}\n{|\n| c\n|}\nA [[plain]] line.\n"
    assert _wikiscan.read_ahead(text) == _wikiscan.Layout([], [])
    after = _wikiscan.read_ahead(text.split("|}\n", 1)[1])
    assert (len(after.tables), len(after.lines)) == (1, 1)


def test_the_parser_reads_a_stub_where_each_table_stands() -> None:
    layout = _wikiscan.read_ahead(RESULTS)
    stub = _wikiscan.stub(RESULTS, layout)
    assert len(stub) == len(RESULTS)
    assert stub.splitlines()[2] == "{|" + " " * (len(RESULTS.splitlines()[2]) - 2)
    assert [i for i, c in enumerate(stub) if c == "\n"] == [
        i for i, c in enumerate(RESULTS) if c == "\n"
    ]
    assert stub[layout.tables[0].end - 2 : layout.tables[0].end] == "|}"
    assert stub.splitlines()[0].strip() == ""  # the plain line before the table


FILMOGRAPHY = """==Partial filmography==
{{div col|colwidth=25em}}
*''[[The Gold Lust]]'' (1911)
*''[[Back to Life (1913 film)|Back to Life]]'' (1913)<ref name="afi"/>
{{div col end}}
He died in Los Angeles at the age of ninety-six.<ref>A source.</ref><br>
'''Allan Dwan''' (3 April 1885 – 28 December 1981) was a [[film director|director]].
* A [[File:x.jpg|thumb|picture]] is not a plain line.
"""


def test_plain_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    text = wikitext_reader._quiet_tags(FILMOGRAPHY)  # as the reader scans it
    lines = [line for line in _wikiscan.read_ahead(text).lines if line.kind == "plain"]
    assert [text[line.start : line.body] for line in lines] == ["", "*", "*", "", "", ""]
    assert [text[line.body : line.end] for line in lines] == [
        "{{div col|colwidth=25em}}",
        "''[[The Gold Lust]]'' (1911)",
        "''[[Back to Life (1913 film)|Back to Life]]'' (1913)<ref name=\"afi\"/>",
        "{{div col end}}",
        "He died in Los Angeles at the age of ninety-six.<ref>         </ref><br>",
        "'''Allan Dwan''' (3 April 1885 – 28 December 1981) was a [[film director|director]].",
    ]
    doc = read_both(FILMOGRAPHY, monkeypatch)
    view = doc.view.splitlines()
    assert view[3].split() == ["Back", "to", "Life", "(1913)"]
    assert view[6].split() == "Allan Dwan (3 April 1885 – 28 December 1981) was a director.".split()


@pytest.mark.parametrize(
    "markup",
    [
        "{{Infobox person\n| name = A [[plain]] value\n}}\n",  # inside a template
        "<div>\nA [[plain]] line.\n</div>\n",  # inside a tag
    ],
)
def test_lines_that_are_not_plain(markup: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _wikiscan.read_ahead(markup).lines == []
    read_both(markup, monkeypatch)


def _left_open(line: str) -> bool:
    """A plain line read ahead though its quotes do not pair up (see below)."""
    m = _wikiscan._PLAIN_LINE_RE.match(line)
    return bool(m) and not _wikiscan._paired(line) and _wikiscan._shown_quotes(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "An ''open italic run.",
        "Known as ''Sikuliarsiujuittuq to the [[Inuit]].",
        "They decay into their reactants.'''",  # a bold run left open
        "Either ''[[a|b]]'' or '''c and d.",  # a pair, then a bold run left open
        "'''''Both''' left open.",  # five quotes, bold closed
        # quotes in a link's label or a tag pair up there, on their own
        "Known as ''Sikuliarsiujuittuq to the [[Inuit|''Inuit'']].",
        "e.g., [[hexane|''n''-hexane]], or '''linear''' or '''''n''-paraffins'''.",
        "An '''open bold run and <small>''small print''</small> inside.",
        "[[Alpha|'''Alpha''']] and ''Beta left open, [[Gamma|''Gamma'']].",
    ],
)
def test_a_run_left_open_closes_at_the_lines_end(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MediaWiki closes every bold and italic run at the end of its line; the parser reads it
    # on to the next quotes in the article, past headings and paragraphs. The line is read
    # ahead, its quotes all markup, and the text after it read as the parser reads it alone
    after = "\n== Section ==\nA [[plain]] line with ''it'' and '''b'''.\n{{x|''y''}} z.\n"
    text = line + after
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert text[lines[0].body : lines[0].end] == line
    doc = read_text(text, "a.wiki")
    assert "''" not in doc.view
    assert [r.kind for r in doc.regions] == ["paragraph", "heading", "paragraph"]
    after_alone = read_text(after[1:], "a.wiki")
    assert doc.masked[len(line) + 1 :] == after_alone.masked


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("''Battle'''s stories were violent.", "Battle's stories were violent."),
        ("The ''[[The Brady Bunch|Brady Bunch Kids]]''' song.", "The Brady Bunch Kids' song."),
        ("On ''Nimrod'''s deck, the crew slept.", "On Nimrod's deck, the crew slept."),
        ("* ''Spy'''s editor, a '''long''' piece", "Spy's editor, a long piece"),  # list item
        # a bold run after a one-letter word is MediaWiki's first choice, then a longer word
        ("''Nimrod'''s crew, a'''b''' c", "Nimrods crew, a'b c"),
    ],
)
def test_three_quotes_that_meet_an_odd_italic_run_are_an_apostrophe_and_its_close(
    line: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an odd number of bold runs and of italic ones: MediaWiki reads one bold run as an
    # apostrophe and an italic one; the parser would open a bold run and read on past the line
    text = line + "\n== Section ==\nA [[plain]] line with ''it''.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert text[lines[0].body : lines[0].end] == line.lstrip("*")
    doc = read_text(text, "a.wiki")
    assert " ".join(doc.view.splitlines()[0].split()) == shown
    assert doc.masked[len(line) + 1 :] == read_text(text[len(line) + 1 :], "a.wiki").masked


@pytest.mark.parametrize(
    "line",
    [
        "''Battle''s stories were violent.",  # the runs pair up: no apostrophe
        "''Iliad'''s death, a '''bold word.",  # one italic, two bold: none either
    ],
)
def test_runs_that_pair_up_or_whose_counts_are_not_both_odd_show_no_quote(line: str) -> None:
    doc = read_text(line + "\nNext.\n", "a.wiki")
    assert "'" not in doc.view.splitlines()[0]


@pytest.mark.parametrize(
    "line",
    [
        "Four '''' quotes show one.",
        "A label [[a|''b]] left open inside a link.",
        "''R<sub>i''</sub> and more.",  # opens outside a tag, closes inside
        "A label [[a|''b'']] and ''[[c|d'']] e.",  # a pair in one label, a run closed in another
        # quotes in a label beside runs that call for an apostrophe (MediaWiki may choose
        # among the label's)
        "''Battle'''s stories, [[a|''b'']] told.",
        "Her ''[[Nimrod|'''N''']]'''s deck.",
    ],
)
def test_a_run_left_open_that_may_show_a_quote_is_left_to_the_parser(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = line + "\nA [[plain]] line with ''it''.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert all(line.start > 0 for line in lines)
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "citation",
    [
        "<ref>\n{{cite web\n |year=2008\n |title=Missing Higgs\n}}</ref>",
        '<ref name="bbc">\n  Smith, J. (2010).\n  The collider.\n</ref>',
        "<ref>{{cite news\n|title=A\n\n|date=2010}}</ref>",  # a blank line in it
    ],
)
def test_a_sentence_with_a_citation_over_several_lines_is_one_plain_line(
    citation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\nThe LHC was built by [[CERN]].{citation} It cost 10 billion.\nOutro.\n"
    layout = _wikiscan.read_ahead(wikitext_reader._quiet_tags(text))
    lines = [text[line.body : line.end] for line in layout.lines]
    assert lines[1] == f"The LHC was built by [[CERN]].{citation} It cost 10 billion."
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (
            r"The naturals <math>\mathbb{N}</math> are closed under ''S''.",
            "The naturals are closed under S.",
        ),
        ('A formula <math display="inline">a + b = c</math> inline.', "A formula inline."),
        # what would be markup outside a formula: a separator, braces, quotes, a tag
        (
            r"Braces <math>\{x | x > 0\}</math> and <MATH>f''(x) < g</MATH> here.",
            "Braces and here.",
        ),
        ("* A sum <math>\\begin{align}\na &= b\n\n\\end{align}</math> holds.", "A sum holds."),
    ],
)
def test_a_formula_is_read_whole_and_its_line_ahead_of_the_parser(
    line: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MediaWiki takes a formula whole before it reads any line; the parser skips it
    text = f"Intro.\n{line}\nOutro.\n"
    quiet = wikitext_reader._quiet_tags(text)
    assert len(quiet) == len(text) and "math" in quiet.lower()
    lines = _wikiscan.read_ahead(quiet, wikitext_reader._hidden_template).lines
    assert [quiet[line.start : line.end].split(">")[0] for line in lines][1] == line.split(">")[0]
    doc = read_both(text, monkeypatch)
    assert " ".join(doc.view.split()) == f"Intro. {shown} Outro."


@pytest.mark.parametrize(
    "line",
    [
        "A formula <math>a</ref> b</math> with a reference's tag.",
        "A formula <math>x^2 never closed.",
        "A formula <math>a + b</math with no end.",
        "An empty <math/> formula.",
    ],
)
def test_a_formula_holding_a_tag_of_its_own_or_left_open_is_left_as_written(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{line}\nOutro.\n"
    assert wikitext_reader._quiet_tags(text) == text
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "line",
    [
        "Old <!-- a <ref>note --> The cost</ref> was ten.",
        "Old <!-- a <math>x --> The cost</math> was ten.",
        "Old <!-- a <ref name=b>c <!-- d -->e --> The cost</ref> was ten.",
    ],
)
def test_a_reference_or_formula_holding_a_comments_close_is_left_as_written(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # its "-->" closes a comment opened before it, which holds its opening: no reference
    text = f"Intro.\n{line}\nOutro.\n"
    assert wikitext_reader._quiet_tags(text) == text
    doc = read_both(text, monkeypatch)
    assert "was ten." in doc.view and "Outro." in doc.view


def test_a_reference_holding_a_comments_close_with_no_comment_open_is_blanked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Intro.\nOld <!-- a --> The cost<ref>a --> b</ref> was ten.\nOutro.\n"
    assert wikitext_reader._quiet_tags(text) == text.replace("a --> b", " " * 7)
    doc = read_both(text, monkeypatch)
    assert " ".join(doc.view.split()) == "Intro. Old The cost was ten. Outro."


def test_a_sentence_with_a_citation_holding_a_nowiki_over_several_lines_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # near miss: a reference with a nowiki inside is parsed as written, its line endings with it
    text = "Intro.\nThe LHC was built.<ref>\nSmith<nowiki>[1]</nowiki>\nJones</ref> It cost 10.\nOutro.\n"
    layout = _wikiscan.read_ahead(wikitext_reader._quiet_tags(text))
    assert [text[line.body : line.end] for line in layout.lines] == ["Intro.", "Outro."]
    read_both(text, monkeypatch)


def test_a_line_with_an_entity_in_a_link_is_not_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "One [[a|b]] line.\nA line with an [[a|b&amp;c]] entity.\n"
    lines = _wikiscan.read_ahead(text).lines
    assert [text[line.body : line.end] for line in lines] == ["One [[a|b]] line."]
    view = read_both(text, monkeypatch).view.splitlines()
    assert view[1].split() == "A line with an b&c entity.".split()


def test_a_link_whose_title_starts_with_two_slashes_is_an_external_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "[[//x.org]]" is "[" + an external link + "]" to the parser: left to it
    for text in ("A [[//example.org]] link.\n", "See [[//example.org/a|the page]] here.\n"):
        assert _wikiscan.read_ahead(text).lines == []
        read_both(text, monkeypatch)
    # a blank before the slashes: a link, read ahead
    text = "See [[ //example.org|the page]] here.\n"
    assert len(_wikiscan.read_ahead(text).lines) == 1
    assert read_both(text, monkeypatch).view.split() == ["See", "the", "page", "here."]


def test_a_link_named_like_a_uri_scheme_is_a_link(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "{{chem|O|2}} is so [[magnet]]ic that a bridge forms.\n{|\n| [[news]] || 1\n|}\n"
    layout = _wikiscan.read_ahead(text)
    assert [[item.tag for item in row] for t in layout.tables for row in t.rows] == [["td", "td"]]
    view = read_both(text, monkeypatch).view
    assert "is so magnetic that a bridge" in " ".join(view.split())
    # with a colon it is an external link ([[magnet:x]]): left to the parser
    assert _wikiscan.read_ahead("{{a}} [[magnet:?xt=1]]\n{|\n| b\n|}\n").tables == []


def test_comments_over_lines_after_a_template_name(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "{{Infobox person\n<!---\n   Note: keep it short.\n --->\n| name = Jesus\n}}\nA [[plain]] line.\n"
    assert len(_wikiscan.read_ahead(text).lines) == 1
    read_both(text, monkeypatch)
    # text after the name's line ending: no template, its brackets are text (left to the parser)
    text = text.replace(" --->\n", " --->\nmore\n")
    assert _wikiscan.read_ahead(text).lines == []
    read_both(text, monkeypatch)


def test_a_tag_never_closed_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        '{{Infobox country\n| map_caption = <p style="margin:0"><span>Territory</span>\n}}\n'
        "A [[plain]] line.\n{|\n| a <div> || b\n|}\n"
    )
    layout = _wikiscan.read_ahead(text)
    assert len(layout.lines) == 1
    assert [[item.tag for item in row] for t in layout.tables for row in t.rows] == [["td", "td"]]
    read_both(text, monkeypatch)
    # closed further on, or holding markup: the parser may read a tag; the read-ahead stops
    for closed in (text + "</p>\n", text.replace('"margin:0"', "'x'")):
        assert _wikiscan.read_ahead(closed).lines == []
        read_both(closed, monkeypatch)


@pytest.mark.parametrize(
    "item",
    [
        '#<li value="6"> For every natural number, its successor is one.',
        "* <li>Loose item",
        "Term<dd>defined here",
        "A cell <td> in prose",
    ],
)
def test_a_tag_that_may_be_left_open_and_never_is_closed_holds_nothing(
    item: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the parser reads li, dd, td… with no closing tag after them as tags with no contents:
    # the lines after them are the document's, read ahead
    text = f"Intro.\n{item}\nA [[plain]] line.\n# A ''numbered'' item.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert [text[line.start : line.end] for line in lines][-2:] == text.splitlines()[-2:]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        '#<li value="6"> For every number.\nA [[plain]] line.\n</li>\n',  # closed further on
        "A '''<li>''' bold.\nA [[plain]] line with '''b'''.\n",  # in a bold run: read as text
        "{|\n| a <li>b\n|-\n| c\n|}\nA [[plain]] line.\n",  # in a table's cell
        "{|\n| a\n<li>b\n|}\nA [[plain]] line.\n",  # between a table's rows
    ],
)
def test_a_tag_that_may_be_left_open_and_may_read_otherwise_leaves_the_rest_to_the_parser(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines == []
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "item",
    [
        '#<li value="2"> For every x.\n#For all y.\n<ol>\n<li value="9">\nIf K is a set.\n</li>\n</ol>',
        '#<li value="6"> One.\n#<li value="7"> Two.\n<ul><li>Three</li></ul>',
        ":<dd>Term one\n<dl><dd>Inner</dd></dl>",
        "* <li>Loose <li>items\n* more\n<ol><li>a <li>b</li></li></ol>",
    ],
)
def test_a_tag_that_may_be_left_open_whose_closings_close_others_holds_nothing(
    item: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the parser looks for the tag's closing to the text's end, the closings after it closing
    # tags of its name opened after it, then reads it with no contents: the lines after it are
    # the document's, read ahead
    text = f"Intro.\n{item}\nA [[plain]] line.\n# A ''numbered'' item.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert [text[line.start : line.end] for line in lines][-2:] == text.splitlines()[-2:]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        '#<li value="6"> One.\nA [[plain]] line.\n<ol><li>Two</li\n></ol>\n',  # a closing unsure
        "#<li value='6'> One.\nA [[plain]] line.\n<ul><li>x</li></ul>\n",  # markup in it
        '#<li value="6"> One {{x|\nA [[plain]] line.\n<ul><li>x</li></ul>\n',  # a template open
        "''#<li> One.\nA [[plain]] line.\n<ul><li>x</li></ul>\n",  # a run open
    ],
)
def test_a_tag_that_may_be_left_open_in_what_the_parser_may_read_otherwise_is_not(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines == []
    read_both(text, monkeypatch)


RING = """The map ''R<sub>i''</sub>&nbsp;→&nbsp;''R'' is not one: it maps ''R<sub>i''</sub> to ''R''.

If ''A<sub>i</sub>'' in ''R<sub>i</sub>'' is an [[ideal]], so is Π<sub>''i'' in ''I''</sub>.
"""


@pytest.mark.parametrize(
    "text",
    [
        RING,
        RING.replace("sub>", "sup>"),
        RING.replace("<sub>i''</sub>&", "<small>i''</small>&"),
        "{{a|b ''x<sub>1''</sub> c}} ''y''\n" + RING.split("\n", 1)[1],
        "* ''x<sub>1''</sub> and ''y''.\nA [[plain]] line with <sub>2</sub>.\n",
    ],
)
def test_a_tag_whose_closing_tags_stand_in_italic_runs_it_opens_is_text(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the parser reads <sub>'s contents on a stack of their own: their "''" opens a run that
    # holds "</sub>" as text and closes on the line, the run left open at the line's end holds
    # none, and each "</sub>" further on closes a <sub> of its own: no closing tag is <sub>'s,
    # so it reads as text, and the lines after it are read ahead
    layout = _wikiscan.read_ahead(text, wikitext_reader._hidden_template)
    assert [text[line.start : line.end] for line in layout.lines] == [text.splitlines()[-1]]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "after",
    [
        "A stray </sub> here.\n",  # a closing tag that may close the first <sub>
        "A <sub>[[x|y]]</SUB> here.\n",
        "'''Bold''' text.\n",  # a bold run: the parser may read it otherwise the second time
        'A note.<ref name="x>r</ref>\n',  # an attribute's quote never closed: likewise
    ],
)
def test_a_tag_that_may_read_otherwise_leaves_the_rest_to_the_parser(
    after: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in (RING + after, RING.replace("to ''R''.", "to ''R''</sub>.")):
        assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines == []
        read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "A </span> stray.\nA [[plain]] line.\n",
        "{{a|b</span>}} c\nA [[plain]] line.\n",  # in a template's parameter or a link's label
        "<div>[[a|b</span>]] c</div>\nA [[plain]] line.\n",
    ],
)
def test_a_closing_tag_outside_a_tags_contents_is_text(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(_wikiscan.read_ahead(text).lines) == 1
    read_both(text, monkeypatch)


def test_a_closing_tag_in_a_tags_contents_leaves_the_rest_to_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # it closes that tag, or that tag is read as text
    text = "<div>A </span> stray.</div>\nA [[plain]] line.\n"
    assert _wikiscan.read_ahead(text).lines == []
    read_both(text, monkeypatch)


CELL_TEMPLATES = """{|
|-
|style="{{weather box/colpastel|9.4}}"| 48.9
| {{unordered list
 | Yellow card: −1 point;
 | Direct red card: −4 points;
 }} || a<ref>{{cite web | url=http://x.org/a| title=T}}</ref>
|}
"""


def test_templates_in_cells_and_their_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    # a template in an attribute's value, "|" after spaces and a bare URL up to a "|" in a
    # template: the template's own, no cell's
    assert [[tag for tag, _ in row] for row in cells(CELL_TEMPLATES)] == [[], ["td", "td", "td"]]
    assert cells(CELL_TEMPLATES)[1][0] == ("td", " 48.9\n")
    read_both(CELL_TEMPLATES, monkeypatch)
    # in a cell but no template: the URL takes in the "|"; a quote in the template: unsure
    for unsure in (
        "{|\n| a http://x.org/a|b\n|}\n",
        "{|\n|style=\"{{c|''}}\"| b\n|}\n",
        "{|\n| <span>a\n | b</span>\n|}\n",
    ):
        assert tables(unsure) == []
        read_both(unsure, monkeypatch)


LIFEBOATS = """{|
|-
| ''R. and J. Welburn'' <br> ''George Bearman'' (D-669) <br> ''Spare
| [[File:x.jpg|100px]]
|-
| ''The Two Annes (B-809)
| Carriage
|}
After [[the table]].
"""


def test_an_italic_run_left_open_in_a_cell_reads_on_to_its_close(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the parser's italic run takes in the cell marks and rows up to the next '' (as text),
    # then the cell goes on: one cell over two rows, as the parser reads it
    first = " ''R. and J. Welburn'' <br> ''George Bearman'' (D-669) <br> ''Spare\n"
    first += "| [[File:x.jpg|100px]]\n|-\n| ''The Two Annes (B-809)\n"
    assert cells(LIFEBOATS) == [[], [("td", first), ("td", " Carriage\n")]]
    assert len(_wikiscan.read_ahead(LIFEBOATS).lines) == 1
    read_both(LIFEBOATS, monkeypatch)
    # never closed, or over a list item or a bold run: left to the parser
    for unsure in (
        LIFEBOATS.replace("''The", "The"),
        LIFEBOATS.replace("| [[File", "* [[File"),
        LIFEBOATS.replace("| [[File:x.jpg|100px]]", "| '''b'''"),
    ):
        assert tables(unsure) == []
        read_both(unsure, monkeypatch)


def test_a_colon_no_url_starts_is_text_in_a_plain_line(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Note: a [[plain]] line.\nA mailto:x@y.org link.\nAt 10:30 it rained.\n"
        "# ''Medley:'' [[Jingle Bells]] – 2:21\nSee news:comp.lang or Ftp:x here.\n"
    )
    lines = _wikiscan.read_ahead(text).lines
    # after a space, a digit or no word: text; after a URI scheme ("mailto", "news",
    # "ftp" in any case): maybe a link, left to the parser
    assert [text[line.body : line.end] for line in lines] == [
        "Note: a [[plain]] line.",
        "At 10:30 it rained.",
        " ''Medley:'' [[Jingle Bells]] – 2:21",
    ]
    read_both(text, monkeypatch)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no development wikitext corpus")
@pytest.mark.parametrize(
    "name",
    [
        "Academy_Award_for_Best_Production_Design",
        "Vehicle_registration_plates_of_China",
        "Allan_Dwan",
    ],
)
def test_articles_read_as_the_parser_reads_them(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (CORPUS / f"{name}.wiki").read_text(encoding="utf-8")
    layout = _wikiscan.read_ahead(wikitext_reader._quiet_tags(text))
    assert layout.tables or layout.lines
    read_both(text, monkeypatch)


TEMPLATES_AT_TOP = """{{Chess diagram|tright|Serper vs. Nakamura
|rd|nd|bd|qd|kd|bd|nd|rd
|pd|pd|pd|pd|pd|pd|pd|pd
}}
{{Infobox person
| name = Gregory Serper
| birth_date = {{birth date|1969|9|14}}
}}
Serper was born in 1969 in [http://example.org ''Baku''].{{cite web|url=http://example.com|title=Chess|year=2001}}
{{cite book|title=A <i>tagged</i> title}}
"""


def test_templates_the_reader_never_shows_are_blanked(monkeypatch: pytest.MonkeyPatch) -> None:
    layout = _wikiscan.read_ahead(TEMPLATES_AT_TOP, wikitext_reader._hidden_template)
    blanked = [TEMPLATES_AT_TOP[a:b] for a, b in layout.templates]
    assert blanked == [
        "|tright|Serper vs. Nakamura\n|rd|nd|bd|qd|kd|bd|nd|rd\n|pd|pd|pd|pd|pd|pd|pd|pd\n",
        "|url=http://example.com|title=Chess|year=2001",
    ]  # not the infobox (shown), nor the template with a tag (the parser may read on)
    stub = _wikiscan.stub(TEMPLATES_AT_TOP, layout)
    assert stub.startswith("{{Chess diagram" + " " * len("|tright|Serper vs. Nakamura") + "\n")
    doc = read_both(TEMPLATES_AT_TOP, monkeypatch)
    assert [(r.kind, r.label) for r in doc.regions if r.kind == "infobox_field"] == [
        ("infobox_field", "Born")
    ]


RIDERS = """{| class="wikitable"
! Pos !! Rider !! Team
|-
| 1 || {{flagicon|ITA}} [[Valentino Rossi]] || {{flag|Italy}} ''Fiat'' {{Lbs|x=1}}
|-
| 2 || {{ flagicon | ESP }}'''[[Dani Pedrosa|Pedrosa]]'''<br />{{Lbs|Cowes}} || {{n/a}} {{lang|es|''Honda''}}
|}
"""


def test_cells_with_flat_templates_need_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    walk = wikitext_reader._Reader.parse_walk

    def spy(reader: wikitext_reader._Reader, start: int, end: int) -> list[tuple[int, int]]:
        parsed.append(reader.parsed[start:end].strip())
        return walk(reader, start, end)

    monkeypatch.setattr(wikitext_reader._Reader, "parse_walk", spy)
    doc = read_both(RIDERS, monkeypatch)
    assert table_regions(doc) == [
        ("table_row", "header", "Pos Rider Team"),
        ("table_row", "1", "1 Valentino Rossi Italy Fiat"),
        ("table_cell", "Rider", "Valentino Rossi"),
        ("table_cell", "Team", "Italy Fiat"),
        ("table_row", "2", "2 Pedrosa N/A Honda"),
        ("table_cell", "Rider", "Pedrosa"),
        ("table_cell", "Team", "N/A Honda"),
    ]
    # read ahead, only the cell with markup inside a template goes to the parser
    assert parsed == ["{{n/a}} {{lang|es|''Honda''}}"]


TEMPLATED_PROSE = """The road runs {{convert|25|km|mi}} to {{lang|fr|Saint-Malo}}.{{sfn|Smith|2001|p=3}}
* Built {{circa|1920}}, rebuilt {{nowrap|in&nbsp;1988}}.{{citation needed|date=May 2020}}
{{Main|Roads in Brittany}}
"""


def test_prose_lines_with_flat_templates_are_read_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEMPLATED_PROSE
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert [text[line.body : line.end] for line in lines] == text.replace("* ", " ").splitlines()
    parses: list[str] = []
    parse = _wikitree.parse

    def spy(value: str) -> object:
        parses.append(value.strip())
        return parse(value)

    monkeypatch.setattr(_wikitree, "parse", spy)
    doc = read_text(text, "a.wiki")
    # the document's stub (every line blanked) and the shown templates that render their
    # parameters or hold more than text ({{lang}} and {{nowrap}} with plain text show it)
    assert parses == ["", "{{convert|25|km|mi}}", "{{circa|1920}}", "{{nowrap|in&nbsp;1988}}"]
    monkeypatch.undo()
    assert doc == read_both(text, monkeypatch)
    view = [" ".join(line.split()) for line in doc.view.splitlines()]
    assert view == [
        "The road runs 25 kilometres to Saint-Malo.",
        "Built c. 1920, rebuilt in 1988.",
        "",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The word {{lang|fr|''mot''}} is French.",  # quotes inside: markup in a template
        "A sum of {{formatnum:1234}} euros.",  # a colon in the name: a parser function
        "A blank {{ }} name is text.",  # no name: no template
        "A {{nowrap\n|split}} template.",  # a line break inside
        "See {{lang|fr|<i>mot</i>}} here.",  # a tag inside
    ],
)
def test_lines_with_templates_that_are_not_flat(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"Intro [[a|b]].\n{line}\nTail 1999.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    read = [text[x.body : x.end] for x in lines]
    assert read[0] == "Intro [[a|b]]." and not any("{{" in x for x in read)
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "template",
    [
        "{{formatnum:{{Inflation|US|800|1861|r=-2}}}}",
        "{{formatnum:{{x}}|0}}",
        "{{#if:{{x|a}}|shown|not}}",
    ],
)
def test_a_template_named_by_a_parser_function_of_a_template_is_read_on_past(
    template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the parser reads it as one template; the scan goes on to the lines after it
    text = f"A tax of $800 ({template} today).\nA [[plain]] line.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert [text[x.body : x.end] for x in lines] == ["A [[plain]] line."]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "template",
    [
        "{{#if:{{{1|}}}|shown}}",  # a template's argument: the parser may read it otherwise
        "{{formatnum:{{x|[[a]]}}}}",  # markup in the inner template
        "{{formatnum:{{x}} and more}}",  # text after the inner template
    ],
)
def test_a_template_named_by_more_than_a_parser_function_of_a_flat_template_stops_the_scan(
    template: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"A tax of $800 ({template} today).\nA [[plain]] line.\n"
    assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines == []
    read_both(text, monkeypatch)


PLATES = """''Vehicles of the '''[[People's Liberation Army|PLA]]''' and the '''[[Central Military Commission]]'''''<br />
{{lang|zh-cn|沪A·12345}} is a plate of [[Shanghai]].
"""


def test_five_quotes_close_a_bold_run_inside_an_italic_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # in a template the line is scanned run by run; on its own it is a plain line
    for text in (PLATES, "{{a|\n" + PLATES.replace("<br />\n", "<br />}}\n")):
        lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
        assert text[lines[-1].body : lines[-1].end].startswith("{{lang|zh-cn|")
        read_both(text, monkeypatch)
    view = read_both(PLATES, monkeypatch).view.splitlines()
    assert " ".join(view[0].split()) == ("Vehicles of the PLA and the Central Military Commission")


def test_an_italic_run_closed_by_three_quotes_is_left_to_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the parser opens a bold run at the three quotes and reads on for its end; on a plain
    # line MediaWiki's reading is followed (see the test of the apostrophe), here a template
    # holding markup makes the line the parser's
    text = "The ''[[The Brady Bunch|Kids]]''' {{a|[[b]]}} song.\nA [[plain]] line.\n"
    assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines == []
    read_both(text, monkeypatch)


BOX = """{{Infobox UK place
 | country           = England
 | coordinates       = {{coord|52.87262|0.62547|display=inline,title}}
 | official_name     = Bircham Newton
 | population        =
 | shire_district    = [[King's Lynn and West Norfolk]]
 | region            = East of England<ref name=x/>
 | founded           = {{start date|1988|2|20|df=y}}
 | leader            = ''A. Smith''<br>[[B. Jones]] &amp; C. Brown
|static_image_caption= All Saints, Bircham Newton
}}
'''Bircham Newton''' is a village in [[Norfolk]].
"""


def test_an_infobox_with_plain_values_is_read_without_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = wikitext_reader._quiet_tags(BOX)
    layout = _wikiscan.read_ahead(parsed, wikitext_reader._hidden_template)
    ((start, at, end),) = layout.boxes
    assert (BOX[start:at].strip(), BOX[end : end + 2]) == ("{{Infobox UK place", "}}")
    reader = wikitext_reader._Reader(BOX, parsed, layout)
    assert reader.read_box(start, at, end) == (at, end)  # its parameters blanked for the parser
    assert [key for key, *_ in reader.boxes[start][1]][:3] == [
        "country",
        "coordinates",
        "official_name",
    ]
    doc = read_both(BOX, monkeypatch)
    fields = [
        (r.label, " ".join(doc.view[r.start : r.end].split()))
        for r in doc.regions
        if r.kind == "infobox_field"
    ]
    assert fields[-4:] == [
        ("Founded", "20 February 1988"),
        ("Commanders", "A. Smith"),
        ("Commanders", "B. Jones & C. Brown"),
        ("Static image caption", "All Saints, Bircham Newton"),
    ]
    # <small> (its quotes paired inside), a comment and a colon that starts no URL are read too
    other = BOX.replace("England", "England <small>(''EN'', 10:30)</small><!-- a note -->")
    parsed = wikitext_reader._quiet_tags(other)
    layout = _wikiscan.read_ahead(parsed, wikitext_reader._hidden_template)
    reader = wikitext_reader._Reader(other, parsed, layout)
    assert [reader.read_box(*box) is not None for box in layout.boxes] == [True]
    assert "England (EN, 10:30)" in " ".join(read_both(other, monkeypatch).view.split())
    # a parameter without a name: the parser reads the infobox
    other = BOX.replace(" | population        =\n", " | 200px\n")
    assert boxes_read(other) == [None]
    read_both(other, monkeypatch)


def boxes_read(text: str) -> list[list[bool] | None]:
    """For each infobox found ahead: None if the parser reads it, else whether each value
    is read as simple() reads it (True) or parsed alone (False)."""
    parsed = wikitext_reader._quiet_tags(text)
    layout = _wikiscan.read_ahead(parsed, wikitext_reader._hidden_template)
    reader = wikitext_reader._Reader(text, parsed, layout)
    return [
        None
        if reader.read_box(*box) is None
        else [isinstance(shown, dict) for *_, shown in reader.boxes[box[0]][1]]
        for box in layout.boxes
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("England <span>(EN)</span>", "England (EN)"),
        ("England <small>''EN'' <span>x</span></small>", "England EN x"),
        ("{{nowrap|{{lang|en|England}}}}", "England"),
        ("\n* [[England]]\n* [[Wales|Cymru]]", "England Cymru"),
        ("[[England]]<br>\n<br>[[Wales]]", "England Wales"),
        ("[[File:Flag.svg|20px]] England <!-- a note -->", "England"),
        ("{{ubl|[[England]]|2:34 {{small|(edit)}}}}", "England 2:34 (edit)"),
    ],
)
def test_an_infobox_value_with_other_markup_is_parsed_alone(
    value: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BOX.replace(" England\n", f" {value}\n")
    flags = boxes_read(text)
    assert flags and flags[0] is not None and flags[0].count(False) == 1
    doc = read_both(text, monkeypatch)
    country = [r for r in doc.regions if r.kind == "infobox_field" and r.label == "Country"]
    assert " ".join(" ".join(doc.view[r.start : r.end].split()) for r in country) == shown


@pytest.mark.parametrize(
    "value",
    [
        "<span>Eng|land</span>",  # the parser does not split inside a tag
        "''Eng|land''",  # nor inside an italic run
        "England <!-- a | note -->",  # nor in a comment
        "England <!-- a note",  # a comment left open
        "[http://x.org Eng|land]",  # nor in an external link
        "<nowiki>a|b</nowiki>",  # a tag whose contents are text
        "{{{1|England}}}",  # a template's argument
        "England\n== History ==\n",  # a heading's line is text in a template
        "= England <span>x</span> =",  # ... and the first one too, after the "=" before it
        "= England <span>x</span>",  # ("= =" starts a heading)
        "England = Wales <span>x</span>",  # ("= England =")
        "\n{|\n| England\n|}",  # a table's cells
        "[[Eng<land|England]]",  # no link: its "|" splits
        "{{a\nb|England}}",  # no template: its "|" splits
        "England <span>",  # a tag left open
        "England ]",  # a bracket that closes nothing
    ],
)
def test_an_infobox_value_that_may_read_otherwise_alone_leaves_the_infobox_to_the_parser(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BOX.replace(" England\n", f" {value}\n")
    assert boxes_read(text) in ([None], [])
    read_both(text, monkeypatch)


def test_templates_that_show_their_parameters_read_without_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Sorted {{sort|Zurich|Zürich}}, {{ill|Aarau|de}}, {{small|a|b}}, {{n/a}},"
        " {{lang|1=de|2=Bern}} and {{transl|de|Basel}}.\n"
    )
    parses: list[str] = []
    parse = _wikitree.parse

    def spy(value: str) -> object:
        parses.append(value.strip())
        return parse(value)

    monkeypatch.setattr(_wikitree, "parse", spy)
    doc = read_text(text, "a.wiki")
    assert parses == [""]  # the document's stub alone
    monkeypatch.undo()
    assert doc == read_both(text, monkeypatch)
    # a keyed parameter ({{lang|1=de|2=Bern}}) is no positional one: nothing shown
    assert " ".join(doc.view.split()) == "Sorted Zürich, Aarau , a b, N/A, and Basel."


@pytest.mark.parametrize(
    ("line", "plain", "shown"),
    [
        ("Paris&ndash;Rouen, 1894&#91;a&#x5D;", True, "Paris–Rouen, 1894[a]"),
        ("Rated 5&nbsp;km&mdash;{{nowrap|a&amp;b}}", True, "Rated 5 km— a&b"),
        (
            "An &foo; entity the parser does not know",
            True,
            "An &foo; entity the parser does not know",
        ),
        ("A &#0; code point out of range", True, "A &#0; code point out of range"),
        ("Fish &amp chips", False, "Fish &amp chips"),  # no ";": left to the parser
    ],
)
def test_entities_in_a_plain_line(
    line: str, plain: bool, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{line}\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert (line in [text[x.body : x.end] for x in lines]) is plain
    view = read_both(text, monkeypatch).view.splitlines()
    assert " ".join(view[1].split()) == " ".join(shown.split())


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("The [[People's Liberation Army|PLA]]'s [[St John's]] unit.", True),
        ("A label [[Bill|Bill's'']] with italic quotes in it.", False),
        ("[[Alien (film)|''Alien'' (film)]], a 1979 film by [[Ridley Scott|'''R.S.''']]", True),
        ("''[[Alien 3|Alien'']] 3, the third film", False),  # a run over the label's start
    ],
)
def test_apostrophes_in_links(line: str, plain: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"Intro.\n{line}\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert (line in [text[x.body : x.end] for x in lines]) is plain
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    ("line", "plain", "shown"),
    [
        ("''The Ren & Stimpy Show'' aired in 1991.", True, "The Ren & Stimpy Show aired in 1991."),
        ("Smith &1 and Jones &. and a last &", True, "Smith &1 and Jones &. and a last &"),
        ("Fish &amp chips", False, "Fish &amp chips"),  # a letter after "&": left to the parser
        ("It peaked on the R&B chart.", False, "It peaked on the R&B chart."),
        ("[[Centrum Wiskunde & Informatica|CWI]] & [[A|B & C]]", True, "CWI & B & C"),  # links
        ("[[Fish &amp; chips|F&amp;C]] and [[R&B]]", False, "F&C and R&B"),  # entities, "&B"
        ("A blanked one.<Ref>     </Ref> Another.<REF name=a/>", True, "A blanked one. Another."),
        ("Water is H<sub>2</sub>O at 10<sup>−7</sup> moles.", True, "Water is H2O at 10−7 moles."),
        ("<sup>[[Ion|H]]</sup> and <sub>{{nowrap|2}}</sub>", True, "H and 2"),
        ("An <sub>''italic''</sub> subscript.", True, "An italic subscript."),  # paired inside
        ("''R''<sub>''i''</sub> and ''a <sup>'''b'''</sup> c''", True, "Ri and a b c"),
        ("''f<sub>i</sub>'': ''S'' &rarr; ''R<small>i</small>''", True, "fi: S → Ri"),
        # near-misses: a run that opens outside and closes inside, or the other way round
        ("''R<sub>i''</sub> of a ring.", False, "''Ri'' of a ring."),
        ("A <sub>''b</sub>'' ring.", False, "A <sub>b</sub> ring."),
        ("A <sup>never closed superscript.", False, "A <sup>never closed superscript."),
    ],
)
def test_ampersands_references_and_inline_tags_in_a_plain_line(
    line: str, plain: bool, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{line}\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert (line in [text[x.body : x.end] for x in lines]) is plain
    view = read_both(text, monkeypatch).view.splitlines()
    assert " ".join(view[1].split()) == " ".join(shown.split())


@pytest.mark.parametrize(
    "picture",
    [
        "[[File:a.jpg|thumb|upright=1.2|The ''[[Nile]]'' at [[Aswan|Aswan]], {{convert|5|km}} off.]]",
        "[[Image:b.png|left|alt=A [[map|map]] of 1990&nbsp;|Its caption, 1990.]]",
        "[[File:c.jpg|thumb|A caption with {{lang|fr|a|b}} and a [[d|e|f]] link]]",
        "[[File:d.jpg|thumb|* a caption that opens with a list mark]]",
        "[[File:e.jpg|thumb|An ''open italic caption]]",
        "[[File:f.jpg|thumb|stray ]] closers }} and {{tpl|x|y}} then|the caption]]",
    ],
)
def test_picture_captions_read_without_the_parser_as_the_parser_reads_them(
    picture: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{picture}\nAfter.\n"
    doc = read_text(text, "a.wiki")
    with monkeypatch.context() as m:
        m.setattr(_wikiscan, "read_ahead", lambda *args: _wikiscan.Layout([], []))
        m.setattr(wikitext_reader._Reader, "simple", lambda *args, **kwargs: None)
        parsed = read_text(text, "a.wiki")
    assert (doc.regions, doc.masked) == (parsed.regions, parsed.masked)
    assert any(r.kind == "caption" for r in doc.regions)


def test_a_picture_is_split_at_the_bars_outside_links_and_templates() -> None:
    split = wikitext_reader._split_top("thumb|a [[b|c]] {{d|e}}|]] f|{{g|[[h|i]]}}")
    assert split == [(0, "thumb"), (6, "a [[b|c]] {{d|e}}"), (24, "]] f"), (29, "{{g|[[h|i]]}}")]


#: pieces of a cell's line: what the pattern of a cell reads whole, and near-misses it must
#: leave to the token by token scan (a separator inside a tag, a run left open, a bare URL…)
CELL_PIECES = [
    *[" a", "b ", ":", " x: y", "1:38", "=", '"', "&amp;", "http://x.org/a", "news:x"],  # text
    *["||", "!!", "|", "!", "\n", "\n|", "\n!", "\n|-\n|"],  # separators, marks, line ends
    *["''", "'''", "'''''", "'", "''''"],  # quotes
    *["[[a]]", "[[a|b]]", "[[//x.org]]", "[[a:b]]", "[[a 2: b|c: d]]", "[http://x.org c]"],
    *["{{t|a}}", "{{t|http://x.org/a|b}}", "{{t", "}}", "]]", "<!-- c -->"],  # nesting
    *["<br>", "<br />", "<ref name=x/>", "<ref>  </ref>", "<center>", "<span>", "</span>"],
    *["<small>", "</small>", "<small>c [[d]]</small>", "<sub>e</sub>", "<small>f !! g</small>"],
    *["<sub>''e''</sub>", "<sup>''</sup>", "<sub>'''e</sub>"],  # quotes inside a tag
    *["[[a|''b'']]", "[[a|b'']]", "[[a|'''''b''''' c]]"],  # quotes inside a label
    *['style="a:b"', "style=''"],  # attributes
]


def by_tokens(text: str) -> _wikiscan.Layout:
    """``text`` read ahead with each cell's line read token by token."""

    def cells(scan: _wikiscan._Scan, tag: str, pos: int) -> int | None:
        scan.at = pos
        return scan.rest_of_line(pos, tag, True)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(_wikiscan._Scan, "cells", cells)
        return _wikiscan.read_ahead(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(CELL_PIECES), max_size=12), st.sampled_from(["|", "!", "|+"]))
def test_cells_read_whole_as_token_by_token(pieces: list[str], mark: str) -> None:
    text = "{|\n" + mark + "".join(pieces) + "\n|}\nA [[plain]] line.\n"
    assert _wikiscan.read_ahead(text) == by_tokens(text)


@pytest.mark.parametrize(
    "line",
    [
        "| [[a|b]] || c <small>d</small> || e<br>f || ''g'' || {{t|h}} || 10:30",  # all whole
        '! style="text-align:center" | a !! b || c',  # attributes, a header's separators
        "| a | b || c !! d",  # attributes before a single "|", then a "|" is text; "!!" too
        "| '''1'''–1 || <ref name=x/>2",  # runs that close in the cell, a blanked reference
        # near-misses, read on token by token or left to the parser
        "| ''a || b''",  # a run over a separator
        "| [[a|b]] c | d",  # markup where the attributes would be
        "| <small>a || b</small>",  # a separator inside a tag
        "| <small>a !! b</small>",  # "!!" too, even in a cell that is no header
        "| a http://x.org/a|b",  # a bare URL takes in the "|"
        "| style='' | a",  # quotes that open a run in the attributes
    ],
)
def test_cells_read_whole_as_the_parser_reads_them(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{{|\n|-\n{line}\n|-\n| z\n|}}\nAfter [[it]].\n"
    assert _wikiscan.read_ahead(text) == by_tokens(text)
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    ("link", "plain"),
    [
        ("[[Alien 2: On Earth]]", True),  # a colon after a digit: the title of a work
        ("[[Armour of God II: Operation Condor#Cast|Armour of God II]]", True),  # after a blank
        ("[[Star Wars|Star Wars: Episode I]]", True),  # in the label, before a blank
        ("[[User talk:Jimbo|a talk page]]", True),  # a namespace the reader shows as a link
        # near-misses: a namespace, another wiki's or a language's prefix, a URL
        ("[[Alien: Covenant]]", False),  # letters alone before the colon
        ("[[wiktionary:troupe|troupe]]", False),
        ("[[de:Alien]]", False),
        ("[[de :Alien]]", False),  # a blank, but none inside the prefix
        ("[[Category:Aliens in fiction]]", False),
        ("[[File:Alien 2.jpg|thumb|A poster]]", False),
        ("[[:Category:Aliens in fiction|aliens]]", False),
        ("[[Alien 2|see news:alien.films]]", False),  # a URL in the label
    ],
)
def test_colons_in_links_of_a_plain_line(
    link: str, plain: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n* ''Alien'' sequel, {link}, 1980.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert len(lines) == (2 if plain else 1)
    read_both(text, monkeypatch)
    table = f"{{|\n| {link} || a\n|}}\n"
    assert _wikiscan.read_ahead(table) == by_tokens(table)
    read_both(table, monkeypatch)


#: pieces of wikitext around links: what a plain link holds, and near-misses
LINK_PIECES = [
    *["[[a]]", "[[a|b]]", "[[a 2: b|c]]", "[[a:b]]", "[[//x.org]]", "[[news:x]]", "[[a|''b'']]"],
    *["[[", "]]", "[[a", "|", "{{t|", "}}", "{{t|[[a|b]]}}", "''", "'''", "<small>", "</small>"],
    *[" text ", "\n", "\n{|\n| ", "\n|}\n", "\n* ", "\n|| ", "<!-- c -->", "http://x.org|"],
    *["[[a & b|c&1]]", "[[a|b&amp;]]", "[[R&B]]"],  # ampersands, an entity
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=16))
def test_plain_links_read_whole_as_bracket_by_bracket(pieces: list[str]) -> None:
    text = "".join(pieces) + "\n"
    layout = _wikiscan.read_ahead(text, wikitext_reader._hidden_template)
    whole = _wikiscan._PLAIN_LINK + "|"
    with pytest.MonkeyPatch.context() as m:
        for name in ("_NESTING_RE", "_TOKEN_RE"):
            pattern = getattr(_wikiscan, name).pattern
            m.setattr(_wikiscan, name, re.compile(pattern.replace(whole, "")))
        assert layout == _wikiscan.read_ahead(text, wikitext_reader._hidden_template)


#: pieces of lines inside a template: what a run of them holds whole, and near-misses
NESTED_PIECES = [
    *["\n| name = ", "\n|", " text ", "[[a|b]]", "{{t|a}}", "<br />", "<ref name=x/>", "'"],
    *["\n{|\n| a\n|}", "\n {|", "\n{{", "}}", "[[", "]]", "''", "<small>", "</small>", "<!--"],
    *["-->", "<ref>  </ref>", "\n* ", "{{t|[[a]]}}", "\n==b==\n", "[[a 2: b]]", "[[//x.org]]"],
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NESTED_PIECES), max_size=16))
def test_lines_inside_a_template_read_whole_as_token_by_token(pieces: list[str]) -> None:
    text = "Intro.\n{{Infobox a" + "".join(pieces) + "\n}}\nA [[plain]] line.\n"
    layout = _wikiscan.read_ahead(text, wikitext_reader._hidden_template)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_wikiscan, "_PLAIN_NESTED_RE", re.compile("(?!)"))
        assert layout == _wikiscan.read_ahead(text, wikitext_reader._hidden_template)


#: pieces of a line with quotes and </br> around and inside inline tags and links' labels, and
#: near-misses
INLINE_PIECES = [
    *["''", "'''", "'''''", "'", " a ", "R", "<sub>", "</sub>", "<small>", "</small>", "<sup>"],
    *["[[a|", "[[a b|", "]]", "[[a|''b'']]", "[[a|x '''y''' z]]"],
    *["[[a & b|c & d]]", "[[a|b&amp;c]]"],
    *["</sup>", "[[a|b]]", "{{convert|5|km}}", "<br>", "</br>", "&rarr;", "<sub>''i''</sub>"],
    "\n",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=14))
def test_quotes_in_inline_tags_and_labels_read_as_the_parser_reads_them(pieces: list[str]) -> None:
    text = "Intro.\n" + "".join(pieces) + "\nA [[plain]] line.\n"
    if any(_left_open(line) for line in text.splitlines()):
        return  # read as MediaWiki reads it (see test_a_run_left_open_closes_at_the_lines_end)
    with pytest.MonkeyPatch.context() as m:
        read_both(text, m)


@pytest.mark.parametrize(
    ("line", "paired"),
    [
        ("''R''<sub>''i''</sub>", True),
        ("''a <small>'''b'''</small> c''", True),  # a run open outside, another inside
        ("'''''a<sup>''b''</sup>'''''", True),
        ("''R<sub>i''</sub>", False),  # opens outside, closes inside
        ("<sub>''i</sub>''", False),  # opens inside, closes outside
        ("''a<sub>''b''</sub>", False),  # paired inside, left open outside
        ("[[a|''b'']] and ''c [[d|'''e''']] f''", True),  # in a link's label
        ("''[[a|b'']]", False),  # opens outside the label, closes inside
        ("[[a|''b]]''", False),  # opens inside, closes outside
    ],
)
def test_quotes_pair_inside_an_inline_tag_or_a_label_on_their_own(line: str, paired: bool) -> None:
    assert _wikiscan._paired(line) is paired
    # as the parser reads them: each pair of quotes a style, each tag a tag and each link a
    # link, none text
    text = "".join(str(node) for node in _wikitree.parse(line).ifilter_text(recursive=True))
    read_as_markup = not any(mark in text for mark in ("''", "<", "[["))
    assert read_as_markup is paired


@pytest.mark.parametrize(
    "markup",
    [
        "A line<br\n>broken inside its tag.\n",  # the parser reads "<br\n>" as text
        "{{Infobox a\n| known_for = One<br\n>two\n}}\n",
        "{|\n| a<br\n>b || c\n|}\n",
        "{|\n| <small>a<br\n>b</small>\n|}\n",
        "{|\n| a<hr\n/>b || c\n|}\n",
        # near-misses: blanks but no line ending inside, or one after an attribute: a tag
        "A line<br\t/>broken.\n",
        "{|\n| a<br class=x\n>b || c\n|}\n",
        "{{Infobox a\n| known_for = One<br />two\n}}\n",
        "{|\n| a<br  >b || c\n|}\n",
    ],
)
def test_a_tag_with_a_line_ending_right_after_its_name_is_text(
    markup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = read_both(f"Intro.\n{markup}After.\n", monkeypatch)
    assert ("<br" in doc.view or "<hr" in doc.view) is ("r\n" in markup)


@pytest.mark.parametrize(
    ("markup", "ahead"),
    [
        ("A line</br>broken by a closing tag.", True),  # a line break tag to the parser
        ("{{Infobox a\n| students = [[A]]</br>[[B]]</BR >[[C]]\n}}", True),
        ("{|\n| a</br>b || c</hr/>d\n|}", True),
        ("<div>{{a|b</br>c}} [[d|e</br>f]]</div>", True),  # in a template or link in a tag
        ("<div>\n{|\n| a</br>b\n|}\n</div>", True),  # in a cell of a table in a tag
        ("A stray</span> closing tag.", True),  # not a single tag: text outside a tag
        # near-misses: directly in a tag's contents (the tag reads as text), a line ending
        # after the name
        ("<span>a</br>b</span> c", False),
        ("A <small>line</br>broken</small> in a tag.", False),
        ("A</br\n>broken tag.", True),  # text, as the parser reads it
    ],
)
def test_a_closing_tag_of_a_single_tag_reads_as_that_tag(
    markup: str, ahead: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Intro.\n{markup}\nA [[plain]] line.\n"
    lines = _wikiscan.read_ahead(text, wikitext_reader._hidden_template).lines
    assert (text.index("A [[plain]]") in [line.start for line in lines]) is ahead
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("See [http://x.org the report {{cite|x}} of 1990] here.", "See the report of 1990 here."),
        ("See [http://x.org report{{efn|a note}}] here.", "See report here."),
        ("[http://x.org a {{dead link|date=May 2020}}]", "a"),
    ],
)
def test_a_hidden_template_in_an_external_links_label(
    line: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its parameters are blanked for the parser, which then reads another label: the
    label is found by its length, not by its text."""
    text = f"Intro [[a|b]].\n{line}\n"
    assert _wikiscan.read_ahead(text, wikitext_reader._hidden_template).templates
    doc = read_both(text, monkeypatch)
    assert " ".join(doc.view.split()) == f"Intro b. {shown}"


LINK_CELLS = """{| class="wikitable"
! Actor !! Role
|-
| [[Petra Blossey]] || [[Irene Weigel (character)|Irene Weigel]]
|-
|[[Kai Noll|Kai]]
| [[Rufus Sturm]]
|-
| [[Ella in Berlin: Live|Ella]] || [[A|''b'']]
|-
| [[A|b]] and c || [[A|b|c]]
|-
| [[Category_x]] || [[A &amp; B]]
|-
| [[//x.org]] || [[A|b]]<br>
|}
"""


@pytest.mark.parametrize(
    ("cell", "one_link"),
    [
        (" [[Petra Blossey]] ", True),
        (" [[Irene Weigel (character)|Irene Weigel]]\n", True),
        ("[[Kai Noll|Kai]]\n", True),
        (" [[Rufus Sturm]]   \n", True),
        # near-misses: a colon, quotes, text after it, two bars, an underscore, an entity,
        # two slashes, a tag after it
        (" [[Ella in Berlin: Live|Ella]] ", False),
        (" [[A|''b'']]\n", False),
        (" [[A|b]] and c ", False),
        (" [[A|b|c]]\n", False),
        (" [[Category_x]] ", False),
        (" [[A &amp; B]]\n", False),
        (" [[//x.org]] ", False),
        (" [[A|b]]<br>\n", False),
    ],
)
def test_a_cell_of_one_plain_link_is_read_as_simple_reads_it(cell: str, one_link: bool) -> None:
    assert bool(wikitext_reader._LINK_CELL_RE.fullmatch(cell)) == one_link
    reader = wikitext_reader._Reader(cell)
    simple = reader.simple(0, len(cell))
    if one_link:  # the label it shows (one span), as simple() shows it
        link = wikitext_reader._LINK_CELL_RE.fullmatch(cell)
        assert link is not None
        shown = wikitext_reader._Reader(cell)
        assert shown.show(*link.span(1)) == simple
        assert shown.view.build() == reader.view.build()


def test_cells_of_one_plain_link_read_as_the_parser_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = read_both(LINK_CELLS, monkeypatch)
    with monkeypatch.context() as m:  # and as they read without the shortcut
        m.setattr(wikitext_reader, "_LINK_CELL_RE", re.compile(r"(?!)"))
        slow = read_text(LINK_CELLS, "a.wiki")
    assert (doc.regions, doc.masked) == (slow.regions, slow.masked)
    assert ("table_cell", "Role", "Irene Weigel") in table_regions(doc)
