"""Units as prose writes them, and conversions between them by pint's factors.

The table below only says which pint unit a spelling means ("sq mi" is ``square_mile``);
every factor and offset is pint's, read from ``units.json``, which
``scripts/units_table.py`` writes with pint's registry (``tests/test_conversions.py``
checks every conversion against pint). A spelling that names more than
one unit ("miles": statute or nautical, though "mi" is statute; "tons": short, long or
metric; "gallons": US or imperial; "hp": mechanical or metric) maps to all of them, and a
conversion is accepted when any reading fits. The table is read on the first conversion
asked for: an article without a conversion pair never reads it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from klint.text.words import alternation

#: pint unit name(s) -> the spellings that mean them (longest are tried first)
# fmt: off
_SPELLINGS: dict[tuple[str, ...], tuple[str, ...]] = {
    # length
    ("micrometer",): ("micrometres", "micrometre", "micrometers", "micrometer", "μm", "µm"),
    ("millimeter",): ("millimetres", "millimetre", "millimeters", "millimeter", "mm"),
    ("centimeter",): ("centimetres", "centimetre", "centimeters", "centimeter", "cm"),
    ("meter",): ("metres", "metre", "meters", "meter", "m"),
    ("kilometer",): ("kilometres", "kilometre", "kilometers", "kilometer", "km"),
    ("inch",): ("inches", "inch", "in", "″"),
    ("foot",): ("feet", "foot", "ft", "′"),
    ("yard",): ("yards", "yard", "yd"),
    ("mile", "nautical_mile"): ("miles", "mile"),  # at sea, "miles" may be nautical
    ("mile",): ("mi",),  # the symbol is the statute mile's
    ("nautical_mile",): ("nautical miles", "nautical mile", "nmi"),
    # area
    ("meter ** 2",): ("square metres", "square metre", "square meters", "square meter",
                        "sq m", "m2", "m²"),
    ("kilometer ** 2",): ("square kilometres", "square kilometre", "square kilometers",
                            "square kilometer", "sq km", "km2", "km²"),
    ("foot ** 2",): ("square feet", "square foot", "sq ft", "ft2", "ft²"),
    ("square_mile",): ("square miles", "square mile", "sq mi", "mi2", "mi²"),
    ("acre",): ("acres", "acre"),
    ("hectare",): ("hectares", "hectare", "ha"),
    # volume
    ("liter",): ("litres", "litre", "liters", "liter", "l", "L"),
    ("meter ** 3",): ("cubic metres", "cubic metre", "cubic meters", "cubic meter",
                       "m3", "m³"),
    ("cubic_foot",): ("cubic feet", "cubic foot", "cu ft", "ft3", "ft³"),
    ("US_liquid_gallon", "imperial_gallon"): ("gallons", "gallon", "gal"),
    ("imperial_gallon",): ("imperial gallons", "imperial gallon", "imp gal"),
    ("US_liquid_gallon",): ("US gallons", "US gallon", "US gal"),
    # mass
    ("gram",): ("grams", "gram", "g"),
    ("kilogram",): ("kilograms", "kilogram", "kg"),
    ("metric_ton",): ("tonnes", "tonne", "t"),
    ("short_ton", "long_ton", "metric_ton"): ("tons", "ton"),
    ("long_ton",): ("long tons", "long ton"),
    ("short_ton",): ("short tons", "short ton"),
    ("pound",): ("pounds", "pound", "lb", "lbs"),
    ("ounce", "troy_ounce"): ("ounces", "ounce", "oz"),  # gold and silver: troy
    ("troy_ounce",): ("troy ounces", "troy ounce", "ozt", "oz t"),
    ("stone",): ("stone", "st"),
    # speed
    ("kilometer_per_hour",): ("kilometres per hour", "kilometers per hour", "kilometre per hour", "km/h", "km / h", "kph"),
    ("mile_per_hour",): ("miles per hour", "mile per hour", "mph"),
    ("knot",): ("knots", "knot", "kn", "kt"),
    ("kilometer_per_second",): ("kilometres per second", "kilometers per second", "km/s"),
    ("mile / second",): ("miles per second", "mi/s"),
    ("meter_per_second",): ("metres per second", "meters per second", "m/s"),
    # power
    ("kilowatt",): ("kilowatts", "kilowatt", "kW"),
    ("megawatt",): ("megawatts", "megawatt", "MW"),
    ("horsepower", "metric_horsepower"): ("horsepower", "hp", "bhp"),
    ("metric_horsepower",): ("PS",),
    # temperature
    ("degC",): ("°C", "° C", "ºC", "degrees Celsius", "degrees centigrade", "degrees C"),
    ("degF",): ("°F", "° F", "ºF", "degrees Fahrenheit", "degrees F"),
}
# fmt: on

UNITS: dict[str, tuple[str, ...]] = {s: names for names, ss in _SPELLINGS.items() for s in ss}
#: the first word of every spelling ("square", "km", "°"): a cheap test before the pattern
FIRST_WORDS = frozenset(m[0] for s in UNITS if (m := re.match(r"[^\W\d_]+|.", s)))


@cache
def unit_pattern() -> str:
    """A unit spelling, the longest first, not followed by a letter or digit ("m" is not "mph")."""
    # "a 1,050-nautical-mile (1,940 km) flight": a hyphen may join the words of a unit
    return alternation(UNITS, space=r"[\s-]") + r"(?![\w²³/])"


#: the compound units prose writes as two parts: 5 ft 11 in, 12 st 6 lb, 3 lb 4 oz
COMPOUND = {"foot": "inch", "stone": "pound", "pound": "ounce", "meter": "centimeter"}


#: every unit's dimension and pint's factors between them (see the module's docstring)
TABLE = Path(__file__).with_name("units.json")


_Table = tuple[
    dict[str, list[tuple[str, float]]],  # unit -> its base dimensions and exponents
    dict[str, dict[str, float]],  # unit -> unit of the same dimension -> factor
    dict[str, tuple[float, float]],  # temperature -> scale and offset to kelvin
]


@cache
def _table() -> _Table:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    dims: dict[str, list[tuple[str, float]]] = data["dimensions"]
    factors: dict[str, dict[str, float]] = data["factors"]
    offsets: dict[str, tuple[float, float]] = data["offsets"]
    return dims, factors, offsets


@cache
def dimension(unit: str) -> frozenset[tuple[str, float]]:
    """The dimensionality of a pint unit as its base dimensions and their exponents, so that
    horsepower's "[length] ** 2 * [mass] / [time] ** 3" equals the kilowatt's
    "[mass] * [length] ** 2 / [time] ** 3"."""
    return frozenset((d, e) for d, e in _table()[0][unit])


@cache
def convert(value: float, src: str, dst: str, delta: bool = False) -> float:
    """``value`` in pint unit ``src`` expressed in ``dst`` (``delta``: a temperature difference),
    computed as pint computes it."""
    if src == dst:
        return value
    _, factors, offsets = _table()
    if src.startswith("deg"):
        if delta:
            return value * factors["delta_" + src]["delta_" + dst]
        # through kelvin, as pint's offset converters go: to the reference, and back
        scale, offset = offsets[src]
        to_scale, to_offset = offsets[dst]
        return (value * scale + offset - to_offset) / to_scale
    return value * factors[src][dst]
