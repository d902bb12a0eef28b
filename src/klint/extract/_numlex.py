"""The compiled number lexicon: regexes and lookup tables built once per rule-pack set.

Every pattern here is applied either to a whole region with linear, non-nested
quantifiers, or to a short window (a few dozen characters) around one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from klint.claims import QuantityQualifier
from klint.packcache import per_packs
from klint.packs import Packs
from klint.text.calendar import MONTH_ALTERNATION as MONTHS
from klint.text.calendar import MONTHS as MONTH_NUMBERS
from klint.text.words import NEVER, alternation

MONTH_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+$")
MONTH_AFTER_RE = re.compile(rf"\s*(?:of\s+)?(?:{MONTHS})\b")
_MONTH_WORDS = tuple(MONTH_NUMBERS)


def month_before(text: str) -> bool:
    """Whether a month name (and maybe ".") and white space end ``text`` (``MONTH_BEFORE_RE``
    searched): searched only where what stands before the white space ends with a month name,
    told by a few string tests where the search tries every offset."""
    head = text.rstrip()
    if len(head) == len(text):
        return False
    if head.endswith("."):
        head = head[:-1]
    return head.endswith(_MONTH_WORDS) and MONTH_BEFORE_RE.search(text) is not None


TIME_AFTER_RE = re.compile(r"\s?:\s?[0-9]{1,2}(?![0-9])")
DASH_RANGE_RE = re.compile(r"\s{0,2}(?:–|—|-|to)\s{0,2}(\$|£|€|¥)?(?=[0-9])")
POSSESSIVE_RE = re.compile(r"\b((?:[A-Z][\w-]*\s){0,3}[A-Z][\w-]*)['’]s?\s+((?:[\w-]+\s){0,3})")
#: Verbs and participles after a number: the number has no noun of its own ("30,000 came from").
VERB_ENDINGS = ("ed", "ing")

SIDE_LABEL_RE = re.compile(r"^(Strength|Casualties|Commanders|Belligerents|Units)\s+([0-9])$")


#: the words that may stand between a qualifier and its number ("about the 300", "up to age 12")
QUALIFIER_GAP_WORDS = frozenset({"a", "an", "the", "age", "of", "only"})


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Any of ``words``, longest first, a space in a phrase matching any run of white space."""
    return alternation(words, r"\s+")


@dataclass
class Lexicon:
    """Everything the quantity extractor looks up, compiled from the rule packs."""

    packs: Packs
    qualifier_before: re.Pattern[str]
    #: the lower-case words ``qualifier_before`` can match ending ``before``: the last word of
    #: a qualifier ("than" of "more than") or, alone, one of ``QUALIFIER_GAP_WORDS``; None when
    #: a qualifier is not ASCII (``re`` matches some letters beyond it to others in any case)
    qualifier_last_words: tuple[str, ...] | None
    qualifier_after: re.Pattern[str]
    number_word: re.Pattern[str]
    fraction: re.Pattern[str]
    vague: re.Pattern[str]
    scale_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    noun_map: dict[str, str]  # surface (lower case) -> canonical counted noun
    unit_map: dict[str, str]  # surface -> unit
    identifier_words: frozenset[str]
    split_cue: re.Pattern[str]
    size_words: dict[str, str]
    event_of: dict[str, str]
    force_unit: re.Pattern[str]
    max_noun_words: int
    preposition_heads: frozenset[str]
    time_units: dict[str, str]  # "day" (in "six-day") -> "days"
    measure_units: frozenset[str]  # units before which a four-digit number is no year
    kind_heads: frozenset[str]  # counted nouns a modifier makes another kind
    ly_nouns: frozenset[str]  # nouns in -ly a counted noun phrase keeps
    counted_participles: frozenset[str]  # participles that may be the counted noun
    noun_stop_words: frozenset[str]  # words after a number that end the noun it counts
    attributive_words: frozenset[str]  # stop words that before a plural noun qualify it
    name_before: re.Pattern[str]  # a capitalised word before a number, part of a name with it
    not_agent_words: frozenset[str]  # capitalised words that open a sentence, no agent
    #: where a number word, fraction or vague amount may start, found in :func:`marked` text
    #: (a superset: marking blanks what the exact test tells apart) and tested exactly by
    #: ``first_word`` on the first ``first_reach`` characters there, lower-cased
    word_start: re.Pattern[str]
    first_word: re.Pattern[str]
    first_reach: int
    event_patterns: dict[
        str, re.Pattern[str]
    ]  # first word (lower case) -> the event words it starts

    def qualifier(self, phrase: str) -> tuple[QuantityQualifier, float, float]:
        q = self.packs.qualifiers.get(" ".join(phrase.lower().split()))
        return (q.kind, q.below, q.above) if q else ("exact", 0.0, 0.0)


