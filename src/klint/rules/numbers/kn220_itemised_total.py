"""KN220 itemised-total.

A total, then its parts stated item by item in the sentences or list items after it: the
parts may not add up to more, nor, when a count of the groups says the list is complete,
to less.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from klint import lazyre
from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import bounds, fmt, lines_of, sentence_text, stated
from klint.text.words import has_cue

# the word after a bare count that says what it counts: "33 built", "12 sold"
_VERB_AFTER = lazyre.compile(
    r"\s+(built|made|produced|sold|delivered|completed|ordered|converted|lost|killed|"
    r"captured|launched|manufactured)\b"
)
# a label before a total: "Number of aircraft built: 44"
_LABEL = lazyre.compile(r"([^\n:.;]{3,80}):\s*$")
_YEAR = lazyre.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# a number joined to its noun by a hyphen: "33-yard", "four-man", "three-cent"
_COMPOUND = lazyre.compile(r"[-\u2010\u2011][^\W\d_]")
# a part that is only some of a group: "of whom 30", "including 12", "a further 20"
_SOME = lazyre.compile(
    r"\b(?:of\s+whom|of\s+which|of\s+them|including|among\s+them|a\s+further|another|"
    r"more\s+than|over|at\s+least|up\s+to)\s+$",
    re.IGNORECASE,
)
_MAX_FIRST = 700  # characters from the total to its first part
_MAX_GAP = 300  # characters between two parts


@dataclass(frozen=True, slots=True)
class _Count:
    q: QuantityClaim
    key: str
    low: float
    high: float
    region: int  # index of its paragraph or list item
    listed: bool  # it stands in a list item
    section: int  # index of the heading that opens its section
    elided: bool = False  # a bare number that leaves its noun to the part before it


def _key(ctx: Context, q: QuantityClaim) -> str | None:
    """What a count counts: its noun ("eleven gliders"), else the verb after it ("33
    built"), else the last word of the label before it ("Number of aircraft built: 44")."""
    if q.counted not in (None, "total"):
        return q.counted
    view = ctx.doc.view
    m = _VERB_AFTER.match(view, q.number_end or q.end)
    if m:
        return str(m.group(1))
    label = _LABEL.search(view, max(0, q.start - 90), q.start)
    if label:
        words: list[str] = re.findall(r"[a-z]+", label.group(1).lower())
        if words and _VERB_AFTER.fullmatch(" " + words[-1]):
            return words[-1]
    return None


def _counts(ctx: Context) -> list[_Count]:
    regions = sorted(
        ctx.doc.regions_of("paragraph", "list_item", "caption", "quote"), key=lambda r: r.start
    )
    starts = [r.start for r in regions]
    out = []
    for q in sorted(ctx.claims.quantities, key=lambda q: q.start):
        if (
            q.source not in ("body", "caption")
            or q.unit != "count"
            or q.low is None
            or q.qualifier in ("vague", "range")
            or q.split
            or not float(q.low).is_integer()
            or _COMPOUND.match(ctx.doc.view, q.number_end or q.end)
        ):
            continue  # "a 33-yard field goal", "the three-cent coin": a kind, not a count
        key = _key(ctx, q)
        b = bounds(ctx, q)
        k = bisect.bisect_right(starts, q.start) - 1
        if key is not None and b is not None and k >= 0:
            r = regions[k]
            out.append(_Count(q, key, b[0], b[1], k, r.kind == "list_item", r.section))
    return sorted([*out, *_elided(ctx, out)], key=lambda c: c.q.start)


# a bare number after a part that leaves the noun to it: ", the group from Nimes 300"
_ELIDED = lazyre.compile(
    r"([^.;:\d()]{1,60}?)(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:[,.;]|and\b))"
)


def _elided(ctx: Context, counts: list[_Count]) -> list[_Count]:
    """Bare numbers that continue a counted part in its sentence, each after a comma or
    "and" and a few words ("the first had 400 soldiers, the second 300 and the third
    150"): parts of the same noun."""
    view = ctx.doc.view
    taken = sorted((c.start, c.end) for c in [*ctx.claims.quantities, *ctx.claims.dates])
    starts = [a for a, _ in taken]
    out = []
    for c in counts:
        pos, end = c.q.end, c.q.sentence_end or c.q.end
        while (m := _ELIDED.match(view, pos, end)) is not None:
            gap = m.group(1)
            k = bisect.bisect_right(starts, m.start(2)) - 1
            if (
                not re.search(r",|\band\b", gap)
                or len(gap.split()) > 8
                or (k >= 0 and taken[k][0] <= m.start(2) < taken[k][1])
                or any(m.start(2) <= a < m.end(2) for a in starts[k + 1 : k + 2])
            ):
                break
            v = float(m.group(2).replace(",", ""))
            q = QuantityClaim(
                start=m.start(2),
                end=m.end(2),
                text=m.group(2),
                low=v,
                high=v,
                counted=c.key,
                sentence_start=c.q.sentence_start,
                sentence_end=c.q.sentence_end,
            )
            out.append(_Count(q, c.key, v, v, c.region, c.listed, c.section, True))
            pos = m.end(2)
    return out


class ItemisedTotal(Rule):
    """## What it does
    Reports a total and the parts stated after it item by item, in the next sentences,
    clauses or list items, that do not add up: "forty-two gliders took off. ... Group
    Granite, eighty-five men in eleven gliders; Group Steel, ninety-two men in nine
    gliders; ...", "Number built: 44" and "Prototype: three built; Mark I: 33 built;
    Mark II: 29 built", "The 900 soldiers came in three groups. The first had 400
    soldiers, the second 300 soldiers and the third 150 soldiers". A part counts the
    same thing as the total (the same noun, or the same verb: "built", "sold"). The
    parts may not add up to more than the total; to less only when a count of the
    groups between them ("three groups", "four assault groups") says every group is
    listed. An infobox total named by such a verb ("number built = 44") is checked
    against the items of each section that count by it, for more only. Parts of another time (a year the total's sentence does not name), parts
    introduced as some ("of whom", "including", "a further"), a total qualified as a
    bound ("over 900") and a number joined to its noun as a modifier, which names a kind
    ("a 33-yard field goal", "the four-man event", "the three-cent coin"), are left alone; a total and its parts in one sentence are KN202's.

    ## Why is this bad?
    The parts of a whole cannot add up to more than it, nor all its listed groups to
    less; the total or one of the parts is wrong.

    ## Example
        The 900 soldiers came in three groups. The first had 400 soldiers, the second 300 soldiers and the third 150 soldiers.
        Number of aircraft built: 44. Prototype: three built; Mark I: 33 built; Mark II: 29 built.

    ## Use instead
        The 900 soldiers came in three groups. The first had 450 soldiers, the second 300 soldiers and the third 150 soldiers.
        Number of aircraft built: 65. Prototype: three built; Mark I: 33 built; Mark II: 29 built.
    """

    code = "KN220"
    name = "itemised-total"
    severity = Severity.WARNING
    default_enabled = False
    summary = "a total against the parts stated after it item by item, in other sentences or items (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        counts = _counts(ctx)
        yield from self._infobox_totals(ctx, counts)
        used: set[int] = set()
        for i, total in enumerate(counts):
            if total.elided or total.q.start in used or total.q.qualifier in ("over", "at-least"):
                continue
            parts = self._parts(ctx, total, counts[i + 1 :])
            if len(parts) < 2:
                continue
            used.update(p.q.start for p in parts)
            complete = self._complete(ctx, total, parts)
            if not (complete or self._totalled(ctx, total)):
                continue  # an earlier count of the same noun, not stated as the whole
            low = sum(p.low for p in parts)
            high = sum(p.high for p in parts)
            if low > total.high:
                relation = "less than"
            elif high < total.low and complete:
                relation = "more than"
            else:
                continue
            listed = " + ".join(fmt(p.q.low) for p in parts)
            yield self.diagnostic(
                total.q.start,
                total.q.end,
                f"total {stated(total.q)} is {relation} the {total.key} listed item by item: "
                f"{listed} = {fmt(sum(p.q.low or 0 for p in parts))} ({lines_of(ctx, [p.q for p in parts])})",
                related=[(p.q.start, p.q.end, f"part: {stated(p.q)}") for p in parts],
            )

    def _infobox_totals(self, ctx: Context, counts: list[_Count]) -> Iterator[Diagnostic]:
        """An infobox total named by a verb ("number built = 44") against a section's
        items that count by the same verb ("Mark I: 33 built; Mark II: 29 built"): the
        items may not add up to more."""
        fields = [r for r in ctx.doc.regions_of("infobox_field") if r.label]
        for q in ctx.claims.quantities:
            if q.source != "infobox" or q.unit != "count" or q.low is None or q.split:
                continue
            label = next((r.label for r in fields if r.start <= q.start < r.end), None)
            words = re.findall(r"[a-z]+", (label or "").lower())
            if not words or not _VERB_AFTER.fullmatch(" " + words[-1]):
                continue
            whole = bounds(ctx, q)
            by_section: dict[int, list[_Count]] = {}
            for c in counts:
                if c.key == words[-1] and not _SOME.search(
                    ctx.doc.view, max(0, c.q.start - 20), c.q.start
                ):
                    by_section.setdefault(c.section, []).append(c)
            for parts in by_section.values():
                s = sum(p.low for p in parts)
                if whole is None or len(parts) < 2 or s <= whole[1]:
                    continue
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"{label} {stated(q)} is less than the items of one section: "
                    + " + ".join(fmt(p.q.low) for p in parts)
                    + f" = {fmt(sum(p.q.low or 0 for p in parts))} "
                    f"({lines_of(ctx, [p.q for p in parts])})",
                    related=[(p.q.start, p.q.end, f"part: {stated(p.q)}") for p in parts],
                )

    @staticmethod
    def _parts(ctx: Context, total: _Count, after: list[_Count]) -> list[_Count]:
        """The counts of the total's key in the sentences after the total's, one an item."""
        view = ctx.doc.view
        years: set[str] | None = None  # the total's sentence's, read when a part is in sight
        parts: list[_Count] = []
        prev_end = total.q.end
        for c in after:
            q = c.q
            gap = view[prev_end : q.start]
            limit = _MAX_GAP if parts else _MAX_FIRST
            if len(gap) > limit:
                break
            last = parts[-1] if parts else total
            if c.region > last.region + 1 or (
                parts and c.region != last.region and not (c.listed and last.listed)
            ):
                break  # the parts stand in the paragraph after the total's, or in one list
            if c.key != total.key:
                continue
            if not parts and q.sentence_start == total.q.sentence_start:
                return []  # its own sentence lists parts: a breakdown (KN202)
            if not parts and has_cue(
                " ".join(view[q.sentence_start or q.start : q.start].lower().split()),
                ctx.packs.numbers.subpart_cues,
            ):
                return []  # "Of these, 600 soldiers ...": some of the total
            if parts and not re.search(r"[,;\n]|\band\b|[.!?]\s", gap):
                return []  # "400 soldiers 300 soldiers": not a list
            here = sentence_text(ctx, q)
            if years is None:
                years = set(_YEAR.findall(sentence_text(ctx, total.q)))
            if set(_YEAR.findall(here)) - years or has_cue(
                " ".join(here.lower().split()), ctx.packs.numbers.total_cues
            ):
                break  # another time, or a total of its own
            if _SOME.search(view, max(0, q.start - 20), q.start) or c.low > total.high:
                return []
            parts.append(c)
            prev_end = q.end
        return parts

    @staticmethod
    def _totalled(ctx: Context, total: _Count) -> bool:
        """Whether the words around the total say it is one ("in all", "a total of",
        "Number of aircraft built: 44")."""
        q = total.q
        near = ctx.doc.view[max(q.sentence_start or 0, q.start - 60) : q.end + 30]
        near = " ".join(near.lower().split())
        return has_cue(near, ctx.packs.numbers.total_cues) or bool(
            re.search(r"\bnumber\s+of\b[^:]*:\s*$", near[: near.rfind(q.text.lower()[:3])])
        )

    @staticmethod
    def _complete(ctx: Context, total: _Count, parts: list[_Count]) -> bool:
        """Whether a count of groups between the total and its first part (or in the first
        part's sentence, before it) has as many groups as there are parts."""
        first = parts[0].q
        start = total.q.end
        for q in ctx.claims.quantities:
            if (
                start <= q.start < first.start
                and q.unit == "count"
                and q.low == len(parts)
                and q.counted not in (None, "total", total.key)
                and q.qualifier == "exact"
            ):
                return True
        return False
