"""Wikitext read ahead of the parser: lines the reader shows apart from prose.

Headings whose title is plain text, lines of links to categories and other wikis (which
show nothing) and plain lines with external links are read ahead of mwparserfromhell. Each test
reads a line between two lines of prose, checks what the read-ahead takes of it, and
that the Document (regions and masked view) is the one the parser alone gives.
"""

from __future__ import annotations

import pytest

from klint.document import Document
from klint.sources import _wikiscan, read_text
from klint.sources import wikitext as wikitext_reader


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


def taken(text: str, kind: str) -> list[str]:
    """The lines of ``kind`` that the read-ahead takes, as written."""
    layout = _wikiscan.read_ahead(text, wikitext_reader._hidden_template)
    return [text[line.start : line.end] for line in layout.lines if line.kind == kind]


def regions(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(r.kind, r.label, " ".join(doc.view[r.start : r.end].split())) for r in doc.regions]


@pytest.mark.parametrize(
    ("line", "label", "title"),
    [
        ("== References ==", "2", "References"),
        ("===1920s===", "3", "1920s"),
        ("====United States====", "4", "United States"),
        ("== Early life ==  ", "2", "Early life"),  # blanks after it
        ("===Best Art Direction &ndash; Set Decoration===", "3", "Best Art Direction – Set"),
        ("== Author's notes ==", "2", "Author's notes"),
        ("== Side one: songs ==", "2", "Side one: songs"),
        ("== Internal combustion engine vehicles – 12 V DC ==", "2", "Internal combustion"),
        ("== Q & A ==", "2", "Q & A"),
        ("======Six======", "6", "Six"),
    ],
)
def test_headings_with_plain_titles_are_read_ahead(
    line: str, label: str, title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert taken(text, "heading") == [line.rstrip()]
    doc = read_both(text, monkeypatch)
    kind, got_label, shown = regions(doc)[1]
    assert (kind, got_label) == ("heading", label)
    assert shown.startswith(title)


def test_a_first_heading_of_level_one_is_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "=Title=\nProse.\n=Second=\nMore.\n"
    assert taken(text, "heading") == ["=Title=", "=Second="]
    doc = read_both(text, monkeypatch)
    assert [(r.kind, r.label) for r in doc.regions] == [
        ("title", None),
        ("paragraph", None),
        ("heading", "1"),
        ("paragraph", None),
    ]


def test_a_heading_with_an_entity_that_is_none_is_parsed_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Prose.\n== A &foo; b ==\nMore.\n"
    assert taken(text, "heading") == ["== A &foo; b =="]
    assert regions(read_both(text, monkeypatch))[1][:2] == ("heading", "2")


@pytest.mark.parametrize(
    "line",
    [
        "== [[Career]] ==",  # a link in it
        "== {{anchor|A}}Career ==",  # a template in it
        "== ''Films'' ==",  # quotes in it
        "== Career == and more",  # text after it (the parser reads it as text after a heading)
        "===1990s===<!-- linked from [[Quills]] -->",  # a comment after it
        "==A=",  # uneven: a level 1 heading whose title starts with "="
        "=A==",
        "== A = B ==",  # "=" in its title
        "=======Seven=======",  # level 6, "=" in its title
        "== http://example.org ==",  # a URL in it
        "== <span>A</span> ==",  # a tag in it
        "====",  # no title
        " == Indented ==",  # no heading
    ],
)
def test_near_headings_are_left_to_the_parser(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert taken(text, "heading") == []
    read_both(text, monkeypatch)


def test_heading_lines_inside_a_template_are_left_to_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "{{Quote box\n| quote = A\n== Not a heading ==\nB\n}}\n== History ==\nProse.\n"
    assert taken(text, "heading") == ["== History =="]
    read_both(text, monkeypatch)


def test_a_heading_after_an_italic_run_left_open_is_left_to_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the run is left open on a line the parser reads (a template in it), which it may read
    # on over the heading; on a plain line it closes at the line's end, as MediaWiki closes it
    text = "An ''open run {{a|[[b]]}}\n== History ==\nProse.\n"
    assert taken(text, "heading") == []
    read_both(text, monkeypatch)
    assert taken("An ''open run\n== History ==\nProse.\n", "heading") == ["== History =="]


@pytest.mark.parametrize(
    "line",
    [
        "[[Category:Villages in Norfolk]]",
        "[[Category:Transport in Angola| ]]",  # a sort key
        "[[Category:Radio stations in San Diego|ARJ]]",
        "[[Category:People of New York (state) in the American Civil War]]",
        "[[Category:Musicians from Hawthorne, California]]  ",
        "[[category:Ring theory]][[Category:Binary operations]]",  # two on a line
        "[[Category:Novels by Frederik Pohl]] [[Category:1983 novels]]",
        "[[Category:Year of birth missing (living people)|Lagan, Matthew D.]]",
        "[[Category:Notes: a list]]",  # a colon that starts no URL
        "[[Kategorie:Ort]]",
        "[[de:Kanal 5 (Dänemark)]]",
        "[[pt:Escola primária]]",
        "[[be-tarask:Пачатковая школа]]",
    ],
)
def test_lines_of_category_and_language_links_are_read_ahead(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert taken(text, "hidden") == [line]
    doc = read_both(text, monkeypatch)
    assert doc.view.split() == ["Some", "prose.", "More", "prose."]


@pytest.mark.parametrize(
    "line",
    [
        "[[:Category:Villages in Norfolk]]",  # a link shown
        "[[:de:Kanal 5]]",
        "[[Category:Villages {{in}} Norfolk]]",  # a template in it
        "[[Category:Novels|{{PAGENAME}}]]",
        "[[Category:Novels|''Key'']]",  # quotes in it
        "[[Category:Novels|[[Key]]]]",
        "[[Category:Novels]] in prose",  # text after it
        "A [[Category:Novels]]",
        "* [[Category:Novels]]",
        "[[Category:<span>Novels</span>]]",
        "[[Category:Links to http://example.org]]",  # a URL in it
        "[[tel:555]]",  # a URL in brackets
        "[[irc:channel]]",
        "[[File:Map.png|thumb|A caption]]",  # a picture
        "[[Category:]]",
        "[[zh-min-nan:Kok-bîn ha̍k-hāu]]",  # the reader shows it
        "[[ Category:Novels]]",
    ],
)
def test_near_category_lines_are_left_to_the_parser(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert taken(text, "hidden") == []
    read_both(text, monkeypatch)


def test_category_lines_inside_a_template_are_left_to_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "{{Navbox\n| list = A\n[[Category:Inside]]\n}}\n[[Category:Outside]]\n"
    assert taken(text, "hidden") == ["[[Category:Outside]]"]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "line",
    [
        "*[http://www.kanal5.dk/ Official Kanal 5 site]",
        "* [http://news.bbc.co.uk/sport3/1897358.stm Player profile] at BBC Sport",
        "*[http://www.origins.org.uk/genuki/NFK/ Information from Genuki] on [[Bircham Newton]].",
        "* [http://mathworld.wolfram.com/PrincipalRing.html Principal ring] on ''[[MathWorld]]''",
        "*[http://www.soapspoiler.de/unteruns.html Unter Uns Spoiler] {{de icon}}",
        "*[https://web.archive.org/web/2007/http://www.ghostdatabase.co.uk/ The Hauntings]",
        "* [https://example.org/a history.navy.mil: USS Stevenson]",  # a colon that starts no URL
        "*[http://example.org/]",  # no label
        "* [ftp://example.org/f  two spaces]",
        "See [http://example.org the site] for more.",  # in prose
        "#[http://example.org A] and [http://example.com B]",
    ],
)
def test_lines_with_external_links_are_read_ahead(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert taken(text, "plain") == ["Some prose.", line, "More prose."]
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "line",
    [
        "*[http://example.org ''Italic'' site]",  # quotes in its label
        "*[http://example.org A &amp; B]",  # an entity in its label
        "*[http://example.org/?a=1&b=2 Site]",  # an "&" in its URL
        "*[http://example.org A | B]",
        "*[http://example.org A http://example.com]",  # a URL in its label
        "*[http://example.org {{lang|fr|Site}}]",  # a template in its label
        "*[http://example.org [[Site]]]",
        "*[http://example.org <small>Site</small>]",
        "*[//example.org Site]",  # no scheme
        "*[mailto:a@example.org Mail]",
        "*[http://example.org Site",  # never closed
        "*[http://example.org Site]]",
        "*[[http://example.org Site]]",
        "*http://example.org/ bare",  # a bare URL
    ],
)
def test_near_external_link_lines_are_left_to_the_parser(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Some prose.\n{line}\nMore prose.\n"
    assert line not in taken(text, "plain")
    read_both(text, monkeypatch)
