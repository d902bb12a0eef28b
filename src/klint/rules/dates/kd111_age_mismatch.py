"""KD111 age-mismatch: a person's stated age against their birth and the event's date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from klint import lazyre
from klint.claims import DateClaim, Frame, QuantityClaim
from klint.diagnostics import Diagnostic, Severity
from klint.rules.base import Context, Rule
from klint.rules.dates._actor import told_of_another
from klint.rules.dates._common import line, narrative_region, show, sound
from klint.rules.dates.kd110_attribute_date_conflict import Dated, agreed, dated
from klint.rules.dates.kd112_act_outside_life import lived
from klint.text import sentences

#: a name between an age and a date ("the oldest (age 31) since 32-year-old Connors …
#: in 1984") means the date is someone else's event; a place after "in", "at" or "to" does
#: not, however many words it has ("settled in New York in 1861")
#: a run of capitalised words, a name with a capital inside one of them too ("McCullough",
#: "O'Brien", "DiCaprio")
_NAME_RUN_RE = lazyre.compile(
    r"\b[A-Z](?:[a-z]+|['’](?=[A-Z]))(?:[A-Z][a-z]+)?"
    r"(?:[ \t]+[A-Z](?:[a-z]+|['’](?=[A-Z]))(?:[A-Z][a-z]+)?)*"
)
_PLACE_BEFORE_RE = lazyre.compile(r"\b(?:in|at|to|the)[ \t]+$")


def _near(view: str, date: DateClaim, age: QuantityClaim, person: str) -> bool:
    """Whether a date is the age's event: within 60 characters, no other name between."""
    first, second = (date, age) if date.start < age.start else (age, date)
    gap = view[first.end : second.start]
    own = _words(person)
    return len(gap) <= 60 and all(
        _PLACE_BEFORE_RE.search(gap, 0, m.start()) or _words(m.group()) <= own
        for m in _NAME_RUN_RE.finditer(gap)
    )


def _words(name: str) -> set[str]:
    """The words of a name, regardless of case: a title set in capitals ("HORST BITTNER")
    names the same person as "Bittner" in the text."""
    return {w.casefold() for w in name.split()}


def _died_before(view: str, start: int, at: int, person: str) -> bool:
    """Whether "died" stands in ``[start, at)`` after the last name there that names
    ``person``: "Keel died in 1849, aged 68", not "George I died in June 1727, and George II
    succeeded him at the age of 43" (another's death, before the person is named)."""
    own = _words(person)
    named = [m.end() for m in _NAME_RUN_RE.finditer(view, start, at) if _words(m.group()) <= own]
    return "died" in view[named[-1] if named else start : at]


#: an activity a person started at an age: "started learning to ski when she was 12",
#: "began playing the piano at the age of five", "took up painting aged 40"
_STARTED_RE = lazyre.compile(
    r"\b(?:started|began|took\s+up)\s[^.;:!?()]{0,60}?\b(?:when\s+(?:she|he)\s+was|"
    r"at\s+(?:the\s+)?age(?:\s+of)?|aged?)\s+(?P<n>\d{1,2})\b(?!\s*(?:[-–]|or\b|and\b))"
)
#: words that tell an earlier time after a later one: "had", "earlier", "as a child"
_LOOKING_BACK_RE = lazyre.compile(
    r"\b(?:had|earlier|previously|before|already|until|since|as\s+a\s+(?:child|boy|girl)|"
    r"born|childhood)\b",
    re.IGNORECASE,
)


#: a line set out as a table's row in plain text: cells apart by runs of spaces
_ROW_CELLS_RE = lazyre.compile(r"\S {3,}(?=\S)")


def _right_after(view: str, end: int, start: int) -> bool:
    """Whether a figure stands right after an age in its clause ("at the age of 96, with two
    of her children"): the age phrase gives one figure, the next counts something else."""
    return 0 <= end < start and start - end <= 30 and not re.search(r"[.;:!?()]", view[end:start])


def _other_row(view: str, at: int, person: str) -> bool:
    """Whether an age stands in a row of a plain-text table ("ARCHDUCHESS MARIA LUDOVIKA
    12 December 1791   17 December 1847 (aged 56)") that does not name the person the frame
    gave it: the row's own name is the bearer, not one read from the rows above."""
    start = view.rfind("\n", 0, at) + 1
    end = view.find("\n", at)
    row = view[start : end if end >= 0 else len(view)]
    if len(_ROW_CELLS_RE.findall(row)) < 2:
        return False
    return not _words(person) & _words(row)


def _of(facts: Dated, subject: str, attribute: str) -> tuple[DateClaim, date, date] | None:
    """The birth or death the article gives a person, a name alone read as the full name it
    is part of ("Willbond": Ben Willbond)."""
    return agreed({(subject, attribute): lived(facts, subject, attribute)}, subject, attribute)


