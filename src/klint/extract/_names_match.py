"""Name-variant matching over Mention claims: one name spelled two ways.

Two spellings are variants when their transliteration skeletons are equal
(Aliev/Aliyev, Kelbajar/Khelbajar) or when they are one edit apart inside the
word (Kelbajar/Kelbjar, Azerbaijan/Azerbaian) or by a confusable letter
(Mardakert/Martakert, Ganja/Ganje). Never variants: inflections (Armenia/Armenian),
pairs a pack allows, given names of different people (Ilham/Heidar Aliev are
never compared; given names are compared only when their surnames agree), and
names the text itself links as a renaming or alias ("Leninakan (now Gyumri)").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from klint.claims import Mention
from klint.extract._names_text import edit_distance1, name_key, skeletonizer
from klint.packs import Packs


@dataclass(slots=True)
class Spelling:
    """One spelling of a word with every place it occurs."""

    surface: str
    key: str
    places: list[tuple[int, int]] = field(default_factory=list)
    inner: int = 0  # occurrences before the last word of a multi-word name (given names)
    last: int = 0  # occurrences as the last word of a multi-word name (surnames)
    surnames: set[str] = field(default_factory=set)  # keys of the last words of its names
    givens: set[str] = field(default_factory=set)  # keys of the first words of names it ends
    partners: set[str] = field(default_factory=set)  # keys of the other words of its longer names
    accented: bool = False  # written with a diacritic somewhere ("François", "Hangö")


@dataclass(frozen=True)
class Variant:
    """``minor`` is a variant spelling of ``major``; ``how`` says why they match."""

    minor: Spelling
    major: Spelling
    how: str


def translit_rules(packs: Packs) -> tuple[tuple[str, str], ...]:
    return tuple((a.casefold(), b.casefold()) for a, b, *_ in packs.transliterations)


def spellings(mentions: list[Mention], text: str) -> dict[str, Spelling]:
    """Every word (and hyphen part) of the mentions outside quotations, by key.

    A word's place is found in ``text`` (the mention's own span may hold markup blanks
    that its normalized ``Mention.text`` has dropped).
    """
    out: dict[str, Spelling] = {}
    get = out.get
    cited: list[tuple[str, str]] = []  # (surname, given name) of "Wexler, Alexandra (2017)"

    def spelling(part: str, start: int) -> Spelling | None:
        key, accented, _ = _surface(part)
        if key is None:
            return None
        sp = get(key)
        if sp is None:
            sp = out[key] = Spelling(part, key)
        sp.places.append((start, start + len(part)))
        if accented:
            sp.accented = True
        return sp

    for words, m_start, m_end in _names(mentions, text):
        if len(words) == 1:  # most names are one word (`spelling` written out, here and below)
            w = words[0]
            start, end = m_start, m_end
            if not text.startswith(w, start, end):  # most names start their span
                at = text.find(w, start, end)
                start = start if at < 0 else at
            key, accented, hyphened = _surface(w)
            # "Wexler, Alexandra (2017)", "Christie, Les": a given name (most names follow no ", ")
            cited_as = (
                _inverted_surname(text, m_start, end)
                if m_start >= 2 and text.startswith(", ", m_start - 2, m_start)
                else None
            )
            if cited_as:
                sk = name_key(cited_as)
                cited.append((sk, key or name_key(w)))
            if key is not None:
                sp = get(key)
                if sp is None:
                    sp = out[key] = Spelling(w, key)
                sp.places.append((start, start + len(w)))
                if accented:
                    sp.accented = True
                if cited_as:
                    sp.inner += 1
                    sp.surnames.add(sk)
                    sp.partners.add(sk)
            if hyphened:
                _hyphen_parts(w, start, spelling)
            continue
        last, pos = len(words) - 1, m_start
        keys, others = _name_keys(words)
        surname, given = keys[-1], keys[0]
        # "Pinches, John Harvey; …": given names all, of the surname before them
        inverted = (
            m_start >= 2
            and text.startswith(", ", m_start - 2, m_start)
            and _inverted_surname(text, m_start, m_end)
        )
        if inverted:
            surname, last = name_key(inverted), len(words)
            others = tuple(o | {surname} for o in others)
            cited.append((surname, given))
        for i, w in enumerate(words):
            if text.startswith(w, pos, m_end):
                start = pos
            elif text.startswith(w, pos + 1, m_end):  # the next word, mostly after a space
                start = pos + 1
            else:
                at = text.find(w, pos, m_end)
                start = pos if at < 0 else at
            pos = start + len(w)
            key, accented, hyphened = _surface(w)
            if key is not None:
                sp = get(key)
                if sp is None:
                    sp = out[key] = Spelling(w, key)
                sp.places.append((start, pos))
                if accented:
                    sp.accented = True
                sp.partners.update(others[i])
                if i < last:  # a given name: the surname it goes with
                    sp.inner += 1
                    sp.surnames.add(surname)
                else:  # a surname: the given name it goes with
                    sp.last += 1
                    sp.givens.add(given)
            if hyphened:
                _hyphen_parts(w, start, spelling)
    for surname, given in cited:  # the cited surname: its given name, as in "Alexandra Wexler"
        sp = get(surname)
        if sp is not None and sp.inner + sp.last < len(sp.places):
            sp.last += 1
            sp.givens.add(given)
            sp.partners.add(given)
    return out


#: a possessive inside a name's run of capitalised words ("Japan's Fisheries Agency")
_OWNER_RE = re.compile(r"['\u2019]s ")


def _names(mentions: list[Mention], text: str) -> Iterator[tuple[tuple[str, ...], int, int]]:
    """The names of the mentions outside quotations, each as ``(words, start, end)``: a
    mention, or the names a possessive inside it parts, the owner and what it owns ("Japan's
    Fisheries Agency": "Japan" and "Fisheries Agency", two names that share no word)."""
    for m in mentions:
        if m.in_quote:
            continue
        words = m.words
        if len(words) == 1 or not _OWNER_RE.search(text, m.start, m.end):
            yield words, m.start, m.end
            continue
        pos, first, first_at = m.start, 0, m.start
        for i, w in enumerate(words):
            at = text.find(w, pos, m.end)
            if at < 0:  # markup between the words: the rest read as one name
                first_at = pos if first_at < 0 else first_at
                break
            pos = at + len(w)
            if i + 1 < len(words) and _OWNER_RE.match(text, pos):
                yield words[first : i + 1], first_at, pos
                first, first_at = i + 1, -1
            elif first_at < 0:
                first_at = at
        yield words[first:], first_at, m.end


@lru_cache(maxsize=8192)
def _surface(word: str) -> tuple[str | None, bool, bool]:
    """A word of a name: its key if it is compared as a spelling (four letters or more, letters
    only), whether it has a letter beyond ASCII, whether it has a hyphen (memoized: names
    recur across an article and across articles)."""
    key = name_key(word) if len(word) >= 4 and word.isalpha() else None
    return key, not word.isascii(), "-" in word


@lru_cache(maxsize=4096)
def _name_keys(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """The keys of a name's words and, for each word, the keys of its other words (one set
    for every word whose key the name repeats: a long run of one word costs no more than its
    length)."""
    keys = tuple(name_key(w) for w in words)
    every = frozenset(keys)
    counts = Counter(keys)
    return keys, tuple(every if counts[k] > 1 else every - {k} for k in keys)


#: After a given name of a cited author written surname first: "; …", " (2017)",
#: " (April 15, 2008)", " F.;", ". \"Title\"", " – Jr." (a roster); ", and Archer Jones"
#: (the next author) where the surname opens its line.
_INVERTED_AFTER_RE = re.compile(
    r"(?: [A-Z]\.)*(?:;| ?\((?:[A-Z][a-z]+\.? )?\d| [A-Z]\.| [–—] |\. ?[\"“]|(,? and [A-Z]))"
)


def _inverted_surname(text: str, start: int, end: int) -> str | None:
    """The surname before a given name in a citation's "Surname, Given" form ("Wexler,
    Alexandra; …", "Sears, Clare (2014)"), else None."""
    after = _INVERTED_AFTER_RE.match(text, end) if text[start - 2 : start] == ", " else None
    if after is None:
        return None
    k = start - 2
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'\u2019-"):
        k -= 1
    word = text[k : start - 2]
    if not (word[:1].isupper() and word[:1].isalpha()):
        return None
    if after.group(1) and not _LINE_HEAD_RE.fullmatch(text, text.rfind("\n", 0, k) + 1, k):
        return None  # "Paris, Lyon, and Marseille": a list of the prose, not of authors
    return word


#: what may stand before a cited author's surname on its line: list marks, numbers, carets
_LINE_HEAD_RE = re.compile(r"[\W\d_]*")


def _hyphen_parts(word: str, start: int, spelling: Callable[[str, int], object]) -> None:
    """Each part of a hyphenated word is a spelling of its own ("Nagorno-Karabakh"), unless a
    lower-case particle joins them into one name whose parts are no names ("St-Germain-en-Laye",
    "Stratford-upon-Avon")."""
    parts = word.split("-")
    if any(p[:1].islower() for p in parts[1:]):
        return
    for part in parts:
        spelling(part, start)
        start += len(part) + 1


def _edit_ok(a: str, b: str, confusable: set[frozenset[str]]) -> str | None:
    diff = edit_distance1(a, b)
    if diff is None:
        return None
    x, y = diff
    if len(x) == 2:
        return "transposed letters" if min(len(a), len(b)) >= 5 else None
    if (
        x == ""
    ):  # one letter dropped, inside the word (Armenia/Armenian, Imagists/Imagistes inflect)
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        if len(shorter) < 6 or longer.startswith(shorter) or longer.endswith(shorter):
            return None
        if longer.endswith("es") and shorter.endswith("s") and longer[:-2] == shorter[:-1]:
            return None
        return f"one letter ({y}) dropped"
    i = next(k for k in range(len(a)) if a[k] != b[k])
    if min(len(a), len(b)) >= 5 and i > 0 and frozenset((x, y)) in confusable:
        return f"{x}/{y}"
    return None


def _translit_how(a: str, b: str) -> str:
    """Name a transliteration match: a doubled letter ("Rossvile"/"Rossville") or a transliteration."""
    diff = edit_distance1(a, b)
    if diff and diff[0] == "":
        longer = a if len(a) > len(b) else b
        if diff[1] * 2 in longer:
            return f"doubled letter ({diff[1]})"
    return "transliteration"


@lru_cache(maxsize=4096)
def _deletions(key: str) -> frozenset[str]:
    """The key and every string one letter shorter (memoized: names recur across articles)."""
    return frozenset({key[:i] + key[i + 1 :] for i in range(len(key))} | {key})


def name_words(mentions: list[Mention], text: str, lower: frozenset[str]) -> dict[str, Spelling]:
    """The :func:`spellings` of the mentions that the text never writes in lower case as
    words of its own: the names whose spellings are compared."""
    return {k: v for k, v in spellings(mentions, text).items() if k not in lower}


def find_variants(words: dict[str, Spelling], packs: Packs, text: str) -> list[Variant]:
    """Pairs of spellings of one name (``words``, from :func:`name_words`), each reported
    against the more frequent spelling."""
    skel = skeletonizer(translit_rules(packs))
    confusable = {frozenset(p[:2]) for p in packs.confusable_letters if len(p) >= 2}
    allowed = {frozenset(name_key(x) for x in group) for group in packs.allowed_variants}
    suffixes = tuple(packs.demonym_suffixes)
    by_skel: dict[str, list[str]] = defaultdict(list)
    first_with: dict[str, str] = {}  # a deletion -> the first key that has it
    by_del: dict[
        str, list[str]
    ] = {}  # a deletion shared by two or more keys -> those keys, in order
    for key in words:
        by_skel[skel(key)].append(key)
        if len(key) >= 5:  # shorter words are compared by transliteration only
            for d in _deletions(key):
                first = first_with.setdefault(d, key)
                if first is not key:
                    by_del.setdefault(d, [first]).append(key)
    pairs: dict[frozenset[str], str] = {}
    for group in by_skel.values():
        for i, ka in enumerate(group):
            for kb in group[i + 1 :]:
                pairs[frozenset((ka, kb))] = _translit_how(ka, kb)
    for group in by_del.values():
        for i, ka in enumerate(group):
            for kb in group[i + 1 :]:
                pair = frozenset((ka, kb))
                if pair not in pairs:
                    how = _edit_ok(ka, kb, confusable)
                    if how:
                        pairs[pair] = how
    out: list[Variant] = []
    for pair, how in sorted(pairs.items(), key=lambda kv: sorted(kv[0])):
        a, b = (words[k] for k in sorted(pair))
        if _tripled(a.key, b.key):  # "Seatttle": a letter three times over is a slip
            major, minor = sorted((a, b), key=lambda s: (-len(s.places), s.places[0][0]))
            out.append(Variant(minor, major, how))
            continue
        if any(pair <= group for group in allowed) or not same_role(a, b, skel):
            continue
        # Heidar Aliev, Ilham Aliyev: one family's surname, if one spelling recurs (not George
        # Backer once and James Baker once)
        family = (
            how == "transliteration" and a.last and b.last and max(len(a.places), len(b.places)) > 1
        )
        if not family and different_names(a, b, skel):
            continue
        if demonym_and_name(a.key, b.key, suffixes) or town_and_ton(a.key, b.key):
            continue  # Portuguese/Portuguesa, Charlestown/Charleston
        if other_ending(a.key, b.key) and (
            not a.partners & b.partners or {a.key[-3:], b.key[-3:]} == {"man", "men"}
        ):  # forms of words; a plural of -man in one longer name too ("Two Bronze Horsemen")
            continue
        if stated_as_one(a, b, text, packs.renaming_cues):
            continue
        edited = not how.startswith(("transliteration", "doubled"))
        if edited and (two_people(a, b, skel) or two_languages(a, b)):
            continue
        slip = how.startswith(("one letter", "transposed"))
        if slip and min(len(a.places), len(b.places)) > 2:
            continue  # a slip of the pen is rare: two frequent spellings are two names (Johnson/Johnston)
        major, minor = sorted((a, b), key=lambda s: (-len(s.places), s.places[0][0]))
        out.append(Variant(minor, major, how))
    # a spelling is reported against its most frequent partner only
    best: dict[str, Variant] = {}
    for v in out:
        cur = best.get(v.minor.key)
        if cur is None or len(v.major.places) > len(cur.major.places):
            best[v.minor.key] = v
    majors = {v.major.key for v in best.values()}
    return [
        v
        for k, v in sorted(best.items())
        if k not in majors or len(v.major.places) > len(v.minor.places)
    ]


def _tripled(a: str, b: str) -> bool:
    """One spelling is the other with a doubled letter written three times ("Seatttle")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[i] == longer[i + 1] == longer[i + 2] and longer[:i] + longer[i + 1 :] == shorter
        for i in range(len(longer) - 2)
    )


def same_role(a: Spelling, b: Spelling, skel: Callable[[str], str]) -> bool:
    """Whether two spellings can be one name: never two people, never a person and a place.

    Given names are compared only when their surnames agree (Alison/Allison Janney,
    not Eric Henri Kennington/Henry Poole); a word only ever used as a given name is
    not compared with one never used so (Georgiy/Georgia), nor a word only ever
    used as a surname with one never used so (Jim Berkley/Berkeley).
    """
    n_a, n_b = len(a.places), len(b.places)
    if a.inner == n_a and b.inner == n_b:
        sa = {skel(s) for s in a.surnames}
        sb = {skel(s) for s in b.surnames}
        return bool(sa & sb)
    if (a.inner == n_a and not b.inner) or (b.inner == n_b and not a.inner):
        return False
    return not ((a.last == n_a and not b.last) or (b.last == n_b and not a.last))


def different_names(a: Spelling, b: Spelling, skel: Callable[[str], str]) -> bool:
    """Both spellings stand in longer names, and no word of one's names is in the other's.

    "Clara Seekamp" / "Clare Wright", "Mitsumi Electric" / "Mitsui Fudosan", "Ko Phra
    Thong" / "Ban Thung Dap": the words around a name tell which thing it is, and two
    spellings that never share one are two names. A slip keeps its name's other words
    ("Rossvile Street" / "Rossville Street"), or stands alone.
    """
    if not (a.partners and b.partners):
        return False
    pa = {skel(k) for k in a.partners}
    pb = {skel(k) for k in b.partners}
    return not pa & pb


def other_ending(a: str, b: str) -> bool:
    """The two differ only in an ending: the vowel before a last n or s (Canadian/Canadien,
    Frenchman/Frenchmen; not Cullum/Cullom, one surname) or a letter before a plural's s (Americans/Americas, Amazons/Amazonas):
    forms of words, not a slip inside a name. (A last vowel is not enough: Ganja/Ganje is one
    city.) One longer name around both ("Jogindar Nagar" / "Joginder Nagar") is still one name."""
    diff = edit_distance1(a, b)
    if diff is None or len(diff[0]) == 2:
        return False
    x, y = diff
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    if x:  # a substitution
        return i == len(a) - 2 and x in _VOWELS and y in _VOWELS and a[-1] in "ns"
    return i >= n - 1 and a.endswith("s") and b.endswith("s")


_VOWELS = frozenset("aeiouy")


def town_and_ton(a: str, b: str) -> bool:
    """One name ends in -town where the other ends in -ton: two places named alike
    (Charlestown/Charleston, Johnstown/Johnston, Williamstown/Williamston), not a slip."""
    a, b = sorted((a, b), key=len)
    return a.endswith("ton") and b == a[:-3] + "town"


def demonym_and_name(a: str, b: str, suffixes: tuple[str, ...]) -> bool:
    """One ends in a demonym's ending (pack ``demonym_suffixes``) and the other differs from it
    in a last vowel only, one of them a or o: a people and a place or a name made from it
    (Portuguese/Portuguesa, Sudanese/Sudanesa)."""
    if not suffixes or not ({a[-1], b[-1]} <= _VOWELS and {a[-1], b[-1]} & set("ao")):
        return False  # not Patric/Patrick, not a slip of an ending (Portuguesi)
    if a[:-1] != b[:-1] and a[:-1] != b and b[:-1] != a:
        return False
    return any(w.endswith(suffixes) for w in (a, b))


def two_languages(a: Spelling, b: Spelling) -> bool:
    """One spelling has diacritics, the other none, and no longer name joins them: the forms of
    two languages (François/Francis, Hangö/Hanko), whose other letters differ on purpose.
    One name around both ("Battle of Kliszów" / "Battle of Klissow") is still one name."""
    return a.accented != b.accented and not a.partners & b.partners


def two_people(a: Spelling, b: Spelling, skel: Callable[[str], str]) -> bool:
    """Both spellings end names whose first words differ ("Andrew Johnson", "Joseph Johnston")."""
    ga = {skel(g) for g in a.givens}
    gb = {skel(g) for g in b.givens}
    return bool(ga and gb and not ga & gb)


def stated_as_one(a: Spelling, b: Spelling, text: str, cues: list[str]) -> bool:
    """Whether the text states the two spellings as one name ("Leninakan (now Gyumri)", "X, or Y")."""
    if not cues:
        return False
    cue_re = _cue_re(tuple(cues))
    b_starts = [p[0] for p in b.places]  # places are in text order
    for s1, e1 in a.places:
        i = bisect.bisect_left(b_starts, s1 - 120)
        while i < len(b_starts) and b_starts[i] <= e1 + 60:
            s2, e2 = b.places[i]
            lo, hi = (e1, s2) if e1 <= s2 else (e2, s1)
            if (
                0 <= hi - lo <= 60
                and cue_re.search(text, lo, hi)
                and not _SENTENCE_END_RE.search(text, lo, hi)
                and not _ends_sentence(text, lo, hi)
                and "\n" not in text[lo:hi]
            ):
                return True  # never across a sentence's or a line's end ("… in Jaws. Later,
                # Schieder …", a caption's "George VI (foreground)" before "Goerge was born")
            i += 1
    return False


#: a sentence's end: after a word or a figure ("until 2002. Later"), citation marks after it
#: too ("until 2002.[4] Later"); not an initial ("J. Smith")
_SENTENCE_END_RE = re.compile(r"[a-z0-9][.!?](?:[\"'\u201d\u2019)\]]|\[[\w ]{1,12}\])*\s+[A-Z]")
_END_BEFORE_RE = re.compile(r"[a-z0-9][.!?](?:[\"'\u201d\u2019)\]]|\[[\w ]{1,12}\])*\s+$")


def _ends_sentence(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]``, the words between two names, ends a sentence right before the
    second name ("stood until 1880. Brenan …"), outside brackets ("Viborg (ru. Vyborg)" is
    one sentence)."""
    return bool(_END_BEFORE_RE.search(text, lo, hi)) and text.count("(", lo, hi) <= text.count(
        ")", lo, hi
    )


@lru_cache(maxsize=8)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\(|\b(?:" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE)


def hyphen_variants(
    mentions: list[Mention], packs: Packs, text: str, lower: frozenset[str]
) -> list[tuple[str, list[tuple[int, int]], str, list[tuple[int, int]]]]:
    """Names written both hyphenated and spaced ("Nagorno-Karabakh" / "Nagorno Karabakh").

    Compounds of common words ("General Secretary") and of demonyms
    ("Chinese-Filipino community" / "Chinese Filipinos") are left alone.

    Returns ``(minor, minor_places, major, major_places)`` for each such name.
    """
    hyph: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    spaced: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for m in mentions:
        if m.in_quote or (len(m.words) < 2 and "-" not in m.text):
            continue  # neither a hyphenated nor a spaced compound
        hyphened, spaced_pairs = _compounds(m.words, text[m.start : m.end])
        for key, a, b, surface in hyphened:
            hyph[key].append((m.start + a, m.start + b, surface))
        for key, a, b, surface in spaced_pairs:
            spaced[key].append((m.start + a, m.start + b, surface))
    suffixes = tuple(packs.demonym_suffixes)
    out = []
    for key in sorted(set(hyph) & set(spaced)):
        parts = key.split("-")
        if any(p in lower or (len(p) >= 6 and suffixes and p.endswith(suffixes)) for p in parts):
            continue
        h, s = hyph[key], spaced[key]
        (minor, major) = (s, h) if (len(s), -s[0][0]) < (len(h), -h[0][0]) else (h, s)
        out.append((minor[0][2], [p[:2] for p in minor], major[0][2], [p[:2] for p in major]))
    return out


_Compound = tuple[str, int, int, str]  # key, start and end in the name's span, surface


@lru_cache(maxsize=4096)
def _compounds(
    words: tuple[str, ...], span: str
) -> tuple[tuple[_Compound, ...], tuple[_Compound, ...]]:
    """The hyphenated pairs of capitalised parts ("Nagorno-Karabakh") and the spaced pairs of
    words ("Nagorno Karabakh") of a name written as ``span`` (memoized: a name recurs)."""
    hyph: list[_Compound] = []
    spaced: list[_Compound] = []
    pos = 0
    offsets = []
    for w in words:
        at = span.find(w, pos)
        offsets.append(at)
        pos = at + len(w)
        if "-" in w:
            parts = w.split("-")
            if parts[-1][:1].islower():  # "Sloane-Square-based": hyphens of a modifier
                continue
            k = at  # where parts[i] starts
            for i in range(len(parts) - 1):
                if parts[i][:1].isupper() and parts[i + 1][:1].isupper():
                    surface = f"{parts[i]}-{parts[i + 1]}"
                    hyph.append((name_key(surface), k, k + len(surface), surface))
                k += len(parts[i]) + 1
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if span[offsets[i] + len(a) : offsets[i + 1]] == " ":
            a_last, b_first = a.split("-")[-1], b.split("-")[0]
            surface = f"{a_last} {b_first}"
            k = offsets[i] + len(a) - len(a_last)
            spaced.append((name_key(f"{a_last}-{b_first}"), k, k + len(surface), surface))
    return tuple(hyph), tuple(spaced)
