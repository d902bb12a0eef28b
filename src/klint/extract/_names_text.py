"""Text helpers shared by the name, acronym and reference extractors and the KX rules.

Normalized keys, transliteration skeletons, edit distance, sentence and quotation spans.
All functions are pure and cheap; none of them reads rule packs from disk.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Quoted text: straight or curly double quotes, or guillemets, within one line.
_QUOTE_RE = re.compile(
    '"[^"\n]{1,2000}"|\u201c[^\u201d\n]{1,2000}\u201d|\u00ab[^\u00bb\n]{1,2000}\u00bb'
)
#: A sentence ends at . ! ? followed by a space and an upper-case letter, digit or quote mark.
_SENT_END_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[^\W_a-z])")
#: Words before a full stop that do not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr st gen lt col sgt capt maj adm rev prof jr sr vs etc no nos fig co corp inc ltd "  # noqa: SIM905
    "mt ft jan feb mar apr jun jul aug sep sept oct nov dec approx ca".split()
)


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Case-folded, diacritics removed, possessive dropped, spaces normalized: "İsgandar" → "isgandar"."""
    text = re.sub(r"['’]s?$", "", text.strip())
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


_ONLY_LOWER = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))  # a-z kept, else " "
_LOWER_LAST: list[
    tuple[str, frozenset[str]]
] = []  # the last text's words: the extractor and KX305 share them


def lower_words(text: str) -> frozenset[str]:
    """Runs of lower-case letters: a capitalized word found among them ("Charter") is a common word."""
    last = _LOWER_LAST[0] if _LOWER_LAST else None
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    # runs of [a-z] are runs of the bytes a-z in UTF-8 (a multi-byte character has no ASCII
    # byte): blank every other byte and split, twice as fast as finding the runs with a regex
    ascii_words = text.encode("utf-8", "surrogatepass").translate(_ONLY_LOWER).decode("ascii")
    words = frozenset(ascii_words.split())
    _LOWER_LAST[:] = [(text, words)]
    return words


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


def sentence_starts(text: str) -> list[int]:
    """Offsets (into ``text``) where sentences begin; always includes 0."""
    starts = [0]
    for m in _SENT_END_RE.finditer(text):
        j = m.start()
        k = j
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
            k -= 1
        word = text[k:j].casefold()
        if word.rstrip(".") in _ABBREV:
            continue
        if (
            len(word.replace(".", "")) == 1 and text[k : k + 1].isupper()
        ):  # an initial: "George H. W. Bush"
            continue
        if "." in word and word.replace(".", "").isalpha() and len(word) <= 6:  # "P.M.", "U.S."
            nxt = text[m.end() : m.end() + 1]
            if not nxt.isupper():
                continue
        starts.append(m.end())
    return starts


def quote_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Spans of quoted text (straight or curly double quotes, guillemets), bounded in length."""
    return [(base + m.start(), base + m.end()) for m in _QUOTE_RE.finditer(text)]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls inside one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (offset, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


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
