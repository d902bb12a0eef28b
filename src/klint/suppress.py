"""Inline suppressions.

Forms (any reader; in plain text put the comment on a line of its own)::

    <!-- klint: disable=KN201,KD104 -->     until the matching enable (or the end)
    <!-- klint: enable=KN201 -->
    <!-- klint: disable-next-line=KN201 --> the next non-blank line only
    <!-- klint: disable -->                 every rule

``[klint: disable=KN201]`` on a line of its own is accepted too. A code that no rule has
(``kn201``, ``KN2O1``) is read, suppresses nothing, and is reported (KI005).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from klint import lazyre
from klint.diagnostics import Diagnostic
from klint.rules.redirects import lineage

_DIRECTIVE = lazyre.compile(
    r"(?:<!--\s*|\[)klint:\s*(disable-next-line|disable|enable)\s*(?:=\s*([A-Za-z0-9,\s]+?))?\s*(?:-->|\])"
)


@dataclass
class Suppression:
    line: int  # 1-based line of the directive
    start: int
    end: int
    codes: frozenset[str]  # empty: every rule
    first_line: int
    last_line: int
    used: set[str] = field(default_factory=set)

    def covers(self, code: str, line: int) -> bool:
        """Whether the directive suppresses ``code`` on ``line`` (naming it, or the code it was
        split from)."""
        return self.first_line <= line <= self.last_line and (
            not self.codes or bool(self.named(code))
        )

    def named(self, code: str) -> set[str]:
        """The codes of the directive that name ``code``."""
        return {code, lineage(code)} & self.codes


def parse(text: str, position: Callable[[int], tuple[int, int]]) -> list[Suppression]:
    """Find directives; ``position(offset) -> (line, col)`` maps offsets to lines."""
    found: list[Suppression] = []
    if "klint:" not in text:  # what every directive holds (``in`` skips ahead, the pattern scans)
        return found
    open_: dict[str, Suppression] = {}
    last_line = text.count("\n") + 1
    for m in _DIRECTIVE.finditer(text):
        action, codes_s = m.group(1), m.group(2)
        codes = frozenset(c.strip() for c in (codes_s or "").split(",") if c.strip())
        line, _ = position(m.start())
        if action == "disable-next-line":
            nxt = line + 1
            rest = text[m.end() :]
            for k, ln in enumerate(rest.split("\n")[1:], start=1):
                if ln.strip():
                    nxt = line + k
                    break
            found.append(Suppression(line, m.start(), m.end(), codes, nxt, nxt))
        elif action == "disable":
            s = Suppression(line, m.start(), m.end(), codes, line, last_line)
            found.append(s)
            for c in codes or {"*"}:
                open_[c] = s
        else:
            for c in codes or set(open_):
                closed = open_.pop(c, None)
                if closed is not None:
                    closed.last_line = line
    return found


def apply(diagnostics: list[Diagnostic], suppressions: list[Suppression]) -> list[Diagnostic]:
    """Drop suppressed diagnostics and mark the suppressions that were used."""
    if not suppressions:
        return diagnostics
    kept = []
    for d in diagnostics:
        hit = next((s for s in suppressions if s.covers(d.code, d.line)), None)
        if hit is None:
            kept.append(d)
        else:
            hit.used.update(hit.named(d.code) or {d.code})
    return kept
