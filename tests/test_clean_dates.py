"""Precision: the default-on date rules report nothing on clean, real articles.

Reads ``../shared/eval/clean`` when it is present beside the repository; skips otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_paths
from klint.rules.dates import RULES

CLEAN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "clean"

# Clean encyclopedic prose written for this test: narratives with flashbacks, background
# history, report dates, chart listings, life spans and posthumous mentions.
OWN_CLEAN = """Harbour of Lindqvist

History

The harbour was founded in 1871 by the brothers Erik and Nils Berg. Erik Berg (1840–1901) drew the plans; his brother built the first pier in 1873. In May 1880, a storm destroyed the pier, and it was rebuilt by August 1881. The town had bought the land in 1869, two years before the harbour opened.

In January 1901, Erik Berg died at his home. A memorial to Erik Berg was unveiled in June 1903, and his grave at the north church was restored in 1950.

The strike of 1971

The dock workers met on March 1, 1971 and called a strike on March 20, 1971. The owners answered on April 2, 1971 with a lockout; two weeks later, on April 16, 1971, the army arrived. The strike ended on September 2, 1971, after six months of conflict. As reported by the county paper in May 1975, the union had lost a third of its members.

Trade

In 1965 the harbour handled 2.1 million tons of cargo; by 1988 the figure had fallen to 900,000 tons. The busiest year was 1974.
"""


def _default_kd() -> tuple[str, ...]:
    return tuple(r.code for r in RULES if r.default_enabled)


@pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/eval/clean is not present")
def test_default_kd_rules_quiet_on_clean_corpus() -> None:
    diags = lint_paths([str(CLEAN)], Config(select=_default_kd()))
    assert diags == [], "\n".join(f"{Path(d.path).name}:{d.line}: {d.code} {d.message}" for d in diags)


def test_default_kd_rules_quiet_on_own_clean_text(tmp_path: Path) -> None:
    path = tmp_path / "lindqvist.txt"
    path.write_text(OWN_CLEAN, encoding="utf-8")
    diags = lint_paths([str(path)], Config(select=_default_kd()))
    assert diags == [], "\n".join(f"{d.line}: {d.code} {d.message}" for d in diags)
