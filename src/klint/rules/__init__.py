"""The rule registry: every rule of every family, by code.

Each family is a package (``dates``, ``numbers``, ``xrefs``, ``schema``, ``meta``) with one
module per rule (``dates/kd101_impossible_date.py``), the helpers its rules share in
``_common.py``, and the family's ``RULES`` in its ``__init__``. ``scripts/new_rule.py``
starts a rule: its module, its line in the family's ``RULES``, and its fixtures under
``tests/fixtures/<CODE>/``.
"""

from __future__ import annotations

from functools import lru_cache

from klint.rules.base import Context, Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """All rule classes, sorted by code."""
    from klint.rules import corpus, dates, meta, numbers, schema, xrefs

    rules = [*meta.RULES, *dates.RULES, *numbers.RULES, *xrefs.RULES, *schema.RULES, *corpus.RULES]
    codes = [r.code for r in rules]
    dupes = {c for c in codes if codes.count(c) > 1}
    if dupes:
        raise RuntimeError(f"duplicate rule codes: {sorted(dupes)}")
    return tuple(sorted(rules, key=lambda r: r.code))


def get_rule(code: str) -> type[Rule] | None:
    return _by_code().get(code.upper())


@lru_cache(maxsize=1)
def _by_code() -> dict[str, type[Rule]]:
    """Every rule class by its code (rules read their options through it on every document)."""
    return {r.code: r for r in all_rules()}


__all__ = ["Context", "Rule", "all_rules", "get_rule"]
