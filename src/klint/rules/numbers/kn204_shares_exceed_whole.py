"""KN204 shares-exceed-whole: shares of one whole that add up to more than 100%."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from klint import lazyre
from klint.claims import QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.numbers._common import fmt, paragraphs, stated, value
from klint.text.words import alternation, has_cue

# "% of sales", "% of the vote": the whole a share is of
_OF_SHARE = re.compile(
    r"\s*(?:(?:share|stake)\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?P<whole>[a-z][\w'’-]*(?:\s+(?!(?:and|or|while|with|in|at|from|to|for)\b)[a-z][\w'’-]*)?)"
    r"(?=\s*[,;.)]|\s+(?:and|while|with|came|went|was|were|is|are)\b|\s+[a-z]+\s)"
)


#: how far after a share the words that name its whole are read
_TAIL_REACH = 240
# the noun a share is named by, after its number: "a 40% share of the market"
_SHARE_NOUN = lazyre.compile(r"\s*(?:share|stake)\b")
# a verb that splits one whole into the shares after it: "the vote split 40% for Ames"
_SPLIT_BEFORE = re.compile(r"\b(?:split|divided)\s+$")


@lru_cache(maxsize=8)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (the text is lower-cased first)."""
    return re.compile(rf"\b(?:{alternation(words)})\b")


@lru_cache(maxsize=8)
def _before_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words`` right before the end of the text searched ("about 45%")."""
    return re.compile(rf"(?:{alternation(words)})\s+$")


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage as a share: its span and value, and the sentence it stands in."""

    start: int
    end: int
    low: float
    text: str
    sentence_start: int
    sentence_end: int


_PERCENT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")


def _sentence_shares(ctx: Context, sentence: list[QuantityClaim]) -> list[Share]:
    """The exact percentages of a sentence: its percent claims, and those the extractor
    left out beside them ("Ben Bella 60%" after a name)."""
    claims = [q for q in sentence if q.unit == "percent"]
    if not claims or claims[0].sentence_start is None or claims[0].sentence_end is None:
        return []
    ss, se = claims[0].sentence_start, claims[0].sentence_end
    view = ctx.doc.view
    approx = _before_re(tuple(ctx.packs.numbers.share_approximators))
    out = [
        Share(q.start, q.end, q.low, " ".join(q.text.split()), ss, se)
        for q in claims
        if q.low is not None and q.qualifier == "exact"
    ]
    spans = sorted((q.start, q.end) for q in sentence)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far
    for m in _PERCENT.finditer(view, ss, se):
        i = bisect.bisect_right(starts, m.start()) - 1  # the claims that start before it
        if (i >= 0 and reach[i] > m.start()) or approx.search(
            view, max(ss, m.start() - 12), m.start()
        ):
            continue  # inside a claim, or approximate ("about 60%")
        out.append(
            Share(m.start(), m.end(), float(m.group(1)), " ".join(m.group().split()), ss, se)
        )
    return sorted(out, key=lambda x: x.start)


def _tail(view: str, q: Share) -> str:
    """The sentence after a share, as far as the words that name its whole may reach (not the
    whole rest of a long sentence for each of its shares)."""
    return view[q.end : min(q.sentence_end or q.end, q.end + _TAIL_REACH)]


def _growth(ctx: Context, near: str) -> bool:
    """Whether words near a percentage make it a change or a ratio ("rose 45%"); "made up"
    is a share's verb, not a rise."""
    return has_cue(re.sub(r"\bmade\s+up\b", " ", near), ctx.packs.numbers.share_blockers)


