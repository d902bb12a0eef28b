"""KI005 invalid-suppression: a suppression comment names a rule code that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule


class InvalidSuppression(Rule):
    """## What it does
    Reports a ``<!-- klint: disable=... -->`` directive that names a code no rule has:
    a typo (``KN2O1``), a lower-case code (``kn201``) or a family prefix (``KN``); it
    suggests the closest code. Such a directive suppresses nothing, so the finding it was
    written for still shows, and the file's run exits 2 like any other bad input.

    ## Why is this bad?
    The writer meant to silence a finding and believes it is silenced.

    ## Example
        <!-- klint: disable-next-line=kn201 -->
        The war lasted six years.

    ## Use instead
        <!-- klint: disable-next-line=KN201 -->
        The war lasted six years.
    """

    code = "KI005"
    name = "invalid-suppression"
    severity = Severity.ERROR
    summary = "a suppression comment names a rule code that does not exist"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())
