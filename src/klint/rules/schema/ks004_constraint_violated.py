"""KS004 constraint-violated.

The claims file's facts break a declared or article-type constraint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from klint.diagnostics import Diagnostic, Related, Severity
from klint.rules.base import Context, Rule
from klint.rules.schema._common import (
    article_type,
    evaluate,
    in_file,
    quote_anchors,
    related_in_file,
    valid_sidecar,
)

if TYPE_CHECKING:
    pass


class ConstraintViolated(Rule):
    """## What it does
    Checks the constraints on the claims file's facts and events: those it
    declares (``before``/``after`` with an optional gap, ``sum``, ``equal``,
    ``range``, ``difference-within-range``, ``contemporary``,
    ``single-value``) and those of the article's type (a war's events fall
    inside its span; a side's dead do not exceed its strength). Values are
    intervals: "nearly one million" allows 900,000 to 1,000,000, "1994-05"
    any day of May 1994; a constraint is violated only if no reading satisfies
    it. Reported at the article's quote, with the other quotes and the
    constraint as related locations. Constraints that are hints, not laws,
    are warnings.

    ## Why is this bad?
    The article states numbers or dates that cannot all be true.

    ## Example
        The flood displaced nearly 10,000 people. Some 7,000 came from the town and 5,000 from the villages.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: displaced, value: 10000, qualifier: nearly, quote: "displaced nearly 10,000 people"}
      - {id: town, value: 7000, qualifier: about, quote: "Some 7,000 came from the town"}
      - {id: villages, value: 5000, quote: "5,000 from the villages"}
    constraints:
      - {id: add-up, kind: sum, total: displaced, parts: [town, villages]}
    ```

    ## Use instead
        The flood displaced about 12,000 people. Some 7,000 came from the town and 5,000 from the villages.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: displaced, value: 12000, qualifier: about, quote: "displaced about 12,000 people"}
      - {id: town, value: 7000, qualifier: about, quote: "Some 7,000 came from the town"}
      - {id: villages, value: 5000, quote: "5,000 from the villages"}
    constraints:
      - {id: add-up, kind: sum, total: displaced, parts: [town, villages]}
    ```
    """

    code = "KS004"
    name = "constraint-violated"
    summary = "the claims file's facts break a declared or article-type constraint"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = valid_sidecar(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = quote_anchors(ctx, cf)
        ev = evaluate.Evaluator(cf, ctx.packs)
        typed = article_type(ctx)
        violations = list(ev.declared()) + (list(ev.typed(typed[0])) if typed else [])
        for v in violations:
            severity = Severity(v.severity) if v.severity else None
            label = cf.constraints[v.constraint].id if v.constraint is not None else None
            message = f"constraint {label!r}: {v.message}" if label else v.message
            places = [(i, anchors.get(i)) for i in v.ids]
            related: list[Related] = []
            for i, a in places[1:]:
                if a is not None:
                    related.append(Related(a.start, a.end, f"{i} stated here"))
            if v.constraint is not None:
                related.append(
                    related_in_file(sc, sc.where("constraints", v.constraint), "the constraint")
                )
            first = next(((i, a) for i, a in places if a is not None), None)
            lines = [
                f"{i} at line {ctx.doc.position(a.start)[0]}"
                for i, a in places
                if a is not None and (i, a) != first
            ]
            if lines:
                message += f" ({', '.join(lines)})"
            if (
                first is None
            ):  # nothing of it is quoted: report at the constraint (or the first id) in the claims file
                pos = (
                    sc.where("constraints", v.constraint)
                    if v.constraint is not None
                    else sc.locate_id(v.ids[0])
                )
                yield in_file(self, sc, pos, message, severity, related)
                continue
            d = self.diagnostic(first[1].start, first[1].end, message, severity=severity)
            d.related = related
            yield d
