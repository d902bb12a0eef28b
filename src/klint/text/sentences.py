"""Sentences, clauses, quotations and brackets of a text.

A sentence ends at ".", "!" or "?" (closing quotes and brackets may follow), then
white space, then what can open a sentence. Three readings of that rule are in
use, each by what it must not get wrong:

- :data:`STOP` — every stop before a capital, a quote or a bracket. The date
  cues and the date rules take a sentence this way: a cue word ("since",
  "reported") must not reach across a stop, an abbreviation included.
- :func:`sentence_starts` — a stop after an abbreviation ("Gen.", "Jan."), an
  initial ("George H. W. Bush") or a dotted abbreviation before a word in lower
  case ("a.m. on") ends no sentence; a sentence may open with any letter that
  is not lower-case or with a digit. Names read sentence-initial capitals this way.
- :func:`number_sentence_starts` — a stop after an abbreviation or an initial
  ends no sentence; a sentence opens with a capital or a digit. A quantity's
  sentence (what a total and its parts share) is taken this way.

All three are read off one scan of a region's stops (:func:`stop_marks`), which the
text index keeps; each reading then keeps the stops it takes.

A clause ends at a comma, semicolon, colon, bracket or dash
(:data:`CLAUSE_PUNCT`) and, for the date cues, also before a relative word
(:data:`CLAUSE_BREAK`: "that", "which", "when"...).
"""

from __future__ import annotations

import bisect
import re

from klint import lazyre

#: A stop before a capital, a quote or a bracket (abbreviations not recognized).
STOP = lazyre.compile(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])")
#: :data:`STOP`, or a stop at the end of the text: where a sentence ends.
STOP_OR_END = re.compile(r"[.!?][\"”’)\]]*(?:\s+(?=[A-Z\"“(\[])|$)")
#: Punctuation that ends a clause.
CLAUSE_PUNCT = re.compile(r"[,;:()\u2014]")
#: A clause ends at its punctuation or before a relative word.
CLAUSE_BREAK = re.compile(rf"{CLAUSE_PUNCT.pattern}|\b(?:that|which|who|when|where|while)\b")

#: Where a claim frame's clause ends: a semicolon, a colon, a conjunction after a comma, "but".
MAIN_CLAUSE_BREAK = lazyre.compile(
    r";|:\s|,\s+(?:and|but|while|whereas|which|who|although|though)\b|\s(?:but|while|whereas)\s"
)

#: Words before a full stop that do not end a sentence (lower case, without the stop). Units
#: are left out: "ft." and "in." end sentences more often than they abbreviate.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt capt maj adm rev prof jr sr vs etc no nos fig co corp inc ltd "
    "mt jan feb mar apr jun jul aug sep sept oct nov dec approx ca c vol pp".split()
)
#: A stop before a capital or a digit (a quote or bracket may come between).
STOP_BEFORE_CAPITAL_OR_DIGIT = lazyre.compile(r"[.!?][\"”’)\]]{0,3}\s+(?=[\"“(\[]?[A-Z0-9])")
_TRAILING_WORD = re.compile(r"(\w+)$")
#: A stop, the closing quotes and brackets any reading lets follow it, and white space: where
#: each of the three readings may end a sentence (the group is the closers).
_STOP_MARK = re.compile(r"[.!?]([\"'\u201d\u2019)\]]*)\s+")
#: What may open a sentence by :data:`STOP`; what the number reading's opening quote may precede.
_STOP_OPENS = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ"\u201c([')
_CAPITAL_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

#: ``(stop, end of its closers, end of the white space after them)``
Mark = tuple[int, int, int]


def stop_marks(
    view: str, start: int, end: int, stops: list[int] | None = None, first: int | None = None
) -> list[Mark]:
    """Every stop inside ``[start, end)`` with closers and white space after it.

    A mark holds no other stop, so the marks are where each reading's pattern may match,
    and each reading keeps those whose closers and next character it takes; a shorter
    ``end`` than the marks' keeps those whose next character comes before it.
    ``stops``: :func:`find_chars` of ``".!?"`` in ``view`` (else found here); ``first``: the
    index of the first of them at or after ``start``, if the caller found it."""
    # tried only at each stop, found by ``str.find`` (far faster than the pattern's own scan
    # for its first character); a mark holds no stop, so the marks are those ``finditer`` finds
    if stops is None:
        stops = find_chars(view, ".!?", start, end)
    if first is None:
        first = bisect.bisect_left(stops, start)
    marks = []
    for p in stops[first : bisect.bisect_left(stops, end, first)]:
        m = _STOP_MARK.match(view, p, end)
        if m is not None:
            marks.append((p, m.end(1), m.end()))
    return marks


def stop_starts(view: str, start: int, end: int, marks: list[Mark] | None = None) -> list[int]:
    """``start`` and every offset after a :data:`STOP` inside ``[start, end)`` (``marks``:
    :func:`stop_marks` of ``[start, end)`` or beyond)."""
    if marks is None:
        marks = stop_marks(view, start, end)
    return [start] + [
        e
        for s, c, e in marks
        if e < end and view[e] in _STOP_OPENS and (c == s + 1 or "'" not in view[s + 1 : c])
    ]


def sentence_start(view: str, region_start: int, pos: int) -> int:
    """Where the sentence holding ``pos`` begins, by :data:`STOP` (looking back 400 characters)."""
    lo = max(region_start, pos - 400)
    start = lo
    for m in STOP.finditer(view, lo, pos):
        start = m.end()
    return start


