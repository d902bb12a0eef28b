"""KD111 age-mismatch: a person's stated age against their birth and the event's date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from klint.claims import DateClaim, Frame, QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._common import line, show
from klint.rules.dates.kd110_attribute_date_conflict import Dated, agreed, dated

#: a name between an age and a date ("the oldest (age 31) since 32-year-old Connors …
#: in 1984") means the date is someone else's event; a place after "in", "at" or "to" does
#: not, however many words it has ("settled in New York in 1861")
_NAME_RUN_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*")
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|to|the)[ \t]+$")


def _near(view: str, date: DateClaim, age: QuantityClaim, person: str) -> bool:
    """Whether a date is the age's event: within 60 characters, no other name between."""
    first, second = (date, age) if date.start < age.start else (age, date)
    gap = view[first.end : second.start]
    own = set(person.split())
    return len(gap) <= 60 and all(
        _PLACE_BEFORE_RE.search(gap, 0, m.start()) or set(m.group().split()) <= own
        for m in _NAME_RUN_RE.finditer(gap)
    )


def _day(first: date, last: date) -> str:
    """A date span as the text would write it: "2 May 1790", "May 1790", "1790"."""
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def _ages(born: tuple[date, date], when: tuple[date, date]) -> tuple[int, int]:
    """The youngest and oldest a person born in ``born`` can be during ``when``."""
    youngest = (
        when[0].year - born[1].year - ((when[0].month, when[0].day) < (born[1].month, born[1].day))
    )
    oldest = (
        when[1].year - born[0].year - ((when[1].month, when[1].day) < (born[0].month, born[0].day))
    )
    return youngest, oldest


class AgeMismatch(Rule):
    """## What it does
    Checks an age the text gives ("aged 36", "at the age of 36", "died at 78")
    against the birth date of the person it belongs to and the date of the event
    (a date in the same clause, or the person's death for "died at" and for the age
    of an infobox "Died" field: ``{{death date and age|2001|9|25|1921|12|2}}`` shows
    "(aged 79)"). The age counts only when the clause's subject is that person for certain: named, or
    "he/she" in an article about them with no other person named since the last
    sentence ("the youngest since her predecessor, who had taken the title at age
    29 in 1961" is not about the article's subject), and no other name may stand
    between the age and the date but a place after "in", "at" or "to" ("was 50 when
    the family settled in New York in 1861"). Years alone allow a year's
    slack (the birthday may fall either side of the event).

    ## Why is this bad?
    An age that does not fit the two dates means one of the three is wrong.

    ## Example
        Mary Rowe (born 2 May 1790) was an English painter. Mary Rowe died in 1826, aged 32.

    ## Use instead
        Mary Rowe (born 2 May 1790) was an English painter. Mary Rowe died in 1826, aged 36.
    """

    code = "KD111"
    name = "age-mismatch"
    severity = Severity.WARNING
    default_enabled = False
    summary = "a person's age does not fit their birth date and the event's date (opt-in)"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        facts = dated(ctx)
        for q in ctx.claims.quantities:
            f = ctx.claims.frames.get(q)
            if (
                f is None
                or f.attribute != "age"
                or f.subject is None
                or q.low is None
                or q.low != q.high
                or q.qualifier != "exact"
            ):
                continue
            subject = subject_key(f.subject)
            birth = agreed(facts, subject, "born")
            if birth is None:
                continue  # no birth date, or two that disagree (KD110's finding)
            born_claim, *span = birth
            born = (span[0], span[1])
            if any(
                0 < q.start - c.end < 12 and q.start > c.start for c, *_ in facts[(subject, "born")]
            ):
                continue  # "born on 12 August 1967 (age 56)": the age today
            event = self._event(ctx, q, f, subject, facts)
            if event is None:
                continue
            when_claim, when = event
            youngest, oldest = _ages(born, when)
            age = int(q.low)
            if youngest <= age <= oldest:
                continue
            expected = str(youngest) if youngest == oldest else f"{youngest} or {oldest}"
            yield self.diagnostic(
                q.start,
                q.end,
                f"{f.subject} is {expected} at {_day(*when)} (born {_day(*born)}, "
                f"line {line(ctx, born_claim.start)}), not {age}",
                related=[
                    (born_claim.start, born_claim.end, f"born {_day(*born)}"),
                    (when_claim.start, when_claim.end, f"the event: {show(when_claim)}"),
                ],
            )

    def _event(
        self, ctx: Context, q: QuantityClaim, f: Frame, subject: str, facts: Dated
    ) -> tuple[DateClaim, tuple[date, date]] | None:
        """The dated event the age is given at: a date of the same clause, else the death."""
        if f.year is not None:
            best = None
            for c in ctx.claims.dates:
                if c.is_range or c.earliest.year != f.year:
                    continue
                if (
                    q.sentence_start is not None
                    and q.sentence_start <= c.start < (q.sentence_end or 0)
                    and _near(ctx.doc.view, c, q, f.subject or "")
                ):
                    best = c
                    break
            if best is not None:
                return best, (best.earliest, best.latest)
            return None
        death = agreed(facts, subject, "died")
        if (
            f.when is None
            and death is not None
            and (
                "died" in ctx.doc.view[q.sentence_start or q.start : q.start]
                or (f.field or "").lower().startswith(("died", "death"))  # a "Died" field
            )
        ):
            return death[0], (death[1], death[2])
        return None
