"""Write klint's outputs on the seed and the evaluation corpus to a folder, for diffing two trees.

Run from the repository (with the project's virtualenv)::

    python bench/outputs.py /tmp/before          # on the old tree
    python bench/outputs.py /tmp/after           # on the new tree
    diff -r /tmp/before /tmp/after               # a pure refactoring shows nothing

One file per command, holding its stdout, its stderr and its exit status:
``klint extract`` (JSON) and ``klint check`` (JSON and full) on the seed in its
four formats, ``klint check`` (full; default rules and ``--select ALL``) on the
development corpus (``eval/corpus``, each format apart) and on the shared corpus
when it is present, ``klint rules`` in every format and ``klint explain`` for
every rule.
Commands run in the repository with relative paths, so two worktrees give
comparable files.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [f"seeds/nagorno-karabakh-war.{ext}" for ext in ("txt", "md", "wiki", "html")]
EVAL = Path("..") / "shared" / "eval"
CORPUS = Path("eval") / "corpus"
CHECK = ["--no-cache", "--exit-zero"]


def _klint(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "klint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return f"$ klint {' '.join(args)}\n{proc.stdout}\n--- stderr\n{proc.stderr}\n--- exit {proc.returncode}\n"


def commands() -> dict[str, list[str]]:
    """Output file name -> klint arguments."""
    out: dict[str, list[str]] = {}
    for seed in SEEDS:
        ext = seed.rsplit(".", 1)[1]
        out[f"extract.{ext}.json"] = ["extract", seed, "--format", "json"]
        out[f"check.{ext}.json"] = ["check", seed, "--output-format", "json", *CHECK]
        out[f"check.{ext}.full"] = ["check", seed, "--output-format", "full", *CHECK]
    corpus = [str(EVAL / part) for part in ("wikitext", "clean") if (ROOT / EVAL / part).is_dir()]
    if corpus:
        out["check.eval.full"] = ["check", *corpus, "--output-format", "full", *CHECK]
    for part in sorted(p.name for p in (ROOT / CORPUS).iterdir() if p.is_dir()):
        folder = str(CORPUS / part)
        out[f"check.corpus.{part}.full"] = ["check", folder, "--output-format", "full", *CHECK]
        out[f"check.corpus.{part}.all.full"] = [
            "check",
            folder,
            "--select",
            "ALL",
            "--output-format",
            "full",
            *CHECK,
        ]
    for fmt in ("text", "json", "markdown"):
        out[f"rules.{fmt}"] = ["rules", "--output-format", fmt]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("folder", type=Path, help="where to write the outputs (created)")
    args = ap.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, argv_ in commands().items():
        (args.folder / name).write_text(_klint(*argv_), encoding="utf-8")
    from klint.rules import all_rules

    for rule in all_rules():
        (args.folder / f"explain.{rule.code}").write_text(
            _klint("explain", rule.code), encoding="utf-8"
        )
    print(f"wrote {len(list(args.folder.iterdir()))} files to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
