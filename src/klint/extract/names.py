"""Names, acronyms and references, read from the document's content regions.

- ``Mention``: runs of capitalized words ("Heidar Aliev", "Republic of Azerbaijan"),
  single proper names that are not just sentence-initial capitals, and the infobox's
  people and places, each with a normalized ``key``.
- ``Acronym``: definitions ("Commonwealth of Independent States (CIS)",
  "NKAO (Nagorno-Karabakh Autonomous Oblast)") and uses; all-caps designations
  that are not acronyms (T-72, GRAD, MEGA OIL, P.M., XIX) are left out by shape
  and by the ``not_acronyms`` pack.
- ``Reference``: phrases that count or point ("the previous two", "both resolutions",
  "the aforementioned treaty", "see below", "(see the section on X)") and numbered
  identifiers ("Resolution 822", "resolutions (874 and 884)").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from klint.claims import Acronym, Mention, Reference
from klint.document import Document, Region
from klint.extract._names_text import name_key
from klint.packs import Packs
from klint.text.sentences import containing, inside
from klint.text.words import find_all, finditer_from, lower_words, plural_forms

_SOURCES = {
    "infobox_field": "infobox",
    "heading": "heading",
    "title": "heading",
    "caption": "caption",
}
#: Words after "the previous two" that do not name what is counted ("the previous two were").
_FUNCTION_WORDS = frozenset(
    "and but or were was are is had have has did do in of to that which they it".split()  # noqa: SIM905
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass(frozen=True, slots=True)
class _Span:
    """One content region with its sentence starts and quotations (absolute offsets)."""

    region: Region
    sentences: tuple[int, ...]
    quotes: list[tuple[int, int]]

    def sentence_start(self, offset: int) -> int:
        return containing(self.sentences, offset, self.region.start)

    def in_quote(self, offset: int) -> bool:
        return self.region.kind == "quote" or inside(self.quotes, offset)


class _Index:
    """The content regions of one document, found by offset with a bisection."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spans: list[_Span] = []
        text = doc.text_index
        for r in doc.content_regions():
            self.spans.append(_Span(r, tuple(text.sentences(r)), text.quotes(r)))
        self.starts = [s.region.start for s in self.spans]

    def at(self, start: int, end: int) -> _Span | None:
        """The content region holding ``[start, end)`` entirely, if any."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and end <= self.spans[i].region.end:
            return self.spans[i]
        return None


_LAST: list[_Index] = []


def _index(doc: Document) -> _Index:
    """One index per document, shared by the three extractors of a run."""
    if _LAST and _LAST[0].doc is doc:
        return _LAST[0]
    idx = _Index(doc)
    _LAST[:] = [idx]
    return idx


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-'’")


# --------------------------------------------------------------------------- mentions

#: A word that starts with an upper-case letter (Latin, Greek or Cyrillic).
_CAP_TOKEN_RE = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f\u0370-\u03ff\u0400-\u042f][\w'’\-]*")
_DIGIT_RE = re.compile(r"\d")


def _strip_possessive(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


def _runs_past(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``, read past the region's ``end``, ends after it."""
    m = _CAP_TOKEN_RE.match(text, start)
    return m is not None and start + len(m.group().rstrip("-'’")) > end


def _tokens_by_span(idx: _Index) -> dict[int, list[tuple[int, int, str, str]]]:
    """Capitalized words of the content regions, grouped by region: ``(start, end, word, without 's)``."""
    text = idx.doc.text
    n = len(text)
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    for i, span in enumerate(idx.spans):
        r = span.region
        label = r.label if r.kind == "infobox_field" else None
        skip_to = r.start + len(label) if label and text.startswith(label, r.start) else -1
        toks: list[tuple[int, int, str, str]] = []
        for m in _CAP_TOKEN_RE.finditer(text, r.start, r.end):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] in "_-'’"):  # not a word start
                continue
            w = m.group().rstrip("-'’")
            if m.end() == r.end < n and _runs_past(text, s, r.end):
                continue
            if not w or w.isupper() or not w[0].isupper():
                continue
            if not w.isalpha() and _DIGIT_RE.search(w):
                continue
            if s < skip_to:
                continue  # the field's own label ("Location")
            toks.append((s, s + len(w), w, _strip_possessive(w)))
        if toks:
            out[i] = toks
    return out


