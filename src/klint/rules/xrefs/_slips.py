"""Slips of the article subject's own name: a word of the title spelled once another way.

The name-variant matcher (:mod:`klint.extract._names_match`) takes a changed letter for
a slip only where a pack calls the two letters confusable (d/t), and a dropped letter
only in words of six letters or more: elsewhere two names differ so (Maria/Marie,
Hansen/Hanson). The subject's own name is another matter. An article that writes
"Scheider" many times and "Scheoder" once has slipped: it does not mention a second
person one letter from its subject. A word of the title used three times or more, and
one spelling one edit from it (the first letter kept, not an inflection) used once, make
such a slip — unless the words around tell two people apart. The same holds for any name
that a one-off spelling shares a longer name with ("Terry Crowwe" / "Terry Crowe"), and
for a name the text uses often against a one-off spelling that stands alone ("Kubloi
received the brothers" / "Kublai").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from pathlib import PurePath

from klint.document import Document
from klint.extract._names_match import (
    Spelling,
    Variant,
    _deletions,
    different_names,
    other_ending,
    same_role,
    stated_as_one,
    town_and_ton,
    translit_rules,
    two_languages,
    two_people,
)
from klint.extract._names_text import edit_distance1, name_key, skeletonizer
from klint.extract.names import PROSE_END_RE
from klint.packs import Packs

#: how often the title's word must stand in the text before a one-off spelling is a slip of it
MIN_USES = 3
#: how often a name that is no word of the title must stand in the text before a one-off
#: spelling one edit from it is a slip of it (fewer: when the two share a longer name)
WELL_KNOWN = 6
_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def subject_words(doc: Document) -> frozenset[str]:
    """Keys of the capitalised words (four letters or more) of the article's title and file name."""
    titles = [doc.view[r.start : r.end] for r in doc.regions_of("title")]
    titles.append(PurePath(doc.path).stem.replace("_", " "))
    return frozenset(
        name_key(w) for t in titles for w in _WORD_RE.findall(t) if w[0].isupper() or w.isupper()
    )


def _how(minor: str, major: str) -> str | None:
    """What one edit turns ``major`` into ``minor``, inside the word; None for an inflection
    or an edit of the first letter."""
    diff = edit_distance1(minor, major)
    if diff is None:
        return None
    x, y = diff
    i = next((k for k in range(min(len(minor), len(major))) if minor[k] != major[k]), 0)
    if i == 0:
        return None  # another initial: another name
    if len(x) == 2:
        return "transposed letters"
    if x == "":
        longer, shorter = (minor, major) if len(minor) > len(major) else (major, minor)
        if longer.startswith(shorter) or longer.endswith(shorter):
            return None  # Popov/Popova, Jackson/Jacksons
        if y * 2 in longer:
            return f"doubled letter ({y})"
        return f"one letter ({y}) dropped"
    if i == len(minor) - 1 or (
        i >= len(minor) - 3 and minor[-3:] in _FORMS and major[-3:] in _FORMS
    ):
        return None  # another ending: Achilles/Achillea, Frenchman/Frenchmen, Canadian/Canadien
    return f"{x}/{y}"


#: endings whose vowel marks a form of a word (a plural, another language's adjective)
_FORMS = frozenset({"man", "men", "ian", "ien", "ean", "ain", "ein"})


