"""Quantity extraction: numbers with what they count, their qualifier, unit, side and subject.

A fast scanner finds numerals, number words, fractions and vague amounts in each
content region; each candidate is then read in a short window around it: is it an
identifier ("Resolution 822", "Su-25", "366th"), a year or a day of a date, a range,
a vote split, a percentage, a scaled amount ("4.5 million ECUs"), a size compound
("a seven-member committee")? What it counts is the noun phrase after it (or the
noun before "of"); its qualifier is the word before it, bounded by the rule pack.
Infobox fields give the side ("Strength 1"); table cells give row and column.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from dataclasses import dataclass

from klint import lazyre
from klint.claims import QuantityClaim, QuantityQualifier, QuantitySource
from klint.document import Document, Region
from klint.extract._numlex import (
    DASH_RANGE_RE,
    MONTH_AFTER_RE,
    POSSESSIVE_RE,
    QUALIFIER_GAP_WORDS,
    SIDE_LABEL_RE,
    TIME_AFTER_RE,
    VERB_ENDINGS,
    Lexicon,
    clean_token,
    lexicon,
    marked,
    month_before,
)
from klint.packcache import per_packs
from klint.packs import Packs
from klint.text.numerals import DIGITS_RE, ORDINAL_RE, parse_numeral
from klint.text.spans import ViewSpans
from klint.text.words import alternation, ascii_lower

_WINDOW = 80  # characters read on either side of a number
_MAX_PER_REGION = 2000  # numbers read in one region (bounds the work on pathological input)
_SOURCE: dict[str, QuantitySource] = {
    "infobox_field": "infobox",
    "caption": "caption",
    "heading": "heading",
}
# patterns of the number reader, compiled once
# one character tested in Python, where a pattern's call costs many times more: a pattern
# is tried only where the character it opens with (or needs) stands
_LETTERS = frozenset(string.ascii_letters)
_LOWER = frozenset(string.ascii_lowercase)
_UPPER = frozenset(string.ascii_uppercase)
_ORDINAL_FIRST = "sSnNrRtT\u017f"  # what ``ORDINAL_RE`` opens with, in any case ("\u017f": ſ)
_PRIMES = ("'", "\u2032", "\u2019")  # what ``_PRIME_FEET_RE`` needs first or second
_BRACKETED_LIST_RE = re.compile(r"(?:\s*(?:,|and|or|&)\s*[0-9]+){0,20}\s*\)")
_CODE_BEFORE_RE = lazyre.compile(r"(?<![\w.])[A-Z]{2,5} $")
_ERA_AFTER_RE = re.compile(r"\s(?:AD|BC|BCE|CE)\b")
_LIST_JOIN_RE = re.compile(r"\s*(?:,|and|or|&|, and)\s*")
_CURRENCY_BEFORE_RE = re.compile(r"(US\$|\$|£|€|¥)\s?$")
_WORD_OR_DOT = string.ascii_letters + "."
_NEXT_LOWER_WORD_RE = re.compile(r"\s+([a-z][a-z-]*)")
_SPLIT_DASH_RE = re.compile(r"\s{0,2}[-–—]\s{0,2}")
_PERCENT_AFTER_RE = re.compile(r"\s?(?:%|per\s?cent\b)")
_PERCENT_RE = re.compile(r"\s?%|\s+(?:percent|per cent)\b")
#: feet as a prime after a number, when inches follow: 6' 8", 6′ 8″
_PRIME_FEET_RE = lazyre.compile(r"\s?(['′’])(?=\s?\d{1,2}(?:\.\d+)?\s?[\"″”])")
_INCHES_RE = lazyre.compile(r"\s?(\d{1,2}(?:\.\d+)?)\s?(?:[\"″”]|''|in\b|inch\b|inches\b)")
_COMPOUND_RE = re.compile(r"-([A-Za-z]+)(?:-([A-Za-z]+))?\b")
#: "of" after a number's unit or share ("5% of the vote"), or after a vague amount or a fraction
_OF_RE = re.compile(r"\s+of\s+")
_OF_WORD_RE = re.compile(r"\s+of\b")
_OF_THE_RE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?")
_OF_DETERMINER_RE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?")
#: the noun before "of" right before a number ("a total of 300"): searched only in a text that
#: ends in white space and holds "of", as a match must; tried where a run of letters starts
#: (where the leftmost match starts), so that a long run is not read again from each letter
_NOUN_OF_BEFORE_RE = re.compile(r"(?<![a-z])([a-z]+)\s+of\s+$")
#: the words between two amounts an estimate word governs ("400,000 X and 800,000 Y")
_AND_GAP_RE = re.compile(r"[\w\s'’-]*\s(?:and|or)\s")
#: what may not stand between an agent and its number
_AGENT_GAP_STOP_RE = re.compile(r"[,;:()0-9]")
#: a view's characters as bytes (``encode("ascii", "replace")``), an ASCII digit as "0", "," and
#: "." kept and everything else a space: ``DIGITS_RE``'s matches stand where ``_NUMERALS`` finds
#: them, ``re`` skipping to a literal first character many times faster than to a class
_NUMERAL_MARKS = bytes(48 if 48 <= b <= 57 else b if b in (44, 46) else 32 for b in range(256))
_NUMERALS = re.compile(rb"0[0,.]*")


#: A claim's instance before its fields are set: set one by one, they cost less than through
#: ``QuantityClaim(...)``, which gathers its keywords into a dict on the way to ``__init__``.
_bare = object.__new__


@dataclass
class _Found:
    start: int
    end: int
    nstart: int
    nend: int
    low: float | None
    high: float | None
    qualifier: QuantityQualifier = "exact"
    unit: str = "count"
    counted: str | None = None
    subject: str | None = None
    split: tuple[int, ...] | None = None
    scope: str | None = None


def extract_quantities(doc: Document, packs: Packs) -> list[QuantityClaim]:
    """Every quantity the document's content regions state, in text order."""
    view = doc.view
    lex = lexicon(packs)
    cells = list(doc.regions_of("table_cell"))
    cell_starts = [c.start for c in cells]
    marks = marked(view)
    numerals = _Numerals(view)
    out: list[QuantityClaim] = []
    for region in doc.content_regions():
        if region.kind == "title":
            continue
        if region.kind == "table_row":
            if region.label and region.label != "header":
                lo = bisect.bisect_left(cell_starts, region.start)
                hi = bisect.bisect_left(cell_starts, region.end)
                out.extend(_table_cells(doc, region, cells[lo:hi], lex))
            continue
        out.extend(_scan_region(doc, view, marks, numerals, region, lex))
    out.sort(key=lambda c: (c.start, c.end))
    return out


