"""A numeral's value: digits alone are read without the pattern, the same as through it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from klint.text.numerals import NUMERAL_RE, parse_numeral


def _through_the_pattern(token: str) -> float | None:
    if len(token) > 24 or not NUMERAL_RE.fullmatch(token):
        return None
    return float(token.replace(",", ""))


@given(st.text(alphabet="0123456789,.٣²x ", max_size=30))
def test_every_token_reads_as_the_pattern_reads_it(token: str) -> None:
    assert parse_numeral(token) == _through_the_pattern(token)


def test_digits_grouping_and_decimals() -> None:
    assert parse_numeral("2008") == 2008.0
    assert parse_numeral("0123") == 123.0
    assert parse_numeral("23,000") == 23000.0
    assert parse_numeral("1.3") == 1.3
    # near misses: digits of another script, a superscript, too long, misplaced commas
    assert parse_numeral("٣٣") is None
    assert parse_numeral("2²") is None
    assert parse_numeral("1" * 25) is None
    assert parse_numeral("2,30") is None
    assert parse_numeral("") is None
