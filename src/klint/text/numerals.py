"""Numerals and number words: digit tokens with grouping commas and decimals, the rule
packs' number words, and their values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from klint.packcache import per_packs

if TYPE_CHECKING:
    from klint.packs import Packs

#: A numeral token: digits with optional grouping commas and a decimal part (validated later).
DIGITS_RE = re.compile(r"[0-9][0-9,.]*")  # the caller checks the character before
#: A valid numeral: "23,000", "1.3", "485".
NUMERAL_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
#: An ordinal suffix after digits ("366th").
ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)


def parse_numeral(token: str) -> float | None:
    """The value of a validated numeral token ("23,000", "1.3"), or None."""
    if len(token) > 24:
        return None
    if token.isdigit() and token.isascii():  # the commonest ("30", "2008"): no pattern's call
        return float(token)
    if not NUMERAL_RE.fullmatch(token):
        return None
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


class NumberWords:
    """The rule packs' number words ("two", "twenty", "a dozen") with their values."""

    __slots__ = ("values", "_words")

    def __init__(self, words: dict[str, int]) -> None:
        self.values = {" ".join(w.lower().split()): v for w, v in words.items()}
        self._words: dict[tuple[int, int | None], tuple[str, ...]] = {}

    def value(self, word: str) -> int | None:
        """The value of a number word in any case, or None."""
        return self.values.get(" ".join(word.lower().split()))

    def words(self, low: int = 0, high: int | None = None) -> tuple[str, ...]:
        """The one-word number words worth ``low`` to ``high`` (no bound: any), in pack order."""
        found = self._words.get((low, high))
        if found is None:
            found = self._words[(low, high)] = tuple(
                w
                for w, v in self.values.items()
                if " " not in w and v >= low and (high is None or v <= high)
            )
        return found


@per_packs
def number_words(packs: Packs) -> NumberWords:
    """The number words of ``packs`` (``number_words:``), compiled once per pack set."""
    return NumberWords(packs.number_words)
