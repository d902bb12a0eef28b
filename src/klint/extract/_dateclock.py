"""Context of a date: the clause it stands in, its cue words, and the narrative clock.

The narrative clock is the story's current date. Section headings and narrative
dates move it; dates that look back ("since 1923", "Prior to his death in 1989"),
report dates ("as reported in November 1993"), parentheses, quotations and
captions do not. A date without a year takes the year that puts it closest to the
clock, a step forward costing half as much as a step back (stories move forward),
or, after a flashback cue, the latest year that is not after the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from klint.packs import Packs

_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[A-Z\"“(\[])|;\s+")
_CLAUSE_END = re.compile(r"[,;:()—]|\b(?:that|which|who|when|where|while)\b")
_PREP = re.compile(r"\b([A-Za-z]+)[ \t]{1,2}(?:the[ \t]{1,2})?$")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|these)[ \t]{1,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Compiled cue lexicons from the rule packs."""

    flashback: re.Pattern[str]
    clause_flashback: re.Pattern[str]
    report: re.Pattern[str]
    not_year_followers: frozenset[str]
    not_year_leaders: frozenset[str]


def _words(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _compile(flash: tuple[str, ...], report: tuple[str, ...], followers: tuple[str, ...],
             leaders: tuple[str, ...]) -> Lexicon:
    # "had" marks a past perfect only inside the date's own clause
    clause_only = tuple(w for w in flash if w.split()[0] == "had")
    sentence = tuple(w for w in flash if w not in clause_only)
    return Lexicon(_words(sentence), _words(clause_only), _words(report),
                   frozenset(w.lower() for w in followers), frozenset(w.lower() for w in leaders))


def lexicon(packs: Packs) -> Lexicon:
    words = packs.date_words
    return _compile(tuple(packs.flashback_cues), tuple(words.get("report_cues", ())),
                    tuple(words.get("not_year_followers", ())), tuple(words.get("not_year_leaders", ())))


def sentence_start(view: str, region_start: int, pos: int) -> int:
    """Offset where the sentence containing ``pos`` begins (within 400 characters)."""
    lo = max(region_start, pos - 400)
    start = lo
    for m in _SENTENCE_END.finditer(view, lo, pos):
        start = m.end()
    return start


def clause_start(view: str, sent_start: int, pos: int) -> int:
    start = sent_start
    for m in _CLAUSE_END.finditer(view, sent_start, pos):
        start = m.end()
    return start


def preposition(view: str, region_start: int, pos: int) -> str | None:
    m = _PREP.search(view, max(region_start, pos - 24), pos)
    return m.group(1).lower() if m else None


def determiner_before(view: str, region_start: int, pos: int) -> bool:
    return _DETERMINER.search(view, max(region_start, pos - 8), pos) is not None


class Nesting:
    """Parenthesis depth and quotation state at increasing offsets of one region (linear overall)."""

    def __init__(self, view: str, start: int) -> None:
        self.view, self.pos = view, start
        self.parens = self.straight = self.curly = 0

    def at(self, pos: int) -> str | None:
        chunk = self.view[self.pos : pos]
        self.pos = max(self.pos, pos)
        self.parens += chunk.count("(") - chunk.count(")")
        self.straight += chunk.count('"')
        self.curly += chunk.count("“") - chunk.count("”")
        if self.parens > 0:
            return "parenthesis"
        if self.straight % 2 == 1 or self.curly > 0:
            return "quotation"
        return None


def cue(view: str, region_start: int, start: int, end: int, lex: Lexicon, attributive_ok: bool,
        nesting: str | None = None) -> str | None:
    """Why the date at ``[start, end)`` is not narrative time, or None when it is.

    ``nesting`` is the parenthesis or quotation the date stands in (see :class:`Nesting`).
    """
    if nesting:
        return nesting
    s = sentence_start(view, region_start, start)
    m = lex.report.search(view, s, start) or lex.flashback.search(view, s, start)
    if m:
        return m.group().lower()
    c = clause_start(view, s, start)
    m = lex.clause_flashback.search(view, c, start)
    if m:
        return m.group().lower()
    if attributive_ok and determiner_before(view, region_start, start):
        nxt = view[end : end + 2]
        if len(nxt) == 2 and nxt[0] == " " and nxt[1].isalpha():
            return "attributive"
    return None


def not_a_year(view: str, region_start: int, start: int, end: int, lex: Lexicon) -> bool:
    """A bare four-digit number that counts things or names an identifier."""
    after = re.match(r"[ \t]{1,2}([A-Za-z]+)", view[end : end + 24])
    if after and after.group(1).lower() in lex.not_year_followers:
        return True
    before = re.search(r"([A-Za-z]+)\.?[ \t]{1,2}$", view[max(region_start, start - 24) : start])
    return bool(before and before.group(1).lower() in lex.not_year_leaders)


def infer_year(month: int, day: int | None, clock: date, looking_back: bool) -> int:
    """The year for a month (and day) given the clock; see the module docstring."""
    y = clock.year
    d = day or 1

    def at(year: int) -> int:
        try:
            return (date(year, month, min(d, 28)) - clock).days
        except ValueError:
            return 10**6

    if looking_back:
        return y if at(y) <= 15 else y - 1
    costs = {}
    for cand in (y - 1, y, y + 1):
        delta = at(cand)
        costs[cand] = delta if delta >= 0 else -2 * delta
    return min(costs, key=lambda k: (costs[k], abs(k - y)))
