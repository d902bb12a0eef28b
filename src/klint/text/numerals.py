"""Numerals: digit tokens with grouping commas and decimals, and their values."""

from __future__ import annotations

import re

#: A numeral token: digits with optional grouping commas and a decimal part (validated later).
DIGITS_RE = re.compile(r"[0-9][0-9,.]*")  # the caller checks the character before
#: A valid numeral: "23,000", "1.3", "485".
NUMERAL_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
#: An ordinal suffix after digits ("366th").
ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)


def parse_numeral(token: str) -> float | None:
    """The value of a validated numeral token ("23,000", "1.3"), or None."""
    if len(token) > 24 or not NUMERAL_RE.fullmatch(token):
        return None
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None
