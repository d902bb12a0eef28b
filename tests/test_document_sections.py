"""``with_sections``: regions by start, the longer of two first, each pointed at the heading
that opens its section."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.document import Region, with_sections

KINDS = st.sampled_from(["heading", "paragraph", "table_cell", "infobox_field", "title"])
REGIONS = st.lists(
    st.builds(
        Region,
        KINDS,
        st.integers(0, 30),
        st.integers(0, 40),
        st.sampled_from([None, "a", "2"]),
        st.integers(0, 3),
    ),
    max_size=25,
)


def _by_keys(regions: list[Region]) -> list[Region]:
    """The rule written out: one sort by (start, longest first), a region rebuilt for each."""
    out: list[Region] = []
    current = 0
    for r in sorted(regions, key=lambda r: (r.start, -(r.end - r.start))):
        if r.kind == "heading":
            out.append(r)
            current = len(out) - 1
        else:
            out.append(Region(r.kind, r.start, r.end, r.label, current))
    return out


@settings(max_examples=300, deadline=None)
@given(REGIONS)
def test_the_same_regions_in_the_same_order_as_one_sort_by_start_and_length(regions) -> None:
    want = _by_keys(regions)
    got = with_sections(regions)
    assert got == want
    # the reader's own regions come back, their sections set in place
    assert sorted(map(id, got)) == sorted(map(id, regions))
    # equal regions keep the order they came in: the same objects where a heading is kept
    assert [id(g) for g, w in zip(got, want) if w.kind == "heading"] == [
        id(w) for w in want if w.kind == "heading"
    ]


def test_regions_after_a_heading_point_at_it_and_nested_ones_follow_their_container() -> None:
    regions = [
        Region("paragraph", 30, 40),
        Region("heading", 20, 29),
        Region("table_cell", 5, 8),
        Region("table_row", 5, 12),
        Region("title", 0, 4),
    ]
    got = with_sections(regions)
    assert [(r.kind, r.section) for r in got] == [
        ("title", 0),
        ("table_row", 0),
        ("table_cell", 0),
        ("heading", 0),
        ("paragraph", 3),
    ]