# --- tables and infobox -------------------------------------------------------------------------


#: what a table cell that holds a numeral opens with ("+" before a gain: "+12")
_CELL_FIRST = frozenset("+0123456789")


def _table_cells(
    doc: Document, row: Region, cells: list[Region], lex: Lexicon
) -> list[QuantityClaim]:
    out = []
    text = doc.text
    for cell in cells:
        raw = text[cell.start : cell.end]
        if raw[:1] not in _CELL_FIRST:  # most cells are words: no numeral can follow
            continue
        value = parse_numeral(raw.rstrip("%").lstrip("+"))
        if value is None:
            continue
        percent = raw.endswith("%")
        column = cell.label or None
        out.append(
            QuantityClaim(
                start=cell.start,
                end=cell.end,
                text=raw,
                low=value,
                high=value,
                unit="percent" if percent else "count",
                counted=_canonical(column, lex) if column else None,
                subject=row.label,
                row=row.label,
                column=column,
                source="table",
                number_start=cell.start,
                number_end=cell.end,
                sentence_start=row.start,
                sentence_end=row.end,
            )
        )
    return out


def _canonical(phrase: str, lex: Lexicon) -> str:
    """The canonical counted noun of a phrase: the whole phrase or its head, else the phrase."""
    p = " ".join(phrase.lower().split())
    if p in lex.noun_map:
        return lex.noun_map[p]
    words = p.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if (
            tail in lex.noun_map
            and k == len(words) - 1
            and lex.noun_map[tail] not in lex.kind_heads
        ):
            return lex.noun_map[tail]
    return p


# --- prose ---------------------------------------------------------------------------------------


class _Numerals(ViewSpans):
    """Where ``DIGITS_RE`` matches in the whole view, found once in its bytes."""

    __slots__ = ()

    def __init__(self, view: str) -> None:
        marks = view.encode("ascii", "replace").translate(_NUMERAL_MARKS)
        super().__init__(view, DIGITS_RE, [m.span() for m in _NUMERALS.finditer(marks)])


#: a candidate number: start, rank (which kind first where two start together), kind ("v" vague,
#: "f" fraction, "w" number word, "d" numeral), end, and the match of a kind read by a pattern
_Candidate = tuple[int, int, str, int, re.Match[str] | None]


