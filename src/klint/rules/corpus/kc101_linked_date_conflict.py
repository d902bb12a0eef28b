"""KC101 linked-date-conflict: a date about a linked article's subject that its own article contradicts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from klint import lazyre
from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context
from klint.rules.corpus._common import CorpusRule, Fact, is_linked, is_own
from klint.rules.dates._common import show, sound

#: attributes a text may round or give by another convention by a year (as KD110)
_YEAR_SLACK = frozenset({"founded", "opened", "released", "published", "completed"})
_CIRCA_RE = lazyre.compile(r"\b(?:c\.|ca\.|circa|about|around|approximately)\s*(?:\]\]\s*)?$", re.I)
#: a link to an event, then the verb that dates it, right before the date: "the [[Battle of X]]
#: was fought on …", "[Battle of X](battle-of-x.md) took place near York in …"
_EVENT_RE = lazyre.compile(
    r"(?:\[\[(?P<wiki>[^\[\]|#\n]{1,200})(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]{0,200})?\]\]"
    r"|\[[^\[\]\n]{1,200}\]\(\s*<?(?P<md>[^()\s<>]{1,500})>?\s*\))"
    r"\s+(?:was\s+fought|were\s+fought|took\s+place|occurred)"
    r"(?:\s+(?:near|at|in|outside)\s+[^.;:\[\]\d]{1,60}?)?\s+(?:on|in)\s+$"
)


class LinkedDateConflict(CorpusRule):
    """## What it does
    Checks a corpus (a MediaWiki dump, or a folder of articles linking to each other)
    and reports a date an article gives about an entity it links to — a person's birth
    or death, the date a battle was fought, a founding, opening, release or
    publication — that the entity's own article contradicts in its infobox or lead.
    The entity is the link target, never a name matched loosely. A coarser date
    containing the finer one agrees ("1066" and "20 September 1066"); a founding,
    opening or release may differ by one year, as in KD110. Runs only when more than
    one article is checked.

    ## Why is this bad?
    Two articles of one wiki tell the reader two different dates for one event; one
    of them is wrong, usually because an edit fixed one article and not the others.

    ## Example
    ```wikitext Battle of Fulford
    {{Infobox military conflict
    | conflict = Battle of Fulford
    | date = 20 September 1066
    }}
    The '''Battle of Fulford''' was fought near York in 1066.
    ```

    ```wikitext Harald Hardrada
    '''Harald Hardrada''' was King of Norway.

    The [[Battle of Fulford]] was fought on 25 September 1066.
    ```

    ## Use instead
    ```wikitext Battle of Fulford
    {{Infobox military conflict
    | conflict = Battle of Fulford
    | date = 20 September 1066
    }}
    The '''Battle of Fulford''' was fought near York in 1066.
    ```

    ```wikitext Harald Hardrada
    '''Harald Hardrada''' was King of Norway.

    The [[Battle of Fulford]] was fought on 20 September 1066.
    ```
    """

    code = "KC101"
    name = "linked-date-conflict"
    severity = Severity.WARNING
    summary = "a date about a linked entity that its own article contradicts (opt-in)"

    def facts(self, ctx: Context) -> Iterator[Fact]:
        frames = ctx.claims.frames
        for c in ctx.claims.dates:
            if not sound(c) or c.precision not in ("day", "month", "year") or c.cue == "quotation":
                continue
            f = frames.get(c)
            if f is None or _CIRCA_RE.search(ctx.doc.text, max(0, c.start - 12), c.start):
                continue  # an approximate date ("c. 1015") contradicts nothing near it
            own = f.subject is not None and is_own(ctx, f)
            event = None if own or c.year_inferred else _event(ctx, c)
            if event is not None:
                f = replace(f, subject=event, how="link", attribute="date", when=None, year=None)
                yield self.fact(
                    ctx, c, f, "date", False, c.earliest.toordinal(), c.latest.toordinal(), show(c)
                )
                continue
            if f.subject is None or (not own and (not is_linked(ctx, f) or c.year_inferred)):
                continue
            for attribute, low, high in _dated(ctx, c, f.attribute, own):
                yield self.fact(
                    ctx, c, f, attribute, own, low.toordinal(), high.toordinal(), show(c)
                )

    def compare(self, own: list[Fact], said: list[Fact]) -> Iterator[Diagnostic]:
        for s in said:
            against = [o for o in own if not _agree(o, s)]
            if against and len(against) == len(own):
                o = min(against, key=lambda o: (o.origin != "infobox", o.path, o.start))
                yield self.finding(
                    s,
                    o,
                    f"{s.name}: {_word(s.attribute)} {s.shown} here, but {o.shown} in its own "
                    f"article ({o.path}, line {o.line}, {o.origin})",
                    f"{_word(o.attribute)} {o.shown} ({o.origin} of {o.name})",
                )


def _dated(
    ctx: Context, c: DateClaim, attribute: str | None, own: bool
) -> Iterator[tuple[str, date, date]]:
    """``(attribute, earliest, latest)`` of what a date gives: a lifespan gives two."""
    from klint.extract.frames import ONCE  # loaded with the frames, on first use

    if attribute == "lifespan" and c.is_range:
        if c.range_start_latest and c.range_end_earliest:
            yield "born", c.earliest, c.range_start_latest
            yield "died", c.range_end_earliest, c.latest
    elif attribute in ONCE and not c.is_range:
        yield attribute, c.earliest, c.latest
    elif own and attribute == "date":
        f = ctx.claims.frames.get(c)
        if f is not None and f.origin == "infobox":  # the event box's date
            yield "date", c.earliest, c.latest


def _event(ctx: Context, c: DateClaim) -> str | None:
    """The linked event a date is the date of ("[[Battle of X]] was fought on <date>"), if any."""
    if c.is_range:
        return None
    m = _EVENT_RE.search(ctx.doc.text, max(0, c.start - 300), c.start)
    if m is None:
        return None
    if m["wiki"]:
        return " ".join(m["wiki"].replace("_", " ").split())
    target = m["md"].rstrip("/").rsplit("/", 1)[-1].split("#")[0]
    if "://" in m["md"] or not target:
        return None  # a page elsewhere, not an article of this corpus
    return re.sub(r"\.(?:md|html?|wiki)$", "", target).replace("_", " ").replace("-", " ")


def _agree(a: Fact, b: Fact) -> bool:
    if a.attribute != b.attribute:
        return True
    if a.high < b.low or b.high < a.low:
        if a.attribute in _YEAR_SLACK:
            years = [date.fromordinal(int(v)).year for v in (a.low, a.high, b.low, b.high)]
            return abs(years[0] - years[2]) <= 1 and abs(years[1] - years[3]) <= 1
        return False
    return True


def _word(attribute: str) -> str:
    return "dated" if attribute == "date" else attribute
