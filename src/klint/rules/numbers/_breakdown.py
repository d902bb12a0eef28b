"""Breakdowns: a whole and the list of parts a sentence splits it into.

"4,000 men in all: 2,500 Genoese, 1,200 Catalans and 600 militia", "Of the 4,000
defenders, 2,500 were ...", "613 civilians, of whom 106 women and 83 children",
"120 seats split between the Liberals (50), Labour (45) and the Greens (30)",
"2,500 Genoese and 1,500 Catalans, a total of 4,000 men". The parts are a list:
numbers joined by commas, semicolons or "and", each opening its item. Which
words introduce a breakdown, say it is complete or leave some of the whole out
are pack lists (``numbers.total_cues``, ``breakdown_cues``, ``subpart_cues``,
``partial_cues``).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass

from klint import lazyre
from klint.claims import QuantityClaim
from klint.rules.base import Context
from klint.rules.numbers._common import bounds, paragraphs, sentence_text
from klint.text.words import has_cue

# a part in parentheses after its name: "Labour (45)"
_PAREN_NUM = re.compile(r"\((\d{1,3}(?:,\d{3})+|\d+)\)")
# what may stand between a list separator and the next part's number
_LEAD = re.compile(
    r"(?:[,;]|\band\b|\bplus\b)\s*(?:and\s+)?(?:(?:a\s+further|another|an\s+additional|further|"
    r"additional|with|the\s+other|the\s+remaining)\s+)?$",
    re.IGNORECASE,
)
# a name before a part in parentheses: ", Labour (" / "and the Greens ("
_NAME_LEAD = lazyre.compile(
    r"(?:[,;:]|\band\b|\bbetween\b|\bamong\b|\binto\b)\s*(?:and\s+)?(?:the\s+)?"
    r"[\w'’.-]+(?:\s+[\w'’.-]+){0,4}\s*\($"
)
# "Of the 4,000 defenders, ..." / "Out of its 40 crew, ..."
_OF_THE = re.compile(
    r"(?:^|[,;]\s*)(?:[Oo]f|[Oo]ut\s+of|[Aa]mong)\s+(?:the|its|their|all|his|her|these|those)\s+$"
)
# the list's last number is a day of a month: "2, 4 and 7 May"
_DAY_MONTH = re.compile(
    r"(?:\s*+,?\s*+(?:and\s+)?\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
# a sentence that may hold a breakdown: a colon, a dash, a number in brackets
_MARK = re.compile(r":\s|\s[—–-]\s|—|\(\d")
# a capitalized word right before a number, not opening the sentence: "Stages 2, 4 and 7"
_LABEL_BEFORE = lazyre.compile(r"(?<=\S)\s+[A-Z][\w-]*\s+$")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DECIMAL = re.compile(r"\d\.\d")
_TOTAL_BEFORE = lazyre.compile(
    r"(?:[,;(—–-]|\b(?:for|making|giving|bringing|to\s+make|with))?\s*+(?:a|an)?\s*+"
    r"(?:combined\s+|grand\s+|overall\s+)?total\s+of\s*$",
    re.IGNORECASE,
)
# a total the parts are some of: "lost 431 men out of a total of 700"
_SUBSET_TOTAL = lazyre.compile(
    r"\b(?:out\s+)?of\s+(?:a|an)\s+(?:\w+\s+)?total\s+of\s*$", re.IGNORECASE
)
#: a full stop or colon between two numbers, footnote marks after it ("Louisiana.[45][50] ")
_STOP_IN_GAP = re.compile(r"[.:](?:\[[^\[\]\n]{1,12}\])*\s")
#: after a part: it counts each of several items, so it is less than their sum ("2 each in …")
_EACH = re.compile(r"\s*(?:\w+\s+)?each\b")
#: the words of :data:`_TOTAL_AFTER` without "total" or "altogether"
_ALL = re.compile(r"in\s+all|all\s+told")
_TOTAL_AFTER = re.compile(r"[^,;.:]{0,25}?\b(?:in\s+all|in\s+total|altogether|all\s+told)\b")
_START = operator.attrgetter("start")
_SENTENCE_START = operator.attrgetter("sentence_start")


@dataclass(frozen=True, slots=True)
class Part:
    """One listed part: its span, the number as written and the bounds of its value."""

    start: int
    end: int
    text: str
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A whole and its listed parts. ``subset``: introduced as some of the whole ("of whom",
    "including", "Of the N ..."); ``complete``: stated as the whole's every part."""

    whole: QuantityClaim
    parts: tuple[Part, ...]
    subset: bool
    complete: bool


