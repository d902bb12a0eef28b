"""Extraction speed on the seed articles: median of warm runs and claims per second.

    python bench/extract.py [--runs 30]

Each seed format is read once; then the extractor runs ``--runs`` times in this
process (after one warm-up) and each extractor is also timed alone.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from klint.extract import dates, extract, names, quantities, references
from klint.packs import load_packs
from klint.sources import read_path

ROOT = Path(__file__).resolve().parents[1]
PARTS = {
    "dates": dates.extract_dates,
    "quantities": quantities.extract_quantities,
    "mentions": names.extract_mentions,
    "acronyms": names.extract_acronyms,
    "references": references.extract_references,
}


def _median_ms(func, runs: int) -> float:
    func()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    packs = load_packs(())
    print(f"{'article':<32} {'claims':>7} {'median ms':>10} {'claims/s':>10}")
    for path in sorted(ROOT.glob("seeds/nagorno-karabakh-war.*")):
        if path.name.endswith(".klint.yaml"):
            continue
        doc = read_path(path)
        n = len(extract(doc, packs).all())
        ms = _median_ms(lambda d=doc: extract(d, packs), args.runs)
        print(f"{path.name:<32} {n:>7} {ms:>10.1f} {n / ms * 1000:>10,.0f}")
    doc = read_path(ROOT / "seeds" / "nagorno-karabakh-war.txt")
    print("\nper extractor, plain-text seed:")
    for name, func in PARTS.items():
        print(f"  {name:<11} {_median_ms(lambda f=func: f(doc, packs), args.runs):6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