def _candidates(
    view: str, marks: str, numerals: _Numerals, rs: int, re_: int, lex: Lexicon
) -> list[_Candidate]:
    """The first number-like spans in text order; ``marks`` is the view's
    :func:`~klint.extract._numlex.marked` text."""
    words: list[_Candidate] = []
    for w in lex.word_start.finditer(marks, rs, re_ + 1):
        start = w.start()  # where the word starts in the view: ``marks`` has one more
        if start > 0 and (view[start - 1].isalnum() or view[start - 1] == "-"):
            continue
        near = ascii_lower(view[start : min(re_, start + lex.first_reach)])
        if not lex.first_word.match(near):
            continue
        for kind, rank, pattern in (
            ("v", 0, lex.vague),
            ("f", 1, lex.fraction),
            ("w", 2, lex.number_word),
        ):
            m = pattern.match(view, start, re_)
            if m:
                words.append((start, rank, kind, m.end(), m))
        if len(words) >= _MAX_PER_REGION:
            break
    digits: list[_Candidate] = []
    for start, end in numerals.of(rs, re_):
        if start > 0 and (view[start - 1].isalnum() or view[start - 1] in "_.,"):
            continue
        if view[start - 1 : start] == "[" and _CITATION_MARK.match(
            view, max(0, start - 2), end + 1
        ):
            continue  # "soldiers,[6] which": a footnote mark left in plain text, not a number
        digits.append((start, 3, "d", end, None))
        if len(digits) >= _MAX_PER_REGION:
            break
    if not words:  # each kind comes in text order, words of one start by rank
        return digits
    if not digits:
        return words[:_MAX_PER_REGION]
    # the first N of the merged sequence lie within the first N of each
    merged = words + digits
    merged.sort(key=lambda c: (c[0], c[1]))
    return merged[:_MAX_PER_REGION]


_CITATION_MARK = lazyre.compile(r"\S\[\d{1,3}\]")


def _scan_region(
    doc: Document, view: str, marks: str, numerals: _Numerals, region: Region, lex: Lexicon
) -> list[QuantityClaim]:
    rs, re_ = region.start, region.end
    # a region with thousands of numbers is data, not prose: read only the first ones
    cands = _candidates(view, marks, numerals, rs, re_, lex)
    if not cands:
        return []
    sent = doc.text_index.number_sentences(region, min(re_, cands[-1][0] + 4 * _WINDOW))
    found: list[tuple[_Found, int]] = []
    consumed = rs
    last_ident_end = -1
    for start, _, kind, end, m in cands:
        if start < consumed:
            continue
        k = bisect.bisect_right(sent, start) - 1
        s_start = sent[k]
        s_end = sent[k + 1] if k + 1 < len(sent) else re_
        res: _Found | None
        if m is None:  # a numeral
            read = _digits(view, start, end, s_start, s_end, lex, last_ident_end)
            if isinstance(read, int):  # not a quantity; skip through the returned offset
                if read < 0:
                    last_ident_end = end
                    read = -read
                if read > consumed:
                    consumed = read
                continue
            res = read
        elif kind == "w":
            res = _words(view, m, s_start, s_end, lex)
        elif kind == "f":
            res = _fraction(view, m, s_end, lex)
        else:
            res = _vague(view, m, s_end, lex)
        if res is None:
            continue
        consumed = res.end
        found.append((res, k))
    if not found:  # numbers that count nothing (years, identifiers): most regions' numbers
        return []
    if len(found) > 1:
        _share_qualifiers(view, found)
    side, _source, counted_default = _field_info(region)
    events: dict[int, list[tuple[int, int, str]]] = {}
    source = _SOURCE.get(region.kind, "body")
    out = []
    for f, k in found:
        s_start = sent[k]
        s_end = sent[k + 1] if k + 1 < len(sent) else re_
        if counted_default and f.counted is None:
            f.counted = counted_default
        q = _bare(QuantityClaim)  # see _bare: every field of a QuantityClaim set here
        q.kind = "quantity"
        q.start = f.start
        q.end = f.end
        q.text = doc.text[f.start : f.end]
        q.low = f.low
        q.high = f.high
        q.qualifier = f.qualifier
        q.unit = f.unit
        q.counted = f.counted
        q.subject = f.subject or (f"side {side}" if side else None)
        q.row = q.column = None
        q.number_start = f.nstart
        q.number_end = f.nend
        q.split = f.split
        q.source = source
        q.side = side
        q.event = _event(view, f, events, k, s_start, s_end, lex)
        q.scope = f.scope
        q.sentence_start = s_start
        q.sentence_end = s_end
        out.append(q)
    return out


