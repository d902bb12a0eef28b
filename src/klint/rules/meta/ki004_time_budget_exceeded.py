"""KI004 time-budget-exceeded: a file took longer than the time budget."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class TimeBudget(Rule):
    """## What it does
    Reports a file whose checking took longer than the per-file time budget
    (setting ``time-budget``, seconds); its remaining rules are skipped.

    ## Why is this bad?
    A runaway file must not hang a pre-commit hook or a CI job.

    ## Example
        KI004 checking stopped after 20.0 s (time-budget); 12 rules were skipped

    ## Use instead
    Split the file, or raise ``time-budget`` in the configuration.
    """

    code = "KI004"
    name = "time-budget-exceeded"
    severity = Severity.WARNING
    summary = "a file took longer than the time budget"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())
