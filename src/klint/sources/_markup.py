"""Helpers shared by the markup readers (Markdown, wikitext, HTML).

:class:`View` builds ``Document.masked``: a copy of the text of the same length
in which everything but the visible content is a space (line endings are kept,
so lines stay lines). Readers *show* the spans a reader would see and may
*write* a short rendering over a construct (``&amp;`` → ``&``,
``{{convert|5|km}}`` → ``5 km``), padded with spaces to the construct's length.
Rules read ``Document.view`` at the offsets of ``Document.text``; extractors
read :class:`Compacted`, the view with the markup gaps closed, and their claims'
offsets are moved back onto the file, so positions point at what the user wrote.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections.abc import Callable
from typing import Any

from klint.claims import Claim, Claims
from klint.document import Document, Region

_RUN_RE = re.compile(r"[^\r\n]+")
URL_RE = re.compile(
    r"\b(?:https?|ftp)://[^\s<>\"')\]]{1,2000}|\bwww\.[a-z0-9-]{1,63}\.[^\s<>\"')\]]{1,2000}",
    re.IGNORECASE,
)


def blank(s: str) -> str:
    """``s`` with every character but line endings replaced by a space."""
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    return _RUN_RE.sub(lambda m: " " * (m.end() - m.start()), s)


class View:
    """Collects the visible spans of a text and builds its masked view."""

    __slots__ = ("_parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._parts: list[tuple[int, int, str | None]] = []

    def show(self, start: int, end: int) -> None:
        """Mark ``text[start:end]`` visible."""
        if end > start:
            self._parts.append((start, end, None))

    def write(self, start: int, end: int, rendering: str) -> None:
        """Show ``rendering`` in place of ``text[start:end]`` (cut to fit, padded with spaces)."""
        if end > start:
            self._parts.append((start, end, rendering[: end - start].ljust(end - start)))

    def build(self) -> str:
        """The masked view: same length as the text; URLs are blanked too.

        Markup inside a token (``[[Armenia]]'s``, ``**20,000**,``,
        ``[[1988]]–[[1994]]``) would split it with spaces; the token's longest
        piece stays where it is written and the others close up against it
        (``Armenia's  ``, ``20,000,  ``, ``1988–1994    ``), so a short piece may
        sit up to the markup's width away from where it is written.
        """
        text = self.text
        out: list[str] = []
        gaps: list[tuple[int, int, bool]] = []  # blanked spans; True: padding after a rendering
        pos = 0
        for start, end, rendering in sorted(self._parts, key=lambda p: (p[0], -p[1])):
            start = max(start, pos)
            if end <= start:
                continue  # overlaps a span already shown
            if start > pos:
                out.append(blank(text[pos:start]))
                gaps.append((pos, start, False))
            if rendering is None:
                out.append(text[start:end])
            else:
                shown = rendering[len(rendering) - (end - start) :]
                out.append(shown)
                pad = len(shown) - len(shown.rstrip(" "))
                if pad and shown.strip():
                    gaps.append((end - pad, end, True))
            pos = end
        if pos < len(text):
            out.append(blank(text[pos:]))
        view = URL_RE.sub(lambda m: blank(m.group()), "".join(out))
        return _close_gaps(text, view, gaps)


def _close_gaps(text: str, view: str, gaps: list[tuple[int, int, bool]]) -> str:
    """Join the pieces of a token that markup split (see :meth:`View.build`)."""
    n = len(view)
    closable = [
        (a, b)
        for a, b, padding in gaps
        if 0 < a
        and b < n
        and not view[a - 1].isspace()
        and not view[b].isspace()
        and (padding or _JOINING_RE.fullmatch(text, a, b))
    ]
    if not closable:
        return view
    runs: list[list[tuple[int, int]]] = []  # gaps inside one token: "[[1988]]–[[1994]]"
    for a, b in closable:
        if runs and not any(c.isspace() for c in view[runs[-1][-1][1] : a]):
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    chars = list(view)
    for run in runs:
        left = run[0][0]
        while left > 0 and run[0][0] - left < _TOKEN_MAX and not view[left - 1].isspace():
            left -= 1
        right = run[-1][1]
        while right < n and right - run[-1][1] < _TOKEN_MAX and not view[right].isspace():
            right += 1
        bounds = [left] + [x for gap in run for x in gap] + [right]
        pieces = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
        anchor = max(
            range(len(pieces)),
            key=lambda k: (_has_alnum(view, *pieces[k]), pieces[k][1] - pieces[k][0]),
        )
        chars[left:right] = [" "] * (right - left)
        at = pieces[anchor][1]
        for a, b in reversed(
            pieces[: anchor + 1]
        ):  # the longest piece stays, those before it close up
            at -= b - a
            chars[at : at + (b - a)] = view[a:b]
        at = pieces[anchor][1]
        for a, b in pieces[anchor + 1 :]:  # those after it close up from the other side
            chars[at : at + (b - a)] = view[a:b]
            at += b - a
    return "".join(chars)


def _has_alnum(view: str, a: int, b: int) -> bool:
    return any(c.isalnum() for c in view[a:b])


_TOKEN_MAX = 40
#: markup that sits inside a token rather than between two (emphasis, link brackets, inline tags)
_JOINING_RE = re.compile(
    r"(?:[\[\]{}*_'~]|\]\([^\s()]{0,2000}\)|</?(?:a|b|i|u|s|em|strong|span|abbr|small|big|font|mark|q|cite|bdi|sup|sub)"
    r"\b[^<>]{0,500}>)+"
)


def tight(view: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` to its first and last visible character (None if none)."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


#: infobox parameter base names -> the labels the plain-text reader gives (a digit suffix is the side)
_INFOBOX_LABELS = {
    "date": "Date",
    "place": "Location",
    "location": "Location",
    "result": "Result",
    "territory": "Territorial changes",
    "status": "Status",
    "combatant": "Belligerents",
    "combatants": "Belligerents",
    "belligerent": "Belligerents",
    "belligerents": "Belligerents",
    "commander": "Commanders",
    "commanders": "Commanders",
    "leader": "Commanders",
    "strength": "Strength",
    "casualties": "Casualties",
    "casualty": "Casualties",
    "units": "Units",
    "born": "Born",
    "birth_date": "Born",
    "died": "Died",
    "death_date": "Died",
    "founded": "Founded",
    "dissolved": "Dissolved",
    "headquarters": "Headquarters",
    "population": "Population",
    "area": "Area",
    "type": "Type",
}
#: parameters that are not article text (pictures, layout, the box's own title)
INFOBOX_SKIP = frozenset(
    {
        "image",
        "image_size",
        "imagesize",
        "image_upright",
        "alt",
        "map",
        "map_type",
        "map_size",
        "map_caption",
        "coordinates",
        "embed",
        "module",
        "partof",
        "conflict",
        "name",
        "title",
        "width",
        "campaignbox",
        "notes",
        "caption",
        "image_caption",
    }
)
CAPTION_KEYS = frozenset({"caption", "image_caption", "map_caption"})
TITLE_KEYS = frozenset({"conflict", "name", "title"})
_SIDE_RE = re.compile(r"^(.*?)[_ ]?(\d{1,2})$")


def infobox_label(key: str) -> str:
    """``commander1`` → ``Commanders 1``, ``date`` → ``Date``, ``foo_bar`` → ``Foo bar``."""
    key = key.strip().lower().replace("-", "_")
    side = ""
    m = _SIDE_RE.match(key)
    if m and m.group(1):
        key, side = m.group(1), " " + m.group(2)
    label = _INFOBOX_LABELS.get(key) or key.replace("_", " ").strip().capitalize()
    return label + side


#: blanks to drop or shrink: runs of two or more, tabs, and blanks at a line's (or the text's) ends
#: White space to squeeze: a run of two or more blanks, a tab, or a blank at a line's start or
#: end or the text's end (every branch starts with a blank, so ``re`` skips to blanks fast;
#: a lone space opening the text is added by :func:`_squeezed`).
_SQUEEZE_RE = re.compile(r"[ \t](?:[ \t]+|(?<=\t)|(?<=[\r\n][ \t])|(?=[\r\n])|\Z)")


def _squeezed(view: str) -> list[tuple[int, int]]:
    """The spans of ``view`` that compaction closes, in order."""
    spans = [m.span() for m in _SQUEEZE_RE.finditer(view)]
    if view[:1] == " " and (not spans or spans[0][0] != 0):
        spans.insert(0, (0, 1))
    return spans


@functools.cache
def _layout(
    cls: type,
) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[tuple[str, bool], ...]]:
    """A claim class's field names, a getter of all their values, and its offset fields
    (name, whether it is an exclusive end): what moving a claim's offsets needs, read once."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    offsets = tuple(
        (n, n == "end" or n.endswith("_end"))
        for n in names
        if n in ("start", "end") or n.endswith(("_start", "_end"))
    )
    return names, operator.attrgetter(*names), offsets


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
        parts: list[str] = []
        self._c: list[int] = []  # kept segments: compact start, file start, length
        self._f: list[int] = []
        self._n: list[int] = []
        pos = size = 0

        def keep(a: int, b: int, piece: str) -> None:
            nonlocal size
            parts.append(piece)
            self._c.append(size)
            self._f.append(a)
            self._n.append(b - a)
            size += b - a

        for a, b in _squeezed(view):
            if a > pos:
                keep(pos, a, view[pos:a])
            if 0 < a and b < n and view[a - 1] not in "\r\n" and view[b] not in "\r\n":
                keep(a, a + 1, " ")
            pos = b
        if pos < n:
            keep(pos, n, view[pos:])
        self.length = n
        self.size = size
        regions = [
            Region(r.kind, self.inward(r.start), self.inward(r.end), r.label, r.section)
            for r in doc.regions
        ]
        self.doc = replace(doc, text="".join(parts), masked=None, regions=regions, _index=None)

    def inward(self, offset: int) -> int:
        """The compact offset of the first kept character at or after file ``offset``."""
        k = bisect.bisect_right(self._f, offset) - 1
        if k < 0:
            return 0
        return self._c[k] + min(offset - self._f[k], self._n[k])

    def outward(self, offset: int, end: bool = False) -> int:
        """The file offset of compact ``offset`` (an exclusive end maps past its last character)."""
        if end and offset > 0:
            return self.outward(offset - 1) + 1
        if offset >= self.size or offset < 0:
            return self.length
        k = bisect.bisect_right(self._c, offset) - 1
        return self._f[k] + offset - self._c[k]

    def restore(self, claims: Claims) -> Claims:
        """``claims`` with their offsets moved back onto the file."""

        def fix(claim: Claim) -> Claim:
            names, values_of, offsets = _layout(type(claim))
            data = dict(zip(names, values_of(claim)))
            for name, is_end in offsets:
                value = data[name]
                if isinstance(value, int) and not isinstance(value, bool):
                    data[name] = self.outward(value, end=is_end)
            return type(claim)(**data)

        return Claims(
            **{
                f.name: [fix(c) for c in getattr(claims, f.name)]
                for f in dataclasses.fields(claims)
                if f.name != "frames"  # read after restoring, from the restored claims
            }
        )
