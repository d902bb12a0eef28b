"""Precision of klint's rules on the development corpus, from the judged-findings ledger.

    python bench/precision.py                 # per-rule precision, unjudged findings listed
    python bench/precision.py --select ALL    # opt-in rules too
    python bench/precision.py --add-unjudged  # append unjudged findings to the ledger, verdict blank

Every finding klint gives on ``eval/corpus/`` is judged once in the ledger, one file a
rule (``eval/ledger/KX305.yaml``): TRUE (an editor would fix it), FALSE (klint misread)
or DEBATABLE, with a one-line reason. A finding is keyed by its article (relative to the corpus), rule code and
fingerprint (a hash of the text found, not of its line), so the ledger survives edits
that move lines. Precision is TRUE / (TRUE + FALSE).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from klint.config import Config
from klint.diagnostics import Diagnostic
from klint.engine import iter_files, lint_files
from klint.rules import all_rules, get_rule

# what klint finds must not hang on the machine's load: no time budget
NO_BUDGET = 1e9

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "eval" / "corpus"
LEDGER = REPO / "eval" / "ledger"
VERDICTS = ("TRUE", "FALSE", "DEBATABLE")
BAR = 0.90  # a default-on rule's precision on the corpus
MIN_JUDGED = 10  # findings a rule needs before its precision counts
FALSE_PER_ARTICLE = 0.15

Key = tuple[str, str, str]  # (article, code, fingerprint)


@dataclass
class Entry:
    """One judged finding of the ledger."""

    article: str
    code: str
    fingerprint: str
    verdict: str | None
    reason: str
    line: int
    message: str

    @property
    def key(self) -> Key:
        return (self.article, self.code, self.fingerprint)


def load_ledger(folder: Path = LEDGER) -> dict[Key, Entry]:
    """The ledger's entries by key, from every ``CODE.yaml`` of ``folder``; a key judged twice is an error."""
    out: dict[Key, Entry] = {}
    for path in sorted(folder.glob("*.yaml")):
        out.update(_load_file(path, out))
    return out


def _load_file(path: Path, known: dict[Key, Entry]) -> dict[Key, Entry]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[Key, Entry] = {}
    for n, item in enumerate(data.get("findings") or [], 1):
        entry = Entry(
            article=item["article"],
            code=item["code"],
            fingerprint=str(item["fingerprint"]),
            verdict=item.get("verdict"),
            reason=item.get("reason") or "",
            line=int(item.get("line") or 0),
            message=item.get("message") or "",
        )
        if entry.verdict not in (*VERDICTS, None):
            raise SystemExit(f"{path}: finding #{n}: verdict must be one of {VERDICTS}")
        if entry.key in out or entry.key in known:
            raise SystemExit(f"{path}: finding #{n} judged twice: {entry.key}")
        out[entry.key] = entry
    return out


def save_ledger(entries: list[Entry], folder: Path = LEDGER) -> None:
    """Write the ledger, one file a rule, sorted by article, line and fingerprint."""
    folder.mkdir(parents=True, exist_ok=True)
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_code[e.code].append(e)
    for code, group in by_code.items():
        _save_file(group, folder / f"{code}.yaml")


