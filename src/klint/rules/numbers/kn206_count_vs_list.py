"""KN206 count-vs-list.

A count word against the number of items listed, or a vote split against a body's size.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator

from klint import lazyre
from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Document, Region
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, line_of, paragraphs, sentence_text, stated, value
from klint.text.words import find_all

#: a region's or claim's start, read in C as a sort key
_START = operator.attrgetter("start")

_ITEM = (
    r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|de|du|la|le|the|and)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3}"
    r"|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}|[0-9]+)"
)
_LIST_RE = re.compile(
    rf"(?P<of>\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})?"
    r"(?P<pred>(?:\s+(?!(?:and|or|plus|with|but|nor)\b)[a-z][\w'’-]*){1,5}?)?"
    r"\s*(?P<open>[:,(—–])\s*"
    r"(?:(?:namely|named|called|viz\.)\s+)?"
    rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{0,12}}\s*,?\s+(?:and|&)\s+{_ITEM})"
    r"(?P<close>\s*(?:\.(?!\w)|[,;)—–])|\s*$)"  # not the dot inside "Cargo.toml"
)


# a colon list without "and" that ends its sentence: "four small towns: Mitta Mitta, Eskdale, Dartmouth."
_COLON_LIST_RE = re.compile(
    rf"\s*:\s*(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{1,12}})(?P<close>\s*\.(?=\s|$)|\s*$)"
)
# "both" pairs two names; a comma before the first "and" makes it three or more
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of|de|the)\s+[A-Z][\w'’.-]*|\s+[A-Z][\w'’.-]*){0,3}"
# a list that opens its sentence before "were the" and its count: "Aldo, Bruna and Carla were
# the two founders"
_LIST_COPULA = lazyre.compile(
    rf"(?P<items>{_NAME}(?:\s*,\s*{_NAME}){{0,12}}\s*,?\s+(?:and|&)\s+{_NAME})"
    r"\s+(?:were|are)\s+(?:the|all|these)\s+$"
)
_BOTH_RE = re.compile(
    rf"\b[Bb]oth\s+(?P<items>{_NAME}(?:\s*,\s*{_NAME}){{1,12}}\s*,?\s+(?:and|&)\s+{_NAME})"
    r"(?=\s*[.,;)]|\s+[a-z])"
)


def _both_at(view: str) -> list[int]:
    """Every offset where "both" or "Both" stands in ``view``, in order."""
    return sorted(p for p in find_all(view, ("both", "Both")))


def _both_matches(view: str, at: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
    """``_BOTH_RE.finditer(view, start, end)``, the pattern tried only at the offsets ``at``
    where "both" or "Both" stands (opening with a word boundary, it is otherwise tried at
    every offset)."""
    last = start
    for k in range(bisect.bisect_left(at, start), len(at)):  # leftmost, non-overlapping
        p = at[k]
        if p + 4 > end:
            break
        m = _BOTH_RE.match(view, p, end) if p >= last else None
        if m is not None:
            last = m.end()
            yield m


# a list before its count: "Aldo, Bruna and Carla – the two founders – met"
_LIST_BEFORE = lazyre.compile(
    rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM}){{0,12}}\s*,?\s+(?:and|&)\s+{_ITEM})"
    r"\s*(?P<open>[,(—–])\s*(?:the|all|these|those)\s+$"
)
_PLURAL = r"(?:[a-z][\w'’-]*s|people|men|women|children)"
# adjectives and a plural noun after a bare count: "two founding partners"
_BEFORE_COUNT = re.compile(r"[,(—–]\s*(?:the|all|these|those)\s+$")  # _LIST_BEFORE's tail
_COPULA_BEFORE = re.compile(r"\s(?:were|are)\s+(?:the|all|these)\s+$")
_NOUN_AFTER = re.compile(rf"(?:\s+[a-z][\w'’-]*){{0,2}}?\s+{_PLURAL}\b")
_PLURAL_COUNTED = re.compile(r"[a-z][a-z -]*s|people|men|women|children")


def _count_end(ctx: Context, q: QuantityClaim) -> int | None:
    """Where a small exact count and the plural noun it counts end, or None."""
    if q.low is None or q.qualifier != "exact" or q.unit != "count" or not (2 <= q.low <= 12):
        return None
    if not float(q.low).is_integer():
        return None
    if q.counted:
        return q.end if _PLURAL_COUNTED.fullmatch(q.counted) else None
    m = _NOUN_AFTER.match(ctx.doc.view, q.number_end or q.end)
    return m.end() if m else None


#: a colon after blanks alone: what follows a count that introduces the list items after it
_COLON_NEXT = re.compile(r"\s*:")
_CLOSES = {",": ",", "(": ")", "—": "—", "–": "–"}
# words after a count that name what it counts before its list: "named in the report",
# "of the band"; a finite verb ("signed the treaty") is not one
_PREDICATE = lazyre.compile(r"\s*(?:[a-z]+(?:ed|en)|named|called|known|of|in|from|at|on|for)\b")
# a full stop after a word (not an abbreviation, "St. Louis") typed for a comma inside a list
# also parts two items: "(Burbank, Glendale, Anaheim. Pasadena, Colton and Cerritos)"
_SEP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|(?<=[a-z]{4})\.\s+(?=[A-Z])")
_LINK_SPAN = re.compile(r"\[\[[^\[\]]*\]\]|\[[^\[\]]*\]\([^()]*\)|<a\b[^>]*>.*?</a>", re.IGNORECASE)
_LINK_RAW = re.compile(r"\[\[|\]\(|<a\s", re.IGNORECASE)


def _items(ctx: Context, start: int, end: int) -> list[str] | None:
    """The names of a written list, or None when one is not a name: each item capitalized
    or a link ("[[iron]]"); a trailing full stop is the sentence's."""
    view, raw = ctx.doc.view, ctx.doc.text
    links = [m.span() for m in _LINK_SPAN.finditer(raw, max(0, start - 2), min(len(raw), end + 60))]
    if any(a < end < b and re.search(r"\w", view[end:b]) for a, b in links):
        return None  # the list runs on inside a link: read it to the link's end or not at all
    out: list[str] = []
    pos = start
    for sep in [*_SEP.finditer(view, start, end), None]:
        a, b = (sep.start(), sep.end()) if sep else (end, end)
        if sep is not None and any(x <= a < y and re.search(r"\w", view[b:y]) for x, y in links):
            continue  # "[[Saint Pierre and Miquelon]]" is one item
        piece, item_start, pos = view[pos:a], pos, b
        name = piece.strip().rstrip(".")
        if not name:
            continue
        if name.split()[0].lower() in ctx.packs.number_words or name.split()[0] == "one":
            return None  # counted items ("two atria and one ventricle"): a breakdown
        if not (
            name[:1].isupper()
            or name[:1].isdigit()
            or _LINK_RAW.search(raw, max(0, item_start - 2), a)
        ):
            return None
        out.append(" ".join(name.split()))
    return out


