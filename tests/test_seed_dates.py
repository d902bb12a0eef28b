"""Golden test: the date findings on the seed article, each explained.

Every finding listed here is one a careful editor accepts; nothing else may be
reported by the default-on KD rules, and the negative controls of the gold file
stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from klint.config import Config
from klint.engine import lint_text
from klint.rules.dates import RULES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
GOLD = ROOT / "tests" / "data" / "seed_gold_findings.yaml"

# (code, line, related line, the dated text the finding starts at)
EXPECTED = {
    # G001 (certain). The "Black January" section runs January 1989 (line 80), summer 1989
    # (line 80), January 1990 (line 82); then line 84 says fighting "spread" to Ganja and
    # Nakhichevan "in December 1988", thirteen months back, with no flashback cue.
    ("KD104", 84, 82, "December 1988"),
    # G002 (likely). One paragraph runs September 1988, "By October 1989", then "on December 7,
    # 1988" (the Spitak earthquake) with no flashback cue: the October 1989 tally sits out of
    # order, ten months after the event that follows it.
    ("KD104", 74, 74, "December 7, 1988"),
}

# Gold date findings the rules do not report, and why:
# G003 (likely) "In late August 1992 ... resigned on August 17": "late" is read as the second
#   half of the month, which holds August 17; a narrower reading would be a guess.
# G004 (likely) "One month prior, on November 21" against December 26/31: 35-40 days is
#   within what "one month" means (KD105 accepts 15-53 days for a round phrase).
# G005-G015 need knowledge the dates alone do not give (who governs, which force, which phase).


def _default_kd() -> tuple[str, ...]:
    """The default date rules and KD104, which the seed folder's configuration turns on."""
    return tuple(r.code for r in RULES if r.default_enabled or r.code == "KD104")


@pytest.fixture(scope="module")
def findings() -> list:
    text = SEED.read_text(encoding="utf-8")
    return lint_text(text, path=str(SEED), config=Config(select=_default_kd()))


def _key(d) -> tuple[str, int, int | None, str]:
    text = SEED.read_text(encoding="utf-8")
    related = d.related[0].line if d.related else None
    return d.code, d.line, related, text[d.start : d.end]


def test_exactly_the_expected_findings(findings: list) -> None:
    assert {_key(d) for d in findings} == EXPECTED


def test_certain_gold_date_findings_are_found(findings: list) -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["findings"]
    certain = [g for g in gold if g["family"] == "date" and g["confidence"] == "certain"]
    assert certain
    for g in certain:
        assert any(
            d.line == g["line"] and d.related and d.related[0].line == g["related_line"]
            for d in findings
        ), g["id"]


def test_negative_controls_are_quiet() -> None:
    text = SEED.read_text(encoding="utf-8")
    every_kd = lint_text(text, path=str(SEED), config=Config(select=("KD",)))
    controls = [
        n
        for n in yaml.safe_load(GOLD.read_text(encoding="utf-8"))["negative_controls"]
        if n["family"] == "date"
    ]
    assert [n["id"] for n in controls] == [f"N0{k}" for k in range(12, 25)]
    lines = text.splitlines()
    for n in controls:
        col = lines[n["line"] - 1].find(n["quote"])
        assert col >= 0, n["id"]
        hits = [
            d
            for d in every_kd
            if d.line == n["line"]
            and d.column - 1 < col + len(n["quote"])
            and col < d.column - 1 + (d.end - d.start)
        ]
        assert not hits, (n["id"], [d.message for d in hits])
        assert not [d for d in every_kd if d.line == n["line"]], n["id"]


def test_severities(findings: list) -> None:
    # warnings: the development corpus has too few judged KD104 findings for error level
    assert all(d.severity.value == "warning" for d in findings)
