"""KI004 time-budget-exceeded: a file took longer than the time budget."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class TimeBudget(Rule):
    """## What it does
    Reports a file whose checking took longer than the per-file time budget
    (setting ``time-budget``, seconds): the extraction or rule running then is stopped
    where it is, and the remaining rules are skipped (where no alarm can be set, on
    Windows or outside a program's main thread, the budget is read between rules). The
    findings made before it stand; the other files are checked as usual.

    ## Why is this bad?
    A runaway file must not hang a pre-commit hook or a CI job.

    ## Example
        KI004 checking stopped after 20 s (time-budget) in KD110 (attribute-date-conflict); 45 rules were skipped

    ## Use instead
    Split the file, or raise ``time-budget`` in the configuration.
    """

    code = "KI004"
    name = "time-budget-exceeded"
    severity = Severity.WARNING
    summary = "a file took longer than the time budget"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())
