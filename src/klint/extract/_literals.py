"""Regular expressions for sets of literal words, written as prefix trees.

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

NEVER = r"(?!x)x"  # an alternation of no words


def alternation(words: list[str] | tuple[str, ...] | set[str], space: str = r"\ ") -> str:
    """The pattern source matching any of ``words``, longest first; ``space`` is what the
    space between two words of a phrase becomes (``r"\\s+"`` for any run of white space)."""
    trie: dict[str, dict] = {}
    for word in {" ".join(w.split()) for w in words} - {""}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _source(trie, space) if trie else NEVER


def _source(node: dict[str, dict], space: str) -> str:
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


def find_all(text: str, literals: Iterable[str]) -> set[int]:
    """Every offset where one of ``literals`` occurs (``str.find`` skips ahead far faster
    than a pattern that must be tried at every offset)."""
    out = set()
    for lit in literals:
        p = text.find(lit)
        while p >= 0:
            out.add(p)
            p = text.find(lit, p + 1)
    return out


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
