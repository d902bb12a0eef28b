"""The text index of a document: sentences and quotations of each content region, found once.

:attr:`klint.document.Document.text_index` builds it on first use; each region's
sentences are split on first use too, so a reader that never asks costs nothing.
Offsets are absolute, into the document's ``view``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from klint.text import sentences

if TYPE_CHECKING:
    from klint.document import Document, Region


class TextIndex:
    """Sentence starts (two readings of :mod:`klint.text.sentences`) and quotations, per region."""

    __slots__ = ("view", "_stops", "_sentences", "_quotes")

    def __init__(self, doc: Document) -> None:
        self.view = doc.view
        self._stops: dict[tuple[int, int], list[int]] = {}
        self._sentences: dict[tuple[int, int], list[int]] = {}
        self._quotes: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def stops(self, region: Region) -> list[int]:
        """Where ``region``'s sentences start by :data:`~klint.text.sentences.STOP`."""
        key = (region.start, region.end)
        found = self._stops.get(key)
        if found is None:
            found = self._stops[key] = sentences.stop_starts(self.view, region.start, region.end)
        return found

    def sentences(self, region: Region) -> list[int]:
        """Where ``region``'s sentences start, abbreviations and initials recognized."""
        key = (region.start, region.end)
        found = self._sentences.get(key)
        if found is None:
            found = self._sentences[key] = sentences.sentence_starts(
                self.view, region.start, region.end
            )
        return found

    def quotes(self, region: Region) -> list[tuple[int, int]]:
        """Quoted spans inside ``region``."""
        key = (region.start, region.end)
        found = self._quotes.get(key)
        if found is None:
            found = self._quotes[key] = sentences.quote_spans(self.view, region.start, region.end)
        return found
