"""Patterns compiled on first use, for modules whose patterns most runs never need.

Compiling a pattern runs ``re``'s parser and compiler in Python: a few hundred
patterns make up much of a cold start. A rule that is off by default, a helper that
reads wikitext or HTML markup only, and any pattern a check of a plain article does not
reach (a rule's rarer branches) are declared with :func:`compile`, so that a run which
never asks for them never compiles them.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled at the first attribute asked for; each
    attribute (``search``, ``match``...) is then kept on the instance, so later look-ups
    cost what they cost on the pattern itself."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for names not yet on the instance
        value = getattr(re.compile(*self._args), name)
        setattr(self, name, value)
        return value


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that is compiled when first used (typed as the pattern it stands for)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
