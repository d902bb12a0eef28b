"""KI001 internal-error: a rule raised an exception."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic
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
