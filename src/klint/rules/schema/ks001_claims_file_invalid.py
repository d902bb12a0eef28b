"""KS001 claims-file-invalid: the claims file is not valid YAML or does not match its schema."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from klint.articletypes import article_types
from klint.diagnostics import Diagnostic
from klint.rules.base import Context, Rule
from klint.rules.schema._common import in_file, m, sidecar

if TYPE_CHECKING:
    pass


class ClaimsFileInvalid(Rule):
    """## What it does
    Reports a claims file (``<article>.klint.yaml`` beside the article, or the
    front matter of a Markdown article) that is not valid: YAML syntax errors,
    tabs used for indentation, unknown keys, wrong types, impossible dates,
    duplicate ids, unknown article types, and YAML aliases that expand without
    bound. Each problem is reported at its line and column in the claims file.
    Only plain YAML data is read; nothing in the file is ever executed.

    ## Why is this bad?
    An invalid claims file checks nothing: none of its facts, quotes or
    constraints are used until it is fixed.

    ## Example
        The Mill Bridge opened on 1 May 1994 and carries 12,000 cars a day.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: traffic, vaule: 12000, quote: "12,000 cars a day"}  # unknown key 'vaule'
    events:
      - {id: opening, date: 1994-13-01, quote: "opened on 1 May 1994"}  # no month 13
    ```

    ## Use instead
        The Mill Bridge opened on 1 May 1994 and carries 12,000 cars a day.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: traffic, value: 12000, quote: "12,000 cars a day"}
    events:
      - {id: opening, date: 1994-05-01, quote: "opened on 1 May 1994"}
    ```
    """

    code = "KS001"
    name = "claims-file-invalid"
    summary = "the claims file is not valid YAML or does not match its schema"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        sc = sidecar(ctx)
        if sc is None:
            return
        for p in sc.problems:
            yield in_file(self, sc, (p.line, p.column, p.end_line, p.end_column), p.message)
        if sc.model is not None and sc.model.subject is not None and sc.model.subject.type:
            name = sc.model.subject.type
            known = article_types()
            if name not in known:
                hint = difflib.get_close_matches(name, list(known), n=1)
                tail = (
                    f"; did you mean {hint[0]!r}?"
                    if hint
                    else f"; known types: {', '.join(sorted(known))}"
                )
                yield in_file(
                    self,
                    sc,
                    sc.where("subject", "type"),
                    f"subject.type: unknown article type {name!r}{tail}",
                )
        if sc.model is not None:
            for i, c in enumerate(sc.model.constraints):
                problem = _kind_mismatch(c, sc.model)
                if problem:
                    yield in_file(
                        self, sc, sc.where("constraints", i, "kind"), f"constraints[{i}]: {problem}"
                    )


def _kind_mismatch(c: m.Constraint, cf: m.ClaimsFile) -> str | None:
    """Why a constraint names the wrong kind of item (a fact where it needs a date), or None."""
    index: dict[str, Any] = dict(cf.index())
    if cf.subject is not None:
        index[m.SUBJECT_ID] = cf.subject
    items = {r: index[r] for r in c.refs() if r in index}  # unknown ids are KS006's
    facts = {r for r, x in items.items() if isinstance(x, m.Fact)}
    timed = set(items) - facts
    kind = c.kind
    if isinstance(c, m.Sum) and timed:
        return f"{kind} adds up facts, but {', '.join(sorted(timed))} is not a fact"
    if isinstance(c, m.Before | m.After | m.Contemporary) and facts:
        return f"{kind} compares dates, but {', '.join(sorted(facts))} is a fact"
    if isinstance(c, m.Equal | m.DifferenceWithinRange) and facts and timed:
        return f"{kind} needs all facts or all dated items, not both"
    if isinstance(c, m.Range):
        if c.within is not None and (c.of in facts or c.within in facts):
            return "range with 'within' needs dated items (events, entities or subject)"
        if (c.min is not None or c.max is not None) and c.of in timed:
            return "range with min/max needs a fact; use 'within' for a date"
    return None
