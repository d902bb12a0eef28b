"""The text layer: sentence readings, the per-document index, the calendar."""

from __future__ import annotations

import calendar

from klint.document import Region
from klint.extract import extract
from klint.packs import load_packs
from klint.sources import read_text
from klint.text import sentences
from klint.text.calendar import MONTH_NAMES, MONTHS


def _starts(fn, text: str) -> list[str]:
    return [text[s : s + 12] for s in fn(text, 0, len(text))]


def test_an_abbreviation_before_a_capital_or_digit_ends_no_sentence() -> None:
    text = "The census of 1 Jan. 2010 counted 6,300 people. Maj. Gen. Ortiz led 400 men. Rain fell."
    assert _starts(sentences.number_sentence_starts, text) == [
        "The census o",
        "Maj. Gen. Or",
        "Rain fell.",
    ]
    assert _starts(sentences.sentence_starts, text) == _starts(
        sentences.number_sentence_starts, text
    )


def test_a_unit_before_a_full_stop_ends_the_sentence() -> None:
    text = "The summit rises 2,413 ft. Snow covers it in winter."
    assert _starts(sentences.number_sentence_starts, text) == ["The summit r", "Snow covers "]


def test_the_stop_reading_splits_at_every_stop_before_a_capital() -> None:
    # the date cues take a sentence this way: a cue must not reach across any stop
    text = "Gen. Ortiz arrived. He left."
    assert _starts(sentences.stop_starts, text) == ["Gen. Ortiz a", "Ortiz arrive", "He left."]


def test_a_clause_starts_after_punctuation_or_a_relative_word() -> None:
    text = "The town, which fell in May, was rebuilt"
    assert text[sentences.clause_start(text, 0, text.index("May")) :].startswith(" fell in")
    assert text[sentences.clause_start(text, 0, text.index("rebuilt")) :].startswith(" was")


def test_the_index_is_built_once_per_document_and_only_when_asked() -> None:
    doc = read_text("First sentence here. Second one. A third.\n\nAnother paragraph.", "a.txt")
    assert doc._text_index is None
    index = doc.text_index
    assert doc.text_index is index
    para = next(doc.content_regions())
    starts = index.sentences(para)
    assert index.sentences(para) is starts
    assert [doc.view[s : s + 6] for s in starts] == ["First ", "Second", "A thir"]


def test_the_extractors_index_the_markup_free_text_of_a_marked_up_document() -> None:
    doc = read_text("In '''1990''' it [[Rain|rained]]. Then it stopped in May 1991.\n", "a.wiki")
    claims = extract(doc, load_packs())
    assert [c.text for c in claims.dates] == ["1990", "May 1991"]
    assert doc._text_index is None  # the extractors read a compacted copy with its own index


def test_the_calendar_knows_every_english_month_name_and_abbreviation() -> None:
    assert MONTH_NAMES == tuple(calendar.month_name)[1:]
    for n in range(1, 13):
        assert MONTHS[calendar.month_name[n]] == n
        assert MONTHS[calendar.month_abbr[n]] == n
    assert MONTHS["Sept"] == 9


def test_the_index_finds_the_region_of_a_span_and_its_sentence_and_quotes() -> None:
    text = 'Title\n\nHe said "we left in May." Then he went home.\n\nA second paragraph.\n'
    doc = read_text(text, "a.txt")
    index = doc.text_index
    then = text.index("Then")
    region = index.region_at(then, then + 4)
    assert region is not None and region.kind == "paragraph"
    assert index.sentence_start(region, text.index("home")) == then
    assert index.in_quote(region, text.index("May"))
    assert not index.in_quote(region, then)
    second = text.index("second")
    assert index.region_at(then, second) is None  # a span across two paragraphs has no region


def test_each_region_reads_the_same_off_the_views_stops_and_quotes_as_off_its_own() -> None:
    """The index finds the view's stops and quotes once and gives each region its own; regions
    nested or side by side read what a scan of the region alone finds."""
    text = (
        'Title\n\nHe said "we left." Then "Gen. Ortiz" came! Did he? Yes.\n\n'
        "A second «quoted» part ends here. And “this” too.\n"
    )
    doc = read_text(text, "a.txt")
    view, index = doc.view, doc.text_index
    whole = len(text) - 1
    regions = [*doc.content_regions(), Region("paragraph", 20, whole), Region("paragraph", 0, 25)]
    for r in regions:
        marks = sentences.stop_marks(view, r.start, r.end)
        assert index.stops(r) == sentences.stop_starts(view, r.start, r.end, marks)
        assert index.sentences(r) == sentences.sentence_starts(view, r.start, r.end, marks)
        for end in (r.end, r.start + 12):
            assert index.number_sentences(r, end) == sentences.number_sentence_starts(
                view, r.start, end, marks=marks
            )
        assert index.quotes(r) == sentences.quote_spans(view, r.start, r.end)
    assert index.quotes(regions[1]) == [(15, 25), (31, 43)]  # straight quotes, in one region
    assert index.quotes(regions[2]) == [(73, 81), (102, 108)]  # a guillemet, curly quotes
    assert index.quotes(regions[-1]) == [(15, 25)]  # a region's quotes end by its end
