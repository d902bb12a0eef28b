"""Opt-in rules with no finding judged FALSE left on the corpus stay so: they are run on it
(enabled by ``select``) and no finding judged FALSE may come back, none judged TRUE be lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import precision

pytestmark = pytest.mark.skipif(not precision.CORPUS.is_dir(), reason="no eval/corpus")

#: opt-in rules whose FALSE findings on the corpus are all fixed
CLEAN = ("KN209",)


@pytest.fixture(scope="module")
def judged() -> tuple[dict, set]:
    ledger = {k: e for k, e in precision.load_ledger().items() if e.code in CLEAN}
    found = precision.lint_corpus(select=CLEAN)
    seen = {precision.key_of(a, d) for a, diags in found.items() for d in diags if d.code in CLEAN}
    return ledger, seen


def test_no_false_finding_comes_back(judged):
    ledger, seen = judged
    back = sorted(
        f"{e.article}:{e.line} {e.code} {e.message} — {e.reason}"
        for k, e in ledger.items()
        if e.verdict == "FALSE" and k in seen
    )
    assert not back, "findings judged FALSE are reported again:\n" + "\n".join(back)


def test_no_true_finding_is_lost(judged):
    ledger, seen = judged
    lost = sorted(
        f"{e.article}:{e.line} {e.code} {e.message}"
        for k, e in ledger.items()
        if e.verdict == "TRUE" and k not in seen
    )
    assert not lost, "findings judged TRUE are no longer reported:\n" + "\n".join(lost)
