"""The text index of a document: its content regions by offset, and each one's sentences
and quotations, each found once (the three readings of a sentence from one scan of its stops).

:attr:`klint.document.Document.text_index` builds it on first use; each region's
sentences are split on first use too, so a reader that never asks costs nothing.
Offsets are absolute, into the document's ``view``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from klint.text import sentences

if TYPE_CHECKING:
    from klint.document import Document, Region


class TextIndex:
    """Content regions by offset; sentence starts (the readings of :mod:`klint.text.sentences`)
    and quotations of each."""

    __slots__ = (
        "view",
        "_all",
        "_regions",
        "_starts",
        "_marks",
        "_stops",
        "_sentences",
        "_quotes",
        "_stop_chars",
        "_quote_opens",
    )

    def __init__(self, doc: Document) -> None:
        self.view = doc.view
        self._all = doc.regions  # not the document: no reference cycle keeps it alive
        self._regions: list[Region] | None = None
        self._starts: list[int] = []
        self._marks: dict[tuple[int, int], list[sentences.Mark]] = {}
        self._stops: dict[tuple[int, int], list[int]] = {}
        self._sentences: dict[tuple[int, int], list[int]] = {}
        self._quotes: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._stop_chars: list[int] | None = None  # the view's ".", "!" and "?"
        self._quote_opens: list[int] | None = None  # the view's quotes that open a quotation

    @property
    def regions(self) -> list[Region]:
        """The content regions, in the document's order."""
        if self._regions is None:
            from klint.document import CONTENT_KINDS

            self._regions = [r for r in self._all if r.kind in CONTENT_KINDS]
            self._starts = [r.start for r in self._regions]
        return self._regions

    def region_at(self, start: int, end: int) -> Region | None:
        """The content region holding ``[start, end)`` entirely, if any."""
        regions = self.regions
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and end <= regions[i].end:
            return regions[i]
        return None

    def _stop_marks(self, region: Region, key: tuple[int, int]) -> list[sentences.Mark]:
        """The stops of ``region`` (at ``key``), read on the first ask; a region without any
        (most small ones) is one sentence by each reading, stored with them."""
        found = self._marks.get(key)
        if found is None:
            stops = self._stop_chars
            if stops is None:  # found once for the view, each region's by bisection
                stops = self._stop_chars = sentences.find_chars(self.view, ".!?")
            i = bisect.bisect_left(stops, region.start)
            found = self._marks[key] = (
                sentences.stop_marks(self.view, region.start, region.end, stops, i)
                if i < len(stops) and stops[i] < region.end
                else []  # no stop in the region: none scanned for
            )
            if not found:
                self._stops[key] = self._sentences[key] = [region.start]
        return found

    def stops(self, region: Region) -> list[int]:
        """Where ``region``'s sentences start by :data:`~klint.text.sentences.STOP`."""
        key = (region.start, region.end)
        found = self._stops.get(key)
        if found is None:
            marks = self._stop_marks(region, key)
            found = self._stops.get(key)  # stored with the marks if there are none
            if found is None:
                found = self._stops[key] = sentences.stop_starts(
                    self.view, region.start, region.end, marks
                )
        return found

    def sentences(self, region: Region) -> list[int]:
        """Where ``region``'s sentences start, abbreviations and initials recognized."""
        key = (region.start, region.end)
        found = self._sentences.get(key)
        if found is None:
            marks = self._stop_marks(region, key)
            found = self._sentences.get(key)  # stored with the marks if there are none
            if found is None:
                found = self._sentences[key] = sentences.sentence_starts(
                    self.view, region.start, region.end, marks
                )
        return found

    def number_sentences(self, region: Region, end: int) -> list[int]:
        """Where ``region``'s sentences start as a quantity's sentence is taken, up to ``end``."""
        marks = self._stop_marks(region, (region.start, region.end))
        if not marks:
            return [region.start]
        return sentences.number_sentence_starts(self.view, region.start, end, marks=marks)

    def quotes(self, region: Region) -> list[tuple[int, int]]:
        """Quoted spans inside ``region``."""
        key = (region.start, region.end)
        found = self._quotes.get(key)
        if found is None:
            if self._quote_opens is None:  # found once for the view, each region's by bisection
                self._quote_opens = sentences.find_chars(self.view, sentences.QUOTE_OPENERS)
            found = self._quotes[key] = sentences.quote_spans(
                self.view, region.start, region.end, self._quote_opens
            )
        return found

    def sentence_start(self, region: Region, offset: int) -> int:
        """Where the sentence holding ``offset`` in ``region`` begins (abbreviations recognized)."""
        return sentences.containing(self.sentences(region), offset, region.start)

    def in_quote(self, region: Region, offset: int) -> bool:
        """Whether ``offset`` stands in a quotation (or ``region`` is one)."""
        return region.kind == "quote" or sentences.inside(self.quotes(region), offset)
