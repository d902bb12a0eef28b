"""Property tests of the offset → (line, column) mapping in ``klint.document``.

A naive reference walks the text one character at a time; ``LineIndex`` must
agree with it for every offset, whatever mix of line endings, tabs and
non-ASCII characters the text holds.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from klint.document import CONTENT_KINDS, Document, LineIndex, Region

# line endings, tabs, combining marks, dotted capital I, RTL, astral characters
PIECES = st.sampled_from(
    [
        "a",
        "Z",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\n\r",
        "İ",
        "ı",
        "é",
        "e\u0301",
        "\u05d0",
        "\u200f",
        "😀",
        "1",
        ",",
    ]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=80)


def reference(text: str) -> list[tuple[int, int]]:
    """(line, column) of every offset 0..len(text), computed one character at a time."""
    out = []
    line, col = 1, 1
    i = 0
    while i <= len(text):
        out.append((line, col))
        if i == len(text):
            break
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            out.append((line, col + 1))  # the \n of a \r\n still belongs to this line
            i += 2
            line, col = line + 1, 1
            continue
        if ch in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return out


def reference_lines(text: str) -> list[str]:
    """Line bodies without their endings; a final newline opens an empty last line."""
    lines, cur, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch in "\r\n":
            lines.append("".join(cur))
            cur = []
            i += 2 if text[i : i + 2] == "\r\n" else 1
            continue
        cur.append(ch)
        i += 1
    lines.append("".join(cur))
    return lines


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("İsgandar\r\nwas born\rin 1990\n\tand died")
@example("no final newline")
@example("")
@example("\r\r\n\n\r")
def test_position_matches_reference(text: str) -> None:
    index = LineIndex(text)
    expected = reference(text)
    for offset, want in enumerate(expected):
        assert index.position(offset) == want, (text, offset)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_offset_inverts_position(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, col = index.position(offset)
        assert index.offset(line, col) == offset


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_line_count_and_line_text(text: str) -> None:
    doc = Document(text)
    lines = reference_lines(text)
    assert doc.lines.line_count == len(lines)
    for n, body in enumerate(lines, start=1):
        assert doc.line_text(n) == body


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(min_value=-50, max_value=200))
def test_out_of_range_offsets_are_clamped(text: str, offset: int) -> None:
    index = LineIndex(text)
    clamped = max(0, min(offset, len(text)))
    assert index.position(offset) == index.position(clamped)
    line, col = index.position(offset)
    assert 1 <= line <= index.line_count and col >= 1


def test_columns_count_characters_not_bytes() -> None:
    text = "İsgandar Mammadov\r\nİsgandar, born 1990"
    index = LineIndex(text)
    second = text.index("born")
    assert index.position(second) == (2, 11)
    assert index.position(text.index("Mammadov")) == (1, 10)


def test_tab_is_one_column() -> None:
    assert LineIndex("\tx").position(1) == (1, 2)


def test_crlf_is_one_line_break() -> None:
    index = LineIndex("a\r\nb\rc\nd")
    assert [index.position(i)[0] for i in (0, 3, 5, 7)] == [1, 2, 3, 4]
    assert index.line_count == 4


def test_text_reads_tab_rows_as_infobox_fields() -> None:
    """A box copied from a rendered page keeps a tab between label and value; the lead
    before it stays a paragraph, and a first line cut inside a bracket is no title."""
    from klint.sources import read_text

    text = (
        "Ann Lee (born 21 August 1968\n\nAnn Lee is a Welsh actor.\n\n"
        "Ann Lee\nBorn\t27 August 1968\nLive albums:\t1\n\nShe sang.\tHe played.\n"
    )
    doc = read_text(text, "a.txt", "text")
    kinds = [(r.kind, r.label) for r in doc.regions]
    assert ("title", None) not in kinds
    assert ("infobox_field", "Born") in kinds and ("infobox_field", "Live albums") in kinds
    assert ("paragraph", None) in kinds
    assert not any(r.kind == "infobox_field" and "sang" in (r.label or "") for r in doc.regions)


def test_text_reads_a_label_and_a_bare_figure_as_a_field_not_a_title() -> None:
    from klint.sources import read_text

    text = "Number of aircraft built: 44\nPrototype: three built; Mark I: 33 built.\n\nNote: see 4 below.\n"
    doc = read_text(text, "a.txt", "text")
    kinds = [(r.kind, r.label) for r in doc.regions]
    assert ("infobox_field", "Number of aircraft built") in kinds
    assert not any(k == "title" for k, _ in kinds)
    assert not any(
        k == "infobox_field" and (label or "").startswith(("Prototype", "Note"))
        for k, label in kinds
    )


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab :\t\n.,1\u0663;")), max_size=40))
@example("Number of aircraft built: 44")
@example("Crew: 1,200. ")
@example("Range: \u0663\u0663")
@example("Born\t27 August 1968")
@example("Note: see 4 below.")
def test_a_tab_field_is_tried_only_where_it_may_match(line: str) -> None:
    """The tab or colon-and-figure row pattern, tried only on a line with a tab or with a colon
    and a figure at its end: the same match as trying it on every line."""
    from klint.sources.text import _TAB_FIELD_RE, _tab_field

    want = _TAB_FIELD_RE.match(line)
    got = _tab_field(line)
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def _fields(text: str) -> list[tuple[str | None, str]]:
    from klint.sources import read_text

    doc = read_text(text, "a.txt", "text")
    return [(r.label, doc.view[r.start : r.end]) for r in doc.regions if r.kind == "infobox_field"]


def test_text_box_row_labels_end_the_field_above() -> None:
    """A rendered box's "Died" field ends at the next row's label ("Awards", "Alma mater",
    "Resting place"): a prize's year below it is no death date."""
    for label, value in (
        ("Awards", "Copley Medal (1835 and 1846)"),
        ("Alma\u00a0mater", "Princeton University (1943)"),
        ("Resting place", "Highgate Cemetery"),
        ("Spouse(s)", "Sarah Barnard (m. 1821)"),
    ):
        text = (
            "Ann Lee\n\n\nBorn\n2 May 1790\nLondon\n\n\nDied\n12 June 1856 (aged 66)\nKent\n\n\n"
            f"{label}\n{value}\n\n\nAnn Lee was a painter who worked in London for sixty years.\n"
        )
        fields = _fields(text)
        assert ("Died", "12 June 1856 (aged 66)") in fields
        assert (" ".join(label.split()), value) in fields, label
        # near miss: a value line that only looks like a label stays in its field
        text = text.replace(f"{label}\n{value}", f"Awarded\n{value}")
        assert ("Died", value) in _fields(text)


