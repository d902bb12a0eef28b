"""HTML reader: main content only, infobox fields, tables, captions, entities, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import extract
from klint.packs import load_packs
from klint.sources import read_text


def page(text: str):
    return read_text(text, "a.html")


def regions(doc, *kinds):
    return [
        (r.kind, r.label, " ".join(doc.view[r.start : r.end].split()))
        for r in doc.regions
        if not kinds or r.kind in kinds
    ]


PAGE = """<!DOCTYPE html>
<html><head><title>War 1990</title><style>p { color: red } /* 1991 */</style>
<script>var year = 1992;</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/1993">Events of 1993</a></nav>
<h1 id="firstHeading">Nagorno-Karabakh War</h1>
<div id="mw-content-text">
<table class="infobox vevent">
<tr><th colspan="2">Nagorno-Karabakh War</th></tr>
<tr><td colspan="2"><img alt="" src="g.jpg"><div>Guerrillas in trenches.</div></td></tr>
<tr><th>Date</th><td>1988&ndash;1994</td></tr>
<tr><th>Location</th><td>Nagorno-Karabakh, <a href="/Armenia">Armenia</a></td></tr>
<tr><th colspan="2">Commanders and leaders</th></tr>
<tr><td><a href="/x">Samvel Babayan</a><br>Monte Melkonian</td>
<td><div class="plainlist"><ul><li>İsgandar Hamidov</li><li>Suret Huseynov</li></ul></div></td></tr>
<tr><th colspan="2">Strength</th></tr>
<tr><td>20,000</td><td>42,000</td></tr>
<tr><th colspan="2">Casualties and losses</th></tr>
<tr><td>6,000 dead<br>25,000 wounded</td><td>11,000 dead</td></tr>
</table>
<p>The <b>war</b> began in <a href="/wiki/1988">1988</a>.<sup class="reference"><a href="#c1">[1]</a></sup></p>
<h2><span class="mw-headline">Course</span><span class="mw-editsection">[<a>edit 1994</a>]</span></h2>
<div class="thumb"><div class="thumbinner"><img alt='A "T-72" tank.' src="t.jpg"><div class="thumbcaption">A "T-72" tank.</div></div></div>
<figure><img alt="Fountain." src="f.jpg"><figcaption>Fountain near Vaik.</figcaption></figure>
<table class="wikitable"><tr><th>Entity</th><th>Tanks</th><th>Guns</th></tr>
<tr><td>Armenia</td><td>160</td><td>170</td></tr></table>
<ul><li>first item</li><li>second item</ul>
<blockquote><p>A quoted line.</p></blockquote>
<div class="reflist"><ol class="references"><li id="c1">Source, 1995.</li></ol></div>
<div class="navbox">Wars of 1996</div>
</div>
<div class="printfooter">Retrieved from 1997</div>
<footer>Edited 1998</footer>
</body></html>
"""


def test_regions_of_a_saved_article_page():
    doc = page(PAGE)
    assert doc.format == "html"
    assert regions(doc, "title", "caption", "infobox_field") == [
        ("title", None, "Nagorno-Karabakh War"),
        ("caption", None, "Guerrillas in trenches."),
        ("infobox_field", "Date", "1988–1994"),
        ("infobox_field", "Location", "Nagorno-Karabakh, Armenia"),
        ("infobox_field", "Commanders 1", "Samvel Babayan"),
        ("infobox_field", "Commanders 1", "Monte Melkonian"),
        ("infobox_field", "Commanders 2", "İsgandar Hamidov"),
        ("infobox_field", "Commanders 2", "Suret Huseynov"),
        ("infobox_field", "Strength 1", "20,000"),
        ("infobox_field", "Strength 2", "42,000"),
        ("infobox_field", "Casualties 1", "6,000 dead"),
        ("infobox_field", "Casualties 1", "25,000 wounded"),
        ("infobox_field", "Casualties 2", "11,000 dead"),
        ("caption", None, 'A "T-72" tank.'),
        ("caption", None, 'A "T-72" tank.'),
        ("caption", None, "Fountain."),
        ("caption", None, "Fountain near Vaik."),
    ]
    assert regions(doc, "paragraph", "heading", "list_item", "quote") == [
        ("paragraph", None, "The war began in 1988."),
        ("heading", "2", "Course"),
        ("list_item", None, "first item"),
        ("list_item", None, "second item"),
        ("quote", None, "A quoted line."),
    ]
    assert regions(doc, "table_row", "table_cell") == [
        ("table_row", "header", "Entity Tanks Guns"),
        ("table_row", "Armenia", "Armenia 160 170"),
        ("table_cell", "Tanks", "160"),
        ("table_cell", "Guns", "170"),
    ]


def test_navigation_scripts_styles_and_references_are_not_read():
    doc = page(PAGE)
    assert doc.text == PAGE and len(doc.view) == len(PAGE)
    for year in range(1990, 1999):
        if year not in (1994, 1988):
            assert str(year) not in doc.view, year
    claims = extract(doc, load_packs())
    assert all(
        str(year) not in c.text for c in claims.dates for year in range(1990, 1999) if year != 1994
    )


def test_body_without_a_main_container_is_read_but_not_its_nav():
    doc = page(
        "<html><body><nav>Menu 1990</nav><p>Text of 1991.</p><div>Loose text.</div></body></html>"
    )
    assert regions(doc) == [
        ("paragraph", None, "Text of 1991."),
        ("paragraph", None, "Loose text."),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_multibyte_and_crlf_positions(newline):
    lines = [
        "<html><body>",
        "<h1>İsgandar 🎉</h1>",
        "<p>🎉 In <b>1992</b>, İsgandar&nbsp;Hamidov led the 🎖️ offensive.</p>",
        "</body></html>",
    ]
    doc = page(newline.join(lines) + newline)
    year = doc.view.index("1992")
    assert doc.position(year) == (3, lines[2].index("1992") + 1)
    name = doc.view.index("İsgandar", year)
    assert doc.position(name) == (3, lines[2].index("İsgandar") + 1)
    assert doc.view[name + 8] == "\xa0"  # &nbsp; written as the character
    title = next(r for r in doc.regions if r.kind == "title")
    assert doc.position(title.start) == (2, 5)


@pytest.mark.parametrize(
    "text",
    [
        "<p>unclosed <b>bold <i>italic",
        "</p></div></table> stray end tags",
        "<table class=infobox><tr><th>Date<td>1990<tr><td>a<td>b",
        "<div>" * 500 + "deep" + "</span>" * 10,
        "<p>&#xFFFFFFF; &bogus; &#0; &#x110000; &amp",
        "<!-- unclosed comment",
        "<script>never closed 1990",
        "<a href='x' <p>broken attribute",
        "<![CDATA[ x ]]> <?pi?> <!DOCTYPE>",
        "<img alt='only an image'>",
        "",
    ],
)
def test_malformed_input_never_raises(text):
    doc = page(text)
    assert doc.text == text and len(doc.view) == len(text)
    assert all(0 <= r.start < r.end <= len(text) for r in doc.regions)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\n\r<>/&;#='\"!-pdivtbrİ🎉")), max_size=200))
def test_any_text_reads(text):
    doc = page(text)
    assert doc.text == text and len(doc.view) == len(text)
    for r in doc.regions:
        assert 0 <= r.start < r.end <= len(text)
    for a, b in zip(doc.text, doc.view):  # line endings are kept, and only they
        assert (a in "\r\n") == (b in "\r\n") and (a not in "\r\n" or a == b)


def test_a_main_marker_that_is_not_an_element_falls_back_to_the_body():
    doc = page("<body><script>var s = '<main>';</script><p>Text of 1991.</p></body>")
    assert regions(doc) == [("paragraph", None, "Text of 1991.")]
    doc = page("<body><p>Outside.</p><div id='mw-content-text'><p>Inside.</p></div></body>")
    assert regions(doc) == [("paragraph", None, "Inside.")]


def test_entities_in_alt_text_read_as_characters():
    doc = page(
        '<figure><img alt="A &quot;T-72&quot; tank." src="t.jpg"><figcaption>A "T-72" tank.</figcaption></figure>'
    )
    assert regions(doc) == [
        ("caption", None, 'A "T-72" tank.'),
        ("caption", None, 'A "T-72" tank.'),
    ]


def test_a_tag_that_spans_lines_keeps_its_line_ending():
    for text in ("1<b\r>1", "x<b\n>y", "In 1990<a\nhref='x'>s</a> the war"):
        doc = page(text)
        assert len(doc.view) == len(text)
        assert [i for i, c in enumerate(doc.view) if c in "\r\n"] == [
            i for i, c in enumerate(text) if c in "\r\n"
        ]


def test_a_sortable_tables_hidden_sort_key_is_not_read():
    doc = page(
        '<table class="wikitable sortable"><tr><td><span class="sortkey">00380</span>'
        "380&#160;km/h (236&#160;mph)</td><td>1955</td></tr></table>"
    )
    assert "00380" not in doc.view
    assert "380 km/h (236 mph)" in " ".join(doc.view.split())
