"""KN rules: numbers against each other, totals, shares, lists and tables.

Every comparison first buckets quantities by what they count (and by paragraph or
sentence), so a rule never walks all pairs of a long article's numbers. Qualifier
tolerances, subset relations and cue words come from the ``numbers`` rule pack.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.extract._literals import alternation
from klint.packs import Packs
from klint.rules.base import Context, Rule

# ---------------------------------------------------------------- shared helpers


def fmt(v: float | None) -> str:
    """A value as the text would write it: 20,000; 13.62; 0.75."""
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def stated(q: QuantityClaim) -> str:
    """The claim as a reader sees it: “nearly 1,000,000”, “6,000–10,000”."""
    return "\u201c" + " ".join(q.text.split()) + "\u201d"


def _tolerances(packs: Packs) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {"exact": (0.0, 0.0), "range": (0.0, 0.0)}
    for q in packs.qualifiers.values():
        below, above = out.get(q.kind, (0.0, 0.0))
        out[q.kind] = (max(below, q.below), max(above, q.above))
    return out


def bounds(ctx: Context, q: QuantityClaim) -> tuple[float, float] | None:
    """The interval the true value lies in, given the claim's qualifier (None: vague)."""
    if q.low is None or q.high is None:
        return None
    if "kn.tol" not in ctx.cache:
        words = sorted(ctx.packs.qualifiers, key=len, reverse=True)
        ctx.cache["kn.tol"] = _tolerances(ctx.packs)
        ctx.cache["kn.words"] = re.compile(
            "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)", re.IGNORECASE
        )
    # the qualifier word that opens the claim sets the tolerance; else the widest of its kind
    m = (
        ctx.cache["kn.words"].match(q.text)
        if q.qualifier not in ("exact", "range", "vague")
        else None
    )
    word = ctx.packs.qualifiers.get(" ".join(m.group().lower().split())) if m else None
    if word is not None and word.kind == q.qualifier:
        below, above = word.below, word.above
    else:
        below, above = ctx.cache["kn.tol"].get(q.qualifier, (0.0, 0.0))
    lo, hi = min(q.low, q.high), max(q.low, q.high)
    return lo * (1 - min(below, 1.0)), hi * (1 + above)


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


@lru_cache(maxsize=64)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + alternation({c.lower() for c in cues}) + r")(?![\w-])")


def has_cue(text: str, cues: list[str]) -> bool:
    """Whether ``text`` holds one of the cue words or phrases (case and spacing ignored)."""
    return _cue_re(tuple(cues)).search(" ".join(text.lower().split())) is not None


@lru_cache(maxsize=4096)
def subject_key(subject: str | None) -> str | None:
    """A subject normalized for matching: "the Republic of Azerbaijan" -> "azerbaijan"."""
    if not subject:
        return None
    s = re.sub(r"['’]s?$", "", subject.strip()).lower()
    s = re.sub(r"^(?:the\s+)?(?:(?:democratic\s+|people's\s+|federal\s+)?republic\s+of\s+)?", "", s)
    return " ".join(s.split()) or None


def paragraphs(ctx: Context) -> list[list[QuantityClaim]]:
    """Body quantities grouped by the region they stand in, in text order."""
    if "kn.paras" in ctx.cache:
        return ctx.cache["kn.paras"]
    regions = sorted(
        (r for r in ctx.doc.regions_of("paragraph", "list_item", "caption", "quote")),
        key=lambda r: r.start,
    )
    starts = [r.start for r in regions]
    groups: dict[int, list[QuantityClaim]] = defaultdict(list)
    for q in ctx.claims.quantities:
        if q.source not in ("body", "caption"):
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and regions[i].start <= q.start < regions[i].end:
            groups[i].append(q)
    ctx.cache["kn.paras"] = [groups[i] for i in sorted(groups)]
    return ctx.cache["kn.paras"]


