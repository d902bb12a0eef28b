"""KN210: pint is loaded only for an article with a conversion pair; pairs in several phrasings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text

SEED = Path(__file__).resolve().parents[1] / "seeds" / "nagorno-karabakh-war.wiki"

LAZY = f"""
import sys
from pathlib import Path
from klint.config import Config
from klint.engine import lint_text
assert "pint" not in sys.modules, "import klint loaded pint"
on = Config(extend_select=["KN210"])
lint_text(Path({str(SEED)!r}).read_text(), "seed.wiki", on)
assert "pint" not in sys.modules, "an article without a conversion pair loaded pint"
lint_text("The road is 12 miles (19 km) long.", "pair.txt", on)
assert "pint" in sys.modules
"""


def test_pint_is_imported_only_for_an_article_with_a_pair():
    done = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


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