@per_packs
def lexicon(packs: Packs) -> Lexicon:
    """The compiled lexicon of ``packs`` (cached per packs object)."""
    return _build(packs)


def _build(packs: Packs) -> Lexicon:
    num = packs.numbers
    quals = list(packs.qualifiers)
    pre = [q for q in quals if q not in ("or so", "or more")]
    post = [q for q in quals if q in ("or so", "or more")]
    words = [w for w in packs.number_words if w != "one"]
    units_small = [w for w, v in packs.number_words.items() if 1 <= v <= 9]
    tens = [w for w, v in packs.number_words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    scales = list(num.scales)
    noun_map: dict[str, str] = {}
    for canon, forms in packs.counted_nouns.items():
        for f in [canon, *forms]:
            noun_map.setdefault(f.lower(), canon)
    unit_map: dict[str, str] = {}
    for unit, forms in num.units.items():
        for f in forms:
            unit_map[f.lower()] = unit
    event_of: dict[str, str] = {}
    for cls, forms in num.event_classes.items():
        for f in forms:
            event_of.setdefault(" ".join(f.lower().split()), cls)
    max_noun = max((len(k.split()) for k in noun_map), default=1)
    firsts = _first_words([*packs.number_words, *num.fractions, *num.vague], list(num.scales))
    first = [
        re.escape(w)
        + (r"\b" if need is None else rf"[ \t\n-]{{1,3}}(?:{_alternation(sorted(need))})\b")
        for w, need in firsts.items()
    ]
    reach = max((len(w) + 4 + max(map(len, need or [""])) for w, need in firsts.items()), default=0)
    return Lexicon(
        packs=packs,
        qualifier_before=re.compile(
            rf"(?:^|[^\w.])({_alternation(pre)})\s+(?:(?:{_alternation(sorted(QUALIFIER_GAP_WORDS))})\s+)?$",
            re.IGNORECASE,
        ),
        qualifier_last_words=(
            tuple(sorted({q.split()[-1].lower() for q in pre if q.split()}))
            if all(q.isascii() for q in pre)
            else None
        ),
        qualifier_after=re.compile(rf"\s+({_alternation(post)})\b", re.IGNORECASE),
        number_word=re.compile(
            rf"(?<![\w-])(?:({_alternation(tens)})-({_alternation(units_small)})|({_alternation(words)})"
            rf"|(one|a)(?=\s+(?:{_alternation(scales)})\b))(?:\s+({_alternation(scales)}))?(?![\w])",
            re.IGNORECASE,
        ),
        fraction=re.compile(
            rf"(?<![\w-])({_alternation(list(num.fractions))})(?![\w-])", re.IGNORECASE
        ),
        vague=re.compile(rf"(?<![\w-])({_alternation(num.vague)})(?![\w-])", re.IGNORECASE),
        scale_after=re.compile(rf"\s+({_alternation(scales)})\b", re.IGNORECASE),
        unit_after=re.compile(rf"\s?({_alternation(list(unit_map))})(?![\w])", re.IGNORECASE),
        noun_map=noun_map,
        unit_map=unit_map,
        identifier_words=frozenset(w.lower() for w in num.identifier_words),
        split_cue=re.compile(rf"\b(?:{_alternation(num.split_cues)})\b", re.IGNORECASE),
        size_words={k.lower(): v for k, v in num.size_words.items()},
        event_of=event_of,
        force_unit=re.compile(rf"({_alternation(num.force_units)})\b", re.IGNORECASE),
        max_noun_words=max_noun,
        event_patterns={
            first: re.compile(
                rf"(?:{_alternation([e for e in event_of if e.split()[0] == first])})\b"
            )
            for first in dict.fromkeys(
                e.split()[0] for e in event_of
            )  # lexicon order: ties stay stable
        },
        preposition_heads=frozenset(w.lower() for w in num.preposition_heads),
        time_units={k.lower(): v for k, v in num.time_units.items()},
        measure_units=frozenset(num.measure_units),
        kind_heads=frozenset(num.kind_heads),
        ly_nouns=frozenset(w.lower() for w in num.ly_nouns),
        counted_participles=frozenset(w.lower() for w in num.counted_participles),
        noun_stop_words=frozenset(w.lower() for w in num.noun_stop_words),
        attributive_words=frozenset(w.lower() for w in num.attributive_words),
        name_before=re.compile(
            rf"[a-z,]\s(?!(?:{alternation(num.not_name_words)})\b)[A-Z][a-z]+ $"
        ),
        not_agent_words=frozenset(num.not_agent_words),
        word_start=_word_start(firsts),
        first_word=re.compile("|".join(first) or NEVER),
        first_reach=reach,
    )


#: ASCII letters lower-cased and digits kept, every other character a space (what ``"?"``
#: stands for beyond ASCII too): a text a pattern scans at one byte a character
_MARKS = bytes(
    b | 0x20 if 65 <= b <= 90 or 97 <= b <= 122 else b if 48 <= b <= 57 else 32 for b in range(256)
)


def marked(text: str) -> str:
    """``" " + text`` with ASCII letters lower-cased, digits kept and every other character a
    space: offset ``i + 1`` holds ``text[i]``, so a space found there is where a word may start."""
    return (" " + text).encode("ascii", "replace").translate(_MARKS).decode("ascii")


def _word_start(firsts: dict[str, frozenset[str] | None]) -> re.Pattern[str]:
    """The space before a first word in :func:`marked` text, then its first letter, the rest
    looked ahead at: ``re`` quickly turns away a space before any other letter. Matching a word
    by what marking leaves of it (:func:`_marked_word`), it finds every start the exact test
    can pass, and a few more."""
    by_first: dict[str, list[str]] = {}
    for w, need in firsts.items():
        rest = _marked_word(w)
        if need is not None:
            rest += " {1,3}(?:" + "|".join(sorted(_marked_word(n) for n in need)) + ")"
        first = w[0] if rest.startswith(w[0]) and w[0].isalnum() else ""
        by_first.setdefault(first, []).append(rest[len(first) :])
    branches = [re.escape(c) + "(?=" + "|".join(rests) + ")" for c, rests in by_first.items()]
    return re.compile(" (?:" + ("|".join(branches) or NEVER) + ")")


def _marked_word(word: str) -> str:
    """A pattern for ``word`` in :func:`marked` text: the word and its end, or when it holds
    more than ASCII letters and digits, the part before the first character marking blanks."""
    plain = re.match(r"[a-z0-9]*", word)
    assert plain is not None
    return re.escape(plain.group()) + (r"\b" if plain.group() == word else "")


def _first_words(entries: list[str], scales: list[str]) -> dict[str, frozenset[str] | None]:
    """First word of each entry -> the second words it needs (None when the word stands alone)."""
    seconds: dict[str, set[str]] = {"one": set(scales), "a": set(scales)}
    alone: set[str] = set()
    for e in entries:
        parts = re.split(r"[\s-]+", e.strip().lower())
        if len(parts) == 1:
            alone.add(parts[0])
        else:
            seconds.setdefault(parts[0], set()).add(parts[1])
    out: dict[str, frozenset[str] | None] = {w: frozenset(v) for w, v in seconds.items()}
    out.update(dict.fromkeys(alone))
    return out


def clean_token(token: str) -> str:
    """Drop trailing punctuation a sentence put after a numeral ("485." "20,000,")."""
    return token.rstrip(".,")