def breakdowns(ctx: Context) -> list[Breakdown]:
    """Every breakdown of the article's body, in text order (computed once a check)."""
    found: list[Breakdown]
    if "kn.breakdowns" not in ctx.cache:
        num = ctx.packs.numbers
        cues = [*num.total_cues, *num.breakdown_cues, *num.subpart_cues, "of the", "among the"]
        found = []
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=_SENTENCE_START):
                sentence = list(group)
                if not _may_hold_list(ctx.doc.view, sentence):
                    continue
                said = sentence_text(ctx, sentence[0])
                if not (_MARK.search(said) or has_cue(said, cues)):
                    continue
                used: set[int] = set()
                totalled = _may_total(ctx.doc.view, sentence)
                for i, whole in enumerate(sentence):
                    if whole.start in used:
                        continue
                    b = _forward(ctx, sentence, i) or (
                        _backward(ctx, sentence, i) if totalled else None
                    )
                    if b is not None:
                        found.append(b)
                        used.update(p.start for p in b.parts)
        ctx.cache["kn.breakdowns"] = found
    found = ctx.cache["kn.breakdowns"]
    return found


def _may_hold_list(view: str, sentence: list[QuantityClaim]) -> bool:
    """Whether a sentence's claims may make a whole and two parts: three claims, or a count
    with as many claims and numbers in brackets after it as make two ("Labour (45)"), the
    only other parts :func:`_candidates` reads (the parts of :func:`_backward` and a total
    after them are three claims). A cheap test that spares the cue search most sentences,
    those of a figure and its year in brackets too ("211 (2008)")."""
    n = len(sentence)
    return n >= 3 or any(
        q.unit == "count"
        and q.sentence_end is not None
        and n - i - 1 + len(_PAREN_NUM.findall(view, q.end, q.sentence_end)) >= 2
        for i, q in enumerate(sentence)
    )


def _may_total(view: str, sentence: list[QuantityClaim]) -> bool:
    """Whether a total may follow parts in the sentence: one of the words :func:`_backward`
    needs ("a total of", "in all", "altogether", "all told") stands in it or within 40
    characters of its last claim. (A cheap test that spares most sentences the parts' list.)"""
    low = view[sentence[0].start : max(q.end for q in sentence) + 40].lower()
    return "total" in low or "altogether" in low or _ALL.search(low) is not None


def tolerance(ctx: Context, b: Breakdown) -> float:
    """Relative slack for the sum of an exact whole: none when no figure is rounded."""
    if b.whole.qualifier != "exact":
        return 0.0  # "some 800": its qualifier already bounds it
    figures = [b.whole.low or 0.0, *(p.low for p in b.parts)]
    exact = b.whole.qualifier == "exact" and all(p.low == p.high for p in b.parts)
    if exact and all(f % 100 for f in figures):
        return 0.0
    return ctx.packs.numbers.total_tolerance


def _is_amount(ctx: Context, q: QuantityClaim, unit: str) -> bool:
    """A whole number of ``unit`` as an amount is written: no decimals ("26.00" is an
    average), no label before it ("Stages 2, 4 and 7")."""
    if q.unit != unit:
        return False
    memo: dict[int, bool] = ctx.memo("kn.amount")  # a claim is read many times
    found = memo.get(id(q))
    if found is None:
        view = ctx.doc.view
        numeral = view[q.number_start or q.start : q.number_end or q.end]
        found = memo[id(q)] = (
            q.low is not None
            and q.qualifier not in ("vague", "range")
            and not q.split
            and float(q.low).is_integer()
            and not ("." in numeral and _DECIMAL.search(numeral))
            and not _labelled(view, max(q.sentence_start or 0, q.start - 40), q.start)
        )
    return found


def _labelled(view: str, lo: int, at: int) -> bool:
    """Whether ``_LABEL_BEFORE`` finds a label in ``view[lo:at]``: searched (at every offset)
    only where the text ends in white space after a word with a capital first."""
    before = view[lo:at]
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 1)
    return (
        bool(words) and words[-1][0] in _CAPITALS and _LABEL_BEFORE.search(view, lo, at) is not None
    )


