"""Table cells read as quantities: only a cell that opens with a digit or "+" is parsed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from klint.extract.quantities import _CELL_FIRST, extract_quantities
from klint.packs import load_packs
from klint.sources import read_text
from klint.text.numerals import parse_numeral

TABLE = """Intro.

{| class="wikitable"
! Country !! Tanks !! Change !! Share !! Note
|-
| Armenia || 1,200 || +12 || 45% || none
|-
| Georgia || n/a || -3 || %5 || 12 tanks
|}
"""


def _cells() -> list[tuple[str | None, str | None, float | None, str]]:
    qs = extract_quantities(read_text(TABLE, "a.wiki"), load_packs())
    return [(q.row, q.column, q.low, q.unit) for q in qs if q.source == "table"]


def test_numeral_cells_are_read() -> None:
    assert _cells() == [
        ("Armenia", "Tanks", 1200.0, "count"),
        ("Armenia", "Change", 12.0, "count"),
        ("Armenia", "Share", 45.0, "percent"),
    ]


@given(st.text(alphabet="+-%,. 0123456789aZ", max_size=8))
def test_a_cell_turned_away_by_its_first_character_holds_no_numeral(raw: str) -> None:
    if raw[:1] not in _CELL_FIRST:
        assert parse_numeral(raw.rstrip("%").lstrip("+")) is None