def _field_info(region: Region) -> tuple[int | None, str, str | None]:
    """Side, field name and default counted noun of an infobox field."""
    if region.kind != "infobox_field" or not region.label:
        return None, "", None
    m = SIDE_LABEL_RE.match(region.label)
    if not m:
        return None, region.label, "population" if region.label == "Population" else None
    field = m.group(1)
    return int(m.group(2)), field, "troops" if field == "Strength" else None


def _share_qualifiers(view: str, found: list[tuple[_Found, int]]) -> None:
    """ "As many as 400,000 X and 800,000 Y": an upper-bound or estimate word governs both."""
    for (a, ka), (b, kb) in itertools.pairwise(found):
        if (
            ka != kb
            or b.qualifier != "exact"
            or a.qualifier not in ("as-many-as", "up-to", "about")
        ):
            continue
        gap = view[a.end : b.start]
        if len(gap) <= 40 and _AND_GAP_RE.fullmatch(gap) and (b.low or 0) >= 1000:
            b.qualifier = a.qualifier


def _qualifier(view: str, nstart: int, s_start: int, lex: Lexicon) -> tuple[QuantityQualifier, int]:
    """The qualifier word right before a number and where its phrase starts."""
    lo = nstart - 40
    before = view[lo if lo > s_start else s_start : nstart]
    # searched (at every offset) only where the word before the number lets it match
    m = lex.qualifier_before.search(before) if _may_qualify(before, lex) else None
    if not m:
        return "exact", nstart
    if (
        m.group(1).lower() in ("over", "under")
        and _last_word(before[: m.start(1)]) in lex.preposition_heads
    ):
        return "exact", nstart  # "control over five districts"
    kind, _, _ = lex.qualifier(m.group(1))
    return kind, nstart - len(before) + m.start(1)


