"""Helpers shared by the markup readers (Markdown, wikitext, HTML).

:class:`View` builds ``Document.masked``: a copy of the text of the same length
in which everything but the visible content is a space (line endings are kept,
so lines stay lines). Readers *show* the spans a reader would see and may
*write* a short rendering over a construct (``&amp;`` → ``&``,
``{{convert|5|km}}`` → ``5 km``), padded with spaces to the construct's length.
Rules read ``Document.view`` at the offsets of ``Document.text``; extractors
read the view with the markup gaps closed (:mod:`klint.extract._compact`).
"""

from __future__ import annotations

import functools
import operator
import re

#: a URL: ``http://``, ``https://`` or ``ftp://`` (any case) and what follows, or ``www.`` and a
#: domain, each after a word boundary. Its first letter is a class of its own, so the search
#: skips to the next "f", "h" or "w" in C; the boundary is looked for behind that letter
URL_RE = re.compile(
    r"[fFhHwW](?<!\w.)(?i:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.[a-z0-9-]{1,63}\.)"
    r"(?i:[^\s<>\"')\]]{1,2000})"
)


def blank(s: str) -> str:
    """``s`` with every character but line endings replaced by a space."""
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    # as bytes, one for each character ("?" beyond ASCII), each but a line ending made a
    # space in C: a string built for each line costs several times more
    return s.encode("ascii", "replace").translate(_BLANK_BYTES).decode("ascii")


_BLANK_BYTES = bytes(b if b in b"\r\n" else 32 for b in range(256))


class View:
    """Collects the visible spans of a text and builds its masked view."""

    __slots__ = ("_parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._parts: list[tuple[int, int, str | None]] = []

    def show(self, start: int, end: int) -> None:
        """Mark ``text[start:end]`` visible."""
        if end > start:
            self._parts.append((start, -end, None))

    def write(self, start: int, end: int, rendering: str) -> None:
        """Show ``rendering`` in place of ``text[start:end]`` (cut to fit, padded with spaces)."""
        if end > start:
            self._parts.append((start, -end, rendering[: end - start].ljust(end - start)))

    def build(self) -> str:
        """The masked view: same length as the text; URLs are blanked too.

        Markup inside a token (``[[Armenia]]'s``, ``**20,000**,``,
        ``[[1988]]–[[1994]]``) would split it with spaces; the token's longest
        piece stays where it is written and the others close up against it
        (``Armenia's  ``, ``20,000,  ``, ``1988–1994    ``), so a short piece may
        sit up to the markup's width away from where it is written.
        """
        text = self.text
        blanked = blank(text)
        out: list[str] = []
        #: the blanked spans that may join two pieces of a token: between two characters
        #: that are no space (True: padding after a rendering)
        gaps: list[tuple[int, int, bool]] = []
        pos = 0
        # each part is (start, -end, rendering): the first and longest at each start first
        for start, end, rendering in sorted(self._parts, key=_START_AND_LENGTH):
            end = -end
            if start < pos:
                start = pos
            if end <= start:
                continue  # overlaps a span already shown
            shown = (
                text[start:end]
                if rendering is None
                else rendering[len(rendering) - (end - start) :]
            )
            if start > pos:
                out.append(blanked[pos:start])
                if pos and not out[-2][-1].isspace() and not shown[0].isspace():
                    gaps.append((pos, start, False))
            out.append(shown)
            if rendering is not None:
                pad = len(shown) - len(shown.rstrip(" "))
                if pad and shown.strip():
                    gaps.append((end - pad, end, True))
            pos = end
        if pos < len(text):
            out.append(blanked[pos:])
        view = "".join(out)
        if _may_hold_url(view):
            view = URL_RE.sub(lambda m: blank(m.group()), view)
        return _close_gaps(text, view, gaps)


_START_AND_LENGTH = operator.itemgetter(0, 1)


def _may_hold_url(s: str) -> bool:
    """Whether ``s`` may hold what ``URL_RE`` finds (``://`` or ``www.`` in any case): a few
    substring tests, where the pattern tries every position of the text."""
    return "://" in s or "ww." in s or "wW." in s or "Ww." in s or "WW." in s


_LINE_END_RE = re.compile(r"[\r\n]")


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
        # brackets, braces and quotes alone (the commonest, told without a search), or
        and (
            not text[a:b].strip(_JOINING_MARKS)
            or (
                (padding or _JOINING_RE.fullmatch(text, a, b))
                and not _LINE_END_RE.search(text, a, b)  # closing up would move the line end
            )
        )
    ]
    if not closable:
        return view
    runs: list[list[int]] = []  # the ends of the gaps inside one token: "[[1988]]–[[1994]]"
    for a, b in closable:
        if runs and not _SPACE_RE.search(view, runs[-1][-1], a):
            runs[-1] += (a, b)
        else:
            runs.append([a, b])
    # a space parts two runs, and each run's token ends at a space: they never overlap
    out: list[str] = []
    pos = 0
    for run in runs:
        # the token's ends: up to _TOKEN_MAX characters out, to a space
        first, last = run[0], run[-1]
        lead = view[first - _TOKEN_MAX if first > _TOKEN_MAX else 0 : first]
        left = first - len(lead.rsplit(None, 1)[-1])
        right = last + len(view[last : last + _TOKEN_MAX].split(None, 1)[0])
        # the longest piece (with a letter or digit if one has any) stays, those before it
        # close up to it and those after it from the other side
        if len(run) == 2:  # one gap, the commonest: two pieces, the first kept on a tie
            a, b = run
            head, tail = view[left:a], view[b:right]
            first_stays = len(head) + (n if _has_alnum(head, view, left) else 0) >= len(tail) + (
                n if _has_alnum(tail, view, b) else 0
            )
            gap = " " * (b - a)
            out += (
                [view[pos:left], head, tail, gap]
                if first_stays
                else [view[pos:left], gap, head, tail]
            )
            pos = right
            continue
        bounds = iter([left, *run, right])
        pieces: list[str] = []
        best = size = kept = at = 0
        for a, b in zip(bounds, bounds):  # each piece's start and end
            pieces.append(view[a:b])
            size += b - a
            weight = b - a + (n if _has_alnum(pieces[-1], view, a) else 0)
            if weight > best:
                best, at, kept = weight, b, size
        joined = "".join(pieces)
        spaces = at - left - kept  # the gaps before the piece that stays
        out += [
            view[pos:left],
            " " * spaces,
            joined,
            " " * (right - left - spaces - len(joined)),
        ]
        pos = right
    out.append(view[pos:])
    return "".join(out)


