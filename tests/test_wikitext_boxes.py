"""Infoboxes the wikitext reader reads without the parser.

``_Reader.read_box`` plans an infobox found ahead when each of its values is one it reads
exactly as the parser's nodes would show, or one it may parse alone; each test checks that
the box is (or is not) read that way and that the Document is the one the parser alone
gives.
"""

from __future__ import annotations

import pytest

from klint.document import Document
from klint.sources import _wikiscan, read_text
from klint.sources import wikitext as wikitext_reader

BOX = """{{Infobox television channel
| name         = Kanal 5
| logo         = Kanal 5 logo.png
| launch       = 1 January 1991
| owner        = [[Discovery Networks Northern Europe|Discovery Networks]]<br>[[SBS]]
| country      = [[Denmark]]
| web          = {}
}}
'''Kanal 5''' is a Danish channel.
"""


def by_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The Document's regions and view when the parser reads everything."""
    with monkeypatch.context() as m:
        m.setattr(_wikiscan, "read_ahead", lambda *args: _wikiscan.Layout([], []))
        doc = read_text(text, "a.wiki")
    return doc.regions, doc.masked


def planned(text: str) -> list[bool] | None:
    """How the one infobox of ``text`` is read: None by the parser, else whether each value
    is read as simple() reads it (True) or parsed alone (False)."""
    parsed = wikitext_reader._quiet_tags(text)
    layout = _wikiscan.read_ahead(parsed, wikitext_reader._hidden_template)
    reader = wikitext_reader._Reader(text, parsed, layout)
    (box,) = layout.boxes
    if reader.read_box(*box) is None:
        return None
    return [isinstance(shown, dict) for *_, shown in reader.boxes[box[0]][1]]


def read_box(text: str) -> bool:
    """Whether the one infobox of ``text`` is read without the parser, each value as
    simple() reads it."""
    plan = planned(text)
    return plan is not None and all(plan)


