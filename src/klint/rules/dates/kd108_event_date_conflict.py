"""KD108 event-date-conflict: the same named event given two different dates."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from string import ascii_letters

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.document import Region
from klint.extract.names import name_stopwords
from klint.packcache import per_packs
from klint.packs import Packs
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    line,
    narrative_region,
    prose_dates,
    sentence,
    show,
    typing_slips,
)
from klint.text import sentences
from klint.text.calendar import MONTH_NAMES
from klint.text.words import ascii_lower, ascii_shadow, literal_alternation

# An event word and its date stand in one phrase: no comma, "and" or "but" between them
# ("captured Orsk on April 3"; "On April 3, rebels captured Orsk").
_TIGHT_BEFORE = re.compile(r"(?:(?![,;]|\band\b|\bbut\b)[^.!?]){0,60}")
_TIGHT_AFTER = re.compile(r",?(?:(?![,;]|\band\b|\bbut\b)[^.!?]){0,40}")


_NAME_AFTER_EVENT = re.compile(
    r"[ \t]{1,2}(?:of[ \t])?(?:the[ \t])?([A-Z][\w-]{0,30}(?:[ \t][A-Z][\w-]{0,30}){0,2})"
)
_NAME_BEFORE_EVENT = re.compile(
    r"([A-Z][\w-]{0,30}(?:[ \t][A-Z][\w-]{0,30}){0,2})[ \t]{1,2}(?:was[ \t]|had[ \t]been[ \t])?$"
)


# before an event word: an attempt or a plan, which is not the event ("tried to capture")
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|fail(?:s|ed|ing)?|plann?(?:s|ed|ing)?|"
    r"sought|seek(?:s|ing)?|threaten(?:s|ed|ing)?)\s+to\s+$"
)


class EventDateConflict(Rule):
    """## What it does
    Finds the same one-time event dated in two places — an event word from the
    rule pack ("captured", "the fall of", "founded", "died") with the same name
    next to it — and reports two dates that cannot both be true ("captured on
    April 3" and "captured on April 5"). A coarser date that contains the finer
    one ("signed in May of 1994" and "May 16") is consistent. An event word
    capitalized inside a sentence is part of a name ("the Black Death"), a
    pronoun ("It was founded in …") names nothing, an attempt or a plan ("tried
    to capture Kabul in 1995") is not the event, and only the article's prose
    is read. An event a place can undergo again (a capture) dated years apart
    is two events ("Saladin captured Haifa in 1187", "captured from the
    Ottomans in September 1918"), unless one year is a typing slip of the other.
    The match of the two events is a guess,
    so findings are warnings.

    ## Why is this bad?
    One event happened once; two different dates for it are a contradiction.

    ## Example
        Rebel forces captured Millbrook on April 3, 1993.
        ...
        After rebel forces captured Millbrook on April 5, 1993, the council met.

    ## Use instead
        Rebel forces captured Millbrook on April 3, 1993.
        ...
        After rebel forces captured Millbrook on April 3, 1993, the council met.
    """

    code = "KD108"
    name = "event-date-conflict"
    severity = Severity.WARNING
    summary = "the same named event given two different dates"

    def _key(
        self,
        ctx: Context,
        c: DateClaim,
        events: dict[str, str],
        words: list[tuple[int, int, str]],
        starts: list[int],
    ) -> str | None:
        """The event a date is given to: an event word near it and the name beside that word."""
        i = bisect.bisect_left(starts, c.start - 260)
        if i >= len(starts) or starts[i] > c.end + 40:
            return None  # no event word near the date (the common case)
        region = narrative_region(ctx, c.start)
        if region is None:
            return None
        view = ctx.doc.view
        stop = name_stopwords(ctx.packs)
        s, e = sentence(ctx, c, region)
        lo = max(s, sentences.clause_start(view, max(s, c.start - 200), c.start) - 60)
        near = [
            w
            for w in words[i : bisect.bisect_right(starts, c.end + 40)]
            if w[0] >= lo and w[1] <= e
        ]
        before_claim = [
            w for w in near if w[1] <= c.start and _TIGHT_BEFORE.fullmatch(view, w[1], c.start)
        ]
        after_claim = [
            w for w in near if w[0] >= c.end and _TIGHT_AFTER.fullmatch(view, c.end, w[0])
        ]
        for start, end, word in [*before_claim[-1:], *after_claim[:1]]:
            if _ATTEMPT_BEFORE.search(view, max(s, start - 30), start):
                continue  # "attempted to capture Kabul": an attempt, not the event
            after = _NAME_AFTER_EVENT.match(view, end, end + 50)
            before = _NAME_BEFORE_EVENT.search(view, max(s, start - 50), start)
            name = after.group(1) if after else (before.group(1) if before else None)
            if name and name not in MONTH_NAMES and name.split()[0] not in stop:
                return f"{events[word]}:{name}"  # not "It was founded": a pronoun names nothing
        return None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        events, repeatable = _events(ctx.packs)
        # only a date in prose is given an event (see _key)
        prose = [
            (c, region)
            for c, region in prose_dates(ctx)
            if not c.is_range
            and c.cue not in ("quotation", "parenthesis")
            and c.precision in ("day", "month", "year")
        ]
        if not events or not prose:
            return  # no event word, or no date to give one: the text is not searched
        dated = [c for c, _ in prose]
        view = ctx.doc.view
        # the same length: offsets stay the view's ("İ" lowers to two characters)
        if all(w.isascii() and w.isalpha() for w in events):
            low, spans = _shadow_of(view, [region for _, region in prose])
        else:
            low, spans = ascii_lower(view), [(0, len(view))]
        words = [
            (a, b, low[a:b])
            for a, b in _whole_literals(tuple(events), low, view, spans)
            if not _in_a_name(view, a)
        ]
        starts = [w[0] for w in words]
        seen: dict[str, list[DateClaim]] = {}
        for c in dated:
            key = self._key(ctx, c, events, words, starts)
            if key is None:
                continue
            earlier = seen.setdefault(key, [])
            earlier.append(c)
            kind, name = key.split(":", 1)
            # Haifa captured in 1187 and again in 1918: two captures, each compared with its own
            same = (
                [f for f in earlier[:-1] if not _apart(f, c)] if kind in repeatable else earlier[:1]
            )
            if not same or any(not _disagree(f, c) for f in same):
                continue
            first = same[-1]
            yield self.diagnostic(
                c.start,
                c.end,
                f"the {kind} of {name} is dated {show(c)} here but {show(first)} at line "
                f"{line(ctx, first.start)}",
                related=[(first.start, first.end, f"first dated {show(first)}")],
                severity=Severity.WARNING,
            )


@per_packs
def _events(packs: Packs) -> tuple[dict[str, str], frozenset[str]]:
    """The pack's event words (lowercase) with the event each names, and the events a place
    can undergo again."""
    events = {k.lower(): v for k, v in packs.date_words.get("event_words", {}).items()}
    return events, frozenset(packs.date_words.get("repeatable_events", ()))


def _disagree(a: DateClaim, b: DateClaim) -> bool:
    """Can the two dates not both be true (neither contains the other)?"""
    return b.latest < a.earliest or b.earliest > a.latest


#: Years between two dates of a repeatable event beyond which they are two events.
_REPEAT_GAP_YEARS = 5


def _apart(a: DateClaim, b: DateClaim) -> bool:
    """Are two dates years apart, neither year a typing slip of the other ("1918", "1981")?"""
    ya, yb = a.earliest.year, b.earliest.year
    return (
        abs(ya - yb) > _REPEAT_GAP_YEARS
        and ya not in typing_slips(yb)
        and yb not in typing_slips(ya)
    )


def _in_a_name(view: str, start: int) -> bool:
    """Is the event word at ``start`` capitalized inside a sentence, part of a name ("the Black
    Death", "Fall Creek")?"""
    if not view[start].isupper():
        return False
    before = view[max(0, start - 3) : start].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _shadow_of(view: str, regions: list[Region]) -> tuple[str, list[tuple[int, int]]]:
    """The :func:`~klint.text.words.ascii_shadow` of ``view`` in spans that hold ``regions``
    (each widened to whole words, and joined to the last when less than ``_JOIN`` characters
    part them), blanks elsewhere, and those spans. An event word of letters alone never spans
    a character that is no letter, so it is found in a span as in the whole text, and only
    the words around the dates' regions are read (a table's dates have no event)."""
    spans: list[tuple[int, int]] = []
    for region in regions:
        a, b = region.start, region.end
        while a > 0 and view[a - 1] in ascii_letters:
            a -= 1
        while b < len(view) and view[b] in ascii_letters:
            b += 1
        if spans and a - spans[-1][1] < _JOIN:  # the regions come in text order
            if b > spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    pieces: list[str] = []
    pos = 0
    for a, b in spans:
        pieces += [" " * (a - pos), ascii_shadow(view[a:b])]
        pos = b
    pieces.append(" " * (len(view) - pos))
    return "".join(pieces), spans


#: the gap between two dates' regions read through rather than over again (each of the words
#: is looked for in each span, a call each)
_JOIN = 200


def _whole_literals(
    words: tuple[str, ...], low: str, view: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the lower-case ``words`` stand as whole words of ``view`` in ``spans``, found in
    its :func:`~klint.text.words.ascii_shadow` ``low``: the pattern tried only where
    ``str.find`` sees one of the words start (a regex scan tries every offset)."""
    pattern = literal_alternation(words)
    starts: set[int] = set()
    for a, b in spans:
        for w in words:
            p = low.find(w, a, b)
            while p >= 0:
                starts.add(p)
                p = low.find(w, p + 1, b)
    out = []
    end = 0
    for s in sorted(starts):  # leftmost, non-overlapping: what finditer returns
        m = pattern.match(low, s) if s >= end else None
        if m is None:
            continue
        end = m.end()
        if (s == 0 or not view[s - 1].isalnum()) and (end == len(view) or not view[end].isalnum()):
            out.append((s, end))
    return out
