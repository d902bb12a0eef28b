"""KD120 first-occurrence-conflict.

An event called the first of its kind dated after an earlier one (opt-in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import NARRATIVE, line, region_of, sentence, show, sound

#: "the first walk (of the X organisation) took place", "the inaugural race was held",
#: "the walk was first held": the kind of event, and what it belongs to
_FIRST_RE = lazyre.compile(
    r"\b(?:[Tt]he\s+(?:first|inaugural)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})"
    r"(?:\s+of\s+(?:the\s+)?(?P<owner>[^,.;()]{2,80}?))?"
    r"\s+(?:took\s+place|was\s+held|was\s+staged|was\s+organi[sz]ed|was\s+run|occurred)"
    r"|\b(?P<noun2>[a-z]{3,})\s+was\s+first\s+(?:held|staged|organi[sz]ed|run))\b"
    r"[^.;!?]{0,12}?\s(?:in|on|during)\s+$"
)
#: a sentence where events of a kind happen: "organized walks in 41 cities", "races were held"
_HAPPENED_RE = lazyre.compile(
    r"\b(?:held|organi[sz]ed|organi[sz]ing|staged|hosted|took\s+place|took\s+part\s+in|ran)\b"
)
#: a sentence that itself orders events ("the first", "before the first"): no earlier instance
_ORDERED_RE = lazyre.compile(
    r"\b(?:first|inaugural|earlier|previous|predecessor|precursor)\b", re.I
)
_WORD_RE = lazyre.compile(r"[A-Za-z]+")
_NAME_WORD_RE = lazyre.compile(r"\b[A-Z][A-Za-z]+")


class FirstOccurrenceConflict(Rule):
    """## What it does
    Reports an event the text calls the first of its kind — "the first walk took place in
    September 2011", "the inaugural race was held in 1998", "the rally was first held in
    2004" — when another sentence dates events of that same kind earlier ("In 2009, the
    organizers held walks in 41 cities"). The kind is the noun after "first" (singular or
    plural alike); the earlier sentence must say such events were held, organised, staged,
    hosted or took place, and must not itself order events ("first", "earlier",
    "previous"). A "first" that belongs to something else ("the first walk of the Leeds
    branch") is compared only when that is the article's subject.

    Opt-in (``--extend-select KD120``): real articles rarely make this mistake, and the
    judged corpus holds none of its findings yet.

    ## Why is this bad?
    Either the date of the "first" event or the date of the earlier ones is wrong, or "first"
    is: a reader cannot tell which.

    ## Example
        The first charity walk took place in September 2011 in Leeds.
        In 2009, the organizers held walks in twelve towns.

    ## Use instead
        The first charity walk took place in September 2008 in Leeds.
        In 2009, the organizers held walks in twelve towns.
    """

    code = "KD120"
    name = "first-occurrence-conflict"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an event called the first of its kind dated after an earlier one (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract.frames import lemma  # loaded with the frames, on first use

        view = ctx.doc.view
        if "first" not in view and "inaugural" not in view:
            return
        dated = []  # (claim, sentence start, sentence end) of every sound date of the prose
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or region.kind not in NARRATIVE or not sound(c):
                continue
            if c.precision in ("day", "month", "year"):
                dated.append((c, *sentence(ctx, c, region)))
        own = _title_words(ctx)
        for c1, s1, _ in dated:
            m = _FIRST_RE.search(view, max(s1, c1.start - 200), c1.start)
            if m is None or (m.group("owner") and not _owns(m.group("owner"), own)):
                continue
            kind = lemma(m.group("noun") or m.group("noun2"))
            for c0, s0, e0 in dated:
                if s0 == s1 or c0.latest >= c1.earliest or c0.is_range:
                    continue
                said = view[s0:e0]
                if (
                    _HAPPENED_RE.search(said)
                    and not _ORDERED_RE.search(said)
                    and kind in {lemma(w) for w in _WORD_RE.findall(said.lower())}
                ):
                    yield self.diagnostic(
                        c1.start,
                        c1.end,
                        f"the first {m.group('noun') or m.group('noun2')} is dated {show(c1)} "
                        f"here, but line {line(ctx, c0.start)} dates such events {show(c0)}",
                        related=[(c0.start, c0.end, f"events of the kind in {show(c0)}")],
                    )
                    break


def _title_words(ctx: Context) -> set[str]:
    """The words of the article's title (its title line, else its file name)."""
    title = next(ctx.doc.regions_of("title"), None)
    text = ctx.doc.view[title.start : title.end] if title else Path(ctx.doc.path).stem
    return {w.lower() for w in _WORD_RE.findall(text.replace("_", " ")) if len(w) > 2}


def _owns(owner: str, own: set[str]) -> bool:
    """Whether "the Stop Child Trafficking Now organization" names the article's subject: its
    capitalised words are all words of the title."""
    names = {w.lower() for w in _NAME_WORD_RE.findall(owner) if len(w) > 2}
    return bool(names) and names <= own