def subsets_of(packs: Packs, noun: str | None) -> list[str]:
    return packs.numbers.subsets.get(noun or "", [])


# ---------------------------------------------------------------- KN201


class ValueConflict(Rule):
    """## What it does
    Reports the same quantity (the same counted noun, subject and scope) given two
    values that cannot both be true, once qualifiers are taken into account: "about
    6,000" and "nearly 6,000" agree with 5,900, "at least 400" agrees with 485 and "as
    many as 5,000" with 3,000. Only figures that say they cover the whole war or
    conflict ("in the war", "in total", the infobox) are compared across places.

    ## Why is this bad?
    A reader cannot tell which figure is right; one of them is usually a stale edit.

    ## Example
        Armenia's army lost 6,000 dead in the war.
        ...
        In total, Armenia's army lost 9,000 dead in the war.

    ## Use instead
        Armenia's army lost about 6,000 dead in the war.
        ...
        In total, Armenia's army lost nearly 6,000 dead in the war.
    """

    code = "KN201"
    name = "value-conflict"
    severity = Severity.ERROR
    summary = "the same quantity given conflicting values in two places"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        cues = ctx.packs.numbers.whole_scope_cues
        known = set(ctx.packs.counted_nouns)
        buckets: dict[tuple, list[QuantityClaim]] = defaultdict(list)
        for q in ctx.claims.quantities:
            if (
                q.source not in ("body", "infobox")
                or q.split
                or q.low is None
                or q.counted not in known
            ):
                continue
            key = subject_key(q.subject)
            if key is None:
                continue
            if q.source == "body" and not has_cue(sentence_text(ctx, q), cues):
                continue
            buckets[(q.counted, key, q.unit, q.scope)].append(q)
        for (counted, _, _, _), group in buckets.items():
            for a, b in itertools.combinations(
                group[:50], 2
            ):  # one quantity restated, not a data dump
                if a.sentence_start == b.sentence_start and a.source == b.source == "body":
                    continue
                ba, bb = bounds(ctx, a), bounds(ctx, b)
                if ba is None or bb is None or (ba[0] <= bb[1] and bb[0] <= ba[1]):
                    continue
                line = line_of(ctx, a.start)
                yield self.diagnostic(
                    b.start,
                    b.end,
                    f"{stated(b)} ({counted}, {b.subject}) conflicts with {stated(a)} on line {line}",
                    related=[(a.start, a.end, f"the other value: {stated(a)}")],
                )


# ---------------------------------------------------------------- KN202


_YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