def _part(ctx: Context, q: QuantityClaim) -> Part | None:
    memo: dict[int, Part | None] = ctx.memo("kn.part")
    if id(q) not in memo:
        b = bounds(ctx, q)
        memo[id(q)] = None if b is None else Part(q.start, q.end, " ".join(q.text.split()), *b)
    return memo[id(q)]


def _candidates(ctx: Context, para: list[QuantityClaim], whole: QuantityClaim) -> list[Part]:
    """The numbers after ``whole`` in its sentence: claims of its unit and, for counts,
    bare numbers in parentheses ("Labour (45)")."""
    view = ctx.doc.view
    # the sentence's parts of the whole's unit, read once for all its wholes (``para`` is in
    # text order, a claim's part starts where it does): those after the whole are a tail
    memo: dict[tuple[int, int, int | None, str], tuple[list[int], list[Part]]]
    memo = ctx.memo("kn.parts")
    key = (id(para[0]), len(para), whole.sentence_start, whole.unit)
    found = memo.get(key)
    if found is None:
        parts = [
            p
            for q in para
            if q.sentence_start == whole.sentence_start
            and _is_amount(ctx, q, whole.unit)
            and (p := _part(ctx, q)) is not None
        ]
        found = memo[key] = ([p.start for p in parts], parts)
    starts, parts = found
    out = parts[bisect.bisect_left(starts, whole.end) :]
    if (
        whole.unit == "count"
        and whole.sentence_end is not None
        and view.find("(", whole.end, whole.sentence_end) >= 0
    ):
        taken = [(q.start, q.end) for q in para]
        for m in _PAREN_NUM.finditer(view, whole.end, whole.sentence_end):
            if not any(a <= m.start(1) < b for a, b in taken):
                v = float(m.group(1).replace(",", ""))
                out.append(Part(m.start(1), m.end(1), m.group(1), v, v))
    return sorted(out, key=_START)


def _is_total(view: str, q: Part | QuantityClaim) -> bool:
    return bool(_TOTAL_AFTER.match(view, q.end, q.end + 40))


def _list(ctx: Context, cands: list[Part]) -> tuple[list[Part], bool]:
    """The parts that form one list from ``cands[0]`` on, and whether an unnumbered item or
    a separator without a following part leaves the list open."""
    view = ctx.doc.view
    parts = [cands[0]]
    open_ = False
    for p in cands[1:]:
        gap = view[parts[-1].end : p.start]
        if "(" in view[p.start - 1 : p.start]:
            lead = _NAME_LEAD.search(gap)
        else:
            lead = _LEAD.search(gap)
        if lead is None or len(gap) > 80 or _STOP_IN_GAP.search(gap) or _is_total(view, p):
            break  # "… 1,577 in Louisiana.[45] However, 135 people …": another sentence's
        tail = gap[: lead.start()]
        if re.search(r"[,;]|\band\b", tail):
            open_ = True  # an item without a number between two parts
        parts.append(p)
    # "2 each in A, B and C": a part that counts each of several items
    return parts, open_ or any(_EACH.match(view, q.end) for q in parts)


def adds_up_early(b: Breakdown) -> bool:
    """Whether the first parts already make the whole exactly: the list then goes on past
    it ("260 votes were cast: 247 yes, 10 no, 3 abstaining, and 236 absent")."""
    total = 0.0
    for p in b.parts[:-1]:
        total += p.low
        if total == b.whole.low:
            return True
    return False


def _into_date(ctx: Context, last: Part) -> bool:
    """Whether the list goes on into a date: its numbers are days ("on 2, 4 and 7 May")."""
    view = ctx.doc.view
    end = last.end + 12
    return any(
        last.end < d.start <= end and not re.search(r"[.;!?)]", view[last.end : d.start])
        for d in ctx.claims.dates
    ) or bool(_DAY_MONTH.match(view, last.end, last.end + 30))


def _closed(ctx: Context, whole: QuantityClaim, last: Part) -> bool:
    """Whether the sentence ends the list after its last part with nothing left out."""
    view = ctx.doc.view
    tail = view[last.end : whole.sentence_end or last.end].lower()
    # a stop the sentence reading missed ("….[a] Later")
    tail = _STOP_IN_GAP.split(tail, maxsplit=1)[0]
    tail = re.split(r"[;)]", tail.lstrip(")"), maxsplit=1)[0]
    return not (
        re.search(r"\band\b|\bplus\b|\d", tail) or has_cue(tail, ctx.packs.numbers.partial_cues)
    )


