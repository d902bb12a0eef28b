"""What stands around a date: its cue words, the word before it, whether it recurs.

A date after a flashback or report cue in its sentence ("since 1923", "Prior to
his death in 1989", "as reported in November 1993"), in parentheses, in a
quotation or used attributively ("the 1921 decision") is not the story's time:
:meth:`RegionText.cue` says why, and the narrative clock (:mod:`._clock`) does
not move. A date that recurs ("on 12 August each year", "every May 12") names no
year. The cue lexicon is compiled from the rule packs once per pack set.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_letters

from klint.packcache import per_packs
from klint.packs import Packs
from klint.text.sentences import Nesting, clause_start
from klint.text.words import literal_alternation, whole_words, words_re

#: what ``_WORD_AFTER`` opens with: most dates (table cells) stand before none of it
_BLANKS = frozenset(" \t")
_DETERMINER = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|this|that|these)[ \t]{1,2}$", re.IGNORECASE
)


@dataclass(frozen=True)
class Lexicon:
    """Compiled cue lexicons from the rule packs."""

    flashback: re.Pattern[str]  # flashback words, case-insensitive, whole words (for short windows)
    clause_flashback: re.Pattern[
        str
    ]  # "had", "had been": a flashback only inside the date's clause
    plain_cues: re.Pattern[str]  # report and flashback words, lower case, no word boundaries (fast)
    plain_had: re.Pattern[str]
    flashback_words: frozenset[str]
    not_year_followers: frozenset[str]
    not_year_leaders: frozenset[str]
    prepositions: frozenset[str]  # function words a date claim keeps as its preposition
    year_prepositions: frozenset[str]  # words before a bare four-digit number that make it a year
    year_chain_words: frozenset[str]  # "and", "to": a year when it closely follows another date
    year_period_nouns: frozenset[str]  # "the end of 1921": nouns of a stretch of time before "of"
    date_labels: frozenset[str]  # words of infobox labels whose value is a date, lower-cased
    cue_length: int  # the length of the longest match of ``plain_cues``
    #: a word each cue must hold as a whole word (its longest), as :func:`_words` splits it; a
    #: sentence with none of them holds no cue. None if a cue has no word.
    cue_words: frozenset[bytes] | None


@lru_cache(maxsize=8)
def _compile(
    flash: tuple[str, ...],
    report: tuple[str, ...],
    followers: tuple[str, ...],
    leaders: tuple[str, ...],
    prepositions: tuple[str, ...],
    year_words: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    date_labels: tuple[str, ...],
) -> Lexicon:
    year_prepositions, year_chain_words, year_period_nouns = (
        frozenset(w.lower() for w in words) for words in year_words
    )
    # "had" marks a past perfect only inside the date's own clause
    clause_only = tuple(w for w in flash if w.split()[0] == "had")
    sentence = tuple(w for w in flash if w not in clause_only)
    return Lexicon(
        words_re(sentence),
        words_re(clause_only),
        literal_alternation((*sentence, *report)),
        literal_alternation(clause_only),
        frozenset(w.lower() for w in flash),
        frozenset(w.lower() for w in followers),
        frozenset(w.lower() for w in leaders),
        frozenset(w.lower() for w in prepositions),
        year_prepositions,
        year_chain_words,
        year_period_nouns,
        frozenset(w.lower() for w in date_labels),
        max((len(" ".join(w.lower().split())) for w in (*sentence, *report)), default=0),
        _cue_words((*sentence, *report)),
    )


#: a lower-cased text's bytes (see :func:`_words`) with every byte but a-z and 0-9 a space
_WORD_BYTES = bytes(b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))


def _words(low: str) -> bytes:
    """``low`` (lower case) as ASCII bytes at the same offsets, each character that is no
    ASCII letter or digit a space: its words split apart at every character that parts whole
    words (a character beyond ASCII parts them too, so a word of the bytes may be less than
    a word of the text, never more)."""
    return low.encode("ascii", "replace").translate(_WORD_BYTES)


def _cue_words(cues: tuple[str, ...]) -> frozenset[bytes] | None:
    """The longest word of each cue (see :attr:`Lexicon.cue_words`)."""
    found = set()
    for cue in cues:
        words = _words(cue.lower()).split()
        if not words:
            return None
        found.add(max(words, key=len))
    return frozenset(found)


@per_packs
def lexicon(packs: Packs) -> Lexicon:
    """The packs' cue lexicon, built once per packs object (the word lists, turned into
    tuples, are the key of the compiled lexicon, shared by equal pack sets)."""
    words = packs.date_words
    report = (*words.get("report_cues", ()), *words.get("future_cues", ()))
    return _compile(
        tuple(packs.flashback_cues),
        tuple(report),
        tuple(words.get("not_year_followers", ())),
        tuple(words.get("not_year_leaders", ())),
        tuple(words.get("prepositions", ())),
        (
            tuple(words.get("year_prepositions", ())),
            tuple(words.get("year_chain_words", ())),
            tuple(words.get("year_period_nouns", ())),
        ),
        tuple(words.get("date_labels", ())),
    )


# The word before a date is read backwards, in a window of 24 characters before it: a pattern
# ending in ``$`` is tried at each offset of the window, several times the cost. The window's
# text is sliced once and its blanks and letters stripped off its end (``str.rstrip``), where a
# step back per character costs several times more; its bounds are worked out by a
# conditional, a fraction of the cost of a call to ``max``.


#: where the window before a date starts, and its text without its ending blanks (see
#: :func:`window`)
Window = tuple[int, str | None]


def window(view: str, region_start: int, pos: int) -> Window:
    """Where the window before ``pos`` starts, and its text up to a line break ending it
    without the one or two spaces or tabs ending it (None when none or more do): what
    :func:`_before_blanks` gives of the window, written out, as every date asks it. The
    readings below take it read once for a date (``before``), else read it."""
    lo = pos - 24 if pos - 24 > region_start else region_start
    if pos > lo and view[pos - 1] == "\n":
        pos -= 1
    text = view[lo:pos]
    head = text.rstrip(" \t")
    return lo, head if 0 < len(text) - len(head) < 3 else None


def _before_blanks(text: str) -> str | None:
    """``text`` without the one or two spaces or tabs ending it; None when none or more do."""
    head = text.rstrip(" \t")
    return head if 0 < len(text) - len(head) < 3 else None


def word_before(view: str, region_start: int, pos: int, before: Window | None = None) -> str | None:
    """The word before ``pos``, skipping "the", lower-cased: a whole word of ASCII letters,
    then one or two spaces or tabs (and "the" with one or two more)."""
    lo, head = before or window(view, region_start, pos)
    if head is None:
        return None
    if head.endswith("the"):
        before_the = _before_blanks(head[:-3])
        if before_the is not None and (word := _whole_word(view, lo, before_the)) is not None:
            return word
    return _whole_word(view, lo, head)


def _whole_word(view: str, lo: int, text: str) -> str | None:
    """The word of ASCII letters ending ``text`` (``view[lo:]`` up to there), lower-cased, when
    a word boundary opens it."""
    head = text.rstrip(ascii_letters)
    start = lo + len(head)
    if len(head) == len(text) or (start and (view[start - 1].isalnum() or view[start - 1] == "_")):
        return None
    return text[len(head) :].lower()


def preposition(
    view: str, region_start: int, pos: int, words: frozenset[str], before: Window | None = None
) -> str | None:
    """The function word (one of ``words``) before a date ("in", "since", "by"), skipping "the";
    None for any other word."""
    word = word_before(view, region_start, pos, before)
    return word if word in words else None


def determiner_before(view: str, region_start: int, pos: int) -> bool:
    """Is the date preceded by "the", "its", "a"…? ("the 1921 decision")."""
    return (
        _DETERMINER.search(view, pos - 8 if pos - 8 > region_start else region_start, pos)
        is not None
    )


class RegionText:
    """Sentences, clauses and cue words of one region, each found once and only where needed.

    Dates are asked about at increasing offsets: it keeps the parenthesis and quotation state,
    and the cue words of the sentence asked about last, as no earlier one is asked about again.
    """

    __slots__ = (
        "view",
        "start",
        "end",
        "lex",
        "sentences",
        "nesting",
        "_at",
        "_low",
        "_words",
        "_had",
        "_pos",
        "_first",
    )
    #: the sentence read last: its text in lower case, its words (see _words; split when first
    #: asked), its past-perfect words, where the search for its first cue word goes on, and that
    #: word once found
    _low: str
    _words: bytes | None
    _had: list[tuple[int, int]]
    _pos: int
    _first: tuple[int, int] | None

    def __init__(self, view: str, start: int, end: int, sentences: list[int], lex: Lexicon) -> None:
        self.view, self.start, self.end, self.lex = view, start, end, lex
        self.sentences = sentences
        self.nesting = Nesting(view, start)
        self._at = -1  # where the sentence read last starts (-1: none yet)

    def sentence_start(self, pos: int) -> int:
        return self.sentences[bisect.bisect_right(self.sentences, pos) - 1]

    def _first_cue(self, s: int, before: int) -> tuple[int, int] | None:
        """The first report or flashback word (a whole word) of the sentence read last, which
        starts at ``s``, when it starts before ``before``; the sentence is read no further than
        that needs.

        A match starting before ``before`` ends before ``before + cue_length``: searched up to
        there, it is the match an unbounded search finds, so the first whole word is too."""
        if self._first is not None:
            return self._first
        low, pattern, pos = self._low, self.lex.plain_cues, self._pos
        limit = before - s
        stop = limit + self.lex.cue_length
        cue_words = self.lex.cue_words
        if cue_words is not None:
            # a whole-word cue holds its longest word as a whole word; where none stands (most
            # sentences), the pattern is not searched for: a split costs a fraction of a search
            words = self._words
            if words is None:
                words = self._words = _words(low)
            if cue_words.isdisjoint(words[pos:stop].split()):
                self._pos = pos if pos > limit else limit
                return None
        while (m := pattern.search(low, pos, stop)) is not None:
            a, b = m.span()
            if a >= limit:
                break  # maybe cut short by the bound: read again when asked further on
            pos = b
            if (a == 0 or not low[a - 1].isalnum()) and (b == len(low) or not low[b].isalnum()):
                self._first = (a + s, b + s)
                return self._first
        # no match starts before ``limit``: each place is read once
        self._pos = pos if pos > limit else limit
        return None

    def cue(self, start: int, end: int, attributive_ok: bool) -> str | None:
        """Why the date at ``[start, end)`` is not narrative time, or None when it is.

        Call with increasing ``start`` (see the class).
        """
        nested = self.nesting.at(start)
        if nested:
            return nested
        sentences = self.sentences
        i = bisect.bisect_right(sentences, start)  # the sentence's start, and the next one's
        s = sentences[i - 1]
        if s != self._at:  # a sentence not read yet: its text and past-perfect words
            e = sentences[i] if i < len(sentences) else self.end
            low = self._low = self.view[s:e].lower()
            # every past-perfect cue holds "had": a sentence without it is not searched
            self._had = whole_words(self.lex.plain_had, low, s) if "had" in low else []
            self._at, self._words, self._pos, self._first = s, None, 0, None
        first = self._first_cue(s, start)
        if first is not None and first[1] <= start:
            return self.view[first[0] : first[1]].lower()
        had = self._had
        if had and had[0][0] < start:
            clause = clause_start(self.view, max(s, start - 200), start)
            for a, b in had:
                if clause <= a and b <= start:
                    return self.view[a:b].lower()
        if attributive_ok:
            nxt = self.view[end : end + 2]
            if (
                len(nxt) == 2
                and nxt[0] == " "
                and nxt[1].isalpha()
                and determiner_before(self.view, self.start, start)
            ):
                return "attributive"
        return None


_WORD_AFTER = re.compile(r"[ \t]{1,2}([A-Za-z]{1,30})")


def not_a_year(
    view: str, region_start: int, start: int, end: int, lex: Lexicon, before: Window | None = None
) -> bool:
    """A bare four-digit number that counts things or names an identifier."""
    if view[end : end + 1] in _BLANKS:
        after = _WORD_AFTER.match(view, end, end + 24)
        if after and after.group(1).lower() in lex.not_year_followers:
            return True
    head = (before or window(view, region_start, start))[1]
    if head is None:
        return False
    if head.endswith("."):
        head = head[:-1]  # "No. 1990"
    word = head[len(head.rstrip(ascii_letters)) :]  # the letters (maybe cut by the window)
    return bool(word) and word.lower() in lex.not_year_leaders


_RECURRING_BEFORE = re.compile(
    r"\b(?:every|each)[ \t]{1,2}(?:year[ \t]on[ \t]{1,2})?$", re.IGNORECASE
)
_RECURRING_AFTER = re.compile(
    r"[ \t,]{1,3}(?:each|every)[ \t]year\b|[ \t,]{1,3}(?:annually|yearly)\b", re.IGNORECASE
)


def recurring(view: str, region_start: int, start: int, end: int) -> bool:
    """A yearless date that comes back every year: "on 12 August each year", "every May 12"."""
    return bool(
        _RECURRING_BEFORE.search(view, max(region_start, start - 24), start)
        or _RECURRING_AFTER.match(view, end)
    )
