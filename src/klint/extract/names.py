"""Names and acronyms, read from the document's content regions.

- ``Mention``: runs of capitalized words ("Heidar Aliev", "Republic of Azerbaijan"),
  single proper names that are not just sentence-initial capitals, and the infobox's
  people and places, each with a normalized ``key``.
- ``Acronym``: definitions ("Commonwealth of Independent States (CIS)",
  "NKAO (Nagorno-Karabakh Autonomous Oblast)") and uses; all-caps designations
  that are not acronyms (T-72, GRAD, MEGA OIL, P.M., XIX) are left out by shape
  and by the ``not_acronyms`` pack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection
from functools import lru_cache

from klint.claims import Acronym, Mention, MentionSource
from klint.document import Document, Region
from klint.extract._names_text import name_key
from klint.packcache import per_packs
from klint.packs import Packs
from klint.text import sentences
from klint.text.words import ascii_marks, ascii_table, lower_words

_SOURCES: dict[str, MentionSource] = {
    "infobox_field": "infobox",
    "heading": "heading",
    "title": "heading",
    "caption": "caption",
}
# --------------------------------------------------------------------------- mentions

#: A word that starts with an upper-case letter (Latin, Greek or Cyrillic), at a word's start:
#: no letter, digit, underscore, hyphen or apostrophe before it.
_CAP_TOKEN_RE = re.compile(  # the look-behind after the first letter: re skips ahead to a capital
    r"[A-Z\u00c0-\u00de\u0100-\u024f\u0370-\u03ff\u0400-\u042f](?<![\w'’\-].)[\w'’\-]*"
)
_DIGIT_RE = re.compile(r"\d")
#: what follows a word that stands alone, not a given name before more of a name ("Sydney G. Coles")
ALONE_RE = re.compile(r"(?:['’]s)?[\s,;:]+[a-z]")
#: the end of a sentence of prose, not of a citation's "(1997)." or a list's line
PROSE_END_RE = re.compile(r"[^\s)][.!?]['\"”’]?[ \t]+$")

_Token = tuple[int, int, str, str]  # start, end, word, the word without its 's
#: A claim's instance before its fields are set. A document has a thousand mentions: their
#: fields set one by one on ``_bare(Mention)`` cost a third less than through ``__init__``'s
#: keywords, and far less than ``Mention(...)``, which in Python 3.11 gathers the keywords
#: into a dict on the way to ``__init__``.
_bare = object.__new__


def _tokens(text: str) -> list[_Token]:
    """The capitalized words of the whole text: ``(start, end, word, without 's)``.

    One scan for every region: a region takes the words that start in it and end by its end
    (a word cut by the region's end is the start of a longer one, not a name of its own).
    """
    toks: list[_Token] = []
    for m in _CAP_TOKEN_RE.finditer(text):
        w = m.group()
        if w.isalpha():  # most words: no hyphen, apostrophe or digit
            if w.isupper() or not w[0].isupper():
                continue
            s = m.start()
            toks.append((s, s + len(w), w, w))
            continue
        if w[-1] in "-'’":
            w = w.rstrip("-'’")
        if w.isupper() or not w[0].isupper() or (not w.isalpha() and _DIGIT_RE.search(w)):
            continue
        s = m.start()
        toks.append((s, s + len(w), w, w[:-2] if w.endswith(("'s", "’s")) else w))
    return toks


@per_packs
def _name_words(packs: Packs) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The pack's name stop words and the pattern of a particle between two names
    (" of ", " von "), built once per packs object, not for every document."""
    particles = packs.name_particles
    gap = re.compile(" (?:" + "|".join(map(re.escape, particles)) + ") ") if particles else None
    return frozenset(packs.name_stopwords), gap


def name_stopwords(packs: Packs) -> frozenset[str]:
    """Capitalized function words that start no name ("The", "He"), as a set (see
    :func:`_name_words`)."""
    return _name_words(packs)[0]


def extract_mentions(doc: Document, packs: Packs) -> list[Mention]:
    """Capitalized names, and the people and places of the infobox."""
    idx = doc.text_index
    stop, particle_gap = _name_words(packs)
    text = doc.text
    lower = lower_words(text)  # runs of lower-case letters
    toks = _tokens(text)
    at = [t[0] for t in toks]  # where each word starts: a region's words found by bisection
    runs: list[tuple[Region, int, int, bool]] = []  # a run toks[i:j] of its region, at a start
    for region in idx.regions:
        rs, re_ = region.start, region.end
        k = bisect_left(at, rs)
        n = bisect_left(at, re_, k)
        if n > k and toks[n - 1][1] > re_:  # a word that runs on past the region's end
            n -= 1
        label = region.label if region.kind == "infobox_field" else None
        if label and text.startswith(label, rs):
            while k < n and toks[k][0] < rs + len(label):  # the field's own label ("Location")
                k += 1
        if k == n:
            continue
        starts: Collection[int] | None = None  # the region's sentence starts, found when asked
        while k < n:
            i, j = k, k + 1
            end = toks[i][1]
            while j < n:
                s, e, w, _ = toks[j]
                if w in stop:
                    break
                if s != end + 1 or text[end] != " ":  # not joined by one space
                    if not (particle_gap and s - end < 8 and particle_gap.fullmatch(text, end, s)):
                        break
                end = e
                j += 1
            k = j
            b = toks[i][0]
            while b > 0 and text[b - 1] in "\"'“‘([":  # a sentence may open with these
                b -= 1
            at_start = b == rs  # a region's start is its first sentence's (a table cell's name)
            if not at_start:
                if starts is None:
                    sents = idx.sentences(region)
                    # most regions hold one sentence: a set of a few starts is not worth building
                    starts = set(sents) if len(sents) > 4 else sents
                at_start = b in starts
            while i < j and (toks[i][2] in stop or (at_start and _common_word(toks[i][2], lower))):
                i += 1
                at_start = False
            if i < j:
                runs.append((region, i, j, at_start))
    keys = [name_key(t[3]) for t in toks]
    proper: set[str] = set()  # words capitalized where a sentence does not force it
    for _, i, j, at_start in runs:
        if j - i > 1:
            proper.update(keys[i:j])
        elif not at_start:
            proper.add(keys[i])
    near = _NearNames(proper)
    out: list[Mention] = []
    last_region: Region | None = None  # the region of the last mention, and what it gives all
    source: MentionSource = "body"
    field: str | None = None
    quoted = False  # the region is a quotation
    quotes: list[tuple[int, int]] = []
    for r, i, j, at_start in runs:
        first = toks[i]
        start = first[0]
        if j - i == 1:
            name, key = first[3], keys[i]
            if (
                at_start
                and key not in proper
                # kept in prose as a slip of a name the text has: "Johhnston was killed"
                and not (
                    r.kind == "paragraph"
                    and ALONE_RE.match(text, first[1])
                    and (
                        start == r.start
                        or PROSE_END_RE.search(text, max(r.start, start - 8), start)
                    )
                    and near(key)
                )
            ):
                continue
            end = start + len(name)
            parts: tuple[str, ...] = (name,)
        else:
            last = toks[j - 1]
            end = last[1] - (len(last[2]) - len(last[3]))
            name = text[start:end]
            key = name_key(name)
            parts = tuple([t[3] for t in toks[i:j]])
        if r is not last_region:
            last_region, source = r, _SOURCES.get(r.kind, "body")
            field = r.label if r.kind == "infobox_field" else None
            quoted = r.kind == "quote"
            quotes = [] if quoted else idx.quotes(r)
        mention = _bare(Mention)  # see _bare: every field of a Mention set here
        mention.kind = "mention"
        mention.start = start
        mention.end = end
        mention.text = mention.name = name
        mention.key = key
        mention.source = source
        mention.field = field
        mention.in_quote = quoted or (bool(quotes) and sentences.inside(quotes, start))
        mention.words = parts
        out.append(mention)
    return out


class _NearNames:
    """Whether a word is one letter away from a proper name of the text (a dropped, added,
    changed or swapped letter): a sentence-initial capital that may be a misspelt name."""

    def __init__(self, proper: set[str]) -> None:
        self.proper = proper
        self.by_length: dict[int, list[str]] | None = None  # built at the first question
        self.deletions: dict[int, set[str]] = {}  # length -> its names less one letter, on demand

    def _deletions(self, length: int) -> set[str]:
        found = self.deletions.get(length)
        if found is None:
            if self.by_length is None:  # setdefault would build a list for each name
                by_length = self.by_length = defaultdict(list)
                for p in self.proper:
                    by_length[len(p)].append(p)
            found = self.deletions[length] = set().union(
                *map(_one_less, self.by_length.get(length, ()))
            )
        return found

    def __call__(self, key: str) -> bool:
        if len(key) < 5:
            return False
        if key in self._deletions(len(key) + 1):
            return True
        dels = {key[:i] + key[i + 1 :] for i in range(len(key))}
        return not dels.isdisjoint(self.proper) or not dels.isdisjoint(self._deletions(len(key)))


@lru_cache(maxsize=8192)
def _one_less(name: str) -> tuple[str, ...]:
    """``name`` less one of its letters, each way (names recur across a document's runs and
    across documents)."""
    return tuple([name[:i] + name[i + 1 :] for i in range(len(name))])


def _common_word(word: str, lower: frozenset[str]) -> bool:
    """A word of two or more letters that the text also writes in lower case."""
    folded = word.casefold()
    return len(folded) > 1 and folded in lower


# --------------------------------------------------------------------------- acronyms

_ACR_RE = re.compile(r"([A-Z][A-Z&]{1,9})(s?)(?![\w\-/]|\.[A-Za-z])")
#: where ``_ACR_RE`` may start: a capital before a capital or "&" (see :func:`ascii_marks`)
_ACR_MARKS = ascii_table({b"ABCDEFGHIJKLMNOPQRSTUVWXYZ": b"A", b"&": b"&"}), (b"AA", b"A&")
_ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})")
_WORD_SPLIT_RE = re.compile(r"[\s\-]+")
#: a run of capitals before or after an acronym, or a number after its hyphen ("T-72")
_CAPS_BEFORE_RE = re.compile(r"[A-Z]{2}[\s,]+$")  # two capitals: the same finds as {2,}, linear
_CAPS_AFTER_RE = re.compile(r"[\s,]+[A-Z]{2,}\b")
_HYPHEN_DIGIT_RE = re.compile(r"-\d")
#: "(" just before an acronym, ")" (or "," or ";") after it; "(...)" after it
_OPEN_BEFORE_RE = re.compile(r"\(\s*(?:the\s+|or\s+)?$")
_CLOSE_AFTER_RE = re.compile(r"\s*[),;]")
_PAREN_AFTER_RE = re.compile(r"\s*\(([^()]{3,120})\)")


