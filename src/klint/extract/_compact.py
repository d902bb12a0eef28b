"""The view extractors read: a marked-up document's view with the markup gaps closed.

Blanked markup leaves runs of spaces (``in [[1990]]`` reads ``in   1990``);
:class:`Compacted` squeezes them so phrase patterns match, and moves the claims
found on the compact text back onto the file, so positions point at what the
user wrote.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
from typing import Any

from klint import lazyre
from klint.claims import Claims, QuantityClaim
from klint.document import Document, Region

#: White space to squeeze: a run of two or more blanks, a tab, or a blank at a line's start or
#: end or the text's end (every branch starts with a blank, so ``re`` skips to blanks fast;
#: a lone space opening the text is added by :func:`_squeezed`).
_SQUEEZE_RE = lazyre.compile(r"[ \t](?:[ \t]+|(?<=\t)|(?<=[\r\n][ \t])|(?=[\r\n])|\Z)")


#: without tabs and "\r": a run of two or more spaces (found by a search for "  "), and a lone
#: space after a line end, or before one (a lone space after a line end read backwards, the
#: space after the line end before being that one's): each pattern opens with a literal, which
#: ``re`` skips to many times faster than to a look-behind's match
_RUN_RE = lazyre.compile(r"  +")
_LONE_AFTER_LINE_END_RE = lazyre.compile(r"\n (?! )")
_LONE_BEFORE_LINE_END_REVERSED_RE = lazyre.compile(r"\n (?![ \n])")
_FAR = 1 << 62  # past every offset
_bare = object.__new__


def _squeezed(view: str) -> list[tuple[int, int]]:
    """The spans of ``view`` that compaction closes, in order."""
    if "\t" in view or "\r" in view:
        spans = [m.span() for m in _SQUEEZE_RE.finditer(view)]
    else:  # the same spans, found by searches for literals rather than at every blank
        spans = [m.span() for m in _RUN_RE.finditer(view)]
        n = len(view)
        spans += [(m.start() + 1, m.end()) for m in _LONE_AFTER_LINE_END_RE.finditer(view)]
        backwards = _LONE_BEFORE_LINE_END_REVERSED_RE.finditer(view[::-1])
        spans += [(n - m.end(), n - m.start() - 1) for m in backwards]
        if view[-1:] == " " and view[-2:-1] not in (" ", "\n"):
            spans.append((n - 1, n))  # a lone space ending the text
        spans.sort()
    if view[:1] == " " and (not spans or spans[0][0] != 0):
        spans.insert(0, (0, 1))
    return spans


@functools.cache
def _other_offsets(cls: type) -> tuple[tuple[str, bool], ...]:
    """A claim class's offset fields besides ``start`` and ``end`` (name, whether it is an
    exclusive end), read once."""
    return tuple(
        (f.name, f.name.endswith("_end"))
        for f in dataclasses.fields(cls)
        if f.name.endswith(("_start", "_end"))
    )


class Compacted:
    """A marked-up document as extractors should see it: the view with markup gaps closed.

    Blanked markup leaves runs of spaces (``in [[1990]]`` reads ``in   1990``);
    here every run of spaces and tabs becomes one space (none at a line end), so
    phrase patterns match, and line ends are kept, so lines stay lines. Regions
    are moved onto the compact text and :meth:`restore` moves every claim's
    offsets (``start``, ``end`` and each ``*_start``/``*_end`` field) back onto
    the file.
    """

    def __init__(self, doc: Document) -> None:
        from dataclasses import replace

        view = doc.view
        n = len(view)
        # the kept segments, each's file start and length (and its text): a space kept in a
        # gap extends the segment before it, the two being contiguous in the file too
        f: list[int] = []
        ln: list[int] = []
        pieces: list[str] = []
        pos = 0
        for a, b in _squeezed(view):
            end = (
                a + 1
                if 0 < a and b < n and view[a - 1] not in "\r\n" and view[b] not in "\r\n"
                else a
            )
            if end > pos:
                f.append(pos)
                ln.append(end - pos)
                pieces.append(view[pos:end])
            pos = b
        if pos < n:
            f.append(pos)
            ln.append(n - pos)
            pieces.append(view[pos:])
        self._f, self._n = f, ln
        self._c = c = list(itertools.accumulate(ln, initial=0))  # each segment's compact start
        self.size = c.pop()
        self.length = n
        text = "".join(pieces)
        if "\t" in text:  # a space kept in a gap was a tab there (every tab is in a gap)
            text = text.replace("\t", " ")
        # each region's offsets moved as inward() moves them, written out: a call for each
        # would cost more than the move. Regions come by start: a start stands in the last
        # one's segment or the next most often, and an end in its start's segment (a cell, a
        # line), each told by a comparison where a search costs several times more
        regions = []
        bisect_right = bisect.bisect_right
        m = len(f)
        k = -1  # the segment of the last start (-1: before the first)
        nxt = f[0] if m else _FAR  # where the segment after it starts
        for r in doc.regions:
            s, e = r.start, r.end
            if s >= nxt:
                k = k + 1 if k + 2 >= m or f[k + 2] > s else bisect_right(f, s) - 1
                nxt = f[k + 1] if k + 1 < m else _FAR
            elif k >= 0 and s < f[k]:
                k = bisect_right(f, s) - 1
                nxt = f[k + 1] if k + 1 < m else _FAR
            if k >= 0:
                into = s - f[k]
                start = c[k] + (into if into < ln[k] else ln[k])
            else:
                start = 0
            if k >= 0 and f[k] <= e < nxt:
                into = e - f[k]
                end = c[k] + (into if into < ln[k] else ln[k])
            else:
                j = bisect_right(f, e) - 1
                into = e - f[j] if j >= 0 else 0
                end = 0 if j < 0 else c[j] + (into if into < ln[j] else ln[j])
            moved = _bare(Region)  # its fields set one by one, a third cheaper than Region(...)
            moved.kind, moved.start, moved.end = r.kind, start, end
            moved.label, moved.section = r.label, r.section
            regions.append(moved)
        self.doc = replace(doc, text=text, masked=None, regions=regions, _index=None)

    def inward(self, offset: int) -> int:
        """The compact offset of the first kept character at or after file ``offset``."""
        f = self._f
        k = bisect.bisect_right(f, offset) - 1
        if k < 0:
            return 0
        into, n = offset - f[k], self._n[k]  # into the segment, or past its end (a gap)
        return self._c[k] + (into if into < n else n)

    def outward(self, offset: int, end: bool = False) -> int:
        """The file offset of compact ``offset`` (an exclusive end maps past its last character)."""
        past = 0  # an end maps one past the file offset of its last character
        if end and offset > 0:
            offset, past = offset - 1, 1
        if offset >= self.size or offset < 0:
            return self.length + past
        k = bisect.bisect_right(self._c, offset) - 1
        return self._f[k] + offset - self._c[k] + past

    def restore(self, claims: Claims) -> Claims:
        """``claims`` with their offsets moved back onto the file, each claim in place: the
        extractors built them for the compact text, which nothing else reads, and a copy
        would cost twice the move (frames are read afterwards, from the restored claims).

        Each offset moves as :meth:`outward` moves it, written out here: a call for each of a
        document's thousands of offsets would cost more than the move, and an offset in the
        segment of the one before (the next field, the next claim) is moved without a search.
        ``start`` and ``end``, which every claim has, are read and written as attributes (by
        name, through ``getattr``, each would cost several times as much), and so are a
        quantity's number and sentence bounds (a table of figures holds hundreds)."""
        starts, size, past_end = self._c, self.size, self.length
        ends = [*starts[1:], size]  # where each segment ends in the compact text
        shift = [f - c for f, c in zip(self._f, starts)]  # what an offset in each one gains
        bisect_right = bisect.bisect_right

        def segment(at: int) -> tuple[int, int, int]:
            """The segment holding compact offset ``at`` and what its offsets gain (outside
            the compact text: ``at`` alone, gaining what maps it past the end)."""
            if 0 <= at < size:
                k = bisect_right(starts, at) - 1
                return starts[k], ends[k], shift[k]
            return at, at + 1, past_end - at

        lo = hi = gain = 0  # the segment the last offset fell in, and what its offsets gain
        for group in (
            claims.dates,
            claims.quantities,
            claims.mentions,
            claims.acronyms,
            claims.references,
        ):
            last: type | None = None  # a list holds one class: its offset fields read once
            claim: Any  # of any claim class (a quantity's fields told by its class below)
            for claim in group:
                cls: type = type(claim)  # a class is hashable (mypy reads Claim.__hash__ here)
                if cls is not last:
                    others = _other_offsets(cls)
                    last = cls
                at = claim.start
                if not lo <= at < hi:  # segment(at), written out for the two every claim has
                    if 0 <= at < size:
                        k = bisect_right(starts, at) - 1
                        lo, hi, gain = starts[k], ends[k], shift[k]
                    else:
                        lo, hi, gain = at, at + 1, past_end - at
                claim.start = at + gain
                value = claim.end  # an end maps one past the file offset of its last character
                at = value - 1 if value > 0 else value
                if not lo <= at < hi:
                    if 0 <= at < size:
                        k = bisect_right(starts, at) - 1
                        lo, hi, gain = starts[k], ends[k], shift[k]
                    else:
                        lo, hi, gain = at, at + 1, past_end - at
                claim.end = value + gain
                if cls is QuantityClaim:  # see above: its four offsets written out
                    bound = claim.number_start
                    if bound is not None:
                        if not lo <= bound < hi:
                            lo, hi, gain = segment(bound)
                        claim.number_start = bound + gain
                    bound = claim.number_end
                    if bound is not None:
                        at = bound - 1 if bound > 0 else bound
                        if not lo <= at < hi:
                            lo, hi, gain = segment(at)
                        claim.number_end = bound + gain
                    bound = claim.sentence_start
                    if bound is not None:
                        if not lo <= bound < hi:
                            lo, hi, gain = segment(bound)
                        claim.sentence_start = bound + gain
                    bound = claim.sentence_end
                    if bound is not None:
                        at = bound - 1 if bound > 0 else bound
                        if not lo <= at < hi:
                            lo, hi, gain = segment(at)
                        claim.sentence_end = bound + gain
                    continue
                for name, is_end in others:
                    value = getattr(claim, name)
                    if type(value) is int:  # not None, nor a bool
                        at = value - 1 if is_end and value > 0 else value
                        if not lo <= at < hi:
                            lo, hi, gain = segment(at)
                        setattr(claim, name, value + gain)
        return claims