class TotalMismatch(Rule):
    """## What it does
    Reports a stated total that its listed parts exceed: in one paragraph, a figure
    marked as a total ("in total", "account for", "altogether") followed by the
    groups that make it up, speaking of the same event (displaced, killed, ...),
    whose smallest possible sum is larger than the largest possible total.

    ## Why is this bad?
    The parts cannot add up to more than the whole; either the total or a part is wrong.

    ## Example
        Refugees account for nearly one million people. An estimated 400,000
        Armenians fled, a further 30,000 fled Karabakh, and 800,000 Azeris were displaced.

    ## Use instead
        Refugees account for over 1.2 million people. An estimated 400,000
        Armenians fled, a further 30,000 fled Karabakh, and 800,000 Azeris were displaced.
    """

    code = "KN202"
    name = "total-mismatch"
    severity = Severity.ERROR
    summary = "the listed parts add up to more than the stated total"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        people = set(num.people_nouns) | {
            "refugees",
            "troops",
            "dead",
            "wounded",
            "people",
            "men",
            "prisoners",
        }
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for i, total in enumerate(para):
                if (
                    total.unit != "count"
                    or total.low is None
                    or total.event is None
                    or total.qualifier in ("over", "at-least", "range")
                    or (total.counted is not None and total.counted not in people)
                    or not has_cue(
                        view[max(total.sentence_start or 0, total.start - 60) : total.end + 30],
                        num.total_cues,
                    )
                ):
                    continue
                parts = self._parts(ctx, para[i + 1 :], total, people)
                if len(parts) < 2:
                    continue
                tb = bounds(ctx, total)
                low_sum = sum(bounds(ctx, p)[0] for p in parts)
                if tb is None or low_sum <= tb[1] * (1 + num.total_tolerance):
                    continue
                listed = " + ".join(fmt(p.low) for p in parts)
                raw = sum(p.low for p in parts)
                yield self.diagnostic(
                    total.start,
                    total.end,
                    f"total {stated(total)} is less than its parts: {listed} = {fmt(raw)} "
                    f"({lines_of(ctx, parts)})",
                    related=[(p.start, p.end, f"part: {stated(p)}") for p in parts],
                )

    def _parts(
        self, ctx: Context, after: list[QuantityClaim], total: QuantityClaim, people: set[str]
    ) -> list[QuantityClaim]:
        num = ctx.packs.numbers
        view = ctx.doc.view
        parts: list[QuantityClaim] = []
        sentences = {total.sentence_start}
        years = set(_YEAR_RE.findall(sentence_text(ctx, total)))
        for q in after:
            if q.sentence_start not in sentences:
                said = sentence_text(ctx, q)
                if len(sentences) >= 4 or has_cue(said, num.total_cues):
                    break
                if set(_YEAR_RE.findall(said)) - years:
                    break  # another time frame: "In 1991, 4,000 more ..."
                sentences.add(q.sentence_start)
            if (
                q.unit != "count"
                or q.low is None
                or q.qualifier == "vague"
                or q.event != total.event
            ):
                continue
            before = view[max(q.sentence_start or 0, q.start - 25) : q.start].lower()
            after_text = view[q.end : q.end + 12].lower()
            if has_cue(before, num.subpart_cues) or after_text.lstrip(" (").startswith(
                ("of them", "of whom")
            ):
                continue
            if q.counted is None and not has_cue(before, num.additive_cues):
                continue
            if q.counted is not None and q.counted not in people:
                continue
            parts.append(q)
        return parts


# ---------------------------------------------------------------- KN203


class PercentOutOfRange(Rule):
    """## What it does
    Reports a percentage below 0 or above 100 where it is a share of a whole ("120%
    of the residents", "a 104% Armenian majority"), not a growth or a ratio.

    ## Why is this bad?
    A share cannot exceed the whole; the figure is mistyped or misplaced.

    ## Example
        By 1923 the oblast was 104% Armenian.

    ## Use instead
        By 1923 the oblast was 94% Armenian.
    """

    code = "KN203"
    name = "percent-out-of-range"
    severity = Severity.ERROR
    summary = "a share given as more than 100% (or less than 0%)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        view = ctx.doc.view
        for q in ctx.claims.quantities:
            if q.unit != "percent" or q.low is None or q.split or q.source == "table":
                continue
            bad = [v for v in (q.low, q.high) if v is not None and (v > 100 or v < 0)]
            if not bad or q.counted is None:
                continue
            window = view[
                max(q.sentence_start or 0, q.start - 60) : min(q.sentence_end or q.end, q.end + 40)
            ]
            if has_cue(window, num.share_blockers) or has_cue(q.counted, num.share_blockers):
                continue
            yield self.diagnostic(
                q.start,
                q.end,
                f"{stated(q)} of {q.counted} is a share above 100%"
                if bad[0] > 100
                else f"{stated(q)} of {q.counted} is a negative share",
            )


# ---------------------------------------------------------------- KN204

_OF_THE_START = re.compile(r"\s{0,3}(?:[Oo]f|[Oo]ut of) (?:the|its|their|all|his|her) ")
_TO_PART = re.compile(r"[^.;:0-9]{0,40}?, ")
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:its|the|their|his|her|a\s+total\s+of)\s+$")


