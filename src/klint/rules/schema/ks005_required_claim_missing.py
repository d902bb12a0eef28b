"""KS005 required-claim-missing.

The article lacks a claim its type requires (military-conflict, person, ...).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from klint.articletypes import label_matches
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.schema._common import article_type, m, sidecar

if TYPE_CHECKING:
    pass


class RequiredClaimMissing(Rule):
    """## What it does
    Reports a claim that the article's type requires but that neither the
    article's infobox nor its claims file gives: a military conflict without a
    date span, commanders, strength, casualties or result; a person without a
    birth date; an organisation without a founding date. The type comes from
    the claims file's ``subject.type``, else the ``article-type`` setting,
    or front matter. A type only detected from the infobox labels is a guess,
    and a guess is no ground to ask for more: the rule stays quiet then.

    ## Why is this bad?
    Readers expect the basic facts of an article of that kind, and the other
    checks have nothing to check without them.

    ## Example
    ```wikitext
    {{Infobox military conflict
    | conflict    = Battle of Ashford
    | date        = March 1990 – May 1991
    | commander1  = John Smith
    | commander2  = Karl Brown
    | strength1   = 20,000
    | strength2   = 42,000
    | casualties1 = 6,000 dead
    | casualties2 = 11,000 dead
    }}
    The '''Battle of Ashford''' was fought from March 1990 to May 1991.
    ```

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    subject: {type: military-conflict}
    ```

    ## Use instead
    ```wikitext
    {{Infobox military conflict
    | conflict    = Battle of Ashford
    | date        = March 1990 – May 1991
    | result      = Northern victory
    | commander1  = John Smith
    | commander2  = Karl Brown
    | strength1   = 20,000
    | strength2   = 42,000
    | casualties1 = 6,000 dead
    | casualties2 = 11,000 dead
    }}
    The '''Battle of Ashford''' was fought from March 1990 to May 1991.
    ```

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    subject: {type: military-conflict}
    ```
    """

    code = "KS005"
    name = "required-claim-missing"
    severity = Severity.WARNING
    summary = "the article lacks a claim its type requires (military-conflict, person, ...)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        # a type guessed from the infobox's labels is no ground to ask for more
        typed = article_type(ctx, guess=False)
        if typed is None:
            return
        t, how, _ = typed
        sc = sidecar(ctx)
        if sc is not None and sc.problems:
            return  # KS001 first: a broken claims file may hold the missing claim
        cf = sc.model if sc is not None else None
        labels = [r.label for r in ctx.doc.regions_of("infobox_field") if r.label]
        infobox = next(ctx.doc.regions_of("infobox"), None) or next(
            ctx.doc.regions_of("title"), None
        )
        start, end = (infobox.start, infobox.start) if infobox else (0, 0)
        for spec in t.fields:
            if not spec.required or self._present(spec, labels, cf):
                continue
            sources = (
                [f"an infobox field {' or '.join(repr(x) for x in spec.infobox)}"]
                if spec.infobox
                else []
            )
            if spec.counted:
                sources.append(f"a claims-file fact counting {' or '.join(spec.counted)}")
            sources += [f"claims-file {s}" for s in spec.sidecar]
            yield self.diagnostic(
                start,
                end,
                f"{t.name} article ({how}) lacks its {spec.name} ({spec.description.rstrip('.').lower()}); "
                f"expected {', or '.join(sources)}",
                severity=Severity.ERROR,
            )

    @staticmethod
    def _present(spec: Any, labels: list[str], cf: m.ClaimsFile | None) -> bool:
        if any(label_matches(lab, want) for lab in labels for want in spec.infobox):
            return True
        if cf is None:
            return False
        if spec.counted and any(f.counted in spec.counted for f in cf.facts):
            return True
        span = cf.subject.span if cf.subject else None
        checks = {
            "subject.span": span is not None and (span.start is not None or span.end is not None),
            "subject.start": span is not None and span.start is not None,
            "subject.end": span is not None and span.end is not None,
            "entities": bool(cf.entities),
            "events": bool(cf.events),
        }
        return any(checks[s] for s in spec.sidecar)
