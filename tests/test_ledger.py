"""The judged-findings ledger holds: no finding judged FALSE comes back, none judged TRUE is lost."""

from __future__ import annotations

import sys
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
        if e.verdict == "TRUE" and k not in seen and precision.enabled_by_default(e.code)
    )
    assert not lost, "findings judged TRUE are no longer reported:\n" + "\n".join(lost)
