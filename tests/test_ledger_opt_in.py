"""The opt-in date rules that have reached 0 FALSE on the corpus stay there: run with them
selected, none of their findings judged FALSE comes back and none judged TRUE is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import precision

pytestmark = pytest.mark.skipif(not precision.CORPUS.is_dir(), reason="no eval/corpus")

#: opt-in rules with no finding judged FALSE on the corpus
HELD = ("KD110", "KD111", "KD112")


@pytest.fixture(scope="module")
def judged() -> tuple[dict, set]:
    ledger = {k: e for k, e in precision.load_ledger().items() if e.code in HELD}
    found = precision.lint_corpus(select=HELD)
    seen = {precision.key_of(a, d) for a, diags in found.items() for d in diags}
    return ledger, seen


def test_no_false_finding_of_the_held_rules_comes_back(judged):
    ledger, seen = judged
    back = sorted(
        f"{e.article}:{e.line} {e.code} {e.message} — {e.reason}"
        for k, e in ledger.items()
        if e.verdict == "FALSE" and k in seen
    )
    assert not back, "findings judged FALSE are reported again:\n" + "\n".join(back)


def test_no_true_finding_of_the_held_rules_is_lost(judged):
    ledger, seen = judged
    lost = sorted(
        f"{e.article}:{e.line} {e.code} {e.message}"
        for k, e in ledger.items()
        if e.verdict == "TRUE" and k not in seen
    )
    assert not lost, "findings judged TRUE are no longer reported:\n" + "\n".join(lost)


def test_every_finding_of_the_held_rules_is_judged(judged):
    ledger, seen = judged
    unjudged = sorted(" ".join(k) for k in seen if k not in ledger or ledger[k].verdict is None)
    assert not unjudged, "findings not judged in eval/ledger:\n" + "\n".join(unjudged)