class SharesExceedWhole(Rule):
    """## What it does
    Reports parts larger than their whole: shares of one whole in a sentence that add
    up to more than 100%, "485 of its 300 residents", "of the 40 crew, 45 were
    rescued", sub-parts ("of them ...") that
    add up to more than the group they break down, and infobox dead greater than
    the same side's strength.

    ## Why is this bad?
    A part cannot exceed its whole; one of the figures is wrong.

    ## Example
        The population was 60% Armenian, 30% Azeri and 20% Russian.

    ## Use instead
        The population was 60% Armenian, 30% Azeri and 10% Russian.
    """

    code = "KN204"
    name = "shares-exceed-whole"
    severity = Severity.ERROR
    summary = "shares of one whole above 100%, or a part larger than its whole"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        yield from self._shares(ctx)
        yield from self._part_of_whole(ctx)
        yield from self._infobox(ctx)

    def _shares(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        tol = ctx.packs.numbers.percent_tolerance
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                pcts = [
                    q
                    for q in group
                    if q.unit == "percent" and q.low is not None and q.qualifier != "range"
                ]
                run: list[QuantityClaim] = []
                for q in pcts:
                    if run and not re.fullmatch(
                        r"[\w\s'’-]{0,30}?(?:,\s*|\s+)(?:and\s+)?", view[run[-1].end : q.start]
                    ):
                        yield from self._report_shares(ctx, run, tol)
                        run = []
                    # a group named by a capitalized word ("60% Armenian"): one dimension of one whole
                    named = re.match(r"\s?%\s+[A-Z]", view[q.number_end or q.end : q.end + 3])
                    if (
                        named
                        and q.counted is not None
                        and q.counted not in {r.counted for r in run}
                    ):
                        run.append(q)
                yield from self._report_shares(ctx, run, tol)

    def _report_shares(
        self, ctx: Context, run: list[QuantityClaim], tol: float
    ) -> Iterator[Diagnostic]:
        if len(run) < 2:
            return
        gaps = [ctx.doc.view[a.end : b.start].lower() for a, b in itertools.pairwise(run)]
        if any(
            re.search(
                r"\b(?:or|even|as high|to|from|between|while|whereas|compared|versus|vs)\b", g
            )
            for g in gaps
        ):
            return
        total = sum(q.low for q in run)
        if total <= 100 + tol * len(run):
            return
        first = run[0]
        yield self.diagnostic(
            first.start,
            run[-1].end,
            "shares add up to more than 100%: "
            + " + ".join(f"{fmt(q.low)}% {q.counted}" for q in run)
            + f" = {fmt(total)}%",
            related=[(q.start, q.end, f"share: {stated(q)}") for q in run[1:]],
        )

    def _part_of_whole(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        num = ctx.packs.numbers
        for para in paragraphs(ctx):
            for i, q in enumerate(para):
                if q.unit != "count" or q.low is None:
                    continue
                # "485 of its 300 residents"
                nxt = para[i + 1] if i + 1 < len(para) else None
                if (
                    nxt is not None
                    and nxt.low is not None
                    and nxt.unit == "count"
                    and _OF_WHOLE.fullmatch(" " + view[q.number_end or q.end : nxt.start])
                    and q.low > nxt.high
                ):
                    yield self.diagnostic(
                        q.start,
                        nxt.end,
                        f"part {fmt(q.low)} is larger than its whole {stated(nxt)}",
                        related=[(nxt.start, nxt.end, "the whole")],
                    )
                    continue
                # "Of the 40 crew, 45 were rescued"
                if (
                    nxt is not None
                    and nxt.low is not None
                    and nxt.unit == "count"
                    and not nxt.split
                    and nxt.sentence_start == q.sentence_start
                    and nxt.counted in (None, q.counted)
                    and _OF_THE_START.fullmatch(view[q.sentence_start or 0 : q.start])
                    and _TO_PART.fullmatch(view[q.end : nxt.start])
                    and (b := bounds(ctx, q)) is not None
                    and (bounds(ctx, nxt) or (0, 0))[0] > b[1]
                ):
                    yield self.diagnostic(
                        nxt.start,
                        nxt.end,
                        f"part {stated(nxt)} is larger than its whole {stated(q)}",
                        related=[(q.start, q.end, "the whole")],
                    )
                    continue
                # "613 civilians, of them 106 women and 83 children"
                subs = self._subparts(ctx, para[i + 1 :], q, num.subpart_cues)
                if len(subs) >= 2:
                    b = bounds(ctx, q)
                    s = sum(p.low for p in subs)
                    if b is not None and s > b[1]:
                        yield self.diagnostic(
                            q.start,
                            q.end,
                            f"{stated(q)} is less than its listed parts: "
                            + " + ".join(fmt(p.low) for p in subs)
                            + f" = {fmt(s)}",
                            related=[(p.start, p.end, f"part: {stated(p)}") for p in subs],
                        )

    @staticmethod
    def _subparts(
        ctx: Context, after: list[QuantityClaim], whole: QuantityClaim, cues: list[str]
    ) -> list[QuantityClaim]:
        view = ctx.doc.view
        gap = view[whole.end : whole.end + 16].lower()
        if not re.match(r"[\s,;:(]*(?:of them|of whom|among them|including)\b", gap):
            return []
        subs = []
        for q in after:
            if q.sentence_start != whole.sentence_start or q.unit != "count" or q.low is None:
                break
            between = view[(subs[-1].end if subs else whole.end) : q.start]
            if not re.fullmatch(
                r"[\s,;:(]*(?:(?:of them|of whom|among them|including|and)\s+)*", between.lower()
            ):
                break
            subs.append(q)
        return subs

    def _infobox(self, ctx: Context) -> Iterator[Diagnostic]:
        strength = {
            q.side: q
            for q in ctx.claims.quantities
            if q.source == "infobox" and q.counted == "troops" and q.side and q.low is not None
        }
        for q in ctx.claims.quantities:
            if (
                q.source != "infobox"
                or q.counted != "dead"
                or q.side not in strength
                or q.low is None
            ):
                continue
            s = strength[q.side]
            bq, bs = bounds(ctx, q), bounds(ctx, s)
            if bq and bs and bq[0] > bs[1]:
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"side {q.side}: {stated(q)} is more than its strength {stated(s)} (line {line_of(ctx, s.start)})",
                    related=[(s.start, s.end, "the side's strength")],
                )


# ---------------------------------------------------------------- KN205


class ReversedRange(Rule):
    """## What it does
    Reports a range whose first value is larger than its second: "10,000–6,000 people".

    ## Why is this bad?
    A range runs from low to high; a reversed range is a typo that hides the real bounds.

    ## Example
        Khojaly had a population of 10,000–6,000 people.

    ## Use instead
        Khojaly had a population of 6,000–10,000 people.
    """

    code = "KN205"
    name = "reversed-range"
    severity = Severity.ERROR
    summary = "a range whose low end is larger than its high end"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for q in ctx.claims.quantities:
            if q.qualifier != "range" or q.low is None or q.high is None or q.low <= q.high:
                continue
            num_text = ctx.doc.text[q.number_start or q.start : q.number_end or q.end]
            parts = re.findall(r"[0-9][0-9,.]*", num_text)
            if len(parts) != 2:
                continue
            a, b = parts
            grouped = "," in a and "," in b
            if not grouped and len(b.replace(",", "")) < len(a.replace(",", "")):
                continue  # "123–45": an abbreviated range (123–145)
            if not grouped and q.counted is None and q.unit == "count":
                continue
            yield self.diagnostic(
                q.start,
                q.end,
                f"range {stated(q)} runs from {fmt(q.low)} down to {fmt(q.high)}; write the lower value first",
            )


# ---------------------------------------------------------------- KN206

_ITEM = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|de|du|la|le|the|and)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3}|[0-9]+)"
_LIST_RE = re.compile(
    rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})?\s*(?P<open>[:,(])\s*"
    rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{0,12}}\s*,?\s+(?:and|&)\s+{_ITEM})(?P<close>\s*[.,;)]|\s*$)"
)


