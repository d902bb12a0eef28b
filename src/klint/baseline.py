"""Baselines: record today's findings so that only new ones are reported.

A finding is matched by its file (relative to the baseline file's folder), its
rule code and its fingerprint, which hashes the text found rather than its line,
so an edit that only moves lines keeps it matched. Matching counts: if a file
has two identical findings and the baseline records one, one is reported.
Engine errors (KI001 internal error, KI002 unreadable file) are never baselined.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from klint import __version__
from klint.diagnostics import Diagnostic
from klint.fsutil import atomic_write
from klint.rules.redirects import lineage

FORMAT = 1
NEVER = ("KI001", "KI002")

Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def _rel(path: str, root: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def _key(d: Diagnostic, root: Path) -> Key:
    return (_rel(d.path, root), lineage(d.code), d.fingerprint)


def write(path: str | Path, diagnostics: list[Diagnostic]) -> int:
    """Write a baseline recording ``diagnostics``; return how many findings it holds."""
    path = Path(path)
    root = path.parent.resolve()
    kept = sorted(
        (d for d in diagnostics if d.code not in NEVER),
        key=lambda d: (_rel(d.path, root), d.line, d.column, d.code, d.fingerprint),
    )
    entries = [
        {
            "path": _rel(d.path, root),
            "code": d.code,
            "fingerprint": d.fingerprint,
            "line": d.line,
            "message": d.message,
        }
        for d in kept
    ]
    payload = {"klint-baseline": FORMAT, "klint": __version__, "findings": entries}
    atomic_write(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def load(path: str | Path) -> Counter[Key]:
    """The findings a baseline file records, counted."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a klint baseline (invalid JSON: {exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("klint-baseline") != FORMAT
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f'{path}: not a klint baseline (expected "klint-baseline": {FORMAT} and "findings")'
        )
    counts: Counter[Key] = Counter()
    for n, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) for k in ("path", "code", "fingerprint")
        ):
            raise BaselineError(f"{path}: finding #{n + 1} needs string path, code and fingerprint")
        # a code split since the baseline was written matches under the code it came from
        counts[(item["path"], lineage(item["code"]), item["fingerprint"])] += 1
    return counts


def filter_new(diagnostics: list[Diagnostic], path: str | Path) -> list[Diagnostic]:
    """The diagnostics the baseline at ``path`` does not record (count-aware), in their order."""
    remaining = load(path)
    root = Path(path).parent.resolve()
    out = []
    for d in diagnostics:
        key = _key(d, root)
        if d.code not in NEVER and remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(d)
    return out
