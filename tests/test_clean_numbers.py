"""Precision: default-on KN rules report nothing on the clean real articles of ../shared/eval/clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_text
from klint.rules import all_rules

CLEAN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "clean"
FILES = sorted(CLEAN.glob("*.txt")) if CLEAN.is_dir() else []
DEFAULT_KN = tuple(r.code for r in all_rules() if r.code.startswith("KN") and r.default_enabled)

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/eval/clean is not present")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_default_kn_rules_are_quiet_on_clean_articles(path: Path) -> None:
    diags = lint_text(
        path.read_text(encoding="utf-8"), path=str(path), config=Config(select=DEFAULT_KN)
    )
    assert not diags, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diags)


def test_clean_articles_have_quantities() -> None:
    """The quiet result above is not an empty extraction."""
    from klint.extract.quantities import extract_quantities
    from klint.packs import load_packs
    from klint.sources import read_path

    total = sum(len(extract_quantities(read_path(str(p)), load_packs())) for p in FILES)
    assert total > 500
