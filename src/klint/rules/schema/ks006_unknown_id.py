"""KS006 unknown-id: a claims-file constraint or side names an id that is not defined."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from klint.diagnostics import Diagnostic
from klint.rules.base import Context, Rule
from klint.rules.schema._common import in_file, m, valid_sidecar

if TYPE_CHECKING:
    from klint.claimsfile.loader import Sidecar


class UnknownId(Rule):
    """## What it does
    Reports a constraint (or a fact's ``side``) in the claims file that names
    an id no entity, fact or event defines. ``subject`` always names the
    subject's span.

    ## Why is this bad?
    A constraint on an id that does not exist checks nothing; usually the id
    was mistyped or the fact it named was renamed.

    ## Example
        The flood displaced about 12,000 people: 7,000 from the town and 5,000 from the villages.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: displaced, value: 12000, qualifier: about, quote: "displaced about 12,000 people"}
      - {id: town, value: 7000, quote: "7,000 from the town"}
      - {id: villages, value: 5000, quote: "5,000 from the villages"}
    constraints:
      - {id: add-up, kind: sum, total: displaced, parts: [town, vilages]}
    ```

    ## Use instead
        The flood displaced about 12,000 people: 7,000 from the town and 5,000 from the villages.

    With its claims file, `<article>.klint.yaml`:

    ```yaml
    version: 1
    facts:
      - {id: displaced, value: 12000, qualifier: about, quote: "displaced about 12,000 people"}
      - {id: town, value: 7000, quote: "7,000 from the town"}
      - {id: villages, value: 5000, quote: "5,000 from the villages"}
    constraints:
      - {id: add-up, kind: sum, total: displaced, parts: [town, villages]}
    ```
    """

    code = "KS006"
    name = "unknown-id"
    summary = "a claims-file constraint or side names an id that is not defined"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = valid_sidecar(ctx)
        if got is None:
            return
        sc, cf = got
        known = set(cf.index()) | {m.SUBJECT_ID}
        entities = {e.id for e in cf.entities}
        for i, f in enumerate(cf.facts):
            if f.side is not None and f.side not in entities:
                yield self._unknown(
                    sc, ("facts", i, "side"), f.side, sorted(entities), f"fact {f.id!r} has side"
                )
        for i, c in enumerate(cf.constraints):
            for ref in dict.fromkeys(c.refs()):
                if ref in known:
                    continue
                label = f"constraint {c.id!r}" if c.id else f"constraint {i + 1} ({c.kind})"
                pool = sorted(entities) if ref == getattr(c, "side", None) else sorted(known)
                yield self._unknown(sc, _ref_path(c, i, ref), ref, pool, f"{label} names")

    def _unknown(
        self, sc: Sidecar, path: tuple[Any, ...], ref: str, pool: list[str], what: str
    ) -> Diagnostic:
        hint = difflib.get_close_matches(ref, pool, n=1)
        tail = f"; did you mean {hint[0]!r}?" if hint else ""
        return in_file(self, sc, sc.where(*path), f"{what} unknown id {ref!r}{tail}")


def _ref_path(c: m.ConstraintBase, index: int, ref: str) -> tuple[Any, ...]:
    """The data path of the first field of constraint ``index`` that names ``ref``."""
    for name, value in c:
        if value == ref:
            return ("constraints", index, name)
        if isinstance(value, list) and ref in value:
            return ("constraints", index, name, value.index(ref))
    return ("constraints", index)