def _birthday(born: date, age: int) -> date:
    """The day a person born on ``born`` turns ``age`` (28 February for 29 February)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 2, 28)


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
    "(aged 79)"; "died" must follow the last name of the person before the age,
    not stand in another's death, "George I died …, and George II succeeded him at
    the age of 43"). The age counts only when the clause's subject is that person for certain: named, or
    "he/she" in an article about them with no other person named since the last
    sentence ("the youngest since her predecessor, who had taken the title at age
    29 in 1961" is not about the article's subject), and no other name may stand
    between the age and the date but a place after "in", "at" or "to" ("was 50 when
    the family settled in New York in 1861"); a name matches whatever its case (a lead
    that sets "HORST BITTNER" in capitals names "Bittner"). Years alone allow a year's
    slack (the birthday may fall either side of the event). A surname alone is the
    person whose life the infobox, front matter or lead gives under a name ending
    with it, when no other person's life in the article shares it ("Maxwell" in a
    copy of the article on James Clerk Maxwell whose infobox names his wife Katherine
    Clerk Maxwell). An age in a row of a plain-text table (cells apart by runs of
    spaces) belongs to the row's own name: a name read from the rows above it is not
    its bearer. An age in a clause KD110 finds told of someone else ("Richards's account
    is shorter … (he died in 1985, aged 91)") is not the subject's, and a figure right
    after an age counts something else ("at the age of 96, with two of her children").

    An activity started at an age ("started learning to ski when she was 12",
    "began playing the piano at the age of 9", "took up painting aged 40"), in a
    sentence that gives no date, is checked against the person's birth and what
    the next two sentences of the paragraph tell of that person: an act dated
    before that age ("She took part in local races in 2010" for a skier born in
    May 2001) means the age, the birth or the year is wrong. A sentence that looks
    back ("had", "earlier", "as a child", "until") or tells of someone else is
    not read.

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
        last_age = -1  # the end of the last age: a figure right after it counts something else
        for q in ctx.claims.quantities:
            f = ctx.claims.frames.get(q)
            if f is None or f.attribute != "age":
                continue
            after_age, last_age = _right_after(ctx.doc.view, last_age, q.start), q.end
            if (
                f.subject is None
                or q.low is None
                or q.low != q.high
                or q.qualifier != "exact"
                or after_age  # "at the age of 96, with two of her children"
            ):
                continue
            if _other_row(ctx.doc.view, q.start, f.subject):
                continue  # "… 17 December 1847 (aged 56)" in a table row of another name
            if f.origin in ("lead", "body") and told_of_another(ctx, q, f.subject):
                continue  # "Richards's account …, (he died in 1985, aged 91)": Richards's age
            subject = subject_key(f.subject)
            birth = _of(facts, subject, "born")
            if birth is None:
                continue  # no birth date, or two that disagree (KD110's finding)
            born_claim, *span = birth
            born = (span[0], span[1])
            if any(
                0 < q.start - c.end < 12 and q.start > c.start
                for c, *_ in lived(facts, subject, "born")
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
        yield from self._started(ctx, facts)

    def _started(self, ctx: Context, facts: Dated) -> Iterator[Diagnostic]:
        """An activity a person started at an age ("started learning to ski when she was
        12") against an act of that person the same paragraph tells after it, dated before
        that age ("She took part in local events in 2012")."""
        from klint.extract.frames import subject_key  # loaded with the frames, on first use

        view = ctx.doc.view
        ages = {q.start: q for q in ctx.claims.quantities}
        dates = sorted(
            (c for c in ctx.claims.dates if sound(c) and not c.is_range and not c.year_inferred),
            key=lambda c: c.start,
        )
        for m in _STARTED_RE.finditer(view):
            q = ages.get(m.start("n"))
            f = ctx.claims.frames.get(q) if q is not None else None
            region = narrative_region(ctx, m.start())
            if q is None or f is None or f.subject is None or region is None or q.low is None:
                continue
            subject = subject_key(f.subject)
            birth = _of(facts, subject, "born")
            s = sentences.sentence_start(view, region.start, m.start())
            e = sentences.STOP_OR_END.search(view, m.end(), region.end)
            end = e.end() if e else region.end
            if birth is None or any(s <= c.start < end for c in dates):
                continue  # no birth, or the sentence dates the start itself (the age check's)
            born_claim, born, born_last = birth
            start = _birthday(born, int(q.low))
            for c in dates:
                if not end <= c.start < region.end or c.latest >= start:
                    continue
                fc = ctx.claims.frames.get(c)
                cs = sentences.sentence_start(view, region.start, c.start)
                if sum(1 for _ in sentences.STOP.finditer(view, end, cs + 1)) > 1:
                    break  # two sentences on: the paragraph has moved on from the start
                if (
                    fc is None
                    or fc.subject is None
                    or subject_key(fc.subject) != subject
                    or fc.how not in ("title", "name", "pronoun")
                    or fc.attribute in ("born", "died")
                    or _LOOKING_BACK_RE.search(view, cs, c.start)
                ):
                    continue
                yield self.diagnostic(
                    c.start,
                    c.end,
                    f"{f.subject} started at {int(q.low)}, not before "
                    f"{_day(start, _birthday(born_last, int(q.low)))} (born "
                    f"{_day(born, born_last)}, line {line(ctx, born_claim.start)}), but the "
                    f"paragraph goes on to {show(c)}",
                    related=[
                        (m.start(), m.end(), f"the start, at {int(q.low)}"),
                        (born_claim.start, born_claim.end, f"born {_day(born, born_last)}"),
                    ],
                )
                break

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
        death = _of(facts, subject, "died")
        if (
            f.when is None
            and death is not None
            and (
                _died_before(ctx.doc.view, q.sentence_start or q.start, q.start, f.subject or "")
                or (f.field or "").lower().startswith(("died", "death"))  # a "Died" field
            )
        ):
            return death[0], (death[1], death[2])
        return None
