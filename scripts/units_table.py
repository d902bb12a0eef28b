"""Write ``src/klint/rules/numbers/units.json``: KN210's units as pint defines them.

    python scripts/units_table.py            # rewrite the table (needs pint: the test extra)
    python scripts/units_table.py --check    # exit 1 if the table is out of date

For every unit KN210 names (each spelling's, the parts of a compound, the infobox
fields', and the density of each: ``1 / (unit)``) the table holds its dimension and, for
every other unit of that dimension, the factor pint converts by; for the temperatures,
pint's scale and offset to kelvin and the factors of their differences. At run time
klint multiplies by these numbers and never imports pint (about 11 MB and 230 ms a
process); ``tests/test_conversions.py`` checks each conversion against pint's own
registry, to the last digit or two (pint's own float there depends on the order its
registry met the units).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from klint.rules.numbers._units import COMPOUND, TABLE, UNITS
from klint.rules.numbers.kn210_conversion_mismatch import _FIELD_UNITS


def names() -> list[str]:
    """Every pint unit KN210 may ask to convert, densities and temperature differences too."""
    plain = (
        {n for ns in UNITS.values() for n in ns}
        | set(COMPOUND)
        | set(COMPOUND.values())
        | set(_FIELD_UNITS.values())
    )
    temperatures = {n for n in plain if n.startswith("deg")}
    return sorted(
        plain | {f"1 / ({n})" for n in plain - temperatures} | {f"delta_{n}" for n in temperatures}
    )


def table() -> dict[str, Any]:
    """The table as JSON data, worked out by pint's default registry."""
    import pint

    reg = pint.UnitRegistry()
    units = names()
    dims = {n: sorted(reg.Unit(n).dimensionality.items()) for n in units}
    factors: dict[str, dict[str, float]] = {}
    for src in units:
        if src.startswith("deg"):
            continue  # an offset unit converts by its scale and offset, below
        factors[src] = {
            dst: float(reg.Quantity(1.0, src).to(dst).magnitude)
            for dst in units
            if dst != src and not dst.startswith("deg") and dims[dst] == dims[src]
        }
    offsets = {}
    for n in units:
        if n.startswith("deg"):
            conv = reg._units[reg.get_name(n)].converter  # pint has no public door to it
            offsets[n] = [conv.scale, conv.offset]
    return {"dimensions": dims, "factors": factors, "offsets": offsets}


def render() -> str:
    return json.dumps(table(), indent=1, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the table is out of date")
    args = ap.parse_args()
    text = render()
    if args.check:
        if TABLE.read_text(encoding="utf-8") != text:
            print(f"{TABLE} is out of date: run python scripts/units_table.py")
            return 1
        return 0
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
