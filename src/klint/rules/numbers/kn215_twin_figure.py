"""KN215 twin-figure: one figure given twice in an article and changed in one place only."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator

from klint import lazyre
from klint.claims import Frame, QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import (
    figure_bounds,
    line_of,
    restated_bounds,
    round_figure,
    stated,
)
from klint.rules.numbers._restate import counted_head, mistyped, retold, twins
from klint.rules.numbers._units import UNITS

#: the units of area (their pint names)
_AREAS = frozenset(
    names
    for names in UNITS.values()
    if "** 2" in names[0] or names[0] in ("square_mile", "acre", "hectare")
)
#: a figure of this many significant digits is given to its last one, "about" or not
_PRECISE_DIGITS = 3


#: words a name's heading may hold in lower case ("Bobsleigh and Skeleton World Cup")
_MINOR = frozenset("a an and at by de for in of on the to v vs".split())
#: a heading's word, and a name's word the prose writes mid-sentence ("at Louisville")
_HEADING_WORD_RE = lazyre.compile(r"[^\W\d_][\w'’.-]*")


def _heading(ctx: Context, at: int) -> str | None:
    """The text of the last heading before ``at`` (without "[edit]"), or None."""
    heads: list[tuple[int, str]] | None = ctx.cache.get("kn215.headings")
    if heads is None:
        heads = ctx.cache["kn215.headings"] = [
            (r.start, ctx.doc.view[r.start : r.end].replace("[edit]", "").strip())
            for r in sorted(ctx.doc.regions_of("heading"), key=lambda r: r.start)
        ]
    i = bisect.bisect_right(heads, (at, "\uffff")) - 1
    return heads[i][1] if i >= 0 else None


def _a_name(ctx: Context, heading: str) -> bool:
    """Whether a heading names one thing: every word but the minor ones capitalised, and
    a single word written so mid-sentence in the prose too ("played at Louisville"; not
    "History", capitalised only as a heading's first word)."""
    words = [w for w in _HEADING_WORD_RE.findall(heading) if w.lower() not in _MINOR]
    if not words or not all(w[0].isupper() for w in words):
        return False
    if len(words) > 1:
        return True
    return re.search(r"\b[a-z]+\s+" + re.escape(words[0]) + r"\b", ctx.doc.view) is not None


def _named_apart(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two figures stand under two headings that name two things ("Louisville" and
    "Air Force", two games of a season; "Khyber Pakhtunkhwa" and "Balochistan"): each
    section gives its own thing's figures. A lead has no heading, and a heading of a topic
    ("Environmental threats", "History") names nothing."""
    ha, hb = _heading(ctx, a.start), _heading(ctx, b.start)
    return (
        ha is not None
        and hb is not None
        and ha.casefold() != hb.casefold()
        and _a_name(ctx, ha)
        and _a_name(ctx, hb)
    )


class TwinFigure(Rule):
    """## What it does
    Reports one figure that an article gives twice and that was changed in one place
    only. Two figures of one counted noun are twins when they are matched by the noun
    (without its participles: "69 tornadoes confirmed" and "87 confirmed tornadoes";
    "ones" after an adjective is the one noun the article counts after it: "over 150
    non-scientific works", "150 non-scientific ones"), their time and the sentences'
    other words, not by how alike the sentences are:

    - their digits differ as a typo's do — one digit changed or two neighbours swapped,
      with three significant digits ("775 rooms" and "757 rooms", "5,085,000 persons"
      and "5,045,000 persons"), in any two sentences that share a word besides the noun
      and a name when both name someone, or in one section, in one paragraph or two
      ("1,539 people, 681 households and 388 families", "There were 618 households out
      of which …");
    - or the article counts that noun with these two values only, never a third, at
      most twice apart, in two paragraphs dated to a year in common or both undated
      ("the first 61 evacuees" in the lead, "the first 64 evacuees" in the body); a
      count below 20 needs three words in common ("the three monks who prepare the
      herbal mixture", "the herbal mixture prepared by two monks");
    - or the two sentences say the same in mostly the same words ("certified gold by
      the RIAA for shipments of 500,000 copies", twice), or give the same list of
      measures with one figure changed ("610 km northeast of Kuching, 216 km northeast
      of Sibu and 200 km southwest of Miri");
    - or their digits differ as a typo's do in the leading places ("24,000" and
      "34,000") and the two sentences give another figure in common ("24,000 men and
      168 guns", "34,000 men and 168 guns");
    - or they are counts whose digits differ as a typo's do in the leading places, with the
      same three words right before both ("returned with the first 61 evacuees", "left with
      the first 67 evacuees"; not measures: "a speed of 12 knots", "a speed of 13 knots"
      are as often two ships');
    - or they are counts of at least 20 written in digits that differ only by two
      neighbouring digits swapped, however far apart that puts them, in two sentences
      dated to one year that share two words besides the noun ("in 2017, 93 children were
      rescued by government authorities", "in 2017, government authorities rescued 39
      children"; not "In 2017 Arsenal scored 93 goals", "In 2017 Chelsea scored 39 goals");
    - or they are two ranges with one end in common ("an estimated 75 to 200 million
      people", "some 75 to 250 million people");
    - or they stand in one paragraph given twice, word for word the same but for this
      figure, whatever it counts ("… were evacuated, among the 15,000 total who were
      advised to leave", and the same paragraph with 25,000 in another section); one
      sentence alike is not enough ("For every 100 females, there were 90.7 males" is
      each census's own);
    - or their digits differ as a typo's do in the leading places, both are counts of at
      least 100 written in digits, the larger at most half as much again as the smaller,
      and the two sentences share a word besides the noun ("Caesar found himself … with
      only 22,000 men", "Caesar had 80 cohorts on the battlefield, or 32,000 men"), each
      naming no one the other does not.

    The frames help: a subject both sentences share ("The city has 896 barangays",
    "Manila is divided into 826 barangays") counts as a word in common, two subjects set
    the figures apart; for digits that differ as a typo's do (three significant ones, or
    a round count's leading one), so does a name both sentences give anywhere, not only
    next to the figure ("In the district of Valmora the count … ended with a margin of
    1,284 votes", "certified the result by 1,248 votes after a recount in Valmora"; "The
    diocese of Arden … counts 700 parishes", "In Arden, according to the records …, the
    clergy serve 800 parishes"; not a word of the article's title, a demonym or an
    abbreviated title, "Maj. Gen."); a lead that summarises the body may leave out the
    body's date, and a lead's dated figure is the body's undated one when the body's
    paragraph gives no other year; a range dates a figure by its first and last year
    ("between 1996 and 2006" and "the 2005–06 season" share 2006); a sentence ends at a
    full stop that citation marks of a plain-text copy follow ("… in Eurasia.[1][2][3]
    According to … in 2007"), so the next sentence's year does not date it. Measures are
    compared in their unit ("125 mph", "152 mph"). One qualifier before both ("more than
    300 papers", "more than 400 papers") qualifies one figure, so the figures themselves
    are compared, and so does a bound on the same side in other words ("more than 300
    languages", "over 400 languages"); "about" before a figure given to three significant
    digits ("around 412 dams", "approximately 32,800 square miles") allows no other, and a
    round figure holds what rounds to it, half up ("just under 9,000 copies" does not hold
    9,500). Each figure's allowance is held against the
    other figure as stated, never against the other's allowance: "around 50,000
    visitors" allows 52,000 but not "an estimated 60,000 visitors".

    An infobox or front matter figure is a twin of a body figure of the same attribute
    or counted noun whose digits differ from it as a typo's do (a round count of 100 or
    more in a leading digit too, at most half as much again: "number_of_rooms = 410"
    against "310 rooms"), when the field's own value is stated nowhere in the body
    ("population = 3045257" against "a population of 3,645,257"). A field is dated by the
    sibling of its whole name first (``population_census_year`` for ``population_census``). A unit is one whatever its spelling ("km2", "square kilometres"; an
    area field and an area in the body), and "about" before a figure given to its last
    unit ("about 320,475") allows no other here too.

    What is left alone: figures dated to two different years or days, a change or
    series word next to one and not the other ("another 40 rooms", "rose to", "the
    remaining"), two sentences that each name someone the other does not (a demonym
    describes, and sets apart only against another: "including all American civilians"
    names no one against "returned to Guam", but "the Russian army" and "the Austrian
    army" are two), a noun
    counted twice in one sentence (a list), a rate ("two or three seats per district"),
    a field that lists several figures ("848 cc, 947 cc, 998 cc"), items of one list
    (each counts its own: "Cherkasy Regiment - 2990 cossacks", "Poltava Regiment - 2970
    cossacks"), a measure read as a count ("43–47 cm" after a no-break space), a figure a round
    figure or a qualifier allows ("500,000" and "501,000"; "more than 125,000" and
    "225,000"), headings ("6 Flora") and number words joined to an adjective
    ("two-dimensional"). A word after the noun that says where it is counted is no part
    of it ("2,500 war cemeteries worldwide"). Two paragraphs that give other figures of the
    same kinds, more of them with other values than with the same, are two reports of one
    pattern, not one fact twice: two censuses ("there were 48,361 people, 18,112 households,
    and 11,409 families", "there were 45,906 people, 17,305 households, and 11,490
    families"), two islands ("an area of 24 km2 and a maximum altitude of 259 m", "an area
    of 1.3 km2 and a maximum altitude of 253 m"), two variants. A paragraph that gives the
    other figure's value too tells another figure ("winds of 175 mph" against "winds of 125
    mph, well below the 175 mph of its peak"), and a conversion in parentheses is compared
    through the figure it converts ("379,500 lb (172,100 kg)"). A year written alone dates
    its sentence as a date does ("As of the census[11] of 2000, there were … 97,915
    families"). A record — a table's row or cell
    copied as a line, a list item that says no sentence — is compared only with a record
    of the same label in its section ("Men's team event – 1 team of 18 players" under
    Basketball is not the one under Handball) or with a sentence that names its label
    ("Cruise speed: 299 knots" against "its cruise speed is 292 knots"); a bare cell
    ("10,700 ft (3,260 m)") with none. A block that opens with a label ("- Aldwin 400ER:
    Fully flat seats for 182 passengers") tells of that label alone. Two figures under two headings
    that name two things ("Louisville" and "Air Force", two games of a season; "Tour de
    France" and "Vuelta a España") are each their section's thing's: every word but the
    minor ones capitalised, and a one-word heading written so mid-sentence too ("History"
    names a topic, not a thing). Two sentences that name two
    events of one series — one noun after two ordinals ("its second landfall … 125 mph",
    "its third landfall … 120 mph"; "the 3rd round", "the 4th round") — tell two figures. A
    number between two capitalised words is part of a name ("Boeing 737 Classic", "U.S.
    Patent 173,618 Electro-Harmonic Telegraph"), not a count ("With 20,540 Germans" is).

    ## Why is this bad?
    One figure stated in two places and edited in one: a reader cannot tell which
    is right.

    ## Example
        The palace has 775 rooms and the largest private garden in London.
        ...
        There are 757 rooms in the palace, including 19 state rooms.

        The two helicopters returned to Guam with the first 61 evacuees.
        ...
        After an hour on the ground, the helicopters left with the first 64 evacuees.

    ## Use instead
        The palace has 775 rooms and the largest private garden in London.
        ...
        There are 775 rooms in the palace, including 19 state rooms.

        The two helicopters returned to Guam with the first 61 evacuees.
        ...
        After an hour on the ground, the helicopters left with the first 61 evacuees.
    """

    code = "KN215"
    name = "twin-figure"
    severity = Severity.WARNING
    default_enabled = False
    summary = "one figure given twice and changed in one place only (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        body = [
            q
            for q in ctx.claims.quantities
            if q.low is not None and not q.split and q.source in ("body", "caption")
        ]
        reported: set[int] = set()
        by_head: dict[str, int] = defaultdict(int)
        for a, b, head, why in twins(ctx, body):
            if a.start in reported or b.start in reported or by_head[head]:
                continue
            ba, bb = _allowed(ctx, a, b), _allowed(ctx, b, a)
            if why == "same range":
                pass  # one end in common, the other given as another figure
            elif ba is None or bb is None or _allows(ba, b, a) or _allows(bb, a, b):
                continue  # "about 8,000" and "8,400"; "more than 400" and "700" (but not
                # "around 50,000" and "an estimated 60,000": each allows its own figure, not
                # the other's)
            fa, fb = ctx.claims.frames.get(a), ctx.claims.frames.get(b)
            if (
                fa is not None
                and fb is not None
                and fa.how == fb.how == "link"
                and subject_key(fa.subject or "") != subject_key(fb.subject or "")
            ):
                continue  # the links name two different things
            if _named_apart(ctx, a, b):
                continue  # under "Louisville" and "Air Force": each game's own figure
            reported.add(b.start)
            by_head[head] += 1
            yield self._finding(ctx, a, b, head, why)
        yield from self._fields(ctx, body)

    def _fields(self, ctx: Context, body: list[QuantityClaim]) -> Iterator[Diagnostic]:
        """An infobox or front matter figure whose digits differ as a typo's do from the body's
        figure of the same attribute or counted noun, the field's own value being stated
        nowhere in the body ("population = 3045257", "a population of 3,645,257")."""
        from klint.extract.frames import count_attribute

        view = ctx.doc.view

        def counts(q: QuantityClaim, f: Frame) -> set[str]:
            """What a figure counts: its frame's attribute and its counted noun, each by its
            last word ("inhabitants" and "population": population)."""
            words = [w for w in (f.attribute, q.counted, counted_head(view, q)) if w]
            if _measure(q) in _AREAS:
                words.append("area")  # "44,579,000 square kilometers", "area = 44579000 km2"
            return {count_attribute(w.split()[-1]) for w in words}

        frames = ctx.claims.frames
        stated_values = {(_measure(q), q.low) for q in body}
        per_field: dict[tuple[str | None, str | None, str], int] = defaultdict(int)
        for q in ctx.claims.quantities:
            f = frames.get(q)
            if f is not None and f.origin in ("infobox", "front matter"):
                per_field[(f.subject, f.field, q.unit)] += 1
        for q in ctx.claims.quantities:
            f = frames.get(q)
            if (
                f is None
                or per_field[(f.subject, f.field, q.unit)] > 1  # "848 cc, 947 cc, 970 cc …"
                or q.low is None
                or q.low != q.high
                or q.split
                or f.origin not in ("infobox", "front matter")
                or (_measure(q), q.low) in stated_values
            ):
                continue
            what = counts(q, f)
            for b in body:
                fb = frames.get(b)
                if (
                    _measure(b) != _measure(q)
                    or b.low is None
                    or b.low != b.high
                    or not (mistyped(q.low, b.low) or retold(q.low, b.low))
                    or fb is None
                    or not what & counts(b, fb)
                    or (f.year and fb.year and f.year != fb.year)
                ):
                    continue
                allowed = _precise(b) or figure_bounds(ctx, b)
                if allowed is None or allowed[0] <= q.low <= allowed[1]:
                    continue  # "more than 125,000 companies" allows 225,000
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"{f.field or 'field'}: {stated(q)} here but {stated(b)} at line "
                    f"{line_of(ctx, b.start)}: the digits differ as a typo's do",
                    related=[(b.start, b.end, f"the same figure given as {stated(b)}")],
                )
                break

    def _finding(
        self, ctx: Context, a: QuantityClaim, b: QuantityClaim, head: str, why: str
    ) -> Diagnostic:
        reason = {
            "mistyped": "the digits differ as a typo's do",
            "same words": "the two sentences say the same in the same words",
            "same list": "the same list is given twice",
            "same range": "the same range is given with one end changed",
            "same paragraph": "the same paragraph is given twice with this figure changed",
            "restated": "the two sentences say the same of it",
            "retold": "the digits differ as a typo's do",
            "same phrase": "the digits differ as a typo's do, in the same words",
            "transposed": "two neighbouring digits are swapped",
        }.get(why, f"the article counts “{head}” with these two values only")
        return self.diagnostic(
            b.start,
            b.end,
            f"{stated(b)} here but {stated(a)} at line {line_of(ctx, a.start)}: {reason}",
            related=[(a.start, a.end, f"the same count given as {stated(a)}")],
        )


#: qualifiers that bound a figure on one side, by side ("over" and "more than"; "under" and "up to")
_SIDES = (
    frozenset({"over", "at-least"}),
    frozenset({"up-to", "as-many-as", "at-most", "fewer-than"}),
)


def _allowed(ctx: Context, q: QuantityClaim, other: QuantityClaim) -> tuple[float, float] | None:
    """What ``q`` allows when read against its twin ``other``: a bound on the same side before
    both, in any words ("more than 300 languages", "over 400 languages"), bounds one figure, so
    the figures themselves are compared, each to its stated precision; else what its qualifier
    allows."""
    if q.low is not None and q.high is not None:
        if any(q.qualifier in side and other.qualifier in side for side in _SIDES):
            return round_figure(min(q.low, q.high), max(q.low, q.high))
    return _precise(q) or restated_bounds(ctx, q, other)


def _allows(allowed: tuple[float, float], q: QuantityClaim, own: QuantityClaim) -> bool:
    """Whether what one figure (``own``) allows holds the other figure as stated. A round
    figure stands for the values that round to it, half up: "9,000" holds 9,499, not 9,500
    ("just under 9,000 copies", "just under 9,500 copies"; "55 million", "50 million"), unless
    its allowance stops short of half a step ("3,000" holds 3,300)."""
    if q.low is None or q.high is None:
        return False
    lo, hi = allowed
    if own.low is not None and own.high is not None and allowed == round_figure(own.low, own.high):
        digits = str(int(own.high))
        if hi - own.high == 0.5 * 10 ** (len(digits) - len(digits.rstrip("0"))):
            return lo <= q.low <= q.high < hi
    return lo <= q.low <= q.high <= hi


def _measure(q: QuantityClaim) -> tuple[str, ...] | str:
    """A figure's unit, one name for its spellings ("km2" and "square kilometres")."""
    spelling = q.counted if q.unit == "count" and q.counted else q.unit
    return UNITS.get(spelling or "", q.unit)


def _precise(q: QuantityClaim) -> tuple[float, float] | None:
    """What "about" allows before a figure given to three significant digits or more ("about
    320,475", "around 412 dams", "approximately 32,800 square miles"): that figure, or when
    it ends in zeros what rounds to it one digit further (32,300 to 33,300; "about 325,000"
    holds 320,000), since a rounder figure would have been written had it been rounded
    more (None: another qualifier, or a figure of one or two significant digits)."""
    if q.qualifier != "about" or q.low is None or q.low != q.high or not q.low.is_integer():
        return None
    digits = str(int(q.low))
    if len(digits.rstrip("0")) < _PRECISE_DIGITS:
        return None
    zeros = len(digits) - len(digits.rstrip("0"))
    spread = 0.5 * 10 ** (zeros + 1) if zeros else 0.0
    return q.low - spread, q.low + spread