def extract_mentions(doc: Document, packs: Packs) -> list[Mention]:
    """Capitalized names, and the people and places of the infobox."""
    idx = _index(doc)
    stop = frozenset(packs.name_stopwords)
    particles = packs.name_particles
    particle_gap = (
        re.compile(" (?:" + "|".join(map(re.escape, particles)) + ") ") if particles else None
    )
    text = doc.text
    lower = lower_words(text)  # runs of lower-case letters
    runs: list[tuple[_Span, list[tuple[int, int, str, str]], bool]] = []
    for i, toks in _tokens_by_span(idx).items():
        span = idx.spans[i]
        starts = set(span.sentences)
        n = len(toks)
        k = 0
        while k < n:
            j = k + 1
            end = toks[k][1]
            while j < n:
                s, e, w, _ = toks[j]
                if w in stop:
                    break
                if s != end + 1 or text[end] != " ":  # not joined by one space
                    gap = text[end:s]
                    if not (particle_gap and len(gap) < 8 and particle_gap.fullmatch(gap)):
                        break
                end = e
                j += 1
            run = toks[k:j]
            k = j
            at_start = _at_sentence_start(text, run[0][0], starts)
            while run and (run[0][2] in stop or (at_start and _common_word(run[0][2], lower))):
                run = run[1:]
                at_start = False
            if run:
                runs.append((span, run, at_start))
    proper = {  # words capitalized where a sentence does not force it
        name_key(t[3]) for _, run, at_start in runs if not at_start or len(run) > 1 for t in run
    }
    out: list[Mention] = []
    for span, run, at_start in runs:
        if at_start and len(run) == 1 and name_key(run[0][3]) not in proper:
            continue
        parts = tuple(t[3] for t in run)
        start, end = run[0][0], run[-1][1] - (len(run[-1][2]) - len(parts[-1]))
        name = text[start:end]
        r = span.region
        out.append(
            Mention(
                start=start,
                end=end,
                text=name,
                name=name,
                key=name_key(name),
                source=_SOURCES.get(r.kind, "body"),
                field=r.label if r.kind == "infobox_field" else None,
                in_quote=span.in_quote(start),
                words=parts,
            )
        )
    return out


def _common_word(word: str, lower: frozenset[str]) -> bool:
    """A word of two or more letters that the text also writes in lower case."""
    folded = word.casefold()
    return len(folded) > 1 and folded in lower


def _at_sentence_start(text: str, offset: int, starts: set[int]) -> bool:
    k = offset
    while k > 0 and text[k - 1] in "\"'“‘([":
        k -= 1
    return k in starts


# --------------------------------------------------------------------------- acronyms

_ACR_RE = re.compile(r"([A-Z][A-Z&]{1,9})(s?)(?![\w\-/]|\.[A-Za-z])")
_ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,4})(?:XC|XL|L?X{0,4})(?:IX|IV|V?I{0,4})")
_MINOR = frozenset("of the and for in on at to a an de du la le des del".split())  # noqa: SIM905


def _long_form(short: str, window: str) -> int | None:
    """Schwartz–Hearst: the offset in ``window`` where the expansion of ``short`` begins."""
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


def _initials_ok(short: str, expansion: str) -> bool:
    """The acronym's letters are, in order, the initials of the expansion's words, one slip allowed.

    Hyphen parts count as words ("Nagorno-Karabakh Autonomous Oblast": NKAO);
    minor words may be skipped ("Commonwealth of Independent States": CIS).
    """
    parts = [p for p in re.split(r"[\s\-]+", expansion) if p]
    if not parts or parts[0][0].lower() != short[0].lower() or len(parts) > 2 * len(short):
        return False
    initials = [p[0].lower() for p in parts]
    matched = _matched_in_order(short.lower(), initials)
    content = sum(1 for p in parts if p.lower() not in _MINOR)
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