def read_both(text: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    doc = read_text(text, "a.wiki")
    assert (doc.regions, doc.masked) == by_parser(text, monkeypatch)
    return doc


def fields(doc: Document) -> list[tuple[str | None, str]]:
    return [
        (r.label, " ".join(doc.view[r.start : r.end].split()))
        for r in doc.regions
        if r.kind == "infobox_field"
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("[http://www.kanal5.dk Kanal 5 online] ", "Kanal 5 online"),
        ("[http://www.kanal5.dk  two  spaces]", "two spaces"),
        ("[http://www.kanal5.dk Kanal 5: online]", "Kanal 5: online"),  # a colon as text
        ("See [https://kanal5.dk/a/b.html the site] or [http://x.org]", "See the site or"),
        ("[[Ella in Berlin: Mack the Knife|Ella in Berlin]] (1960)", "Ella in Berlin (1960)"),
        ("[[Ella in Berlin: Mack the Knife]]", "Ella in Berlin: Mack the Knife"),
    ],
)
def test_external_links_and_links_with_a_colon(
    value: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = BOX.replace("{}", value)
    assert read_box(text)
    assert fields(read_both(text, monkeypatch))[-1] == ("Web", shown)


@pytest.mark.parametrize(
    "value",
    [
        "http://www.kanal5.dk/dk/index.html",
        " https://kanal5.dk/ \n",
        "ftp://ftp.kanal5.dk/a_b-c~d",
    ],
)
def test_a_bare_url_shows_nothing(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BOX.replace("{}", value)
    assert read_box(text)
    doc = read_both(text, monkeypatch)
    assert fields(doc)[-1] == ("Country", "Denmark")
    assert "kanal5" not in doc.view


@pytest.mark.parametrize(
    "value",
    [
        "[http://www.kanal5.dk Kanal&nbsp;5]",  # an entity in the label
        "[http://www.kanal5.dk Kanal 5 news:x]",  # a colon in the label that starts a URL
        "[http://www.kanal5.dk ''Kanal 5'']",  # quotes in the label
        "[www.kanal5.dk Kanal 5]",  # no scheme: text in brackets
        "http://www.kanal5.dk.",  # punctuation at the end reads as text
        "http://www.kanal5.dk (Danish)",  # text after it
        "[[de:Kanal 5|Kanal 5]]",  # another wiki's page
        "[[Category:Danish channels]]",
        "[[File:Kanal 5.png|thumb|Logo]]",
        "[[Category :Danish channels]]",  # one word and a space before the colon
    ],
)
def test_values_parsed_alone(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BOX.replace("{}", value)
    assert planned(text) == [True] * 5 + [False]  # the other values read as before
    read_both(text, monkeypatch)


@pytest.mark.parametrize(
    "value",
    [
        "{{Extra chronology\n | artist = [[Basshunter]]\n | prev_title = [[Jingle Bells]]\n}}",
        " {{marriage|[[Jane Roe|Jane]]|1990|{{small|div.}}}}\n",
        "\n{{ Extra album cover | cover = A.jpg | type = [[single]] }}  \n\n",
    ],
)
def test_a_template_never_shown_is_not_parsed(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BOX.replace("{}", value)
    assert read_box(text)
    doc = read_both(text, monkeypatch)
    assert fields(doc)[-1] == ("Country", "Denmark")
    assert "Jane" not in doc.view and "single" not in doc.view


@pytest.mark.parametrize(
    "value",
    [
        "{{hlist|[[CD single|CD]]|[[music download|download]]}}",  # a template that is shown
        "{{marriage|[[Jane Roe]]|1990}} (div.)",  # text after it
        "{{marriage|[[Jane Roe]]}}{{marriage|[[Ann Doe]]}}",  # two templates
        "{{marriage|[[Jane Roe]]|<small>1990</small>}}",  # a tag in a parameter
        "{{marriage|[http://a.org Jane Roe]|1990}}",  # an external link in a parameter
        "\t{{marriage|[[Jane Roe]]}}",  # a tab, which the view shows as a blank
        "{{Template:Marriage|[[Jane Roe]]}}",  # a colon in the name
    ],
)
def test_near_misses_of_a_template_never_shown(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BOX.replace("{}", value)
    assert planned(text) == [True] * 5 + [False]
    read_both(text, monkeypatch)


def test_a_name_the_parser_may_not_read_is_no_template_never_shown() -> None:
    assert wikitext_reader._hidden_value(" {{marriage|[[Jane Roe]]}}\n")
    for value in ("{{marriage}b|[[Jane Roe]]}}", "{{marriage<!-- x -->|[[Jane Roe]]}}"):
        assert not wikitext_reader._hidden_value(value)


def test_names_after_a_line_ending_and_a_blank_value_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = BOX.replace("| name ", "|\n name ").replace("\n}}", "\n|\n}}").replace("{}", "x")
    assert read_box(text)
    doc = read_both(text, monkeypatch)
    title = doc.regions[0]
    assert (title.kind, doc.view[title.start : title.end]) == ("title", "Kanal 5")
    # near-misses: a list mark after the line ending, a value without a name
    for other in (text.replace("|\n name ", "|\n* name "), text.replace("\n|\n}}", "\n| x\n}}")):
        assert not read_box(other)
        read_both(other, monkeypatch)


@pytest.mark.parametrize(
    "value",
    [
        "Flag of Alaska.svg",
        " File:Seal of Alaska.PNG \n",
        "Basshunter – Now You're Gone.jpg",  # a dash and an apostrophe in the name
        "Abraham Lincoln 1862 signature.svg",
        "Image:Kanal 5 (2004).gif",
    ],
)
def test_a_media_file_name_shows_nothing(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The infobox shows the file, not its name: no region, and the name is not in the view
    (read without the parser and by it alike)."""
    text = BOX.replace("{}", value)
    assert read_box(text)
    doc = read_both(text, monkeypatch)
    assert fields(doc)[-1] == ("Country", "Denmark")
    assert value.strip()[-6:] not in doc.view


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (".jpg, .png and .gif", ".jpg, .png and .gif"),  # file formats, no file's name
        ("A photograph.jpg taken in 1990", "A photograph.jpg taken in 1990"),  # text after it
        ("Logo.png <!-- the 2004 logo -->", "Logo.png"),  # a comment: read as written before
        ("''Logo''.png", "Logo.png"),  # markup in the name
        ("Kanal 5.jpeg2000", "Kanal 5.jpeg2000"),  # no media extension at its end
    ],
)
def test_near_misses_of_a_media_file_name(
    value: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = read_both(BOX.replace("{}", value), monkeypatch)
    assert fields(doc)[-1] == ("Web", shown)


def test_no_claim_from_a_media_file_name() -> None:
    """A number in a file's name counted nothing ("Kanal 5 signature 1862.svg" gave
    "5 signature"); the same field's text is still read."""
    from klint.extract import extract
    from klint.packs import load_packs

    def claims(value: str) -> tuple[list[str], list[str]]:
        text = BOX.replace("| web", "| signature").replace("{}", value)
        got = extract(read_text(text, "a.wiki"), load_packs(()))
        return [c.text for c in got.dates], [q.text for q in got.quantities]

    dates, quantities = claims("Kanal 5 signature 1862.svg")
    assert dates == ["1 January 1991"]
    assert not any("signature" in q or "logo" in q for q in quantities)
    dates, _ = claims("Signed in 1862")  # near miss: text
    assert dates == ["1 January 1991", "1862"]