# a part of the group counted, before its count: "two of her five daughters", "all of the six",
# "three of the top five makers", "two of the original four members"
_PARTITIVE = re.compile(
    r"\b(?P<part>[A-Za-z]+|\d+)\s+of\s+(?:the|her|his|its|their|our|my|your|these|those)\s+"
    r"(?:[a-z]+\s+)?\Z"
)


# another item after the comma that closed the list read: the list runs on past it
_RUNS_ON = re.compile(rf"\s*{_ITEM}\s*(?:,|\(|\s(?:and|&)\s)")


def _comma_items(items: str) -> int:
    """How many items a list holds read at its commas only, "and" joining the last two unless a
    comma stands before it: "A, B, and Mother and Child Health Center" holds three."""
    pieces = [p.strip() for p in items.split(",") if p.strip()]
    if len(pieces) < 2:
        return len(pieces)
    last = pieces[-1]
    if re.match(r"(?:and|&)\s", last):
        return len(pieces)
    return len(pieces) + (1 if re.search(r"\s(?:and|&)\s", last) else 0)


_COMMA_REGION = lazyre.compile(r", ([A-Z][a-z]+)\b")
_PLACE_START = lazyre.compile(r"\b[A-Z](?=[\w'’.-])")
_PLACE_CHAR = lazyre.compile(r"[\w'’.-]")


def _places_with_regions(text: str) -> list[tuple[str, str]]:
    """Each place and region of a "Place, Region" in ``text``, as
    ``findall(r"\\b([A-Z][\\w'’.-]+), ([A-Z][a-z]+)\\b")`` finds them, read in one pass: the
    place is the run of word characters and ``'’.-`` before the comma, from its first capital
    that opens a word (the pattern would read a long run again from each of its capitals)."""
    out: list[tuple[str, str]] = []
    resume = 0  # where the last pair ended: no place starts before it
    for m in _COMMA_REGION.finditer(text):
        comma = start = m.start()
        while start > resume and _PLACE_CHAR.match(text, start - 1):
            start -= 1
        place = _PLACE_START.search(text, start, comma)
        if place is not None:
            out.append((text[place.start() : comma], m.group(1)))
            resume = m.end()
    return out


