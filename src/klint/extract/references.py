"""References, read from the document's content regions: phrases that count or point
("the previous two", "both resolutions", "the aforementioned treaty", "see below",
"(see the section on X)") and numbered identifiers ("Resolution 822",
"resolutions (874 and 884)"). Each carries the start of the sentence it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from klint import lazyre
from klint.claims import Direction, Reference, ReferenceType
from klint.document import Document, Region
from klint.packcache import per_packs
from klint.packs import Packs
from klint.text.numerals import NumberWords, number_words
from klint.text.words import alternation, find_all, finditer_from, plural_forms


def _spellings(nouns: tuple[str, ...]) -> dict[str, str]:
    """Each noun of a pack by its singular and plural spellings, case-folded (read, never
    changed: :func:`_lexicon` builds it once and every document reads it)."""
    return {f: n for n in nouns for f in plural_forms(n)}


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-'’")


def count_back_re(words: tuple[str, ...], numbers: tuple[str, ...]) -> re.Pattern[str]:
    """ "the previous two resolutions": a count-back word (one of ``words``), a count (a digit
    or one of ``numbers``) and the noun after it, if any."""
    return re.compile(
        rf"(?:[Tt]he|THE)\s+({'|'.join(map(re.escape, words))})\s+"
        rf"({alternation(numbers)}|\d{{1,2}})\b(?:\s+([a-z][a-z\-]{{2,20}}))?"
    )


_BOTH_RE = re.compile(r"[Bb]oth\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?([a-z][a-z\-]{2,20})\b")
_ANAPHOR_RE = lazyre.compile(
    r"(?:[Aa]fore(?:mentioned|said)|[Aa]bove-?mentioned)\s+([a-z][a-z\-]{2,20})\b"
)


def pointer_re(verbs: tuple[str, ...], places: tuple[str, ...]) -> re.Pattern[str]:
    """ "see below", "discussed above": one of ``verbs``, white space, one of ``places``."""
    return re.compile(
        rf"(?:{'|'.join(map(re.escape, verbs))})\s+({'|'.join(map(re.escape, places))})\b"
    )


#: Literals every match of ``_ANAPHOR_RE`` contains one of (a text without them is not scanned).
_ANAPHOR_NEEDS = ("foremention", "foresaid", "bovemention", "bove-mention")
#: tried only where "See" or "see" is (a scan for [Ss] would try a tenth of the text)
_SECTION_RE = re.compile(
    r"[Ss]ee\s+(?:also\s+)?(?:the\s+)?(?:section\s+(?:on|about|entitled|titled|called)\s+"
    r"[\"“]?([^\"”()\n.;]{2,60}?)[\"”]?"
    r"|[\"“]?([^\"”()\n.;]{2,60}?)[\"”]?\s+section)(?=\s*[).,;:]|\s*$)"
)
#: the word before "section" that makes it the section the text stands in or one beside it
#: ("see the links in this section", "see the next section"), not a section's name
_DEICTIC = frozenset(
    "this that these those same next following previous preceding subsequent other another "
    "each every last first later earlier relevant respective corresponding".split()
)
_LIST_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+){0,6}[\s,]*\(?\s*(\d{2,5})((?:\s*,\s*\d{2,5})*\s*(?:,\s*)?(?:and|&)\s*\d{2,5})\s*\)?"
)
_WORD_RE = re.compile(r"[A-Za-z][a-z\-]+")
_ID_NUMBER_RE = re.compile(r"\d{2,5}")
_SINGLE_ID_RE = re.compile(r"\s+(?:No\.\s*|#)?(\d{1,5}[A-Z]?)\b(?![.,]?\d)", re.IGNORECASE)


def _pointer_possible(text: str, verbs: tuple[str, ...], places: tuple[str, ...]) -> bool:
    """Whether :func:`pointer_re` can match: a place word after white space after a cue verb.

    A few ``str.find`` calls instead of a regex scan that tries every position of the text.
    """
    for place in places:
        p = text.find(place)
        while p >= 0:
            q = p
            while q > 0 and text[q - 1].isspace():
                q -= 1
            if q < p and text.endswith(verbs, 0, q):
                return True
            p = text.find(place, p + 1)
    return False


def _count_back_starts(text: str, words: tuple[str, ...]) -> set[int]:
    """Every offset where :func:`count_back_re` may match: "the", white space, then one of ``words``."""
    out = set()
    for p in find_all(text, words):
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < p and text.endswith(("the", "The", "THE"), 0, q):
            out.add(q - 3)
    return out


def _matches(
    doc: Document, pattern: re.Pattern[str], starts: set[int] | None = None
) -> list[tuple[re.Match[str], Region]]:
    """Matches of ``pattern`` that start a word and lie inside one content region."""
    text = doc.text
    out: list[tuple[re.Match[str], Region]] = []
    if pattern is _ANAPHOR_RE and not any(n in text for n in _ANAPHOR_NEEDS):
        return out
    for m in finditer_from(pattern, text, starts):
        if _word_start(text, m.start()):
            region = doc.text_index.region_at(m.start(), m.end())
            if region is not None:
                out.append((m, region))
    return out


@dataclass(frozen=True)
class _Lexicon:
    """The pack's words and patterns the reader looks up, built once per packs object."""

    nouns: dict[str, str]  # reference nouns by each spelling (see _spellings)
    numbers: NumberWords
    count_back_words: tuple[str, ...]
    count_back_stops: frozenset[str]
    count_back: re.Pattern[str]
    pointer_verbs: tuple[str, ...]
    pointer_places: tuple[str, ...]
    pointer: re.Pattern[str]
    identifier_nouns: dict[str, str]
    #: the identifier nouns' pattern and the literals its matches start with (None: no nouns)
    identifier: tuple[re.Pattern[str], tuple[str, ...]] | None