def title_slips(
    names: dict[str, Spelling], packs: Packs, doc: Document, lower: frozenset[str]
) -> list[Variant]:
    """One-off spellings one edit from a word of the title that the text uses three times or
    more, each as a variant of that word (``names`` from ``name_words``, left as it is)."""
    subject = subject_words(doc)
    text = doc.view
    words = dict(names)  # the capitalised words of the prose are added below
    majors = [
        sp
        for k, sp in words.items()
        if len(sp.places) >= (MIN_USES if k in subject else WELL_KNOWN)
        or (len(sp.places) >= MIN_USES and sp.partners)
    ]
    if not majors:
        return []
    by_initial: dict[str, list[Spelling]] = {}  # one edit keeps the first letter (see _how)
    for major in majors:
        by_initial.setdefault(major.key[0], []).append(major)
    # the lengths a spelling one edit from a major has, by initial: no other word can be a slip
    lengths = {
        c: {n for sp in sps for n in range(len(sp.key) - 1, len(sp.key) + 2)}
        for c, sps in by_initial.items()
    }
    paragraphs = [(r.start, r.end) for r in doc.regions_of("paragraph")]
    added = _add_capitalised(text, paragraphs, words, lower, lengths)  # each opens sentences
    skel = skeletonizer(translit_rules(packs))
    allowed = {frozenset(name_key(x) for x in group) for group in packs.allowed_variants}
    # two spellings one edit apart have a deletion in common: the majors by their deletions
    by_deletion: dict[str, list[int]] = {}
    for i, major in enumerate(majors):
        for d in _deletions(major.key):
            by_deletion.setdefault(d, []).append(i)
    deletions = frozenset(by_deletion)
    out: list[Variant] = []
    for minor in words.values():
        if len(minor.places) != 1 or minor.key in subject or len(minor.key) < 4:
            continue
        near = _deletions(minor.key)
        if near.isdisjoint(deletions):
            continue
        for i in sorted({i for d in near & deletions for i in by_deletion[d]}):
            major = majors[i]  # in the text's order, as before
            if major.key[0] != minor.key[0] or abs(len(major.key) - len(minor.key)) > 1:
                continue
            how = _how(minor.key, major.key)
            if how is None:
                continue
            opener = minor.key in added or _opener(text, paragraphs, minor)
            if _apart(minor, major, skel, text, packs, allowed, opener):
                continue
            if major.key not in subject and not _slip_of(minor, major, text):
                continue
            out.append(Variant(minor, major, how))
            break
    return out


_CAPITALISED_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w-])")
#: what follows a word standing alone, no name after it: a lower-case word, after a possessive
#: too ("Hxum's car", "Caraas' centre": the apostrophe alone after an s)
_ALONE_OPENER_RE = re.compile(r"(?:['’]s|(?<=s)['’])?[\s,;:]+[a-z]")
#: a sentence's end before a capital: where a word may open a sentence (see
#: ``_opens_sentence``), one pattern a mark, each found by a fast search for its literal
_AFTER_END_RES = tuple(re.compile(re.escape(c) + r"['\"”’]?[ \t]+[A-Z]") for c in ".!?")


def _add_capitalised(
    view: str,
    paragraphs: list[tuple[int, int]],
    words: dict[str, Spelling],
    lower: frozenset[str],
    lengths: dict[str, set[int]],
) -> frozenset[str]:
    """Add the capitalised words of the prose that no name holds, each a spelling of its own:
    the one at a sentence's start that the name reader leaves alone as an ordinary word
    ("Hxum was rushed to hospital"), if its initial and length (``lengths``) may make it a
    slip of a name. Returns their keys."""
    found: dict[str, list[tuple[int, int]]] = {}
    starts = {m.end() - 1 for rx in _AFTER_END_RES for m in rx.finditer(view)}
    starts.update(lo for lo, _ in paragraphs)
    i, n = 0, len(paragraphs)  # paragraphs neither nest nor overlap: walk them in order
    for start in sorted(starts):
        while i < n and paragraphs[i][1] <= start:
            i += 1
        if i == n:
            break
        lo, hi = paragraphs[i]
        near = lengths.get(view[start].lower()) if start >= lo else None
        if not near:
            continue
        m = _CAPITALISED_RE.match(view, start, hi)
        if m is None or m.end() - start not in near:
            continue
        key = m.group().casefold()
        if key in words or key in lower or not _ALONE_OPENER_RE.match(view, m.end()):
            continue  # a name, a word, or a given name before more of a name ("Carrinton G.")
        if _opens_sentence(view, lo, start):
            found.setdefault(key, []).append(m.span())
    for key, places in found.items():
        words[key] = Spelling(view[slice(*places[0])], key, places)
    return frozenset(found)