def _regions_named(ctx: Context, items: str) -> int:
    """How many items of a list are a region qualifying the place before it ("Osyka,
    Mississippi"): a word the article writes after a comma behind two or more other names
    ("Jackson, Mississippi", "Brookhaven, Mississippi")."""
    regions: set[str] | None = ctx.cache.get("kn206.regions")
    if regions is None:
        before: dict[str, set[str]] = {}
        for place, region in _places_with_regions(ctx.doc.view):
            before.setdefault(region, set()).add(place)
        regions = {r for r, places in before.items() if len(places) >= 2}
        ctx.cache["kn206.regions"] = regions
    return sum(1 for _, region in _places_with_regions(items) if region in regions)


def _sentence_end(ctx: Context, q: QuantityClaim, end: int) -> bool:
    """Whether ``end`` closes the sentence or paragraph of ``q``."""
    return end >= (q.sentence_end or end) or not ctx.doc.view[end : q.sentence_end].strip()


def _partial(ctx: Context, end: int) -> bool:
    """Whether the words after a list say it gives only some ("among others", "etc.")."""
    after = ctx.doc.view[end : end + 30].lower()
    return bool(
        re.match(r"\W*(?:among (?:others|them|whom)|etc\b|and (?:others|more)|and so on)", after)
    )


def _top_items(doc: Document, following: list[Region], nested: bool) -> list[Region]:
    """The list items right after an introducing region, at the first item's depth."""
    items: list[Region] = []
    depth = None
    for r in following:
        if r.kind != "list_item":
            break
        line = doc.text[doc.lines.line_start(doc.position(r.start)[0]) : r.start]
        marks = re.match(r"[\s*#:;>-]*", line)
        d = (len(marks.group().replace(" ", "")) if marks else 0) + len(line) - len(line.lstrip())
        if depth is None:
            depth = d
        if d == depth:
            items.append(r)
        elif d < depth:
            break
    return [] if nested and not items else items


# what stands before the count of a list that follows: "the following three", "had four"
_LIST_INTRO = lazyre.compile(
    r"\b(?:following|these|the|its|their|his|her|had|has|have|are|were|was|is|with)\s+$"
)
# words that make the list some of a larger group: "includes two", "among them were four"
_LIST_SOME = lazyre.compile(
    r"\b(?:includ\w*|among|amongst|such\s+as|other|notable|some|many|several)\b",
    re.IGNORECASE,
)


