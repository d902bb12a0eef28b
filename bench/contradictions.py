"""Real contradictions: how many of ../shared/eval/contradictions klint finds.

Each ``.txt`` there holds one or two passages of a Wikipedia article that
contradict each other about a date or a number (WikiContradict); ``labels.jsonl``
gives the passages' character spans and the category (``date`` or ``numeric``).
A contradiction is *found* when one finding of the category's family (KD for
dates, KN for numbers) touches every evidence span: its own place or one of its
related places overlaps each span. For every one missed, the script prints the
kind of reasoning it needs (``bench/contradictions_notes.yaml``).

    python bench/contradictions.py [--dir DIR] [--json FILE] [--extend-select CODES]

Without the folder it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
# measures of what klint finds must not hang on the machine's load: no time budget
NO_BUDGET = 1e9
DEFAULT_DIR = REPO.parent / "shared" / "eval" / "contradictions"
NOTES = Path(__file__).resolve().parent / "contradictions_notes.yaml"
FAMILY = {"date": "KD", "numeric": "KN"}


def _places(d) -> list[tuple[int, int]]:
    own = [(d.start, max(d.end, d.start + 1))]
    return own + [(r.start, max(r.end, r.start + 1)) for r in d.related if r.path in (None, d.path)]


def touches(d, spans: list[tuple[int, int]]) -> bool:
    """True if some place of ``d`` overlaps every span."""
    places = _places(d)
    return all(any(s < pe and ps < e for ps, pe in places) for s, e in spans)


def judge(text: str, label: dict, path: str, config=None) -> list:
    """The findings of the label's family that touch all of its evidence spans."""
    from klint.engine import lint_text

    family = FAMILY[label["klint_category"]]
    spans = [(s["start"], s["end"]) for s in label["evidence_spans"]]
    found = lint_text(text, path=path, config=config, fmt="text")
    return [d for d in found if d.code.startswith(family) and touches(d, spans)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--json", type=Path, help="write the per-file results here")
    ap.add_argument("--extend-select", default="", help="extra rule codes to enable")
    args = ap.parse_args(argv)
    labels_path = args.dir / "labels.jsonl"
    if not labels_path.is_file():
        print(f"no contradictions folder at {args.dir}; nothing to measure")
        return 0
    from klint.config import Config

    config = Config(
        extend_select=tuple(c for c in args.extend_select.split(",") if c), time_budget=NO_BUDGET
    )
    notes = yaml.safe_load(NOTES.read_text(encoding="utf-8")) if NOTES.is_file() else {}
    labels = [
        json.loads(line)
        for line in labels_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows = []
    for label in labels:
        text = (args.dir.parent / label["file"]).read_text(encoding="utf-8")
        hits = judge(text, label, Path(label["file"]).name, config)
        rows.append(
            {
                "id": label["id"],
                "category": label["klint_category"],
                "type": label["dataset_labels"]["contradictType"].split()[0],
                "found": bool(hits),
                "codes": sorted({d.code for d in hits}),
                "needs": notes.get(label["id"], ""),
            }
        )
    found = [r for r in rows if r["found"]]
    print(f"found {len(found)}/{len(rows)}")
    for r in found:
        print(f"  found   {r['id']} ({r['category']}, {r['type']}) by {', '.join(r['codes'])}")
    for r in rows:
        if not r["found"]:
            print(f"  missed  {r['id']} ({r['category']}, {r['type']}): {r['needs'] or '?'}")
    for category in FAMILY:
        mine = [r for r in rows if r["category"] == category]
        print(f"{category}: {sum(r['found'] for r in mine)}/{len(mine)}")
    if args.json:
        args.json.write_text(
            json.dumps({"found": len(found), "total": len(rows), "files": rows}, indent=1) + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
