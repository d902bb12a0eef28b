"""KD104 chronology-regression.

A dated sentence jumps back past the previous one with no flashback cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from klint.claims import DateClaim
from klint.diagnostics import Diagnostic, Severity
from klint.extract import _datecues as clock
from klint.rules.base import Context, Rule
from klint.rules.dates._common import (
    ENDPOINT,
    NARRATIVE,
    line,
    region_of,
    sentence,
    severity_for,
    show,
    sound,
)
from klint.text import sentences

# A date after one of these words in its sentence is a reference point, not the story's time.
_SUBORDINATE = re.compile(r"\b(?:[Aa]fter|which|who|whom|whose)\b")


def lexicon(ctx: Context) -> clock.Lexicon:
    return clock.lexicon(ctx.packs)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


class ChronologyRegression(Rule):
    """## What it does
    Walks the dated sentences of each section of narrative in order and reports a
    sentence whose date jumps back past the previous dated sentence by more than
    a threshold (default: one month; option ``threshold-days``), when nothing in
    the sentence marks a flashback ("earlier", "previously", "had …", "prior to",
    "since", "in the years before"). Report dates ("as reported in 1993"),
    parentheses, quotations, captions, dates in "after …" or relative clauses,
    and dates coarser than a season are not narrative time and are skipped. A
    section counts as narrative once three dated sentences ran in order; a
    section with more than one jump back is not told in order and is left alone;
    a paragraph that opens with an undated sentence starts a new topic; and a
    jump after which the story goes on from the earlier date starts a new
    thread rather than a slip.

    ## Why is this bad?
    A reader follows a narrative in order; an unmarked jump back usually means a
    misdated event or a paragraph that was moved.

    ## Example
        The council met in March 1989. It called a strike in June 1989.

        In January 1990, riots broke out in the port.

        Fighting spread to other towns in December 1988.

    ## Use instead
        The council met in March 1989. It called a strike in June 1989.

        In January 1990, riots broke out in the port.

        Fighting had already spread to other towns in December 1988.
    """

    code = "KD104"
    name = "chronology-regression"
    severity = Severity.ERROR
    summary = "a dated sentence jumps back past the previous one with no flashback cue"

    @dataclass(frozen=True)
    class Options:
        threshold_days: float | None = field(
            default=None,
            metadata={
                "doc": "how many days back a dated sentence may jump unreported "
                "(not set: the rule pack's `KD104_days`, 31)",
                "min": 0,
            },
        )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        value = ctx.options(self.code).threshold_days
        threshold = float(ctx.packs.thresholds.get("KD104_days", 31) if value is None else value)
        for anchors in self._sections(ctx):
            found = self._regressions(anchors, threshold)
            if len(found) != 1:
                continue  # no jump, or a section that is not told in order at all
            i = found[0]
            c, prev = anchors[i][0], anchors[i - 1][0]
            if any(
                later.latest < prev.earliest - timedelta(days=threshold)
                for later, _ in anchors[i + 1 :]
            ):
                continue  # the story goes on from the earlier date: a new thread, not a slip
            gap = _months_between(c.latest, prev.earliest)
            amount = f"{gap} months" if gap >= 2 else f"{(prev.earliest - c.latest).days} days"
            yield self.diagnostic(
                c.start,
                c.end,
                f"chronology goes back: {show(c)} comes after {show(prev)} (line {line(ctx, prev.start)}) "
                f"in the same section with no flashback cue, a jump back of {amount}",
                related=[(prev.start, prev.end, f"the previous dated sentence: {show(prev)}")],
                severity=severity_for(c, prev),
            )

    def _regressions(self, anchors: list[tuple[DateClaim, bool]], threshold: float) -> list[int]:
        """Indexes of anchors that jump back, after a run of at least MIN_RUN in order."""
        out: list[int] = []
        run = 0
        for i, (c, fresh) in enumerate(anchors):
            prev = anchors[i - 1][0] if i else None
            back = prev is not None and (prev.earliest - c.latest).days > threshold
            if back and not fresh and run >= self.MIN_RUN:
                out.append(i)
            run = 1 if back else run + 1
        return out

    def _sections(self, ctx: Context) -> Iterator[list[tuple[DateClaim, bool]]]:
        """Per section, the dated sentences' anchor dates, each with a flag: first of a new topic.

        A paragraph that opens with an undated sentence starts a new topic: its
        first anchor is not compared with the paragraphs before it.
        """
        lex = lexicon(ctx)
        view = ctx.doc.view
        dated_sentences = {
            sentence(ctx, c, r)[0] for c in ctx.claims.dates if (r := region_of(ctx, c.start))
        }
        anchors: list[tuple[DateClaim, bool]] = []
        section, paragraph = -1, None
        done: set[int] = set()
        for c in ctx.claims.dates:
            region = region_of(ctx, c.start)
            if region is None or region.kind not in NARRATIVE:
                continue
            if region.section != section:
                if anchors:
                    yield anchors
                section, anchors = region.section, []
            s, e = sentence(ctx, c, region)
            if (
                s in done
                or not self._eligible(c)
                or c.preposition in ENDPOINT
                or _SUBORDINATE.search(view, s, c.start)
            ):
                continue
            done.add(s)
            clause_end = sentences.CLAUSE_PUNCT.search(view, c.end, e)
            tail_end = clause_end.start() if clause_end else e
            if lex.flashback.search(view, c.end, tail_end) or lex.clause_flashback.search(
                view, c.end, tail_end
            ):
                continue
            fresh = region is not paragraph and region.start not in dated_sentences
            paragraph = region
            anchors.append((c, fresh))
        if anchors:
            yield anchors

    #: Dated sentences in order that make a section read as a chronological narrative.
    MIN_RUN = 3

    @staticmethod
    def _eligible(c: DateClaim) -> bool:
        return (
            sound(c)
            and c.cue is None
            and c.precision in ("day", "month", "season")
            and (c.latest - c.earliest).days <= 120
        )