def test_text_box_value_ending_with_an_abbreviation_is_no_sentence() -> None:
    """A value "Baltimore, Maryland, U.S." ends with an abbreviation's stop: the box goes on (and its
    place line never becomes the lead); a value that ends a sentence ends the box."""
    for place in ("Baltimore, Maryland, U.S.", "Washington, D.C.", "Acme Tools Ltd."):
        text = (
            "Ann Lee\n\n\nBorn\n2 May 1790\n"
            f"{place}\n\n\nDied\n12 June 1856 (aged 66)\n\n\nAnn Lee was a painter.\n"
        )
        fields = _fields(text)
        assert ("Born", place) in fields and ("Died", "12 June 1856 (aged 66)") in fields
    text = "Ann Lee\n\n\nBorn\n2 May 1790\nShe was born in Kent.\n\n\nDied\n12 June 1856\n"
    assert ("Born", "She was born in Kent.") not in _fields(text)


_KINDS = ["paragraph", "heading", "table_row", "table_cell", "caption", "title"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_KINDS), st.integers(0, 50), st.integers(0, 9))),
    st.lists(st.sampled_from([*_KINDS, "quote"]), min_size=1, max_size=4),
)
def test_regions_of_kinds_are_those_of_a_pass_over_every_region(
    spans: list[tuple[str, int, int]], kinds: list[str]
) -> None:
    regions = [Region(kind, s, s + n) for kind, s, n in spans]  # type: ignore[arg-type]
    doc = Document("x" * 60, regions=regions)
    assert list(doc.regions_of(*kinds)) == [r for r in regions if r.kind in kinds]
    assert list(doc.content_regions()) == [r for r in regions if r.kind in CONTENT_KINDS]
    # a document given another list of regions is indexed again
    doc.regions = regions[::-1]
    assert list(doc.regions_of(*kinds)) == [r for r in regions[::-1] if r.kind in kinds]