class CountVsList(Rule):
    """## What it does
    Reports a count word that disagrees with the items it introduces ("two resolutions
    (874, 884 and 885)"), and a vote split larger than the body that voted ("a
    seven-member committee ... voted 5-3").

    ## Why is this bad?
    The count and the list cannot both be right; an item was added or dropped.

    ## Example
        Two subsequent resolutions (874, 884 and 885) were passed.

    ## Use instead
        Three subsequent resolutions (874, 884 and 885) were passed.
    """

    code = "KN206"
    name = "count-vs-list"
    severity = Severity.ERROR
    summary = (
        "a count word against the number of items listed, or a vote split against a body's size"
    )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        list_nouns = set(num.list_nouns)
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for i, q in enumerate(para):
                if q.low is None or q.qualifier != "exact" or q.unit != "count" or not q.counted:
                    continue
                if q.counted == "members" and q.subject:
                    yield from self._split(ctx, q, para[i + 1 :])
                    continue
                head = q.counted.split()[-1]
                if (
                    head not in list_nouns
                    or not (2 <= q.low <= 12)
                    or not float(q.low).is_integer()
                ):
                    continue
                m = _LIST_RE.match(view, q.end, min(len(view), q.end + 300))
                if not m or (m.group("open") == "(") != (m.group("close").strip() == ")"):
                    continue
                items = [
                    x
                    for x in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", m.group("items"))
                    if x
                ]
                if len(items) != int(q.low):
                    yield self.diagnostic(
                        q.start,
                        m.end("items"),
                        f"{stated(q)} introduces {len(items)} items: {', '.join(items)}",
                        related=[(m.start("items"), m.end("items"), f"{len(items)} items listed")],
                    )

    def _split(
        self, ctx: Context, body: QuantityClaim, after: list[QuantityClaim]
    ) -> Iterator[Diagnostic]:
        sentences = {body.sentence_start}
        for q in after:
            if q.sentence_start not in sentences:
                if len(sentences) >= 3:
                    return
                sentences.add(q.sentence_start)
            said = sentence_text(ctx, q).lower()
            if not (
                body.subject.lower() in said
                or re.search(r"\b(?:it|they)\s+(?:then\s+)?voted\b", said)
            ):
                continue  # another body's vote
            if q.split and sum(q.split) > body.low:
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"vote {stated(q)} counts {sum(q.split)} votes, but the {body.subject} has "
                    f"{fmt(body.low)} members (line {line_of(ctx, body.start)})",
                    related=[(body.start, body.end, f"the {body.subject}'s size")],
                )
                return


