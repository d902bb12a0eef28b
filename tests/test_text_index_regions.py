"""The text index's sentences of a region, with or without a stop in it: what the readings of
:mod:`klint.text.sentences` find scanning the region alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klint.document import Document, Region
from klint.text import sentences


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aB1 .!?\n\"'")), max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=8),
    st.booleans(),
)
def test_each_region_reads_as_a_scan_of_it_alone(text: str, spans, sentences_first: bool) -> None:
    regions = [
        Region("paragraph", a, min(a + n, len(text))) for a, n in sorted(spans) if a < len(text)
    ]
    idx = Document(text, regions=regions).text_index
    for r in regions:  # either reading first: the one asked first stores both if no stop
        if sentences_first:
            assert idx.sentences(r) == sentences.sentence_starts(text, r.start, r.end)
        assert idx.stops(r) == sentences.stop_starts(text, r.start, r.end)
        assert idx.sentences(r) == sentences.sentence_starts(text, r.start, r.end)
        assert idx.number_sentences(r, r.end) == sentences.number_sentence_starts(
            text, r.start, r.end
        )


def test_a_region_without_a_stop_is_one_sentence_and_one_with_stops_is_split() -> None:
    text = "Population | 1,200\nIt fell. Then it rose! Did it? Yes.\nNo stop here"
    cell = Region("table_row", 0, text.index("\n"))
    para = Region("paragraph", cell.end + 1, text.rindex("\n"))
    tail = Region("paragraph", para.end + 1, len(text))
    idx = Document(text, regions=[cell, para, tail]).text_index
    assert idx.sentences(cell) == [0] and idx.sentences(tail) == [tail.start]
    starts = idx.sentences(para)
    assert [text[s : s + 4] for s in starts] == ["It f", "Then", "Did ", "Yes."]
