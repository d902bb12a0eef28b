"""KI002 read-error: a file could not be read or decoded."""

from __future__ import annotations

from collections.abc import Iterator

from klint.diagnostics import Diagnostic
from klint.rules.base import Context, Rule


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