def clause_start(view: str, sent_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after a comma, "that", "which"...)."""
    start = sent_start
    for m in CLAUSE_BREAK.finditer(view, sent_start, pos):
        start = m.end()
    return start


def _opens_any(ch: str) -> bool:
    """A letter that is not lower-case, or a digit: what opens a sentence by :func:`sentence_starts`."""
    return ch.isalnum() and not "a" <= ch <= "z"


def sentence_starts(view: str, start: int, end: int, marks: list[Mark] | None = None) -> list[int]:
    """Sentence starts inside ``[start, end)``, abbreviations and initials recognized; always ``start``.

    ``marks``: :func:`stop_marks` of ``[start, end)`` or beyond."""
    if marks is None:
        marks = stop_marks(view, start, end)
    starts = [start]
    for j, _, e in marks:
        if e >= end:
            continue
        ch = view[e]  # a capital or a digit, after a quote or bracket or not
        if not _opens_any(ch) and not (
            ch in "\"'\u201c\u2018([" and e + 1 < end and _opens_any(view[e + 1])
        ):
            continue
        k = j
        while k > start and (view[k - 1].isalpha() or view[k - 1] == "."):
            k -= 1
        word = view[k:j].casefold()
        if word.rstrip(".") in ABBREVIATIONS:
            continue
        if len(word.replace(".", "")) == 1 and view[k : k + 1].isupper():  # "George H. W. Bush"
            continue
        if "." in word and word.replace(".", "").isalpha() and len(word) <= 6:  # "P.M.", "U.S."
            if not view[e].isupper():
                continue
        starts.append(e)
    return starts


def number_sentence_starts(
    view: str,
    start: int,
    end: int,
    any_single_character: bool = False,
    marks: list[Mark] | None = None,
) -> list[int]:
    """Sentence starts inside ``[start, end)`` as a quantity's sentence is taken; always ``start``.

    ``any_single_character``: a stop after any one-character word ("5.", "b.") ends no
    sentence either, as a claim frame takes it; else only after a capital (an initial).
    ``marks``: :func:`stop_marks` of ``[start, end)`` or beyond.
    """
    if marks is None:
        marks = stop_marks(view, start, end)
    starts = [start]
    for s, c, e in marks:  # :data:`STOP_BEFORE_CAPITAL_OR_DIGIT`: at most three closers, no "'"
        if e >= end or c - s > 4 or (c > s + 1 and "'" in view[s + 1 : c]):
            continue
        ch = view[e]
        if ch not in _CAPITAL_OR_DIGIT and not (
            ch in '"\u201c([' and e + 1 < end and view[e + 1] in _CAPITAL_OR_DIGIT
        ):
            continue
        w = _TRAILING_WORD.search(view[max(start, s - 12) : s])
        if w and (
            w.group(1).lower() in ABBREVIATIONS
            or (len(w.group(1)) == 1 and (any_single_character or w.group(1).isupper()))
        ):
            continue
        starts.append(e)
    return starts


def containing(starts: list[int] | tuple[int, ...], offset: int, default: int) -> int:
    """The last of the sorted ``starts`` at or before ``offset`` (``default`` when none is)."""
    i = bisect.bisect_right(starts, offset) - 1
    return starts[i] if i >= 0 else default


#: Quoted text: straight or curly double quotes, or guillemets, within one line.
_QUOTE = re.compile(
    '"[^"\n]{1,2000}"|\u201c[^\u201d\n]{1,2000}\u201d|\u00ab[^\u00bb\n]{1,2000}\u00bb'
)


#: What opens a quotation of :func:`quote_spans`.
QUOTE_OPENERS = '"\u201c\u00ab'


def quote_spans(
    view: str, start: int, end: int, opens: list[int] | None = None
) -> list[tuple[int, int]]:
    """Spans of quoted text inside ``[start, end)`` (double quotes, curly or straight, guillemets).

    ``opens``: :func:`find_chars` of :data:`QUOTE_OPENERS` in ``view`` (else found here)."""
    # a match opens with a quote: scanned from the first one, found by ``str.find`` (which
    # skips ahead many times faster than the pattern's scan; most regions have none)
    if opens is None:
        opens = find_chars(view, QUOTE_OPENERS, start, end)
    i = bisect.bisect_left(opens, start)
    if i == len(opens) or opens[i] >= end:
        return []
    return [(m.start(), m.end()) for m in _QUOTE.finditer(view, opens[i], end)]


def find_chars(view: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted offsets of ``chars`` inside ``[start, end)``: one ``str.find`` scan a character
    (far faster than a pattern's scan for a class of characters)."""
    if end is None:
        end = len(view)
    found = []
    for ch in chars:
        p = view.find(ch, start, end)
        while p >= 0:
            found.append(p)
            p = view.find(ch, p + 1, end)
    found.sort()
    return found


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls inside one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (offset, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


#: what changes the nesting: most stretches hold none, told by one search rather than a count each
_NESTING_MARK = re.compile(r'[()"“”]')


class Nesting:
    """Parenthesis depth and quotation state at increasing offsets of one region (linear overall)."""

    def __init__(self, view: str, start: int) -> None:
        self.view, self.pos = view, start
        self.parens = self.straight = self.curly = 0

    def at(self, pos: int) -> str | None:
        """ "parenthesis" or "quotation" when ``pos`` stands inside one, else None (call with increasing ``pos``)."""
        if pos > self.pos:
            marks = _NESTING_MARK.findall(self.view, self.pos, pos)
            self.pos = pos
            if marks:
                self.parens += marks.count("(") - marks.count(")")
                self.straight += marks.count('"')
                self.curly += marks.count("“") - marks.count("”")
        if self.parens > 0:
            return "parenthesis"
        if self.straight % 2 == 1 or self.curly > 0:
            return "quotation"
        return None