def _expansion_before(text: str, lo: int, paren: int, short: str) -> tuple[int, int] | None:
    """The span of the expansion that ends before the "(" at ``paren`` (not before ``lo``)."""
    head_end = len(text[lo:paren].rstrip()) + lo
    limit = min(len(short) + 5, 2 * len(short))
    toks = list(re.finditer(r"\S+", text[max(lo, head_end - 40 * limit) : head_end]))[-limit:]
    if not toks:
        return None
    base = max(lo, head_end - 40 * limit) + toks[0].start()
    window = text[base:head_end]
    k = _long_form(short, window)
    if k is not None and _initials_ok(short, window[k:]):
        return base + k, head_end
    # "Republic of Nagorno-Karabakh (NKR)": the letters are the initials of the name before it
    initials: list[str] = []
    start = None
    for m in reversed(toks):
        w = m.group().strip("\"'“”,;:")
        if not w or not (w[0].isupper() or w in _MINOR):
            break
        if w[0].isupper():
            initials.extend(p[0] for p in w.split("-") if p)
            start = base - toks[0].start() + m.start()
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
        re.search(r"[A-Z]{2,}[\s,]+$", before)
        or re.match(r"[\s,]+[A-Z]{2,}\b", after)
        or re.match(r"-\d", after)
    )


def extract_acronyms(doc: Document, packs: Packs) -> list[Acronym]:
    """Acronym definitions and uses, in text order."""
    idx = _index(doc)
    banned = frozenset(packs.not_acronyms)
    text = doc.text
    out: list[Acronym] = []
    for m in _ACR_RE.finditer(text):
        start, end, acr = m.start(), m.end(), m.group(1)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-/_"):
            continue
        span = idx.at(start, end)
        if span is None or _not_acronym(text, start, end, acr, banned):
            continue
        exp = _definition(text, span.region.start, span.region.end, m)
        es, ee = exp if exp else (None, None)
        out.append(
            Acronym(
                start=start,
                end=end,
                text=m.group(),
                acronym=acr,
                expansion=" ".join(text[es:ee].split()) if exp else None,
                expansion_start=es,
                expansion_end=ee,
                in_quote=span.in_quote(start),
            )
        )
    return out


def _definition(text: str, lo: int, hi: int, m: re.Match[str]) -> tuple[int, int] | None:
    """The expansion's span when the acronym at ``m`` is defined here, in either order."""
    acr = m.group(1)
    pre = re.search(r"\(\s*(?:the\s+|or\s+)?$", text[max(lo, m.start() - 8) : m.start()])
    if pre and re.match(r"\s*[),;]", text[m.end() : hi]):
        return _expansion_before(text, lo, max(lo, m.start() - 8) + pre.start(), acr)
    after = re.match(r"\s*\(([^()]{3,120})\)", text[m.end() : min(hi, m.end() + 130)])
    if after:
        inner = after.group(1)
        s = m.end() + after.start(1) + len(inner) - len(inner.lstrip())
        expansion = inner.strip()
        if _long_form(acr, expansion) == 0 and _initials_ok(acr, expansion):
            return s, s + len(expansion)
    return None


# --------------------------------------------------------------------------- references

