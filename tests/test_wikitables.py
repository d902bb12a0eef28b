"""Wikitext tables read line by line: the cells and offsets are the parser's.

``_wikitables.find`` reads a table's rows and cells without building mwparserfromhell's
tree for it; the wikitext reader then shows each cell as it would have shown the parser's
cell. Each test reads real table markup and checks the cells, their text at their offsets,
and that the Document (regions and masked view) is the one the parser's tables give.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.document import Document
from klint.sources import _wikitables, read_text
from klint.sources import wikitext as wikitext_reader

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus" / "wikitext"


def cells(text: str) -> list[list[tuple[str, str]]]:
    """Each table row's items as (tag, contents) — the one table in ``text``."""
    (table,) = _wikitables.find(text)
    assert text[table.start : table.start + 2] == "{|"
    assert text[table.end - 2 : table.end] == "|}"
    return [[(item.tag, text[item.start : item.end]) for item in row] for row in table.rows]


def by_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The Document's regions and view when the parser reads every table."""
    with monkeypatch.context() as m:
        m.setattr(_wikitables, "find", lambda text: [])
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
    tables = _wikitables.find(NESTED)
    assert [NESTED[t.start : t.end].split("\n")[1] for t in tables] == [
        "! Team !! Players",
        "| Inside a template",
    ]
    inner = tables[0].rows[1][1]
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
    ],
)
def test_unsure_tables_are_left_to_the_parser(markup: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _wikitables.find(markup) == []
    read_both("Text.\n" + markup + "More text.\n", monkeypatch)


def test_tables_after_one_left_to_the_parser_are_left_too() -> None:
    text = "{|\n| ''a || b''\n|}\n{|\n| c\n|}\n"
    assert _wikitables.find(text) == []
    assert len(_wikitables.find(text.split("|}\n", 1)[1])) == 1


def test_the_parser_reads_a_stub_where_each_table_stands() -> None:
    tables = _wikitables.find(RESULTS)
    stub = _wikitables.stub_tables(RESULTS, tables)
    assert len(stub) == len(RESULTS)
    assert stub.splitlines()[2] == "{|" + " " * (len(RESULTS.splitlines()[2]) - 2)
    assert [i for i, c in enumerate(stub) if c == "\n"] == [
        i for i, c in enumerate(RESULTS) if c == "\n"
    ]
    assert stub[tables[0].end - 2 : tables[0].end] == "|}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no development wikitext corpus")
@pytest.mark.parametrize(
    "name",
    [
        "2008_British_motorcycle_GP",
        "Scotland_Wales_rugby",
        "Academy_Award_for_Best_Production_Design",
        "RNLI_stations",
        "Vehicle_registration_plates_of_China",
    ],
)
def test_table_heavy_articles_read_as_the_parser_reads_them(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (CORPUS / f"{name}.wiki").read_text(encoding="utf-8")
    assert _wikitables.find(wikitext_reader._quiet_refs(text))
    read_both(text, monkeypatch)