def _forward(ctx: Context, para: list[QuantityClaim], i: int) -> Breakdown | None:
    """A whole followed by a cue and its parts: "4,000 men in all: 2,500 ..."."""
    num = ctx.packs.numbers
    view = ctx.doc.view
    whole = para[i]
    if not _is_amount(ctx, whole, whole.unit) or whole.unit == "percent":
        return None
    cands = _candidates(ctx, para, whole)
    if len(cands) < 2:
        return None
    first = cands[0]
    gap = view[whole.end : first.start]
    if len(gap) > 70 or re.search(r"[.;]\s", gap):
        return None
    gap_l = " ".join(gap.lower().split())
    before = view[max(whole.sentence_start or 0, whole.start - 30) : whole.start]
    # "Of the 4,000 defenders, 2,500 ..."; "Among the 4,000 defenders were 2,500 ..."
    of_the = bool(_OF_THE.search(before)) and re.fullmatch(
        r"[^.;:0-9]{0,50}?(?:,|\s(?:were|was|are|is))\s*", gap
    )
    subset = has_cue(gap_l, num.subpart_cues) or bool(of_the)
    exhaustive = has_cue(gap_l, num.breakdown_cues)
    totalled = has_cue(
        " ".join(view[max(whole.sentence_start or 0, whole.start - 25) : whole.end].split())
        + " "
        + gap_l.split(":")[0],
        num.total_cues,
    )
    # "4,000 men in all: 2,500 ..."; not a label's colon ("Portugal: 9, the Netherlands: 7")
    colon = bool(
        re.fullmatch(r"[^:,()—–]{0,40}(?::|\s[—–-])\s*(?:[a-z]+\s+){0,2}", gap)
    ) and not re.search(r":\s*$", before)
    if not (subset or exhaustive or colon):
        return None
    parts, open_ = _list(ctx, cands)
    if len(parts) < 2 or len(parts) == whole.low or _into_date(ctx, parts[-1]):
        return None  # they name the whole's items ("Stages 2, 4"; "2, 4 and 7 May")
    complete = (
        not subset
        and not open_
        and (exhaustive or (colon and totalled))
        and not has_cue(gap_l, num.partial_cues)
        and _closed(ctx, whole, parts[-1])
    )
    return Breakdown(whole, tuple(parts), subset, complete)


def _backward(ctx: Context, para: list[QuantityClaim], i: int) -> Breakdown | None:
    """Parts followed by their total: "2,500 Genoese and 1,500 Catalans, a total of 4,000"."""
    view = ctx.doc.view
    first = para[i]
    if not _is_amount(ctx, first, first.unit) or first.unit == "percent":
        return None
    cands = [p for p in [_part(ctx, first)] if p is not None]
    if not cands:
        return None
    same = [
        q
        for q in para[i + 1 :]
        if q.sentence_start == first.sentence_start and _is_amount(ctx, q, first.unit)
    ]
    parts, _ = _list(ctx, cands + [p for q in same if (p := _part(ctx, q)) is not None])
    after = [q for q in same if q.start > parts[-1].start]
    if len(parts) < 2 or not after:
        return None
    whole = after[0]
    gap = view[parts[-1].end : whole.start]
    if _SUBSET_TOTAL.search(gap) or re.match(r"\s*/\s*\d", view[whole.end : whole.end + 4]):
        return None  # "lost 19 officers and 431 men out of a total of 700"; "5/238" is a ratio
    if not (
        (len(gap) < 60 and _TOTAL_BEFORE.search(gap))
        or (re.fullmatch(r"\s*[,;(—–-]\s*", gap) and _is_total(view, whole))
    ):
        return None
    people = set(ctx.packs.numbers.people_nouns) | {"men"}
    counted = {q.counted for q in [first, *same] if q.start < whole.start}
    if whole.counted not in (None, "total") and whole.counted not in counted | people:
        return None
    if whole.counted == "total" and counted <= {None, "total"}:
        return None  # "scored 78 and 68 and took a total of 5": the parts name nothing counted
    return Breakdown(whole, tuple(parts), False, True)