def _long_form(short: str, window: str) -> int | None:
    """Schwartz–Hearst: the offset in ``window`` where the expansion of ``short`` begins.

    In an ASCII window each letter is found by ``str.rfind`` in a lower-cased copy (one
    character a character); any other window is read by :func:`_long_form_by_character`."""
    if not window.isascii():
        return _long_form_by_character(short, window)
    s, pos = len(short) - 1, len(window) - 1
    low = window.lower()
    while s >= 0:
        c = short[s].lower()
        if c.isalnum():
            pos = low.rfind(c, 0, pos + 1)
            if s == 0:  # the first letter opens a word
                while pos > 0 and window[pos - 1].isalnum():
                    pos = low.rfind(c, 0, pos)
            if pos < 0:
                return None
            pos -= 1
        s -= 1
    return max(0, window.rfind(" ", 0, pos + 1) + 1)


def _long_form_by_character(short: str, window: str) -> int | None:
    """:func:`_long_form` read a character at a time, each lowered and compared."""
    s, pos = len(short) - 1, len(window) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while pos >= 0 and (
            window[pos].lower() != c or (s == 0 and pos > 0 and window[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    return max(0, window.rfind(" ", 0, pos + 1) + 1)


def _initials_ok(short: str, expansion: str, minor: frozenset[str]) -> bool:
    """The acronym's letters are, in order, the initials of the expansion's words, one slip allowed.

    Hyphen parts count as words ("Austro-Hungarian Navy": AHN); ``minor`` words may be
    skipped ("Commonwealth of Independent States": CIS).
    """
    parts = [p for p in _WORD_SPLIT_RE.split(expansion) if p]
    if not parts or parts[0][0].lower() != short[0].lower() or len(parts) > 2 * len(short):
        return False
    initials = [p[0].lower() for p in parts]
    matched = _matched_in_order(short.lower(), initials)
    content = sum(1 for p in parts if p.lower() not in minor)
    return matched >= len(short) - (1 if len(short) >= 4 else 0) and content <= len(short) + 1


def _matched_in_order(letters: str, initials: list[str]) -> int:
    """How many of ``letters`` match ``initials`` as a subsequence (greedy)."""
    k = n = 0
    for c in letters:
        while k < len(initials) and initials[k] != c:
            k += 1
        if k < len(initials):
            n += 1
            k += 1
    return n


def _last_words(text: str, limit: int) -> list[tuple[int, str]]:
    """The last ``limit`` words of ``text`` (runs of characters that are no white space, as
    ``str.split`` and ``\\S+`` take them), each with its offset, the last first: split off
    from the end and found back from the next one's start (a word holds no white space, so
    its last place before the blanks after it is its own), where a scan would make a match
    of every word of the text."""
    found: list[tuple[int, str]] = []
    end = len(text.rstrip())
    for word in reversed(text.rsplit(None, limit)[-limit:]):
        end = text.rfind(word, 0, end)
        found.append((end, word))
    return found


def _expansion_before(
    text: str, lo: int, paren: int, short: str, minor: frozenset[str]
) -> tuple[int, int] | None:
    """The span of the expansion that ends before the "(" at ``paren`` (not before ``lo``)."""
    head_end = len(text[lo:paren].rstrip()) + lo
    limit = min(len(short) + 5, 2 * len(short))
    seg_start = max(lo, head_end - 40 * limit)
    toks = _last_words(text[seg_start:head_end], limit)
    if not toks:
        return None
    base = seg_start + toks[-1][0]  # the first word's start
    window = text[base:head_end]
    k = _long_form(short, window)
    if k is not None and _initials_ok(short, window[k:], minor):
        return base + k, head_end
    # "Republic of South Sudan (RSS)": the letters are the initials of the name before it
    initials: list[str] = []
    start = None
    for at, word in toks:
        w = word.strip("\"'“”,;:")
        if not w or not (w[0].isupper() or w in minor):
            break
        if w[0].isupper():
            initials.extend(p[0] for p in w.split("-") if p)
            start = seg_start + at
    if start is not None and sorted(initials) == sorted(short.upper()):
        return start, head_end
    return None


def _not_acronym(text: str, s: int, e: int, acr: str, banned: frozenset[str]) -> bool:
    if acr in banned or _ROMAN_RE.fullmatch(acr):
        return True
    before = text[max(0, s - 12) : s]
    after = text[e : e + 12]
    # a run of capitals ("MEGA OIL", "AND TO MUST") is a name or emphasis, not an acronym
    return bool(
        _CAPS_BEFORE_RE.search(before)
        or _CAPS_AFTER_RE.match(after)
        or _HYPHEN_DIGIT_RE.match(after)
    )


def extract_acronyms(doc: Document, packs: Packs) -> list[Acronym]:
    """Acronym definitions and uses, in text order."""
    idx = doc.text_index
    banned = frozenset(packs.not_acronyms)
    minor = frozenset(packs.acronym_minor_words)
    text = doc.text
    out: list[Acronym] = []
    after = 0  # where the last match ended: ``finditer`` goes on from there
    for at in ascii_marks(text, *_ACR_MARKS):
        if at < after or (m := _ACR_RE.match(text, at)) is None:
            continue
        after = m.end()
        start, end, acr = at, after, m.group(1)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-/_"):
            continue
        region = idx.region_at(start, end)
        if region is None or _not_acronym(text, start, end, acr, banned):
            continue
        exp = _definition(text, region.start, region.end, m, minor)
        a = _bare(Acronym)  # see _bare: every field of an Acronym set here
        a.kind = "acronym"
        a.start, a.end, a.text, a.acronym = start, end, m.group(), acr
        if exp:
            a.expansion_start, a.expansion_end = exp
            a.expansion = " ".join(text[exp[0] : exp[1]].split())
        else:
            a.expansion = a.expansion_start = a.expansion_end = None
        a.in_quote = idx.in_quote(region, start)
        out.append(a)
    return out


def _definition(
    text: str, lo: int, hi: int, m: re.Match[str], minor: frozenset[str]
) -> tuple[int, int] | None:
    """The expansion's span when the acronym at ``m`` is defined here, in either order."""
    acr = m.group(1)
    pre = _OPEN_BEFORE_RE.search(text[max(lo, m.start() - 8) : m.start()])
    if pre and _CLOSE_AFTER_RE.match(text, m.end(), hi):
        return _expansion_before(text, lo, max(lo, m.start() - 8) + pre.start(), acr, minor)
    after = _PAREN_AFTER_RE.match(text, m.end(), min(hi, m.end() + 130))
    if after:
        inner = after.group(1)
        s = after.start(1) + len(inner) - len(inner.lstrip())
        expansion = inner.strip()
        if _long_form(acr, expansion) == 0 and _initials_ok(acr, expansion, minor):
            return s, s + len(expansion)
    return None
