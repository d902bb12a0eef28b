"""KN209 attribute-value-conflict: one subject's count or measure given two values."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from klint import lazyre
from klint.claims import Frame, QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import (
    bounds,
    line_of,
    restated_bounds,
    rounded,
    stated,
)
from klint.rules.numbers._restate import converts, restatements
from klint.text.calendar import MONTH_NAMES

#: attributes that do not change from year to year (and distances from a place): compared
#: even when no time is given
_STATIC = frozenset({"floors", "height", "length", "area"})
#: left to their own rules: ages (KD111), casualties and strengths per side (KN201)
_ELSEWHERE = frozenset({"age", "killed", "wounded", "casualties", "strength"})


class AttributeValueConflict(Rule):
    """## What it does
    Reads each number's frame — whose figure it is, of what, and when — and reports
    one subject's attribute given two values that cannot both be true: an infobox or
    front matter field against another place of the article, or the lead against the
    body for a measure ("floors = 58" and "a 60-storey tower"; "members: 8,000 (1950)"
    and "in 1950 the union had 9,500 members"). A figure that changes over time is compared only at one time
    (both state the same year, or neither states one); heights, lengths, areas and
    floors are compared whatever the time. Qualifiers ("about", "over") and a round
    figure's precision ("8,000" covers 7,500–8,500) widen what agrees. A measure given
    in two units is converted by pint's factors and read to the digit it is written to
    ("6' 8\"" against "6 ft 9 in (2.06 m)", "310 metres" against "1,060 feet"); a count
    of a kind is compared with the field of that name ("two live albums" against
    "Live albums: 1", or a discography box's ``live = 1``), and "has released four
    studio albums" counts what there is.

    A figure is no value of its attribute when it is a number word made an adjective
    ("two-handed backhand"), a difference ("increasing its height by 18.7 m (61.4 ft)")
    or one of several figures a field lists ("Area code(s): 818/747").

    A party's or candidate's share of the votes in one election is compared across
    the article too, its name spelt either way ("the Socialist Revolutionaries (SRs)
    got 17,943,000 votes, corresponding to 40.4%" against "the Socialist-Revolutionary
    Party received around 57–58%" in a sentence of the same election date); shares of
    other elections, rounds or places, of seats rather than votes, a margin in
    percentage points, an approval rating and "A and B won 46% and 45%, respectively"
    are not compared.

    It also reports a figure restated elsewhere with another value: two sentences in
    different paragraphs that count or measure the same thing ("over 2,500 non-war
    graves", "a 63 percent approval rating", "1.4 hectares") among mostly the same
    words, and that no year or date (of the sentence or the one before), change word
    ("rose", "later", "another"), other name or quotation sets apart, nor two
    paragraphs that give other figures of the same kinds with other values (two censuses,
    two variants, two islands: "an area of 24 km2 and a maximum altitude of 259 m", "an
    area of 1.3 km2 and a maximum altitude of 253 m"), nor two records of a table or
    two list items of other labels or sections ("- Aldwin 400: … a 17-inch monitor",
    "- Aldwin 400ER: … a 16-inch monitor"), nor a number between two capitalised
    words ("U.S. Patent 173,618 Electro-Harmonic Telegraph"). A noun given
    more than three values in the article (runs, men, votes) is a running statistic,
    and figures twenty times apart are two wholes: neither is compared this way.

    ## Why is this bad?
    One of the two figures is wrong — usually an edit that changed one place and not
    its twin.

    ## Example
        Crane Tower is a 60-storey office tower in Chicago.
        ...
        Crane Tower has 58 floors and a roof garden.

    ## Use instead
        Crane Tower is a 58-storey office tower in Chicago.
        ...
        Crane Tower has 58 floors and a roof garden.
    """

    code = "KN209"
    name = "attribute-value-conflict"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one subject's count or measure given two different values (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract.frames import key, subject_key  # loaded with the frames, on first use

        groups: dict[
            tuple[str, str, str], list[tuple[QuantityClaim, Frame, tuple[float, float]]]
        ] = defaultdict(list)
        for q in ctx.claims.quantities:
            if (
                q.low is None
                or q.split
                or q.unit == "percent"  # a share needs its whole: KN203, KN204
                or q.source not in ("body", "infobox", "caption")
            ):
                continue
            f = ctx.claims.frames.get(q)
            if f is None or f.subject is None or f.attribute is None or f.attribute in _ELSEWHERE:
                continue
            if _not_the_attribute(ctx, q, f):
                continue
            bound = bounds(ctx, q)
            if bound is None or math.isinf(bound[1]):
                continue
            groups[(subject_key(f.subject), key(f.attribute), _measure(q.unit))].append(
                (q, f, rounded(q, *bound))
            )
        _kinds_by_field(groups)
        reported: set[int] = set()
        for items in groups.values():
            if len(items) < 2 or len(items) > 40:
                continue  # one figure, or a table of figures of many kinds
            if len({q.unit for q, _, _ in items}) > 1:
                items = _in_one_unit(items)  # "6 ft 8 in" and "2.06 m"
            told: set[tuple[int, int | None]] = set()  # a figure against a sentence's
            for i, (a, fa, (a0, a1)) in enumerate(items):
                for b, fb, (b0, b1) in items[i + 1 :]:
                    if b.start in reported or not _comparable(a, fa, b, fb):
                        continue
                    if (a1 < b0 or b1 < a0) and (a.start, b.sentence_start) not in told:
                        reported.add(b.start)
                        told.add((a.start, b.sentence_start))  # not again its conversion
                        when = f" {fb.when}" if fb.when else ""
                        yield self.diagnostic(
                            b.start,
                            b.end,
                            f"{fb.subject}: {fb.attribute}{when} {stated(b)} here but {stated(a)} "
                            f"at line {line_of(ctx, a.start)} ({fa.origin})",
                            related=[(a.start, a.end, f"{fa.attribute} {stated(a)}")],
                        )
        yield from self._shares(ctx, reported)
        yield from self._restated(ctx, reported)

    def _shares(self, ctx: Context, reported: set[int]) -> Iterator[Diagnostic]:
        """One party's (or candidate's) share of the votes in one election given twice with
        different values, under two spellings of its name ("the Socialist Revolutionaries
        (SRs) got 40.4%", "the Socialist-Revolutionary Party received around 57–58%")."""
        seen: dict[Share, list[tuple[QuantityClaim, str, Span, tuple[float, float]]]] = defaultdict(
            list
        )
        for q in ctx.claims.quantities:
            share = _share(ctx, q) if q.unit == "percent" and q.start not in reported else None
            when = _share_when(ctx, q) if share is not None else None
            if share is None or when is None:
                continue
            kind, name = share
            step = _written_step(q)  # "40%" is 39.5–40.5 %
            lo, hi = bounds(ctx, q) or (q.low or 0.0, q.high or 0.0)
            lo, hi = lo - step, hi + step
            for a, a_name, a_when, (a0, a1) in seen[kind]:
                one_vote = a_when[0] <= when[1] and when[0] <= a_when[1]
                if a.sentence_start == q.sentence_start or not one_vote or not (a1 < lo or hi < a0):
                    continue
                reported.add(q.start)
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"{name}: share of the votes {stated(q)} here but {stated(a)} as {a_name} "
                    f"at line {line_of(ctx, a.start)}, in the same vote",
                    related=[(a.start, a.end, f"the share of {a_name}: {stated(a)}")],
                )
                break
            seen[kind].append((q, name, when, (lo, hi)))

    def _restated(self, ctx: Context, reported: set[int]) -> Iterator[Diagnostic]:
        """A figure restated in another sentence with another value: the same counted noun or
        unit and most of the same words around it ("over 25,000 war graves" twice)."""
        from klint.extract.frames import subject_key

        body = [
            q
            for q in ctx.claims.quantities
            if q.low is not None
            and not q.split
            and q.source in ("body", "caption")
            and q.start not in reported
        ]
        by_sentence: dict[int | None, list[QuantityClaim]] = defaultdict(list)
        for q in body:
            by_sentence[q.sentence_start].append(q)
        for a, b, shared in restatements(ctx, body):
            if b.start in reported or a.start in reported:
                continue
            ba, bb = restated_bounds(ctx, a, b), restated_bounds(ctx, b, a)
            if ba is None or bb is None:
                continue
            (a0, a1), (b0, b1) = ba, bb
            if not (a1 < b0 or b1 < a0):
                continue
            if _matched(a, by_sentence[b.sentence_start]) or _matched(
                b, by_sentence[a.sentence_start]
            ):
                continue  # each figure is given in the other's sentence too: a list of several
            fa, fb = ctx.claims.frames.get(a), ctx.claims.frames.get(b)
            if (
                fa is not None
                and fb is not None
                and fa.how == fb.how == "link"
                and subject_key(fa.subject or "") != subject_key(fb.subject or "")
            ):
                continue  # the links name two different things
            reported.add(b.start)
            words = ", ".join(f"\u201c{w}\u201d" for w in shared[:4])
            yield self.diagnostic(
                b.start,
                b.end,
                f"{stated(b)} here but {stated(a)} at line {line_of(ctx, a.start)}, in a "
                f"sentence that says the same ({words}): one figure, two values",
                related=[(a.start, a.end, f"the same figure given as {stated(a)}")],
            )


#: a number word joined to the word after it: an adjective ("two-handed backhand"), no figure
_WORD_COMPOUND_RE = lazyre.compile(r"[^\W\d_]+-[^\W\d_]")
#: a change by an amount: the figure after "by" is the difference, not the measure
#: ("increasing its height by 18.7 m", "the line was extended by 12 km")
_CHANGE_BY_RE = lazyre.compile(
    r"\b(?:increas|decreas|rais|reduc|grow|grew|rose|ris|fell|fall|drop|cut|extend|shorten|"
    r"lengthen|widen|lower|add)\w*\b[^.;:]{0,40}\bby\s+(?:about\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)


def _not_the_attribute(ctx: Context, q: QuantityClaim, f: Frame) -> bool:
    """Whether a figure the frames give an attribute is no value of it: a number word made an
    adjective ("two-handed"), a difference ("increasing its height by 18.7 m"), or one of
    several figures a field lists ("Area code(s): 818/747", "848 cc, 947 cc")."""
    if _WORD_COMPOUND_RE.match(q.text):
        return True
    head = converts(ctx, q)  # "by 18.7 m (61.4 ft)": its conversion too
    start = head.sentence_start if head.sentence_start is not None else head.start - 80
    if _CHANGE_BY_RE.search(ctx.doc.view, max(start, head.start - 80, 0), head.start):
        return True
    if f.origin not in ("infobox", "front matter"):
        return False
    if "kn209.fields" not in ctx.cache:
        per_field: dict[tuple[str | None, str | None, str], int] = defaultdict(int)
        for o in ctx.claims.quantities:
            fo = ctx.claims.frames.get(o)
            if fo is not None and fo.origin in ("infobox", "front matter"):
                per_field[(fo.subject, fo.field, o.unit)] += 1
        ctx.cache["kn209.fields"] = per_field
    return bool(ctx.cache["kn209.fields"][(f.subject, f.field, q.unit)] > 1)


#: a share a named party or candidate got in a vote, the verb before its figure: "the
#: Socialist Revolutionaries (SRs) got 17,943,000 corresponding to", "Labour won about"
_SHARE_RE = lazyre.compile(
    r"\b(?P<name>[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,5})(?:\s*\([^()]{1,30}\))?\s+"
    r"(?:got|received|won|obtained|polled|took|gained|secured|garnered)\s+[^.;:%()]{0,60}$"
)
_ELECTION_RE = lazyre.compile(r"\belect(?:ion|ions|ed|oral)\b", re.IGNORECASE)
#: a lowercase word right after the figure that it measures instead: "63 percent approval"
_NOT_A_SHARE_RE = lazyre.compile(r"\s+(?!of\b|in\b|and\b|with\b|to\b|at\b|for\b|against\b)[a-z]")
_PART_OF_NAME_RE = lazyre.compile(r"\b(?:of|for|de|and)\s+$")
_SEATS_RE = lazyre.compile(r"\s*(?:of\s+(?:the\s+)?)?seats\b")
_ROUND_RE = lazyre.compile(r"\b(?:(?:first|second|third|final)\s+round|run-?off)\b", re.IGNORECASE)
#: words of a party's name that its other spellings leave out ("Socialist-Revolutionary Party")
_PARTY_WORDS = frozenset({"the", "party", "movement"})
#: a party's share of one kind: its name's words, seats or not, the round, the place
Share = tuple[frozenset[str], bool, tuple[str, ...], str | None]
Span = tuple[date, date]


def _share(ctx: Context, q: QuantityClaim) -> tuple[Share, str] | None:
    """``(kind, name)`` of a percentage that is a named party's share of the votes in a
    sentence about a vote: the kind joins one party's shares of one kind (votes or seats, a
    round) at one place; None for any other percentage."""
    from klint.extract.frames import key  # loaded with the frames, on first use

    view = ctx.doc.view
    s, e = q.sentence_start, q.sentence_end
    if s is None or e is None or q.low is None or q.source != "body":
        return None
    m = _SHARE_RE.search(view, max(s, q.start - 200), q.start)
    if (
        m is None
        or not _ELECTION_RE.search(view, s, e)
        or _NOT_A_SHARE_RE.match(view, q.end)  # "a 63 percent approval rating"
        or _PART_OF_NAME_RE.search(view, max(s, m.start() - 6), m.start())  # "… of Angola"
        or "point" in q.text  # "by a margin of 25 percentage points"
        or view.find("respectively", q.end, e) >= 0  # "A and B won 46% and 45%, respectively"
    ):
        return None
    words = [w for w in re.split(r"[\s-]+", m.group("name")) if w.lower() not in _PARTY_WORDS]
    party = frozenset(key(w) for w in words)
    f = ctx.claims.frames.get(q)
    rounds = tuple(sorted(r.group().lower() for r in _ROUND_RE.finditer(view, s, e)))
    seats = _SEATS_RE.match(view, q.end) is not None
    where = f.where if f is not None else None
    if where and where.split()[-1] in MONTH_NAMES:
        where = None  # "in the March 2010 election": a time, not a place
    kind = (party, seats, rounds, where)
    return (kind, m.group("name")) if party else None


def _share_when(ctx: Context, q: QuantityClaim) -> Span | None:
    """The date of a share's vote: the last date of its sentence before it, else the first
    after it ("In the 1921 election Labour won 35%, and in the 1924 election 41%")."""
    inside = [
        c
        for c in ctx.claims.dates
        if q.sentence_start is not None
        and q.sentence_start <= c.start < (q.sentence_end or 0)
        and c.precision in ("day", "month", "year")
        and not c.is_range
    ]
    before = [c for c in inside if c.end <= q.start]
    best = before[-1] if before else next(iter(inside), None)
    return (best.earliest, best.latest) if best is not None else None


def _kinds_by_field(
    groups: dict[tuple[str, str, str], list[tuple[QuantityClaim, Frame, tuple[float, float]]]],
) -> None:
    """Counts of a kind in prose ("two live albums") joined to the field of a box that names
    the kind by its first word (``live = 1`` of a discography box), for one subject."""
    from klint.extract.frames import key

    fields = {
        k: items
        for k, items in groups.items()
        if " " not in k[1] and all(f.origin in ("infobox", "front matter") for _, f, _ in items)
    }
    for (subject, attribute, unit), items in list(groups.items()):
        words = attribute.split()
        kind = len(words) == 2 and words[0] not in _NOT_KINDS
        target = fields.get((subject, key(words[0]), unit)) if kind else None
        if target is not None and all(
            f.origin not in ("infobox", "front matter") for _, f, _ in items
        ):
            target.extend(items)
            del groups[(subject, attribute, unit)]


#: first words of a counted phrase that say which figure, not which kind ("total votes")
_NOT_KINDS = frozenset({"total", "average", "mean", "median", "peak", "combined", "new", "other"})


def _measure(unit: str) -> str:
    """What figures in ``unit`` are compared with: any unit of length or area (converted
    by pint's factors when two meet), else figures in the same unit only."""
    from klint.rules.numbers._units import UNITS

    names = UNITS.get(unit, ())
    return "measure" if len(names) == 1 and unit != "count" else unit


def _in_one_unit(
    items: list[tuple[QuantityClaim, Frame, tuple[float, float]]],
) -> list[tuple[QuantityClaim, Frame, tuple[float, float]]]:
    """Figures of one attribute given in several units, converted to the first one's unit and
    widened by the precision each is written to ("2.06 m" ± 0.005 m, "6 ft 8 in" ± ½ in);
    figures of another dimension are left out."""
    from klint.rules.numbers._units import UNITS, convert, dimension

    target = UNITS[items[0][0].unit][0]
    out = []
    for q, f, (lo, hi) in items:
        unit = UNITS[q.unit][0]
        if dimension(unit) != dimension(target):
            continue
        step = _written_step(q) * 0.999  # "6 ft 8 in" and "6 ft 9 in" meet at no value
        out.append((q, f, (convert(lo - step, unit, target), convert(hi + step, unit, target))))
    return out


_LAST_NUMBER_RE = lazyre.compile(r"(\d[\d,]*(?:\.(\d+))?)(?!.*\d)")
_INCHES_RE = lazyre.compile(r"\d\s?(?:[\"″”]|''|in\b|inch)")


def _written_step(q: QuantityClaim) -> float:
    """Half the step of the last digit a measure is written to, in its unit: "2.06 m" 0.005,
    "16 ft" 0.5, "6 ft 8 in" half an inch."""
    if q.unit == "ft" and _INCHES_RE.search(q.text):
        return 0.5 / 12
    m = _LAST_NUMBER_RE.search(q.text)
    decimals = len(m.group(2)) if m and m.group(2) else 0
    return 0.5 * 10.0**-decimals


def _matched(q: QuantityClaim, others: list[QuantityClaim]) -> bool:
    """Whether one of ``others`` gives ``q``'s value with ``q``'s counted noun or unit."""
    return any(
        o.low == q.low and o.high == q.high and o.unit == q.unit and o.counted == q.counted
        for o in others
    )


def _static(attribute: str | None) -> bool:
    return attribute in _STATIC or (attribute or "").startswith("distance from ")


def _comparable(a: QuantityClaim, fa: Frame, b: QuantityClaim, fb: Frame) -> bool:
    """Two places that may state one fact: not one sentence; an infobox or front matter field
    against any other place, or the lead against the body for a measure (floors, height …);
    one time and place for a figure that changes (members, population …)."""
    if a.sentence_start is not None and a.sentence_start == b.sentence_start:
        return False
    fields = {fa.origin, fb.origin} & {"infobox", "front matter"}
    if fa.origin == fb.origin and fields:
        return False  # two fields of one box: "area_km2" and "area_water_km2", a per-side value
    static = _static(fa.attribute) and _static(fb.attribute)
    if not fields and not (static and "lead" in (fa.origin, fb.origin)):
        return False
    if static:
        return True  # "a 60-storey tower in Chicago": the place is the tower's, not the figure's
    return fa.where == fb.where and fa.year == fb.year and (fa.when is None) == (fb.when is None)
