"""KN rules: numbers against each other, totals, shares and tables."""

from __future__ import annotations

from klint.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