def _may_qualify(before: str, lex: Lexicon) -> bool:
    """Whether ``lex.qualifier_before`` may match ``before``: it ends in white space after a word
    that ends a qualifier or may follow one. Told from that word in a few calls, where the
    pattern's search tries every offset (some 30,000 instructions on 40 characters)."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    if lex.qualifier_last_words is None or not last.isascii():
        return True  # beyond ASCII, the pattern's case-blind matching decides
    low = last.lower()
    return low in QUALIFIER_GAP_WORDS or low.endswith(lex.qualifier_last_words)


def _digits(
    view: str, start: int, end: int, s_start: int, s_end: int, lex: Lexicon, last_ident_end: int
) -> _Found | int:
    """Read the numeral at ``[start, end)`` (a match of ``DIGITS_RE``); return the quantity, or
    the offset to skip to (negative: an identifier)."""
    token = clean_token(view[start:end])
    ns, ne = start, start + len(token)
    value = parse_numeral(token)
    if value is None:
        return end
    # the windows' bounds by conditionals, a fraction of the cost of calls to ``max`` and ``min``
    lo, hi = ns - _WINDOW, ne + _WINDOW
    before = view[lo if lo > s_start else s_start : ns]
    after = view[ne : hi if hi < s_end else s_end]
    # identifiers and ordinals
    if after[:1] in _ORDINAL_FIRST and ORDINAL_RE.match(after):
        return ne + 2
    tm = TIME_AFTER_RE.match(after) if ":" in after[:2] else None
    if tm:  # a time of day, a ratio or a verse ("12: 00", "39: 1")
        return ne + tm.end()
    if _attached_id(before) or (after[:1] in _LETTERS and not lex.unit_after.match(after)):
        return -ne
    if before.rstrip().endswith("(") and _BRACKETED_LIST_RE.match(after):
        return -ne  # "(874 and 884)": numbers standing alone in brackets are labels
    spaced = _before_space(before)
    if "," not in token and spaced in _LOWER and lex.name_before.search(before[-30:]):
        return -ne  # "Helsinki Initiative 92", "Route 93": part of a name
    if "," not in token and spaced in _UPPER and _CODE_BEFORE_RE.search(before[-7:]):
        return -ne  # "NY 93", "US 20": a route or code
    if after[1:2] in "ABC" and _ERA_AFTER_RE.match(after):
        return ne + 3  # a year of an era
    prev_word = _last_word(before)
    if (
        prev_word in lex.identifier_words
        or (last_ident_end >= 0 and _LIST_JOIN_RE.fullmatch(view[last_ident_end:ns]))
    ) and prev_word not in ("of", "the", "a", "an"):
        return -_skip_range(view, ne, s_end)
    # dates: a day next to a month name, a year in date context
    if month_before(before[-12:]) or MONTH_AFTER_RE.match(after):
        return _skip_range(view, ne, s_end)
    is_year = "," not in token and "." not in token and len(token) == 4 and 1000 <= value <= 2100
    if is_year and not _followed_by_count_noun(after, lex) and not _measure_unit(after, lex):
        return _skip_range(view, ne, s_end)
    f = _Found(ns, ne, ns, ne, value, value)
    end = ne
    # scale ("1.3 million")
    sm = lex.scale_after.match(after)
    if sm:
        scale = lex.packs.numbers.scales[sm.group(1).lower()]
        f.low = f.high = value * scale
        end += sm.end()
    # range or split
    rm = DASH_RANGE_RE.match(view, end, s_end)
    if (
        rm
        and view[ns - 6 if ns - 6 > s_start else s_start : ns].rstrip().lower().endswith("from")
        and "to" in rm.group()
    ):
        rm = None
    if rm:
        m2 = DIGITS_RE.match(view, rm.end(), s_end)
        tok2 = clean_token(m2.group()) if m2 else ""
        v2 = parse_numeral(tok2) if tok2 else None
        if v2 is not None:
            e2 = rm.end() + len(tok2)
            after2 = view[e2 : min(s_end, e2 + _WINDOW)]
            if (
                (after2[:1] in _LETTERS and not lex.unit_after.match(after2))
                or (after2[:1] in _ORDINAL_FIRST and ORDINAL_RE.match(after2))
                or MONTH_AFTER_RE.match(after2)
            ):
                return e2
            if is_year or (
                len(tok2) == 4 and 1000 <= v2 <= 2100 and "," not in tok2 and v2 > value
            ):
                return e2  # a range of years
            sm2 = lex.scale_after.match(after2)
            if sm2:
                scale = lex.packs.numbers.scales[sm2.group(1).lower()]
                v2 *= scale
                if not sm:
                    f.low = value * scale
                e2 += sm2.end()
            if _is_split(view, ns, e2, token, tok2, s_start, s_end, lex):
                f.low = f.high = None
                f.split = (int(value), int(v2))
                f.qualifier = "exact"
                f.unit = "split"
                f.end = f.nend = e2
                return f
            f.high = v2
            f.qualifier = "range"
            end = e2
    cur = _CURRENCY_BEFORE_RE.search(view[ns - 4 if ns - 4 > s_start else s_start : ns])
    if cur:
        f.unit = lex.packs.numbers.currency_prefixes.get(cur.group(1), "currency")
        f.start = ns - len(cur.group())
    if f.qualifier != "range":
        f.qualifier, f.start = _qualifier(view, f.start, s_start, lex)
    f.nend = end
    f.end = end
    _after_number(view, f, end, s_start, s_end, lex)
    return f


def _before_space(before: str) -> str:
    """The character before the space ``before`` ends with ("" when it ends otherwise), a
    final line break aside, as ``$`` passes over it: a name's or a code's last letter."""
    if before.endswith("\n"):
        before = before[:-1]
    return before[-2:-1] if before.endswith(" ") else ""


def _attached_id(before: str) -> bool:
    """Whether a letter stands right before the number, or before a "-" or "/" that does
    ("Su-25", "F16", "A/4"), a final line break aside (``[A-Za-z]{1,8}[-/]?$`` searched in
    ``before[-9:]``, without a pattern's call)."""
    if before.endswith("\n"):
        before = before[:-1]
    c = before[-1:]
    if c == "-" or c == "/":
        c = before[-2:-1]
    return c in _LETTERS


def _skip_range(view: str, end: int, s_end: int) -> int:
    """The end of "N–M" starting at a skipped number (so M is not read on its own)."""
    rm = DASH_RANGE_RE.match(view, end, s_end)
    if rm:
        m2 = DIGITS_RE.match(view, rm.end(), s_end)
        if m2:
            return rm.end() + len(clean_token(m2.group()))
    return end


def _last_word(before: str) -> str:
    """The word (letters and dots) that ``before`` ends with, past white space and "(", lower-cased.

    Read backwards by ``str.rstrip``: a regex search for ``([A-Za-z][A-Za-z.]*)[\\s(]*$`` would
    try every offset, and a loop over the characters costs more than the strips.
    """
    head = before.rstrip()
    while head[-1:] == "(":
        head = head.rstrip("(").rstrip()
    return head[len(head.rstrip(_WORD_OR_DOT)) :].lstrip(".").lower()


def _followed_by_count_noun(after: str, lex: Lexicon) -> bool:
    m = _NEXT_LOWER_WORD_RE.match(after)
    if not m:
        return False
    w = m.group(1)
    return w in lex.noun_map or w in lex.packs.numbers.people_nouns


def _measure_unit(after: str, lex: Lexicon) -> bool:
    """Whether ``after`` opens with a unit of length, area, mass or speed, written in lower case
    ("1480 m", "1,480 metres"; "In 1920 Mi-8s" and "1920 M. Dupont" are not units)."""
    m = lex.unit_after.match(after)
    return m is not None and m.group(1).islower() and lex.unit_map[m.group(1)] in lex.measure_units


def _is_split(
    view: str, ns: int, e2: int, t1: str, t2: str, s_start: int, s_end: int, lex: Lexicon
) -> bool:
    """ "voted 4-3", "won 2–1": two small integers joined by a dash near a vote or score word."""
    if not (t1.isdigit() and t2.isdigit() and int(t1) <= 200 and int(t2) <= 200):
        return False
    if not _SPLIT_DASH_RE.fullmatch(view[ns + len(t1) : e2 - len(t2)]):
        return False
    if _PERCENT_AFTER_RE.match(view, e2):
        return False  # "received 57–58% of the vote": a range of shares, not a split
    window = view[max(s_start, ns - 40) : ns] + " " + view[e2 : min(s_end, e2 + 30)]
    return bool(lex.split_cue.search(window))


def _after_number(view: str, f: _Found, end: int, s_start: int, s_end: int, lex: Lexicon) -> None:
    """Unit, percent, size compound, and the counted noun phrase after a number ending at ``end``."""
    hi = end + _WINDOW
    after = view[end : hi if hi < s_end else s_end]
    qa = lex.qualifier_after.match(after)
    if qa and f.qualifier == "exact":
        f.qualifier = lex.qualifier(qa.group(1))[0]
    pm = _PERCENT_RE.match(after) if "%" in after[:2] or "per" in after else None
    if pm:
        f.unit = "percent"
        f.end = end + pm.end()
        hi = f.end + _WINDOW
        rest = view[f.end : hi if hi < s_end else s_end]
        om = _OF_DETERMINER_RE.match(rest)
        if om:
            f.counted = _noun_phrase(rest[om.end() :], lex)
        else:
            f.counted = _noun_phrase(rest, lex)
        return
    cm = _COMPOUND_RE.match(after) if after[:1] == "-" else None
    if cm:
        word = cm.group(1).lower()
        rest = after[cm.end() :]
        head = _noun_phrase(rest, lex)
        f.end = end + cm.end()
        if word in lex.time_units:
            f.unit = lex.time_units[word]
            f.counted = head
        elif word in lex.size_words:
            f.counted = lex.size_words[word]
            f.subject = head
        else:
            f.counted = word
        return
    um = lex.unit_after.match(after) or (
        _PRIME_FEET_RE.match(after) if after[:1] in _PRIMES or after[1:2] in _PRIMES else None
    )
    if um and (um.group(1) != "%"):
        unit = lex.unit_map.get(" ".join(um.group(1).lower().split()), "ft")  # else a prime: ′
        f.unit = unit
        f.end = end + um.end()
        rest = after[um.end() :]
        inches = _INCHES_RE.match(rest) if unit == "ft" and f.low == f.high else None
        if inches and f.low is not None:  # "6 ft 9 in", "6′ 8″", "5 feet 11 inches": one height
            f.low = f.high = f.low + float(inches.group(1)) / 12
            f.end += inches.end()
            return
        om = _OF_RE.match(rest)
        if om and unit not in lex.time_units.values():
            f.counted = _noun_phrase(rest[om.end() :], lex)
        return
    words = _np_words(after, lex)
    np = _phrase(words, lex)
    if np:
        f.counted = np
        f.end = end + _np_span(after, words)
    else:
        lo = f.start - 40
        before = view[lo if lo > s_start else s_start : f.start]
        bm = _NOUN_OF_BEFORE_RE.search(before) if before[-1:].isspace() and "of" in before else None
        if bm and bm.group(1) not in lex.noun_stop_words and not bm.group(1).endswith(VERB_ENDINGS):
            f.counted = _canonical(bm.group(1), lex)
    _subject(view, f, s_start, lex)


_AGENT_VERBS = (
    r"(?:lost|had|suffered|sustained|deployed|fielded|mobilized|mobilised|numbered|reported|counted"
    r"|possessed|operated|comprised|consisted of|(?:was|were) (?:composed|made up) of) "
)
#: A sentence that opens with its agent: "Azerbaijan lost ...", "The Armenian army had ...".
_AGENT_RE = re.compile(
    r"(?<![\w-])(?:The )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})(?: (army|forces|side|military|navy|air force))? "
    + _AGENT_VERBS
)
#: its verb: ``_AGENT_RE`` opens with a look-behind, so ``re`` tries it at every offset; this
#: one opens with a space, which ``re`` skips to, and tells where no agent can stand
_AGENT_VERB_RE = re.compile(" " + _AGENT_VERBS)
_NEXT_WORD_RE = lazyre.compile(r"[\s-]{1,3}([A-Za-z]+)")
_NP_RE = re.compile(r"\s*((?:[A-Za-z][\w'’-]*\s?){1,5})")


def _np_words(after: str, lex: Lexicon) -> list[str]:
    m = _NP_RE.match(after)
    if not m:
        return []
    words: list[str] = []
    split = m.group(1).split()
    # "two live albums": a stop word that qualifies the plural noun after it opens the phrase
    attributive = split[0].lower() in lex.attributive_words and _plural_noun(split[1:2], lex)
    for w in split:
        lw = w.lower()
        if (
            (lw in lex.noun_stop_words and not (attributive and not words))
            or (lw.endswith(VERB_ENDINGS) and words)
            or (words and w.endswith(("'s", "’s")))
            or (lw.endswith("ly") and len(lw) > 4 and lw not in lex.ly_nouns)
        ):
            break
        words.append(w)
        if w.endswith((",", ";", ":")):
            break
    if (
        words
        and words[0].lower().endswith(VERB_ENDINGS)
        and words[0].lower() not in lex.counted_participles
    ):
        return []
    return words[:4]


def _plural_noun(words: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` opens with a plural noun ("albums", "births"), no stop word."""
    w = words[0].lower().rstrip(",;:") if words else ""
    return w.endswith("s") and not w.endswith("ss") and w not in lex.noun_stop_words


def _np_span(after: str, words: list[str]) -> int:
    """Where the noun phrase ``words`` (:func:`_np_words` of ``after``) ends in ``after``."""
    if not words:
        return 0
    last = words[-1]
    return after.find(last) + len(last.rstrip(",;:"))


def _noun_phrase(after: str, lex: Lexicon) -> str | None:
    """The noun phrase a number counts, normalized ("armored vehicles", "dead")."""
    return _phrase(_np_words(after, lex), lex)


def _phrase(np_words: list[str], lex: Lexicon) -> str | None:
    """The noun phrase of ``np_words`` (:func:`_np_words`), normalized."""
    words = [w.rstrip(",;:").strip("'’") for w in np_words]
    words = [w for w in words if w]
    if not words:
        return None
    low = [w.lower() for w in words]
    for n in range(min(len(low), lex.max_noun_words), 0, -1):  # a lexicon noun at the start
        head = " ".join(low[:n])
        if head in lex.noun_map:
            return lex.noun_map[head]
    return _canonical(" ".join(low), lex)


def _subject(view: str, f: _Found, s_start: int, lex: Lexicon) -> None:
    """The possessor named before the number in its sentence ("Azerbaijan's National Army")."""
    if f.subject:
        return
    lo = f.start - 120
    before = view[lo if lo > s_start else s_start : f.start]
    last = None
    if "'" in before or "\u2019" in before:  # a possessive's apostrophe, else no match
        for m in POSSESSIVE_RE.finditer(before):
            last = m
    if last is None:
        agent = None
        lo = f.start - 80
        lo = lo if lo > s_start else s_start
        if _AGENT_VERB_RE.search(view, lo, f.start):
            for a in _AGENT_RE.finditer(view, lo, f.start):
                agent = a
        gap = view[agent.end() : f.start] if agent else ""
        if (
            agent
            and len(gap) <= 25
            and not _AGENT_GAP_STOP_RE.search(gap)
            and agent.group(1).split()[0] not in lex.not_agent_words
        ):
            # "Azerbaijan lost 11,000 dead", "The Armenian army had 300 tanks"
            f.subject = agent.group(1)
            scope = agent.group(2)
            f.scope = scope.lower() if scope and scope.lower() != "side" else None
        return
    f.subject = last.group(1)
    um = lex.force_unit.match(last.group(2) or "")
    if um:
        f.scope = " ".join(um.group(1).lower().split())


def _words(view: str, m: re.Match[str], s_start: int, s_end: int, lex: Lexicon) -> _Found | None:
    """A number written in words ("eleven", "forty-five", "nearly one million")."""
    text = m.group()
    first = text[:1]
    if (
        first.isupper()
        and view[max(s_start, m.start() - 2) : m.start()].strip()
        and m.start() > s_start
    ):
        return None  # a name ("the Seven Years' War", "Big Three")
    nums = lex.packs.number_words
    if m.group(1):
        value = float(nums[m.group(1).lower()] + nums[m.group(2).lower()])
    elif m.group(3):
        value = float(nums[" ".join(m.group(3).lower().split())])
    else:
        value = 1.0
    if m.group(5):
        value *= lex.packs.numbers.scales[m.group(5).lower()]
    elif m.group(4):
        return None
    f = _Found(m.start(), m.end(), m.start(), m.end(), value, value)
    f.qualifier, f.start = _qualifier(view, m.start(), s_start, lex)
    _after_number(view, f, m.end(), s_start, s_end, lex)
    return f


def _fraction(view: str, m: re.Match[str], s_end: int, lex: Lexicon) -> _Found | None:
    """ "three-quarters of", "nearly half of": a share of a whole."""
    after = view[m.end() : min(s_end, m.end() + _WINDOW)]
    om = _OF_THE_RE.match(after)
    if not om:
        return None
    value = lex.packs.numbers.fractions[" ".join(m.group(1).lower().split())]
    f = _Found(m.start(), m.end(), m.start(), m.end(), value, value, unit="fraction")
    f.qualifier, f.start = _qualifier(view, m.start(), max(0, m.start() - 40), lex)
    f.counted = _noun_phrase(after[om.end() - 1 :], lex)
    return f


def _vague(view: str, m: re.Match[str], s_end: int, lex: Lexicon) -> _Found:
    """ "several hundred civilians", "dozens of tanks": a count with no exact value."""
    f = _Found(m.start(), m.end(), m.start(), m.end(), None, None, qualifier="vague")
    after = view[m.end() : min(s_end, m.end() + _WINDOW)]
    om = _OF_WORD_RE.match(after)
    f.counted = _noun_phrase(after[om.end() :] if om else after, lex)
    return f


@per_packs
def _event_runs(
    packs: Packs,
) -> tuple[list[tuple[str, list[tuple[str, re.Pattern[str]]]]], re.Pattern[str]]:
    """The event patterns by first word in lexicon order, in runs of neighbours that share a
    prefix of three letters or more: a sentence without the prefix holds no word of the run;
    and a pattern of every run's prefix."""
    runs: list[tuple[str, list[tuple[str, re.Pattern[str]]]]] = []
    for first, pattern in lexicon(packs).event_patterns.items():
        prev = runs[-1][0] if runs else ""
        n = next((i for i, (a, b) in enumerate(zip(prev, first)) if a != b), len(prev))
        if min(n, len(first)) >= 3:
            runs[-1] = (first[:n], [*runs[-1][1], (first, pattern)])
        else:
            runs.append((first, [(first, pattern)]))
    return runs, re.compile(alternation(prefix for prefix, _ in runs))


#: a sentence shorter than this is searched once for every event prefix before a test for each
#: in turn: a search costs about 300 instructions a character, a test for each of the bundled
#: pack's 27 prefixes about 13,000 in all
_ONE_SEARCH_BELOW = 40


def _event(
    view: str,
    f: _Found,
    events: dict[int, list[tuple[int, int, str]]],
    k: int,
    s_start: int,
    s_end: int,
    lex: Lexicon,
) -> str | None:
    """The event class named nearest the number in its clause ("killed" -> "dead")."""
    if f.counted in lex.packs.numbers.event_classes:
        return f.counted
    if k not in events:
        low = ascii_lower(view[s_start : min(s_end, s_start + 5000)])
        found = []
        runs, prefixes = _event_runs(lex.packs)
        if len(low) < _ONE_SEARCH_BELOW and prefixes.search(low) is None:
            runs = []  # no prefix: no event word
        for prefix, run in runs:
            if prefix not in low:
                continue
            for first, pattern in run:
                if first in low:
                    for m in itertools.islice(pattern.finditer(low), 50):
                        if m.start() == 0 or not low[m.start() - 1].isalnum():
                            found.append(
                                (
                                    s_start + m.start(),
                                    s_start + m.end(),
                                    lex.event_of[" ".join(m.group().split())],
                                )
                            )
        events[k] = found
    best: tuple[int, str] | None = None
    for start, end, cls in events[k]:
        d = start - f.start if start > f.start else f.start - start
        if (
            d > 150
            or ";" in view[end if end < f.end else f.end : start if start > f.start else f.start]
        ):
            continue
        if best is None or d < best[0]:
            best = (d, cls)
    return best[1] if best else None
