"""Restatements: two sentences that give one figure of one thing, told by the words around it.

A figure stated twice (the lead and the body, two sections) is written with the same
counted noun or unit and most of the same words around it: "the palace has 775 rooms"
and "there are 775 rooms, including 19 state rooms" share little, but "the Commission
maintains over 25,000 non-war military and civilian graves" said twice shares almost
everything. Two figures are a restatement pair when they count one thing (the same noun
or unit), their sentences share enough of the content words next to the figure, and
nothing in the sentences sets them apart (two different years, a change word, another
subject the frames name).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator

from klint import lazyre
from klint.claims import QuantityClaim
from klint.document import Region
from klint.rules.base import Context
from klint.text.calendar import MONTH_NAMES

_WORD_RE = lazyre.compile(r"[^\W\d_](?:[^\W\d_]|['’-])+")
#: how far after a percentage the words naming what it counts are looked for
_HEAD_REACH = 240
_POSSESSIVE_RE = lazyre.compile(r"['’]s?$")
_YEAR_RE = lazyre.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
#: words that carry no topic: function words, common verbs of stating, number words
_STOP = frozenset(
    "the a an and or but of in on at by to for from with as into over under about after "
    "before during since until than then that this these those there their its his her "
    "they them it he she we our you your who whom whose which what when where while is are "
    "was were be been being has have had having do does did not no nor so such also only "
    "some any all each every both either neither more most less least many much few other "
    "another same own very just around nearly almost approximately roughly estimated "
    "total including included include between among per out up down off one two three four "
    "five six seven eight nine ten hundred thousand million billion first second third "
    "would could should will can may might must said says say according".split()
)
#: words that say a figure changed or is one of a series: two such figures need not agree.
#: Matched as written, not by lemma ("remains" is no "remaining", "news" no "new").
_CHANGE_WORDS = frozenset(
    (
        "increase increased increases increasing rose rise rises rising risen grew grow grows "
        "growing grown fell fall falls falling fallen decline declined declines declining "
        "decrease decreased decreases drop dropped drops dropping doubled tripled halved "
        "reduced reduce reduces cut cuts added adds another additional further new more fewer "
        "extra lost gained gains each per average initially originally later eventually "
        "remaining"
    ).split()
)
#: the change words of a figure inside a quotation: the source's words, never compared
_QUOTED = frozenset({'"'})
#: where the words after a figure stop telling of it: "8,000 students, and more than 60 …"
_CLAUSE_END_RE = lazyre.compile(r"[,;:()\[\]]")
#: a word right after a figure that makes it a part of a larger whole ("the two largest divisions")
_PART_RE = lazyre.compile(r"[a-z]+est|main|top|first|last|leading|major|principal|other", re.I)
#: units of area and length: a place's size is restated, unlike times, prices and speeds
_MEASURES = frozenset({"hectares", "acres", "km2", "sq mi", "km", "mi", "m", "ft"})
#: two figures further apart than this factor are not one figure misstated
_RATIO = 20
#: how far back (in characters) a date of the sentence before carries over to a figure
_CARRY = 250
#: a window of this many words before and after the figure, inside its sentence
_BEFORE, _AFTER = 10, 8
#: a noun given more values than this in one article is a running statistic, not one fact
_VALUES = 3
#: at least this many shared content words, and this share of the smaller window
_SHARED, _SHARE = 3, 0.6


def key(word: str) -> str:
    """A word's lemma, as the frames reduce it (the frames module is loaded on first use)."""
    from klint.extract.frames import key as frame_key

    return frame_key(word)


def counted_head(view: str, q: QuantityClaim) -> str | None:
    """What a figure counts: its counted noun, or the first content word after a percentage
    ("63 percent approval rating"). Measures are left to the frames, whose attribute says
    which length or area a figure is."""
    if (
        q.unit == "count"
    ):  # with the words before the noun: "largest divisions", "primary divisions"
        if not q.counted:
            return None
        tail = q.text[(q.number_end or q.start) - q.start :]
        words = [key(w) for w in _WORD_RE.findall(tail) if w.lower() not in _STOP]
        return " ".join(words) or None
    if q.unit in _MEASURES:  # "1.4 hectares", "covered an area of around 1.6 hectares"
        return q.unit
    if q.unit == "percent":
        # of the sentence's next four words, within a few lines' reach (not a sentence's
        # whole rest for each of its figures: a table read as one sentence)
        end = min(q.sentence_end or q.end + 60, q.end + _HEAD_REACH)
        after = itertools.islice(_WORD_RE.finditer(view, q.end, end), 4)
        word = next((w for m in after if (w := m.group()).lower() not in _STOP), None)
        return key(word) if word else None
    return None


#: a sentence's end followed by citation marks in a plain-text copy ("Eurasia.[1][2][3] According")
_CITED_STOP_RE = lazyre.compile(r"[.!?](?:\[\d{1,3}\])+\s+(?=[\"“(\[]?[A-Z])")


def _sentence(view: str, q: QuantityClaim, cited: bool = True) -> tuple[int, int]:
    """The sentence of a figure, ended at a full stop that citation marks hide from the
    sentence splitter ("It killed some 75 to 200 million people in Eurasia.[1][2][3]
    According to … in 2007:"): the next sentence's date is not the figure's. (A sentence
    before it that such a stop joins to it may date it, as the sentence before does.) Without
    ``cited``, the splitter's sentence: restatements, matched by their words alone, keep the
    dates of the sentences around them that set them apart."""
    s = q.sentence_start if q.sentence_start is not None else max(0, q.start - 200)
    e = q.sentence_end if q.sentence_end is not None else min(len(view), q.end + 200)
    m = _CITED_STOP_RE.search(view, q.end, e) if cited else None
    return s, (m.start() + 1 if m else e)


def _window(
    view: str, q: QuantityClaim, cited: bool = True
) -> tuple[dict[str, str], frozenset[str]]:
    """The content words next to a figure (lemma: the word as written), and the words next
    to it that say the figure changed or is one of a series (``_QUOTED`` inside a quotation)."""
    s, e = _sentence(view, q, cited)
    if view.count('"', s, q.start) % 2 or view.count("“", s, q.start) > view.count("”", s, q.start):
        return {}, _QUOTED  # inside a quotation: the source's words, not the article's statement
    found = _WORD_RE.findall(view, s, q.start)
    before = found[-_BEFORE:]
    if len(found) <= _BEFORE and before:
        before[0] = before[0].lower()  # a sentence's first word is capitalised as such
    after = _WORD_RE.findall(view, q.end, e)[:_AFTER]
    words: dict[str, str] = {}
    for w in before + after:
        w = _POSSESSIVE_RE.sub("", w)  # "Kershaw's" names Kershaw
        if w.lower() not in _STOP and len(w) > 2:
            words.setdefault(key(w), w)
    stop = _CLAUSE_END_RE.search(view, q.end, e)
    own = _WORD_RE.findall(view, q.end, stop.start() if stop else e)[:3]  # the figure's phrase
    changed = {w.lower() for w in before[-4:] + own if w.lower() in _CHANGE_WORDS}
    if after and _PART_RE.fullmatch(after[0]):
        changed.add(after[0].lower())
    return words, frozenset(changed)


