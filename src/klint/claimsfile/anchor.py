"""Find a claims-file quote in the article, and read the numbers and dates inside it.

A quote is matched verbatim (runs of whitespace may differ). If that fails, it is
matched again with every number, number word and month name as a wildcard: a hit
then means the sentence is still there but a value in it was edited (value drift).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from klint.packcache import per_packs
from klint.text.calendar import MONTH_NAMES
from klint.text.calendar import MONTHS as CALENDAR_MONTHS

if TYPE_CHECKING:
    from klint.document import Document
    from klint.packs import Packs

MONTHS = {name.lower(): i for name, i in CALENDAR_MONTHS.items()}
MIN_LITERAL_WORDS = 3
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUM = r"\d[\d,]{0,15}(?:\.\d{1,6})?"
_MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: ``[start, end)`` in the article; ``exact`` if verbatim."""

    start: int
    end: int
    exact: bool


@per_packs
def _lexicon(packs: Packs | None) -> tuple[dict[str, float], re.Pattern[str], re.Pattern[str]]:
    """Number words, the token pattern (numbers, months, number words) and the number pattern, per pack set."""
    words: dict[str, float] = {
        k.lower(): float(v) for k, v in (getattr(packs, "number_words", None) or {}).items()
    }
    numbers = getattr(packs, "numbers", None)
    scales = getattr(numbers, "scales", None) or (
        numbers.get("scales") if isinstance(numbers, dict) else None
    )
    words.update({k.lower(): float(v) for k, v in (scales or _SCALES).items()})
    single = sorted((re.escape(w) for w in words if " " not in w), key=len, reverse=True)
    alternatives = [_NUM, _MONTH] + ([r"(?:" + "|".join(single) + ")"] if single else [])
    token_re = re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
    big = [re.escape(w) for w, v in words.items() if v >= 100 and " " not in w]
    heads = "|".join(single) or "(?!)"
    number_re = re.compile(
        r"(?<![\w.])("
        + _NUM
        + "|"
        + heads
        + r")(?:\s+("
        + ("|".join(big) or "(?!)")
        + r"))?(?![\w])",
        re.IGNORECASE,
    )
    return words, token_re, number_re


def _pattern(quote: str, token_re: re.Pattern[str], masked: bool) -> str:
    out: list[str] = []
    pos = 0
    for m in token_re.finditer(quote):
        out.append(_literal(quote[pos : m.start()]))
        tok = m.group()
        if not masked:
            out.append(re.escape(tok))
        elif tok[0].isdigit():
            out.append(_NUM)
        elif tok.lower().rstrip(".") in MONTHS:
            out.append(_MONTH)
        else:
            out.append(r"[A-Za-z-]{2,20}")
        pos = m.end()
    out.append(_literal(quote[pos:]))
    return "".join(out)


def _literal(s: str) -> str:
    return (
        r"\s+".join(re.escape(part) for part in re.split(r"\s+", s))
        if s.strip()
        else (r"\s+" if s else "")
    )


def find(
    doc: Document, quote: str, field: str | None = None, packs: Packs | None = None
) -> Anchor | None:
    """Find ``quote`` (inside infobox fields labelled ``field``, if given)."""
    quote = quote.strip()
    if not quote:
        return None
    token_re = _lexicon(packs)[1]
    scopes = [
        (0, len(doc.view))
    ]  # the view: markup (Markdown, wikitext, HTML) blanked, same offsets
    if field:
        want = field.strip().lower()
        scopes = [
            (r.start, r.end)
            for r in doc.regions
            if r.kind == "infobox_field" and (r.label or "").lower() == want
        ]
    for start, end in scopes:  # the common case: the quote is there, character for character
        i = doc.view.find(quote, start, end)
        if i >= 0:
            return Anchor(i, i + len(quote), True)
    # with its values masked, a quote must keep enough words of its own to be found again
    literal = token_re.sub("", quote)
    maskable = field is not None or len(re.findall(r"[^\W\d_]{2,}", literal)) >= MIN_LITERAL_WORDS
    for masked in (False, True) if maskable else (False,):
        rx = re.compile(_pattern(quote, token_re, masked), re.IGNORECASE if masked else 0)
        for start, end in scopes:
            m = rx.search(doc.view, start, end)
            if m:
                return Anchor(m.start(), m.end(), not masked)
    return None


def numbers_in(text: str, packs: Packs | None = None) -> list[tuple[float, int, int]]:
    """Numbers in ``text`` with their spans: digits, number words, and scales ('1.3 million')."""
    words, _, rx = _lexicon(packs)
    out = []
    for m in rx.finditer(text):
        head, scale = m.group(1).lower(), m.group(2)
        if head[0].isdigit():
            try:
                value = float(head.replace(",", ""))
            except ValueError:
                continue
        elif head in words:
            value = words[head]
        else:
            continue
        if scale:
            value *= words[scale.lower()]
        out.append((value, m.start(), m.end()))
    return out


_M = r"\b" + _MONTH
_DATE_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<m1>" + _M + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{3,4}))?\b"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _M + r")(?:,?\s+(?P<y2>\d{3,4}))?\b"
    r"|(?P<m3>" + _M + r"),?\s+(?:of\s+)?(?P<y3>\d{3,4})\b"
    r"|\b(?P<y4>1\d{3}|20\d{2})\b",
    re.IGNORECASE,
)

DateParts = tuple[int | None, int | None, int | None]  # year, month, day


def dates_in(text: str) -> list[tuple[DateParts, int, int]]:
    """Dates in ``text``: (year, month, day) with None for what the text leaves out."""
    out: list[tuple[DateParts, int, int]] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iso"]:
            iso_y, iso_m, iso_d = (int(x) for x in g["iso"].split("-"))
            out.append(((iso_y, iso_m, iso_d), m.start(), m.end()))
            continue
        month = next((g[k] for k in ("m1", "m2", "m3") if g[k]), None)
        day = next((g[k] for k in ("d1", "d2") if g[k]), None)
        year = next((g[k] for k in ("y1", "y2", "y3", "y4") if g[k]), None)
        mo = MONTHS.get(month.lower().rstrip(".")) if month else None
        d = int(day) if day else None
        if d is not None and not 1 <= d <= 31:
            continue
        out.append(((int(year) if year else None, mo, d), m.start(), m.end()))
    return out


def date_agrees(parts: DateParts, value: str) -> bool:
    """Whether a date read from text agrees with a partial ISO date on every part both give."""
    want = [int(x) for x in value.split("-")] + [None, None]
    return all(a is None or b is None or a == b for a, b in zip(parts, want[:3]))


def show_date(parts: DateParts) -> str:
    y, m, d = parts
    bits = [MONTH_NAMES[m - 1] if m else None, str(d) if d else None]
    s = " ".join(b for b in bits if b)
    return f"{s}, {y}" if s and y and d else f"{s} {y}".strip() if y else s
