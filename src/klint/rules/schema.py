"""KS rules: the claims file (``<article>.klint.yaml``) and article-type schemas.

KS001, KS002 and KS006 point into the claims file (they set the diagnostic's
path and position themselves); KS003, KS004 and KS005 point into the article,
with the claims-file entry as a related location.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from klint.articletypes import ArticleType, article_types, detect, label_matches
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


anchor = _lazy("klint.claimsfile.anchor")
m = _lazy("klint.claimsfile.models")
evaluate = _lazy("klint.claimsfile.evaluate")
claim_dates = _lazy("klint.claimsfile.dates")


def _sidecar(ctx: Context) -> Sidecar | None:
    return ctx.sidecar


def _valid(ctx: Context) -> tuple[Sidecar, m.ClaimsFile] | None:
    sc = _sidecar(ctx)
    return (sc, sc.model) if sc is not None and sc.model is not None else None


def _excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _in_file(
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


def _related_in_file(sc: Sidecar, pos: Pos, message: str) -> Related:
    return Related(
        0, 0, message, path=sc.path, line=pos[0], column=pos[1], end_line=pos[2], end_column=pos[3]
    )


def _anchored(cf: m.ClaimsFile) -> Iterator[tuple[str, str, int | None, m.Anchored]]:
    """(id, section, index, item) of everything that may carry a quote."""
    if cf.subject is not None:
        yield m.SUBJECT_ID, "subject", None, cf.subject
    for section in ("facts", "events"):
        for i, item in enumerate(getattr(cf, section)):
            yield item.id, section, i, item


def _anchors(ctx: Context, cf: m.ClaimsFile) -> dict[str, anchor.Anchor | None]:
    """Where each quote is in the article (memoized per document)."""
    if "ks.anchors" not in ctx.cache:
        ctx.cache["ks.anchors"] = {
            ident: anchor.find(ctx.doc, item.quote, item.field, ctx.packs)
            for ident, _, _, item in _anchored(cf)
            if item.quote
        }
    return ctx.cache["ks.anchors"]


def _path(section: str, index: int | None, *rest: Any) -> tuple[Any, ...]:
    return (section, *rest) if index is None else (section, index, *rest)


def _inside(claims: list[Any], a: anchor.Anchor) -> list[Any]:
    """The claims (sorted by start, as extracted) that lie inside the anchor's span."""
    i = bisect.bisect_left(claims, a.start, key=lambda c: c.start)
    out = []
    while i < len(claims) and claims[i].start < a.end:
        if claims[i].end <= a.end:
            out.append(claims[i])
        i += 1
    return out


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
        facts:
          - id: refugees-total
            vaule: 1000000        # unknown key 'vaule'; did you mean 'value'?
        events:
          - id: ceasefire
            date: 1994-13-01      # month 13 is not between 1 and 12

    ## Use instead
        facts:
          - id: refugees-total
            value: 1000000
        events:
          - id: ceasefire
            date: 1994-05-12
    """

    code = "KS001"
    name = "claims-file-invalid"
    summary = "the claims file is not valid YAML or does not match its schema"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        sc = _sidecar(ctx)
        if sc is None:
            return
        for p in sc.problems:
            yield _in_file(self, sc, (p.line, p.column, p.end_line, p.end_column), p.message)
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
                yield _in_file(
                    self,
                    sc,
                    sc.where("subject", "type"),
                    f"subject.type: unknown article type {name!r}{tail}",
                )
        if sc.model is not None:
            for i, c in enumerate(sc.model.constraints):
                problem = _kind_mismatch(c, sc.model)
                if problem:
                    yield _in_file(
                        self, sc, sc.where("constraints", i, "kind"), f"constraints[{i}]: {problem}"
                    )


def _kind_mismatch(c: m.ConstraintBase, cf: m.ClaimsFile) -> str | None:
    """Why a constraint names the wrong kind of item (a fact where it needs a date), or None."""
    index: dict[str, Any] = dict(cf.index())
    if cf.subject is not None:
        index[m.SUBJECT_ID] = cf.subject
    items = {r: index[r] for r in c.refs() if r in index}  # unknown ids are KS006's
    facts = {r for r, x in items.items() if isinstance(x, m.Fact)}
    timed = set(items) - facts
    kind = c.kind  # type: ignore[attr-defined]
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
        # nagorno-karabakh-war.klint.yaml; the article no longer has this sentence
        - id: refugees-total
          value: 1000000
          quote: Refugees displaced from the fighting account to nearly one million people

    ## Use instead
    Restore the sentence, or update the quote to the article's new wording.
    """

    code = "KS002"
    name = "quote-not-found"
    summary = "a claims-file quote is no longer in the article"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = _valid(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = _anchors(ctx, cf)
        for ident, section, index, item in _anchored(cf):
            if item.quote and anchors.get(ident) is None:
                where = f" (in the infobox field {item.field!r})" if item.field else ""
                what = "the subject" if ident == m.SUBJECT_ID else f"{section[:-1]} {ident!r}"
                yield _in_file(
                    self,
                    sc,
                    sc.where(*_path(section, index, "quote")),
                    f"quote of {what} is not in {Path(ctx.doc.path).name}{where}: "
                    f"\u201c{_excerpt(item.quote)}\u201d; the text was edited, update the quote or the article",
                )


class ValueDrift(Rule):
    """## What it does
    Reports a fact or event whose quote is still in the article but whose
    number or date there now differs from the value in the claims file: the
    article was edited (or the claims file was mistyped). The message gives the
    old and the new value; the related location is the value in the claims file.

    ## Why is this bad?
    A curated fact silently disagrees with the text it was taken from; one of
    the two is wrong.

    ## Example
        # claims file: value 6000, quote "6,000 dead" (field Casualties 1)
        Casualties and losses
        6,500 dead,

    ## Use instead
        Casualties and losses
        6,000 dead,
    """

    code = "KS003"
    name = "value-drift"
    summary = "a quoted number or date in the article differs from the claims file"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = _valid(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = _anchors(ctx, cf)
        for ident, section, index, item in _anchored(cf):
            a = anchors.get(ident)
            if a is None or not item.quote:
                continue
            if isinstance(item, m.Fact):
                yield from self._fact(ctx, sc, item, index, a)
            else:
                yield from self._dates(ctx, sc, ident, section, index, item, a)

    def _fact(
        self, ctx: Context, sc: Sidecar, f: m.Fact, index: int | None, a: anchor.Anchor
    ) -> Iterator[Diagnostic]:
        span = ctx.doc.view[a.start : a.end]
        found = anchor.numbers_in(span, ctx.packs)
        if not found:
            return
        values = {v for v, _, _ in found}
        for q in _inside(ctx.claims.quantities, a):
            values |= {x for x in (q.low, q.high) if x is not None}
        wanted = list(f.range) if f.range is not None else [f.value]
        if all(any(abs(w - v) <= 1e-9 * max(1.0, abs(w)) for v in values) for w in wanted):  # type: ignore[operator]
            return
        old = wanted[0]
        in_quote = [v for v, _, _ in anchor.numbers_in(f.quote or "", ctx.packs)]
        k = next(
            (i for i, v in enumerate(in_quote) if abs(v - old) <= 1e-9 * max(1.0, abs(old))), None
        )  # type: ignore[operator]
        if k is not None and len(in_quote) == len(found):
            new, s, e = found[k]
        else:
            new, s, e = found[0]
        stated = " to ".join(evaluate.fmt(w) for w in wanted)  # type: ignore[arg-type]
        where = "now says" if not a.exact else "says"
        d = self.diagnostic(
            a.start + s,
            a.start + e,
            f"fact {f.id!r} is {stated} in the claims file, but the article {where} {evaluate.fmt(new)}: "
            f"\u201c{_excerpt(span)}\u201d",
        )
        d.related = [
            _related_in_file(
                sc,
                sc.where(*_path("facts", index, "range" if f.range else "value")),
                f"claims-file value {stated}",
            )
        ]
        yield d

    def _dates(
        self,
        ctx: Context,
        sc: Sidecar,
        ident: str,
        section: str,
        index: int | None,
        item: m.Anchored,
        a: anchor.Anchor,
    ) -> Iterator[Diagnostic]:
        if isinstance(item, m.Event):
            wanted = [(k, getattr(item, k)) for k in ("date", "start", "end") if getattr(item, k)]
        elif isinstance(item, m.Subject) and item.span is not None:
            wanted = [
                (f"span.{k}", getattr(item.span, k))
                for k in ("start", "end")
                if getattr(item.span, k)
            ]
        else:
            return
        span = ctx.doc.view[a.start : a.end]
        found = anchor.dates_in(span)
        if not found:
            return
        extracted = [(d.earliest, d.latest) for d in _inside(ctx.claims.dates, a)]
        for key, value in wanted:
            if (
                any(anchor.date_agrees(p, value) for p, _, _ in found)
                or claim_dates.bounds(value) in extracted
            ):
                continue
            parts, s, e = found[0] if len(wanted) == 1 or key != "end" else found[-1]
            what = "the subject" if ident == m.SUBJECT_ID else f"{section[:-1]} {ident!r}"
            d = self.diagnostic(
                a.start + s,
                a.start + e,
                f"{what} has {key} {value} in the claims file, but the article "
                f"{'now says' if not a.exact else 'says'} {anchor.show_date(parts)}: \u201c{_excerpt(span)}\u201d",
            )
            d.related = [
                _related_in_file(
                    sc,
                    sc.where(*_path(section, index, *key.split("."))),
                    f"claims-file {key} {value}",
                )
            ]
            yield d


def _article_type(ctx: Context) -> tuple[ArticleType, str, bool] | None:
    """The article's type, how it was found, and whether it was declared (not detected)."""
    types = article_types()
    sc = _sidecar(ctx)
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
    labels = [r.label for r in ctx.doc.regions_of("infobox_field") if r.label]
    found = detect(labels)
    if found is None:
        return None
    t, hits = found
    return t, f"type detected from the infobox labels {', '.join(hits)}", False


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
        Refugees displaced from the fighting account to nearly one million people.
        An estimated 400,000 Armenians ... a further 30,000 came from Karabakh ...
        An estimated 800,000 Azeris were displaced.
        # claims file: {kind: sum, total: refugees-total, parts: [...]}

    ## Use instead
        Refugees displaced from the fighting account to over one million people.
    """

    code = "KS004"
    name = "constraint-violated"
    summary = "the claims file's facts break a declared or article-type constraint"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = _valid(ctx)
        if got is None:
            return
        sc, cf = got
        anchors = _anchors(ctx, cf)
        ev = evaluate.Evaluator(cf, ctx.packs)
        typed = _article_type(ctx)
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
                    _related_in_file(sc, sc.where("constraints", v.constraint), "the constraint")
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
                yield _in_file(self, sc, pos, message, severity, related)
                continue
            d = self.diagnostic(first[1].start, first[1].end, message, severity=severity)
            d.related = related
            yield d


class RequiredClaimMissing(Rule):
    """## What it does
    Reports a claim that the article's type requires but that neither the
    article's infobox nor its claims file gives: a military conflict without a
    date span, commanders, strength, casualties or result; a person without a
    birth date; an organisation without a founding date. The type comes from
    the claims file's ``subject.type``, else the ``article-type`` setting,
    else detection from the infobox (at least two of the labels Commanders,
    Strength, Casualties mean a military conflict; Born or Died a person;
    two of Founded, Headquarters, Dissolved an organisation). Findings on a
    detected type are warnings.

    ## Why is this bad?
    Readers expect the basic facts of an article of that kind, and the other
    checks have nothing to check without them.

    ## Example
        Date 1988–1994
        Commanders 1 ...
        Strength 20,000 42,000
        # no Casualties field, no casualty facts in the claims file

    ## Use instead
        Casualties and losses
        6,000 dead, 25,000 wounded
    """

    code = "KS005"
    name = "required-claim-missing"
    severity = Severity.WARNING
    summary = "the article lacks a claim its type requires (military-conflict, person, ...)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        typed = _article_type(ctx)
        if typed is None:
            return
        t, how, declared = typed
        sc = _sidecar(ctx)
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
                severity=Severity.ERROR if declared else Severity.WARNING,
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


class UnknownId(Rule):
    """## What it does
    Reports a constraint (or a fact's ``side``) in the claims file that names
    an id no entity, fact or event defines. ``subject`` always names the
    subject's span.

    ## Why is this bad?
    A constraint on an id that does not exist checks nothing; usually the id
    was mistyped or the fact it named was renamed.

    ## Example
        constraints:
          - {kind: sum, total: refugees-totl, parts: [refugees-armenians, refugees-azeris]}

    ## Use instead
        constraints:
          - {kind: sum, total: refugees-total, parts: [refugees-armenians, refugees-azeris]}
    """

    code = "KS006"
    name = "unknown-id"
    summary = "a claims-file constraint or side names an id that is not defined"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        got = _valid(ctx)
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
                label = f"constraint {c.id!r}" if c.id else f"constraint {i + 1} ({c.kind})"  # type: ignore[attr-defined]
                pool = sorted(entities) if ref == getattr(c, "side", None) else sorted(known)
                yield self._unknown(sc, _ref_path(c, i, ref), ref, pool, f"{label} names")

    def _unknown(
        self, sc: Sidecar, path: tuple[Any, ...], ref: str, pool: list[str], what: str
    ) -> Diagnostic:
        hint = difflib.get_close_matches(ref, pool, n=1)
        tail = f"; did you mean {hint[0]!r}?" if hint else ""
        return _in_file(self, sc, sc.where(*path), f"{what} unknown id {ref!r}{tail}")


def _ref_path(c: m.ConstraintBase, index: int, ref: str) -> tuple[Any, ...]:
    """The data path of the first field of constraint ``index`` that names ``ref``."""
    for name, value in c:
        if value == ref:
            return ("constraints", index, name)
        if isinstance(value, list) and ref in value:
            return ("constraints", index, name, value.index(ref))
    return ("constraints", index)


RULES: tuple[type[Rule], ...] = (
    ClaimsFileInvalid,
    QuoteNotFound,
    ValueDrift,
    ConstraintViolated,
    RequiredClaimMissing,
    UnknownId,
)
