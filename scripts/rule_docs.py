"""Write ``docs/rules/CODE.md`` for every rule from its docstring (what ``klint explain`` prints).

    python scripts/rule_docs.py            # rewrite docs/rules/
    python scripts/rule_docs.py --check    # exit 1 if docs/rules/ is out of date

JSON and SARIF output link each finding to its page (``klint.rule_doc_url``);
``tests/test_rule_docs.py`` fails when a docstring changed and this was not run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from klint.cli import explain_text, rules_markdown
from klint.rules import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def pages() -> dict[str, str]:
    """File name -> text: one page per rule and an index."""
    out = {f"{r.code}.md": explain_text(r) for r in all_rules()}
    rows = [
        {
            "code": f"[{r.code}]({r.code}.md)",
            "name": r.name,
            "severity": r.severity.value,
            "default": r.default_enabled,
            "summary": r.summary,
        }
        for r in all_rules()
    ]
    out["README.md"] = (
        "# klint rules\n\nGenerated from the rules' docstrings by `python scripts/rule_docs.py`;"
        " `klint explain CODE` prints the same page.\n\n" + rules_markdown(rows)
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale pages")
    parser.add_argument("--out", type=Path, default=DOCS, help="the folder to write")
    args = parser.parse_args(argv)
    want = pages()
    have = {p.name: p.read_text(encoding="utf-8") for p in args.out.glob("*.md")}
    stale = sorted(n for n in want.keys() | have.keys() if want.get(n) != have.get(n))
    if args.check:
        for name in stale:
            print(f"{args.out / name}: out of date; run python scripts/rule_docs.py")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        if name in want:
            (args.out / name).write_text(want[name], encoding="utf-8")
        else:
            (args.out / name).unlink()
    print(f"{len(stale)} page(s) written or removed in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
