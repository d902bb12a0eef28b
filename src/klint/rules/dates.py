"""KD rules: dates against each other and the subject span."""

from __future__ import annotations

from klint.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