@per_packs
def _lexicon(packs: Packs) -> _Lexicon:
    numbers = number_words(packs)
    words = tuple(packs.count_back_words)
    verbs, places = tuple(packs.pointer_verbs), tuple(packs.pointer_places)
    identifier_nouns = _spellings(tuple(packs.identifier_nouns))
    return _Lexicon(
        nouns=_spellings(tuple(packs.reference_nouns)),
        numbers=numbers,
        count_back_words=words,
        count_back_stops=frozenset(packs.count_back_stops),
        count_back=count_back_re(words, numbers.words(2)),
        pointer_verbs=verbs,
        pointer_places=places,
        pointer=pointer_re(verbs, places),
        identifier_nouns=identifier_nouns,
        identifier=_noun_re(tuple(sorted(identifier_nouns))) if identifier_nouns else None,
    )


def extract_references(doc: Document, packs: Packs) -> list[Reference]:
    """Counting and pointing phrases and numbered identifiers."""
    idx = doc.text_index
    text = doc.text
    lex = _lexicon(packs)
    nouns, numbers, stops = lex.nouns, lex.numbers, lex.count_back_stops
    out: list[Reference] = []
    for m, region in _matches(doc, lex.count_back, _count_back_starts(text, lex.count_back_words)):
        word = m.group(2).casefold()
        count = int(word) if word.isdigit() else numbers.value(word)
        noun = (m.group(3) or "").casefold()
        sentence = idx.sentence_start(region, m.start())
        target: str | None
        if noun in nouns:
            end, target = m.end(), nouns[noun]
        elif not noun or noun in stops:  # "as the previous two, they": the noun comes before
            end, target = m.end(2), _noun_before(text, sentence, m.start(), nouns)
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
                sentence_start=sentence,
            )
        )
    for m, region in _matches(doc, _BOTH_RE, find_all(text, ("Both", "both"))):
        noun = m.group(1).casefold()
        if noun in nouns and noun != nouns[noun]:  # a plural reference noun
            out.append(_phrase(m, doc, region, "count-back", target=nouns[noun], count=2))
    for m, region in _matches(doc, _ANAPHOR_RE):
        noun = m.group(1).casefold()
        if numbers.value(noun) is None:
            target = nouns.get(noun, plural_forms(noun)[0])
            out.append(_phrase(m, doc, region, "anaphor", target=target))
    pointers = (
        _matches(doc, lex.pointer)
        if _pointer_possible(text, lex.pointer_verbs, lex.pointer_places)
        else []
    )
    for m, region in pointers:
        direction: Direction = "forward" if m.group(1) in ("below", "later") else "back"
        out.append(_phrase(m, doc, region, "pointer", direction=direction))
    for m, region in _matches(
        doc, _SECTION_RE, find_all(text, ("See",)) | find_all(text, ("see",))
    ):
        target = (m.group(1) or m.group(2) or "").strip()
        if target and target.rsplit(None, 1)[-1].casefold() not in _DEICTIC:
            out.append(_phrase(m, doc, region, "pointer", target=target, direction="none"))
    out.extend(_identifiers(doc, lex))
    out.sort(key=lambda r: (r.start, r.end))
    return out


def _phrase(
    m: re.Match[str],
    doc: Document,
    region: Region,
    ref_type: ReferenceType,
    target: str | None = None,
    count: int | None = None,
    direction: Direction = "back",
) -> Reference:
    """A reference that is the whole match ``m``, scoped to its sentence."""
    return Reference(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        ref_type=ref_type,
        target=target,
        count=count,
        direction=direction,
        sentence_start=doc.text_index.sentence_start(region, m.start()),
    )


def _noun_before(text: str, lo: int, hi: int, nouns: dict[str, str]) -> str | None:
    """The nearest plural reference noun in ``text[lo:hi]`` ("resolutions")."""
    for m in reversed(list(_WORD_RE.finditer(text, lo, hi))):
        w = m.group().casefold()
        if w in nouns and w != nouns[w]:
            return nouns[w]
    return None


def _noun_re(forms: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of ``forms`` (any of them, lower case or capitalized) and the literals every match starts with."""
    alts = sorted({v for f in forms for v in (f, f.capitalize())}, key=len, reverse=True)
    shortest = tuple(a for a in alts if not any(b != a and a.startswith(b) for b in alts))
    return re.compile("(?:" + "|".join(map(re.escape, alts)) + r")\b"), shortest


def _identifiers(doc: Document, lex: _Lexicon) -> list[Reference]:
    """Numbered identifiers: "Resolution 822", "Article 78", "resolutions (874 and 884)"."""
    if lex.identifier is None:
        return []
    ident_nouns = lex.identifier_nouns
    text = doc.text
    out = []
    pattern, firsts = lex.identifier
    for m, region in _matches(doc, pattern, find_all(text, firsts)):
        noun = m.group().casefold()
        target = ident_nouns[noun]
        tail_end = min(region.end, m.end() + 80)
        many = _LIST_AFTER_RE.match(text, m.end(), tail_end) if noun != target else None
        single = _SINGLE_ID_RE.match(text, m.end(), tail_end) if noun == target else None
        sentence = doc.text_index.sentence_start(region, m.start())
        if many:
            for n in _ID_NUMBER_RE.finditer(text[many.start(1) : many.end()]):
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
                        sentence_start=sentence,
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
                    sentence_start=sentence,
                )
            )
    return out