def _blocks(ctx: Context) -> tuple[list[Region], list[int]]:
    """The paragraphs, list items, captions and quotations of the article, and their starts."""
    if "kn.blocks" not in ctx.cache:
        blocks = sorted(
            ctx.doc.regions_of("paragraph", "list_item", "caption", "quote"),
            key=lambda r: r.start,
        )
        ctx.cache["kn.blocks"] = (blocks, [r.start for r in blocks])
    found: tuple[list[Region], list[int]] = ctx.cache["kn.blocks"]
    return found


def _place(
    ctx: Context, q: QuantityClaim, ends: bool = False, cited: bool = True
) -> tuple[tuple[int, int] | None, frozenset[int]]:
    """Where a figure stands — its paragraph, or the section of its list item (items of one
    list are told side by side) — and the years that date it: those of its sentence, else
    of the sentence before it in its paragraph, else those its section heading gives
    ("=== 2010 ===") unless a paragraph of the section before it opens with others; with
    ``ends``, a range's last year too."""
    blocks, starts = _blocks(ctx)
    i = bisect.bisect_right(starts, q.start) - 1
    region = blocks[i] if i >= 0 and q.start < blocks[i].end else None
    s, e = _sentence(ctx.doc.view, q, cited)
    years = _years(ctx, s, e, ends)
    if not years and region is not None:  # "… on September 3. A station there reported …"
        years = _years(ctx, max(region.start, s - _CARRY), s, ends)
    if not years and region is not None and region.section:
        h = ctx.doc.regions[region.section]
        years = frozenset(int(y) for y in _YEAR_RE.findall(ctx.doc.view, h.start, h.end))
        years = (years and _opened(ctx, blocks, i, ends)) or years
    if region is None:
        return None, years
    if region.kind == "list_item":
        return (-1, region.section), years
    return (region.start, 0), years


def _opened(ctx: Context, blocks: list[Region], i: int, ends: bool) -> frozenset[int]:
    """The years the last paragraph before ``blocks[i]`` in its section opens with, that no
    later one leaves: a section's report goes on until a paragraph opens with another year
    ("2010 census" … "As of the 2000 census, there were 80,504 households …" … "There were
    80,504 households out of which …" is of 2000, not of the heading's 2010)."""
    section = blocks[i].section
    for block in reversed(blocks[:i]):
        if block.section != section:
            break
        m = _SENTENCE_END_RE.search(ctx.doc.view, block.start, block.end)
        years = _years(ctx, block.start, m.end() if m else block.end, ends)
        if years:
            return years
    return frozenset()


