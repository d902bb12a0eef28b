"""The judged-findings ledger holds: no finding judged FALSE comes back, none judged TRUE is lost."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import precision

pytestmark = pytest.mark.skipif(not precision.CORPUS.is_dir(), reason="no eval/corpus")


@pytest.fixture(scope="module")
def judged() -> tuple[dict, set]:
    ledger = precision.load_ledger()
    found = precision.lint_corpus()
    seen = {precision.key_of(a, d) for a, diags in found.items() for d in diags}
    return ledger, seen


#: Findings judged FALSE that a default rule still gives, within the bar (≥ 90 % over ≥ 10
#: judged findings, ≤ 0.15 FALSE an article): KX305's pairs only a lexicon tells apart. More
#: than these is a false finding come back.
STILL_FALSE = {"KX305": 13}
#: Findings judged TRUE that a default rule no longer gives: KX305's, lost while it was opt-in
#: (two redirects linked under both spellings, a citation of another person, a piped link).
STILL_LOST = {"KX305": 4}


def _over(entries: list, allowed: dict[str, int]) -> list[str]:
    """The entries of the rules that have more of them than ``allowed``."""
    codes = Counter(e.code for e in entries)
    return sorted(
        f"{e.article}:{e.line} {e.code} {e.message} — {e.reason}"
        for e in entries
        if codes[e.code] > allowed.get(e.code, 0)
    )


def test_no_false_finding_comes_back(judged):
    ledger, seen = judged
    back = _over([e for k, e in ledger.items() if e.verdict == "FALSE" and k in seen], STILL_FALSE)
    assert not back, "findings judged FALSE are reported again:\n" + "\n".join(back)


def test_no_true_finding_is_lost(judged):
    ledger, seen = judged
    lost = _over(
        [
            e
            for k, e in ledger.items()
            if e.verdict == "TRUE" and k not in seen and precision.enabled_by_default(e.code)
        ],
        STILL_LOST,
    )
    assert not lost, "findings judged TRUE are no longer reported:\n" + "\n".join(lost)