_COUNT_BACK_WORDS = (
    "previous",
    "preceding",
    "prior",
    "earlier",
    "above",
    "aforementioned",
    "above-mentioned",
    "former",
    "last",
)
_COUNT_BACK_RE = re.compile(
    rf"(?:[Tt]he|THE)\s+({'|'.join(_COUNT_BACK_WORDS)})\s+"
    r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b(?:\s+([a-z][a-z\-]{2,20}))?"
)
_BOTH_RE = re.compile(r"[Bb]oth\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?([a-z][a-z\-]{2,20})\b")
_ANAPHOR_RE = re.compile(
    r"(?:[Aa]fore(?:mentioned|said)|[Aa]bove-?mentioned)\s+([a-z][a-z\-]{2,20})\b"
)
_POINTER_VERBS = (
    "See",
    "see",
    "discussed",
    "described",
    "mentioned",
    "listed",
    "shown",
    "explained",
    "detailed",
    "noted",
    "outlined",
)
_POINTER_PLACES = ("below", "above", "later", "earlier")
_POINTER_RE = re.compile(rf"(?:{'|'.join(_POINTER_VERBS)})\s+({'|'.join(_POINTER_PLACES)})\b")
#: Literals every match of ``_ANAPHOR_RE`` contains one of (a text without them is not scanned).
_ANAPHOR_NEEDS = ("foremention", "foresaid", "bovemention", "bove-mention")
_SECTION_RE = re.compile(
    r"[Ss]ee\s+(?:also\s+)?(?:the\s+)?(?:section\s+(?:on|about|entitled|titled|called)\s+"
    r"[\"“]?([^\"”()\n.;]{2,60}?)[\"”]?"
    r"|[\"“]?([^\"”()\n.;]{2,60}?)[\"”]?\s+section)(?=\s*[).,;:]|\s*$)"
)
_LIST_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+){0,6}[\s,]*\(?\s*(\d{2,5})((?:\s*,\s*\d{2,5})*\s*(?:,\s*)?(?:and|&)\s*\d{2,5})\s*\)?"
)
_SINGLE_ID_RE = re.compile(r"\s+(?:No\.\s*|#)?(\d{1,5}[A-Z]?)\b(?![.,]?\d)", re.IGNORECASE)


def _pointer_possible(text: str) -> bool:
    """Whether ``_POINTER_RE`` can match: a place word after white space after a cue verb.

    A few ``str.find`` calls instead of a regex scan that tries every position of the text.
    """
    for place in _POINTER_PLACES:
        p = text.find(place)
        while p >= 0:
            q = p
            while q > 0 and text[q - 1].isspace():
                q -= 1
            if q < p and text.endswith(_POINTER_VERBS, 0, q):
                return True
            p = text.find(place, p + 1)
    return False


def _count_back_starts(text: str) -> set[int]:
    """Every offset where ``_COUNT_BACK_RE`` may match: "the", white space, then a count-back word."""
    out = set()
    for p in find_all(text, _COUNT_BACK_WORDS):
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p and text.endswith(("the", "The", "THE"), 0, q):
            out.add(q - 3)
    return out


def _matches(
    idx: _Index, pattern: re.Pattern[str], starts: set[int] | None = None
) -> list[tuple[re.Match[str], _Span]]:
    """Matches of ``pattern`` that start a word and lie inside one content region."""
    text = idx.doc.text
    out: list[tuple[re.Match[str], _Span]] = []
    if pattern is _ANAPHOR_RE and not any(n in text for n in _ANAPHOR_NEEDS):
        return out
    if pattern is _POINTER_RE and not _pointer_possible(text):
        return out
    for m in finditer_from(pattern, text, starts):
        if _word_start(text, m.start()):
            span = idx.at(m.start(), m.end())
            if span is not None:
                out.append((m, span))
    return out


