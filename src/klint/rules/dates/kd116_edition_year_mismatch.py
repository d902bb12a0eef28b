"""KD116 edition-year-mismatch: an edition named by its year held in a year two or more from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from klint import lazyre
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import line, narrative_region, sentence, show, sound
from klint.text.words import alternation

#: a determiner right before the year that names an edition: "the 2021 …", "its 1998 …"
_DETERMINER = lazyre.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)[ \t]+$")
#: the name the year stands before: capitalised words, joined by "of", "de", "the", "and"
_NAME = lazyre.compile(
    r"[ \t]+([A-Z][\w'’.&-]*(?:[ \t]+(?:(?:of|de|du|del|la|le|the|and)[ \t]+)*[A-Z][\w'’.&-]*)*)"
)
#: how many years an edition may be held from its own: "the 2020 Olympics were held in 2021"
_SLACK = 1


@lru_cache(maxsize=8)
def _held_re(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """What stands between an edition's name and the date it was held: "'s final was played
    on the", ", was held in Athens in", "took place in"."""
    passive = [v for v in verbs if " " not in v]
    phrases = [v.replace(" ", r"[ \t]+") for v in verbs if " " in v]
    verb = rf"(?:(?:was|were)[ \t]+(?:{alternation(tuple(passive))})"
    verb += "".join(f"|{p}" for p in phrases) + ")"
    return re.compile(
        r"(?:['’]s(?:[ \t]+[a-z]+){1,3})?,?[ \t]+"
        + verb
        + r"(?:[ \t]+(?:in|at)[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*,?)?"
        r"[ \t]+(?:(?:on|in|from|between)[ \t]+)?(?:the[ \t]+)?"
    )


class EditionYearMismatch(Rule):
    """## What it does
    Reports an edition of a recurring event named by its year ("the 2021 Carlow
    Senior Football Championship", "the 2019 Tour de France", "its 1998 Open")
    that the same sentence says was held — "was played on", "was held in",
    "took place in" (the dates pack's ``edition_held_verbs``), right after the
    name — at a date two years or more from that year. A year off is allowed:
    an edition may be postponed ("the 2020 Olympics were held in 2021") or a
    season cross the new year. The finding points also at the edition's first
    mention in the article when that comes earlier.

    ## Why is this bad?
    An edition is named for the year it is held; a date years away from it is a
    typo in the date or in the edition's year, often a date copied from the
    article on another edition.

    ## Example
        The relegation play-off for the 2021 Carlow Senior Football Championship
        was played on 24 September 2019.

        The 2019 Tour de France took place in July 2016.

        The 2004 Summer Olympics were held in Athens in August 2006.

    ## Use instead
        The relegation play-off for the 2021 Carlow Senior Football Championship
        was played on 24 September 2021.

        The 2019 Tour de France took place in July 2019.

        The 2004 Summer Olympics were held in Athens in August 2004.
    """

    code = "KD116"
    name = "edition-year-mismatch"
    severity = Severity.WARNING
    default_enabled = False
    summary = "an edition named by its year was held two years or more from it (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        view = ctx.doc.view
        held = _held_re(tuple(ctx.packs.date_words.get("edition_held_verbs", ())))
        dates = ctx.claims.dates
        for k, y in enumerate(dates):
            if y.precision != "year" or y.is_range or not sound(y):
                continue
            region = narrative_region(ctx, y.start)
            if region is None or not _DETERMINER.search(view, max(0, y.start - 8), y.start):
                continue
            name = _NAME.match(view, y.end, region.end)
            if name is None:
                continue
            name_end = name.end() - 2 if name.group(1)[-2:] in ("'s", "’s") else name.end()
            s, e = sentence(ctx, y, region)
            when = next((d for d in dates[k + 1 :] if d.start >= name_end), None)
            if (
                when is None
                or when.start >= e
                or not sound(when)
                or when.year_inferred
                or when.precision in ("decade", "century")
                or held.fullmatch(view, name_end, when.start) is None
            ):
                continue
            year = y.earliest.year
            if min(abs(when.earliest.year - year), abs(when.latest.year - year)) <= _SLACK:
                continue
            edition = f"{year} {view[name.start(1) : name_end]}"
            related = [(y.start, name_end, f"the edition: {edition}")]
            first = view.find(edition)
            if 0 <= first < s:
                related.append((first, first + len(edition), f"the edition first named: {edition}"))
            yield self.diagnostic(
                when.start,
                when.end,
                f"the {edition} is held at {show(when)}, {abs(when.earliest.year - year)} years "
                f"from the year it is named for (line {line(ctx, y.start)})",
                related=related,
            )
