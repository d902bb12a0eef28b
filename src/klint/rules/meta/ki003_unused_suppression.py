"""KI003 unused-suppression: a suppression comment suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class UnusedSuppression(Rule):
    """## What it does
    Reports a ``<!-- klint: disable=... -->`` directive that suppressed nothing
    (opt-in, like ruff's unused-noqa).

    ## Why is this bad?
    A stale suppression hides the next real finding at that place.

    ## Example
        <!-- klint: disable-next-line=KN201 -->
        The war lasted six years.

    ## Use instead
        The war lasted six years.
    """

    code = "KI003"
    name = "unused-suppression"
    severity = Severity.WARNING
    default_enabled = False
    summary = "a suppression comment suppresses nothing"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())
