"""What the KS rules share: the claims file, its quotes' anchors, findings placed in the file."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from klint.articletypes import ArticleType, article_types, detect
from klint.diagnostics import Diagnostic, Related, Severity
from klint.rules.base import Context, Rule

if TYPE_CHECKING:
    from klint.claimsfile.loader import Pos, Sidecar


def _lazy(name: str) -> ModuleType:
    """Module ``name``, run at its first attribute use (``importlib.util.LazyLoader``).

    Only an article with a claims file needs the claims-file modules (and pydantic
    under them); every other article is checked without loading them.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:  # the type checker reads the modules themselves (re-exported: "x as x")
    from klint.claimsfile import anchor as anchor
    from klint.claimsfile import dates as claim_dates
    from klint.claimsfile import evaluate as evaluate
    from klint.claimsfile import models as m
else:
    anchor = _lazy("klint.claimsfile.anchor")
    m = _lazy("klint.claimsfile.models")
    evaluate = _lazy("klint.claimsfile.evaluate")
    claim_dates = _lazy("klint.claimsfile.dates")


def sidecar(ctx: Context) -> Sidecar | None:
    return ctx.sidecar


def valid_sidecar(ctx: Context) -> tuple[Sidecar, m.ClaimsFile] | None:
    sc = sidecar(ctx)
    return (sc, sc.model) if sc is not None and sc.model is not None else None


def excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def in_file(
    rule: Rule,
    sc: Sidecar,
    pos: Pos,
    message: str,
    severity: Severity | None = None,
    related: list[Related] | None = None,
) -> Diagnostic:
    """A diagnostic located in the claims file (the engine leaves located diagnostics alone)."""
    d = rule.diagnostic(0, 0, message, severity=severity)
    d.path = sc.path
    d.line, d.column, d.end_line, d.end_column = pos
    d.related = related or []
    d.fingerprint = hashlib.sha256(
        f"{d.code}\x1f{Path(sc.path).name}\x1f{message}".encode()
    ).hexdigest()[:16]
    return d


def related_in_file(sc: Sidecar, pos: Pos, message: str) -> Related:
    return Related(
        0, 0, message, path=sc.path, line=pos[0], column=pos[1], end_line=pos[2], end_column=pos[3]
    )


def anchored(cf: m.ClaimsFile) -> Iterator[tuple[str, str, int | None, m.Anchored]]:
    """(id, section, index, item) of everything that may carry a quote."""
    if cf.subject is not None:
        yield m.SUBJECT_ID, "subject", None, cf.subject
    for section in ("facts", "events"):
        for i, item in enumerate(getattr(cf, section)):
            yield item.id, section, i, item


def quote_anchors(ctx: Context, cf: m.ClaimsFile) -> dict[str, anchor.Anchor | None]:
    """Where each quote is in the article (memoized per document)."""
    if "ks.anchors" not in ctx.cache:
        ctx.cache["ks.anchors"] = {
            ident: anchor.find(ctx.doc, item.quote, item.field, ctx.packs)
            for ident, _, _, item in anchored(cf)
            if item.quote
        }
    found: dict[str, anchor.Anchor | None] = ctx.cache["ks.anchors"]
    return found


def data_path(section: str, index: int | None, *rest: Any) -> tuple[Any, ...]:
    return (section, *rest) if index is None else (section, index, *rest)


def article_type(ctx: Context, guess: bool = True) -> tuple[ArticleType, str, bool] | None:
    """The article's type, how it was found, and whether it was declared (not detected);
    without ``guess``, only a declared type (the infobox's labels are not read)."""
    types = article_types()
    sc = sidecar(ctx)
    declared = sc.model.subject.type if sc and sc.model and sc.model.subject else None
    if declared:
        return (
            (types[declared], "type declared by the claims file's subject.type", True)
            if declared in types
            else None
        )
    if ctx.config.article_type:
        t = types.get(ctx.config.article_type)
        return (t, "type set by the article-type setting", True) if t else None
    if not guess:
        return None
    labels = [r.label for r in ctx.doc.regions_of("infobox_field") if r.label]
    found = detect(labels)
    if found is None:
        return None
    t, hits = found
    return t, f"type detected from the infobox labels {', '.join(hits)}", False