def _apart(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> bool:
    return bool(a and b and not a & b)


def _names(words: dict[str, str]) -> dict[str, str]:
    """The words of a window written with a capital: names of people, places, bodies (not
    of months)."""
    return {k: w for k, w in words.items() if w[0].isupper() and w not in MONTH_NAMES}


def _sentence_names(ctx: Context, q: QuantityClaim) -> frozenset[str]:
    """The names (as lemmas) a figure's sentence gives anywhere, not only next to the figure:
    the words written with a capital after its first word, save months, function words,
    abbreviated titles ("Maj. Gen."), demonyms ("British") and the words of the article's
    title, which many of its sentences name ("… the count ended with a margin of 1,284 votes
    … in the decisive district, Valmora")."""
    cache = ctx.memo("kn.sentence_names")
    if q.sentence_start not in cache:
        view = ctx.doc.view
        if "kn.title_words" not in ctx.cache:
            ctx.cache["kn.title_words"] = _title_words(ctx)
        suffixes = tuple(ctx.packs.demonym_suffixes)
        s, e = _sentence(view, q)
        words = [
            _POSSESSIVE_RE.sub("", m.group())
            for m in list(_WORD_RE.finditer(view, s, e))[1:]
            if not (len(m.group()) <= _TITLE and view.startswith(".", m.end()))
        ]
        cache[q.sentence_start] = (
            frozenset(
                key(w)
                for w in words
                if w[0].isupper()
                and len(w) > 2
                and w.lower() not in _STOP
                and w not in MONTH_NAMES
                and not (suffixes and w.casefold().endswith(suffixes))
            )
            - ctx.cache["kn.title_words"]
        )
    found: frozenset[str] = cache[q.sentence_start]
    return found


def _title_words(ctx: Context) -> set[str]:
    """The words (as lemmas) of the article's title and of the subject the frames give it (a
    plain-text copy has no title line: "Katrina" of "Hurricane Katrina")."""
    view = ctx.doc.view
    names = [view[r.start : r.end] for r in ctx.doc.regions_of("title")]
    subject = next((f.subject for f in ctx.claims.frames.values() if f.how == "title"), None)
    return {key(w) for w in _WORD_RE.findall(" ".join([*names, subject or ""]))}


def _years(ctx: Context, s: int, e: int, ends: bool = False) -> frozenset[int]:
    """The years of the dates in ``view[s:e]``, and the days of those given to the day
    (as day numbers, far above any year); with ``ends``, the last year of a range too."""
    if "kn.dates" not in ctx.cache:
        dates = sorted(ctx.claims.dates, key=lambda d: d.start)
        ctx.cache["kn.dates"] = (dates, [d.start for d in dates])
    dates, starts = ctx.cache["kn.dates"]
    i = bisect.bisect_left(starts, s)
    out = set()
    while i < len(dates) and dates[i].start < e:
        d = dates[i]
        if d.earliest is not None and d.precision in ("day", "month", "season", "year"):
            out.add(d.earliest.year)
            if ends and d.is_range and d.latest is not None:
                out.add(d.latest.year)  # "between 1996 and 2006" dates a total of 2006 too
            if d.precision == "day":
                out.add(d.earliest.toordinal())  # "22 April 2014" and "3 March 2014" differ
        i += 1
    return frozenset(out | _named_years(ctx, s, e))


#: a year written alone, not part of a longer number, range or name ("the 2000 census")
_BARE_YEAR_RE = lazyre.compile(r"(?<![\w,.–/-])(1[5-9][0-9]{2}|20[0-9]{2})(?![\w–/%-]|[,.][0-9])")


def _named_years(ctx: Context, s: int, e: int) -> set[int]:
    """The years of ``view[s:e]`` that no date or figure claims: a year naming what a sentence
    reports ("As of the census of 2000", "the United States 2000 Census"), which dates its
    figures as a date would."""
    if "kn.claimed" not in ctx.cache:
        spans = sorted((c.start, c.end) for c in (*ctx.claims.dates, *ctx.claims.quantities))
        ctx.cache["kn.claimed"] = (spans, [a for a, _ in spans])
    spans, starts = ctx.cache["kn.claimed"]
    out = set()
    for m in _BARE_YEAR_RE.finditer(ctx.doc.view, s, e):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or spans[i][1] <= m.start():
            out.add(int(m.group(1)))
    return out


def restatements(
    ctx: Context, quantities: list[QuantityClaim]
) -> Iterator[tuple[QuantityClaim, QuantityClaim, list[str]]]:
    """``(earlier, later, shared words as the later writes them)`` for each pair of figures that restate one fact.
    Values are not compared here."""
    view = ctx.doc.view
    groups: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    for q in quantities:
        head = (
            counted_head(view, q)
            if q.low == q.high and not _converted(ctx, q) and not named_number(view, q)
            else None
        )  # a range is rarely restated as one; a conversion is compared through its figure
        if head is not None:
            groups[(q.unit, head)].append(q)
    for (_, head), items in groups.items():
        if not 2 <= len(items) <= 40 or len({(q.low, q.high) for q in items}) > _VALUES:
            continue  # one figure, or a running statistic ("runs", "men") given many values
        per_sentence: dict[int | None, int] = defaultdict(int)
        for q in items:
            per_sentence[q.sentence_start] += 1
        items = [q for q in items if per_sentence[q.sentence_start] == 1]
        words: dict[int, dict[str, str] | None] = {}
        for q in items:
            w, changed = _window(view, q, cited=False)
            for h in head.split():
                w.pop(h, None)
            words[q.start] = None if changed else w
        for i, a in enumerate(items):
            wa = words[a.start]
            if not wa:
                continue
            for b in items[i + 1 :]:
                wb = words[b.start]
                if not wb or a.sentence_start == b.sentence_start:
                    continue
                if a.low and b.low and max(a.low, b.low) > _RATIO * min(a.low, b.low):
                    continue  # "772 members" and "7 million members": two different wholes
                shared = wa.keys() & wb.keys()
                na, nb = _names(wa).keys() - shared, _names(wb).keys() - shared
                if (na and nb) or (a.unit == "percent" and (na or nb)):
                    continue  # "the RIAA … 500,000 copies", "the Australian … ARIA … 70,000";
                    # a share of another whole: "Gazan's division … 40 percent", "the French … 30"
                if len(shared) < _SHARED or len(shared) < _SHARE * min(len(wa), len(wb)):
                    continue
                (pa, ya), (pb, yb) = _place(ctx, a, cited=False), _place(ctx, b, cited=False)
                if pa == pb:
                    continue  # one paragraph: two things compared side by side, as a rule
                if _apart(ya, yb) or _apart(
                    {y for y in ya if y > 9999}, {y for y in yb if y > 9999}
                ):
                    continue  # "in 2010 … 5,000 members", "in 2020 … 6,000 members"
                if _two_reports(ctx, a, b) or _stated_there(ctx, a, b) or _told_apart(ctx, a, b):
                    continue  # two censuses, two variants; the other block states this figure
                yield a, b, [wb[k] for k in sorted(shared, key=list(wb).index)]


#: a participle and a noun after a figure read without a counted noun ("87 confirmed tornadoes")
_PARTICIPLE_NOUN_RE = lazyre.compile(r"[ \t]+[a-z]+ed[ \t]+([a-z]{3,})\b")
_LOWER_AFTER_RE = lazyre.compile(r"[ \t\u00a0]+[a-z]")
#: a number word joined to the word after it: an adjective ("two-dimensional"), not a count
_WORD_COMPOUND_RE = lazyre.compile(r"[^\W\d_]+-")
#: a counted noun written in lower-case words, not a unit ("kPa", "Moilbbl")
_NOUN_RE = lazyre.compile(r"[a-z][a-z-]+(?: [a-z][a-z-]+)*")
#: a capitalised word this short before a full stop is an abbreviated title ("Maj.", "Gen.")
_TITLE = 4
#: twins whose digits differ as a typo's do — three significant ones, or a round count's
#: leading one — tied by a name both sentences give anywhere, not only next to the figure
_NAMED_TWINS = frozenset({"mistyped", "retold"})
#: a list given twice has at least this many figures ("5 ft 2 in to 6 ft 2 in" is a range)
_LISTED = 3
#: units of physical measures a twin figure may be given in (not money, durations, shares)
_PHYSICAL = _MEASURES | {"yd", "in", "kg", "tons", "km/h", "mph", "knots"}
#: twin figures restated in the same words: at least this many content words of each window,
#: and this many in common
_SAME_WINDOW, _SAME_SHARED = 5, 4
#: twin figures: a counted noun given exactly two values, at most this many times apart
_TWIN_RATIO = 2
#: and given at most this many times in all (more: a noun the article keeps counting)
_TWIN_MENTIONS = 6
#: a twin of two values only below this count needs three words in common, not one
_TWIN_LEAST = 20
#: a mistyped figure keeps at least this many significant digits ("775" and "757")
_TYPO_DIGITS = 3
#: a figure of a rate ("three deputies per state"): no count of the whole, and no item of a list
_RATE_RE = lazyre.compile(r"[ \t]+per[ \t]+[^\W\d_]")
#: a word after a counted noun that says where or how it is counted, not what
#: ("2,500 war cemeteries worldwide", "40 games overall"), matched on lemmas ("worldwid")
_NOUN_ADVERB_RE = lazyre.compile(r" (?:\w+wide?|overall|abroad|annually|altogether|apiece?)$")


#: a counted noun that is a unit's symbol, read as a count after a no-break space ("43–47 cm")
_UNIT_WORD_RE = lazyre.compile(
    r"(?:[kcm]?m|in|ft|yd|n?mi|kn|mph|kg|lb|t|kw|hp|sq [a-z]+|[a-z]+[²2])"
)


def near_typo(x: float, y: float) -> bool:
    """Whether two whole numbers differ as a typo's do in their leading digits, however few
    are significant ("24,000" and "34,000" or "42,000", "80" and "90", "63" and "36")."""
    if not (float(x).is_integer() and float(y).is_integer()):
        return False
    a, b = str(int(x)), str(int(y))
    if len(a) != len(b) or len(a) < 2:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 or (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def mistyped(x: float, y: float) -> bool:
    """Whether two whole numbers read as one figure mistyped: a typo's difference (see
    :func:`near_typo`) with at least three digits significant ("775" and "757",
    "5,085,000" and "5,045,000"; not "5,000" and "6,000")."""
    return near_typo(x, y) and (
        max(len(str(int(x)).rstrip("0")), len(str(int(y)).rstrip("0"))) >= _TYPO_DIGITS
    )


#: a count written in digits alone, thousands separated or not ("22,000", "55 million")
_DIGITS_RE = lazyre.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s(?:thousand|million|billion))?")
#: a figure retold in other words is a count of at least this many (smaller ones recur:
#: "20 points", "two games")
_RETOLD_LEAST = 100
#: and the two values are at most this many times apart ("10,000" and "20,000": two facts)
_RETOLD_RATIO = 1.5


#: two counts with two neighbouring digits swapped share this many words besides the noun (and
#: a year)
_TRANSPOSED_SHARED = 2


def _transposed_counts(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two counts written in digits, each at least ``_TWIN_LEAST``, differ only by two
    neighbouring digits swapped ("93 children" and "39 children", "18,000 employees" and
    "81,000 employees"), however far apart that puts them: the commonest slip of the keys."""
    if not (_plain_count(a) and _plain_count(b)) or a.low is None or b.low is None:
        return False
    if min(a.low, b.low) < _TWIN_LEAST or not near_typo(a.low, b.low):
        return False
    x, y = str(int(a.low)), str(int(b.low))
    return sum(p != q for p, q in zip(x, y, strict=True)) == 2


def retold(x: float, y: float) -> bool:
    """Whether two counts read as one round figure retold with a leading digit mistyped
    ("22,000 men" and "32,000 men"): a typo's difference (see :func:`near_typo`), both at
    least ``_RETOLD_LEAST``, the larger at most ``_RETOLD_RATIO`` times the smaller."""
    return min(x, y) >= _RETOLD_LEAST and max(x, y) <= _RETOLD_RATIO * min(x, y) and near_typo(x, y)


def _plain_count(q: QuantityClaim) -> bool:
    """Whether a figure is a count written in digits alone: not a number word ("twenty
    starters"), a decimal ("6.0 million") or a measure ("100 m")."""
    if q.unit != "count" or q.low is None:
        return False
    s, e = (q.number_start or q.start) - q.start, (q.number_end or q.end) - q.start
    return bool(_DIGITS_RE.fullmatch(q.text[s:e]))


def _lower_after(view: str, q: QuantityClaim) -> bool:
    """Whether the word after a figure is written in lower case ("61 evacuees", not the
    heading "6 Flora")."""
    end = q.number_end if q.number_end is not None else q.start
    return bool(_LOWER_AFTER_RE.match(view, end))


def _noun(view: str, q: QuantityClaim) -> str | None:
    """A figure's counted noun without the participles that tell its state, not its kind:
    "87 confirmed tornadoes" and "69 tornadoes confirmed" count tornadoes."""
    head = counted_head(view, q)
    if head is not None:
        head = _NOUN_ADVERB_RE.sub("", head) or head
    if head is None and q.unit == "count" and not q.counted:
        m = _PARTICIPLE_NOUN_RE.match(view, q.end)  # "539 identified victims"
        return key(m.group(1)) if m and m.group(1) not in _STOP else None
    if head is None and q.unit in _PHYSICAL:
        return q.unit  # a measure: "125 mph", "610 kilometres"
    if head is None or not q.counted:
        return head
    participles = {key(w) for w in q.counted.split()[:-1] if w.endswith("ed")}
    words = head.split()
    return " ".join([w for w in words[:-1] if w not in participles] + words[-1:])


#: the words right before a count that tie it to its twin
_PHRASE = 3


def _same_phrase(view: str, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two counts written in digits stand after the same three words in their
    sentences ("returned with the first 61 evacuees", "left with the first 67 evacuees").
    Not measures: "a speed of 12 knots" and "a speed of 13 knots" are as often two ships'."""
    if not (_plain_count(a) and _plain_count(b)):
        return False  # a measure, or a number word ("with twenty starters", "with 24 starters")

    def before(q: QuantityClaim) -> list[str]:
        s, _ = _sentence(view, q)
        at = q.number_start if q.number_start is not None else q.start
        return [w.casefold() for w in _WORD_RE.findall(view, s, at)[-_PHRASE:]]

    wa = before(a)
    return len(wa) == _PHRASE and wa == before(b)


def _demonyms(ctx: Context, words: dict[str, str], names: set[str]) -> set[str]:
    """The names of a window that are demonyms (pack ``demonym_suffixes``: "American",
    "Chinese"): they describe, and set two figures apart only against another demonym
    ("the Russian army … 24,000 men", "the Austrian army … 24,000 men")."""
    suffixes = tuple(ctx.packs.demonym_suffixes)
    return {k for k in names if suffixes and words[k].casefold().endswith(suffixes)}


def _restated_lists(items: list[QuantityClaim]) -> set[tuple[int, int]]:
    """Pairs of figures (by start) that stand at one place of one list given twice: two
    sentences that each count a noun several times, with the same values but at one place
    ("610 km northeast of Kuching, 216 km northeast of Sibu and 200 km southwest of Miri")."""
    lists: dict[int | None, list[QuantityClaim]] = defaultdict(list)
    for q in items:
        lists[q.sentence_start].append(q)
    several = [v for k, v in lists.items() if k is not None and len(v) >= _LISTED]
    out = set()
    for i, one in enumerate(several):
        for other in several[i + 1 :]:
            if len(one) != len(other):
                continue
            diff = [(a, b) for a, b in zip(one, other, strict=True) if a.low != b.low]
            if len(diff) == 1:
                out.add((diff[0][0].start, diff[0][1].start))
    return out


def _written_noun(q: QuantityClaim) -> str:
    """A figure's counted noun as the text writes it ("kPa", not "kpa")."""
    return " ".join(q.text[(q.number_end or q.start) - q.start :].split())


def _dated(ctx: Context, q: QuantityClaim) -> bool:
    """Whether a figure's own sentence gives a date."""
    if q.sentence_start is None or q.sentence_end is None:
        return False
    return bool(_years(ctx, *_sentence(ctx.doc.view, q)))


def _subject(ctx: Context, q: QuantityClaim) -> str | None:
    """The subject the frames give a figure by a link, or as the article's own (its title, "the
    city", "it"), as a key."""
    from klint.extract.frames import subject_key

    f = ctx.claims.frames.get(q)
    if f is None or f.subject is None or f.how not in ("link", "title", "noun", "pronoun"):
        return None  # a capitalised word is no sure name ("Of the 165 deputies")
    return subject_key(f.subject)


def _lead_dates(ctx: Context, a: QuantityClaim, b: QuantityClaim, a_dated: bool) -> bool:
    """Whether, of two figures one of which is dated in its sentence and one not, one is the
    lead's summary of the other: the undated one in the lead, or the dated one in the lead and
    the undated one in a paragraph of the body that gives no other year ("The funeral … on 5
    January, and was attended by around 50,000 people" in the lead; "The funeral was attended
    by an estimated 50,000 people" in the body)."""
    dated, undated = (a, b) if a_dated else (b, a)
    if _in_lead(ctx, undated):
        return True
    if not _in_lead(ctx, dated) or _in_lead(ctx, undated):
        return False
    block = _block(ctx, undated)
    if block is None:
        return False
    own = {y for y in _years(ctx, *_sentence(ctx.doc.view, dated)) if y < 10000}
    there = {y for y in _years(ctx, block.start, block.end) if y < 10000}
    return not _apart(own, there)


def _in_lead(ctx: Context, q: QuantityClaim) -> bool:
    f = ctx.claims.frames.get(q)
    return f is not None and f.origin == "lead"


def _section(ctx: Context, q: QuantityClaim) -> int | None:
    """The heading that opens the section of a figure's paragraph (0: before any heading)."""
    block = _block(ctx, q)
    return block.section if block is not None else None


def _block(ctx: Context, q: QuantityClaim) -> Region | None:
    """The paragraph, list item, caption or quotation a figure stands in."""
    blocks, starts = _blocks(ctx)
    i = bisect.bisect_right(starts, q.start) - 1
    return blocks[i] if i >= 0 and q.start < blocks[i].end else None


#: a figure's kind and value, as a block gives it: (unit, counted noun), (low, high)
_Kind = tuple[str, str]
_Value = tuple[float | None, float | None]


def _kind(view: str, q: QuantityClaim) -> _Kind | None:
    """A figure's counted noun or unit, a unit one whatever its spelling ("8,700 nautical
    miles", "8,700 nmi")."""
    from klint.rules.numbers._units import UNITS

    head = _noun(view, q)
    names = UNITS.get(q.counted if q.unit == "count" and q.counted else q.unit)
    if names:
        return ("measure", names[0])
    return (q.unit, head) if head is not None else None


#: an opening parenthesis right after a figure: its conversions follow ("379,500 lb (172,100 kg)")
_CONVERSION_RE = lazyre.compile(r"\s*\(")
#: units that are not measures: a count or share in parentheses is another figure ("8,768 (24.7%)",
#: "less than 5% (84 electoral votes)")
_NOT_MEASURES = frozenset({"count", "percent"})
#: a counted noun this short is a unit's symbol ("kW", "shp"), not a noun
_SYMBOL = 3


def _block_figures(ctx: Context, q: QuantityClaim) -> dict[_Kind, set[_Value]]:
    """The figures of a figure's block, by kind: the values it gives each counted noun or unit,
    a measure's conversions in parentheses after it left out ("750 PS (550 kW; 740 shp)")."""
    if "kn.block_figures" not in ctx.cache:
        view = ctx.doc.view
        found: dict[int, dict[_Kind, set[_Value]]] = defaultdict(lambda: defaultdict(set))
        sentences: dict[int | None, dict[_Kind, set[_Value]]] = defaultdict(
            lambda: defaultdict(set)
        )
        heads: dict[int, QuantityClaim] = {}
        head, until = None, -1
        for o in sorted(ctx.claims.quantities, key=lambda o: o.start):
            measure = (
                o.unit not in _NOT_MEASURES
                or (_kind(view, o) or ("",))[0] == "measure"
                or (o.unit == "count" and len(o.counted or "") <= _SYMBOL)  # "550 kW", "740 shp"
            )
            if head is not None and o.start < until and measure:
                heads[o.start] = head  # a conversion of the figure before it
                continue
            heads[o.start], head, until = o, o, -1
            if o.unit != "percent" and _CONVERSION_RE.match(view, o.end):
                until = view.find(")", o.end)
            block = _block(ctx, o) if o.low is not None else None
            kind = _kind(view, o) if block is not None else None
            if block is not None and kind is not None:
                found[block.start][kind].add((o.low, o.high))
                sentences[o.sentence_start][kind].add((o.low, o.high))
        ctx.cache["kn.block_figures"] = found
        ctx.cache["kn.sentence_figures"] = sentences
        ctx.cache["kn.heads"] = heads
    block = _block(ctx, q)
    return ctx.cache["kn.block_figures"][block.start] if block is not None else {}


def _own_kinds(ctx: Context, q: QuantityClaim) -> set[_Kind | None]:
    """The kinds of a figure and of the figure it converts, if it is a conversion."""
    _block_figures(ctx, q)
    head = ctx.cache["kn.heads"].get(q.start, q)
    return {_kind(ctx.doc.view, q), _kind(ctx.doc.view, head)}


#: the word before a figure, and the figure's first counted word written with a capital
_WORD_BEFORE_RE = lazyre.compile(r"([^\W\d_][\w.'’-]*)[ \t\u00a0]+$")


def named_number(view: str, q: QuantityClaim) -> bool:
    """Whether a figure is part of a name, between two capitalised words ("Boeing 737
    Classic", "U.S. Patent 173,618 Electro-Harmonic Telegraph"): an identifier, not a count
    ("With 20,000 Germans" counts: "with" is no name)."""
    noun = _written_noun(q)
    at = q.number_start if q.number_start is not None else q.start
    m = _WORD_BEFORE_RE.search(view, max(0, at - 40), at)
    return bool(
        q.unit == "count"
        and noun[:1].isupper()
        and m is not None
        and m.group(1)[0].isupper()
        and m.group(1).lower() not in _STOP
    )


def converts(ctx: Context, q: QuantityClaim) -> QuantityClaim:
    """The figure a conversion in parentheses converts ("379,500 lb" for "(172,100 kg)"), or
    the figure itself."""
    _block_figures(ctx, q)
    head: QuantityClaim = ctx.cache["kn.heads"].get(q.start, q)
    return head


def _converted(ctx: Context, q: QuantityClaim) -> bool:
    """Whether a figure is another's conversion, in parentheses after it ("(172,100 kg)")."""
    return converts(ctx, q) is not q


#: two paragraphs that give this many other kinds of figure, all with other values, are two
#: reports whatever their sentences give
_REPORTS = 2


def _two_reports(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two figures' sentences give other figures of the same kinds with other values,
    more of them than the two paragraphs give with the same: two reports of one pattern — two
    censuses ("As of the 2010 census, there were 203,433 people, 81,369 households …", "As of
    the 2000 census, there were 198,682 people, 80,504 households …"), two variants'
    specifications, two islands ("an area of 24 km2 and a maximum altitude of 259 m", "an area
    of 1.3 km2 and a maximum altitude of 253 m") — not one fact given twice. A figure restated
    beside another that agrees ("over 4,000 war graves and over 2,500 other graves" twice)
    stays one report, and so does one whose sentence alone gives another kind of figure
    ("the first 61 evacuees, including four heads of mission")."""
    ba, bb = _block(ctx, a), _block(ctx, b)
    if ba is None or bb is None or ba.start == bb.start:
        return False
    fa, fb = _block_figures(ctx, a), _block_figures(ctx, b)
    sentences = ctx.cache["kn.sentence_figures"]
    sa, sb = sentences[a.sentence_start], sentences[b.sentence_start]
    own = _own_kinds(ctx, a) | _own_kinds(ctx, b)
    differ = sum(1 for kind in sa.keys() & sb.keys() - own if not sa[kind] & sb[kind])
    agree = sum(1 for kind in fa.keys() & fb.keys() - own if fa[kind] & fb[kind])
    apart = sum(1 for kind in fa.keys() & fb.keys() - own if not fa[kind] & fb[kind])
    return differ > agree or (agree == 0 and apart >= _REPORTS)


def _stated_there(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether either figure's value is given, of the same kind, in the other's block too: the
    other block states this figure, and its other value is another figure ("1-minute sustained:
    175 mph" against "maximum sustained winds of 175 mph … made landfall … with winds of 125
    mph")."""
    kind = _kind(ctx.doc.view, a)
    ba, bb = _block(ctx, a), _block(ctx, b)
    if kind is None or ba is None or bb is None or ba.start == bb.start:
        return False
    return (a.low, a.high) in _block_figures(ctx, b).get(kind, set()) or (
        b.low,
        b.high,
    ) in _block_figures(ctx, a).get(kind, set())


#: an ordinal before a noun: one event of a series ("its second landfall", "the 3rd round")
_ORDINAL_RE = lazyre.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|"
    r"[0-9]+(?:st|nd|rd|th))[ \t]+([a-z]{3,})\b"
)


#: spelled ordinals as the digits that write them too ("the tenth busiest", "the 10th busiest")
_ORDINALS = {
    w: str(n)
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1
    )
}


def _other_events(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether the two figures' sentences name two events of one series: the same noun after
    two different ordinals ("made its second landfall … with sustained winds of 125 mph",
    "made its third landfall … with 120 mph sustained winds"), an ordinal spelt either way
    ("the tenth busiest", "the 10th busiest")."""

    def events(q: QuantityClaim) -> dict[str, set[str]]:
        s, e = _sentence(ctx.doc.view, q)
        out: dict[str, set[str]] = defaultdict(set)
        for m in _ORDINAL_RE.finditer(ctx.doc.view, s, e):
            ordinal = m.group(1).lower()
            out[key(m.group(2))].add(_ORDINALS.get(ordinal, ordinal.rstrip("stndrh")))
        return out

    ea, eb = events(a), events(b)
    return any(not ea[noun] & eb[noun] for noun in ea.keys() & eb.keys())


#: a sentence's end in a block ("… in the city.", "… in the city.[5] The")
_SENTENCE_END_RE = lazyre.compile(r"[.!?](?:\[\d{1,3}\])*(?:\s|$)")
#: a block that opens with a label naming what it tells of ("• Boeing 777-300ER: Fully …")
_LEAD_LABEL_RE = lazyre.compile(
    r"\s*(?:[•*·▪^-]\s*)?([^\W\d_][^\s:()]*(?:[ \t]+[^\s:()]+){0,4}):\s"
)


def _label(ctx: Context, q: QuantityClaim) -> tuple[str, ...] | None:
    """What the markup says a figure belongs to, when its block is no plain prose: the content
    words before it in a record — a table's row or cell copied as a line, a list item that
    says no sentence ("Squat – 545 lb (247 kg)", "Men's team event – 1 team of 18 players";
    none: "10,700 ft (3,260 m)") — or the label a block opens with ("• Boeing 777-300ER: Fully
    lie-flat seats … Equipped with a 17-inch touchscreen"). None for a block of plain prose."""
    block = _block(ctx, q)
    if block is None:
        return None
    view = ctx.doc.view
    m = _LEAD_LABEL_RE.match(view, block.start, block.end)
    if m is not None and m.end() <= q.start:
        text = m.group(1)
    elif _SENTENCE_END_RE.search(view, block.start, block.end) is None:
        text = view[block.start : q.number_start if q.number_start is not None else q.start]
    else:
        return None
    words = (key(w) for w in _WORD_RE.findall(text) if w.lower() not in _STOP)
    return tuple(dict.fromkeys(words))


def _told_apart(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether the markup sets two figures apart: a record or labelled block against another of
    another label or section (two rows of a table, two variants' list items), a record with no
    label (a bare cell: "10,700 ft (3,260 m)"), or a record whose label the prose sentence it is
    compared with does not name ("Cruise speed: 292 kts" against "a speed of 296 knots")."""
    la, lb = _label(ctx, a), _label(ctx, b)
    if la is None and lb is None:
        return False
    if la == () or lb == ():
        return True  # a bare cell: its row and column are not told
    if la is not None and lb is not None:
        return la != lb or _section(ctx, a) != _section(ctx, b)
    label, other = (la, b) if la is not None else (lb, a)
    s, e = _sentence(ctx.doc.view, other)
    said = {key(w) for w in _WORD_RE.findall(ctx.doc.view, s, e)}
    return not set(label or ()) <= said


#: a figure as another sentence may give it again: unit, counted noun, low and high value
_Anchor = tuple[str, str, float, float | None]


def _anchors(view: str, quantities: list[QuantityClaim]) -> dict[int | None, set[_Anchor]]:
    """The figures of each sentence (by its start) as (unit, counted noun, value)."""
    out: dict[int | None, set[_Anchor]] = defaultdict(set)
    for q in quantities:
        head = _noun(view, q)
        if head is not None and q.low is not None and q.low >= _TWIN_LEAST:
            out[q.sentence_start].add((q.unit, head, q.low, q.high))
    return out


def _anchored(anchors: dict[int | None, set[_Anchor]], a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether the two figures' sentences give another figure in common, of the same noun and
    value ("4,000 archers and 1,500 crossbowmen" in both): they tell one set of facts."""
    if a.sentence_start is None or b.sentence_start is None:
        return False
    return bool(anchors[a.sentence_start] & anchors[b.sentence_start])


def _own_name(ctx: Context, a: QuantityClaim, b: QuantityClaim) -> set[str]:
    """The words (as lemmas) of the subject the frames give both figures: the article's own
    name ("Obama garnered a 63 percent …", "he received a 63 percent …") sets nothing apart."""
    sa, sb = _subject(ctx, a), _subject(ctx, b)
    if sa is None or sa != sb:
        return set()
    f = ctx.claims.frames.get(a)
    return {key(w) for w in _WORD_RE.findall(f.subject or "")} if f is not None else set()


def twins(
    ctx: Context, quantities: list[QuantityClaim]
) -> Iterator[tuple[QuantityClaim, QuantityClaim, str, str]]:
    """``(earlier, later, counted noun, why)`` for two figures of one counted noun that read
    as one figure: their digits differ as a typo's do (``why`` "mistyped"), or the article
    gives that noun these two values only ("two values"), or their digits differ as a typo's
    do in the leading places and the two sentences give another figure in common
    ("restated"); in two paragraphs dated alike (a year in common, or none), that
    share a word besides the noun (a mistyped figure in one section need not) and that
    nothing else sets apart (another day, a change word, two other names). Their values
    differ. Two ranges with one end in common and the other not are twins too ("same
    range")."""
    view = ctx.doc.view
    groups: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    ranges: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    for q in quantities:
        if _WORD_COMPOUND_RE.match(q.text) or _RATE_RE.match(view, q.end):
            continue  # "two-dimensional"; "three deputies per state" counts no whole
        if _converted(ctx, q) or named_number(view, q):
            continue  # "379,500 lb (172,100 kg)": the figure converted is compared; "Boeing 737
            # Classic" names, not counts
        head = _noun(view, q)
        if head is not None and not (q.unit == "count" and _UNIT_WORD_RE.fullmatch(head)):
            # (a measure read as a count: "43–47 cm", "31 cm" after a no-break space)
            (groups if q.low == q.high else ranges)[(q.unit, head)].append(q)
    _ones(groups)
    yield from _range_twins(ctx, ranges)
    anchors = _anchors(view, quantities)
    for (unit, head), items in groups.items():
        values = {q.low for q in items}
        two = len(values) == 2 and len(items) <= _TWIN_MENTIONS and unit == "count"
        if len(items) > 40 or len(values) < 2:
            continue
        listed = _restated_lists(items)
        per_sentence: dict[int | None, int] = defaultdict(int)
        for q in items:
            per_sentence[q.sentence_start] += 1
        # "6,000 riflemen … 5,000 riflemen" in one sentence: a list of several, compared only
        # with the same list given again
        listed_at = {x for pair in listed for x in pair}
        items = [q for q in items if per_sentence[q.sentence_start] == 1 or q.start in listed_at]
        windows = {q.start: _window(view, q) for q in items}
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.low == b.low or a.low is None or b.low is None:
                    continue
                relisted = (a.start, b.start) in listed
                if (a.start in listed_at or b.start in listed_at) and not relisted:
                    continue
                (wa, ca), (wb, cb) = windows[a.start], windows[b.start]
                near = max(a.low, b.low) <= _TWIN_RATIO * min(a.low, b.low)
                why = "mistyped" if mistyped(a.low, b.low) else "two values"
                if relisted and why != "mistyped":
                    why = "same list"
                elif why == "two values" and _transposed_counts(a, b):
                    why = "transposed"  # "93 children were rescued", "rescued 39 children"
                own = _own_name(ctx, a, b)
                names_a = {k for k in _names(wa) if k not in own}
                names_b = {k for k in _names(wb) if k not in own}
                dem_a, dem_b = _demonyms(ctx, wa, names_a), _demonyms(ctx, wb, names_b)
                if not (dem_a and dem_b):  # "American civilians" against "Guam": no other
                    names_a, names_b = names_a - dem_a, names_b - dem_b  # subject named
                if why != "mistyped" and near and not relisted and not two:
                    # "certified gold by the RIAA for shipments of 500,000 copies", twice
                    why = "same words"
                    common = len((wa.keys() & wb.keys()) - set(head.split()))
                    if (
                        unit != "count"
                        or not _NOUN_RE.fullmatch(_written_noun(a))  # "copies", not "kPa"
                        or min(a.low, b.low) < _TWIN_LEAST
                        or not (float(a.low).is_integer() and float(b.low).is_integer())
                        or min(len(wa), len(wb)) < _SAME_WINDOW
                        or common < max(_SAME_SHARED, _SHARE * min(len(wa), len(wb)))
                    ):
                        if not near_typo(a.low, b.low):
                            continue
                        # "4,000 archers and 1,500 crossbowmen", twice; else one round figure
                        # retold with a word in common ("Caesar had 22,000 men", "about 23,000 men")
                        if _anchored(anchors, a, b):
                            why = "restated"
                        elif _plain_count(a) and _plain_count(b) and retold(a.low, b.low):
                            why = "retold"
                        elif _same_phrase(view, a, b):
                            why = "same phrase"  # "with the first 61 evacuees", twice
                        else:
                            continue
                if not (
                    why
                    in ("mistyped", "same words", "restated", "retold", "same phrase", "transposed")
                    or (why == "same list" and near)
                    or (
                        two
                        and near
                        and _lower_after(view, a)
                        and _lower_after(view, b)
                        and head not in _MEASURES
                    )
                ):
                    continue  # "10.4 million views" and "38 million"; "6.1 Flora", "6 Flora"
                if ca != cb or _QUOTED <= ca:
                    continue  # "another 40 monks", "rose to 87" (unless both say it), a quotation
                typo = why == "mistyped" or relisted
                na, nb = names_a - wb.keys(), names_b - wa.keys()
                # a name both sentences give: "Germany" in both windows of a mistyped figure, or
                # anywhere in them, save demonyms and the title's words ("Valmora", not "British")
                common_names = frozenset(names_a & names_b) if typo else frozenset()
                if why in _NAMED_TWINS and not common_names:
                    common_names = _sentence_names(ctx, a) & _sentence_names(ctx, b) - own
                named = (typo or why in _NAMED_TWINS) and common_names
                if _anchored(anchors, a, b):
                    pass  # one set of facts, whoever each sentence names as its source
                elif (na and nb and not named) or (a.unit == "percent" and (na or nb)):
                    continue  # two sentences about two named people, places or sources
                shared = (wa.keys() & wb.keys()) - set(head.split())
                sa, sb = _subject(ctx, a), _subject(ctx, b)
                if sa is not None and sb is not None:
                    if sa != sb:
                        continue  # the frames name two subjects: "Marana …", "the city of Kelso …"
                    shared.add(sa)  # "The city has 896 barangays", "Manila … 896 barangays"
                (pa, ya), (pb, yb) = _place(ctx, a, True), _place(ctx, b, True)
                least = 1 if typo or min(a.low, b.low) >= _TWIN_LEAST else 3
                if why == "transposed":
                    least = _TRANSPOSED_SHARED
                if (
                    typo
                    and _lower_after(view, a)
                    and _lower_after(view, b)  # not a name: "443 Maritime Helicopter Squadron"
                    and _section(ctx, a) == _section(ctx, b)
                ):
                    least = 0  # "681 households, and 388 families", "681 households out of which",
                    # in one paragraph or two
                if len(shared) < least and why in _NAMED_TWINS:
                    shared |= common_names  # "… 1,284 votes … in the decisive district, Valmora"
                if len(shared) < least:
                    continue  # "radio broadcasts reached 41 countries", "athletes from 49 countries";
                    # a small count ("two monks") needs three ("prepare", "herbal", "mixture")
                years_a, years_b = {y for y in ya if y < 10000}, {y for y in yb if y < 10000}
                if why == "transposed" and not years_a & years_b:
                    continue  # a swap of two digits ties two counts dated to one year only
                da, db = _dated(ctx, a), _dated(ctx, b)
                alike = da == db or bool(years_a & years_b)  # "In 1902, the station … This
                # station had a range of 80 km": the year of the sentence before dates it
                if pa == pb and pa is not None and pa[0] == -1:
                    continue  # items of one list: each counts its own ("Cherkasy Regiment -
                    # 2990 cossacks", "Poltava Regiment - 2970 cossacks")
                if not typo and (pa == pb or (not alike and not _lead_dates(ctx, a, b, da))):
                    continue  # one paragraph, or not dated alike ("in 1861 … 710", "… 810"),
                    # unless one is the lead's summary of the other
                if _apart(years_a, years_b) or _apart(ya - years_a, yb - years_b):
                    continue  # "in 2010 … 1,234 members", "in 2012 … 1,284 members"; two days
                if _two_reports(ctx, a, b) or _stated_there(ctx, a, b) or _told_apart(ctx, a, b):
                    continue  # two censuses, two variants; the other block states this figure
                if _other_events(ctx, a, b):
                    continue  # "its second landfall … 125 mph", "its third landfall … 120 mph"
                yield a, b, " ".join((a.counted or head).split()), why
    yield from _same_paragraphs(ctx, quantities)


def _ones(groups: dict[tuple[str, str], list[QuantityClaim]]) -> None:
    """Count "ones" after an adjective as the one noun the article counts after that adjective
    ("over 150 non-scientific works", "300 scientific papers and 150 non-scientific ones"):
    the figures of "non-scientific ones" join those of "non-scientific works"."""
    for unit, head in [k for k in groups if k[1].endswith(" one")]:
        modifiers = head.split()[:-1]
        nouns = [
            k for k in groups if k[0] == unit and k[1].split()[:-1] == modifiers and k[1] != head
        ]
        if len(nouns) == 1:
            groups[nouns[0]] += groups.pop((unit, head))


#: a paragraph given twice with one figure changed has at least this many words besides it
_SAME_BLOCK_WORDS = 8


def _same_paragraphs(
    ctx: Context, quantities: list[QuantityClaim]
) -> Iterator[tuple[QuantityClaim, QuantityClaim, str, str]]:
    """Two figures whose paragraphs are the same word for word but for them, whatever the
    figure counts ("… were evacuated, among the 15,000 total who were advised to", and the
    same paragraph with 25,000 copied to another section): one paragraph given twice and
    edited in one place only. (One sentence alike is not enough: "For every 100 females, there
    were 90.7 males" is each census's own.)"""
    view = ctx.doc.view
    by_size: dict[int, list[tuple[QuantityClaim, Region, int, int]]] = defaultdict(list)
    for q in quantities:
        if q.low is None or q.low != q.high or (q.unit == "count" and not q.counted):
            continue  # a bare number: a page, a note, a list's numbering
        block = _block(ctx, q)
        if block is None or block.kind != "paragraph":
            continue
        at = q.number_start if q.number_start is not None else q.start
        end = q.number_end if q.number_end is not None else q.end
        by_size[block.end - block.start - (end - at)].append((q, block, at, end))
    for found in by_size.values():  # only paragraphs of one length but for the figure compare
        if len({block.start for _, block, _, _ in found}) < 2:
            continue
        seen: dict[str, QuantityClaim] = {}
        for q, block, at, end in found:
            masked = view[block.start : at] + "\0" + view[end : block.end]
            if len(_WORD_RE.findall(masked)) < _SAME_BLOCK_WORDS:
                continue
            other = seen.setdefault(masked, q)
            if other is not q and other.low != q.low:
                yield other, q, " ".join((q.counted or "figure").split()), "same paragraph"


def _range_twins(
    ctx: Context, ranges: dict[tuple[str, str], list[QuantityClaim]]
) -> Iterator[tuple[QuantityClaim, QuantityClaim, str, str]]:
    """Two ranges of one counted noun with one end in common and the other not
    ("an estimated 75 to 200 million people", "some 75 to 250 million people"), in two
    paragraphs dated alike, that share a word besides the noun and that no change word or
    two other names set apart."""
    view = ctx.doc.view
    for (unit, head), items in ranges.items():
        if len(items) > 40 or unit != "count":
            continue  # a measure's range is a specification of several things ("43–47 cm")
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.low is None or b.low is None or a.sentence_start == b.sentence_start:
                    continue
                if (a.low == b.low) == (a.high == b.high):
                    continue  # the same range, or two ranges with nothing in common
                (wa, ca), (wb, cb) = _window(view, a), _window(view, b)
                if ca or cb:
                    continue  # "rose from 20 to 30 million", a quotation
                own = _own_name(ctx, a, b)
                na = {k for k in _names(wa) if k not in own} - wb.keys()
                nb = {k for k in _names(wb) if k not in own} - wa.keys()
                shared = (wa.keys() & wb.keys()) - set(head.split())
                if (na and nb) or not shared:
                    continue
                (pa, ya), (pb, yb) = _place(ctx, a), _place(ctx, b)
                if pa == pb or _apart(ya, yb) or _two_reports(ctx, a, b) or _told_apart(ctx, a, b):
                    continue
                yield a, b, " ".join((a.counted or head).split()), "same range"
