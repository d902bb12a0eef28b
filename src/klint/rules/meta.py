"""Rules about the run itself: internal errors, unreadable files, unused suppressions.

These are reported by the engine, not by ``check()``; they are registered so
that they can be selected, ignored and explained like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class InternalError(Rule):
    """## What it does
    Reports a rule that raised an exception while checking a file.

    ## Why is this bad?
    A crashing rule checks nothing; the rest of the run goes on, but the run
    exits with status 2 so that CI notices.

    ## Example
        KI001 Rule KN202 (total-mismatch) failed: ZeroDivisionError: division by zero

    ## Use instead
    Report the message and the article to the klint developers.
    """

    code = "KI001"
    name = "internal-error"
    summary = "a rule raised an exception"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())


class ReadError(Rule):
    """## What it does
    Reports a file that could not be read or decoded (binary data, invalid
    UTF-8, a file too large, a broken claims file reference).

    ## Why is this bad?
    klint cannot check what it cannot read; the other files are still checked.

    ## Example
        KI002 not valid UTF-8 at line 3 (byte 41: b'\\xff'); save the file as UTF-8

    ## Use instead
    Save the article as UTF-8 text.
    """

    code = "KI002"
    name = "read-error"
    summary = "a file could not be read or decoded"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())


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


RULES: tuple[type[Rule], ...] = (InternalError, ReadError, UnusedSuppression, TimeBudget)
ENGINE_CODES = frozenset(r.code for r in RULES)
