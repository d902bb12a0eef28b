"""Golden test: the KN rules on the seed find the gold number findings and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from klint.config import Config
from klint.engine import lint_text
from klint.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
GOLD = ROOT / "tests" / "data" / "seed_gold_findings.yaml"
DEFAULT_KN = tuple(r.code for r in all_rules() if r.code.startswith("KN") and r.default_enabled)

# Every number finding the default-on KN rules report on the seed: (code, line, related lines).
EXPECTED = {
    # G016: "nearly one million" refugees against its parts in the same paragraph,
    # 400,000 + 30,000 + 800,000 = 1,230,000 (all on line 250).
    ("KN202", 250, (250, 250, 250)),
    # G017: Azerbaijan's "forty-five combat aircraft" against the force table's 170 fighter
    # aircraft for the Republic of Azerbaijan (line 120); fighters are a subset of combat
    # aircraft (the `subsets` relation of rules/numbers.yaml).
    ("KN214", 258, (120,)),
    # G018 (likely): the infobox strengths 20,000 and 42,000 against the force table's personnel
    # rows (lines 118-120): Azerbaijan's 42,000 matches its row, but Nagorno-Karabakh 20,000 +
    # Armenia 20,000 = 40,000 is not side 1's 20,000; no split of the rows fits both sides.
    ("KN213", 33, (118, 119, 120)),
}


@pytest.fixture(scope="module")
def findings():
    return lint_text(
        SEED.read_text(encoding="utf-8"), path=str(SEED), config=Config(select=DEFAULT_KN)
    )


def _gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_seed_findings_are_exactly_the_expected(findings) -> None:
    got = {(d.code, d.line, tuple(r.line for r in d.related)) for d in findings}
    assert got == EXPECTED, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in findings)


def test_every_certain_gold_number_finding_is_found(findings) -> None:
    gold = [
        g
        for g in _gold()["findings"]
        if g["family"] == "number" and g["confidence"] in ("certain", "likely")
    ]
    assert {g["id"] for g in gold} >= {"G016", "G017", "G018"}
    for g in gold:
        hits = [
            d
            for d in findings
            if d.line == g["line"] and any(r.line == g["related_line"] for r in d.related)
        ]
        assert hits, f"{g['id']} (line {g['line']} vs {g['related_line']}) not found"


def test_negative_controls_are_not_reported(findings) -> None:
    controls = [n for n in _gold()["negative_controls"] if n["family"] == "number"]
    assert len(controls) == 11
    for n in controls:
        pair = {n["line"], n.get("related_line", n["line"])}
        for d in findings:
            places = {d.line, *(r.line for r in d.related)}
            assert not (pair <= places and (d.line in pair)), (
                f"{n['id']} reported: {d.line} {d.code} {d.message}"
            )


def test_messages_name_both_values_and_places(findings) -> None:
    by_line = {(d.code, d.line): d for d in findings}
    assert (
        "1,230,000" in by_line[("KN202", 250)].message
        and "nearly one million" in by_line[("KN202", 250)].message
    )
    g017 = by_line[("KN214", 258)]
    assert "forty-five" in g017.message and "170" in g017.message and "line 120" in g017.message
    g018 = by_line[("KN213", 33)]
    assert "20,000 and 42,000" in g018.message and "lines 118, 119, 120" in g018.message
