"""KS rules: the claims file and article-type schemas."""

from __future__ import annotations

from klint.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()
