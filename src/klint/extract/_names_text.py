"""Name keys shared by the name extractor and the KX rules.

Normalized keys, transliteration skeletons, edit distance. All functions are pure
and cheap; none of them reads rule packs from disk.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Case-folded, diacritics removed, possessive dropped, spaces normalized: "İsgandar" → "isgandar"."""
    text = text.strip()
    if text.endswith(("'", "’")):  # "Hughes'"
        text = text[:-1]
    elif text.endswith(("'s", "’s")):
        text = text[:-2]
    if text.isascii():  # nothing to decompose, no combining mark, no dotless i
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("ı", "i").split())


def skeleton(key: str, rules: tuple[tuple[str, str], ...]) -> str:
    """Apply transliteration rewrites (``rules``: ``(from, to)`` pairs, longest first) to a key."""
    for old, new in rules:
        if old in key:
            key = key.replace(old, new)
    return key


@lru_cache(maxsize=8)
def skeletonizer(rules: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """``skeleton`` with ``rules`` bound, memoized (names recur across a document and across documents)."""
    memo: dict[str, str] = {}

    def skel(key: str) -> str:
        found = memo.get(key)
        if found is None:
            if len(memo) >= 65536:
                memo.clear()
            found = memo[key] = skeleton(key, rules)
        return found

    return skel


def edit_distance1(a: str, b: str) -> tuple[str, str] | None:
    """If ``a`` and ``b`` differ by one edit, return what differs as ``(x, y)``; else None.

    A substitution gives the two letters, an insertion or deletion ``("", letter)``,
    a transposition ``("xy", "yx")``.
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return a[i], b[i]
        if i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
            return a[i : i + 2], b[i : i + 2]
        return None
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if longer[i + 1 :] == shorter[i:]:
        return "", longer[i]
    return None
