"""Score klint against the annotated seed and the clean articles.

    python bench/eval_gold.py [--shared ../shared]

Seed: a finding matches a gold one when the family (KD=date, KN=number,
KX=xref) agrees and its {line, related line} pair equals the gold pair in
either order (name variants: either spelling). Prints recall per confidence
level, the findings that match no gold entry, and the findings on the clean
articles, where every default-on rule should be quiet.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from klint.engine import lint_paths

ROOT = Path(__file__).resolve().parents[1]
FAMILY = {"KD": "date", "KN": "number", "KX": "xref"}


def _pairs(d) -> set[frozenset[int]]:
    related = [r.line for r in d.related] or [d.line]
    return {frozenset((d.line, r)) for r in related}


def score_seed(shared: Path) -> dict:
    gold = yaml.safe_load((shared / "eval" / "seed-gold.yaml").read_text())
    diags = [
        d
        for d in lint_paths([str(ROOT / "seeds" / "nagorno-karabakh-war.txt")])
        if d.code[:2] in FAMILY
    ]
    matched_gold: set[str] = set()
    unmatched = []
    for d in diags:
        hit = False
        for g in gold["findings"]:
            if g["family"] != FAMILY[d.code[:2]]:
                continue
            pair = frozenset((g["line"], g.get("related_line", g["line"])))
            if (
                pair in _pairs(d)
                or (len(pair) == 1 and d.line in pair)
                or (g["kind"] == "name-variant" and pair <= {d.line, *(r.line for r in d.related)})
            ):
                matched_gold.add(g["id"])
                hit = True
        if not hit:
            unmatched.append(d)
    by_conf: dict[str, list[int]] = {}
    for g in gold["findings"]:
        found, total = by_conf.get(g["confidence"], [0, 0])
        by_conf[g["confidence"]] = [found + (g["id"] in matched_gold), total + 1]
    missed_certain = [
        g["id"]
        for g in gold["findings"]
        if g["confidence"] == "certain" and g["id"] not in matched_gold
    ]
    return {
        "findings": len(diags),
        "recall": by_conf,
        "missed_certain": missed_certain,
        "unmatched": unmatched,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"no evaluation material at {shared}/eval", file=sys.stderr)
        return 2
    seed = score_seed(shared)
    print(f"seed: {seed['findings']} findings (KD/KN/KX)")
    for conf in ("certain", "likely", "debatable"):
        found, total = seed["recall"].get(conf, [0, 0])
        print(f"  gold {conf:<9} found {found}/{total}")
    print(f"  certain missed: {', '.join(seed['missed_certain']) or 'none'}")
    print(f"  findings matching no gold entry: {len(seed['unmatched'])}")
    for d in seed["unmatched"]:
        print(f"    {d.line}:{d.column} {d.code} {d.message}")
    clean = lint_paths(sorted(str(p) for p in (shared / "eval" / "clean").glob("*.txt")))
    print(f"clean articles: {len(clean)} findings")
    for code, n in sorted(Counter(d.code for d in clean).items()):
        print(f"  {code}: {n}")
    for d in clean:
        print(f"    {Path(d.path).name}:{d.line}:{d.column} {d.code} {d.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