def _opens_sentence(view: str, paragraph: int, start: int) -> bool:
    """Whether a word opens a sentence of prose (its paragraph's first word or after a
    sentence's end), not "(1901). Title"."""
    return start == paragraph or bool(PROSE_END_RE.search(view, max(paragraph, start - 8), start))


def _opener(view: str, paragraphs: list[tuple[int, int]], sp: Spelling) -> bool:
    """Whether a name of one word stands once, opening a sentence of prose: its role, given
    name, surname or place, is unknown ("Goerge was born at York Cottage")."""
    if sp.partners or len(sp.places) != 1:
        return False
    s = sp.places[0][0]
    i = bisect.bisect_right(paragraphs, s, key=_first) - 1  # paragraphs neither nest nor overlap
    return i >= 0 and s < paragraphs[i][1] and _opens_sentence(view, paragraphs[i][0], s)


def _first(span: tuple[int, int]) -> int:
    return span[0]


def _slip_of(minor: Spelling, major: Spelling, text: str) -> bool:
    """Whether a one-off spelling one edit from a name that is no word of the title is a slip
    of it: the two stand in one longer name ("Terry Crowwe" / "Terry Crowe"), or the text uses
    the name often and the spelling, of six letters or more, stands alone ("Kubloi received
    the brothers" / "Kublai"; not "Lyndon B. Johnson" / "London", "Los Angeles Angels" /
    "Angeles")."""
    s, e = minor.places[0]
    if minor.partners & major.partners:
        # not two words of one name side by side ("Los Angeles Angels")
        return not any(b <= s <= b + 2 or e <= a <= e + 2 for a, b in major.places)
    return (
        not minor.partners
        and len(major.places) >= WELL_KNOWN
        and len(minor.key) >= _ALONE_LENGTH
        and not _NAME_BEFORE.search(text, max(0, s - 40), s)
        and not _NAME_AFTER.match(text, e)
    )


#: another word of a name (or an initial) right before or after a word
_NAME_BEFORE = re.compile(r"(?:\b[A-Z]\.|\b[A-Z][\w'’-]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+(?:[A-Z]\.|[A-Z][a-z])")
#: the shortest spelling standing alone taken for a slip of a name other than the title's:
#: short words one letter apart are other words and names (Hell/Hall, Iran/Ivan, Mosan/Masan)
_ALONE_LENGTH = 6


def _plurals(a: str, b: str) -> bool:
    """Both end in s, one with a letter more before it: two plurals or a plural and a name
    (Amazons/Amazonas), not a slip (Amazonus, Ottomon)."""
    return len(a) != len(b) and a.endswith("s") and b.endswith("s") and other_ending(a, b)


def _apart(
    a: Spelling,
    b: Spelling,
    skel: Callable[[str], str],
    text: str,
    packs: Packs,
    allowed: set[frozenset[str]],
    opener: bool = False,
) -> bool:
    """Whether the words around or the packs tell the two spellings apart as two names. A word
    opening sentences of prose (``opener``) has no role, given name or place, to compare
    ("Goerge was born at York Cottage" / "George V")."""
    return (
        any(frozenset((a.key, b.key)) <= group for group in allowed)
        or (not opener and not same_role(a, b, skel))
        or different_names(a, b, skel)
        # forms of words: a plural's letter before its s (Amazons/Amazonas, Afghanis/Afghans)
        or (_plurals(a.key, b.key) and not a.partners & b.partners)
        or town_and_ton(a.key, b.key)
        # a word of both names is no other person's ("the CSU's Horst Sehofer" / "Horst Seehofer")
        or (two_people(a, b, skel) and not a.partners & b.partners)
        or two_languages(a, b)
        or stated_as_one(a, b, text, packs.renaming_cues)
    )