def _save_file(entries: list[Entry], path: Path) -> None:
    header = (
        "# Judged findings of one klint rule on eval/corpus/ (see bench/precision.py).\n"
        "# verdict: TRUE (an editor would fix it), FALSE (klint misread), DEBATABLE.\n"
        "# Keyed by article, code and fingerprint; line and message are for reading.\n"
    )
    items = [
        {
            "article": e.article,
            "code": e.code,
            "fingerprint": e.fingerprint,
            "line": e.line,
            "verdict": e.verdict,
            "reason": e.reason,
            "message": e.message,
        }
        for e in sorted(entries, key=lambda e: (e.article, e.line, e.fingerprint))
    ]
    body = yaml.safe_dump({"findings": items}, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")


def lint_corpus(
    corpus: Path = CORPUS, select: tuple[str, ...] = (), jobs: int = 2
) -> dict[str, list[Diagnostic]]:
    """Every article of the corpus (relative path) with its findings, default rules or ``select``."""
    config = Config(select=select or None, time_budget=NO_BUDGET)
    files = [
        (f, config)
        for f, _ in iter_files([str(corpus)], config)
        if Path(f).name != "SOURCES.md"  # the corpus's own provenance, not an article
    ]
    out: dict[str, list[Diagnostic]] = {}
    for result in lint_files(files, jobs=jobs):
        rel = Path(result.path).resolve().relative_to(corpus.resolve()).as_posix()
        out[rel] = [d for d in result.diagnostics if d.code != "KI004"]  # time budget: machine load
    return out


def enabled_by_default(code: str) -> bool:
    """Whether a rule runs without ``--select`` (an unknown code: a rule since removed, no)."""
    rule = get_rule(code)
    return rule is not None and rule.default_enabled


def key_of(article: str, d: Diagnostic) -> Key:
    return (article, d.code, d.fingerprint)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--ledger", type=Path, default=LEDGER)
    ap.add_argument(
        "--select", default="", help="rule codes or prefixes (default: the default rules)"
    )
    ap.add_argument(
        "--add-unjudged", action="store_true", help="append unjudged findings to the ledger"
    )
    args = ap.parse_args(argv)

    select = tuple(s.strip() for s in args.select.split(",") if s.strip())
    found = lint_corpus(args.corpus, select)
    ledger = load_ledger(args.ledger)

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    unjudged: list[tuple[str, Diagnostic]] = []
    seen: set[Key] = set()
    pending: set[Key] = set()
    for article, diags in sorted(found.items()):
        for d in diags:
            key = key_of(article, d)
            seen.add(key)
            entry = ledger.get(key)
            verdict = entry.verdict if entry else None
            counts[d.code][verdict or "unjudged"] += 1
            if verdict is None and key not in pending:
                pending.add(key)
                unjudged.append((article, d))

    articles = len(found)
    total = sum(sum(c.values()) for c in counts.values())
    false = sum(c["FALSE"] for c in counts.values())
    print(
        f"{articles} articles, {total} findings ({total / max(articles, 1):.2f} per article), "
        f"{false} judged FALSE ({false / max(articles, 1):.3f} per article; bar {FALSE_PER_ARTICLE})"
    )
    print()
    print("| Rule | Default | Findings | TRUE | FALSE | DEBATABLE | Unjudged | Precision |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    below = []
    for code in sorted(counts):
        c = counts[code]
        judged = c["TRUE"] + c["FALSE"]
        prec = c["TRUE"] / judged if judged else None
        rule = get_rule(code)
        default = "on" if rule is None or rule.default_enabled else "opt-in"
        shown = f"{prec:.0%}" if prec is not None else "–"
        print(
            f"| {code} | {default} | {sum(c.values())} | {c['TRUE']} | {c['FALSE']} | "
            f"{c['DEBATABLE']} | {c['unjudged']} | {shown} |"
        )
        if default == "on" and prec is not None and prec < BAR:
            below.append(f"{code} {prec:.0%}")
    config = Config(select=select or None, time_budget=NO_BUDGET)
    ran = {r.code for r in all_rules() if config.is_enabled(r.code, r.default_enabled)}
    stale = [k for k in ledger if k not in seen and k[0] in found and k[1] in ran]
    if below:
        print(f"\nDefault-on rules below {BAR:.0%}: {', '.join(below)}")
    lost = [k for k in stale if ledger[k].verdict == "TRUE"]
    fixed = sum(ledger[k].verdict == "FALSE" for k in stale)
    if fixed:
        print(f"\n{fixed} findings judged FALSE are no longer reported")
    if lost:
        print(f"\n{len(lost)} findings judged TRUE are no longer reported (lost recall):")
        for k in sorted(lost):
            e = ledger[k]
            print(f"  {e.article}:{e.line} {e.code} {e.message[:120]}")
    if unjudged:
        print(f"\n{len(unjudged)} unjudged findings:")
        for article, d in unjudged:
            print(f"  {article}:{d.line}:{d.column} {d.code} {d.message[:140]}")
    if args.add_unjudged and unjudged:
        kept = [e for k, e in ledger.items() if e.verdict or k in seen]  # drop unjudged gone
        new = [
            Entry(a, d.code, d.fingerprint, None, "", d.line, d.message)
            for a, d in unjudged
            if key_of(a, d) not in ledger
        ]
        save_ledger(kept + new, args.ledger)
        print(f"\nappended {len(new)} unjudged findings to {args.ledger}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