def extract_references(doc: Document, packs: Packs) -> list[Reference]:
    """Counting and pointing phrases and numbered identifiers."""
    idx = _index(doc)
    text = doc.text
    nouns = {f: n for n in packs.reference_nouns for f in plural_forms(n)}
    out: list[Reference] = []
    for m, span in _matches(idx, _COUNT_BACK_RE, _count_back_starts(text)):
        word = m.group(2).casefold()
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        noun = (m.group(3) or "").casefold()
        scope = span.sentence_start(m.start())
        if noun in nouns:
            end, target = m.end(), nouns[noun]
        elif (
            not noun or noun in _FUNCTION_WORDS
        ):  # "as the previous two, they": the noun comes before
            end, target = m.end(2), _noun_before(text, scope, m.start(), nouns)
        else:  # "the last two years": counts something that is not a reference noun
            end, target = m.end(2), plural_forms(noun)[0]
        out.append(
            Reference(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                ref_type="count-back",
                target=target,
                count=count,
                scope_start=scope,
            )
        )
    for m, span in _matches(idx, _BOTH_RE, find_all(text, ("Both", "both"))):
        noun = m.group(1).casefold()
        if noun in nouns and noun != nouns[noun]:  # a plural reference noun
            out.append(_phrase(m, span, "count-back", target=nouns[noun], count=2))
    for m, span in _matches(idx, _ANAPHOR_RE):
        noun = m.group(1).casefold()
        if noun not in _NUMBER_WORDS:
            target = nouns.get(noun, plural_forms(noun)[0])
            out.append(_phrase(m, span, "anaphor", target=target))
    for m, span in _matches(idx, _POINTER_RE):
        direction = "forward" if m.group(1) in ("below", "later") else "back"
        out.append(_phrase(m, span, "pointer", direction=direction))
    for m, span in _matches(idx, _SECTION_RE):
        target = (m.group(1) or m.group(2) or "").strip()
        if target:
            out.append(_phrase(m, span, "pointer", target=target, direction="none"))
    out.extend(_identifiers(idx, packs))
    out.sort(key=lambda r: (r.start, r.end))
    return out


def _phrase(m: re.Match[str], span: _Span, ref_type: str, **fields: Any) -> Reference:
    """A reference that is the whole match ``m``, scoped to its sentence."""
    return Reference(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        ref_type=ref_type,  # type: ignore[arg-type]
        scope_start=span.sentence_start(m.start()),
        **fields,
    )


def _noun_before(text: str, lo: int, hi: int, nouns: dict[str, str]) -> str | None:
    """The nearest plural reference noun in ``text[lo:hi]`` ("resolutions")."""
    for m in reversed(list(re.finditer(r"[A-Za-z][a-z\-]+", text[lo:hi]))):
        w = m.group().casefold()
        if w in nouns and w != nouns[w]:
            return nouns[w]
    return None


@lru_cache(maxsize=16)
def _noun_re(forms: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of ``forms`` (any of them, lower case or capitalized) and the literals every match starts with."""
    alts = sorted({v for f in forms for v in (f, f.capitalize())}, key=len, reverse=True)
    shortest = tuple(a for a in alts if not any(b != a and a.startswith(b) for b in alts))
    return re.compile("(?:" + "|".join(map(re.escape, alts)) + r")\b"), shortest


def _identifiers(idx: _Index, packs: Packs) -> list[Reference]:
    """Numbered identifiers: "Resolution 822", "Article 78", "resolutions (874 and 884)"."""
    ident_nouns = {f: n for n in packs.identifier_nouns for f in plural_forms(n)}
    if not ident_nouns:
        return []
    text = idx.doc.text
    out = []
    pattern, firsts = _noun_re(tuple(sorted(ident_nouns)))
    for m, span in _matches(idx, pattern, find_all(text, firsts)):
        noun = m.group().casefold()
        target = ident_nouns[noun]
        tail_end = min(span.region.end, m.end() + 80)
        many = _LIST_AFTER_RE.match(text, m.end(), tail_end) if noun != target else None
        single = _SINGLE_ID_RE.match(text, m.end(), tail_end) if noun == target else None
        scope = span.sentence_start(m.start())
        if many:
            for n in re.finditer(r"\d{2,5}", text[many.start(1) : many.end()]):
                ns = many.start(1) + n.start()
                out.append(
                    Reference(
                        start=ns,
                        end=ns + len(n.group()),
                        text=n.group(),
                        ref_type="identifier",
                        target=target,
                        ident=n.group(),
                        direction="none",
                        scope_start=scope,
                    )
                )
        elif single:
            out.append(
                Reference(
                    start=m.start(),
                    end=single.end(),
                    text=text[m.start() : single.end()],
                    ref_type="identifier",
                    target=target,
                    ident=single.group(1),
                    direction="none",
                    scope_start=scope,
                )
            )
    return out
