"""Codes split from an older code, so configurations written before a split keep working.

A rule that ran several checks under one code gives each check a code of its own; the
check that stays keeps the old code. As ruff redirects a renamed code, klint reads the old
code as covering what it covered: ``select``, ``ignore``, ``per-file-ignores`` and
``severity`` entries, ``--select``, inline ``klint: disable=`` comments and baseline files
that name the old code (or a prefix of it) cover the codes split from it too. A finding of
a split code keeps the fingerprint it had under the old code, so baselines and judged
findings still match it.
"""

from __future__ import annotations

#: new code -> the code its check ran under before the split
SPLIT_FROM: dict[str, str] = {
    "KD114": "KD105",
    "KD115": "KD106",
    "KN211": "KN204",
    "KN212": "KN204",
    "KN213": "KN207",
    "KN214": "KN207",
    "KX309": "KX304",
}


def lineage(code: str) -> str:
    """The code a check was first reported under (``code`` itself unless it was split off)."""
    return SPLIT_FROM.get(code, code)


def covers(selector: str, code: str) -> bool:
    """Whether a selector (``ALL``, a code or a code prefix) names ``code``, directly or through
    the code it was split from."""
    return selector == "ALL" or code.startswith(selector) or lineage(code).startswith(selector)


def split_into(code: str) -> list[str]:
    """The codes split from ``code``, in order."""
    return sorted(new for new, old in SPLIT_FROM.items() if old == code)