class CountVsList(Rule):
    """## What it does
    Reports a count word that disagrees with the items it introduces: names after a
    count and its noun ("two resolutions (874, 884 and 885)", "the three founders,
    Aldo, Bruna, Carla and Dino", "four daughters: Ann, Beth and Cara", "four jurors
    were chosen: ...", "the three people named in the charter, ..."), names before
    it ("Aldo, Bruna and Carla – the two founding partners – signed"; "Aldo, Bruna
    and Carla were the two founders" when the list opens the sentence), a colon list
    without "and" that ends its sentence ("four small towns: Mitta Mitta, Eskdale,
    Dartmouth."), "both" before three or more names, and "the following three
    offices:" or "He had four daughters:" before a bulleted or numbered list of another
    length (sub-items not counted; "include two", "among them" give only some). After a
    part of the group ("two of her five daughters, Alice and Beatrice") the list is that
    part; a full stop typed for a comma between two names ("Anaheim. Pasadena") parts
    two items. Linked words count
    as names ("[[iron]], [[nickel]] and [[cobalt]]"); a list that says it is partial
    ("among them", "etc.") is left alone. Also a vote split larger than the body
    that voted ("a seven-member committee ... voted 5-3").

    ## Why is this bad?
    The count and the list cannot both be right; an item was added or dropped.

    ## Example
        Two ships (Alba, Brenna and Corra) were lost in the storm.
        The deal was signed by both Rossi, Neri and Bianchi.
        The valley contains four small towns: Mitta Mitta, Eskdale, Dartmouth.
        Rossi, Neri and Bianchi were the two founders of the firm.

    ## Use instead
        Three ships (Alba, Brenna and Corra) were lost in the storm.
        The deal was signed by Rossi, Neri and Bianchi.
        The valley contains three small towns: Mitta Mitta, Eskdale, Dartmouth.
        Rossi, Neri and Bianchi were the three founders of the firm.
    """

    code = "KN206"
    name = "count-vs-list"
    severity = Severity.ERROR
    summary = (
        "a count word against the number of items listed, or a vote split against a body's size"
    )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        yield from self._counted_lists(ctx)
        yield from self._lists_before(ctx)
        yield from self._both(ctx)
        yield from self._list_items(ctx)

    def _counted_lists(self, ctx: Context) -> Iterator[Diagnostic]:
        """A count and the names after it: "the three founders, Aldo, Bruna, Carla and Dino"."""
        view = ctx.doc.view
        list_nouns = set(ctx.packs.numbers.list_nouns)
        for para in paragraphs(ctx):
            for i, q in enumerate(para):
                if q.counted == "members" and q.subject and q.low is not None:
                    yield from self._split(ctx, q, q.subject, q.low, para[i + 1 :])
                    continue
                end = _count_end(ctx, q)
                if end is None:
                    continue  # a plural noun names the things listed
                m = _LIST_RE.match(view, end, min(len(view), end + 300))
                if m is None:
                    m = _COLON_LIST_RE.match(view, end, q.sentence_end or end)
                    if m is None or not _sentence_end(ctx, q, m.end("close")):
                        continue
                elif (m.group("open") == "(") != (m.group("close").strip() == ")"):
                    continue
                said = " ".join(view[q.start : end].split())
                count = int(value(q))
                part = _PARTITIVE.search(view, max(q.sentence_start or 0, q.start - 40), q.start)
                if part and part.group("part").lower() != "all":
                    # "two of her five daughters, Alice and Beatrice": the list is the two
                    word = part.group("part").lower()
                    count = 2 if word == "both" else ctx.packs.number_words.get(word, 0)
                    if word.isdigit():
                        count = int(word)
                    if not count:
                        continue  # "some of the six ships (…)": only some are named
                    said = " ".join(view[part.start("part") : end].split())
                opener = m.groupdict().get("open") or ":"
                if opener == "(" and said.split()[-1].lower() not in list_nouns:
                    continue  # brackets after another noun hold examples ("seasons (Koufax)")
                if (
                    m.groupdict().get("pred")
                    and opener != ":"
                    and not _PREDICATE.match(m.group("pred"))
                ):
                    continue  # "the two sides signed the treaty, Britain, ...": another clause
                items = _items(ctx, m.start("items"), m.end("items"))
                if items is None or _partial(ctx, m.end("items")):
                    continue
                if m.group("close").strip() == "," and _RUNS_ON.match(view, m.end("close")):
                    continue  # "six facilities: Surgical and Allied Specialties, Medical …, X, Y"
                if m.groupdict().get("of") and opener == "," and len(items) + 1 == count:
                    continue  # "the three kingdoms of England, Scotland and Ireland"
                if _comma_items(view[m.start("items") : m.end("items")]) == count:
                    continue  # "five institutes: A, B, C, D, and Mother and Child Health Center"
                if len(items) != count:
                    yield self.diagnostic(
                        q.start,
                        m.end("items"),
                        f"\u201c{said}\u201d introduces {len(items)} items: {', '.join(items)}",
                        related=[(m.start("items"), m.end("items"), f"{len(items)} items listed")],
                    )

    def _lists_before(self, ctx: Context) -> Iterator[Diagnostic]:
        """Names before their count: "Aldo, Bruna and Carla – the two founders – met"."""
        view = ctx.doc.view
        for para in paragraphs(ctx):
            for q in para:
                end = _count_end(ctx, q)
                if end is None:
                    continue
                before = view[max(0, q.start - 40) : q.start]
                if _COPULA_BEFORE.search(before):
                    # "Aldo, Bruna and Carla were the two founders": the list opens the sentence
                    ss = q.sentence_start or 0
                    m = _LIST_COPULA.match(view, ss, q.start)
                    if m is None or view[ss : m.start()].strip():
                        continue
                elif not _BEFORE_COUNT.search(before):
                    continue  # the common case, found cheaply: no "…, the" right before the count
                else:
                    m = _LIST_BEFORE.search(
                        view, max(q.sentence_start or 0, q.start - 300), q.start
                    )
                    if m is None or not view[end : end + 3].lstrip().startswith(
                        _CLOSES[m.group("open")]
                    ):
                        continue
                items = _items(ctx, m.start("items"), m.end("items"))
                if items is None or len(items) == int(value(q)):
                    continue
                yield self.diagnostic(
                    m.start("items"),
                    end,
                    f"\u201c{' '.join(view[q.start : end].split())}\u201d follows {len(items)} items: {', '.join(items)}",
                    related=[(q.start, end, "the count")],
                )

    def _both(self, ctx: Context) -> Iterator[Diagnostic]:
        """ "both" before a list of three or more names: "both Smith, Jones and Brown"."""
        view = ctx.doc.view
        at = _both_at(view)
        if not at:
            return
        for region in ctx.doc.regions_of("paragraph", "list_item", "caption"):
            for m in _both_matches(view, at, region.start, region.end):
                items = _items(ctx, m.start("items"), m.end("items"))
                if items is None or len(items) <= 2 or _partial(ctx, m.end("items")):
                    continue
                if len(items) - _regions_named(ctx, view[m.start("items") : m.end("items")]) <= 2:
                    continue  # "both Osyka, Mississippi and Camp Moore": a place and its state
                yield self.diagnostic(
                    m.start(),
                    m.end("items"),
                    f"\u201cboth\u201d introduces {len(items)} items: {', '.join(items)}",
                    related=[(m.start("items"), m.end("items"), f"{len(items)} items listed")],
                )

    def _list_items(self, ctx: Context) -> Iterator[Diagnostic]:
        """A count before a colon and the list items that follow it: "the following three
        founders:" and a bulleted list of four."""
        doc = ctx.doc
        claims = sorted(
            (
                q
                for q in ctx.claims.quantities
                if q.unit == "count"
                and q.qualifier == "exact"
                and q.counted
                and q.low is not None
                and 2 <= q.low <= 30
                and _COLON_NEXT.match(doc.view, q.end)  # a colon follows it, as one ends an intro
            ),
            key=_START,
        )
        if not claims:
            return  # no count of things before a colon to hold a list to
        regions = sorted(doc.content_regions(), key=_START)
        starts = [q.start for q in claims]
        for k, region in enumerate(regions[:-1]):
            if region.kind not in ("paragraph", "list_item"):
                continue
            if bisect.bisect_left(starts, region.start) == bisect.bisect_left(starts, region.end):
                continue  # no count in it
            text = doc.view[region.start : region.end].rstrip()
            if not text.endswith(":"):
                continue
            intro = region.start + len(text) - 1
            inside = claims[
                bisect.bisect_left(starts, region.start) : bisect.bisect_right(starts, intro)
            ]
            count = next(
                (
                    q
                    for q in inside
                    if q.end <= intro and re.fullmatch(r"\s*", doc.view[q.end : intro])
                ),
                None,
            )
            if count is None:
                continue
            before = doc.view[max(region.start, count.start - 25) : count.start]
            if not _LIST_INTRO.search(before) or _LIST_SOME.search(before):
                continue  # "Among its members were two brothers:" gives some
            items = _top_items(doc, regions[k + 1 :], region.kind == "list_item")
            if items and len(items) != int(count.low or 0):
                yield self.diagnostic(
                    count.start,
                    count.end,
                    f"{stated(count)} introduces a list of {len(items)} items",
                    related=[(r.start, r.end, f"item {n}") for n, r in enumerate(items, 1)],
                )

    def _split(
        self,
        ctx: Context,
        body: QuantityClaim,
        subject: str,
        members: float,
        after: list[QuantityClaim],
    ) -> Iterator[Diagnostic]:
        """Votes after a body's size ("the 9-member council … voted 7-3") that count more."""
        sentences = {body.sentence_start}
        for q in after:
            if q.sentence_start not in sentences:
                if len(sentences) >= 3:
                    return
                sentences.add(q.sentence_start)
            said = sentence_text(ctx, q).lower()
            if not (
                subject.lower() in said or re.search(r"\b(?:it|they)\s+(?:then\s+)?voted\b", said)
            ):
                continue  # another body's vote
            if q.split and sum(q.split) > members:
                yield self.diagnostic(
                    q.start,
                    q.end,
                    f"vote {stated(q)} counts {sum(q.split)} votes, but the {body.subject} has "
                    f"{fmt(body.low)} members (line {line_of(ctx, body.start)})",
                    related=[(body.start, body.end, f"the {body.subject}'s size")],
                )
                return