# ---------------------------------------------------------------- KN207


class TableConsistency(Rule):
    """## What it does
    Checks a table against itself and the rest of the article: a "Total" row against
    the sum of the rows above it; the infobox strengths against the table's personnel
    column (the rows must split between the sides so that each side's rows add up to
    its strength); and a figure the text gives for a subject against that subject's
    table row, using the rule pack's subset relations (fighter aircraft are combat
    aircraft, so a country's fighters never outnumber its combat aircraft).

    ## Why is this bad?
    A table that disagrees with the text or with its own totals leaves the reader
    unable to trust either.

    ## Example
        Azerbaijan's air force was composed of forty-five combat aircraft.

        Entity Personnel Tanks Fighter aircraft
        Republic of Armenia 20,000 160 10
        Republic of Azerbaijan 42,000 280 170

    ## Use instead
        Azerbaijan's air force was composed of some 170 fighter aircraft.
    """

    code = "KN207"
    name = "table-consistency"
    severity = Severity.ERROR
    summary = "a table's totals, or a table cell against the text or the infobox"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        tables: dict[int, list[QuantityClaim]] = defaultdict(list)
        table_regions = sorted(ctx.doc.regions_of("table"), key=lambda r: r.start)
        starts = [r.start for r in table_regions]
        for q in ctx.claims.quantities:
            if q.source == "table" and q.low is not None:
                i = bisect.bisect_right(starts, q.start) - 1
                tables[max(i, 0)].append(q)
        for cells in tables.values():
            yield from self._totals(ctx, cells)
            yield from self._infobox(ctx, cells)
        yield from self._text(ctx, [c for cells in tables.values() for c in cells])

    def _totals(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        names = {n.lower() for n in ctx.packs.numbers.total_rows}
        by_col: dict[str | None, list[QuantityClaim]] = defaultdict(list)
        for c in cells:
            by_col[c.column].append(c)
        for column, col in by_col.items():
            totals = [c for c in col if (c.row or "").strip().lower().rstrip(":") in names]
            rows = [c for c in col if c not in totals]
            if len(totals) != 1 or len(rows) < 2:
                continue
            t = totals[0]
            s = sum(c.low for c in rows)
            tol = 0.1 * len(rows) if t.unit == "percent" else max(0.5, abs(t.low) * 0.001)
            if abs(s - t.low) > tol:
                yield self.diagnostic(
                    t.start,
                    t.end,
                    f"{t.row} of {column or 'the column'} is {fmt(t.low)}, but its rows add up to {fmt(s)}",
                    related=[(rows[0].start, rows[-1].end, "the rows summed")],
                )

    def _infobox(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        """The personnel rows must split between the two sides so that each adds up to its strength."""
        strength = {
            q.side: q
            for q in ctx.claims.quantities
            if q.source == "infobox"
            and q.counted == "troops"
            and q.side in (1, 2)
            and q.low is not None
        }
        totals = {n.lower() for n in ctx.packs.numbers.total_rows}
        col = [
            c
            for c in cells
            if c.counted == "troops"
            and c.unit == "count"
            and (c.row or "").strip().lower().rstrip(":") not in totals
        ]
        if len(strength) != 2 or not (2 <= len(col) <= 10):
            return
        tol = ctx.packs.numbers.total_tolerance
        b = {k: bounds(ctx, q) for k, q in strength.items()}
        for assign in itertools.product((1, 2), repeat=len(col)):
            sums = {
                k: sum(c.low for c, a in zip(col, assign, strict=True) if a == k) for k in (1, 2)
            }
            if all(b[k][0] * (1 - tol) <= sums[k] <= b[k][1] * (1 + tol) for k in (1, 2)):
                return
        s1, s2 = strength[1], strength[2]
        rows = ", ".join(f"{c.row} {fmt(c.low)}" for c in col)
        yield self.diagnostic(
            s1.start,
            s2.end,
            f"infobox strengths {fmt(s1.low)} and {fmt(s2.low)} do not match the table's "
            f"{col[0].column or 'personnel'} column: no split of its rows ({rows}; {lines_of(ctx, col)}) "
            f"between the two sides adds up to each side's strength",
            related=[(c.start, c.end, f"{c.row}: {fmt(c.low)}") for c in col],
            severity=Severity.WARNING,
        )

    def _text(self, ctx: Context, cells: list[QuantityClaim]) -> Iterator[Diagnostic]:
        num = ctx.packs.numbers
        by_subject: dict[str, list[QuantityClaim]] = defaultdict(list)
        for c in cells:
            key = subject_key(c.row)
            if key:
                by_subject[key].append(c)
        if not by_subject:
            return
        for q in ctx.claims.quantities:
            key = _row_key(subject_key(q.subject), by_subject)
            if q.source != "body" or key is None or q.low is None or q.unit != "count":
                continue
            if not has_cue(sentence_text(ctx, q), num.stock_cues):
                continue
            bq = bounds(ctx, q)
            for c in by_subject[key]:
                if bq is None or c.counted is None:
                    continue
                if q.counted in subsets_of(ctx.packs, c.counted) and c.low > bq[1]:
                    why = f"{c.counted} are {q.counted}"
                elif c.counted in subsets_of(ctx.packs, q.counted) and bq[0] > c.low:
                    why = f"{q.counted} are {c.counted}"
                elif c.counted == q.counted and q.scope is None and not (bq[0] <= c.low <= bq[1]):
                    why = "the same count (unless they speak of different times)"
                else:
                    continue
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"{stated(q)} for {q.subject} conflicts with the table: {c.row} has {fmt(c.low)} "
                    f"{(c.column or '').lower()} (line {line_of(ctx, c.start)}), and {why}",
                    related=[(c.start, c.end, f"{c.row}, {c.column}: {fmt(c.low)}")],
                    severity=Severity.WARNING if c.counted == q.counted else None,
                )


def _row_key(key: str | None, rows: dict[str, list[QuantityClaim]]) -> str | None:
    """The table row a subject names: the same name, or its demonym ("Azerbaijani" -> "azerbaijan")."""
    if key is None:
        return None
    if key in rows:
        return key
    return next(
        (
            r
            for r in rows
            if len(r) >= 5 and " " not in key and key.startswith(r) and len(key) - len(r) <= 3
        ),
        None,
    )


# ---------------------------------------------------------------- KN208

_PCT_AFTER_COUNT = re.compile(r" ?(?:\(|, ?(?:or )?| or )(?:(?:about|some|nearly|almost) )?")
_WHOLE_BEFORE = re.compile(
    r"\b(?:out of|of(?: the| its| their| a total of)?|total of) $", re.IGNORECASE
)


class PercentVsCounts(Rule):
    """## What it does
    Reports a percentage that does not match the counts it summarizes in the same
    sentence: "of the 600 soldiers, 150 (40%) were killed" (150 of 600 is 25%).

    ## Why is this bad?
    The percentage and the counts cannot both be right.

    ## Example
        Of the 600 soldiers, 150 (40%) were killed.

    ## Use instead
        Of the 600 soldiers, 150 (25%) were killed.
    """

    code = "KN208"
    name = "percent-vs-counts"
    severity = Severity.ERROR
    summary = "a percentage against the counts it summarizes"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        tol = ctx.packs.numbers.percent_tolerance
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                qs = list(group)
                wholes = [
                    q
                    for q in qs
                    if q.unit == "count"
                    and q.low
                    and q.qualifier == "exact"
                    and _WHOLE_BEFORE.search(
                        view[max(q.sentence_start or 0, q.start - 20) : q.start]
                    )
                ]
                if len(wholes) != 1:
                    continue
                whole = wholes[0]
                for a, p in itertools.pairwise(qs):
                    if (
                        p.unit != "percent"
                        or a.unit != "count"
                        or a is whole
                        or a.low is None
                        or p.low is None
                        or not _PCT_AFTER_COUNT.fullmatch(view[a.end : p.start])
                    ):
                        continue
                    share = 100.0 * a.low / whole.low
                    slack = tol + (p.low * 0.1 if p.qualifier != "exact" else 0.5)
                    if abs(share - p.low) > slack:
                        yield self.diagnostic(
                            p.start,
                            p.end,
                            f"{stated(p)} does not match {fmt(a.low)} of {fmt(whole.low)}, which is {fmt(round(share, 1))}%",
                            related=[
                                (whole.start, whole.end, "the whole"),
                                (a.start, a.end, "the part"),
                            ],
                        )


RULES: tuple[type[Rule], ...] = (
    ValueConflict,
    TotalMismatch,
    PercentOutOfRange,
    SharesExceedWhole,
    ReversedRange,
    CountVsList,
    TableConsistency,
    PercentVsCounts,
)