_SPACE_RE = re.compile(r"\s")  # what str.isspace() takes for a space
_ALNUM_RE = re.compile(r"[^\W_]")  # what str.isalnum() takes for a letter or digit
_TOKEN_MAX = 40
#: the marks of emphasis and of links and templates, which sit inside a token
_JOINING_MARKS = "[]{}*_'~"
#: markup that sits inside a token rather than between two (emphasis, link brackets, inline tags)
_JOINING_RE = re.compile(
    r"(?:[\[\]{}*_'~]|\]\([^\s()]{0,2000}\)|</?(?:a|b|i|u|s|em|strong|span|abbr|small|big|font|mark|q|cite|bdi|sup|sub)"
    r"\b[^<>]{0,500}>)+"
)


def _has_alnum(piece: str, view: str, at: int) -> bool:
    """Whether ``piece`` (at ``at`` in ``view``) holds a letter or digit: a word of them or
    one character told by ``isalnum``, the rest by a search."""
    if piece.isalnum():
        return True
    return len(piece) > 1 and _ALNUM_RE.search(view, at, at + len(piece)) is not None


def tight(view: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` to its first and last visible character (None if none)."""
    piece = view[start:end]  # blanked markup leaves long runs of spaces: strip them in C
    body = piece.strip()
    if not body:
        return None
    start += len(piece) - len(piece.lstrip())
    return start, start + len(body)


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
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "AdmittanceDate": two words run together
_SIDE_RE = re.compile(r"^(.*?)[_ ]?(?<!\d)(\d{1,2})$")  # not "pop_2001"


@functools.lru_cache(maxsize=4096)
def infobox_label(key: str) -> str:
    """``commander1`` → ``Commanders 1``, ``date`` → ``Date``, ``foo_bar`` → ``Foo bar``,
    ``AdmittanceDate`` → ``Admittance date`` (kept per key: infoboxes share their keys)."""
    key = _CAMEL_RE.sub("_", key.strip()).lower().replace("-", "_")
    side = ""
    m = _SIDE_RE.match(key)
    if m and m.group(1):
        key, side = m.group(1), " " + m.group(2)
    label = _INFOBOX_LABELS.get(key) or key.replace("_", " ").strip().capitalize()
    return label + side
