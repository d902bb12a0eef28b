"""What the KN rules share: how a value is shown, its tolerance bounds, cue words, paragraphs."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import lru_cache

from klint.claims import QuantityClaim
from klint.packcache import per_packs
from klint.packs import Packs
from klint.rules.base import Context


def fmt(v: float | None) -> str:
    """A value as the text would write it: 20,000; 13.62; 0.75."""
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def value(q: QuantityClaim) -> float:
    """The value (low end) of a claim the caller kept because it has one."""
    if q.low is None:
        raise ValueError(f"a quantity without a value: {q.text!r}")
    return q.low


def stated(q: QuantityClaim) -> str:
    """The claim as a reader sees it: “nearly 1,000,000”, “6,000–10,000”."""
    return "\u201c" + " ".join(q.text.split()) + "\u201d"


@per_packs
def _tolerances(packs: Packs) -> tuple[dict[str, tuple[float, float]], re.Pattern[str]]:
    """The widest tolerance of each qualifier kind, and the pack's qualifier words (longest
    first) as a pattern."""
    out: dict[str, tuple[float, float]] = {"exact": (0.0, 0.0), "range": (0.0, 0.0)}
    for q in packs.qualifiers.values():
        below, above = out.get(q.kind, (0.0, 0.0))
        out[q.kind] = (max(below, q.below), max(above, q.above))
    words = sorted(packs.qualifiers, key=len, reverse=True)
    pattern = re.compile(
        "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)", re.IGNORECASE
    )
    return out, pattern


def bounds(ctx: Context, q: QuantityClaim) -> tuple[float, float] | None:
    """The interval the true value lies in, given the claim's qualifier (None: vague)."""
    if q.low is None or q.high is None:
        return None
    widest, words = _tolerances(ctx.packs)
    # the qualifier word that opens the claim sets the tolerance; else the widest of its kind
    m = words.match(q.text) if q.qualifier not in ("exact", "range", "vague") else None
    word = ctx.packs.qualifiers.get(" ".join(m.group().lower().split())) if m else None
    if word is not None and word.kind == q.qualifier:
        below, above = word.below, word.above
    else:
        below, above = widest.get(q.qualifier, (0.0, 0.0))
    lo, hi = min(q.low, q.high), max(q.low, q.high)
    return lo * (1 - min(below, 1.0)), hi * (1 + above)


def rounded(q: QuantityClaim, lo: float, hi: float) -> tuple[float, float]:
    """Widen an exact round figure by the precision it is stated to: "8,000" covers
    7,500–8,500, at most a tenth of its value ("20,000" covers 18,000–22,000)."""
    return round_figure(lo, hi) if q.qualifier == "exact" else (lo, hi)


def round_figure(lo: float, hi: float) -> tuple[float, float]:
    """A single round value (``lo == hi``) widened to its stated precision; else as given."""
    if lo != hi or lo < 100 or not float(lo).is_integer():
        return lo, hi
    zeros = len(str(int(lo))) - len(str(int(lo)).rstrip("0"))
    spread = min(0.5 * 10**zeros, 0.1 * lo) if zeros >= 2 else 0.0
    return lo - spread, hi + spread


def figure_bounds(ctx: Context, q: QuantityClaim) -> tuple[float, float] | None:
    """What a figure allows: its qualifier's tolerance, a round figure's stated precision."""
    b = bounds(ctx, q)
    return None if b is None else rounded(q, *b)


def restated_bounds(
    ctx: Context, q: QuantityClaim, other: QuantityClaim
) -> tuple[float, float] | None:
    """What ``q`` allows when read against its restatement ``other``: one qualifier word before
    both ("over 25,000" and "over 35,000") qualifies one figure, so the figures themselves
    are compared, each to its stated precision."""
    if q.low is None or q.high is None:
        return None
    if q.qualifier != "exact" and qualifier_word(q) == qualifier_word(other):
        return round_figure(min(q.low, q.high), max(q.low, q.high))
    return figure_bounds(ctx, q)


def qualifier_word(q: QuantityClaim) -> str:
    """The words before a claim's first digit ("over", "some", "more than")."""
    head = q.text[: next((i for i, c in enumerate(q.text) if c.isdigit()), 0)]
    return " ".join(head.lower().split())


def line_of(ctx: Context, offset: int) -> int:
    return ctx.doc.position(offset)[0]


def lines_of(ctx: Context, claims: list[QuantityClaim]) -> str:
    """ "line 250" or "lines 118, 119": where a group of claims stands."""
    lines = sorted({line_of(ctx, q.start) for q in claims})
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines))


def sentence_text(ctx: Context, q: QuantityClaim) -> str:
    if q.sentence_start is None or q.sentence_end is None:
        return ctx.doc.view[q.start : q.end]
    return ctx.doc.view[q.sentence_start : q.sentence_end]


@lru_cache(maxsize=4096)
def subject_key(subject: str | None) -> str | None:
    """A subject normalized for matching: "the Republic of Ireland" -> "ireland"."""
    if not subject:
        return None
    s = re.sub(r"['’]s?$", "", subject.strip()).lower()
    s = re.sub(r"^(?:the\s+)?(?:(?:democratic\s+|people's\s+|federal\s+)?republic\s+of\s+)?", "", s)
    return " ".join(s.split()) or None


def paragraphs(ctx: Context) -> list[list[QuantityClaim]]:
    """Body quantities grouped by the region they stand in, in text order."""
    out: list[list[QuantityClaim]]
    if "kn.paras" in ctx.cache:
        out = ctx.cache["kn.paras"]
        return out
    body = [q for q in ctx.claims.quantities if q.source in ("body", "caption")]
    if not body:  # no region need be read
        out = ctx.cache["kn.paras"] = []
        return out
    regions = sorted(
        (r for r in ctx.doc.regions_of("paragraph", "list_item", "caption", "quote")),
        key=lambda r: r.start,
    )
    starts = [r.start for r in regions]
    groups: dict[int, list[QuantityClaim]] = defaultdict(list)
    for q in body:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and regions[i].start <= q.start < regions[i].end:
            groups[i].append(q)
    out = ctx.cache["kn.paras"] = [groups[i] for i in sorted(groups)]
    return out


def tables(ctx: Context) -> list[list[QuantityClaim]]:
    """The quantities of each table's cells, one list a table in text order."""
    out: list[list[QuantityClaim]]
    if "kn.tables" in ctx.cache:
        out = ctx.cache["kn.tables"]
        return out
    by_table: dict[int, list[QuantityClaim]] = defaultdict(list)
    cells = [q for q in ctx.claims.quantities if q.source == "table" and q.low is not None]
    starts = sorted(r.start for r in ctx.doc.regions_of("table")) if cells else []
    for q in cells:
        i = bisect.bisect_right(starts, q.start) - 1
        by_table[max(i, 0)].append(q)
    out = ctx.cache["kn.tables"] = list(by_table.values())
    return out


def total_row(ctx: Context, q: QuantityClaim) -> bool:
    """Whether a table cell is in a row the pack names a total ("Total", "Sum")."""
    names: set[str] | None = ctx.cache.get("kn.total_rows")
    if names is None:
        names = ctx.cache["kn.total_rows"] = {n.lower() for n in ctx.packs.numbers.total_rows}
    return (q.row or "").strip().lower().rstrip(":") in names
