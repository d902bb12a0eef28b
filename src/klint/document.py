"""The document model: text, the regions a reader found, and a line index.

Every later stage speaks in character offsets into ``Document.text``; only
reporters turn offsets into 1-based line and column numbers.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from klint.text.index import TextIndex

RegionKind = Literal[
    "title",
    "boilerplate",
    "infobox",
    "infobox_field",
    "heading",
    "paragraph",
    "caption",
    "list_item",
    "table",
    "table_row",
    "table_cell",
    "quote",
]

#: Regions whose text is article content (the extractor reads these).
CONTENT_KINDS: frozenset[str] = frozenset(
    {"title", "infobox_field", "heading", "paragraph", "caption", "list_item", "table_row", "quote"}
)


@dataclass(slots=True, unsafe_hash=True)
class Region:
    """A typed span of the text. ``label`` holds a field name, heading level or column header.

    A value, never changed once in a document (:func:`with_sections` sets ``section`` before);
    not declared frozen, which would triple its cost.
    """

    kind: RegionKind
    start: int
    end: int
    label: str | None = None
    section: int = 0  # index of the heading region that opens this region's section (0: none)


class LineIndex:
    """Maps character offsets to 1-based (line, column), columns counted in characters.

    ``\\r\\n``, ``\\r`` and ``\\n`` each end a line; a missing final newline is fine.
    """

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        i, n = 0, len(text)
        find = text.find
        # each kind of line end is looked for again only once passed: a text without "\r"
        # is searched for it once, not once a line
        nl, cr = find("\n"), find("\r")
        while True:
            if 0 <= nl < i:
                nl = find("\n", i)
            if 0 <= cr < i:
                cr = find("\r", i)
            if nl < 0 and cr < 0:
                break
            if cr < 0 or (0 <= nl < cr):
                i = nl + 1
            elif cr + 1 < n and text[cr + 1] == "\n":
                i = cr + 2
            else:
                i = cr + 1
            starts.append(i)
        self._starts = starts
        self._length = n

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return min(self.line_start(line) + column - 1, self._length)


def with_sections(regions: list[Region]) -> list[Region]:
    """Sort regions by position and point each at the heading that opens its section.

    The regions are a reader's own, in no document yet: each one's ``section`` is set in
    place (a copy of each would cost as much as building it)."""
    # by start, the longer of two first: by end, latest first, then (stably) by start, each
    # key read by ``attrgetter``, not a tuple built for each region
    regions = sorted(regions, key=_END, reverse=True)
    regions.sort(key=_START)
    current = 0
    for i, r in enumerate(regions):
        if r.kind == "heading":
            current = i
        elif r.section != current:
            r.section = current
    return regions


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")
_KIND = operator.attrgetter("kind")


@dataclass(slots=True)
class Document:
    """An article: its text, its path, its format and the regions its reader found."""

    text: str
    path: str = "<text>"
    format: str = "text"
    regions: list[Region] = field(default_factory=list)
    front_matter: dict[str, Any] | None = (
        None  # claims-file data embedded in the article (Markdown)
    )
    #: Same length as ``text``, markup replaced by spaces (Markdown, wikitext, HTML) or a plain
    #: text's lost no-break spaces given back; None: nothing to change.
    masked: str | None = field(default=None, repr=False)
    front_matter_error: str | None = None  # why the front matter could not be read (line named)
    reader_warning: str | None = (
        None  # why the file was read with a simpler reader than its format's
    )
    _index: LineIndex | None = field(default=None, repr=False)
    _text_index: TextIndex | None = field(default=None, init=False, repr=False, compare=False)
    #: the regions list last read, and the kind of each of its regions
    _kinds: tuple[list[Region], list[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def view(self) -> str:
        """The text extractors read: ``masked`` when the reader made one, else ``text``.

        Offsets are shared with ``text``, so a span found in the view is reported
        at the same place in the file; ``text[start:end]`` quotes what the user wrote.
        """
        return self.text if self.masked is None else self.masked

    @property
    def lines(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    @property
    def text_index(self) -> TextIndex:
        """Sentences and quotations of the view's regions, each found on first use."""
        if self._text_index is None:
            from klint.text.index import TextIndex

            self._text_index = TextIndex(self)
        return self._text_index

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line ending."""
        start = self.lines.line_start(line)
        end = len(self.text)
        for stop in ("\n", "\r"):
            j = self.text.find(stop, start)
            if 0 <= j < end:
                end = j
        return self.text[start:end]

    def regions_of(self, *kinds: str) -> Iterator[Region]:
        """The regions of ``kinds``, in the document's order, picked in C from the regions'
        kinds (read once): rules ask for a kind or a few many times, and a table has hundreds
        of cells, each of which a loop in Python would step over."""
        return self._picked(frozenset(kinds))

    def content_regions(self) -> Iterator[Region]:
        """Regions the extractor reads, in text order."""
        return self._picked(CONTENT_KINDS)

    def _picked(self, kinds: frozenset[str]) -> Iterator[Region]:
        """The regions whose kind is one of ``kinds``, in order."""
        regions, found = self.regions, self._kinds
        if found is None or found[0] is not regions:
            found = self._kinds = regions, list(map(_KIND, regions))
        return itertools.compress(regions, map(kinds.__contains__, found[1]))

    def region_at(self, offset: int, *kinds: str) -> Region | None:
        """The innermost region of one of ``kinds`` (any kind if none given) containing ``offset``."""
        best: Region | None = None
        for r in self.regions:
            if r.start <= offset < r.end and (not kinds or r.kind in kinds):
                if best is None or (r.end - r.start) <= (best.end - best.start):
                    best = r
        return best
