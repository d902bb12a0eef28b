"""Words and word lists: prefix-tree alternations, literal finders, case and plural helpers.

``re`` tries the branches of ``one|only|once|...`` one after another at every
offset; the same set written as a tree (``on(?:ce|ly|e)``) is tried one letter at
a time, two to three times faster on the lexicons of the rule packs. At each
offset both forms match the longest word that fits (a word that is a prefix of
another is tried after it), so they match the same text.

Where a pattern can only start at one of a few literals, :func:`find_all` finds
those offsets with ``str.find`` and :func:`finditer_from` tries the pattern there
only, with what ``finditer`` would return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from klint.packs import Packs

NEVER = r"(?!x)x"  # an alternation of no words

_Trie = dict[str, "_Trie"]  # one character -> the words that go on with it ("" ends a word)


def alternation(words: Iterable[str], space: str = r"\ ") -> str:
    """The pattern source matching any of ``words``, longest first; ``space`` is what the
    space between two words of a phrase becomes (``r"\\s+"`` for any run of white space)."""
    trie: _Trie = {}
    for word in {" ".join(w.split()) for w in words} - {""}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _source(trie, space) if trie else NEVER


def _source(node: _Trie, space: str) -> str:
    branches = [
        (space if ch == " " else re.escape(ch)) + _source(child, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer words are tried first
        return body + "?" if len(branches) == 1 and _atom(body) else "(?:" + body + ")?"
    return body


def _atom(source: str) -> bool:
    """Whether ``source`` is one character (escaped or not), so ``?`` applies to all of it."""
    return len(source) == 1 or (len(source) == 2 and source[0] == "\\")


@lru_cache(maxsize=64)
def words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, in any case."""
    return re.compile(rf"\b(?:{alternation({w.lower() for w in words})})\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def exact_words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, spelled as given (case counts)."""
    return re.compile(rf"\b(?:{alternation(words)})\b")


@lru_cache(maxsize=32)
def literal_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """``words`` lower-cased, as a bare alternation: ``re`` scans these fastest; the caller
    checks the word boundaries (:func:`whole_words`)."""
    return re.compile(alternation({w.lower() for w in words}))


def whole_words(pat: re.Pattern[str], low: str, offset: int) -> list[tuple[int, int]]:
    """Spans (moved by ``offset``) where ``pat`` matches whole words of the lower-cased ``low``."""
    out = []
    for m in pat.finditer(low):
        a, b = m.start(), m.end()
        if (a == 0 or not low[a - 1].isalnum()) and (b == len(low) or not low[b].isalnum()):
            out.append((a + offset, b + offset))
    return out


@lru_cache(maxsize=64)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The cues, each ending a word; where one starts is checked by :func:`has_cue` (a pattern
    opening with a look-behind is tried at every offset, one opening with its words only where
    their first letters stand)."""
    return re.compile(r"(?:" + alternation({c.lower() for c in cues}) + r")(?![\w-])")


def has_cue(text: str, cues: list[str] | tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the cue words or phrases as whole words (a hyphen joins
    words), case and spacing ignored."""
    pattern = _cue_re(tuple(cues))
    norm = " ".join(text.lower().split())
    m = pattern.search(norm)
    while m is not None:
        at = m.start()
        if at == 0 or not (norm[at - 1].isalnum() or norm[at - 1] in "_-"):
            return True
        m = pattern.search(norm, at + 1)
    return False


def find_all(text: str, literals: Iterable[str]) -> set[int]:
    """Every offset where one of ``literals`` occurs (``str.find`` skips ahead far faster
    than a pattern that must be tried at every offset).

    Literals that differ only in their first character ("Resolution", "resolution") are
    found with one scan for what follows it, each hit kept if one of those characters
    precedes it: a pass over the text per spelling is what costs."""
    out = set()
    singles, shared = _scans(literals if isinstance(literals, tuple) else tuple(literals))
    for lit in singles:
        p = text.find(lit)
        while p >= 0:
            out.add(p)
            p = text.find(lit, p + 1)
    for tail, firsts in shared:
        p = text.find(tail, 1)
        while p >= 0:
            if text[p - 1] in firsts:
                out.add(p - 1)
            p = text.find(tail, p + 1)
    return out


@lru_cache(maxsize=64)
def _scans(
    literals: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[tuple[str, frozenset[str]], ...]]:
    """The scans :func:`find_all` makes for ``literals``: the literals found alone, and each
    tail shared by literals that differ in their first character, with those characters
    (grouped once for a word list, not for every text)."""
    heads: dict[str, set[str]] = {}
    for lit in literals:
        heads.setdefault(lit[1:], set()).add(lit[:1])
    singles = tuple(
        head + tail
        for tail, firsts in heads.items()
        if len(firsts) == 1 or not tail
        for head in firsts
    )
    shared = tuple(
        (tail, frozenset(firsts)) for tail, firsts in heads.items() if len(firsts) > 1 and tail
    )
    return singles, shared


def finditer_from(
    pattern: re.Pattern[str], text: str, starts: set[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; given ``starts``, every offset a match may start at, only those are tried."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for s in sorted(starts):
        if s >= end:
            m = pattern.match(text, s)
            if m:
                end = m.end()
                yield m


def ascii_table(classes: dict[bytes, bytes]) -> bytes:
    """A ``bytes.translate`` table: each byte of a key becomes its value, every other a space."""
    table = bytearray(b" " * 256)
    for chars, mark in classes.items():
        for c in chars:
            table[c] = mark[0]
    return bytes(table)


def ascii_marks(text: str, table: bytes, needles: tuple[bytes, ...]) -> list[int]:
    """Sorted offsets where one of ``needles`` occurs in ``text`` written in ASCII ("?" for
    any other character, so offsets agree) and translated by ``table``.

    ``re`` scans for a pattern opening with a class of characters ("[A-Z][A-Z&]") at some 60
    instructions a character; marked with ``translate``, the text is searched by ``bytes.find``
    for two marks side by side, and the pattern tried only there. (Where the marks are common,
    as a capital before a small letter is, the pattern's own scan costs no more.)"""
    marked = text.encode("ascii", "replace").translate(table)
    found: list[int] = []
    for needle in needles:
        p = marked.find(needle)
        while p >= 0:
            found.append(p)
            p = marked.find(needle, p + 1)
    if len(needles) > 1:
        found.sort()
    return found


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lowered: the same length, and every non-ASCII character still non-ASCII.

    ``str.lower`` keeps the length and maps nothing outside ASCII into it, except for
    "İ" (two characters) and the Kelvin sign ("k"); those two become "ı" and "ĸ" first,
    letters that are already lower case.
    """
    if not text.isascii():
        text = text.replace("\u0130", "\u0131").replace("\u212a", "\u0138")
    return text.lower()


def ascii_shadow(text: str) -> str:
    """``text`` lowered, with "?" for every character outside ASCII: the same length, and a
    string of one byte a character, where ``str.find`` runs at ``memchr`` speed (several times
    faster than in a text with one character beyond Latin-1)."""
    return text.encode("ascii", "replace").decode("ascii").lower()


_ONLY_LOWER = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))  # a-z kept, else " "


def lower_words(text: str) -> frozenset[str]:
    """Runs of lower-case letters: a capitalized word found among them ("Charter") is a common word."""
    # runs of [a-z] are runs of the bytes a-z in UTF-8 (a multi-byte character has no ASCII
    # byte): blank every other byte and split, twice as fast as finding the runs with a regex
    ascii_words = text.encode("utf-8", "surrogatepass").translate(_ONLY_LOWER).decode("ascii")
    return frozenset(ascii_words.split())


def plural_forms(noun: str) -> tuple[str, ...]:
    """A noun's singular and plural spellings, case-folded ("treaty" → treaty, treaties)."""
    n = noun.casefold()
    if n.endswith("ies"):
        return n[:-3] + "y", n
    if n.endswith(("ches", "shes", "sses", "xes")):
        return n[:-2], n
    if n.endswith("s") and not n.endswith("ss"):
        return n[:-1], n
    if n.endswith("y") and n[-2:-1] not in "aeiou":
        return n, n[:-1] + "ies"
    if n.endswith(("ch", "sh", "ss", "x")):
        return n, n + "es"
    return n, n + "s"


@dataclass(frozen=True, slots=True)
class GrammarWords:
    """The function words of the packs' ``grammar`` section, as sets for lookup."""

    prepositions: frozenset[str]
    name_openers: frozenset[str]
    possessives: frozenset[str]
    auxiliaries: frozenset[str]


def grammar_words(packs: Packs) -> GrammarWords:
    """The packs' grammar words, compiled once per pack set."""
    g = packs.grammar
    return _grammar_words(
        tuple(g.prepositions), tuple(g.name_openers), tuple(g.possessives), tuple(g.auxiliaries)
    )


@lru_cache(maxsize=8)
def _grammar_words(*lists: tuple[str, ...]) -> GrammarWords:
    return GrammarWords(*(frozenset(w.lower() for w in words) for words in lists))