class SharesExceedWhole(Rule):
    """## What it does
    Reports shares of one whole in a sentence that add up to more than 100%
    ("60% Liberal, 30% Labour and 20% Green"; "exports made up 65% of sales and
    the home market 45%"; "60% voted yes, 45% no"; "Rossi took 45% of the vote,
    Bella 60% and Atlas 24%"; "Ames held a 40% share of the market and Bexley a 70%
    share"; "the vote split 40% for Ames and 70% for Bexley"). Shares of different wholes are left alone: another
    place or time ("65% in the north and 45% in the south"), another group ("65% of
    men and 45% of women"), another question ("60% used the ferry and 45% the
    bridge"), a change ("rose"). A count larger than its whole is KN211, infobox
    losses above a side's strength KN212.

    ## Why is this bad?
    Shares of one whole cannot add up to more than all of it; one of them is wrong.

    ## Example
        The council was 60% Liberal, 30% Labour and 20% Green.
        Exports made up 65% of sales and the home market 45%.
        Ames held a 40% share of the market and Bexley a 70% share.

    ## Use instead
        The council was 60% Liberal, 30% Labour and 10% Green.
        Exports made up 65% of sales and the home market 35%.
        Ames held a 40% share of the market and Bexley a 60% share.
    """

    code = "KN204"
    name = "shares-exceed-whole"
    severity = Severity.ERROR
    summary = "shares of one whole that add up to more than 100%"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not any(q.unit == "percent" for para in paragraphs(ctx) for q in para):
            return  # no share to add up: no sentence is read
        named = list(self._shares(ctx))
        yield from named
        yield from self._gapped_shares(ctx, {d.start for d in named})

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
                    # a group named by a capitalized word ("60% Liberal"): one dimension of one whole
                    named = re.match(r"\s?%\s+[A-Z]", view[q.number_end or q.end : q.end + 3])
                    if (
                        named
                        and q.counted is not None
                        and q.counted not in {r.counted for r in run}
                    ):
                        run.append(q)
                yield from self._report_shares(ctx, run, tol)

    def _gapped_shares(self, ctx: Context, reported: set[int]) -> Iterator[Diagnostic]:
        """Shares of one whole where the later ones leave the whole unsaid: "exports made
        up 65% of sales and the home market 45%", "60% voted yes, 45% no"."""
        view = ctx.doc.view
        num = ctx.packs.numbers
        tol = num.percent_tolerance
        for para in paragraphs(ctx):
            for _, group in itertools.groupby(para, key=lambda q: q.sentence_start):
                pcts = _sentence_shares(ctx, list(group))
                run: list[Share] = []
                whole = ""
                for q in pcts:
                    tail = _tail(view, q)
                    of = _OF_SHARE.match(tail)
                    if run and self._gapped(ctx, run[-1], q, whole):
                        run.append(q)
                        continue
                    yield from self._report_gapped(ctx, run, tol, reported)
                    run, whole = [], ""
                    if _growth(ctx, view[max(q.sentence_start or 0, q.start - 30) : q.end + 30]):
                        continue
                    if of is not None:
                        run, whole = [q], " ".join(of.group("whole").lower().split())
                    elif has_cue(
                        " ".join(tail.split()[:1]), [*num.share_cues, "were", "was"]
                    ) or _SPLIT_BEFORE.search(view, max(0, q.start - 12), q.start):
                        run = [q]  # "60% voted yes", "60% were men", "split 60% for Ames"
                yield from self._report_gapped(ctx, run, tol, reported)

    @staticmethod
    def _gapped(ctx: Context, prev: Share, q: Share, whole: str) -> bool:
        """Whether ``q`` continues the shares of ``prev``: joined by a comma or "and" after
        at most a few words, and either the same whole or none of its own, with no verb,
        place or time of its own ("and 45% in 2014" is another whole)."""
        view = ctx.doc.view
        gap = view[prev.end : q.start]
        of = _OF_SHARE.match(gap)
        if of is not None:
            gap = gap[of.end() :]
        words = gap.split()
        if (
            len(words) > 6
            or re.search(r"\d", gap)
            or not re.search(r"[,;]|\band\b", gap)
            or _words_re(tuple(ctx.packs.numbers.share_breaks)).search(gap.lower())
        ):
            return False
        tail = _tail(view, q)
        if noun := _SHARE_NOUN.match(tail):
            tail = tail[noun.end() :]  # "and Bexley a 70% share": named by the same noun
        if re.match(r"\s*of\b", tail):
            own = _OF_SHARE.match(tail)
            if own is None or " ".join(own.group("whole").lower().split()) != whole:
                return False  # a whole of its own: "75% of Italians"
            tail = tail[own.end() :]
        said = re.split(r"[,;()]|\.(?:\s|$)|\band\b", tail, maxsplit=1)[0].split()
        first = said[0].lower() if said else ""
        scopes = ctx.packs.numbers.share_scopes
        if len(said) > 3 or first in scopes or re.fullmatch(r"\d+", first):
            return False  # a clause of its own, or another place or time
        if first not in ctx.packs.numbers.share_cues and re.fullmatch(
            r"\w+ed|had|has|have|is|are|was|were", first
        ):
            return False  # its own verb: another question ("45% used Twitter")
        return not _growth(ctx, view[max(0, q.start - 20) : q.end + 30])

    def _report_gapped(
        self, ctx: Context, run: list[Share], tol: float, reported: set[int]
    ) -> Iterator[Diagnostic]:
        if len(run) < 2 or run[0].start in reported:
            return
        total = sum(q.low for q in run)
        if total <= 100 + tol * len(run):
            return
        yield self.diagnostic(
            run[0].start,
            run[-1].end,
            "shares of one whole add up to more than 100%: "
            + " + ".join(f"\u201c{q.text}\u201d" for q in run)
            + f" = {fmt(total)}%",
            related=[(q.start, q.end, f"share: \u201c{q.text}\u201d") for q in run[1:]],
        )

    def _report_shares(
        self, ctx: Context, run: list[QuantityClaim], tol: float
    ) -> Iterator[Diagnostic]:
        if len(run) < 2:
            return
        gaps = [ctx.doc.view[a.end : b.start].lower() for a, b in itertools.pairwise(run)]
        breaks = _words_re(tuple(ctx.packs.numbers.named_share_breaks))
        if any(breaks.search(g) for g in gaps):
            return
        total = sum(value(q) for q in run)
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
