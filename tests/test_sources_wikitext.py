"""Wikitext reader: infobox fields, links, skipped markup, tables, templates, exact offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klint.extract import extract
from klint.packs import load_packs
from klint.sources import read_text
from klint.sources import wikitext as wikitext_reader


def wiki(text: str):
    return read_text(text, "a.wiki")


def regions(doc, *kinds):
    return [
        (r.kind, r.label, doc.text[r.start : r.end])
        for r in doc.regions
        if not kinds or r.kind in kinds
    ]


def visible(doc, region):
    return " ".join(doc.view[region.start : region.end].split())


INFOBOX = """{{Infobox military conflict
| conflict    = Nagorno-Karabakh War
| image       = Guerrillas.jpg
| caption     = Guerrillas in trenches.
| date        = 1988–1994
| place       = Nagorno-Karabakh, [[Armenia]], and [[Azerbaijan]]
| result      = Military victory<ref>A source, 2001.</ref>
| commander1  = [[Samvel Babayan]]<br />[[Monte Melkonian|M. Melkonian]]
| commander2  = {{plainlist|
* [[İsgandar Hamidov]]
* Suret Huseynov}}
| strength1   = 20,000
| casualties1 = 6,000 dead<br>25,000 wounded
}}
"""


def test_infobox_fields_use_the_text_readers_labels():
    doc = wiki(INFOBOX + "The '''war''' began.\n")
    assert doc.format == "wikitext"
    assert regions(doc, "title", "caption", "infobox_field") == [
        ("title", None, "Nagorno-Karabakh War"),
        ("caption", None, "Guerrillas in trenches."),
        ("infobox_field", "Date", "1988–1994"),
        ("infobox_field", "Location", "Nagorno-Karabakh, [[Armenia]], and [[Azerbaijan"),
        ("infobox_field", "Result", "Military victory"),
        ("infobox_field", "Commanders 1", "Samvel Babayan"),
        ("infobox_field", "Commanders 1", "M. Melkonian"),
        ("infobox_field", "Commanders 2", "İsgandar Hamidov"),
        ("infobox_field", "Commanders 2", "Suret Huseynov"),
        ("infobox_field", "Strength 1", "20,000"),
        ("infobox_field", "Casualties 1", "6,000 dead"),
        ("infobox_field", "Casualties 1", "25,000 wounded"),
    ]
    place = next(r for r in doc.regions if r.label == "Location")
    assert visible(doc, place) == "Nagorno-Karabakh, Armenia, and Azerbaijan"
    assert regions(doc, "paragraph") == [("paragraph", None, "The '''war''' began.")]
    assert "A source" not in doc.view and "2001" not in doc.view


def test_links_refs_comments_and_templates():
    text = (
        "== Background ==\n"
        "In [[1988 in Armenia|1988]], [[Armenia]]'s parliament<ref name=a>{{cite web|date=1977}}</ref> voted "
        "<!-- 1979 --> {{citation needed|date=May 1980}} about {{convert|25|km|mi|sp=us}} away, "
        "{{circa|1920}}, on {{start date|1988|2|20}} and {{nowrap|12 May 1994}} [http://example.org/1981 the site] "
        "http://example.org/1982 [[Category:Wars of 1983]] [[fr:Guerre 1984]].\n"
    )
    doc = wiki(text)
    heading = next(r for r in doc.regions if r.kind == "heading")
    assert (doc.text[heading.start : heading.end], heading.label) == ("Background", "2")
    para = next(r for r in doc.regions if r.kind == "paragraph")
    assert visible(doc, para) == (
        "In 1988, Armenia's parliament voted about 25 kilometers away, c. 1920, on February 20, 1988 "
        "and 12 May 1994 the site ."
    )
    for hidden in ("1977", "1979", "1980", "1981", "1982", "1983", "1984", "mi|", "Category"):
        assert hidden not in doc.view


def test_skipped_markup_gives_no_claims():
    text = "In March 1992, 300 soldiers died.<ref>In May 1977, 500 soldiers died.</ref> <!-- In June 1978 600 died -->\n"
    doc = wiki(text)
    claims = extract(doc, load_packs())
    found = [*claims.dates, *claims.quantities]
    assert found
    assert all(c.end <= text.index("<ref>") for c in found)


def test_tables_and_file_captions():
    text = (
        '{| class="wikitable"\n! Entity !! Tanks !! Guns\n|-\n| [[Armenia]] || 160 || 170\n|-\n'
        '| style="text-align:left" | Azerbaijan || 280 || {{nowrap|330}}\n|}\n'
        "[[File:Tank.jpg|thumb|upright=1.2|alt=A T-72 tank memorial.|A [[T-72]] tank memorial.]]\n"
        "Text after.\n"
    )
    doc = wiki(text)
    assert regions(doc, "table_row") == [
        ("table_row", "header", "Entity !! Tanks !! Guns"),
        ("table_row", "Armenia", "Armenia]] || 160 || 170"),
        ("table_row", "Azerbaijan", "Azerbaijan || 280 || {{nowrap|330"),
    ]
    assert [(k, lab, t) for k, lab, t in regions(doc, "table_cell")] == [
        ("table_cell", "Tanks", "160"),
        ("table_cell", "Guns", "170"),
        ("table_cell", "Tanks", "280"),
        ("table_cell", "Guns", "330"),
    ]
    captions = [r for r in doc.regions if r.kind == "caption"]
    assert [visible(doc, r) for r in captions] == ["A T-72 tank memorial.", "A T-72 tank memorial."]
    assert regions(doc, "paragraph") == [("paragraph", None, "Text after.")]


def test_lists_and_paragraphs_split_at_blank_lines():
    doc = wiki("First line\ncontinues.\n\nSecond.\n* item one\n# item two\n")
    assert regions(doc, "paragraph", "list_item") == [
        ("paragraph", None, "First line\ncontinues."),
        ("paragraph", None, "Second."),
        ("list_item", None, "item one"),
        ("list_item", None, "item two"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_multibyte_and_crlf_positions(newline):
    lines = ["== İsgandar 🎉 ==", "🎉 In [[1992]], [[İsgandar Hamidov]] led the 🎖️ offensive."]
    doc = wiki(newline.join(lines) + newline)
    name = doc.view.index("İsgandar Hamidov")
    assert doc.position(name) == (2, lines[1].index("İsgandar Hamidov") + 1)
    year = doc.view.index("1992")
    assert doc.position(year) == (2, lines[1].index("1992") + 1)
    heading = next(r for r in doc.regions if r.kind == "heading")
    assert doc.text[heading.start : heading.end] == "İsgandar 🎉"


@pytest.mark.parametrize(
    "text",
    [
        "{{" * 500 + "x" + "}}" * 500,
        "{{Infobox military conflict | date = 1990 | commander1 = [[A",
        "{{Infobox\n| date = {{{1}}}\n}}}}}}",
        "[[File:x.jpg|thumb|[[unclosed",
        "{| class=wikitable\n| a || b\n|-\n| c",
        "<ref>unclosed ref 1990",
        "'''''bold italic'' mixed''' '''",
        "== unbalanced heading =\n=",
        "[[" * 300 + "x",
        "{{convert|}} {{convert|x|to}} {{start date|}} {{circa|}} {{lang}}",
        "&#xFFFFFFF; &bogus; &#0; &#x110000;",
        "<div><span>unclosed",
        "",
    ],
)
def test_malformed_input_never_raises(text):
    doc = wiki(text)
    assert doc.text == text and len(doc.view) == len(text)
    assert all(0 <= r.start < r.end <= len(text) for r in doc.regions)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1\n\r{}[]|='<>!-*#:&;/İ🎉")), max_size=200))
def test_any_text_reads(text):
    doc = wiki(text)
    assert doc.text == text and len(doc.view) == len(text)
    for r in doc.regions:
        assert 0 <= r.start < r.end <= len(text)
    for a, b in zip(doc.text, doc.view):  # line endings are kept, and only they
        assert (a in "\r\n") == (b in "\r\n") and (a not in "\r\n" or a == b)


def test_value_and_quote_templates():
    doc = wiki(
        "Tanks: {{N/A}}, {{formatnum:1234567}} men, {{sort|b|Bob}}.\n{{quote|text=In 1990 we won.|sign=X 1977}}\n"
    )
    para, quote = (r for r in doc.regions if r.kind in ("paragraph", "quote"))
    assert visible(doc, para) == "Tanks: N/A, 1,234,567 men, Bob."
    assert (quote.kind, visible(doc, quote)) == ("quote", "In 1990 we won.")
    assert "1977" not in doc.view


@pytest.mark.parametrize(
    "value",
    [
        "{{formatnum:{{Inflation|US|800|1861|r=-2}}}}",  # a number a template works out
        "{{formatnum:{{Data Philippines|poptoday}}}}",
        "{{formatnum:{{#expr:2*21}}}}",
    ],
)
def test_a_formatnum_of_a_number_worked_out_shows_nothing(value: str) -> None:
    doc = wiki(f"A tax on incomes above $800 (${value} today) in 1861.\n")
    assert visible(doc, doc.regions[0]) == "A tax on incomes above $800 ($ today) in 1861."
    quantities = [c.text for c in extract(doc, load_packs(())).quantities]
    assert "-2" not in quantities and "42" not in quantities  # {{#expr:…}} works out 42


def test_a_formatnum_of_a_written_number_shows_it() -> None:
    # near miss: the number is written out, and shown as MediaWiki formats it
    doc = wiki("Some {{formatnum:1234567}} and {{formatnum:12.5}} people.\n")
    assert visible(doc, doc.regions[0]) == "Some 1,234,567 and 12.5 people."


def test_markup_inside_a_token_does_not_split_it():
    text = "In [[1988]]–[[1994]], ([[Syunik]]) and [[Armenia]]'s {{nowrap|20,000}} men.\n"
    doc = wiki(text)
    para = next(r for r in doc.regions if r.kind == "paragraph")
    assert visible(doc, para) == "In 1988–1994, (Syunik) and Armenia's 20,000 men."
    # the longest piece of each token stays where it is written
    for word in ("1988", "Syunik", "Armenia", "20,000"):
        assert doc.view.index(word) == text.index(word)


def test_claims_next_to_links_are_found_and_located_in_the_file():
    text = "It began on [[May 8]], [[1992]], when 400 [[Armenian]] troops crossed.\n"
    doc = wiki(text)
    claims = extract(doc, load_packs())
    dates = [(c.text, c.start) for c in claims.dates]
    assert dates == [("May 8, 1992", text.index("May 8"))]
    numbers = [c for c in claims.quantities if c.low == 400]
    assert numbers and numbers[0].start == text.index("400")


def test_a_caption_repeated_as_alt_text_is_found_through_markup():
    import klint
    from klint.config import Config

    text = "[[File:F.jpg|thumb|alt=A memorial fountain near Vaik, Armenia.|A memorial fountain near [[Vaik]], ''Armenia''.]]\n"
    found = klint.lint_text(text, "a.wiki", Config(select=("KX306",)))
    assert [(d.code, d.line) for d in found] == [("KX306", 1)]


# --- references are blanked before parsing: the Document must not change --------------------


def _read_unquieted(text: str):
    import klint.sources.wikitext as w

    quiet = w._quiet_tags
    w._quiet_tags = lambda t: t
    try:
        return w.read(text, "a.wiki")
    finally:
        w._quiet_tags = quiet


def _same_reading(text: str) -> None:
    got, want = wiki(text), _read_unquieted(text)
    assert got.masked == want.masked
    assert [(r.kind, r.start, r.end, r.label) for r in got.regions] == [
        (r.kind, r.start, r.end, r.label) for r in want.regions
    ]


_REF_PIECES = [
    "a",
    " ",
    "|",
    "\n",
    "''",
    "'''",
    "''''",
    "'''''",
    "{{",
    "}}",
    "[[",
    "]]",
    "[",
    "]",
    "<br>",
    "</ref>",
    "<!--",
    "-->",
    "=",
    "{{cite web|title=T|url=http://x.org}}",
    "[[Page|label]]",
    "[http://x.org t]",
    "&amp;",
    "25",
    "1990",
    "{{convert|5|km}}",
    "<nowiki>",
    "</nowiki>",
]
_AROUND = [
    "Text {}. More.",
    "{{convert|25{}|km}} and more",
    "{{circa|1920{}}} x",
    "[[File:a.jpg|thumb|A caption{}|alt=Alt]] after",
    "{{Infobox person\n| name = A\n| born = 1 May 1900{}\n| spouse = B\n}}\nText.",
    "{| class=wikitable\n! A !! B\n|-\n| x{} || 5\n|}\nAfter.",
    "''Italic {} end'' and text",
    "== Heading{} ==\nBody.",
]


def _closes_in_order(inner: str) -> bool:
    """Whether the bold and italic runs of ``inner`` pair up and its brackets nest, in order:
    then the parser reads the reference as MediaWiki does, ending everything in it."""
    runs: list[int] = []
    for m in re.finditer(r"''+", inner):
        n = len(m.group())
        if n == 4 or n > 5:
            return False
        if runs and runs[-1] == n:
            runs.pop()
        else:
            runs.append(n)
    brackets: list[str] = []
    for c in re.findall(r"[{}\[\]]", inner):
        if c in "}]":
            if not brackets or brackets.pop() != {"}": "{", "]": "["}[c]:
                return False
        else:
            brackets.append(c)
    return not runs and not brackets


_OPENINGS = ["<ref>", '<ref name="n">', "<REF>", "<ref name=a/b>"]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_AROUND),
    st.lists(st.sampled_from(_REF_PIECES), max_size=8).map("".join),
    st.sampled_from(_OPENINGS),
)
def test_blanking_references_before_parsing_changes_nothing(around, inner, opening):
    # where what a reference opens closes in it, the parser reads it as written (a "|" in
    # one splits no option of a picture, where the parser's reading of the text would)
    if "<" not in inner and _closes_in_order(inner) and not ("|" in inner and "File:" in around):
        _same_reading(around.replace("{}", f"{opening}{inner}</ref>") + "\n\nLast {{sfn|A|2001}}.")


@settings(max_examples=150, deadline=None)
@given(
    # not in a template that renders its value as written (the value's reference with it)
    st.sampled_from([a for a in _AROUND if not a.startswith(("{{convert", "{{circa"))]),
    st.lists(st.sampled_from([p for p in _REF_PIECES if "<" not in p]), max_size=8).map("".join),
    st.sampled_from(_OPENINGS),
)
def test_a_reference_never_changes_how_the_text_around_it_reads(around, inner, opening):
    # whatever a citation leaves open ends with it, as MediaWiki reads it: the article reads
    # as it would with plain text in the reference
    last = "\n\nLast ''{{sfn|A|2001}}''."
    got = wiki(around.replace("{}", f"{opening}{inner}</ref>") + last)
    plain = "".join(c if c.isspace() else "x" for c in inner)  # its blanks kept
    want = wiki(around.replace("{}", f"{opening}{plain}</ref>") + last)
    assert got.masked == want.masked
    spans = [(r.kind, r.label, r.start, r.end) for r in got.regions]
    assert spans == [(r.kind, r.label, r.start, r.end) for r in want.regions]


@pytest.mark.parametrize(
    "citation",
    [
        "Allan Nevins, ''Ordeal of the Union (1959) vol 5 p 29",  # italics left open
        "Nevins, Ordeal of the Union'' (1959) vol 5 p 29",  # closed, never opened
        "'''Nevins''', ''Ordeal'' (1959), '''p 29",  # bold left open
        "[http://x.org ''Ordeal of the Union] (1959)",  # quotes in a link's label
        "{{cite book |title=''Ordeal |year=1959}}",  # in a citation template
        "[[Allan Nevins|Nevins (1959)",  # a link left open
        "{{cite book |title=Ordeal |year=1959",  # a template left open
    ],
)
def test_what_a_citation_leaves_open_ends_with_it(citation: str) -> None:
    text = (
        f"Lincoln won in 1860.<ref name=n>{citation}</ref> He took office in 1861.\n\n"
        "The war began in ''April'' 1861.\n"
    )
    doc = wiki(text)
    assert visible(doc, doc.regions[0]) == "Lincoln won in 1860. He took office in 1861."
    assert visible(doc, doc.regions[1]) == "The war began in April 1861."
    years = [c.text for c in extract(doc, load_packs(())).dates]
    assert years == ["1860", "1861", "April 1861"]  # none from the citation


def test_a_run_left_open_before_a_reference_reads_on_past_it() -> None:
    # near miss: a run the text opens before a reference is the text's, not the citation's
    doc = wiki("A ''b {{x|c}}.<ref>Smith 2001.</ref> D ''e.\n")
    assert visible(doc, doc.regions[0]) == "A b . D e."
    _same_reading("A ''b {{x|c}}.<ref>Smith 2001.</ref> D ''e.\n")


@pytest.mark.parametrize(
    "citation",
    [
        "Smith<br>''Open Letters (1959)",  # a tag
        "{{cite web|title=Open (1959)<!--Added by bot-->}}",  # a comment
        "Smith, <u>Open</u>'' (1959)",
        "Smith<!-- a </ref> in a comment --> (1959)",  # no reference's end
        "{{cite book|title=The Bama People|year=1959}}</u>",  # a tag closing nothing
    ],
)
def test_a_reference_holding_tags_or_comments_is_read_apart_too(citation: str) -> None:
    text = f"Lincoln won in 1860.<ref>{citation}</ref> He took office in 1861.\n"
    assert "1959" not in wikitext_reader._quiet_tags(text)  # blanked for the parser
    doc = wiki(text)
    assert visible(doc, doc.regions[0]) == "Lincoln won in 1860. He took office in 1861."


@pytest.mark.parametrize(
    "inner",
    [
        "Smith<nowiki></ref></nowiki> 1959",  # a tag whose contents are text may hold "</ref>"
        "Smith <ref>Jones</ref",  # another reference inside
        "1 < 2",  # a "<" that opens no tag
        "Smith <!-- never closed > 1959",  # a comment left open
    ],
)
def test_a_reference_holding_what_may_end_it_otherwise_is_parsed_as_written(inner: str) -> None:
    # near miss: the parser is left to tell where such a reference ends
    text = f"A.<ref>{inner}</ref> B.\n"
    assert wikitext_reader._quiet_tags(text) == text
    _same_reading(text)


@pytest.mark.parametrize(
    ("text", "captions"),
    [
        # a "|" in a reference splits no option off
        (
            "[[File:a.jpg|thumb|A bridge built in 1890.<ref>Smith|1999</ref>]]",
            ["A bridge built in 1890."],
        ),
        # a link left open in one leaves the next option an option
        (
            "[[File:a.jpg|thumb|alt=A bridge<ref>[[Smith</ref>|The bridge in 1890.]]",
            ["A bridge", "The bridge in 1890."],
        ),
        # near miss: a "|" outside any reference splits the options as before
        ("[[File:a.jpg|thumb|upright|A bridge.<ref>Smith</ref>|200px]]", ["A bridge."]),
    ],
)
def test_a_pictures_options_are_split_outside_its_references(text: str, captions: list[str]):
    doc = wiki(text + "\nText.\n")
    assert [visible(doc, r) for r in doc.regions if r.kind == "caption"] == captions


def test_blanking_references_changes_nothing_on_the_seed():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "seeds" / "nagorno-karabakh-war.wiki"
    _same_reading(seed.read_text(encoding="utf-8"))


def test_named_references_reused_many_times_are_not_markup_left_open():
    reused = "Sodium melts at 98 °C.<ref name=crc/> " * 300
    doc = read_text("Lead.<ref name=crc>CRC Handbook</ref> " + reused, "a.wiki")
    assert doc.reader_warning is None
    left_open = read_text("Lead. " + "Sodium melts at 98 °C.<ref>CRC " * 300, "a.wiki")
    assert left_open.reader_warning == "300 unclosed '<ref'; read as plain text"
