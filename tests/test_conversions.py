"""KN210: its table of units is pint's, read only for an article with a conversion pair; pairs
in several phrasings."""

from __future__ import annotations

import functools
import math
import subprocess
import sys
from itertools import permutations
from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers._units import COMPOUND, UNITS, convert, dimension
from klint.rules.numbers.kn210_conversion_mismatch import _FIELD_UNITS

SEED = Path(__file__).resolve().parents[1] / "seeds" / "nagorno-karabakh-war.wiki"

LAZY = f"""
import sys
from pathlib import Path
from klint.config import Config
from klint.engine import lint_text
from klint.rules.numbers import _units
on = Config(extend_select=["KN210"])
lint_text(Path({str(SEED)!r}).read_text(), "seed.wiki", on)
assert _units._table.cache_info().currsize == 0, "an article without a conversion pair read the table"
found = lint_text("The road is 12 miles (29 km) long.", "pair.txt", on)
assert [d.code for d in found if d.code == "KN210"] == ["KN210"], found
assert _units._table.cache_info().currsize == 1
assert "pint" not in sys.modules, "klint imported pint"
"""


def test_the_table_is_read_only_for_an_article_with_a_pair_and_pint_never():
    done = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_table_is_what_pint_gives():
    script = Path(__file__).resolve().parents[1] / "scripts" / "units_table.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _kn210(text: str, fmt: str = "text") -> list[str]:
    found = lint_text(text, f"a.{fmt}", Config(select=["KN210"]), fmt=fmt)
    return [text[d.start : d.end] for d in found if d.code == "KN210"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The loch is 24 miles (93 km) long.", ["93 km"]),
        ("The loch is 39 km (about 44 miles) long.", ["44 miles"]),
        ("A 300-foot (300 m) mast stands on the hill.", ["300 m"]),
        (
            "The plain covers 2.1 million square kilometres (1.8 million sq mi).",
            ["1.8 million sq mi"],
        ),
        ("Lows reach −40 °C (−14 °F) in January.", ["−14 °F"]),
        ("The ship sailed at 20 knots (60 km/h).", ["60 km/h"]),
        ("The road climbs 1,200–1,500 m (3,900–6,900 ft).", ["3,900–6,900 ft"]),
        ("Twelve miles (29 km) of it were paved.", ["29 km"]),
        ("The valley has 1,100/km2 (1,800/sq mi) people.", ["1,800/sq mi"]),
        (
            "A 1,050-nautical-mile (2,940 km) flight, at 125-mile-per-hour (301 km/h).",
            ["2,940 km", "301 km/h"],
        ),
    ],
)
def test_a_conversion_that_no_rounding_explains_is_found(text, found):
    assert _kn210(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "The loch is 24 miles (39 km) long, and 39 km (about 24 miles) by road.",
        "A 300-foot (91 m) mast stands on the hill.",
        "The plain covers 2.1 million square kilometres (810,000 sq mi).",
        "Lows reach −40 °C (−40 °F) in January; the days warm by 10 °C (18 °F).",
        "The ship sailed at 20 knots (37 km/h) for 200 miles (370 km) across the bay.",
        "The road climbs 1,200–1,500 m (3,900–4,900 ft), 5 ft 11 in (180 cm) a step.",
        "The loch is 24 miles (the longest in the county) and cost £24 m (US$39 m) to dredge.",
        "In 1948 (12 km of new road) the loch was 24 miles (thirty-nine kilometres) long.",
        "The valley has 1,100/km2 (2,800/sq mi), or 1,115 per square mile (430.5/km²).",
        "Twelve miles (19 km) of it were paved, and a forty-two foot (12.8 m) mast stood there.",
        "A 1,050-nautical-mile (1,940 km; 1,210 mi) flight, at 125-mile-per-hour (201 km/h).",
    ],
)
def test_a_conversion_that_rounds_correctly_is_left_alone(text):
    assert _kn210(text) == []


#: every pint unit the rules ask for: each spelling's, the parts of a compound, the infobox fields'
NAMES = sorted(
    {n for names in UNITS.values() for n in names}
    | set(COMPOUND)
    | set(COMPOUND.values())
    | set(_FIELD_UNITS.values())
)


def test_every_unit_converts_as_pints_default_registry_does():
    """To the last digit or two: pint's own float differs in it by the order its
    registry met the units."""
    import pint

    full = pint.UnitRegistry()
    same = functools.partial(math.isclose, rel_tol=1e-14)
    for name in NAMES:  # a unit missing from the table raises here
        assert dimension(name) == frozenset(full.Unit(name).dimensionality.items()), name
    for src, dst in permutations(NAMES, 2):
        if dimension(src) != dimension(dst):
            continue
        for v in (1.0, 37.5, -40.0):
            assert same(convert(v, src, dst), full.Quantity(v, src).to(dst).magnitude), (src, dst)
        if src.startswith("deg"):  # a difference of temperatures: "warmer by 10 °C (18 °F)"
            by = full.Quantity(10.0, f"delta_{src}").to(f"delta_{dst}").magnitude
            assert same(convert(10.0, src, dst, delta=True), by), (src, dst)
        else:  # a density: "1,100/km2 (2,800/sq mi)"
            per = full.Quantity(5.0, f"1 / ({src})").to(f"1 / ({dst})").magnitude
            assert same(convert(5.0, f"1 / ({src})", f"1 / ({dst})"), per), (src, dst)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The tank held 500 imperial gallons (3,000 litres) of water.", ["3,000 litres"]),
        ("The tank held 500 imperial gallons (2,270 litres) of water.", []),
        ("The hold took 10,000 cubic feet (400 m3) of grain.", ["400 m3"]),
        ("The hold took 10,000 cubic feet (283 m3) of grain.", []),
        ("The mine yielded 2,000 troy ounces (80 kg) of gold.", ["80 kg"]),
        ("The mine yielded 2,000 troy ounces (62 kg) of gold.", []),
        ("He weighed 14 st (95 kg) before the season.", ["95 kg"]),
        ("He weighed 14 st (89 kg) before the season.", []),
        ("The probe left at 11 km/s (9 mi/s), and the wind gusted at 40 m/s (120 mph).",
         ["9 mi/s", "120 mph"]),
        ("The probe left at 11 km/s (6.8 mi/s), and the wind gusted at 40 m/s (89 mph).", []),
    ],
)  # fmt: skip
def test_units_of_volume_mass_and_speed_are_converted(text, found):
    assert _kn210(text) == found
