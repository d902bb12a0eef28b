"""KS002 quote-not-found: a claims-file quote is no longer in the article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from klint.diagnostics import Diagnostic
from klint.rules.base import Context, Rule
from klint.rules.schema._common import (
    anchored,
    data_path,
    excerpt,
    in_file,
    m,
    quote_anchors,
    valid_sidecar,
)

if TYPE_CHECKING:
    pass


class QuoteNotFound(Rule):
    """## What it does
    Reports a fact, event or subject in the claims file whose ``quote`` is no
    longer in the article, not even with its numbers and dates changed: the
    sentence that stated it was deleted or rewritten. Reported at the quote in
    the claims file.

    ## Why is this bad?
    The claims file says the article states a fact, but the article no longer
    does; the fact can no longer be checked, and the article may have lost it.

    ## Example
        The Mill Bridge was opened in the spring of 1994.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    events:
      - {id: opening, date: 1994-05-01, quote: "The Mill Bridge opened on 1 May 1994"}
    ```

    ## Use instead
        The Mill Bridge opened on 1 May 1994.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    events:
      - {id: opening, date: 1994-05-01, quote: "The Mill Bridge opened on 1 May 1994"}
    ```
    """

    code = "KS002"
    name = "quote-not-found"
    summary = "a claims-file quote is no longer in the article"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = valid_sidecar(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = quote_anchors(ctx, cf)
        for ident, section, index, item in anchored(cf):
            if item.quote and anchors.get(ident) is None:
                where = f" (in the infobox field {item.field!r})" if item.field else ""
                what = "the subject" if ident == m.SUBJECT_ID else f"{section[:-1]} {ident!r}"
                yield in_file(
                    self,
                    sc,
                    sc.where(*data_path(section, index, "quote")),
                    f"quote of {what} is not in {Path(ctx.doc.path).name}{where}: "
                    f"\u201c{excerpt(item.quote)}\u201d; the text was edited, update the quote or the article",
                )
